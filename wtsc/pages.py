"""Which pages exist, what renders each, and where they sit in the navigation, derived from the data.

Adding a record to data/ adds its page here with no code change.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .model import Guidance
from .render import compare, editions, glossary, history, home, processes, roles
from .render.common import front_matter
from .render.compare import COMPARE_INDEX
from .render.editions import EDITION_INDEX, TIMELINE, edition_path
from .render.glossary import SOURCES, term_title
from .render.paths import GLOSSARY, term_path
from .render.processes import PROCESS_INDEX, TIMESCALES, process_path
from .render.roles import ARRANGEMENTS, QUICK, ROLE_INDEX, VULNERABLE, compare_path, history_path, role_path

BOOST = 10  # search weight of glossary term pages


@dataclass(frozen=True)
class GeneratedPage:
    path: str
    title: str
    renderer: str  # a key of RENDERERS
    args: tuple[str, ...] = ()
    description: str | None = None
    boost: float | None = None
    exclude_from_search: bool = False
    tags: tuple[str, ...] = ()
    hide: tuple[str, ...] = ()
    toc_depth: int | None = None

    def front_matter(self, **extra: object) -> str:
        """The page's YAML front matter, with any extra keys a site generator wants."""
        return front_matter(
            self.title,
            self.description,
            self.boost,
            self.exclude_from_search,
            self.tags,
            self.hide,
            self.toc_depth,
            extra,
        )

    def render(self, guidance: Guidance) -> str:
        """The page's Markdown body."""
        return RENDERERS[self.renderer](guidance, *self.args)


RENDERERS: dict[str, Callable[..., str]] = {
    "role_page": roles.role_page,
    "role_index": roles.role_index,
    "history_page": history.history_page,
    "quick_summaries": roles.quick_summaries,
    "arrangements_page": roles.arrangements_page,
    "vulnerable_page": roles.vulnerable_page,
    "edition_page": editions.edition_page,
    "edition_index": editions.edition_index,
    "timeline": editions.timeline,
    "compare_page": compare.compare_page,
    "compare_index": compare.compare_index,
    "process_page": processes.process_page,
    "process_index": processes.process_index,
    "timescales_page": processes.timescales_page,
    "glossary_page": glossary.glossary_page,
    "term_page": glossary.term_page,
    "sources_page": glossary.sources_page,
    "current_edition_note": home.current_edition_note,
    "home_links": home.home_links,
}


def generated_pages(guidance: Guidance) -> list[GeneratedPage]:
    pages = [
        GeneratedPage(ROLE_INDEX, "Roles and agencies", "role_index", boost=1.2),
        # The summaries repeat the role pages word for word; indexing both would push role pages down.
        GeneratedPage(QUICK, "Quick summaries", "quick_summaries", exclude_from_search=True),
        GeneratedPage(
            ARRANGEMENTS,
            "Arrangements every organisation should have",
            "arrangements_page",
            tags=("section 11 arrangements", "arrangements"),
        ),
        GeneratedPage(
            VULNERABLE,
            "Children who may be particularly vulnerable",
            "vulnerable_page",
            tags=("vulnerable children", "vulnerable groups"),
        ),
        GeneratedPage(EDITION_INDEX, "Editions", "edition_index"),
        GeneratedPage(TIMELINE, "Timeline", "timeline"),
        GeneratedPage(COMPARE_INDEX, "Compare editions", "compare_index"),
        GeneratedPage(PROCESS_INDEX, "Processes", "process_index"),
        GeneratedPage(TIMESCALES, "Timescales", "timescales_page", tags=("timescales",)),
        # The index repeats the titles of the term pages, which searchers should land on.
        GeneratedPage(GLOSSARY, "Glossary", "glossary_page", exclude_from_search=True, toc_depth=2),
        GeneratedPage(SOURCES, "Sources", "sources_page", exclude_from_search=True),
    ]
    for role in guidance.roles:
        aliases = f" Also known as: {', '.join(role.aliases)}." if role.aliases else ""
        pages.append(
            GeneratedPage(
                role_path(role.id), role.name, "role_page", (role.id,), role.one_line + aliases, tags=role.aliases
            )
        )
        pages.append(
            GeneratedPage(
                history_path(role.id),
                f"{role.name}: how the duties changed",
                "history_page",
                (role.id,),
                # The role page holds the same wording; one page per role in results is enough.
                exclude_from_search=True,
            )
        )
    for term in guidance.terms:
        # A small boost lets "MAPPA" find the entry as well as the roles, whose aliases are tags
        # (weighed far above text). Measured with the search table in tests/test_browser.py.
        pages.append(
            GeneratedPage(term_path(term.id), term_title(term), "term_page", (term.id,), term.definition, boost=BOOST)
        )
    for edition in guidance.editions:
        pages.append(
            GeneratedPage(edition_path(edition), edition.short_title, "edition_page", (edition.id,), edition.headline)
        )
    for process in guidance.processes:
        pages.append(
            GeneratedPage(
                process_path(process.id),
                process.name,
                "process_page",
                (process.id,),
                process.summary,
                tags=(process.name,),
            )
        )
    compared = guidance.compared_editions
    for i, earlier in enumerate(compared):
        for later in compared[i + 1 :]:
            pages.append(
                GeneratedPage(
                    compare_path(earlier.id, later.id),
                    f"What changed from {earlier.year} to {later.year}",
                    "compare_page",
                    (earlier.id, later.id),
                    # Comparisons repeat role and process text; searchers reach them from the index.
                    exclude_from_search=True,
                    # One heading per role and change: the sidebar lists only the sections.
                    toc_depth=2,
                )
            )
    return pages


def deep_links(guidance: Guidance) -> list[dict[str, str]]:
    """Every stable link into the site (page + anchor built from data ids), for the open data export."""

    def html(md_path: str) -> str:
        return md_path.removesuffix(".md") + ".html"

    links: list[dict[str, str]] = []

    def add(kind: str, record_id: str, md_path: str, anchor: str = "") -> None:
        links.append({"kind": kind, "id": record_id, "href": html(md_path) + (f"#{anchor}" if anchor else "")})

    for role in guidance.roles:
        add("role", role.id, role_path(role.id))
        for duty in role.duties:
            add("duty", f"{role.id}/{duty.id}", role_path(role.id), f"duty-{duty.id}")
            add("duty-history", f"{role.id}/{duty.id}", history_path(role.id), f"duty-{duty.id}")
    for edition in guidance.editions:
        add("edition", edition.id, edition_path(edition))
    for change in guidance.changes:
        add("change", change.id, compare_path(change.from_, change.to), f"change-{change.id}")
    compared = guidance.compared_editions
    for earlier, later in itertools.pairwise(compared):
        for role in guidance.roles:
            add(
                "role-comparison",
                f"{earlier.id}-{later.id}/{role.id}",
                compare_path(earlier.id, later.id),
                f"role-{role.id}",
            )
    for term in guidance.terms:
        add("term", term.id, term_path(term.id))
    for process in guidance.processes:
        add("process", process.id, process_path(process.id))
        for variant in process.variants:
            year = min(guidance.edition(e).year for e in variant.editions)
            for step in variant.steps:
                add("step", f"{process.id}/{year}/{step.id}", process_path(process.id), f"step-{year}-{step.id}")
    return links


# Material renders every entry of the sections on the path to the current page (with
# `navigation.sections`, of every top-level section too). A section with one entry per role
# would put every role in every page's HTML: build time and size then grow as the square of
# the number of pages. No section holds more than this many entries.
NAV_LIMIT = 30

NavEntry = dict[str, Any]


def bounded(entries: list[NavEntry], limit: int = NAV_LIMIT) -> list[NavEntry]:
    """Entries as they are if few enough, else in labelled groups ("A – F") of at most ``limit``."""
    if len(entries) <= limit:
        return entries
    size = limit
    while -(-len(entries) // size) > limit:
        size *= limit
    groups = [entries[i : i + size] for i in range(0, len(entries), size)]
    return [{f"{_first_title(g[0])} – {_first_title(g[-1])}": bounded(g, limit)} for g in groups]


def _first_title(entry: NavEntry) -> str:
    title, value = next(iter(entry.items()))
    return _first_title(value[0]) if isinstance(value, list) else title


def navigation(guidance: Guidance) -> list[Any]:
    """The site navigation in MkDocs' ``nav`` format.

    Roles sit in one section per sector. Pair comparisons, role histories and glossary terms
    are reached from their index pages and have no entries of their own.
    """
    by_name = sorted(guidance.roles, key=lambda r: r.name.lower())
    sectors = []
    for sector in guidance.sectors:
        roles = [{role.name: role_path(role.id)} for role in by_name if role.sector == sector.id]
        if roles:
            sectors.append({sector.name: bounded(roles)})
    processes = [{p.name: process_path(p.id)} for p in guidance.processes]
    editions = [{e.short_title: edition_path(e)} for e in reversed(guidance.editions)]
    return [
        {"Home": "index.md"},
        {
            "Roles": [
                ROLE_INDEX,
                {"Quick summaries": QUICK},
                {"Vulnerable children": VULNERABLE},
                {"Arrangements for all": ARRANGEMENTS},
                *bounded(sectors),
            ]
        },
        {"Processes": [PROCESS_INDEX, {"Timescales": TIMESCALES}, *bounded(processes)]},
        {"Editions": [EDITION_INDEX, {"Timeline": TIMELINE}, *bounded(editions)]},
        {"Compare": COMPARE_INDEX},
        {"Glossary": GLOSSARY},
        {"About": ["about.md", {"Using it offline": "offline.md"}, {"Sources": SOURCES}]},
    ]
