"""指标对比: one category (and optionally one indicator) in one unit, compared across regions;
growth rates; the same data as a table."""

import streamlit as st

from lib.dashboard import charts, ui
from lib.dashboard import views as dd
from lib.dashboard.i18n import label, t

TABLE_COLUMNS = ["region", "series", "label", "display_value", "display_unit", "qualifier", "period", "raw",
                 "sentence"]  # fmt: skip

lang = ui.lang()
ui.begin_page()
st.title(t("page_compare", lang))
st.caption(t("compare_caption", lang))

articles = ui.store_articles()
selected = ui.selected_regions()
facts = dd.load_facts_joined()
shown = charts.first_mentions(facts[facts["region"].isin(selected)])
if shown.empty:
    st.info(t("no_facts", lang) if selected else t("no_region_selected", lang), icon=ui.EMPTY_ICON)
    st.stop()

categories = charts.compare_categories(shown)
c1, c2, c3, c4 = st.columns([2, 3, 2, 1], vertical_alignment="bottom")
category = c1.selectbox(
    t("category", lang), categories, format_func=lambda c: label("category", c, lang), key="cmp_category"
)
indicators = charts.indicators_by_coverage(shown, category)
shared = indicators and shown.loc[shown["indicator"] == indicators[0], "region"].nunique() >= 2
indicator = c2.selectbox(
    t("indicator", lang),
    ["", *indicators],
    index=1 if shared else 0,  # start on an indicator several regions report, when there is one
    format_func=lambda i: i or t("all_indicators", lang),
    key="cmp_indicator",
)
options = charts.measures(shown, category, indicator or None)
measure = c3.selectbox(t("measure", lang), options, format_func=lambda m: m.describe(lang), key="cmp_measure")
log = c4.toggle(t("log_scale", lang), key="cmp_log")

fig = charts.compare_bars(facts, category, indicator or None, measure, regions=selected, log=log, lang=lang)
name = charts.slug("compare", category, measure.unit if measure else "", measure.kind if measure else "")
ui.chart(fig, name, facts, key="compare_bars")
with st.expander(t("table_view", lang)):
    table = charts.compare_data(facts, category, indicator or None, measure, regions=selected, lang=lang)
    st.dataframe(
        dd.labelled(table[TABLE_COLUMNS], lang),
        hide_index=True,
        column_config=ui.fact_columns() | {"sentence": t("col_sentence", lang)},
    )

st.subheader(t("growth", lang))
ui.chart(
    charts.growth_chart(facts, regions=selected, lang=lang), "compare-growth-pct", facts, key="growth_chart"
)
ui.zip_button("compare-charts")
