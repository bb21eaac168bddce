"""Rules for official texts of other genres (bureau releases, budget reports), each tested on the real
sentences of tests/corpus/reports (the tuning set of gold/reports/) that motivated it."""

from __future__ import annotations

from pathlib import Path

import pytest

from lib.extract import facts
from lib.ingest import layout
from lib.model import Article

REPORTS = Path(__file__).parent / "corpus" / "reports"


def _article(text: str, title: str, published: str, region="本溪", province="辽宁") -> Article:
    return Article(
        article_id="r", input_file="r.html", content_hash="h", source="", published=published, title=title,
        text=text, region=region, province=province, level="prefecture",
    )  # fmt: skip


BENXI_TITLE = "关于本溪市2024年预算执行情况和2025年预算草案的报告"
BAIYIN_TITLE = "2024年白银市经济运行情况"


def _rows(text: str, title: str, published: str, **kw) -> dict[str, dict]:
    return {r["raw"]: r for r in facts.extract(_article(text, title, published, **kw))}


def test_budget_sections_set_period_and_make_the_draft_targets():
    text = "\n".join([
        "一、2024年预算执行情况",
        "全市一般公共预算收入91.5亿元，同比增长14.2%。",
        "及上年结转收入54.5亿元，收入总计309.1亿元。",
        "三、2025年预算草案",
        "全市一般公共预算收入安排96.1亿元，同比增长5%。",
    ])  # fmt: skip
    rows = _rows(text, BENXI_TITLE, "2025-01-21")
    assert (rows["91.5亿元"]["kind"], rows["91.5亿元"]["period"]) == ("level", "2024")
    assert rows["91.5亿元"]["indicator_id"] == "budget_revenue"
    # 上年结转 is this year's money; 总计 sums parts, it is no multi-year total
    assert (rows["54.5亿元"]["period"], rows["309.1亿元"]["period"]) == ("2024", "2024")
    assert rows["309.1亿元"]["basis"] == ""
    draft = rows["96.1亿元"]
    assert (draft["kind"], draft["target_kind"], draft["period"]) == ("target", "level", "2025")
    assert draft["indicator"].endswith("一般公共预算收入")  # 安排 links, it names nothing
    assert (rows["5%"]["kind"], rows["5%"]["target_kind"], rows["5%"]["period"]) == ("target", "change_pct", "2025")


@pytest.mark.parametrize(
    "sentence,raw,period,basis",
    [
        ("全年全市粮食总产量100.24万吨，比上年增加1.4万吨，增长1.4%。", "100.24万吨", "2024", ""),
        ("截至12月底，全市在库项目（不含房地产）593个，同比增加16个。", "593个", "2024-12", ""),  # a stock
        ("截至12月底，累计生产原煤1328.91万吨，同比增长28.6%；水泥342.14万吨，下降14.4%。", "1328.91万吨", "2024", ""),
        ("截至12月底，累计生产原煤1328.91万吨，同比增长28.6%；水泥342.14万吨，下降14.4%。", "342.14万吨", "2024", ""),
        ("猪存栏84.09万头，增长1.3%；牛存栏16.72万头，下降3.6%。", "84.09万头", "2024-12", ""),  # 存栏: a stock
        ("1-12月，全市规模以上工业企业实现营业收入1112.72亿元，同比增长19.6%。", "1112.72亿元", "2024", ""),
    ],
)
def test_periods_of_a_release_on_the_year_before(sentence, raw, period, basis):
    # Published in January 2025, the release is about 2024 (its title says so).
    row = _rows(sentence, BAIYIN_TITLE, "2025-01-24", region="白银", province="甘肃")[raw]
    assert (row["period"], row["basis"]) == (period, basis)


def test_year_to_date_to_a_month_before_december():
    row = _rows("截至11月底，累计生产原煤1200.5万吨，同比增长20.1%。", "白银市经济运行情况", "2024-12-20")["1200.5万吨"]
    assert (row["period"], row["basis"]) == ("2024-01..2024-11", "")


def test_spending_is_named_though_tagged_a_verb():
    row = _rows("全市一般公共预算支出193.3亿元，同比增长12.3%。", BENXI_TITLE, "2025-01-21")["193.3亿元"]
    assert row["indicator"].endswith("一般公共预算支出") and row["indicator_id"] == "budget_expenditure"


def test_numbered_headings_and_site_records_in_a_release():
    text = "\n\n".join([
        "索 引 号： 116204000139113137/2025-156110 生成日期： 2025-01-24",
        "所属机构： 市统计局 发布机构：",
        "2024年白银市经济运行情况",
        "一、农业生产形势稳定",
        "全年全市粮食总产量100.24万吨，比上年增加1.4万吨，增长1.4%。",
        "二、工业生产较快增长",
        "全年全市规模以上工业增加值比上年增长16.8%。",
    ])  # fmt: skip
    [piece] = layout.layout(text)
    assert piece.title == "2024年白银市经济运行情况"
    assert "二、工业生产较快增长" in piece.subheads  # a heading, not glued to the next paragraph
    assert not any("索" in p or "所属机构" in p for p in piece.paragraphs)  # the site's record is no text
    assert "全年全市规模以上工业增加值比上年增长16.8%。" in piece.paragraphs


@pytest.mark.skipif(not REPORTS.exists(), reason="tests/corpus/reports absent")
def test_the_corpus_texts_hold_these_sentences():
    """The sentences above are copied from the tuning texts (not made up)."""
    from lib.ingest.reader import read_document

    text = "".join(read_document(p).text for p in REPORTS.glob("*.html"))
    for s in ("全市一般公共预算收入安排96.1亿元，同比增长5%。", "截至12月底，全市在库项目（不含房地产）593个，同比增加16个。",
              "及上年结转收入54.5亿元，收入总计309.1亿元。", "全市一般公共预算支出193.3亿元，同比增长12.3%。"):
        assert s in text, s


def test_an_adoption_line_stays_in_the_text_and_dates_the_session():
    from lib.extract import events

    text = "\n".join([
        "关于本溪市2024年预算执行情况和2025年预算草案的报告",
        "（2025年1月9日本溪市第十七届人民代表大会第四次会议第三次全体会议通过）",
        "一、2024年预算执行情况",
        "全市一般公共预算收入91.5亿元，同比增长14.2%。",
    ])  # fmt: skip
    [piece] = layout.layout(text)
    assert piece.title == BENXI_TITLE
    assert piece.paragraphs[0].startswith("（2025年1月9日本溪市第十七届人民代表大会")
    [event] = events.extract(_article("\n".join(piece.paragraphs), BENXI_TITLE, "2025-01-21"))
    assert event["date"] == "2025-01-09" and "人民代表大会" in event["description"]


@pytest.mark.parametrize(
    "sentence,figures",
    [
        ("十种有色金属95.6万吨，增长3.9%。", ["95.6万吨", "3.9%"]),
        ("与民生相关的十一类支出完成185.18亿元，增长5.2%。", ["185.18亿元", "5.2%"]),
        ("投入资金0.6亿元，率先完成废弃矿山治理范围全覆盖、三年行动任务全清零目标。", ["0.6亿元"]),
        ("投入人才专项资金0.3亿元，支持遴选产生两批“山城英才”97人。", ["0.3亿元", "97人"]),
        ("全市新建三个产业园，总投资50亿元。", ["三个", "50亿元"]),  # a count in its own clause stays
    ],
)
def test_a_small_chinese_count_naming_a_category_is_no_figure(sentence, figures):
    assert list(_rows(sentence, BENXI_TITLE, "2025-01-21")) == figures


@pytest.mark.parametrize(
    "sentence,raw,indicator",
    [
        # 等 closes a list of items (等 is no name): the figure is their total
        ("市本级政府性基金预算收入5.3亿元，同比下降39.7%。加上上级补助收入和调入资金等58.1亿元，收入总计63.4亿元。",
         "58.1亿元", "资金"),
        # 类 (a classifier to the tagger) ends a category's name
        ("在构成居民消费品价格的八大类中：其他用品和服务类上涨3.4%，交通通信类下跌2.3%。", "2.3%", "交通通信类"),
    ],
)
def test_list_and_category_names(sentence, raw, indicator):
    row = _rows(sentence, BAIYIN_TITLE, "2025-01-24", region="白银", province="甘肃")[raw]
    assert row["indicator"].endswith(indicator), row["indicator"]
