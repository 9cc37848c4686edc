"""Load the data once per change, however many times a build asks for it."""

from __future__ import annotations

from pathlib import Path

from .loader import load_guidance
from .model import Guidance

_cache: dict[Path, tuple[tuple[tuple[str, float], ...], Guidance]] = {}


def _fingerprint(data_dir: Path) -> tuple[tuple[str, float], ...]:
    return tuple(sorted((str(p), p.stat().st_mtime) for p in data_dir.rglob("*.yaml")))


def load_cached(data_dir: Path, display_root: Path | None = None) -> Guidance:
    """The validated data; re-read only when a data file was added, removed or edited."""
    data_dir = data_dir.resolve()
    stamp = _fingerprint(data_dir)
    hit = _cache.get(data_dir)
    if hit and hit[0] == stamp:
        return hit[1]
    guidance = load_guidance(data_dir, display_root)
    _cache[data_dir] = (stamp, guidance)
    return guidance
