"""Charts of the ``facts`` table: one standard indicator compared across regions (bars for one
period, lines over periods) and the region × category coverage heatmap.

The comparison builders take the rows ``lib.dashboard.comparable`` selected (one indicator, kind,
period and basis, whole regions only) and draw nothing else. A selected region without the figure
keeps its slot, marked 无数据 / no data, and is named under the chart; targets are hollow with a
dashed outline and the legend says 目标 / target. ``customdata[0]`` of every bar or point is the
``fact_id``, so a selection can be traced back to its sentence; a heatmap cell's is its ``cell_key``
(a cell of 11 regions at 100,000 facts held 56,000 ids, all sent to the browser): ``coverage_rows``
says which facts a key stands for, on the server.
"""

from __future__ import annotations

import re

import pandas as pd
import plotly.graph_objects as go

from lib.dashboard.charts.common import (
    NO_DATA_META,
    base_layout,
    cell_click_layer,
    empty_figure,
    in_regions,
    region_color,
    region_order,
    regions_text,
    source_line,
    wrap_note,
)
from lib.dashboard.i18n import CATEGORIES, DEFAULT_LANG, kind_text, label, t, unit_name
from lib.dashboard.periods import period_key, period_label
from lib.dashboard.safe_text import plotly_text

APPROX_PATTERN = "/"
ACTUAL_COLOR = "#1f77b4"
TARGET_COLOR = "#d62728"
NO_DATA_COLOR = "#888"
# Above the plot, left to right: a legend at the side takes a third of a phone's width.
LEGEND = {"orientation": "h", "x": 0, "xanchor": "left", "y": 1.0, "yanchor": "bottom", "title": {"text": ""}}
TOP_MARGIN = 100  # a two-line title and the legend above the plot


# 5,000 / 10,000 on a 亿元 axis, not Plotly's SI 5k / 10k (no Chinese reader counts in k).
PLAIN_TICKS = {"exponentformat": "none", "separatethousands": True}


def first_mentions(facts: pd.DataFrame) -> pd.DataFrame:
    """Rows that are not repetitions of an earlier mention (``facts`` itself when all are)."""
    first = facts["mention_of"].fillna("") == ""
    return facts if first.all() else facts[first]


def _period_text(period: str, basis: str, lang: str) -> str:
    return period_label(period, basis, lang)


def _custom(rows: pd.DataFrame, lang: str) -> list[tuple]:
    return list(
        zip(
            rows["fact_id"],
            [plotly_text(r) for r in rows["raw"]],  # article text: never Plotly HTML
            [label("qualifier", q, lang) for q in rows["qualifier"]],
            [plotly_text(_period_text(p, b, lang)) for p, b in zip(rows["period"], rows["basis"], strict=True)],
            [plotly_text(s) for s in rows["source"]],
            strict=True,
        )
    )


def _hover(unit: str, lang: str, x: str = "%{x}") -> str:
    return (
        f"<b>{x}</b> · %{{fullData.name}}<br>"
        # as the bar's label writes it (18,024), never 1.802e+4: thousands separated, at most two decimals
        f"{t('hover_value', lang)}: %{{y:,.2~f}} {plotly_text(unit)}<br>"
        f"{t('hover_period', lang)}: %{{customdata[3]}}<br>"
        f"{t('hover_raw', lang)}: %{{customdata[1]}}<br>"
        f"{t('hover_qualifier', lang)}: %{{customdata[2]}}<br>"
        f"{t('col_source', lang)}: %{{customdata[4]}}<extra></extra>"
    )


def _axis_title(what: str, unit: str, lang: str) -> str:
    return t("what_unit", lang, what=plotly_text(what), unit=plotly_text(unit_name(unit, lang))) if unit else plotly_text(what)


def _axis_name(rows: pd.DataFrame, lang: str = DEFAULT_LANG) -> str:
    """The indicator and, unless it is a level, its kind: 地区生产总值 · 增长率 (%), never 地区生产总值 (%) on an axis
    that a cropped or embedded chart shows without its title."""
    name, kind, target_kind = rows["indicator_name"].iloc[0], rows["kind"].iloc[0], rows["target_kind"].iloc[0]
    # (the unit follows in brackets: 增速变化（百分点） is 增速变化 on the axis)
    kind_words = re.sub(r"\s*[（(][^）)]*[）)]$", "", kind_text(kind, target_kind, lang))
    return name if kind == "level" else f"{name} · {kind_words}"


def _is_target(rows: pd.DataFrame) -> bool:
    return bool(len(rows)) and (rows["kind"] == "target").all()


def _notes(rows: pd.DataFrame, missing: list[str], lang: str) -> list[str]:
    notes = []
    if missing:
        notes.append(t("no_data_note", lang, regions=regions_text(missing, lang)))
    if len(rows) and (rows["qualifier"] != "exact").any():
        notes.append(t("approx_note", lang))
    if _is_target(rows):
        notes.append(t("target_note", lang))
    revised = revised_regions(rows)
    if revised:
        notes.append(t("revised_note", lang, regions=regions_text(revised, lang)))
    notes += wrap_note(source_line(rows, lang))  # many outlets: one line each would run off the chart
    return [n for n in notes if n]


def revised_regions(rows: pd.DataFrame) -> list[str]:
    """Regions whose drawn figure of a year comes from a report published more than a year after it (郑州's 2023 GDP
    from the 2024 communiqué, revised after the economic census): a later vintage than a first release beside it."""
    if rows.empty or "published" not in rows:
        return []
    year = rows["period"].str.extract(r"^(\d{4})", expand=False)
    published = rows["published"].fillna("").str.extract(r"^(\d{4})", expand=False)
    later = year.notna() & published.notna() & (published.astype(float) > year.astype(float) + 1)
    return list(dict.fromkeys(rows.loc[later, "region"]))


BAR_TEXT_PX = 12


def _bar_trace(rows: pd.DataFrame, unit: str, lang: str) -> go.Bar:
    target = _is_target(rows)
    approx = rows["qualifier"] != "exact"
    line = TARGET_COLOR if target else ACTUAL_COLOR
    return go.Bar(
        name=t("legend_target" if target else "legend_actual", lang),
        x=[plotly_text(r) for r in rows["region"]],
        y=rows["display_value"].tolist(),
        # The period under the value: on one line ("18,024 · 2024") it was wider than a phone's bar and
        # plotly shrank it to a few pixels.
        text=[f"{lab}<br>{plotly_text(_period_text(p, b, lang))}"
              for lab, p, b in zip(rows["label"], rows["period"], rows["basis"], strict=True)],
        textposition="outside",
        textfont={"size": BAR_TEXT_PX},
        cliponaxis=False,
        # Targets hollow (outline only): never drawn like an achieved value.
        marker={
            "color": "rgba(0,0,0,0)" if target else ACTUAL_COLOR,
            "line": {"color": line, "width": 2},
            "pattern": {"shape": [APPROX_PATTERN if a else "" for a in approx], "solidity": 0.35,
                        "fgcolor": line if target else "#fff"},
        },
        customdata=_custom(rows, lang),
        hovertemplate=_hover(unit, lang),
        showlegend=True,
    )  # fmt: skip


def indicator_bars(
    rows: pd.DataFrame, regions: list[str], what: str, lang: str = DEFAULT_LANG
) -> go.Figure:
    """One bar per selected region: ``rows`` are the drawn figures of one view (``comparable.drawn``);
    ``what`` names it (indicator, kind, period) for the title and the y axis."""
    order = list(regions)
    unit = rows["display_unit"].iloc[0] if len(rows) else ""
    missing = [r for r in order if r not in set(rows["region"])]
    title = t("chart_compare_title", lang, what=plotly_text(what), regions=regions_text(order, lang))
    fig = go.Figure()
    if len(rows):
        fig.add_trace(_bar_trace(rows, unit, lang))
    else:  # no bars, but every region's slot and its 无数据 mark
        fig.update_yaxes(range=[0, 1], showticklabels=False)
    # The slot stays, and says why it is empty (one list: add_annotation per region cost 5 ms each).
    fig.update_layout(annotations=[
        {"x": plotly_text(region), "y": 0, "yref": "y", "text": t("no_data", lang), "showarrow": False,
         "yanchor": "bottom", "font": {"color": NO_DATA_COLOR, "size": 12}} for region in missing
    ])  # fmt: skip
    xaxis = {"type": "category", "categoryorder": "array", "categoryarray": [plotly_text(r) for r in order]}
    if order:
        xaxis["range"] = [-0.5, len(order) - 0.5]
    fig.update_layout(xaxis=xaxis, showlegend=True, legend=LEGEND)
    fig.update_xaxes(title_text=t("axis_region", lang))
    name = _axis_name(rows, lang) if len(rows) else what  # the period is in the title
    fig.update_yaxes(title_text=_axis_title(name, unit, lang), rangemode="tozero", **PLAIN_TICKS)
    fig = base_layout(fig, title, _notes(rows, missing, lang))
    return fig.update_layout(legend=LEGEND, margin_t=TOP_MARGIN, meta={NO_DATA_META: missing})


def indicator_lines(
    rows: pd.DataFrame, regions: list[str], what: str, lang: str = DEFAULT_LANG
) -> go.Figure:
    """One line per region over the periods of ``rows`` (``comparable.period_series``)."""
    order = [r for r in regions if r in set(rows["region"])]
    missing = [r for r in regions if r not in set(rows["region"])]
    title = t("chart_lines_title", lang, what=plotly_text(what), regions=regions_text(list(regions), lang))
    if rows.empty:
        return empty_figure(title, t("no_data", lang), _notes(rows, missing, lang)).update_layout(
            meta={NO_DATA_META: missing}
        )
    unit = rows["display_unit"].iloc[0]
    target = _is_target(rows)
    periods = list(dict.fromkeys(rows.sort_values("period", key=_period_sort)["period"]))
    fig = go.Figure()
    for region in order:
        grp = rows[rows["region"] == region]
        fig.add_scatter(
            name=plotly_text(region) + (f" · {t('legend_target', lang)}" if target else ""),
            x=[plotly_text(_period_text(p, b, lang)) for p, b in zip(grp["period"], grp["basis"], strict=True)],
            y=grp["display_value"].tolist(),
            mode="lines+markers+text",
            text=grp["label"].tolist(),
            textposition="top center",
            cliponaxis=False,  # the highest point's label was cut by the plot's top edge
            line={"dash": "dash" if target else "solid", "color": region_color(region)},
            marker={"size": 10, "symbol": "circle-open" if target else "circle", "color": region_color(region)},
            customdata=_custom(grp, lang),
            hovertemplate=_hover(unit, lang),  # the period, then the line's name (天津): not 天津 · 天津
        )
    categories = [plotly_text(_period_text(p, rows["basis"].iloc[0], lang)) for p in periods]
    fig.update_xaxes(title_text=t("col_period", lang), type="category", categoryorder="array", categoryarray=categories)
    fig.update_yaxes(title_text=_axis_title(_axis_name(rows, lang), unit, lang), **PLAIN_TICKS)
    fig = base_layout(fig, title, _notes(rows, missing, lang))
    return fig.update_layout(legend=LEGEND, margin_t=TOP_MARGIN, meta={NO_DATA_META: missing})


def _period_sort(s: pd.Series) -> pd.Series:
    return s.map(period_key)


CELL_SEP = "|"  # region|category: neither holds one (nor the comma a selection splits ids on)


def cell_key(region: str, category: str) -> str:
    """A heatmap cell's id in ``customdata[0]``: what it stands for is in ``coverage_rows``' ``cell``."""
    return f"{region}{CELL_SEP}{category}"


def coverage_rows(facts: pd.DataFrame) -> pd.DataFrame:
    """The first mentions the coverage heatmap counts, with ``cell``: the ``cell_key`` of the cell
    each falls in (the rows a clicked cell lists and the CSV holds)."""
    rows = first_mentions(facts)
    return rows.assign(cell=rows["region"].fillna("").astype(str) + CELL_SEP + rows["category"].fillna("").astype(str))


def coverage_counts(facts: pd.DataFrame, regions: list[str] | None = None) -> pd.DataFrame:
    """First mentions per region (rows) and category (columns, in the documented order)."""
    rows = in_regions(first_mentions(facts), regions)
    order = region_order(rows, regions)
    present = set(rows["category"].unique())  # once: a set per category took seconds at 100,000 facts
    cats = [c for c in CATEGORIES if c in present] + sorted(present - set(CATEGORIES))
    table = rows.groupby(["region", "category"]).size().unstack(fill_value=0) if len(rows) else pd.DataFrame()
    return table.reindex(index=order, columns=cats, fill_value=0).fillna(0).astype(int)


def counts_of(counts: pd.DataFrame, rows: pd.DataFrame, regions: list[str] | None) -> pd.DataFrame:
    """``coverage_counts(rows, regions)`` taken from every region's ``counts``: the selected regions'
    rows, the categories they have."""
    table = counts.reindex(index=region_order(rows, regions), fill_value=0)
    return table.loc[:, (table > 0).any(axis=0)] if len(table) else table.iloc[:, :0]


CELL_ROW_PX = 26  # a category row of the coverage heatmap: its count in 13 px type


def coverage_heatmap(
    facts: pd.DataFrame, regions: list[str] | None = None, lang: str = DEFAULT_LANG,
    counts: pd.DataFrame | None = None,
) -> go.Figure:
    """How many figures each region has in each category (first mentions): categories as rows,
    regions as columns. ``facts`` may be ``coverage_rows`` already (the filter is the same);
    ``counts``, when given, is ``coverage_counts(facts)`` of every region (computed once per build:
    the group-by took 50 ms a run at 100,000 facts), from which the selected regions are taken.

    Transposed from regions × categories: 22 category columns were 8 px wide on a 390 px phone,
    while a handful of region columns keep their counts legible and category names read flat."""
    # Only the columns drawn: taking rows copies every column, and the store's facts have dozens.
    rows = in_regions(first_mentions(facts[["region", "category", "mention_of", "source", "published"]]), regions)
    counts = (coverage_counts(rows, regions) if counts is None else counts_of(counts, rows, regions)).T
    cell_ids = [[cell_key(r, c) if n else "" for r, n in zip(counts.columns, row, strict=True)]
                for c, row in zip(counts.index, counts.values.tolist(), strict=True)]  # fmt: skip
    x = [plotly_text(r) for r in counts.columns]
    y = [label("category", c, lang) for c in counts.index]
    counts_list = counts.values.tolist()
    fig = go.Figure(
        go.Heatmap(
            z=counts_list,
            x=x,
            y=y,
            text=counts_list,
            texttemplate="%{text}",
            colorscale="Blues",
            showscale=False,  # every cell prints its count; the colour bar's ticks ran together on a phone
            hoverinfo="skip",  # the click layer answers hovers and clicks
            xgap=2,
            ygap=2,
        )
    )
    fig.add_trace(
        cell_click_layer(
            x, y, cell_ids,
            f"<b>%{{x}}</b> · %{{y}}<br>{t('col_count', lang)}: %{{customdata[1]}}<extra></extra>",
            [[[n] for n in row] for row in counts_list],
        )
    )  # fmt: skip
    fig.update_layout(hoverdistance=-1)
    fig.update_xaxes(title_text=t("axis_region", lang), type="category")
    fig.update_yaxes(title_text=t("col_category", lang), type="category", autorange="reversed")
    title = t("chart_coverage_title", lang, regions=regions_text(counts.columns.tolist(), lang))
    notes = wrap_note(source_line(rows, lang)) if len(rows) else []
    fig = base_layout(fig, title, notes)
    return fig.update_layout(height=max(fig.layout.height, 190 + CELL_ROW_PX * len(y) + 18 * len(notes)))
