"""Pure chart builders: a facts DataFrame in, a ``go.Figure`` out (no Streamlit, no I/O).

Every figure has a title naming what it shows and for which regions, axis titles with units, a
source line (来源：outlet and publication months of the facts shown), the CJK font pinned, and
hover text with value, qualifier and unit. ``customdata[0]`` of every point is the ``fact_id``
(for the heatmap: the cell's fact ids joined by commas), so a selection can be traced back to
its sentence.

Input: rows of the ``facts`` table (see lib/schema.py); ``source`` and ``published`` columns
(joined from ``articles``, see ``dashboard_data.facts_with_articles``) feed the source line.
Only first mentions (``mention_of == ''``) are charted, so a repeated number counts once.
"""

from __future__ import annotations

import hashlib
import math
import re
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from lib.i18n import CATEGORIES, DEFAULT_LANG, label, t

FONT_FAMILY = "Noto Sans CJK SC, WenQuanYi Micro Hei, Microsoft YaHei, PingFang SC, sans-serif"
# Currencies -> the unit money is charted in (value_base / 1e8).
CURRENCY_DISPLAY = {"元": "亿元", "美元": "亿美元", "欧元": "亿欧元", "港元": "亿港元", "日元": "亿日元"}
YI = 1e8
PERCENT_UNITS = {"%", "个百分点"}
QUALIFIER_MARK = {"exact": "", "more_than": ">", "at_least": "≥", "nearly": "≈", "about": "≈", "at_most": "≤"}
APPROX_PATTERN = "/"
MAX_REGIONS_IN_TITLE = 5
# ASCII names for common units, used in download file names (others become a short hash).
UNIT_SLUGS = {"%": "pct", "个百分点": "pp", "亿元": "100m-yuan", "亿美元": "100m-usd", "家": "firms",
              "个": "units", "项": "items", "台": "machines", "张": "cards", "P": "pflops"}  # fmt: skip
COMPARE_COLUMNS = [
    "fact_id", "region", "series", "indicator", "display_value", "display_unit", "label",
    "qualifier", "raw", "kind", "category", "period", "sentence", "source", "published",
]  # fmt: skip


@dataclass(frozen=True)
class Measure:
    """One consistent unit: the charted unit and the kind of number (levels apart from growth)."""

    unit: str
    kind: str

    @property
    def key(self) -> str:
        return f"{self.unit}|{self.kind}"

    @classmethod
    def from_key(cls, key: str) -> Measure:
        unit, _, kind = key.partition("|")
        return cls(unit, kind)

    def describe(self, lang: str = DEFAULT_LANG) -> str:
        return f"{self.unit or '—'} · {label('kind', self.kind, lang)}"


# --- data preparation (pure, tested) -----------------------------------------------------------


MAX_SERIES = 12  # indicators drawn in one comparison; more is unreadable (and slow to draw)


def first_mentions(facts: pd.DataFrame) -> pd.DataFrame:
    """Rows that are not repetitions of an earlier mention."""
    return facts[facts["mention_of"].fillna("") == ""]


def display_units(facts: pd.DataFrame) -> pd.DataFrame:
    """Adds ``display_value`` and ``display_unit``: money in 亿元 (亿美元 ...), counts in their base unit."""
    out = facts.copy()
    base = out["base_unit"].fillna("")
    is_money = base.isin(list(CURRENCY_DISPLAY))
    out["display_unit"] = base.where(~is_money, base.map(CURRENCY_DISPLAY))
    out["display_value"] = out["value_base"].where(~is_money, out["value_base"] / YI)
    return out


def format_value(value: float) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if abs(value) >= 1000:
        return f"{value:,.0f}"
    return f"{value:.4g}"


def value_label(value: float, qualifier: str) -> str:
    """The text on a bar: the value, prefixed with >, ≥, ≈ or ≤ when it is approximate."""
    return f"{QUALIFIER_MARK.get(qualifier, '≈')}{format_value(value)}"


def measures(facts: pd.DataFrame, category: str | None = None, indicator: str | None = None) -> list[Measure]:
    """The (unit, kind) pairs among first mentions of a category/indicator, most frequent first."""
    rows = _select(display_units(first_mentions(facts)), category, indicator)
    if rows.empty:
        return []
    counts = (
        rows.groupby(["display_unit", "kind"], sort=False).size().sort_values(ascending=False, kind="stable")
    )
    return [Measure(u, k) for u, k in counts.index]


def compare_categories(facts: pd.DataFrame) -> list[str]:
    """Categories to offer for comparison, in the documented order; growth has its own chart."""
    present = set(facts["category"])
    ordered = [c for c in CATEGORIES if c in present] + sorted(present - set(CATEGORIES))
    return [c for c in ordered if c != "growth"] or ordered


def _select(df: pd.DataFrame, category: str | None, indicator: str | None) -> pd.DataFrame:
    if category:
        df = df[df["category"] == category]
    if indicator:
        df = df[df["indicator"] == indicator]
    return df


def _in_regions(df: pd.DataFrame, regions: list[str] | None) -> pd.DataFrame:
    return df if regions is None else df[df["region"].isin(regions)]


def compare_data(
    facts: pd.DataFrame,
    category: str | None = None,
    indicator: str | None = None,
    measure: Measure | None = None,
    regions: list[str] | None = None,
    lang: str = DEFAULT_LANG,
) -> pd.DataFrame:
    """The rows a comparison chart draws (also its table view): first mentions in one measure.

    ``measure`` defaults to the most frequent one. ``series`` names a bar group: the indicator,
    with the period or a counter added when a region has the same indicator twice.
    """
    rows = _in_regions(_select(display_units(first_mentions(facts)), category, indicator), regions)
    if measure is None:
        found = measures(rows)
        if not found:
            return pd.DataFrame(columns=COMPARE_COLUMNS)
        measure = found[0]
    rows = rows[(rows["display_unit"] == measure.unit) & (rows["kind"] == measure.kind)].copy()
    if rows.empty:
        return pd.DataFrame(columns=COMPARE_COLUMNS)
    rows["indicator"] = rows["indicator"].fillna("").replace("", t("unnamed", lang))
    rows = _latest_per_series(rows)
    rows, dropped = _top_series(rows)
    rows["series"] = _series_names(rows)
    suffix = "%" if measure.unit == "%" else ""
    rows["label"] = [
        value_label(v, q) + suffix for v, q in zip(rows["display_value"], rows["qualifier"], strict=True)
    ]
    for col in ("source", "published"):
        if col not in rows.columns:
            rows[col] = ""
    out = rows[COMPARE_COLUMNS].reset_index(drop=True)
    out.attrs["dropped_indicators"] = dropped
    return out


def _latest_per_series(rows: pd.DataFrame) -> pd.DataFrame:
    """One figure per region, indicator and period: the most recently published one.

    Several articles often report the same indicator for the same region and period; drawing
    each would repeat the bar. The table view of the Facts page keeps every row."""
    published = rows["published"] if "published" in rows.columns else pd.Series("", index=rows.index)
    order = rows.assign(_pub=published.fillna("")).sort_values(["_pub", "fact_id"], ascending=[False, True])
    keep = order.drop_duplicates(["region", "indicator", rows["period"].fillna("").name], keep="first").index
    return rows.loc[rows.index.isin(keep)]


def _top_series(rows: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """At most MAX_SERIES indicators, those reported for the most regions; returns how many were cut."""
    counts = rows.groupby("indicator").agg(regions=("region", "nunique"), n=("region", "size"))
    if len(counts) <= MAX_SERIES:
        return rows, 0
    ranked = counts.sort_values(["regions", "n"], ascending=False, kind="stable").index[:MAX_SERIES]
    return rows[rows["indicator"].isin(ranked)], len(counts) - MAX_SERIES


def _series_names(rows: pd.DataFrame) -> list[str]:
    """Indicator, disambiguated so one region never has two bars in the same series."""
    names: list[str] = []
    seen: dict[tuple[str, str], int] = {}
    for region, ind, period in zip(rows["region"], rows["indicator"], rows["period"].fillna(""), strict=True):
        n = seen.get((region, ind), 0) + 1
        seen[(region, ind)] = n
        name = ind if n == 1 else f"{ind} ({period})" if period else f"{ind} #{n}"
        names.append(name)
    return names


def source_line(facts: pd.DataFrame, lang: str = DEFAULT_LANG) -> str:
    """来源：<outlet> <months>; ... for the facts given (publication months, not days)."""
    if facts.empty or "source" not in facts.columns:
        return ""
    months: dict[str, set[str]] = {}
    pub = facts["published"] if "published" in facts.columns else pd.Series("", index=facts.index)
    for src, date in zip(facts["source"].fillna(""), pub.fillna(""), strict=True):
        months.setdefault(src or "?", set()).add(str(date)[:7])
    parts = [f"{src} {'、'.join(sorted(m for m in ms if m))}".strip() for src, ms in months.items()]
    return t("source_prefix", lang) + "；".join(parts)


def regions_text(regions: list[str], lang: str = DEFAULT_LANG) -> str:
    sep = "、" if lang == "zh" else ", "
    if len(regions) <= MAX_REGIONS_IN_TITLE:
        return sep.join(regions)
    shown = regions[: MAX_REGIONS_IN_TITLE - 1]
    return sep.join(shown) + t("and_more", lang, n=len(regions), more=len(regions) - len(shown))


def slug(*parts: str) -> str:
    """An ASCII file name from parts; a non-ASCII part becomes a short hash, never disappears."""
    out = []
    for part in parts:
        part = UNIT_SLUGS.get(part, part)
        s = re.sub(r"[^a-z0-9]+", "-", str(part).lower()).strip("-")
        if not s and part:
            s = "u" + hashlib.sha1(str(part).encode()).hexdigest()[:6]
        if s:
            out.append(s)
    return "-".join(out) or "chart"


# --- figures -----------------------------------------------------------------------------------


def _region_order(rows: pd.DataFrame, regions: list[str] | None) -> list[str]:
    return list(regions) if regions is not None else list(dict.fromkeys(rows["region"]))


def _base_layout(fig: go.Figure, title: str, note_lines: list[str]) -> go.Figure:
    fig.update_layout(
        title={"text": title, "x": 0.01, "xanchor": "left"},
        font={"family": FONT_FAMILY, "size": 13},
        template="plotly_white",
        height=480,
        margin={"l": 70, "r": 30, "t": 70, "b": 90 + 18 * len(note_lines)},
        legend={"title": {"text": ""}},
    )
    if note_lines:
        fig.add_annotation(
            text="<br>".join(note_lines),
            xref="paper", yref="paper", x=0, y=0, xanchor="left", yanchor="top", yshift=-48,
            align="left", showarrow=False, font={"size": 11, "color": "#555"},
        )  # fmt: skip
    return fig


def _bars(rows: pd.DataFrame, order: list[str], unit: str, lang: str) -> go.Figure:
    fig = go.Figure()
    hover = (
        "<b>%{x}</b> · %{fullData.name}<br>"
        f"{t('hover_value', lang)}: %{{y:,.4~g}} {unit}<br>"
        f"{t('hover_raw', lang)}: %{{customdata[1]}}<br>"
        f"{t('hover_qualifier', lang)}: %{{customdata[2]}}<br>"
        f"{t('hover_period', lang)}: %{{customdata[3]}}<extra></extra>"
    )
    for series, grp in rows.groupby("series", sort=False):
        approx = grp["qualifier"] != "exact"
        fig.add_bar(
            name=series,
            x=grp["region"].tolist(),
            y=grp["display_value"].tolist(),
            text=grp["label"].tolist(),
            textposition="outside",
            cliponaxis=False,
            marker={"pattern": {"shape": [APPROX_PATTERN if a else "" for a in approx], "solidity": 0.35}},
            customdata=list(
                zip(
                    grp["fact_id"],
                    grp["raw"],
                    [label("qualifier", q, lang) for q in grp["qualifier"]],
                    grp["period"].fillna("").replace("", "—"),
                    strict=True,
                )
            ),
            hovertemplate=hover,
        )
    # A fixed range keeps selected regions without figures visible as empty slots.
    xaxis = {"type": "category", "categoryorder": "array", "categoryarray": order}
    if order:
        xaxis["range"] = [-0.5, len(order) - 0.5]
    fig.update_layout(barmode="group", xaxis=xaxis)
    fig.update_xaxes(title_text=t("axis_region", lang))
    return fig


def compare_bars(
    facts: pd.DataFrame,
    category: str | None = None,
    indicator: str | None = None,
    measure: Measure | None = None,
    regions: list[str] | None = None,
    log: bool = False,
    lang: str = DEFAULT_LANG,
) -> go.Figure:
    """Grouped bars, one group per region, one bar per indicator, in one consistent unit."""
    rows = compare_data(facts, category, indicator, measure, regions, lang)
    measure = measure or (Measure(rows["display_unit"].iloc[0], rows["kind"].iloc[0]) if len(rows) else None)
    unit = measure.unit if measure else ""
    what = indicator or (label("category", category, lang) if category else t("indicator", lang))
    kind = label("kind", measure.kind, lang) if measure else ""
    order = _region_order(rows, regions)
    what_full = t("what_unit_kind", lang, what=what, unit=unit, kind=kind) if unit else what
    title = t("chart_compare_title", lang, what=what_full, regions=regions_text(order, lang))
    fig = _bars(rows, order, unit, lang)
    y_title = t("what_unit", lang, what=what, unit=unit) if unit else what
    fig.update_yaxes(title_text=y_title, type="log" if log else "linear")
    notes = [t("approx_note", lang)] if (rows["qualifier"] != "exact").any() else []
    if rows.attrs.get("dropped_indicators"):
        notes.append(t("dropped_note", lang, shown=MAX_SERIES, more=rows.attrs["dropped_indicators"]))
    notes.append(source_line(rows, lang))
    return _base_layout(fig, title, [n for n in notes if n])


def growth_chart(
    facts: pd.DataFrame, regions: list[str] | None = None, lang: str = DEFAULT_LANG
) -> go.Figure:
    """Growth rates (kind ``change_pct``, in %) by region, one bar per indicator."""
    rows = compare_data(facts, measure=Measure("%", "change_pct"), regions=regions, lang=lang)
    order = _region_order(rows, regions)
    fig = _bars(rows, order, "%", lang)
    fig.update_yaxes(title_text=t("axis_growth", lang), ticksuffix="%")
    notes = [t("approx_note", lang)] if (rows["qualifier"] != "exact").any() else []
    notes.append(source_line(rows, lang))
    title = t("chart_growth_title", lang, regions=regions_text(order, lang))
    return _base_layout(fig, title, [n for n in notes if n])


def coverage_counts(facts: pd.DataFrame, regions: list[str] | None = None) -> pd.DataFrame:
    """First mentions per region (rows) and category (columns, in the documented order)."""
    rows = _in_regions(first_mentions(facts), regions)
    order = _region_order(rows, regions)
    cats = [c for c in CATEGORIES if c in set(rows["category"])] + sorted(
        set(rows["category"]) - set(CATEGORIES)
    )
    table = pd.crosstab(rows["region"], rows["category"]) if len(rows) else pd.DataFrame()
    return table.reindex(index=order, columns=cats, fill_value=0).fillna(0).astype(int)


def coverage_heatmap(
    facts: pd.DataFrame, regions: list[str] | None = None, lang: str = DEFAULT_LANG
) -> go.Figure:
    """How many figures each region has in each category (first mentions)."""
    rows = _in_regions(first_mentions(facts), regions)
    counts = coverage_counts(facts, regions)
    ids = rows.groupby(["region", "category"])["fact_id"].agg(",".join)
    custom = [[ids.get((r, c), "") for c in counts.columns] for r in counts.index]
    x = [label("category", c, lang) for c in counts.columns]
    fig = go.Figure(
        go.Heatmap(
            z=counts.values.tolist(),
            x=x,
            y=counts.index.tolist(),
            text=counts.values.tolist(),
            texttemplate="%{text}",
            colorscale="Blues",
            customdata=custom,
            colorbar={"title": {"text": t("col_count", lang)}},
            hovertemplate=f"<b>%{{y}}</b> · %{{x}}<br>{t('col_count', lang)}: %{{z}}<extra></extra>",
            xgap=2,
            ygap=2,
        )
    )
    fig.update_xaxes(title_text=t("col_category", lang), type="category")
    fig.update_yaxes(title_text=t("axis_region", lang), type="category", autorange="reversed")
    title = t("chart_coverage_title", lang, regions=regions_text(counts.index.tolist(), lang))
    return _base_layout(fig, title, [source_line(rows, lang)] if len(rows) else [])


# --- events: the timeline ----------------------------------------------------------------------

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


NOTE_WIDTH = 90  # characters per line of a note under a chart (a source line can list many outlets)


def wrap_note(line: str, width: int = NOTE_WIDTH) -> list[str]:
    """A long note (a source line) as lines of at most ``width`` characters, broken after ；."""
    if not line:
        return []
    lines: list[str] = []
    for part in re.split(r"(?<=；)", line):
        if lines and len(lines[-1]) + len(part) <= width:
            lines[-1] += part
        else:
            lines.append(part)
    return lines


def _empty_figure(title: str, message: str, note_lines: list[str] | None = None) -> go.Figure:
    fig = go.Figure()
    fig.add_annotation(
        text=message,
        xref="paper",
        yref="paper",
        x=0.5,
        y=0.5,
        showarrow=False,
        font={"size": 16, "color": "#555"},
    )
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return _base_layout(fig, title, note_lines or [])


def timeline(events: pd.DataFrame, lang: str = DEFAULT_LANG, regions: list[str] | None = None) -> go.Figure:
    """Dated events by region (rows) on a time axis.

    Input: rows of the ``events`` table; ``source``/``published`` (see
    ``dashboard_data.events_with_articles``) feed the source line. Month and year dates are drawn
    at the period's first day and labelled with their precision. Symbols tell how sure a date is
    (circle: as written; diamond: year inferred; square: relative, placed at publication); planned
    events are hollow markers in their own trace. Dates without a year are left out (noted).
    ``customdata[0]`` is the ``event_id``.
    """
    rows = _in_regions(events, regions).copy()
    rows["_x"] = [event_timestamp(d) for d in rows["date"]]
    undated = int(rows["_x"].isna().sum())
    rows = rows[rows["_x"].notna()].sort_values("_x", kind="stable")
    order = _region_order(rows, regions)
    title = t("chart_timeline_title", lang, regions=regions_text(order, lang))
    notes = [t("undated_note", lang, n=undated)] if undated else []
    if rows.empty or not order:
        return _empty_figure(title, t("no_events", lang), notes)

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
                    grp["description"],
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
    fig = _base_layout(fig, title, [n for n in notes if n])
    fig.update_layout(
        height=220 + len(order) * max(ROW_PX, int(biggest * (MARKER_SIZE + 2) / STACK_SPAN)),
        legend={"orientation": "h", "y": 1.02, "x": 1, "xanchor": "right", "yanchor": "bottom"},
    )
    return fig


# --- keywords: distinctive and shared terms ----------------------------------------------------

MAX_SHARED_TERMS = 30
UNION_TOP_N = 5
KEYWORD_PANEL_COLUMNS = 4
PANEL_COLORS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22"]


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

    from lib import dashboard_data as dd  # late: dashboard_data imports this module

    rows = dd.region_keywords(keywords, regions, top_n)
    title = t("chart_keywords_title", lang, n=top_n, regions=regions_text(regions, lang))
    sources = _keyword_sources(articles, regions, lang)
    if rows.empty:
        return _empty_figure(title, t("no_keywords", lang), sources)
    shown = [r for r in regions if r in set(rows["scope_id"])]
    ncols = min(len(shown), KEYWORD_PANEL_COLUMNS)
    nrows = math.ceil(len(shown) / ncols)
    fig = make_subplots(
        rows=nrows, cols=ncols, subplot_titles=shown, horizontal_spacing=0.14 if ncols > 1 else 0.0,
        vertical_spacing=min(0.3 / nrows, 0.12) if nrows > 1 else 0.0,
    )  # fmt: skip
    hover = (
        "<b>%{y}</b> · %{customdata[1]}<br>"
        f"{t('hover_weight', lang)}: %{{x:.2f}}<br>{t('hover_rank', lang)}: %{{customdata[2]}}<extra></extra>"
    )
    for i, region in enumerate(shown):
        grp = rows[rows["scope_id"] == region]
        r, c = i // ncols + 1, i % ncols + 1
        fig.add_bar(
            name=region,
            x=grp["weight"].tolist(),
            y=grp["term"].tolist(),
            orientation="h",
            marker={"color": PANEL_COLORS[i % len(PANEL_COLORS)]},
            text=[f"{w:.2f}" for w in grp["weight"]],
            textposition="outside",
            cliponaxis=False,
            customdata=[
                [term_id(region, tm), region, int(rk)]
                for tm, rk in zip(grp["term"], grp["rank"], strict=True)
            ],
            hovertemplate=hover,
            showlegend=False,
            row=r,
            col=c,
        )
        fig.update_yaxes(autorange="reversed", type="category", automargin=True, row=r, col=c)
        fig.update_xaxes(
            range=[0, 1.25], row=r, col=c, title_text=t("axis_weight", lang) if r == nrows else None
        )
    fig = _base_layout(fig, title, [t("keywords_note", lang), *sources])
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
    from lib import dashboard_data as dd  # late: dashboard_data imports this module

    rows = dd.region_keywords(keywords, regions)
    present = [r for r in regions if r in set(rows["scope_id"])]
    shared = dd.shared_terms(keywords, regions)
    sources = _keyword_sources(articles, regions, lang)
    if len(shared):
        terms = shared["term"].head(MAX_SHARED_TERMS).tolist()
        title = t("chart_shared_title", lang, regions=regions_text(present, lang))
    else:
        terms = list(dict.fromkeys(rows.loc[rows["rank"] <= UNION_TOP_N, "term"]))
        title = t("chart_no_shared_title", lang, n=UNION_TOP_N, regions=regions_text(regions, lang))
    if not terms:
        return _empty_figure(title, t("no_keywords", lang), sources)
    weights = rows.set_index(["term", "scope_id"])["weight"]
    z = [[weights.get((tm, r)) for r in present] for tm in terms]
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=present,
            y=terms,
            text=[[f"{w:.2f}" if w is not None else "" for w in row] for row in z],
            texttemplate="%{text}",
            customdata=[
                [term_id(r, tm) if w is not None else "" for r, w in zip(present, row, strict=True)]
                for tm, row in zip(terms, z, strict=True)
            ],
            colorscale="Blues",
            zmin=0,
            zmax=1,
            hoverongaps=False,
            colorbar={"title": {"text": t("hover_weight", lang)}},
            hovertemplate=f"<b>%{{y}}</b> · %{{x}}<br>{t('hover_weight', lang)}: %{{z:.2f}}<extra></extra>",
            xgap=2,
            ygap=2,
        )
    )
    fig.update_xaxes(title_text=t("axis_region", lang), type="category")
    fig.update_yaxes(title_text=t("axis_term", lang), type="category", autorange="reversed", automargin=True)
    notes = [t("keywords_note", lang), *sources]
    if not len(shared):
        fig.add_annotation(
            text=t("no_shared_note", lang), xref="paper", yref="paper", x=0, xanchor="left", y=1.0,
            yanchor="bottom", yshift=6, showarrow=False, font={"size": 13, "color": "#b00"},
        )  # fmt: skip
    fig = _base_layout(fig, title, notes)
    fig.update_layout(height=max(380, 220 + 26 * len(terms)), margin={"t": 100})
    return fig


# --- links between regions: network and map (Links page) ---------------------------------------
#
# Input: rows of the ``links`` table (see lib/links.py), with ``source``/``published`` joined from
# ``articles`` (``dashboard_data.links_with_articles``) for the source line. Links with the same
# source, target and relation are drawn as one edge whose width grows with the count.
# ``customdata[0]`` of every clickable point is a comma-joined list of ``link_id``s: the arrow on
# an edge carries that edge's links, a region's dot carries every link touching it.

RELATION_ORDER = ("rd_to_production", "route", "enclave", "cooperation", "investment")
RELATION_COLORS = {
    "rd_to_production": "#d62728",
    "route": "#1f77b4",
    "enclave": "#9467bd",
    "cooperation": "#2ca02c",
    "investment": "#ff7f0e",
}
OTHER_RELATION_COLOR = "#7f7f7f"
LEVEL_ORDER = ("province", "prefecture", "county", "macro", "foreign", "country")
LEVEL_COLORS = {
    "province": "#34495e",
    "prefecture": "#5d6d7e",
    "county": "#85929e",
    "macro": "#b7950b",
    "foreign": "#148f77",
    "country": "#566573",
}
EDGE_COLUMNS = ["source_region", "target_region", "relation", "count", "link_ids", "evidence",
                "source_level", "target_level"]  # fmt: skip
NODE_COLUMNS = ["region", "level", "degree", "link_ids"]
_CURVE_POINTS = 24
# A map wider than this (degrees of longitude) labels only the selected regions and foreign places.
WIDE_MAP_DEGREES = 60
_MAX_WIDTH_STEP = 4


def relation_color(relation: str) -> str:
    return RELATION_COLORS.get(relation, OTHER_RELATION_COLOR)


def _relation_rank(relation: str) -> int:
    return RELATION_ORDER.index(relation) if relation in RELATION_ORDER else len(RELATION_ORDER)


def link_edges(links: pd.DataFrame) -> pd.DataFrame:
    """One row per (source, target, relation): how many links, their ids (comma-joined) and the
    distinct evidence words (、-joined), in order of first appearance. Self-links are dropped."""
    if links.empty:
        return pd.DataFrame(columns=EDGE_COLUMNS)
    rows = links[links["source_region"] != links["target_region"]]
    if rows.empty:
        return pd.DataFrame(columns=EDGE_COLUMNS)
    grouped = rows.groupby(["source_region", "target_region", "relation"], sort=False).agg(
        count=("link_id", "size"),
        link_ids=("link_id", ",".join),
        evidence=("evidence", lambda s: "、".join(dict.fromkeys(e for e in s.fillna("") if e))),
        source_level=("source_level", "first"),
        target_level=("target_level", "first"),
    )
    return grouped.reset_index()[EDGE_COLUMNS]


def link_nodes(links: pd.DataFrame) -> pd.DataFrame:
    """One row per place at either end: its level, number of links touching it and their ids.

    Ordered for a circle layout: from the busiest place outwards along its strongest partners, so
    partners sit next to their hub and few edges cross.
    """
    edges = link_edges(links)
    if edges.empty:
        return pd.DataFrame(columns=NODE_COLUMNS)
    level: dict[str, str] = {}
    ids: dict[str, list[str]] = {}
    weight: dict[tuple[str, str], int] = {}
    for e in edges.itertuples(index=False):
        level.setdefault(e.source_region, e.source_level)
        level.setdefault(e.target_region, e.target_level)
        for name in (e.source_region, e.target_region):
            ids.setdefault(name, []).extend(e.link_ids.split(","))
        pair = tuple(sorted((e.source_region, e.target_region)))
        weight[pair] = weight.get(pair, 0) + int(e.count)
    degree = {name: len(v) for name, v in ids.items()}
    first = {name: i for i, name in enumerate(level)}
    partners: dict[str, list[tuple[int, str]]] = {}
    for (a, b), w in weight.items():
        partners.setdefault(a, []).append((w, b))
        partners.setdefault(b, []).append((w, a))
    order: list[str] = []
    for start in sorted(level, key=lambda n: (-degree[n], first[n])):
        stack = [start]
        while stack:
            node = stack.pop()
            if node in order:
                continue
            order.append(node)
            nxt = sorted(partners.get(node, []), key=lambda p: (-p[0], first[p[1]]))
            stack.extend(n for _, n in reversed(nxt) if n not in order)
    return pd.DataFrame(
        [(n, level[n], degree[n], ",".join(ids[n])) for n in order], columns=NODE_COLUMNS
    )


def _edge_width(count: int) -> float:
    return 1.2 + 1.3 * min(int(count), _MAX_WIDTH_STEP)


def _links_title(key: str, links: pd.DataFrame, regions: list[str] | None, lang: str) -> str:
    if regions is None:
        regions = list(dict.fromkeys([*links["source_region"], *links["target_region"]])) if len(links) else []
    return t(key, lang, regions=regions_text(list(regions), lang) if regions else "—")


def _links_empty(title: str, lang: str) -> go.Figure:
    fig = go.Figure()
    fig.add_annotation(
        text=t("links_empty_chart", lang), x=0.5, y=0.5, xref="paper", yref="paper",
        showarrow=False, font={"size": 16, "color": "#777"},
    )  # fmt: skip
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return _base_layout(fig, title, [])


def _edge_hover(lang: str) -> str:
    return (
        "<b>%{customdata[1]} → %{customdata[2]}</b><br>"
        f"{t('hover_relation', lang)}: %{{customdata[3]}}<br>"
        f"{t('hover_evidence', lang)}: %{{customdata[5]}}<br>"
        f"{t('hover_mentions', lang)}: %{{customdata[4]}}<extra></extra>"
    )


def _node_hover(lang: str) -> str:
    return (
        "<b>%{customdata[1]}</b><br>"
        f"{t('hover_level', lang)}: %{{customdata[2]}}<br>"
        f"{t('hover_links', lang)}: %{{customdata[3]}}<extra></extra>"
    )


def _edge_custom(e, lang: str) -> list:
    return [e.link_ids, e.source_region, e.target_region, label("relation", e.relation, lang), int(e.count),
            e.evidence or "—"]  # fmt: skip


def _pair_slots(edges: pd.DataFrame) -> list[int]:
    """For each edge, its index among the edges of the same ordered pair (0, 1, ...)."""
    seen: dict[tuple[str, str], int] = {}
    slots = []
    for s, d in zip(edges["source_region"], edges["target_region"], strict=True):
        slots.append(seen.get((s, d), 0))
        seen[(s, d)] = slots[-1] + 1
    return slots


def _circle(names: list[str]) -> dict[str, tuple[float, float]]:
    n = len(names)
    if n == 1:
        return {names[0]: (0.0, 0.0)}
    return {
        name: (math.cos(math.pi / 2 - 2 * math.pi * i / n), math.sin(math.pi / 2 - 2 * math.pi * i / n))
        for i, name in enumerate(names)
    }


def _text_position(x: float, y: float) -> str:
    if x > 0.35:
        return "middle right"
    if x < -0.35:
        return "middle left"
    return "top center" if y >= 0 else "bottom center"


def link_network(
    links: pd.DataFrame, lang: str = DEFAULT_LANG, regions: list[str] | None = None
) -> go.Figure:
    """Places on a circle, one curved arrow per (source, target, relation), coloured by relation.

    A→B and B→A bend to opposite sides; several relations between the same two places bend
    further apart. Width grows with the number of links. Hover: relation, evidence words, count.
    """
    title = _links_title("chart_links_title", links, regions, lang)
    edges = link_edges(links)
    nodes = link_nodes(links)
    if edges.empty:
        return _links_empty(title, lang)
    pos = _circle(nodes["region"].tolist())
    fig = go.Figure()
    edges = edges.assign(slot=_pair_slots(edges))
    for relation, grp in sorted(edges.groupby("relation", sort=False), key=lambda kv: _relation_rank(kv[0])):
        color, name = relation_color(relation), label("relation", relation, lang)
        mids_x, mids_y, angles, sizes, custom = [], [], [], [], []
        lines: dict[float, tuple[list, list]] = {}
        for e in grp.itertuples(index=False):
            (x0, y0), (x2, y2) = pos[e.source_region], pos[e.target_region]
            dx, dy = x2 - x0, y2 - y0
            length = math.hypot(dx, dy) or 1.0
            bend = length * (0.12 + 0.1 * e.slot)
            cx = (x0 + x2) / 2 - dy / length * bend * 2
            cy = (y0 + y2) / 2 + dx / length * bend * 2
            xs, ys = lines.setdefault(_edge_width(e.count), ([], []))
            for i in range(_CURVE_POINTS + 1):
                s = i / _CURVE_POINTS
                xs.append((1 - s) ** 2 * x0 + 2 * (1 - s) * s * cx + s**2 * x2)
                ys.append((1 - s) ** 2 * y0 + 2 * (1 - s) * s * cy + s**2 * y2)
            xs.append(None)
            ys.append(None)
            mids_x.append(0.25 * x0 + 0.5 * cx + 0.25 * x2)
            mids_y.append(0.25 * y0 + 0.5 * cy + 0.25 * y2)
            angles.append(math.degrees(math.atan2(dx, dy)))  # clockwise from up, as the tangent
            sizes.append(12 + 2 * min(int(e.count), _MAX_WIDTH_STEP))
            custom.append(_edge_custom(e, lang))
        for i, (width, (xs, ys)) in enumerate(sorted(lines.items())):
            fig.add_scatter(
                x=xs, y=ys, mode="lines", line={"color": color, "width": width}, opacity=0.75,
                name=name, legendgroup=relation, showlegend=i == 0, hoverinfo="skip",
            )  # fmt: skip
        fig.add_scatter(
            x=mids_x, y=mids_y, mode="markers", name=name, legendgroup=relation, showlegend=False,
            marker={"symbol": "arrow", "angle": angles, "size": sizes, "color": color,
                    "line": {"color": "white", "width": 1}},
            customdata=custom, hovertemplate=_edge_hover(lang),
        )  # fmt: skip
    _add_nodes_xy(fig, nodes, pos, lang)
    fig.update_xaxes(visible=False, range=[-1.6, 1.6])
    fig.update_yaxes(visible=False, range=[-1.35, 1.35], scaleanchor="x", scaleratio=1)
    notes = [t("links_arrow_note", lang), source_line(links, lang)]
    fig = _base_layout(fig, title, [n for n in notes if n])
    fig.update_layout(height=600, legend={"title": {"text": t("relations", lang)}}, hovermode="closest")
    return fig


def _node_groups(nodes: pd.DataFrame):
    levels = sorted(set(nodes["level"]), key=lambda v: LEVEL_ORDER.index(v) if v in LEVEL_ORDER else 99)
    for level in levels:
        yield level, nodes[nodes["level"] == level]


def _node_custom(grp: pd.DataFrame, lang: str) -> list[list]:
    return [
        [ids, name, label("level", level, lang), int(deg)]
        for ids, name, level, deg in zip(grp["link_ids"], grp["region"], grp["level"], grp["degree"], strict=True)
    ]


def _add_nodes_xy(fig: go.Figure, nodes: pd.DataFrame, pos: dict, lang: str) -> None:
    for i, (level, grp) in enumerate(_node_groups(nodes)):
        xy = [pos[n] for n in grp["region"]]
        fig.add_scatter(
            x=[p[0] for p in xy], y=[p[1] for p in xy], mode="markers+text",
            text=grp["region"].tolist(), textposition=[_text_position(*p) for p in xy],
            textfont={"size": 14},
            marker={"size": [14 + 3 * min(int(d), 6) for d in grp["degree"]], "color": LEVEL_COLORS.get(level, "#555"),
                    "line": {"color": "white", "width": 1.5}},
            name=label("level", level, lang), legendgroup="levels",
            legendgrouptitle={"text": t("legend_levels", lang)} if i == 0 else None,
            customdata=_node_custom(grp, lang), hovertemplate=_node_hover(lang),
        )  # fmt: skip


def _screen_angle(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Direction from point 1 to point 2 as a marker angle with ``angleref="up"`` (degrees clockwise
    from up), in a local equirectangular approximation. (``angleref="north"`` turns the other way
    in some plotly.js versions, so it is not used.)"""
    dx = (lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return math.degrees(math.atan2(dx, lat2 - lat1))


_LABEL_SIDES = (("top center", 0, 1), ("bottom center", 0, -1), ("middle right", 1, 0), ("middle left", -1, 0))


def _label_positions(points: dict[str, tuple[float, float]]) -> dict[str, str]:
    """A text position per place (in the given order, busiest first) that keeps labels of places
    close together apart: the first side whose label spot is not near a spot already taken."""
    if not points:
        return {}
    lats = [p[0] for p in points.values()]
    lons = [p[1] for p in points.values()]
    near = 0.05 * max(max(lons) - min(lons), max(lats) - min(lats), 10.0)
    taken: list[tuple[float, float]] = []
    out = {}
    for name, (lat, lon) in points.items():
        spots = [(side, (lon + dx * near, lat + dy * near)) for side, dx, dy in _LABEL_SIDES]
        # Labels are wider than tall: a spot is free unless one is within 1.6 x near across, 0.8 x near up.
        free = [
            (side, spot)
            for side, spot in spots
            if all(abs(spot[0] - a) > 1.6 * near or abs(spot[1] - b) > 0.8 * near for a, b in taken)
        ]
        side, spot = (free or spots)[0]
        out[name] = side
        taken.append(spot)
    return out


def link_map(links: pd.DataFrame, lang: str = DEFAULT_LANG, regions: list[str] | None = None) -> go.Figure:
    """The same edges on a world map (great circles), framed on China plus the partners present.

    The base map is ``lib.maps``' vendored topojson (scope world, 1:50m): the browser needs
    ``config={"topojsonURL": maps.TOPOJSON_URL}`` and kaleido ``maps.topojson_file_url()``.
    Country borders are not drawn (Natural Earth's borders are not China's official ones).
    Places without coordinates in the gazetteer are left out and named in a note.
    """
    from lib import maps  # the gazetteer loads on first use, not when charts is imported

    title = _links_title("chart_links_map_title", links, regions, lang)
    edges = link_edges(links)
    nodes = link_nodes(links)
    if edges.empty:
        return _links_empty(title, lang)
    coords = {n: maps.coordinates(n) for n in nodes["region"]}
    missing = [n for n, c in coords.items() if c is None]
    placed = edges[[coords[s] is not None and coords[d] is not None
                    for s, d in zip(edges["source_region"], edges["target_region"], strict=True)]]  # fmt: skip
    fig = go.Figure()
    slots = dict(zip(placed.index, _pair_slots(placed), strict=True))
    for relation, grp in sorted(placed.groupby("relation", sort=False), key=lambda kv: _relation_rank(kv[0])):
        color, name = relation_color(relation), label("relation", relation, lang)
        lines: dict[float, tuple[list, list]] = {}
        mids_lat, mids_lon, angles, sizes, custom = [], [], [], [], []
        for idx, e in zip(grp.index, grp.itertuples(index=False), strict=True):
            (la0, lo0), (la1, lo1) = coords[e.source_region], coords[e.target_region]
            lats, lons = lines.setdefault(_edge_width(e.count), ([], []))
            lats += [la0, la1, None]
            lons += [lo0, lo1, None]
            path_lat, path_lon = maps.great_circle(la0, lo0, la1, lo1, n=20)
            k = max(2, 9 - 2 * slots[idx])  # from the source's side: A→B and B→A apart
            mids_lat.append(path_lat[k])
            mids_lon.append((path_lon[k] + 180) % 360 - 180)
            angles.append(_screen_angle(path_lat[k], path_lon[k], path_lat[k + 1], path_lon[k + 1]))
            sizes.append(11 + 2 * min(int(e.count), _MAX_WIDTH_STEP))
            custom.append(_edge_custom(e, lang))
        for i, (width, (lats, lons)) in enumerate(sorted(lines.items())):
            fig.add_scattergeo(
                lat=lats, lon=lons, mode="lines", line={"color": color, "width": width}, opacity=0.8,
                name=name, legendgroup=relation, showlegend=i == 0, hoverinfo="skip",
            )  # fmt: skip
        fig.add_scattergeo(
            lat=mids_lat, lon=mids_lon, mode="markers", name=name, legendgroup=relation, showlegend=False,
            marker={"symbol": "arrow", "angle": angles, "angleref": "up", "size": sizes, "color": color,
                    "line": {"color": "white", "width": 1}},
            customdata=custom, hovertemplate=_edge_hover(lang),
        )  # fmt: skip
    shown = nodes[nodes["region"].map(lambda n: coords[n] is not None)]
    lons = [coords[n][1] for n in shown["region"]]
    wide = bool(lons) and max(lons) - min(lons) > WIDE_MAP_DEGREES
    keep_label = set(regions or []) | set(shown.loc[shown["level"] == "foreign", "region"])
    positions = _label_positions({n: coords[n] for n in shown["region"]})
    for i, (level, grp) in enumerate(_node_groups(shown)):
        fig.add_scattergeo(
            lat=[coords[n][0] for n in grp["region"]], lon=[coords[n][1] for n in grp["region"]],
            mode="markers+text", textposition=[positions[n] for n in grp["region"]], textfont={"size": 13},
            text=[n if not wide or n in keep_label else "" for n in grp["region"]],
            marker={"size": [9 + 2 * min(int(d), 6) for d in grp["degree"]], "color": LEVEL_COLORS.get(level, "#555"),
                    "line": {"color": "white", "width": 1}},
            name=label("level", level, lang), legendgroup="levels",
            legendgrouptitle={"text": t("legend_levels", lang)} if i == 0 else None,
            customdata=_node_custom(grp, lang), hovertemplate=_node_hover(lang),
        )  # fmt: skip
    box = maps.padded_bounds([coords[n] for n in shown["region"]])
    if box is not None:  # invisible corners: fitbounds then never zooms in to a single city
        (lo0, la0), (lo1, la1) = box
        fig.add_scattergeo(
            lat=[la0, la1], lon=[lo0, lo1], mode="markers", marker={"size": 1, "opacity": 0},
            hoverinfo="skip", showlegend=False,
        )  # fmt: skip
    fig.update_geos(
        scope=maps.SCOPE, resolution=maps.RESOLUTION, projection_type="natural earth", fitbounds="locations",
        showland=True, landcolor="#eef0f2", showocean=True, oceancolor="#f5f9fc", showlakes=True,
        lakecolor="#f5f9fc", showcoastlines=True, coastlinecolor="#9aa5b1", coastlinewidth=0.6,
        showcountries=False, showframe=False, bgcolor="rgba(0,0,0,0)",
    )  # fmt: skip
    notes = [t("links_map_note", lang)]
    if missing:
        gone = edges["source_region"].isin(missing) | edges["target_region"].isin(missing)
        notes.append(t("map_missing_coords", lang, n=int(edges.loc[gone, "count"].sum()), names="、".join(missing)))
    notes.append(source_line(links, lang))
    fig = _base_layout(fig, title, [n for n in notes if n])
    fig.update_layout(height=600, legend={"title": {"text": t("relations", lang)}}, margin={"l": 20, "r": 20})
    return fig
