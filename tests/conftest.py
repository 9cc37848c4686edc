"""Shared fixtures: the real data, and one real build of the site and its offline zip per test run."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from wtsc.loader import load_guidance
from wtsc.model import Guidance

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_DATA = Path(__file__).parent / "fixtures" / "data"
OUTPUT = ROOT / "test-output"  # git-ignored; screenshots and reports for a human look


@dataclass(frozen=True)
class Build:
    site: Path
    zip_path: Path
    offline: Path  # the unzipped export, as a reader would open it


def run_build(site: Path, dist: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    import os

    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build.py"), "--site", str(site), "--dist", str(dist)],
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
    )


@pytest.fixture(scope="session")
def guidance() -> Guidance:
    return load_guidance(ROOT / "data", display_root=ROOT)


@pytest.fixture(scope="session")
def build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The real site, built once with the real build script, plus its unzipped offline export."""
    base = tmp_path_factory.mktemp("build")
    result = run_build(base / "site", base / "dist")
    assert result.returncode == 0, result.stdout + result.stderr
    zip_path = base / "dist" / "wtsc-offline.zip"
    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(base / "unzipped")
    return Build(base / "site", zip_path, base / "unzipped" / "wtsc-offline")


@pytest.fixture()
def data_copy(tmp_path: Path) -> Path:
    """A private copy of the small test dataset, for tests that break it on purpose."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, target)
    return target


@pytest.fixture(scope="session")
def output_dir() -> Path:
    OUTPUT.mkdir(exist_ok=True)
    return OUTPUT
