"""One page per role: every recorded version of each duty, with what changed from the version before.

Comparison pages link here instead of repeating each role's wording for every pair of
editions: that repetition made comparison pages grow with the number of roles.
"""

from __future__ import annotations

from ..diff import similarity, word_diff
from ..model import Duty, Guidance, Role
from .common import anchor, citations, level_badge, rel, text
from .compare import marked
from .roles import history_path, role_path

# Below this share of words in common, a version is shown as rewritten rather than marked word by word.
REWORDED = 0.4


def redline(before: str, after: str) -> str:
    """``after`` as HTML with words removed since ``before`` struck through and added ones underlined."""
    return " ".join(marked(op, words) for op, words in word_diff(before, after))


def duty_versions(guidance: Guidance, role: Role, duty: Duty, page: str) -> list[str]:
    """One paragraph per edition of the role, oldest first, each against the previous recorded version."""
    lines = []
    previous = None
    previous_year = None
    for edition_id in sorted(role.editions, key=lambda e: guidance.edition(e).year):
        year = guidance.edition(edition_id).year
        entry = duty.editions.get(edition_id)
        if entry is None:
            note = duty.absent_note.get(edition_id)
            words = text(note) if note else "Not in this edition."
            lines.append(f'**{year}** · <span class="wtsc-absent">{words}</span>\n')
            continue
        badge = level_badge(entry.level)
        if previous is not None and previous.level != entry.level:
            badge += f" (was {previous.level} in {previous_year})"
        if previous is None:
            wording = text(entry.text)
        elif previous.text == entry.text:
            wording = f"Same wording as {previous_year}."
        elif similarity(previous.text, entry.text) < REWORDED:
            # Marking nearly every word helps no one: say it was rewritten; the old text is just above.
            wording = f"<em>Reworded since {previous_year}:</em> {text(entry.text)}"
        else:
            wording = redline(previous.text, entry.text)
        lines.append(f"**{year}** · {badge} {wording} {citations(guidance, entry, page)}\n")
        previous, previous_year = entry, year
    return lines


def history_page(guidance: Guidance, role_id: str) -> str:
    role = guidance.role(role_id)
    page = history_path(role.id)
    years = sorted(guidance.edition(e).year for e in role.editions)
    out = [f"# {text(role.name)}: how the duties changed\n"]
    out.append(
        "Each duty as every edition we have words it, oldest first. Where the wording changed a little, words "
        "taken out since the edition before are struck through and new words are underlined; where it was "
        "rewritten, the new wording is shown whole. "
        f"[All duties side by side]({rel(page, role_path(role.id))}) · "
        f"[Compare two editions]({rel(page, 'compare/index.md')})\n"
    )
    out.append(f"Editions covered for this role: {', '.join(map(str, years))}.\n")
    if role.coverage_note:
        out.append(f'!!! note "How much the guidance says"\n\n    {text(role.coverage_note)}\n')
    for duty in role.duties:
        out.append(f"## {text(duty.title)} {{ #duty-{duty.id} }}\n")
        out.append(
            f"[This duty on the role page]({rel(page, role_path(role.id), 'duty-' + duty.id)}) "
            f"{anchor('duty-' + duty.id, duty.title)}\n"
        )
        out += duty_versions(guidance, role, duty, page)
    return "\n".join(out)
