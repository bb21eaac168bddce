"""The Parquet store: the one place that writes tables and reads them back.

A store folder holds versioned builds (``lib/store/builds.py``): each run writes a whole new
build folder and then switches ``DIR/current`` to it in one atomic step, so a reader never sees a
half-written build and a failed run leaves the previous build current. Readers resolve ``current``
once per call, so the tables of one call always come from one build. Writers take the store's
lock (``lib/store/lock.py``) so two runs are serialised instead of interleaving.

A folder in the old flat layout (``DIR/<table>.parquet``, no ``current``) reads as "no build":
empty tables, until the next run writes a build.
"""

from __future__ import annotations

import contextlib
import hashlib
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow as pa
import pyarrow.parquet as pq

from lib import paths
from lib.store import builds
from lib.store import schema as schemas
from lib.store.builds import BuildFailed, BuildInterrupted
from lib.store.lock import DEFAULT_TIMEOUT_S, LockTimeout
from lib.store.lock import write_lock as _write_lock
from lib.store.schema import COLUMNS, SCHEMA_VERSION
from lib.store.version import extractor_version

if TYPE_CHECKING:  # pandas only in signatures: a build process never loads it (0.4 s per worker)
    import pandas as pd

__all__ = [
    "BuildFailed",
    "BuildInterrupted",
    "LockTimeout",
    "DEFAULT_TIMEOUT_S",
    "current_build",
    "current_dir",
    "current_manifest",
    "extractor_version",
    "read_table",
    "read_tables",
    "tables",
    "to_arrow",
    "write_build",
    "write_lock",
    "write_table",
]


def _dir(processed_dir: Path | str | None) -> Path:
    return Path(processed_dir) if processed_dir is not None else Path(paths.PROCESSED_DIR)


@contextlib.contextmanager
def write_lock(processed_dir: Path | str | None = None, timeout: float = DEFAULT_TIMEOUT_S) -> Iterator[Path]:
    """Exclusive lock for everything that writes a build; raises LockTimeout after ``timeout`` s."""
    with _write_lock(_dir(processed_dir), timeout) as path:
        yield path


def current_build(processed_dir: Path | str | None = None) -> str | None:
    """The current build's folder name (one readlink): changes with every build, so a cache key."""
    return builds.current_name(_dir(processed_dir))


def current_dir(processed_dir: Path | str | None = None) -> Path | None:
    return builds.current_dir(_dir(processed_dir))


def current_manifest(processed_dir: Path | str | None = None) -> dict | None:
    return builds.current_manifest(_dir(processed_dir))


def to_arrow(table: str, rows: list[dict], build_id: str = "") -> pa.Table:
    """Rows -> a table with exactly the documented schema (a missing column is an error)."""
    sch = schemas.schema(table)
    missing = {f.name for f in sch} - set(rows[0]) if rows else set()
    if missing:
        raise ValueError(f"table {table!r}: rows lack columns {sorted(missing)}")
    data = pa.Table.from_pylist(rows, schema=sch)
    return _with_build_id(data, build_id)


def _with_build_id(data: pa.Table, build_id: str) -> pa.Table:
    return data.replace_schema_metadata({**(data.schema.metadata or {}), b"build_id": build_id.encode()})


def write_build(
    tables_rows: dict[str, list[dict] | pa.Table],
    processed_dir: Path | str | None = None,
    *,
    manifest: dict,
    started: float | None = None,
    partitioned: bool = False,
) -> Path:
    """Write every table as one new build and make it current (caller holds ``write_lock``).
    ``partitioned`` also writes the facts as hive-partitioned Parquet (builds.write_partitioned_facts).

    Tables not given are written empty, so a build always has every table of the schema.
    ``manifest["build_id"]`` marks every table's metadata too.
    """
    d = _dir(processed_dir)
    build_id = manifest["build_id"]
    data = {}
    for name in tables():
        given = tables_rows.get(name, [])
        data[name] = (
            _with_build_id(given, build_id)
            if isinstance(given, pa.Table)
            else to_arrow(name, list(given), build_id)
        )
    manifest = {"schema_version": SCHEMA_VERSION, **manifest}
    folder = builds.write_build(d, data, manifest, started=started, partitioned=partitioned)
    _remove_flat_tables(d)
    return folder


def _remove_flat_tables(d: Path) -> None:
    """Tables of the old flat layout would only mislead someone looking into the folder."""
    for name in tables():
        (d / f"{name}.parquet").unlink(missing_ok=True)


def write_table(
    table: str, rows: list[dict], processed_dir: Path | str | None = None, build_id: str = ""
) -> Path:
    """Replace one table: a new build with ``rows`` as ``table`` and the current build's other tables.

    For small hand-made stores (tests, benchmarks); the pipeline writes all tables at once with
    ``write_build``. Returns the path of the written table.
    """
    d = _dir(processed_dir)
    with write_lock(d):
        started = time.time()
        current = _open_current(d, tables())
        others = {name: data for name, data in current.items() if name != table and data is not None}
        if not build_id:
            seed = f"{builds.current_name(d)}:{table}:{time.time_ns()}"
            build_id = hashlib.sha1(seed.encode()).hexdigest()[:16]
        manifest = {"build_id": build_id, "written_by": f"store.write_table({table!r})", "inputs": []}
        folder = write_build({**others, table: rows}, d, manifest=manifest, started=started)
    return folder / f"{table}.parquet"


def read_table(table: str, processed_dir: Path | str | None = None) -> pd.DataFrame:
    """A table of the current build as a DataFrame; empty with the documented columns when missing."""
    return read_tables([table], processed_dir)[table]


def read_tables(
    names: list[str] | None = None, processed_dir: Path | str | None = None, build: str | None = None
) -> dict[str, pd.DataFrame]:
    """Several tables, all from one build: ``build`` (a folder name) if it still exists, else the current one."""
    names = names or tables()
    read = _open_current(_dir(processed_dir), names, build)
    return {
        name: data.to_pandas() if data is not None else schemas.schema(name).empty_table().to_pandas()
        for name, data in read.items()
    }


def _open_current(d: Path, names: list[str], build: str | None = None) -> dict[str, pa.Table | None]:
    # Open every file first, then read: an open handle keeps its bytes even if a later run prunes the
    # folder. A build pruned between resolving `current` and opening (three builds in that instant)
    # is simply resolved again.
    for _ in range(5):
        folder = builds.builds_dir(d) / build if build else None
        if folder is None or not (folder / builds.MANIFEST).is_file():
            folder = builds.current_dir(d)
        if folder is None:
            return dict.fromkeys(names)
        handles: dict = {}
        try:
            for name in names:
                handles[name] = _open(folder / f"{name}.parquet")
        except FileNotFoundError as exc:
            for fh in handles.values():
                if fh:
                    fh.close()
            if (folder / builds.MANIFEST).is_file():  # not a race: the build itself lacks the file
                raise FileNotFoundError(f"{exc.filename}: missing from build {folder.name}; run `make data`") from exc
            build = None
            continue
        try:
            return {name: _read(fh, folder / f"{name}.parquet") if fh else None for name, fh in handles.items()}
        finally:
            for fh in handles.values():
                if fh:
                    fh.close()
    raise RuntimeError(f"{d}: the current build changed five times while it was being opened")


def _open(path: Path):
    if not path.exists() and (path.parent / builds.MANIFEST).is_file():
        manifest = builds.read_manifest(path.parent)
        if path.stem not in manifest.get("tables", {}):
            return None  # a table this build predates: read as empty
    return open(path, "rb")


def _read(fh, path: Path) -> pa.Table:
    data = pq.read_table(fh)
    version = (data.schema.metadata or {}).get(b"schema_version", b"").decode()
    if version != SCHEMA_VERSION:
        raise ValueError(
            f"{path}: schema version {version or 'missing'} but this code expects {SCHEMA_VERSION}; "
            "rebuild the store with `make data`"
        )
    return data


def tables() -> list[str]:
    return list(COLUMNS)
