"""时间线: the dated events of the selected regions on a time axis (planned events hollow, inferred
and relative dates marked), the sentence behind a clicked marker, and the same events as a table."""

import streamlit as st

from lib.dashboard import charts, ui, url_state
from lib.dashboard import views as dd
from lib.dashboard.i18n import t

TABLE_COLUMNS = ["date_label", "region", "description", "relative", "planned", "year_inferred", "sentence",
                 "title", "source", "published"]  # fmt: skip

lang = ui.lang()
ui.begin_page()
st.title(t("page_timeline", lang))
st.caption(f'{t("timeline_caption", lang)} {t("event_select_hint", lang)}')

articles = ui.store_articles()
selected = ui.selected_regions(required=True)

url_state.bind("relative", "tl_relative", url_state.Flag(), True)
include_relative = st.toggle(t("include_relative", lang), key="tl_relative", help=t("include_relative_help", lang))
events = dd.events_for_regions(
    dd.events_with_articles(dd.load_events(), articles, lang), selected, include_relative
)
if events.empty:
    st.info(t("no_events", lang), icon=ui.EMPTY_ICON)
    st.stop()

fig = charts.timeline(events, lang, regions=selected)
ui.chart(
    fig, "timeline-events", dd.event_selection_rows(events), key="timeline_chart",
    hint="select_hint_marker", heading="selected_event",
)  # fmt: skip

with st.expander(t("events_table", lang), expanded=True):
    st.dataframe(
        ui.named(events[TABLE_COLUMNS]),
        hide_index=True,
        column_config={
            "date_label": t("col_date", lang),
            "region": t("col_region", lang),
            "description": st.column_config.TextColumn(t("col_description", lang), width="medium"),
            "relative": t("col_relative", lang),
            "planned": st.column_config.CheckboxColumn(t("col_planned", lang)),
            "year_inferred": st.column_config.CheckboxColumn(t("col_year_inferred", lang)),
            "sentence": st.column_config.TextColumn(t("col_sentence", lang), width="large"),
            "title": t("col_title", lang),
            "source": t("col_source", lang),
            "published": t("col_published", lang),
        },
    )
ui.zip_button("timeline-charts")
