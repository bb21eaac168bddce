"""Scope, basis and period of a figure, on real sentences of the shipped texts (the seed page and the
official communiqués in data/raw): what a comparison of regions may use."""

from __future__ import annotations

import pytest

from lib.extract import facts, regions, scopes
from tests.test_facts import _article

TIANJIN = regions.lookup("天津")


def _fact(sentence: str, raw: str, region: str = "天津", province: str = "天津", **article) -> dict:
    rows = facts.extract(_article(sentence, region=region, province=province, **article))
    [row] = [r for r in rows if r["raw"] == raw]
    return row


@pytest.mark.parametrize(
    "sentence, raw, scope, subject",
    [
        # Tianjin 2024 communiqué: a park and a lab, each named before what it counts.
        ("天开高教科创园“一核两翼多点”布局持续拓展，注册科技型企业累计超过2600家。", "超过2600家", "part", "天开高教科创园"),
        ("全国重点实验室达到17家，荣获国家科学技术奖20项，海河实验室累计孵化引进企业97家。", "97家", "organisation", "海河实验室"),
        # A national designation of the region's own labs: still Tianjin's count.
        ("全国重点实验室达到17家，荣获国家科学技术奖20项，海河实验室累计孵化引进企业97家。", "17家", "region", ""),
        # Shangrao 2024: all the city's parks together, all its insurers: the region's totals.
        ("年末全市工业园区投产企业2301家，比上年增加23家。", "2301家", "region", ""),
        ("全年全市保险公司保费收入94.8亿元，比上年增长1.5%。", "94.8亿元", "region", ""),
        # The seed page: the three regions' joint fund, and a peer set of cities.
        ("之前三地支持资金规模是每年1200万元，今年计划增加到3000万元。", "1200万元", "group", "三地"),
        (
            "今年一季度，郑州经济实现“开门红”，增速在9个国家中心城市、6个中部省会城市中居首位。",
            "6个",
            "nation",
            "国家中心城市",
        ),
    ],
)
def test_scope_of_real_figures(sentence, raw, scope, subject):
    row = _fact(sentence, raw)
    assert (row["scope"], row["subject"]) == (scope, subject)


def test_a_comparison_base_is_not_the_figures_scope():
    s = "全市居民人均可支配收入增长5.5%，高于全国平均水平0.2个百分点。"
    assert scopes.scope_at(s, s.index("0.2"), "", TIANJIN) == scopes.REGION


def test_every_scope_word_row_is_valid():
    words, suffixes, generic = scopes._words()
    assert {s for _, s in words + suffixes} <= set(scopes.SCOPES)
    assert "工业" in generic and ("园区", "part") in suffixes


def test_cumulative_and_average_annual_figures_are_marked():
    # Seed page, 郑州.
    s = "郑州建设“网上丝绸之路”，全市跨境电商交易额累计超6000亿元，年均增长20%以上，位居全国165个综合试验区城市第一方阵。"
    assert _fact(s, "超6000亿元", "郑州", "河南")["basis"] == "cumulative"
    assert _fact(s, "20%以上", "郑州", "河南")["basis"] == "average_annual"
    since = "从2014年起，京津冀三地科技部门累计实施京津冀基础研究合作专项177项。"
    row = _fact(since, "177项")
    assert (row["period"], row["basis"], row["scope"]) == ("since-2014", "cumulative", "group")


def test_a_target_says_what_it_measures():
    row = _fact("之前三地支持资金规模是每年1200万元，今年计划增加到3000万元。", "3000万元", published="2024-05")
    assert (row["kind"], row["target_kind"]) == ("target", "level")
    row = _fact("全市地区生产总值预期增长5%左右。", "5%左右", published="2024-02")
    assert (row["kind"], row["target_kind"], row["indicator_id"]) == ("target", "change_pct", "gdp")


COMMUNIQUE = "2024年天津市国民经济和社会发展统计公报"


def test_a_communiques_figures_are_of_its_year_not_of_publication():
    text = "全年全市地区生产总值18024.32亿元，比上年增长5.1%。\n其中，第一产业增加值284.28亿元。"
    rows = facts.extract(_article(text, title=COMMUNIQUE, published="2025-03-21", region="天津", province="天津"))
    assert [(r["raw"], r["period"], r["indicator_id"]) for r in rows] == [
        ("18024.32亿元", "2024", "gdp"),
        ("5.1%", "2024", "gdp"),  # 比上年 is the base of the comparison, not the period
        ("284.28亿元", "2024", "gdp_primary"),  # a new paragraph with no period: the report's year
    ]


def test_year_end_stocks_are_of_december():
    text = "年末全市常住人口1364.00万人，比上年末减少0.70万人。"
    rows = facts.extract(_article(text, title=COMMUNIQUE, published="2025-03-21", region="天津", province="天津"))
    assert [(r["raw"], r["period"]) for r in rows] == [("1364.00万人", "2024-12"), ("0.70万人", "2024-12")]
    assert rows[0]["indicator_id"] == "resident_population"


def test_news_figures_without_a_period_stay_without_one():
    row = _fact("科技园的企业总数已超5000家。", "超5000家", published="2024-05")
    assert row["period"] == ""


def test_an_absolute_change_is_not_a_level():
    # Shangrao 2024 communiqué: the population is 635.1万, the 4.5万 is its fall.
    text = "年末常住人口635.1万人，比上年末减少4.5万人。"
    title = "2024年上饶市国民经济和社会发展统计公报"
    rows = facts.extract(_article(text, title=title, published="2025-04", region="上饶", province="江西"))
    assert [(r["raw"], r["kind"], r["indicator_id"], r["period"]) for r in rows] == [
        ("635.1万人", "level", "resident_population", "2024-12"),
        ("4.5万人", "change_abs", "resident_population", "2024-12"),
    ]


def test_a_share_of_the_national_total_is_the_regions_figure():
    # The construction issue 9 names (约全国四分之一): the region's share, compared with the nation.
    row = _fact("广东地区生产总值约占全国四分之一。", "四分之一", "广东", "广东")
    assert (row["scope"], row["kind"], row["value_base"]) == ("region", "share_pct", 25.0)
    assert row["region"] == "广东"
