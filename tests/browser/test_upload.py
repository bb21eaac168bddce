"""Adding an article in a real browser: upload a file on the Sources page, see its region appear.

The shared ``streamlit_server`` fixture reads the session-wide seed store and the real
``data/raw``, which an upload would write into. This file starts its own server with
``RDD_RAW_DIR`` and ``RDD_PROCESSED_DIR`` pointing at a temporary copy of the seed inputs.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import servers
from playwright.sync_api import Page, expect

from lib import pipeline, store

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
PAGE = "app_pages/sources.py"
# Until the lead adds the Sources page to app.py, the tests run a copy of app.py with this entry added.
WUHAN = (
    "武汉：光谷跑出创新加速度\n\n◎本报记者 李四\n\n"
    "2024年6月5日，武汉东湖高新区发布新政策。武汉光谷今年新增科技企业500家，"
    "武汉市将建设具有全国影响力的科技创新中心。\n"
)


@pytest.fixture
def writable_server(tmp_path: Path, artifacts_dir: Path) -> Iterator[tuple[str, Path, Path]]:
    """`streamlit run` on a temporary copy of data/raw and a store built from it: (url, raw, out)."""
    raw, out = tmp_path / "raw", tmp_path / "processed"
    raw.mkdir()
    for f in (ROOT / "data" / "raw").glob("000_*"):
        shutil.copy(f, raw / f.name)
    pipeline.run([raw], out)
    env = {"RDD_RAW_DIR": str(raw), "RDD_PROCESSED_DIR": str(out), "PYTHONPATH": str(ROOT)}
    with servers.streamlit(env, artifacts_dir / "streamlit-upload-server.log") as base:
        yield base, raw, out


def test_upload_a_file_and_see_its_region(
    page: Page, writable_server: tuple[str, Path, Path], tmp_path: Path, artifacts_dir: Path
):
    base, raw, out = writable_server
    outside = servers.outside_requests(page)
    article = tmp_path / "武汉光谷.txt"
    article.write_text(WUHAN, encoding="utf-8")

    page.goto(base)
    sidebar = page.get_by_test_id("stSidebar")
    region_filter = sidebar.get_by_test_id("stMultiSelect")
    region_filter.wait_for()
    expect(region_filter.get_by_role("button", name="Remove 武汉")).to_have_count(0)

    page.get_by_test_id("stSidebarNav").get_by_role("link", name=re.compile("数据来源")).click()
    expect(page.get_by_role("heading", name="数据来源")).to_be_visible()
    page.get_by_test_id("stFileUploader").locator("input[type=file]").set_input_files(str(article))
    expect(page.get_by_role("button", name="Remove 武汉光谷.txt")).to_be_visible()  # upload finished
    page.get_by_role("button", name="添加文件").click()

    # The rerun after the rebuild: success message, and the new region is in the sidebar filter.
    expect(page.get_by_test_id("stAlert").filter(has_text="已添加 1 个文件")).to_be_visible(timeout=60_000)
    expect(region_filter.get_by_role("button", name="Remove 武汉")).to_be_visible()
    expect(page.get_by_text(re.compile("新地区已加入侧栏的地区筛选并已选中"))).to_be_visible()  # and said so
    expect(page.get_by_test_id("stText").filter(has_text="武汉")).to_be_visible()
    expect(page).to_have_url(re.compile(r"region=all"))
    expect(page.get_by_text("新文章", exact=True)).to_be_visible()  # caption of the new-articles table
    expect(page.get_by_role("heading", name="文章 · 5")).to_be_visible()  # the whole list, one more
    page.wait_for_timeout(800)  # let the data grids paint before the screenshot
    page.screenshot(path=str(artifacts_dir / "sources-upload.png"), full_page=True)

    stored = [p.name for p in raw.iterdir() if p.name.startswith("武汉光谷_")]
    assert len(stored) == 1 and stored[0].endswith(".txt")
    articles = store.read_table("articles", out)
    assert articles["region"].tolist()[-1] == "武汉"

    # Without a server restart, a new session sees the new region too.
    page.goto(base)
    expect(region_filter.get_by_role("button", name="Remove 武汉")).to_be_visible()
    assert outside == [], f"the page called out to the internet: {outside}"


def test_upload_with_a_region_list_offers_the_new_region(
    page: Page, writable_server: tuple[str, Path, Path], tmp_path: Path, artifacts_dir: Path
):
    base, _, _ = writable_server
    article = tmp_path / "武汉光谷.txt"
    article.write_text(WUHAN, encoding="utf-8")
    page.goto(f"{base}/sources?region=天津")  # a link with an explicit list
    expect(page.get_by_role("heading", name="数据来源")).to_be_visible()
    page.get_by_test_id("stFileUploader").locator("input[type=file]").set_input_files(str(article))
    expect(page.get_by_role("button", name="Remove 武汉光谷.txt")).to_be_visible()
    page.get_by_role("button", name="添加文件").click()

    expect(page.get_by_text(re.compile("新地区已加入侧栏的地区筛选，未选中"))).to_be_visible(timeout=60_000)
    region_filter = page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect")
    expect(region_filter.get_by_role("button", name="Remove 武汉")).to_have_count(0)  # not selected
    expect(region_filter.get_by_role("button", name="Remove 天津")).to_be_visible()
    region_filter.get_by_role("combobox").click()
    expect(page.get_by_role("option", name="武汉")).to_be_visible()  # but offered
    page.screenshot(path=str(artifacts_dir / "sources-upload-region-list.png"), full_page=True)
