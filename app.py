"""区域发展看板 · Regional development dashboard: the entry script.

It owns what every page shares: page config, the sidebar region filter (kept in
``st.session_state`` and mirrored to the URL's ``?region=``) and the navigation. Pages live in
``app_pages/``, not ``pages/``: a folder named ``pages`` beside this file switches Streamlit into
its legacy multipage mode and the filter loses its value (see docs/decisions.md).

    make run        # or: .venv/bin/streamlit run app.py
"""

import streamlit as st

from lib.dashboard import views as dd
from lib.dashboard.i18n import DEFAULT_LANG, LANG_KEY, LANGS, t
from lib.dashboard.safe_text import markdown_text

st.set_page_config(page_title="区域发展看板", page_icon="🗺️", layout="wide")

st.session_state.setdefault(LANG_KEY, DEFAULT_LANG)
with st.sidebar:
    lang = st.radio(t("language"), list(LANGS), key=LANG_KEY, format_func=LANGS.get, horizontal=True)

dd.pin_build()  # every table this run loads comes from one build, even if a rebuild switches meanwhile
articles = dd.load_articles()
regions = dd.region_options(articles)

# First run of a session: the URL seeds the filter (default: every region in the store).
if dd.REGION_KEY not in st.session_state:
    parsed = dd.regions_from_param(st.query_params.get(dd.REGION_PARAM), regions)
    st.session_state[dd.REGION_KEY] = parsed.selected
    if parsed.unknown:
        names = markdown_text("、".join(parsed.unknown))  # URL text: never rendered as Markdown
        st.toast(t("unknown_regions", lang, names=names), icon="⚠️")
else:
    # The store may have been rebuilt since: drop regions it no longer has.
    kept = [r for r in st.session_state[dd.REGION_KEY] if r in regions]
    if kept != st.session_state[dd.REGION_KEY]:
        st.session_state[dd.REGION_KEY] = kept

with st.sidebar:
    selected = st.multiselect(
        t("regions", lang),
        regions,
        key=dd.REGION_KEY,
        placeholder=t("regions_placeholder", lang),
        disabled=not regions,
        help=t("regions_help", lang),
    )
    if not regions:
        st.caption(t("no_regions", lang))

# Page switches drop query parameters: re-assert the filter on every run.
value = dd.region_param(selected, regions)
if value is None:
    st.query_params.pop(dd.REGION_PARAM, None)
else:
    st.query_params[dd.REGION_PARAM] = value

page = st.navigation(
    [
        st.Page(
            "app_pages/overview.py", title=t("page_overview", lang), icon=":material/dashboard:", default=True
        ),
        st.Page("app_pages/compare.py", title=t("page_compare", lang), icon=":material/bar_chart:"),
        st.Page("app_pages/indicators.py", title=t("page_indicators", lang), icon=":material/menu_book:"),
        st.Page("app_pages/timeline.py", title=t("page_timeline", lang), icon=":material/timeline:"),
        st.Page("app_pages/keywords.py", title=t("page_keywords", lang), icon=":material/label:"),
        st.Page("app_pages/links.py", title=t("page_links", lang), icon=":material/hub:"),
        st.Page("app_pages/facts.py", title=t("page_facts", lang), icon=":material/search:"),
        st.Page("app_pages/articles.py", title=t("page_articles", lang), icon=":material/article:"),
        st.Page("app_pages/store.py", title=t("page_tables", lang), icon=":material/table:"),
        st.Page("app_pages/sources.py", title=t("page_sources", lang), icon=":material/upload_file:"),
    ]
)
page.run()
