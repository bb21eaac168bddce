"""The Parquet store: schemas, atomic writes, version checks."""

from __future__ import annotations

import pyarrow.parquet as pq
import pytest

from lib import store
from lib.store import schema


def _row(**over):
    row = {name: None for name, _, _ in schema.COLUMNS["articles"]}
    row.update(article_id="a1", title="标题", region="天津", reporters=["陈曦"], captions=[], subheads=[])
    row.update(over)
    return row


def test_written_table_has_documented_schema_and_version(tmp_path):
    path = store.write_table("articles", [_row()], tmp_path)
    data = pq.read_table(path)
    assert data.schema.metadata[b"schema_version"] == schema.SCHEMA_VERSION.encode()
    assert data.schema.names == [c for c, _, _ in schema.COLUMNS["articles"]]
    assert store.read_table("articles", tmp_path)["region"].tolist() == ["天津"]


def test_failed_write_keeps_the_previous_table(tmp_path, monkeypatch):
    store.write_table("articles", [_row(title="旧")], tmp_path)

    def boom(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store.builds.pq, "write_table", boom)
    with pytest.raises(store.BuildFailed, match="no space left on device while writing articles.parquet"):
        store.write_table("articles", [_row(title="新")], tmp_path)
    assert store.read_table("articles", tmp_path)["title"].tolist() == ["旧"]
    assert [p.name for p in (tmp_path / "builds").iterdir() if p.name.startswith(".")] == []


def test_write_table_keeps_the_other_tables_of_the_current_build(tmp_path):
    store.write_table("articles", [_row(title="旧")], tmp_path)
    store.write_table("facts", [], tmp_path)
    assert store.read_table("articles", tmp_path)["title"].tolist() == ["旧"]


def test_rows_missing_a_column_are_refused(tmp_path):
    row = _row()
    del row["region"]
    with pytest.raises(ValueError, match="region"):
        store.write_table("articles", [row], tmp_path)


def test_missing_table_reads_as_empty_frame_with_columns(tmp_path):
    df = store.read_table("articles", tmp_path)
    assert df.empty and "region" in df.columns


def test_table_from_another_schema_version_is_refused_with_advice(tmp_path, monkeypatch):
    store.write_table("articles", [_row()], tmp_path)
    monkeypatch.setattr(store, "SCHEMA_VERSION", "999")
    with pytest.raises(ValueError, match="make data"):
        store.read_table("articles", tmp_path)


def test_old_flat_layout_reads_as_no_build(tmp_path):
    folder = store.write_table("articles", [_row()], tmp_path).parent
    flat = tmp_path / "flat"
    flat.mkdir()
    (folder / "articles.parquet").rename(flat / "articles.parquet")
    assert store.current_build(flat) is None
    assert store.read_table("articles", flat).empty
