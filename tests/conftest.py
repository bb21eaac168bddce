"""Shared fixtures: a store built from the seed data, a live Streamlit server and a Chromium browser.

Browser tests use Debian's chromium (nothing can download Playwright's own browser here). When it
is missing they skip, except under CI (env CI=true), where a missing browser is a failure.
Screenshots and the server log go to ``test-artifacts/`` (gitignored).
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import servers

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS_DIR = ROOT / "test-artifacts"
RAW_DIR = ROOT / "data" / "raw"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PIPELINE_TIMEOUT_S = 600


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"true", "1", "yes"}


def skip_or_fail(reason: str) -> None:
    """Skip locally; under CI a missing prerequisite of the browser tests is a failure."""
    if in_ci():
        pytest.fail(f"{reason} (CI=true: browser prerequisites must be installed; see .ci/run)")
    pytest.skip(reason)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # Fast tests first; browser tests last, so the session-wide Playwright loop starts after AppTest runs.
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    report = yield
    setattr(item, f"rep_{report.when}", report)  # lets the `page` fixture see a failed test
    return report


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    ARTIFACTS_DIR.mkdir(exist_ok=True)
    return ARTIFACTS_DIR


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store built by the real pipeline from the seed data in data/raw (one build per session)."""
    if importlib.util.find_spec("lib.pipeline") is None:
        pytest.skip("lib/pipeline.py does not exist yet: cannot build a store from data/raw")
    out = tmp_path_factory.mktemp("seed-store")
    cmd = [sys.executable, "-m", "lib.pipeline", str(RAW_DIR), "--out", str(out)]
    proc = subprocess.run(
        cmd, cwd=ROOT, capture_output=True, text=True, timeout=PIPELINE_TIMEOUT_S, stdin=subprocess.DEVNULL
    )
    if proc.returncode != 0 or not (out / "current" / "manifest.json").exists():
        pytest.fail(
            f"`{' '.join(cmd)}` exited {proc.returncode}:\n{proc.stdout[-2000:]}\n{proc.stderr[-4000:]}"
        )
    return out


@pytest.fixture(scope="session")
def chromium_path() -> str:
    for candidate in ("/usr/bin/chromium", shutil.which("chromium")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    if in_ci():
        pytest.fail(
            "chromium missing under CI: install Debian's chromium (.ci/run does: apt-get install chromium)"
        )
    pytest.skip(
        "Debian chromium not found (/usr/bin/chromium or on PATH): apt-get install chromium fonts-wqy-microhei"
    )


@pytest.fixture(scope="session")
def browser(chromium_path: str):
    if importlib.util.find_spec("playwright") is None:
        skip_or_fail("playwright is not installed: .venv/bin/pip install -r requirements-dev.txt")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def page(browser, request: pytest.FixtureRequest, artifacts_dir: Path):
    """A fresh page per test (zh-CN, 1400x900); a screenshot is kept when the test fails."""
    context = browser.new_context(locale="zh-CN", viewport={"width": 1400, "height": 900})
    pg = context.new_page()
    pg.set_default_timeout(20_000)
    try:
        yield pg
    finally:
        report = getattr(request.node, "rep_call", None)
        if report is not None and report.failed:
            pg.screenshot(path=str(artifacts_dir / f"FAILED-{request.node.name}.png"), full_page=True)
        context.close()


@pytest.fixture(scope="session")
def streamlit_server(seed_store: Path, artifacts_dir: Path) -> Iterator[str]:
    """`streamlit run app.py` on a free localhost port, reading the seed store; yields its base URL."""
    with servers.streamlit({"RDD_PROCESSED_DIR": str(seed_store)}, artifacts_dir / "streamlit-server.log") as base:
        yield base


