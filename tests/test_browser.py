"""The offline export as its users meet it: Chromium opening the unzipped folder from file://."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser import DESKTOP, PHONE, Watched, chromium, open_search, run_axe, search, url, watched_page
from conftest import Build
from playwright.sync_api import Browser, Page
from sitecheck import html_pages

from wtsc.mermaid import flowchart
from wtsc.model import Guidance

# Realistic queries and the pages any of which must be in the top 3 results
# ("glossary/": any term's page in the glossary).
SEARCHES: list[tuple[str, set[str]]] = [
    ("section 47", {"processes/child-protection.html", "roles/local-authority.html", "glossary/"}),
    ("LADO", {"glossary/"}),
    ("Cafcass", {"roles/cafcass.html"}),
    ("designated safeguarding lead", {"roles/school.html", "glossary/"}),
    ("initial child protection conference", {"processes/child-protection.html", "glossary/"}),
    ("2010 changes", {"compare/2006-2010.html", "compare/2010-2013.html", "editions/2010.html"}),
    ("safeguarding partners", {"roles/safeguarding-partners.html", "glossary/"}),
    ("MAPPA", {"glossary/"}),
    ("CSPR", {"glossary/"}),
    ("YOT", {"roles/youth-justice.html"}),
    ("DSL", {"roles/school.html"}),
    ("SENCO", {"roles/school.html", "roles/vulnerable-children.html"}),
    ("section 11", {"roles/arrangements.html", "glossary/"}),
    ("child death review", {"processes/child-death-review.html"}),
    ("serious case review", {"processes/case-reviews.html", "glossary/"}),
    ("rapid review", {"processes/case-reviews.html", "glossary/"}),
    ("early help", {"processes/early-help.html", "glossary/"}),
    ("single assessment", {"processes/assessment.html", "glossary/"}),
    ("initial assessment", {"processes/assessment.html", "glossary/"}),
    ("LSCB", {"glossary/", "roles/safeguarding-partners.html"}),
    ("ICB", {"roles/health.html", "glossary/"}),
    ("probation", {"roles/probation.html"}),
    ("police protection", {"roles/police.html", "glossary/"}),
    ("young offender institution", {"roles/prisons.html", "glossary/"}),
    ("private fostering", {"glossary/"}),
    ("allegations against staff", {"processes/allegations.html", "roles/designated-officer.html"}),
    ("timescales", {"processes/timescales.html"}),
    ("vulnerable children", {"roles/vulnerable-children.html"}),
    ("Working Together 2018", {"editions/2018.html"}),
    ("nursery", {"roles/early-years.html"}),
    ("housing", {"roles/housing.html"}),
]

# One page of each type, for the checks that are too slow to run on every page.
PAGE_TYPES = [
    "index.html",
    "roles/index.html",
    "roles/school.html",
    "roles/quick-summaries.html",
    "roles/vulnerable-children.html",
    "editions/2023.html",
    "compare/index.html",
    "compare/2015-2023.html",
    "processes/child-protection.html",
    "processes/timescales.html",
    "glossary.html",
    "glossary/lscb.html",
    "roles/changes/school.html",
    "timeline.html",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as browser:
        yield browser


@pytest.fixture(scope="module")
def site(build: Build) -> Path:
    return build.offline


def page_problems(watched: Watched, address: str) -> list[str]:
    """Open a page and list what went wrong: errors in the console or the page, any network request."""
    watched.clear()
    watched.page.goto(address, wait_until="load")
    watched.page.wait_for_timeout(100)
    return watched.errors + [f"network request: {u}" for u in watched.network]


def search_misses(page: Page, table: list[tuple[str, set[str]]]) -> list[str]:
    misses = []
    for query, expected in table:
        top = search(page, query)[:3]
        if not any(hit == want or (want.endswith("/") and hit.startswith(want)) for hit in top for want in expected):
            misses.append(f"{query!r}: expected one of {sorted(expected)} in the top 3, got {top}")
    return misses


# --- every page --------------------------------------------------------------------------------


def test_every_page_loads_offline_without_errors_or_requests(browser: Browser, site: Path) -> None:
    problems = []
    with watched_page(browser) as watched:
        for path in html_pages(site):
            problems += [f"{path.relative_to(site)}: {p}" for p in page_problems(watched, path.as_uri())]
    assert problems == []


def test_the_check_catches_a_network_request_and_a_script_error(browser: Browser, tmp_path: Path) -> None:
    page = tmp_path / "broken.html"
    page.write_text(
        '<html><body><img src="https://example.invalid/pixel.png" alt="">'
        "<script>undefinedFunction()</script></body></html>"
    )
    with watched_page(browser) as watched:
        problems = page_problems(watched, page.as_uri())
    assert any("network request: https://example.invalid/pixel.png" in p for p in problems)
    assert any("undefinedFunction" in p for p in problems)


def test_navigation_click_through(browser: Browser, site: Path) -> None:
    with watched_page(browser) as watched:
        page = watched.page
        page.goto(url(site, "index.html"))
        page.locator(".md-content a", has_text="What my agency must do").click()
        assert page.url.endswith("roles/index.html")
        page.locator(".md-content a", has_text="Police").first.click()
        assert page.url.endswith("roles/police.html")
        assert page.locator("h1").inner_text().startswith("Police")
        page.locator(".md-content a", has_text="2015 to 2018").first.click()
        assert "compare/2015-2018.html#role-police" in page.url
        page.goto(url(site, "compare/index.html"))
        page.select_option("#wtsc-from", "2023")
        page.select_option("#wtsc-to", "2010")
        page.locator("form[data-wtsc-compare] button").click()
        page.wait_for_url(re.compile(r"compare/2010-2023\.html$"))
        page.goto(url(site, "processes/index.html"))
        page.locator(".md-content a", has_text="child protection").first.click()
        assert "processes/" in page.url
        page.goto(url(site, "editions/index.html"))
        page.locator(".md-content a", has_text="Working Together 2010").first.click()
        assert page.url.endswith("editions/2010.html")
        page.goto(url(site, "roles/index.html"))
        page.select_option("#wtsc-role-chooser", "cafcass.html")
        page.locator("form[data-wtsc-chooser] button").click()
        page.wait_for_url(re.compile(r"roles/cafcass\.html$"))
        assert watched.errors == [] and watched.network == []


# --- search ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def search_page(browser: Browser, site: Path) -> Iterator[Page]:
    with watched_page(browser) as watched:
        watched.page.goto(url(site, "index.html"))
        open_search(watched.page)
        yield watched.page
        assert watched.network == []


def test_search_returns_results_offline(search_page: Page) -> None:
    assert search(search_page, "referral")


def test_search_index_is_built_off_the_page_thread(search_page: Page) -> None:
    # The iframe shim would build the index on the page's own thread, freezing it; it adds an iframe.
    assert search(search_page, "referral")
    assert search_page.evaluate("document.querySelectorAll('iframe').length") == 0


def test_search_still_works_through_the_shim_without_the_worker_source(
    browser: Browser, site: Path, tmp_path: Path
) -> None:
    import shutil

    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    (copy / "assets" / "javascripts" / "workers" / "search-source.js").unlink()
    with watched_page(browser) as watched:
        watched.page.goto(url(copy, "index.html"))
        open_search(watched.page)
        assert search(watched.page, "referral")
        assert watched.page.evaluate("document.querySelectorAll('iframe').length") == 1
        assert watched.network == []


def test_search_quality_table(search_page: Page) -> None:
    assert len(SEARCHES) >= 25
    assert search_misses(search_page, SEARCHES) == []


def test_the_search_check_reports_a_miss(search_page: Page) -> None:
    misses = search_misses(search_page, [("Cafcass", {"glossary.html#not-this"}), ("zzqxqv", {"index.html"})])
    assert len(misses) == 2


def test_every_role_alias_finds_its_role_page(search_page: Page, guidance: Guidance) -> None:
    table = [(alias, {f"roles/{role.id}.html"}) for role in guidance.roles for alias in role.aliases]
    assert search_misses(search_page, table) == []


# --- accessibility -----------------------------------------------------------------------------


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_axe_finds_no_serious_or_critical_violation(browser: Browser, site: Path, viewport: dict[str, int]) -> None:
    found = {}
    with watched_page(browser, viewport) as watched:
        for path in PAGE_TYPES:
            watched.page.goto(url(site, path))
            watched.page.wait_for_timeout(200)
            violations = run_axe(watched.page)
            if violations:
                found[path] = [(v["id"], v["impact"], len(v["nodes"])) for v in violations]
    assert found == {}


def test_axe_check_catches_a_violation(browser: Browser, site: Path) -> None:
    with watched_page(browser) as watched:
        watched.page.goto(url(site, "index.html"))
        watched.page.evaluate(
            "() => { const p = document.createElement('p'); p.textContent = 'faint';"
            " p.style.color = '#eee'; p.style.background = '#fff'; document.querySelector('article').append(p);"
            " const i = document.createElement('img'); i.src = 'x.png'; document.querySelector('article').append(i); }"
        )
        ids = {v["id"] for v in run_axe(watched.page)}
    assert {"color-contrast", "image-alt"} <= ids


def test_keyboard_reaches_search_navigation_and_edition_tabs(browser: Browser, site: Path) -> None:
    with watched_page(browser) as watched:
        page = watched.page
        page.goto(url(site, "roles/school.html"))
        reached = set()
        for _ in range(400):
            page.keyboard.press("Tab")
            focus = page.evaluate(
                "() => { const e = document.activeElement; return [e.tagName, e.className || '',"
                " e.closest('.md-nav--primary') ? 'nav' : '', e.closest('.tabbed-set') ? 'tabs' : '',"
                " e.closest('.md-search') ? 'search' : ''].join(' '); }"
            )
            reached |= {word for word in ("nav", "tabs", "search") if f" {word}" in focus}
            if reached == {"nav", "tabs", "search"}:
                break
        assert reached == {"nav", "tabs", "search"}
        # Arrow keys switch edition tabs once a tab has focus.
        page.locator(".tabbed-set input").first.focus()
        page.keyboard.press("ArrowRight")
        checked = page.eval_on_selector_all(".tabbed-set input", "els => els.findIndex(e => e.checked)")
        assert checked == 1


def test_changes_are_marked_by_more_than_colour(browser: Browser, site: Path) -> None:
    with watched_page(browser) as watched:
        page = watched.page
        page.goto(url(site, "compare/2006-2010.html"))
        styles = page.evaluate(
            "() => ['del', 'ins'].map(t => { const e = document.querySelector('.md-content ' + t);"
            " return e ? getComputedStyle(e).textDecorationLine + '|' + e.textContent : ''; })"
        )
        assert styles[0].startswith("line-through|removed:")
        assert styles[1].startswith("underline|added:")
        page.goto(url(site, "roles/school.html"))
        assert page.locator(".wtsc-level--must").first.inner_text() == "Must"
        assert page.locator(".wtsc-level--should").first.inner_text() == "Should"


# --- content a person sees ---------------------------------------------------------------------


def test_glossary_tooltip_and_first_use_link_on_a_role_page(browser: Browser, site: Path) -> None:
    with watched_page(browser) as watched:
        page = watched.page
        page.goto(url(site, "roles/safeguarding-partners.html"))
        title = page.get_attribute("abbr:text-is('LSCB')", "title")
        assert title == "Local Safeguarding Children Board"
        link = page.locator("a.wtsc-term:has(abbr:text-is('LSCB'))").first
        assert link.get_attribute("href") == "../glossary/lscb.html"


def test_an_old_glossary_link_goes_on_to_the_entry(browser: Browser, site: Path) -> None:
    with watched_page(browser) as watched:
        page = watched.page
        page.goto(url(site, "glossary.html#term-lscb"))
        page.wait_for_url(re.compile(r"glossary/lscb\.html$"))
        assert page.locator("h1").inner_text().startswith("Local Safeguarding Children Board (LSCB)")
        page.goto(url(site, "glossary.html#letter-m"))  # not a term: the index stays put
        page.wait_for_timeout(300)
        assert page.url.endswith("glossary.html#letter-m")
        assert watched.errors == [] and watched.network == []


def test_every_process_diagram_renders_offline(browser: Browser, site: Path, guidance: Guidance) -> None:
    sizes = {}
    with watched_page(browser) as watched:
        page = watched.page
        for process in guidance.processes:
            page.goto(url(site, f"processes/{process.id}.html"))
            page.wait_for_function(
                "() => [...document.querySelectorAll('div.mermaid')].length > 0 &&"
                " [...document.querySelectorAll('div.mermaid')].every(d => d.shadowRoot !== null ||"
                " d.getBoundingClientRect().height > 40)",
                timeout=20_000,
            )
            visible = page.evaluate(
                "() => [...document.querySelectorAll('div.mermaid')].map(d => d.getBoundingClientRect())"
                ".filter(r => r.width > 0).map(r => r.height)"
            )
            sizes[process.id] = visible
        assert watched.errors == [] and watched.network == []
    assert all(heights and min(heights) > 40 for heights in sizes.values()), sizes


def test_diagram_text_parses_with_mermaid(browser: Browser, site: Path, guidance: Guidance) -> None:
    sources = [flowchart(variant, process.name) for process in guidance.processes for variant in process.variants]
    with watched_page(browser) as watched:
        page = watched.page
        page.goto(url(site, f"processes/{guidance.processes[0].id}.html"))
        page.wait_for_function("() => typeof mermaid !== 'undefined'")
        failures = page.evaluate(
            "async sources => { const bad = []; for (const s of sources) {"
            " try { await mermaid.parse(s); } catch (e) { bad.push(String(e).slice(0, 200)); } } return bad; }",
            sources,
        )
        broken = page.evaluate(
            "async () => { try { await mermaid.parse('flowchart TD\\n a -->'); return ''; }"
            " catch (e) { return 'caught'; } }"
        )
    assert failures == []
    assert broken == "caught"


def test_screenshots_for_a_human_look(browser: Browser, site: Path, output_dir: Path) -> None:
    shots = output_dir / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    pages = {
        "home": "index.html",
        "role": "roles/school.html",
        "compare": "compare/2015-2023.html#role-school",
        "process": "processes/child-protection.html",
        "glossary": "glossary/lscb.html",
        "history": "roles/changes/school.html",
    }
    for width_name, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        with watched_page(browser, viewport) as watched:
            for name, path in pages.items():
                watched.page.goto(url(site, path))
                watched.page.wait_for_timeout(400)
                target = shots / f"{name}-{width_name}.png"
                watched.page.screenshot(path=str(target))
                assert target.stat().st_size > 10_000
                overflow = watched.page.evaluate(
                    "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
                )
                assert overflow <= 1, f"{path} scrolls sideways at {width_name} width"


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


def test_printing_hides_navigation_and_gives_one_role_per_page(
    browser: Browser, site: Path, guidance: Guidance, output_dir: Path
) -> None:
    with watched_page(browser) as watched:
        page = watched.page
        page.goto(url(site, "roles/quick-summaries.html"))
        page.emulate_media(media="print")
        hidden = page.evaluate(
            "() => ['.md-header', '.md-sidebar--primary', '.md-footer']"
            ".map(s => getComputedStyle(document.querySelector(s)).display)"
        )
        assert hidden == ["none", "none", "none"]
        pdf = page.pdf(format="A4")
        (output_dir / "quick-summaries.pdf").write_bytes(pdf)
        assert pdf_pages(pdf) >= len(guidance.roles)
        page.goto(url(site, "roles/school.html"))
        role_pdf = page.pdf(format="A4")
        (output_dir / "role-school.pdf").write_bytes(role_pdf)
        assert pdf_pages(role_pdf) >= 1
