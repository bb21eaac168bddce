"""The dashboard's speed as a user sees it, in a real browser, on a store of about 100,000 facts.

    .venv/bin/python benchmarks/bench_browser.py [--store DIR] [--repeat N] [--facts N]

The server is started the way ``make run`` starts it (the recipe's command, read from ``make -n run``:
Streamlit's CLI with the cache warm-up) against the store; Playwright drives Debian's chromium
(1280x900). Times are taken in the page: from the user's input event (``pointerdown`` of a click,
``keydown`` of Enter) to the first animation frame in which the result is drawn, so Playwright's own
overhead is not counted. Measured, each ``--repeat`` times (default 3):

- **page**: a click on a page's link in the sidebar to its first chart drawn (Facts, which has no
  chart: to its grid and row count); every chart page and Facts, from the page before it;
- **filter**: on each chart page, removing a region from the sidebar filter (its tag's x) and adding it
  back (the option in the list), each to the page's first chart drawn with the new regions;
- **search**: on Facts, a search typed and sent with Enter, to the row count updated;
- **baseline**: the same filter change in a bare Streamlit app (the regions in a sidebar multiselect,
  one Plotly bar chart of them), in the same run: the floor a Streamlit rerun sets on this machine.

The store: ``--store DIR`` (for example the one ``benchmarks/bench_dashboard.py`` builds with the
pipeline), else generated now: the default data set (data/raw) built by the pipeline and replicated
to ``--facts`` facts (``tests/bigstore.py``: every id unique per copy, events spread over years).
The issue's aims: a filter change in at most 300 ms, a page's first chart in at most 1 s, a search in
at most 300 ms. Run on demand; the figures go in the README.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

import bigstore  # noqa: E402  (tests/bigstore.py)
import servers  # noqa: E402  (tests/servers.py)

from benchmarks.bench_first_chart import CHROMIUM, recipe_command  # noqa: E402

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking"]
# (page path, its link in the sidebar) in the order they are visited; a page's heading is its link's
# name, the Overview's the dashboard's title.
PAGES = [
    ("compare", "指标对比"),
    ("timeline", "时间线"),
    ("keywords", "关键词"),
    ("links", "区域协同"),
    ("facts", "事实浏览"),
    ("", "总览"),
]
HEADINGS = {"总览": "区域发展看板"}
CHART_PAGES = ["", "compare", "timeline", "keywords", "links"]
SEARCHES = ["跨境电商", "亿元", "技术合同额", ""]
TIMEOUT_MS = 60_000

# In-page helpers: a chart's "signature" is every text it draws (ticks, titles, legend, labels), so
# a redraw with other regions changes it. ``arm`` records the time of the next input event and starts
# a per-frame check of ``cond``, recording the frame in which it first holds.
JS_HELPERS = """
window.__rdd = window.__rdd || {};
window.__rdd.sig = (plot) => {
  const svg = plot && plot.querySelector('.main-svg');
  return svg ? Array.from(plot.querySelectorAll('svg text'), t => t.textContent).join('|') : '';
};
window.__rdd.charts = () => Array.from(document.querySelectorAll('[data-testid="stPlotlyChart"] .js-plotly-plot'));
window.__rdd.heading = () => { const h = document.querySelector('[data-testid="stMain"] h1'); return h ? h.textContent.trim() : ''; };
window.__rdd.rowsCaption = () => {
  const c = Array.from(document.querySelectorAll('[data-testid="stCaptionContainer"]'), e => e.textContent).find(x => / \\/ .*行/.test(x));
  return c || '';
};
window.__rdd.arm = (eventType, cond, arg) => {
  const b = {t0: null, t1: null};
  window.__rdd.bench = b;
  document.addEventListener(eventType, () => { if (b.t0 === null) b.t0 = performance.now(); }, {capture: true, once: true});
  const check = new Function('arg', 'return (' + cond + ')(arg);');
  const tick = () => {
    if (b.t0 !== null && check(arg)) { b.t1 = performance.now(); return; }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
};
"""
# Conditions (JS functions of ``arg``).
CHART_CHANGED = "(old) => { const c = window.__rdd.charts()[0]; const s = window.__rdd.sig(c); return s !== '' && s !== old; }"
PAGE_CHART = """(a) => window.__rdd.heading() === a.title &&
  window.__rdd.charts().some(c => { const s = window.__rdd.sig(c); return s !== '' && !a.old.includes(s); })"""
PAGE_GRID = """(a) => window.__rdd.heading() === a.title && window.__rdd.rowsCaption() !== '' &&
  document.querySelector('[data-testid="stDataFrame"] canvas') !== null"""
CAPTION_CHANGED = "(old) => { const c = window.__rdd.rowsCaption(); return c !== '' && c !== old; }"


# The floor: what a filter change costs in a bare Streamlit app, the same regions in a sidebar
# multiselect and one Plotly bar chart of them (a websocket round trip, a script run, a redraw).
BASELINE_APP = """import plotly.graph_objects as go
import streamlit as st

regions = {regions!r}
with st.sidebar:
    chosen = st.multiselect("地区", regions, default=regions)
st.title("区域发展看板")
st.plotly_chart(go.Figure(go.Bar(x=chosen, y=list(range(1, len(chosen) + 1)))))
"""



def wait_healthy(base: str, proc: subprocess.Popen, log: object, timeout: float = 120) -> None:
    """Until the server answers its health check; a server that exits or never answers is an error."""
    t0 = time.perf_counter()
    while not servers.healthy(f"{base}/_stcore/health"):
        if proc.poll() is not None or time.perf_counter() - t0 > timeout:
            raise RuntimeError(f"the server did not start; log: {log}")
        time.sleep(0.1)


def open_first_chart(browser, base: str):
    """A fresh desktop context on ``base``, returned once its first Plotly chart is drawn and the page idle."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    context.add_init_script(JS_HELPERS)
    page = context.new_page()
    page.goto(base)
    page.locator('[data-testid="stPlotlyChart"] .js-plotly-plot .main-svg').first.wait_for(timeout=120_000)
    idle(page)
    return context, page

def baseline(browser, regions: list[str], repeat: int) -> list[float]:
    """Filter changes in the bare app (``BASELINE_APP``), measured as on the dashboard."""
    from benchmarks.bench_first_chart import streamlit_run

    script = Path(tempfile.mkdtemp(prefix="rdd-browser-bare-")) / "bare_filter.py"
    script.write_text(BASELINE_APP.format(regions=regions), encoding="utf-8")
    port = servers.free_port()
    proc = subprocess.Popen(streamlit_run(script, port), cwd=script.parent, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, start_new_session=True)  # fmt: skip
    try:
        base = f"http://localhost:{port}"
        wait_healthy(base, proc, "(bare app, no log)")
        context, page = open_first_chart(browser, base)
        out = filter_changes(page, regions, repeat)
        context.close()
        return out
    finally:
        servers.stop(proc)


def generated_store(facts: int) -> Path:
    seed = Path(tempfile.mkdtemp(prefix="rdd-browser-seed-"))
    cmd = [sys.executable, "-m", "lib.pipeline", str(ROOT / "data" / "raw"), "--out", str(seed)]
    subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, stdin=subprocess.DEVNULL)
    out = Path(tempfile.mkdtemp(prefix="rdd-browser-big-"))
    n = bigstore.replicate(seed, out, facts)
    print(f"store: {n} facts generated in {out}")
    return out


def measured(page, event_type: str, cond: str, arg, action) -> float:
    """Seconds from the input event ``action`` causes to the first frame in which ``cond`` holds."""
    page.evaluate("([e, c, a]) => window.__rdd.arm(e, c, a)", [event_type, cond, arg])
    action()
    page.wait_for_function("() => window.__rdd.bench.t1 !== null", timeout=TIMEOUT_MS, polling=50)
    t0, t1 = page.evaluate("() => [window.__rdd.bench.t0, window.__rdd.bench.t1]")
    idle(page)
    return (t1 - t0) / 1000


def idle(page) -> None:
    """Wait until the script run is over (so the next step starts from a page at rest)."""
    page.wait_for_function(
        "() => document.querySelector('[data-testid=\"stApp\"]')?.getAttribute('data-test-script-state') === 'notRunning'",
        timeout=TIMEOUT_MS,
    )
    page.wait_for_timeout(300)


def signatures(page) -> list[str]:
    return page.evaluate("() => window.__rdd.charts().map(window.__rdd.sig)")


def go_to(page, path: str, title: str) -> float:
    heading = HEADINGS.get(title, title)
    if page.evaluate("() => window.__rdd.heading()") == heading:
        return 0.0  # already there (only the filter loop asks)
    cond, arg = (PAGE_GRID, {"title": heading}) if path == "facts" else (PAGE_CHART, {"title": heading, "old": signatures(page)})
    link = page.get_by_test_id("stSidebarNav").get_by_role("link", name=title, exact=True)
    return measured(page, "pointerdown", cond, arg, link.click)


def filter_changes(page, regions: list[str], repeat: int) -> list[float]:
    """Remove the last region from the filter and add it back, ``repeat`` times: the times of both."""
    box = page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect")
    region = regions[-1]
    out = []
    for _ in range(repeat):
        old = signatures(page)[0]
        out.append(measured(page, "pointerdown", CHART_CHANGED, old,
                            lambda: box.get_by_role("button", name=f"Remove {region}").click()))  # fmt: skip
        old = signatures(page)[0]
        box.locator("input").click()
        option = page.get_by_role("option", name=region, exact=True)
        option.wait_for()
        out.append(measured(page, "pointerdown", CHART_CHANGED, old, option.click))
        page.keyboard.press("Escape")
        idle(page)
    return out


def searches(page, repeat: int) -> list[tuple[str, float]]:
    box = page.get_by_test_id("stTextInput").locator("input")
    out = []
    for _ in range(repeat):
        for query in SEARCHES:
            old = page.evaluate("() => window.__rdd.rowsCaption()")
            box.fill(query)
            out.append((query, measured(page, "keydown", CAPTION_CHANGED, old, lambda: box.press("Enter"))))
    return out


def summary(values: list[float], aim: float) -> str:
    met = "met" if max(values) <= aim else "NOT met"
    return (f"{min(values):.2f}-{max(values):.2f} s (median {statistics.median(values):.2f}, n={len(values)};"
            f" aim <= {aim:g} s: {met})")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--store", type=Path, help="a store folder (default: generated now)")
    parser.add_argument("--facts", type=int, default=100_000, help="facts in the generated store")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", type=Path, help="also write every figure to this file")
    parser.add_argument("--what", default="page,filter,search,baseline", help="what to time: page, filter, search, baseline (a filter change in a bare one-chart app)")
    parser.add_argument("--pages", default=",".join(p or "overview" for p in CHART_PAGES),
                        help="the chart pages whose filter change is timed")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    store = args.store or generated_store(args.facts)
    import pandas as pd

    facts = len(pd.read_parquet(store / "current" / "facts.parquet", columns=["fact_id"]))
    articles = pd.read_parquet(store / "current" / "articles.parquet", columns=["region"])["region"]
    regions = [r for r in dict.fromkeys(articles) if r]
    print(f"store: {store}, {facts} facts, {len(regions)} regions; server: make run's command", flush=True)
    log = Path(tempfile.mkdtemp(prefix="rdd-browser-log-")) / "server.log"
    port = servers.free_port()
    cmd = recipe_command(port)
    with open(log, "wb") as out:
        proc = subprocess.Popen(cmd, cwd=ROOT, env={**os.environ, "RDD_PROCESSED_DIR": str(store)}, stdout=out,
                                stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)  # fmt: skip
    base = f"http://localhost:{port}"
    results: dict[str, list] = {"page": [], "filter": [], "search": []}
    try:
        t0 = time.perf_counter()
        wait_healthy(base, proc, log)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            context, page = open_first_chart(browser, base)
            print(f"first chart {time.perf_counter() - t0:.1f} s after launch (warm-up, store read)", flush=True)
            what = set(args.what.split(","))
            filtered = {"" if p_ == "overview" else p_ for p_ in args.pages.split(",")}
            for _ in range(args.repeat if "page" in what else 0):
                for path, title in PAGES:
                    spent = go_to(page, path, title)
                    results["page"].append((path or "overview", spent))
                    print(f"  page {path or 'overview':9s} {spent:.2f} s", flush=True)
            for path, title in [(p_, t_) for p_, t_ in PAGES if p_ in CHART_PAGES and p_ in filtered and "filter" in what]:
                go_to(page, path, title)
                for spent in filter_changes(page, regions, args.repeat):
                    results["filter"].append((path or "overview", spent))
                    print(f"  filter {path or 'overview':9s} {spent:.2f} s", flush=True)
            if "baseline" in what:
                for spent in baseline(browser, regions, args.repeat):
                    results["filter"].append(("bare app", spent))
                    print(f"  filter bare app  {spent:.2f} s", flush=True)
            go_to(page, "facts", "事实浏览")
            for query, spent in searches(page, args.repeat if "search" in what else 0):
                results["search"].append((query, spent))
                print(f"  search {query!r:12s} {spent:.2f} s", flush=True)
            browser.close()
    finally:
        servers.stop(proc)
    print(f"\nstore of {facts} facts, {len(regions)} regions; in-page times, {args.repeat} repeats")
    for kind, aim in (("page", 1.0), ("filter", 0.3)):
        if not results[kind]:
            continue
        names = list(dict.fromkeys(n for n, _ in results[kind]))
        for name in names:
            print(f"{kind:6s} {name:9s} {summary([s for n, s in results[kind] if n == name], aim)}")
        print(f"{kind:6s} {'all':9s} {summary([s for _, s in results[kind]], aim)}")
    if results["search"]:
        print(f"{'search':6s} {'all':9s} {summary([s for _, s in results['search']], 0.3)}")
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
