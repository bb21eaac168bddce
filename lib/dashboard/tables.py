"""Table views of chart rows (pure): headers in words, each used once; codes as words; and the
sentence as a snippet around its 【】 mark, so the highlighted number is always on screen.

The same rows go into the chart's CSV (lib/dashboard/export.py) with the code column names.
"""

from __future__ import annotations

import pandas as pd

from lib.dashboard.i18n import DEFAULT_LANG, label, t, unit_name
from lib.dashboard.views import HIGHLIGHT_CLOSE, HIGHLIGHT_OPEN

# Characters kept before and after the mark: a grid cell shows about 40, and the mark must be among them.
SNIPPET_BEFORE = 12
SNIPPET_AFTER = 24
ELLIPSIS = "…"
MAX_TABLE_ROWS = 2_000  # a grid of 100,000 rows costs seconds to send; the downloads hold them all

# Column -> header label key. ``sentence`` (as written) is left out of tables: ``sentence_marked``
# shows it, as a snippet; the CSV keeps both.
HEADERS = {
    "region": "col_region", "indicator_name": "col_indicator", "indicator": "col_indicator_raw",
    "category": "col_category", "kind": "col_kind", "period": "col_period", "basis": "col_basis",
    "value": "col_value", "unit": "col_unit", "label": "col_label", "qualifier": "col_qualifier",
    "raw": "col_raw", "date_label": "col_date", "planned": "col_planned", "description": "col_description",
    "relation": "col_relation", "evidence": "col_evidence", "term": "col_term", "weight": "col_weight",
    "sentence_marked": "col_sentence", "title": "col_title", "source": "col_source",
    "published": "col_published_date", "byline": "col_byline",
}  # fmt: skip
CODED = ("category", "kind", "qualifier", "relation", "basis")


def snippet(marked: str, before: int = SNIPPET_BEFORE, after: int = SNIPPET_AFTER) -> str:
    """The part of a sentence around its 【…】 mark: ``before`` and ``after`` characters, … where cut.
    A sentence without a mark is cut at the end only."""
    marked = marked or ""
    start = marked.find(HIGHLIGHT_OPEN)
    end = marked.find(HIGHLIGHT_CLOSE, start + 1) if start >= 0 else -1
    if start < 0 or end < 0:
        return marked if len(marked) <= before + after else marked[: before + after] + ELLIPSIS
    a, b = max(0, start - before), min(len(marked), end + 1 + after)
    return (ELLIPSIS if a > 0 else "") + marked[a:b] + (ELLIPSIS if b < len(marked) else "")


def headers(columns: list[str], lang: str = DEFAULT_LANG) -> dict[str, str]:
    """Column -> header in ``lang``; ValueError when two columns would share a header."""
    out = {c: t(HEADERS[c], lang) if c in HEADERS else c for c in columns}
    seen: dict[str, str] = {}
    for col, head in out.items():
        if head in seen:
            raise ValueError(f"columns {seen[head]!r} and {col!r} would both be headed {head!r}")
        seen[head] = col
    return out


def table_frame(rows: pd.DataFrame, lang: str = DEFAULT_LANG, limit: int | None = MAX_TABLE_ROWS) -> pd.DataFrame:
    """``rows`` (export columns) as the table users read: codes in words, the sentence as a snippet
    around its mark, headers in ``lang``, at most ``limit`` rows."""
    out = rows.drop(columns=[c for c in ("sentence",) if c in rows.columns and "sentence_marked" in rows.columns])
    if limit is not None:
        out = out.head(limit)
    out = out.copy()
    if "sentence_marked" in out.columns:
        out["sentence_marked"] = [snippet(s) for s in out["sentence_marked"].fillna("")]
        # The sentence right after the figure as written, so both are on screen side by side.
        cols = [c for c in out.columns if c != "sentence_marked"]
        at = cols.index("raw") + 1 if "raw" in cols else len(cols)
        out = out[[*cols[:at], "sentence_marked", *cols[at:]]]
    for col in CODED:
        if col in out.columns:
            group = "relation" if col == "relation" else col
            out[col] = [label(group, c, lang) for c in out[col].fillna("")]
    return out.rename(columns=headers(list(out.columns), lang)).reset_index(drop=True)


FACTS_GRID_COLUMNS = ["region", "sentence_marked", "display_value", "display_unit", "raw", "indicator", "category",
                      "kind", "qualifier", "period", "title", "source", "published", "byline"]  # fmt: skip


def facts_grid(rows: pd.DataFrame, lang: str = DEFAULT_LANG, limit: int = MAX_TABLE_ROWS) -> pd.DataFrame:
    """The Facts page grid: the first ``limit`` rows, the value as a number in the unit the charts
    use (亿元 for money) beside its unit, the sentence as a snippet around 【】, codes in words.
    Column names stay codes (the page labels them); the downloads keep every row."""
    from lib.dashboard.charts.common import display_units

    out = rows.head(limit)
    out = display_units(out) if "value_base" in out.columns else out.assign(display_value=None, display_unit="")
    out["sentence_marked"] = [snippet(s) for s in out["sentence_marked"].fillna("")]
    for col in ("category", "kind", "qualifier"):
        if col in out.columns:
            out[col] = [label(col, c, lang) for c in out[col].fillna("")]
    if lang != DEFAULT_LANG:  # what the label tables know goes into English; text from the article stays as written
        out["display_unit"] = [unit_name(u, lang) if isinstance(u, str) else u for u in out["display_unit"]]
        if "indicator" in out.columns and "indicator_id" in out.columns:
            out["indicator"] = _vocabulary_names(out["indicator"], out["indicator_id"], lang)
    return out[[c for c in FACTS_GRID_COLUMNS if c in out.columns]].reset_index(drop=True)


def _vocabulary_names(written: pd.Series, ids: pd.Series, lang: str) -> list:
    """The vocabulary's name in ``lang`` where a figure has a standard indicator, the indicator as
    written where it has none (a phrase of the sentence is not translated)."""
    from lib.dashboard.comparable import vocabulary

    entries = vocabulary()
    return [
        (entries[i].name_en or w) if isinstance(i, str) and i in entries else w
        for w, i in zip(written, ids.fillna(""), strict=True)
    ]
