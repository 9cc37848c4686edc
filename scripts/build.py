"""Build the site and its offline zip atomically.

The site is built into a scratch folder; only when the build succeeds is it
swapped into ``site/`` and zipped into ``dist/wtsc-offline.zip``. A failing
build (bad data, a broken link) leaves the previous export exactly as it was.

Usage: python scripts/build.py [--site DIR] [--dist DIR]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ZIP_NAME = "wtsc-offline.zip"
ZIP_FOLDER = "wtsc-offline"  # the folder a reader gets when unzipping


def build_into(target: Path, config: Path) -> int:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(config), "-d", str(target)]
    return subprocess.run(command, cwd=ROOT, env=env).returncode


def zip_site(site: Path, zip_path: Path) -> None:
    with zipfile.ZipFile(zip_path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for path in sorted(site.rglob("*")):
            if path.is_file():
                archive.write(path, f"{ZIP_FOLDER}/{path.relative_to(site).as_posix()}")


def swap_in(new: Path, final: Path, scratch: Path) -> None:
    """Replace ``final`` with ``new``; the old copy is moved aside first, then removed."""
    old = scratch / "previous"
    if final.exists():
        final.rename(old)
    new.rename(final)
    shutil.rmtree(old, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml")
    args = parser.parse_args(argv)
    site, dist = args.site.resolve(), args.dist.resolve()
    site.parent.mkdir(parents=True, exist_ok=True)
    dist.mkdir(parents=True, exist_ok=True)
    # Scratch space next to site/ so the final rename stays on one file system.
    with tempfile.TemporaryDirectory(prefix=".build-", dir=site.parent) as tmp:
        scratch = Path(tmp)
        new_site = scratch / "site"
        if build_into(new_site, args.config) != 0:
            print("\nBuild failed: site/ and dist/ were left as they were.", file=sys.stderr)
            return 1
        new_zip = scratch / ZIP_NAME
        zip_site(new_site, new_zip)
        swap_in(new_site, site, scratch)
        os.replace(new_zip, dist / ZIP_NAME)
    size = (dist / ZIP_NAME).stat().st_size / 1e6
    print(f"Site built:     {site}/index.html (serve it, or open it in a browser)")
    print(f"Offline export: {dist / ZIP_NAME} ({size:.1f} MB): unzip it and open {ZIP_FOLDER}/index.html")
    return 0


if __name__ == "__main__":
    sys.exit(main())
