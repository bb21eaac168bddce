"""The dashboard in a real browser: Debian chromium against `streamlit run app.py` on the seed store."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pandas as pd
import pytest
import servers
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

TITLE = "区域发展看板"


def seed_regions(seed_store: Path) -> list[str]:
    regions = pd.read_parquet(seed_store / "current" / "articles.parquet", columns=["region"])["region"]
    return [r for r in dict.fromkeys(regions) if r]


def open_app(page: Page, url: str) -> list[str]:
    """Open the app and wait for the sidebar filter; returns requests that left localhost."""
    outside = servers.outside_requests(page)
    page.goto(url)
    page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").wait_for()
    return outside


def test_title_filter_and_screenshot(
    page: Page, streamlit_server: str, seed_store: Path, artifacts_dir: Path
):
    outside = open_app(page, streamlit_server)
    expect(page).to_have_title(re.compile(TITLE))
    expect(page.get_by_role("heading", name=TITLE)).to_be_visible()
    multiselect = page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect")
    expect(multiselect).to_be_visible()
    for region in seed_regions(seed_store):
        expect(multiselect.get_by_role("button", name=f"Remove {region}")).to_be_visible()
    expect(page.get_by_test_id("stTable").first).to_be_visible()  # a card's articles, drawn as text
    first = pd.read_parquet(seed_store / "current" / "articles.parquet", columns=["region", "title"])
    first = first[first["region"] == seed_regions(seed_store)[0]]["title"]
    for title in first:  # the first card lists its region's articles, titles as written
        expect(page.get_by_test_id("stTable").first).to_contain_text(title)
    page.screenshot(path=str(artifacts_dir / "smoke-overview.png"), full_page=True)
    assert outside == [], f"the page called out to the internet: {outside}"


def test_filter_survives_page_switch_and_stays_in_url(
    page: Page, streamlit_server: str, seed_store: Path, artifacts_dir: Path
):
    regions = seed_regions(seed_store)
    if len(regions) < 2:
        pytest.skip(f"the seed store has fewer than two regions ({regions})")
    open_app(page, f"{streamlit_server}/?region={regions[0]}")
    multiselect = page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect")
    expect(multiselect.get_by_role("button", name=f"Remove {regions[0]}")).to_be_visible()
    expect(multiselect.get_by_role("button", name=f"Remove {regions[1]}")).to_have_count(0)

    page.get_by_test_id("stSidebarNav").get_by_role("link", name=re.compile("数据表")).click()
    expect(page.get_by_role("heading", name=re.compile("数据表"))).to_be_visible(timeout=15_000)  # a loaded CI machine
    expect(multiselect.get_by_role("button", name=f"Remove {regions[0]}")).to_be_visible()
    expect(page).to_have_url(re.compile(r"region="))
    assert parse_qs(urlparse(page.url).query)["region"] == [regions[0]]
    page.screenshot(path=str(artifacts_dir / "smoke-tables-page.png"), full_page=True)
