"""Reading a built site: pages, their ids and their links (used by several test modules)."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


@dataclass
class PageLinks:
    ids: set[str] = field(default_factory=set)
    hrefs: list[str] = field(default_factory=list)
    srcs: list[str] = field(default_factory=list)


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = PageLinks()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.page.ids.add(values["id"] or "")
        if tag == "a" and values.get("name"):
            self.page.ids.add(values["name"] or "")
        if tag in ("a", "link") and values.get("href"):
            self.page.hrefs.append(values["href"] or "")
        if tag in ("script", "img") and values.get("src"):
            self.page.srcs.append(values["src"] or "")


def read_page(path: Path) -> PageLinks:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8"))
    return collector.page


def html_pages(site: Path) -> list[Path]:
    # 404.html uses absolute paths by design: a server shows it for any missing address.
    return sorted(p for p in site.rglob("*.html") if "vendor" not in p.parts and p.name != "404.html")


def is_external(href: str) -> bool:
    return urlsplit(href).scheme in ("http", "https", "mailto", "tel")


def broken_links(site: Path) -> tuple[list[str], list[str]]:
    """(broken internal links and anchors, external links) over the whole site."""
    pages = {p: read_page(p) for p in html_pages(site)}
    broken: list[str] = []
    external: list[str] = []
    for path, page in pages.items():
        for href in page.hrefs + page.srcs:
            if is_external(href):
                external.append(f"{path.relative_to(site)} -> {href}")
                continue
            parts = urlsplit(href)
            if parts.scheme or href.startswith("//"):
                broken.append(f"{path.relative_to(site)}: unexpected URL {href}")
                continue
            target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
            if not target.exists():
                broken.append(f"{path.relative_to(site)}: missing file {href}")
                continue
            if parts.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else read_page(target).ids
                if parts.fragment not in ids:
                    broken.append(f"{path.relative_to(site)}: missing anchor {href}")
    return broken, external
