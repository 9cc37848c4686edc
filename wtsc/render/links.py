"""Turn the first use of each glossary abbreviation on a page into a link to its entry."""

from __future__ import annotations

import html as html_lib
import re

from ..model import Guidance
from .paths import term_link

# Either a whole link or heading (left alone) or an abbreviation the abbr extension produced.
_TOKEN = re.compile(r"<a\b.*?</a>|<h1\b.*?</h1>|<abbr title=\"[^\"]*\">([^<]+)</abbr>", re.DOTALL)


def link_first_terms(page_html: str, guidance: Guidance, page_path: str) -> str:
    """Wrap the first ``<abbr>`` of each term (outside links and the title) in a glossary link."""
    term_of = guidance.term_by_abbr
    linked: set[str] = set()

    def replace(match: re.Match[str]) -> str:
        abbr = match.group(1)
        if abbr is None:
            return match.group(0)
        term = term_of.get(html_lib.unescape(abbr))
        if term is None or term.id in linked:
            return match.group(0)
        linked.add(term.id)
        href = term_link(guidance, term.id, page_path).removesuffix(".md") + ".html"
        return f'<a class="wtsc-term" href="{href}">{match.group(0)}</a>'

    return _TOKEN.sub(replace, page_html)
