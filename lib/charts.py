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
    rows["series"] = _series_names(rows)
    suffix = "%" if measure.unit == "%" else ""
    rows["label"] = [
        value_label(v, q) + suffix for v, q in zip(rows["display_value"], rows["qualifier"], strict=True)
    ]
    for col in ("source", "published"):
        if col not in rows.columns:
            rows[col] = ""
    return rows[COMPARE_COLUMNS].reset_index(drop=True)


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
