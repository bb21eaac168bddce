"""Text from data (titles, sources, event descriptions, URL parameters) shown as text, never markup.

Plotly renders a subset of HTML in titles, annotations, tick labels, hover text and legend names
(<a href>, <b>, <i>, <br>, <span style>, <sup>, <sub>); Streamlit Markdown renders links, images,
``:color[...]`` directives and some HTML. One helper for each, used for every string from data.
CSV cells a spreadsheet would run as a formula are prefixed with ``'``.
"""

from __future__ import annotations

import html
import re

import pandas as pd

# Markdown specials: escaping each with a backslash makes Streamlit show it literally.
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|:~$=])")
ZWSP = "\u200b"
_AUTOLINK_WORDS = re.compile(r"(?i)https?|ftps?|mailto|www|xmpp")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def plotly_text(value: object) -> str:
    """``value`` as a string Plotly shows literally: < > & escaped as entities, so no tag (and no
    <br>) from data is interpreted. None becomes ""."""
    if value is None:
        return ""
    return html.escape(str(value), quote=False)


def markdown_text(value: object) -> str:
    """``value`` as Markdown that renders as the same plain text: every Markdown special
    (link/image brackets, ``:red[...]`` colons, HTML angle brackets, emphasis) backslash-escaped;
    newlines become spaces so a value cannot start a heading or list."""
    if value is None:
        return ""
    flat = re.sub(r"\s*[\r\n]+\s*", " ", str(value))
    escaped = _MARKDOWN_SPECIALS.sub(r"\\\1", flat)
    # GFM autolinks bare URLs, www. names and e-mail addresses whatever the escapes: a zero-width space
    # inside the scheme word and after @ keeps the text as shown but breaks every such pattern.
    escaped = _AUTOLINK_WORDS.sub(lambda m: m.group(0)[0] + ZWSP + m.group(0)[1:], escaped)
    return escaped.replace("@", "@" + ZWSP)


def csv_cell(value: object) -> object:
    """A text cell a spreadsheet would read as a formula (= + - @, tab, CR first) prefixed with '."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` with text columns made formula-safe; numeric columns stay numeric
    (a negative number is a number, not a formula)."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(csv_cell)
    return out
