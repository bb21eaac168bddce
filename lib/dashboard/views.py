"""What the dashboard shell needs from the store: cached table loads and the shared region filter.

Pages stay thin: they call these functions and lay out the results. The pure helpers
(``region_options``, ``articles_for_regions``) take
values and return values, so they are tested without Streamlit.
"""

from __future__ import annotations

import threading
from datetime import datetime
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import streamlit as st

from lib import paths, store
from lib.dashboard import charts
from lib.dashboard.charts.keyword_rows import SHARED_COLUMNS as SHARED_COLUMNS  # re-exported (Keywords page)
from lib.dashboard.charts.keyword_rows import region_keywords as region_keywords
from lib.dashboard.charts.keyword_rows import shared_terms as shared_terms
from lib.dashboard.i18n import label
from lib.dashboard.url_state import REGION_KEY as REGION_KEY  # re-exported (the filter)

ARTICLE_COLUMNS = ["title", "region", "source", "published", "byline"]



def processed_dir() -> Path:
    """The store folder, resolved at call time so tests can point ``paths.PROCESSED_DIR`` elsewhere."""
    return Path(paths.PROCESSED_DIR)


# session_state key: (store folder, build folder name) pinned at the top of the script run.
BUILD_KEY = "_store_build"


def current_build(directory: Path | None = None) -> str:
    """The current build's folder name (one readlink; '' when the store has no build)."""
    d = Path(directory) if directory is not None else processed_dir()
    return store.current_build(d) or ""


def pin_build(directory: Path | None = None) -> str:
    """Pin the current build for this script run (app.py calls it first), so every table a page
    loads comes from the same build even when a rebuild switches ``current`` halfway through the run."""
    d = Path(directory) if directory is not None else processed_dir()
    build = current_build(d)
    st.session_state[BUILD_KEY] = (str(d), build)
    return build


def cache_scope(directory: Path | None = None) -> tuple[str, str]:
    """(store folder, pinned build): what a per-build cache outside this module is keyed by."""
    d = Path(directory) if directory is not None else processed_dir()
    return str(d), _build_for(d)


def _build_for(d: Path) -> str:
    try:
        pinned = st.session_state.get(BUILD_KEY)
    except Exception:  # no Streamlit session (plain Python): nothing pinned
        pinned = None
    if pinned and pinned[0] == str(d):
        return pinned[1]
    return current_build(d)


# Cached as resources, not data: cache_data hands every caller a pickled copy, which for a store of
# 100,000 facts costs about 0.4 s per table set per call, several calls per page run. The frames are
# shared and read-only (pandas copy-on-write: a page's filtered or assigned frames never write back).
@st.cache_resource(show_spinner=False, max_entries=2)
def _read_cached(directory: str, build: str) -> dict[str, pd.DataFrame]:
    # Keyed by the build folder's name: a new build is read afresh, and all tables are read together
    # from that one folder, so a page never pairs one build's articles with another's facts.
    tables = store.read_tables(store.tables(), directory, build=build or None)
    tables["articles"] = with_shown_titles(tables["articles"])
    return tables


UNTITLED_WORDS = 18  # how much of a report's text stands for the headline it was printed without


def with_shown_titles(articles: pd.DataFrame) -> pd.DataFrame:
    """Articles whose page printed no headline (a brief of a column of briefs, a photo caption) are shown, listed and
    cited by their first words in 〔〕, never by an empty title; the stored title stays ''."""
    if articles.empty or "title" not in articles or "text" not in articles:
        return articles
    empty = articles["title"].fillna("") == ""
    if not empty.any():
        return articles
    out = articles.copy()
    first = out.loc[empty, "text"].fillna("").str.replace(r"^[\s△▲■◆]+", "", regex=True).str.split("\n").str[0]
    out.loc[empty, "title"] = [f"〔{t[:UNTITLED_WORDS]}{'…' if len(t) > UNTITLED_WORDS else ''}〕" if t else "" for t in first]
    return out


def load_table(table: str, directory: Path | None = None) -> pd.DataFrame:
    """A table of the pinned (else current) build, cached per build; empty (documented columns) when missing."""
    d = Path(directory) if directory is not None else processed_dir()
    return _read_cached(str(d), _build_for(d))[table]


def load_articles(directory: Path | None = None) -> pd.DataFrame:
    return load_table("articles", directory)


def region_options(articles: pd.DataFrame) -> list[str]:
    """Regions present in the articles, in order of first appearance; '' (unattributed) left out."""
    if "region" not in articles.columns:
        raise ValueError(f"the articles table has no 'region' column (columns: {list(articles.columns)})")
    return [r for r in dict.fromkeys(articles["region"].fillna("")) if r]


def articles_for_regions(articles: pd.DataFrame, selected: list[str]) -> pd.DataFrame:
    """The article list shown on the overview page: one row per article in the selected regions."""
    columns = [c for c in ARTICLE_COLUMNS if c in articles.columns]
    rows = articles[articles["region"].isin(selected)] if "region" in articles.columns else articles
    return rows[columns].reset_index(drop=True)


@st.cache_resource(show_spinner=False, max_entries=2)
def _articles_by_region_cached(directory: str, build: str) -> dict[str, pd.DataFrame]:
    articles = _read_cached(directory, build)["articles"]
    return {r: articles_for_regions(articles, [r]) for r in region_options(articles)}


def articles_of_region(region: str, directory: Path | None = None) -> pd.DataFrame:
    """``articles_for_regions(articles, [region])`` of the store, every region's once per build (the
    Overview lists them per card: a filter change of 11 regions filtered 2,500 articles 11 times)."""
    d = Path(directory) if directory is not None else processed_dir()
    found = _articles_by_region_cached(str(d), _build_for(d)).get(region)
    return found if found is not None else articles_for_regions(load_articles(d), [region])


CARD_ARTICLES = 5  # articles listed on an Overview card; the Articles page lists them all


def latest_articles_of_region(region: str, limit: int = CARD_ARTICLES,
                              directory: Path | None = None) -> tuple[pd.DataFrame, int]:
    """The region's ``limit`` latest articles (by publication date, undated last) and how many more it
    has: an Overview card lists a few as a static table, which the browser draws far sooner than a
    data grid, and a store of 2,500 articles would make the card hundreds of rows long."""
    rows = articles_of_region(region, directory)
    if "published" in rows.columns:
        order = rows["published"].fillna("").astype(str)
        rows = rows.iloc[order.sort_values(ascending=False, kind="stable").index]
    return rows.head(limit).reset_index(drop=True), max(len(rows) - limit, 0)


def store_summary(directory: Path | None = None) -> pd.DataFrame:
    """One row per table of the current build: name, rows, columns, build time (cheap: metadata only)."""
    d = Path(directory) if directory is not None else processed_dir()
    folder = store.current_dir(d)
    rows = []
    if folder is not None:
        created = (store.current_manifest(d) or {}).get("created", "")
        modified = datetime.fromisoformat(created).replace(tzinfo=None) if created else None
        for path in sorted(folder.glob("*.parquet")):
            meta = pq.read_metadata(path)
            rows.append({"table": path.stem, "rows": meta.num_rows, "columns": meta.num_columns, "modified": modified})
    return pd.DataFrame(rows, columns=["table", "rows", "columns", "modified"])


# --- facts: joins and filters for the Overview, Compare and Facts pages (pure) -----------------

FACT_ARTICLE_COLUMNS = ["title", "source", "published", "byline"]
HIGHLIGHT_OPEN, HIGHLIGHT_CLOSE = "【", "】"


def load_facts(directory: Path | None = None) -> pd.DataFrame:
    return load_table("facts", directory)


@st.cache_resource(show_spinner=False, max_entries=2)
def _joined_cached(directory: str, build: str) -> pd.DataFrame:
    read = _read_cached(directory, build)
    from lib.dashboard.comparable import with_contract  # late: comparable imports charts, as views does

    return with_contract(facts_with_articles(read["facts"], read["articles"]))  # once, not per call


def load_facts_joined(directory: Path | None = None) -> pd.DataFrame:
    """``facts_with_articles`` of the store, computed once per store version (100,000 facts: ~1 s)."""
    d = Path(directory) if directory is not None else processed_dir()
    return _joined_cached(str(d), _build_for(d))


def facts_with_articles(facts: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Facts with their article's title, source, date and byline, and ``article_region``,
    and ``sentence_marked``: the sentence with the number in 【】 (plain text, never markup)."""
    cols = ["article_id", *FACT_ARTICLE_COLUMNS, "region"]
    meta = articles[[c for c in cols if c in articles.columns]].rename(columns={"region": "article_region"})
    out = facts.merge(meta, on="article_id", how="left")
    for col in [*FACT_ARTICLE_COLUMNS, "article_region"]:
        if col not in out.columns:
            out[col] = ""
        out[col] = out[col].fillna("")
    starts = out["sentence_start"] if "sentence_start" in out.columns else pd.Series(-1, index=out.index)
    out["sentence_marked"] = [
        mark_number({"sentence": s, "raw": r, "char_start": c, "sentence_start": ss})
        for s, r, c, ss in zip(out["sentence"], out["raw"], out["char_start"], starts, strict=True)
    ]
    return out


def mark_number(fact: dict) -> str:
    """The fact's sentence with its quantity in 【】, located by offset when possible, else by text."""
    sentence, raw = fact.get("sentence") or "", fact.get("raw") or ""
    start = -1
    if fact.get("sentence_start") is not None and int(fact["sentence_start"]) >= 0:
        local = int(fact.get("char_start", -1)) - int(fact["sentence_start"])
        if local >= 0 and sentence[local : local + len(raw)] == raw:
            start = local
    if start < 0:
        start = sentence.find(raw) if raw else -1
    if start < 0:
        return sentence
    end = start + len(raw)
    return f"{sentence[:start]}{HIGHLIGHT_OPEN}{sentence[start:end]}{HIGHLIGHT_CLOSE}{sentence[end:]}"


def facts_for_regions(facts: pd.DataFrame, selected: list[str]) -> pd.DataFrame:
    """Facts about a selected region, or from an article about one (全国 figures in a 郑州 article)."""
    keep = facts["region"].isin(selected)
    if "article_region" in facts.columns:
        keep |= facts["article_region"].isin(selected)
    return facts if keep.all() else facts[keep]


@st.cache_resource(show_spinner=False, max_entries=2)
def _indicator_mentions_cached(directory: str, build: str) -> pd.DataFrame:
    f = _joined_cached(directory, build)
    return f[(f["mention_of"] == "") & (f["indicator_id"] != "")]


def load_indicator_mentions(directory: Path | None = None) -> pd.DataFrame:
    """The first mentions of a standard indicator (every scope), once per build: all the Compare page
    draws or lists (17,000 of 100,000 facts), so a filter change scans a sixth of the store, not
    all of it several times per run."""
    d = Path(directory) if directory is not None else processed_dir()
    return _indicator_mentions_cached(str(d), _build_for(d))


@st.cache_resource(show_spinner=False, max_entries=16)
def _whole_region_cached(directory: str, build: str, selected: tuple[str, ...]) -> pd.DataFrame:
    from lib.dashboard import comparable

    return comparable.whole_region(_indicator_mentions_cached(directory, build), list(selected))


def load_whole_region(selected: list[str], directory: Path | None = None) -> pd.DataFrame:
    """``comparable.whole_region`` of the indicator mentions for the selected regions, once per build
    and selection (what the Compare page's pickers choose from)."""
    d = Path(directory) if directory is not None else processed_dir()
    return _whole_region_cached(str(d), _build_for(d), tuple(selected))


@st.cache_resource(show_spinner=False, max_entries=32)
def _compare_rows_cached(directory: str, build: str, selected: tuple[str, ...], view, lang: str) -> tuple:
    from lib.dashboard import comparable as cmp

    regions, whole = list(selected), _whole_region_cached(directory, build, selected)
    rows = cmp.view_rows(whole, regions, view, lang)
    series = cmp.period_series(whole, regions, view, lang)
    facts = _indicator_mentions_cached(directory, build)
    return rows, series, cmp.context_rows(facts, regions, view.indicator_id, list(rows["fact_id"]), lang)


def load_compare_rows(selected: list[str], view, lang: str, directory: Path | None = None) -> tuple:
    """(``view_rows``, ``period_series``, ``context_rows``) of a Compare view, once per build,
    selection, view and language: a filter change back to a selection seen before only lays them out."""
    d = Path(directory) if directory is not None else processed_dir()
    return _compare_rows_cached(str(d), _build_for(d), tuple(selected), view, lang)


@st.cache_resource(show_spinner=False, max_entries=2)
def _coverage_cached(directory: str, build: str) -> pd.DataFrame:
    from lib.dashboard.charts.common import display_units  # the CSV's value in the unit charts use

    return display_units(charts.coverage_rows(_joined_cached(directory, build)))


def load_coverage_rows(directory: Path | None = None) -> pd.DataFrame:
    """``charts.coverage_rows`` of the store (with display units), once per build: what a clicked
    coverage cell lists, found by its ``cell`` key on the server."""
    d = Path(directory) if directory is not None else processed_dir()
    return _coverage_cached(str(d), _build_for(d))


@st.cache_resource(show_spinner=False, max_entries=2)
def _coverage_index_cached(directory: str, build: str) -> tuple[pd.DataFrame, dict]:
    from lib.dashboard import export

    rows = _coverage_cached(directory, build)
    return charts.coverage_counts(rows), export.group_positions(rows, "cell")


def load_coverage_index(directory: Path | None = None) -> tuple[pd.DataFrame, dict]:
    """Every region's coverage counts and each cell's row positions in ``load_coverage_rows()``,
    once per build: a filter change takes the selected regions' columns and cells from them."""
    d = Path(directory) if directory is not None else processed_dir()
    return _coverage_index_cached(str(d), _build_for(d))


@st.cache_resource(show_spinner=False, max_entries=4)
def _headlines_cached(directory: str, build: str, lang: str) -> dict[str, list[dict]]:
    from lib.dashboard import comparable  # late: comparable imports charts, as views does

    read = _read_cached(directory, build)
    regions = region_options(read["articles"]) if "region" in read["articles"].columns else []
    return comparable.headline_table(_joined_cached(directory, build), regions, lang)


def load_headlines(lang: str, directory: Path | None = None) -> dict[str, list[dict]]:
    """The Overview cards' figures (``comparable.headline_table``) of every region of the store, once
    per build and language: a region-filter change only lays them out."""
    d = Path(directory) if directory is not None else processed_dir()
    return _headlines_cached(str(d), _build_for(d), lang)


SEARCH_COLUMNS = ("sentence", "indicator", "raw", "title")


def search_text(facts: pd.DataFrame) -> pd.Series:
    """What the Facts search looks in, one lower-cased string per fact (same index as ``facts``)."""
    cols = [c for c in SEARCH_COLUMNS if c in facts.columns]
    if not cols or facts.empty:
        return pd.Series("", index=facts.index, dtype="string")
    hay = facts[cols[0]].fillna("").astype("string")
    for col in cols[1:]:
        hay = hay + "\x1f" + facts[col].fillna("").astype("string")  # a separator no query types
    return hay.str.lower()


@st.cache_resource(show_spinner=False, max_entries=4)
def _search_text_cached(directory: str, build: str) -> pd.Series:
    # A resource, not data: never copied per run (read-only; 100,000 facts: ~0.3 s once per build).
    return search_text(_joined_cached(directory, build))


def facts_search_text(directory: Path | None = None) -> pd.Series:
    """``search_text`` of ``load_facts_joined()``, built once per build."""
    d = Path(directory) if directory is not None else processed_dir()
    return _search_text_cached(str(d), _build_for(d))


@st.cache_resource(show_spinner=False, max_entries=8)
def _facts_of_regions_cached(directory: str, build: str, selected: tuple[str, ...]) -> tuple:
    joined = _joined_cached(directory, build)
    rows = facts_for_regions(joined, list(selected))
    index = _search_index_cached(directory, build)
    if len(rows) != len(joined):
        index = index.at(joined.index.get_indexer(rows.index))
    choices = tuple(list(rows[c].unique()) for c in ("region", "category", "kind"))
    return rows, index, choices


class SearchIndex:
    """What ``search_text`` holds, column by column, each distinct value once: a query is matched
    against the distinct lower-cased values (Arrow's substring search) and the hits spread to the
    rows by code. The same rows as a search of the joined text (its separator is never typed, so a
    query never spans two columns), in a fraction of the time: a sentence holds several figures and
    an article many, so there are far fewer distinct values than rows (100,000 facts: 58 ms a
    query over the joined text)."""

    def __init__(self, columns: list[tuple[np.ndarray, pa.Array]], rows: np.ndarray | None = None):
        self.columns, self.rows = columns, rows

    @classmethod
    def of(cls, facts: pd.DataFrame) -> SearchIndex:
        columns = []
        for col in [c for c in SEARCH_COLUMNS if c in facts.columns]:
            codes, values = pd.factorize(facts[col].fillna("").astype("string"), use_na_sentinel=False)
            columns.append((codes, pc.utf8_lower(pa.array(values, type=pa.large_string()))))
        return cls(columns)

    def at(self, positions: np.ndarray) -> SearchIndex:
        """The index of the rows at ``positions`` (of the frame it was made of), in that order."""
        return SearchIndex(self.columns, positions if self.rows is None else self.rows[positions])

    def matches(self, query: str) -> np.ndarray:
        """Per row: does a column hold ``query`` (lower-cased already)?"""
        hit = None
        for codes, values in self.columns:
            found = pc.match_substring(values, query).to_numpy(zero_copy_only=False)[codes]
            hit = found if hit is None else hit | found
        if hit is None:
            return np.zeros(0 if self.rows is None else len(self.rows), dtype=bool)
        return hit if self.rows is None else hit[self.rows]


@st.cache_resource(show_spinner=False, max_entries=2)
def _search_index_cached(directory: str, build: str) -> SearchIndex:
    return SearchIndex.of(_joined_cached(directory, build))


def load_facts_of_regions(selected: list[str], directory: Path | None = None) -> tuple:
    """(``facts_for_regions`` of the joined facts, a ``SearchIndex`` of their rows, the distinct
    regions, categories and kinds in them), once per build and selection: the Facts page's search
    and filters start from them (filtering 100,000 rows and their search text cost a run 0.05 s)."""
    d = Path(directory) if directory is not None else processed_dir()
    return _facts_of_regions_cached(str(d), _build_for(d), tuple(selected))


def search_facts(
    facts: pd.DataFrame,
    query: str = "",
    regions: list[str] | None = None,
    categories: list[str] | None = None,
    kinds: list[str] | None = None,
    haystack: pd.Series | SearchIndex | None = None,
) -> pd.DataFrame:
    """The Facts page filters: a case-insensitive substring over sentence, indicator, raw and title,
    and optional region/category/kind lists (None or [] means no restriction). ``haystack``
    (``facts_search_text``, indexed like the frame ``facts`` was filtered from) saves building the
    search text on every query; a ``SearchIndex`` of exactly the rows of ``facts`` is faster still."""
    q = query.strip().lower()
    if isinstance(haystack, SearchIndex):
        keep = haystack.matches(q) if q else np.ones(len(facts), dtype=bool)
        for col, wanted in (("region", regions), ("category", categories), ("kind", kinds)):
            if wanted:
                keep &= facts[col].isin(wanted).to_numpy()
        return (facts if keep.all() else facts[keep]).reset_index(drop=True)
    out = facts
    for col, wanted in (("region", regions), ("category", categories), ("kind", kinds)):
        if wanted:
            out = out[out[col].isin(wanted)]
    if q:
        hay = haystack.loc[out.index] if haystack is not None else search_text(out)
        out = out[hay.str.contains(q, regex=False).fillna(False).to_numpy()]
    return out.reset_index(drop=True)


def fact_by_id(facts: pd.DataFrame, fact_id: str) -> dict | None:
    rows = facts[facts["fact_id"] == fact_id]
    return rows.iloc[0].to_dict() if len(rows) else None


def selected_fact_ids(event) -> list[str]:
    """fact_ids behind a Plotly selection event (``customdata[0]``; heatmap cells hold comma lists)."""
    try:
        points = event["selection"]["points"]
    except (KeyError, TypeError):
        return []
    ids: list[str] = []
    for p in points:
        custom = p.get("customdata")
        first = custom[0] if isinstance(custom, list | tuple) and custom else custom
        if isinstance(first, str):
            ids += [i for i in first.split(",") if i]
    return list(dict.fromkeys(ids))


def labelled(facts: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Category, kind and qualifier codes in words, for display (downloads keep the codes)."""
    out = facts.copy()
    for col in ("category", "kind", "qualifier"):
        if col in out.columns:
            out[col] = out[col].map(lambda code, col=col: label(col, code, lang))
    return out


# --- events and keywords: the Timeline and Keywords pages (pure, except the loads) ------------

EVENT_ARTICLE_COLUMNS = ["title", "source", "published"]


def load_events(directory: Path | None = None) -> pd.DataFrame:
    return load_table("events", directory)


def load_keywords(directory: Path | None = None) -> pd.DataFrame:
    return load_table("keywords", directory)


@st.cache_resource(show_spinner=False, max_entries=4)
def _events_joined_cached(directory: str, build: str, lang: str) -> pd.DataFrame:
    read = _read_cached(directory, build)
    return events_with_articles(read["events"], read["articles"], lang)


def load_events_joined(lang: str = "zh", directory: Path | None = None) -> pd.DataFrame:
    """``events_with_articles`` of the store, once per build and language (it searches each article's
    text for the sentence: 0.3 s for 6,000 events)."""
    d = Path(directory) if directory is not None else processed_dir()
    return _events_joined_cached(str(d), _build_for(d), lang)


def events_with_articles(events: pd.DataFrame, articles: pd.DataFrame, lang: str = "zh") -> pd.DataFrame:
    """Events with their article's title, source and publication date, ``date_label`` (the date
    with its precision, see ``charts.date_label``) and ``sentence_marked``: the sentence with the
    date expression in 【】 (plain text, never markup)."""
    cols = ["article_id", *EVENT_ARTICLE_COLUMNS, "text"]
    meta = articles[[c for c in cols if c in articles.columns]].rename(columns={"text": "article_text"})
    out = events.merge(meta, on="article_id", how="left")
    for col in [*EVENT_ARTICLE_COLUMNS, "article_text"]:
        if col not in out.columns:
            out[col] = ""
        out[col] = out[col].fillna("")
    out["date_label"] = [
        charts.date_label(d, p, r, lang)
        for d, p, r in zip(out["date"], out["date_precision"], out["relative"].fillna(""), strict=True)
    ]
    out["sentence_marked"] = [_mark_date(r) for r in out.to_dict("records")]
    # Where each is drawn, parsed once per build (charts.month_groups reads it; 18,000 dates a run).
    out["drawn_at"] = pd.Series([charts.event_timestamp(d) for d in out["date"]], index=out.index, dtype="datetime64[ns]")
    return out.drop(columns=["article_text"])


def _mark_date(event: dict) -> str:
    """The sentence with the date expression (char_start..char_end in the article text) in 【】."""
    sentence, text = event.get("sentence") or "", event.get("article_text") or ""
    start, end = int(event.get("char_start", -1)), int(event.get("char_end", -1))
    at = text.find(sentence) if text and sentence else -1
    if at < 0 or not at <= start < end <= at + len(sentence):
        return sentence
    a, b = start - at, end - at
    return f"{sentence[:a]}{HIGHLIGHT_OPEN}{sentence[a:b]}{HIGHLIGHT_CLOSE}{sentence[b:]}"


def events_for_regions(
    events: pd.DataFrame, selected: list[str], include_relative: bool = True
) -> pd.DataFrame:
    """Events about a selected region, in date order; without 近日/目前 ... dates when asked."""
    rows = events[events["region"].isin(selected)]
    if not include_relative:
        rows = rows[rows["date_precision"] != "relative"]
    return rows.sort_values(["date", "region"], kind="stable").reset_index(drop=True)


@st.cache_resource(show_spinner=False, max_entries=4)
def _event_details_cached(directory: str, build: str, lang: str) -> pd.DataFrame:
    return event_selection_rows(_events_joined_cached(directory, build, lang))


def load_event_details(lang: str = "zh", directory: Path | None = None) -> pd.DataFrame:
    """``event_selection_rows`` of every event of the store, once per build and language: the chart
    picks the rows it draws by id, so a filter change does not rebuild them (0.2 s for 50,000)."""
    d = Path(directory) if directory is not None else processed_dir()
    return _event_details_cached(str(d), _build_for(d), lang)


def event_selection_rows(events: pd.DataFrame) -> pd.DataFrame:
    """Events in the columns ``ui.chart`` shows for a selected point and exports: the id as
    ``fact_id``, the date with its precision (``date_label``), the date as written (``raw``), the
    event, the sentence as written and with the date expression in 【】."""
    marked = events["sentence_marked"].fillna("")
    out = pd.DataFrame(
        {
            "fact_id": events["event_id"],
            "region": events["region"],
            "date_label": events["date_label"],
            "raw": [_between_marks(m) for m in marked],
            "planned": events.get("planned", pd.Series(False, index=events.index)).fillna(False).astype(bool),
            "description": events.get("description", pd.Series("", index=events.index)).fillna(""),
            "sentence": events["sentence"].fillna(""),
            "sentence_marked": marked,
        }
    )
    for col in EVENT_ARTICLE_COLUMNS:
        out[col] = events[col] if col in events.columns else ""
    return out.reset_index(drop=True)


def _between_marks(marked: str) -> str:
    a = marked.find(HIGHLIGHT_OPEN)
    b = marked.find(HIGHLIGHT_CLOSE, a + 1) if a >= 0 else -1
    return marked[a + 1 : b] if 0 <= a < b else ""


@st.cache_resource(show_spinner=False, max_entries=2)
def _term_examples_cached(directory: str, build: str) -> pd.DataFrame:
    read = _read_cached(directory, build)
    regions = region_options(read["articles"]) if "region" in read["articles"].columns else []
    return term_examples(region_keywords(read["keywords"], regions), read["articles"])


def load_term_examples(directory: Path | None = None) -> pd.DataFrame:
    """``term_examples`` of every region's keywords, once per build; select the regions by ``fact_id``."""
    d = Path(directory) if directory is not None else processed_dir()
    return _term_examples_cached(str(d), _build_for(d))


def term_examples(keywords: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """For each (region, term) keyword row, the first sentence of the region's articles holding
    the term, in the columns ``ui.chart`` shows for a selected point (``fact_id`` is
    ``charts.term_id(region, term)``, the term in 【】 in ``sentence_marked``)."""
    from lib import text as text_mod  # sentence splitting, offsets kept

    columns = ["fact_id", "region", "term", "weight", "raw", "sentence", "sentence_marked", *EVENT_ARTICLE_COLUMNS]
    by_region: dict[str, list[dict]] = {}
    for art in articles.to_dict("records"):
        by_region.setdefault(art.get("region") or "", []).append(art)
    split: dict[int, list[str]] = {}  # id(article) -> its sentences, split only when a term is in its text

    def first_sentence(region: str, term: str) -> tuple[str, dict] | None:
        for art in by_region.get(region, []):
            text = art.get("text") or ""
            if term not in text:  # a substring test is cheap; splitting every article took a second
                continue
            if id(art) not in split:
                split[id(art)] = [s.text for s in text_mod.split_sentences(text, clause_breaks=False)]
            sentence = next((s for s in split[id(art)] if term in s), None)
            if sentence is not None:  # else the term spans a sentence break: the next article
                return sentence, art
        return None

    out = []
    weights = keywords["weight"] if "weight" in keywords.columns else pd.Series(None, index=keywords.index)
    for region, term, weight in zip(keywords["scope_id"], keywords["term"], weights, strict=True):
        found = first_sentence(region, term)
        sentence, art = found if found else ("", {})
        marked = sentence.replace(term, f"{HIGHLIGHT_OPEN}{term}{HIGHLIGHT_CLOSE}", 1)
        row = {
            "fact_id": charts.term_id(region, term),
            "region": region,
            "term": term,
            "weight": weight,
            "raw": term,
            "sentence": sentence,
            "sentence_marked": marked,
        }
        out.append(row | {c: art.get(c, "") for c in EVENT_ARTICLE_COLUMNS})
    return pd.DataFrame(out, columns=columns)


# --- links: the Links page (区域协同) (pure, except the load) ------------------------------------

LINK_ARTICLE_COLUMNS = ["title", "source", "published"]
LINK_TABLE_COLUMNS = ["source_region", "target_region", "relation", "evidence", "sentence_marked", "title",
                      "source", "published", "source_level", "target_level"]  # fmt: skip


def load_links(directory: Path | None = None) -> pd.DataFrame:
    return load_table("links", directory)


@st.cache_resource(show_spinner=False, max_entries=2)
def _links_joined_cached(directory: str, build: str) -> pd.DataFrame:
    read = _read_cached(directory, build)
    return links_with_articles(read["links"], read["articles"])


def load_links_joined(directory: Path | None = None) -> pd.DataFrame:
    """``links_with_articles`` of the store, once per build."""
    d = Path(directory) if directory is not None else processed_dir()
    return _links_joined_cached(str(d), _build_for(d))


def links_with_articles(links: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Links with their article's title, source (outlet), date and ``article_region``, and
    ``sentence_marked``: the sentence with the evidence span in 【】 (plain text, never markup)."""
    cols = ["article_id", *LINK_ARTICLE_COLUMNS, "region", "text"]
    meta = articles[[c for c in cols if c in articles.columns]].rename(
        columns={"region": "article_region", "text": "article_text"}
    )
    out = links.merge(meta, on="article_id", how="left")
    for col in [*LINK_ARTICLE_COLUMNS, "article_region", "article_text"]:
        if col not in out.columns:
            out[col] = ""
        out[col] = out[col].fillna("")
    out["sentence_marked"] = [_mark_span(r) for r in out.to_dict("records")]
    return out.drop(columns=["article_text"])


def _mark_span(row: dict) -> str:
    """The sentence with char_start..char_end (offsets in the article text) in 【】, when inside it."""
    sentence, text = row.get("sentence") or "", row.get("article_text") or ""
    start, end = int(row.get("char_start", -1)), int(row.get("char_end", -1))
    at = text.find(sentence) if text and sentence else -1
    if at < 0 or not at <= start < end <= at + len(sentence):
        return sentence
    a, b = start - at, end - at
    return f"{sentence[:a]}{HIGHLIGHT_OPEN}{sentence[a:b]}{HIGHLIGHT_CLOSE}{sentence[b:]}"


def links_for_regions(
    links: pd.DataFrame, selected: list[str], relations: list[str] | None = None
) -> pd.DataFrame:
    """Links with a selected region at either end; only the given relations (None: all)."""
    keep = links["source_region"].isin(selected) | links["target_region"].isin(selected)
    if relations is not None:
        keep &= links["relation"].isin(relations)
    return links[keep].reset_index(drop=True)


@st.cache_resource(show_spinner=False, max_entries=4)
def _link_details_cached(directory: str, build: str, lang: str) -> pd.DataFrame:
    return link_selection_rows(_links_joined_cached(directory, build), lang)


def load_link_details(lang: str = "zh", directory: Path | None = None) -> pd.DataFrame:
    """``link_selection_rows`` of every link of the store, once per build and language: a chart picks
    the rows it draws by id, so a filter change does not rebuild them."""
    d = Path(directory) if directory is not None else processed_dir()
    return _link_details_cached(str(d), _build_for(d), lang)


def regions_without_links(links: pd.DataFrame, selected: list[str]) -> list[str]:
    """The selected regions at neither end of any of ``links``, in the selection's order."""
    linked = set(links["source_region"]) | set(links["target_region"])
    return [r for r in selected if r not in linked]


def link_selection_rows(links: pd.DataFrame, lang: str = "zh") -> pd.DataFrame:
    """Links in the columns ``ui.chart`` shows for a selected point: the id as ``fact_id``,
    "北京 → 天津" as ``region``, the relation and its evidence words as ``raw``."""
    out = pd.DataFrame(
        {
            "fact_id": links["link_id"],
            "region": [f"{s} → {t}" for s, t in zip(links["source_region"], links["target_region"], strict=True)],
            "raw": [
                f"{label('relation', r, lang)}（{e}）" if e else label("relation", r, lang)
                for r, e in zip(links["relation"], links["evidence"].fillna(""), strict=True)
            ],
            "relation": [label("relation", r, lang) for r in links["relation"]],
            "evidence": links["evidence"].fillna(""),
            "sentence": links["sentence"],
            "sentence_marked": links["sentence_marked"] if "sentence_marked" in links else links["sentence"],
        }
    )
    for col in LINK_ARTICLE_COLUMNS:
        out[col] = links[col] if col in links.columns else ""
    return out.reset_index(drop=True)


def links_table(links: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The Links page's table view: relation and level codes in words (downloads keep the codes)."""
    out = links[[c for c in LINK_TABLE_COLUMNS if c in links.columns]].copy()
    out["relation"] = labels_of(out["relation"], "relation", lang)
    for col in ("source_level", "target_level"):
        if col in out.columns:
            out[col] = labels_of(out[col], "level", lang)
    return out.reset_index(drop=True)


def labels_of(codes: pd.Series, kind: str, lang: str) -> pd.Series:
    """``label(kind, code, lang)`` of every cell, each distinct code looked up once (a Links run
    called ``label`` 200,000 times for a handful of codes)."""
    positions, codes_found = pd.factorize(codes, use_na_sentinel=False)
    words = np.array([label(kind, code, lang) for code in codes_found] or [""], dtype=object)
    return pd.Series(words[positions], index=codes.index, dtype=object)


# --- warm-up: `make run` fills these caches before the first session asks (lib/dashboard/launch.py) --


# Set at the end of every script run (app.py): the warm-up leaves the other pages' caches until the
# first visitor's page is drawn, so it does not compete with that run for the interpreter.
PAGE_RUN_DONE = threading.Event()
REST_WAIT_S = 20.0


def warm_caches(directory: Path | None = None, langs: tuple[str, ...] = ("zh",), wait_for_page: bool = False) -> None:
    """Fill every per-build cache of the current build, the Overview's first (the page ``make run``
    opens), and draw its chart once so Plotly's figure classes are imported; with ``wait_for_page``
    the other pages' caches come after the first page run (``PAGE_RUN_DONE``, at most
    ``REST_WAIT_S`` later). Safe to run in a thread while sessions run: each cache computes a key
    once, a session asking meanwhile waits for it."""
    d = Path(directory) if directory is not None else processed_dir()
    key = (str(d), current_build(d))
    from lib.dashboard import ui  # noqa: F401  (what every page imports: export, tables, Plotly)

    _read_cached(*key)
    _articles_by_region_cached(*key)
    rows = _coverage_cached(*key)
    counts, _cells = _coverage_index_cached(*key)
    regions = region_options(_read_cached(*key)["articles"])
    if len(rows):
        from lib.dashboard.phone_layout import fit_for_phones

        fit_for_phones(charts.coverage_heatmap(rows, regions=regions, lang=langs[0], counts=counts)).to_json()
    for lang in langs:
        _headlines_cached(*key, lang)
    if wait_for_page:
        PAGE_RUN_DONE.wait(REST_WAIT_S)
    _indicator_mentions_cached(*key)  # then the other pages', most used first
    for lang in langs:
        _events_joined_cached(*key, lang)
        _event_details_cached(*key, lang)
    _search_index_cached(*key)
    _term_examples_cached(*key)
    _links_joined_cached(*key)
    for lang in langs:
        _link_details_cached(*key, lang)
