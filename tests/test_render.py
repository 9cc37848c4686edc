"""Rendering functions: escaping, citations, stable anchors, diagram text."""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest

from wtsc.loader import load_guidance
from wtsc.mermaid import flowchart, label_text
from wtsc.model import Guidance
from wtsc.render.common import rel, text
from wtsc.render.compare import compare_page, highlighted
from wtsc.render.history import history_page
from wtsc.render.roles import role_page


def to_html(md: str) -> str:
    return markdown.markdown(
        md,
        extensions=["attr_list", "tables", "md_in_html", "admonition", "pymdownx.tabbed", "pymdownx.superfences"],
        extension_configs={"pymdownx.tabbed": {"alternate_style": True}},
    )


@pytest.mark.parametrize(
    "raw",
    [
        "<script>alert(1)</script>",
        "{{ config }}",
        "{% raw %}",
        "*not bold* _x_ [link](http://e.invalid) | pipe",
        "a & b",
    ],
)
def test_data_text_shows_as_typed(raw: str) -> None:
    html = to_html(f"| a |\n|---|\n| {text(raw)} |\n\nPara {text(raw)}")
    assert "<script>" not in html and "<em>" not in html and "<a " not in html
    shown = html.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    assert shown.count(raw) == 2


def test_relative_links() -> None:
    assert rel("roles/school.md", "glossary.md", "term-lscb") == "../glossary.md#term-lscb"
    assert rel("index.md", "roles/school.md") == "roles/school.md"
    assert rel("compare/2006-2010.md", "compare/index.md") == "index.md"


def test_role_page_escapes_data_and_keeps_anchor_when_title_changes(data_copy: Path) -> None:
    role_file = data_copy / "roles" / "demo.yaml"
    role_file.write_text(role_file.read_text().replace("title: Keep children safe", 'title: "<b>Renamed</b> {{ x }}"'))
    guidance = load_guidance(data_copy)
    page = role_page(guidance, "demo")
    html = to_html(page)
    assert 'id="duty-keep-safe"' in html and 'id="duty-new-in-2010"' in html
    assert "<b>Renamed</b>" not in html and "&lt;b&gt;Renamed&lt;/b&gt; {{ x }}" in html


def test_compare_anchors_come_from_ids_not_titles(data_copy: Path) -> None:
    before = to_html(compare_page(load_guidance(data_copy), "wt2006", "wt2010"))
    change_file = data_copy / "changes" / "2006-2010.yaml"
    change_file.write_text(change_file.read_text().replace("title: Initial assessment extended", "title: A new title"))
    after = to_html(compare_page(load_guidance(data_copy), "wt2006", "wt2010"))
    for anchor in ('id="change-demo-change"', 'id="role-demo"', 'href="../roles/changes/demo.md"'):
        assert anchor in before and anchor in after
    assert "A new title" in after and "A new title" not in before


def test_compare_page_counts_each_role_difference_by_kind(data_copy: Path) -> None:
    html = to_html(compare_page(load_guidance(data_copy), "wt2006", "wt2010"))
    row = html[html.index('id="role-demo"') :].split("</tr>")[0]
    # added 1 (new-in-2010), removed 0, reworded 1 and must/should 1 (keep-safe), noted changes 1
    assert re.findall(r"<td>(\d+)</td>", row) == ["1", "0", "1", "1", "1"]
    assert "Keep children safe at all times" not in html  # the wording is on the history page


def test_history_page_marks_each_version_against_the_one_before(data_copy: Path) -> None:
    guidance = load_guidance(data_copy)
    html = to_html(history_page(guidance, "demo"))
    keep = html[html.index('id="duty-keep-safe"') : html.index('id="duty-new-in-2010"')]
    assert "<strong>2006</strong>" in keep and "Keep children safe." in keep
    assert "(was should in 2006)" in keep
    assert '<ins><span class="wtsc-sr">added: </span>safe at all times.</ins>' in keep
    assert '<del><span class="wtsc-sr">removed: </span>safe.</del>' in keep
    new = html[html.index('id="duty-new-in-2010"') :]
    assert "Not in this edition." in new.split("<strong>2010</strong>")[0]
    assert "Something new." in new


def test_history_page_says_when_the_wording_did_not_change(data_copy: Path) -> None:
    role_file = data_copy / "roles" / "demo.yaml"
    role_file.write_text(role_file.read_text().replace("Keep children safe at all times.", "Keep children safe."))
    html = to_html(history_page(load_guidance(data_copy), "demo"))
    assert "Same wording as 2006." in html and "<ins>" not in html.split('id="duty-new-in-2010"')[0]


def test_highlight_marks_changes_in_words_as_well_as_colour() -> None:
    old, new = highlighted("within 7 days <b>", "within 10 days <b>")
    assert '<del><span class="wtsc-sr">removed: </span>7</del>' in old
    assert '<ins><span class="wtsc-sr">added: </span>10</ins>' in new
    assert "&lt;b&gt;" in old and "<b>" not in new


def test_flowchart_has_every_step_and_edge(data_copy: Path) -> None:
    process = load_guidance(data_copy).process("demo-process")
    variant = process.variants[0]
    chart = flowchart(variant, "Demo", {"initial-assessment": "new"})
    assert chart.startswith("flowchart TD\n")
    for step in variant.steps:
        assert f"s_{step.id.replace('-', '_')}[" in chart
    assert 's_referral -->|"needs assessment, within 7 working days"| s_initial_assessment' in chart
    assert "NEW: Initial assessment" in chart and "class s_initial_assessment new" in chart
    assert "accTitle: Demo" in chart


def test_mermaid_labels_cannot_break_the_syntax() -> None:
    assert label_text('say "hi" <script> a|b #1') == "say #quot;hi#quot; #lt;script#gt; a#124;b #35;1"


def test_abbreviations_are_defined_only_where_used(data_copy: Path) -> None:
    from wtsc.render.glossary import abbreviation_definitions

    glossary = data_copy / "glossary.yaml"
    glossary.write_text(glossary.read_text().replace("abbr: [LSCB]", "abbr: [LSCB, LSCB Board]"))
    guidance = load_guidance(data_copy)
    assert abbreviation_definitions(guidance, "No acronyms here.").strip() == ""
    used = abbreviation_definitions(guidance, "The LSCB met. Later the LSCB Board met.")
    assert "*[LSCB]: Local Safeguarding Children Board" in used
    assert "*[LSCB Board]: Local Safeguarding Children Board" in used


def test_edition_pages_flag_renamed_terms_both_ways(guidance: Guidance) -> None:
    from wtsc.render.editions import lineage_note

    lscb, partners = guidance.term("lscb"), guidance.term("safeguarding-partners")
    assert lineage_note(guidance, lscb, guidance.edition("wt2010")) == "from 2018 called Safeguarding partners"
    assert lineage_note(guidance, partners, guidance.edition("wt2010")) == (
        "not used until 2018; this edition says Local Safeguarding Children Board"
    )
    assert lineage_note(guidance, lscb, guidance.edition("wt2023")) == "replaced by Safeguarding partners in 2018"
    assert lineage_note(guidance, partners, guidance.edition("wt2023")) is None


def test_history_page_shows_a_rewrite_whole_rather_than_marking_every_word(data_copy: Path) -> None:
    role_file = data_copy / "roles" / "demo.yaml"
    role_file.write_text(
        role_file.read_text().replace("Keep children safe at all times.", "Protect every pupil from harm online too.")
    )
    html = to_html(history_page(load_guidance(data_copy), "demo"))
    keep = html[html.index('id="duty-keep-safe"') : html.index('id="duty-new-in-2010"')]
    assert "<em>Reworded since 2006:</em> Protect every pupil from harm online too." in keep
    assert "<del>" not in keep and "<ins>" not in keep


def test_long_navigation_sections_are_split_into_labelled_groups() -> None:
    from wtsc.pages import NAV_LIMIT, bounded

    few = [{f"Role {i:04d}": f"roles/r{i}.md"} for i in range(NAV_LIMIT)]
    assert bounded(few) == few
    many = [{f"Role {i:04d}": f"roles/r{i}.md"} for i in range(NAV_LIMIT * NAV_LIMIT + 5)]
    groups = bounded(many)

    def sizes(entries: list) -> list[int]:
        found = [len(entries)]
        for entry in entries:
            value = next(iter(entry.values()))
            if isinstance(value, list):
                found += sizes(value)
        return found

    def leaves(entries: list) -> list[str]:
        out = []
        for entry in entries:
            value = next(iter(entry.values()))
            out += leaves(value) if isinstance(value, list) else [value]
        return out

    assert max(sizes(groups)) <= NAV_LIMIT
    assert leaves(groups) == [next(iter(e.values())) for e in many]  # nothing lost, order kept
    assert next(iter(groups[0])) == "Role 0000 – Role 0899"


def test_roles_sit_in_the_navigation_under_their_sector(guidance: Guidance) -> None:
    from wtsc.pages import navigation

    roles = next(entry["Roles"] for entry in navigation(guidance) if "Roles" in entry)
    sectors = {next(iter(e)): next(iter(e.values())) for e in roles if isinstance(e, dict)}
    justice = guidance.sector("justice").name
    assert "roles/police.md" in [next(iter(e.values())) for e in sectors[justice]]
    assert all(isinstance(v, str) or len(v) <= 30 for v in sectors.values())
