from __future__ import annotations

import pandas as pd
import pytest

from lib import dashboard_data as dd

OPTIONS = ["天津", "天津港", "郑州", "上饶", "黑龙江"]


@pytest.mark.parametrize(
    "raw,selected,unknown",
    [
        (None, OPTIONS, []),
        ("", [], []),
        ("天津", ["天津"], []),
        ("天津,郑州", ["天津", "郑州"], []),
        (" 郑州 ， 天津 ", ["郑州", "天津"], []),
        ("上饶、黑龙江;郑州", ["上饶", "黑龙江", "郑州"], []),
        ("郑州,郑州", ["郑州"], []),
        ("黑龙", ["黑龙江"], []),  # unique prefix
        ("天", OPTIONS, ["天"]),  # ambiguous prefix, nothing else: all
        ("北京,郑州", ["郑州"], ["北京"]),
        ("北京", OPTIONS, ["北京"]),
    ],
)
def test_regions_from_param(raw, selected, unknown):
    assert dd.regions_from_param(raw, OPTIONS) == dd.ParsedRegions(selected, unknown)


@pytest.mark.parametrize(
    "selected,expected",
    [
        (OPTIONS, None),
        (list(reversed(OPTIONS)), None),
        (["天津"], "天津"),
        (["郑州", "天津"], "郑州,天津"),
        ([], ""),
    ],
)
def test_region_param(selected, expected):
    assert dd.region_param(selected, OPTIONS) == expected


@pytest.mark.parametrize("selected", [[], ["天津"], ["天津", "郑州"], OPTIONS])
def test_region_param_round_trips(selected):
    param = dd.region_param(selected, OPTIONS)
    assert dd.regions_from_param(param, OPTIONS).selected == selected


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
        # located by offset: the second 16家 in the text is the one marked
        ({"sentence": "16家企业，又有16家。", "raw": "16家", "field": "text", "char_start": 11,
          "article_text": "前言。16家企业，又有16家。"}, "16家企业，又有【16家】。"),
        # no article text: the first occurrence
        ({"sentence": "技术合同额152亿元。", "raw": "152亿元", "field": "text", "char_start": 0},
         "技术合同额【152亿元】。"),
        # in the title
        ({"sentence": "100P算力中心", "raw": "100P", "field": "title", "char_start": 4,
          "title": "黑龙江：100P算力中心"}, "【100P】算力中心"),
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
