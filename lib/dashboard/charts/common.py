"""What every chart shares: the pinned CJK font, the base layout with notes under the plot, the
source line (来源：outlet and months), region lists in titles, ASCII file-name slugs, and how a
number is shown (money in 亿元, value labels marked >, ≥, ≈ or ≤ when approximate). Also the small
row helpers the builders have in common (region filter and order, wrapped notes, an empty figure
with a message). Pure: no Streamlit, no I/O.
"""

from __future__ import annotations

import functools
import hashlib
import math
import re

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from lib.dashboard.i18n import DEFAULT_LANG, region_name, t
from lib.dashboard.safe_text import plotly_text
from lib.extract import currencies

FONT_FAMILY = "Noto Sans CJK SC, WenQuanYi Micro Hei, Microsoft YaHei, PingFang SC, sans-serif"
YI = 1e8
WAN = 1e4
PEOPLE_UNITS = ("人", "人次")
QUALIFIER_MARK = {"exact": "", "more_than": ">", "at_least": "≥", "nearly": "≈", "about": "≈", "at_most": "≤"}
MAX_REGIONS_IN_TITLE = 5
# ASCII names for common units, used in download file names (others become a short hash).
UNIT_SLUGS = {"%": "pct", "个百分点": "pp", "亿元": "100m-yuan", "亿美元": "100m-usd", "家": "firms",
              "个": "units", "项": "items", "台": "machines", "张": "cards", "P": "pflops"}  # fmt: skip


# Okabe-Ito colours (safe for the common colour-vision deficiencies), yellow left out (unreadable on white).
# A region's colour comes from its name, so it is the same on every chart, in every export and whichever
# regions are selected; the order keeps the four seed regions apart.
REGION_PALETTE = ("#E69F00", "#0072B2", "#56B4E9", "#000000", "#999933", "#D55E00", "#009E73", "#CC79A7")


def region_color(region: str) -> str:
    digest = hashlib.sha1(region.encode("utf-8")).hexdigest()
    return REGION_PALETTE[int(digest, 16) % len(REGION_PALETTE)]


# Money is drawn in 亿 of its currency, except per-person figures (人均), drawn in the currency itself.
PER_PERSON = "人均"


def display_units(facts: pd.DataFrame) -> pd.DataFrame:
    """Adds ``display_value`` and ``display_unit``: money in 亿元 (亿美元 ...), per-person money (人均) in 元;
    falls (direction down) negative; people in 万人 (万人次) when
    every figure of the rows in that unit is 10,000 or more, as the bureaus write populations; other counts
    in their base unit. One unit per base unit for all the rows, so a chart never mixes 人 and 万人."""
    out = facts.copy()
    base = out["base_unit"].fillna("")
    # Money is charted in 亿 of its currency (value_base / 1e8); the currency table says what is money.
    is_money = base.map(currencies.is_money).astype(bool)
    out["display_unit"] = base.where(~is_money, "亿" + base.map(currencies.canonical))
    out["display_value"] = out["value_base"].where(~is_money, out["value_base"] / YI)
    # Per-person money (人均可支配收入53581元) stays in its currency: 0.0005358亿元 would be unreadable.
    names = out.get("indicator_name", pd.Series("", index=out.index)).fillna("") + "|" + out.get(
        "indicator", pd.Series("", index=out.index)
    ).fillna("")
    per_person = is_money & names.str.contains(PER_PERSON, regex=False)
    out.loc[per_person, "display_value"] = out.loc[per_person, "value_base"]
    out.loc[per_person, "display_unit"] = base[per_person].map(currencies.canonical)
    for unit in PEOPLE_UNITS:
        mine = base == unit
        values = out.loc[mine, "value_base"].abs()
        if mine.any() and (values >= WAN).all():
            out.loc[mine, "display_value"] = out.loc[mine, "value_base"] / WAN
            out.loc[mine, "display_unit"] = "万" + unit
    if "kind" in out.columns:
        # The parts of a structure ratio (三次产业结构为1.6:34.5:63.9) are percentages written without the sign.
        out.loc[(out["kind"] == "share_pct") & (base == ""), "display_unit"] = "%"
    if "direction" in out.columns:
        # 比上年下降19.0% is stored as written (19.0, direction down): drawn as the fall it is.
        down = (out["direction"] == "down") & (out["display_value"] > 0)
        out.loc[down, "display_value"] = -out.loc[down, "display_value"]
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


def in_regions(df: pd.DataFrame, regions: list[str] | None) -> pd.DataFrame:
    if regions is None:
        return df
    keep = df["region"].isin(regions)
    return df if keep.all() else df[keep]


def source_line(facts: pd.DataFrame, lang: str = DEFAULT_LANG) -> str:
    """来源：<outlet> <months>; ... for the facts given (publication months, not days)."""
    if facts.empty or "source" not in facts.columns:
        return ""
    months: dict[str, set[str]] = {}
    pub = facts["published"] if "published" in facts.columns else pd.Series("", index=facts.index)
    # Each (outlet, month) once before the loop: a store of 100,000 facts has a few dozen.
    pairs = pd.DataFrame({"s": facts["source"].fillna("").astype(str), "d": pub.fillna("").astype(str).str[:7]})
    pairs = pairs.drop_duplicates()
    for src, date in zip(pairs["s"], pairs["d"], strict=True):
        # Outlet names come from sidecars and the paste form: shown as text, never as Plotly HTML.
        months.setdefault(plotly_text(src) or "?", set()).add(plotly_text(str(date)[:7]))
    parts = [f"{src} {'、'.join(sorted(m for m in ms if m))}".strip() for src, ms in months.items()]
    return t("source_prefix", lang) + "；".join(parts)


def regions_text(regions: list[str], lang: str = DEFAULT_LANG) -> str:
    """Region names for a chart title, escaped for Plotly (link places come from article text)."""
    sep = "、" if lang == "zh" else ", "
    regions = [plotly_text(region_name(r, lang)) for r in regions]
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


def region_order(rows: pd.DataFrame, regions: list[str] | None) -> list[str]:
    return list(regions) if regions is not None else list(dict.fromkeys(rows["region"]))


# layout.meta[NO_DATA_META]: the selected regions a comparison chart shows as 无数据 (export.no_data_regions: a CSV row each)
NO_DATA_META = "no_data"


@functools.cache
def _template() -> go.layout.Template:
    # The object, looked up once: naming it ("plotly_white") looks it up and copies it per figure
    # (16 ms against 10 ms a chart, several charts a run).
    return pio.templates["plotly_white"]


def _set_template(fig: go.Figure) -> None:
    # The object as it is, unvalidated, the way Plotly sets a default template on a new figure:
    # validating it copies every trace type's defaults (13 ms of the 17 a chart spent on it).
    layout = fig.layout
    validate = layout._validate
    layout._validate = False
    try:
        layout.template = _template()
    finally:
        layout._validate = validate


def base_layout(fig: go.Figure, title: str, note_lines: list[str]) -> go.Figure:
    _set_template(fig)
    fig.update_layout(
        title={"text": title, "x": 0.01, "xanchor": "left"},
        font={"family": FONT_FAMILY, "size": 13},
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


def empty_figure(title: str, message: str, note_lines: list[str] | None = None) -> go.Figure:
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
    return base_layout(fig, title, note_lines or [])


def cell_click_layer(
    x: list[str], y: list[str], ids: list[list[str]], hovertemplate: str, extra: list[list] | None = None
) -> go.Scatter:
    """Invisible markers at the centre of every heatmap cell, so a click on a cell selects it:
    Plotly heatmaps take no selections, scatter points do. ``ids[i][j]`` is cell (y[i], x[j])'s
    comma-joined row ids or its key (``compare.cell_key``; '' for a blank cell, so a click there selects nothing); it becomes
    ``customdata[0]``, ``extra[i][j]`` the rest. Use with ``layout.hoverdistance = -1``: the
    nearest centre, i.e. the cell under the pointer, answers anywhere in it."""
    xs, ys, custom = [], [], []
    for i, row in enumerate(ids):
        for j, cell in enumerate(row):
            xs.append(x[j])
            ys.append(y[i])
            custom.append([cell, *(extra[i][j] if extra else [])])
    return go.Scatter(
        x=xs, y=ys, mode="markers", customdata=custom, hovertemplate=hovertemplate, showlegend=False,
        marker={"size": 24, "opacity": 0, "color": "#000"}, name="",
    )  # fmt: skip
