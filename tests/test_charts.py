"""Chart builders: pure DataFrame -> Figure, checked on facts built by code."""

from __future__ import annotations

import pandas as pd
import pytest
from factrows import fact as std
from factrows import joined

from lib.dashboard import charts, comparable
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


def test_source_line_lists_each_outlet_with_its_months():
    line = charts.source_line(FACTS)
    assert line.startswith("来源：")
    assert "科技日报 2024-05" in line and "经济日报 2024-04" in line


def test_coverage_heatmap_counts_first_mentions_and_carries_cell_keys():
    fig = charts.coverage_heatmap(FACTS, regions=ALL)
    hm = fig.data[0]
    # Categories as rows, a column per region: 22 category columns were 8 px wide on a phone.
    assert list(hm.x) == ALL
    assert list(hm.y) == ["资金", "增长", "企业"]
    assert [row[1] for row in hm.z] == [1, 1, 0]  # 郑州: the repeated 6000亿元 counts once
    # Heatmaps take no clicks: an invisible point per cell carries the cell's key, not its fact ids
    # (a cell can hold thousands); coverage_rows says which facts a key stands for.
    cells = {(x, y): c[0] for x, y, c in zip(fig.data[1].x, fig.data[1].y, fig.data[1].customdata, strict=True)}
    assert cells[(ALL[0], "资金")] == charts.cell_key(ALL[0], "money")
    assert cells[("郑州", "企业")] == ""  # a blank cell selects nothing
    rows = charts.coverage_rows(FACTS)
    assert sorted(rows.loc[rows["cell"] == cells[(ALL[0], "资金")], "fact_id"]) == ["f1", "f2", "f8"]
    assert list(rows.loc[rows["cell"] == cells[(ALL[3], "资金")], "fact_id"]) == ["f9"]
    assert fig.data[1].marker.opacity == 0 and fig.layout.hoverdistance == -1
    assert hm.showscale is False and hm.texttemplate  # counts in the cells; the colour bar's ticks ran together on a phone


def test_coverage_heatmap_rows_are_tall_enough_for_their_counts():
    fig = charts.coverage_heatmap(FACTS, regions=ALL)
    plot = fig.layout.height - fig.layout.margin.t - fig.layout.margin.b
    assert plot / len(fig.data[0].y) >= 18


def view_rows(facts: pd.DataFrame, regions: list[str], view) -> pd.DataFrame:
    return comparable.drawn(comparable.view_rows(facts, regions, view))


GDP = comparable.View("gdp", "level", "", "2024", "")
STANDARD = joined(
    [
        std("t", "天津", "18024.32亿元", 18024.32e8, "元", indicator_id="gdp"),
        std("z", "郑州", "超14500亿元", 14500e8, "元", indicator_id="gdp", qualifier="more_than"),
        std("z23", "郑州", "13617.8亿元", 13617.8e8, "元", indicator_id="gdp", period="2023"),
        std("zt", "郑州", "6%", 6, "%", indicator_id="gdp", kind="target", target_kind="change_pct", period="2025"),
        std("st", "上饶", "6.5%", 6.5, "%", indicator_id="gdp", kind="target", target_kind="change_pct", period="2025"),
    ]
)


def test_indicator_bars_one_bar_per_region_with_period_and_no_data_slot():
    fig = charts.indicator_bars(view_rows(STANDARD, ALL, GDP), ALL, "地区生产总值（数量，2024）")
    assert list(fig.layout.xaxis.categoryarray) == ALL  # every selected region keeps its slot
    points = bar_points(fig)
    assert [(p[0], p[3]) for p in points] == [("天津", "t"), ("郑州", "z")]
    # the period on every bar, under its value: one line was wider than a phone's bar, and plotly shrank it
    assert [p[2] for p in points] == ["18,024<br>2024", ">14,500<br>2024"]
    assert fig.data[0].textfont.size >= 12
    assert all(c[3] == "2024" for c in fig.data[0].customdata)
    no_data = [a for a in fig.layout.annotations if a.text == "无数据"]
    assert sorted(a.x for a in no_data) == sorted(["上饶", "黑龙江"])
    notes = " ".join(a.text for a in fig.layout.annotations)
    assert "无数据：上饶、黑龙江" in notes and "约数" in notes and "来源：" in notes
    assert fig.layout.yaxis.title.text == "地区生产总值（亿元）"
    assert fig.data[0].name == "实际值"


def test_targets_are_hollow_and_named_as_targets():
    view = comparable.View("gdp", "target", "change_pct", "2025", "")
    fig = charts.indicator_bars(view_rows(STANDARD, ALL, view), ALL, "目标", lang="en")
    bar = fig.data[0]
    assert bar.name == "target" and bar.marker.color == "rgba(0,0,0,0)" and bar.marker.line.width == 2
    assert [p[2] for p in bar_points(fig)] == ["6%<br>2025", "6.5%<br>2025"]
    assert any("not achieved" in a.text for a in fig.layout.annotations)


def test_indicator_lines_over_periods():
    series = comparable.period_series(STANDARD, ALL, GDP)
    fig = charts.indicator_lines(series, ALL, "地区生产总值")
    assert [tr.name for tr in fig.data] == ["天津", "郑州"]
    assert list(fig.data[1].x) == ["2023", "2024"] and list(fig.layout.xaxis.categoryarray) == ["2023", "2024"]
    assert [c[0] for c in fig.data[1].customdata] == ["z23", "z"]
    assert "无数据：上饶、黑龙江" in " ".join(a.text for a in fig.layout.annotations)


def test_comparison_axes_print_thousands_not_si_units():
    # Plotly's default wrote 5k / 10k / 15k on a 亿元 axis (browser review of 2026-12-03).
    bars = charts.indicator_bars(view_rows(STANDARD, ALL, GDP), ALL, "地区生产总值")
    lines = charts.indicator_lines(comparable.period_series(STANDARD, ALL, GDP), ALL, "地区生产总值")
    for axis in (bars.layout.yaxis, lines.layout.yaxis):
        assert axis.exponentformat == "none" and axis.separatethousands


def test_line_labels_are_not_cut_by_the_plot_edge():
    fig = charts.indicator_lines(comparable.period_series(STANDARD, ALL, GDP), ALL, "地区生产总值")
    assert all(tr.cliponaxis is False for tr in fig.data)  # the highest point's value label stays whole


def test_english_labels_and_font_pinned():
    fig = charts.indicator_bars(view_rows(STANDARD, ALL, GDP), ALL, "GDP", lang="en")
    assert fig.layout.title.text.startswith("GDP<br>Tianjin")  # region names in English (the gazetteer)
    assert fig.layout.xaxis.title.text == "Region"
    assert "no data" in [a.text for a in fig.layout.annotations]
    assert "WenQuanYi Micro Hei" in fig.layout.font.family


@pytest.mark.parametrize("builder", [charts.indicator_bars, charts.indicator_lines])
def test_comparison_builders_accept_no_rows(builder):
    fig = builder(comparable.view_rows(STANDARD, ALL, comparable.View("imports", "level")), ALL, "进口")
    assert fig.layout.title.text and not fig.data
    assert any(a.text == "无数据" for a in fig.layout.annotations)


def test_coverage_heatmap_accepts_empty_facts():
    empty = pd.DataFrame(columns=[name for name, _, _ in COLUMNS["facts"]] + ["source", "published"])
    assert charts.coverage_heatmap(empty).layout.title.text


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


def timeline_dots(fig) -> dict[tuple[str, str, str], list[str]]:
    """(trace name, region, month) -> the event ids in that dot."""
    return {
        (tr.name, c[1], c[2]): c[0].split(",") for tr in fig.data for c in tr.customdata
    }


def test_timeline_title_names_the_regions_and_rows_follow_the_selection():
    fig = charts.timeline(EVENTS, regions=["郑州", "天津"])
    assert fig.layout.title.text == "每季度事件数：郑州、天津"  # 2014-06 to 2024-05: a dot per quarter
    assert list(fig.layout.yaxis.ticktext) == ["郑州", "天津"]
    assert {i for ids in timeline_dots(fig).values() for i in ids} == {"e1", "e2", "e3", "e4"}
    assert fig.layout.xaxis.title.text == "日期" and fig.layout.yaxis.title.text == "地区"
    assert "WenQuanYi Micro Hei" in fig.layout.font.family


def test_timeline_groups_a_regions_events_by_month_with_their_count():
    fig = charts.timeline(EVENTS, regions=["天津"])  # 2024-01 to 2024-05: a dot per month
    assert fig.layout.title.text == "每月事件数：天津"
    dots = timeline_dots(fig)
    # 2024-05-19 and 近日 (published 2024-05) are one 天津 dot of 2 events, its count written in it.
    assert sorted(dots[("事件", "天津", "2024-05")]) == ["e1", "e2"]
    assert dots[("计划", "天津", "2024-01")] == ["e3"]  # 今年 (2024) planned: the year's first month
    actual = next(tr for tr in fig.data if tr.name == "事件")
    at = [c[2] for c in actual.customdata].index("2024-05")
    assert actual.text[at] == "2" and "日期明确 0 · 年份推定 1 · 相对日期 1" in actual.customdata[at][4]


def test_timeline_draws_plans_hollow_at_their_planned_period():
    fig = charts.timeline(EVENTS, regions=ALL)
    dots = timeline_dots(fig)
    assert dots[("计划", "天津", "2024")] == ["e3"] and dots[("计划", "黑龙江", "2024")] == ["e5"]
    assert sorted(dots[("事件", "天津", "2024")]) == ["e1", "e2"]
    planned = next(tr for tr in fig.data if tr.name == "计划")
    assert planned.marker.symbol == "circle-open"
    assert next(tr for tr in fig.data if tr.name != "计划").marker.symbol == "circle"


def test_timeline_end_dots_fit_inside_a_phones_plot_and_ticks_are_enough():
    # At 390 px the last year's dots were cut at the right edge and two ticks (2015, 2020) were drawn.
    ev = charts.events
    fig = charts.timeline(EVENTS, regions=ALL)  # 2014 to 2024, a dot per year
    lo, hi = (pd.Timestamp(x) for x in fig.layout.xaxis.range)
    xs = [pd.Timestamp(x) for tr in fig.data for x in tr.x]
    px_per_day = ev.PHONE_PLOT_PX / (hi - lo).days
    for tr in fig.data:
        for x, size in zip(tr.x, tr.marker.size, strict=True):
            room = min(pd.Timestamp(x) - lo, hi - pd.Timestamp(x)).days * px_per_day
            assert room >= size / 2 + 2, (tr.name, x, room, size)
    months = (max(xs).year - min(xs).year) * 12 + 1
    step = int(fig.layout.xaxis.dtick.lstrip("M"))
    assert 4 <= months / step + 1 <= ev.TARGET_TICKS + 1
    assert ev.x_dtick(pd.Timestamp(2024, 1, 1), pd.Timestamp(2024, 5, 1)) == "M1"


def test_timeline_planned_rings_hold_their_count():
    # The count of a one-event plan (11 px) ran over its 14 px ring.
    ev = charts.events
    fig = charts.timeline(EVENTS, regions=ALL)
    planned = next(tr for tr in fig.data if tr.name == "计划")
    font = planned.textfont.size
    for text, size in zip(planned.text, planned.marker.size, strict=True):
        inside = size - 2 * planned.marker.line.width
        assert inside >= font + 3 and inside >= 0.6 * font * len(text) + 4, (text, size, font)
    for n in (1, 9, 12, 150):
        assert ev.ring_size(n) - 2 * ev.RING_LINE_PX >= max(ev.RING_FONT_PX + 3, 0.6 * ev.RING_FONT_PX * len(str(n)) + 4)


def test_timeline_notes_explain_relative_dates_and_undated_events():
    fig = charts.timeline(EVENTS, regions=ALL)
    notes = " ".join(a.text for a in fig.layout.annotations if a.text)
    assert "1 个事件没有年份" in notes and "来源：科技日报 2024-05" in notes
    assert "相对日期（近日、目前……）没有写明日期，按文章发布时间画出" in notes
    no_relative = charts.timeline(EVENTS[EVENTS["date_precision"] != "relative"], regions=ALL)
    assert "相对日期" not in " ".join(a.text for a in no_relative.layout.annotations if a.text)


def test_timeline_stays_small_for_any_number_of_events_and_regions():
    # 40 regions with 500 events each in three months: one dot per region and month, height capped.
    regions = [f"地区{i}" for i in range(40)]
    rows = [
        event(i * 1000 + j, region, f"2024-0{1 + j % 3}-{1 + j % 28:02d}", relative="", year_inferred=False)
        for i, region in enumerate(regions) for j in range(500)
    ]  # fmt: skip
    fig = charts.timeline(pd.DataFrame(rows), regions=regions)
    assert sum(len(tr.x) for tr in fig.data) == 40 * 3
    assert sum(len(ids) for ids in timeline_dots(fig).values()) == 40 * 500  # every event still drawn
    notes = sum(1 for a in fig.layout.annotations if a.text)
    assert fig.layout.height <= charts.events.MAX_HEIGHT + 18 * notes + 18
    assert charts.timeline(EVENTS, regions=["天津"]).layout.height < fig.layout.height


@pytest.mark.parametrize(
    "first,last,unit", [("2024-01", "2024-12", "month"), ("2022-01", "2024-12", "month"),
                        ("2020-01", "2024-12", "quarter"), ("2004-01", "2024-12", "year")],
)  # fmt: skip
def test_timeline_bins_widen_with_the_span_so_dots_never_overlap(first, last, unit):
    assert charts.events.bin_for(pd.Timestamp(first), pd.Timestamp(last)) == unit
    rows = pd.DataFrame([event(1, "天津", first), event(2, "天津", last)])
    assert set(charts.events.month_groups(rows)["unit"]) == {unit}


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
        assert fig.layout.title.text.startswith("每月事件数") and not fig.data
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


def test_keyword_values_sit_inside_bars_that_hold_them():
    # Outside, a long bar's value ran into the next panel's terms on a phone (0.61 over 国家中心城市).
    fig = charts.keyword_bars(KEYWORDS, ["上饶", "天津", "郑州"], top_n=3)
    assert {tr.textposition for tr in fig.data} == {"auto"} and all(tr.cliponaxis is False for tr in fig.data)


def test_keyword_panels_leave_the_right_columns_terms_room_on_a_phone():
    # 战略性新兴产业, written left of the right panel's axis, ran into the left panel's 0.36 at 390 px
    long = pd.DataFrame(kw("天津", "京津冀协同发展", "滨海") + kw("郑州", "战略性新兴产业", "航空"))
    fig = charts.keyword_bars(long, ["天津", "郑州"], top_n=2)
    plot_px = 358 - 7 * 12 - 20  # the phone's chart less the left column's labels (京津冀协同发展) and a margin
    gap_px = (fig.layout.xaxis2.domain[0] - fig.layout.xaxis.domain[1]) * plot_px
    assert gap_px >= 7 * 12  # seven characters at 12 px
    short = charts.keyword_bars(KEYWORDS, ["上饶", "天津"], top_n=3)
    assert short.layout.xaxis2.domain[0] - short.layout.xaxis.domain[1] == pytest.approx(0.3)  # no wider than needed


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
    cells = {(x, y): c[0] for x, y, c in zip(fig.data[1].x, fig.data[1].y, fig.data[1].customdata, strict=True)}
    assert hm.z[0][0] == pytest.approx(0.8) and cells[("上饶", "联合攻关")] == charts.term_id("上饶", "联合攻关")
    assert cells[("郑州", "联合攻关")] == ""  # a click on a blank cell selects nothing


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


def test_a_region_keeps_its_colour_whatever_else_is_selected():
    from lib.dashboard.charts.common import REGION_PALETTE, region_color

    seed = ["天津", "郑州", "上饶", "黑龙江"]
    assert len({region_color(r) for r in seed}) == 4  # the four seed regions are told apart
    assert all(region_color(r) in REGION_PALETTE for r in seed)
    all_four = keywords_fig(seed)
    without_zhengzhou = keywords_fig(["天津", "上饶", "黑龙江"])
    colours = lambda fig: {tr["name"]: tr["marker"]["color"] for tr in fig.to_dict()["data"]}  # noqa: E731
    assert {k: v for k, v in colours(all_four).items() if k != "郑州"} == colours(without_zhengzhou)


def keywords_fig(regions):
    rows = pd.DataFrame(
        [
            {"scope": "region", "scope_id": r, "term": t, "weight": w, "rank": k}
            for r in regions
            for k, (t, w) in enumerate([("创新", 1.0), ("协同", 0.5)], start=1)
        ]
    )
    return charts.keyword_bars(rows, regions)


def test_coverage_heatmap_from_every_regions_counts_equals_one_counted_for_the_selection():
    # The Overview counts every region once per build and takes the selected ones on a filter change.
    counts = charts.coverage_counts(FACTS)
    for regions in (ALL, ALL[:2], [ALL[3], ALL[1]], ["黑龙江"]):
        assert charts.coverage_heatmap(FACTS, regions, counts=counts).to_json() == charts.coverage_heatmap(FACTS, regions).to_json()


def test_month_groups_read_the_drawn_dates_when_the_rows_carry_them():
    rows = EVENTS.assign(drawn_at=[charts.event_timestamp(d) for d in EVENTS["date"]])
    pd.testing.assert_frame_equal(charts.events.month_groups(rows), charts.events.month_groups(EVENTS))


def test_a_revised_figure_beside_a_first_release_is_said_to_be_one():
    # 郑州's 2023 GDP drawn from its 2024 communiqué (published 2025: revised after the census) beside 上饶's
    # preliminary one from the 2023 communiqué (published 2024)
    from lib.dashboard.charts.compare import revised_regions

    rows = pd.DataFrame({"region": ["郑州", "上饶"], "period": ["2023", "2023"], "published": ["2025-03-28", "2024-03-30"]})
    assert revised_regions(rows) == ["郑州"]
    assert revised_regions(rows.assign(published=["2024-04-01", "2024-03-30"])) == []


def test_a_hover_writes_the_value_as_the_label_does_and_names_the_period_then_the_region():
    # the browser review of 2026-12-04: a hover read 1.802e+4 亿元 for 天津's 18,024, and the lines' hover 天津 · 天津
    bars = charts.indicator_bars(view_rows(STANDARD, ALL, GDP), ALL, "地区生产总值")
    lines = charts.indicator_lines(comparable.period_series(STANDARD, ALL, GDP), ALL, "地区生产总值")
    for template in (bars.data[0].hovertemplate, lines.data[0].hovertemplate):
        assert "%{y:,.2~f}" in template and "~g" not in template
    assert lines.data[0].hovertemplate.startswith("<b>%{x}</b> · %{fullData.name}")  # 2024 · 天津
