"""The per-document cache: a rebuild reprocesses only new or changed inputs, and gives the same tables."""

from __future__ import annotations

import json
import os
import pickle
import shutil
import time
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest

from lib import paths, pipeline, store
from lib.ingest import reader
from lib.store import cache

CITIES = [("深圳", "东莞"), ("杭州", "衢州"), ("成都", "重庆"), ("西安", "宝鸡"), ("郑州", "洛阳")]


def article_text(city: str, partner: str, n: int) -> str:
    """A short synthetic article (the dev corpus is copyrighted and stays outside the repository)."""
    return (
        f"{city}推进产业协同发展\n"
        f"{city}2023年地区生产总值达到{3000 + n}亿元，同比增长{n % 9 + 1}.5%。"
        f"{city}与{partner}共建产业园，引进项目{n + 2}个，总投资{n * 10 + 5}亿元。"
        f"{city}研发、{partner}生产的合作模式已带动新质生产力加快发展。\n"
    )


def write_inputs(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        city, partner = CITIES[i % len(CITIES)]
        (folder / f"{i:03d}.txt").write_text(article_text(city, partner, i), encoding="utf-8")
    return folder


@pytest.fixture
def cache_dir(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("RDD_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def calls(monkeypatch) -> list[str]:
    """Input files the per-document step ran on (in this process: few documents never start a pool)."""
    seen: list[str] = []
    step = pipeline.process_document

    def counting(doc):
        seen.append(Path(doc.input_file).name)
        return step(doc)

    monkeypatch.setattr(pipeline, "process_document", counting)
    return seen


def build(folder: Path, **options) -> pipeline.Result:
    return pipeline.build(reader.load_inputs([folder]).documents, jobs=1, **options)


def frames(result: pipeline.Result) -> dict[str, pd.DataFrame]:
    return {table: data.to_pandas() for table, data in result.tables.items()}


def assert_same_tables(a: pipeline.Result, b: pipeline.Result) -> None:
    fa, fb = frames(a), frames(b)
    assert fa.keys() == fb.keys()
    for table in fa:
        pd.testing.assert_frame_equal(fa[table], fb[table], obj=table)


def test_adding_one_file_processes_only_it(tmp_path, cache_dir, calls):
    raw = write_inputs(tmp_path / "raw", 3)
    first = build(raw)
    assert sorted(calls) == ["000.txt", "001.txt", "002.txt"] and first.processed == 3
    calls.clear()
    (raw / "003.txt").write_text(article_text("武汉", "鄂州", 3), encoding="utf-8")
    second = build(raw)
    assert calls == ["003.txt"] and second.processed == 1
    assert second.tables["articles"].num_rows == 4


def test_changing_one_file_processes_only_it(tmp_path, cache_dir, calls):
    raw = write_inputs(tmp_path / "raw", 3)
    build(raw)
    calls.clear()
    (raw / "001.txt").write_text(article_text("合肥", "芜湖", 41), encoding="utf-8")
    result = build(raw)
    assert calls == ["001.txt"]
    assert "合肥" in {r["region"] for r in result.rows("articles")}


def test_changed_metadata_reprocesses_the_file(tmp_path, cache_dir, calls):
    """The rows carry source and date: a sidecar edit must not reuse the rows of the old metadata."""
    raw = write_inputs(tmp_path / "raw", 2)
    build(raw)
    calls.clear()
    (raw / "000.meta.json").write_text(json.dumps({"published": "2023-06-01"}), encoding="utf-8")
    result = build(raw)
    assert calls == ["000.txt"]
    assert result.rows("articles")[0]["published"] == "2023-06-01"


def test_changed_extractor_version_invalidates_every_entry(tmp_path, cache_dir, calls, monkeypatch):
    raw = write_inputs(tmp_path / "raw", 3)
    build(raw)
    calls.clear()
    monkeypatch.setattr(pipeline, "extractor_version", lambda: "0000000000000000")
    build(raw)
    assert sorted(calls) == ["000.txt", "001.txt", "002.txt"]
    calls.clear()
    build(raw)
    assert calls == []  # the new version's entries are used from now on


def test_cached_and_uncached_runs_give_equal_tables(tmp_path, cache_dir, calls):
    raw = write_inputs(tmp_path / "raw", 4)
    for f in paths.RAW_DIR.glob("000_*"):  # the seed page: several articles on one page
        shutil.copy(f, raw / f.name)
    uncached = build(raw, cache=False)
    cold = build(raw)
    calls.clear()
    warm = build(raw)
    assert calls == [] and warm.processed == 0
    assert_same_tables(uncached, cold)
    assert_same_tables(uncached, warm)
    assert (uncached.problems, uncached.warnings) == (warm.problems, warm.warnings)
    assert any(r["scope"] == "region" for r in warm.rows("keywords"))  # the corpus step ran on cached rows


def test_no_cache_writes_nothing(tmp_path, cache_dir):
    build(write_inputs(tmp_path / "raw", 2), cache=False)
    assert not (cache_dir / "docs").exists()


@pytest.mark.parametrize(
    "damage",
    [
        b"not a pickle at all",
        b"",  # truncated to nothing
        pickle.dumps({"key": "x", "result": Path("/etc")}),  # a class inside: refused, never constructed
        pickle.dumps(["a list, not an entry"]),
    ],
    ids=["garbage", "empty", "foreign-class", "wrong-shape"],
)
def test_corrupt_entry_is_recomputed_with_a_warning(tmp_path, cache_dir, calls, damage):
    raw = write_inputs(tmp_path / "raw", 2)
    clean = build(raw)
    docs = reader.load_inputs([raw]).documents
    doc_cache = cache.DocumentCache(pipeline.extractor_version())
    entry = doc_cache.path(docs[1])
    entry.write_bytes(damage)
    doc_cache.pack_path.unlink()  # the pack copies the entries: without it the entry is read
    calls.clear()
    result = build(raw)
    assert calls == ["001.txt"]
    assert [w for w in result.warnings if str(entry) in w and "001.txt" in w and "recomputed" in w]
    assert_same_tables(clean, result)
    calls.clear()
    build(raw)  # the recomputed entry replaced the bad one
    assert calls == []


def test_unwritable_cache_warns_and_the_build_goes_on(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("RDD_CACHE_DIR", str(blocker))
    result = build(write_inputs(tmp_path / "raw", 2))
    assert result.tables["articles"].num_rows == 2
    assert any(w.startswith("cache: could not store") for w in result.warnings)


def test_documents_with_problems_are_not_cached(tmp_path, cache_dir, calls, monkeypatch):
    """A failed extraction may be passing (memory, a bug being fixed): the next run tries again."""
    raw = write_inputs(tmp_path / "raw", 2)
    monkeypatch.setitem(pipeline.EXTRACTORS, "events", lambda a: 1 / 0)
    first = build(raw)
    assert any("events extraction failed" in p for p in first.problems)
    calls.clear()
    build(raw)
    assert sorted(calls) == ["000.txt", "001.txt"]


def test_entries_of_old_versions_are_pruned_after_the_grace_period(tmp_path, cache_dir):
    docs = cache_dir / "docs"
    stale, recent = docs / "aaaaaaaaaaaaaaaa", docs / "bbbbbbbbbbbbbbbb"
    for folder in (stale, recent):
        (folder / "ab").mkdir(parents=True)
        (folder / "ab" / "entry.pickle").write_bytes(b"x")
        (folder / ".last_used").touch()
    old = time.time() - cache.PRUNE_AFTER_S - 60
    os.utime(stale / ".last_used", (old, old))
    build(write_inputs(tmp_path / "raw", 1))
    current = docs / pipeline.extractor_version()
    assert not stale.exists()
    assert recent.exists()  # maybe a concurrent build of other code: kept for now
    assert list(current.rglob("*.pickle"))


def test_cli_rerun_with_cache_writes_the_same_store(tmp_path, cache_dir):
    raw = write_inputs(tmp_path / "raw", 3)
    assert pipeline.main([str(raw), "--out", str(tmp_path / "a"), "--no-cache"]) == 0
    assert not (cache_dir / "docs").exists()
    assert pipeline.main([str(raw), "--out", str(tmp_path / "b")]) == 0
    assert pipeline.main([str(raw), "--out", str(tmp_path / "c")]) == 0
    for table in store.tables():
        a = store.read_table(table, tmp_path / "a")
        for other in ("b", "c"):
            pd.testing.assert_frame_equal(a, store.read_table(table, tmp_path / other), obj=table)


def test_a_rerun_decodes_only_new_or_changed_inputs(tmp_path, cache_dir, monkeypatch):
    """The read memo: unchanged files (name, bytes and sidecar) are not decoded and normalised again,
    and the store they give is the same."""
    raw = write_inputs(tmp_path / "raw", 3)
    first = pipeline.run([raw], tmp_path / "store")
    decoded: list[int] = []
    decode = reader.decode_bytes
    monkeypatch.setattr(reader, "decode_bytes", lambda data: decoded.append(len(data)) or decode(data))
    again = pipeline.run([raw], tmp_path / "store")
    assert decoded == [] and again.build.split("-")[0] == first.build.split("-")[0]
    assert_same_tables(first, again)

    (raw / "001.txt").write_text(article_text("合肥", "芜湖", 41), encoding="utf-8")
    (raw / "002.meta.json").write_text(json.dumps({"published": "2024-03-01"}), encoding="utf-8")
    changed = pipeline.run([raw], tmp_path / "store")
    assert len(decoded) == 2  # the changed text, and the text whose sidecar changed
    published = {r["input_file"].rsplit("/", 1)[-1]: r["published"] for r in changed.rows("articles")}
    assert published["002.txt"] == "2024-03-01"


def test_a_corrupt_read_memo_is_an_empty_one(tmp_path, cache_dir):
    raw = write_inputs(tmp_path / "raw", 2)
    first = pipeline.run([raw], tmp_path / "store")
    memo = cache.ReadMemo(store.extractor_version())
    assert len(memo) == 2
    memo.path.write_bytes(b"not a pickle")
    again = pipeline.run([raw], tmp_path / "store")
    assert_same_tables(first, again)
    assert len(cache.ReadMemo(store.extractor_version())) == 2  # rewritten whole


def test_entries_hold_arrow_batches_of_the_schema(tmp_path, cache_dir):
    """An entry keeps each table's rows as Arrow record batches, read back against the schema."""
    raw = write_inputs(tmp_path / "raw", 1)
    [doc] = reader.load_inputs([raw]).documents
    result = build(raw)
    hit, warning = cache.DocumentCache(pipeline.extractor_version()).get(doc)
    assert warning is None and set(hit["tables"]) == set(pipeline.DOCUMENT_TABLES)
    for name, data in hit["tables"].items():
        assert data.schema.equals(store.schemas.schema(name))
    assert hit["tables"]["facts"].to_pylist() == result.rows("facts")


def test_entries_of_another_schema_are_recomputed(tmp_path, cache_dir, calls, monkeypatch):
    """A schema change that the extractor version missed (the cache folder is the same) must not let
    rows of the old columns into the new tables: the entry's schema fingerprint no longer matches."""
    raw = write_inputs(tmp_path / "raw", 2)
    build(raw)
    calls.clear()
    columns = [(n, pa.int64() if n == "rank" else t, d) for n, t, d in store.schemas.COLUMNS["keywords"]]
    monkeypatch.setitem(store.schemas.COLUMNS, "keywords", columns)
    cache._schema.cache_clear()
    try:
        result = build(raw)
    finally:
        cache._schema.cache_clear()
    assert sorted(calls) == ["000.txt", "001.txt"]
    assert [w for w in result.warnings if "another schema" in w and "recomputed" in w]
    assert result.tables["keywords"].schema.field("rank").type == pa.int64()


def test_a_warm_run_reads_the_pack_not_the_entries(tmp_path, cache_dir, calls):
    """One pack file holds a run's results: a rebuild with nothing new opens no entry."""
    raw = write_inputs(tmp_path / "raw", 3)
    for f in paths.RAW_DIR.glob("000_*"):  # several articles on one page
        shutil.copy(f, raw / f.name)
    cold = build(raw)
    doc_cache = cache.DocumentCache(pipeline.extractor_version())
    assert doc_cache.pack_path.is_file()
    for entry in doc_cache.dir.glob("*/*.pickle"):
        entry.unlink()
    calls.clear()
    warm = build(raw)
    assert calls == [] and warm.processed == 0
    assert_same_tables(cold, warm)
    assert (cold.problems, cold.warnings) == (warm.problems, warm.warnings)


def test_new_documents_between_packed_ones_give_the_tables_of_a_fresh_build(tmp_path, cache_dir, calls):
    """Adding an article reads the others from the pack (in slices around the new one) and does not
    rewrite the pack; the tables are those of an uncached build."""
    raw = write_inputs(tmp_path / "raw", 6)
    build(raw)
    pack = cache.DocumentCache(pipeline.extractor_version()).pack_path
    written = pack.stat().st_mtime_ns
    (raw / "002a.txt").write_text(article_text("武汉", "鄂州", 7), encoding="utf-8")  # sorts in the middle
    (raw / "004.txt").unlink()
    calls.clear()
    incremental = build(raw)
    assert calls == ["002a.txt"] and pack.stat().st_mtime_ns == written
    assert_same_tables(build(raw, cache=False), incremental)


def test_the_pack_is_rewritten_when_it_lacks_many_documents(tmp_path, cache_dir, monkeypatch):
    monkeypatch.setattr(pipeline, "REPACK_MIN", 1)
    raw = write_inputs(tmp_path / "raw", 3)
    build(raw)
    doc_cache = cache.DocumentCache(pipeline.extractor_version())
    for i in range(3, 6):
        (raw / f"{i:03d}.txt").write_text(article_text("武汉", "鄂州", i), encoding="utf-8")
    (raw / "000.txt").unlink()
    result = build(raw)
    pack = doc_cache.load_pack()
    assert pack.keys == [cache.document_key(d) for d in reader.load_inputs([raw]).documents]
    assert pack.tables["articles"].num_rows == result.tables["articles"].num_rows == 5


def test_documents_with_problems_stay_out_of_the_pack(tmp_path, cache_dir, calls, monkeypatch):
    raw = write_inputs(tmp_path / "raw", 2)
    monkeypatch.setitem(pipeline.EXTRACTORS, "events", lambda a: 1 / 0 if "000" in a.input_file else [])
    build(raw)
    pack = cache.DocumentCache(pipeline.extractor_version()).load_pack()
    [doc0, doc1] = reader.load_inputs([raw]).documents
    assert pack.keys == [cache.document_key(doc1)]


def test_a_damaged_pack_falls_back_to_the_entries(tmp_path, cache_dir, calls):
    raw = write_inputs(tmp_path / "raw", 3)
    cold = build(raw)
    pack = cache.DocumentCache(pipeline.extractor_version()).pack_path
    pack.write_bytes(pack.read_bytes()[:100])
    calls.clear()
    warm = build(raw)
    assert calls == [] and warm.processed == 0
    assert_same_tables(cold, warm)
    assert len(pack.read_bytes()) > 100  # rewritten whole


def test_a_rerun_does_not_read_unchanged_inputs_again(tmp_path, cache_dir, monkeypatch):
    """The manifest's digests name each unchanged file's read memo entry: a rerun hashes the inputs
    once (for the build id) and the reader opens only the changed ones."""
    raw = write_inputs(tmp_path / "raw", 3)
    (raw / "001.meta.json").write_text(json.dumps({"published": "2023-05-01"}), encoding="utf-8")
    first = pipeline.run([raw], tmp_path / "store")
    opened: list[str] = []
    read = reader._read_bytes
    monkeypatch.setattr(reader, "_read_bytes", lambda path, limit: opened.append(path.name) or read(path, limit))
    again = pipeline.run([raw], tmp_path / "store")
    assert opened == []
    assert_same_tables(first, again)
    (raw / "001.meta.json").write_text(json.dumps({"published": "2024-02-01"}), encoding="utf-8")
    (raw / "002.txt").write_text(article_text("合肥", "芜湖", 41), encoding="utf-8")
    changed = pipeline.run([raw], tmp_path / "store")
    assert sorted(opened) == ["001.txt", "002.txt"]  # a changed sidecar rereads its text too
    published = {r["input_file"].rsplit("/", 1)[-1]: r["published"] for r in changed.rows("articles")}
    assert published["001.txt"] == "2024-02-01"
    assert "合肥" in {r["region"] for r in changed.rows("articles")}


def test_every_vocabulary_the_extractors_read_is_in_the_extractor_version():
    # data/vocab (stock continuations, age bands …) was left out until 2026-12-03: editing it kept stale cached rows.
    import re

    from lib import paths
    from lib.store import version

    hashed = {p.resolve() for p in version._DATA}
    code = "".join(p.read_text(encoding="utf-8") for d in ("lib/extract", "lib/ingest") for p in (paths.ROOT / d).rglob("*.py"))
    read = {(paths.DATA_DIR / m).resolve() for m in re.findall(r'DATA_DIR / "([a-z_]+)"', code)}
    assert read and read <= hashed, read - hashed
