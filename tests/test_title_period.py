"""A headline that names a span of months (1-2月广东经济数据出炉, 1-8月江苏外贸同增17.1%) dates the figures of the article
that name no period of their own: the dev articles' class (../shared/corpus/dev, news about a period's statistics),
where paragraphs after the first repeat no period."""

from __future__ import annotations

import pytest

from lib import paths
from lib.extract import facts
from lib.model import Article


def _article(title: str, text: str, published: str = "2021-03-22", region: str = "广东") -> Article:
    return Article(
        article_id="t", input_file="t.txt", content_hash="h", source="", published=published, title=title,
        text=text, region=region, province=region, level="province",
    )  # fmt: skip


def test_a_headline_span_dates_the_later_paragraphs():
    text = "2021年1-2月，广东经济持续稳定恢复。\n先进制造业增加值增长46.7%，高技术制造业增长40.7%。"
    rows = facts.extract(_article("1-2月广东经济数据出炉：工业、投资、消费同比增长均超三成", text))
    assert {f["raw"]: f["period"] for f in rows}["46.7%"] == "2021-01..2021-02"


def test_a_headline_with_a_year_only_or_two_spans_dates_nothing():
    text = "全市实现地区生产总值100亿元。\n先进制造业增加值增长46.7%。"
    assert _title_span_of("天津市2024年国民经济和社会发展统计公报") == ""
    assert _title_span_of("1-2月和1-3月的对比") == ""
    rows = facts.extract(_article("福建最新GDP排名出炉：泉州总量最大，宁德增速最快", text, "2022-08-01", "福建"))
    assert {f["raw"]: f["period"] for f in rows}["46.7%"] != "2022-H1"


def _title_span_of(title: str) -> str:
    return facts._title_span(title, "2024")


def test_the_guangdong_dev_article_dates_its_investment_figures():
    path = paths.DEV_CORPUS_DIR / "02_guangdong_economy_2021_jan-feb.txt"
    if not path.exists():
        pytest.skip("../shared/corpus/dev is absent")
    from lib import evaluate

    rows = evaluate.extract_doc(path)
    got = {f["raw"]: f["period"] for f in rows if "制造业投资增长61.1%" in f["sentence"]}
    assert got.get("61.1%") == "2021-01..2021-02"


def test_a_plan_in_such_an_article_is_the_years():
    # 宁夏日报 (dev): 1—7月 in the headline, 吴忠市计划投资232亿元，完成63.5% is the year's plan
    text = "1—7月，全区重大项目加速推进。\n吴忠市计划投资232亿元，完成63.5%。"
    rows = facts.extract(_article("1—7月全区扩大有效投资重大项目推进情况", text, "2021-08-10", "宁夏"))
    got = {f["raw"]: (f["kind"], f["period"]) for f in rows}
    assert got["232亿元"] == ("target", "2021") and got["63.5%"][1] == "2021-01..2021-07"
