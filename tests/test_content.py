"""Content integrity: what the issues promise readers, checked on the real data and the built pages."""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser
from typing import ClassVar

import yaml
from conftest import ROOT, Build
from sitecheck import html_pages

from wtsc.diff import changes_between, step_in, variant_for
from wtsc.model import Guidance

SEEDS = ROOT.parent / "shared" / "seeds"
CORE_EDITIONS = ("wt2006", "wt2010", "wt2015", "wt2023")
# All-caps words in the built pages that are not safeguarding terms and need no glossary entry.
NOT_TERMS = {
    *("ACT", "AND", "THE", "FOR", "NOT", "NEW", "CHANGED"),  # words set in capitals
    *("PDF", "URL", "HTML", "JSON", "YAML", "CSS", "ISBN", "HMSO", "USB"),  # not safeguarding terms
    *("II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII"),  # Roman numerals
    *("DFE", "GOV"),  # publication reference codes (DFE-00030-2013) and GOV.UK
}


def test_at_least_fifteen_roles_with_summary_basis_and_cited_duties(guidance: Guidance) -> None:
    assert len(guidance.roles) >= 15
    for role in guidance.roles:
        assert role.summary and role.one_line and role.basis, role.id
        for duty in role.duties:
            for edition_id, entry in duty.editions.items():
                assert entry.cite, (role.id, duty.id, edition_id)


def test_major_roles_have_six_duties_in_their_latest_edition_or_say_why(guidance: Guidance) -> None:
    major = [r for r in guidance.roles if r.major]
    assert len(major) >= 10
    for role in major:
        latest = max(role.editions, key=lambda e: guidance.edition(e).year)
        count = sum(latest in d.editions for d in role.duties)
        assert count >= 6 or role.coverage_note, f"{role.id}: {count} duties in {latest} and no coverage note"


def test_major_roles_cover_the_four_main_editions_or_say_why(guidance: Guidance) -> None:
    for role in (r for r in guidance.roles if r.major):
        missing = [e for e in CORE_EDITIONS if e not in role.editions]
        assert not missing or role.existed_note or role.coverage_note, (role.id, missing)
        assert "wt2023" in role.editions, role.id


def test_every_citation_resolves_to_a_known_source(guidance: Guidance) -> None:
    known = {s.id for s in guidance.sources}
    cited = Counter()
    for role in guidance.roles:
        for duty in role.duties:
            for entry in duty.editions.values():
                cited.update(c.source for c in entry.cite)
    for item in [*guidance.changes, *guidance.terms, *guidance.editions]:
        cited.update(c.source for c in item.cite)
    assert set(cited) <= known
    assert cited["wt2023"] or cited["seed004"]


def test_glossary_entries_and_lineage(guidance: Guidance) -> None:
    assert len(guidance.terms) >= 80
    for term in guidance.terms:
        assert term.definition and term.cite, term.id
        for link in term.replaced_by:
            successor = guidance.term(link.term)
            assert any(back.term == term.id and back.edition == link.edition for back in successor.replaces), (
                f"{term.id} replaced_by {successor.id} in {link.edition}, but not the other way round"
            )
        for link in term.replaces:
            predecessor = guidance.term(link.term)
            assert any(f.term == term.id and f.edition == link.edition for f in predecessor.replaced_by), term.id
    lscb = guidance.term("lscb")
    assert [link.term for link in lscb.replaces] == ["acpc"]
    assert [(link.term, link.edition) for link in lscb.replaced_by] == [("safeguarding-partners", "wt2018")]


def test_processes_cover_their_editions_and_cite_every_step(guidance: Guidance) -> None:
    assert len(guidance.processes) >= 6
    for process in guidance.processes:
        assert len(process.variants) >= 2, f"{process.id} shows no change across editions"
        for variant in process.variants:
            for step in variant.steps:
                assert step.cite and step.actor, (process.id, step.id)


def test_key_timescales_match_the_sources(guidance: Guidance) -> None:
    assessment = guidance.process("assessment")

    def days(edition: str, step: str) -> float | None:
        found = step_in(variant_for(assessment, edition), step)
        return found.timescale.value if found and found.timescale else None

    assert days("wt2006", "initial-assessment") == 7
    assert days("wt2010", "initial-assessment") == 10
    assert days("wt2013", "initial-assessment") is None
    for edition in ("wt2013", "wt2015", "wt2018", "wt2023"):
        assert days(edition, "single-assessment") == 45, edition


def test_enough_curated_changes_for_each_transition(guidance: Guidance) -> None:
    assert len(changes_between(guidance, "wt2006", "wt2010")) >= 10
    assert len(changes_between(guidance, "wt2010", "wt2015")) >= 10
    assert len(changes_between(guidance, "wt2015", "wt2023")) >= 10
    ids = {c.id for c in guidance.changes}
    assert {"initial-assessment-ten-days", "lscbs-replaced-by-safeguarding-partners"} <= ids


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def _ngrams(words: list[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def _data_strings(value: object) -> list[str]:
    """Every string in a parsed YAML document (folded blocks come back whole)."""
    if isinstance(value, str):
        return [value] if len(value.split()) >= 12 else []
    if isinstance(value, dict):
        return [s for v in value.values() for s in _data_strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _data_strings(v)]
    return []


# Names of documents and Acts may be quoted exactly; they are removed before comparing.
QUOTABLE_NAMES = [
    "working together to safeguard children: a guide to inter-agency working to safeguard and promote the"
    " welfare of children",
    "framework for the assessment of children in need and their families",
    "what to do if you're worried a child is being abused",
    "issued under section 7 of the local authority social services act 1970",
]


def test_summaries_are_in_our_own_words() -> None:
    """No run of 12 words in the data is copied from the seed documents."""
    n = 12
    seed_grams: set[tuple[str, ...]] = set()
    for seed in SEEDS.glob("*.txt"):
        seed_grams |= _ngrams(_words(seed.read_text(errors="ignore")), n)
    assert seed_grams, f"no seeds found in {SEEDS}"
    copied = []
    for path in sorted((ROOT / "data").rglob("*.yaml")):
        for line in _data_strings(yaml.safe_load(path.read_text())):
            for name in QUOTABLE_NAMES:
                line = re.sub(re.escape(name), " | ", line, flags=re.IGNORECASE)
            overlap = _ngrams(_words(line), n) & seed_grams
            if overlap:
                copied.append(f"{path.relative_to(ROOT)}: {' '.join(next(iter(overlap)))}")
    assert not copied, "copied from the seeds:\n" + "\n".join(copied)


class _Text(HTMLParser):
    """Visible text of the page body, outside abbr, code and script elements."""

    SKIP: ClassVar[set[str]] = {"abbr", "code", "script", "style", "svg"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.inside = False
        self.chunks: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self.inside = True
        # Citations name their sources as their publishers do (e.g. "HIPS procedures"): not our prose.
        skipped = tag in self.SKIP or (tag == "span" and dict(attrs).get("class") == "wtsc-cite")
        nested = bool(self.stack) and tag == self.stack[-1]
        if skipped or nested:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.stack and tag == self.stack[-1]:
            self.stack.pop()
        if tag == "article":
            self.inside = False

    def handle_data(self, data: str) -> None:
        if self.inside and not self.stack:
            self.chunks.append(data)


def test_every_acronym_on_the_site_is_in_the_glossary(build: Build, guidance: Guidance) -> None:
    known = {abbr for term in guidance.terms for abbr in term.abbr}
    unknown: Counter[str] = Counter()
    for page in html_pages(build.site):
        if page.name == "sources.html":  # source titles as published, not our prose
            continue
        parser = _Text()
        parser.feed(page.read_text())
        for token in re.findall(r"\b[A-Z][A-Z]{2,}s?\b", " ".join(parser.chunks)):
            if token not in known and token.rstrip("s") not in known and token not in NOT_TERMS:
                unknown[token] += 1
    assert dict(unknown) == {}


def test_lscb_tooltip_and_glossary_anchor_in_the_built_pages(build: Build) -> None:
    role_page = (build.site / "roles" / "safeguarding-partners.html").read_text()
    assert '<abbr title="Local Safeguarding Children Board">LSCB</abbr>' in role_page
    # Old links to the single glossary page still land on the term, which links on to its own page.
    index = (build.site / "glossary.html").read_text()
    assert '<a href="glossary/lscb.html" id="term-lscb">' in index
    entry = (build.site / "glossary" / "lscb.html").read_text()
    assert 'id="term-lscb"' in entry and "Lineage:" in entry
