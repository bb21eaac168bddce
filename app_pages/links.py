"""区域协同: relations between places stated in the articles (R&D → production, routes, enclaves,
cooperation, investment) as a network and on an offline map; the sentences behind a clicked link;
the same links as a table."""

import streamlit as st

from lib.dashboard import charts, maps, ui, url_state
from lib.dashboard import views as dd
from lib.dashboard.i18n import RELATIONS, label, region_name, t

lang = ui.lang()
ui.begin_page()
st.title(t("page_links", lang))
st.caption(t("links_caption", lang))

articles = ui.store_articles()
links = dd.load_links_joined()
if links.empty:
    st.info(t("no_links_store", lang), icon=ui.EMPTY_ICON)
    st.stop()
selected = ui.selected_regions()
if not selected:
    st.info(t("no_region_selected", lang), icon=ui.EMPTY_ICON)
    st.stop()

url_state.bind("relation", "links_relations", url_state.Choices(list(RELATIONS)), list(RELATIONS))
relations = st.multiselect(
    t("relations", lang),
    list(RELATIONS),
    format_func=lambda r: label("relation", r, lang),
    key="links_relations",
)
shown = dd.links_for_regions(links, selected, relations)
if shown.empty:
    st.info(t("no_links", lang), icon=ui.EMPTY_ICON)
    st.stop()

unlinked = dd.regions_without_links(shown, selected)
if unlinked:  # say plainly which selected regions the charts below cannot show
    st.text(t("no_link_regions", lang, regions=("、" if lang == "zh" else ", ").join(region_name(r, lang) for r in unlinked)))
details = dd.load_link_details(lang)  # every link's, once per build: the charts pick theirs by id
st.caption(t("links_select_hint", lang))
st.subheader(t("links_network", lang))
view = (tuple(selected), tuple(relations))  # the charts are made once per build, language and view
ui.chart(
    lambda: charts.link_network(shown, lang, regions=selected), "links-network", details, key="links_network",
    hint="select_hint_link", heading="selected_link", cache_key=view,
)  # fmt: skip

st.subheader(t("links_map", lang))
if maps.topojson_available():
    ui.chart(
        lambda: charts.link_map(shown, lang, regions=selected),
        "links-map",
        details,
        key="links_map",
        config={"topojsonURL": maps.TOPOJSON_URL},
        hint="select_hint_link",
        heading="selected_link",
        cache_key=view,
    )
else:
    st.warning(t("map_unavailable", lang), icon=":material/map:")  # no path (a visitor cannot act on it); no emoji (boxes without an emoji font)

with st.expander(t("table_view", lang)):
    st.dataframe(
        ui.named(dd.links_table(shown, lang)),
        hide_index=True,
        column_config={
            "source_region": t("col_from", lang),
            "target_region": t("col_to", lang),
            "relation": t("col_relation", lang),
            "evidence": t("col_evidence", lang),
            "sentence_marked": st.column_config.TextColumn(t("col_sentence", lang), width="large"),
            "title": t("col_title", lang),
            "source": t("col_source", lang),
            "published": t("col_published", lang),
            "source_level": t("hover_level", lang) + " · " + t("col_from", lang),
            "target_level": t("hover_level", lang) + " · " + t("col_to", lang),
        },
    )
ui.zip_button("links-charts")
