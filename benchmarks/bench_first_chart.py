"""The first chart after `make run`, against a bare Streamlit app with one Plotly chart, side by side.

    .venv/bin/python benchmarks/bench_first_chart.py [ROUNDS] [--store DIR] [--plain] [--multipage]

All servers are started by this script, alternately, a fresh process per round, on the same machine
in the same run; a real browser (Playwright with Debian's chromium) opens each and waits for the
first rendered Plotly chart (its SVG drawn). The apps:

- ``bare``: ``streamlit run bare_app.py``, a title and one Plotly bar chart;
- ``make run``: ``make run PORT=... ADDRESS=localhost`` itself (the store check
  ``lib.pipeline --if-stale`` on an up-to-date store, then the server; the virtualenv counted as set
  up: ``-o .venv/.stamp-requirements``, as on every run after the first);
- ``recipe``: the server command of ``make run``'s recipe alone, read from ``make -n run`` (so it is
  the command make runs: ``python -m lib.dashboard.launch ...``, Streamlit's CLI with the warm-up);
- ``plain`` (``--plain``): ``streamlit run app.py`` without the warm-up (make run's command before it);
- ``multipage`` (``--multipage``): the bare chart as one page of a multipage app with the dashboard
  shell's sidebar (a radio, a checkbox, a multiselect and the page list): Streamlit's navigation's
  own share of the gap.

Per app and round:

- ``start``: from launching the command to the chart on screen (what a user of ``make run`` waits);
- ``first``: from opening the page on a server that answers ``/_stcore/health`` to the chart;
- ``again``: the same in a second, fresh browser context (the server's caches warm);
- ``cpu``: CPU seconds of the command's whole process group up to the first chart.

The dashboard reads the default data set (the seed page and the official communiqués in data/raw,
built into a temporary store) or ``--store DIR``. Ratios are within one round (the machine is
shared); the issue's aim is at most 1.2 times the bare app. Run on demand; the figures go in the README.
"""

from __future__ import annotations

import argparse
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

import servers  # noqa: E402  (tests/servers.py: free port, health check, stopping a process group)

CHROMIUM = "/usr/bin/chromium"
CHART_DRAWN = '[data-testid="stPlotlyChart"] .js-plotly-plot .main-svg'
BARE_APP = '''import plotly.graph_objects as go
import streamlit as st

st.title("Bare app")
st.plotly_chart(go.Figure(go.Bar(x=["a", "b", "c"], y=[3, 1, 2])))
'''
# The bare app's chart as one page of a multipage app with a sidebar (three widgets and the page
# list, as the dashboard's shell has): what Streamlit's navigation alone costs, measured alongside.
MULTIPAGE_APP = '''import streamlit as st

st.set_page_config(layout="wide")
with st.sidebar:
    st.radio("Language", ["zh", "en"], horizontal=True)
    st.checkbox("All regions", value=True)
    st.multiselect("Regions", ["a", "b", "c", "d"], default=["a", "b", "c", "d"])
st.navigation([st.Page("bare_app.py", title="Chart", default=True), st.Page("other.py", title="Other")]).run()
'''
TIMEOUT_S = 120


def group_cpu_seconds(pgid: int) -> float:
    """User + system CPU seconds of a process group so far, its waited-for children included
    (/proc/PID/stat fields 14-17 of every process whose group is ``pgid``)."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # the process ended meanwhile
            continue
        if int(fields[2]) == pgid:
            total += sum(int(f) for f in fields[11:15])
    return total / os.sysconf("SC_CLK_TCK")


MAKE = ["make", "--no-print-directory", "-o", ".venv/.stamp-requirements"]


def make_run(port: int) -> list[str]:
    return [*MAKE, "run", f"PORT={port}", "ADDRESS=localhost"]


def recipe_command(port: int) -> list[str]:
    """The server command of ``make run``'s recipe, as make prints it (``make -n``)."""
    return servers.make_run_command(port)


def seed_store() -> Path:
    out = Path(tempfile.mkdtemp(prefix="rdd-first-chart-"))
    cmd = [sys.executable, "-m", "lib.pipeline", str(ROOT / "data" / "raw"), "--out", str(out)]
    subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, stdin=subprocess.DEVNULL)
    return out


def streamlit_run(script: Path, port: int) -> list[str]:
    return [
        sys.executable, "-m", "streamlit", "run", str(script), "--server.headless", "true",
        "--server.address", "localhost", "--server.port", str(port), "--server.fileWatcherType", "none",
        "--browser.gatherUsageStats", "false",
    ]  # fmt: skip


def launch(command, cwd: Path, env: dict[str, str]) -> tuple[subprocess.Popen, str]:
    """Start ``command(port)`` on a free port in its own process group; returns it and its URL."""
    port = servers.free_port()
    proc = subprocess.Popen(
        command(port), cwd=cwd, env={**os.environ, **env}, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    return proc, f"http://localhost:{port}"


def chart_seconds(browser, url: str) -> float:
    """Seconds from opening ``url`` in a fresh browser context to its first Plotly chart drawn."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    try:
        page = context.new_page()
        t0 = time.perf_counter()
        page.goto(url)
        page.locator(CHART_DRAWN).first.wait_for(state="attached", timeout=TIMEOUT_S * 1000)
        return time.perf_counter() - t0
    finally:
        context.close()


def one_round(browser, command, cwd: Path, env: dict[str, str], page: str = "") -> dict[str, float]:
    t0 = time.perf_counter()
    proc, base = launch(command, cwd, env)
    try:
        while not servers.healthy(f"{base}/_stcore/health"):
            if proc.poll() is not None or time.perf_counter() - t0 > TIMEOUT_S:
                raise RuntimeError(f"{command(0)} did not start")
            time.sleep(0.05)
        up = time.perf_counter() - t0
        first = chart_seconds(browser, f"{base}/{page}")
        cpu = group_cpu_seconds(proc.pid)
        again = chart_seconds(browser, f"{base}/{page}")
        return {"start": up + first, "first": first, "again": again, "cpu": cpu}
    finally:
        servers.stop(proc)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("rounds", nargs="?", type=int, default=3)
    parser.add_argument("--store", type=Path, help="a store folder (default: the seed data set, built now)")
    parser.add_argument("--page", default="", help="the dashboard page to open (default: Overview, as make run)")
    parser.add_argument("--plain", action="store_true",
                        help="also time `streamlit run app.py` without the warm-up (make run's command before it)")
    parser.add_argument("--multipage", action="store_true",
                        help="also time the bare chart inside a multipage app with a sidebar (navigation's own cost)")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    store = args.store or seed_store()
    bare = Path(tempfile.mkdtemp(prefix="rdd-bare-app-")) / "bare_app.py"
    bare.write_text(BARE_APP, encoding="utf-8")
    (bare.parent / "other.py").write_text(BARE_APP, encoding="utf-8")
    (bare.parent / "multipage_app.py").write_text(MULTIPAGE_APP, encoding="utf-8")
    env = {"RDD_PROCESSED_DIR": str(store)}
    apps = {
        "bare": (lambda port: streamlit_run(bare, port), bare.parent, {}),
        "make run": (make_run, ROOT, env, args.page),
        "recipe": (recipe_command, ROOT, env, args.page),
    }
    if args.plain:
        apps["plain"] = (lambda port: streamlit_run(ROOT / "app.py", port), ROOT, env, args.page)
    if args.multipage:
        apps["multipage"] = (lambda port: streamlit_run(bare.parent / "multipage_app.py", port), bare.parent, {})
    print(f"store: {store}; {args.rounds} rounds, apps alternating; seconds (cpu: server CPU seconds)")
    results: dict[str, list[dict[str, float]]] = {name: [] for name in apps}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        try:
            for i in range(args.rounds):
                order = list(apps) if i % 2 == 0 else list(reversed(apps))
                for name in order:
                    results[name].append(one_round(browser, *apps[name]))
                b = results["bare"][-1]
                for other in [n for n in apps if n != "bare"]:
                    d = results[other][-1]
                    line = "  ".join(f"{k} {d[k]:.2f}/{b[k]:.2f} = {d[k] / b[k]:.2f}x" for k in ("start", "first", "again", "cpu"))
                    print(f"round {i + 1}: {other:9s}/bare  {line}", flush=True)
        finally:
            browser.close()
    for other in [n for n in apps if n != "bare"]:
        for key in ("start", "first", "again", "cpu"):
            ratios = [d[key] / b[key] for d, b in zip(results[other], results["bare"], strict=True)]
            med = {name: statistics.median(r[key] for r in rs) for name, rs in results.items()}
            print(f"{key:6s} {other:9s} {med[other]:.2f}  bare {med['bare']:.2f}  "
                  f"ratio {min(ratios):.2f}-{max(ratios):.2f} (median {statistics.median(ratios):.2f}; aim <= 1.2)")  # fmt: skip


if __name__ == "__main__":
    main()
