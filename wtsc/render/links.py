"""Turn the first use of each glossary abbreviation on a page into a link to its entry."""

from __future__ import annotations

import html as html_lib
import posixpath
import re

from ..model import Guidance

# Either a whole link or heading (left alone) or an abbreviation the abbr extension produced.
_TOKEN = re.compile(r"<a\b.*?</a>|<h1\b.*?</h1>|<abbr title=\"[^\"]*\">([^<]+)</abbr>", re.DOTALL)


def link_first_terms(page_html: str, guidance: Guidance, page_path: str) -> str:
    """Wrap the first ``<abbr>`` of each term (outside links and the title) in a glossary link."""
    term_of = {abbr: term.id for term in guidance.terms for abbr in term.abbr}
    glossary = posixpath.relpath("glossary.html", posixpath.dirname(page_path) or ".")
    linked: set[str] = set()

    def replace(match: re.Match[str]) -> str:
        abbr = match.group(1)
        if abbr is None:
            return match.group(0)
        term_id = term_of.get(html_lib.unescape(abbr))
        if term_id is None or term_id in linked:
            return match.group(0)
        linked.add(term_id)
        return f'<a class="wtsc-term" href="{glossary}#term-{term_id}">{match.group(0)}</a>'

    return _TOKEN.sub(replace, page_html)
