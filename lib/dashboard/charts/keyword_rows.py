"""Which rows of the ``keywords`` table the keyword charts draw: the region-scope terms of the
selected regions (in the selection's order, best rank first) and the terms several of them
share. Pure DataFrame selection, no plotting, no Streamlit; ``lib.dashboard.views`` re-exports both
functions for the Keywords page.
"""

from __future__ import annotations

import pandas as pd


def region_keywords(keywords: pd.DataFrame, regions: list[str], top_n: int | None = None) -> pd.DataFrame:
    """The region-scope keyword rows of the given regions (in that order, best rank first)."""
    rows = keywords[(keywords["scope"] == "region") & keywords["scope_id"].isin(regions)]
    if top_n is not None:
        rows = rows[rows["rank"] <= top_n]
    order = {r: i for i, r in enumerate(regions)}
    return (
        rows.assign(_order=rows["scope_id"].map(order))
        .sort_values(["_order", "rank"], kind="stable")
        .drop(columns="_order")
        .reset_index(drop=True)
    )


SHARED_COLUMNS = ["term", "regions", "n_regions", "weight_sum"]


def shared_terms(keywords: pd.DataFrame, regions: list[str], min_regions: int = 2) -> pd.DataFrame:
    """Terms among the region keywords of at least ``min_regions`` of the given regions.

    One row per term: ``regions`` (list, in the given order), ``n_regions`` and ``weight_sum``
    (sum of the term's 0..1 weights); most widely shared first, then heaviest, then by term.
    """
    rows = region_keywords(keywords, regions)
    if rows.empty:
        return pd.DataFrame(columns=SHARED_COLUMNS)
    grouped = rows.groupby("term", sort=False).agg(
        regions=("scope_id", lambda s: list(dict.fromkeys(s))), weight_sum=("weight", "sum")
    )
    grouped["n_regions"] = grouped["regions"].map(len)
    grouped = grouped[grouped["n_regions"] >= min_regions].reset_index()
    grouped["weight_sum"] = grouped["weight_sum"].round(6)
    out = grouped.sort_values(
        ["n_regions", "weight_sum", "term"], ascending=[False, False, True], kind="stable"
    )
    return out[SHARED_COLUMNS].reset_index(drop=True)
