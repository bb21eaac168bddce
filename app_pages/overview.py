"""Articles in the selected regions: title, region, source, date, byline."""

import streamlit as st

from lib import dashboard_data as dd

st.title("区域发展看板")
st.caption("Regional development dashboard: articles about regional development, by region.")

articles = dd.load_articles()
if articles.empty:
    st.info(dd.EMPTY_STORE_MESSAGE, icon="📭")
    st.stop()

selected = st.session_state.get(dd.REGION_KEY, [])
shown = dd.articles_for_regions(articles, selected)
unattributed = int((articles["region"].fillna("") == "").sum())

st.subheader(f"文章 Articles · {len(shown)} / {len(articles)}")
if not selected:
    st.warning("No region selected: choose regions in the sidebar.", icon="👈")
st.dataframe(
    shown,
    hide_index=True,
    column_config={
        "title": "标题 Title",
        "region": "地区 Region",
        "source": "来源 Source",
        "published": "日期 Published",
        "byline": "署名 Byline",
    },
)
if unattributed:
    st.caption(f"{unattributed} article(s) without a region are not listed.")
