"""总览: a card per selected region with its standard headline indicators (whole-region figures,
latest period, with period and source; 无数据 where it has none) and its articles, then the
regions x categories coverage heatmap."""

import streamlit as st

from lib.dashboard import charts, ui
from lib.dashboard import comparable as cmp
from lib.dashboard import views as dd
from lib.dashboard.i18n import label, region_name, t, unit_name
from lib.dashboard.periods import period_label
from lib.dashboard.safe_text import markdown_text

PER_ROW = 4  # metrics per row inside a card

lang = ui.lang()
ui.begin_page()
st.title(t("app_title", lang))
st.caption(t("overview_caption", lang))

ui.store_articles()  # stops the page with the empty-store message
selected = ui.selected_regions(required=True)
cards = st.container()  # the cards' place, filled after the chart below is sent (see the foot)


def coverage_chart() -> None:
    st.subheader(t("coverage", lang))
    coverage = dd.load_coverage_rows()  # a cell's key in the chart, its facts found here when clicked
    if coverage.empty:
        st.info(t("no_facts", lang))
        return
    counts, cells = dd.load_coverage_index()  # once per build: a filter change only picks from them
    ui.chart(lambda: charts.coverage_heatmap(coverage, regions=selected, lang=lang, counts=counts),
             "overview-coverage", coverage, key="overview_coverage", hint="select_hint_cell",
             heading="selected_cell", by="cell", index=cells, cache_key=(tuple(selected),))  # fmt: skip
    ui.zip_button("overview-charts")


# The chart goes to the browser first: its Plotly script (the slowest part of a first visit) starts
# loading while the cards' 32 metrics and four data grids are still being sent; on screen it stays
# below the cards.
coverage_chart()
headlines = dd.load_headlines(lang)  # every region's, once per build: a filter change only lays them out

ui.tile_style()
for ri, region in enumerate(selected):  # full width: eight metrics need the room
    with cards.container(border=True):
        st.subheader(markdown_text(region_name(region, lang)), anchor=False)
        st.caption(t("headlines", lang))
        figures = headlines.get(region) or cmp.headline_figures(dd.load_facts_joined(), region, lang)
        if all(item["row"] is None and not item.get("other_kinds") for item in figures):  # once, not per tile
            # said once, in place of eight 无数据 tiles (about 700 px of a phone's screen)
            st.text(cmp.no_headlines_note(dd.load_facts_joined(), region, lang))
            figures = []
        for start in range(0, len(figures), PER_ROW):
            for j, (cell, item) in enumerate(zip(st.columns(PER_ROW), figures[start : start + PER_ROW], strict=False)):
                row = item["row"]
                key = f"{ri}-{start + j}"
                with cell:
                    if row is None:
                        ui.headline_metric(item["name"], t("no_data", lang), key=key)
                        if item.get("other_kinds"):
                            kinds = ("、" if lang == "zh" else ", ").join(label("kind", k, lang) for k in item["other_kinds"])
                            st.text(t("has_other_kinds", lang, kinds=kinds))
                        continue
                    unit = "" if row["display_unit"] == "%" else unit_name(row["display_unit"], lang)
                    # English units are long (100 million yuan): they go on the line under the figure.
                    short = lang == "zh" or not unit
                    value = f"{row['label']} {unit}" if short and unit else row["label"]
                    ui.headline_metric(item["name"], value, help=markdown_text(row["title"]) or None, key=key)
                    # Period and outlet come from data: plain text, never Markdown.
                    where = f"{period_label(row['period'], row['basis'], lang)} · {row['source'] or row['title']}"
                    st.text(where if short else f"{unit} · {where}")
        st.caption(t("articles_behind", lang))
        latest, more = dd.latest_articles_of_region(region)
        # title, source and date: a byline column left a phone two characters a line (the Articles page has it);
        # the date's hyphens do not break (a phone wrote 2025- / 03-21)
        if "published" in latest.columns:
            latest = latest.assign(published=latest["published"].map(lambda d: d.replace("-", "\u2011") if isinstance(d, str) else d))
        ui.text_table(latest.drop(columns=["region", "byline"], errors="ignore"),
                      {c: t(f"col_{c}", lang) for c in dd.ARTICLE_COLUMNS})  # fmt: skip
        if more:
            st.caption(t("articles_more", lang, n=more))

