"""Where glossary entries live: the one place that maps a term to its page."""

from __future__ import annotations

from ..model import Guidance, Term
from .common import rel

GLOSSARY = "glossary.md"


def letter(term: Term) -> str:
    first = term.term.strip()[0].upper()
    return first if first.isalpha() else "#"


def letter_slug(key: str) -> str:
    return key.lower() if key != "#" else "other"


def letter_path(key: str) -> str:
    return f"glossary/{letter_slug(key)}.md"


def term_path(term: Term) -> str:
    """The glossary page that defines a term: one page per first letter, so no page grows with the glossary."""
    return letter_path(letter(term))


def term_link(guidance: Guidance, term_id: str, page: str) -> str:
    """Relative link from ``page`` to a term's entry."""
    return rel(page, term_path(guidance.term(term_id)), "term-" + term_id)
