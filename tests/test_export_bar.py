"""The export bar's data shaping (pure): the rows a chart draws are its CSV and its table, the cite
text names what a citation needs, file names carry the indicator, regions and date; tables keep
the highlighted number on screen and never repeat a header. Plus the pages: every chart has its
Table tab and its four export buttons (AppTest)."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from factrows import fact, joined

from lib import store
from lib.dashboard import charts, comparable, export, tables
from lib.dashboard import views as dd
from lib.dashboard.charts.common import empty_figure
from tests.test_app import app, chart_spec, sent_ids, use_store
from tests.test_charts import EVENTS, KEYWORDS
from tests.test_charts import FACTS as CHART_FACTS

ALL = ["天津", "郑州", "上饶"]
DAY = date(2026, 12, 2)
GDP = comparable.View("gdp", "level", "", "2024", "")


def gdp_rows(title: str = "2024年统计公报") -> pd.DataFrame:
    facts = joined(
        [
            fact("tj", "天津", "18024.32亿元", 1.802432e12, "元", indicator_id="gdp"),
            fact("zz", "郑州", "14532.1亿元", 1.45321e12, "元", indicator_id="gdp"),
            fact("sr", "上饶", "3600亿元", 3.6e11, "元", indicator_id="gdp"),
            fact("zz-growth", "郑州", "5.7%", 5.7, "%", indicator_id="gdp", kind="change_pct"),
        ]
    )
    facts.loc[facts["fact_id"] == "zz", "title"] = title
    return comparable.drawn(comparable.view_rows(facts, ALL, GDP))


def csv_rows(data: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_compare_csv_rows_are_exactly_the_bars_drawn():
    rows = gdp_rows()
    fig = charts.indicator_bars(rows, ALL + ["黑龙江"], "地区生产总值（总量，2024年）")
    drawn = export.chart_rows(fig, rows)
    bars = [(x, y, c[0]) for x, y, c in zip(fig.data[0].x, fig.data[0].y, fig.data[0].customdata, strict=True)]
    out = csv_rows(export.chart_csv(drawn, "http://localhost:8501/compare?region=天津"))
    assert [(r["region"], float(r["value"])) for r in out] == [(x, y) for x, y, _ in bars]
    assert [r["unit"] for r in out] == ["亿元"] * 3  # the unit drawn, not the unit as stored (元)
    assert out[1]["sentence"] == "郑州全年14532.1亿元。" and out[1]["raw"] == "14532.1亿元"
    assert out[1]["title"] == "2024年统计公报" and out[1]["published"] == "2025-03-21"
    assert {r["link"] for r in out} == {"http://localhost:8501/compare?region=天津"}
    assert "5.7%" not in {r["raw"] for r in out}  # another kind: not drawn, not exported
    assert len(set(out[0])) == len(out[0])  # no two columns of one name


def test_compare_csv_keeps_a_row_for_each_region_without_a_figure():
    # The chart lists 黑龙江 as 无数据; a CSV without it let a table made from it drop it silently.
    rows = gdp_rows()
    fig = charts.indicator_bars(rows, ALL + ["黑龙江"], "地区生产总值（总量，2024年）")
    out = csv_rows(export.chart_csv(export.chart_rows(fig, rows), "", export.no_data_regions(fig), "无数据"))
    assert [r["region"] for r in out] == ALL + ["黑龙江"]
    assert out[-1]["value"] == "" and out[-1]["label"] == "无数据" and out[-1]["sentence"] == ""
    lines = charts.indicator_lines(rows, ALL + ["黑龙江"], "GDP")  # drawn rows of one period: a one-point series each
    assert export.no_data_regions(lines) == ["黑龙江"]
    empty = charts.indicator_bars(rows.iloc[0:0], ["黑龙江"], "GDP")
    out = csv_rows(export.chart_csv(export.chart_rows(empty, rows), "", export.no_data_regions(empty), "无数据"))
    assert [(r["region"], r["label"]) for r in out] == [("黑龙江", "无数据")]


def test_heatmap_csv_holds_the_facts_of_its_cells():
    fig = charts.coverage_heatmap(CHART_FACTS, regions=["天津", "郑州", "上饶", "黑龙江"])
    drawn = export.chart_rows(fig, charts.coverage_rows(CHART_FACTS), key="cell")
    first_mentions = CHART_FACTS[CHART_FACTS["mention_of"] == ""]
    assert sorted(r["raw"] for r in csv_rows(export.chart_csv(drawn))) == sorted(first_mentions["raw"])
    assert int(sum(sum(row) for row in fig.data[0].z)) == len(drawn)  # the counts are these rows
    # the heatmap counts by category: its CSV says each row's category (it had none)
    out = csv_rows(export.chart_csv(drawn))
    assert sorted((r["raw"], r["category"]) for r in out) == sorted(zip(first_mentions["raw"], first_mentions["category"], strict=True))
    assert {"growth", "firms", "money"} <= {r["category"] for r in out}


def test_timeline_csv_holds_every_event_of_every_dot():
    articles = pd.DataFrame(columns=["article_id", "title", "source", "published", "text"])
    events = dd.events_with_articles(EVENTS.drop(columns=["source", "published"]), articles)
    fig = charts.timeline(events, regions=["天津", "郑州", "黑龙江", "上饶"])
    drawn = export.chart_rows(fig, dd.event_selection_rows(events))
    assert sorted(drawn["description"]) == ["事件1", "事件2", "事件3", "事件4", "事件5"]  # e6 has no year
    assert {"date_label", "planned", "sentence"} <= set(drawn.columns)


def test_keyword_csv_holds_term_weight_and_sentence():
    articles = pd.DataFrame(
        [{"article_id": "a1", "region": "天津", "text": "京津冀协同发展。科技园建设。", "title": "天津报道",
          "source": "科技日报", "published": "2024-05"}]
    )  # fmt: skip
    fig = charts.keyword_bars(KEYWORDS, ["天津"], top_n=2)
    drawn = export.chart_rows(fig, dd.term_examples(dd.region_keywords(KEYWORDS, ["天津"]), articles))
    assert list(drawn["term"]) == ["京津冀", "科技园"] and list(drawn["weight"]) == [1.0, 0.9]
    assert list(drawn["sentence"]) == ["京津冀协同发展。", "科技园建设。"]


def test_cite_text_names_outlet_chart_articles_access_date_and_link():
    rows = gdp_rows(title="<b>郑州</b>统计公报")
    fig = charts.indicator_bars(rows, ALL, "地区生产总值（总量，2024年）")
    cite = export.cite_text(fig, export.chart_rows(fig, rows), "http://h/compare?region=天津,郑州", DAY)
    assert cite.startswith("区域发展看板：《地区生产总值（总量，2024年） 天津、郑州、上饶》。")
    assert "某市统计局《统计公报》（2025-03-21）" in cite  # outlet, article title, date
    assert "《<b>郑州</b>统计公报》" in cite  # a title from data, as written: plain text, no markup
    assert "访问日期：2026-12-02。" in cite and cite.endswith(" http://h/compare?region=天津,郑州")
    en = export.cite_text(fig, export.chart_rows(fig, rows), "", DAY, "en")
    assert en.startswith("Regional development dashboard: ") and "Accessed 2026-12-02." in en


def test_cite_text_lists_many_articles_briefly():
    rows = pd.DataFrame({"source": ["报"] * 20, "title": [f"文章{i}" for i in range(20)], "published": ["2024"] * 20})
    cite = export.cite_text(empty_figure("图", "无"), rows, "", DAY)
    assert "文章7" in cite and "文章8" not in cite and "另有 12 篇文章" in cite


def test_file_names_carry_indicator_regions_and_date():
    rows = gdp_rows()
    fig = charts.indicator_bars(rows, ALL, "地区生产总值（总量，2024年）")
    assert export.file_name(fig, "svg", DAY) == "地区生产总值（总量，2024年）_天津、郑州、上饶_2026-12-02.svg"
    odd = empty_figure("增加值/产值: 天津?", "无")
    assert export.file_name(odd, "csv", DAY) == "增加值-产值_天津_2026-12-02.csv"  # one separator, not "-_"
    assert export.file_name(empty_figure("", ""), "png", DAY) == "chart_2026-12-02.png"


def test_file_names_and_cite_titles_ignore_where_a_phone_broke_the_title():
    # fit_for_phones breaks long titles with <br>: 天津、<br>上饶 had become 天津、_上饶 in the file name.
    from lib.dashboard.phone_layout import fit_for_phones

    regions = ["天津", "郑州", "上饶", "黑龙江"]
    for lang in ("zh", "en"):
        fig = charts.coverage_heatmap(CHART_FACTS, regions=regions, lang=lang)
        before = export.file_name(fig, "png", DAY)
        fit_for_phones(fig)
        assert "<br>" in fig.layout.title.text
        assert export.file_name(fig, "png", DAY) == before
        assert not any(bad in before for bad in ("__", "-_", "_-", "、_", "，_"))
    assert export.file_name(fig, "png", DAY).startswith("Figures_per_category_Tianjin,_Zhengzhou,_Shangrao")
    title = empty_figure("地区生产总值（数值，2024）<br>天津、<br>郑州 <br> 上饶", "")
    assert export.plain_title(title) == "地区生产总值（数值，2024） 天津、郑州 上饶"
    assert export.file_name(title, "txt", DAY) == "地区生产总值（数值，2024）_天津、郑州_上饶_2026-12-02.txt"


def test_snippet_keeps_the_marked_number_on_screen():
    long = "甲" * 200 + "【152亿元】" + "乙" * 200
    cut = tables.snippet(long)
    assert "【152亿元】" in cut and cut.startswith("…") and cut.endswith("…") and len(cut) < 80
    assert tables.snippet("短句【5%】。") == "短句【5%】。"


def test_tables_never_repeat_a_header(monkeypatch: pytest.MonkeyPatch):
    rows = export.chart_rows(charts.indicator_bars(gdp_rows(), ALL, "GDP"), gdp_rows())
    for lang in ("zh", "en"):
        shown = tables.table_frame(rows, lang)
        assert len(set(shown.columns)) == len(shown.columns)
        assert {"数值", "单位", "图上标注"} <= set(shown.columns) or {"Value", "Unit"} <= set(shown.columns)
    # Every header the tables know is distinct, so no two columns can share one ...
    assert len(set(tables.headers(list(tables.HEADERS), "zh").values())) == len(tables.HEADERS)
    # ... and a header added twice is refused rather than shown.
    monkeypatch.setitem(tables.HEADERS, "value_again", "col_value")
    with pytest.raises(ValueError, match="both be headed"):
        tables.headers(["value", "value_again"], "zh")


def test_facts_grid_has_a_numeric_value_and_its_unit():
    grid = tables.facts_grid(CHART_FACTS.assign(sentence_marked=CHART_FACTS["sentence"]), "zh")
    tj = grid[grid["raw"] == "152亿元"].iloc[0]
    assert tj["display_value"] == pytest.approx(152) and tj["display_unit"] == "亿元"
    assert tables.facts_grid(CHART_FACTS.assign(sentence_marked=""), "zh", limit=3).shape[0] == 3


def test_search_with_the_cached_text_finds_the_same_rows():
    facts = pd.concat([CHART_FACTS.assign(title="报道")] * 3, ignore_index=True)
    some = dd.facts_for_regions(facts.assign(article_region=facts["region"]), ["天津", "郑州"])
    hay = dd.search_text(facts)
    for query in ("技术合同", "亿元", "交易额", "没有这个词"):
        expected = dd.search_facts(some, query)
        assert dd.search_facts(some, query, haystack=hay).equals(expected)
        hay_of = (expected["sentence"] + expected["indicator"] + expected["raw"] + expected["title"]).str.lower()
        assert hay_of.str.contains(query).all() and expected.empty == (query == "没有这个词")


def test_search_index_finds_the_same_rows_as_the_joined_text(seed_store: Path):
    facts = dd.facts_with_articles(store.read_table("facts", seed_store), store.read_table("articles", seed_store))
    regions = sorted(set(facts["region"]) - {""})[:2]
    some = dd.facts_for_regions(facts, regions)
    index = dd.SearchIndex.of(facts)
    for frame, idx in ((facts, index), (some, index.at(facts.index.get_indexer(some.index)))):
        for query in ("亿元", "GDP", "gdp", "增长", "%", "没有这个词", ""):
            for kinds in ([], ["level"]):
                expected = dd.search_facts(frame, query, kinds=kinds)
                assert dd.search_facts(frame, query, kinds=kinds, haystack=idx).equals(expected), query
    assert len(dd.search_facts(facts, "亿元", haystack=index)) > 0


# --- the pages: a Table tab and four export buttons under every chart (AppTest) -----------------


@pytest.fixture
def seeded(seed_store: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return use_store(monkeypatch, seed_store)


@pytest.mark.parametrize("page", ["app_pages/overview.py", "app_pages/timeline.py", "app_pages/keywords.py"])
def test_every_chart_has_a_table_tab_and_an_export_bar(seeded: Path, page: str):
    at = app(page=page)
    assert not at.exception
    n = len(at.get("plotly_chart"))
    assert n >= 1
    assert [tab.label for tab in at.tabs] == ["图表", "表格"] * n
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels.count("PNG") == labels.count("SVG") == labels.count("CSV 数据") == n


def test_timeline_table_tab_lists_every_event_drawn(seeded: Path):
    at = app(page="app_pages/timeline.py")
    ids = set(sent_ids(at))
    events = store.read_table("events", seeded)
    assert len(at.dataframe[0].value) == len(ids) == len(events)
    assert chart_spec(at)["layout"]["height"] <= 1000  # one chart of capped height


def test_drawn_positions_follow_the_drawing_order_each_fact_once():
    details = pd.DataFrame({"fact_id": ["a", "b", "c", "b"], "cell": ["x", "y", "x", "y"]})
    assert list(export.drawn_positions(["c", "a", "b"], details)) == [2, 0, 1]  # b once
    cells = pd.DataFrame({"fact_id": ["a", "b", "c", "d"], "cell": ["x", "y", "x", "y"]})
    assert list(export.drawn_positions(["y", "x"], cells, key="cell")) == [1, 3, 0, 2]  # a cell's rows all
    assert list(export.drawn_positions(["zz"], details)) == []


def test_drawn_positions_match_arrow_strings_and_other_keys_alike():
    ids = ["f3", "f1", "nope"]
    arrow = pd.DataFrame({"fact_id": pd.Series(["f1", "f2", "f3", "f1"], dtype="str")})
    plain = pd.DataFrame({"fact_id": pd.Series(["f1", "f2", "f3", "f1"], dtype=object)})
    numbers = pd.DataFrame({"fact_id": [1, 2, 3, 1]})  # keys Arrow cannot compare with strings
    assert list(export.drawn_positions(ids, arrow)) == list(export.drawn_positions(ids, plain)) == [2, 0]
    assert list(export.drawn_positions(["3", "1"], numbers)) == []
    assert list(export.drawn_positions([], arrow)) == []
    cells = pd.DataFrame({"fact_id": ["a", "b", "c"], "cell": ["x", "y", "x"]})
    assert list(export.drawn_positions(["x", "y"], cells, "cell")) == [0, 2, 1]  # every row of a cell


def test_long_id_lists_go_to_the_browser_as_tokens_and_come_back_as_ids():
    import plotly.graph_objects as go

    from lib.dashboard import ui

    many = ",".join(f"event-{i:04d}" for i in range(40))
    fig = go.Figure(go.Scatter(x=[1, 2], y=[1, 2], customdata=[[many, "北京"], ["e1", "天津"]]))
    tokens = ui.compact_ids(fig)
    sent = [list(c) for c in fig.data[0].customdata]
    assert sent[1] == ["e1", "天津"] and sent[0][1] == "北京"  # short ids and the hover fields stay
    assert sent[0][0].startswith(ui.TOKEN_MARK) and len(sent[0][0]) < 20 and tokens == {sent[0][0]: many}
    assert ui.expand_ids([sent[0][0], "e1"], tokens) == [*many.split(","), "e1"]
    assert ui.compact_ids(go.Figure(go.Scatter(x=[1], y=[1], customdata=[[many]])))  # the same list, the same token


def test_facts_grid_in_english_names_units_and_vocabulary_indicators():
    # The English Facts page showed 亿元 and 地区生产总值 where the label tables have English.
    rows = CHART_FACTS.assign(sentence_marked=CHART_FACTS["sentence"], indicator_id="")
    rows.loc[rows["fact_id"] == "f1", ["indicator", "indicator_id"]] = ["地区生产总值", "gdp"]
    grid = tables.facts_grid(rows, "en")
    gdp = grid[grid["raw"] == "152亿元"].iloc[0]
    assert gdp["display_unit"] == "100 million yuan" and gdp["indicator"] == "Gross regional product (GDP)"
    firms = grid[grid["raw"] == "143家"].iloc[0]
    assert firms["display_unit"] == "firms" and firms["indicator"] == "企业"  # no vocabulary id: as written
    assert gdp["sentence_marked"] == "句子152亿元。" and gdp["region"] == "天津"  # data text stays as written
    zh = tables.facts_grid(rows, "zh")
    assert zh.loc[zh["raw"] == "152亿元", "display_unit"].iloc[0] == "亿元"
    assert zh.loc[zh["raw"] == "152亿元", "indicator"].iloc[0] == "地区生产总值"
