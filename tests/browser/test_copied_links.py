"""Links in a real browser: the user sets up a view, copies the address bar, and opens it in a fresh
browser context (no cookies, no session); the same view comes back. Unknown values in a link are
said as plain text."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, quote, urlparse

import pytest
from playwright.sync_api import Browser, Page, expect

pytestmark = pytest.mark.browser

CHART_TITLE = '[data-testid="stPlotlyChart"] .js-plotly-plot .gtitle'


def query(page: Page) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlparse(page.url).query, keep_blank_values=True).items()}


def fresh_page(browser: Browser) -> Page:
    context = browser.new_context(locale="zh-CN", viewport={"width": 1400, "height": 900})
    pg = context.new_page()
    pg.set_default_timeout(20_000)
    return pg


def settled(page: Page) -> None:
    """Wait until the script run is over (a user waits for the page before clicking on)."""
    page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").wait_for()
    page.wait_for_timeout(300)
    expect(page.get_by_test_id("stStatusWidget")).to_be_hidden(timeout=30_000)


def choose(page: Page, label: str, option: str) -> None:
    """Pick ``option`` in the selectbox named ``label``, as a user does: open it, click the option."""
    page.get_by_role("combobox", name=label).click()
    page.get_by_role("option", name=option).first.click()


def region_tags(page: Page) -> list[str]:
    tags = page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").locator('[data-baseweb="tag"]')
    return [t.strip() for t in tags.all_inner_texts()]


def chart_title(page: Page) -> str:
    page.locator(CHART_TITLE).first.wait_for()
    return " ".join(page.locator(CHART_TITLE).first.locator("tspan").all_text_contents())


def test_a_copied_compare_link_opens_the_same_view_in_a_fresh_browser(
    page: Page, browser: Browser, streamlit_server: str, artifacts_dir: Path
):
    page.goto(f"{streamlit_server}/compare")
    settled(page)
    sidebar = page.get_by_test_id("stSidebar")
    sidebar.get_by_role("button", name="Remove 郑州").click()
    expect(page).to_have_url(re.compile(r"region=%E5%A4%A9%E6%B4%A5|region=天津"))  # an explicit list now
    settled(page)
    choose(page, "类型", "增长率")
    expect(page).to_have_url(re.compile(r"kind=change_pct"))
    settled(page)
    sidebar.get_by_text("English").click()
    expect(page.get_by_role("heading", name="Compare")).to_be_visible()
    expect(page).to_have_url(re.compile(r"lang=en"))
    settled(page)
    copied, shown = page.url, (region_tags(page), chart_title(page))
    assert query(page)["region"] == "天津,上饶,黑龙江"
    page.screenshot(path=str(artifacts_dir / "url-compare-before.png"), full_page=True)

    other = fresh_page(browser)
    try:
        other.goto(copied)
        expect(other.get_by_role("heading", name="Compare")).to_be_visible()
        settled(other)
        expect(other.get_by_role("combobox", name="Kind")).to_have_value("growth rate", timeout=20_000)
        expect(page.get_by_role("combobox", name="Kind")).to_have_value("growth rate")  # relabelled in place too
        assert (region_tags(other), chart_title(other)) == shown
        assert query(other) == query(page)
        other.screenshot(path=str(artifacts_dir / "url-compare-after.png"), full_page=True)
    finally:
        other.context.close()


def test_all_regions_is_explicit_in_the_link(page: Page, streamlit_server: str):
    page.goto(streamlit_server)
    expect(page).to_have_url(re.compile(r"region=all"))
    expect(page.get_by_test_id("stSidebar").get_by_role("checkbox", name=re.compile("所有地区"))).to_be_checked()


def test_a_copied_facts_search_opens_the_same_rows(page: Page, browser: Browser, streamlit_server: str):
    page.goto(f"{streamlit_server}/facts")
    settled(page)
    search = page.get_by_role("textbox", name="搜索句子、指标或原文")
    search.fill("技术合同额")
    search.press("Enter")
    expect(page).to_have_url(re.compile(r"q=%E6%8A%80|q=技术合同额"))
    settled(page)
    count = page.get_by_text(re.compile(r"^\d+ / \d+ 行$"))
    expect(count).to_be_visible()
    rows = count.inner_text()

    other = fresh_page(browser)
    try:
        other.goto(page.url)
        settled(other)
        expect(other.get_by_role("textbox", name="搜索句子、指标或原文")).to_have_value("技术合同额")
        expect(other.get_by_text(re.compile(r"^\d+ / \d+ 行$"))).to_have_text(rows)
    finally:
        other.context.close()


def test_an_unknown_value_in_a_link_is_said_as_plain_text(page: Page, streamlit_server: str, artifacts_dir: Path):
    hostile = "<b>bold</b>[x](http://evil.example)"
    page.goto(f"{streamlit_server}/compare?indicator={quote(hostile)}&region={quote('天津,北京')}")
    settled(page)
    expect(page.get_by_role("heading", name="指标对比")).to_be_visible()
    expect(page.get_by_text(f"indicator={hostile}", exact=False)).to_be_visible()
    expect(page.get_by_text("region=北京", exact=False)).to_be_visible()
    assert page.locator("b", has_text="bold").count() == 0
    assert page.locator('a[href*="evil.example"]').count() == 0
    assert query(page)["indicator"] == "gdp"  # fell back to the default, and the link says so now
    page.screenshot(path=str(artifacts_dir / "url-unknown-values.png"), full_page=True)
