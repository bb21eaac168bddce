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


def test_legend_goes_under_the_chart_and_the_plot_keeps_its_height():
    fig = figure("标题", ["来源：" + "；".join(["天津市统计局、国家统计局天津调查总队 2025-03"] * 3)])
    before = fig.layout.height - fig.layout.margin.t - fig.layout.margin.b
    pl.fit_for_phones(fig)
    assert (fig.layout.legend.orientation, fig.layout.legend.yref, fig.layout.legend.y) == ("h", "container", 0)
    assert fig.layout.height - fig.layout.margin.t - fig.layout.margin.b == before
    note = fig.layout.annotations[0].text
    assert note.count("<br>") >= 2  # the source line broken for a phone


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
    h = fig.layout.height
    lower = pl.LEGEND_ROW_PX * pl.legend_rows(pl.legend_groups(fig, "legend2")) + 8
    assert fig.layout.legend2.y == 0 and fig.layout.legend2.yanchor == "bottom"
    assert fig.layout.legend.y * h == pytest.approx(lower)  # the relations' legend starts above the levels'
    assert fig.layout.legend.orientation == fig.layout.legend2.orientation == "h"
