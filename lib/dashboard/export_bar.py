"""The export bar under every chart (Streamlit): PNG, SVG, CSV of the rows drawn and "cite this
chart", each one click; and the chart's table view. The pure parts (rows, CSV, cite text, file
names) are in lib/dashboard/export.py and lib/dashboard/tables.py.

Images are rendered on the server only when their button is clicked (a callable ``data``): a page
never pays for kaleido until someone downloads.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from urllib.parse import quote

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from lib.dashboard import export, tables
from lib.dashboard.i18n import t

# What would break a query string; Chinese stays as it is (browsers accept it, readers read it).
_UNSAFE = re.compile(r"[\s#%&+=?\x00-\x1f]")
MIME = {"png": "image/png", "svg": "image/svg+xml", "csv": "text/csv", "txt": "text/plain"}


def view_link() -> str:
    """The URL of the view the user is on, query string (regions, choices) included; '' outside a
    browser session (AppTest)."""
    try:
        base = st.context.url or ""
    except Exception:  # no session context
        return ""
    query = st.query_params.to_dict()
    if not base or not query:
        return base
    # Readable in a citation (region=天津,郑州): only what would break the query is escaped.
    return base + "?" + "&".join(f"{_escape(k)}={_escape(str(v))}" for k, v in query.items())


def _escape(text: str) -> str:
    return _UNSAFE.sub(lambda m: quote(m.group(0)), text)


def _image(fig: go.Figure, fmt: str):
    def render() -> bytes:
        try:
            return export.figure_image(fig, fmt)
        except export.ExportUnavailable as err:  # the camera in the modebar still works
            return f"{err}\n".encode()

    return render


def bar(fig: go.Figure, rows: Callable[[], pd.DataFrame], cited: pd.DataFrame | list, key: str, lang: str) -> None:
    """PNG · SVG · CSV · cite, one click each; the files carry the chart's title and today's date.
    ``rows`` gives the CSV's rows when it is downloaded; ``cited`` holds the drawn rows' source, title
    and published (the articles a citation names), or is ``export.article_list`` of them."""
    today = date.today()
    link = view_link()
    row = st.container(horizontal=True, wrap=True, gap="small")  # one row, wrapping on a phone
    can_render = export.chromium_path() is not None
    for fmt in ("png", "svg"):
        row.download_button(
            t(f"export_{fmt}", lang), _image(fig, fmt), export.file_name(fig, fmt, today), MIME[fmt],
            key=f"{key}_{fmt}", help=t(f"export_{fmt}_help", lang), on_click="ignore",
            icon=":material/download:", disabled=not can_render,
        )  # fmt: skip
    row.download_button(
        t("export_csv", lang),
        lambda: export.chart_csv(rows(), link, export.no_data_regions(fig), t("no_data", lang)),
        export.file_name(fig, "csv", today),
        MIME["csv"], key=f"{key}_csv", help=t("export_csv_help", lang), on_click="ignore",
        icon=":material/table_view:",
    )  # fmt: skip
    if isinstance(cited, list):
        cite = export.cite_text(fig, None, link, today, lang, articles=cited)
    else:
        cite = export.cite_text(fig, cited, link, today, lang)
    with row.popover(t("export_cite", lang), icon=":material/format_quote:"):
        st.caption(t("export_cite_help", lang))
        st.code(cite, language=None, wrap_lines=True)  # plain text, with a copy button
        st.download_button(
            t("download_cite", lang), cite.encode("utf-8"), export.file_name(fig, "txt", today), MIME["txt"],
            key=f"{key}_cite", on_click="ignore",
        )  # fmt: skip
    if not can_render:
        st.caption(t("export_unavailable", lang, reason="no Chrome/Chromium on the server (apt-get install chromium)"))


def table(rows: pd.DataFrame, lang: str, total: int | None = None, framed: pd.DataFrame | None = None) -> None:
    """The rows the chart draws, as a table (the same rows as the CSV; ``total`` of them when
    ``rows`` holds only the first); ``framed``: ``tables.table_frame(rows, lang)`` made already."""
    total = len(rows) if total is None else total
    st.caption(t("table_rows", lang, n=total))
    shown = tables.table_frame(rows, lang) if framed is None else framed
    if total > len(shown):
        st.caption(t("rows_capped", lang, n=len(shown), total=total))
    st.dataframe(shown, hide_index=True)
