"""One test per class of bad input: each error names file, line and key, and all are reported together."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from wtsc.loader import DataError, load_guidance

ROLE = "roles/demo.yaml"


def edit(data: Path, name: str, old: str, new: str) -> None:
    path = data / name
    text = path.read_text()
    assert old in text, f"fixture changed: {old!r} not in {name}"
    path.write_text(text.replace(old, new, 1))


def problems(data: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_guidance(data, display_root=data.parent)
    return [str(p) for p in caught.value.problems]


def line_of(data: Path, name: str, needle: str) -> int:
    lines = (data / name).read_text().splitlines()
    return next(i for i, line in enumerate(lines, start=1) if needle in line)


def test_fixture_data_is_valid(data_copy: Path) -> None:
    guidance = load_guidance(data_copy)
    assert [r.id for r in guidance.roles] == ["demo"]


def test_yaml_syntax_error(data_copy: Path) -> None:
    edit(data_copy, ROLE, "name: Demo agency", 'name: "Demo agency')
    [message] = problems(data_copy)
    assert message.startswith("data/roles/demo.yaml:")
    assert "YAML syntax error" in message


def test_missing_required_key(data_copy: Path) -> None:
    edit(data_copy, ROLE, "one_line: A role used by the tests.\n", "")
    [message] = problems(data_copy)
    assert message.startswith("data/roles/demo.yaml:1: one_line: required key is missing")


def test_wrong_type_and_bad_enum(data_copy: Path) -> None:
    edit(data_copy, ROLE, "level: should, text: Keep children safe.", "level: shall, text: Keep children safe.")
    [message] = problems(data_copy)
    line = line_of(data_copy, ROLE, "level: shall")
    assert message.startswith(f"data/roles/demo.yaml:{line}: duties[0].editions.wt2006.level:")
    assert "'must' or 'should'" in message and "'shall'" in message


def test_unknown_reference_suggests_the_right_id(data_copy: Path) -> None:
    edit(data_copy, ROLE, 'cite: {source: wt2010, para: "2.1"}', 'cite: {source: wt201, para: "2.1"}')
    [message] = problems(data_copy)
    line = line_of(data_copy, ROLE, "source: wt201,")
    assert message.startswith(f"data/roles/demo.yaml:{line}: duties[0].editions.wt2010.cite[0].source:")
    assert "unknown source 'wt201'" in message and "did you mean 'wt2010'" in message and "known:" in message


def test_duplicate_id(data_copy: Path) -> None:
    edit(data_copy, ROLE, "- id: new-in-2010", "- id: keep-safe")
    [message] = problems(data_copy)
    lines = (data_copy / ROLE).read_text().splitlines()
    second = [i for i, line in enumerate(lines, start=1) if "- id: keep-safe" in line][1]
    assert message == f"data/roles/demo.yaml:{second}: duties[1].id: duplicate duty id 'keep-safe'"


def test_duplicate_key_in_a_mapping(data_copy: Path) -> None:
    edit(data_copy, ROLE, "sector: justice\n", "sector: justice\nsector: health\n")
    [message] = problems(data_copy)
    assert message == "data/roles/demo.yaml:4: sector: duplicate key 'sector' (first at line 3)"


def test_unknown_edition_id(data_copy: Path) -> None:
    edit(data_copy, ROLE, "editions: [wt2006, wt2010]", "editions: [wt2006, wt2011]")
    found = problems(data_copy)
    assert any(m.startswith("data/roles/demo.yaml:7: editions[1]: unknown edition 'wt2011'") for m in found), found


def test_badly_formed_edition_id(data_copy: Path) -> None:
    edit(data_copy, ROLE, "editions: [wt2006, wt2010]", "editions: [wt2006, 2010]")
    [message] = problems(data_copy)
    assert message.startswith("data/roles/demo.yaml:7: editions[1]:")
    assert "valid string, got 2010" in message


def test_bad_date(data_copy: Path) -> None:
    edit(data_copy, "editions.yaml", "published: 2010-03", "published: 2010-13")
    [message] = problems(data_copy)
    line = line_of(data_copy, "editions.yaml", "published: 2010-13")
    assert message.startswith(f"data/editions.yaml:{line}: [1].published:")
    assert "year and month like '2023-12'" in message and "'2010-13'" in message


def test_unknown_key_is_reported(data_copy: Path) -> None:
    edit(data_copy, ROLE, "one_line:", "oneline: x\none_line:")
    [message] = problems(data_copy)
    line = line_of(data_copy, ROLE, "oneline: x")
    assert message.startswith(f"data/roles/demo.yaml:{line}: oneline: unknown key")


def test_every_problem_is_reported_at_once(data_copy: Path) -> None:
    edit(data_copy, ROLE, "sector: justice", "sector: jutsice")
    edit(data_copy, "changes/2006-2010.yaml", "roles: [demo]", "roles: [demo, nobody]")
    edit(data_copy, "glossary.yaml", "roles: [demo]", "roles: [ghost]")
    found = problems(data_copy)
    assert len(found) == 3
    assert {m.split(":")[0] for m in found} == {
        "data/roles/demo.yaml",
        "data/changes/2006-2010.yaml",
        "data/glossary.yaml",
    }


def test_file_name_must_match_id(data_copy: Path) -> None:
    (data_copy / ROLE).rename(data_copy / "roles" / "other.yaml")
    [message] = problems(data_copy)
    assert message == "data/roles/other.yaml:1: id: 'demo' must match the file name 'other'"


def test_summary_longer_than_one_screen(data_copy: Path) -> None:
    edit(data_copy, ROLE, "summary: Works with children and keeps them safe.", "summary: " + "word " * 151)
    [message] = problems(data_copy)
    assert "quick summary has 151 words; at most 150" in message


def test_validate_command_prints_errors_without_traceback(data_copy: Path) -> None:
    edit(data_copy, ROLE, "sector: justice", "sector: jutsice")
    result = subprocess.run(
        [sys.executable, "-m", "wtsc", "validate", str(data_copy)], capture_output=True, text=True, cwd=data_copy.parent
    )
    assert result.returncode == 1
    assert "data/roles/demo.yaml:3: sector: unknown sector 'jutsice' (did you mean 'justice'?" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_misspelt_edition_id_names_the_pattern(data_copy: Path) -> None:
    edit(data_copy, ROLE, "editions: [wt2006, wt2010]", "editions: [wt2006, WT2010]")
    [message] = problems(data_copy)
    assert message == "data/roles/demo.yaml:7: editions[1]: expected an edition id like 'wt2010', got 'WT2010'"
