"""The dashboard as an explorer, in a real browser: the export bar under a chart downloads a PNG, an
SVG and a CSV of exactly the rows drawn, and shows a citation; a click on a heatmap cell lists its
facts; the Table tab shows the chart's rows; on a store of 100,000 facts the timeline stays one
chart of capped height and the Facts search answers. Files and screenshots go to test-artifacts/."""

from __future__ import annotations

import csv
import io
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
import servers
from playwright.sync_api import Page, expect

from lib.dashboard.export import PNG_SIGNATURE, png_size

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import bigstore  # noqa: E402

pytestmark = pytest.mark.browser

CHART = '[data-testid="stPlotlyChart"] .js-plotly-plot'
TODAY = date.today().isoformat()


def open_page(page: Page, url: str) -> None:
    page.goto(url)
    page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").wait_for()
    page.locator(CHART).first.locator(".main-svg").first.wait_for()
    expect(page.get_by_test_id("stApp")).to_have_attribute("data-test-script-state", "notRunning")


def download(page: Page, button: str, artifacts_dir: Path, nth: int = 0) -> tuple[str, bytes]:
    with page.expect_download(timeout=90_000) as info:
        page.get_by_role("button", name=button, exact=True).nth(nth).click()
    d = info.value
    path = artifacts_dir / f"export-{d.suggested_filename}"
    d.save_as(path)
    return d.suggested_filename, path.read_bytes()


def test_export_bar_downloads_png_svg_csv_and_a_citation(page: Page, streamlit_server: str, artifacts_dir: Path):
    open_page(page, f"{streamlit_server}/compare?region=天津,郑州,上饶")
    chart = page.locator(CHART).first
    regions = chart.locator(".xtick text").all_text_contents()
    bars = chart.locator(".point path").count()
    title = chart.locator(".gtitle tspan").first.text_content()  # the first line: what is compared

    name, svg = download(page, "SVG", artifacts_dir)
    assert name.endswith(f"_{TODAY}.svg") and "天津、郑州、上饶" in name, name  # what, regions, date
    texts = ["".join(t.itertext()) for t in ET.fromstring(svg).iter("{http://www.w3.org/2000/svg}text")]  # lines are tspans
    assert any("天津" in t for t in texts) and any("来源" in t for t in texts)  # text, not outlines
    # Look at the SVG as a browser draws it: Chinese glyphs, nothing cut.
    viewer = page.context.new_page()
    viewer.set_content(f'<body style="margin:0">{svg.decode()}</body>')
    viewer.screenshot(path=str(artifacts_dir / "export-compare-svg-rendered.png"), full_page=True)
    viewer.close()

    name, png = download(page, "PNG", artifacts_dir)
    assert name.endswith(f"_{TODAY}.png") and png.startswith(PNG_SIGNATURE)
    assert png_size(png)[0] == 2200  # 1100 px at scale 2

    name, data = download(page, "CSV 数据", artifacts_dir)
    assert name.endswith(f"_{TODAY}.csv")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows) == bars and [r["region"] for r in rows] == [r for r in regions if r in {x["region"] for x in rows}]
    assert all(r["sentence"] and r["title"] and r["published"] and r["value"] and r["unit"] for r in rows)
    assert all(r["raw"] in r["sentence"] for r in rows)  # each number checkable against its sentence
    assert all("/compare" in r["link"] and "region=" in r["link"] for r in rows)

    page.get_by_role("button", name="引用此图").first.click()
    cite = page.get_by_test_id("stCode").first
    expect(cite).to_be_visible()
    text = cite.inner_text()
    assert text.startswith("区域发展看板：《") and f"访问日期：{TODAY}" in text and "/compare?region=" in text
    assert f"《{title} 天津、郑州、上饶》" in text and rows[0]["title"] in text
    assert "/compare?region=天津,郑州,上饶" in text  # a readable link to this very view
    page.screenshot(path=str(artifacts_dir / "export-cite-popover.png"))


def test_table_tab_shows_the_rows_the_chart_draws(page: Page, streamlit_server: str, artifacts_dir: Path):
    open_page(page, f"{streamlit_server}/compare?region=天津,郑州,上饶")
    bars = page.locator(CHART).first.locator(".point path").count()
    page.get_by_role("tab", name="表格").first.click()
    expect(page.get_by_text(f"图中画出的 {bars} 行（与 CSV 相同）")).to_be_visible()
    page.wait_for_timeout(800)
    page.screenshot(path=str(artifacts_dir / "compare-table-tab.png"))


@pytest.mark.parametrize(
    "path,chart,heading",
    [("", 0, "所选格子中的数字"), ("keywords?region=天津,郑州,上饶", 1, "所选关键词")],
)
def test_clicking_a_heatmap_cell_lists_its_facts(
    page: Page, streamlit_server: str, artifacts_dir: Path, path: str, chart: int, heading: str
):
    open_page(page, f"{streamlit_server}/{path}")
    heatmap = page.locator(CHART).nth(chart)
    heatmap.scroll_into_view_if_needed()
    heatmap.locator(".main-svg").first.wait_for()
    expect(page.get_by_text(heading)).to_have_count(0)
    # A row per category makes the chart taller than the window: bring the cell on screen before the click.
    page.set_viewport_size({"width": 1280, "height": 2400})
    heatmap.scroll_into_view_if_needed()
    area = heatmap.locator(".nsewdrag").first.bounding_box()
    # The top-left cell, clicked off its centre: the whole cell answers.
    cells_x = len(heatmap.locator(".xtick text").all_text_contents())
    cells_y = len(heatmap.locator(".ytick text").all_text_contents())
    page.mouse.click(area["x"] + area["width"] / cells_x * 0.3, area["y"] + area["height"] / cells_y * 0.7)
    expect(page.get_by_text(heading)).to_be_visible(timeout=20_000)
    page.get_by_text(heading).scroll_into_view_if_needed()
    page.wait_for_timeout(800)
    page.screenshot(path=str(artifacts_dir / f"heatmap-click-{path.split('?')[0] or 'overview'}.png"))


# --- a store of 100,000 facts ---------------------------------------------------------------


@pytest.fixture(scope="module")
def big_server(seed_store: Path, tmp_path_factory: pytest.TempPathFactory, artifacts_dir: Path) -> Iterator[str]:
    out = tmp_path_factory.mktemp("big-store")
    assert bigstore.replicate(seed_store, out, 100_000) >= 100_000
    with servers.streamlit({"RDD_PROCESSED_DIR": str(out)}, artifacts_dir / "streamlit-big.log") as base:
        yield base


def test_timeline_of_100000_facts_is_one_chart_of_capped_height(page: Page, big_server: str, artifacts_dir: Path):
    page.set_default_timeout(90_000)
    open_page(page, f"{big_server}/timeline")
    chart = page.locator(CHART).first
    height = chart.bounding_box()["height"]
    dots = chart.locator(".scatterlayer .point").count()
    assert height <= 1000 and dots <= 200, (height, dots)
    counts = [int(t) for t in chart.locator(".scatterlayer .textpoint text").all_text_contents()]
    assert max(counts) > 1 and sum(counts) > 1000  # every event counted in some dot
    page.screenshot(path=str(artifacts_dir / "timeline-100k.png"))
    box = chart.locator(".scatterlayer .point").first.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    expect(page.get_by_text("所选事件")).to_be_visible()


def test_facts_search_on_100000_facts(page: Page, big_server: str, artifacts_dir: Path):
    page.set_default_timeout(90_000)
    page.goto(f"{big_server}/facts")
    page.get_by_test_id("stDataFrame").first.wait_for()
    expect(page.get_by_text("显示前 2000 行")).to_be_visible()  # the grid is capped, the downloads are not
    count = page.get_by_text(re.compile(r"^\d+ / \d+ 行$"))
    before = count.inner_text()
    search = page.get_by_test_id("stTextInput").locator("input")
    search.fill("跨境电商")
    search.press("Enter")
    expect(count).not_to_have_text(before)
    n, total = (int(x) for x in count.inner_text().removesuffix(" 行").split(" / "))
    assert 0 < n < total and total >= 100_000
    page.screenshot(path=str(artifacts_dir / "facts-100k-search.png"))


def test_overview_of_100000_facts_sends_cell_keys_and_lists_a_clicked_cell(
    page: Page, big_server: str, artifacts_dir: Path
):
    # The coverage cells used to carry every fact id to the browser (56,000 at 100,000 facts, the
    # bulk of a region-filter change): now a key per cell, its facts found on the server when clicked.
    page.set_default_timeout(90_000)
    open_page(page, big_server)
    heatmap = page.locator(CHART).first
    heatmap.scroll_into_view_if_needed()
    sent = heatmap.evaluate("el => el.data.map(tr => JSON.stringify(tr.customdata || [])).join('').length")
    cells = heatmap.evaluate("el => (el.data[1].customdata || []).length")
    assert cells > 0 and sent < 200 * cells, (sent, cells)  # a short key per cell, not its ids
    columns_before = len(heatmap.locator(".xtick text").all_text_contents())  # a column per region
    page.get_by_test_id("stSidebar").get_by_role("button", name="Remove 天津").click()  # a filter change redraws it
    expect(page.get_by_test_id("stApp")).to_have_attribute("data-test-script-state", "notRunning")
    heatmap = page.locator(CHART).first
    expect(heatmap.locator(".xtick text")).to_have_count(columns_before - 1)
    # The fullest cell, as a user clicks the darkest one.
    i, j, n, rows, cols = heatmap.evaluate(
        "el => { const z = el.data[0].z; let b = [0, 0, -1];"
        " z.forEach((r, i) => r.forEach((v, j) => { if (v > b[2]) b = [i, j, v]; }));"
        " return [...b, z.length, z[0].length]; }"
    )
    # A row per category makes the chart taller than the window: bring the cell on screen before the click.
    page.set_viewport_size({"width": 1280, "height": 2400})
    heatmap.scroll_into_view_if_needed()
    area = heatmap.locator(".nsewdrag").first.bounding_box()
    page.mouse.click(area["x"] + area["width"] / cols * (j + 0.5), area["y"] + area["height"] / rows * (i + 0.5))
    expect(page.get_by_text("所选格子中的数字")).to_be_visible()
    listed = page.get_by_test_id("stDataFrame").filter(visible=True).last
    expect(listed).to_be_visible()
    assert n > 2000  # a cell of thousands of facts, listed from its key
    page.screenshot(path=str(artifacts_dir / "overview-100k-cell.png"))
