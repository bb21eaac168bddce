"""A headline that names a span of months (1-2月广东经济数据出炉, 1-8月江苏外贸同增17.1%) dates the figures of the article
that name no period of their own: the dev articles' class (../shared/corpus/dev, news about a period's statistics),
where paragraphs after the first repeat no period."""

from __future__ import annotations

import json

import pytest

from lib import paths
from lib.extract import facts, numbers
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


# --- a title's year in Chinese numerals (fresh4's 盘锦 2025 communiqué, tests/corpus/official) ----------------------


def test_a_communique_titled_with_a_chinese_numeral_year_is_that_years():
    # 二〇二五年盘锦市国民经济和社会发展统计公报, published 2026-04-15: its 全年 figures were read as 2026's.
    sentence = "全年实现地区生产总值1417.6亿元，按不变价格计算，比上年增长3.3%。"
    article = _article("二〇二五年盘锦市国民经济和社会发展统计公报", sentence, "2026-04-15", "盘锦")
    assert facts.reference_year(article) == "2025"
    assert {f["raw"]: f["period"] for f in facts.extract(article)}["1417.6亿元"] == "2025"
    # The circle some titles write for the zero, and a year that is no title's year stays as written.
    assert numbers.arabic_years("二○二四年石家庄市国民经济") == "2024年石家庄市国民经济"
    assert numbers.arabic_years("十四五规划第一年") == "十四五规划第一年"
    assert len(numbers.arabic_years("二〇二五年")) == len("二〇二五年")  # offsets do not move


def test_the_panjin_communique_figures_are_2025s():
    path = paths.ROOT / "tests" / "corpus" / "official" / "panjin_2025_statistical_communique.txt"
    meta = json.loads(path.with_suffix(".meta.json").read_text(encoding="utf-8"))
    article = _article(meta["title"], path.read_text(encoding="utf-8"), meta["published"], "盘锦")
    periods = {f["raw"]: f["period"] for f in facts.extract(article)}
    assert periods["1417.6亿元"] == "2025" and periods["321.9亿元"] == "2025"
