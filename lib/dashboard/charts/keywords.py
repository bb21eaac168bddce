"""Charts of the ``keywords`` table: each region's most distinctive terms (one bar panel per
region) and the terms several regions share (a terms × regions heatmap of weights). The rows they
draw come from ``lib.dashboard.charts.keyword_rows``; ``customdata[0]`` is ``term_id(region, term)``.
"""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from lib.dashboard.charts import keyword_rows
from lib.dashboard.charts.common import (
    base_layout,
    cell_click_layer,
    empty_figure,
    region_color,
    regions_text,
    source_line,
    wrap_note,
)
from lib.dashboard.i18n import DEFAULT_LANG, t
from lib.dashboard.phone_layout import PHONE_CHART_PX, units
from lib.dashboard.safe_text import plotly_text

MAX_SHARED_TERMS = 30
UNION_TOP_N = 5
KEYWORD_PANEL_COLUMNS = 2  # four panels across were 60 px each on a 390 px phone
TICK_UNIT_PX = 6  # a 12 px term label: a CJK character is two units (phone_layout.units)


def _panel_spacing(rows: pd.DataFrame, shown: list[str], ncols: int) -> float:
    """The gap between panel columns, as a share of the plot's width on a phone: wide enough for the right
    column's longest term, which is written left of its axis, in the gap (战略性新兴产业 ran into the left
    panel's 0.36 at 390 px)."""
    if ncols < 2:
        return 0.0
    def label_px(regions: list[str]) -> int:
        terms = rows.loc[rows["scope_id"].isin(regions), "term"]
        return max((units(tm) for tm in terms), default=0) * TICK_UNIT_PX
    left = [r for i, r in enumerate(shown) if i % ncols == 0]
    right = [r for i, r in enumerate(shown) if i % ncols]
    plot_px = PHONE_CHART_PX - label_px(left) - 20  # the left column's labels take the margin
    return min(max((label_px(right) + 6) / max(plot_px, 1), 0.3), 0.4)  # panels stay 70 px or more on a phone


def term_id(region: str, term: str) -> str:
    """The selection id of a region's keyword (``customdata[0]`` in the keyword charts)."""
    return f"kw:{region}:{term}"


def _keyword_sources(articles: pd.DataFrame | None, regions: list[str], lang: str) -> list[str]:
    if articles is None or articles.empty:
        return []
    return wrap_note(source_line(articles[articles["region"].isin(regions)], lang))


def keyword_bars(
    keywords: pd.DataFrame,
    regions: list[str],
    lang: str = DEFAULT_LANG,
    top_n: int = 10,
    articles: pd.DataFrame | None = None,
) -> go.Figure:
    """Each region's most distinctive terms: one horizontal bar panel per region, weight on x.

    Input: rows of the ``keywords`` table (region scope is used); ``articles`` (optional) feeds
    the source line. ``customdata[0]`` is ``term_id(region, term)``.
    """
    from plotly.subplots import make_subplots

    rows = keyword_rows.region_keywords(keywords, regions, top_n)
    title = t("chart_keywords_title", lang, n=top_n, regions=regions_text(regions, lang))
    sources = _keyword_sources(articles, regions, lang)
    if rows.empty:
        return empty_figure(title, t("no_keywords", lang), sources)
    shown = [r for r in regions if r in set(rows["scope_id"])]
    ncols = min(len(shown), KEYWORD_PANEL_COLUMNS)
    nrows = math.ceil(len(shown) / ncols)
    fig = make_subplots(
        rows=nrows, cols=ncols, subplot_titles=[plotly_text(r) for r in shown], horizontal_spacing=_panel_spacing(rows, shown, ncols),
        vertical_spacing=min(0.3 / nrows, 0.12) if nrows > 1 else 0.0,
    )  # fmt: skip
    hover = (
        "<b>%{y}</b> · %{customdata[1]}<br>"
        f"{t('hover_weight', lang)}: %{{x:.2f}}<br>{t('hover_rank', lang)}: %{{customdata[2]}}<extra></extra>"
    )
    axes: dict[str, dict] = {}  # every panel's axes in one layout update (22 updates cost 0.1 s)
    for i, region in enumerate(shown):
        grp = rows[rows["scope_id"] == region]
        r = i // ncols + 1
        n = "" if i == 0 else str(i + 1)  # make_subplots numbers the panels row by row
        fig.add_bar(
            name=region,
            x=grp["weight"].tolist(),
            y=[plotly_text(tm) for tm in grp["term"]],  # terms come from article text
            orientation="h",
            marker={"color": region_color(region)},
            text=[f"{w:.2f}" for w in grp["weight"]],
            # inside a bar long enough to hold it: outside, a long bar's value ran into the next
            # panel's terms on a phone (0.61 over 国家中心城市)
            textposition="auto",
            insidetextanchor="end",
            cliponaxis=False,
            customdata=[
                [term_id(region, tm), plotly_text(region), int(rk)]
                for tm, rk in zip(grp["term"], grp["rank"], strict=True)
            ],
            hovertemplate=hover,
            showlegend=False,
            xaxis=f"x{n}",
            yaxis=f"y{n}",
        )
        axes[f"yaxis{n}"] = {"autorange": "reversed", "type": "category", "automargin": True}
        axes[f"xaxis{n}"] = {"range": [0, 1.25], "title": {"text": t("axis_weight", lang) if r == nrows else None}}
    fig.update_layout(axes)
    fig = base_layout(fig, title, [t("keywords_note", lang), *sources])
    fig.update_layout(height=max(420, 140 + nrows * (60 + 26 * top_n)))
    return fig


def shared_terms(
    keywords: pd.DataFrame,
    regions: list[str],
    lang: str = DEFAULT_LANG,
    articles: pd.DataFrame | None = None,
) -> go.Figure:
    """Terms × regions heatmap of keyword weights (blank where a region lacks the term): the terms
    at least two of the regions share; when none are shared, the union of each region's top terms
    with a note saying so. ``customdata`` of a cell is ``term_id(region, term)`` ('' when blank).
    """
    rows = keyword_rows.region_keywords(keywords, regions)
    present = [r for r in regions if r in set(rows["scope_id"])]
    shared = keyword_rows.shared_terms(keywords, regions)
    sources = _keyword_sources(articles, regions, lang)
    if len(shared):
        terms = shared["term"].head(MAX_SHARED_TERMS).tolist()
        title = t("chart_shared_title", lang, regions=regions_text(present, lang))
    else:
        terms = list(dict.fromkeys(rows.loc[rows["rank"] <= UNION_TOP_N, "term"]))
        title = t("chart_no_shared_title", lang, n=UNION_TOP_N, regions=regions_text(regions, lang))
    if not terms:
        return empty_figure(title, t("no_keywords", lang), sources)
    weights = rows.set_index(["term", "scope_id"])["weight"]
    z = [[weights.get((tm, r)) for r in present] for tm in terms]
    xs = [plotly_text(r) for r in present]
    ys = [plotly_text(tm) for tm in terms]
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=xs,
            y=ys,
            text=[[f"{w:.2f}" if w is not None else "" for w in row] for row in z],
            texttemplate="%{text}",
            colorscale="Blues",
            zmin=0,
            zmax=1,
            hoverinfo="skip",  # the click layer answers hovers and clicks
            colorbar={"title": {"text": t("hover_weight", lang)}},
            xgap=2,
            ygap=2,
        )
    )
    cell_ids = [
        [term_id(r, tm) if w is not None else "" for r, w in zip(present, row, strict=True)]
        for tm, row in zip(terms, z, strict=True)
    ]
    weights_text = [[[f"{w:.2f}" if w is not None else "–"] for w in row] for row in z]
    fig.add_trace(
        cell_click_layer(
            xs, ys, cell_ids,
            f"<b>%{{y}}</b> · %{{x}}<br>{t('hover_weight', lang)}: %{{customdata[1]}}<extra></extra>",
            weights_text,
        )
    )  # fmt: skip
    fig.update_layout(hoverdistance=-1)
    fig.update_xaxes(title_text=t("axis_region", lang), type="category")
    fig.update_yaxes(title_text=t("axis_term", lang), type="category", autorange="reversed", automargin=True)
    notes = [t("keywords_note", lang), *sources]
    if not len(shared):
        fig.add_annotation(
            text=t("no_shared_note", lang), xref="paper", yref="paper", x=0, xanchor="left", y=1.0,
            yanchor="bottom", yshift=6, showarrow=False, font={"size": 13, "color": "#b00"},
        )  # fmt: skip
    fig = base_layout(fig, title, notes)
    fig.update_layout(height=max(380, 220 + 26 * len(terms)), margin={"t": 100})
    return fig
