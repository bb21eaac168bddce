"""Events: which date mentions date a statement, how they resolve, and the score on the gold set."""

from __future__ import annotations

import pytest

from lib import evaluate, paths
from lib.extract import events
from lib.model import Article
from lib.store.schema import COLUMNS

# Floors below what the extractor reaches on gold/events.csv (32 rows: precision 1.00, recall 1.00).
# Floors under the measured figures (README, Quality): the gold set includes rows written
# independently of the extractor, which it partly misses.
MIN_PRECISION = 0.9
MIN_RECALL = 0.75


def _article(body: str, region="郑州", published="2024-05", province="河南") -> Article:
    return Article(
        article_id="t",
        input_file="t.txt",
        content_hash="h",
        source="",
        published=published,
        title="",
        text=body,
        region=region,
        province=province,
        level="prefecture" if region != province else "province",
    )


def _events(body: str, **kw) -> list[dict]:
    return events.extract(_article(body, **kw))


def _one(body: str, **kw) -> dict:
    rows = _events(body, **kw)
    assert len(rows) == 1, [(r["date"], r["description"]) for r in rows]
    return rows[0]


@pytest.mark.parametrize(
    "body,published,date,precision,inferred",
    [
        ("5月18日，河南低空无人物流配送航线在郑州正式启航。", "2024-05", "2024-05-18", "day", True),
        ("2022年1月6日，成都市人民代表大会开幕。", "2022-01-15", "2022-01-06", "day", False),
        ("自2014年6月开通以来，西安—米兰航线通达20个城市。", "2024-05", "2014-06", "month", False),
        ("3月5日，成都市举办发布会。", "2021-03-24", "2021-03-05", "day", True),
        # No publication date: the latest year written in the article.
        ("2019年，成都市成立了研究院。3月5日，成都市举办发布会。", "", "2019-03-05", "day", True),
        # Neither: ISO 8601 without a year.
        ("3月5日，成都市举办发布会。", "", "--03-05", "day", True),
        ("11月2日-4日，南昌市举办博览会。", "2023-11", "2023-11-02", "day", True),
        ("2023年，天津市围绕12条重点产业链，组建了20家创新联合体。", "2024-05", "2023", "year", False),
        ("去年，公司在成都签约落户。", "2024-05", "2023", "year", True),
    ],
)
def test_date_resolution(body, published, date, precision, inferred):
    row = [r for r in _events(body, published=published) if r["relative"] != "今年"][-1]
    assert (row["date"], row["date_precision"], row["year_inferred"]) == (date, precision, inferred)


@pytest.mark.parametrize(
    "body,date,precision,relative",
    [
        ("近日，又有16家企业集体签约落户科技园。", "2024-05", "relative", "近日"),
        ("市科技局在日前召开的发布会上表示。", "2024-05", "relative", "日前"),
        ("目前，园区企业总数已超500家。", "2024-05", "relative", "目前"),
        ("今年计划增加到3000万元。", "2024", "year", "今年"),
    ],
)
def test_relative_dates(body, date, precision, relative):
    row = _one(body)
    assert (row["date"], row["date_precision"], row["relative"], row["year_inferred"]) == (
        date,
        precision,
        relative,
        True,
    )


def test_same_day_takes_previous_date():
    rows = _events("5月18日，航线在郑州启航。当天，首批货物运抵。")
    assert [(r["date"], r["relative"]) for r in rows] == [("2024-05-18", ""), ("2024-05-18", "当天")]


def test_same_day_after_relative_stays_relative():
    rows = _events("5月2日，成都市举办论坛。近日，调研组到访。当天，园区迎来客商。")
    assert rows[-1]["date_precision"] == "relative" and rows[-1]["relative"] == "当天"


@pytest.mark.parametrize(
    "body,date,planned",
    [
        ("项目计划在9月底投产交付，届时将提升算力。", "2024-09", True),
        ("1月20日，上海市人民代表大会将召开。", "2024-01-20", True),
        ("预计10月上旬，新航站楼建成投用。", "2024-10", True),
        ("5月17日，算力中心正式交付。", "2024-05-17", False),
    ],
)
def test_planned(body, date, planned):
    row = _one(body)
    assert (row["date"], row["planned"]) == (date, planned)


@pytest.mark.parametrize(
    "body",
    [
        "1-6月，四川外商直接投资到资20.27亿美元。",
        "1—7月，全区重大项目加速推进。",
        "2024年，是实现“十四五”规划目标任务的关键之年。",
        "2023年天津市吸纳来自北京的技术合同额152亿元，同比增长了84.7%。",
        "从2014年起，三地累计实施合作专项177项。",
        "4月外贸增速曾出现短暂下滑。",
        "上海目前的工业发展较快。",
        "今年一季度，郑州经济实现开门红。",
        "2021年前三季度，广州增加值同比增长28.1%。",
        "上年基数低，加之大批项目集中开工。",
        "园区已签约企业300家，投资额5亿元。",
    ],
)
def test_not_events(body):
    assert _events(body) == []


@pytest.mark.parametrize(
    "body,article_region,region",
    [
        # The province of the article's city as subject keeps the city.
        ("5月18日，河南低空无人物流配送航线在郑州正式启航。", "郑州", "郑州"),
        # Another place as subject.
        ("5月20日，成都市举办国际车展。", "郑州", "成都"),
        ("5月20日，卫星在太原卫星发射中心升空。", "郑州", "郑州"),
    ],
)
def test_region(body, article_region, region):
    assert _one(body, region=article_region)["region"] == region


def test_description_and_offsets():
    body = "你好！5月18日，河南低空无人物流配送航线在郑州正式启航。"
    row = _one(body)
    assert row["description"] == "河南低空无人物流配送航线在郑州正式启航"
    assert body[row["char_start"] : row["char_end"]] == "5月18日"
    assert (
        len(events.describe("5月18日，" + "很" * 50 + "。", events.find_dates("5月18日，" + "很" * 50)[0]))
        <= 30
    )


def test_row_keys_match_columns_and_ids_are_stable():
    body = "5月17日，算力中心正式交付。近日，又有企业落户。"
    rows, again = _events(body), _events(body)
    assert all(set(r) == {c for c, _, _ in COLUMNS["events"]} for r in rows)
    assert [r["event_id"] for r in rows] == [r["event_id"] for r in again]
    assert len({r["event_id"] for r in rows}) == 2


def test_columns_documented():
    assert all(name and doc and isinstance(name, str) for name, _, doc in COLUMNS["events"])


# ------------------------------------------------------------------------ dev corpus and gold


def test_dev_article():
    if not paths.DEV_CORPUS_DIR.is_dir():
        pytest.skip(f"dev corpus absent: {paths.DEV_CORPUS_DIR}")
    stem = "08_top10_cities_gdp_2021_chinese_numerals"
    rows = evaluate.rows_by_doc([{"doc": stem}], events.extract)[stem]
    by_date = {r["date"]: r for r in rows}
    assert by_date["2022-01-06"]["year_inferred"] is False
    assert by_date["2022-01-20"]["planned"] is True
    assert by_date["2022-01-20"]["region"] == "上海"
    assert not any(r["date_precision"] == "year" and r["date"] == "2020" for r in rows)


def test_gold_score():
    result = evaluate.score_events(evaluate.load_gold_table("events"))
    assert result["gold"] >= 20
    assert result["precision"] >= MIN_PRECISION and result["recall"] >= MIN_RECALL, result
    assert result["planned"] >= 0.9 and result["region"] >= 0.85, result


# Work reports and roundups: a month named relative to the publication (今年3月), a bare month heading
# a clause about a happening (3月，…开通), and a happening dated without a year that would fall after
# the publication date (a report of January reviewing the year before).
@pytest.mark.parametrize(
    "body,published,date,precision,planned",
    [
        ("今年3月，第二届中国（郑州）国际数字经济博览会成功举办。", "2024-11-02", "2024-03", "month", False),
        ("去年11月8日，郑州航空港区获批国家级示范区。", "2024-05", "2023-11-08", "day", False),
        ("3月，郑州至重庆高铁全线开通运营。", "2025-01-20", "2024-03", "month", False),
        ("12月5日，郑州航空港区获批国家级示范区。", "2025-01-20", "2024-12-05", "day", False),
        ("6月，将开通地铁10号线。", "2025-01-20", "2025-06", "month", True),  # a plan stays ahead
        ("1月15日，合肥市第十七届人民代表大会第四次会议拉开帷幕。", "2025-01-20", "2025-01-15", "day", False),
    ],
)
def test_months_in_reports_and_roundups(body, published, date, precision, planned):
    row = _one(body, published=published)
    assert (row["date"], row["date_precision"], row["planned"]) == (date, precision, planned)


@pytest.mark.parametrize(
    "body",
    [
        "5月，全市规模以上工业增加值增长6.0%。",  # a bare month heading a statistic is its period
        "1-3月，全市出口增长5%。",
        "今年1-3月，全市出口增长5%。",
    ],
)
def test_months_of_statistics_are_not_events(body):
    assert _events(body, published="2024-05") == []


def test_today_after_a_relative_month_takes_its_date():
    rows = _events("今年3月，第二届数字经济博览会成功举办。当天，签约项目58个。", published="2024-11")
    assert [r["date"] for r in rows] == ["2024-03", "2024-03"]
