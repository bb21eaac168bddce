"""Markup in data never renders in a real browser: a sidecar whose title and source are HTML and
Markdown, and a ?region= holding a Markdown link, on the chart pages (issue 12)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import servers
from playwright.sync_api import Page

from lib import pipeline

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
CHART = '[data-testid="stPlotlyChart"] .js-plotly-plot'
EVIL = '<a href="http://evil.example">x</a><b>b</b><img src="http://evil.example/i.png">'


@pytest.fixture
def hostile_server(tmp_path: Path, artifacts_dir: Path) -> Iterator[str]:
    """The seed page with a sidecar whose title and source are markup; a store built from it."""
    raw, out = tmp_path / "raw", tmp_path / "processed"
    raw.mkdir()
    for f in (ROOT / "data" / "raw").glob("000_*.txt"):
        shutil.copy(f, raw / f.name)
        meta = {"title": EVIL + "[login](http://evil.example)", "source": EVIL, "published": "2024-05-20"}
        (raw / f"{f.stem}.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    pipeline.run([raw], out)
    env = {"RDD_RAW_DIR": str(raw), "RDD_PROCESSED_DIR": str(out), "PYTHONPATH": str(ROOT)}
    with servers.streamlit(env, artifacts_dir / "streamlit-hostile-server.log") as base:
        yield base


CHART_PAGES = {"", "compare", "timeline", "keywords", "links"}


@pytest.mark.parametrize(
    "path", ["", "compare", "timeline", "keywords", "links", "facts", "articles", "store", "sources"]
)
def test_markup_from_data_and_url_renders_as_text(page: Page, hostile_server: str, path: str):
    outside = servers.outside_requests(page)
    page.goto(f"{hostile_server}/{path}?region=%5Blogin%5D(http://evil.example)")
    page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").wait_for()
    if path in CHART_PAGES:
        page.locator(CHART).first.locator(".main-svg").first.wait_for()
    page.wait_for_timeout(1500)  # the toast, late chart annotations, tables
    # SVG links (Plotly's) carry xlink:href, HTML links href: match either namespace.
    links = page.locator('a[href^="http://evil.example"], a[*|href^="http://evil.example"]')
    where = [
        links.nth(i).evaluate("e => e.parentElement.parentElement.outerHTML.slice(0, 600)")
        for i in range(links.count())
    ]
    assert where == []
    assert page.locator('img[src^="http://evil.example"]').count() == 0
    assert "evil.example" in page.content()  # shown, as text
    assert outside == [], f"requests left localhost: {outside}"
