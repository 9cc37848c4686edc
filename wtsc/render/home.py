"""Blocks for the hand-written home page."""

from __future__ import annotations

from ..model import Guidance
from .common import rel, text
from .editions import edition_path


def current_edition_note(guidance: Guidance) -> str:
    current = guidance.current_edition
    official = f" Read the [official text]({current.official_url})." if current.official_url else ""
    return (
        '!!! info "Current edition and scope"\n\n'
        f"    The current edition is [{text(current.short_title)}]({rel('index.md', edition_path(current))}). "
        "The guidance applies in England only. This site is an aid to reading it, not a replacement: "
        f"where it matters, check the official text.{official}\n"
    )


def home_links(guidance: Guidance) -> str:
    compared = guidance.compared_editions
    counts = {
        "roles": len(guidance.roles),
        "editions": len(guidance.editions),
        "terms": len(guidance.terms),
        "processes": len(guidance.processes),
        "changes": len(guidance.changes),
    }
    first, last = compared[0].year, compared[-1].year
    cards = [
        (
            "What my agency must do",
            "roles/index.md",
            f"Duties of {counts['roles']} roles and agencies, edition by edition, each with its source.",
        ),
        (
            "Quick summaries",
            "roles/quick-summaries.md",
            "One screen per role for busy readers; prints one role per page.",
        ),
        (
            "What changed",
            "compare/index.md",
            f"Any two editions from {first} to {last} side by side: {counts['changes']} noted changes "
            "plus every duty difference.",
        ),
        (
            "Processes and timescales",
            "processes/index.md",
            f"{counts['processes']} processes as diagrams and tables, with their timescales per edition.",
        ),
        ("Glossary", "glossary.md", f"{counts['terms']} terms and abbreviations, and what replaced what."),
        ("Timeline", "timeline.md", f"All {counts['editions']} editions and what led to each."),
    ]
    items = "\n".join(f"-   **[{title}]({link})**\n\n    ---\n\n    {blurb}\n" for title, link, blurb in cards)
    return f'<div class="grid cards" markdown>\n\n{items}\n</div>\n'
