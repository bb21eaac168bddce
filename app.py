"""区域发展看板 · Regional development dashboard: the entry script.

It owns what every page shares: page config, the sidebar region filter (kept in
``st.session_state`` and mirrored to the URL's ``?region=``) and the navigation. Pages live in
``app_pages/``, not ``pages/``: a folder named ``pages`` beside this file switches Streamlit into
its legacy multipage mode and the filter loses its value (see docs/decisions.md).

    make run        # or: .venv/bin/streamlit run app.py
"""

import streamlit as st

from lib import dashboard_data as dd

st.set_page_config(page_title="区域发展看板", page_icon="🗺️", layout="wide")

articles = dd.load_articles()
regions = dd.region_options(articles)

# First run of a session: the URL seeds the filter (default: every region in the store).
if dd.REGION_KEY not in st.session_state:
    parsed = dd.regions_from_param(st.query_params.get(dd.REGION_PARAM), regions)
    st.session_state[dd.REGION_KEY] = parsed.selected
    if parsed.unknown:
        st.toast(f"Unknown regions in the URL, ignored: {'、'.join(parsed.unknown)}", icon="⚠️")
else:
    # The store may have been rebuilt since: drop regions it no longer has.
    kept = [r for r in st.session_state[dd.REGION_KEY] if r in regions]
    if kept != st.session_state[dd.REGION_KEY]:
        st.session_state[dd.REGION_KEY] = kept

with st.sidebar:
    selected = st.multiselect(
        "地区 Regions",
        regions,
        key=dd.REGION_KEY,
        placeholder="选择地区 · choose regions",
        disabled=not regions,
        help="Regions found in the article store. The selection is kept in the URL (?region=...).",
    )
    if not regions:
        st.caption("No regions yet: run `make data`.")

# Page switches drop query parameters: re-assert the filter on every run.
value = dd.region_param(selected, regions)
if value is None:
    st.query_params.pop(dd.REGION_PARAM, None)
else:
    st.query_params[dd.REGION_PARAM] = value

page = st.navigation(
    [
        st.Page("app_pages/overview.py", title="文章 Articles", icon=":material/article:", default=True),
        st.Page("app_pages/store.py", title="数据表 Tables", icon=":material/table:"),
    ]
)
page.run()
