"""Charts of the ``events`` table: the timeline, events grouped by region (rows) and month (x),
one dot per group with its count, hollow for planned events (drawn at the planned period), so a
burst of 近日/目前 statements or a store of 100,000 facts stays one readable chart of capped height.
A click on a dot lists its events (``customdata[0]`` is their comma-joined ``event_id``s). Also the
date helpers the dashboard's tables reuse (``date_label``, ``event_timestamp``). (Named ``events``
rather than ``timeline`` so the module is never shadowed by ``charts.timeline``.)
"""

from __future__ import annotations

import math
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

DATE_KINDS = ("written", "year_inferred", "relative")  # how sure a date is
ACTUAL_COLOR = "#1f77b4"
PLANNED_COLOR = "#d62728"
_PRECISION_LABELS = {"day": "prec_day", "month": "prec_month", "year": "prec_year"}
ROW_PX = 64  # per region row, until the height cap
MIN_ROW_PX = 22
MAX_HEIGHT = 900  # any number of events and regions: never taller than this
BASE_HEIGHT = 230  # title, legend, axis and notes
PLANNED_OFFSET = 0.25  # planned dots sit just below the row's line, so both show in one month
MAX_HOVER_EVENTS = 3


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


# Bins by the span of the dates: dots of neighbouring bins must not overlap on a chart ~1000 px wide.
BINS = (("month", 36), ("quarter", 120), ("year", None))  # (bin, up to this many months of span)


def bin_for(first: pd.Timestamp, last: pd.Timestamp) -> str:
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    return next(name for name, limit in BINS if limit is None or months <= limit)


def bin_start(x: pd.Timestamp, unit: str) -> pd.Timestamp:
    if unit == "year":
        return pd.Timestamp(x.year, 1, 1)
    if unit == "quarter":
        return pd.Timestamp(x.year, (x.month - 1) // 3 * 3 + 1, 1)
    return pd.Timestamp(x.year, x.month, 1)


def bin_label(start: pd.Timestamp, unit: str) -> str:
    if unit == "year":
        return str(start.year)
    if unit == "quarter":
        return f"{start.year}Q{(start.month - 1) // 3 + 1}"
    return start.strftime("%Y-%m")


def month_groups(rows: pd.DataFrame, unit: str | None = None) -> pd.DataFrame:
    """One row per (region, bin, planned) of dated events: ``month`` (the bin's first day),
    ``label`` (2024-05, 2024Q2, 2024), ``n``, the comma-joined ``event_ids`` in date order, counts
    per date kind and the first descriptions. The bin is ``unit`` (month, quarter, year), else
    chosen from the span (``bin_for``); year-only dates fall in the year's first month."""
    # Vectorised: a loop over the groups (value_counts, joins) cost 0.1 s a run at 18,000 events.
    x = rows["drawn_at"] if "drawn_at" in rows.columns else pd.Series([event_timestamp(d) for d in rows["date"]],
                                                                      index=rows.index, dtype="datetime64[ns]")  # fmt: skip
    dated = rows.assign(_x=x)[x.notna().to_numpy()]
    columns = ["region", "month", "label", "unit", "planned", "n", "event_ids", *DATE_KINDS, "descriptions"]
    if dated.empty:
        return pd.DataFrame(columns=columns)
    dated = dated.sort_values("_x", kind="stable")
    unit = unit or bin_for(dated["_x"].iloc[0], dated["_x"].iloc[-1])
    dated["month"] = dated["_x"].dt.to_period(_PERIOD_FREQ[unit]).dt.start_time
    dated["planned"] = dated["planned"].fillna(False).astype(bool)
    inferred = dated["year_inferred"].fillna(False).astype(bool)
    dated["_kind"] = inferred.map({True: "year_inferred", False: "written"}).where(
        dated["date_precision"] != "relative", "relative")  # fmt: skip
    dated["description"] = dated["description"].fillna("")
    keys = ["region", "month", "planned"]
    by = dated.groupby(keys, sort=False)  # groups in order of their first date, as drawn
    out = by.agg(n=("event_id", "size"), event_ids=("event_id", ",".join))
    kinds = dated.groupby([*keys, "_kind"], sort=False).size().unstack(fill_value=0)
    out = out.join(kinds.reindex(columns=list(DATE_KINDS), fill_value=0).astype(int))
    out["descriptions"] = dated.groupby(keys, sort=False).head(MAX_HOVER_EVENTS).groupby(keys, sort=False)[
        "description"].agg(list)  # fmt: skip
    out = out.reset_index()
    out["label"] = [bin_label(m, unit) for m in out["month"]]
    out["unit"] = unit
    out["n"] = out["n"].astype(int)
    return out[columns].sort_values(["month", "region"], kind="stable").reset_index(drop=True)


_PERIOD_FREQ = {"month": "M", "quarter": "Q", "year": "Y"}


def timeline_height(n_regions: int) -> int:
    """Grows with the regions, capped at MAX_HEIGHT (rows get thinner, down to MIN_ROW_PX)."""
    row = max(MIN_ROW_PX, min(ROW_PX, (MAX_HEIGHT - BASE_HEIGHT) // max(n_regions, 1)))
    return min(MAX_HEIGHT, BASE_HEIGHT + row * max(n_regions, 1))


def dot_size(n: int) -> float:
    return min(34.0, 14 + 5 * math.sqrt(n - 1))


RING_LINE_PX = 2
RING_FONT_PX = 9  # a planned ring's count: 11 px ran over the 14 px ring of one event


def ring_size(n: int) -> float:
    """A planned (hollow) dot: its count is written inside the ring's line, so the ring is a little
    bigger than a filled dot and holds the digits with a pixel to spare on every side."""
    digits = len(str(n))
    inside = max(RING_FONT_PX + 3, 0.6 * RING_FONT_PX * digits + 4)  # glyph height / width plus room
    return max(dot_size(n), inside + 2 * RING_LINE_PX)


PHONE_PLOT_PX = 240  # the timeline's plot on a 390 px phone (chart 358 px less its margins and y labels)
TARGET_TICKS = 6  # date ticks wanted across the plot: plotly's own choice left two at 390 px
_TICK_MONTHS = (1, 2, 3, 6, 12, 24, 60, 120)


def x_range(first: pd.Timestamp, last: pd.Timestamp, biggest_dot: float) -> list[pd.Timestamp]:
    """The x range with room for the biggest dot (``biggest_dot`` px across) and its ring at either end
    of a phone's plot: the pad p must hold the radius r in a plot of w px showing span + 2p, so
    p = f * span / (1 - 2f) with f = r / w; at least two months (one bin alone still has room)."""
    share = (biggest_dot / 2 + 4) / PHONE_PLOT_PX
    span = last - first
    pad = max(span * (share / (1 - 2 * share)), pd.Timedelta(days=60))
    return [first - pad, last + pad]


def x_dtick(first: pd.Timestamp, last: pd.Timestamp) -> str:
    """A date tick step (plotly's "M<months>") giving about TARGET_TICKS ticks across the span."""
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    step = next((m for m in _TICK_MONTHS if months / m <= TARGET_TICKS), _TICK_MONTHS[-1])
    return f"M{step}"


def timeline(events: pd.DataFrame, lang: str = DEFAULT_LANG, regions: list[str] | None = None) -> go.Figure:
    """Events per region (rows) and month (x): one dot per group, its count written in it.

    Input: rows of the ``events`` table; ``source``/``published`` (see
    ``views.events_with_articles``) feed the source line. Planned events are hollow dots in their own
    trace, at the period they are planned for; relative dates (近日, 目前) sit at the publication
    month, as the note says. Dates without a year are left out (noted). ``customdata[0]`` of a dot is
    its events' ``event_id``s joined by commas.
    """
    rows = in_regions(events, regions)
    groups = month_groups(rows)
    undated = len(rows) - int(groups["n"].sum()) if len(groups) else len(rows)
    order = [r for r in region_order(rows, regions)]
    unit = groups["unit"].iloc[0] if len(groups) else "month"
    title = t("chart_timeline_grouped_title", lang, per=t(f"per_{unit}", lang), regions=regions_text(order, lang))
    notes = [t("undated_note", lang, n=undated)] if undated else []
    if groups.empty or not order:
        return empty_figure(title, t("no_events", lang), notes)

    hover = (
        "<b>%{customdata[1]}</b> · %{customdata[2]}<br>"
        f"{t('hover_events', lang)}: %{{customdata[3]}} (%{{customdata[4]}})"
        "%{customdata[5]}<extra>%{fullData.name}</extra>"
    )
    fig = go.Figure()
    for planned in (False, True):
        grp = groups[groups["planned"] == planned]
        if grp.empty:
            continue
        color = PLANNED_COLOR if planned else ACTUAL_COLOR
        fig.add_scatter(
            name=t("planned" if planned else "legend_events", lang),
            x=grp["month"].tolist(),
            y=[order.index(r) + (PLANNED_OFFSET if planned else 0) for r in grp["region"]],
            mode="markers+text",
            text=[str(n) for n in grp["n"]],
            textfont={"color": color if planned else "white", "size": RING_FONT_PX if planned else 11},
            marker={
                "symbol": "circle-open" if planned else "circle",
                "size": [(ring_size if planned else dot_size)(n) for n in grp["n"]],
                "color": color,
                "opacity": 0.9,
                "line": {"width": RING_LINE_PX, "color": color},
            },
            customdata=[
                [g["event_ids"], plotly_text(g["region"]), g["label"], int(g["n"]),
                 t("hover_kinds", lang, written=g["written"], inferred=g["year_inferred"], relative=g["relative"]),
                 "".join(f"<br>· {plotly_text(d)}" for d in g["descriptions"])
                 + ("<br>…" if g["n"] > len(g["descriptions"]) else "")]
                for g in grp.to_dict("records")
            ],  # fmt: skip
            hovertemplate=hover,
        )
    first, last = groups["month"].min(), groups["month"].max()
    fig.update_xaxes(title_text=t("axis_date", lang), type="date", showgrid=True, range=x_range(first, last,
                     max(ring_size(n) for n in groups["n"])), dtick=x_dtick(first, last))  # fmt: skip
    fig.update_yaxes(
        title_text=t("axis_region", lang),
        tickmode="array",
        tickvals=list(range(len(order))),
        ticktext=[plotly_text(r) for r in order],
        range=[len(order) - 0.5, -0.5],
        zeroline=False,
        showgrid=False,
    )
    # Separators between the regions' rows, as one list: add_hline per row cost 15 ms each.
    fig.update_layout(shapes=[{"type": "line", "xref": "x domain", "x0": 0, "x1": 1, "yref": "y", "y0": i - 0.5,
                               "y1": i - 0.5, "line": {"color": "#e5e5e5", "width": 1}} for i in range(1, len(order))])  # fmt: skip
    relative = int(groups["relative"].sum())
    notes = [
        t("timeline_grouped_note", lang, per=t(f"one_{unit}", lang)),
        *([t("timeline_relative_note", lang)] if relative else []),
        *notes,
    ]
    notes += wrap_note(source_line(rows, lang))
    fig = base_layout(fig, title, [n for n in notes if n])
    fig.update_layout(
        height=timeline_height(len(order)) + 18 * len(notes),
        legend={"orientation": "h", "y": 1.02, "x": 1, "xanchor": "right", "yanchor": "bottom"},
    )
    return fig
