"""Dashboard responsiveness with a large store (default: about 100,000 facts).

    .venv/bin/python benchmarks/bench_dashboard.py [FACTS]

Builds a store from the seed page and the dev articles repeated (each copy unique), then renders
every page with Streamlit's AppTest against it and reports the first (cold cache) and second
(warm cache) run of each page. Run on demand; the figures go in the README.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench_pipeline import corpus  # noqa: E402
from lib import paths, pipeline, store  # noqa: E402


def build_store(target_facts: int, out: Path) -> int:
    docs = corpus(0.5)
    per_mb = max(1, sum(len(r) for r in [pipeline.build(docs, cache=False).tables["facts"]]) / 0.5)
    docs = corpus(target_facts / per_mb)
    result = pipeline.build(docs, cache=False)
    with store.write_lock(out):
        store.write_build(result.tables, out, manifest={"build_id": "bench"})
    return len(result.tables["facts"])


def main() -> None:
    target = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    reuse = os.environ.get("RDD_BENCH_STORE")  # a store built by an earlier run, to skip the build
    if reuse:
        out = Path(reuse)
        n = len(store.read_table("facts", out))
        print(f"store: {n} facts in {out} (reused)")
    else:
        out = Path(tempfile.mkdtemp(prefix="rdd-bench-"))
        t0 = time.perf_counter()
        n = build_store(target, out)
        print(f"store: {n} facts in {out} (built in {time.perf_counter() - t0:.0f} s)")
    # The app runs in this process and lib.paths is already imported: point it at the big store.
    paths.PROCESSED_DIR = out
    from streamlit.testing.v1 import AppTest

    pages = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "app_pages").glob("*.py"))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
    t0 = time.perf_counter()
    at.run()
    print(f"{'app.py (first load)':28s} {time.perf_counter() - t0:6.2f} s")
    for page in pages:
        timings = []
        for _ in range(2):
            t0 = time.perf_counter()
            at.switch_page(page).run()
            timings.append(time.perf_counter() - t0)
        charts = len(at.get("plotly_chart"))
        status = "error: " + str(at.exception[0].message)[:60] if at.exception else f"ok, {charts} charts"
        print(f"{page:28s} {timings[0]:6.2f} s cold, {timings[1]:6.2f} s warm  {status}")


if __name__ == "__main__":
    main()
