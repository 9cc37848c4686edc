"""The glossary page, the abbreviation list behind tooltips, and the source list."""

from __future__ import annotations

import re
from itertools import groupby

from ..model import Guidance, Term
from .common import citations, rel, text
from .roles import role_path

GLOSSARY = "glossary.md"
SOURCES = "sources.md"


def letter(term: Term) -> str:
    first = term.term.strip()[0].upper()
    return first if first.isalpha() else "#"


def tooltip(term: Term) -> str:
    """What an abbreviation's tooltip says: the term in full (the glossary has the definition).

    Tooltips repeat on every use, so a full definition in each would triple the size of long pages.
    """
    return term.term


def abbreviations(guidance: Guidance) -> dict[str, str]:
    """Abbreviation -> tooltip text for every abbreviation in the glossary."""
    return {abbr: tooltip(term) for term in guidance.terms for abbr in term.abbr}


def abbreviation_definitions(guidance: Guidance, markdown: str) -> str:
    """Markdown ``abbr`` definitions for the abbreviations that occur in ``markdown``.

    Only those on the page: Markdown tests every text node against every definition given, so
    appending the whole glossary to every page made the build grow as pages x glossary size.
    """
    words = set(re.findall(r"[A-Za-z][A-Za-z0-9&']*", markdown))
    lines = []
    for abbr, title in sorted(abbreviations(guidance).items()):
        # The abbr syntax ends the title at the line end; brackets in the key would break it.
        present = abbr in markdown if " " in abbr else abbr in words
        if not present or "]" in abbr or "\n" in title:
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
        name = f"**{name}**" if item.id == term.id else f"[{name}](#term-{item.id})"
        when = f" (from {guidance.edition(edition_id).year})" if edition_id else ""
        steps.append(name + when)
    return "Lineage: " + " → ".join(steps)


def glossary_page(guidance: Guidance) -> str:
    page = GLOSSARY
    terms = sorted(guidance.terms, key=lambda t: t.term.lower())
    groups = [(key, list(items)) for key, items in groupby(terms, key=letter)]
    out = ["# Glossary\n"]
    out.append(
        "Terms and abbreviations used in the guidance, in our own words, with the editions that use them and "
        "what replaced what. Abbreviations across the site show these definitions as tooltips.\n"
    )
    out.append(
        '<nav class="wtsc-letters" aria-label="Glossary letters">'
        + " ".join(f'<a href="#letter-{key.lower()}">{key}</a>' for key, _ in groups if key != "#")
        + "</nav>\n"
    )
    for key, items in groups:
        out.append(f"## {key} {{ #letter-{key.lower() if key != '#' else 'other'} }}\n")
        for term in items:
            abbr = f" ({text(', '.join(term.abbr))})" if term.abbr else ""
            out.append(f"### {text(term.term)}{abbr} {{ #term-{term.id} }}\n")
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
                    f"**Replaced by** [{text(other.term)}](#term-{other.id}) in {guidance.edition(link.edition).year}"
                )
            for link in term.replaces:
                other = guidance.term(link.term)
                facts.append(
                    f"**Replaced** [{text(other.term)}](#term-{other.id}) in {guidance.edition(link.edition).year}"
                )
            if term.roles:
                facts.append(
                    "**Roles:** "
                    + ", ".join(f"[{text(guidance.role(r).name)}]({rel(page, role_path(r))})" for r in term.roles)
                )
            if term.related:
                facts.append(
                    "**See also:** " + ", ".join(f"[{text(guidance.term(t).term)}](#term-{t})" for t in term.related)
                )
            out.append("  \n".join(facts) + ("\n" if facts else ""))
            out.append(citations(guidance, term, page) + "\n")
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
            title = text(source.title)
            link = f" <{source.url}>" if source.url else ""
            extra = []
            if source.publisher:
                extra.append(text(source.publisher))
            if source.year:
                extra.append(str(source.year))
            if source.note:
                extra.append(text(source.note))
            detail = f" ({'; '.join(extra)})" if extra else ""
            out.append(f"- [**{title}**](#source-{source.id}){{ #source-{source.id} }}{detail}{link} `{source.id}`")
        out.append("")
    return "\n".join(out)
