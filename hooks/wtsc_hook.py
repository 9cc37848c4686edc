"""MkDocs adapter: validate the data, add the generated pages, export the data.

Everything here is glue; the work happens in the ``wtsc`` package, which knows
nothing of MkDocs (so a move to another generator only rewrites this file).
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from mkdocs.config.defaults import MkDocsConfig  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.structure.files import File, Files  # noqa: E402
from mkdocs.structure.pages import Page  # noqa: E402

from wtsc.cache import load_cached  # noqa: E402
from wtsc.export import dumps, guidance_json, guidance_schema  # noqa: E402
from wtsc.loader import DataError  # noqa: E402
from wtsc.model import Guidance  # noqa: E402
from wtsc.pages import generated_pages, navigation  # noqa: E402
from wtsc.render.editions import edition_path  # noqa: E402
from wtsc.render.glossary import abbreviation_definitions  # noqa: E402
from wtsc.render.links import link_first_terms  # noqa: E402

# Front-end files copied from node_modules (installed by `npm ci`, never committed).
VENDOR = {
    "vendor/mermaid.min.js": "node_modules/mermaid/dist/mermaid.min.js",
    "vendor/iframe-worker-shim.js": "node_modules/iframe-worker/shim/index.js",
}


def data_dir(config: MkDocsConfig) -> Path:
    """`WTSC_DATA_DIR` lets tests build from a copy of the data."""
    default = Path(config.config_file_path).parent / "data"
    return Path(os.environ.get("WTSC_DATA_DIR", default))


_loaded: dict[str, Guidance] = {}


def guidance(config: MkDocsConfig) -> Guidance:
    """The data of the current build, read once in on_pre_build."""
    return _loaded["current"]


def on_pre_build(config: MkDocsConfig) -> None:
    # Runs before MkDocs empties site_dir, so bad data leaves the last good site in place.
    try:
        _loaded["current"] = load_cached(data_dir(config), display_root=Path(config.config_file_path).parent)
    except DataError as error:
        raise PluginError(error.report()) from None
    current = guidance(config).current_edition
    config.extra["current_edition"] = {
        "title": current.short_title,
        "page": edition_path(current).removesuffix(".md") + ".html",
        "official_url": current.official_url,
    }
    missing = [source for source in VENDOR.values() if not (ROOT / source).is_file()]
    if missing:
        raise PluginError(f"front-end assets missing ({', '.join(missing)}): run `npm ci` (make site does it)")


def on_serve(server, config: MkDocsConfig, builder):  # type: ignore[no-untyped-def]
    # mkdocs.yml watches data/; a build from another data folder must reload on its edits too.
    server.watch(str(data_dir(config)))
    return server


def on_files(files: Files, config: MkDocsConfig) -> Files:
    data = guidance(config)
    for page in generated_pages(data):
        # Rendered here, once: the pages are Markdown already, and passing each through the macros
        # plugin's Jinja cost a tenth of the build. Hand-written pages still use the macros.
        content = page.front_matter(render_macros=False) + "\n" + page.render(data)
        files.append(File.generated(config, page.path, content=content))
    for target, source in VENDOR.items():
        files.append(File.generated(config, target, abs_src_path=str(ROOT / source)))
    files.append(search_worker_source(files, config))
    config.nav = navigation(data)
    return files


def search_worker_source(files: Files, config: MkDocsConfig) -> File:
    """Material's search worker as a JS string, for docs/assets/wtsc-search-worker.js to start from a blob."""
    worker = next(
        (f for f in files if re.fullmatch(r"assets/javascripts/workers/search\.[0-9a-f]+\.min\.js", f.src_uri)), None
    )
    if worker is None or worker.abs_src_path is None:
        raise PluginError("Material's search worker was not found; has the theme changed?")
    code = Path(worker.abs_src_path).read_text(encoding="utf-8")
    content = f"window.__wtscSearchWorkerSource = {json.dumps(code)};\n"
    return File.generated(config, "assets/javascripts/workers/search-source.js", content=content)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # Hooks run after the macros plugin, so these definitions never pass through Jinja.
    return markdown + "\n\n" + abbreviation_definitions(guidance(config), markdown)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # Pages with many small sections (comparisons, the glossary index) list only their top headings
    # in the sidebars; `toc_depth` in mkdocs.yml is site-wide.
    depth = page.meta.get("toc_depth")
    if depth:
        _trim_toc(page.toc, int(depth))
    if page.file.src_uri.startswith("roles/"):
        return link_first_terms(html, guidance(config), page.file.src_uri)
    return html


def _trim_toc(items: list, depth: int) -> None:  # type: ignore[type-arg]
    for item in items:
        if item.level >= depth:
            item.children = []
        else:
            _trim_toc(item.children, depth)


def on_post_build(config: MkDocsConfig) -> None:
    out = Path(config.site_dir) / "data"
    out.mkdir(parents=True, exist_ok=True)
    (out / "guidance.json").write_text(dumps(guidance_json(guidance(config))), encoding="utf-8")
    (out / "guidance.schema.json").write_text(dumps(guidance_schema()), encoding="utf-8")
