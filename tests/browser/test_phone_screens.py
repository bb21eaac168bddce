"""Charts on a 390 x 844 phone and at 1400 x 900: the title below the modebar and inside the chart,
the legend under the plot, notes not cut at the right edge, headline cards in reading order, and a
PNG from the modebar camera with nothing cut at its edges. Screenshots go to test-artifacts/."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import Browser, Page, expect

from lib.dashboard.comparable import HEADLINES, headline_name

pytestmark = pytest.mark.browser

SIZES = {"phone": (390, 844), "desktop": (1400, 900)}
CHART = '[data-testid="stPlotlyChart"]'
# English titles are longer: they wrap to more lines (the reviewer saw them run into the plot)
PAGES = ["compare", "timeline", "links", "keywords", "compare?lang=en", "keywords?lang=en"]


def phone_page(browser: Browser, device: str) -> Page:
    width, height = SIZES[device]
    touch = device == "phone"
    context = browser.new_context(locale="zh-CN", viewport={"width": width, "height": height}, is_mobile=touch,
                                  has_touch=touch)  # fmt: skip
    pg = context.new_page()
    pg.set_default_timeout(30_000)
    return pg


def box(locator) -> dict:
    b = locator.bounding_box()
    assert b is not None, f"{locator} is not drawn"
    return b


def settle(page: Page) -> None:
    page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").wait_for(state="attached")
    page.wait_for_timeout(500)
    expect(page.get_by_test_id("stStatusWidget")).to_be_hidden(timeout=30_000)


@pytest.mark.parametrize("device", list(SIZES))
@pytest.mark.parametrize("name", PAGES)
def test_chart_parts_do_not_overlap_or_overflow(browser: Browser, streamlit_server: str, artifacts_dir: Path,
                                                name: str, device: str):  # fmt: skip
    page = phone_page(browser, device)
    try:
        page.goto(f"{streamlit_server}/{name}")
        settle(page)
        chart = page.locator(CHART).first
        chart.scroll_into_view_if_needed()
        chart.locator(".main-svg").first.wait_for()
        chart.hover()  # the modebar shows on hover (and on touch)
        page.wait_for_timeout(300)
        svg = box(chart.locator(".main-svg").first)
        title = box(chart.locator(".gtitle").first)
        plot = box(chart.locator(".nsewdrag, .geo .bglayer, .geolayer").first)
        modebar = box(chart.locator(".modebar").first)

        assert title["x"] + title["width"] <= svg["x"] + svg["width"] + 1, "the title runs out of the chart"
        assert title["y"] >= modebar["y"] + modebar["height"] - 2, "the modebar covers the title"
        assert title["y"] + title["height"] <= plot["y"] + 2, "the title runs into the plot"
        legends = chart.locator(".legend")
        if legends.count():
            legend = box(legends.first)
            assert legend["y"] >= plot["y"] + plot["height"], "the legend is not under the plot"
            drawn = [box(x) for x in legends.all()]  # the Links charts: relations and place levels
            assert not [(a, b) for i, a in enumerate(drawn) for b in drawn[i + 1 :] if _overlap(a, b)], "legends overlap"
        for note in chart.locator(".annotation").all():
            b = note.bounding_box()
            if b:
                assert b["x"] + b["width"] <= svg["x"] + svg["width"] + 1, f"a note is cut: {note.text_content()} {b} {svg}"
        page.screenshot(path=str(artifacts_dir / f"layout-{name}-{device}.png"), full_page=False)
    finally:
        page.context.close()


def test_headline_cards_in_reading_order_on_a_phone(browser: Browser, streamlit_server: str, artifacts_dir: Path):
    page = phone_page(browser, "phone")
    try:
        page.goto(f"{streamlit_server}/?region=天津")
        settle(page)
        names = [headline_name(i, k) for i, k in HEADLINES]  # drawn as text above each metric (they wrap)
        expect(page.get_by_test_id("stText").get_by_text(names[-1], exact=True)).to_be_visible()
        page.wait_for_timeout(500)
        tops = [box(page.get_by_test_id("stText").get_by_text(name, exact=True).first)["y"] for name in names]
        assert tops == sorted(tops), "cards are not in reading order"
        page.screenshot(path=str(artifacts_dir / "layout-overview-phone.png"), full_page=False)
    finally:
        page.context.close()


@pytest.mark.parametrize("device", list(SIZES))
def test_english_headline_names_wrap_instead_of_being_cut(browser: Browser, streamlit_server: str,
                                                          artifacts_dir: Path, device: str):  # fmt: skip
    # st.metric cuts its label to one line: "growth rate · Gross regional pro…" at 1400 px
    page = phone_page(browser, device)
    try:
        page.goto(f"{streamlit_server}/?region=天津&lang=en")
        settle(page)
        names = [headline_name(i, k, "en") for i, k in HEADLINES]
        expect(page.get_by_test_id("stText").get_by_text(names[-1], exact=True)).to_be_visible()
        for name in names:
            shown = page.get_by_test_id("stText").get_by_text(name, exact=True).first
            assert shown.inner_text().strip() == name
            # nothing hidden: no ancestor up to the tile's column scrolls or clips the name sideways
            clipped = shown.evaluate("""el => { const out = [];
                for (let e = el; e && !(e.dataset && e.dataset.testid === 'stColumn'); e = e.parentElement)
                    if (e.scrollWidth > e.clientWidth + 1) out.push(e.dataset.testid || e.tagName);
                return out; }""")
            assert not clipped, f"{name!r} is cut in {clipped}"
        assert not page.locator('[data-testid="stMetricLabel"]:visible').count()
        page.screenshot(path=str(artifacts_dir / f"layout-overview-en-{device}.png"), full_page=False)
    finally:
        page.context.close()


def test_headline_values_of_a_row_line_up_when_a_name_wraps(browser: Browser, streamlit_server: str):
    # English names wrap to one, two or three lines at desktop width: each value sat lower by a line
    page = phone_page(browser, "desktop")
    try:
        page.goto(f"{streamlit_server}/?region=天津&lang=en")
        settle(page)
        values = page.get_by_test_id("stMetricValue")
        expect(values.nth(3)).to_be_visible()
        tops = [round(values.nth(i).bounding_box()["y"]) for i in range(4)]  # the first row's four tiles
        assert max(tops) - min(tops) <= 2, tops
    finally:
        page.context.close()


def test_timeline_dots_inside_the_plot_on_a_phone(browser: Browser, streamlit_server: str, artifacts_dir: Path):
    # The last year's dots were cut at the plot's right edge at 390 px, with two x ticks only.
    page = phone_page(browser, "phone")
    try:
        page.goto(f"{streamlit_server}/timeline")
        settle(page)
        chart = page.locator(CHART).first
        chart.scroll_into_view_if_needed()
        chart.locator(".main-svg").first.wait_for()
        plot = box(chart.locator(".nsewdrag").first)
        points = [b for p in chart.locator(".scatterlayer .point").all() if (b := p.bounding_box())]
        assert points
        for b in points:
            assert plot["x"] - 1 <= b["x"] and b["x"] + b["width"] <= plot["x"] + plot["width"] + 1, (b, plot)
        assert chart.locator(".xtick").count() >= 4
        page.screenshot(path=str(artifacts_dir / "layout-timeline-phone-dots.png"), full_page=False)
    finally:
        page.context.close()


def test_compare_value_labels_read_on_a_phone(browser: Browser, streamlit_server: str, artifacts_dir: Path):
    # "18,024 · 2024" was wider than a 390 px phone's bar: plotly shrank it to about 6 px type.
    page = phone_page(browser, "phone")
    try:
        page.goto(f"{streamlit_server}/compare")
        settle(page)
        chart = page.locator(CHART).first
        chart.scroll_into_view_if_needed()
        chart.locator(".main-svg").first.wait_for()
        labels = chart.locator("text.bartext").all()
        assert labels
        for label in labels:  # value and period, one line each, in type of about 12 px (not scaled down)
            b = box(label)
            assert b["height"] >= 2 * 11, (label.text_content(), b)
            assert "scale" not in (label.get_attribute("transform") or ""), label.get_attribute("transform")
        svg, title = box(chart.locator(".main-svg").first), box(chart.locator(".ytitle").first)
        plot = box(chart.locator(".nsewdrag").first)
        assert title["x"] >= svg["x"] and title["height"] <= plot["height"] + 60, (title, plot)
        page.screenshot(path=str(artifacts_dir / "layout-compare-phone-labels.png"), full_page=False)
    finally:
        page.context.close()


def test_the_camera_png_on_a_phone_is_not_cut(browser: Browser, streamlit_server: str, artifacts_dir: Path):
    page = phone_page(browser, "phone")
    try:
        page.goto(f"{streamlit_server}/timeline")
        settle(page)
        chart = page.locator(CHART).first
        chart.hover()
        with page.expect_download() as download:
            chart.locator('.modebar-btn[data-title="Download plot as a PNG"]').click()
        data = Path(download.value.path()).read_bytes()
        (artifacts_dir / "layout-timeline-phone-export.png").write_bytes(data)
        image = Image.open(io.BytesIO(data)).convert("L")
        width, height = image.size
        assert width >= 2 * 340  # scale 2 of the phone's chart width
        for x in (0, 1, width - 2, width - 1):  # text cut at an edge leaves dark pixels there
            column = [image.getpixel((x, y)) for y in range(height)]
            assert min(column) > 200, f"something is cut at x={x} of the exported PNG"
    finally:
        page.context.close()


def _overlap(a: dict, b: dict) -> bool:
    return a["x"] < b["x"] + b["width"] and b["x"] < a["x"] + a["width"] and a["y"] < b["y"] + b["height"] and b["y"] < a["y"] + a["height"]


def test_keyword_panels_read_on_a_phone(browser: Browser, streamlit_server: str, artifacts_dir: Path):
    # Four panels side by side were 60 px each at 390 px, terms over the next panel's bars.
    page = phone_page(browser, "phone")
    try:
        page.goto(f"{streamlit_server}/keywords")
        settle(page)
        chart = page.locator(CHART).first
        chart.scroll_into_view_if_needed()
        chart.locator(".main-svg").first.wait_for()
        panels = [box(p) for p in chart.locator(".nsewdrag").all()]
        assert len(panels) == 4 and min(p["width"] for p in panels) >= 70, panels
        texts = [b for el in chart.locator("g[class$='tick'] text, text.bartext").all() if (b := el.bounding_box()) and b["width"]]
        clashes = [(a, b) for i, a in enumerate(texts) for b in texts[i + 1 :] if _overlap(a, b)]
        assert not clashes, clashes[:3]  # no term or value label over another
        for label in chart.locator("text.bartext").all():  # values stay inside the chart
            b = box(label)
            assert b["x"] + b["width"] <= SIZES["phone"][0], label.text_content()
        page.screenshot(path=str(artifacts_dir / "layout-keywords-phone-panels.png"), full_page=False)
    finally:
        page.context.close()


@pytest.mark.parametrize("device", list(SIZES))
def test_coverage_heatmap_reads_on_a_phone(browser: Browser, streamlit_server: str, artifacts_dir: Path, device: str):
    # Regions x 22 category columns were 8 px wide at 390 px, and the source note ran past the right
    # edge: now categories are rows, a column per region, and the note is broken to the plot's width.
    page = phone_page(browser, device)
    try:
        page.goto(streamlit_server)
        settle(page)
        chart = page.locator(CHART).first
        chart.scroll_into_view_if_needed()
        chart.locator(".main-svg").first.wait_for()
        rows, cols = chart.locator(".js-plotly-plot").evaluate("el => [el.data[0].z.length, el.data[0].z[0].length]")
        assert rows >= 10 and cols == 4, (rows, cols)  # the seed store: many categories, four regions
        svg = box(chart.locator(".main-svg").first)
        area = box(chart.locator(".nsewdrag").first)
        assert area["width"] / cols >= 40 and area["height"] / rows >= 18, (area, rows, cols)
        assert area["x"] + area["width"] <= svg["x"] + svg["width"]
        for note in chart.locator(".annotation").all():
            b = box(note)
            assert b["x"] >= svg["x"] - 1 and b["x"] + b["width"] <= svg["x"] + svg["width"] + 1, note.text_content()
        counts = [box(el) for el in chart.locator(".heatmaplayer text").all()]
        assert len(counts) == rows * cols
        assert all(b["width"] <= area["width"] / cols for b in counts), "a count is wider than its cell"
        for axis in ("xtick", "ytick"):  # category and region names: none over another, all in the chart
            labels = [b for el in chart.locator(f".{axis} text").all() if (b := el.bounding_box()) and b["width"]]
            assert labels and not [(a, b) for i, a in enumerate(labels) for b in labels[i + 1 :] if _overlap(a, b)]
            assert min(b["x"] for b in labels) >= svg["x"] - 1, axis
        page.screenshot(path=str(artifacts_dir / f"layout-overview-coverage-{device}.png"), full_page=False)
    finally:
        page.context.close()
