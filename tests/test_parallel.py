"""The per-document step in a process pool and on a Dask cluster gives the tables of one process."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from test_cache import article_text, assert_same_tables

from lib import paths, pipeline, store
from lib.ingest import reader
from lib.model import Document

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The seed page, the dev articles when ../shared is there, and synthetic articles, in one folder."""
    folder = tmp_path_factory.mktemp("corpus")
    for f in paths.RAW_DIR.glob("000_*"):
        shutil.copy(f, folder / f.name)
    if paths.DEV_CORPUS_DIR.is_dir():  # read in place from ../shared; only copied to a tmp folder
        for f in sorted(paths.DEV_CORPUS_DIR.iterdir())[:8]:
            shutil.copy(f, folder / f.name)
    for i, (city, partner) in enumerate([("深圳", "东莞"), ("杭州", "衢州"), ("成都", "重庆")]):
        (folder / f"zz_{i}.txt").write_text(article_text(city, partner, i), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def documents(corpus) -> list[Document]:
    return reader.load_inputs([corpus]).documents


@pytest.fixture(scope="module")
def one_process(documents) -> pipeline.Result:
    return pipeline.build(documents, jobs=1, cache=False)


def test_worker_count_uses_one_process_below_the_threshold():
    assert pipeline.worker_count(4, pipeline.POOL_MIN_DOCUMENTS - 1) == 1
    assert pipeline.worker_count(4, pipeline.POOL_MIN_DOCUMENTS) == 4
    assert pipeline.worker_count(1, 10_000) == 1
    assert pipeline.worker_count(None, 10_000) == (os.cpu_count() or 1)  # default: every core


def test_process_pool_gives_the_tables_of_one_process(documents, one_process, monkeypatch):
    monkeypatch.setattr(pipeline, "POOL_MIN_DOCUMENTS", 1)  # force the pool on a small corpus
    pooled = pipeline.build(documents, jobs=2, cache=False)
    assert_same_tables(one_process, pooled)
    assert (pooled.problems, pooled.warnings) == (one_process.problems, one_process.warnings)
    # input order, not completion order
    assert pooled.tables["articles"]["input_file"] == one_process.tables["articles"]["input_file"]


def test_pool_takes_the_largest_documents_first(documents):
    order = pipeline.largest_first(documents)
    assert sorted(order) == list(range(len(documents)))
    sizes = [len(documents[i].text) for i in order]
    assert sizes == sorted(sizes, reverse=True)
    assert order != list(range(len(documents)))  # the corpus is not already in that order: the test means something


def test_process_pool_fills_the_cache_for_the_next_run(documents, one_process, tmp_path, monkeypatch):
    monkeypatch.setenv("RDD_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(pipeline, "POOL_MIN_DOCUMENTS", 1)
    assert pipeline.build(documents, jobs=2).processed == len(documents)
    again = pipeline.build(documents, jobs=2)
    assert again.processed == 0
    assert_same_tables(one_process, again)


def test_process_document_result_is_plain_and_picklable(documents):
    import pickle

    out = pipeline.process_document(documents[0])
    assert set(out) == {"tables", "keyword_inputs", "problems", "warnings"}
    assert pickle.loads(pickle.dumps(out)) == out
    assert out["tables"]["articles"] and out["keyword_inputs"]


def test_importing_the_pipeline_does_not_import_dask():
    code = "import sys, lib.pipeline; print(sorted(m for m in ('dask', 'distributed') if m in sys.modules))"
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"


@pytest.fixture(scope="module")
def dask_scheduler():
    pytest.importorskip("distributed", reason="dask[distributed] not installed: pip install -r requirements-dask.txt")
    from distributed import LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        yield cluster.scheduler_address


def test_dask_cluster_gives_the_tables_of_one_process(documents, one_process, dask_scheduler):
    on_dask = pipeline.build(documents, scheduler=dask_scheduler, cache=False)
    assert_same_tables(one_process, on_dask)
    assert (on_dask.problems, on_dask.warnings) == (one_process.problems, one_process.warnings)


def test_cli_scheduler_writes_the_same_store(corpus, dask_scheduler, tmp_path, monkeypatch):
    monkeypatch.setenv("RDD_CACHE_DIR", str(tmp_path / "cache"))
    args = [str(corpus), "--no-cache", "--out"]
    assert pipeline.main([*args, str(tmp_path / "local"), "--jobs", "1"]) == 0
    assert pipeline.main([*args, str(tmp_path / "dask"), "--scheduler", dask_scheduler]) == 0
    for table in store.tables():
        pd.testing.assert_frame_equal(
            store.read_table(table, tmp_path / "local"), store.read_table(table, tmp_path / "dask"), obj=table
        )


def test_cli_rejects_zero_jobs(capsys):
    with pytest.raises(SystemExit) as exit_info:
        pipeline.main(["--jobs", "0"])
    assert exit_info.value.code == 2
    assert "--jobs: must be 1 or more" in capsys.readouterr().err


def test_unreachable_scheduler_is_a_clear_error(documents, monkeypatch):
    pytest.importorskip("distributed", reason="dask[distributed] not installed: pip install -r requirements-dask.txt")
    monkeypatch.setattr(pipeline, "SCHEDULER_TIMEOUT_S", 1)
    with pytest.raises(pipeline.SchedulerError, match=r"tcp://127\.0\.0\.1:9: no Dask scheduler answers"):
        pipeline.build(documents[:1], scheduler="tcp://127.0.0.1:9", cache=False)
