"""指标词表: the standard indicator vocabulary (data/indicators/indicators.csv) with how many facts and
regions of the store have each indicator, and the figures behind a chosen one."""

import streamlit as st

from lib.dashboard import comparable as cmp
from lib.dashboard import ui
from lib.dashboard import views as dd
from lib.dashboard.i18n import t

lang = ui.lang()
st.title(t("page_indicators", lang))
st.caption(t("indicators_caption", lang))

articles = ui.store_articles()
selected = ui.selected_regions()
facts = dd.load_facts_joined()

table = cmp.vocabulary_table(facts)
st.dataframe(
    cmp.vocabulary_shown(table, lang),
    hide_index=True,
    column_config={
        c: t(f"col_{c}", lang) for c in ("id", "name_zh", "name_en", "unit_family", "category", "parent", "kinds")
    }
    | {
        "synonyms": st.column_config.TextColumn(t("col_synonyms", lang), width="large"),
        "n_facts": st.column_config.NumberColumn(t("col_n_facts", lang)),
        "n_regions": st.column_config.NumberColumn(t("col_n_regions", lang)),
    },
)

# Start on the indicator the store has most figures of (the vocabulary's first when it has none).
ids = list(table.sort_values("n_facts", ascending=False, kind="stable")["id"])
names = dict(zip(table["id"], table["name_zh" if lang == "zh" else "name_en"], strict=True))
counts = dict(zip(table["id"], table["n_facts"], strict=True))
chosen = ui.pick(st, t("indicator_pick", lang), ids, "ind_pick", lambda i: f"{names[i]} ({counts[i]})",
                 param="indicator")  # fmt: skip
st.subheader(t("indicator_figures", lang, name=names[chosen]), anchor=False)
figures = cmp.indicator_figures(facts, chosen, selected)
if figures.empty:
    st.info(t("no_indicator_figures", lang), icon=ui.EMPTY_ICON)
else:
    shown = cmp.display_table(figures, lang, [c for c in cmp.TABLE_COLUMNS if c != "indicator_name"])
    st.dataframe(ui.named(shown), hide_index=True, column_config=ui.comparable_columns())
