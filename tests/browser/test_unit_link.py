"""The unit in a link: when one indicator's figures come in two units (the seed communiqués count
技术合同 in 项 and in 份), Compare offers a unit picker; the user picks 份, copies the address bar and
opens it in a fresh browser: the same unit and the same bars come back."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect
from test_copied_links import chart_title, choose, fresh_page, query, settled

pytestmark = pytest.mark.browser

BAR_LABELS = '[data-testid="stPlotlyChart"] .js-plotly-plot text.bartext'


def choose_typed(page: Page, label: str, option: str) -> None:
    """Pick from a long selectbox as a user does: type to filter the list, click the option."""
    box = page.get_by_role("combobox", name=label)
    box.click()
    box.press_sequentially(option)
    page.get_by_role("option", name=option).first.click()


def bar_labels(page: Page) -> list[str]:
    page.locator(BAR_LABELS).first.wait_for()
    return page.locator(BAR_LABELS).all_text_contents()


def test_a_unit_picked_on_compare_comes_back_from_a_copied_link(
    page: Page, browser: Browser, streamlit_server: str, artifacts_dir: Path
):
    page.goto(f"{streamlit_server}/compare")
    settled(page)
    choose_typed(page, "指标", "技术合同")
    settled(page)
    choose(page, "时期", "2024")
    settled(page)
    unit = page.get_by_role("combobox", name="单位")
    expect(unit).to_have_value("项")  # the unit most regions use comes first
    assert any(label.startswith("17,803") for label in bar_labels(page))  # 天津's 17803项
    choose(page, "单位", "份")
    expect(page).to_have_url(re.compile(r"unit=%E4%BB%BD|unit=份"))
    settled(page)
    drawn = bar_labels(page)
    assert any(label.startswith("12,000") for label in drawn)  # 郑州's 1.20万份
    assert not any(label.startswith("17,803") for label in drawn)  # one axis, one unit
    copied, title = page.url, chart_title(page)
    assert query(page)["unit"] == "份" and query(page)["indicator"] == "tech_contracts"

    other = fresh_page(browser)
    try:
        other.goto(copied)
        settled(other)
        expect(other.get_by_role("combobox", name="单位")).to_have_value("份")
        assert bar_labels(other) == drawn and chart_title(other) == title
        other.screenshot(path=str(artifacts_dir / "url-unit-after.png"), full_page=True)
    finally:
        other.context.close()
