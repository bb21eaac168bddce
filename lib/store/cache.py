"""The per-document cache: one document's rows, kept on disk so a rebuild reprocesses only what changed.

An entry lives at ``<cache root>/docs/<extractor version>/<key[:2]>/<key>.pickle``. The cache root is
``RDD_CACHE_DIR`` when set (read at call time, so tests can point it at a tmp folder), else
``paths.CACHE_DIR``.

* Key: sha256 of the document's content hash *and* its metadata (input file, source, published, title,
  inferred fields), because the rows carry those fields: the same text under another name or date
  must not reuse the other file's rows. The extractor version is the folder, so changed code or
  vocabularies never read an old entry, and ``prune()`` drops the folders of versions unused for an hour.
* Format: a pickle of plain data only (an unpickler that refuses every class reads it): the
  document's rows of each table as Arrow IPC record-batch messages (bytes) with a fingerprint of the
  table's schema in ``lib/store/schema.py``, and the plain rest of its result (the corpus step's
  inputs, problems, warnings). A rebuild then concatenates each table's record batches instead of
  turning tens of thousands of row dicts into Arrow again, and unpickling an entry is copying a few
  byte strings. An entry stored under another schema is recomputed (the extractor version, which
  hashes schema.py, normally moves the whole folder first).
* Writes are atomic (a temp file in the same folder, then ``os.replace``); an unreadable or corrupt
  entry is reported as a warning and recomputed, never fatal. A failed write only costs the reuse.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import pickle
import shutil
import tempfile
import time
from functools import lru_cache
from pathlib import Path

import pyarrow as pa

from lib import paths
from lib.files import file_mode
from lib.model import Document
from lib.store import schema as schemas

FORMAT = 2  # bump when the shape of an entry changes
PACK = "pack.pickle"  # many documents' results in one file (see Pack)
PRUNE_AFTER_S = 3600.0


def cache_root() -> Path:
    env = os.environ.get("RDD_CACHE_DIR")
    return Path(env) if env else paths.CACHE_DIR


def document_key(doc: Document) -> str:
    """Everything about a document that its rows depend on, hashed (not the encoding: the rows never
    hold it, and the content hash is of the decoded text)."""
    identity = [
        FORMAT,
        doc.content_hash,
        doc.input_file,
        doc.source,
        doc.published,
        doc.title,
        list(doc.inferred),
    ]
    return hashlib.sha256(json.dumps(identity, ensure_ascii=False).encode()).hexdigest()


class _PlainUnpickler(pickle.Unpickler):
    """Plain containers and scalars need no class lookup; anything else is a corrupt or foreign entry."""

    def find_class(self, module, name):
        raise pickle.UnpicklingError(f"refusing {module}.{name}: cache entries hold plain data only")


class DocumentCache:
    def __init__(self, version: str, root: Path | None = None):
        self.version = version
        self.docs_dir = (root or cache_root()) / "docs"
        self.dir = self.docs_dir / version

    def path(self, doc: Document, key: str | None = None) -> Path:
        key = key or document_key(doc)
        return Path(os.path.join(self.dir, key[:2], f"{key}.pickle"))  # pathlib's / cost 40 µs a time

    @property
    def pack_path(self) -> Path:
        return self.dir / PACK

    def load_pack(self) -> Pack | None:
        """The pack of an earlier run (see ``Pack``), None when there is none or it is unusable: it
        only copies per-document entries, which are read instead."""
        try:
            with open(self.pack_path, "rb") as fh:
                raw = _PlainUnpickler(fh).load()
            return Pack.from_plain(raw)
        except Exception:  # missing, truncated, of another schema: fall back to the entries
            return None

    def save_pack(self, keys: list[str], results: list[dict], tables: dict[str, pa.Table]) -> str | None:
        """Write a new pack: ``keys`` and ``results`` (plain parts, in input order) and each table
        with the documents' rows in that order, ``results[i]["rows"][table]`` rows each."""
        try:
            _write_atomic(self.pack_path, Pack.to_plain(keys, results, tables))
            return None
        except Exception as exc:
            return f"cache: could not store the pack under {self.dir} ({exc})"

    def get(self, doc: Document) -> tuple[dict | None, str | None]:
        """(result, None) on a hit, (None, None) on a miss, (None, warning) when the entry is unreadable.

        The result is what ``put`` was given: ``tables`` maps each table to a ``pa.Table``."""
        path = self.path(doc)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return None, None
        except OSError as exc:
            return None, f"cache: {path}: unreadable ({exc.strerror or exc}); {doc.input_file} recomputed"
        try:
            entry = _PlainUnpickler(io.BytesIO(data)).load()
        except Exception as exc:  # truncated, garbage, or a class inside: all mean "recompute"
            return None, f"cache: {path}: corrupt entry ({exc}); {doc.input_file} recomputed"
        if (
            not isinstance(entry, dict)
            or entry.get("key") != path.stem
            or not isinstance(entry.get("result"), dict)
            or not isinstance(entry.get("tables"), dict)
        ):
            return None, f"cache: {path}: not an entry for {doc.input_file}; recomputed"
        try:
            tables = {name: _from_ipc(name, data) for name, data in entry["tables"].items()}
        except Exception as exc:  # damaged stream, or rows of another schema
            return None, f"cache: {path}: unreadable tables ({exc}); {doc.input_file} recomputed"
        return {**entry["result"], "tables": tables}, None

    def put(self, doc: Document, result: dict) -> str | None:
        """Store one document's result atomically; a warning instead of an error when that fails.

        ``result["tables"]`` maps table names to ``pa.Table``s of their schema; the rest is plain data."""
        path = self.path(doc)
        try:
            tables = {name: _to_ipc(name, data) for name, data in result["tables"].items()}
            rest = {k: v for k, v in result.items() if k != "tables"}
            _write_atomic(path, {"key": path.stem, "result": rest, "tables": tables})
            return None
        except Exception as exc:  # disk full, read-only cache, unpicklable row: the run goes on
            return f"cache: could not store {doc.input_file} under {path.parent} ({exc})"

    def touch(self) -> None:
        """Mark this version as in use now (``prune`` keeps versions used within PRUNE_AFTER_S)."""
        with contextlib.suppress(OSError):
            self.dir.mkdir(parents=True, exist_ok=True)
            (self.dir / ".last_used").touch()

    def prune(self, now: float | None = None) -> list[str]:
        """Delete the entries of other extractor versions unused for PRUNE_AFTER_S: they are never read
        (the version is in the path), and the grace period keeps a concurrent build of other code (another
        checkout, a test run while code is edited) from losing its folder mid-run."""
        if not self.docs_dir.is_dir():
            return []
        now = time.time() if now is None else now
        removed = []
        for old in self.docs_dir.iterdir():
            if not old.is_dir() or old.name == self.version:
                continue
            marker = old / ".last_used"
            try:
                used = (marker if marker.exists() else old).stat().st_mtime
            except OSError:
                continue
            if now - used > PRUNE_AFTER_S:
                shutil.rmtree(old, ignore_errors=True)
                removed.append(old.name)
        return removed


class Pack:
    """Many documents' results in one file: each table's rows of every document, in one Arrow IPC
    file per table (a single record batch, so slicing it is constant time), and per document its
    plain parts and where its rows start. A rebuild takes a run of documents that follow each other
    in the pack as one slice, so unchanged documents cost neither an entry file nor a batch each.
    Documents missing from it (new ones) come from their entries; the pipeline rewrites the pack
    when they become many (``repack``), so adding one article does not rewrite all the others."""

    def __init__(self, keys: list[str], results: list[dict], starts: dict[str, list[int]], tables: dict):
        self.keys = keys
        self.index = {k: i for i, k in enumerate(keys)}
        self.results = results  # plain parts of each document's result (no tables)
        self.starts = starts  # table -> row offset of each document, and the total at the end
        self.tables = tables  # table -> pa.Table of one chunk

    def result(self, i: int) -> dict:
        return self.results[i]

    def rows(self, name: str, first: int, last: int) -> pa.Table:
        """The rows of documents first..last (pack positions, inclusive) of one table."""
        start, end = self.starts[name][first], self.starts[name][last + 1]
        return self.tables[name].slice(start, end - start)

    @staticmethod
    def to_plain(keys: list[str], results: list[dict], tables: dict[str, pa.Table]) -> dict:
        starts = {}
        for name in tables:
            offsets = [0]
            for r in results:
                offsets.append(offsets[-1] + r["rows"][name])
            if offsets[-1] != tables[name].num_rows:
                raise ValueError(f"pack table {name!r}: {tables[name].num_rows} rows, documents say {offsets[-1]}")
            starts[name] = offsets
        plain = [{k: v for k, v in r.items() if k != "rows"} for r in results]
        data = {name: (_schema(name)[1], _ipc_file(name, t)) for name, t in tables.items()}
        return {"key": PACK, "keys": keys, "results": plain, "starts": starts, "tables": data}

    @classmethod
    def from_plain(cls, raw: dict) -> Pack:
        if raw.get("key") != PACK:
            raise ValueError("not a pack")
        tables = {}
        for name, (fingerprint, data) in raw["tables"].items():
            if fingerprint != _schema(name)[1]:
                raise ValueError(f"pack table {name!r} of another schema")
            tables[name] = pa.ipc.open_file(pa.py_buffer(data)).read_all()
        if set(tables) != set(schemas.COLUMNS):
            raise ValueError("pack tables differ from the schema's")
        return cls(raw["keys"], raw["results"], raw["starts"], tables)


def _write_atomic(path: Path, entry: dict) -> None:
    """Pickle ``entry`` to ``path`` through a temp file in the same folder and ``os.replace``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem[:8]}-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            pickle.dump(entry, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.chmod(tmp, file_mode())  # mkstemp makes 0600: follow the umask like the store's tables
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _ipc_file(name: str, data: pa.Table) -> bytes:
    whole = data.combine_chunks()
    sink = pa.BufferOutputStream()
    with pa.ipc.new_file(sink, _schema(name)[0]) as writer:
        writer.write_table(whole, max_chunksize=max(1, whole.num_rows))
    return sink.getvalue().to_pybytes()


@lru_cache(maxsize=32)
def _schema(name: str) -> tuple[pa.Schema, str]:
    """A table's schema and a fingerprint of it (types, names, schema version) kept in each entry."""
    sch = schemas.schema(name)  # KeyError for a table the schema no longer has
    return sch, hashlib.sha256(sch.serialize().to_pybytes()).hexdigest()[:16]


def _to_ipc(name: str, data: pa.Table) -> tuple[str, list[bytes]]:
    """A table as its schema's fingerprint and its record batches as Arrow IPC messages, without the
    schema: reading a batch back against a known schema costs a third of opening a whole stream."""
    return _schema(name)[1], [batch.serialize().to_pybytes() for batch in data.to_batches() if batch.num_rows]


def _from_ipc(name: str, stored: tuple[str, list[bytes]]) -> pa.Table:
    sch, fingerprint = _schema(name)
    found, batches = stored
    if found != fingerprint:
        raise ValueError(f"table {name!r} was stored under another schema")
    return pa.Table.from_batches([pa.ipc.read_record_batch(pa.py_buffer(b), sch) for b in batches], sch)


class ReadMemo(dict):
    """What the reader made of each unchanged input file (see ``reader.read_document``'s ``memo``), kept
    in one file per extractor version: a rebuild then reads and hashes every input but decodes and
    normalises only new or changed ones. Only the entries a run used are saved, so it never grows past
    the inputs of the last run. A missing or unreadable memo is an empty one."""

    def __init__(self, version: str, root: Path | None = None):
        super().__init__()
        self.path = (root or cache_root()) / "read" / f"{version}.pickle"
        with contextlib.suppress(Exception):  # corrupt or foreign: start empty, the reader recomputes
            with open(self.path, "rb") as fh:
                loaded = _PlainUnpickler(fh).load()
            if isinstance(loaded, dict):
                self.update(loaded)
        self.used: set[str] = set()

    def __getitem__(self, key: str) -> dict:
        self.used.add(key)
        return super().__getitem__(key)

    def __setitem__(self, key: str, value: dict) -> None:
        self.used.add(key)
        super().__setitem__(key, value)

    def save(self) -> str | None:
        """Write the entries this run used, atomically; a warning instead of an error when that fails."""
        kept = {k: dict.__getitem__(self, k) for k in self.used if k in self}
        tmp = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".read-", suffix=".tmp")
            with os.fdopen(fd, "wb") as f:
                pickle.dump(kept, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.chmod(tmp, file_mode())
            os.replace(tmp, self.path)
            return None
        except Exception as exc:
            if tmp:
                Path(tmp).unlink(missing_ok=True)
            return f"cache: could not store the read memo under {self.path.parent} ({exc})"
