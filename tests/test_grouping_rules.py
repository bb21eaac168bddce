"""Rules that let figures of two regions be set side by side (the same standard indicator), written on the misses of
`fresh2` (株洲 2023, 东营 2024) and `reports3` (克孜勒苏's analysis, 黄石's budget report) once those sets were
disclosed (gold/official/README.md, gold/reports3/README.md), and of `fresh3` (铜川 2024, 普洱 2023, 铜仁 2025) after its blind
score of 2026-12-03. Each test runs the real sentence of the committed text
and, where the construction is common, a sentence written here in another shape."""

from __future__ import annotations

import pytest

from lib.extract import facts
from lib.model import Article


def _facts(text: str, region: str, province: str, title: str = "") -> list[dict]:
    article = Article(
        article_id="t", input_file="t.txt", content_hash="h", source="", published="2025-03-01",
        title=title or f"{region}市2024年国民经济和社会发展统计公报", text=text, region=region, province=province,
        level="prefecture",
    )  # fmt: skip
    return facts.extract(article)


def _ids(rows: list[dict]) -> dict[str, tuple[str, str]]:
    return {r["raw"]: (r["kind"], r["indicator_id"]) for r in rows}


@pytest.mark.parametrize(
    "sentence, region, province",
    [
        ("三次产业结构分别为7.5:44.0:48.5。", "株洲", "湖南"),  # 株洲 2023: 分别 before 为
        ("三次结构比为14.4：29.6：56.0。", "达州", "四川"),  # written: 产业 left out
        ("三次产业增加值结构为5.1：44.0：50.9。", "达州", "四川"),  # written: the measure named inside
    ],
)
def test_a_structure_ratio_written_another_way_gives_the_sectors_shares_of_gdp(sentence, region, province):
    got = [(r["kind"], r["indicator_id"]) for r in _facts(sentence, region, province)]
    assert got == [("share_pct", "gdp_primary"), ("share_pct", "gdp_secondary"), ("share_pct", "gdp_tertiary")]


def test_a_structure_ratio_after_the_sectors_investment_is_the_structure_of_investment():
    # 东营 2024, 六、固定资产投资: the shares of investment, not of GDP
    text = "分产业看，第一产业投资增长43.0%，第二产业投资增长4.8%，第三产业投资增长7.5%，三次产业占比为2.2：60.2：37.6。"
    got = _ids(_facts(text, "东营", "山东"))
    assert got["43.0%"] == ("change_pct", "fai_primary")
    assert [got[v] for v in ("2.2", "60.2", "37.6")] == [
        ("share_pct", "fai_primary"), ("share_pct", "fai_secondary"), ("share_pct", "fai_tertiary"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    "sentence, region, province, raw, indicator_id",
    [
        ("年末，金融机构存款余额4711.5亿元，增长11.1%。", "株洲", "湖南", "4711.5亿元", "deposits"),  # 株洲 2023
        ("年末，金融机构存款余额4711.5亿元，增长11.1%。", "株洲", "湖南", "11.1%", "deposits"),
        ("本外币贷款余额4661.63亿元，比年初增加485.57亿元。", "东营", "山东", "4661.63亿元", "loans"),  # 东营 2024
    ],
)
def test_the_whole_deposits_and_loans_named_with_their_institutions_or_currencies(
    sentence, region, province, raw, indicator_id
):
    assert _ids(_facts(sentence, region, province))[raw][1] == indicator_id


def test_a_narrower_sector_is_no_tertiary_sector():
    # 东营 2024: 现代服务业 is a part of the services, not 服务业增加值 (gdp_tertiary)
    got = _ids(_facts("全年现代服务业增加值849.19亿元，增长4.8%。", "东营", "山东"))
    assert got == {"849.19亿元": ("level", ""), "4.8%": ("change_pct", "")}
    assert _ids(_facts("全年服务业增加值849.19亿元，增长4.8%。", "东营", "山东"))["849.19亿元"][1] == "gdp_tertiary"


def test_the_items_of_a_narrowed_total_in_the_next_sentence_are_the_parts_too():
    # 黄石 2025 budget report: 市直 is the city government's own budget; its 其中 items are not the city's tax revenue
    text = (
        "2025年市直一般公共预算收入完成608975万元，为预算数的101.5%，增长15.35%。其中：税收收入完成362466万元，"
        "增长19.69%；非税收入完成246509万元，增长9.52%。"
    )
    got = _ids(_facts(text, "黄石", "湖北", "关于黄石市2025年预算执行情况和2026年预算草案的报告"))
    assert got["362466万元"] == ("level", "") and got["19.69%"] == ("change_pct", "")
    whole = "2025年全市一般公共预算收入完成213.5亿元，增长12.3%。其中：税收收入完成150亿元，增长10.0%。"
    got = _ids(_facts(whole, "黄石", "湖北", "关于黄石市2025年预算执行情况和2026年预算草案的报告"))
    assert got["150亿元"] == ("level", "tax_revenue")  # the items of the whole region's total stay the region's


KIZILSU_COUNTIES = (
    "从县市看，乌恰县地区生产总值62.70亿元，同比增长10.9%，占全州GDP的比重为23.0%，拉动全州GDP增长2.3个百分点，"
    "是经济增长的重要引擎。"
)


def test_a_countys_share_of_its_prefecture_is_no_gdp_share():
    # 克孜勒苏 2025: the county's share of the prefecture's GDP measures another whole than a region's own GDP shares
    rows = [r for r in _facts(KIZILSU_COUNTIES, "克孜勒苏", "新疆") if r["raw"] == "23.0%"]
    assert rows and rows[0]["region"] == "乌恰" and rows[0]["indicator_id"] == ""
    own = "全州第三产业增加值159.91亿元，占全州GDP的比重为58.8%。"
    assert _ids(_facts(own, "克孜勒苏", "新疆"))["58.8%"] == ("share_pct", "gdp_tertiary")


def test_a_bare_growth_word_after_a_level_is_that_levels_growth():
    # 克孜勒苏 2025: 增速高于全州11.9个百分点 is the gap of the county's agricultural output growth
    text = "乌恰县农林牧渔业总产值同比增长17.6%，增速高于全州11.9个百分点，占全州的10.2%。"
    rows = {r["raw"]: r for r in _facts(text, "克孜勒苏", "新疆")}
    assert (rows["11.9个百分点"]["kind"], rows["11.9个百分点"]["indicator_id"]) == ("change_pp", "agriculture_output")
    assert rows["11.9个百分点"]["indicator"] == "农林牧渔业总产值"
    # a count after 增速 is no growth (郑州, the seed page)
    seed = "规模以上工业增加值同比增长15%，连续11个月居全省首位，增速在9个国家中心城市中居首位。"
    assert {r["raw"]: r["indicator"] for r in _facts(seed, "郑州", "河南")}["9个"] != "居全省"


# --- written on fresh3's misses (2026-12-03) ------------------------------------------------------------------------


def test_the_of_which_items_of_a_class_of_the_economy_are_the_classs():
    # 普洱 2023, 二、民营经济: the sectors after 其中 are the private economy's, not the city's gdp_primary…
    text = (
        "全市民营经济实现增加值602.16亿元，比上年增长3.8%，占全市地区生产总值比重为55.2%，比上年提高0.4个百分点。"
        "其中，第一产业增加值225.09亿元，增长4.3%；第二产业增加值122.58亿元，下降4.4%；第三产业增加值254.49亿元，增长7.5%。"
    )
    got = _ids(_facts(text, "普洱", "云南"))
    assert all(got[r][1] == "" for r in ("225.09亿元", "4.3%", "122.58亿元", "4.4%", "254.49亿元", "7.5%"))
    # the share's change names no standard measure either (not 地区生产总值's)
    assert got["0.4个百分点"] == ("change_pp", "")
    # written: the same 其中 after the whole GDP keeps the sectors' ids
    own = "全市地区生产总值1090.91亿元，增长3.6%。其中，第一产业增加值272.75亿元，增长4.5%。"
    assert _ids(_facts(own, "普洱", "云南"))["272.75亿元"] == ("level", "gdp_primary")


def test_a_contribution_to_growth_is_no_partner_of_a_flow():
    # 普洱 2023: 对经济增长的贡献率 named no partner, so the structure ratio after it keeps its ids
    text = "三次产业对经济增长的贡献率分别为32.4%、-25.8%、93.4%，三次产业结构为25.0:22.9:52.1。"
    got = _ids(_facts(text, "普洱", "云南"))
    assert [got[v][1] for v in ("25.0", "22.9", "52.1")] == ["gdp_primary", "gdp_secondary", "gdp_tertiary"]


def test_a_bare_share_after_an_items_growth_is_the_items_share_of_its_whole():
    # 普洱 2023: 工业投资增长26.1%，占比15.0% is industry's share of the investment
    text = "工业投资增长26.1%，占比15.0%；民间投资增长15.5%，占比32.9%。"
    got = _ids(_facts(text, "普洱", "云南"))
    assert got["15.0%"] == ("share_pct", "fai_industry") and got["32.9%"] == ("share_pct", "fai_private")
    # 克孜勒苏 2025: a county's GDP 占比 is its share of the prefecture's: no id (gdp is no item of a whole)
    county = "阿图什市实现地区生产总值108.61亿元，增长5.1%，占比39.9%。"
    assert _ids(_facts(county, "克孜勒苏", "新疆"))["39.9%"] == ("share_pct", "")


def test_the_investment_said_with_its_coverage_is_the_standard_investment():
    # 铜仁 2025: 500万元及以上口径 is the usual coverage, and the sectors after 其中 are the whole investment's
    text = (
        "500万元及以上口径固定资产投资（含跨区项目投资）同比增长18.9%。其中，第一产业投资同比下降1.0%；"
        "第二产业投资同比增长26.3%；第三产业投资同比增长17.8%。"
    )
    got = _ids(_facts(text, "铜仁", "贵州"))
    assert got["18.9%"] == ("change_pct", "fixed_asset_investment")
    assert [got[v][1] for v in ("1.0%", "26.3%", "17.8%")] == ["fai_primary", "fai_secondary", "fai_tertiary"]


def test_the_change_of_industrys_share_of_gdp_is_industrys():
    # 铜仁 2025: 全部工业增加值比重为15.8%，比上年上升0.8个百分点
    text = "全部工业增加值比重为15.8%，比上年上升0.8个百分点。"
    got = _ids(_facts(text, "铜仁", "贵州"))
    assert got["15.8%"] == ("share_pct", "industry_value_added")
    assert got["0.8个百分点"] == ("change_pp", "industry_value_added")


# --- what a change in points is of (a browser review of the default data, 2026-12-03) -----------------------------


@pytest.mark.parametrize(
    "sentence, raw, of, basis",
    [
        ("按不变价格计算，比上年增长5.1%，增速比上年加快0.6个百分点。", "0.6个百分点", "growth", ""),  # 天津 2024
        ("三次产业结构为9.5：38.8:51.7，第二产业占比较上年提高0.2个百分点。", "0.2个百分点", "share", ""),  # 上饶 2024
        ("城镇化率为86.01%，比上年末提高0.52个百分点。", "0.52个百分点", "share", ""),  # 天津 2024
        ("全年工业生产者购进价格下降2.0%，比上年收窄2.0个百分点。", "2.0个百分点", "growth", ""),  # 天津: after a growth
        ("民间投资增长7.6%，快于全市投资4.5个百分点。", "4.5个百分点", "growth", "versus"),  # 天津: a gap
        ("规模以上工业企业资产负债率76.9%，比上年末提高12.9个百分点。", "12.9个百分点", "share", ""),  # 中卫 2023
        ("两项比重分别为30.0%和25.1%，分别比上年提高0.4个和0.1个百分点。", "0.1个百分点", "share", ""),  # written
    ],
)
def test_a_change_in_points_says_what_changed_and_a_gap_is_no_change(sentence, raw, of, basis):
    row = next(r for r in _facts(sentence, "天津", "天津") if r["raw"] == raw)
    assert (row["kind"], row["target_kind"], row["basis"]) == ("change_pp", of, basis)
