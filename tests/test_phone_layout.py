"""lib/dashboard/phone_layout.py: long titles and notes broken to a phone's width, the legend
under the plot, the title below the modebar, margins grown so the plot keeps its size."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest

from lib.dashboard import phone_layout as pl
from lib.dashboard.charts.common import base_layout


def figure(title: str, notes: list[str], traces: int = 2) -> go.Figure:
    fig = go.Figure([go.Bar(x=["天津", "郑州"], y=[1, 2], name=f"系列{i}") for i in range(traces)])
    return base_layout(fig, title, notes)


def test_units_count_chinese_twice():
    assert pl.units("天津") == 4 and pl.units("GDP") == 3 and pl.units("a&lt;b") == 3


def test_a_long_title_is_broken_at_commas_and_fits_a_phone():
    title = "地区生产总值（总量，2024）<br>" + "、".join(["天津", "郑州", "上饶", "黑龙江", "哈尔滨", "齐齐哈尔", "达州"])
    fig = pl.fit_for_phones(figure(title, []))
    lines = fig.layout.title.text.split("<br>")
    assert len(lines) > 2 and all(pl.units(x) <= pl.TITLE_UNITS for x in lines)
    assert "".join(lines) == title.replace("<br>", "")  # nothing lost
    assert fig.layout.title.pad.t >= pl.MODEBAR_PX and fig.layout.margin.t >= pl.MODEBAR_PX + 24 * len(lines)


def _below_plot(note, fig) -> float:
    """How far a note's top edge lies below the plot's bottom edge, in px."""
    plot_px = fig.layout.height - fig.layout.margin.t - fig.layout.margin.b
    return -((note.y or 0) * plot_px + (note.yshift or 0))


def _legend_below_plot(box, fig) -> float:
    assert box.yref == "paper"  # like the notes: in the plot's coordinates
    return -box.y * (fig.layout.height - fig.layout.margin.t - fig.layout.margin.b)


def test_legend_goes_under_the_plot_above_the_notes_and_the_plot_keeps_its_height():
    # The line chart's regions lay under seven lines of sources, far from the lines they name.
    fig = figure("标题", ["来源：" + "；".join(["天津市统计局、国家统计局天津调查总队 2025-03"] * 3)])
    before = fig.layout.height - fig.layout.margin.t - fig.layout.margin.b
    notes_top = _below_plot(fig.layout.annotations[0], fig)
    pl.fit_for_phones(fig)
    legend = fig.layout.legend
    assert (legend.orientation, legend.yanchor) == ("h", "top")
    assert fig.layout.height - fig.layout.margin.t - fig.layout.margin.b == before
    legend_px = pl.legend_px(fig)
    assert _legend_below_plot(legend, fig) == pytest.approx(notes_top)  # where the notes began
    note = fig.layout.annotations[0]
    assert _below_plot(note, fig) == pytest.approx(notes_top + legend_px)  # the notes under the legend
    assert note.text.count("<br>") >= 2  # the source line broken for a phone


def test_without_notes_the_legend_lies_at_the_bottom():
    fig = pl.fit_for_phones(figure("标题", []))
    assert (fig.layout.legend.yref, fig.layout.legend.y, fig.layout.legend.yanchor) == ("container", 0, "bottom")


def test_a_line_is_never_broken_before_a_comma():
    # 郑州的数字见于之后年份的报告（如经济普查后的修订）|，与当年报告… began a phone's line with ，
    note = "修订数：郑州的数字见于之后年份的报告（如经济普查后的修订），与当年报告的初步数不是同一版本"
    for width in range(20, 60):
        pieces = pl.wrap(note, width)
        assert "".join(pieces) == note and not any(p[0] in "，、；：,;:）)。" for p in pieces)


def test_a_single_series_without_legend_gets_no_legend_room():
    fig = go.Figure([go.Bar(x=["a"], y=[1])])
    base_layout(fig, "t", [])
    assert pl.legend_groups(fig) == []
    bottom = fig.layout.margin.b
    assert pl.fit_for_phones(fig).layout.margin.b == bottom


def test_grouped_legend_entries_stack():
    fig = go.Figure([go.Scatter(x=[1], y=[1], name=n, legendgroup="levels") for n in ("省级", "地级", "县级")])
    assert pl.legend_rows(pl.legend_groups(fig)) == 3
    flat = go.Figure([go.Scatter(x=[1], y=[1], name=n) for n in ("a", "b", "c")])
    assert pl.legend_rows(pl.legend_groups(flat)) == 1


def test_a_y_title_longer_than_the_plot_is_tall_is_broken_into_lines():
    # "Gross regional product (GDP) · growth rate (%)" ran past a 390 px phone's plot.
    fig = figure("GDP", ["Source: x"])
    long = "Gross regional product (GDP) · growth rate (%)"
    fig.update_yaxes(title_text=long)
    left = fig.layout.margin.l
    pl.fit_for_phones(fig)
    text = fig.layout.yaxis.title.text
    lines = text.split("<br>")
    plot_px = fig.layout.height - fig.layout.margin.t - fig.layout.margin.b
    assert len(lines) >= 2 and " ".join(lines) == long
    assert all(pl.units(x) * pl.AXIS_UNIT_PX <= plot_px for x in lines)
    assert fig.layout.margin.l == left + pl.AXIS_LINE_PX * (len(lines) - 1)  # room for the added lines
    short = figure("GDP", ["Source: x"]).update_yaxes(title_text="地区生产总值（亿元）")
    assert pl.fit_for_phones(short).layout.yaxis.title.text == "地区生产总值（亿元）"


def test_two_legends_are_stacked_under_the_chart_without_overlap():
    # The Links charts' place levels beside the relations in one flat legend ran into them.
    fig = figure("Links", ["Source: x"])
    for i in range(5):
        fig.add_scatter(x=[0], y=[i], name=f"relation {i}", legendgroup=f"r{i}")
    for i in range(4):
        fig.add_scatter(x=[1], y=[i], name=f"level {i}", legendgroup="levels", legend="legend2")
    fig.update_layout(legend2={"title": {"text": "Level"}})
    assert pl.legend_names(fig) == ["legend", "legend2"]
    assert [e for g in pl.legend_groups(fig, "legend2") for e in g] == ["Level", "level 0", "level 1", "level 2", "level 3"]
    pl.fit_for_phones(fig)
    upper, lower = pl.legend_px(fig, "legend"), pl.legend_px(fig, "legend2")
    assert fig.layout.legend.yanchor == fig.layout.legend2.yanchor == "top"
    assert _legend_below_plot(fig.layout.legend2, fig) - _legend_below_plot(fig.layout.legend, fig) == pytest.approx(upper)
    assert _below_plot(fig.layout.annotations[0], fig) == pytest.approx(_legend_below_plot(fig.layout.legend2, fig) + lower)
    assert fig.layout.legend.orientation == fig.layout.legend2.orientation == "h"


def test_a_legend_title_drawn_on_top_takes_a_row_of_its_own():
    # The Links map's 关系类型 legend (title on top, five relations in two rows at 358 px) ran into
    # the levels' legend under it when its title was counted beside the entries.
    fig = figure("Links", ["来源：科技日报"])
    for name in ("研发→生产", "航线/班列", "飞地", "合作", "投资/落户"):
        fig.add_scatter(x=[0], y=[0], name=name, legendgroup=name)
    rows = pl.legend_rows(pl.legend_groups(fig))
    fig.update_layout(legend={"title": {"text": "关系类型", "side": "top"}})
    assert pl.legend_px(fig) == pl.LEGEND_ROW_PX * (rows + 1) + 8
    fig.update_layout(legend={"title": {"side": "left"}})  # beside the entries: a block among them
    assert pl.legend_groups(fig)[0] == ["关系类型"]


def test_a_note_with_no_comma_to_break_at_is_broken_between_chinese_characters():
    # the browser review of 2026-12-04: the 各时期 chart's revision note ran 23 px off a 390 px phone's chart
    note = "郑州的数字见于之后年份的报告（如经济普查后的修订），"
    lines = pl.wrap(note, 40)
    assert "".join(lines) == note and all(pl.units(ln) <= 40 for ln in lines)
    assert not any(ln[0] in "，）" for ln in lines)  # a closing mark stays at the end of the line above
    assert pl.wrap("Technology Daily 2024-05", 10) == ["Technology", "Daily", "2024-05"]  # words stay whole
