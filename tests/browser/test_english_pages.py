"""English in a real browser: the tab title names the page in the language on every page (and
follows a switch), and the Links map's place labels and hovers are English."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from test_copied_links import settled
from test_links_map import CHART

from lib.dashboard.i18n import t

pytestmark = pytest.mark.browser

HAN = re.compile(r"[\u4e00-\u9fff]")
PAGES = {"": "page_overview", "compare": "page_compare", "indicators": "page_indicators", "timeline": "page_timeline",
         "keywords": "page_keywords", "links": "page_links", "facts": "page_facts", "articles": "page_articles",
         "store": "page_tables", "sources": "page_sources"}  # fmt: skip


def test_the_tab_title_names_the_page_in_the_language_on_every_page(page: Page, streamlit_server: str):
    for path, key in PAGES.items():
        page.goto(f"{streamlit_server}/{path}?lang=en")
        settled(page)
        expect(page).to_have_title(f"{t(key, 'en')} · {t('app_title', 'en')}")
        assert not HAN.search(page.title())
    page.get_by_test_id("stSidebar").get_by_text("中文").click()  # a switch retitles the tab at once
    expect(page).to_have_title(f"{t('page_sources', 'zh')} · {t('app_title', 'zh')}")
    page.get_by_role("link", name=t("page_timeline", "zh")).click()
    expect(page).to_have_title(f"{t('page_timeline', 'zh')} · {t('app_title', 'zh')}")


def test_links_map_labels_and_hovers_are_english(page: Page, streamlit_server: str, artifacts_dir: Path):
    page.goto(f"{streamlit_server}/links?lang=en")
    settled(page)
    geo = page.locator(CHART).nth(1)
    geo.scroll_into_view_if_needed()
    geo.locator(".scattergeo text").first.wait_for()
    labels = [x for x in geo.locator(".scattergeo text").all_text_contents() if x.strip()]
    assert {"Zhengzhou", "Tianjin"} <= set(labels), labels
    assert not [x for x in labels if HAN.search(x)], labels
    hovers = []
    for point in geo.locator(".scattergeo .point").all()[:12]:  # arrows and region dots, as a user points
        point.hover(force=True)
        page.wait_for_timeout(150)
        hovers += geo.locator(".hovertext").all_text_contents()
    # The places head each hover ("Zhengzhou → Atlanta", "Beijing"); evidence words stay as written.
    places = [re.split(r"Relation:|Level:", h)[0] for h in hovers]
    assert len(places) >= 8 and not [p for p in places if HAN.search(p)], hovers
    geo.screenshot(path=str(artifacts_dir / "links-map-en.png"))
