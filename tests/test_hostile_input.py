"""Hostile and odd input (issue 12): odd file names and file types, markup in data, CSV formulas."""

from __future__ import annotations

import json
import os
import re
import shutil
import string
import subprocess
from pathlib import Path

import pandas as pd
import plotly.io as pio
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lib.dashboard.charts.common import source_line
from lib.dashboard.safe_text import csv_safe, markdown_text, plotly_text
from lib.ingest import reader

ARTICLE = "合肥市2024年地区生产总值达到一万亿元，同比增长百分之六。".encode()
HOSTILE = [
    '<a href="http://evil.example">x</a>',
    "<b>b</b>",
    '<span style="color:red">s</span>',
    "<img src=x>",
    "[login](http://evil.example)",
    "![i](http://evil.example/i.png)",
    ":red[alert]",
]


def _write_bytes_name(folder: Path, name: bytes, data: bytes) -> None:
    fd = os.open(os.fsencode(folder) + b"/" + name, os.O_WRONLY | os.O_CREAT, 0o644)
    try:
        os.write(fd, data)
    finally:
        os.close(fd)


# --- file names and file types ------------------------------------------------------------------


def test_gbk_file_name_is_read_and_shown_readably(tmp_path):
    _write_bytes_name(tmp_path, "合肥报道.txt".encode("gbk"), ARTICLE)
    result = reader.load_inputs([tmp_path])
    assert result.problems == []
    [doc] = result.documents
    assert doc.input_file.endswith("合肥报道.txt")
    doc.input_file.encode("utf-8")  # storable in Parquet/JSON: no lone surrogates
    json.dumps(result.problems + result.skipped + result.warnings, ensure_ascii=False).encode("utf-8")


def test_undecodable_file_name_is_backslash_escaped():
    name = os.fsdecode(b"bad\xff\xfe.txt")
    shown = reader.readable_name(name)
    shown.encode("utf-8")
    assert shown.startswith("bad") and shown.endswith(".txt")


def test_symlink_loops_are_one_line_problems_and_the_rest_is_read(tmp_path):
    (tmp_path / "good.txt").write_bytes(ARTICLE)
    (tmp_path / "self.txt").symlink_to(tmp_path / "self.txt")
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    result = reader.load_inputs([tmp_path])
    assert [Path(d.input_file).name for d in result.documents] == ["good.txt"]
    named = "\n".join(result.problems)
    for name in ("self.txt", "a.txt", "b.txt"):
        assert name in named
    assert all("\n" not in p and "Traceback" not in p for p in result.problems)


def test_symlink_loop_given_directly_is_a_problem(tmp_path):
    (tmp_path / "self.txt").symlink_to(tmp_path / "self.txt")
    result = reader.load_inputs([tmp_path / "self.txt"])
    assert result.documents == [] and len(result.problems) == 1 and "self.txt" in result.problems[0]


def test_fifo_named_txt_is_skipped_without_opening(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")  # opening it for reading would block this test forever
    (tmp_path / "good.txt").write_bytes(ARTICLE)
    result = reader.load_inputs([tmp_path])
    assert len(result.documents) == 1
    assert any("pipe.txt" in s and "not a regular file" in s for s in result.skipped)


def test_fifo_read_directly_is_refused_without_opening(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    with pytest.raises(reader.IngestError, match="not a regular file"):
        reader.read_document(tmp_path / "pipe.txt")


def test_unlistable_sub_folder_is_named_and_the_rest_is_read(tmp_path, monkeypatch):
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "inner.txt").write_bytes(ARTICLE)
    (tmp_path / "good.txt").write_bytes("另一篇文章：芜湖市2024年增长百分之五。".encode())
    real_scandir = os.scandir

    def scandir(path="."):
        if Path(os.fsdecode(path)) == locked:
            raise PermissionError(13, "Permission denied", os.fsdecode(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = reader.load_inputs([tmp_path])
    assert [Path(d.input_file).name for d in result.documents] == ["good.txt"]
    assert any("locked" in p and "Permission denied" in p for p in result.problems)


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads chmod 000 folders")
def test_chmod_000_sub_folder_is_named(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "inner.txt").write_bytes(ARTICLE)
    locked.chmod(0)
    try:
        result = reader.load_inputs([tmp_path])
    finally:
        locked.chmod(0o755)
    assert any("locked" in p for p in result.problems)


# --- random input never breaks ingestion --------------------------------------------------------

NAME_CHARS = string.ascii_letters + string.digits + "-_ :'&;" + "合肥市区域发展报告"
ENCODINGS = ["utf-8", "gb18030", "utf-16", "latin-1", "big5", "utf-8-sig"]


@settings(
    max_examples=40, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    files=st.lists(
        st.tuples(
            st.text(NAME_CHARS, min_size=1, max_size=12),
            st.sampled_from([".txt", ".md", ".html", ".htm", ".pdf", ""]),
            st.one_of(
                st.binary(max_size=400),
                st.tuples(st.text(max_size=200), st.sampled_from(ENCODINGS)).map(
                    lambda te: te[0].encode(te[1], errors="replace")
                ),
            ),
            st.booleans(),  # write the name as GBK bytes
        ),
        min_size=1,
        max_size=5,
        unique_by=lambda f: (f[0] + f[1]).lower(),
    )
)
def test_random_bytes_names_and_encodings_never_raise(tmp_path_factory, files):
    folder = tmp_path_factory.mktemp("random")
    written = []
    for stem, suffix, data, gbk in files:
        name = stem + suffix
        if name.startswith(".") or name.lower().endswith(reader.SIDECAR_SUFFIX):
            continue
        raw = name.encode("gbk") if gbk else name.encode()
        if any(raw.lower() == w.lower() for w in written):
            continue
        _write_bytes_name(folder, raw, data)
        written.append(raw)
    result = reader.load_inputs([folder])
    reported = [d.input_file for d in result.documents] + result.problems + result.skipped + result.warnings
    for line in reported:
        line.encode("utf-8")  # every message is storable and printable
    for raw in written:
        shown = reader.readable_name(os.fsdecode(raw))
        assert any(shown in line for line in reported), f"{shown!r} neither read nor reported"


# --- markup from data is shown as text -----------------------------------------------------------


@pytest.mark.parametrize("value", HOSTILE)
def test_plotly_text_leaves_no_tag(value):
    out = plotly_text(value)
    assert "<" not in out and ">" not in out


@pytest.mark.parametrize("value", HOSTILE)
def test_markdown_text_escapes_links_images_directives_and_html(value):
    unescaped = re.sub(r"\\.", "", markdown_text(value))  # drop every backslash-escaped character
    assert not set(unescaped) & set("[]()<>:!")


def test_markdown_text_escapes_every_special():
    zw = "\u200b"  # GFM autolinks a bare URL even when escaped: a zero-width space breaks the scheme
    assert markdown_text("[login](http://evil.example)") == rf"\[login\]\(h{zw}ttp\://evil\.example\)"
    assert markdown_text("www.evil.example a@evil.example") == rf"w{zw}ww\.evil\.example a@{zw}evil\.example"
    assert markdown_text(":red[alert]") == r"\:red\[alert\]"
    assert "\n" not in markdown_text("a\n# heading")


def test_source_line_in_a_figure_carries_no_html():
    facts = pd.DataFrame({"source": HOSTILE, "published": ["2024-05-01"] * len(HOSTILE)})
    line = source_line(facts, "zh")
    assert "<a" not in line and "<b>" not in line and "<span" not in line and "<img" not in line
    shown = "\n".join(_strings(json.loads(pio.to_json({"data": [], "layout": {"title": {"text": line}}}))))
    assert "<a " not in shown and "<b>" not in shown and "&lt;a href" in shown


# --- CSV cells a spreadsheet would run -----------------------------------------------------------


def test_csv_text_cells_starting_with_formula_characters_are_prefixed():
    frame = pd.DataFrame(
        {
            "title": ['=HYPERLINK("http://evil.example")', "+1", "-cmd", "@SUM(A1)", "\tx", "\rx", "合肥"],
            "value": [-1.5, 2.0, -3.0, 4.0, 5.0, 6.0, 7.0],
        }
    )
    safe = csv_safe(frame)
    assert safe["title"].tolist()[:6] == ["'" + v for v in frame["title"].tolist()[:6]]
    assert safe["title"].iloc[6] == "合肥"
    assert safe["value"].tolist() == frame["value"].tolist()  # numbers stay numbers, negatives too
    assert pd.api.types.is_float_dtype(safe["value"])
    assert frame["title"].iloc[0].startswith("=")  # the caller's frame is not changed


def test_timeline_hover_and_source_line_show_markup_as_text():
    from lib.dashboard import charts
    from tests.test_charts import event

    rows = [event(i, "天津", "2024-05-19", description=v, source=v) for i, v in enumerate(HOSTILE, start=1)]
    fig = charts.timeline(pd.DataFrame(rows), "zh")
    shown = "\n".join(_strings(json.loads(fig.to_json())))  # Plotly's JSON writes < as \\u003c: decode
    for raw in ("<a ", "<b>b", "<span", "<img"):
        assert raw not in shown, raw
    assert "&lt;b&gt;b&lt;/b&gt;" in shown  # still shown, as text


def _strings(node) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for v in node.values() for s in _strings(v)]
    if isinstance(node, list):
        return [s for v in node for s in _strings(v)]
    return []


# --- the dashboard: URL text in the notice ----------------------------------------------------


@pytest.mark.parametrize(
    "region", ["[login](http://evil.example)", "![i](http://evil.example/i.png)", ":red[alert]"]
)
def test_unknown_region_notice_shows_url_markdown_as_text(tmp_path, monkeypatch, region):
    from lib.store import write_table
    from tests.test_app import ARTICLES, app, article_rows, use_store

    write_table("articles", article_rows(ARTICLES), tmp_path)
    use_store(monkeypatch, tmp_path)
    at = app({"region": region})
    assert not at.exception
    assert any(region in e.value for e in at.text)  # said, as plain text
    rendered = [str(e.value) for kind in ("markdown", "caption", "warning", "info", "error", "toast") for e in getattr(at, kind)]
    assert not any("evil" in m or "alert" in m for m in rendered)  # never through Markdown


# --- uploads: disk errors, field limits, permissions -------------------------------------------


def test_disk_error_during_upload_is_a_failed_row_and_leaves_nothing(tmp_path, monkeypatch):
    from lib.dashboard import sources

    real = sources._write_atomic

    def failing(target, data):
        if not target.name.endswith(reader.SIDECAR_SUFFIX):  # the sidecar lands, then the text fails
            raise OSError(28, "No space left on device")
        real(target, data)

    monkeypatch.setattr(sources, "_write_atomic", failing)
    added = sources.add_inputs([("a.txt", ARTICLE, {"title": "标题"})], tmp_path, tmp_path / "out")
    [row] = added.errors
    assert "a.txt" in str(row) and "No space left on device" in str(row)
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # no sidecar, no text, no temp file


@pytest.mark.parametrize("field,limit", [("title", 500), ("source", 200)])
def test_over_long_form_field_is_refused_and_stores_nothing(tmp_path, field, limit):
    from lib.dashboard import sources

    with pytest.raises(
        sources.UploadError, match=f"{field} is {limit + 1:,} characters, the limit is {limit}"
    ):
        sources.save_upload("a.txt", ARTICLE, tmp_path, {field: "长" * (limit + 1)})
    assert list(tmp_path.iterdir()) == []
    assert sources.save_upload("a.txt", ARTICLE, tmp_path, {field: "长" * limit}).created


def test_over_long_sidecar_field_is_truncated_with_a_warning(tmp_path):
    (tmp_path / "a.txt").write_bytes(ARTICLE)
    (tmp_path / "a.meta.json").write_text(json.dumps({"title": "长" * 5000, "source": "源" * 300}))
    result = reader.load_inputs([tmp_path])
    [doc] = result.documents
    assert len(doc.title) == reader.META_LIMITS["title"] and len(doc.source) == reader.META_LIMITS["source"]
    assert sum("truncated" in w and "a.meta.json" in w for w in result.warnings) == 2


def test_uploads_follow_the_umask(tmp_path):
    from lib.dashboard import sources

    old = os.umask(0o027)
    try:
        saved = sources.save_upload("a.txt", ARTICLE, tmp_path, {"title": "标题"})
    finally:
        os.umask(old)
    assert saved.path.stat().st_mode & 0o777 == 0o640
    assert saved.sidecar.stat().st_mode & 0o777 == 0o640


def test_store_tables_follow_the_umask(tmp_path):
    from lib.store import write_table
    from tests.test_app import ARTICLES, article_rows

    old = os.umask(0o027)
    try:
        path = write_table("articles", article_rows(ARTICLES), tmp_path / "processed")
    finally:
        os.umask(old)
    modes = {p.name: p.stat().st_mode & 0o777 for p in path.parent.iterdir() if p.is_file()}
    assert modes and set(modes.values()) == {0o640}, modes


def test_cache_entries_follow_the_umask(tmp_path):
    from lib import store
    from lib.store.cache import DocumentCache

    [doc] = reader.load_inputs([_one_article(tmp_path)]).documents
    cache = DocumentCache("v-test", tmp_path / "cache")
    old = os.umask(0o027)
    try:
        assert cache.put(doc, {"tables": {"facts": store.to_arrow("facts", [])}}) is None
    finally:
        os.umask(old)
    assert cache.path(doc).stat().st_mode & 0o777 == 0o640


def _one_article(folder: Path) -> Path:
    path = folder / "a.txt"
    path.write_bytes(ARTICLE)
    return path


# --- Latin-1 text is not taken for GB18030 -------------------------------------------------------

GERMAN = "Die Stadt Hefei hat 2024 ein Wachstum von fünf Prozent erreicht. Größere Firmen äußern sich über die Förderung."


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_latin1_german_is_refused_naming_the_file(tmp_path, encoding):
    (tmp_path / "bericht.txt").write_bytes(GERMAN.encode(encoding))
    result = reader.load_inputs([tmp_path])
    assert result.documents == []
    [problem] = result.problems
    assert "bericht.txt" in problem and "Latin-1" in problem


@pytest.mark.parametrize(
    "text", ["华为Mate60手机在合肥生产，iPhone也是。", "合肥市2024年GDP增长5.8%，新能源汽车产量超过100万辆。"]
)
def test_chinese_mixed_with_latin_still_reads_as_gb18030(text):
    assert reader.decode_bytes(text.encode("gb18030")) == (text, "gb18030")


def test_keyword_and_link_charts_show_markup_as_text():
    """Keyword terms and link evidence come from article text; places from the gazetteer or the text."""
    from lib.dashboard import charts
    from tests.test_links_page import link_rows

    bold = "<b>b</b>"
    keywords = pd.DataFrame(
        [{"scope": "region", "scope_id": "天津", "term": v, "weight": 1.0, "rank": 1} for v in HOSTILE[:1]]
        + [{"scope": "region", "scope_id": "郑州", "term": bold, "weight": 1.0, "rank": 1}]
        + [{"scope": "region", "scope_id": "天津", "term": bold, "weight": 0.5, "rank": 2}]
    )
    links = link_rows([("天津", bold, "province", "prefecture", "cooperation")])
    links["evidence"] = HOSTILE[0]
    figures = [
        charts.keyword_bars(keywords, ["天津", "郑州"], "zh"),
        charts.shared_terms(keywords, ["天津", "郑州"], "zh"),
        charts.link_network(links, "zh"),
    ]
    for fig in figures:
        data = json.loads(fig.to_json())
        for trace in data["data"]:  # selection ids (a heatmap's customdata, a bar's customdata[0]): never shown
            custom = trace.pop("customdata", [])
            if trace["type"] != "heatmap":
                trace["customdata"] = [c[1:] if isinstance(c, list) else c for c in custom]
        shown = "\n".join(_strings(data))
        for raw in ("<a ", "<b>b", "<span", "<img"):
            assert raw not in shown, (raw, fig.layout.title.text)
        assert "&lt;b&gt;b&lt;/b&gt;" in shown  # still shown, as text


def test_compare_charts_show_sources_and_quantities_as_text():
    """Outlets come from sidecars and the paste form, raw quantities from article text."""
    from factrows import fact, joined

    from lib.dashboard import charts, comparable

    rows = [fact(f"f{i}", r, f"{i}亿元<b>b</b>", i * 1e8, "元", indicator_id="gdp", period=p)
            for i, (r, p) in enumerate([("天津", "2024"), ("郑州", "2024"), ("郑州", "2023")], 1)]  # fmt: skip
    facts = joined(rows, source="<b>b</b>")
    view = comparable.View("gdp", "level", "", "2024", "")
    shown = comparable.drawn(comparable.view_rows(facts, ["天津", "郑州"], view))
    series = comparable.period_series(facts, ["天津", "郑州"], view)
    for fig in (charts.indicator_bars(shown, ["天津", "郑州"], "GDP"), charts.indicator_lines(series, ["郑州"], "GDP")):
        data = json.loads(fig.to_json())
        for trace in data["data"]:
            trace["customdata"] = [c[1:] for c in trace.pop("customdata", [])]  # [0] is the fact id
        shown_text = "\n".join(_strings(data))
        assert "<b>b" not in shown_text and "&lt;b&gt;b&lt;/b&gt;" in shown_text


# --- make with any file name ---------------------------------------------------------------------


@pytest.mark.skipif(shutil.which("make") is None, reason="GNU make not installed")
@pytest.mark.parametrize("name", ["a b.txt", "a:b.txt", "报告 2024:全文.txt"])
def test_make_parses_with_any_raw_file_name(tmp_path, name):
    """make used to list every raw file as a prerequisite: a space or a colon in a name stopped it with
    "No rule to make target" / "multiple target patterns". `make -n` parses the Makefile and plans
    the build without running anything."""
    root = Path(__file__).resolve().parent.parent
    for f in ("Makefile", "requirements.txt", "requirements-dev.txt", "requirements-dask.txt"):
        shutil.copy(root / f, tmp_path / f)
    (tmp_path / "data" / "raw").mkdir(parents=True)
    (tmp_path / "data" / "raw" / name).write_text("天津市地区生产总值增长5%。", encoding="utf-8")
    proc = subprocess.run(["make", "-n", "data"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "lib.pipeline --if-stale" in proc.stdout
