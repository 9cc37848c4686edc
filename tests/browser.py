"""Driving Debian's Chromium with Playwright: pages opened from file://, with every request watched."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Browser, Page, sync_playwright

CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


@contextmanager
def chromium() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class Watched:
    """A page plus everything that went wrong on it: console errors, page errors, network requests."""

    page: Page
    errors: list[str] = field(default_factory=list)
    network: list[str] = field(default_factory=list)

    def clear(self) -> None:
        self.errors.clear()
        self.network.clear()


@contextmanager
def watched_page(browser: Browser, viewport: dict[str, int] = DESKTOP) -> Iterator[Watched]:
    """A page on which any request that is not a local file is recorded and blocked."""
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    watched = Watched(page)

    def block(route, request) -> None:  # type: ignore[no-untyped-def]
        watched.network.append(request.url)
        route.abort()

    context.route(lambda url: not url.startswith(("file:", "data:", "blob:", "about:")), block)
    page.on("console", lambda m: watched.errors.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: watched.errors.append(f"page error: {e}"))
    try:
        yield watched
    finally:
        context.close()


def url(site: Path, path: str) -> str:
    return (
        (site / path).as_uri() if "#" not in path else (site / path.split("#")[0]).as_uri() + "#" + path.split("#")[1]
    )


def open_search(page: Page) -> None:
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator(".md-search__input").focus()


def search(page: Page, query: str, timeout: float = 10_000) -> list[str]:
    """Type a query as a person would and return the result links, best first (page paths, no anchors)."""
    box = page.locator(".md-search__input")
    box.focus()
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    page.wait_for_function(
        "() => !document.querySelector('.md-search-result__list') ||"
        " document.querySelectorAll('.md-search-result__item').length === 0",
        timeout=timeout,
    )
    page.keyboard.type(query, delay=10)
    page.wait_for_function(
        "q => document.querySelector('.md-search__input').value === q &&"
        " /matching|No matching/.test(document.querySelector('.md-search-result__meta').textContent)",
        arg=query,
        timeout=timeout,
    )
    page.wait_for_timeout(50)
    hrefs = page.eval_on_selector_all(
        ".md-search-result__list > .md-search-result__item > a.md-search-result__link", "els => els.map(e => e.href)"
    )
    pages: list[str] = []
    for href in hrefs:
        path = re.split(r"[#?]", href)[0].split("/wtsc-offline/")[-1]
        if path not in pages:
            pages.append(path)
    return pages


def run_axe(page: Page) -> list[dict]:
    """Serious and critical axe-core violations on the current page (WCAG 2.x A/AA and best practice)."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [v for v in result["violations"] if v["impact"] in ("serious", "critical")]
