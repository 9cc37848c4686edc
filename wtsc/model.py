"""The typed data model: one frozen record type per kind of fact.

Shape and type rules live here (pydantic, ``extra="forbid"``); rules that need
more than one record (ids that must exist elsewhere) live in ``crossref.py``.
Nothing here knows about MkDocs.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Annotated, Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

T = TypeVar("T")

EDITION_ID = r"^wt\d{4}$"
SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
YEAR_MONTH = r"^\d{4}-(0[1-9]|1[0-2])$"

EditionId = Annotated[str, StringConstraints(pattern=EDITION_ID)]
Slug = Annotated[str, StringConstraints(pattern=SLUG)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
YearMonth = Annotated[str, StringConstraints(pattern=YEAR_MONTH)]

Level = Literal["must", "should"]
# high: official text, legislation, or two sources agree; medium: one secondary
# source; unconfirmed: not checked against the full text (shown on the page).
Confidence = Literal["high", "medium", "unconfirmed"]
ChangeKind = Literal["new", "changed", "removed", "renamed", "moved"]
SourceKind = Literal["guidance", "act", "regulations", "seed", "review", "report", "procedures", "web", "other"]
TimeUnit = Literal["hours", "working-days", "days", "weeks", "months"]


class Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


def _as_tuple(value: Any) -> Any:
    """Let authors write one citation as a mapping or several as a list."""
    if value is None:
        return ()
    if isinstance(value, dict):
        return (value,)
    return value


class Citation(Record):
    source: Slug
    chapter: str | None = None
    section: str | None = None
    para: str | None = None
    page: str | None = None
    note: str | None = None

    @field_validator("chapter", "section", "para", "page", mode="before")
    @classmethod
    def _numbers_as_text(cls, value: Any) -> Any:
        # "5.38" must stay "5.38", so numbers are read as text.
        return str(value) if isinstance(value, (int, float)) else value


Cites = Annotated[tuple[Citation, ...], Field(min_length=1)]


class Cited(Record):
    cite: Cites
    confidence: Confidence = "high"

    @field_validator("cite", mode="before")
    @classmethod
    def _cite_list(cls, value: Any) -> Any:
        return _as_tuple(value)


class Source(Record):
    id: Slug
    title: Text
    kind: SourceKind
    publisher: str | None = None
    year: int | None = Field(default=None, ge=1900, le=2100)
    url: str | None = Field(default=None, pattern=r"^https?://")
    file: str | None = None
    note: str | None = None


class Chapter(Record):
    number: str
    title: Text

    @field_validator("number", mode="before")
    @classmethod
    def _number_as_text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, int) else value


class Amendment(Cited):
    date: YearMonth
    text: Text


class Edition(Cited):
    id: EditionId
    year: int = Field(ge=1980, le=2100)
    title: Text
    short_title: Text
    published: YearMonth | None = None
    published_note: str | None = None
    department: Text
    replaces: EditionId | None = None
    legal_basis: tuple[Text, ...] = ()
    chapters: tuple[Chapter, ...] = ()
    headline: Text
    summary: Text
    driver: str | None = None
    driver_source: Slug | None = None
    amendments: tuple[Amendment, ...] = ()
    official_url: str | None = Field(default=None, pattern=r"^https?://")
    current: bool = False
    # Editions we hold enough data on to compare; precursors are timeline-only.
    compared: bool = True

    @field_validator("id")
    @classmethod
    def _id_matches_year(cls, value: str, info: Any) -> str:
        year = info.data.get("year")
        if year is not None and value != f"wt{year}":
            raise ValueError(f"id must be 'wt{year}' to match year {year}")
        return value


class Sector(Record):
    id: Slug
    name: Text
    intro: str | None = None


class Topic(Record):
    id: Slug
    name: Text


class StatutoryBasis(Record):
    act: Slug
    section: str | None = None
    text: Text
    url: str | None = Field(default=None, pattern=r"^https?://")

    @field_validator("section", mode="before")
    @classmethod
    def _section_as_text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, int) else value


class DutyInEdition(Cited):
    level: Level
    text: Text


class Duty(Record):
    id: Slug
    title: Text
    editions: dict[EditionId, DutyInEdition] = Field(min_length=1)
    # Why a duty is missing from an edition the role covers, if we know.
    absent_note: dict[EditionId, Text] = {}


def _count_words(text: str) -> int:
    return len(re.findall(r"\S+", text))


class Role(Record):
    id: Slug
    name: Text
    sector: Slug
    aliases: tuple[Text, ...] = ()
    one_line: Text
    summary: Text
    # Editions this role page covers (columns of the duty table).
    editions: tuple[EditionId, ...] = Field(min_length=1)
    existed_note: str | None = None
    coverage_note: str | None = None
    basis: tuple[StatutoryBasis, ...] = Field(min_length=1)
    duties: tuple[Duty, ...] = Field(min_length=1)
    related_processes: tuple[Slug, ...] = ()
    related_terms: tuple[Slug, ...] = ()
    related_roles: tuple[Slug, ...] = ()
    major: bool = False

    @field_validator("summary")
    @classmethod
    def _short_summary(cls, value: str) -> str:
        words = _count_words(value)
        if words > 150:
            raise ValueError(f"quick summary has {words} words; at most 150 fit one screen")
        return value


class Change(Cited):
    id: Slug
    from_: EditionId = Field(alias="from")
    to: EditionId
    kind: ChangeKind
    topic: Slug
    title: Text
    roles: tuple[Slug, ...] = ()
    before: str | None = None
    after: str | None = None
    why: Slug | None = None
    why_text: str | None = None

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class TermLink(Record):
    term: Slug
    edition: EditionId


class Term(Cited):
    id: Slug
    term: Text
    abbr: tuple[Text, ...] = ()
    definition: Text
    editions: tuple[EditionId, ...] = ()
    replaces: tuple[TermLink, ...] = ()
    replaced_by: tuple[TermLink, ...] = ()
    roles: tuple[Slug, ...] = ()
    related: tuple[Slug, ...] = ()


class Timescale(Record):
    value: float | None = Field(default=None, gt=0)
    unit: TimeUnit | None = None
    runs_from: str | None = None
    text: Text

    @field_validator("unit")
    @classmethod
    def _unit_with_value(cls, value: str | None, info: Any) -> str | None:
        if (value is None) != (info.data.get("value") is None):
            raise ValueError("value and unit go together: give both or neither")
        return value


class Step(Cited):
    id: Slug
    label: Text
    actor: Text
    roles: tuple[Slug, ...] = ()
    detail: str | None = None
    timescale: Timescale | None = None


class Edge(Record):
    from_: Slug = Field(alias="from")
    to: Slug
    label: str | None = None

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class ProcessVariant(Cited):
    editions: tuple[EditionId, ...] = Field(min_length=1)
    note: str | None = None
    steps: tuple[Step, ...] = Field(min_length=1)
    edges: tuple[Edge, ...] = ()


class Process(Record):
    id: Slug
    name: Text
    summary: Text
    roles: tuple[Slug, ...] = ()
    terms: tuple[Slug, ...] = ()
    variants: tuple[ProcessVariant, ...] = Field(min_length=1)


class ArrangementItem(Record):
    id: Slug
    text: Text


class ArrangementList(Cited):
    editions: tuple[EditionId, ...] = Field(min_length=1)
    heading: Text
    applies_to: Text
    items: tuple[ArrangementItem, ...] = Field(min_length=1)


class VulnerableGroup(Record):
    id: Slug
    name: Text
    note: str | None = None


class VulnerableList(Cited):
    edition: EditionId
    heading: Text
    groups: tuple[VulnerableGroup, ...] = Field(min_length=1)


@dataclass(frozen=True)
class RoleLinks:
    """Records that name one role, in data order."""

    changes: list[Change]
    processes: list[str]
    terms: list[str]


class Guidance(Record):
    """Everything the site knows, validated and cross-checked."""

    sources: tuple[Source, ...]
    editions: tuple[Edition, ...]
    sectors: tuple[Sector, ...]
    topics: tuple[Topic, ...]
    roles: tuple[Role, ...]
    changes: tuple[Change, ...]
    terms: tuple[Term, ...]
    processes: tuple[Process, ...]
    arrangements: tuple[ArrangementList, ...]
    vulnerable_groups: tuple[VulnerableList, ...]

    @cached_property
    def _by_id(self) -> dict[str, dict[str, Any]]:
        # Pages look records up by id many times per build; index them once.
        kinds = ("sources", "editions", "sectors", "topics", "roles", "terms", "processes")
        return {kind: {r.id: r for r in getattr(self, kind)} for kind in kinds}

    @cached_property
    def _derived(self) -> dict[str, Any]:
        return {}

    def derived(self, key: str, compute: Callable[[], T]) -> T:
        """``compute()`` once per loaded dataset: for lists that many pages of one build ask for."""
        if key not in self._derived:
            self._derived[key] = compute()
        return self._derived[key]  # type: ignore[no-any-return]

    @cached_property
    def term_by_abbr(self) -> dict[str, Term]:
        """Abbreviation -> its term (the loader checks that each has one owner)."""
        return {abbr: term for term in self.terms for abbr in term.abbr}

    @cached_property
    def by_role(self) -> dict[str, RoleLinks]:
        """Role id -> the changes, processes and terms that name it. Role pages and comparisons
        ask this for every role; scanning all records each time made builds grow quadratically."""
        links = {role.id: RoleLinks([], [], []) for role in self.roles}
        for change in self.changes:
            for role_id in dict.fromkeys(change.roles):
                links[role_id].changes.append(change)
        for process in self.processes:
            named = [*process.roles, *(r for v in process.variants for step in v.steps for r in step.roles)]
            for role_id in dict.fromkeys(named):
                links[role_id].processes.append(process.id)
        for term in self.terms:
            for role_id in dict.fromkeys(term.roles):
                links[role_id].terms.append(term.id)
        return links

    def source(self, source_id: str) -> Source:
        return self._by_id["sources"][source_id]

    def edition(self, edition_id: str) -> Edition:
        return self._by_id["editions"][edition_id]

    def role(self, role_id: str) -> Role:
        return self._by_id["roles"][role_id]

    def term(self, term_id: str) -> Term:
        return self._by_id["terms"][term_id]

    def process(self, process_id: str) -> Process:
        return self._by_id["processes"][process_id]

    def sector(self, sector_id: str) -> Sector:
        return self._by_id["sectors"][sector_id]

    def topic(self, topic_id: str) -> Topic:
        return self._by_id["topics"][topic_id]

    @property
    def compared_editions(self) -> tuple[Edition, ...]:
        """Editions with comparison pages, oldest first."""
        return tuple(e for e in self.editions if e.compared)

    @property
    def current_edition(self) -> Edition:
        return next(e for e in self.editions if e.current)
