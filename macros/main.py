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
from wtsc.pages import RENDERERS  # noqa: E402


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
