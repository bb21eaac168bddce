"""The Timeline and Keywords pages in a real browser: markers for the selected regions, a known seed
term in the keyword chart, a clicked marker shows its sentence. Screenshots go to test-artifacts/
for a human look (Chinese glyphs, legend, the month dots)."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from lib import store
from lib.dashboard.charts import keyword_rows

pytestmark = pytest.mark.browser

CHART = '[data-testid="stPlotlyChart"] .js-plotly-plot'


def open_page(page: Page, url: str) -> None:
    page.goto(url)
    page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").wait_for()
    page.locator(CHART).first.locator(".main-svg").first.wait_for()


def y_ticks(page: Page, i: int = 0) -> list[str]:
    return page.locator(CHART).nth(i).locator(".ytick text").all_text_contents()


def wait_for_y_ticks(page: Page, expected: list[str], i: int = 0) -> None:
    page.wait_for_function(
        """([sel, i, expected]) => {
            const chart = document.querySelectorAll(sel)[i];
            if (!chart) return false;
            const ticks = [...chart.querySelectorAll('.ytick text')].map(t => t.textContent);
            return JSON.stringify(ticks) === JSON.stringify(expected);
        }""",
        arg=[CHART, i, expected],
    )


def wait_for_tick(page: Page, term: str, i: int = 0) -> None:
    """Wait until a y-axis label reads ``term`` (any panel: small multiples have .y2tick, .y3tick ...)."""
    page.wait_for_function(
        """([sel, i, term]) => {
            const chart = document.querySelectorAll(sel)[i];
            return !!chart && [...chart.querySelectorAll('.yaxislayer-above text')].some(t => t.textContent === term);
        }""",
        arg=[CHART, i, term],
    )


def test_timeline_shows_markers_for_the_selected_regions(
    page: Page, streamlit_server: str, artifacts_dir: Path, seed_store: Path
):
    open_page(page, f"{streamlit_server}/timeline?region=天津,郑州,上饶,黑龙江")
    chart = page.locator(CHART).first
    assert y_ticks(page) == ["天津", "郑州", "上饶", "黑龙江"]
    expect(chart.locator(".scatterlayer .point").first).to_be_visible()
    # One dot per region and month (planned apart), its count written in it: 20 of the seed's events
    # fall in 2024-05, so the dots are few and their counts add up to every dated event.
    counts = [int(t) for t in chart.locator(".scatterlayer .textpoint text").all_text_contents()]
    events = store.read_table("events", seed_store)
    assert sum(counts) == len(events) and chart.locator(".scatterlayer .point").count() < len(events)
    assert "计划" in chart.locator(".legendtext").all_text_contents()
    page.wait_for_timeout(1000)  # let the chart paint
    page.screenshot(path=str(artifacts_dir / "timeline-all-regions.png"), full_page=True)

    page.get_by_test_id("stSidebar").get_by_role("button", name="Remove 郑州").click()
    wait_for_y_ticks(page, ["天津", "上饶", "黑龙江"])
    page.get_by_test_id("stSidebar").get_by_role("button", name="Remove 天津").click()
    wait_for_y_ticks(page, ["上饶", "黑龙江"])
    expected = int(events["region"].isin(["上饶", "黑龙江"]).sum())
    counts = page.locator(CHART).first.locator(".scatterlayer .textpoint text").all_text_contents()
    assert sum(int(t) for t in counts) == expected


def test_clicking_a_timeline_dot_lists_its_events(
    page: Page, streamlit_server: str, artifacts_dir: Path
):
    open_page(page, f"{streamlit_server}/timeline?region=郑州")
    dots = page.locator(CHART).first.locator(".scatterlayer .point")
    point = dots.nth(dots.count() - 1)  # 2024-05: four events
    box = point.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    selected = page.get_by_test_id("stDataFrame").filter(visible=True).first  # not the hidden Table tab's
    expect(page.get_by_text("所选事件")).to_be_visible()
    expect(selected).to_be_visible()
    page.wait_for_timeout(800)
    page.screenshot(path=str(artifacts_dir / "timeline-selected-marker.png"), full_page=True)


def test_keywords_page_shows_a_known_seed_term(
    page: Page, streamlit_server: str, artifacts_dir: Path, seed_store: Path
):
    keywords = store.read_table("keywords", seed_store)
    regions = ["天津", "郑州", "上饶", "黑龙江"]
    open_page(page, f"{streamlit_server}/keywords")
    bars = page.locator(CHART).first
    wait_for_tick(page, keyword_rows.region_keywords(keywords, ["上饶"])["term"].iloc[3])  # 上饶's fourth term
    assert {"天津", "郑州", "上饶", "黑龙江"} <= set(bars.locator(".annotation-text").all_text_contents())
    shared = page.locator(CHART).nth(1)
    shared.locator(".main-svg").first.wait_for()
    wait_for_tick(page, keyword_rows.shared_terms(keywords, regions)["term"].iloc[0], 1)
    page.wait_for_timeout(1000)
    page.screenshot(path=str(artifacts_dir / "keywords-all-regions.png"), full_page=True)

    open_page(page, f"{streamlit_server}/keywords?region=郑州,黑龙江")
    expect(page.get_by_text("所选地区之间没有共同关键词").first).to_be_visible()
    page.locator(CHART).nth(1).scroll_into_view_if_needed()
    page.wait_for_timeout(1000)
    page.screenshot(path=str(artifacts_dir / "keywords-no-shared-terms.png"), full_page=True)
