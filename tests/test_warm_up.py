"""`make run`'s warm-up (lib/dashboard/launch.py, views.warm_caches): after it, the pages' per-build
caches answer without reading the store or computing a join again; the launcher hands its options
to Streamlit's CLI unchanged."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from lib import store
from lib.dashboard import charts, comparable, launch
from lib.dashboard import views as dd


def _fail(*args, **kwargs):
    raise AssertionError("computed again after the warm-up")


def test_warm_caches_fill_what_the_pages_read(seed_store: Path, monkeypatch: pytest.MonkeyPatch):
    dd.warm_caches(seed_store)
    key = (str(seed_store), dd.current_build(seed_store))
    monkeypatch.setattr(dd.SearchIndex, "of", _fail)
    for module, name in [(store, "read_tables"), (comparable, "headline_table"), (dd, "search_text"),
                         (dd, "events_with_articles"), (dd, "term_examples"), (dd, "links_with_articles"),
                         (charts, "coverage_rows"), (dd, "facts_with_articles"), (dd, "event_selection_rows"),
                         (dd, "link_selection_rows")]:  # fmt: skip
        monkeypatch.setattr(module, name, _fail)
    tables = dd._read_cached(*key)
    assert len(tables["facts"]) > 0
    assert dd._joined_cached(*key) is dd._joined_cached(*key)
    assert set(dd._headlines_cached(*key, "zh")) == set(dd.region_options(tables["articles"]))
    assert len(dd._coverage_cached(*key)) and len(dd._coverage_index_cached(*key)[1])
    assert len(dd._search_index_cached(*key).matches("")) == len(dd._joined_cached(*key))
    for cached in (dd._indicator_mentions_cached, dd._term_examples_cached, dd._links_joined_cached,
                   dd._articles_by_region_cached):  # fmt: skip
        cached(*key)
    dd._events_joined_cached(*key, "zh")
    for cached in (dd._event_details_cached, dd._link_details_cached):
        cached(*key, "zh")


def test_launcher_passes_options_to_streamlit_run(monkeypatch: pytest.MonkeyPatch):
    seen = {}
    from streamlit.web import cli as stcli

    monkeypatch.setattr(stcli, "main", lambda **kw: seen.setdefault("argv", list(sys.argv)))
    monkeypatch.setattr(launch, "_warm_in_background", lambda: seen.setdefault("warm", True))
    monkeypatch.setattr(sys, "argv", list(sys.argv))
    launch.main(["--server.port", "8599", "--no-warm-up"])
    assert seen == {"argv": ["streamlit", "run", str(launch.APP), "--server.port", "8599"]}
    seen.clear()
    launch.main(["--server.headless", "true"])
    assert seen["warm"] is True and seen["argv"][3:] == ["--server.headless", "true"]
