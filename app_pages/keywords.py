"""关键词: each selected region's most distinctive terms side by side, the terms regions share
(heatmap and table), and the first sentence holding a clicked term."""

import streamlit as st

from lib.dashboard import charts, ui, url_state
from lib.dashboard import views as dd
from lib.dashboard.i18n import region_name, t

lang = ui.lang()
ui.begin_page()
st.title(t("page_keywords", lang))
st.caption(t("keywords_caption", lang))

articles = ui.store_articles()
selected = ui.selected_regions(required=True)
keywords = dd.load_keywords()
if dd.region_keywords(keywords, selected).empty:
    st.info(t("no_keywords", lang), icon=ui.EMPTY_ICON)
    st.stop()

url_state.bind("top", "kw_top_n", url_state.Number(3, 15), 10)
top_n = st.slider(t("top_n", lang), min_value=3, max_value=15, key="kw_top_n")
examples = dd.load_term_examples()  # every region's, once per build
ui.chart(lambda: charts.keyword_bars(keywords, selected, lang, top_n=top_n, articles=articles), f"keywords-top{top_n}",
         examples, key="keyword_bars", hint="select_hint_term", heading="selected_term",
         cache_key=(tuple(selected), top_n))  # once per build, language and view  # fmt: skip

st.subheader(t("shared_terms", lang))
ui.chart(lambda: charts.shared_terms(keywords, selected, lang, articles=articles), "keywords-shared", examples,
         key="shared_terms", hint="select_hint_term", heading="selected_term", cache_key=(tuple(selected),))  # fmt: skip
shared = dd.shared_terms(keywords, selected)
with st.expander(t("shared_table", lang), expanded=True):
    if shared.empty:
        st.caption(t("no_shared_note", lang))
    else:
        st.dataframe(
            shared.assign(regions=[("、" if lang == "zh" else ", ").join(region_name(r, lang) for r in rs) for rs in shared["regions"]]),
            hide_index=True,
            column_config={
                "term": t("col_term", lang),
                "regions": t("col_regions", lang),
                "n_regions": t("col_n_regions", lang),
                "weight_sum": st.column_config.NumberColumn(t("col_weight_sum", lang), format="%.2f"),
            },
        )
ui.zip_button("keywords-charts")
