"""Rules written on the fresh communiqués (gold/official/fresh: 石家庄 2024, 果洛 2023), each tested on the real
sentences that showed the failure (tests/corpus/official). The whole texts are scored by tests/test_gold_official.py."""

from __future__ import annotations

from lib.extract import facts
from lib.model import Article

GUOLUO = dict(region="果洛", province="青海", title="果洛藏族自治州2023年国民经济和社会发展统计公报", published="2024-04-19")
SHIJIAZHUANG = dict(region="石家庄", province="河北", title="石家庄市2024年国民经济和社会发展统计公报", published="2025-04-19")


def _facts(text: str, doc: dict) -> dict[str, dict]:
    article = Article(
        article_id="t", input_file="t.txt", content_hash="h", source="", published=doc["published"],
        title=doc["title"], text=text, region=doc["region"], province=doc["province"], level="prefecture",
    )  # fmt: skip
    return {f["raw"]: f for f in facts.extract(article)}


def test_a_numbered_heading_on_a_one_line_page_ends_the_carried_period_and_subject():
    # The page keeps no line breaks: 上年 of the ratio sentence was carried into every later section.
    got = _facts(
        "三次产业比由上年18.87：34.20：46.93转变为15.20:43.12:41.68。 二、农牧业 全州不断创新发展理念，农牧业生产稳中有增。"
        "完成农牧业总产值121151.86万元，同比增长4.67%。",
        GUOLUO,
    )
    assert got["121151.86万元"]["period"] == "2023" and got["4.67%"]["period"] == "2023"
    # 石家庄: 视察河北 in the opening made 河北 the subject of the whole 综合 section.
    got = _facts(
        "2024年，全市上下深入贯彻习近平总书记视察河北、视察石家庄重要讲话和重要指示精神，现代化步伐迈出坚实步伐。 "
        "一、综 合 初步核算，全年全市生产总值8203.4亿元，按不变价格计算，比上年增长5.5%。",
        SHIJIAZHUANG,
    )
    assert got["8203.4亿元"]["region"] == "石家庄" and got["5.5%"]["region"] == "石家庄"


def test_a_sub_heading_sentence_ends_the_carried_year_end():
    got = _facts(
        "全州总户数79283户，年末常住人口22.2万人，其中藏族人口203661人，占总人口的91.74%。全州常住人口城镇化率36.94%。"
        " 全体居民收入情况。 全体居民人均可支配收入20603元，同比增长7.2%。",
        GUOLUO,
    )
    assert got["36.94%"]["period"] == "2023-12"  # the same paragraph
    assert got["20603元"]["period"] == "2023" and got["20603元"]["indicator_id"] == "disposable_income"


def test_the_structure_ratio_changed_from_last_years():
    got = _facts("三次产业比由上年18.87：34.20：46.93转变为15.20:43.12:41.68。", GUOLUO)
    assert [(got[r]["kind"], got[r]["indicator_id"], got[r]["period"]) for r in ("18.87", "46.93", "15.20", "41.68")] == [
        ("share_pct", "gdp_primary", "2022"),
        ("share_pct", "gdp_tertiary", "2022"),
        ("share_pct", "gdp_primary", "2023"),
        ("share_pct", "gdp_tertiary", "2023"),
    ]


def test_a_place_opening_a_registered_firms_name_is_not_the_figures_region():
    got = _facts(
        "从规模以上工业看： 全州规模以上企业青海威斯特铜业有限责任公司完成工业增加值同比下降22.65%；"
        "国有企业果洛州供电公司完成工业增加值同比增长13.96%。",
        GUOLUO,
    )
    firm = got["22.65%"]
    assert firm["region"] == "果洛" and firm["scope"] == "organisation"
    assert firm["indicator_id"] == "" and got["13.96%"]["indicator_id"] == ""  # one firm's figure is not the region's


def test_a_completion_verb_inside_a_name():
    got = _facts(
        "其中：第一产业完成增加值102116.70万元，同比增长4.7%；第二产业完成增加值289761.37万元，同比下降2.2%。"
        "其中：规模以上完成工业增加值同比下降5.6%；规模以下完成工业增加值同比增长11.98%。"
        "从三次产业投资完成情况看： 第一产业完成投资同比增长31.38%；第二产业完成投资同比下降11.84%。",
        GUOLUO,
    )
    assert [got[r]["indicator_id"] for r in ("102116.70万元", "4.7%", "289761.37万元", "31.38%", "11.84%")] == [
        "gdp_primary", "gdp_primary", "gdp_secondary", "fai_primary", "fai_secondary",
    ]  # fmt: skip
    assert got["5.6%"]["indicator_id"] == "industry_above_size"
    assert got["11.98%"]["indicator_id"] == ""  # 规模以下 is a part of industry


def test_a_sectors_share_of_gdp_is_the_sectors():
    got = _facts("第一产业增加值占生产总值比重为7.0%；第二产业增加值比重为28.9%。", SHIJIAZHUANG)
    assert got["7.0%"]["indicator_id"] == "gdp_primary" and got["28.9%"]["indicator_id"] == "gdp_secondary"
    got = _facts("从三次产业结构看：第一产业占地区生产总值的比重为15.20%，同比降低3.67个百分点；第二产业比重为43.12%。", GUOLUO)
    assert got["15.20%"]["indicator_id"] == "gdp_primary" and got["3.67个百分点"]["indicator_id"] == "gdp_primary"


def test_a_total_word_after_a_trade_flow_is_not_its_object():
    got = _facts("其中，出口总值810.5亿元，增长4.7%；进口总值508.7亿元，增长9.0%。", SHIJIAZHUANG)
    assert (got["810.5亿元"]["indicator"], got["810.5亿元"]["indicator_id"]) == ("出口总值", "exports")
    assert (got["9.0%"]["indicator"], got["9.0%"]["indicator_id"]) == ("进口总值", "imports")


def test_a_second_respectively_list_pairs_with_its_own_items():
    got = _facts(
        "其中：食品烟酒类、衣着类、教育文化娱乐类、医疗保健类和其他用品及服务类价格分别上涨0.3%、0.5%、0.2%、1.8%和3.3%；"
        "居住类和交通通信类价格分别下降0.1%和2.9%；生活用品及服务类价格持平。",
        GUOLUO,
    )
    assert "衣着" in got["0.5%"]["indicator"]
    assert "居住" in got["0.1%"]["indicator"] and "交通通信" in got["2.9%"]["indicator"]


def test_a_bracket_names_what_a_generic_share_measures():
    got = _facts(
        "其中，城镇常住人口817.19万人，比上年末增加5.27万人；占总人口比重（常住人口城镇化率）为72.66%，比上年末提高0.38个百分点。",
        SHIJIAZHUANG,
    )
    assert got["72.66%"]["indicator_id"] == "urbanization_rate" and got["0.38个百分点"]["indicator_id"] == "urbanization_rate"
    assert got["817.19万人"]["indicator_id"] == ""  # 城镇常住人口 is a part of the population


def test_a_table_caption_and_a_census_name_are_no_figures():
    got = _facts(
        "上年同期数据 - 2020七人普 > 下辖地区 高邑县。 表12024年主要农产品产量及增长速度 三、工业和建筑业 全年全市规模以上工业增加值比上年增长9.1%。",
        SHIJIAZHUANG,
    )
    assert "12024年" not in got and "七人" not in got and got["9.1%"]["indicator_id"] == "industry_above_size"


def test_valid_patents_are_counted_at_the_years_end():
    got = _facts("全年全市专利授权20963件，有效发明专利21706件，每万人发明专利拥有量20.4件。", SHIJIAZHUANG)
    assert got["20963件"]["period"] == "2024"  # granted in the year
    assert got["21706件"]["period"] == "2024-12" and got["20.4件"]["period"] == "2024-12"


def test_old_and_local_names_of_standard_indicators():
    got = _facts(
        "全州完成地方公共财政预算收入35732万元，同比增长21.44%。地方公共财政预算支出1188241万元，同比增长18.88%。"
        "全州网络零售额1012.2万元，同比增长269.6%。全体居民人均消费性支出15080元，同比增长14.9%。城镇登记失业率2%。",
        GUOLUO,
    )
    assert [got[r]["indicator_id"] for r in ("35732万元", "1188241万元", "1012.2万元", "15080元", "2%")] == [
        "budget_revenue", "budget_expenditure", "online_retail", "consumption_per_capita", "registered_unemployment_rate",
    ]  # fmt: skip


def test_family_planning_is_no_plan():
    got = _facts("全州卫生机构267个，其中妇幼保健和计划生育服务中心7个，中心血站1所，村卫生室188个。", GUOLUO)
    assert got["7个"]["kind"] == "level" and got["188个"]["kind"] == "level"
