"""Versioned builds: a failed or killed run never costs the current build; readers see one build."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from lib import paths, pipeline, store
from lib.store import builds
from lib.store import inputs as store_inputs
from lib.store.schema import COLUMNS

ROOT = Path(__file__).resolve().parent.parent
# Tiny articles (no copyrighted text): each one gives an article, a fact and a region.
TEXTS = {
    "天津.txt": "天津市今年新增科技型企业300家，技术合同成交额增长15%。",
    "郑州.txt": "郑州市2023年新建5G基站1.2万个，数字经济规模超过4000亿元。",
}


@pytest.fixture
def raw(tmp_path: Path) -> Path:
    folder = tmp_path / "raw"
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def built(raw: Path, tmp_path: Path) -> Path:
    out = tmp_path / "store"
    assert pipeline.main([str(raw), "--out", str(out)]) == 0
    return out


def build_ids_of_tables(out: Path) -> set[str]:
    folder = store.current_dir(out)
    return {pq.read_schema(folder / f"{t}.parquet").metadata[b"build_id"].decode() for t in store.tables()}


def assert_whole_current(out: Path, expected_name: str) -> None:
    assert store.current_build(out) == expected_name
    manifest = store.current_manifest(out)
    assert build_ids_of_tables(out) == {manifest["build_id"]}
    for t in store.tables():
        assert len(store.read_table(t, out)) == manifest["tables"][t]["rows"]


def temp_folders(out: Path) -> list[str]:
    return [p.name for p in (out / "builds").iterdir() if p.name.startswith(builds.TMP_PREFIX)]


@pytest.mark.parametrize("failure", ["enospc", "interrupt"])
@pytest.mark.parametrize("stage", [*COLUMNS, "manifest"])
def test_a_failure_while_writing_any_file_keeps_the_previous_build(
    built: Path, raw: Path, stage: str, failure: str, monkeypatch, capsys
):
    before = store.current_build(built)
    (raw / "新.txt").write_text("上饶市新增企业20家。", encoding="utf-8")
    error = KeyboardInterrupt() if failure == "interrupt" else OSError(errno.ENOSPC, "No space left on device")
    file = f"{stage}.parquet" if stage != "manifest" else "manifest.json"
    real_parquet, real_file = builds.pq.write_table, builds._write_file

    def parquet(data, path, *a, **k):
        if Path(path).name == file:
            raise error
        return real_parquet(data, path, *a, **k)

    def plain(path, data):
        if Path(path).name == file:
            raise error
        return real_file(path, data)

    monkeypatch.setattr(builds.pq, "write_table", parquet)
    monkeypatch.setattr(builds, "_write_file", plain)
    capsys.readouterr()
    code = pipeline.main([str(raw), "--out", str(built)])
    err = capsys.readouterr().err
    assert code == (130 if failure == "interrupt" else 1)
    what = "interrupted" if failure == "interrupt" else "no space left on device"
    assert f"{what} while writing {file} into {built}/builds/" in err
    assert f"the previous build ({before}) stays current" in err
    assert_whole_current(built, before)
    assert temp_folders(built) == []


def test_a_run_killed_mid_write_leaves_the_previous_build_and_the_next_run_cleans_up(built: Path, raw: Path):
    before = store.current_build(built)
    (raw / "新.txt").write_text("上饶市新增企业20家。", encoding="utf-8")
    # A child whose Parquet writer is slow, so it is surely killed between two table files.
    script = textwrap.dedent(
        f"""
        import sys, time
        from lib import pipeline
        from lib.store import builds
        real = builds.pq.write_table
        def slow(*a, **k):
            real(*a, **k)
            time.sleep(30)
        builds.pq.write_table = slow
        sys.exit(pipeline.main([{str(raw)!r}, "--out", {str(built)!r}]))
        """
    )
    child = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stdin=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while not any((built / "builds" / t).glob("*.parquet") for t in temp_folders(built)):
            assert child.poll() is None and time.monotonic() < deadline, "the child never started writing"
            time.sleep(0.05)
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(30)
    assert child.returncode == -signal.SIGKILL
    assert len(temp_folders(built)) == 1
    assert_whole_current(built, before)

    assert pipeline.main([str(raw), "--out", str(built)]) == 0
    assert temp_folders(built) == []
    assert store.current_build(built) != before
    assert_whole_current(built, store.current_build(built))
    assert len(store.read_table("articles", built)) == 3


@pytest.mark.parametrize("case", ["mistyped", "empty folder", "only bad files"])
def test_nothing_to_build_leaves_the_store_as_it_is_and_exits_2(built: Path, tmp_path: Path, case: str, capsys):
    before = store.current_build(built)
    target = tmp_path / ("raww" if case == "mistyped" else "inputs")
    if case != "mistyped":
        target.mkdir()
    if case == "only bad files":
        (target / "empty.txt").write_bytes(b"")
        (target / "blob.txt").write_bytes(bytes(range(256)) * 8)
    capsys.readouterr()
    assert pipeline.main([str(target), "--out", str(built)]) == 2
    err = capsys.readouterr().err
    assert str(target) in err or "empty.txt" in err
    assert {"mistyped": "no such file or folder", "empty folder": "no input files", "only bad files": "blob.txt"}[
        case
    ] in err
    assert f"the current build ({before}) stays as it is" in err
    assert_whole_current(built, before)


def test_allow_empty_writes_an_empty_build(built: Path, tmp_path: Path):
    empty = tmp_path / "nothing"
    empty.mkdir()
    assert pipeline.main([str(empty), "--out", str(built), "--allow-empty"]) == 0
    assert all(store.read_table(t, built).empty for t in store.tables())
    assert store.current_manifest(built)["inputs"] == []


def test_readers_never_see_two_builds(tmp_path: Path):
    """A reader in a loop while builds switch as fast as they can: every read is one build."""

    def tables_of(build: str) -> dict:
        article = {name: None for name, _, _ in COLUMNS["articles"]}
        article.update(article_id=build, title=build, reporters=[], captions=[], subheads=[])
        keyword = {name: None for name, _, _ in COLUMNS["keywords"]} | {"scope_id": build}
        return {"articles": [article], "keywords": [keyword]}

    def write(i: int) -> None:
        with store.write_lock(tmp_path):
            store.write_build(tables_of(f"b{i}"), tmp_path, manifest={"build_id": f"b{i}"})

    write(0)
    stop, errors, seen = threading.Event(), [], set()

    def writer():
        try:
            i = 1
            while not stop.is_set():
                write(i)
                i += 1
        except BaseException as exc:
            errors.append(exc)

    t = threading.Thread(target=writer)
    t.start()
    try:
        end = time.monotonic() + 2
        while time.monotonic() < end:
            read = store.read_tables(["articles", "keywords"], tmp_path)
            a, k = read["articles"]["title"].tolist(), read["keywords"]["scope_id"].tolist()
            assert a == k, (a, k)
            seen.add(a[0])
    finally:
        stop.set()
        t.join(30)
    assert not errors, errors
    assert len(seen) > 3  # the reader really raced several switches
    assert len(builds.whole_builds(tmp_path)) == builds.KEEP


def test_old_builds_are_pruned_to_the_last_three(built: Path, raw: Path):
    names = [store.current_build(built)]
    for i in range(4):
        (raw / f"{i}.txt").write_text(f"天津市新增企业{i + 1}0家。", encoding="utf-8")
        assert pipeline.main([str(raw), "--out", str(built)]) == 0
        names.append(store.current_build(built))
    assert [p.name for p in builds.whole_builds(built)] == names[-3:]


def test_cache_folder_in_the_store_survives_pruning(built: Path, raw: Path):
    (built / "cache").mkdir()
    (built / "cache" / "entry").write_text("kept")
    for i in range(4):
        (raw / f"{i}.txt").write_text(f"天津市新增企业{i + 1}0家。", encoding="utf-8")
        pipeline.main([str(raw), "--out", str(built)])
    assert (built / "cache" / "entry").read_text() == "kept"


def test_build_id_is_a_function_of_inputs_and_extractor_version(built: Path, raw: Path, tmp_path, monkeypatch):
    first = store.current_manifest(built)["build_id"]
    again = tmp_path / "again"
    pipeline.main([str(raw), "--out", str(again)])
    assert store.current_manifest(again)["build_id"] == first
    monkeypatch.setattr(store, "extractor_version", lambda: "another-version")
    pipeline.main([str(raw), "--out", str(again)])
    assert store.current_manifest(again)["build_id"] != first


def test_if_stale_does_nothing_until_inputs_or_code_change(built: Path, raw: Path, monkeypatch, capsys):
    before = store.current_build(built)
    assert pipeline.main([str(raw), "--out", str(built), "--if-stale"]) == 0
    assert store.current_build(built) == before
    f = raw / "天津.txt"
    os.utime(f, ns=(f.stat().st_mtime_ns + 10**9,) * 2)  # touched, same bytes: still the same build
    assert pipeline.main([str(raw), "--out", str(built), "--if-stale"]) == 0
    assert store.current_build(built) == before
    assert "up to date" in capsys.readouterr().out

    (raw / "a file: with spaces.txt").write_text("上饶市新增企业20家。", encoding="utf-8")
    assert pipeline.main([str(raw), "--out", str(built), "--if-stale"]) == 0
    changed = store.current_build(built)
    assert changed != before

    monkeypatch.setattr(store_inputs, "extractor_version", lambda: "new-code")
    monkeypatch.setattr(store, "extractor_version", lambda: "new-code")
    assert pipeline.main([str(raw), "--out", str(built), "--if-stale"]) == 0
    assert store.current_build(built) != changed


def test_the_freshness_check_says_when_a_rebuild_is_needed_without_loading_the_extractors(built: Path, raw: Path):
    """`make data` asks lib.store.fresh first: 0 while the build is current, 1 (with the reason) once an input
    changes; it must stay cheap, so it imports no extractor."""

    def fresh() -> subprocess.CompletedProcess:
        code = (
            "import sys; from lib.store import fresh; rc = fresh.main(sys.argv[1:]); "
            "print('extractors loaded' if any(m.startswith('lib.extract') for m in sys.modules) else ''); sys.exit(rc)"
        )
        return subprocess.run(
            [sys.executable, "-c", code, str(raw), "--out", str(built)], capture_output=True, text=True, cwd=paths.ROOT
        )

    up = fresh()
    assert up.returncode == 0 and "up to date" in up.stdout and "extractors loaded" not in up.stdout
    (raw / "新.txt").write_text("上饶市新增企业20家。", encoding="utf-8")
    stale = fresh()
    assert stale.returncode == 1 and "inputs changed (1 added" in stale.stdout


def test_if_stale_rebuilds_an_old_flat_store(raw: Path, tmp_path: Path):
    flat = tmp_path / "flat"
    flat.mkdir()
    (flat / "articles.parquet").write_bytes(b"old layout")
    assert pipeline.main([str(raw), "--out", str(flat), "--if-stale"]) == 0
    assert len(store.read_table("articles", flat)) == 2
    assert not (flat / "articles.parquet").exists()


def test_lock_timeout_names_the_lock_and_the_other_build(built: Path, raw: Path, capsys):
    before = store.current_build(built)
    with store.write_lock(built):
        code = pipeline.main([str(raw), "--out", str(built), "--lock-timeout", "0.3"])
    err = capsys.readouterr().err
    assert code == 3
    assert str(built / ".lock") in err and "another build is running" in err
    assert store.current_build(built) == before


def test_without_symlinks_a_pointer_file_names_the_current_build(raw: Path, tmp_path: Path, monkeypatch):
    def no_symlinks(*args, **kwargs):
        raise OSError(errno.EPERM, "symlinks not permitted")

    monkeypatch.setattr(builds.os, "symlink", no_symlinks)
    out = tmp_path / "store"
    assert pipeline.main([str(raw), "--out", str(out)]) == 0
    assert not (out / "current").exists()
    assert (out / "CURRENT").read_text() == store.current_build(out)
    assert len(store.read_table("articles", out)) == 2


def test_the_dashboard_reads_the_build_pinned_for_its_run(built: Path, raw: Path, monkeypatch):
    from lib.dashboard import views

    monkeypatch.setattr(paths, "PROCESSED_DIR", built)
    pinned = views.pin_build()
    assert pinned == store.current_build(built)
    (raw / "新.txt").write_text("上饶市新增企业20家。", encoding="utf-8")
    assert pipeline.main([str(raw), "--out", str(built)]) == 0
    # Same script run: both tables still from the pinned build, not a mix.
    assert len(views.load_articles()) == 2
    assert views.load_facts()["article_id"].isin(views.load_articles()["article_id"]).all()
    assert views.pin_build() != pinned  # the next run sees the new build
    assert len(views.load_articles()) == 3


def test_a_dashboard_rebuild_with_nothing_to_build_reports_it_and_keeps_the_store(built: Path, tmp_path: Path):
    from lib.dashboard import sources

    before = store.current_build(built)
    empty = tmp_path / "no-raw"
    empty.mkdir()
    result = sources.rebuild(empty, built)
    assert len(result.problems) == 1 and "no input files" in result.problems[0]
    assert_whole_current(built, before)


def test_partitioned_facts_read_back_as_one_table(tmp_path):
    """--partitioned: facts also as province=…/year=… folders that a query engine reads directly."""
    from urllib.parse import unquote

    import pyarrow.dataset as ds

    out = tmp_path / "store"
    assert pipeline.main([str(paths.RAW_DIR), "--out", str(out), "--partitioned"]) == 0
    folder = out / "current" / "facts_partitioned"
    # Folder names are URI-encoded (province=%E5%A4%A9%E6%B4%A5); readers decode them.
    parts = {tuple(map(unquote, p.relative_to(folder).parts[:2])) for p in folder.rglob("*.parquet")}
    assert ("province=天津", "year=2024") in parts and ("province=河南", "year=2023") in parts
    back = ds.dataset(folder, format="parquet", partitioning="hive").to_table()
    flat = pq.read_table(out / "current" / "facts.parquet")
    assert back.num_rows == flat.num_rows
    assert sorted(back.column("fact_id").to_pylist()) == sorted(flat.column("fact_id").to_pylist())
    tianjin = back.filter(ds.field("province") == "天津").column("region").to_pylist()
    assert tianjin and set(tianjin) <= {"天津", "京津冀", "全国", "北京"}
