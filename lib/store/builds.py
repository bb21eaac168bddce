"""Versioned builds: every run writes a whole new folder, then one pointer switches to it.

    DIR/builds/<build_id>-<UTC time>/   every table + manifest.json (written last)
    DIR/current -> builds/<name>        a relative symlink, replaced atomically (os.replace)
    DIR/CURRENT                         the folder's name, where symlinks are unavailable

A build is written into ``builds/.tmp-...`` and renamed to its final name only once its manifest is
written, and ``current`` moves only after that, so a kill or a full disk at any moment leaves the
previous build current and whole. Readers resolve ``current`` once per call and read every table
from that one folder. The last ``KEEP`` builds stay (a reader still on an older one keeps working);
folders of a run that died are removed by the next run.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import time
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

BUILDS = "builds"
CURRENT_LINK = "current"
CURRENT_FILE = "CURRENT"
MANIFEST = "manifest.json"
TMP_PREFIX = ".tmp-"
KEEP = 3


class BuildFailed(RuntimeError):
    """Writing a build failed; the message says what, where, and that the previous build stays."""


class BuildInterrupted(KeyboardInterrupt):
    """Ctrl+C (or SIGINT) while a build was written; the previous build stays current."""


def builds_dir(directory: Path) -> Path:
    return directory / BUILDS


def current_name(directory: Path) -> str | None:
    """The current build folder's name, cheaply (one readlink, else one small file); None if none."""
    try:
        return Path(os.readlink(directory / CURRENT_LINK)).name
    except OSError:  # no link (fresh or old flat store), or not a link
        pass
    try:
        return (directory / CURRENT_FILE).read_text(encoding="utf-8").strip() or None
    except OSError:
        return None


def current_dir(directory: Path) -> Path | None:
    """The current build folder when it is a whole build (has its manifest), else None."""
    name = current_name(directory)
    if not name:
        return None
    folder = builds_dir(directory) / name
    return folder if (folder / MANIFEST).is_file() else None


def read_manifest(folder: Path) -> dict:
    with open(folder / MANIFEST, encoding="utf-8") as fh:
        return json.load(fh)


def current_manifest(directory: Path) -> dict | None:
    folder = current_dir(directory)
    if folder is None:
        return None
    try:
        return read_manifest(folder)
    except (OSError, ValueError):
        return None


PARTITIONED_FACTS = "facts_partitioned"


def write_build(
    directory: Path,
    tables: dict[str, pa.Table],
    manifest: dict,
    *,
    started: float | None = None,
    keep: int = KEEP,
    partitioned: bool = False,
) -> Path:
    """Write ``tables`` as a new build, make it current, prune old ones; returns its folder.

    The caller holds the store's write lock. ``manifest`` must hold ``build_id``; row counts, file
    names and the creation time are added here. Any failure removes the half-written folder and
    raises BuildFailed / BuildInterrupted naming the file being written.
    """
    started = time.time() if started is None else started
    build_id = manifest["build_id"]
    root = builds_dir(directory)
    root.mkdir(parents=True, exist_ok=True)
    clean_dead(directory, started)
    previous = current_name(directory)
    tmp = root / f"{TMP_PREFIX}{build_id}-{os.getpid()}-{time.time_ns()}"
    tmp.mkdir()
    stage = "the build folder"
    try:
        for name, data in tables.items():
            stage = f"{name}.parquet"
            _write_parquet(data, tmp / stage)
        if partitioned and "facts" in tables:
            stage = f"{PARTITIONED_FACTS}/"
            write_partitioned_facts(tables["facts"], tmp / PARTITIONED_FACTS)
        stage = MANIFEST
        created = datetime.now(UTC)
        full = {
            **manifest,
            "created": created.isoformat(timespec="seconds"),
            "tables": {name: {"file": f"{name}.parquet", "rows": data.num_rows} for name, data in tables.items()},
        }
        _write_file(tmp / MANIFEST, json.dumps(full, ensure_ascii=False, indent=1).encode())
        stage = "the new build's final name"
        final = _final_name(root, build_id, created)
        os.rename(tmp, final)
        stage = f"the {CURRENT_LINK} pointer"
        switch(directory, final.name)
    except KeyboardInterrupt:
        shutil.rmtree(tmp, ignore_errors=True)
        raise BuildInterrupted(_failure("interrupted", stage, tmp, directory, previous)) from None
    except Exception as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise BuildFailed(_failure(_reason(exc), stage, tmp, directory, previous)) from exc
    prune(directory, keep)
    return final


def _failure(reason: str, stage: str, tmp: Path, directory: Path, previous: str | None) -> str:
    where = tmp.relative_to(directory)
    kept = f"the previous build ({previous}) stays current" if previous else "there is still no current build"
    return f"{reason} while writing {stage} into {directory}/{where}; {kept}"


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.errno:
        return os.strerror(exc.errno).lower()  # "no space left on device", "permission denied"
    return f"{type(exc).__name__}: {exc}"


def write_partitioned_facts(facts: pa.Table, folder: Path) -> None:
    """The facts again as hive-partitioned Parquet (province=…/year=…), which DuckDB, Spark and Trino read
    as one table with the two columns filled from the folder names. year is the period's first four digits;
    a fact without a province or year goes to the engines' default partition (__HIVE_DEFAULT_PARTITION__)."""
    import pyarrow.compute as pc
    import pyarrow.dataset as ds

    year = pc.utf8_slice_codeunits(facts["period"], 0, 4)
    year = pc.if_else(pc.match_substring_regex(year, r"^\d{4}$"), year, pa.scalar(None, pa.string()))
    province = pc.if_else(pc.equal(facts["province"], ""), pa.scalar(None, pa.string()), facts["province"])
    data = facts.drop_columns(["province"]).append_column("province", province).append_column("year", year)
    ds.write_dataset(
        data,
        folder,
        format="parquet",
        partitioning=ds.partitioning(pa.schema([("province", pa.string()), ("year", pa.string())]), flavor="hive"),
        existing_data_behavior="error",
    )


def _write_parquet(data: pa.Table, path: Path) -> None:
    pq.write_table(data, path)
    _fsync(path)


def _write_file(path: Path, data: bytes) -> None:
    with open(path, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


def _fsync(path: Path) -> None:
    # Durable before the pointer moves: after a power cut `current` never names half-flushed files.
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _final_name(root: Path, build_id: str, created: datetime) -> Path:
    stamp = created.strftime("%Y%m%dT%H%M%S%fZ")
    final, n = root / f"{build_id}-{stamp}", 1
    while final.exists():  # two builds of the same inputs within one microsecond
        final, n = root / f"{build_id}-{stamp}{n}", n + 1
    return final


def switch(directory: Path, name: str) -> None:
    """Point ``current`` at ``builds/<name>`` in one atomic step (a pointer file without symlinks)."""
    tmp = directory / f".{CURRENT_LINK}-{os.getpid()}-{time.time_ns()}"
    try:
        os.symlink(Path(BUILDS) / name, tmp)
    except (OSError, NotImplementedError):
        _write_file(tmp, name.encode())
        os.replace(tmp, directory / CURRENT_FILE)
        return
    os.replace(tmp, directory / CURRENT_LINK)
    with contextlib.suppress(FileNotFoundError):
        os.unlink(directory / CURRENT_FILE)  # a pointer file from a copy without symlinks would be stale


def _created(folder: Path) -> str:
    """Sort key of a build folder: the UTC time in its name (fixed width, so text order is time order)."""
    return folder.name.rsplit("-", 1)[-1]


def whole_builds(directory: Path) -> list[Path]:
    """Finished build folders, oldest first."""
    root = builds_dir(directory)
    if not root.is_dir():
        return []
    found = [p for p in root.iterdir() if not p.name.startswith(".") and (p / MANIFEST).is_file()]
    return sorted(found, key=_created)


def prune(directory: Path, keep: int = KEEP) -> list[Path]:
    """Remove all but the newest ``keep`` builds (never the current one); returns what was removed."""
    current = current_name(directory)
    old = [p for p in whole_builds(directory)[:-keep] if p.name != current] if keep > 0 else []
    for folder in old:
        shutil.rmtree(folder, ignore_errors=True)  # a reader holding files open keeps its bytes
    return old


def clean_dead(directory: Path, started: float) -> list[Path]:
    """Remove folders of runs that died: no manifest, not current, older than this run's start.

    Called under the write lock, so no live run of ours owns any of them; the age check spares a
    folder created after we started (a writer that did not take the lock is not ours to judge).
    """
    root = builds_dir(directory)
    if not root.is_dir():
        return []
    current = current_name(directory)
    dead = []
    for p in root.iterdir():
        if p.name == current or (p / MANIFEST).is_file():
            continue
        try:
            if p.stat().st_mtime >= started:
                continue
        except FileNotFoundError:
            continue
        shutil.rmtree(p, ignore_errors=True) if p.is_dir() else p.unlink(missing_ok=True)
        dead.append(p)
    return dead
