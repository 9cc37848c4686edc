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


def term_path(term_id: str) -> str:
    """One page per term, named by its id: a stable address for tooltips and slides, and no glossary
    page that grows with the glossary."""
    return f"glossary/{term_id}.md"


def term_link(guidance: Guidance, term_id: str, page: str) -> str:
    """Relative link from ``page`` to a term's page (the term must exist)."""
    return rel(page, term_path(guidance.term(term_id).id))
