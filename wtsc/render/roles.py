"""Role pages, the role index, quick summaries, arrangements and vulnerable groups."""

from __future__ import annotations

import itertools

from ..diff import changes_between, duty_diffs
from ..model import Duty, Guidance, Role
from .common import anchor, attr, citations, level_badge, rel, table, text
from .paths import term_link

ROLE_INDEX = "roles/index.md"
QUICK = "roles/quick-summaries.md"
ARRANGEMENTS = "roles/arrangements.md"
VULNERABLE = "roles/vulnerable-children.md"
# Roles whose readers should start from the vulnerable-groups page (SENCOs, nursery staff, health).
VULNERABLE_FIRST = ("school", "early-years", "health")


def role_path(role_id: str) -> str:
    return f"roles/{role_id}.md"


def history_path(role_id: str) -> str:
    """The page with every version of the role's duties (``wtsc.render.history``)."""
    return f"roles/changes/{role_id}.md"


def compare_path(a: str, b: str) -> str:
    return f"compare/{a[2:]}-{b[2:]}.md"


def newest_first(guidance: Guidance, edition_ids: tuple[str, ...]) -> list[str]:
    return sorted(edition_ids, key=lambda e: guidance.edition(e).year, reverse=True)


def _indent(block: str, spaces: int = 4) -> str:
    pad = " " * spaces
    return "\n".join(pad + line if line.strip() else "" for line in block.splitlines())


def tabs(panels: list[tuple[str, str]]) -> str:
    """pymdownx.tabbed blocks: (label, markdown) pairs."""
    return "\n".join(f'=== "{label}"\n\n{_indent(body)}\n' for label, body in panels)


def related_processes(guidance: Guidance, role: Role) -> list[str]:
    return list(dict.fromkeys([*role.related_processes, *guidance.by_role[role.id].processes]))


def related_terms(guidance: Guidance, role: Role) -> list[str]:
    ids = dict.fromkeys([*role.related_terms, *guidance.by_role[role.id].terms])
    return sorted(ids, key=lambda i: guidance.term(i).term.lower())


def duty_cell(guidance: Guidance, duty: Duty, edition_id: str, page: str) -> str:
    entry = duty.editions.get(edition_id)
    if entry is None:
        # A note says more than "absent" (e.g. "not confirmed"), so it replaces the default words.
        note = duty.absent_note.get(edition_id)
        return f'<span class="wtsc-absent">{text(note) if note else "Not in this edition."}</span>'
    return f"{level_badge(entry.level)} {text(entry.text)} {citations(guidance, entry, page)}"


def role_page(guidance: Guidance, role_id: str) -> str:
    role = guidance.role(role_id)
    page = role_path(role.id)
    editions = newest_first(guidance, role.editions)
    current = guidance.current_edition.id
    out = [f"# {text(role.name)}\n"]
    out.append(f'!!! abstract "Quick summary"\n\n    {text(role.summary)}\n')
    facts = [
        f"**Sector:** {text(guidance.sector(role.sector).name)}",
        f"**Editions on this page:** {', '.join(str(guidance.edition(e).year) for e in editions)}",
    ]
    if role.aliases:
        facts.insert(0, f"**Also known as:** {text(', '.join(role.aliases))}")
    out.append("  \n".join(facts) + "\n")
    if current not in role.editions:
        out.append('!!! warning "Not in the current edition"\n\n    This role is not covered in the current edition.\n')
    if role.existed_note:
        out.append(f'!!! info "Who held this role"\n\n    {text(role.existed_note)}\n')
    if role.coverage_note:
        out.append(f'!!! note "How much the guidance says"\n\n    {text(role.coverage_note)}\n')
    if role.id in VULNERABLE_FIRST:
        out.append(
            f"Start with the [children who may be particularly vulnerable]({rel(page, VULNERABLE)}), "
            "as each edition lists them.\n"
        )

    out.append("## Statutory basis {#basis}\n")
    for basis in role.basis:
        act = guidance.source(basis.act)
        url = basis.url or act.url
        name = f"[{text(act.title)}]({url})" if url else text(act.title)
        section = f", section {text(basis.section)}" if basis.section else ""
        out.append(f"- {name}{section}: {text(basis.text)}")
    out.append("")

    out.append("## Duties {#duties}\n")
    out.append(
        "**Must** means the law or the guidance requires it; **Should** means the guidance expects it "
        "unless there is a good reason not to. Each duty has a link you can share.\n"
    )
    header = ["Duty"] + [str(guidance.edition(e).year) for e in editions]
    rows = []
    for duty in role.duties:
        title = f"[{text(duty.title)}](#duty-{duty.id}){{ #duty-{duty.id} }} {anchor('duty-' + duty.id, duty.title)}"
        rows.append([title] + [duty_cell(guidance, duty, e, page) for e in editions])
    panels = [("All editions", table(header, rows))]
    for edition_id in editions:
        year = guidance.edition(edition_id).year
        present = [d for d in role.duties if edition_id in d.editions]
        absent = [d for d in role.duties if edition_id not in d.editions]
        lines = [f"- **{text(d.title)}**: {duty_cell(guidance, d, edition_id, page)}" for d in present] or [
            "- No duties recorded for this edition."
        ]
        if absent:
            lines.append("")
            lines.append(f"Not in {year}: " + "; ".join(text(d.title) for d in absent) + ".")
        panels.append((str(year), "\n".join(lines) + "\n"))
    out.append(f'<div class="wtsc-duties" markdown>\n\n{tabs(panels)}\n</div>\n')

    out.append("## What changed for this role {#changes}\n")
    out.append(what_changed_links(guidance, role, page))

    out.append("## Arrangements every organisation should have {#arrangements}\n")
    out.append(
        f"Every agency here is expected to have the basic safeguarding arrangements listed on "
        f"[arrangements every organisation should have]({rel(page, ARRANGEMENTS)}), as each edition words them.\n"
    )
    processes = related_processes(guidance, role)
    if processes:
        out.append("## Related processes {#processes}\n")
        for pid in processes:
            process = guidance.process(pid)
            out.append(f"- [{text(process.name)}]({rel(page, f'processes/{pid}.md')})")
        out.append("")
    terms = related_terms(guidance, role)
    if terms:
        out.append("## Related terms {#terms}\n")
        out.append(", ".join(f"[{text(guidance.term(t).term)}]({term_link(guidance, t, page)})" for t in terms) + "\n")
    return "\n".join(out)


def what_changed_links(guidance: Guidance, role: Role, page: str) -> str:
    """Links to this role's section of each comparison between the editions it spans."""
    compared = [e.id for e in guidance.compared_editions if e.id in role.editions]
    pairs = list(itertools.pairwise(compared))
    if len(compared) > 2:
        pairs.append((compared[0], compared[-1]))
    history = f"[Every version of each duty, with the changed words marked]({rel(page, history_path(role.id))})"
    if not pairs:
        return f"This role appears in only one edition we compare. {history}\n"
    lines = [f"- {history}"]
    for a, b in pairs:
        diffs = duty_diffs(role, a, b)
        curated = changes_between(guidance, a, b, among=guidance.by_role[role.id].changes)
        link = rel(page, compare_path(a, b), "role-" + role.id)
        label = f"{guidance.edition(a).year} to {guidance.edition(b).year}"
        lines.append(
            f"- [{label}]({link}): {len(diffs)} duty difference(s), {len(curated)} noted change(s) for this role"
        )
    return "\n".join(lines) + "\n"


def role_index(guidance: Guidance) -> str:
    page = ROLE_INDEX
    out = ["# Roles and agencies\n"]
    out.append(
        "Pick the organisation you work in to see what each edition of the guidance expects of it, "
        f"with the source of every line. Short on time? Read the [quick summaries]({rel(page, QUICK)}).\n"
    )
    options = "".join(
        f'<option value="{attr(role.id)}.html">{attr(role.name)}</option>'
        for role in sorted(guidance.roles, key=lambda r: r.name.lower())
    )
    out.append(
        '<form class="wtsc-chooser" data-wtsc-chooser>\n'
        '<label for="wtsc-role-chooser">I work in...</label>\n'
        f'<select id="wtsc-role-chooser"><option value="">Choose your organisation</option>{options}</select>\n'
        '<button type="submit" class="md-button md-button--primary">Show my duties</button>\n'
        "</form>\n"
    )
    for sector in guidance.sectors:
        roles = [r for r in guidance.roles if r.sector == sector.id]
        if not roles:
            continue
        out.append(f"## {text(sector.name)} {{#sector-{sector.id}}}\n")
        if sector.intro:
            out.append(f"{text(sector.intro)}\n")
        for role in roles:
            out.append(
                f"- **[{text(role.name)}]({rel(page, role_path(role.id))})**: {text(role.one_line)} "
                f"([quick summary]({rel(page, QUICK, 'role-' + role.id)}))"
            )
        out.append("")
    out.append("## Pages for every role {#all-roles}\n")
    out.append(f"- [Arrangements every organisation should have]({rel(page, ARRANGEMENTS)})")
    out.append(f"- [Children who may be particularly vulnerable]({rel(page, VULNERABLE)})\n")
    return "\n".join(out)


def quick_summaries(guidance: Guidance) -> str:
    page = QUICK
    current = guidance.current_edition
    out = ["# Quick summaries\n"]
    out.append(
        f"One screen per role, based on {text(current.short_title)} unless a role says otherwise. "
        "Print this page to get one role per sheet. These summaries are an aid to reading the guidance, "
        "not a replacement for it.\n"
    )
    for role in guidance.roles:
        edition_id = current.id if current.id in role.editions else newest_first(guidance, role.editions)[0]
        year = guidance.edition(edition_id).year
        out.append(f'<section class="wtsc-quick" markdown>\n\n## {text(role.name)} {{#role-{role.id}}}\n')
        out.append(f"*{text(role.one_line)}*\n")
        out.append(f"{text(role.summary)}\n")
        duties = [d for d in role.duties if edition_id in d.editions]
        if duties:
            out.append(f"**Main duties in {year}:**\n")
            for duty in duties[:8]:
                entry = duty.editions[edition_id]
                out.append(f"- {level_badge(entry.level)} {text(duty.title)}")
            out.append("")
        more = [f"[Full duties with sources]({rel(page, role_path(role.id))})"]
        if role.id in VULNERABLE_FIRST:
            more.insert(0, f"[Children who may be particularly vulnerable]({rel(page, VULNERABLE)})")
        out.append(" · ".join(more) + "\n")
        out.append("</section>\n")
    return "\n".join(out)


def arrangements_page(guidance: Guidance) -> str:
    page = ARRANGEMENTS
    out = ["# Arrangements every organisation should have\n"]
    out.append(
        "Each edition lists the basic arrangements that organisations working with children should have in "
        "place: in 2006 and 2010 in chapter 2, and from 2015 as the list that goes with the section 11 duty of "
        "the Children Act 2004. Choose an edition.\n"
    )
    panels = []
    ordered = sorted(
        guidance.arrangements, key=lambda a: max(guidance.edition(e).year for e in a.editions), reverse=True
    )
    for entry in ordered:
        years = sorted(guidance.edition(e).year for e in entry.editions)
        label = ", ".join(str(y) for y in years)
        body = [f"**{text(entry.heading)}**\n", f"Applies to: {text(entry.applies_to)}\n"]
        body += [f"1. {text(item.text)} {{ #arrangement-{years[0]}-{item.id} }}" for item in entry.items]
        body.append("")
        body.append(citations(guidance, entry, page) + "\n")
        panels.append((label, "\n".join(body)))
    out.append(tabs(panels) if panels else "No lists recorded yet.\n")
    return "\n".join(out)


def vulnerable_page(guidance: Guidance) -> str:
    page = VULNERABLE
    lists = sorted(guidance.vulnerable_groups, key=lambda v: guidance.edition(v.edition).year, reverse=True)
    out = ["# Children who may be particularly vulnerable\n"]
    out.append(
        "Each edition names groups of children whose needs call for particular care. SENCOs, designated "
        "safeguarding leads and health staff: read this first. Choose an edition, or compare the lists below.\n"
    )
    panels = []
    for entry in lists:
        year = guidance.edition(entry.edition).year
        body = [f"**{text(entry.heading)}**\n"]
        for group in entry.groups:
            note = f": {text(group.note)}" if group.note else ""
            body.append(f"- {text(group.name)}{note}")
        body.append("")
        body.append(citations(guidance, entry, page) + "\n")
        panels.append((str(year), "\n".join(body)))
    out.append(tabs(panels) if panels else "No lists recorded yet.\n")
    if lists:
        out.append("## How the lists compare {#compare}\n")
        names: dict[str, str] = {}
        for entry in reversed(lists):
            for group in entry.groups:
                names[group.id] = group.name
        header = ["Group"] + [str(guidance.edition(v.edition).year) for v in lists]
        rows = []
        for group_id, name in names.items():
            cells = ["Named" if any(g.id == group_id for g in v.groups) else "Not named" for v in lists]
            rows.append([text(name), *cells])
        out.append(table(header, rows))
    return "\n".join(out)
