"""The view in the URL (lib/dashboard/url_state.py): parsing and validating parameters, and AppTest
runs that open a link in a fresh session and find the same view, with unknown values ignored and
said as plain text."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from test_app import APP, ARTICLES, COMPARE, FACTS, article_rows, chart_spec, region_filter, use_store

from lib import store
from lib.dashboard import comparable as cmp
from lib.dashboard import url_state
from lib.dashboard import views as dd

OPTIONS = ["天津", "天津港", "郑州", "上饶", "黑龙江"]
ENGLISH = {"天津": "Tianjin", "天津港": "Tianjingang", "郑州": "Zhengzhou", "上饶": "Shangrao", "黑龙江": "Heilongjiang"}
KEYWORDS, TIMELINE, LINKS, INDICATORS = (
    "app_pages/keywords.py", "app_pages/timeline.py", "app_pages/links.py", "app_pages/indicators.py",
)  # fmt: skip


@pytest.fixture
def small_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    store.write_table("articles", article_rows(ARTICLES), tmp_path)
    return use_store(monkeypatch, tmp_path)


def app(query: dict[str, str] | None = None, page: str | None = None) -> AppTest:
    """A link opened in a fresh session: its page is the first one that runs, with its query string."""
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    if page:
        at.switch_page(page)
    return at.run()


# --- parsing (pure) -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw,all_regions,selected,ignored",
    [
        (None, True, OPTIONS, ""),
        ("all", True, OPTIONS, ""),
        ("ALL", True, OPTIONS, ""),
        ("", False, [], ""),
        ("天津", False, ["天津"], ""),
        ("天津,郑州", False, ["天津", "郑州"], ""),
        (" 郑州 ， 天津 ", False, ["郑州", "天津"], ""),
        ("上饶、黑龙江;郑州", False, ["上饶", "黑龙江", "郑州"], ""),
        ("郑州,郑州", False, ["郑州"], ""),
        ("黑龙", False, ["黑龙江"], ""),  # unique prefix
        ("zhengzhou,Shangrao", False, ["郑州", "上饶"], ""),  # English names, any case
        ("天", True, OPTIONS, "天"),  # ambiguous prefix, nothing else: all, and said
        ("北京,郑州", False, ["郑州"], "北京"),
        ("北京", True, OPTIONS, "北京"),
    ],
)
def test_parse_regions(raw, all_regions, selected, ignored):
    parsed = url_state.parse_regions(raw, OPTIONS, ENGLISH.get)
    assert (parsed.all, parsed.selected, parsed.ignored) == (all_regions, selected, ignored)


@pytest.mark.parametrize("selected", [[], ["天津"], ["天津", "郑州"], OPTIONS])
def test_an_explicit_region_list_round_trips_as_a_list(selected):
    parsed = url_state.parse_regions(url_state.region_value(False, selected), OPTIONS)
    assert parsed.selected == selected and not parsed.all


@pytest.mark.parametrize(
    "codec,raw,value,ignored",
    [
        (url_state.Choice(["gdp", "retail_sales"]), "gdp", "gdp", ""),
        (url_state.Choice(["gdp"]), "<b>gdp</b>", None, "<b>gdp</b>"),
        (url_state.Choices(["economy", "trade"]), "trade,economy", ["trade", "economy"], ""),
        (url_state.Choices(["economy", "trade"]), "trade,nope", ["trade"], "nope"),
        (url_state.Choices(["economy"]), "", [], ""),
        (url_state.Flag(), "0", False, ""),
        (url_state.Flag(), "maybe", None, "maybe"),
        (url_state.Number(3, 15), "7", 7, ""),
        (url_state.Number(3, 15), "99", None, "99"),
        (url_state.Number(3, 15), "-1", None, "-1"),
        (url_state.Text(), "技术合同额", "技术合同额", ""),
        (url_state.Text(), "x" * 201, None, "x" * 201),
    ],
)
def test_codecs_keep_valid_values_and_name_the_rest(codec, raw, value, ignored):
    parsed = codec.parse(raw)
    assert (parsed.value, parsed.ignored) == (value, ignored)
    if value is not None:
        assert codec.valid(value) and codec.parse(codec.encode(value)).value == value


# --- regions: "all" is explicit, a list stays a list -----------------------------------------------


def test_region_all_picks_up_a_region_added_later_and_a_list_does_not(small_store: Path):
    listed = app({"region": "天津,郑州,上饶,黑龙江"})
    everything = app({"region": "all"})
    assert region_filter(listed).value == region_filter(everything).value == ["天津", "郑州", "上饶", "黑龙江"]

    store.write_table("articles", article_rows([*ARTICLES, ("光谷跑出创新加速度", "武汉")]), small_store)
    listed, everything = app({"region": "天津,郑州,上饶,黑龙江"}), app({"region": "all"})  # links opened later
    assert region_filter(everything).value == ["天津", "郑州", "上饶", "黑龙江", "武汉"]
    assert region_filter(listed).value == ["天津", "郑州", "上饶", "黑龙江"]
    assert "武汉" in region_filter(listed).options  # offered, not selected
    assert listed.query_params["region"] == "天津,郑州,上饶,黑龙江"


def test_unknown_region_is_ignored_with_a_plain_text_notice(small_store: Path):
    at = app({"region": "郑州,[北京](http://evil.example)"})
    assert region_filter(at).value == ["郑州"]
    notice = [e.value for e in at.text if "[北京](http://evil.example)" in e.value]
    assert notice, "no notice names the ignored value"
    markup = [e.value for kind in ("markdown", "caption", "warning", "info") for e in getattr(at, kind)]
    assert not any("evil.example" in str(m) for m in markup)  # never rendered as Markdown
    region_filter(at).set_value(["郑州", "天津"]).run()  # the user moves on: the notice goes
    assert not [e for e in at.text if "evil.example" in e.value]


def test_language_lives_in_the_url(small_store: Path):
    at = app({"lang": "en", "region": "天津"})
    assert at.title[0].value == "Regional development dashboard"
    assert region_filter(at).format_func("天津") == "Tianjin"
    assert at.query_params["lang"] == "en"
    at = app({"lang": "fr"})
    assert at.sidebar.radio[0].value == "zh"
    assert any("lang=fr" in e.value for e in at.text)


# --- page choices on the seed store ---------------------------------------------------------------


@pytest.fixture
def seeded(seed_store: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return use_store(monkeypatch, seed_store)


def last_compare_view(directory: Path, regions: list[str]) -> dict[str, str]:
    """The compare view furthest from the page's defaults: the last indicator, kind and period offered."""
    facts = dd.facts_with_articles(store.read_table("facts", directory), store.read_table("articles", directory))
    indicator = cmp.indicator_options(facts, regions)[-1][0]
    kind = cmp.kind_options(facts, regions, indicator)[-1]
    period = cmp.period_options(facts, regions, indicator, kind)[-1]
    return {"indicator": indicator, "kind": ":".join(kind).rstrip(":"), "period": ":".join(period).rstrip(":")}


def test_a_compare_link_restores_indicator_kind_and_period(seeded: Path):
    view = last_compare_view(seeded, ["天津", "上饶"])
    at = app({"region": "天津,上饶", **view}, page=COMPARE)
    assert not at.exception
    assert [at.session_state[k] for k in ("cmp_indicator", "cmp_kind", "cmp_period")] == list(view.values())
    assert {k: at.query_params[k] for k in view} == view
    title = chart_spec(at)["layout"]["title"]["text"]
    assert cmp.indicator_name(view["indicator"]) in title
    again = app(dict(at.query_params), page=COMPARE)  # the link as the page wrote it, in a fresh session
    assert chart_spec(again)["layout"]["title"]["text"] == title


def test_an_unknown_indicator_falls_back_with_a_notice(seeded: Path):
    at = app({"indicator": "<img src=x onerror=alert(1)>"}, page=COMPARE)
    assert not at.exception
    assert at.session_state["cmp_indicator"] == "gdp"  # the default: what most selected regions report
    assert at.query_params["indicator"] == "gdp"
    assert any("<img src=x onerror=alert(1)>" in e.value for e in at.text)


def test_choices_survive_a_page_switch(seeded: Path):
    view = last_compare_view(seeded, ["天津", "郑州", "上饶", "黑龙江"])
    at = app(page=COMPARE)
    at.selectbox(key="cmp_indicator").set_value(view["indicator"]).run()
    at.switch_page(FACTS).run()
    assert "indicator" not in at.query_params  # another page, other parameters
    at.switch_page(COMPARE).run()
    assert at.session_state["cmp_indicator"] == view["indicator"]
    assert at.query_params["indicator"] == view["indicator"]


def test_a_facts_link_restores_search_and_filters(seeded: Path):
    query = {"region": "天津", "q": "技术合同", "fact_region": "天津", "kind": "level,nope"}
    at = app(query, page=FACTS)
    assert not at.exception
    assert at.text_input(key="facts_query").value == "技术合同"
    assert at.multiselect(key="facts_regions").value == ["天津"]
    assert at.multiselect(key="facts_kinds").value == ["level"]
    shown, total = at.dataframe[0].value, len(store.read_table("facts", seeded))
    assert 0 < len(shown) < total / 10  # the search and the filters applied (cells show snippets)
    assert any("kind=nope" in e.value for e in at.text)  # the unknown kind, said
    assert at.query_params["kind"] == "level" and at.query_params["q"] == "技术合同"


@pytest.mark.parametrize(
    "page,query,key,expected",
    [
        (KEYWORDS, {"top": "5"}, "kw_top_n", 5),
        (TIMELINE, {"relative": "0"}, "tl_relative", False),
        (LINKS, {"relation": "route,cooperation"}, "links_relations", ["route", "cooperation"]),
    ],
)
def test_other_page_choices_come_from_the_link(seeded: Path, page, query, key, expected):
    at = app(query, page=page)
    assert not at.exception
    assert at.session_state[key] == expected
    assert all(at.query_params[k] == v for k, v in query.items())


def test_indicators_page_opens_on_the_linked_indicator(seeded: Path):
    at = app({"indicator": "retail_sales"}, page=INDICATORS)
    assert at.session_state["ind_pick"] == "retail_sales"
    assert at.query_params["indicator"] == "retail_sales"


def test_log_scale_lives_in_the_link_for_levels(seeded: Path):
    at = app({"indicator": "gdp", "kind": "level", "log": "1"}, page=COMPARE)
    assert not at.exception
    assert at.session_state["cmp_log"] is True and at.query_params["log"] == "1"
    assert chart_spec(at)["layout"]["yaxis"]["type"] == "log"
    at = app({"indicator": "gdp", "kind": "level"}, page=COMPARE)
    assert chart_spec(at)["layout"]["yaxis"].get("type") != "log"


def test_all_mode_survives_streamlit_dropping_the_checkbox_state(monkeypatch: pytest.MonkeyPatch):
    # Streamlit forgets a widget's state after a run that did not draw it (one cut short by a rerun,
    # as after an upload's rebuild); "all" mode must not turn into a frozen list of today's regions.
    from types import SimpleNamespace

    fake = SimpleNamespace(session_state={}, query_params={}, text=lambda *a, **k: None)
    monkeypatch.setattr(url_state, "st", fake)
    url_state.bind_regions(["天津", "郑州"])
    assert fake.query_params["region"] == "all"
    del fake.session_state[url_state.ALL_REGIONS_KEY]  # what Streamlit does to an undrawn widget's key
    url_state.bind_regions(["天津", "郑州", "武汉"])  # the next run, over a store with a new region
    assert fake.query_params["region"] == "all"
    assert fake.session_state[url_state.REGION_KEY] == ["天津", "郑州", "武汉"]
