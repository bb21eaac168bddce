"""Chart builders: pure DataFrame -> Figure, checked on facts built by code."""

from __future__ import annotations

import pandas as pd
import pytest

from lib import charts
from lib.charts import Measure
from lib.schema import COLUMNS


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
