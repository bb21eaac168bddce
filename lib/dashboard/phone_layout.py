"""Charts that read on a 390 px phone and on a desktop alike (the server never knows the width).

``fit_for_phones(fig)`` is applied to every chart the dashboard shows (``ui.chart``), so also to
its PNG exports:

- the title starts below the modebar (it floats over the top 30 px) and its long lines are broken
  where a phone would cut them;
- the legend lies flat under the plot, above the notes, instead of beside or above the plot (a
  legend at the side takes a third of a phone's width, one above collides with the title);
- notes under the chart (source lines) are broken to a phone's width;
- colour bars lie flat under the chart too.

Margins and height grow by what the moved parts need, so the plot area keeps its size. Widths are
estimated in "units": a CJK character is 2, anything else 1.
"""

from __future__ import annotations

import re

import plotly.graph_objects as go

MODEBAR_PX = 40  # the modebar's strip at the top of a chart
TITLE_UNITS = 36  # a title line that fits 358 px (390 px minus the page's padding) at 18 px
PHONE_CHART_PX = 358  # a chart's width on a 390 px phone (the page's padding taken off)
NOTE_UNIT_PX = 6  # an 11 px note: a CJK character is about 11 px, two units
TITLE_LINE_PX = 24
TITLE_GAP_PX = 8  # between the modebar and the title's first line (a browser's glyphs sit a little higher)
NOTE_LINE_PX = 16
LEGEND_ROW_PX = 24
LEGEND_WIDTH_PX = 340
COLORBAR_PX = 60
# where a line may be broken: after a comma, colon or bracket, never before one (修订）|，与 put a
# comma at the start of a phone's line), and after a space
_BREAK_AFTER = re.compile(r"(?<=[，、；：,;:）)])(?![，、；：,;:）)。.])|(?<= )")


def units(text: str) -> int:
    plain = re.sub(r"<[^>]+>|&[a-z]+;", "x", text)  # a tag counts as nothing much, an entity as one
    return sum(2 if "\u2e80" <= ch <= "\uffef" else 1 for ch in plain)


def wrap(line: str, width: int) -> list[str]:
    """``line`` broken at commas, colons and spaces into pieces of at most ``width`` units; a piece with no
    such break point that is still too wide is broken between Chinese characters (its end ran off a phone's
    chart: 郑州的数字见于之后年份的报告（如经济普查后的修订），)."""
    out: list[str] = []
    for part in _BREAK_AFTER.split(line):
        if out and units(out[-1]) + units(part) <= width:
            out[-1] += part
        else:
            out.append(part)
    pieces = [p.strip() for p in out if p.strip()] or [line]
    return [chunk for p in pieces for chunk in (_break_cjk(p, width) if units(p) > width else [p])]


_NO_LINE_START = "，、；：,;:）)。.！？!?”’」』】》"


def _is_cjk(ch: str) -> bool:
    return "\u2e80" <= ch <= "\uffef"


def _break_cjk(text: str, width: int) -> list[str]:
    """``text`` cut into lines of at most ``width`` units, only next to a Chinese character (never inside a Latin
    word or a number), and never before a closing mark (it stays at the end of the line above)."""
    lines, start, used = [], 0, 0
    for i, ch in enumerate(text):
        w = units(ch)
        breakable = i > start and (_is_cjk(ch) or _is_cjk(text[i - 1])) and ch not in _NO_LINE_START
        if used + w > width and breakable:
            lines.append(text[start:i])
            start, used = i, 0
        used += w
    lines.append(text[start:])
    return [ln for ln in lines if ln]


def rewrap(text: str, width: int) -> str:
    return "<br>".join(piece for line in text.split("<br>") for piece in wrap(line, width))


def legend_names(fig: go.Figure) -> list[str]:
    """The legends the figure's traces use ("legend", "legend2", ...), in order."""
    return list(dict.fromkeys(trace.legend or "legend" for trace in fig.data if trace.showlegend is not False))


def legend_groups(fig: go.Figure, legend: str = "legend") -> list[list[str]]:
    """The entries of one legend as plotly lays a flat legend out: a group's entries (and its title) one
    under the other, groups side by side; the legend's own title is one more block. [] without a legend."""
    if fig.layout.showlegend is False or (fig.layout.showlegend is None and len(fig.data) < 2):
        return []
    groups: dict[object, list[str]] = {}
    for i, trace in enumerate(fig.data):
        if trace.showlegend is False or not trace.name or (trace.legend or "legend") != legend:
            continue
        entries = groups.setdefault(trace.legendgroup or ("", i), [])
        if not entries and trace.legendgrouptitle and trace.legendgrouptitle.text:
            entries.append(trace.legendgrouptitle.text)
        entries.append(trace.name)
    box = fig.layout[legend]
    title = box.title.text if box and box.title and box.title.side != "top" else None  # "top": a row of its own
    return ([[title]] if title and groups else []) + list(groups.values())


def legend_px(fig: go.Figure, legend: str = "legend") -> int:
    """A flat legend's height at a phone's width: its rows, a title drawn on top of them, and padding."""
    groups = legend_groups(fig, legend)
    if not groups:
        return 0
    box = fig.layout[legend]
    title_row = bool(box and box.title and box.title.text and box.title.side == "top")
    return LEGEND_ROW_PX * (legend_rows(groups) + title_row) + 8


def legend_rows(groups: list[list[str]]) -> int:
    """Rows a flat legend needs at a phone's width (symbol and gap about 40 px, 7 px a unit)."""
    rows, line_rows, used = 0, 0, 0
    for entries in groups:
        w = 40 + 7 * max(units(e) for e in entries)
        if used and used + w > LEGEND_WIDTH_PX:
            rows, line_rows, used = rows + line_rows, 0, 0
        used += w
        line_rows = max(line_rows, len(entries))
    return rows + line_rows


def rotated_ticks_px(fig: go.Figure) -> int:
    """How much taller the x tick labels get when a phone has to turn them (many category labels
    side by side in about 280 px): 0 when they fit flat."""
    axis = fig.layout.xaxis
    if axis.visible is False:
        return 0
    labels = list(axis.ticktext or axis.categoryarray or [])
    if not labels:
        labels = list(dict.fromkeys(v for t in fig.data if t.type in ("heatmap", "bar") for v in (t.x or [])
                                    if isinstance(v, str)))  # fmt: skip
    if not labels:
        return 0
    widest = 7 * max(units(str(x)) for x in labels)
    return max(widest - 16, 0) if len(labels) * (widest + 8) > 280 else 0


AXIS_TITLE_PX = 22  # a y axis title beside its tick labels


def y_labels_px(fig: go.Figure) -> int:
    """The width of the widest y category label (keyword terms, heatmap rows) and of the axis title
    beside them, which push the plot (and the notes that start at its left edge) right."""
    labels = [v for t in fig.data if (t.type == "bar" and t.orientation == "h") or t.type == "heatmap"
              for v in (t.y or []) if isinstance(v, str)]  # fmt: skip
    if not labels:
        return 0
    titled = fig.layout.yaxis.title.text if fig.layout.yaxis and fig.layout.yaxis.title else None
    return 7 * max(units(x) for x in labels) + (AXIS_TITLE_PX if titled else 0)


def fit_for_phones(fig: go.Figure) -> go.Figure:
    layout = fig.layout
    height = layout.height or 450
    top = layout.margin.t if layout.margin.t is not None else 80
    bottom = layout.margin.b if layout.margin.b is not None else 80

    title = (layout.title.text or "") if layout.title else ""
    if title:
        title = rewrap(title, TITLE_UNITS)
        lines = title.count("<br>") + 1
        # the pad puts the title block's top under the modebar; its lines go down from there (margin.t holds them)
        pad = MODEBAR_PX + TITLE_GAP_PX
        layout.title.update(text=title, yref="container", y=1, yanchor="top", pad={"t": pad})
        new_top = pad + TITLE_LINE_PX * lines + 12
    else:
        new_top = MODEBAR_PX + 6
    if any(a.yref == "paper" and (a.y or 0) >= 1 for a in layout.annotations):
        new_top += TITLE_LINE_PX  # subplot titles sit just above the plot, under the title

    extra_notes = turned = rotated_ticks_px(fig)
    left = max(layout.margin.l if layout.margin.l is not None else 80, y_labels_px(fig) + 24)  # labels push the plot
    note_units = max(int((PHONE_CHART_PX - left - 10) / NOTE_UNIT_PX), 20)  # notes start at the plot's left
    notes = [note for note in layout.annotations
             if note.yref == "paper" and (note.y or 0) <= 0 and note.yanchor == "top" and note.text]  # fmt: skip
    for note in notes:
        before = note.text.count("<br>")
        note.text = rewrap(note.text, note_units)
        extra_notes += NOTE_LINE_PX * (note.text.count("<br>") - before)
        note.yshift = (note.yshift or 0) - turned  # below tick labels a phone turns upright

    # Each legend flat under the chart, the first on top: (legend, its height) from the bottom up.
    stacked = [(name, px) for name in legend_names(fig) if (px := legend_px(fig, name))][::-1]
    legends_px = sum(px for _, px in stacked)

    bars = [t for t in fig.data if hasattr(t, "colorbar") and t.showscale is not False]
    colorbar_px = COLORBAR_PX if bars else 0
    new_bottom = bottom + extra_notes + legends_px + colorbar_px
    layout.margin.update(t=new_top, b=new_bottom)
    layout.height = max(height + (new_top - top) + (new_bottom - bottom), 300)
    if notes and stacked:
        # The legend says what the lines are: right under the plot, where the notes began, and the notes
        # (sources, no-data regions) move down by its height. In the plot's own coordinates, as the notes
        # are: Plotly's axis automargin can take a few px off the plot, which moves them. Rows are counted
        # at a phone's width, so a desktop, which lays them out in fewer, keeps a gap above the notes.
        plot_px = layout.height - new_top - new_bottom
        at = max((n.y or 0) * plot_px + (n.yshift or 0) for n in notes)  # px above the plot's bottom edge (< 0)
        for name, px in stacked[::-1]:  # the first legend on top
            layout[name].update(orientation="h", yref="paper", y=at / plot_px, yanchor="top", x=0, xanchor="left")
            at -= px
        for note in notes:
            note.yshift = (note.yshift or 0) - legends_px
    else:
        below = 0
        for name, px in stacked:
            layout[name].update(orientation="h", yref="container", y=below / layout.height, yanchor="bottom", x=0,
                                xanchor="left")  # fmt: skip
            below += px
    for trace in bars:  # under the legend (or the notes), flat
        trace.colorbar.update(orientation="h", yref="container", y=(0 if notes else legends_px) / layout.height,
                              yanchor="bottom", x=0, xanchor="left", thickness=12, len=0.6)  # fmt: skip
    fit_y_title(fig)
    return fig


AXIS_UNIT_PX = 8  # an axis title (14 px as drawn): about 8 px a unit, with room to spare
AXIS_LINE_PX = 16


def fit_y_title(fig: go.Figure) -> None:
    """A y axis title longer than the plot is tall ("Gross regional product (GDP) · growth rate (%)"
    ran past a phone's plot) is broken into lines that fit it, the left margin grown by the lines added."""
    layout = fig.layout
    axis = layout.yaxis
    text = (axis.title.text or "") if axis and axis.title else ""
    if not text:
        return
    plot_px = layout.height - (layout.margin.t or 0) - (layout.margin.b or 0)
    wrapped = rewrap(text, max(int(0.9 * plot_px / AXIS_UNIT_PX), 12))
    added = wrapped.count("<br>") - text.count("<br>")
    if added:
        axis.title.text = wrapped
        layout.margin.l = (layout.margin.l if layout.margin.l is not None else 80) + AXIS_LINE_PX * added
