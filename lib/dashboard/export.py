"""Export of a chart: PNG/SVG images (kaleido 1.x and Debian's chromium), a ZIP of a page's PNGs,
and the pure parts of the export bar under every chart (lib/dashboard/export_bar.py): the rows a
figure draws, their CSV, a "cite this chart" text and file names.

All figures of one call are rendered in ONE browser session (``kaleido.write_fig_from_object_sync``),
about 0.2 s per figure instead of a browser start (2-3 s) per figure. MathJax is off (kaleido
would fetch it from a CDN). Files get explicit names: kaleido's own naming strips non-ASCII
titles. Nothing can download a browser here, so a missing chromium raises ``ExportUnavailable``
with what to install; the modebar camera in the browser works without any of this.
"""

from __future__ import annotations

import html
import io
import os
import re
import shutil
import tempfile
import zipfile
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pyarrow as pa
import pyarrow.compute as pc

from lib.dashboard.i18n import DEFAULT_LANG, t
from lib.dashboard.safe_text import csv_safe

SCALE = 2
WIDTH = 1100
HEIGHT = 560
CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome", "chrome")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


class ExportUnavailable(RuntimeError):
    """No Chrome/Chromium to render with: PNG export is off, the browser's modebar still works."""


def chromium_path() -> str | None:
    """``BROWSER_PATH`` if set and executable, else Debian's chromium, else a Chrome on PATH."""
    env = os.environ.get("BROWSER_PATH")
    for candidate in ([env] if env else []) + list(CHROMIUM_CANDIDATES):
        found = candidate if os.path.isabs(candidate) else shutil.which(candidate)
        if found and os.access(found, os.X_OK):
            return found
    return None


def require_chromium() -> str:
    path = chromium_path()
    if path is None:
        raise ExportUnavailable(
            "no Chrome/Chromium found for PNG export (looked at $BROWSER_PATH, "
            f"{', '.join(CHROMIUM_CANDIDATES)}): apt-get install chromium fonts-wqy-microhei"
        )
    return path


def safe_name(name: str) -> str:
    """A file stem kaleido and ZIP readers accept: ASCII letters, digits, '-', '_' and '.'."""
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-.")
    if not stem:
        raise ValueError(f"figure name {name!r} has no ASCII letters or digits: give an explicit ASCII name")
    return stem


def figures_to_png(
    figs: dict[str, go.Figure], scale: float = SCALE, width: int = WIDTH, height: int = HEIGHT
) -> dict[str, bytes]:
    """Render every figure to PNG bytes in one kaleido browser session; keys are kept."""
    return figures_to_images(figs, "png", scale, width, height)


def figures_to_images(
    figs: dict[str, go.Figure], fmt: str = "png", scale: float = SCALE, width: int = WIDTH, height: int = HEIGHT
) -> dict[str, bytes]:
    """Render every figure to ``fmt`` ("png" or "svg") in one kaleido browser session; keys are kept
    (any text: the temporary files are numbered, kaleido never sees the names)."""
    if fmt not in ("png", "svg"):
        raise ValueError(f"format {fmt!r}: use png or svg")
    if not figs:
        return {}
    browser = require_chromium()
    import kaleido  # imported late: the dashboard starts without paying for it

    with tempfile.TemporaryDirectory(prefix="rdd-export-") as tmp:
        paths = {name: Path(tmp) / f"{i}.{fmt}" for i, name in enumerate(figs)}
        jobs = [
            {
                "fig": fig,
                "path": paths[name],
                # A figure that sets its own height (timeline, keyword panels) keeps it.
                "opts": {"format": fmt, "scale": scale, "width": width, "height": fig.layout.height or height},
                "topojson": topojson_url(),  # maps: the vendored base map, never the CDN
            }
            for name, fig in figs.items()
        ]
        kaleido.write_fig_from_object_sync(jobs, kopts={"mathjax": False, "path": browser})
        out = {}
        for name, path in paths.items():
            if not path.exists():
                raise RuntimeError(f"kaleido wrote no file for figure {name!r} ({path.name})")
            out[name] = path.read_bytes()
    return out


def figure_image(fig: go.Figure, fmt: str) -> bytes:
    """One figure as PNG or SVG bytes (the export bar's download buttons)."""
    return figures_to_images({"chart": fig}, fmt)["chart"]


def zip_pngs(pngs: dict[str, bytes]) -> bytes:
    """A ZIP holding ``<name>.png`` per entry (names made file-safe)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in pngs.items():
            zf.writestr(f"{safe_name(name)}.png", data)
    return buf.getvalue()


def png_size(data: bytes) -> tuple[int, int]:
    """(width, height) from a PNG's IHDR chunk; ValueError when it is not a PNG."""
    if not data.startswith(PNG_SIGNATURE) or data[12:16] != b"IHDR":
        raise ValueError("not a PNG")
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def topojson_url() -> str | None:
    """Where kaleido loads map base layers from: ``plotly.io.defaults.topojson`` when set, else the
    vendored ``static/topojson/`` folder as a file:// URL (see lib/dashboard/maps.py), else None (the CDN,
    which fails offline). Only figures with a geo subplot use it."""
    import plotly.io as pio

    from lib.dashboard import maps

    if pio.defaults.topojson:
        return pio.defaults.topojson
    return maps.topojson_file_url() if maps.topojson_available() else None


def use_local_topojson() -> str | None:
    """Point ``plotly.io.defaults.topojson`` at the vendored base map, so ``fig.write_image`` works
    offline too; returns the URL set (None when the files are missing)."""
    import plotly.io as pio

    from lib.dashboard import maps

    if maps.topojson_available():
        pio.defaults.topojson = maps.topojson_file_url()
        return pio.defaults.topojson
    return None


# --- the export bar's pure parts: rows, CSV, cite text, file names ------------------------------

# Columns of a chart's CSV and table, in this order, when the rows have them. ``sentence`` is the
# sentence as written (to check against the source), ``sentence_marked`` the same with 【】.
EXPORT_COLUMNS = [
    "region", "indicator_name", "indicator", "category", "kind", "period", "basis", "value", "unit", "label", "qualifier",
    "date_label", "raw", "planned", "description", "relation", "evidence", "term", "weight",
    "sentence", "sentence_marked", "title", "source", "published",
]  # fmt: skip
RENAMED = {"display_value": "value", "display_unit": "unit"}
CITE_MAX_ARTICLES = 8
_NOT_IN_FILE_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]+')
FILE_STEM_MAX = 120


def drawn_ids(fig: go.Figure) -> list[str]:
    """The row ids a figure draws, in drawing order: ``customdata[0]`` of every point of every trace
    (heatmap cells and grouped markers hold comma-joined ids; blank cells hold '')."""
    ids: list[str] = []

    def visit(item) -> None:
        if isinstance(item, str):
            ids.extend(i for i in item.split(",") if i)
        elif isinstance(item, list | tuple) and item:
            if isinstance(item[0], str):
                ids.extend(i for i in item[0].split(",") if i)
            else:
                for sub in item:  # a heatmap's rows of cells
                    visit(sub)

    for trace in fig.data:
        custom = getattr(trace, "customdata", None)
        if custom is None:
            continue
        for point in custom:
            visit(point.tolist() if hasattr(point, "tolist") else point)
    return list(dict.fromkeys(ids))


def drawn_positions(
    ids: list[str], details: pd.DataFrame, key: str = "fact_id", index: dict[str, np.ndarray] | None = None
) -> np.ndarray:
    """Row positions in ``details`` of the rows whose ``key`` column is one of ``ids``, in the order of
    ``ids``. ``key`` is ``fact_id`` (each fact once) or a group's key (a heatmap cell's ``cell``:
    every row of the cell, whose rows are distinct facts already). Positions, not rows: taking rows copies every column
    (0.1 s for a cell set of 56,000 facts), so the table takes its first rows only and the CSV the
    rest when downloaded. ``index``, for a group key, is ``group_positions(details, key)`` made once
    (a cell set of 94,000 rows took 45 ms to match per run)."""
    if index is not None and key != "fact_id":
        parts = [index[k] for k in ids if k in index]
        return np.concatenate(parts) if parts else np.array([], dtype=np.intp)
    ids = list(dict.fromkeys(ids))  # an id's rank is its first place
    if not ids or details.empty:
        return np.array([], dtype=np.intp)
    try:
        rank = _ranks(ids, details[key])
    except (pa.ArrowException, TypeError, ValueError):  # keys Arrow cannot compare with strings
        order = {k: i for i, k in enumerate(ids)}
        rank = details[key].map(order).to_numpy(dtype=float, na_value=np.nan)
    positions = np.flatnonzero(~np.isnan(rank))
    rank = rank[positions]
    if len(rank) > 1 and not (rank[1:] >= rank[:-1]).all():
        by_rank = rank.argsort(kind="stable")
        positions, rank = positions[by_rank], rank[by_rank]
    if key == "fact_id" and len(positions) > 1:  # a group key (a cell) holds each fact once already
        positions = positions[np.r_[True, rank[1:] != rank[:-1]]]  # a fact's first row
    return positions


def _ranks(ids: list[str], keys: pd.Series) -> np.ndarray:
    """Each row's place in ``ids`` (NaN when its key is not one of them), in Arrow's C code: pandas'
    ``isin`` and ``map`` on Arrow strings built a Python object per value (0.1 s each for 50,000 ids
    against 100,000 rows, several per chart)."""
    column = pa.array(keys)
    if not (pa.types.is_string(column.type) or pa.types.is_large_string(column.type)):
        raise TypeError(f"not a string column: {column.type}")  # the caller compares in Python
    wanted = pa.array(ids, type=column.type)
    found = pc.index_in(column, value_set=wanted)
    return np.asarray(found.to_numpy(zero_copy_only=False), dtype=float)


def group_positions(details: pd.DataFrame, key: str) -> dict[str, np.ndarray]:
    """Each ``key`` value's row positions in ``details``, ascending (for ``drawn_positions``)."""
    return {k: np.asarray(v, dtype=np.intp) for k, v in details.groupby(key, sort=False).indices.items()}


def rows_for(ids: list[str], details: pd.DataFrame, key: str = "fact_id") -> pd.DataFrame:
    """The rows ``drawn_positions`` finds, as a frame (a selection's rows)."""
    return details.iloc[drawn_positions(ids, details, key)].reset_index(drop=True)


def rows_at(details: pd.DataFrame, positions: np.ndarray) -> pd.DataFrame:
    """The rows at ``positions`` in the export columns (values in the unit charts use)."""
    wanted = {*EXPORT_COLUMNS, *RENAMED, "value_base", "base_unit"}
    rows = details[[c for c in details.columns if c in wanted]].iloc[positions].reset_index(drop=True)
    if "display_value" not in rows.columns and "value_base" in rows.columns:
        from lib.dashboard.charts.common import display_units  # money in 亿元, as the charts show it

        rows = display_units(rows)
    # The value as charted (亿元) replaces the stored value and unit (as written: raw keeps that).
    rows = rows.drop(columns=[c for c in RENAMED.values() if c in rows.columns]).rename(columns=RENAMED)
    return rows[[c for c in EXPORT_COLUMNS if c in rows.columns]]


def chart_rows(fig: go.Figure, details: pd.DataFrame, key: str = "fact_id") -> pd.DataFrame:
    """Exactly the rows ``fig`` draws, taken from ``details`` (``customdata[0]`` names them in its
    ``key`` column, see ``drawn_positions``), in drawing order, in the export columns: the chart's CSV
    and its table view."""
    return rows_at(details, drawn_positions(drawn_ids(fig), details, key))


def no_data_regions(fig: go.Figure) -> list[str]:
    """The selected regions a comparison chart says have no figure (its ``layout.meta``)."""
    from lib.dashboard.charts.common import NO_DATA_META  # late, as display_units above

    meta = fig.layout.meta
    return list(meta.get(NO_DATA_META, [])) if isinstance(meta, dict) else []


def chart_csv(rows: pd.DataFrame, link: str = "", no_data: list[str] | None = None, note: str = "") -> bytes:
    """The chart's rows as CSV (UTF-8 with BOM, so spreadsheets read the Chinese), text as written
    (formula-looking cells prefixed with '), and ``link``: the dashboard view they come from.
    ``no_data``: regions the chart shows as 无数据, a row each with an empty value and ``note`` in
    the label column, so a table made from the CSV does not drop them silently."""
    if no_data:
        blank = pd.DataFrame({"region": no_data, "label": [note] * len(no_data)})
        rows = pd.concat([rows, blank], ignore_index=True) if len(rows) else blank
    out = rows.assign(link=link) if link else rows
    return csv_safe(out).to_csv(index=False).encode("utf-8-sig")


_JOINED_AFTER = "、，；：。！？"  # a line broken after these (a phone's break in a list) joins with nothing


def _join_lines(match: re.Match) -> str:
    before = match.string[: match.start()].rstrip()
    return "" if before and before[-1] in _JOINED_AFTER else " "


def plain_title(fig: go.Figure) -> str:
    """The figure's title as plain text: a line break as a space, or as nothing after Chinese
    punctuation (天津、<br>郑州, where a phone's title was broken, is 天津、郑州), Plotly entities
    unescaped, tags dropped, runs of spaces as one."""
    text = (fig.layout.title.text or "") if fig.layout.title else ""
    text = re.sub(r"\s*<br\s*/?>\s*", _join_lines, text)
    text = html.unescape(re.sub(r"<[^>]+>", "", text))
    return re.sub(r"\s+", " ", text).strip()


def file_name(fig: go.Figure, ext: str, day: date | None = None, fallback: str = "chart") -> str:
    """A download name carrying what the chart shows (its title: indicator, kind, period, regions)
    and the export date: 地区生产总值（总量，2024年）_天津、郑州_2026-12-02.png. Characters no file
    system accepts become '-'."""
    stem = _NOT_IN_FILE_NAMES.sub("-", plain_title(fig) or fallback)
    # one separator where several meet ("per year: Tianjin" gave "per_year-_Tianjin")
    stem = re.sub(r"[-_\s]*\s[-_\s]*", "_", stem)
    stem = re.sub(r"-{2,}", "-", stem).strip("-_.")[:FILE_STEM_MAX] or fallback
    return f"{stem}_{(day or date.today()).isoformat()}.{ext}"


CITE_COLUMNS = ["source", "title", "published"]


def article_list(rows: pd.DataFrame) -> list[tuple[str, str, str]]:
    """(outlet, article title, publication date) of the rows, each once, in order of appearance."""
    if rows.empty:
        return []
    cols = {c: rows[c].fillna("").astype(str).str.strip() if c in rows.columns else "" for c in ("source", "title", "published")}
    triples = pd.DataFrame(cols, index=rows.index).drop_duplicates()  # before the loop: 100,000 rows, a few articles
    return [tr for tr in triples.itertuples(index=False, name=None) if any(tr)]


def cite_text(
    fig: go.Figure, rows: pd.DataFrame | None, link: str, accessed: date | None = None, lang: str = DEFAULT_LANG,
    articles: list[tuple[str, str, str]] | None = None,
) -> str:
    """"Cite this chart": outlet, chart title, the articles behind it (outlet, title, date), the
    access date and the link to the view. Plain text: titles from data are never markup."""
    articles = article_list(rows) if articles is None else articles  # ``article_list(rows)`` made already
    items = [
        t("cite_article", lang, source=s or t("unnamed", lang), title=ti or t("unnamed", lang), date=d or "?")
        for s, ti, d in articles[:CITE_MAX_ARTICLES]
    ]
    if len(articles) > CITE_MAX_ARTICLES:
        items.append(t("cite_more", lang, n=len(articles) - CITE_MAX_ARTICLES))
    sep = "；" if lang == "zh" else "; "
    parts = [
        t("cite_chart", lang, outlet=t("app_title", lang), title=plain_title(fig)),
        t("cite_data", lang, articles=sep.join(items)) if items else "",
        t("cite_accessed", lang, date=(accessed or date.today()).isoformat()),
        link,
    ]
    return ("" if lang == "zh" else " ").join(p for p in parts[:3] if p) + (f" {link}" if link else "")
