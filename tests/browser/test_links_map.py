"""The Links page in a real browser: the network and the map are drawn, the map's base layer comes
from the vendored topojson under /app/static/ and no request leaves localhost, a clicked link
shows its sentence, and the server-side PNG of the map is a valid image. Screenshots go to
test-artifacts/ for a human look (Chinese labels, the base map)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Page, expect

from lib.dashboard import maps
from lib.dashboard.export import PNG_SIGNATURE, png_size

pytestmark = pytest.mark.browser

CHART = '[data-testid="stPlotlyChart"] .js-plotly-plot'
LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "[::1]"}
LOCAL_SCHEMES = {"data", "blob", "about"}


def is_local(url: str) -> bool:
    parsed = urlparse(url)
    return parsed.scheme in LOCAL_SCHEMES or parsed.hostname in LOCAL_HOSTS


def open_links(page: Page, base: str) -> tuple[list[str], dict[str, int]]:
    """Open the Links page, recording every request URL and the status of every response."""
    requests: list[str] = []
    statuses: dict[str, int] = {}
    page.on("request", lambda r: requests.append(r.url))
    page.on("response", lambda r: statuses.__setitem__(r.url, r.status))
    page.goto(f"{base}/links")
    page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").wait_for()
    page.locator(CHART).nth(1).locator(".main-svg").first.wait_for()
    # The base map is drawn once the topojson has arrived: wait for its land/coastline paths.
    page.wait_for_function(
        "sel => { const c = document.querySelectorAll(sel)[1]; "
        "return c && c.querySelectorAll('.geolayer path').length > 0; }",
        arg=CHART,
        timeout=30_000,
    )
    page.wait_for_timeout(800)  # labels and arrows settle
    return requests, statuses


def test_links_page_draws_network_and_offline_map(page: Page, streamlit_server: str, artifacts_dir: Path):
    requests, statuses = open_links(page, streamlit_server)
    network, geo = page.locator(CHART).nth(0), page.locator(CHART).nth(1)

    labels = network.locator(".textpoint text").all_text_contents()
    assert {"北京", "天津", "郑州", "亚特兰大", "卢森堡", "上饶", "长三角"} <= set(labels), labels
    assert network.locator(".legendtext").count() >= 5  # one entry per relation, then levels

    assert geo.locator(".geolayer path").count() > 0  # land, ocean, coastlines from the topojson
    assert geo.locator(".scattergeo .js-line").count() > 0  # the links as great circles
    geo_labels = geo.locator(".scattergeo text").all_text_contents()
    assert {"郑州", "亚特兰大", "卢森堡"} <= set(geo_labels), geo_labels

    topojson = [u for u in requests if u.endswith(maps.topojson_name())]
    assert topojson and all(
        urlparse(u).path == f"{maps.TOPOJSON_URL}{maps.topojson_name()}" for u in topojson
    )
    assert all(statuses.get(u) == 200 for u in topojson), {u: statuses.get(u) for u in topojson}
    outside = sorted({u for u in requests if not is_local(u)})
    assert not outside, f"requests left localhost: {outside}"

    page.screenshot(path=str(artifacts_dir / "links-page.png"), full_page=True)
    geo.screenshot(path=str(artifacts_dir / "links-map.png"))
    network.screenshot(path=str(artifacts_dir / "links-network.png"))


def test_region_filter_redraws_the_map(page: Page, streamlit_server: str, artifacts_dir: Path):
    open_links(page, streamlit_server)
    sidebar = page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect")
    for name in ("郑州", "上饶", "黑龙江"):
        sidebar.get_by_role("button", name=f"Remove {name}").click()
        page.wait_for_timeout(300)
    page.wait_for_function(
        """sel => {
            const c = document.querySelectorAll(sel)[1];
            if (!c) return false;
            const t = [...c.querySelectorAll('.scattergeo text')].map(e => e.textContent).filter(Boolean);
            return t.includes('天津') && !t.includes('郑州') && c.querySelectorAll('.geolayer path').length > 0;
        }""",
        arg=CHART,
        timeout=30_000,
    )
    page.wait_for_timeout(800)
    page.locator(CHART).nth(1).screenshot(path=str(artifacts_dir / "links-map-tianjin.png"))


def test_clicking_a_link_shows_its_sentence(page: Page, streamlit_server: str, artifacts_dir: Path):
    open_links(page, streamlit_server)
    network = page.locator(CHART).first
    # The arrows are the marker points of the network; click the first one (drag layer on top).
    arrow = network.locator(".scatterlayer .trace .points path").first
    box = arrow.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    expect(page.get_by_text("所选关系")).to_be_visible()
    selected = page.get_by_test_id("stDataFrame").filter(visible=True).first  # not a hidden Table tab's
    expect(selected).to_be_visible()
    selected.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts_dir / "links-selected.png"), full_page=True)


def test_server_side_png_of_the_map(page: Page, streamlit_server: str, artifacts_dir: Path):
    open_links(page, streamlit_server)
    with page.expect_download(timeout=90_000) as info:
        # The export bar's PNG, rendered on the click: the map's (the network's is first).
        page.get_by_role("button", name="PNG", exact=True).nth(1).click()
    download = info.value
    assert download.suggested_filename.endswith(".png") and "地图" in download.suggested_filename
    path = artifacts_dir / "server-links-map.png"
    download.save_as(path)
    data = path.read_bytes()
    drawn = float(page.locator('[data-testid="stPlotlyChart"]').nth(1).locator(".main-svg").first.get_attribute("height"))
    # 1100 wide at scale 2, as tall as the map is drawn (its height grows with its notes and legend)
    assert data.startswith(PNG_SIGNATURE) and png_size(data) == (2200, round(2 * drawn))
