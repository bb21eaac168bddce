"""The tables in the store: where they are, how many rows, when they were built."""

import streamlit as st

from lib.dashboard import sources, ui
from lib.dashboard import views as dd
from lib.dashboard.i18n import label, t

st.title(t("page_tables", ui.lang()))
st.caption(t("tables_store", ui.lang(), folder=sources.folder_label(dd.processed_dir())))  # never the absolute path

summary = dd.store_summary()
if summary.empty:
    st.info(t("empty_store", ui.lang()), icon=ui.EMPTY_ICON)
else:
    summary.insert(0, "holds", [label("table", name, ui.lang()) for name in summary["table"]])
    st.dataframe(summary, hide_index=True, column_config={c: t(f"tables_col_{c}", ui.lang()) for c in summary.columns})
