"""mkdocs-macros entry point: one macro per page type, each a call into ``wtsc.render``."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from wtsc.cache import load_cached  # noqa: E402
from wtsc.model import Guidance  # noqa: E402
from wtsc.render import compare, editions, glossary, history, home, processes, roles  # noqa: E402

RENDERERS: dict[str, Callable[..., str]] = {
    "role_page": roles.role_page,
    "role_index": roles.role_index,
    "history_page": history.history_page,
    "quick_summaries": roles.quick_summaries,
    "arrangements_page": roles.arrangements_page,
    "vulnerable_page": roles.vulnerable_page,
    "edition_page": editions.edition_page,
    "edition_index": editions.edition_index,
    "timeline": editions.timeline,
    "compare_page": compare.compare_page,
    "compare_index": compare.compare_index,
    "process_page": processes.process_page,
    "process_index": processes.process_index,
    "timescales_page": processes.timescales_page,
    "glossary_page": glossary.glossary_page,
    "glossary_letter_page": glossary.glossary_letter_page,
    "sources_page": glossary.sources_page,
    "current_edition_note": home.current_edition_note,
    "home_links": home.home_links,
}


def define_env(env: Any) -> None:
    data_dir = Path(os.environ.get("WTSC_DATA_DIR", ROOT / "data"))

    loaded: list[Guidance] = []

    def current() -> Guidance:
        # Validated by the hook's on_pre_build; read once per build (define_env runs once per build).
        if not loaded:
            loaded.append(load_cached(data_dir, display_root=ROOT))
        return loaded[0]

    for name, render in RENDERERS.items():
        env.macro(_bind(render, current), name)


def _bind(render: Callable[..., str], current: Callable[[], Guidance]) -> Callable[..., str]:
    def macro(*args: str) -> str:
        return render(current(), *args)

    return macro
