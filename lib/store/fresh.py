"""``python -m lib.store.fresh [INPUT ...] [--out DIR]``: exit 0 when the current build is what the inputs
and the code make now, else print why and exit 1.

`make data` and `make run` ask this first: it reads the manifest and the inputs' sizes and dates without
importing the extractors (about a third of the time of ``python -m lib.pipeline --if-stale``), and only a
stale store starts the pipeline, which checks again under the store's lock.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from lib import paths
from lib.store import inputs as store_inputs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lib.store.fresh", description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="*", type=Path, help="files or folders (default: data/raw)")
    parser.add_argument("--out", type=Path, default=None, help="store folder (default: data/processed)")
    args = parser.parse_args(argv)
    why = store_inputs.staleness(args.out or paths.PROCESSED_DIR, args.inputs or [paths.RAW_DIR])
    if why is None:
        print("the tables are up to date")
        return 0
    print(f"rebuilding: {why}")
    return 1


if __name__ == "__main__":
    sys.exit(main())
