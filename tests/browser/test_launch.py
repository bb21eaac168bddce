"""`make run`'s server in a real browser: the command of the Makefile's run recipe (read from
``make -n run``: lib/dashboard/launch.py, Streamlit's CLI with the cache warm-up), started by the
test on the seed store, shows the Overview's first chart, and its warm-up runs without an error."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest
import servers
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

CHART = '[data-testid="stPlotlyChart"] .js-plotly-plot .main-svg'


def test_make_run_command_shows_the_first_chart(page: Page, seed_store: Path, artifacts_dir: Path):
    port = servers.free_port()
    cmd = servers.make_run_command(port)
    assert cmd[1:3] == ["-m", "lib.dashboard.launch"], cmd  # the launcher, not a bare `streamlit run`
    log_path = artifacts_dir / "launch-server.log"
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(
            cmd, cwd=servers.ROOT, env={**os.environ, "RDD_PROCESSED_DIR": str(seed_store)}, stdout=log,
            stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True,
        )  # fmt: skip
    try:
        base = f"http://localhost:{port}"
        deadline = time.monotonic() + servers.SERVER_TIMEOUT_S
        while not servers.healthy(f"{base}/_stcore/health"):
            assert proc.poll() is None, f"the server exited {proc.returncode}:\n{log_path.read_text(errors='replace')[-3000:]}"
            assert time.monotonic() < deadline, "the server did not answer in time"
            time.sleep(0.2)
        outside = servers.outside_requests(page)
        page.goto(base)
        page.locator(CHART).first.wait_for(state="attached", timeout=60_000)
        expect(page.get_by_role("heading", name="区域发展看板")).to_be_visible()
        expect(page.get_by_test_id("stException")).to_have_count(0)
        # The warm-up ends (the store read, every cache filled) and logs no traceback.
        deadline = time.monotonic() + 60
        while "Warm-up:" not in log_path.read_text(errors="replace") and time.monotonic() < deadline:
            time.sleep(0.2)
        text = log_path.read_text(errors="replace")
        assert "Warm-up: store read and dashboard caches filled" in text, text[-3000:]
        assert "Traceback" not in text, text[-3000:]
        assert outside == [], f"the page called out to the internet: {outside}"
    finally:
        servers.stop(proc)
