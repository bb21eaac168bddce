"""The Parquet store: the one place that writes tables and reads them back.

Writes are atomic (temporary file in the same folder, then ``os.replace``), so a reader never
sees a half-written table and an interrupted run leaves the previous table intact. Writers
take an exclusive lock on the store folder so two runs (two dashboard sessions adding
articles) are serialised instead of interleaving their tables.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from lib import paths
from lib.store import schema as schemas
from lib.store.schema import COLUMNS, SCHEMA_VERSION


def _dir(processed_dir: Path | str | None) -> Path:
    return Path(processed_dir) if processed_dir is not None else paths.PROCESSED_DIR


@contextlib.contextmanager
def write_lock(processed_dir: Path | str | None = None) -> Iterator[None]:
    """Exclusive, blocking lock for everything that rebuilds the store."""
    d = _dir(processed_dir)
    d.mkdir(parents=True, exist_ok=True)
    with open(d / ".lock", "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def to_arrow(table: str, rows: list[dict]) -> pa.Table:
    """Rows -> a table with exactly the documented schema (a missing column is an error)."""
    sch = schemas.schema(table)
    missing = {f.name for f in sch} - set(rows[0]) if rows else set()
    if missing:
        raise ValueError(f"table {table!r}: rows lack columns {sorted(missing)}")
    return pa.Table.from_pylist(rows, schema=sch)


def write_table(
    table: str, rows: list[dict], processed_dir: Path | str | None = None, build_id: str = ""
) -> Path:
    """Write one table atomically; returns its path. ``build_id`` marks the tables of one run."""
    d = _dir(processed_dir)
    d.mkdir(parents=True, exist_ok=True)
    target = d / f"{table}.parquet"
    data = to_arrow(table, rows)
    data = data.replace_schema_metadata({**data.schema.metadata, b"build_id": build_id.encode()})
    fd, tmp = tempfile.mkstemp(prefix=f".{table}.", suffix=".tmp", dir=d)
    os.close(fd)
    try:
        pq.write_table(data, tmp)
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return target


def read_table(table: str, processed_dir: Path | str | None = None) -> pd.DataFrame:
    """A table as a DataFrame; an empty frame with the documented columns when it is missing."""
    return _read(table, processed_dir)[0]


def read_tables(
    names: list[str] | None = None, processed_dir: Path | str | None = None, attempts: int = 50
) -> dict[str, pd.DataFrame]:
    """Several tables from the same pipeline run.

    Tables are replaced one after another, so a reader racing a rebuild could pair new articles
    with old facts; every table carries its run's build_id, and a mixed read is simply retried.
    """
    names = names or tables()
    for _ in range(attempts):
        read = {name: _read(name, processed_dir) for name in names}
        if len({build for _, build in read.values() if build is not None}) <= 1:
            break
        time.sleep(0.05)
    return {name: df for name, (df, _) in read.items()}


def _read(table: str, processed_dir: Path | str | None) -> tuple[pd.DataFrame, str | None]:
    path = _dir(processed_dir) / f"{table}.parquet"
    if not path.exists():
        return schemas.schema(table).empty_table().to_pandas(), None
    # One open file handle: a concurrent os.replace swaps the name, never the bytes we are reading.
    with open(path, "rb") as fh:
        data = pq.read_table(fh)
    version = (data.schema.metadata or {}).get(b"schema_version", b"").decode()
    if version != SCHEMA_VERSION:
        raise ValueError(
            f"{path}: schema version {version or 'missing'} but this code expects {SCHEMA_VERSION}; "
            "rebuild the store with `make data`"
        )
    build = (data.schema.metadata or {}).get(b"build_id", b"").decode()
    return data.to_pandas(), build


def tables() -> list[str]:
    return list(COLUMNS)
