"""The real build: strict, complete, linked, exported, and atomic."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import jsonschema
from conftest import ROOT, Build, run_build
from sitecheck import broken_links, read_page

from wtsc.model import Guidance
from wtsc.pages import generated_pages


def html_path(site: Path, md_path: str) -> Path:
    return site / md_path.replace(".md", ".html")


def test_every_generated_page_exists(build: Build, guidance: Guidance) -> None:
    pages = generated_pages(guidance)
    missing = [p.path for p in pages if not html_path(build.site, p.path).is_file()]
    assert missing == []
    assert len([p for p in pages if p.path.startswith("roles/")]) >= len(guidance.roles)
    years = [e.year for e in guidance.compared_editions]
    for i, a in enumerate(years):
        for b in years[i + 1 :]:
            assert (build.site / "compare" / f"{a}-{b}.html").is_file()


def test_every_internal_link_and_anchor_resolves(build: Build, output_dir: Path) -> None:
    broken, external = broken_links(build.offline)
    (output_dir / "external-links.txt").write_text("\n".join(sorted(set(external))) + "\n")
    assert broken == []
    assert external, "expected links to official texts and sources"


def test_open_data_validates_against_its_schema(build: Build, guidance: Guidance) -> None:
    data = json.loads((build.site / "data" / "guidance.json").read_text())
    schema = json.loads((build.site / "data" / "guidance.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(data, schema)
    assert {"wt2006", "wt2010", "wt2015", "wt2023"} <= {e["id"] for e in data["editions"]}
    duties = [d for r in data["roles"] for d in r["duties"]]
    assert len(duties) == sum(len(r.duties) for r in guidance.roles)
    assert all(e["cite"] and e["cite"][0]["source"] for d in duties for e in d["editions"].values())


def test_broken_schema_data_is_caught(build: Build) -> None:
    data = json.loads((build.site / "data" / "guidance.json").read_text())
    schema = json.loads((build.site / "data" / "guidance.schema.json").read_text())
    data["roles"][0]["duties"][0]["editions"] = {"wt2010": {"level": "maybe"}}
    try:
        jsonschema.validate(data, schema)
    except jsonschema.ValidationError:
        return
    raise AssertionError("the schema accepted an invalid duty")


def test_offline_zip_holds_the_whole_site(build: Build) -> None:
    built = {p.relative_to(build.site) for p in build.site.rglob("*") if p.is_file()}
    unzipped = {p.relative_to(build.offline) for p in build.offline.rglob("*") if p.is_file()}
    assert built == unzipped
    assert Path("vendor/mermaid.min.js") in built and Path("search/search_index.js") in built


def test_pages_load_nothing_from_the_network(build: Build) -> None:
    for page in sorted(build.site.rglob("*.html")):
        links = read_page(page)
        remote = [s for s in links.srcs if s.startswith(("http:", "https:", "//"))]
        assert remote == [], f"{page}: {remote}"
        text = page.read_text()
        assert "fonts.googleapis" not in text and "unpkg.com" not in text, page


def test_adding_a_record_adds_its_page_with_no_code_change(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    role = (data / "roles" / "cafcass.yaml").read_text()
    (data / "roles" / "test-new-role.yaml").write_text(
        role.replace("id: cafcass", "id: test-new-role", 1).replace("name:", "name: Test new role #", 1)
    )
    result = run_build(tmp_path / "site", tmp_path / "dist", {"WTSC_DATA_DIR": str(data)})
    assert result.returncode == 0, result.stderr
    page = tmp_path / "site" / "roles" / "test-new-role.html"
    assert page.is_file()
    assert "test-new-role.html" in (tmp_path / "site" / "roles" / "index.html").read_text()


def digest(path: Path) -> str:
    if path.is_file():
        return hashlib.sha256(path.read_bytes()).hexdigest()
    files = sorted(p for p in path.rglob("*") if p.is_file())
    return hashlib.sha256(b"".join(p.read_bytes() for p in files)).hexdigest()


def test_a_data_error_fails_the_build_and_keeps_the_last_export(tmp_path: Path) -> None:
    site, dist = tmp_path / "site", tmp_path / "dist"
    site.mkdir()
    (site / "index.html").write_text("previous good site")
    dist.mkdir()
    (dist / "wtsc-offline.zip").write_bytes(b"previous good zip")
    before = digest(site), digest(dist / "wtsc-offline.zip")

    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    role = data / "roles" / "school.yaml"
    role.write_text(role.read_text().replace("sector: education", "sector: educaton", 1))
    result = run_build(site, dist, {"WTSC_DATA_DIR": str(data)})

    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "data/roles/school.yaml:" in output and "sector: unknown sector 'educaton'" in output
    assert "Traceback" not in output
    assert (digest(site), digest(dist / "wtsc-offline.zip")) == before
    assert not list(tmp_path.glob(".build-*")), "scratch folder left behind"


def test_every_link_listed_in_the_open_data_exists_in_the_html(build: Build) -> None:
    data = json.loads((build.site / "data" / "guidance.json").read_text())
    links = data["links"]
    assert {"role", "duty", "change", "role-comparison", "term", "step"} <= {link["kind"] for link in links}
    ids_by_page: dict[str, set[str]] = {}
    missing = []
    for link in links:
        page, _, anchor = link["href"].partition("#")
        if page not in ids_by_page:
            path = build.site / page
            ids_by_page[page] = read_page(path).ids if path.is_file() else set()
        if not (build.site / page).is_file() or (anchor and anchor not in ids_by_page[page]):
            missing.append(link["href"])
    assert missing == []
