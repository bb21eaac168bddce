"""Dashboard responsiveness with a large store (default: about 100,000 facts).

    .venv/bin/python benchmarks/bench_dashboard.py [FACTS]

Builds a store from the seed page and the dev articles repeated (each copy unique), then renders
every page with Streamlit's AppTest against it and reports the first (cold cache) and a warm run of
each page, then a region-filter change on the chart pages and Facts searches, in CPU seconds of the
process (steady on a shared machine). Run on demand; the figures go in the README.
"""

from __future__ import annotations

import os
import statistics
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
        timings = [timed(lambda p=page: at.switch_page(p).run()) for _ in range(3)]
        charts = len(at.get("plotly_chart"))
        status = "error: " + str(at.exception[0].message)[:60] if at.exception else f"ok, {charts} charts"
        print(f"{page:28s} {timings[0]:6.2f} s cold, {min(timings[1:]):6.2f} s warm  {status}")
    interactions(at)


def timed(step) -> float:
    """CPU seconds of the process (the script runs in a thread of it): steadier than wall time on a
    shared machine, and the same as wall time on an idle one (the page does no I/O once cached)."""
    t0 = time.process_time()
    step()
    return time.process_time() - t0


def interactions(at) -> None:
    """What a user does on a page already open (warm caches): change the region filter, search."""
    regions = list(at.sidebar.multiselect[0].options)
    for page in ("app_pages/compare.py", "app_pages/timeline.py", "app_pages/overview.py"):
        at.switch_page(page).run()
        # Alternating two regions and all of them, three times each: single runs swing on a shared machine.
        runs = [timed(lambda r=r: at.sidebar.multiselect[0].set_value(r).run()) for _ in range(3)
                for r in (regions[:2], regions)]  # fmt: skip
        print(f"{page:28s} region filter change {min(runs):5.2f}-{max(runs):5.2f} s (median {statistics.median(runs):.2f};"
              f" all {len(regions)} regions: median {statistics.median(runs[1::2]):.2f})")  # fmt: skip
    at.switch_page("app_pages/facts.py").run()
    for query in ("跨境电商", "亿元", "技术合同额", ""):
        spent = timed(lambda q=query: at.text_input(key="facts_query").set_value(q).run())
        rows = next((c.value for c in at.caption if " / " in c.value), "")
        print(f"{'facts search ' + repr(query):28s} {spent:6.2f} s  {rows}")


if __name__ == "__main__":
    main()
