"""The first chart after `make run`, against a bare Streamlit app with one Plotly chart, side by side.

    .venv/bin/python benchmarks/bench_first_chart.py [ROUNDS] [--store DIR]

Both servers are started by this script (`streamlit run`, as `make run` does), alternately, a fresh
process per round; a real browser (Playwright with Debian's chromium) opens each and waits for the
first rendered Plotly chart (its SVG drawn). Per app and round:

- ``start``: from launching the server to the chart on screen (server start, first script run);
- ``first``: from opening the page on a server that is up to the chart (a user's first visit: for
  the dashboard the store's tables are read and every cache is cold);
- ``again``: the same in a second, fresh browser context (the server's caches warm);
- ``cpu``: the server process's CPU seconds up to the first chart (steady on a shared machine).

The dashboard reads the default data set (the seed page and the official communiqués in data/raw,
built into a temporary store) or ``--store DIR``. Ratios are within one round (the machine is
shared); the issue's aim is the dashboard at most 1.2 times the bare app. Run on demand; the
figures go in the README.
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
TIMEOUT_S = 120


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process so far (/proc/PID/stat, fields 14 and 15)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def seed_store() -> Path:
    out = Path(tempfile.mkdtemp(prefix="rdd-first-chart-"))
    cmd = [sys.executable, "-m", "lib.pipeline", str(ROOT / "data" / "raw"), "--out", str(out)]
    subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, stdin=subprocess.DEVNULL)
    return out


def launch(script: Path, env: dict[str, str]) -> tuple[subprocess.Popen, str]:
    port = servers.free_port()
    cmd = [
        sys.executable, "-m", "streamlit", "run", str(script), "--server.headless", "true",
        "--server.address", "localhost", "--server.port", str(port), "--server.fileWatcherType", "none",
        "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    proc = subprocess.Popen(
        cmd, cwd=script.parent, env={**os.environ, **env}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL, start_new_session=True,
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


def one_round(browser, script: Path, env: dict[str, str], page: str = "") -> dict[str, float]:
    t0 = time.perf_counter()
    proc, base = launch(script, env)
    try:
        while not servers.healthy(f"{base}/_stcore/health"):
            if proc.poll() is not None or time.perf_counter() - t0 > TIMEOUT_S:
                raise RuntimeError(f"{script} did not start")
            time.sleep(0.05)
        up = time.perf_counter() - t0
        first = chart_seconds(browser, f"{base}/{page}")
        cpu = cpu_seconds(proc.pid)
        again = chart_seconds(browser, f"{base}/{page}")
        return {"start": up + first, "first": first, "again": again, "cpu": cpu}
    finally:
        servers.stop(proc)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("rounds", nargs="?", type=int, default=3)
    parser.add_argument("--store", type=Path, help="a store folder (default: the seed data set, built now)")
    parser.add_argument("--page", default="", help="the dashboard page to open (default: Overview, as make run)")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    store = args.store or seed_store()
    bare = Path(tempfile.mkdtemp(prefix="rdd-bare-app-")) / "bare_app.py"
    bare.write_text(BARE_APP, encoding="utf-8")
    apps = {"bare": (bare, {}), "dashboard": (ROOT / "app.py", {"RDD_PROCESSED_DIR": str(store)}, args.page)}
    print(f"store: {store}; {args.rounds} rounds, apps alternating; seconds (cpu: server CPU seconds)")
    results: dict[str, list[dict[str, float]]] = {name: [] for name in apps}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        try:
            for i in range(args.rounds):
                order = list(apps) if i % 2 == 0 else list(reversed(apps))
                for name in order:
                    results[name].append(one_round(browser, *apps[name]))
                b, d = results["bare"][-1], results["dashboard"][-1]
                line = "  ".join(f"{k} {d[k]:.2f}/{b[k]:.2f} = {d[k] / b[k]:.2f}x" for k in ("start", "first", "again", "cpu"))
                print(f"round {i + 1}: dashboard/bare  {line}")
        finally:
            browser.close()
    for key in ("start", "first", "again", "cpu"):
        ratios = [d[key] / b[key] for d, b in zip(results["dashboard"], results["bare"], strict=True)]
        med = {name: statistics.median(r[key] for r in rs) for name, rs in results.items()}
        print(f"{key:6s} dashboard {med['dashboard']:.2f}  bare {med['bare']:.2f}  "
              f"ratio {min(ratios):.2f}-{max(ratios):.2f} (median {statistics.median(ratios):.2f}; aim <= 1.2)")  # fmt: skip


if __name__ == "__main__":
    main()
