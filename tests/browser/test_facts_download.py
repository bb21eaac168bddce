"""The Facts page in a real browser: the CSV download holds exactly the filtered rows."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def test_csv_download_holds_the_filtered_rows(page: Page, streamlit_server: str, artifacts_dir: Path):
    page.goto(f"{streamlit_server}/facts?region=郑州")
    page.get_by_test_id("stDataFrame").first.wait_for()
    count = page.get_by_text(re.compile(r"^\d+ / \d+ 行$"))
    before = count.inner_text()
    search = page.get_by_test_id("stTextInput").locator("input")
    search.fill("跨境电商")
    search.press("Enter")
    expect(count).not_to_have_text(before)  # the table was filtered (it is drawn on a canvas)
    # Click only once the run is over: a download button of the run still going is replaced at its
    # end, and its deferred file with it ("Deferred file ... not found": no download).
    expect(page.get_by_test_id("stApp")).to_have_attribute("data-test-script-state", "notRunning")
    shown = int(count.inner_text().split(" / ")[0])
    with page.expect_download(timeout=60_000) as info:
        page.get_by_test_id("stDownloadButton").first.get_by_role("button").click()
    download = info.value
    assert download.suggested_filename == "facts.csv"
    path = artifacts_dir / "facts-filtered.csv"
    download.save_as(path)
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    assert len(rows) == shown > 0
    # Facts about 郑州, or from a 郑州 article (a national figure quoted there).
    assert all("郑州" in (r["region"], r["article_region"]) for r in rows)
    assert all("跨境电商" in (r["sentence"] + r["indicator"] + r["raw"] + r["title"]) for r in rows)
    page.screenshot(path=str(artifacts_dir / "facts-filtered.png"))
