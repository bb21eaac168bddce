"""Period expressions resolved against the publication year."""

from __future__ import annotations

import pytest

from lib.extract import periods
from lib.extract.periods import find_periods, period_for


@pytest.mark.parametrize(
    "sentence,anchor,expected",
    [
        ("2023年天津市吸纳来自北京的技术合同额152亿元", "2024", "2023"),
        ("今年一季度，郑州地区生产总值同比增长6.2%", "2024", "2024-Q1"),
        ("今年1-6月，四川省外商直接投资到资20.27亿美元", "2022", "2022-H1"),  # 1-6月 is the half-year (periods.canonical)
        ("2021年1—8月，江苏外贸进出口增长", "", "2021-01..2021-08"),
        ("从2014年起，累计实施合作专项177项", "2024", "since-2014"),
        ("自2014年6月开通以来，通达24个国家", "2024", "since-2014"),
        ("之前三地支持资金规模是每年1200万元", "2024", "每年"),
        ("前三季度，广东GDP增长9.7%", "2021", "2021-Q1-Q3"),
        ("上半年泉州GDP总量5400亿元", "2022", "2022-H1"),
        ("去年全市GDP增长8%", "2022", "2021"),
        ("全市GDP增长8%", "2022", ""),
    ],
)
def test_period_for_figure_at_end(sentence, anchor, expected):
    assert period_for(sentence, len(sentence), anchor) == expected


def test_nearest_period_before_the_figure_wins():
    s = "2022年增长5%，2023年增长7%"
    assert period_for(s, s.index("7%"), "") == "2023"
    assert period_for(s, s.index("5%"), "") == "2022"


@pytest.mark.parametrize("sentence", ["之前三地支持资金", "一季度" * 0 + "前三名企业", "5月19日，公司签约"])
def test_non_periods(sentence):
    assert [p.period for p in find_periods(sentence, "2024") if p.period != "2024"] == []


@pytest.mark.parametrize(
    "sentence,period",
    [
        ("前10个月，全市出口增长5%。", "2024-01..2024-10"),
        ("首十個月零售業總銷貨價值按年下跌7.3%。", "2024-01..2024-10"),  # Hong Kong, first ten months
        ("第三季本地生產總值按年實質增長1.8%。", "2024-Q3"),  # Hong Kong: 季 without 度
        ("10月份，规模以上工业增加值比上月增长0.3%。", "2024-10"),
        ("2024年3月，全市新能源汽车产量增长12%。", "2024-03"),
    ],
)
def test_month_and_quarter_forms(sentence, period):
    from lib.extract import script

    assert [p.period for p in find_periods(script.simplified(sentence), "2024")] == [period]


@pytest.mark.parametrize(
    "a, b",
    [
        # 四川 2022 (dev): '1-6月' in the text, '上半年' in another region's release: one half-year
        ("1-6月，全省外商直接投资到资20.27亿美元", "上半年全省外商直接投资到资20.27亿美元"),
        ("1-3月全市规模以上工业增加值增长5.1%", "一季度全市规模以上工业增加值增长5.1%"),
        ("1-9月全市固定资产投资增长3.2%", "前三季度全市固定资产投资增长3.2%"),
        ("1-12月全市社会消费品零售总额增长6%", "全年全市社会消费品零售总额增长6%"),
    ],
)  # fmt: skip
def test_a_span_from_january_is_the_quarter_half_or_year_it_equals(a, b):
    # the dashboard keys comparisons on the period: two spellings of one period must be one period
    assert periods.period_for(a, len(a) - 2, "2022") == periods.period_for(b, len(b) - 2, "2022") != ""
    assert periods.canonical("2022-01..2022-08") == "2022-01..2022-08"  # no shorter name: kept
