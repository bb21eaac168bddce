"""事实浏览: every extracted figure in the selected regions, searchable and filterable, the number
marked with 【】 in its sentence (plain text in a dataframe, never Markdown or HTML); CSV and
Parquet downloads of the filtered rows."""

import streamlit as st

from lib.dashboard import tables, ui, url_state
from lib.dashboard import views as dd
from lib.dashboard.i18n import label, region_name, t
from lib.dashboard.safe_text import csv_safe

lang = ui.lang()
st.title(t("page_facts", lang))
st.caption(t("facts_caption", lang))

articles = ui.store_articles()
selected = ui.selected_regions()
facts, haystack, choices = dd.load_facts_of_regions(selected)  # once per build and selection
if facts.empty:
    st.info(t("no_facts", lang) if selected else t("no_region_selected", lang), icon=ui.EMPTY_ICON)
    st.stop()

url_state.bind("q", "facts_query", url_state.Text(), "")
query = st.text_input(t("search", lang), key="facts_query")
c1, c2, c3 = st.columns(3)
# Filters in the URL: ?fact_region=天津&category=economy,trade&kind=level ('' or absent: any).
fact_regions, fact_categories, fact_kinds = (list(c) for c in choices)
url_state.bind("fact_region", "facts_regions", url_state.Choices(fact_regions), [])
url_state.bind("category", "facts_categories", url_state.Choices(fact_categories), [])
url_state.bind("kind", "facts_kinds", url_state.Choices(fact_kinds), [])
regions = c1.multiselect(
    t("fact_region", lang),
    fact_regions,
    key="facts_regions",
    format_func=lambda r: region_name(r, lang),
    placeholder=t("any", lang),
)
categories = c2.multiselect(
    t("category", lang), fact_categories,
    format_func=lambda c: label("category", c, lang), key="facts_categories", placeholder=t("any", lang),
)  # fmt: skip
kinds = c3.multiselect(
    t("kind", lang),
    fact_kinds,
    format_func=lambda k: label("kind", k, lang),
    key="facts_kinds",
    placeholder=t("any", lang),
)
rows = dd.search_facts(facts, query, regions, categories, kinds, haystack=haystack)

st.caption(t("rows_shown", lang, n=len(rows), total=len(facts)))
grid = tables.facts_grid(ui.named(rows.head(tables.MAX_TABLE_ROWS)), lang)  # a grid of 100,000 costs seconds
if len(grid) < len(rows):
    st.caption(t("rows_capped", lang, n=len(grid), total=len(rows)))
st.dataframe(grid, hide_index=True, column_config=ui.fact_columns())
export_rows = rows.drop(columns=["sentence_marked"])
d1, d2 = st.columns(2)
# Callables: the files are built only when a button is clicked, not on every rerun.
d1.download_button(
    t("download_csv", lang), lambda: csv_safe(export_rows).to_csv(index=False).encode("utf-8-sig"), "facts.csv", "text/csv",
    key="facts_csv", on_click="ignore", icon=":material/download:",
)  # fmt: skip
d2.download_button(
    t("download_parquet", lang), lambda: export_rows.to_parquet(index=False), "facts.parquet",
    "application/octet-stream",
    key="facts_parquet", on_click="ignore", icon=":material/download:",
)  # fmt: skip
