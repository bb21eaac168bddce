"""Charts of the ``events`` table: the timeline, dated events by region (rows) on a time axis,
symbols telling how sure a date is (as written, year inferred, relative) and hollow markers for
planned events; points of one region close in time are stacked so a burst stays readable. Also
the date helpers the dashboard's tables reuse (``date_label``, ``event_timestamp``). (Named
``events`` rather than ``timeline`` so the module is never shadowed by ``charts.timeline``.)
"""

from __future__ import annotations

import re

import pandas as pd
import plotly.graph_objects as go

from lib.dashboard.charts.common import (
    base_layout,
    empty_figure,
    in_regions,
    region_order,
    regions_text,
    source_line,
    wrap_note,
)
from lib.dashboard.i18n import DEFAULT_LANG, t
from lib.dashboard.safe_text import plotly_text

# Date kinds: how sure the date is. Each has its own symbol (hollow when planned) and colour.
DATE_KINDS = ("written", "year_inferred", "relative")
DATE_SYMBOLS = {"written": "circle", "year_inferred": "diamond", "relative": "square"}
DATE_COLORS = {"written": "#1f77b4", "year_inferred": "#6a9fd4", "relative": "#8c8c8c"}
PLANNED_COLOR = "#d62728"
DATE_KIND_LABELS = {
    "written": "date_written",
    "year_inferred": "date_year_inferred",
    "relative": "date_relative",
}
DATE_KIND_NOTES = {"written": "", "year_inferred": "note_year_inferred", "relative": "note_relative"}
_PRECISION_LABELS = {"day": "prec_day", "month": "prec_month", "year": "prec_year"}
# Points of one region closer in time than 1/CLUSTER_FRACTION of the axis span are stacked
# vertically (axis units: one per region), so a burst of 近日/目前 statements stays readable.
CLUSTER_FRACTION = 60
STACK_STEP = 0.16
STACK_SPAN = 0.84
MARKER_SIZE = 11
ROW_PX = 80


def date_label(date: str, precision: str, relative: str = "", lang: str = DEFAULT_LANG) -> str:
    """The date with its precision: 2024-05-19（日）, 2024-05（月）; a relative date with its word."""
    what = relative if precision == "relative" and relative else None
    if what is None:
        key = _PRECISION_LABELS.get(precision)
        what = t(key, lang) if key else precision
    return f"{date}（{what}）" if lang == "zh" else f"{date} ({what})"


def event_timestamp(date: str) -> pd.Timestamp | None:
    """Where a date is drawn: the first day of its period; None when it has no year (--MM-DD)."""
    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", str(date or ""))
    if not m:
        return None
    return pd.Timestamp(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))


def date_kind(precision: str, year_inferred: bool) -> str:
    if precision == "relative":
        return "relative"
    return "year_inferred" if year_inferred else "written"


def stack_clusters(regions: list[str], times: list[pd.Timestamp]) -> list[tuple[int, int]]:
    """(position, size) of each point in its cluster: points of one region whose times lie within
    1/CLUSTER_FRACTION of the whole span of the first point of their cluster (input in time order)."""
    span = (max(times) - min(times)) if times else pd.Timedelta(0)
    tolerance = max(span / CLUSTER_FRACTION, pd.Timedelta(days=1))
    cluster_of: list[tuple[str, int]] = []
    start: dict[str, pd.Timestamp] = {}
    number: dict[str, int] = {}
    for region, x in zip(regions, times, strict=True):
        if region not in start or x - start[region] > tolerance:
            start[region] = x
            number[region] = number.get(region, -1) + 1
        cluster_of.append((region, number[region]))
    sizes: dict[tuple[str, int], int] = {}
    for c in cluster_of:
        sizes[c] = sizes.get(c, 0) + 1
    seen: dict[tuple[str, int], int] = {}
    out = []
    for c in cluster_of:
        out.append((seen.get(c, 0), sizes[c]))
        seen[c] = seen.get(c, 0) + 1
    return out


def _stack_offset(position: int, size: int) -> float:
    return (position - (size - 1) / 2) * min(STACK_STEP, STACK_SPAN / size)


def timeline(events: pd.DataFrame, lang: str = DEFAULT_LANG, regions: list[str] | None = None) -> go.Figure:
    """Dated events by region (rows) on a time axis.

    Input: rows of the ``events`` table; ``source``/``published`` (see
    ``dashboard_data.events_with_articles``) feed the source line. Month and year dates are drawn
    at the period's first day and labelled with their precision. Symbols tell how sure a date is
    (circle: as written; diamond: year inferred; square: relative, placed at publication); planned
    events are hollow markers in their own trace. Dates without a year are left out (noted).
    ``customdata[0]`` is the ``event_id``.
    """
    rows = in_regions(events, regions).copy()
    rows["_x"] = [event_timestamp(d) for d in rows["date"]]
    undated = int(rows["_x"].isna().sum())
    rows = rows[rows["_x"].notna()].sort_values("_x", kind="stable")
    order = region_order(rows, regions)
    title = t("chart_timeline_title", lang, regions=regions_text(order, lang))
    notes = [t("undated_note", lang, n=undated)] if undated else []
    if rows.empty or not order:
        return empty_figure(title, t("no_events", lang), notes)

    rows["_kind"] = [
        date_kind(p, bool(i)) for p, i in zip(rows["date_precision"], rows["year_inferred"], strict=True)
    ]
    clusters = stack_clusters(rows["region"].tolist(), rows["_x"].tolist())
    rows["_y"] = [
        order.index(r) + _stack_offset(pos, size)
        for r, (pos, size) in zip(rows["region"], clusters, strict=True)
    ]
    biggest = max(size for _, size in clusters)
    relative = rows["relative"].fillna("") if "relative" in rows.columns else pd.Series("", index=rows.index)
    rows["_label"] = [
        date_label(d, p, r, lang)
        for d, p, r in zip(rows["date"], rows["date_precision"], relative, strict=True)
    ]
    hover = (
        "<b>%{customdata[1]}</b> · %{customdata[3]}<br>"
        f"{t('hover_description', lang)}: %{{customdata[2]}}"
        "%{customdata[4]}<extra>%{fullData.name}</extra>"
    )

    def note(kind: str, planned: bool) -> str:
        parts = [t(DATE_KIND_NOTES[kind], lang)] if DATE_KIND_NOTES[kind] else []
        parts += [t("note_planned", lang)] if planned else []
        return "".join(f"<br><i>{p}</i>" for p in parts)

    def add(grp: pd.DataFrame, name: str, symbols: list[str], color: str, planned: bool) -> None:
        fig.add_scatter(
            name=name,
            x=grp["_x"].tolist(),
            y=grp["_y"].tolist(),
            mode="markers",
            marker={
                "symbol": symbols,
                "size": MARKER_SIZE,
                "color": color,
                "opacity": 0.9,
                "line": {"width": 2 if planned else 1, "color": color if planned else "white"},
            },
            customdata=list(
                zip(
                    grp["event_id"],
                    grp["_label"],
                    [plotly_text(d) for d in grp["description"]],  # article text: never Plotly HTML
                    grp["region"],
                    [note(k, planned) for k in grp["_kind"]],
                    strict=True,
                )
            ),  # fmt: skip
            hovertemplate=hover,
        )

    fig = go.Figure()
    planned_mask = rows["planned"].fillna(False).astype(bool)
    for kind in DATE_KINDS:
        grp = rows[~planned_mask & (rows["_kind"] == kind)]
        if len(grp):
            add(
                grp,
                t(DATE_KIND_LABELS[kind], lang),
                [DATE_SYMBOLS[kind]] * len(grp),
                DATE_COLORS[kind],
                False,
            )
    planned = rows[planned_mask]
    if len(planned):
        symbols = [f"{DATE_SYMBOLS[k]}-open" for k in planned["_kind"]]
        add(planned, t("planned", lang), symbols, PLANNED_COLOR, True)

    fig.update_xaxes(title_text=t("axis_date", lang), type="date", showgrid=True)
    fig.update_yaxes(
        title_text=t("axis_region", lang),
        tickmode="array",
        tickvals=list(range(len(order))),
        ticktext=order,
        range=[len(order) - 0.5, -0.5],
        zeroline=False,
        showgrid=False,
    )
    for i in range(1, len(order)):  # separators between the regions' rows
        fig.add_hline(y=i - 0.5, line={"color": "#e5e5e5", "width": 1})
    notes = [t("timeline_legend_note", lang), *notes, *wrap_note(source_line(rows, lang))]
    fig = base_layout(fig, title, [n for n in notes if n])
    fig.update_layout(
        height=220 + len(order) * max(ROW_PX, int(biggest * (MARKER_SIZE + 2) / STACK_SPAN)),
        legend={"orientation": "h", "y": 1.02, "x": 1, "xanchor": "right", "yanchor": "bottom"},
    )
    return fig
