"""Generate a larger, valid copy of the data for benchmarks.

``python scripts/synthetic.py FACTOR OUT_DIR [--data DIR]`` writes a data folder
with FACTOR times the roles (and their duties), changes, glossary terms and
processes of the real data, by cloning real records under new ids. Editions,
sources, sectors, topics, arrangements and vulnerable groups stay as they are,
so the comparison pages keep their number and grow in length.

Copy ``k`` (1 ≤ k < FACTOR) of a record gets the id ``<id>-s<k>``; its links to
roles, terms and processes point at the same copy ``k`` of those records, so each
copy is a self-consistent replica of the real graph. Abbreviations get a ``-<k>``
suffix so that each stays owned by one term. FACTOR 1 is a plain copy.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent

Record = dict[str, Any]


@dataclass(frozen=True)
class Counts:
    roles: int
    duties: int
    changes: int
    terms: int
    abbreviations: int
    processes: int


def _load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _dump(value: Any, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump(value, sort_keys=False, allow_unicode=True, width=120)
    path.write_text("# Synthetic benchmark data (scripts/synthetic.py); not real guidance.\n" + text, "utf-8")


class Renamer:
    """Maps the ids of one copy: ids known to the data get the copy's suffix, others stay."""

    def __init__(self, copy: int, roles: set[str], terms: set[str], processes: set[str]) -> None:
        self.copy = copy
        self.known = {"role": roles, "term": terms, "process": processes}

    def new_id(self, value: str) -> str:
        return f"{value}-s{self.copy}"

    def one(self, kind: str, value: str) -> str:
        return self.new_id(value) if value in self.known[kind] else value

    def many(self, kind: str, values: Iterable[str] | None) -> list[str]:
        return [self.one(kind, v) for v in values or ()]


def _relabel(record: Record, key: str, copy: int) -> None:
    if isinstance(record.get(key), str):
        record[key] = f"{record[key]} (synthetic copy {copy})"


def clone_role(role: Record, r: Renamer) -> Record:
    out = dict(role)
    out["id"] = r.new_id(role["id"])
    _relabel(out, "name", r.copy)
    for key, kind in (("related_roles", "role"), ("related_terms", "term"), ("related_processes", "process")):
        if key in out:
            out[key] = r.many(kind, out[key])
    return out


def clone_change(change: Record, r: Renamer) -> Record:
    out = dict(change)
    out["id"] = r.new_id(change["id"])
    _relabel(out, "title", r.copy)
    if "roles" in out:
        out["roles"] = r.many("role", out["roles"])
    return out


def clone_term(term: Record, r: Renamer, taken: set[str]) -> Record:
    out = dict(term)
    out["id"] = r.new_id(term["id"])
    _relabel(out, "term", r.copy)
    abbrs = []
    for abbr in term.get("abbr") or ():
        new = f"{abbr}-{r.copy}"
        while new in taken:  # an unlikely clash with a real abbreviation
            new += "x"
        taken.add(new)
        abbrs.append(new)
    if abbrs:
        out["abbr"] = abbrs
    for key in ("roles",):
        if key in out:
            out[key] = r.many("role", out[key])
    if "related" in out:
        out["related"] = r.many("term", out["related"])
    for key in ("replaces", "replaced_by"):
        if key in out:
            out[key] = [{**link, "term": r.one("term", link["term"])} for link in out[key]]
    return out


def clone_process(process: Record, r: Renamer) -> Record:
    out = dict(process)
    out["id"] = r.new_id(process["id"])
    _relabel(out, "name", r.copy)
    out["roles"] = r.many("role", out.get("roles"))
    out["terms"] = r.many("term", out.get("terms"))
    variants = []
    for variant in out["variants"]:
        steps = [{**step, "roles": r.many("role", step.get("roles"))} for step in variant["steps"]]
        variants.append({**variant, "steps": steps})
    out["variants"] = variants
    return out


def _copies(factor: int, make: Callable[[Renamer], None], ids: dict[str, set[str]]) -> None:
    for copy in range(1, factor):
        make(Renamer(copy, ids["role"], ids["term"], ids["process"]))


def generate(factor: int, out: Path, data: Path = ROOT / "data") -> Counts:
    """Write ``factor`` times the real data into ``out`` (replaced if it exists)."""
    if factor < 1:
        raise ValueError("factor must be at least 1")
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(data, out)
    role_files = sorted((data / "roles").glob("*.yaml"))
    process_files = sorted((data / "processes").glob("*.yaml"))
    change_files = sorted((data / "changes").glob("*.yaml"))
    roles = [_load(p) for p in role_files]
    processes = [_load(p) for p in process_files]
    changes = [item for p in change_files for item in _load(p)]
    terms: list[Record] = _load(data / "glossary.yaml")
    ids = {
        "role": {x["id"] for x in roles},
        "term": {x["id"] for x in terms},
        "process": {x["id"] for x in processes},
    }
    taken = {abbr for term in terms for abbr in term.get("abbr") or ()}
    all_terms = list(terms)

    def make(r: Renamer) -> None:
        for role in roles:
            clone = clone_role(role, r)
            _dump(clone, out / "roles" / f"{clone['id']}.yaml")
        for process in processes:
            clone = clone_process(process, r)
            _dump(clone, out / "processes" / f"{clone['id']}.yaml")
        _dump([clone_change(c, r) for c in changes], out / "changes" / f"synthetic-{r.copy:03d}.yaml")
        all_terms.extend(clone_term(t, r, taken) for t in terms)

    _copies(factor, make, ids)
    if factor > 1:
        _dump(all_terms, out / "glossary.yaml")
    return Counts(
        roles=len(roles) * factor,
        duties=sum(len(role["duties"]) for role in roles) * factor,
        changes=len(changes) * factor,
        terms=len(all_terms),
        abbreviations=sum(len(t.get("abbr") or ()) for t in all_terms),
        processes=len(processes) * factor,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("factor", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--data", type=Path, default=ROOT / "data")
    args = parser.parse_args(argv)
    counts = generate(args.factor, args.out, args.data)
    print(f"wrote {args.out}: {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
