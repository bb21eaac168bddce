"""Charts of the ``facts`` table: grouped bars comparing regions in one consistent measure
(unit and kind of number), growth rates, and the region × category coverage heatmap, with the
data preparation they share. Input: rows of the ``facts`` table (see lib/store/schema.py); ``source``
and ``published`` (joined from ``articles``, see ``dashboard_data.facts_with_articles``) feed the
source line. Only first mentions (``mention_of == ''``) are charted, so a repeated number counts
once; a comparison keeps one figure per region, indicator and period and at most MAX_SERIES
indicators. ``customdata[0]`` of every bar is the ``fact_id`` (for the heatmap: the cell's fact
ids joined by commas), so a selection can be traced back to its sentence.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from lib.dashboard.charts.common import (
    base_layout,
    display_units,
    in_regions,
    region_order,
    regions_text,
    source_line,
    value_label,
)
from lib.dashboard.i18n import CATEGORIES, DEFAULT_LANG, label, t
from lib.dashboard.safe_text import plotly_text

APPROX_PATTERN = "/"
COMPARE_COLUMNS = [
    "fact_id", "region", "series", "indicator", "display_value", "display_unit", "label",
    "qualifier", "raw", "kind", "category", "period", "sentence", "source", "published",
]  # fmt: skip
MAX_SERIES = 12  # indicators drawn in one comparison; more is unreadable (and slow to draw)


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


def first_mentions(facts: pd.DataFrame) -> pd.DataFrame:
    """Rows that are not repetitions of an earlier mention."""
    return facts[facts["mention_of"].fillna("") == ""]


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
    rows = in_regions(_select(display_units(first_mentions(facts)), category, indicator), regions)
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
            name=plotly_text(series),  # indicator phrases come from article text
            x=[plotly_text(r) for r in grp["region"]],
            y=grp["display_value"].tolist(),
            text=grp["label"].tolist(),
            textposition="outside",
            cliponaxis=False,
            marker={"pattern": {"shape": [APPROX_PATTERN if a else "" for a in approx], "solidity": 0.35}},
            customdata=list(
                zip(
                    grp["fact_id"],
                    [plotly_text(r) for r in grp["raw"]],  # article text: never Plotly HTML
                    [label("qualifier", q, lang) for q in grp["qualifier"]],
                    [plotly_text(p) for p in grp["period"].fillna("").replace("", "—")],
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
    what = plotly_text(indicator) if indicator else (label("category", category, lang) if category else t("indicator", lang))
    kind = label("kind", measure.kind, lang) if measure else ""
    order = region_order(rows, regions)
    what_full = t("what_unit_kind", lang, what=what, unit=unit, kind=kind) if unit else what
    title = t("chart_compare_title", lang, what=what_full, regions=regions_text(order, lang))
    fig = _bars(rows, order, unit, lang)
    y_title = t("what_unit", lang, what=what, unit=unit) if unit else what
    fig.update_yaxes(title_text=y_title, type="log" if log else "linear")
    notes = [t("approx_note", lang)] if (rows["qualifier"] != "exact").any() else []
    if rows.attrs.get("dropped_indicators"):
        notes.append(t("dropped_note", lang, shown=MAX_SERIES, more=rows.attrs["dropped_indicators"]))
    notes.append(source_line(rows, lang))
    return base_layout(fig, title, [n for n in notes if n])


def growth_chart(
    facts: pd.DataFrame, regions: list[str] | None = None, lang: str = DEFAULT_LANG
) -> go.Figure:
    """Growth rates (kind ``change_pct``, in %) by region, one bar per indicator."""
    rows = compare_data(facts, measure=Measure("%", "change_pct"), regions=regions, lang=lang)
    order = region_order(rows, regions)
    fig = _bars(rows, order, "%", lang)
    fig.update_yaxes(title_text=t("axis_growth", lang), ticksuffix="%")
    notes = [t("approx_note", lang)] if (rows["qualifier"] != "exact").any() else []
    notes.append(source_line(rows, lang))
    title = t("chart_growth_title", lang, regions=regions_text(order, lang))
    return base_layout(fig, title, [n for n in notes if n])


def coverage_counts(facts: pd.DataFrame, regions: list[str] | None = None) -> pd.DataFrame:
    """First mentions per region (rows) and category (columns, in the documented order)."""
    rows = in_regions(first_mentions(facts), regions)
    order = region_order(rows, regions)
    cats = [c for c in CATEGORIES if c in set(rows["category"])] + sorted(
        set(rows["category"]) - set(CATEGORIES)
    )
    table = pd.crosstab(rows["region"], rows["category"]) if len(rows) else pd.DataFrame()
    return table.reindex(index=order, columns=cats, fill_value=0).fillna(0).astype(int)


def coverage_heatmap(
    facts: pd.DataFrame, regions: list[str] | None = None, lang: str = DEFAULT_LANG
) -> go.Figure:
    """How many figures each region has in each category (first mentions)."""
    rows = in_regions(first_mentions(facts), regions)
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
    return base_layout(fig, title, [source_line(rows, lang)] if len(rows) else [])


def indicators_by_coverage(facts: pd.DataFrame, category: str) -> list[str]:
    """A category's named indicators, those reported for the most regions first (ties: first seen).

    The Compare page offers them in this order and starts on the first one when at least two
    regions report it: a comparison of one indicator across regions is what the page is for."""
    rows = facts[(facts["category"] == category) & (facts["indicator"].fillna("") != "")]
    if rows.empty:
        return []
    coverage = rows.groupby("indicator", sort=False)["region"].nunique()
    return list(coverage.sort_values(ascending=False, kind="stable").index)
