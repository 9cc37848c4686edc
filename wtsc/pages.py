"""Which pages exist and where they sit in the navigation, derived from the data.

Each generated page is front matter plus one macro call; the macro renders it
at build time. Adding a record to data/ adds its page here with no code change.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

from .model import Guidance
from .render.common import front_matter
from .render.compare import COMPARE_INDEX
from .render.editions import EDITION_INDEX, TIMELINE, edition_path
from .render.glossary import GLOSSARY, SOURCES
from .render.processes import PROCESS_INDEX, TIMESCALES, process_path
from .render.roles import ARRANGEMENTS, QUICK, ROLE_INDEX, VULNERABLE, compare_path, role_path


@dataclass(frozen=True)
class GeneratedPage:
    path: str
    title: str
    macro: str
    args: tuple[str, ...] = ()
    description: str | None = None
    boost: float | None = None
    exclude_from_search: bool = False
    tags: tuple[str, ...] = ()
    hide: tuple[str, ...] = ()
    toc_depth: int | None = None

    @property
    def markdown(self) -> str:
        call = ", ".join(f'"{arg}"' for arg in self.args)
        matter = front_matter(
            self.title, self.description, self.boost, self.exclude_from_search, self.tags, self.hide, self.toc_depth
        )
        return f"{matter}\n{{{{ {self.macro}({call}) }}}}\n"


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
        # Entry titles then weigh as much as role aliases (tags): "MAPPA" finds both the entry and the roles.
        # Tagging the glossary with every term instead made each search take seconds.
        # The letter index stands in for a table of contents that would list all ~200 entries.
        GeneratedPage(GLOSSARY, "Glossary", "glossary_page", boost=1000, toc_depth=2),
        GeneratedPage(SOURCES, "Sources", "sources_page", exclude_from_search=True),
    ]
    for role in guidance.roles:
        aliases = f" Also known as: {', '.join(role.aliases)}." if role.aliases else ""
        pages.append(
            GeneratedPage(
                role_path(role.id), role.name, "role_page", (role.id,), role.one_line + aliases, tags=role.aliases
            )
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
        add("term", term.id, GLOSSARY, f"term-{term.id}")
    for process in guidance.processes:
        add("process", process.id, process_path(process.id))
        for variant in process.variants:
            year = min(guidance.edition(e).year for e in variant.editions)
            for step in variant.steps:
                add("step", f"{process.id}/{year}/{step.id}", process_path(process.id), f"step-{year}-{step.id}")
    return links


def navigation(guidance: Guidance) -> list[Any]:
    """The site navigation in MkDocs' ``nav`` format. Pair comparisons are reached from the index."""
    by_name = sorted(guidance.roles, key=lambda r: r.name.lower())
    return [
        {"Home": "index.md"},
        {
            "Roles": [
                ROLE_INDEX,
                {"Quick summaries": QUICK},
                {"Vulnerable children": VULNERABLE},
                {"Arrangements for all": ARRANGEMENTS},
                *({role.name: role_path(role.id)} for role in by_name),
            ]
        },
        {
            "Processes": [
                PROCESS_INDEX,
                {"Timescales": TIMESCALES},
                *({p.name: process_path(p.id)} for p in guidance.processes),
            ]
        },
        {
            "Editions": [
                EDITION_INDEX,
                {"Timeline": TIMELINE},
                *({e.short_title: edition_path(e)} for e in reversed(guidance.editions)),
            ]
        },
        {"Compare": COMPARE_INDEX},
        {"Glossary": GLOSSARY},
        {"About": ["about.md", {"Using it offline": "offline.md"}, {"Sources": SOURCES}]},
    ]
