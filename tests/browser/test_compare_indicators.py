"""Compare and Indicators in a real browser on the seed store: Chinese glyphs render, the compare
chart keeps a slot for every selected region (无数据 where a region lacks the figure), the vocabulary
table shows. Screenshots at desktop width and at 390 px go to test-artifacts/ for a human look."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from playwright.sync_api import Page, expect

from lib.extract.indicators import vocabulary

pytestmark = pytest.mark.browser

CHART = '[data-testid="stPlotlyChart"] .js-plotly-plot'
WIDTHS = {"desktop": 1400, "phone": 390}
# Two different strings of the same length: without a CJK font both are rows of identical boxes.
GLYPHS_DIFFER = """([a, b]) => {
    const font = getComputedStyle(document.querySelector('h1')).fontFamily;
    const draw = (s) => {
        const c = document.createElement('canvas'); c.width = 400; c.height = 60;
        const g = c.getContext('2d'); g.font = `32px ${font}`; g.fillText(s, 4, 44);
        return c.toDataURL();
    };
    return draw(a) !== draw(b);
}"""


def facts_have_indicator_ids(seed_store: Path) -> bool:
    return "indicator_id" in pd.read_parquet(seed_store / "current" / "facts.parquet").columns


def most_reported(seed_store: Path) -> str:
    """The indicator with most first-mention facts in the store (ties: vocabulary order)."""
    order = list(vocabulary())
    if not facts_have_indicator_ids(seed_store):
        return order[0]
    facts = pd.read_parquet(seed_store / "current" / "facts.parquet")
    counts = facts[(facts["mention_of"] == "") & (facts["indicator_id"] != "")]["indicator_id"].value_counts()
    return min(order, key=lambda i: (-counts.get(i, 0), order.index(i)))


def open_at(page: Page, url: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 2200})  # tall: the whole page in one screenshot
    page.goto(url)
    page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").wait_for(state="attached")


@pytest.mark.parametrize("device", list(WIDTHS))
def test_compare_page_renders_chinese_and_a_slot_per_region(
    page: Page, streamlit_server: str, seed_store: Path, artifacts_dir: Path, device: str
):
    open_at(page, f"{streamlit_server}/compare", WIDTHS[device])
    expect(page.get_by_role("heading", name="指标对比")).to_be_visible()
    chart = page.locator(CHART).first
    chart.locator(".main-svg").first.wait_for()
    assert page.evaluate(GLYPHS_DIFFER, ["地区生产总值", "指标词表对比"]), "Chinese renders as boxes: no CJK font"
    ticks = chart.locator(".xtick text").all_text_contents()
    assert ticks == ["天津", "郑州", "上饶", "黑龙江"]
    if facts_have_indicator_ids(seed_store):
        # The communiqués give 天津, 郑州 and 上饶 their GDP; 黑龙江 has only the newspaper page.
        labels = chart.locator(".point text, .bartext").all_text_contents()
        # the period on every bar, on the line under its value
        assert len(labels) >= 3 and all(re.search(r"\d(19|20)\d\d$", x) for x in labels), labels
        lines = chart.locator(".bartext").first.locator("tspan.line")
        assert lines.count() == 2 and re.fullmatch(r"(19|20)\d\d", lines.nth(1).text_content()), lines.all_text_contents()
        expect(chart.locator(".annotation-text", has_text="无数据").first).to_be_attached()
        expect(page.get_by_text("没有这个数字的地区：黑龙江")).to_be_visible()
    page.wait_for_timeout(800)  # let the grid and the chart paint
    page.screenshot(path=str(artifacts_dir / f"compare-{device}.png"), full_page=True)


@pytest.mark.parametrize("device", list(WIDTHS))
def test_indicators_page_lists_the_vocabulary(
    page: Page, streamlit_server: str, seed_store: Path, artifacts_dir: Path, device: str
):
    open_at(page, f"{streamlit_server}/indicators", WIDTHS[device])
    expect(page.get_by_role("heading", name="指标词表")).to_be_visible()
    grid = page.get_by_test_id("stDataFrame").first
    expect(grid).to_be_visible()
    assert page.evaluate(GLYPHS_DIFFER, ["地区生产总值", "指标词表对比"]), "Chinese renders as boxes: no CJK font"
    # The page starts on the indicator with most figures; Streamlit shows the choice in a combobox
    # (the grid itself is drawn on a canvas).
    expected = vocabulary()[most_reported(seed_store)].name_zh
    expect(page.get_by_role("combobox", name="查看指标")).to_have_value(re.compile(expected))
    page.wait_for_timeout(800)
    page.screenshot(path=str(artifacts_dir / f"indicators-{device}.png"), full_page=True)


def test_indicator_picker_counts_follow_the_region_selection(page: Page, streamlit_server: str, artifacts_dir: Path):
    # The picker kept saying "(3/4 地区)" after a region was removed: a keyed selectbox keeps the label
    # it was drawn with when only its format_func's text changes.
    open_at(page, f"{streamlit_server}/compare", WIDTHS["desktop"])
    picker = page.get_by_test_id("stMain").get_by_test_id("stSelectbox").first.locator("input")
    expect(picker).to_have_value(re.compile(r"/4 地区"))
    page.get_by_test_id("stSidebar").get_by_role("button", name="Remove 黑龙江").click()
    expect(picker).to_have_value(re.compile(r"/3 地区\)$"), timeout=30_000)
    page.get_by_test_id("stSidebar").get_by_role("button", name="Remove 郑州").click()
    expect(picker).to_have_value(re.compile(r"/2 地区\)$"), timeout=30_000)
    page.screenshot(path=str(artifacts_dir / "compare-picker-after-removing.png"))
