"""Rules that let figures of two regions be set side by side (the same standard indicator), written on the misses of
`fresh2` (株洲 2023, 东营 2024) and `reports3` (克孜勒苏's analysis, 黄石's budget report) once those sets were
disclosed (gold/official/README.md, gold/reports3/README.md). Each test runs the real sentence of the committed text
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
