"""`make run`'s server: Streamlit's own CLI (`streamlit run app.py ...`, every flag as the CLI takes
it) in this process, plus a warm-up thread that fills the dashboard's shared caches while the server
starts and the first browser loads Streamlit's scripts.

    .venv/bin/python -m lib.dashboard.launch [STREAMLIT RUN OPTIONS ...]   # what `make run` runs
    .venv/bin/python -m lib.dashboard.launch --no-warm-up ...               # the plain CLI, to compare

Streamlit runs nothing of ``app.py`` before a browser session connects, so without this the first
visitor waits for the imports (pandas, pyarrow, Plotly's figure classes, the dashboard modules),
the store's tables and every join built from them. The warm-up does that work in the background
from the moment the process starts: the caches are ``st.cache_resource`` (process-wide, one
computation per key even when a session asks for the same key meanwhile: it waits for the
warm-up's result instead of computing it twice), so the first session finds them filled or being
filled. A failing warm-up is logged and changes nothing: the pages compute what they need as before.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "app.py"
NO_WARM_UP = "--no-warm-up"
log = logging.getLogger("rdd.launch")


def warm_up(directory: Path | None = None, langs: tuple[str, ...] = ("zh",)) -> float:
    """Import what the first page run imports and fill the caches the Overview reads, then, once
    the first page is drawn, the other pages'; returns the seconds spent. Runs in a thread of the
    server process."""
    t0 = time.perf_counter()
    # Quiet the "missing ScriptRunContext" warnings a cached call logs outside a script thread.
    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").setLevel(logging.ERROR)
    from lib.dashboard import views

    views.warm_caches(directory, langs, wait_for_page=True)
    return time.perf_counter() - t0


def _warm_in_background() -> threading.Thread:
    def run() -> None:
        try:
            spent = warm_up()
            print(f"  Warm-up: store read and dashboard caches filled in {spent:.1f} s", flush=True)
        except Exception:  # never stop the server: the pages compute what they need themselves
            log.exception("dashboard warm-up failed (the pages load the store on their first run)")

    thread = threading.Thread(target=run, name="rdd-warm-up", daemon=True)
    thread.start()
    return thread


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    warm = NO_WARM_UP not in args
    args = [a for a in args if a != NO_WARM_UP]
    if warm:
        # pandas is imported here, before any thread: Plotly (which Streamlit's start-up uses) peeks
        # at ``sys.modules`` for pandas, and seeing it half-imported by the warm-up thread it
        # failed ("partially initialized module 'pandas' has no attribute 'Series'").
        import pandas  # noqa: F401

        _warm_in_background()  # then the rest overlaps with Streamlit's own imports and server start
    from streamlit.web import cli as stcli

    sys.argv = ["streamlit", "run", str(APP), *args]
    stcli.main(prog_name="streamlit")


if __name__ == "__main__":
    main()
