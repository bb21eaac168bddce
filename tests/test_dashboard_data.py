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
