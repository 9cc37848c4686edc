"""``python -m wtsc validate [DATA_DIR]``: check the data and print every problem."""

from __future__ import annotations

import sys
from pathlib import Path

from .loader import DataError, load_guidance


def main(argv: list[str]) -> int:
    if not argv or argv[0] != "validate":
        print("usage: python -m wtsc validate [DATA_DIR]", file=sys.stderr)
        return 2
    data_dir = Path(argv[1]) if len(argv) > 1 else Path("data")
    try:
        guidance = load_guidance(data_dir, display_root=Path.cwd())
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 1
    duties = sum(len(role.duties) for role in guidance.roles)
    print(
        f"data OK: {len(guidance.editions)} editions, {len(guidance.roles)} roles, {duties} duties, "
        f"{len(guidance.changes)} changes, {len(guidance.terms)} terms, {len(guidance.processes)} processes, "
        f"{len(guidance.sources)} sources"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
