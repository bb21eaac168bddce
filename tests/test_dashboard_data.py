from __future__ import annotations

import pandas as pd
import pytest

from lib.dashboard import views as dd

OPTIONS = ["天津", "天津港", "郑州", "上饶", "黑龙江"]


def test_region_options_keep_first_appearance_and_drop_unattributed():
    df = pd.DataFrame({"region": ["郑州", "", "天津", "郑州", None]})
    assert dd.region_options(df) == ["郑州", "天津"]


def test_region_options_name_the_missing_column():
    with pytest.raises(ValueError, match="'region'"):
        dd.region_options(pd.DataFrame({"title": ["x"]}))


def test_articles_for_regions_keeps_listed_columns_only():
    df = pd.DataFrame(
        {"title": ["a", "b"], "region": ["天津", "郑州"], "source": ["s", "s"], "text": ["...", "..."]}
    )
    out = dd.articles_for_regions(df, ["郑州"])
    assert list(out.columns) == ["title", "region", "source"]
    assert out.to_dict("records") == [{"title": "b", "region": "郑州", "source": "s"}]


@pytest.mark.parametrize(
    "fact,expected",
    [
        # located by offset: the second 16家 in the sentence is the one marked
        ({"sentence": "16家企业，又有16家。", "raw": "16家", "char_start": 11, "sentence_start": 3},
         "16家企业，又有【16家】。"),
        # no sentence offset (an older row): the first occurrence
        ({"sentence": "技术合同额152亿元。", "raw": "152亿元", "char_start": 0},
         "技术合同额【152亿元】。"),
        # an offset that does not fit the sentence falls back to the text
        ({"sentence": "100P算力中心", "raw": "100P", "char_start": 4, "sentence_start": 2}, "【100P】算力中心"),
        ({"sentence": "没有数字。", "raw": "5家", "field": "text", "char_start": 0}, "没有数字。"),
    ],
)  # fmt: skip
def test_mark_number(fact, expected):
    assert dd.mark_number(fact) == expected


FACTS = pd.DataFrame(
    {
        "fact_id": ["f1", "f2", "f3"],
        "region": ["天津", "郑州", "全国"],
        "article_region": ["天津", "郑州", "郑州"],
        "category": ["money", "growth", "other"],
        "kind": ["level", "change_pct", "level"],
        "sentence": ["技术合同额152亿元。", "增长6.2%。", "165个综合试验区。"],
        "indicator": ["技术合同额", "地区生产总值", "综合试验区"],
        "raw": ["152亿元", "6.2%", "165个"],
        "title": ["天津", "郑州", "郑州"],
    }
)


@pytest.mark.parametrize(
    "kwargs,ids",
    [
        ({}, ["f1", "f2", "f3"]),
        ({"query": "合同"}, ["f1"]),
        ({"query": "6.2%"}, ["f2"]),
        ({"regions": ["郑州", "全国"], "kinds": ["level"]}, ["f3"]),
        ({"categories": ["money", "growth"]}, ["f1", "f2"]),
        ({"query": "没有"}, []),
    ],
)
def test_search_facts(kwargs, ids):
    assert dd.search_facts(FACTS, **kwargs)["fact_id"].tolist() == ids


def test_facts_for_regions_includes_figures_from_the_regions_articles():
    assert dd.facts_for_regions(FACTS, ["郑州"])["fact_id"].tolist() == ["f2", "f3"]


@pytest.mark.parametrize(
    "event,ids",
    [
        (
            {"selection": {"points": [{"customdata": ["f1", "152亿元"]}, {"customdata": ["f2"]}]}},
            ["f1", "f2"],
        ),
        ({"selection": {"points": [{"customdata": "f1,f3"}]}}, ["f1", "f3"]),  # a heatmap cell
        ({"selection": {"points": []}}, []),
        (None, []),
    ],
)
def test_selected_fact_ids(event, ids):
    assert dd.selected_fact_ids(event) == ids


# --- events and keywords -------------------------------------------------------------------------

KEYWORDS = pd.DataFrame(
    {
        "scope": ["region"] * 6 + ["article"],
        "scope_id": ["天津", "天津", "上饶", "上饶", "郑州", "郑州", "a1"],
        "term": ["联合攻关", "京津冀", "联合攻关", "双向飞地", "联合攻关", "跨境电商", "京津冀"],
        "weight": [0.3, 1.0, 0.2, 1.0, 0.9, 1.0, 1.0],
        "rank": [2, 1, 2, 1, 2, 1, 1],
    }
)


@pytest.mark.parametrize(
    "regions,expected",
    [
        (["天津", "上饶", "郑州"], [("联合攻关", ["天津", "上饶", "郑州"], 3, 1.4)]),
        (["上饶", "天津"], [("联合攻关", ["上饶", "天津"], 2, 0.5)]),  # in the selection's order
        (["天津"], []),
        (["北京", "天津"], []),
        ([], []),
    ],
)
def test_shared_terms(regions, expected):
    out = dd.shared_terms(KEYWORDS, regions)
    assert list(out.columns) == dd.SHARED_COLUMNS
    assert [tuple(r) for r in out.itertuples(index=False)] == expected


def test_shared_terms_min_regions_and_article_scope_ignored():
    out = dd.shared_terms(KEYWORDS, ["天津", "上饶"], min_regions=1)
    assert out["term"].tolist() == ["联合攻关", "京津冀", "双向飞地"]  # a1's 京津冀 does not count twice


def test_region_keywords_order_and_top_n():
    out = dd.region_keywords(KEYWORDS, ["郑州", "天津"], top_n=1)
    assert out[["scope_id", "term"]].values.tolist() == [["郑州", "跨境电商"], ["天津", "京津冀"]]


def test_term_examples_find_the_first_sentence_with_the_term():
    articles = pd.DataFrame(
        {"region": ["上饶"], "title": ["飞地"], "source": ["科技日报"], "published": ["2024-05"],
         "text": ["上饶开放合作。上饶与上海的“双向飞地”已步入快车道。"]}
    )  # fmt: skip
    out = dd.term_examples(dd.region_keywords(KEYWORDS, ["上饶"]), articles)
    row = out.set_index("raw").loc["双向飞地"]
    assert row["sentence_marked"] == "上饶与上海的“【双向飞地】”已步入快车道。"
    assert row["fact_id"] == "kw:上饶:双向飞地" and row["title"] == "飞地"
    assert out.set_index("raw").loc["联合攻关", "sentence_marked"] == ""


def test_term_examples_come_from_the_first_article_holding_the_term():
    # Only articles whose text holds the term are split (splitting every article took 0.6 s at 2,508
    # articles): the sentence is still the first one of the region's articles with the term.
    articles = pd.DataFrame(
        {"region": ["上饶", "上饶", "上饶", "上饶"], "title": ["无关", "近似", "飞地", "又是飞地"],
         "source": ["甲", "乙", "丙", "丁"], "published": ["2024-05"] * 4,
         "text": ["上饶开放合作。", "上饶双向飞。地块已平整。", "上饶与上海的“双向飞地”已步入快车道。",
                  "双向飞地再扩容。"]}
    )  # fmt: skip
    rows = dd.term_examples(dd.region_keywords(KEYWORDS, ["上饶"]), articles).set_index("raw")
    assert rows.loc["双向飞地", "title"] == "飞地"
    assert rows.loc["双向飞地", "sentence_marked"] == "上饶与上海的“【双向飞地】”已步入快车道。"


EVENTS = pd.DataFrame(
    {
        "event_id": ["e1", "e2", "e3"],
        "article_id": ["a1", "a1", "a2"],
        "region": ["天津", "天津", "郑州"],
        "date": ["2024-05", "2023", "2024-05-18"],
        "date_precision": ["relative", "year", "day"],
        "relative": ["近日", "", ""],
        "sentence": ["近日，又有16家企业签约。", "2023年，组建了20家创新联合体。", "5月18日，航线启航。"],
        "char_start": [3, 16, 0],
        "char_end": [5, 21, 5],
    }
)
ARTICLES = pd.DataFrame(
    {
        "article_id": ["a1", "a2"],
        "title": ["天津协同创新", "郑州加速度"],
        "source": ["科技日报", "科技日报"],
        "published": ["2024-05", "2024-05"],
        "text": ["前言。近日，又有16家企业签约。2023年，组建了20家创新联合体。", "5月18日，航线启航。"],
    }
)


def test_events_with_articles_marks_the_date_and_labels_it():
    out = dd.events_with_articles(EVENTS, ARTICLES)
    assert out["sentence_marked"].tolist() == [
        "【近日】，又有16家企业签约。", "【2023年】，组建了20家创新联合体。", "【5月18日】，航线启航。"
    ]  # fmt: skip
    assert out["date_label"].tolist() == ["2024-05（近日）", "2023（年）", "2024-05-18（日）"]
    assert out["title"].tolist() == ["天津协同创新", "天津协同创新", "郑州加速度"]


@pytest.mark.parametrize(
    "selected,include_relative,ids",
    [(["天津", "郑州"], True, ["e2", "e1", "e3"]), (["天津"], False, ["e2"]), ([], True, [])],
)
def test_events_for_regions(selected, include_relative, ids):
    assert dd.events_for_regions(EVENTS, selected, include_relative)["event_id"].tolist() == ids


def test_event_selection_rows_fit_the_chart_helper():
    rows = dd.event_selection_rows(dd.events_with_articles(EVENTS, ARTICLES))
    assert list(rows.columns) == [
        "fact_id", "region", "date_label", "raw", "planned", "description", "sentence", "sentence_marked",
        "title", "source", "published",
    ]  # fmt: skip
    assert rows.loc[0, "fact_id"] == "e1" and rows.loc[0, "date_label"] == "2024-05（近日）"


def test_a_report_printed_without_a_headline_is_shown_by_its_first_words():
    # the △ briefs of a column and the captions of a page of pictures have no headline (2026-12-03)
    arts = pd.DataFrame({"title": ["", "天津：融合三地"], "text": ["△联席会议制度已在我省全面实行。截至目前,已有西安等地", "正文"]})
    shown = dd.with_shown_titles(arts)
    assert shown["title"].tolist() == ["〔联席会议制度已在我省全面实行。截至目…〕", "天津：融合三地"]
    assert arts["title"].tolist()[0] == ""  # the store's own rows are not changed
