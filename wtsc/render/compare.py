"""Comparison pages for any two editions, and the comparison index."""

from __future__ import annotations

import html
import itertools

from ..diff import (
    DutyDiff,
    TimescaleDiff,
    change_counts,
    changes_between,
    duty_diffs,
    role_covers,
    timescale_diffs,
    word_diff,
)
from ..model import Change, Guidance, Role, Step
from .common import anchor, citations, rel, table, text
from .editions import edition_path
from .roles import compare_path, history_path, role_path

COMPARE_INDEX = "compare/index.md"
KINDS = ("new", "changed", "removed", "renamed", "moved")
KIND_WORDS = {"new": "New", "changed": "Changed", "removed": "Removed", "renamed": "Renamed", "moved": "Moved"}


def marked(op: str, words: str) -> str:
    """One segment of a word diff as HTML; removed and added words say so in words, not only colour."""
    safe = html.escape(words, quote=False)
    if op == "del":
        return f'<del><span class="wtsc-sr">removed: </span>{safe}</del>'
    if op == "ins":
        return f'<ins><span class="wtsc-sr">added: </span>{safe}</ins>'
    return safe


def highlighted(before: str, after: str) -> tuple[str, str]:
    """Before and after as HTML with removed and added words marked."""
    segments = word_diff(before, after)
    old = [marked(op, words) for op, words in segments if op != "ins"]
    new = [marked(op, words) for op, words in segments if op != "del"]
    return " ".join(old), " ".join(new)


def kind_badge(kind: str) -> str:
    return f'<span class="wtsc-kind wtsc-kind--{kind}">{KIND_WORDS[kind]}</span>'


def side_by_side(before: str | None, after: str | None, before_label: str, after_label: str) -> str:
    """A two-column before/after table; raw HTML so the highlight survives Markdown."""
    if before and after:
        old, new = highlighted(before, after)
    else:
        old = html.escape(before, quote=False) if before else "<em>Nothing before.</em>"
        new = html.escape(after, quote=False) if after else "<em>Nothing after.</em>"
    return (
        '<table class="wtsc-sbs"><thead><tr>'
        f'<th scope="col">{html.escape(before_label)}</th><th scope="col">{html.escape(after_label)}</th>'
        f"</tr></thead><tbody><tr><td>{old}</td><td>{new}</td></tr></tbody></table>\n"
    )


def change_block(guidance: Guidance, change: Change, page: str) -> str:
    """One curated change in full: before and after side by side, why, and sources."""
    start, end = guidance.edition(change.from_), guidance.edition(change.to)
    out = [f"#### {text(change.title)} {{ #change-{change.id} }}\n"]
    meta = [kind_badge(change.kind), f"{start.year} to {end.year}"]
    if change.roles:
        names = ", ".join(f"[{text(guidance.role(r).name)}]({rel(page, role_path(r))})" for r in change.roles)
        meta.append(f"Roles: {names}")
    out.append(" · ".join(meta) + " " + anchor("change-" + change.id, change.title) + "\n")
    out.append(side_by_side(change.before, change.after, f"Before ({start.year})", f"After ({end.year})"))
    if change.why or change.why_text:
        why = text(change.why_text) if change.why_text else ""
        if change.why:
            why += f" ({text(guidance.source(change.why).title)})"
        out.append(f"**Why:** {why.strip()}\n")
    out.append(citations(guidance, change, page) + "\n")
    return "\n".join(out)


def change_link(guidance: Guidance, change: Change, page: str) -> str:
    """A change as one line linking to its full entry on the page of its own step.

    Ranges spanning several editions list their changes this way, so that a change is written
    out in full on one page only and long ranges stay short.
    """
    start, end = guidance.edition(change.from_), guidance.edition(change.to)
    link = rel(page, compare_path(change.from_, change.to), "change-" + change.id)
    return f"- {kind_badge(change.kind)} [{text(change.title)}]({link}) ({start.year} to {end.year})"


def role_row(guidance: Guidance, role: Role, diffs: list[DutyDiff] | None, noted: int, page: str) -> list[str]:
    """One role's line in a comparison: counts of duty differences, linked to the role's history.

    The wording is on the history page, duty by duty: repeating it here for every pair of
    editions made comparison pages grow with the number of roles.
    """
    link = f"[{text(role.name)}]({rel(page, role_path(role.id))}){{ #role-{role.id} }}"
    name = f"{link} {anchor('role-' + role.id, role.name)}"
    history = f"[Each duty, word by word]({rel(page, history_path(role.id))})"
    if diffs is None:
        return [name, "Not covered", "", "", "", str(noted), history]
    counts = [
        sum(d.kind == "added" for d in diffs),
        sum(d.kind == "removed" for d in diffs),
        sum(d.text_changed for d in diffs),
        sum(d.level_changed for d in diffs),
    ]
    return [name, *map(str, counts), str(noted), history]


def step_summary(step: Step | None) -> str:
    if step is None:
        return "No such step"
    if step.timescale is None:
        return f"{text(step.label)}: no timescale"
    return f"{text(step.label)}: {text(step.timescale.text)}"


def timescale_rows(guidance: Guidance, diffs: list[TimescaleDiff], page: str) -> list[list[str]]:
    rows = []
    for diff in diffs:
        link = f"[{text(diff.process.name)}]({rel(page, f'processes/{diff.process.id}.md')})"
        cells = []
        for step in (diff.before, diff.after):
            cells.append(step_summary(step) + (" " + citations(guidance, step, page) if step else ""))
        rows.append([link, text(diff.label), *cells])
    return rows


def compare_page(guidance: Guidance, a: str, b: str) -> str:
    start, end = guidance.edition(a), guidance.edition(b)
    page = compare_path(a, b)
    between = [e for e in guidance.compared_editions if start.year < e.year < end.year]
    changes = changes_between(guidance, a, b)
    out = [f"# What changed from {start.year} to {end.year}\n"]
    out.append(
        f"Comparing [{text(start.short_title)}]({rel(page, edition_path(start))}) with "
        f"[{text(end.short_title)}]({rel(page, edition_path(end))})."
    )
    if between:
        out.append(
            " This range spans " + ", ".join(str(e.year) for e in between) + ": the changes of each step are included."
        )
    out.append(
        " Every item has a link you can paste into slides; links use ids from our data, so they do not "
        "change when a title is reworded.\n"
    )
    if not guidance.edition(b).current:
        current = guidance.current_edition
        out.append(
            f'!!! warning "Not the current edition"\n\n    {end.year} has been replaced. See '
            f"[{start.year} to {current.year}]({rel(page, compare_path(a, current.id))}) for what applies now.\n"
        )

    role_diffs = {role.id: duty_diffs(role, a, b) for role in guidance.roles if role_covers(role, a, b)}
    out.append("## Summary {#summary}\n")
    counts = change_counts(changes)
    rows = []
    for topic in guidance.topics:
        numbers = [counts.get((topic.id, kind), 0) for kind in KINDS]
        if any(numbers):
            rows.append([f"[{text(topic.name)}](#topic-{topic.id})", *map(str, numbers)])
    if rows:
        out.append(f"{len(changes)} noted change(s) in this range:\n")
        out.append(table(["Topic", *KIND_WORDS.values()], rows))
    else:
        out.append("We have not recorded any noted changes for this range.\n")
    all_diffs = [d for diffs in role_diffs.values() for d in diffs]
    added = sum(d.kind == "added" for d in all_diffs)
    removed = sum(d.kind == "removed" for d in all_diffs)
    changed = sum(d.kind == "changed" for d in all_diffs)
    flips = sum(d.level_changed for d in all_diffs)
    out.append(
        f"From the role data: {added} duty(ies) added, {removed} removed and {changed} changed "
        f"({flips} between must and should), across {len(role_diffs)} role(s) that cover both editions.\n"
    )

    out.append("## Noted changes by topic {#changes}\n")
    for topic in guidance.topics:
        in_topic = [c for c in changes if c.topic == topic.id]
        if not in_topic:
            continue
        out.append(f"### {text(topic.name)} {{ #topic-{topic.id} }}\n")
        if between:
            out += [change_link(guidance, change, page) for change in in_topic]
            out.append("")
        else:
            out += [change_block(guidance, change, page) for change in in_topic]

    out.append("## Differences by role {#roles}\n")
    out.append(
        "How many of the duties we record for each role were added, removed, reworded or moved between must "
        f"and should from {start.year} to {end.year}, and how many noted changes name the role. "
        "Each role's history page shows every duty's wording edition by edition. "
        '"Not covered" means our data for the role does not include one of the two editions.\n'
    )
    rows = []
    for role in guidance.roles:
        noted = len(changes_between(guidance, a, b, among=guidance.by_role[role.id].changes))
        rows.append(role_row(guidance, role, role_diffs.get(role.id), noted, page))
    header = ["Role", "Added", "Removed", "Reworded", "Must ↔ should", "Noted changes", "Details"]
    out.append(table(header, rows))

    out.append("## Process timescales {#timescales}\n")
    rows = []
    for process in guidance.processes:
        rows += timescale_rows(guidance, timescale_diffs(process, a, b), page)
    if rows:
        out.append(table(["Process", "Step", str(start.year), str(end.year)], rows))
    else:
        out.append("No recorded timescale differs between these editions.\n")
    return "\n".join(out)


def compare_index(guidance: Guidance) -> str:
    page = COMPARE_INDEX
    editions = guidance.compared_editions
    out = ["# Compare editions\n"]
    out.append(
        "Choose two editions to see what changed between them: noted changes by topic, which duties of each role "
        "changed (with the wording, word by word, one click away), and process timescales. This works offline too.\n"
    )
    options = "".join(f'<option value="{e.year}">{e.year}</option>' for e in editions)
    current = guidance.current_edition.year
    out.append(
        '<form class="wtsc-chooser" data-wtsc-compare>\n'
        f'<label for="wtsc-from">From</label> <select id="wtsc-from">{options}</select>\n'
        f'<label for="wtsc-to">to</label> <select id="wtsc-to" data-default="{current}">{options}</select>\n'
        '<button type="submit" class="md-button md-button--primary">Compare</button>\n'
        '<p class="wtsc-chooser-message" role="status"></p>\n'
        "</form>\n"
    )
    out.append("## Every pair {#matrix}\n")
    out.append("Rows are the earlier edition, columns the later one.\n")
    header = ["From \\ to"] + [str(e.year) for e in editions]
    rows = []
    for earlier in editions:
        cells = []
        for later in editions:
            if later.year > earlier.year:
                link = rel(page, compare_path(earlier.id, later.id))
                cells.append(f'[{earlier.year}→{later.year}]({link} "Compare {earlier.year} with {later.year}")')
            else:
                cells.append("")
        rows.append([str(earlier.year), *cells])
    out.append(table(header, rows))
    out.append("## Step by step {#steps}\n")
    for earlier, later in itertools.pairwise(editions):
        count = len(changes_between(guidance, earlier.id, later.id))
        out.append(
            f"- [{earlier.year} to {later.year}]({rel(page, compare_path(earlier.id, later.id))}): "
            f"{count} noted change(s). {text(later.headline)}"
        )
    out.append("")
    return "\n".join(out)
