"""What a crawl leaves in a communiqué (tests/corpus/official/README.md). Flattened tables: cells in a row, often run
together (139.9420.1 is 139.94 and 20.1), whose numbers are no figures while the prose around them keeps its own
(facts.table_spans). Footnote markers after a name (地区生产总值[1]567.85亿元), which must not hide the name. The real
sentences come from 台州's and 白山's communiqués (in no gold set) and 果洛's (fresh, tuning); both classes showed in the
holdout's false hits and wrong fields, read to report failure classes (README, Quality). Also names those
communiqués write in their own way (城镇调查失业率平均值, 三次产业结构比为 …), from 重庆's and 白山's (in no gold set)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lib import paths
from lib.extract import clauses, facts
from lib.model import Article

CORPUS = Path(__file__).parent / "corpus" / "official"
RAW_OFFICIAL = paths.RAW_DIR / "official"


def _facts(text: str, region: str = "台州", province: str = "浙江") -> list[dict]:
    article = Article(
        article_id="t", input_file="t.txt", content_hash="h", source="", published="2024-04-01",
        title=f"{region}市2023年国民经济和社会发展统计公报", text=text, region=region, province=province,
        level="prefecture",
    )  # fmt: skip
    return facts.extract(article)


def _raws(text: str, region: str = "台州", province: str = "浙江") -> list[str]:
    return [f["raw"] for f in _facts(text, region, province)]


TAIZHOU_TABLE = (
    "表12023年台州市规模以上工业主要产品产量及增长速度 产品名称 单位 产量 比2022年增长（%） 电动自行车 万辆 347.24 -18 "
    "汽车 万辆 13.24 -34.0 摩托车整车 万辆 139.9420.1 电工仪器仪表 万台 409.8339.3 交流电动机 万千瓦 2483.758.5 "
    "啤酒 万千升 31.161.0 全市规模以上工业企业产品产销率为98%；新产品产值2555.61亿元，比上年增长0.6%。"
)
BAISHAN_TABLE = (
    "表12024年居民消费价格总指数 上年=100 指 标 全 市 居民消费价格总指数 100.3 食品烟酒 99.9 衣着 100 居住 100.1 "
    "生活用品及服务 100.6 交通和通信 98.1 教育文化和娱乐 102.9 医疗保健 101.3 其他用品和服务 103.4 "
    "全市完成全口径财政收入51.39亿元，同比下降8.5%。"
)


def test_a_flattened_table_gives_no_figures_and_the_prose_after_it_keeps_its_own():
    raws = _raws(TAIZHOU_TABLE)
    assert not {"347.24", "139.9420.1", "万辆", "13.24"} & set(raws)
    assert {"98%", "2555.61亿元", "0.6%"} <= set(raws)


def test_a_price_index_table_gives_no_figures():
    raws = _raws(BAISHAN_TABLE, "白山", "吉林")
    assert raws == ["51.39亿元", "8.5%"]


BAISHAN_INVESTMENT_TABLE = (
    "表22024年分行业固定资产投资（不含农户）增长速度 行 业 比上年增长（%） 农、林、牧、渔业 188.1 采矿业 41.0 制造业 -29.8 "
    "电力、热力、燃气及水生产和供应业 -46.1 交通运输、仓储和邮政业 64.9 住宿和餐饮业 -57.7 租赁和商务服务业 -43.0 "
    "科学研究和技术服务业 -6.6 全市完成全口径财政收入51.39亿元，同比下降8.5%。"
)


def test_a_row_name_listing_its_parts_stays_in_the_table():
    # 白山's investment table: 农、林、牧、渔业 188.1 — the 、 inside a row's name is no clause break
    assert _raws(BAISHAN_INVESTMENT_TABLE, "白山", "吉林") == ["51.39亿元", "8.5%"]


def test_a_tables_numbered_rows_stay_in_the_table():
    # 台州's CPI table: 一、食品烟酒 … 二、衣着 -1.4 三、居住 -2.1: the numbering is no clause break.
    text = "表2 居民消费价格涨跌幅度 指标 比上年涨跌（%） 一、食品烟酒 0.3 粮食 0.5 鲜菜 0.3 二、衣着 -1.4 三、居住 -2.1 四、生活用品 0.2"
    assert _raws(text) == []


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # crawled noise inside a sentence is no table: too few lone numbers, or clause marks between them
        ("全年粮食产量 2. 3 亿 吨，比上年增长 1 . 5 %。", {"1 . 5 %"}),
        ("全年生产总值 5000 亿元 ，增长 5 %， 其中 一产 300 亿元 ， 二产 2000 亿元 。", {"5000 亿元", "300 亿元"}),
        # 果洛's communiqué (gold/official/fresh): a number then its unit is prose, though no clause mark is between
        ("客运站 35 个，其中一级站 1 个、三级站 5 个、四级站 3 个、五级站 26 个；客运车辆61辆。", {"1 个", "5 个", "26 个"}),
    ],
)
def test_spaced_numbers_in_prose_are_still_figures(sentence, expected):
    assert expected <= set(_raws(sentence))


def test_no_figure_of_a_communique_reads_two_table_cells_run_together():
    two_points = re.compile(r"\d+\.\d+\.\d")
    for path in sorted([*CORPUS.glob("*.txt"), *RAW_OFFICIAL.glob("*.txt")]):
        raws = _raws(path.read_text(encoding="utf-8"))
        assert raws, path.name
        assert not [r for r in raws if two_points.search(r)], path.name


def test_a_footnote_marker_after_a_name_does_not_hide_it():
    # 白山 2024: the GDP and its growth get the GDP's id, as without the marker; its postal revenue is named
    rows = _facts("一、综合 初步核算，全年实现地区生产总值[1]567.85亿元，比上年增长3.4%。", "白山", "吉林")
    assert [(r["raw"], r["indicator_id"]) for r in rows] == [("567.85亿元", "gdp"), ("3.4%", "gdp")]
    assert rows[0]["indicator"] == "地区生产总值"
    rows = _facts("全市完成邮政行业业务收入[3]5.41亿元，同比下降1.8%。", "白山", "吉林")
    assert rows[0]["indicator"] == "邮政行业业务收入"


def test_captions_before_a_sentence_do_not_name_its_figures():
    # 白山 2024: the captions of two charts left out stand before the CPI sentence with no punctuation
    rows = _facts(
        "图12018-2024年地区生产总值增速（%） 图22024年地区生产总值三次产业结构比重（%） "
        "全市居民消费价格指数（CPI）同比增长0.3%，增幅较上年同期扩大0.3个百分点。",
        "白山", "吉林",
    )  # fmt: skip
    assert (rows[0]["raw"], rows[0]["indicator"], rows[0]["indicator_id"]) == ("0.3%", "居民消费价格指数", "cpi")


@pytest.mark.parametrize(
    "sentence, region",
    [
        ("全年城镇调查失业率平均值为5.4%。", "重庆"),  # 重庆 2023: 平均值 is the year's average of the monthly rate
        ("全年城镇调查失业率为5.4%。", "重庆"),  # 城镇 begins the name, it is no breakdown (城镇常住人口) here
    ],
)
def test_the_surveyed_unemployment_rate_is_named(sentence, region):
    (row,) = _facts(sentence, region, region)
    assert row["indicator_id"] == "unemployment_rate"


def test_an_urban_breakdown_before_a_name_stays_a_breakdown():
    (row,) = _facts("年末城镇常住人口1500万人。", "重庆", "重庆")
    assert row["indicator_id"] == ""


@pytest.mark.parametrize(
    "sentence, region",
    [
        ("三次产业结构比为6.9:38.8:54.3。", "重庆"),  # 重庆 2023
        ("三次产业结构比重为12.8:24.9:62.3。", "白山"),  # 白山 2024
    ],
)
def test_a_structure_ratio_written_as_a_ratio_or_a_share(sentence, region):
    rows = _facts(sentence, region, "重庆" if region == "重庆" else "吉林")
    assert [(r["kind"], r["indicator_id"]) for r in rows] == [
        ("share_pct", "gdp_primary"), ("share_pct", "gdp_secondary"), ("share_pct", "gdp_tertiary"),
    ]  # fmt: skip


def test_new_registrations_are_not_the_stock_of_market_entities():
    # 上海 2024: the year's new registrations and the stock at its end are two measures; only the stock is 经营主体
    rows = _facts(
        "全年新设经营主体39.7万户，比上年下降25.9%；新设经营主体注册资本（金）总量9930.20亿元，比上年下降49.1%。"
        "截至2024年12月31日，全市共有各类经营主体341.90万户，比上年末增长0.04%。",
        "上海", "上海",
    )  # fmt: skip
    ids = {r["raw"]: r["indicator_id"] for r in rows}
    assert ids["39.7万户"] == ids["25.9%"] == ""
    assert ids["341.90万户"] == ids["0.04%"] == "market_entities"
    # 深圳 2024: 新登记 likewise, and 总数 names the stock itself
    rows = _facts("全年新登记经营主体56.16万户，日均新登记企业0.09万户，年末经营主体总数440.38万户。", "深圳", "广东")
    ids = {r["raw"]: r["indicator_id"] for r in rows}
    assert (ids["56.16万户"], ids["440.38万户"]) == ("", "market_entities")


# Issue 9 audit of the six unlabelled communiqués: a part of an indicator never gets the whole's id.
def _ids(text: str, region: str, province: str) -> dict[str, str | None]:
    return {f["raw"]: f["indicator_id"] for f in _facts(text, region, province) if f["scope"] == "region"}


def test_income_quintile_groups_are_not_the_per_capita_income():
    ids = _ids(
        "按全市居民五等份收入分组，低收入组人均可支配收入12108元，中间偏下收入组人均可支配收入21926元，"
        "高收入组人均可支配收入89271元。", "重庆", "重庆",
    )  # fmt: skip
    assert not ids["12108元"] and not ids["21926元"] and not ids["89271元"]


def test_other_services_are_not_the_tertiary_sector():
    ids = _ids("房地产业增加值1605.48亿元，下降2.7%；其他服务业增加值7275.66亿元，增长5.6%。", "重庆", "重庆")
    assert not ids["7275.66亿元"]


def test_non_registered_residents_are_not_the_registered_population():
    ids = _ids("其中，常住户籍人口631.01万人，占常住人口比重35.1%；常住非户籍人口1167.94万人，占常住人口比重64.9%。", "深圳", "广东")
    assert not ids["1167.94万人"]


def _rows(text: str, region: str, province: str) -> dict[str, dict]:
    return {f["raw"]: f for f in _facts(text, region, province)}


def test_a_share_is_the_numerators_figure_never_the_wholes():
    # 深圳 2024: 'X增长a%，占Y比重b%' is X's share of Y: never Y's (the whole), X's when X is a standard indicator
    rows = _rows(
        "规模以上工业中，高技术制造业增加值比上年增长8.9%，占规模以上工业增加值比重58.2%；装备制造业增长12.7%，"
        "占规模以上工业增加值比重71.5%；先进制造业增加值增长11.4%，占规模以上工业增加值比重68.2%。", "深圳", "广东",
    )  # fmt: skip
    assert rows["58.2%"]["indicator_id"] == "high_tech_manufacturing"
    assert rows["71.5%"]["indicator_id"] == "equipment_manufacturing"
    assert rows["68.2%"]["indicator_id"] == ""  # 先进制造业 has no standard id: not 规模以上工业增加值's share
    rows = _rows("高新技术产品出口11604.67亿元，增长10.5%，占出口总额比重为41.3%。工业投资增长20.1%，占固定资产投资比重为27.6%。", "深圳", "广东")
    assert rows["41.3%"]["indicator_id"] == ""  # a part of exports, not exports
    assert rows["27.6%"]["indicator_id"] == "fai_industry"
    # 上海 2024: the numerator before 占 decides even with no figure of its own before it
    rows = _rows("高新技术产品出口占全市比重为31.7%。第三产业增加值占地区生产总值的比重为78.2%。", "上海", "上海")
    assert (rows["31.7%"]["indicator_id"], rows["78.2%"]["indicator_id"]) == ("", "gdp_tertiary")
    # 重庆 2023: tourism's value added is no share of GDP in anything
    rows = _rows("全市旅游及相关产业实现增加值1206.82亿元，较上年增长13.5%，占地区生产总值比重为4.0%。", "重庆", "重庆")
    assert rows["4.0%"]["indicator_id"] == ""


def test_a_share_of_another_area_or_a_narrowed_whole_is_no_standard_share():
    # 重庆 2023: GDP's share of the 长江经济带 is not comparable with a region's own structure shares
    rows = _rows("全市地区生产总值占长江经济带比重达5.2%，增速高于长江经济带0.6个百分点。", "重庆", "重庆")
    assert rows["5.2%"]["indicator_id"] == ""
    # 中卫 2023: a share of the county-run investment only
    rows = _rows("工业投资下降10.9%，占县属固定资产投资的比重为53.0%。", "中卫", "宁夏")
    assert rows["53.0%"]["indicator_id"] == ""


def test_a_sub_region_or_a_wider_area_does_not_get_the_regions_gdp():
    # 重庆 2023: the metropolitan part and the town clusters, then the two-province economic circle
    text = (
        "全年主城都市区实现地区生产总值23120.05亿元，比上年增长6.0%；渝东北三峡库区城镇群实现地区生产总值5303.43亿元，"
        "增长6.3%；渝东南武陵山区城镇群实现地区生产总值1722.34亿元，增长6.6%。"
    )
    rows = _rows(text, "重庆", "重庆")
    for raw in ("23120.05亿元", "6.0%", "5303.43亿元", "6.3%", "1722.34亿元", "6.6%"):
        assert (rows[raw]["scope"], rows[raw]["indicator_id"]) == ("part", ""), raw
    rows = _rows("成渝地区双城经济圈实现地区生产总值81986.67亿元，增长6.1%。", "重庆", "重庆")
    assert rows["81986.67亿元"]["scope"] == "group"
    # 台州 2023: 市区 (the urban districts) beside the whole city
    rows = _rows("2023年，全市实现生产总值6240.68亿元。市区实现生产总值2211.34亿元，比上年增长4.9%。", "台州", "浙江")
    assert rows["6240.68亿元"]["indicator_id"] == "gdp"
    assert (rows["2211.34亿元"]["scope"], rows["2211.34亿元"]["indicator_id"]) == ("part", "")
    # 赤峰 2025 (fresh4, after its blind score): the part word opens the indicator phrase itself
    rows = _rows("分区域[6]看，中心城区生产总值935.2亿元，比上年增长4%，占全市比重为38.9%。", "赤峰", "内蒙古")
    for raw in ("935.2亿元", "4%", "38.9%"):
        assert (rows[raw]["scope"], rows[raw]["indicator_id"]) == ("part", ""), raw


def test_the_years_additions_are_not_the_stock():
    # 白山 2024, 台州 2023, 上海 2024: newly approved, newly listed, certified during the year, beside the stock
    ids = _ids("新获批国家高新技术企业16家，全市国家高新技术企业达到48家。", "白山", "吉林")
    assert (ids["16家"], ids["48家"]) == ("", "high_tech_enterprises")
    ids = _ids("全年新增上市公司2家，年末已有上市公司72家。", "台州", "浙江")
    assert (ids["2家"], ids["72家"]) == ("", "listed_companies")
    assert _ids("年内认定高新技术企业7237家，", "上海", "上海")["7237家"] == ""
    ids = _ids("全年新增市场主体64.84万户，年末市场主体总数369.44万户。", "重庆", "重庆")
    assert (ids["64.84万户"], ids["369.44万户"]) == ("", "market_entities")
    # 中卫 2023: 城镇新增就业 is a standard name of its own, whose 新增 changes nothing
    assert _ids("全市城镇新增就业人员12216人，比上年增加138人。", "中卫", "宁夏")["12216人"] == "employment_new_urban"


def test_a_partner_named_once_restricts_its_whole_part():
    # 上海 2024: 对欧盟 governs both the imports and the exports of its part, not the next part's partner
    ids = _ids(
        "按市场分，对欧盟进口5037.48亿元，下降5.7%，出口3002.90亿元，下降3.2%；对美国进口2013.82亿元，下降0.3%，"
        "出口2772.61亿元，下降0.1%；对东盟进口3281.46亿元，增长0.4%，出口2546.48亿元，增长16.5%。全年上海市货物进出口总额42680.87亿元，其中，进口24504.85亿元，出口18176.01亿元。",
        "上海", "上海",
    )  # fmt: skip
    assert not any(ids[raw] for raw in ("5037.48亿元", "3002.90亿元", "3.2%", "2013.82亿元", "2772.61亿元", "0.1%", "2546.48亿元"))
    assert (ids["42680.87亿元"], ids["24504.85亿元"], ids["18176.01亿元"]) == ("trade_total", "imports", "exports")


def test_a_customs_districts_trade_is_not_the_regions():
    # 上海 2024: the customs district (上海关区) handles more than the city's own trade, given after it
    rows = _rows(
        "全年上海关区货物进出口总额79677.45亿元，比上年增长3.0%。其中，进口30817.05亿元，下降1.0%；出口48860.40亿元，"
        "增长5.7%。全年上海市货物进出口总额42680.87亿元，比上年增长1.3%。其中，进口24504.85亿元，下降1.0%。", "上海", "上海",
    )  # fmt: skip
    part = ("79677.45亿元", "3.0%", "30817.05亿元", "48860.40亿元", "5.7%")
    assert {(rows[r]["scope"], rows[r]["indicator_id"]) for r in part} == {("organisation", "")}
    assert (rows["42680.87亿元"]["indicator_id"], rows["24504.85亿元"]["indicator_id"]) == ("trade_total", "imports")


def test_a_growth_chained_to_a_zones_level_is_the_zones():
    # 上海 2024: the growth after a zone's level is the zone's too, so it gets no id of the city's trade
    rows = _rows("2024年，洋山特殊综合保税区实现进出口额2727.60亿元，同比增长4.1%。", "上海", "上海")
    assert {(rows[r]["scope"], rows[r]["indicator_id"]) for r in ("2727.60亿元", "4.1%")} == {("part", "")}


def test_light_and_heavy_industry_are_parts_of_industry():
    # 台州 2023: 'X实现工业增加值' with X a part of industry is the part's value added
    ids = _ids(
        "全市规模以上轻工业实现工业增加值503.05亿元，比上年下降3.1%；重工业实现工业增加值1030.55亿元，增长1.0%。"
        "全市实现工业增加值2230亿元，比上年增长1.4%。", "台州", "浙江",
    )  # fmt: skip
    assert not any(ids[r] for r in ("503.05亿元", "3.1%", "1030.55亿元", "1.0%"))
    assert ids["2230亿元"] == ids["1.4%"] == "industry_value_added"


def test_yuan_deposits_and_loans_are_not_all_currencies():
    # 石家庄 2024 (fresh, tuning): 人民币 before the name (even before 各项存款余额, itself a name) is yuan only
    ids = _ids(
        "年末全市金融机构人民币各项存款余额25333.1亿元，比年初增加2209.1亿元。金融机构人民币各项贷款余额19631.5亿元。",
        "石家庄", "河北",
    )  # fmt: skip
    assert not any(ids.values())
    # 重庆 2023: 本外币 is what the id counts
    assert _ids("年末全市金融机构本外币存款余额53562.75亿元，比上年末增长8.0%。", "重庆", "重庆")["53562.75亿元"] == "deposits"


def test_a_stocks_date_is_no_later_flows_period():
    # 重庆 2023: the year-end count of A-grade sites, then the year's visitors and new jobs; the urbanisation rate
    # after the year-end population keeps its date (data/vocab/stock_continuations.txt)
    rows = _rows(
        "年末全市常住人口3191.43万人，其中，城镇常住人口2287.45万人。常住人口城镇化率为71.67%，比上年末提高0.71个百分点。"
        "城镇新增就业人员73.86万人，比上年增长4.5%。", "重庆", "重庆",
    )  # fmt: skip
    assert [rows[r]["period"] for r in ("3191.43万人", "71.67%", "73.86万人", "4.5%")] == ["2023-12", "2023-12", "2023", "2023"]
    rows = _rows("年末全市拥有国家A级景区294个。全市重点监测的130家A级景区接待游客1.53亿人次，增长98.9%。", "重庆", "重庆")
    assert (rows["294个"]["period"], rows["1.53亿人次"]["period"]) == ("2023-12", "2023")
    # 中卫 2023: tourism revenue after a year-end count of troupes
    rows = _rows("年末全市拥有专业艺术表演团体9个。旅游总收入88.4亿元，比上年增长66.6%。", "中卫", "宁夏")
    assert rows["88.4亿元"]["period"] == "2023"


def test_a_share_of_value_added_is_a_share_under_a_growth_heading():
    # 白山 2024: after '增加值增速为：' each item's 占…增加值 figure is a share; 增加值 names a measure, it is no change cue
    rows = _rows(
        "部分主要行业的增加值增速为：医药制造业下降24.2%，占全部规模以上工业增加值15.8%；煤炭开采和洗选业增长4.0%，占比重6.0%。",
        "白山", "吉林",
    )  # fmt: skip
    assert [rows[r]["kind"] for r in ("24.2%", "15.8%", "4.0%", "6.0%")] == ["change_pct", "share_pct", "change_pct", "share_pct"]
    assert rows["15.8%"]["indicator_id"] == ""  # the whole is not what the share measures


def test_the_denominator_of_a_defined_rate_is_no_figure():
    # 上海 2024: 每新增1户经营主体 defines the rate; no count of market entities
    text = "商标注册量24.2万件，增长2.7%；商标活跃度（每新增1户经营主体同时新增注册商标）为0.61件。"
    assert _raws(text, "上海", "上海") == ["24.2万件", "2.7%", "0.61件"]


def test_accident_deaths_are_no_population_deaths():
    # 重庆 2023: 死亡人数 after 生产安全事故 counts accident deaths, not the population's deaths
    text = "全年生产安全事故死亡人数591人（含道路运输事故次责及以下），比上年下降6.5%。"
    rows = {f["raw"]: f for f in _facts(text, "重庆", "重庆")}
    assert rows["591人"]["indicator_id"] == ""
    own = _facts("全年死亡人口0.96万人，死亡率为10.76‰。", "白山", "吉林")
    assert [f["indicator_id"] for f in own] == ["deaths", "death_rate"]


def test_parallel_modifiers_before_a_shared_name_each_take_the_name():
    # 台州 2023: 城镇常住居民和农村常住居民人均生活消费支出分别为 gives the urban and the rural figure, not the whole's
    text = "城镇常住居民和农村常住居民人均生活消费支出分别为46744和31303元。"
    got = [(f["raw"], f["indicator_id"]) for f in _facts(text)]
    assert got == [("46744", "consumption_per_capita_urban"), ("31303元", "consumption_per_capita_rural")]


def test_a_later_run_of_figures_pairs_with_the_listed_items_again():
    # 台州 2023: 增长5.8%和8.1% and 实际增长6.1%和8.4% are the urban and the rural growth, as 46744和31303元 are
    text = (
        "城镇常住居民和农村常住居民人均生活消费支出分别为46744和31303元，增长5.8%和8.1%，扣除价格因素，"
        "实际增长6.1%和8.4%。"
    )
    got = [(f["raw"], f["indicator_id"]) for f in _facts(text)]
    urban, rural = "consumption_per_capita_urban", "consumption_per_capita_rural"
    assert got == [("46744", urban), ("31303元", rural), ("5.8%", urban), ("8.1%", rural), ("6.1%", urban), ("8.4%", rural)]


def test_a_later_run_that_does_not_pair_up_pairs_with_no_item():
    # written: three growth figures after a list of two items are not paired by position
    text = "城镇和农村居民人均可支配收入分别为47435元和20820元，增长4.2%、7.8%和5.0%。"
    got = {f["raw"]: f["indicator_id"] for f in _facts(text, "重庆", "重庆")}
    assert got["47435元"] == "disposable_income_urban" and got["20820元"] == "disposable_income_rural"
    assert all(clauses.respectively(text, text.index(g)) is None for g in ("4.2%", "7.8%", "5.0%"))


def test_a_places_list_keeps_its_places_in_a_later_run_and_the_run_names_its_own_measure():
    # written in the shape of a Macao release: the shares after the counts are each place's, named 占总数
    text = "香港及台湾旅客分别为5098508及1379936人次，占总数29.9%及8.1%。"
    rows = {f["raw"]: f for f in _facts(text, "澳门", "澳门")}
    assert [rows[r]["kind"] for r in ("29.9%", "8.1%")] == ["share_pct", "share_pct"]
    assert "旅客" not in rows["29.9%"]["indicator"]  # not the count's name
    assert [clauses.respectively(text, text.index(g)).index for g in ("29.9%", "8.1%")] == [0, 1]


def test_a_total_whose_of_which_item_is_the_standard_measure_is_a_wider_one():
    # 中卫 2023: 地方财政收入 holds 其中一般公共预算收入; only the item is the general budget revenue (and the same for
    # 财政支出 and 一般公共预算支出)
    text = (
        "全市完成地方财政收入31.41亿元，比上年增长10.4%。其中，一般公共预算收入23.17亿元，增长6.0%。"
        "全年财政支出220.17亿元，比上年增长7.8%。其中，一般公共预算支出211.86亿元，增长8.0%。"
    )
    got = {f["raw"]: f["indicator_id"] for f in _facts(text, "中卫", "宁夏")}
    assert got["31.41亿元"] == got["10.4%"] == got["220.17亿元"] == got["7.8%"] == ""
    assert got["23.17亿元"] == got["6.0%"] == "budget_revenue"
    assert got["211.86亿元"] == got["8.0%"] == "budget_expenditure"
    # alone, the synonym still names the general budget
    alone = {f["raw"]: f["indicator_id"] for f in _facts("全市完成地方财政收入31.41亿元，比上年增长10.4%。", "中卫", "宁夏")}
    assert alone == {"31.41亿元": "budget_revenue", "10.4%": "budget_revenue"}


def test_an_of_which_item_of_another_measure_leaves_the_total_its_id():
    # 白山 2024: the items after 其中 are kinds of expenditure, other measures: the total keeps its id
    text = "全年完成财政支出215.51亿元，增长21.9%，其中，一般公共服务支出18.20亿元，下降3.6%。"
    got = {f["raw"]: f["indicator_id"] for f in _facts(text, "白山", "吉林")}
    assert got["215.51亿元"] == "budget_expenditure"


def test_containers_counted_in_international_standard_boxes():
    # 上海 2024: 万国际标准箱 is a unit (TEU), so the level is the container throughput's
    text = "全年完成港口货物吞吐量86394.75万吨，比上年增长2.5%；集装箱吞吐量5150.63万国际标准箱，增长4.8%。"
    got = {f["raw"]: (f["base_unit"], f["indicator_id"]) for f in _facts(text, "上海", "上海")}
    assert got["5150.63万国际标准箱"] == ("国际标准箱", "container_throughput")


def test_a_populations_rates_per_mille_after_a_year_end_stock_are_the_years():
    # 天津 2024: 年末…常住人口总量… then 常住人口出生率为4.99‰: the rates are of the year, the counts of its end
    text = "年末全市常住人口总量1364万人，其中城镇常住人口1173万人。常住人口出生率为4.99‰，死亡率为6.96‰，自然增长率为-1.97‰。"
    got = {f["raw"]: f["period"] for f in _facts(text, "天津", "天津")}
    assert got["1364万人"] == "2023-12"  # the article's year is 2023 here (_facts' title)
    assert got["4.99‰"] == got["6.96‰"] == got["-1.97‰"] == "2023"


def test_a_bare_industry_after_an_industry_named_with_its_measure_shares_the_measure():
    # 上饶 2024: 制造业281.7亿元 in the list of profits is the manufacturers' profit, not their value added
    text = "分门类看，采矿业利润7.7亿元，比上年增长60.5%；制造业281.7亿元，增长20.1%；电力、热力、燃气及水生产和供应业7.1亿元，下降44.6%。"
    got = {f["raw"]: f["indicator_id"] for f in _facts(text, "上饶", "江西")}
    assert got["281.7亿元"] == got["20.1%"] == ""
    # 深圳 2024: in a list of value added the bare industry is the industry's value added
    own = "分门类看，采矿业增加值增长7.2%，制造业增长9.9%。"
    assert {f["raw"]: f["indicator_id"] for f in _facts(own, "深圳", "广东")}["9.9%"] == "manufacturing_value_added"


# --- written on fresh4's misses (盘锦 2025, 赤峰 2025, after its blind score) -------------------------------------------

CHIFENG_TABLE = (
    "表12025年年末常住人口数及其构成 指标 年末数 （万人） 比重 （%） 全市常住人口 388.70100.00 其中：城镇 223.6557.54 乡村 "
    "165.0542.46 其中：男性 196.7150.61 女性 191.9949.39 其中：0-15岁（含不满16周岁） 53.6513.8016-59岁（含不满60周岁） "
    "232.4759.8160周岁及以上 102.5826.39 其中：65周岁及以上 68.0217.50 全年居民消费价格比上年下降0.2%。"
)


def test_a_table_whose_rows_are_listed_under_of_which_gives_no_figures():
    # 其中：城镇 is a row name, not a clause: the colons had cut the table into runs too short to be one.
    assert _raws(CHIFENG_TABLE, "赤峰", "内蒙古") == ["0.2%"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("全市户籍人口中，0-17岁人口15.9万人，占12.5%；18-34岁人口20.8万人，占16.3%。",  # 盘锦 2025
         ["15.9万人", "12.5%", "20.8万人", "16.3%"]),
        ("5岁以下儿童死亡率3.1‰，平均预期寿命78.5岁。", ["3.1‰", "78.5岁"]),  # a life expectancy stays a figure
    ],
)  # fmt: skip
def test_an_age_band_is_no_figure(sentence, expected):
    assert _raws(sentence, "盘锦", "辽宁") == expected


def test_a_character_the_crawl_lost_before_a_percent_sign_is_no_question_mark():
    # 普洱 2023 (fresh3): 下降3.8?% — the ? ended the sentence, and 3.8 lost its %
    text = "全年商品房施工面积586.7万平方米，比上年下降3.8?%；商品房屋竣工面积151.8万平方米，增长277.8%。"
    rows = _rows(text, "普洱", "云南")
    assert rows["3.8?%"]["kind"] == "change_pct" and rows["3.8?%"]["value"] == 3.8
    assert {r["sentence"] for r in rows.values()} == {text}  # one sentence


def test_the_three_sectors_before_a_respectively_list_are_its_items_in_order():
    # 盘锦 2025 (fresh4): 三次产业 stands for 第一、第二、第三产业; a ratio with 比 before 为 is a share (株洲 2023)
    rows = _rows("三次产业投资占比分别为0.2%、86.0%、13.8%。", "盘锦", "辽宁")
    assert [(rows[r]["kind"], rows[r]["indicator_id"]) for r in ("0.2%", "86.0%", "13.8%")] == [
        ("share_pct", "fai_primary"), ("share_pct", "fai_secondary"), ("share_pct", "fai_tertiary"),
    ]  # fmt: skip
    rows = _rows("人民币各项贷款余额3695.9 亿元，增长14.3%，存贷比为78.4%。", "株洲", "湖南")
    assert rows["78.4%"]["kind"] == "share_pct" and rows["14.3%"]["kind"] == "change_pct"


def test_the_share_of_a_quota_done_is_a_share():
    # 东营 2024 (fresh2): 完成省定任务的116.3% was read as a growth of 116.3%
    rows = _rows("全年城镇新增就业（不含油田）3.84万人，完成省定任务的116.3%。", "东营", "山东")
    assert rows["116.3%"]["kind"] == "share_pct"


def test_a_sentence_breaking_down_the_existing_count_keeps_its_date():
    # 东营 2024 (fresh2): 实有 (existing) goes on counting the stock of 年末实有各类市场主体 (data/vocab/stock_continuations.txt)
    text = (
        "年末实有各类市场主体324727户，其中，实有各类企业114589户，个体工商户206764户，农民专业合作社3374户。"
        "实有各类企业中，国有、集体及其控股企业3256户，私营企业110656户，外商投资企业677户。"
    )
    rows = _rows(text, "东营", "山东")
    assert {rows[r]["period"] for r in ("324727户", "3256户", "110656户", "677户")} == {"2023-12"}
