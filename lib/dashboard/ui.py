"""Streamlit pieces every dashboard page shares: a chart with its table, export bar and selection
details, the per-page ZIP of all charts (one click), and the current language.

Pages stay descriptions of the UI; this module holds the widget plumbing. Article text (sentences,
titles) is only ever shown in dataframes or plain text, never as Markdown or HTML.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from lib.dashboard import comparable as cmp
from lib.dashboard import export, export_bar, tables, url_state
from lib.dashboard import views as dd
from lib.dashboard.i18n import DEFAULT_LANG, LANG_KEY, is_place, region_name, t, unit_name
from lib.dashboard.periods import period_label
from lib.dashboard.phone_layout import fit_for_phones
from lib.dashboard.safe_text import markdown_text

_PAGE_FIGS = "_page_figures"  # name -> figure, for the page's ZIP button; reset by begin_page()


def lang() -> str:
    return st.session_state.get(LANG_KEY, DEFAULT_LANG)


def begin_page() -> None:
    st.session_state[_PAGE_FIGS] = {}


def modebar_config(fig: go.Figure, fallback: str = "chart") -> dict:
    """The modebar camera's PNG: the same name as the export bar's (the chart's title and the date;
    Plotly adds the extension), at the export bar's scale."""
    stem = export.file_name(fig, "png", fallback=fallback).removesuffix(".png")
    return {"toImageButtonOptions": {"format": "png", "filename": stem, "scale": export.SCALE}}


def chart(
    fig: go.Figure | Callable[[], go.Figure],
    name: str,
    facts: pd.DataFrame,
    key: str,
    config: dict | None = None,
    hint: str = "select_hint",
    heading: str = "selected_point",
    rows: pd.DataFrame | None = None,
    by: str = "fact_id",
    index: dict | None = None,
    cache_key: tuple | None = None,
) -> None:
    """Tabs Chart | Table (the rows the chart draws), the export bar (PNG, SVG, CSV, cite) and the
    rows behind a selected point.

    ``facts`` holds a row per id the figure can draw (``fact_id``); ``rows``, when given, is a richer
    frame of the same ids for the CSV and table (compare: values in the unit drawn). ``by`` is the
    column ``customdata[0]`` names (a heatmap's ``cell``: all the cell's rows). ``config`` adds
    Plotly config options (maps: ``{"topojsonURL": maps.TOPOJSON_URL}``); ``hint`` and ``heading`` are
    label keys for what to click and what the selection shows (bars, markers, cells, links); ``index``
    is ``export.group_positions(source, by)`` when the page keeps it per build.

    ``cache_key``: everything besides the build and the language that the figure, ``facts`` and
    ``rows`` depend on (the selected regions, the page's choices). With it, ``fig`` may be a callable
    and the figure, its drawn rows and its table are made once per build, language and key, shared
    by every session (read-only from then on): a filter change back to a selection seen before
    only lays them out."""
    lg = lang()
    if cache_key is None:
        ready = _prepare(fig() if callable(fig) else fig, facts, rows, by, index, lg)
    else:
        ready = _prepared_cached(name, key, lg, dd.cache_scope(), cache_key, by, fig, facts, rows, index)
    fig, source, drawn = ready.fig, ready.source, ready.drawn
    st.session_state.setdefault(_PAGE_FIGS, {})[name] = fig
    known = st.session_state.setdefault(_ID_LISTS, {})
    lookup = known.get(key, {}) | ready.tokens  # last run's too: a selection made on the chart as it was
    known[key] = ready.tokens
    tab_chart, tab_table = st.tabs([t("tab_chart", lg), t("tab_table", lg)])
    with tab_chart:
        event = st.plotly_chart(
            fig, config=modebar_config(fig, name) | (config or {}), on_select="rerun", selection_mode="points", key=key
        )
    with tab_table:
        export_bar.table(ready.table, lg, total=len(drawn), framed=ready.framed)
    export_bar.bar(fig, lambda: export.rows_at(source, drawn), ready.cited, key, lg)
    selected_facts(expand_ids(dd.selected_fact_ids(event), lookup), facts, hint=hint, heading=heading, by=by)


@dataclass(frozen=True)
class _Ready:
    """A chart as ``chart`` sends it: the figure (place names in the language, fitted for phones, long
    id lists as tokens), the tokens, the drawn rows' positions in ``source``, the Table tab's rows
    (named and as shown) and the drawn rows' articles (for the citation)."""

    fig: go.Figure
    tokens: dict
    source: pd.DataFrame
    drawn: np.ndarray
    table: pd.DataFrame
    framed: pd.DataFrame
    cited: list[tuple[str, str, str]]


def _prepare(fig: go.Figure, facts: pd.DataFrame, rows: pd.DataFrame | None, by: str, index: dict | None, lg: str) -> _Ready:
    english_places(fig, lg)
    fit_for_phones(fig)
    source = rows if rows is not None else facts
    drawn = export.drawn_positions(export.drawn_ids(fig), source, by, index)
    shown = named(export.rows_at(source, drawn[: tables.MAX_TABLE_ROWS]))  # the grid's rows; the CSV takes all
    tokens = compact_ids(fig)  # after drawn_ids: the browser gets short tokens for long id lists
    cited = export.article_list(source[[c for c in export.CITE_COLUMNS if c in source.columns]].iloc[drawn])
    return _Ready(fig, tokens, source, drawn, shown, tables.table_frame(shown, lg), cited)


@st.cache_resource(show_spinner=False, max_entries=64)
def _prepared_cached(name: str, key: str, lg: str, scope: tuple, cache_key: tuple, by: str,
                     _fig, _facts: pd.DataFrame, _rows: pd.DataFrame | None, _index: dict | None) -> _Ready:  # fmt: skip
    # Keyed by what the caller says the inputs depend on (scope: the store and build); the frames and
    # the figure builder (leading underscores) are not hashed.
    return _prepare(_fig() if callable(_fig) else _fig, _facts, _rows, by, _index, lg)


_ID_LISTS = "_chart_id_lists"  # chart key -> {token: comma-joined ids} sent in its last run
LONG_IDS = 64  # a customdata[0] longer than this (characters) goes to the browser as a token
TOKEN_MARK = "~"


def compact_ids(fig: go.Figure) -> dict[str, str]:
    """Replace every long comma-joined id list in ``customdata[0]`` (a timeline dot's events, a
    link's or a place's links) by a short token, ``~`` and 12 hex digits of the list's SHA-1, and
    return {token: list}. The browser never shows these ids, it only sends the clicked point's back;
    on a store of 100,000 facts they were 2 MB of each Links chart and most of the Timeline's."""
    import hashlib

    tokens: dict[str, str] = {}

    def token(ids: str) -> str:
        tok = TOKEN_MARK + hashlib.sha1(ids.encode("utf-8")).hexdigest()[:12]
        tokens[tok] = ids
        return tok

    for trace in fig.data:
        custom = getattr(trace, "customdata", None)
        if custom is None or not len(custom):
            continue
        points = [p.tolist() if hasattr(p, "tolist") else p for p in custom]
        if not any(isinstance(p, list | tuple) and p and isinstance(p[0], str) and len(p[0]) > LONG_IDS
                   for p in points):  # fmt: skip
            continue
        trace.customdata = [
            [token(p[0]), *p[1:]] if isinstance(p, list | tuple) and p and isinstance(p[0], str) and len(p[0]) > LONG_IDS
            else p
            for p in points
        ]  # fmt: skip
    return tokens


def expand_ids(ids: list[str], lookup: dict[str, str]) -> list[str]:
    """Selected ids with every token of ``compact_ids`` replaced by the ids it stands for."""
    out: list[str] = []
    for i in ids:
        out += [x for x in lookup[i].split(",") if x] if i in lookup else [i]
    return list(dict.fromkeys(out))


SELECTION_COLUMNS = ["region", "date_label", "raw", "description", "sentence_marked", "title", "source", "published"]


def log_scale(fig: go.Figure) -> None:
    """The value axis on a log scale; notes placed at value 0 (无数据) move to the axis' foot."""
    fig.update_yaxes(type="log")
    for note in fig.layout.annotations:
        if note.yref == "y" and note.y == 0:
            note.update(yref="paper", y=0)


def english_places(fig: go.Figure, lg: str) -> None:
    """In English, region names on a chart's category axes, legend entries and point labels become
    the gazetteer's English names (charts are drawn with the stored names, which selections and
    colours depend on). Only the shown text changes; the data behind each point stays."""
    if lg == DEFAULT_LANG:
        return
    for trace in fig.data:
        if is_place(getattr(trace, "name", None)):
            trace.name = region_name(trace.name, lg)
        text = getattr(trace, "text", None)
        if isinstance(text, tuple | list) and text and all(is_place(x) or not x for x in text):
            trace.text = [region_name(x, lg) if isinstance(x, str) else x for x in text]
    for axis in [k for k in fig.layout if k.startswith(("xaxis", "yaxis"))]:
        ax = fig.layout[axis]
        if ax.ticktext is not None:  # rows placed by number (the timeline): relabel the ticks
            ax.ticktext = [region_name(x, lg) if isinstance(x, str) else x for x in ax.ticktext]
            continue
        categories = list(ax.categoryarray) if ax.categoryarray is not None else _axis_values(fig, axis)
        if categories and all(is_place(c) for c in categories):  # not a mix such as keyword terms (data)
            ax.update(tickmode="array", tickvals=categories, ticktext=[region_name(c, lg) for c in categories])
    for note in fig.layout.annotations:  # subplot titles: one region each
        if is_place(note.text):
            note.text = region_name(note.text, lg)


def _axis_values(fig: go.Figure, axis: str) -> list[str]:
    """The string values drawn on a category axis (``xaxis2`` -> the traces on ``x2``)."""
    letter, ref = axis[0], axis[0] + axis[5:]
    values: dict[str, None] = {}
    for trace in fig.data:
        if getattr(trace, f"{letter}axis", None) in (ref, None) and getattr(trace, letter, None) is not None:
            values |= dict.fromkeys(v for v in getattr(trace, letter) if isinstance(v, str))
    return list(values)


REGION_COLUMNS = ("region", "article_region", "source_region", "target_region")


def named(df: pd.DataFrame) -> pd.DataFrame:
    """A table for display in the current language: region names (English from the gazetteer) and
    display units (亿元 -> 100 million yuan); other cells stay as written."""
    lg = lang()
    if lg == DEFAULT_LANG:
        return df
    out = df.copy()
    for col in [c for c in REGION_COLUMNS if c in out.columns]:
        out[col] = out[col].map(lambda r: region_name(r, lg) if isinstance(r, str) else r)
    if "display_unit" in out.columns:
        out["display_unit"] = out["display_unit"].map(lambda u: unit_name(u, lg) if isinstance(u, str) else u)
    return out


def text_table(df: pd.DataFrame, headers: dict[str, str]) -> None:
    """A short table drawn as static HTML (``st.table``), not a data grid: the grid's browser code is
    the slowest part of a page's first draw. ``st.table`` renders Markdown in its cells, so every
    cell from data is escaped to show as written; missing values show as empty cells."""
    shown = df.astype(object).where(df.notna(), "").map(markdown_text)
    st.table(shown.rename(columns=headers), hide_index=True, border="horizontal")


def selected_facts(
    ids: list[str], facts: pd.DataFrame, hint: str = "select_hint", heading: str = "selected_point",
    by: str = "fact_id",
) -> None:
    if not ids:
        st.caption(t(hint, lang()))
        return
    rows = export.rows_for(ids, facts, by)
    st.markdown(f"**{t(heading, lang())}**")
    # The sentence as a snippet around its 【】 mark: the number stays on screen in a narrow cell.
    shown = named(rows[[c for c in SELECTION_COLUMNS if c in rows.columns]])
    st.dataframe(tables.table_frame(shown, lang()), hide_index=True)


def fact_columns() -> dict:
    lg = lang()
    return {
        "region": t("col_region", lg),
        "raw": t("col_raw", lg),
        "sentence_marked": st.column_config.TextColumn(t("col_sentence", lg), width="large"),
        "indicator": t("col_indicator", lg),
        "category": t("col_category", lg),
        "kind": t("col_kind", lg),
        "qualifier": t("col_qualifier", lg),
        "period": t("col_period", lg),
        "title": t("col_title", lg),
        "source": t("col_source", lg),
        "published": t("col_published", lg),
        "byline": t("col_byline", lg),
        "display_value": st.column_config.NumberColumn(t("col_value", lg), format="localized"),
        "display_unit": t("col_unit", lg),
        "label": t("col_label", lg),
        "series": t("col_indicator", lg),
    }


def _export_available() -> bool:
    if export.chromium_path() is None:
        reason = "no Chrome/Chromium on the server (apt-get install chromium)"
        st.caption(t("export_unavailable", lang(), reason=reason))
        return False
    return True


def _zip_of(figs: dict[str, go.Figure]):
    def render() -> bytes:  # run when the button is clicked: a page never pays for kaleido otherwise
        try:
            return export.zip_pngs(export.figures_to_png(figs))  # one kaleido session for all
        except export.ExportUnavailable as err:  # the camera in each chart's modebar still works
            return f"{err}\n".encode()

    return render


def zip_button(name: str) -> None:
    """The page's "all charts (ZIP)" download, one click: every chart drawn since ``begin_page()``,
    rendered to PNG on the server when it is clicked (a callable ``data``)."""
    figs = dict(st.session_state.get(_PAGE_FIGS, {}))
    if not figs or not _export_available():
        return
    st.download_button(
        t("download_zip", lang()), _zip_of(figs), f"{name}.zip", "application/zip", key=f"{name}_zip",
        on_click="ignore", icon=":material/download:", help=t("download_zip_help", lang()),
    )  # fmt: skip


EMPTY_ICON = ":material/inbox:"  # Material icons ship with Streamlit; emoji need an emoji font


def store_articles() -> pd.DataFrame:
    """The store's articles; stops the page with the empty-store message when there are none."""
    articles = dd.load_articles()
    if articles.empty:
        st.info(t("empty_store", lang()), icon=EMPTY_ICON)
        st.stop()
    return articles


def selected_regions(required: bool = False) -> list[str]:
    """The sidebar filter's regions; with ``required``, stops the page when none is selected."""
    selected = st.session_state.get(dd.REGION_KEY, [])
    if required and not selected:
        st.warning(t("no_region_selected", lang()), icon=":material/arrow_back:")
        st.stop()
    return selected


def pick(container, label: str, options: list[str], key: str, format_func, param: str | None = None) -> str:
    """A selectbox that starts on ``options[0]`` and falls back to it when the remembered choice is
    no longer offered (another indicator, another region selection); with ``param``, its value
    also lives in the URL's ``?param=`` (lib/dashboard/url_state.py)."""
    if param is not None:
        url_state.bind(param, key, url_state.Choice(options), options[0])
    elif st.session_state.get(key) not in options:
        st.session_state.pop(key, None)
    relabel(key, [format_func(o) for o in options])
    return container.selectbox(label, options, key=key, format_func=format_func)


_LABELS_KEY = "_picker_labels"  # widget key -> the option labels it was last drawn with


def relabel(key: str, labels: list[str]) -> None:
    """Before a keyed picker is drawn: when its options' labels changed since its last run ("(3/4 地区)"
    after a region was removed), assign its value again, so the browser redraws the shown label; a
    keyed widget otherwise keeps the labels it was drawn with when only its format_func's text changes."""
    state = st.session_state
    drawn = state.setdefault(_LABELS_KEY, {})
    if key in state and drawn.get(key) not in (None, labels):
        state[key] = state[key]
    drawn[key] = labels


def comparable_columns() -> dict:
    """Column headers of ``comparable.display_table`` frames."""
    lg = lang()
    return fact_columns() | {
        "indicator_name": t("col_indicator", lg),
        "basis": t("col_basis", lg),
        "scope": t("col_scope", lg),
        "subject": t("col_subject", lg),
    }


def _card_figure(row: dict, lg: str) -> str:
    """The figure as written (3401.6亿元) in Chinese; in English its label and unit (3401.6 100 million yuan)."""
    if lg == "zh" or not row.get("label") or not row.get("display_unit"):
        return row["raw"]
    unit = row["display_unit"]
    label = row["label"][: -len(unit)] if row["label"].endswith(unit) else row["label"]
    return f"{label} {unit_name(unit, lg)}"


def fact_cards(rows: pd.DataFrame, lg: str, per_row: int = 3) -> None:
    """One bordered card per figure: where and what (scope, subject, kind, period), the figure as
    written, and one click to its sentence and article. Text from data goes through st.text."""
    columns = st.columns(per_row)
    for i, row in enumerate(rows.to_dict("records")):
        with columns[i % per_row].container(border=True):
            st.text(f"{region_name(row['region'], lg)} · {cmp.scope_label(row['scope'], row['subject'], lg)}")
            kind = cmp.kind_label(row["kind"], row.get("target_kind", ""), lg)
            colon = "：" if lg == "zh" else ": "
            st.text(f"{kind} · {period_label(row['period'], row['basis'], lg)}{colon}{_card_figure(row, lg)}")
            with st.expander(t("open_fact", lg)):
                st.text(row["sentence_marked"])
                st.text(" · ".join(x for x in (row["title"], row["source"], row["published"]) if x))


# Tiles side by side (a screen wider than Streamlit's 640 px column break) give their names the same
# height, so a name that wraps does not put its value lower than its neighbours'. Two lines hold the
# Chinese names, three the English ones. A fixed style sheet: no text from data goes through HTML.
_TILE_STYLE = """<style>
@media (min-width: 640px) {
  [class*="st-key-tile-zh-"] > .stElementContainer:first-child { min-height: 3.2em; }
  [class*="st-key-tile-en-"] > .stElementContainer:first-child { min-height: 4.8em; }
}
</style>"""


def tile_style() -> None:
    st.html(_TILE_STYLE)  # a <style> alone takes no room on the page


def headline_metric(name: str, value: str, help: str | None = None, key: str = "") -> None:
    """A headline tile whose name wraps: ``st.metric`` cuts its label to one line ("growth rate · Gross
    regional pro…"), so the name is drawn as plain text above it and the metric's own label is collapsed
    (it stays the metric's label for screen readers and tests). ``key`` (unique on the page) lets the
    tiles of a row line up their values (``tile_style``)."""
    with st.container(key=f"tile-{lang()}-{key}" if key else None):
        st.text(name, help=help)
        st.metric(name, value, label_visibility="collapsed")
