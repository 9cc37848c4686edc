"""Edition pages, the edition index and the timeline."""

from __future__ import annotations

import calendar

from ..diff import changes_between
from ..model import Edition, Guidance, Term
from .common import citations, rel, table, text
from .paths import term_link
from .roles import compare_path, role_path

EDITION_INDEX = "editions/index.md"
TIMELINE = "timeline.md"


def edition_path(edition: Edition) -> str:
    return f"editions/{edition.year}.md"


def month_year(value: str | None) -> str:
    if not value:
        return "month not confirmed"
    year, month = value.split("-")
    return f"{calendar.month_name[int(month)]} {year}"


def status_note(guidance: Guidance, edition: Edition, page: str) -> str:
    current = guidance.current_edition
    if edition.current:
        return '!!! success "Current edition"\n\n    This is the edition in force now. It applies in England only.\n'
    successor = next((e for e in guidance.editions if e.replaces == edition.id), None)
    by = f" by [{text(successor.short_title)}]({rel(page, edition_path(successor))})" if successor else ""
    return (
        '!!! warning "Superseded edition"\n\n'
        f"    This edition was replaced{by}. For practice today, use "
        f"[{text(current.short_title)}]({rel(page, edition_path(current))}).\n"
    )


def in_use(guidance: Guidance, term: Term, edition: Edition) -> bool:
    """Whether the term's recorded lineage puts it in use at this edition."""
    started = all(guidance.edition(link.edition).year <= edition.year for link in term.replaces)
    ended = any(guidance.edition(link.edition).year <= edition.year for link in term.replaced_by)
    return started and not ended


def lineage_note(guidance: Guidance, term: Term, edition: Edition) -> str | None:
    """'from 2018 called safeguarding partners' or 'not used until 2018; this edition says LSCB'.

    Only recorded replacements count: a term's list of editions is what our sources show, not
    proof that an edition never used it, so it is no basis for flagging a term as absent.
    """
    if in_use(guidance, term, edition):
        for link in term.replaced_by:
            year = guidance.edition(link.edition).year
            if year > edition.year:
                return f"from {year} called {guidance.term(link.term).term}"
        return None
    for link in term.replaces:
        year = guidance.edition(link.edition).year
        if year > edition.year:
            return f"not used until {year}; this edition says {guidance.term(link.term).term}"
    for link in term.replaced_by:
        if guidance.edition(link.edition).year <= edition.year:
            return f"replaced by {guidance.term(link.term).term} in {guidance.edition(link.edition).year}"
    return None


def edition_terms(guidance: Guidance, edition: Edition, page: str) -> str:
    """Flags terms whose name changed before or after this edition, from the glossary's lineage."""
    rows = []
    for term in sorted(guidance.terms, key=lambda t: t.term.lower()):
        note = lineage_note(guidance, term, edition)
        if note:
            link = f"[{text(term.term)}]({term_link(guidance, term.id, page)})"
            rows.append([link, text(note)])
    if not rows:
        return "No glossary terms are flagged for this edition.\n"
    intro = "Terms whose name is different in this edition or changed after it, from the glossary:\n\n"
    return intro + table(["Term", "In this edition"], rows)


def edition_page(guidance: Guidance, edition_id: str) -> str:
    edition = guidance.edition(edition_id)
    page = edition_path(edition)
    out = [f"# {text(edition.short_title)}\n", status_note(guidance, edition, page)]
    facts = [f"**Full title:** {text(edition.title)}", f"**Published:** {month_year(edition.published)}"]
    if edition.published_note:
        facts[-1] += f" ({text(edition.published_note)})"
    facts.append(f"**Issued by:** {text(edition.department)}")
    if edition.replaces:
        replaced = guidance.edition(edition.replaces)
        facts.append(f"**Replaced:** [{text(replaced.short_title)}]({rel(page, edition_path(replaced))})")
    if edition.official_url:
        facts.append(f"**Official text:** [{text(edition.official_url)}]({edition.official_url})")
    out.append("  \n".join(facts) + "\n")
    out.append(f"**In short:** {text(edition.headline)}\n")
    out.append("## Summary {#summary}\n")
    out.append(f"{text(edition.summary)}\n\n{citations(guidance, edition, page)}\n")
    if edition.driver:
        source = f" ({text(guidance.source(edition.driver_source).title)})" if edition.driver_source else ""
        out.append("## What led to it {#driver}\n")
        out.append(f"{text(edition.driver)}{source}\n")
    if edition.legal_basis:
        out.append("## Legal basis {#legal-basis}\n")
        out += [f"- {text(line)}" for line in edition.legal_basis]
        out.append("")
    if edition.chapters:
        out.append("## Chapters {#chapters}\n")
        out.append(table(["Chapter", "Title"], [[text(c.number), text(c.title)] for c in edition.chapters]))
    if edition.amendments:
        out.append("## Amendments {#amendments}\n")
        for amendment in edition.amendments:
            out.append(
                f"- **{month_year(amendment.date)}:** {text(amendment.text)} {citations(guidance, amendment, page)}"
            )
        out.append("")
    roles = [r for r in guidance.roles if edition.id in r.editions]
    if roles:
        out.append("## Roles in this edition {#roles}\n")
        out.append(", ".join(f"[{text(r.name)}]({rel(page, role_path(r.id))})" for r in roles) + "\n")
    if edition.compared:
        out.append("## Compare with another edition {#compare}\n")
        links = []
        for other in guidance.compared_editions:
            if other.id == edition.id:
                continue
            a, b = (other, edition) if other.year < edition.year else (edition, other)
            links.append(f"[{other.year}]({rel(page, compare_path(a.id, b.id))})")
        out.append("Compare with: " + " · ".join(links) + "\n")
    out.append("## Terms in this edition {#terms}\n")
    out.append(edition_terms(guidance, edition, page))
    return "\n".join(out)


def edition_index(guidance: Guidance) -> str:
    page = EDITION_INDEX
    current = guidance.current_edition
    out = ["# Editions\n"]
    out.append(
        f"The current edition is **[{text(current.short_title)}]({rel(page, edition_path(current))})**. "
        f"Older editions are here for reference and training; see also the [timeline]({rel(page, TIMELINE)}).\n"
    )
    rows = []
    for edition in reversed(guidance.editions):
        name = f"[{text(edition.short_title)}]({rel(page, edition_path(edition))})"
        status = "Current" if edition.current else "Superseded"
        rows.append([name, month_year(edition.published), text(edition.department), status, text(edition.headline)])
    out.append(table(["Edition", "Published", "Issued by", "Status", "In short"], rows))
    return "\n".join(out)


def timeline(guidance: Guidance) -> str:
    page = TIMELINE
    out = ["# Timeline of the guidance\n"]
    out.append(
        "Every edition from the first inter-agency guidance to the current one, what led to it and what it "
        "changed. Each step links to the comparison of the two editions.\n"
    )
    previous_compared: Edition | None = None
    for edition in guidance.editions:
        out.append(f"## {edition.year}: {text(edition.short_title)} {{#edition-{edition.year}}}\n")
        out.append(f"**Published:** {month_year(edition.published)}. {text(edition.headline)}\n")
        if edition.driver:
            out.append(f"**What led to it:** {text(edition.driver)}\n")
        for amendment in edition.amendments:
            out.append(f"- **Amended {month_year(amendment.date)}:** {text(amendment.text)}")
        if edition.amendments:
            out.append("")
        links = [f"[About this edition]({rel(page, edition_path(edition))})"]
        if edition.compared and previous_compared is not None:
            link = rel(page, compare_path(previous_compared.id, edition.id))
            links.append(f"[What changed since {previous_compared.year}]({link})")
            changes = changes_between(guidance, previous_compared.id, edition.id)
            if changes:
                out.append("**Headline changes:**\n")
                out += [f"- [{text(c.title)}]({link}#change-{c.id})" for c in changes]
                out.append("")
        out.append(" · ".join(links) + "\n")
        if edition.compared:
            previous_compared = edition
    return "\n".join(out)
