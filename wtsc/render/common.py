"""Small building blocks shared by every page renderer.

All data text goes through ``text()`` before it reaches Markdown, so that a
``<script>``, a ``{{ }}`` or a stray ``*`` in a YAML string shows as typed.
"""

from __future__ import annotations

import functools
import html
import json
import posixpath
import re
from urllib.parse import urlsplit

from ..model import Citation, Cited, Guidance, Source

# Characters Python-Markdown treats as syntax inside a paragraph or table cell.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|-])")


@functools.lru_cache(maxsize=1 << 17)  # titles and names recur on many pages
def text(value: str) -> str:
    """Data text as literal Markdown: HTML-escaped, Markdown syntax neutralised, one line."""
    escaped = html.escape(" ".join(value.split()), quote=False)
    return _MARKDOWN_SPECIAL.sub(r"\\\1", escaped)


def attr(value: str) -> str:
    """Data text for an HTML attribute value."""
    return html.escape(" ".join(value.split()), quote=True)


def rel(from_page: str, to_page: str, anchor: str = "") -> str:
    """Relative link between two docs paths (``roles/school.md`` -> ``../glossary.md``)."""
    link = _relpath(to_page, posixpath.dirname(from_page) or ".")
    return f"{link}#{anchor}" if anchor else link


@functools.lru_cache(maxsize=65536)
def _relpath(to_page: str, from_dir: str) -> str:
    # Pages make thousands of links among a few hundred paths; relpath is slow (it resolves both against the cwd).
    return posixpath.relpath(to_page, from_dir)


def source_label(source: Source) -> str:
    """Short name of a source as shown in a citation."""
    if source.kind == "guidance" and source.year:
        return f"WT {source.year}"
    if source.kind == "seed" and source.file:
        return f"seed {source.file[:3]}"
    if source.url and source.title.startswith("Web page on "):
        # Pages our briefs cited by address only: the site's name says more than a placeholder title.
        return urlsplit(source.url).netloc.removeprefix("www.")
    title = source.title
    return title if len(title) <= 60 else title[:57].rstrip() + "..."


def citation(guidance: Guidance, cite: Citation, page: str) -> str:
    """One citation as inline Markdown, linked to the source list."""
    source = guidance.source(cite.source)
    parts = [source_label(source)]
    if cite.chapter:
        parts.append(f"ch. {cite.chapter}")
    if cite.section:
        parts.append(f"section {cite.section}")
    if cite.para:
        parts.append(f"para {cite.para}")
    if cite.page:
        parts.append(f"p. {cite.page}")
    label = text(", ".join(parts))
    note = f" ({text(cite.note)})" if cite.note else ""
    return f"[{label}]({rel(page, 'sources.md', 'source-' + source.id)}){note}"


def citations(guidance: Guidance, item: Cited, page: str) -> str:
    """All citations of an item plus its confidence marker, as one inline span."""
    cites = "; ".join(citation(guidance, c, page) for c in item.cite)
    return f'<span class="wtsc-cite">Source: {cites}</span>{confidence_marker(item)}'


def confidence_marker(item: Cited) -> str:
    if item.confidence == "unconfirmed":
        return ' <span class="wtsc-unconfirmed">⚠ not confirmed against the full text</span>'
    if item.confidence == "medium":
        return ' <span class="wtsc-secondary" title="Based on one secondary source">secondary source</span>'
    return ""


def level_badge(level: str) -> str:
    """Must/should as a word, not just a colour."""
    word = "Must" if level == "must" else "Should"
    return f'<span class="wtsc-level wtsc-level--{level}">{word}</span>'


def anchor(anchor_id: str, label: str) -> str:
    """A visible copy-link button for a stable anchor (wired up by wtsc.js)."""
    return (
        f'<button type="button" class="wtsc-copy" data-anchor="{anchor_id}" '
        f'title="Copy a link to {attr(label)}">Copy link</button>'
    )


def front_matter(
    title: str,
    description: str | None = None,
    boost: float | None = None,
    exclude_search: bool = False,
    tags: tuple[str, ...] = (),
    hide: tuple[str, ...] = (),
    toc_depth: int | None = None,
    extra: dict[str, object] | None = None,
) -> str:
    """YAML front matter for a generated page (values are JSON-quoted, which YAML reads)."""
    lines = ["---", f"title: {json.dumps(title)}"]
    lines += [f"{key}: {json.dumps(value)}" for key, value in (extra or {}).items()]
    if description:
        lines.append(f"description: {json.dumps(' '.join(description.split()))}")
    if tags:
        # Search weighs tags far above body text: the way to make "DSL" find the schools page.
        lines.append(f"tags: {json.dumps(list(tags))}")
        hide = (*hide, "tags")  # the page lists them in words; chips would repeat them
    if hide:
        lines.append(f"hide: {json.dumps(list(hide))}")
    if toc_depth:
        lines.append(f"toc_depth: {toc_depth}")
    if boost is not None or exclude_search:
        lines.append("search:")
        if boost is not None:
            lines.append(f"  boost: {boost}")
        if exclude_search:
            lines.append("  exclude: true")
    lines.append("---")
    return "\n".join(lines) + "\n"


def table(header: list[str], rows: list[list[str]]) -> str:
    """A Markdown table; cells must already be inline Markdown without newlines."""
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(cell.replace("\n", " ") for cell in row) + " |" for row in rows]
    return "\n".join(out) + "\n"
