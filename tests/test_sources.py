"""Adding articles: validation, safe names, dedupe, atomic saves, serialised rebuilds, the Sources page.

Every test works on a temporary copy of the seed inputs (``data/raw/000_*``) and a temporary
store; an autouse fixture checks that the real ``data/raw`` is never touched.
"""

from __future__ import annotations

import codecs
import json
import shutil
import threading
import time
from pathlib import Path

import pyarrow as pa
import pytest
from streamlit.testing.v1 import AppTest

from lib import paths, pipeline, store
from lib.dashboard import i18n, sources
from lib.dashboard import views as dd
from lib.dashboard.i18n import LANG_KEY
from lib.ingest import reader
from lib.store.schema import COLUMNS

ROOT = Path(__file__).resolve().parent.parent
SEED_RAW = ROOT / "data" / "raw"
SEED_REGIONS = ["天津", "郑州", "上饶", "黑龙江"]
PAGE = "app_pages/sources.py"
# Until the lead adds the Sources page to app.py, the tests run a copy of app.py with this entry added.

# Synthetic articles about regions the seed does not have (written here, not copied from anywhere).
CHENGDU = (
    "成都：打造西部科技创新中心\n\n◎本报记者 张三\n\n"
    "2024年6月3日，成都市发布支持科技创新的新政策。成都高新区今年新增科技企业300家，"
    "成都将加快建设西部科学城。\n"
)
WUHAN = (
    "武汉：光谷跑出创新加速度\n\n◎本报记者 李四\n\n"
    "2024年6月5日，武汉东湖高新区发布新政策。武汉光谷今年新增科技企业500家，"
    "武汉市将建设具有全国影响力的科技创新中心。\n"
)


def _listing(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns for p in folder.rglob("*")}


@pytest.fixture(autouse=True)
def real_raw_untouched():
    before = _listing(SEED_RAW)
    yield
    assert _listing(SEED_RAW) == before, "a test wrote into the real data/raw"


@pytest.fixture
def raw(tmp_path: Path) -> Path:
    d = tmp_path / "raw"
    d.mkdir()
    for f in SEED_RAW.glob("000_*"):
        shutil.copy(f, d / f.name)
    return d


@pytest.fixture
def out(tmp_path: Path, raw: Path) -> Path:
    d = tmp_path / "processed"
    pipeline.run([raw], d)
    return d


def ingest_problems(result: pipeline.Result) -> list[str]:
    """Problems reading or laying out inputs; an extractor's own failures are its module's tests' business."""
    return [p for p in result.problems if "extraction failed" not in p]


def regions_in(out: Path) -> list[str]:
    return store.read_table("articles", out)["region"].tolist()


# --- a good upload ----------------------------------------------------------------------------


def test_good_upload_is_saved_and_rebuild_shows_its_region(raw: Path, out: Path):
    saved = sources.save_upload("成都新闻.txt", CHENGDU.encode("utf-8"), raw)
    assert saved.created and saved.path.parent == raw
    assert saved.path.name == f"成都新闻_{saved.content_hash[: sources.HASH_CHARS]}.txt"
    assert saved.path.read_bytes() == CHENGDU.encode("utf-8")  # raw input is kept as uploaded
    # The hash is the pipeline's own: what ingest computes when it reads the stored file.
    assert reader.read_document(saved.path).content_hash == saved.content_hash

    result = sources.rebuild(raw, out)
    assert not ingest_problems(result)
    articles = store.read_table("articles", out)
    assert articles["region"].tolist() == SEED_REGIONS + ["成都"]
    new = articles.iloc[-1]
    assert new["title"] == "成都：打造西部科技创新中心"
    assert new["byline"] == "本报记者 张三"
    assert new["content_hash"] == saved.content_hash


@pytest.mark.parametrize(
    "name,encode",
    [
        ("wuhan.md", lambda t: ("# " + t).encode("utf-8")),
        (
            "wuhan.html",
            lambda t: f"<html><body><h1>{t.splitlines()[0]}</h1><p>{t}</p></body></html>".encode(),
        ),
        ("wuhan.htm", lambda t: t.encode("gb18030")),
        ("WUHAN.TXT", lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le")),
    ],
)
def test_every_supported_type_and_encoding(raw: Path, out: Path, name: str, encode):
    saved = sources.save_upload(name, encode(WUHAN), raw)
    assert saved.path.suffix == Path(name).suffix.lower()
    sources.rebuild(raw, out)
    assert "武汉" in regions_in(out)


def test_meta_becomes_a_sidecar(raw: Path, out: Path):
    meta = {"title": "光谷新政", "source": "测试日报", "published": "2024年6月5日", "ignored": "x"}
    saved = sources.save_upload(sources.pasted_name(""), WUHAN.encode(), raw, meta)
    assert saved.path.name.startswith(sources.PASTED_STEM + "_")
    assert saved.sidecar == reader.sidecar_path(saved.path)
    assert json.loads(saved.sidecar.read_text(encoding="utf-8")) == {
        "source": "测试日报",
        "published": "2024-06-05",
        "title": "光谷新政",
    }
    sources.rebuild(raw, out)
    row = store.read_table("articles", out).iloc[-1]
    assert (row["source"], row["published"], row["region"]) == ("测试日报", "2024-06-05", "武汉")


# --- bad files: a message naming the file, nothing stored -------------------------------------


@pytest.mark.parametrize(
    "name,data,reason",
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n \t\n", "no text"),
        ("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG image"),
        ("doc.html", b"PK\x03\x04" + bytes(200), "ZIP archive"),
        ("nul.txt", bytes(range(256)) * 8, "binary"),
        ("noise.md", b"\x80\xff" * 500, "undecodable"),
        ("control.txt", b"\x01\x02\x03\x1b[0m abc" * 300, "not text"),
        (
            "broken.txt",
            CHENGDU.encode("utf-8")[:40] + b"\xff" + CHENGDU.encode("utf-8")[40:],
            "invalid UTF-8",
        ),
        ("script.html", b"<html><script>alert(1)</script><style>p{}</style></html>", "no text in the html"),
        ("big.txt", "成都".encode() * (sources.MAX_UPLOAD_BYTES // 6 + 1), "too large"),
        ("report.pdf", b"%PDF-1.4 ...", "unsupported file type '.pdf'"),
        ("notes.docx", CHENGDU.encode(), "unsupported file type '.docx'"),
        ("README", CHENGDU.encode(), "unsupported file type '(none)'"),
        ("meta.meta.json", b'{"title": "x"}', "unsupported file type '.json'"),
    ],
)
def test_bad_file_is_named_and_nothing_is_stored(raw: Path, name: str, data: bytes, reason: str):
    before = _listing(raw)
    with pytest.raises(sources.UploadError) as exc:
        sources.save_upload(name, data, raw)
    message = str(exc.value)
    assert message.startswith(f"{name}: "), message
    assert reason in message, message
    assert _listing(raw) == before  # no file, no temporary file, no sidecar


def test_size_limit_is_inside_the_servers_upload_cap():
    config = (ROOT / ".streamlit" / "config.toml").read_text()
    cap_mb = int(config.split("maxUploadSize", 1)[1].split("=", 1)[1].split()[0])
    limit, label = sources.MAX_UPLOAD_BYTES, sources.MAX_UPLOAD_LABEL
    assert limit == sources.MAX_UPLOAD_MB * 1024 * 1024 <= cap_mb * 1024 * 1024
    assert label == f"{sources.MAX_UPLOAD_MB} MB"


def test_bad_date_in_meta_stores_nothing(raw: Path):
    before = _listing(raw)
    with pytest.raises(sources.UploadError, match=r"^粘贴文本\.txt: date '上周' is not a date"):
        sources.save_upload("粘贴文本.txt", CHENGDU.encode(), raw, {"published": "上周"})
    assert _listing(raw) == before


# --- names ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name,stem",
    [
        ("成都新闻.txt", "成都新闻"),
        ("../../etc/passwd.txt", "passwd"),
        ("..\\..\\windows\\evil.md", "evil"),
        ("/abs/path/x.html", "x"),
        (".hidden.txt", "hidden"),
        ("..txt", "upload"),
        ("a b?*<>|:\"c'.txt", "a_b_c"),
        ("天津 · 新闻 (1).txt", "天津_新闻_1"),
        ("x.meta.txt", "x"),  # would otherwise be stored as x.meta_<hash>.txt, next to sidecar-like names
        ("line\nbreak\x00.txt", "line_break"),
        ("长" * 100 + ".txt", "长" * sources.MAX_STEM_CHARS),
    ],
)
def test_safe_stem(name: str, stem: str):
    assert sources.safe_stem(name) == stem


@pytest.mark.parametrize(
    "name", ["../../escape.txt", "..\\..\\escape.txt", "/tmp/escape.txt", "sub/../../escape.txt", ".env.txt"]
)
def test_path_traversal_is_neutralised(raw: Path, name: str):
    saved = sources.save_upload(name, WUHAN.encode(), raw)
    assert saved.path.parent == raw
    assert saved.path.resolve().parent == raw.resolve()
    assert not saved.path.name.startswith(".")  # hidden files are skipped by the pipeline
    assert not (raw.parent / "escape.txt").exists()
    assert {p.name for p in raw.iterdir()} - {p.name for p in SEED_RAW.glob("000_*")} == {saved.path.name}


# --- duplicates -------------------------------------------------------------------------------


def test_same_content_twice_is_stored_once(raw: Path):
    first = sources.save_upload("成都.txt", CHENGDU.encode(), raw)
    again = sources.save_upload("成都.txt", CHENGDU.encode(), raw)
    other_name = sources.save_upload("另一个名字.txt", CHENGDU.encode("gb18030"), raw)
    crlf = sources.save_upload("windows.txt", CHENGDU.replace("\n", "\r\n").encode(), raw)
    assert first.created and not again.created and not other_name.created and not crlf.created
    assert again.path == other_name.path == crlf.path == first.path
    assert len(sources.input_files(raw)) == 2  # the seed page and this one


def test_content_already_in_the_seed_is_a_duplicate(raw: Path):
    seed = next(raw.glob("000_*.txt"))
    saved = sources.save_upload("again.md", seed.read_bytes(), raw)
    assert not saved.created and saved.path == seed


def test_identical_uploads_at_the_same_moment_are_stored_once(raw: Path):
    start = threading.Barrier(4)
    results: list[sources.SavedInput] = []

    def upload(i: int):
        start.wait()
        results.append(sources.save_upload(f"copy{i}.txt", WUHAN.encode(), raw))

    threads = [threading.Thread(target=upload, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sum(r.created for r in results) == 1 and len({r.path for r in results}) == 1


# --- rebuilds: serialised, atomic ----------------------------------------------------------------


def test_two_concurrent_adds_both_end_up_in_the_store(raw: Path, out: Path):
    start = threading.Barrier(2)
    results: dict[str, pipeline.Result] = {}
    errors: list[BaseException] = []

    def add(name: str, text: str):
        try:
            start.wait()
            sources.save_upload(name, text.encode(), raw)
            results[name] = sources.rebuild(raw, out)
        except BaseException as exc:  # reported by the main thread
            errors.append(exc)

    threads = [threading.Thread(target=add, args=a) for a in (("成都.txt", CHENGDU), ("武汉.txt", WUHAN))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not errors, errors
    assert set(results) == {"成都.txt", "武汉.txt"}
    assert all(not ingest_problems(r) for r in results.values())
    assert sorted(regions_in(out)) == sorted(SEED_REGIONS + ["成都", "武汉"])


def test_a_rebuild_waits_for_the_one_in_progress(raw: Path, out: Path):
    """The lock spans read -> build -> write, so a rebuild that started later cannot be overtaken."""
    sources.save_upload("成都.txt", CHENGDU.encode(), raw)
    stages: list[str] = []
    with store.write_lock(out):
        t = threading.Thread(target=sources.rebuild, args=(raw, out, lambda s, f: stages.append(s)))
        t.start()
        time.sleep(0.5)
        assert t.is_alive() and stages == ["waiting"]
    t.join(60)
    assert list(dict.fromkeys(stages)) == ["waiting", "rebuilding", "done"]
    assert "成都" in regions_in(out)


def test_store_reads_survive_rapid_replaces(tmp_path: Path):
    """The store's guarantee in isolation: tables replaced as fast as possible, read all the while.

    Regression test: ``pq.read_table(path)`` opens the file twice (footer, then data), so a replace
    in between failed with "OSError: Unexpected end of stream: Page was smaller than expected".
    """

    def rows(n: int) -> list[dict]:
        def value(name: str, typ: pa.DataType, i: int):
            return [] if pa.types.is_list(typ) else False if pa.types.is_boolean(typ) else f"{name} {i}"

        return [{name: value(name, typ, i) for name, typ, _ in COLUMNS["articles"]} for i in range(n)]

    small, big = rows(2), rows(200)
    store.write_table("articles", small, tmp_path)
    stop = threading.Event()

    def writer():
        i = 0
        while not stop.is_set():
            store.write_table("articles", big if i % 2 else small, tmp_path)
            i += 1

    t = threading.Thread(target=writer)
    t.start()
    try:
        end = time.monotonic() + 1.5
        while time.monotonic() < end:
            assert len(store.read_table("articles", tmp_path)) in {2, 200}
    finally:
        stop.set()
        t.join(30)


def test_readers_never_see_an_error_or_a_partial_table(raw: Path, out: Path):
    done = threading.Event()
    errors: list[BaseException] = []

    def writer():
        try:
            for name, text in (("成都.txt", CHENGDU), ("武汉.txt", WUHAN)):
                sources.save_upload(name, text.encode(), raw)
                for _ in range(3):
                    sources.rebuild(raw, out)
        except BaseException as exc:
            errors.append(exc)
        finally:
            done.set()

    columns = list(store.read_table("articles", out).columns)
    seen: set[int] = set()
    t = threading.Thread(target=writer)
    t.start()
    reads = 0
    while not done.is_set() or reads < 20:
        articles = store.read_table("articles", out)  # must never raise
        assert list(articles.columns) == columns
        assert len(articles) in {4, 5, 6}, len(articles)
        assert articles["region"].tolist()[:4] == SEED_REGIONS
        seen.add(len(articles))
        store.read_table("facts", out)
        reads += 1
    t.join(60)
    assert not errors, errors
    assert len(regions_in(out)) == 6 and 6 in seen  # the last state is complete and was read
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]  # no temporary file left behind


def test_add_inputs_reports_each_file_and_rebuilds_once(raw: Path, out: Path, monkeypatch):
    runs: list[list[Path]] = []
    real_run = pipeline.run
    monkeypatch.setattr(
        pipeline, "run", lambda inputs, out_dir, **kw: runs.append(inputs) or real_run(inputs, out_dir, **kw)
    )
    progress: list[tuple[str, float]] = []
    added = sources.add_inputs(
        [
            ("成都.txt", CHENGDU.encode(), None),
            ("empty.txt", b"", None),
            ("成都 again.txt", CHENGDU.encode(), None),
            ("武汉.md", WUHAN.encode(), {"source": "测试日报"}),
        ],
        raw,
        out,
        lambda stage, f: progress.append((stage, f)),
    )
    assert [r["status"] for r in added.rows] == [
        sources.STATUS_SAVED,
        sources.STATUS_FAILED,
        sources.STATUS_DUPLICATE,
        sources.STATUS_SAVED,
    ]
    assert added.rows[1] == {"file": "empty.txt", "status": "failed", "detail": "empty file (0 bytes)"}
    assert added.rows[2]["detail"] == added.rows[0]["detail"]  # the duplicate names the stored file
    assert len(added.created) == 2 and len(runs) == 1
    fractions = [f for _, f in progress]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert [s for s, _ in progress][-1] == "done" and "rebuilding" in dict(progress)
    new = sources.articles_from(store.read_table("articles", out), [s.content_hash for s in added.created])
    assert new["region"].tolist() == ["成都", "武汉"]


def test_add_inputs_without_anything_new_does_not_rebuild(raw: Path, out: Path, monkeypatch):
    monkeypatch.setattr(pipeline, "run", lambda *a: pytest.fail("rebuilt although nothing was new"))
    seed = next(raw.glob("000_*.txt"))
    added = sources.add_inputs([("x.txt", seed.read_bytes(), None), ("y.pdf", b"%PDF", None)], raw, out)
    assert added.result is None and not added.created and len(added.errors) == 1


# --- the page (AppTest) ----------------------------------------------------------------------------


@pytest.fixture
def use_dirs(raw: Path, out: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    monkeypatch.setattr(paths, "RAW_DIR", raw)
    monkeypatch.setattr(paths, "PROCESSED_DIR", out)
    monkeypatch.setenv("RDD_RAW_DIR", str(raw))
    monkeypatch.setenv("RDD_PROCESSED_DIR", str(out))
    return raw, out


def sources_page(tmp_path: Path) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not at.exception
    at.switch_page(PAGE).run()
    assert not at.exception
    return at


def test_page_lists_the_store_with_input_files(use_dirs, tmp_path: Path):
    at = sources_page(tmp_path)
    assert at.title[0].value == "数据来源"
    listed = at.dataframe[-1].value
    assert listed["region"].tolist() == SEED_REGIONS
    assert list(listed.columns) == sources.ARTICLE_COLUMNS
    assert sources.MAX_UPLOAD_LABEL in at.caption[0].value  # the limit is stated


def test_page_on_an_empty_store_says_so_and_still_offers_adding(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(paths, "RAW_DIR", tmp_path / "raw")
    monkeypatch.setattr(paths, "PROCESSED_DIR", tmp_path / "none")
    at = sources_page(tmp_path)
    assert any("make data" in i.value for i in at.info)
    assert at.text_area and at.button(key="sources_add_text")


def test_pasting_text_adds_an_article(use_dirs, tmp_path: Path):
    raw, out = use_dirs
    at = sources_page(tmp_path)
    at.text_area[0].set_value(CHENGDU)
    at.text_input(key="sources_source_0").set_value("测试日报")
    at.text_input(key="sources_date_0").set_value("2024-06-03")
    at.button(key="sources_add_text").click().run()
    assert not at.exception
    assert at.success, "no success message after adding"
    assert at.sidebar.multiselect[0].options == SEED_REGIONS + ["成都"]
    assert "成都" in at.sidebar.multiselect[0].value  # the new region is selected, not hidden
    assert at.dataframe[0].value["region"].tolist() == ["成都"]  # the new articles
    assert at.dataframe[-1].value["region"].tolist() == SEED_REGIONS + ["成都"]  # the whole list
    assert at.text_area[0].value == ""  # fresh form for the next article
    row = store.read_table("articles", out).iloc[-1]
    assert (row["source"], row["published"]) == ("测试日报", "2024-06-03")
    at.switch_page("app_pages/overview.py").run()  # the other pages see it without a restart
    assert not at.exception
    assert "成都" in at.sidebar.multiselect[0].value
    shown = [str(e.value) for e in at.subheader] + [df.value.to_string() for df in at.dataframe]
    assert any("成都" in text for text in shown), "the overview page does not show the new region"


def test_uploading_files_adds_good_ones_and_names_bad_ones(use_dirs, tmp_path: Path):
    raw, out = use_dirs
    at = sources_page(tmp_path)
    at.file_uploader[0].set_value(
        [("武汉.txt", WUHAN.encode("gb18030"), "text/plain"), ("空.txt", b"", "text/plain")]
    ).run()
    at.button(key="sources_add_files").click().run()
    assert not at.exception
    outcome = at.dataframe[1].value
    assert outcome["file"].tolist() == ["武汉.txt", "空.txt"]
    assert outcome["status"].tolist() == [i18n.t("src_status_saved"), i18n.t("src_status_failed")]
    assert at.error and "武汉" in at.sidebar.multiselect[0].options
    assert [p.name.split("_")[0] for p in sources.input_files(raw)].count("空") == 0


def test_page_in_english(use_dirs, tmp_path: Path):
    at = sources_page(tmp_path)
    at.sidebar.radio(key=LANG_KEY).set_value("en").run()
    assert not at.exception
    assert at.title[0].value == "Sources"
    assert at.button(key="sources_add_text").label == "Add text"


def test_adding_nothing_new_shows_why_and_keeps_the_input(use_dirs, tmp_path: Path):
    at = sources_page(tmp_path)
    at.text_area[0].set_value("   ")
    at.button(key="sources_add_text").click().run()
    assert not at.exception and at.error
    assert at.dataframe[0].value["detail"].tolist() == ["no text: whitespace only"]
    assert at.text_area[0].value == "   "  # nothing saved: the input stays for fixing
    assert len(dd.load_articles(use_dirs[1])) == 4


# --- locking a shared dashboard down; what visitors see (issue 12) -------------------------------


@pytest.mark.parametrize("how", ["env", "secrets"])
def test_read_only_page_offers_no_adding(use_dirs, tmp_path: Path, monkeypatch, how: str):
    if how == "env":
        monkeypatch.setenv("RDD_READ_ONLY", "1")
    else:
        monkeypatch.setattr(sources, "_secret", lambda key: True if key == "read_only" else None)
    at = sources_page(tmp_path)
    assert any("read-only" in i.value or "只读" in i.value for i in at.info)
    assert not at.text_area and not at.get("file_uploader")
    assert not [b for b in at.button if b.key in ("sources_add_text", "sources_add_files")]
    assert at.dataframe[-1].value["region"].tolist() == SEED_REGIONS  # the store is still listed


def test_upload_password_gates_adding(use_dirs, tmp_path: Path, monkeypatch):
    monkeypatch.setenv("RDD_UPLOAD_PASSWORD", "s3cret")
    at = sources_page(tmp_path)
    assert not at.text_area  # nothing to add with before the password
    at.text_input(key="sources_password").set_value("wrong").run()
    assert not at.text_area and any("密码不正确" in i.value for i in at.info)
    at.text_input(key="sources_password").set_value("s3cret").run()
    assert at.text_area and at.button(key="sources_add_text")


def test_password_ok_is_exact():
    assert sources.password_ok("s3cret", "s3cret")
    assert not sources.password_ok("s3cre", "s3cret") and not sources.password_ok("", "")


def test_page_shows_no_server_paths(use_dirs, tmp_path: Path):
    at = sources_page(tmp_path)
    shown = "\n".join([c.value for c in at.caption] + [df.value.to_string() for df in at.dataframe])
    assert str(tmp_path) not in shown and str(ROOT) not in shown
    assert all(not Path(f).is_absolute() for f in at.dataframe[-1].value["input_file"])


def test_visible_path_never_absolute(tmp_path: Path):
    assert sources.visible_path("/srv/secret/place/a.txt") == "a.txt"
    assert sources.visible_path(str(paths.ROOT / "data" / "raw" / "x" / "b.txt")) == "x/b.txt"


def test_page_lists_the_skipped_inputs_from_the_builds_manifest(use_dirs, tmp_path: Path):
    from lib.store import builds

    raw, out = use_dirs
    manifest_path = builds.current_dir(out) / builds.MANIFEST
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest["skipped"] = [{"file": str(raw / "bad:name.txt"), "reason": "cannot read: Permission denied"}]
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    at = sources_page(tmp_path)
    assert any("skipped" in w.value or "跳过" in w.value for w in at.warning)
    table = next(df.value for df in at.dataframe if "原因" in df.value.columns)
    assert table.iloc[0].tolist() == ["bad:name.txt", "cannot read: Permission denied"]


def test_tables_page_shows_no_server_paths(use_dirs, tmp_path: Path):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    at.switch_page("app_pages/store.py").run()
    assert not at.exception
    shown = "\n".join(c.value for c in at.caption)
    assert "processed" in shown and str(tmp_path) not in shown
    table = at.dataframe[0].value  # each table named by what it holds, beside its file
    assert dict(zip(table["table"], table["holds"], strict=True))["facts"] == "数字（事实）"


def test_read_only_refuses_saving_and_rebuilding_below_the_page(tmp_path, monkeypatch):
    """The page hides the form; the functions refuse too, so no other caller can write."""
    monkeypatch.setenv("RDD_READ_ONLY", "1")
    raw = tmp_path / "raw"
    raw.mkdir()
    with pytest.raises(sources.ReadOnly, match="read-only"):
        sources.add_inputs([("a.txt", "天津市地区生产总值增长5%。".encode(), {})], raw, tmp_path / "store")
    with pytest.raises(sources.ReadOnly):
        sources.rebuild(raw, tmp_path / "store")
    assert list(raw.iterdir()) == [] and not (tmp_path / "store").exists()


def test_new_regions_keep_the_store_order_and_leave_old_ones_out():
    assert sources.new_regions(["天津", "郑州"], ["天津", "武汉", "郑州", "成都"]) == ["武汉", "成都"]
    assert sources.new_regions(["天津"], ["天津"]) == []


def add_wuhan(at: AppTest) -> AppTest:
    at.file_uploader[0].set_value([("武汉.txt", WUHAN.encode("utf-8"), "text/plain")]).run()
    return at.button(key="sources_add_files").click().run()


def test_after_an_upload_with_all_regions_the_new_region_is_selected_and_said(use_dirs, tmp_path: Path):
    at = add_wuhan(sources_page(tmp_path))
    assert not at.exception
    assert at.sidebar.multiselect[0].value[-1] == "武汉"
    assert at.query_params["region"] == "all"
    assert any(i.value == i18n.t("src_new_regions_selected") for i in at.info)
    assert "武汉" in [x.value for x in at.text]


def test_after_an_upload_with_a_region_list_the_new_region_is_offered_not_selected(use_dirs, tmp_path: Path):
    at = sources_page(tmp_path)
    at.sidebar.multiselect[0].set_value([SEED_REGIONS[0]]).run()
    at = add_wuhan(at)
    assert not at.exception
    assert at.sidebar.multiselect[0].value == [SEED_REGIONS[0]]  # the user's choice stays
    assert "武汉" in at.sidebar.multiselect[0].options
    assert any(i.value == i18n.t("src_new_regions_offered") for i in at.info)
    assert "武汉" in [x.value for x in at.text]
