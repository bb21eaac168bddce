"""What the dashboard shell needs from the store: cached table loads and the shared region filter.

Pages stay thin: they call these functions and lay out the results. The pure helpers
(``region_options``, ``regions_from_param``, ``region_param``, ``articles_for_regions``) take
values and return values, so they are tested without Streamlit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import streamlit as st

from lib import paths, store

# Session-state key of the sidebar region multiselect (set in app.py, read by every page).
REGION_KEY = "regions"
# URL query parameter mirroring the filter: a comma-separated list, absent when all regions are selected.
REGION_PARAM = "region"
ARTICLE_COLUMNS = ["title", "region", "source", "published", "byline"]
EMPTY_STORE_MESSAGE = (
    "还没有数据表 · No tables yet: run `make data` to build them from `data/raw/`, "
    "or add articles (.txt/.html, optional NAME.meta.json) to `data/raw/` and run `make data`."
)

_SEPARATORS = re.compile(r"[,，、;；]")


def processed_dir() -> Path:
    """The store folder, resolved at call time so tests can point ``paths.PROCESSED_DIR`` elsewhere."""
    return Path(paths.PROCESSED_DIR)


def _signature(path: Path) -> tuple[int, int] | None:
    """Changes whenever the table is rewritten (atomic replace gives a new mtime and inode)."""
    try:
        st_ = path.stat()
    except FileNotFoundError:
        return None
    return (st_.st_mtime_ns, st_.st_ino)


@st.cache_data(show_spinner=False)
def _read_cached(table: str, directory: str, signature: tuple[int, int] | None) -> pd.DataFrame:
    # `signature` is only part of the cache key: a rebuilt store is read again.
    return store.read_table(table, directory)


def load_table(table: str, directory: Path | None = None) -> pd.DataFrame:
    """A store table, cached until its file changes; empty (documented columns) when missing."""
    d = Path(directory) if directory is not None else processed_dir()
    return _read_cached(table, str(d), _signature(d / f"{table}.parquet"))


def load_articles(directory: Path | None = None) -> pd.DataFrame:
    return load_table("articles", directory)


def region_options(articles: pd.DataFrame) -> list[str]:
    """Regions present in the articles, in order of first appearance; '' (unattributed) left out."""
    if "region" not in articles.columns:
        raise ValueError(f"the articles table has no 'region' column (columns: {list(articles.columns)})")
    return [r for r in dict.fromkeys(articles["region"].fillna("")) if r]


@dataclass(frozen=True)
class ParsedRegions:
    selected: list[str]
    unknown: list[str] = field(default_factory=list)


def regions_from_param(raw: str | None, options: list[str]) -> ParsedRegions:
    """The filter a URL's ``region=`` value asks for.

    Absent -> all options. Tokens are split on , ， 、 ; and matched exactly, else by a unique
    prefix (天津 -> 天津市). '' -> nothing selected. When no token matches, all options are
    selected and the unknown tokens are reported so the page can say so.
    """
    if raw is None:
        return ParsedRegions(list(options))
    selected: list[str] = []
    unknown: list[str] = []
    for token in (t.strip() for t in _SEPARATORS.split(raw)):
        if not token:
            continue
        match = token if token in options else None
        if match is None:
            prefixed = [o for o in options if o.startswith(token)]
            match = prefixed[0] if len(prefixed) == 1 else None
        if match is None:
            unknown.append(token)
        elif match not in selected:
            selected.append(match)
    if unknown and not selected:
        return ParsedRegions(list(options), unknown)
    return ParsedRegions(selected, unknown)


def region_param(selected: list[str], options: list[str]) -> str | None:
    """The URL value for a selection: None (drop the parameter) when everything is selected."""
    if set(selected) == set(options):
        return None
    return ",".join(selected)


def articles_for_regions(articles: pd.DataFrame, selected: list[str]) -> pd.DataFrame:
    """The article list shown on the overview page: one row per article in the selected regions."""
    columns = [c for c in ARTICLE_COLUMNS if c in articles.columns]
    rows = articles[articles["region"].isin(selected)] if "region" in articles.columns else articles
    return rows[columns].reset_index(drop=True)


def store_summary(directory: Path | None = None) -> pd.DataFrame:
    """One row per Parquet table in the store: name, rows, columns, last modified (cheap: metadata only)."""
    d = Path(directory) if directory is not None else processed_dir()
    rows = []
    for path in sorted(d.glob("*.parquet")):
        meta = pq.read_metadata(path)
        rows.append(
            {
                "table": path.stem,
                "rows": meta.num_rows,
                "columns": meta.num_columns,
                "modified": datetime.fromtimestamp(path.stat().st_mtime).replace(microsecond=0),
            }
        )
    return pd.DataFrame(rows, columns=["table", "rows", "columns", "modified"])
