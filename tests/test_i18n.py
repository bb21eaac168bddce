"""Every dashboard label exists in Chinese and English with the same placeholders, every code the
tables use (kinds, scopes, bases, the vocabulary's categories) has a name in both, and in English
mode no page shows Chinese interface text (data such as sentences and titles stays as written)."""

from __future__ import annotations

import json
import re
import string

import pytest
from streamlit.testing.v1 import AppTest
from test_app import APP, PAGES, use_store

from lib.dashboard import i18n
from lib.extract.indicators import vocabulary


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


# Phrased differently on purpose: 等4地 counts all regions, "and 2 more" the ones left out.
DIFFERENT_PLACEHOLDERS = {"and_more"}


@pytest.mark.parametrize("key", i18n.keys())
def test_label_in_both_languages_with_the_same_placeholders(key):
    zh, en = i18n._LABELS[key]
    assert zh.strip() and en.strip()
    if key not in DIFFERENT_PLACEHOLDERS:
        assert placeholders(zh) == placeholders(en)


@pytest.mark.parametrize("group", ["category", "kind", "scope", "basis", "qualifier"])
def test_codes_have_names_in_both_languages(group):
    for zh, en in i18n._GROUPS[group].values():
        assert zh and en


def test_every_vocabulary_category_and_scope_is_named():
    for ind in vocabulary().values():
        assert ind.category in i18n.CATEGORIES, ind.id
    for scope in ("region", "sector", "part", "organisation", "group", "nation"):
        assert scope in i18n.SCOPE_NAMES


# --- English mode: no Chinese interface text on any page ------------------------------------------

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]+")
# English labels that quote the Chinese words of the source texts on purpose (超, 近日 ...).
QUOTES_CHINESE = {"approx_note", "timeline_caption", "include_relative", "no_links_store", "language",
                  "facts_caption", "event_select_hint", "timeline_relative_note"}  # fmt: skip
QUOTED = {run for key in QUOTES_CHINESE for run in CJK.findall(i18n._LABELS[key][1])}


def test_english_labels_hold_chinese_only_where_they_quote_it():
    leaking = {key for key, (_, en) in i18n._LABELS.items() if CJK.search(en)} - QUOTES_CHINESE
    assert not leaking, f"English labels with Chinese text: {sorted(leaking)}"


def interface_texts(at) -> list[str]:
    """What the page says in its own words: headings, notes, widget labels and options, metric labels,
    column headers, chart titles, axes, legends and notes. Not data: st.text, table cells, the
    charts' 来源 lines, tick labels of terms."""
    texts = [str(e.value) for kind in ("title", "header", "subheader", "caption", "markdown", "info", "warning",
                                       "error", "success") for e in getattr(at, kind)]  # fmt: skip
    for kind in ("selectbox", "multiselect", "radio", "checkbox", "toggle", "slider", "text_input", "text_area",
                 "button", "expander", "tabs"):  # fmt: skip
        for w in getattr(at, kind, []):
            if getattr(w, "key", None) == i18n.LANG_KEY:
                continue  # 中文 / English: each language names itself
            texts.append(str(getattr(w, "label", "")))
            texts += [str(o) for o in getattr(w, "options", [])]
    texts += [m.label for m in at.metric] + [str(m.value) for m in at.metric]
    texts += [b.proto.label for b in at.get("download_button")]
    for frame in at.dataframe:
        config = json.loads(frame.proto.columns or "{}")
        texts += [c.get("label", "") for c in config.values() if isinstance(c, dict)]
    for chart in at.get("plotly_chart"):
        layout = json.loads(chart.proto.spec)["layout"]
        texts.append(str(layout.get("title", {}).get("text", "")))
        for name, axis in layout.items():
            if name.startswith(("xaxis", "yaxis")):
                texts.append(str(axis.get("title", {}).get("text", "")))
        texts += [a.get("text", "") for a in layout.get("annotations", []) if not _is_source_line(a.get("text", ""))]
        texts += [str(tr.get("name", "")) for tr in json.loads(chart.proto.spec)["data"] if tr.get("showlegend", True)]
    return texts


def _is_source_line(text: str) -> bool:
    return text.startswith(i18n.t("source_prefix", "en")) or "<br>" + i18n.t("source_prefix", "en") in text


def chinese_left(text: str) -> list[str]:
    return [run for run in CJK.findall(text) if run not in QUOTED and not any(run in q for q in QUOTED)]


@pytest.mark.parametrize("page", PAGES)
def test_no_chinese_interface_text_in_english(seed_store, monkeypatch, page):
    use_store(monkeypatch, seed_store)
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = "en"
    at.switch_page(page).run()
    assert not at.exception
    leaks = {text: chinese_left(text) for text in interface_texts(at) if chinese_left(text)}
    assert not leaks, f"{page} shows Chinese interface text in English mode: {leaks}"
    assert at.sidebar.multiselect[0].options[0].isascii()  # region names in English (gazetteer)


@pytest.mark.parametrize("region,english", [("天津", "Tianjin"), ("郑州", "Zhengzhou"), ("陕西", "Shaanxi"),
                                            ("西安", "Xi'an"), ("长治", "Changzhi"), ("京津冀", "Beijing-Tianjin-Hebei"),
                                            ("卢森堡", "Luxembourg"), ("不在地名表", "不在地名表")])  # fmt: skip
def test_region_names_in_english_come_from_the_gazetteer(region, english):
    assert i18n.region_name(region, "en") == english
    assert i18n.region_name(region, "zh") == region


def test_units_in_english():
    assert i18n.unit_name("亿元", "en") == "100 million yuan"
    assert i18n.unit_name("个百分点", "en") == "percentage points"
    assert i18n.unit_name("亿元", "zh") == "亿元"
    assert i18n.unit_name("头", "en") == "头"  # no English name: as written


def test_unknown_label_is_an_error_naming_it():
    with pytest.raises(KeyError, match="no label 'nope'"):
        i18n.t("nope")


def test_unit_choices_stay_apart_in_english():
    from lib.dashboard.i18n import unit_label

    assert unit_label("项", "en") == "items (项)"
    assert unit_label("份", "en") != unit_label("项", "en")
    assert unit_label("亿元", "zh") == "亿元"


def test_an_english_context_card_gives_the_unit_in_english():
    # the reviewer saw 'level · 2023: 3401.6亿元' in the English Compare page's context cards
    from lib.dashboard.ui import _card_figure

    row = {"raw": "3401.6亿元", "label": "3,402", "display_unit": "亿元"}
    assert _card_figure(row, "en") == "3,402 100 million yuan"
    assert _card_figure(row, "zh") == "3401.6亿元"  # Chinese keeps the figure as written
