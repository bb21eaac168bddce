"""Charts of the ``links`` table (Links page, 区域协同): the same edges as curved arrows between
places on a circle (``link_network``) and as great circles on a world map (``link_map``), coloured
by relation, wider with more links. Links with the same source, target and relation are one edge.
Input: rows of the ``links`` table (see lib/extract/links.py), with ``source``/``published`` joined from
``articles`` (``dashboard_data.links_with_articles``) for the source line. ``customdata[0]`` of
every clickable point is a comma-joined list of ``link_id``s: the arrow on an edge carries that
edge's links, a region's dot carries every link touching it.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import pandas as pd
import plotly.graph_objects as go

from lib.dashboard.charts.common import base_layout, regions_text, source_line
from lib.dashboard.i18n import DEFAULT_LANG, label, region_name, t
from lib.dashboard.phone_layout import units
from lib.dashboard.safe_text import plotly_text

if TYPE_CHECKING:  # the maps module loads the gazetteer: imported where a map is drawn
    from lib.dashboard import maps

RELATION_ORDER = ("rd_to_production", "route", "enclave", "cooperation", "investment")
RELATION_COLORS = {
    "rd_to_production": "#d62728",
    "route": "#1f77b4",
    "enclave": "#9467bd",
    "cooperation": "#2ca02c",
    "investment": "#ff7f0e",
}
OTHER_RELATION_COLOR = "#7f7f7f"
LEVEL_ORDER = ("province", "prefecture", "county", "macro", "foreign", "country")
LEVEL_COLORS = {
    "province": "#34495e",
    "prefecture": "#5d6d7e",
    "county": "#85929e",
    "macro": "#b7950b",
    "foreign": "#148f77",
    "country": "#566573",
}
EDGE_COLUMNS = ["source_region", "target_region", "relation", "count", "link_ids", "evidence",
                "source_level", "target_level"]  # fmt: skip
NODE_COLUMNS = ["region", "level", "degree", "link_ids"]
_CURVE_POINTS = 24
# A map wider than this (degrees of longitude) labels only the selected regions and foreign places.
WIDE_MAP_DEGREES = 60
_MAX_WIDTH_STEP = 4


def relation_color(relation: str) -> str:
    return RELATION_COLORS.get(relation, OTHER_RELATION_COLOR)


def _relation_rank(relation: str) -> int:
    return RELATION_ORDER.index(relation) if relation in RELATION_ORDER else len(RELATION_ORDER)


def link_edges(links: pd.DataFrame) -> pd.DataFrame:
    """One row per (source, target, relation): how many links, their ids (comma-joined) and the
    distinct evidence words (、-joined), in order of first appearance. Self-links are dropped.

    Grouped over plain lists: a pandas groupby with Python aggregations iterated the Arrow-backed
    strings value by value (0.35 s a run for the two Links charts at 5,600 links; now a few ms)."""
    if links.empty:
        return pd.DataFrame(columns=EDGE_COLUMNS)
    rows = links[links["source_region"] != links["target_region"]]
    if rows.empty:
        return pd.DataFrame(columns=EDGE_COLUMNS)
    columns = ["source_region", "target_region", "relation", "link_id", "source_level", "target_level"]
    groups: dict[tuple, list] = {}
    evidence = rows["evidence"].fillna("").tolist()
    for (src, tgt, rel, link_id, s_level, t_level), words in zip(
        zip(*(rows[c].tolist() for c in columns), strict=True), evidence, strict=True
    ):
        group = groups.get((src, tgt, rel))
        if group is None:
            group = groups[(src, tgt, rel)] = [[], {}, None, None]
        group[0].append(link_id)
        if words:
            group[1][words] = None
        if group[2] is None and not pd.isna(s_level):  # the first level given, as groupby's "first"
            group[2] = s_level
        if group[3] is None and not pd.isna(t_level):
            group[3] = t_level
    out = [(*key, len(ids), ",".join(ids), "、".join(words), s_level, t_level)
           for key, (ids, words, s_level, t_level) in groups.items()]  # fmt: skip
    return pd.DataFrame(out, columns=EDGE_COLUMNS)


def link_nodes(links: pd.DataFrame, edges: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per place at either end: its level, number of links touching it and their ids.

    Ordered for a circle layout: from the busiest place outwards along its strongest partners, so
    partners sit next to their hub and few edges cross. ``edges``: ``link_edges(links)`` when the
    caller has it already.
    """
    edges = link_edges(links) if edges is None else edges
    if edges.empty:
        return pd.DataFrame(columns=NODE_COLUMNS)
    level: dict[str, str] = {}
    ids: dict[str, list[str]] = {}
    weight: dict[tuple[str, str], int] = {}
    for e in edges.itertuples(index=False):
        level.setdefault(e.source_region, e.source_level)
        level.setdefault(e.target_region, e.target_level)
        for name in (e.source_region, e.target_region):
            ids.setdefault(name, []).extend(e.link_ids.split(","))
        pair = tuple(sorted((e.source_region, e.target_region)))
        weight[pair] = weight.get(pair, 0) + int(e.count)
    degree = {name: len(v) for name, v in ids.items()}
    first = {name: i for i, name in enumerate(level)}
    partners: dict[str, list[tuple[int, str]]] = {}
    for (a, b), w in weight.items():
        partners.setdefault(a, []).append((w, b))
        partners.setdefault(b, []).append((w, a))
    order: list[str] = []
    for start in sorted(level, key=lambda n: (-degree[n], first[n])):
        stack = [start]
        while stack:
            node = stack.pop()
            if node in order:
                continue
            order.append(node)
            nxt = sorted(partners.get(node, []), key=lambda p: (-p[0], first[p[1]]))
            stack.extend(n for _, n in reversed(nxt) if n not in order)
    return pd.DataFrame([(n, level[n], degree[n], ",".join(ids[n])) for n in order], columns=NODE_COLUMNS)


def _edge_width(count: int) -> float:
    return 1.2 + 1.3 * min(int(count), _MAX_WIDTH_STEP)


def _links_title(key: str, links: pd.DataFrame, regions: list[str] | None, lang: str) -> str:
    if regions is None:
        regions = (
            list(dict.fromkeys([*links["source_region"], *links["target_region"]])) if len(links) else []
        )
    return t(key, lang, regions=regions_text(list(regions), lang) if regions else "—")


def _links_empty(title: str, lang: str) -> go.Figure:
    fig = go.Figure()
    fig.add_annotation(
        text=t("links_empty_chart", lang), x=0.5, y=0.5, xref="paper", yref="paper",
        showarrow=False, font={"size": 16, "color": "#777"},
    )  # fmt: skip
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return base_layout(fig, title, [])


def _edge_hover(lang: str) -> str:
    return (
        "<b>%{customdata[1]} → %{customdata[2]}</b><br>"
        f"{t('hover_relation', lang)}: %{{customdata[3]}}<br>"
        f"{t('hover_evidence', lang)}: %{{customdata[5]}}<br>"
        f"{t('hover_mentions', lang)}: %{{customdata[4]}}<extra></extra>"
    )


def _node_hover(lang: str) -> str:
    return (
        "<b>%{customdata[1]}</b><br>"
        f"{t('hover_level', lang)}: %{{customdata[2]}}<br>"
        f"{t('hover_links', lang)}: %{{customdata[3]}}<extra></extra>"
    )


def _place(name: str, lang: str) -> str:
    """A place as a label or in a hover, in ``lang`` (English from the gazetteer, else as written):
    drawn here, not relabelled after, so one place without an English name leaves the rest English."""
    return plotly_text(region_name(name, lang))


def _edge_custom(e, lang: str) -> list:
    return [e.link_ids, _place(e.source_region, lang), _place(e.target_region, lang),
            label("relation", e.relation, lang), int(e.count), plotly_text(e.evidence) or "—"]  # fmt: skip


def _pair_slots(edges: pd.DataFrame) -> list[int]:
    """For each edge, its index among the edges of the same ordered pair (0, 1, ...)."""
    seen: dict[tuple[str, str], int] = {}
    slots = []
    for s, d in zip(edges["source_region"], edges["target_region"], strict=True):
        slots.append(seen.get((s, d), 0))
        seen[(s, d)] = slots[-1] + 1
    return slots


def _circle(names: list[str]) -> dict[str, tuple[float, float]]:
    n = len(names)
    if n == 1:
        return {names[0]: (0.0, 0.0)}
    return {
        name: (math.cos(math.pi / 2 - 2 * math.pi * i / n), math.sin(math.pi / 2 - 2 * math.pi * i / n))
        for i, name in enumerate(names)
    }


def _text_position(x: float, y: float) -> str:
    if x > 0.35:
        return "middle right"
    if x < -0.35:
        return "middle left"
    # Near the top or bottom, away from the vertical axis: two neighbours' centred labels ran
    # together on a phone (亚特兰大卢森堡).
    side = " left" if x < -0.05 else " right" if x > 0.05 else " center"
    return ("top" if y >= 0 else "bottom") + side


LABEL_PX_PER_UNIT = 6.5  # a 13 px label: a CJK character two units (phone_layout.units)
PHONE_PX_PER_X = 85  # a phone's plot (about 320 px) over the x range of a circle with side labels


def _x_half_range(names: list[str]) -> float:
    """Half the x range: the circle (1), a node's radius and the longest side label at a phone's
    scale; a fixed ±1.6 cut 贝尔格莱德 to 格莱德 at 390 px. On a desktop the height sets the scale
    (scaleanchor), so the wider range only adds blank space at the sides."""
    longest = max((units(n) for n in names), default=0)
    return max(1.6, 1.15 + longest * LABEL_PX_PER_UNIT / PHONE_PX_PER_X)


def link_network(
    links: pd.DataFrame, lang: str = DEFAULT_LANG, regions: list[str] | None = None
) -> go.Figure:
    """Places on a circle, one curved arrow per (source, target, relation), coloured by relation.

    A→B and B→A bend to opposite sides; several relations between the same two places bend
    further apart. Width grows with the number of links. Hover: relation, evidence words, count.
    """
    title = _links_title("chart_links_title", links, regions, lang)
    edges = link_edges(links)
    nodes = link_nodes(links, edges)
    if edges.empty:
        return _links_empty(title, lang)
    pos = _circle(nodes["region"].tolist())
    fig = go.Figure()
    edges = edges.assign(slot=_pair_slots(edges))
    for relation, grp in sorted(edges.groupby("relation", sort=False), key=lambda kv: _relation_rank(kv[0])):
        color, name = relation_color(relation), label("relation", relation, lang)
        mids_x, mids_y, angles, sizes, custom = [], [], [], [], []
        lines: dict[float, tuple[list, list]] = {}
        for e in grp.itertuples(index=False):
            (x0, y0), (x2, y2) = pos[e.source_region], pos[e.target_region]
            dx, dy = x2 - x0, y2 - y0
            length = math.hypot(dx, dy) or 1.0
            bend = length * (0.12 + 0.1 * e.slot)
            cx = (x0 + x2) / 2 - dy / length * bend * 2
            cy = (y0 + y2) / 2 + dx / length * bend * 2
            xs, ys = lines.setdefault(_edge_width(e.count), ([], []))
            for i in range(_CURVE_POINTS + 1):
                s = i / _CURVE_POINTS
                xs.append((1 - s) ** 2 * x0 + 2 * (1 - s) * s * cx + s**2 * x2)
                ys.append((1 - s) ** 2 * y0 + 2 * (1 - s) * s * cy + s**2 * y2)
            xs.append(None)
            ys.append(None)
            mids_x.append(0.25 * x0 + 0.5 * cx + 0.25 * x2)
            mids_y.append(0.25 * y0 + 0.5 * cy + 0.25 * y2)
            angles.append(math.degrees(math.atan2(dx, dy)))  # clockwise from up, as the tangent
            sizes.append(12 + 2 * min(int(e.count), _MAX_WIDTH_STEP))
            custom.append(_edge_custom(e, lang))
        for i, (width, (xs, ys)) in enumerate(sorted(lines.items())):
            fig.add_scatter(
                x=xs, y=ys, mode="lines", line={"color": color, "width": width}, opacity=0.75,
                name=name, legendgroup=relation, showlegend=i == 0, hoverinfo="skip",
            )  # fmt: skip
        fig.add_scatter(
            x=mids_x, y=mids_y, mode="markers", name=name, legendgroup=relation, showlegend=False,
            marker={"symbol": "arrow", "angle": angles, "size": sizes, "color": color,
                    "line": {"color": "white", "width": 1}},
            customdata=custom, hovertemplate=_edge_hover(lang),
        )  # fmt: skip
    _add_nodes_xy(fig, nodes, pos, lang)
    half = _x_half_range([_place(n, lang) for n in nodes["region"]])
    fig.update_xaxes(visible=False, range=[-half, half])
    fig.update_yaxes(visible=False, range=[-1.35, 1.35], scaleanchor="x", scaleratio=1)
    notes = [t("links_arrow_note", lang), source_line(links, lang)]
    fig = base_layout(fig, title, [n for n in notes if n])
    fig.update_layout(height=600, **_legends(lang), hovermode="closest",
                      margin={"l": 20, "r": 20})  # fmt: skip  (no axis titles: the plot takes the width)
    return fig


def _node_groups(nodes: pd.DataFrame):
    levels = sorted(set(nodes["level"]), key=lambda v: LEVEL_ORDER.index(v) if v in LEVEL_ORDER else 99)
    for level in levels:
        yield level, nodes[nodes["level"] == level]


def _node_custom(grp: pd.DataFrame, lang: str) -> list[list]:
    return [
        [ids, _place(name, lang), label("level", level, lang), int(deg)]
        for ids, name, level, deg in zip(
            grp["link_ids"], grp["region"], grp["level"], grp["degree"], strict=True
        )
    ]


LEVELS_LEGEND = "legend2"  # the place levels in a legend of their own, under the relations': in one
# flat legend their group sat beside the relations' row, its title in among their entries


def _legends(lang: str) -> dict:
    """Both legends styled alike (plotly draws a second legend's title beside it and in grey otherwise)."""
    def legend(title: str) -> dict:
        return {"title": {"text": title, "side": "top", "font": {"size": 12, "color": "#666"}},
                "font": {"size": 12, "color": "#444"}}  # fmt: skip

    return {"legend": legend(t("relations", lang)), LEVELS_LEGEND: legend(t("legend_levels", lang))}


def _add_nodes_xy(fig: go.Figure, nodes: pd.DataFrame, pos: dict, lang: str) -> None:
    for level, grp in _node_groups(nodes):
        xy = [pos[n] for n in grp["region"]]
        fig.add_scatter(
            x=[p[0] for p in xy], y=[p[1] for p in xy], mode="markers+text",
            text=[_place(n, lang) for n in grp["region"]], textposition=[_text_position(*p) for p in xy],
            textfont={"size": 14},
            marker={"size": [14 + 3 * min(int(d), 6) for d in grp["degree"]], "color": LEVEL_COLORS.get(level, "#555"),
                    "line": {"color": "white", "width": 1.5}},
            name=label("level", level, lang), legendgroup="levels", legend=LEVELS_LEGEND,
            customdata=_node_custom(grp, lang), hovertemplate=_node_hover(lang),
        )  # fmt: skip


def _screen_angle(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Direction from point 1 to point 2 as a marker angle with ``angleref="up"`` (degrees clockwise
    from up), in a local equirectangular approximation. (``angleref="north"`` turns the other way
    in some plotly.js versions, so it is not used.)"""
    dx = (lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return math.degrees(math.atan2(dx, lat2 - lat1))


_LABEL_SIDES = (
    ("top center", 0, 1),
    ("bottom center", 0, -1),
    ("middle right", 1, 0),
    ("middle left", -1, 0),
)


def _label_positions(points: dict[str, tuple[float, float]]) -> dict[str, str]:
    """A text position per place (in the given order, busiest first) that keeps labels of places
    close together apart: the first side whose label spot is not near a spot already taken."""
    if not points:
        return {}
    lats = [p[0] for p in points.values()]
    lons = [p[1] for p in points.values()]
    near = 0.05 * max(max(lons) - min(lons), max(lats) - min(lats), 10.0)
    taken: list[tuple[float, float]] = []
    out = {}
    for name, (lat, lon) in points.items():
        spots = [(side, (lon + dx * near, lat + dy * near)) for side, dx, dy in _LABEL_SIDES]
        # Labels are wider than tall: a spot is free unless one is within 1.6 x near across, 0.8 x near up.
        free = [
            (side, spot)
            for side, spot in spots
            if all(abs(spot[0] - a) > 1.6 * near or abs(spot[1] - b) > 0.8 * near for a, b in taken)
        ]
        side, spot = (free or spots)[0]
        out[name] = side
        taken.append(spot)
    return out


def link_map(links: pd.DataFrame, lang: str = DEFAULT_LANG, regions: list[str] | None = None) -> go.Figure:
    """The same edges on a world map (great circles), framed on China plus the partners present.

    The base map is ``lib.dashboard.maps``' vendored topojson (scope world, 1:110m): the browser needs
    ``config={"topojsonURL": maps.TOPOJSON_URL}`` and kaleido ``maps.topojson_file_url()``.
    Country borders are not drawn (Natural Earth's borders are not China's official ones).
    Places without coordinates in the gazetteer are left out and named in a note.
    """
    from lib.dashboard import maps  # the gazetteer loads on first use, not when charts is imported

    title = _links_title("chart_links_map_title", links, regions, lang)
    edges = link_edges(links)
    nodes = link_nodes(links, edges)
    if edges.empty:
        return _links_empty(title, lang)
    coords = {n: maps.coordinates(n) for n in nodes["region"]}
    missing = [n for n, c in coords.items() if c is None]
    placed = edges[[coords[s] is not None and coords[d] is not None
                    for s, d in zip(edges["source_region"], edges["target_region"], strict=True)]]  # fmt: skip
    fig = go.Figure()
    slots = dict(zip(placed.index, _pair_slots(placed), strict=True))
    curves: list[tuple[float, float]] = []  # every route's great circle, which the frame must hold
    for relation, grp in sorted(placed.groupby("relation", sort=False), key=lambda kv: _relation_rank(kv[0])):
        color, name = relation_color(relation), label("relation", relation, lang)
        lines: dict[float, tuple[list, list]] = {}
        mids_lat, mids_lon, angles, sizes, custom = [], [], [], [], []
        for idx, e in zip(grp.index, grp.itertuples(index=False), strict=True):
            (la0, lo0), (la1, lo1) = coords[e.source_region], coords[e.target_region]
            lats, lons = lines.setdefault(_edge_width(e.count), ([], []))
            lats += [la0, la1, None]
            lons += [lo0, lo1, None]
            path_lat, path_lon = maps.great_circle(la0, lo0, la1, lo1, n=20)
            curves += zip(path_lat, path_lon, strict=True)
            k = max(2, 9 - 2 * slots[idx])  # from the source's side: A→B and B→A apart
            mids_lat.append(path_lat[k])
            mids_lon.append((path_lon[k] + 180) % 360 - 180)
            angles.append(_screen_angle(path_lat[k], path_lon[k], path_lat[k + 1], path_lon[k + 1]))
            sizes.append(11 + 2 * min(int(e.count), _MAX_WIDTH_STEP))
            custom.append(_edge_custom(e, lang))
        for i, (width, (lats, lons)) in enumerate(sorted(lines.items())):
            fig.add_scattergeo(
                lat=lats, lon=lons, mode="lines", line={"color": color, "width": width}, opacity=0.8,
                name=name, legendgroup=relation, showlegend=i == 0, hoverinfo="skip",
            )  # fmt: skip
        fig.add_scattergeo(
            lat=mids_lat, lon=mids_lon, mode="markers", name=name, legendgroup=relation, showlegend=False,
            marker={"symbol": "arrow", "angle": angles, "angleref": "up", "size": sizes, "color": color,
                    "line": {"color": "white", "width": 1}},
            customdata=custom, hovertemplate=_edge_hover(lang),
        )  # fmt: skip
    shown = nodes[nodes["region"].map(lambda n: coords[n] is not None)]
    lons = [coords[n][1] for n in shown["region"]]
    wide = bool(lons) and max(lons) - min(lons) > WIDE_MAP_DEGREES
    keep_label = set(regions or []) | set(shown.loc[shown["level"] == "foreign", "region"])
    positions = _label_positions({n: coords[n] for n in shown["region"]})
    # The frame is set, not fitted (plotly's fitbounds framed Europe-to-America routes in a map a third as tall as
    # its area): it holds every place and every route's curve, and the chart is as tall as the framed map.
    framed = maps.frame([coords[n] for n in shown["region"]] + curves)
    if framed is not None:  # a label at the frame's east or west edge is written inward, not cut off
        positions = {n: _inward(pos, framed, coords[n][1]) for n, pos in positions.items()}
    for level, grp in _node_groups(shown):
        fig.add_scattergeo(
            lat=[coords[n][0] for n in grp["region"]], lon=[coords[n][1] for n in grp["region"]],
            mode="markers+text", textposition=[positions[n] for n in grp["region"]], textfont={"size": 13},
            text=[_place(n, lang) if not wide or n in keep_label else "" for n in grp["region"]],
            marker={"size": [9 + 2 * min(int(d), 6) for d in grp["degree"]], "color": LEVEL_COLORS.get(level, "#555"),
                    "line": {"color": "white", "width": 1}},
            name=label("level", level, lang), legendgroup="levels", legend=LEVELS_LEGEND,
            customdata=_node_custom(grp, lang), hovertemplate=_node_hover(lang),
        )  # fmt: skip
    if framed is not None:
        fig.update_geos(projection_rotation_lon=framed.rotation, lonaxis_range=list(framed.lon),
                        lataxis_range=list(framed.lat))  # fmt: skip
    fig.update_geos(  # the base map's look
        scope=maps.SCOPE, resolution=maps.RESOLUTION, projection_type="natural earth", fitbounds=False,
        showland=True, landcolor="#eef0f2", showocean=True, oceancolor="#f5f9fc", showlakes=True,
        lakecolor="#f5f9fc", showcoastlines=True, coastlinecolor="#9aa5b1", coastlinewidth=0.6,
        showcountries=False, showframe=False, bgcolor="rgba(0,0,0,0)",
    )  # fmt: skip
    notes = [t("links_map_note", lang)]
    if missing:
        gone = edges["source_region"].isin(missing) | edges["target_region"].isin(missing)
        notes.append(
            t("map_missing_coords", lang, n=int(edges.loc[gone, "count"].sum()), names="、".join(missing))
        )
    notes.append(source_line(links, lang))
    fig = base_layout(fig, title, [n for n in notes if n])
    margin = (fig.layout.margin.t or 0) + (fig.layout.margin.b or 0)  # the title's and the notes' room
    fig.update_layout(**_legends(lang), margin={"l": 20, "r": 20},
                      height=margin + _map_plot_px(framed.aspect if framed else None))  # fmt: skip
    return fig


EDGE_SHARE = 0.15  # of the frame's width at either side, where a label would run out of it


def _inward(position: str, framed: maps.Frame, lon: float) -> str:
    """``top center`` of a place near the east edge becomes ``top left`` (near the west edge ``top right``)."""
    x = ((lon - framed.lon[0]) % 360) / (framed.lon[1] - framed.lon[0])
    vertical = position.split()[0]
    if x > 1 - EDGE_SHARE:
        return f"{vertical} left"
    if x < EDGE_SHARE:
        return f"{vertical} right"
    return position


MAP_PLOT_WIDTH_PX = 800  # about the map's width on a desktop page
MAP_PLOT_PX = (160, 560)  # the least and the most the map's area takes


def _map_plot_px(aspect: float | None) -> int:
    """The map area's height: as tall as the framed map is at a desktop's width, so a flat frame (Europe to
    America) leaves no band of blank above and below it (on a phone, a third of the blank it left at 600 px)."""
    if aspect is None:
        return MAP_PLOT_PX[1]
    return int(min(max(MAP_PLOT_WIDTH_PX * aspect, MAP_PLOT_PX[0]), MAP_PLOT_PX[1]))
