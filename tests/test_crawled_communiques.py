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
from lib.extract import facts
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
