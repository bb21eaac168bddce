"""区域发展看板 · Regional development dashboard: the entry script.

It owns what every page shares: page config, the language and the sidebar region filter (kept in
``st.session_state`` and mirrored to the URL's ``?lang=`` and ``?region=`` by lib/dashboard/url_state.py)
and the navigation. Pages live in
``app_pages/``, not ``pages/``: a folder named ``pages`` beside this file switches Streamlit into
its legacy multipage mode and the filter loses its value (see docs/decisions.md).

    make run        # or: .venv/bin/streamlit run app.py
"""

import streamlit as st

from lib.dashboard import url_state
from lib.dashboard import views as dd
from lib.dashboard.i18n import DEFAULT_LANG, LANG_KEY, LANGS, region_name, t

# The language first: every label below depends on it. ?lang= and ?region= are read on a session's
# first run and written back on every run (page switches drop the query string).
url_state.bind(url_state.LANG_PARAM, LANG_KEY, url_state.Choice(list(LANGS)), DEFAULT_LANG)
st.set_page_config(page_title=t("app_title", st.session_state[LANG_KEY]), page_icon="🗺️", layout="wide")
with st.sidebar:
    lang = st.radio(
        t("language"), list(LANGS), key=LANG_KEY, format_func=LANGS.get, horizontal=True,
        on_change=url_state.language_changed,
    )  # fmt: skip

dd.pin_build()  # every table this run loads comes from one build, even if a rebuild switches meanwhile
articles = dd.load_articles()
regions = dd.region_options(articles)

url_state.bind_regions(regions, english=lambda r: region_name(r, "en"))
with st.sidebar:
    st.checkbox(
        t("all_regions", lang),
        key=url_state.ALL_REGIONS_KEY,
        on_change=url_state.all_regions_toggled,
        args=(regions,),
        disabled=not regions,
        help=t("all_regions_help", lang),
    )
    st.multiselect(
        t("regions", lang),
        regions,
        key=url_state.REGION_KEY,
        on_change=url_state.regions_changed,
        args=(regions,),
        format_func=lambda r: region_name(r, lang),
        placeholder=t("regions_placeholder", lang),
        disabled=not regions,
        help=t("regions_help", lang),
    )
    if not regions:
        st.caption(t("no_regions", lang))

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
# The tab names the page too, in the language: "指标对比 · 区域发展看板" (set again once the page is known).
st.set_page_config(page_title=f"{page.title} · {t('app_title', lang)}")
url_state.start_page(page.url_path)
page.run()
dd.PAGE_RUN_DONE.set()  # make run's warm-up fills the other pages' caches from now (lib/dashboard/launch.py)
