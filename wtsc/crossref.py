"""Rules that span records: unique ids and references that must resolve."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .model import Cited, Guidance

if TYPE_CHECKING:
    from .loader import Locations
    from .yamlsource import Problem

Path_ = tuple[str | int, ...]


def unknown(kind: str, value: str, known: Iterable[str]) -> str:
    """Say what is unknown, suggest the closest id and list some known ones:

    "unknown source 'wt201' (did you mean 'wt2010'? known: a, b, ...)"
    """
    known = sorted(known)
    close = difflib.get_close_matches(value, known, n=3, cutoff=0.6)
    hint = "did you mean " + " or ".join(f"'{c}'" for c in close) + "? " if close else ""
    shown = ", ".join(known[:8]) + (", ..." if len(known) > 8 else "")
    return f"unknown {kind} '{value}' ({hint}known: {shown})"


def check(guidance: Guidance, where: Locations) -> list[Problem]:
    checker = _Checker(guidance, where)
    checker.run()
    return checker.problems


class _Checker:
    def __init__(self, guidance: Guidance, where: Locations) -> None:
        self.g = guidance
        self.where = where
        self.problems: list[Problem] = []
        self.ids = {
            "source": {s.id for s in guidance.sources},
            "edition": {e.id for e in guidance.editions},
            "sector": {s.id for s in guidance.sectors},
            "topic": {t.id for t in guidance.topics},
            "role": {r.id for r in guidance.roles},
            "term": {t.id for t in guidance.terms},
            "process": {p.id for p in guidance.processes},
        }

    def report(self, record: Any, path: Path_, message: str) -> None:
        self.problems.append(self.where.problem(record, path, message))

    def ref(self, record: Any, path: Path_, kind: str, value: str | None) -> None:
        if value is not None and value not in self.ids[kind]:
            self.report(record, path, unknown(kind, value, self.ids[kind]))

    def refs(self, record: Any, path: Path_, kind: str, values: Iterable[str]) -> None:
        for index, value in enumerate(values):
            self.ref(record, (*path, index), kind, value)

    def cites(self, owner: Any, path: Path_, item: Cited) -> None:
        for index, citation in enumerate(item.cite):
            self.ref(owner, (*path, "cite", index, "source"), "source", citation.source)

    def unique(self, records: Iterable[Any], what: str, path_of: Any = lambda r: ()) -> None:
        seen: set[str] = set()
        for record in records:
            if record.id in seen:
                self.report(record, (*path_of(record), "id"), f"duplicate {what} id '{record.id}'")
            seen.add(record.id)

    def run(self) -> None:
        g = self.g
        for records, what in (
            (g.sources, "source"),
            (g.editions, "edition"),
            (g.sectors, "sector"),
            (g.topics, "topic"),
            (g.roles, "role"),
            (g.changes, "change"),
            (g.terms, "term"),
            (g.processes, "process"),
        ):
            self.unique(records, what)
        self.editions()
        for role in g.roles:
            self.role(role)
        for change in g.changes:
            self.change(change)
        self.terms()
        for process in g.processes:
            self.process(process)
        self.edition_lists(g.arrangements, "arrangements")
        self.vulnerable()

    def editions(self) -> None:
        editions = self.g.editions
        current = [e for e in editions if e.current]
        if len(current) != 1 and editions:
            self.report(editions[0], ("current",), f"exactly one edition must be current (found {len(current)})")
        for index, edition in enumerate(editions):
            self.ref(edition, ("replaces",), "edition", edition.replaces)
            self.ref(edition, ("driver_source",), "source", edition.driver_source)
            self.cites(edition, (), edition)
            for a, amendment in enumerate(edition.amendments):
                self.cites(edition, ("amendments", a), amendment)
            if index and edition.year <= editions[index - 1].year:
                self.report(edition, ("year",), "editions must be listed oldest first")

    def role(self, role: Any) -> None:
        self.ref(role, ("sector",), "sector", role.sector)
        self.refs(role, ("editions",), "edition", role.editions)
        self.refs(role, ("related_processes",), "process", role.related_processes)
        self.refs(role, ("related_terms",), "term", role.related_terms)
        self.refs(role, ("related_roles",), "role", role.related_roles)
        for b, basis in enumerate(role.basis):
            self.ref(role, ("basis", b, "act"), "source", basis.act)
        seen: set[str] = set()
        for d, duty in enumerate(role.duties):
            if duty.id in seen:
                self.report(role, ("duties", d, "id"), f"duplicate duty id '{duty.id}'")
            seen.add(duty.id)
            for edition_id, entry in duty.editions.items():
                path = ("duties", d, "editions", edition_id)
                if edition_id not in role.editions:
                    self.report(
                        role,
                        path,
                        f"edition '{edition_id}' is not in this role's editions ({', '.join(role.editions)})",
                    )
                self.cites(role, path, entry)
            for edition_id in duty.absent_note:
                if edition_id in duty.editions:
                    self.report(role, ("duties", d, "absent_note", edition_id), "duty is present in this edition")

    def change(self, change: Any) -> None:
        self.ref(change, ("from",), "edition", change.from_)
        self.ref(change, ("to",), "edition", change.to)
        self.ref(change, ("topic",), "topic", change.topic)
        self.refs(change, ("roles",), "role", change.roles)
        self.ref(change, ("why",), "source", change.why)
        self.cites(change, (), change)
        years = {e.id: e.year for e in self.g.editions}
        if change.from_ in years and change.to in years and years[change.from_] >= years[change.to]:
            self.report(change, ("to",), f"'{change.to}' must be a later edition than '{change.from_}'")

    def terms(self) -> None:
        abbreviations: dict[str, str] = {}
        for term in self.g.terms:
            self.refs(term, ("editions",), "edition", term.editions)
            self.refs(term, ("roles",), "role", term.roles)
            self.refs(term, ("related",), "term", term.related)
            self.cites(term, (), term)
            for key in ("replaces", "replaced_by"):
                for i, link in enumerate(getattr(term, key)):
                    self.ref(term, (key, i, "term"), "term", link.term)
                    self.ref(term, (key, i, "edition"), "edition", link.edition)
            for i, abbr in enumerate(term.abbr):
                if abbr in abbreviations:
                    self.report(
                        term, ("abbr", i), f"abbreviation '{abbr}' is already defined by term '{abbreviations[abbr]}'"
                    )
                abbreviations.setdefault(abbr, term.id)

    def process(self, process: Any) -> None:
        self.refs(process, ("roles",), "role", process.roles)
        self.refs(process, ("terms",), "term", process.terms)
        claimed: dict[str, int] = {}
        for v, variant in enumerate(process.variants):
            base = ("variants", v)
            self.cites(process, base, variant)
            for e, edition_id in enumerate(variant.editions):
                self.ref(process, (*base, "editions", e), "edition", edition_id)
                if edition_id in claimed:
                    self.report(
                        process,
                        (*base, "editions", e),
                        f"edition '{edition_id}' already has variant {claimed[edition_id]}",
                    )
                claimed.setdefault(edition_id, v)
            step_ids: set[str] = set()
            for s, step in enumerate(variant.steps):
                if step.id in step_ids:
                    self.report(process, (*base, "steps", s, "id"), f"duplicate step id '{step.id}'")
                step_ids.add(step.id)
                self.refs(process, (*base, "steps", s, "roles"), "role", step.roles)
                self.cites(process, (*base, "steps", s), step)
            for i, edge in enumerate(variant.edges):
                for key, value in (("from", edge.from_), ("to", edge.to)):
                    if value not in step_ids:
                        self.report(process, (*base, "edges", i, key), unknown("step", value, step_ids))

    def edition_lists(self, lists: Iterable[Any], what: str) -> None:
        claimed: set[str] = set()
        for entry in lists:
            self.cites(entry, (), entry)
            for e, edition_id in enumerate(entry.editions):
                self.ref(entry, ("editions", e), "edition", edition_id)
                if edition_id in claimed:
                    self.report(entry, ("editions", e), f"edition '{edition_id}' already has {what}")
                claimed.add(edition_id)
            self._unique_items(entry, "items", entry.items)

    def vulnerable(self) -> None:
        claimed: set[str] = set()
        for entry in self.g.vulnerable_groups:
            self.cites(entry, (), entry)
            self.ref(entry, ("edition",), "edition", entry.edition)
            if entry.edition in claimed:
                self.report(entry, ("edition",), f"edition '{entry.edition}' already has a list")
            claimed.add(entry.edition)
            self._unique_items(entry, "groups", entry.groups)

    def _unique_items(self, owner: Any, key: str, items: Iterable[Any]) -> None:
        seen: set[str] = set()
        for i, item in enumerate(items):
            if item.id in seen:
                self.report(owner, (key, i, "id"), f"duplicate id '{item.id}'")
            seen.add(item.id)
