"""指标对比: one standard indicator, one kind, one period, whole regions only, compared across the
selected regions (bars; lines when several periods exist); the rows drawn as a table; every other
figure of the indicator as context cards. The choice of figures is lib/dashboard/comparable.py."""

from dataclasses import astuple

import streamlit as st

from lib.dashboard import charts, ui, url_state
from lib.dashboard import comparable as cmp
from lib.dashboard import views as dd
from lib.dashboard.i18n import region_name, t, unit_label
from lib.dashboard.periods import period_label

MAX_CARDS = 9

lang = ui.lang()
ui.begin_page()
st.title(t("page_compare", lang))
st.caption(t("compare_caption", lang))

articles = ui.store_articles()
selected = ui.selected_regions(required=True)
facts = dd.load_indicator_mentions()  # every row the page can draw or list, once per build
whole = dd.load_whole_region(selected)  # what the pickers and charts choose from, once per selection

indicators = cmp.indicator_options(whole, selected)
if not indicators:
    st.info(t("no_standard", lang), icon=ui.EMPTY_ICON)
    empty = cmp.view_rows(whole, selected, cmp.View("", ""))
    ui.chart(charts.indicator_bars(empty, selected, t("indicator", lang), lang), "compare", facts, key="compare_bars")
    ui.zip_button("compare-charts")
    st.stop()

counts = dict(indicators)
c1, c2, c3, c4 = st.columns([3, 2, 2, 2])
indicator = ui.pick(
    c1, t("indicator", lang), list(counts), "cmp_indicator",
    lambda i: cmp.indicator_option_label(i, counts[i], len(selected), lang), param="indicator",
)  # fmt: skip
# Option keys are URL values (?kind=target:level, ?period=2024:cumulative): readable, nothing to escape.
kinds = {f"{k}:{tk}".rstrip(":"): (k, tk) for k, tk in cmp.kind_options(whole, selected, indicator)}
kind = kinds[ui.pick(c2, t("measure", lang), list(kinds), "cmp_kind", lambda k: cmp.kind_label(*kinds[k], lang),
                     param="kind")]  # fmt: skip
periods = {f"{p}:{b}".rstrip(":"): (p, b) for p, b in cmp.period_options(whole, selected, indicator, kind)}
period = periods[
    ui.pick(c3, t("period_pick", lang), list(periods), "cmp_period", lambda p: period_label(*periods[p], lang),
            param="period")
]  # fmt: skip
view = cmp.View(indicator, *kind, *period)
units = cmp.unit_options(whole, selected, view)
if len(units) > 1:  # 技术合同 in 项 and 份: one axis draws one unit, the others are listed as context
    view = cmp.View(indicator, *kind, *period, ui.pick(c4, t("unit_pick", lang), units, "cmp_unit",
                                                        lambda u: unit_label(u, lang), param="unit"))  # fmt: skip
log = False
if kind[0] == "level":  # a log scale only for levels: growth rates and changes can be negative
    url_state.bind("log", "cmp_log", url_state.Flag(), False)
    log = st.toggle(t("log_scale", lang), key="cmp_log", help=t("log_scale_help", lang))

rows, series, context = dd.load_compare_rows(selected, view, lang)  # once per view
shown = cmp.drawn(rows)
name = cmp.indicator_name(indicator, lang)
what = t("what_kind_period", lang, what=name, kind=cmp.kind_label(*kind, lang), period=period_label(*period, lang))
# The charts are made once per build, language and view (lib/dashboard/ui.py).
view_key = (tuple(selected), astuple(view), log)


def bars():
    fig = charts.indicator_bars(shown, selected, what, lang)
    if log:
        ui.log_scale(fig)
    return fig


ui.chart(bars, charts.slug("compare", indicator, kind[0], kind[1], period[0], period[1]), facts, key="compare_bars",
         rows=shown, cache_key=view_key)  # fmt: skip
missing = cmp.missing_regions(shown, selected)
if missing:
    st.text(t("no_data_regions", lang, regions=("、" if lang == "zh" else ", ").join(region_name(r, lang) for r in missing)))
    for region, (what_else, value) in cmp.elsewhere(whole, selected, view, missing).items():
        # "no figure" would be wrong: the region has one, in another unit or for another period
        shown_value = unit_label(value, lang) if what_else == "unit" else period_label(*value.split("\t"), lang)
        st.text(t(f"has_it_in_{what_else}", lang, region=region_name(region, lang), value=shown_value))
repeated = cmp.others(rows)  # the drawn rows are the chart's Table tab
if len(repeated):
    with st.expander(t("other_sources", lang)):
        st.dataframe(ui.named(cmp.display_table(repeated, lang)), hide_index=True, column_config=ui.comparable_columns())

if len(series):
    st.subheader(t("over_periods", lang))

    def lines():
        fig = charts.indicator_lines(series, selected, t("what_kind", lang, what=name, kind=cmp.kind_label(*kind, lang)), lang)
        if log:
            ui.log_scale(fig)
        return fig

    ui.chart(lines, charts.slug("compare-periods", indicator, kind[0], kind[1]), facts, key="compare_lines",
             hint="select_hint_marker", rows=series, cache_key=view_key)  # fmt: skip

if len(context):
    st.subheader(t("context", lang))
    st.caption(t("context_caption", lang))
    ui.fact_cards(context.head(MAX_CARDS), lang)
    if len(context) > MAX_CARDS:
        st.caption(t("context_more", lang, n=len(context) - MAX_CARDS))
        st.dataframe(ui.named(cmp.display_table(context, lang)), hide_index=True, column_config=ui.comparable_columns())
ui.zip_button("compare-charts")
