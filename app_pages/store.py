"""The tables in the store: where they are, how many rows, when they were built."""

import streamlit as st

from lib import dashboard_data as dd
from lib import ui
from lib.i18n import t

st.title(t("page_tables", ui.lang()))
st.caption(f"Store: `{dd.processed_dir()}`")

summary = dd.store_summary()
if summary.empty:
    st.info(dd.EMPTY_STORE_MESSAGE, icon=ui.EMPTY_ICON)
else:
    st.dataframe(summary, hide_index=True)
