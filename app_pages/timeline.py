"""时间线: the events of the selected regions grouped by region and month (a dot per group with its
count, planned events hollow at their planned period), the events behind a clicked dot, and the
same events in the Table tab."""

import streamlit as st

from lib.dashboard import charts, ui, url_state
from lib.dashboard import views as dd
from lib.dashboard.i18n import t

lang = ui.lang()
ui.begin_page()
st.title(t("page_timeline", lang))
st.caption(t("timeline_caption", lang))

articles = ui.store_articles()
selected = ui.selected_regions(required=True)

url_state.bind("relative", "tl_relative", url_state.Flag(), True)
include_relative = st.toggle(t("include_relative", lang), key="tl_relative", help=t("include_relative_help", lang))
events = dd.events_for_regions(dd.load_events_joined(lang), selected, include_relative)
if events.empty:
    st.info(t("no_events", lang), icon=ui.EMPTY_ICON)
    st.stop()

# Made once per build, language and view (lib/dashboard/ui.py): drawn from the same events.
ui.chart(
    lambda: charts.timeline(events, lang, regions=selected), "timeline-events", dd.load_event_details(lang),
    key="timeline_chart", hint="select_hint_group", heading="selected_events",
    cache_key=(tuple(selected), include_relative),
)  # fmt: skip
ui.zip_button("timeline-charts")
