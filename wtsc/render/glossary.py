"""The glossary index and term pages, the abbreviation list behind tooltips, and the source list."""

from __future__ import annotations

import re
from itertools import groupby
from urllib.parse import urlsplit

from ..model import Guidance, Term
from .common import attr, citations, rel, text
from .paths import GLOSSARY, letter, letter_slug, term_link, term_path
from .roles import role_path

SOURCES = "sources.md"


def letter_groups(guidance: Guidance) -> list[tuple[str, list[Term]]]:
    """Terms by first letter, in alphabetical order ("#" for those starting with a digit or sign)."""

    def compute() -> list[tuple[str, list[Term]]]:
        terms = sorted(guidance.terms, key=lambda t: t.term.lower())
        return [(key, list(items)) for key, items in groupby(sorted(terms, key=letter), key=letter)]

    return guidance.derived("letter groups", compute)


def tooltip(term: Term) -> str:
    """What an abbreviation's tooltip says: the term in full (the glossary has the definition).

    Tooltips repeat on every use, so a full definition in each would triple the size of long pages.
    """
    return term.term


def abbreviation_definitions(guidance: Guidance, markdown: str) -> str:
    """Markdown ``abbr`` definitions for the abbreviations that occur in ``markdown``.

    Only those on the page: Markdown tests every text node against every definition given, so
    appending the whole glossary to every page made the build grow as pages x glossary size.
    """
    words = set(re.findall(r"[A-Za-z][A-Za-z0-9&']*", markdown))
    known = guidance.term_by_abbr
    # Look up the page's words rather than test every abbreviation: pages x glossary grew quadratically.
    several_words = guidance.derived("abbreviations with spaces", lambda: [a for a in known if " " in a])
    used = {w for w in words if w in known} | {a for a in several_words if a in markdown}
    lines = []
    for abbr in sorted(used):
        title = tooltip(known[abbr])
        # The abbr syntax ends the title at the line end; brackets in the key would break it.
        if "]" in abbr or "\n" in title:
            continue
        lines.append(f"*[{abbr}]: {title}")
    # One definition per block: Markdown re-scans the rest of a block after each definition it
    # takes, so a single block of them costs quadratic time.
    return "\n\n".join(lines) + "\n"


def lineage(guidance: Guidance, term: Term) -> list[tuple[Term, str | None]]:
    """The chain of names through the editions: (term, edition id of the switch to it)."""
    chain: list[tuple[Term, str | None]] = [(term, None)]
    seen = {term.id}
    current = term
    while current.replaces and current.replaces[0].term not in seen:
        link = current.replaces[0]
        chain[0] = (chain[0][0], link.edition)
        current = guidance.term(link.term)
        seen.add(current.id)
        chain.insert(0, (current, None))
    current = term
    while current.replaced_by and current.replaced_by[0].term not in seen:
        link = current.replaced_by[0]
        current = guidance.term(link.term)
        seen.add(current.id)
        chain.append((current, link.edition))
    return chain


def lineage_text(guidance: Guidance, term: Term, page: str) -> str:
    chain = lineage(guidance, term)
    if len(chain) < 2:
        return ""
    steps = []
    for item, edition_id in chain:
        name = text(item.abbr[0] if item.abbr else item.term)
        name = f"**{name}**" if item.id == term.id else f"[{name}]({term_link(guidance, item.id, page)})"
        when = f" (from {guidance.edition(edition_id).year})" if edition_id else ""
        steps.append(name + when)
    return "Lineage: " + " → ".join(steps)


def letter_bar(guidance: Guidance) -> str:
    """Links to each letter's part of the index."""
    links = [
        f'<a href="#letter-{letter_slug(key)}">{key if key != "#" else "0–9"}</a>' for key, _ in letter_groups(guidance)
    ]
    return f'<nav class="wtsc-letters" aria-label="Glossary letters">{" ".join(links)}</nav>\n'


def glossary_page(guidance: Guidance) -> str:
    """The index: every term and abbreviation in one short list, each linked to its own page.

    Each line keeps the ``#term-<id>`` anchor that links to the glossary used when it was one
    page; wtsc.js takes a reader who arrives with such an anchor on to the term's page.
    """
    page = GLOSSARY
    out = ["# Glossary\n"]
    out.append(
        "Terms and abbreviations used in the guidance, in our own words, with the editions that use them and "
        "what replaced what. Abbreviations across the site show the term in full as a tooltip; the first one "
        f"on a role page links to its entry. {len(guidance.terms)} terms.\n"
    )
    out.append(letter_bar(guidance))
    out.append("<div data-wtsc-glossary-index markdown>\n")
    for key, items in letter_groups(guidance):
        label = key if key != "#" else "0–9"
        out.append(f"## {label} {{ #letter-{letter_slug(key)} }}\n")
        for term in items:
            abbr = f" ({text(', '.join(term.abbr))})" if term.abbr else ""
            out.append(f"- [{text(term.term)}{abbr}]({term_link(guidance, term.id, page)}){{ #term-{term.id} }}")
        out.append("")
    out.append("</div>\n")
    return "\n".join(out)


def term_title(term: Term) -> str:
    """The term with its abbreviations, leaving out plurals ("LSCBs" when "LSCB" is there)."""
    shown = [a for a in term.abbr if not (a.endswith("s") and a[:-1] in term.abbr)]
    return f"{term.term} ({', '.join(shown)})" if shown else term.term


def term_page(guidance: Guidance, term_id: str) -> str:
    """One term in full: definition, editions, what it replaced or became, roles, related terms, sources."""
    term = guidance.term(term_id)
    page = term_path(term.id)
    out = [f"# {text(term_title(term))} {{ #term-{term.id} }}\n"]
    out.append(f"{text(term.definition)}\n")
    facts = []
    if term.editions:
        facts.append("**Used in:** " + ", ".join(str(guidance.edition(e).year) for e in term.editions))
    chain = lineage_text(guidance, term, page)
    if chain:
        facts.append(chain)
    for link in term.replaced_by:
        other = guidance.term(link.term)
        facts.append(
            f"**Replaced by** [{text(other.term)}]({term_link(guidance, other.id, page)}) "
            f"in {guidance.edition(link.edition).year}"
        )
    for link in term.replaces:
        other = guidance.term(link.term)
        facts.append(
            f"**Replaced** [{text(other.term)}]({term_link(guidance, other.id, page)}) "
            f"in {guidance.edition(link.edition).year}"
        )
    if term.roles:
        facts.append(
            "**Roles:** " + ", ".join(f"[{text(guidance.role(r).name)}]({rel(page, role_path(r))})" for r in term.roles)
        )
    if term.related:
        facts.append(
            "**See also:** "
            + ", ".join(f"[{text(guidance.term(t).term)}]({term_link(guidance, t, page)})" for t in term.related)
        )
    out.append("  \n".join(facts) + ("\n" if facts else ""))
    out.append(citations(guidance, term, page) + "\n")
    key = letter(term)
    out.append(f"[All terms, A to Z]({rel(page, GLOSSARY, 'letter-' + letter_slug(key))})\n")
    return "\n".join(out)


def sources_page(guidance: Guidance) -> str:
    out = ["# Sources\n"]
    out.append(
        "Every source a fact on this site cites. The guidance editions are the primary sources; secondary "
        "sources (summaries, local procedures, briefings) are marked as such next to the facts that rest on "
        "them alone. Links go to the address we consulted and are not fetched by this site.\n"
    )
    kinds = [
        ("guidance", "The guidance"),
        ("act", "Legislation"),
        ("regulations", "Regulations"),
        ("review", "Reviews and inquiries"),
        ("report", "Reports"),
        ("seed", "Source summaries this project started from"),
        ("procedures", "Local procedures"),
        ("web", "Web pages and briefings"),
        ("other", "Other"),
    ]
    for kind, heading in kinds:
        items = sorted((s for s in guidance.sources if s.kind == kind), key=lambda s: s.title.lower())
        if not items:
            continue
        out.append(f"## {heading} {{ #kind-{kind} }}\n")
        for source in items:
            extra = [text(part) for part in (source.publisher, source.note) if part]
            if source.year:
                extra.insert(1 if source.publisher else 0, str(source.year))
            detail = f" ({'; '.join(extra)})" if extra else ""
            # The address's host as link text: the full address is in the link and made this page twice as long.
            host = urlsplit(source.url).netloc.removeprefix("www.") if source.url else ""
            link = f' <a href="{attr(source.url)}">{attr(host)}</a>' if source.url else ""
            out.append(f"- **{text(source.title)}**{{ #source-{source.id} }}{detail}{link}")
        out.append("")
    return "\n".join(out)
