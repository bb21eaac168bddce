"""Articles in the selected regions: title, region, source, date, byline."""

import streamlit as st

from lib.dashboard import ui
from lib.dashboard import views as dd
from lib.dashboard.i18n import t

lang = ui.lang()
st.title(t("page_articles", lang))

articles = ui.store_articles()

selected = ui.selected_regions()
shown = dd.articles_for_regions(articles, selected)
unattributed = int((articles["region"].fillna("") == "").sum())

st.subheader(f"{t('page_articles', lang)} · {len(shown)} / {len(articles)}")
if not selected:
    st.warning(t("no_region_selected", lang), icon=":material/arrow_back:")
st.dataframe(
    ui.named(shown),
    hide_index=True,
    column_config={c: t(f"col_{c}", lang) for c in dd.ARTICLE_COLUMNS},
)
if unattributed:
    st.caption(t("articles_unattributed", lang, n=unattributed))
