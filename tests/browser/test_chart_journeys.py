"""Charts in a real browser: the region filter redraws the compare chart, the modebar camera and
the server-side PNG/ZIP buttons give valid files, a clicked bar shows its sentence. Screenshots
go to test-artifacts/ for a human look (Chinese glyphs, layout)."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from lib.dashboard.export import PNG_SIGNATURE, png_size

pytestmark = pytest.mark.browser

CHART = '[data-testid="stPlotlyChart"] .js-plotly-plot'
CAMERA = '.modebar-btn[data-title="Download plot as a PNG"]'


def open_page(page: Page, url: str) -> None:
    page.goto(url)
    page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").wait_for()
    page.locator(CHART).first.locator(".main-svg").first.wait_for()


def x_ticks(page: Page, i: int = 0) -> list[str]:
    return page.locator(CHART).nth(i).locator(".xtick text").all_text_contents()


def wait_for_ticks(page: Page, expected: list[str], i: int = 0) -> None:
    page.wait_for_function(
        """([sel, i, expected]) => {
            const chart = document.querySelectorAll(sel)[i];
            if (!chart) return false;
            const ticks = [...chart.querySelectorAll('.xtick text')].map(t => t.textContent);
            return JSON.stringify(ticks) === JSON.stringify(expected);
        }""",
        arg=[CHART, i, expected],
    )


def test_region_filter_redraws_the_compare_chart(page: Page, streamlit_server: str, artifacts_dir: Path):
    open_page(page, f"{streamlit_server}/compare")
    before = x_ticks(page)
    assert "郑州" in before and "天津" in before, before
    page.screenshot(path=str(artifacts_dir / "compare-all-regions.png"), full_page=True)
    sidebar = page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect")
    sidebar.get_by_role("button", name="Remove 郑州").click()
    wait_for_ticks(page, [r for r in before if r != "郑州"])
    expect(page).to_have_url(re.compile("region="))
    page.screenshot(path=str(artifacts_dir / "compare-without-zhengzhou.png"), full_page=True)


def test_modebar_camera_downloads_a_png(page: Page, streamlit_server: str, artifacts_dir: Path):
    open_page(page, f"{streamlit_server}/compare")
    chart = page.locator(CHART).first
    chart.hover()
    with page.expect_download() as info:
        chart.locator(CAMERA).click()
    download = info.value
    # named as the export bar names it: the title (Chinese kept, no ASCII slug) and the date
    title = chart.locator(".gtitle").first.text_content()
    assert download.suggested_filename.endswith(f"_{date.today().isoformat()}.png")
    assert download.suggested_filename.startswith(title[:4]) and not download.suggested_filename.isascii()
    path = artifacts_dir / f"modebar-{download.suggested_filename}"
    download.save_as(path)
    data = path.read_bytes()
    assert data.startswith(PNG_SIGNATURE) and png_size(data)[0] > 800


def test_server_side_png_and_zip(page: Page, streamlit_server: str, artifacts_dir: Path):
    open_page(page, f"{streamlit_server}/compare")
    with page.expect_download(timeout=90_000) as info:  # the export bar's PNG: one click
        page.get_by_role("button", name="PNG", exact=True).first.click()
    png = info.value
    png.save_as(artifacts_dir / f"server-{png.suggested_filename}")
    data = (artifacts_dir / f"server-{png.suggested_filename}").read_bytes()
    # The file is named after its chart's title (lines joined by _): the chart it was made of, whichever
    # export bar a loaded browser drew first.
    title = png.suggested_filename.removesuffix(f"_{date.today().isoformat()}.png").replace("_", "")
    charts = page.locator(CHART)
    drawn = [float(charts.nth(i).locator(".main-svg").first.get_attribute("height"))
             for i in range(charts.count()) if charts.nth(i).locator(".gtitle").first.text_content() == title]  # fmt: skip
    assert len(drawn) == 1, (title, drawn)
    # 1100 wide at scale 2, as tall as the chart is drawn (its height grows with its notes and legend)
    assert data.startswith(PNG_SIGNATURE) and png_size(data) == (2200, round(2 * drawn[0]))

    with page.expect_download(timeout=90_000) as info:  # the page's ZIP: one click too
        page.get_by_role("button", name="下载本页全部图表 (ZIP)").click()
    zipped = info.value
    assert zipped.suggested_filename == "compare-charts.zip"
    zipped.save_as(artifacts_dir / "server-compare-charts.zip")
    charts = page.locator(CHART).count()  # the bars, and the lines when several periods exist
    with zipfile.ZipFile(io.BytesIO((artifacts_dir / "server-compare-charts.zip").read_bytes())) as zf:
        names = zf.namelist()
        assert len(names) == charts and all(n.endswith(".png") for n in names)
        assert all(zf.read(n).startswith(PNG_SIGNATURE) for n in names)


def test_clicking_a_bar_shows_its_sentence(page: Page, streamlit_server: str, artifacts_dir: Path):
    open_page(page, f"{streamlit_server}/compare")
    # The seed store always shares GDP: wait for the bars (listing them at once skipped the test when
    # the chart was still being drawn).
    page.locator(CHART).first.locator(".point path").first.wait_for()
    bars = page.locator(CHART).first.locator(".point path").all()
    box = max((b.bounding_box() for b in bars), key=lambda bb: bb["height"])  # the tallest bar
    # Plotly's drag layer sits on top of the bars and turns a click at their position into a selection.
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    expect(page.get_by_text("所选数字")).to_be_visible()
    selected = page.get_by_test_id("stDataFrame").filter(visible=True).first  # not the hidden Table tab's
    expect(selected).to_be_visible()
    page.screenshot(path=str(artifacts_dir / "compare-selected-bar.png"), full_page=True)


# The Overview's cards list articles as static tables; the Facts page lists its facts in a data grid.
@pytest.mark.parametrize("path,name,listing", [("", "overview", "stTable"), ("facts", "facts", "stDataFrame")])
def test_pages_screenshots(page: Page, streamlit_server: str, artifacts_dir: Path, path: str, name: str, listing: str):
    page.goto(f"{streamlit_server}/{path}")
    page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").wait_for()
    page.get_by_test_id(listing).filter(visible=True).first.wait_for()
    page.wait_for_timeout(1500)  # let grids and charts paint
    page.screenshot(path=str(artifacts_dir / f"page-{name}.png"), full_page=True)


def test_a_copied_url_opens_the_same_view(page: Page, streamlit_server: str, artifacts_dir: Path):
    """The filter lives in ?region=: a link copied from one browser opens the same regions in another."""
    open_page(page, f"{streamlit_server}/compare")
    sidebar = page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect")
    for name in ("郑州", "黑龙江"):
        sidebar.get_by_role("button", name=f"Remove {name}").click()
        # as a user does: the next chip is removed once this one is gone (a click while the page reruns can land on
        # a chip being redrawn, on a loaded machine)
        expect(sidebar.get_by_role("button", name=f"Remove {name}")).to_have_count(0, timeout=15000)
    wait_for_ticks(page, ["天津", "上饶"])
    copied = page.url
    other = page.context.browser.new_context(locale="zh-CN", viewport={"width": 1400, "height": 900})
    try:
        fresh = other.new_page()
        open_page(fresh, copied)
        wait_for_ticks(fresh, ["天津", "上饶"])
        fresh.screenshot(path=str(artifacts_dir / "compare-from-copied-url.png"))
    finally:
        other.close()
    assert "region=" in copied, copied
