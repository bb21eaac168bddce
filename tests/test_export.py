"""PNG/ZIP export with kaleido and Debian's chromium (skipped locally without chromium, failed under CI)."""

from __future__ import annotations

import io
import os
import zipfile

import pandas as pd
import plotly.graph_objects as go
import pytest

from lib.dashboard import charts, export

NO_BROWSER = "no Chrome/Chromium for kaleido PNG export (apt-get install chromium fonts-wqy-microhei)"


@pytest.fixture(scope="module")
def chromium() -> str:
    path = export.chromium_path()
    if path is None:
        if os.environ.get("CI", "").strip().lower() in {"true", "1", "yes"}:
            pytest.fail(f"{NO_BROWSER} (CI=true: it must be installed; see .ci/run)")
        pytest.skip(NO_BROWSER)
    return path


def titled(title: str) -> go.Figure:
    fig = go.Figure(go.Bar(x=["天津", "郑州"], y=[1, 2]))
    return fig.update_layout(title=title, font_family=charts.FONT_FAMILY)


def test_pngs_are_valid_and_scaled(chromium: str):
    pngs = export.figures_to_png({"a-chart": titled("资金对比"), "b-chart": titled("增长对比")})
    assert list(pngs) == ["a-chart", "b-chart"]
    for data in pngs.values():
        assert data.startswith(export.PNG_SIGNATURE)
        assert export.png_size(data) == (export.WIDTH * export.SCALE, export.HEIGHT * export.SCALE)


def test_chinese_glyphs_really_render(chromium: str):
    # Same length, different characters: with no CJK font both titles become identical boxes.
    pngs = export.figures_to_png({"one": titled("天津技术合同额对比"), "two": titled("郑州跨境电商交易额")})
    assert pngs["one"] != pngs["two"], "identical PNGs: Chinese renders as boxes (install fonts-wqy-microhei)"


def test_zip_holds_one_png_per_figure(chromium: str):
    pngs = export.figures_to_png({"compare-money": titled("资金"), "compare-growth": titled("增长")})
    with zipfile.ZipFile(io.BytesIO(export.zip_pngs(pngs))) as zf:
        assert sorted(zf.namelist()) == ["compare-growth.png", "compare-money.png"]
        assert all(zf.read(n).startswith(export.PNG_SIGNATURE) for n in zf.namelist())


def test_missing_browser_is_a_clear_error(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(export, "chromium_path", lambda: None)
    with pytest.raises(export.ExportUnavailable, match="apt-get install chromium"):
        export.figures_to_png({"x": titled("x")})


@pytest.mark.parametrize("name,expected", [("compare-money-2024", "compare-money-2024"), ("a b/c", "a-b-c")])
def test_safe_name(name: str, expected: str):
    assert export.safe_name(name) == expected


def test_non_ascii_name_is_refused():
    with pytest.raises(ValueError, match="ASCII"):
        export.safe_name("资金对比")


def test_png_size_rejects_other_bytes():
    with pytest.raises(ValueError):
        export.png_size(b"GIF89a....")


def test_drawn_positions_from_a_group_index_equal_the_matched_ones():
    details = pd.DataFrame({"fact_id": ["a", "b", "c", "d", "e"], "cell": ["x|1", "y|1", "x|1", "x|2", "y|1"]})
    index = export.group_positions(details, "cell")
    for ids in (["y|1", "x|1"], ["x|2"], ["x|1", "nope", "x|2"], []):
        assert list(export.drawn_positions(ids, details, "cell", index)) == list(export.drawn_positions(ids, details, "cell"))
