"""Start-up: one small article through the pipeline in a fresh process, versus jieba's own start-up.

    .venv/bin/python benchmarks/bench_startup.py [RUNS]

Each run starts a new interpreter, so every dictionary and table (tokenizer, POS table, IDF,
gazetteer) is loaded from scratch; the reference, ``import jieba; jieba.initialize()``, is timed
the same way in the same run. Run on demand; the figures go in the README.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_REFERENCE = "import jieba; jieba.setLogLevel(60); jieba.initialize()"
# The smallest raw article, built with lib.pipeline.build (the CLI may be changing; build is the work).
_ONE_ARTICLE = """
import sys
sys.path.insert(0, {root!r})
from lib import paths, pipeline
from lib.ingest import reader
f = min(sorted(paths.RAW_DIR.glob('*.txt')) + sorted(paths.DEV_CORPUS_DIR.glob('*.txt')), key=lambda p: p.stat().st_size)
pipeline.build([reader.read_document(f)], jobs=1, cache=False)
"""


def _seconds(code: str) -> float:
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
    return time.perf_counter() - t0


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    ref = statistics.median(_seconds(_REFERENCE) for _ in range(runs))
    one = statistics.median(_seconds(_ONE_ARTICLE.format(root=str(ROOT))) for _ in range(runs))
    print(f"jieba start-up:        {ref:.2f} s")
    print(f"one article, fresh process: {one:.2f} s, {one / ref:.1f}x jieba start-up")


if __name__ == "__main__":
    main()
