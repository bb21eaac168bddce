"""总览: a card per selected region (largest money figure, figures by category, its articles)
and the regions x categories coverage heatmap."""

import streamlit as st

from lib.dashboard import charts, ui
from lib.dashboard import views as dd
from lib.dashboard.i18n import label, t

lang = ui.lang()
ui.begin_page()
st.title(t("app_title", lang))
st.caption(t("overview_caption", lang))

articles = ui.store_articles()
selected = ui.selected_regions(required=True)
facts = dd.load_facts_joined()

columns = st.columns(min(len(selected), 2))
for i, region in enumerate(selected):
    card = dd.region_card(facts, region)
    with columns[i % len(columns)].container(border=True):
        st.subheader(region)
        top = card["top_money"]
        if top:
            value = charts.value_label(top["display_value"], top["qualifier"])
            st.metric(t("largest_money", lang), f"{value} {top['display_unit']}")
            st.text(f"{top['indicator']} · {top['raw']} · {top['period'] or '—'}")
        else:
            st.metric(t("largest_money", lang), "—", help=t("no_money", lang))
        counts = {label("category", c, lang): n for c, n in card["counts"].items()}
        st.caption(f"{t('facts_by_category', lang)} · {t('n_facts', lang, n=card['n'])}")
        st.dataframe([counts], hide_index=True)
        st.caption(t("articles_behind", lang))
        st.dataframe(
            dd.articles_for_regions(articles, [region]).drop(columns=["region"]),
            hide_index=True,
            column_config={c: t(f"col_{c}", lang) for c in dd.ARTICLE_COLUMNS},
        )

st.subheader(t("coverage", lang))
if facts.empty:
    st.info(t("no_facts", lang))
else:
    fig = charts.coverage_heatmap(facts, regions=selected, lang=lang)
    ui.chart(fig, "overview-coverage", facts, key="overview_coverage")
    ui.zip_button("overview-charts")
