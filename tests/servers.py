"""Start and stop `streamlit run app.py` for browser tests (used by conftest and test_upload)."""

from __future__ import annotations

import contextlib
import os
import shlex
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SERVER_TIMEOUT_S = 60


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("localhost", 0))
        return s.getsockname()[1]


def healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as resp:
            return resp.status == 200
    except (urllib.error.URLError, OSError):
        return False


@contextlib.contextmanager
def streamlit(env: dict[str, str], log_path: Path) -> Iterator[str]:
    """The app on a free localhost port with ``env`` added; yields its base URL, stops its process group."""
    port = free_port()
    base = f"http://localhost:{port}"
    cmd = [
        sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"),
        "--server.headless", "true",
        "--server.address", "localhost",
        "--server.port", str(port),
        "--server.fileWatcherType", "none",
        "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(
            cmd, cwd=ROOT, env={**os.environ, **env}, stdout=log, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL, start_new_session=True,
        )  # fmt: skip
    try:
        deadline = time.monotonic() + SERVER_TIMEOUT_S
        while not healthy(f"{base}/_stcore/health"):
            if proc.poll() is not None:
                pytest.fail(f"streamlit exited {proc.returncode} before answering; log:\n{_tail(log_path)}")
            if time.monotonic() > deadline:
                pytest.fail(f"streamlit not healthy after {SERVER_TIMEOUT_S}s; log:\n{_tail(log_path)}")
            time.sleep(0.2)
        yield base
    finally:
        stop(proc)


def make_run_command(port: int) -> list[str]:
    """The server command of ``make run``'s recipe, as ``make -n run`` prints it for ``port`` on
    localhost (the virtualenv counted as set up), so a test or benchmark runs exactly what make runs."""
    cmd = ["make", "--no-print-directory", "-o", ".venv/.stamp-requirements", "-n", "run", f"PORT={port}",
           "ADDRESS=localhost"]  # fmt: skip
    out = subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, text=True).stdout
    found = [ln for ln in out.replace("\\\n", " ").splitlines() if "lib.dashboard.launch" in ln]
    if len(found) != 1:
        raise RuntimeError(f"no server command in `make -n run`:\n{out}")
    return shlex.split(found[0])


def _tail(path: Path) -> str:
    return path.read_text(errors="replace")[-3000:]


def stop(proc: subprocess.Popen) -> None:
    """Stop the server's whole process group: SIGTERM, then SIGKILL after 10 s."""
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)


def outside_requests(page) -> list[str]:
    """Start recording every request of ``page`` that leaves localhost; returns the (live) list."""
    from urllib.parse import urlparse

    outside: list[str] = []

    def record(request) -> None:
        host = urlparse(request.url).hostname
        if host not in {"localhost", "127.0.0.1", None} and not request.url.startswith("data:"):
            outside.append(request.url)

    page.on("request", record)
    return outside
