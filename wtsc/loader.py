"""The one loader: every data file in, one validated ``Guidance`` out.

Every problem in every file is collected before we give up, so an author fixes
a whole batch at once. Problems are raised together as one ``DataError``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from . import crossref
from .model import (
    ArrangementList,
    Change,
    Edition,
    Guidance,
    Process,
    Role,
    Sector,
    Source,
    Term,
    Topic,
    VulnerableList,
)
from .yamlsource import Problem, YamlDocument, format_path, read_yaml


class DataError(Exception):
    """The data has one or more mistakes; ``problems`` lists them all."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(self.report())

    def report(self) -> str:
        lines = [f"{len(self.problems)} data error(s):"]
        lines += [f"  {problem}" for problem in self.problems]
        return "\n".join(lines)


@dataclass(frozen=True)
class FileKind:
    """Where one kind of record lives and whether a file holds one or a list."""

    field: str
    pattern: str
    model: type[BaseModel]
    one_per_file: bool = False


FILE_KINDS: tuple[FileKind, ...] = (
    FileKind("sources", "sources/*.yaml", Source),
    FileKind("editions", "editions.yaml", Edition),
    FileKind("sectors", "sectors.yaml", Sector),
    FileKind("topics", "topics.yaml", Topic),
    FileKind("roles", "roles/*.yaml", Role, one_per_file=True),
    FileKind("changes", "changes/*.yaml", Change),
    FileKind("terms", "glossary.yaml", Term),
    FileKind("processes", "processes/*.yaml", Process, one_per_file=True),
    FileKind("arrangements", "arrangements.yaml", ArrangementList),
    FileKind("vulnerable_groups", "vulnerable-groups.yaml", VulnerableList),
)

# Friendlier words for pydantic's pattern messages.
_PATTERN_HINTS = {
    r"^wt\d{4}$": "expected an edition id like 'wt2010'",
    r"^[a-z0-9]+(?:-[a-z0-9]+)*$": "expected an id of lower-case letters, digits and hyphens",
    r"^\d{4}-(0[1-9]|1[0-2])$": "expected a year and month like '2023-12'",
    r"^https?://": "expected a web address starting with http:// or https://",
}


class Locations:
    """Remembers where each record came from, to put a line on later problems."""

    def __init__(self) -> None:
        self._where: dict[int, tuple[YamlDocument, tuple[str | int, ...]]] = {}

    def add(self, record: Any, doc: YamlDocument, path: tuple[str | int, ...]) -> None:
        self._where[id(record)] = (doc, path)

    def problem(self, record: Any, subpath: tuple[str | int, ...], message: str) -> Problem:
        doc, base = self._where[id(record)]
        full = (*base, *subpath)
        return Problem(doc.file, doc.line_of(full), format_path(full), message)


def load_guidance(data_dir: Path, display_root: Path | None = None) -> Guidance:
    """Read, validate and cross-check every data file under ``data_dir``."""
    data_dir = Path(data_dir)
    root = display_root if display_root is not None else data_dir.parent
    problems: list[Problem] = []
    locations = Locations()
    records: dict[str, list[Any]] = {kind.field: [] for kind in FILE_KINDS}
    for kind in FILE_KINDS:
        paths = sorted(data_dir.glob(kind.pattern))
        if not paths and not kind.one_per_file and "*" not in kind.pattern:
            problems.append(Problem(_display(data_dir / kind.pattern, root), None, "", "file is missing"))
        for path in paths:
            records[kind.field] += _load_file(path, _display(path, root), kind, locations, problems)
    if problems:
        # Cross-checks on half-read data would only repeat the same mistakes.
        raise DataError(problems)
    guidance = Guidance(**{name: tuple(items) for name, items in records.items()})
    problems += crossref.check(guidance, locations)
    if problems:
        raise DataError(problems)
    return guidance


def _display(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _load_file(path: Path, name: str, kind: FileKind, locations: Locations, problems: list[Problem]) -> list[Any]:
    doc, syntax_problems = read_yaml(path, name)
    problems += syntax_problems
    if doc is None:
        return []
    if kind.one_per_file:
        if not isinstance(doc.value, dict):
            problems.append(Problem(name, 1, "", "expected a mapping of keys (one record per file)"))
            return []
        record = _validate(kind.model, doc.value, doc, (), problems)
        if record is None:
            return []
        if record.id != path.stem:  # type: ignore[attr-defined]
            problems.append(
                Problem(name, doc.line_of(("id",)), "id", f"'{record.id}' must match the file name '{path.stem}'")  # type: ignore[attr-defined]
            )
        locations.add(record, doc, ())
        return [record]
    if not isinstance(doc.value, list):
        problems.append(Problem(name, 1, "", "expected a list of records (each starting with '- ')"))
        return []
    loaded = []
    for index, item in enumerate(doc.value):
        record = _validate(kind.model, item, doc, (index,), problems)
        if record is not None:
            locations.add(record, doc, (index,))
            loaded.append(record)
    return loaded


def _validate(
    model: type[BaseModel],
    value: Any,
    doc: YamlDocument,
    base: tuple[str | int, ...],
    problems: list[Problem],
) -> BaseModel | None:
    try:
        return model.model_validate(value)
    except ValidationError as error:
        details = error.errors()
        failed = {tuple(d["loc"][:-1]) for d in details}
        for detail in details:
            if detail["type"] == "too_short" and any(loc[: len(detail["loc"])] == detail["loc"] for loc in failed):
                continue  # pydantic's echo of an item that failed on its own
            path = (*base, *_clean_loc(detail["loc"]))
            problems.append(Problem(doc.file, doc.line_of(path), format_path(path), _message(detail)))
        return None


def _clean_loc(loc: tuple[Any, ...]) -> tuple[str | int, ...]:
    # pydantic adds the name of a Literal/str branch ("str", "function-after[...]") to some locs.
    return tuple(part for part in loc if isinstance(part, int) or "[" not in str(part))


def _message(detail: Any) -> str:
    kind = detail["type"]
    if kind == "missing":
        return "required key is missing"
    if kind == "extra_forbidden":
        return "unknown key (check the spelling; the README lists the allowed keys)"
    if kind == "string_pattern_mismatch":
        pattern = detail.get("ctx", {}).get("pattern", "")
        hint = _PATTERN_HINTS.get(pattern, f"expected text matching {pattern}")
        return f"{hint}, got {detail['input']!r}"
    message = detail["msg"].removeprefix("Value error, ")
    value = detail.get("input")
    if isinstance(value, (str, int, float, bool)) or value is None:
        return f"{message}, got {value!r}"
    return message
