"""Chart builders: pure DataFrame -> Figure, checked on facts built by code."""

from __future__ import annotations

import pandas as pd
import pytest

from lib.dashboard import charts
from lib.dashboard.charts import Measure
from lib.store.schema import COLUMNS


def fact(i: int, region: str, raw: str, value_base: float, base_unit: str, **kw) -> dict:
    row = {name: "" for name, _, _ in COLUMNS["facts"]}
    row |= {
        "fact_id": f"f{i}", "article_id": "a1", "region": region, "raw": raw, "value": value_base,
        "value_base": value_base, "base_unit": base_unit, "unit": base_unit, "qualifier": "exact",
        "kind": "level", "category": "money", "indicator": "投资", "sentence": f"句子{raw}。",
        "source": "科技日报", "published": "2024-05-20", "char_start": 2, "char_end": 2 + len(raw),
    }  # fmt: skip
    return row | kw


FACTS = pd.DataFrame(
    [
        fact(1, "天津", "152亿元", 1.52e10, "元", indicator="技术合同额"),
        fact(2, "天津", "超12亿元", 1.2e9, "元", qualifier="more_than", indicator="税收"),
        fact(3, "郑州", "超6000亿元", 6e11, "元", qualifier="more_than", indicator="交易额"),
        fact(4, "郑州", "超6000亿元", 6e11, "元", qualifier="more_than", indicator="交易额", mention_of="f3"),
        fact(5, "上饶", "143家", 143, "家", category="firms", indicator="企业"),
        fact(6, "天津", "84.7%", 84.7, "%", kind="change_pct", category="growth", indicator="技术合同额"),
        fact(7, "郑州", "20%以上", 20, "%", kind="change_pct", category="growth", qualifier="at_least"),
        fact(
            8, "天津", "5000万美元", 5e7, "美元", indicator="外资", published="2024-04-01", source="经济日报"
        ),
        fact(9, "黑龙江", "3000万元", 3e7, "元", kind="target", indicator="资金规模"),
    ]
)
ALL = ["天津", "郑州", "上饶", "黑龙江"]


def bar_points(fig) -> list[tuple[str, float, str, str]]:
    """(region, value, text, fact_id) for every bar."""
    out = []
    for tr in fig.data:
        for x, y, text, custom in zip(tr.x, tr.y, tr.text, tr.customdata, strict=True):
            out.append((x, y, text, custom[0]))
    return out


@pytest.mark.parametrize(
    "value,qualifier,expected",
    [(152, "exact", "152"), (12, "more_than", ">12"), (6000, "more_than", ">6,000"), (0.86, "about", "≈0.86"),
     (20, "at_least", "≥20"), (5, "at_most", "≤5"), (9000, "nearly", "≈9,000")],
)  # fmt: skip
def test_value_label_marks_approximate_values(value, qualifier, expected):
    assert charts.value_label(value, qualifier) == expected


def test_money_is_charted_in_yi_yuan_first_mentions_only():
    fig = charts.compare_bars(FACTS, "money", regions=ALL)
    points = bar_points(fig)
    assert sorted(p[3] for p in points) == ["f1", "f2", "f3"]  # f4 repeats f3; 美元 and target apart
    assert {p[3]: p[1] for p in points} == {"f1": 152, "f2": 12, "f3": 6000}
    assert {p[3]: p[2] for p in points}["f3"] == ">6,000"
    assert fig.layout.yaxis.title.text == "资金（亿元）"
    assert "天津、郑州、上饶、黑龙江" in fig.layout.title.text and "亿元" in fig.layout.title.text


@pytest.mark.parametrize(
    "measure,expected_ids",
    [(Measure("亿元", "level"), {"f1", "f2", "f3"}), (Measure("亿美元", "level"), {"f8"}),
     (Measure("亿元", "target"), {"f9"})],
)  # fmt: skip
def test_measures_keep_units_and_kinds_apart(measure, expected_ids):
    assert measure in charts.measures(FACTS, "money")
    fig = charts.compare_bars(FACTS, "money", measure=measure)
    assert {p[3] for p in bar_points(fig)} == expected_ids


def test_approximate_bars_are_hatched_and_explained():
    fig = charts.compare_bars(FACTS, "money", regions=ALL)
    shapes = {}
    for tr in fig.data:
        for custom, shape in zip(tr.customdata, tr.marker.pattern.shape, strict=True):
            shapes[custom[0]] = shape
    assert shapes == {"f1": "", "f2": "/", "f3": "/"}
    notes = " ".join(a.text for a in fig.layout.annotations)
    assert "约数" in notes and "来源：科技日报 2024-05" in notes


def test_source_line_lists_each_outlet_with_its_months():
    line = charts.source_line(FACTS)
    assert line.startswith("来源：")
    assert "科技日报 2024-05" in line and "经济日报 2024-04" in line


def test_region_filter_sets_the_x_categories():
    assert list(charts.compare_bars(FACTS, "money", regions=["郑州"]).layout.xaxis.categoryarray) == ["郑州"]
    fig = charts.compare_bars(FACTS, "money", regions=["天津", "上饶"])
    assert list(fig.layout.xaxis.categoryarray) == ["天津", "上饶"]
    assert {p[0] for p in bar_points(fig)} == {"天津"}


def test_log_scale_option():
    assert charts.compare_bars(FACTS, "money", log=True).layout.yaxis.type == "log"
    assert charts.compare_bars(FACTS, "money").layout.yaxis.type == "linear"


def test_same_indicator_twice_in_a_region_gets_two_series():
    twice = pd.concat(
        [FACTS, pd.DataFrame([fact(10, "天津", "20亿元", 2e9, "元", indicator="技术合同额", period="2024")])]
    )
    names = charts.compare_data(twice, "money", measure=Measure("亿元", "level"))["series"].tolist()
    assert names.count("技术合同额") == 1 and "技术合同额 (2024)" in names


def test_growth_chart_shows_change_pct_only():
    fig = charts.growth_chart(FACTS, regions=ALL)
    assert {p[3]: p[2] for p in bar_points(fig)} == {"f6": "84.7%", "f7": "≥20%"}
    assert fig.layout.yaxis.title.text == "增长率（%）"
    assert "增长率" in fig.layout.title.text


def test_coverage_heatmap_counts_first_mentions_and_carries_fact_ids():
    fig = charts.coverage_heatmap(FACTS, regions=ALL)
    hm = fig.data[0]
    assert list(hm.y) == ALL
    assert list(hm.x) == ["资金", "增长", "企业"]
    assert list(hm.z[1]) == [1, 1, 0]  # 郑州: the repeated 6000亿元 counts once
    assert hm.customdata[0][0] == "f1,f2,f8"
    assert hm.customdata[3][0] == "f9"


def test_english_labels_and_font_pinned():
    fig = charts.compare_bars(FACTS, "money", lang="en")
    assert fig.layout.title.text.startswith("Money (亿元, level)")
    assert fig.layout.xaxis.title.text == "Region"
    assert "WenQuanYi Micro Hei" in fig.layout.font.family


@pytest.mark.parametrize("builder", [charts.compare_bars, charts.growth_chart, charts.coverage_heatmap])
def test_builders_accept_empty_facts(builder):
    empty = pd.DataFrame(columns=[name for name, _, _ in COLUMNS["facts"]] + ["source", "published"])
    fig = builder(empty)
    assert fig.layout.title.text


@pytest.mark.parametrize(
    "parts,expected",  # fmt: skip
    [
        (("compare", "money", "level"), "compare-money-level"),
        (("compare", "%", "change_pct"), "compare-pct-change-pct"),
        (("compare", "money", "亿元", "level"), "compare-money-100m-yuan-level"),
    ],
)
def test_slug_is_ascii(parts, expected):
    assert charts.slug(*parts) == expected
    assert (
        charts.slug("compare", "个架次").startswith("compare-u")
        and charts.slug("compare", "个架次").isascii()
    )


# --- timeline ----------------------------------------------------------------------------------


def event(i: int, region: str, date: str, precision: str = "day", **kw) -> dict:
    row = {name: "" for name, _, _ in COLUMNS["events"]}
    row |= {
        "event_id": f"e{i}", "article_id": "a1", "region": region, "date": date, "date_precision": precision,
        "year_inferred": False, "planned": False, "description": f"事件{i}", "sentence": f"句子{i}。",
        "char_start": 0, "char_end": 2, "source": "科技日报", "published": "2024-05-20",
    }  # fmt: skip
    return row | kw


EVENTS = pd.DataFrame(
    [
        event(1, "天津", "2024-05-19", year_inferred=True),
        event(2, "天津", "2024-05", "relative", relative="近日", year_inferred=True),
        event(3, "天津", "2024", "year", relative="今年", year_inferred=True, planned=True),
        event(4, "郑州", "2014-06", "month"),
        event(5, "黑龙江", "2024-09", "month", planned=True),
        event(6, "上饶", "--05-18"),  # no year: not drawn
    ]
)


def timeline_points(fig) -> dict[str, tuple]:
    """event_id -> (trace name, x, symbol, hover note)."""
    out = {}
    for tr in fig.data:
        symbols = (
            tr.marker.symbol if isinstance(tr.marker.symbol, tuple | list) else [tr.marker.symbol] * len(tr.x)
        )
        for x, custom, sym in zip(tr.x, tr.customdata, symbols, strict=True):
            out[custom[0]] = (tr.name, str(x)[:10], sym, custom[4])
    return out


def test_timeline_title_names_the_regions_and_rows_follow_the_selection():
    fig = charts.timeline(EVENTS, regions=["郑州", "天津"])
    assert fig.layout.title.text == "事件时间线：郑州、天津"
    assert list(fig.layout.yaxis.ticktext) == ["郑州", "天津"]
    assert set(timeline_points(fig)) == {"e1", "e2", "e3", "e4"}
    assert fig.layout.xaxis.title.text == "日期" and fig.layout.yaxis.title.text == "地区"
    assert "WenQuanYi Micro Hei" in fig.layout.font.family


def test_timeline_planned_events_have_their_own_hollow_trace():
    points = timeline_points(charts.timeline(EVENTS, regions=ALL))
    planned = {i for i, p in points.items() if p[0] == "计划"}
    assert planned == {"e3", "e5"}
    assert all(points[i][2].endswith("-open") for i in planned)
    assert not any(p[2].endswith("-open") for i, p in points.items() if i not in planned)


@pytest.mark.parametrize(
    "event_id,trace,x,symbol,note",
    [
        ("e1", "年份推定", "2024-05-19", "diamond", "年份按发布时间或上下文推定"),
        ("e2", "相对日期", "2024-05-01", "square", "日期按发布时间推定"),  # a month: its first day
        ("e3", "计划", "2024-01-01", "diamond-open", "计划"),
        ("e4", "日期明确", "2014-06-01", "circle", ""),
    ],
)  # fmt: skip
def test_timeline_marks_how_sure_a_date_is(event_id, trace, x, symbol, note):
    name, at, sym, hover_note = timeline_points(charts.timeline(EVENTS, regions=ALL))[event_id]
    assert (name, at, sym) == (trace, x, symbol)
    assert note in hover_note if note else hover_note == ""


def test_timeline_hover_labels_dates_with_their_precision_and_notes_undated_events():
    fig = charts.timeline(EVENTS, regions=ALL)
    labels = {c[0]: c[1] for tr in fig.data for c in tr.customdata}
    assert (
        labels["e1"] == "2024-05-19（日）"
        and labels["e4"] == "2014-06（月）"
        and labels["e2"] == "2024-05（近日）"
    )
    notes = " ".join(a.text for a in fig.layout.annotations if a.text)
    assert "1 个事件没有年份" in notes and "来源：科技日报 2024-05" in notes


def test_timeline_stacks_events_of_one_region_close_in_time():
    # The axis spans 2014-2024, so 2024-05-01 and 2024-05-19 would overlap: they are stacked.
    fig = charts.timeline(EVENTS, regions=["天津", "郑州"])
    y = {c[0]: yy for tr in fig.data for yy, c in zip(tr.y, tr.customdata, strict=True)}
    assert y["e1"] != y["e2"] and abs(y["e1"]) < 0.5 and abs(y["e2"]) < 0.5  # inside 天津's row
    assert y["e3"] == 0 and y["e4"] == 1  # alone in their cluster: on the row's line


@pytest.mark.parametrize(
    "date,precision,relative,lang,expected",
    [("2024-05-19", "day", "", "zh", "2024-05-19（日）"), ("2024", "year", "今年", "zh", "2024（年）"),
     ("2024-05", "relative", "目前", "zh", "2024-05（目前）"), ("2024-05", "month", "", "en", "2024-05 (month)")],
)  # fmt: skip
def test_date_label(date, precision, relative, lang, expected):
    assert charts.date_label(date, precision, relative, lang) == expected


@pytest.mark.parametrize(
    "date,expected", [("2024-05-19", "2024-05-19"), ("2024-05", "2024-05-01"), ("2024", "2024-01-01"),
                      ("--05-18", None), ("", None)],
)  # fmt: skip
def test_event_timestamp_places_a_period_at_its_first_day(date, expected):
    ts = charts.event_timestamp(date)
    assert (ts.strftime("%Y-%m-%d") if ts is not None else None) == expected


@pytest.mark.parametrize("regions", [ALL, ["上饶"], []])
def test_timeline_empty_input_gives_a_titled_empty_figure(regions):
    empty = pd.DataFrame(columns=[name for name, _, _ in COLUMNS["events"]] + ["source", "published"])
    for df in (empty, EVENTS[EVENTS["region"] == "上饶"]):
        fig = charts.timeline(df, regions=regions)
        assert fig.layout.title.text.startswith("事件时间线") and not fig.data
        assert any("没有带日期的事件" in a.text for a in fig.layout.annotations)


# --- keywords ----------------------------------------------------------------------------------


def kw(region: str, *terms: str) -> list[dict]:
    return [
        {"scope": "region", "scope_id": region, "term": term, "weight": round(1 - 0.1 * i, 6), "rank": i + 1}
        for i, term in enumerate(terms)
    ]


KEYWORDS = pd.DataFrame(
    kw("天津", "京津冀", "科技园", "联合攻关", "科技创新")
    + kw("上饶", "长三角", "双向飞地", "联合攻关", "科技创新")
    + kw("郑州", "国家中心城市", "跨境电商")
    + [{"scope": "article", "scope_id": "a1", "term": "郑州", "weight": 1.0, "rank": 1}]
)


def test_keyword_bars_one_panel_per_region_with_ids():
    fig = charts.keyword_bars(KEYWORDS, ["上饶", "天津"], top_n=3)
    assert fig.layout.title.text == "各地区关键词（前 3 个）：上饶、天津"
    assert [tr.name for tr in fig.data] == ["上饶", "天津"]
    assert list(fig.data[0].y) == ["长三角", "双向飞地", "联合攻关"] and fig.data[0].orientation == "h"
    assert fig.data[0].xaxis != fig.data[1].xaxis  # small multiples: separate panels
    assert fig.data[0].customdata[1][0] == charts.term_id("上饶", "双向飞地")
    assert [a.text for a in fig.layout.annotations][:2] == ["上饶", "天津"]  # panel titles


def test_keyword_bars_source_line_from_articles():
    articles = pd.DataFrame(
        {"region": ["天津", "郑州"], "source": ["科技日报", "河南日报"], "published": ["2024-05", "2024-04"]}
    )
    notes = " ".join(
        a.text for a in charts.keyword_bars(KEYWORDS, ["天津"], articles=articles).layout.annotations
    )
    assert "来源：科技日报 2024-05" in notes and "河南日报" not in notes


def test_shared_terms_heatmap_shows_terms_of_two_or_more_regions():
    fig = charts.shared_terms(KEYWORDS, ["天津", "郑州", "上饶"])
    hm = fig.data[0]
    assert fig.layout.title.text == "共同关键词：天津、郑州、上饶"
    assert list(hm.x) == ["天津", "郑州", "上饶"]
    assert list(hm.y) == ["联合攻关", "科技创新"]  # heavier total weight first
    assert hm.z[0][1] is None and hm.text[0][1] == ""  # 郑州 lacks it: blank
    assert hm.z[0][0] == pytest.approx(0.8) and hm.customdata[0][2] == charts.term_id("上饶", "联合攻关")


def test_shared_terms_without_shared_terms_shows_top_terms_and_says_so():
    fig = charts.shared_terms(KEYWORDS, ["天津", "郑州"])
    assert fig.layout.title.text.startswith("没有共同关键词")
    assert set(fig.data[0].y) == {"京津冀", "科技园", "联合攻关", "科技创新", "国家中心城市", "跨境电商"}
    assert any(a.text == "所选地区之间没有共同关键词" for a in fig.layout.annotations)


@pytest.mark.parametrize("builder", [charts.keyword_bars, charts.shared_terms])
@pytest.mark.parametrize("regions", [["天津"], ["黑龙江"], []])
def test_keyword_builders_accept_empty_input(builder, regions):
    empty = pd.DataFrame(columns=[name for name, _, _ in COLUMNS["keywords"]])
    assert builder(empty, regions).layout.title.text
    fig = builder(KEYWORDS, regions)
    assert fig.layout.title.text and (fig.data or "黑龙江" in regions or not regions)


def test_indicators_most_regions_report_come_first():
    df = pd.DataFrame(
        {
            "category": ["economy"] * 5 + ["money"],
            "indicator": ["出口", "GDP", "GDP", "GDP", "", "GDP"],
            "region": ["江苏", "广东", "江苏", "广东", "福建", "福建"],
        }
    )
    assert charts.indicators_by_coverage(df, "economy") == ["GDP", "出口"]
    assert charts.indicators_by_coverage(df, "trade") == []
