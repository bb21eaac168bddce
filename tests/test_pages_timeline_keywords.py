"""AppTest of the Timeline and Keywords pages: they render on the seed store, give a helpful empty
state on an empty store, and the sidebar region filter changes what their charts show."""

from __future__ import annotations

from pathlib import Path

import pytest

from lib import store
from lib.dashboard.charts import keyword_rows
from tests.test_app import (
    ARTICLES,
    EMPTY_STATE,
    app,
    article_rows,
    chart_spec,
    region_filter,
    sent_ids,
    texts,
    use_store,
)

TIMELINE = "app_pages/timeline.py"
KEYWORDS = "app_pages/keywords.py"
SEED_REGIONS = ["天津", "郑州", "上饶", "黑龙江"]


@pytest.fixture
def seeded(seed_store: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return use_store(monkeypatch, seed_store)


@pytest.fixture
def empty_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return use_store(monkeypatch, tmp_path / "processed")


@pytest.fixture
def articles_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Articles but no events or keywords (an old store, or articles without dates)."""
    store.write_table("articles", article_rows(ARTICLES), tmp_path)
    return use_store(monkeypatch, tmp_path)


def timeline_ids(at) -> set[str]:
    """The events drawn: each dot holds its events' ids, comma-joined (a long list as a token)."""
    return set(sent_ids(at))


def timeline_regions(at) -> set[str]:
    return {c[1] for trace in chart_spec(at)["data"] for c in trace["customdata"]}


def frame_with(at, column: str):
    return next(df.value for df in at.dataframe if column in df.value.columns)


@pytest.mark.parametrize("page", [TIMELINE, KEYWORDS])
def test_pages_render_on_the_seed_store(seeded: Path, page: str):
    at = app(page=page)
    assert not at.exception
    assert EMPTY_STATE not in texts(at)
    assert len(at.get("plotly_chart")) == (1 if page == TIMELINE else 2)
    assert len(at.dataframe) >= 1  # the events table / the shared-terms table


@pytest.mark.parametrize("page", [TIMELINE, KEYWORDS])
def test_pages_on_an_empty_store_say_how_to_build_it(empty_store: Path, page: str):
    at = app(page=page)
    assert not at.exception
    assert EMPTY_STATE in texts(at)
    assert not at.get("plotly_chart")


@pytest.mark.parametrize("page,message", [(TIMELINE, "没有带日期的事件"), (KEYWORDS, "没有关键词")])
def test_pages_without_events_or_keywords_say_so(articles_only: Path, page: str, message: str):
    at = app(page=page)
    assert not at.exception
    assert message in texts(at)


@pytest.mark.parametrize("page", [TIMELINE, KEYWORDS])
def test_pages_with_no_region_selected_point_to_the_sidebar(seeded: Path, page: str):
    at = app(page=page)
    region_filter(at).set_value([]).run()
    assert not at.exception
    assert "未选择地区" in texts(at)


def test_region_filter_changes_the_timeline(seeded: Path):
    at = app(page=TIMELINE)
    events = store.read_table("events", seeded)
    assert chart_spec(at)["layout"]["yaxis"]["ticktext"] == SEED_REGIONS
    assert timeline_ids(at) == set(events.loc[events["region"].isin(SEED_REGIONS), "event_id"])
    region_filter(at).set_value(["上饶", "郑州"]).run()
    assert not at.exception
    spec = chart_spec(at)
    assert spec["layout"]["yaxis"]["ticktext"] == ["上饶", "郑州"]
    assert "上饶、郑州" in spec["layout"]["title"]["text"]
    assert timeline_regions(at) == {"上饶", "郑州"}
    table = at.dataframe[0].value  # the chart's Table tab: one row per event drawn
    assert set(table["地区"]) == {"上饶", "郑州"} and len(table) == len(timeline_ids(at))


def test_relative_toggle_drops_relative_dates(seeded: Path):
    at = app(page=TIMELINE)
    with_relative = timeline_ids(at)
    names = {trace["name"] for trace in chart_spec(at)["data"]}
    assert "计划" in names

    def notes() -> str:
        return " ".join(a["text"] for a in chart_spec(at)["layout"]["annotations"] if "text" in a)

    assert "相对日期（近日、目前……）没有写明日期" in notes()
    at.toggle(key="tl_relative").set_value(False).run()
    assert not at.exception
    without = timeline_ids(at)
    assert without < with_relative
    assert "相对日期" not in notes()
    assert not at.dataframe[0].value["原文"].isin(["近日", "目前"]).any()


def test_region_filter_changes_the_keyword_charts(seeded: Path):
    at = app(page=KEYWORDS)
    bars = chart_spec(at, 0)
    assert [trace["name"] for trace in bars["data"]] == SEED_REGIONS
    shared = chart_spec(at, 1)["data"][0]
    expected = keyword_rows.shared_terms(store.read_table("keywords", seeded), SEED_REGIONS)["term"]
    assert len(expected) and expected.iloc[0] in shared["y"]  # the store's most shared term is drawn

    region_filter(at).set_value(["上饶"]).run()
    assert not at.exception
    bars = chart_spec(at, 0)
    assert [trace["name"] for trace in bars["data"]] == ["上饶"]
    top = keyword_rows.region_keywords(store.read_table("keywords", seeded), ["上饶"])["term"]
    assert top.iloc[0] in bars["data"][0]["y"]
    assert chart_spec(at, 1)["layout"]["title"]["text"].startswith("没有共同关键词")


def test_top_n_slider_sets_the_bars(seeded: Path):
    at = app({"region": "上饶"}, page=KEYWORDS)
    at.slider(key="kw_top_n").set_value(5).run()
    assert not at.exception
    assert len(chart_spec(at, 0)["data"][0]["y"]) == 5
    assert "前 5 个" in chart_spec(at, 0)["layout"]["title"]["text"]


def test_shared_terms_table_lists_regions(seeded: Path):
    at = app({"region": "天津,上饶"}, page=KEYWORDS)
    table = frame_with(at, "n_regions")
    regions = store.read_table("keywords", seeded).query("scope == 'region'").groupby("term")["scope_id"]
    both = [term for term, names in regions if {"天津", "上饶"} <= set(names)]
    assert both  # the communiqués and the seed page give the two regions shared terms
    row = table.set_index("term").loc[both[0]]
    assert row["regions"] == "天津、上饶" and row["n_regions"] == 2


def test_english_labels(seeded: Path):
    at = app({"region": "天津"}, page=TIMELINE)
    at.sidebar.radio[0].set_value("en").run()
    assert not at.exception
    assert at.title[0].value == "Timeline"
    assert chart_spec(at)["layout"]["xaxis"]["title"]["text"] == "Date"
    at.switch_page(KEYWORDS).run()
    assert at.title[0].value == "Keywords"
