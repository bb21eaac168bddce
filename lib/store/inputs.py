"""What a build is made from, and whether the current build is still the one its inputs make.

The build id is a hash of the schema version, the extractor version and every input file's name
and bytes (sidecars included: they change an article's date or outlet). ``staleness`` answers
`make data`'s question cheaply: when every file's size and mtime match the manifest it does not
read a byte; otherwise it hashes the files and compares build ids.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from lib import paths
from lib.store import builds
from lib.store.schema import SCHEMA_VERSION
from lib.store.version import extractor_version


def display(path: Path) -> str:
    """Relative to the repository when inside it, else as given (posix): the name in the manifest."""
    return _display(os.fspath(path), paths.ROOT)


# Keyed by the path's text: hashing a Path costs more than the lookup saves, every input is named
# this way once per run, and paths.shown keeps the resolved answer itself.
@lru_cache(maxsize=65536)
def _display(path: str, root: Path) -> str:
    return paths.shown(Path(path))


def input_files(inputs: Iterable[Path]) -> list[Path]:
    """Every file under the inputs, in the order the reader takes them; hidden files left out."""
    out: list[Path] = []
    seen: set[Path] = set()
    for given in map(Path, inputs):
        if given.is_dir():
            candidates = _walk(given)
        elif given.is_file():
            candidates = [(given, given.resolve())]
        else:
            continue
        for p, identity in candidates:
            if identity not in seen:
                seen.add(identity)
                out.append(p)
    return out


def _walk(folder: Path) -> list[tuple[Path, Path]]:
    """(path, resolved path) of the files under folder, sorted by their parts below it. The folder is
    resolved once: os.walk never enters a linked folder, so only a file that is a symlink needs it."""
    root = folder.resolve()
    found = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        below = dirpath[len(os.fspath(folder)) :].strip(os.sep)
        parts = tuple(below.split(os.sep)) if below else ()
        for f in filenames:
            if f.startswith("."):
                continue
            path = Path(dirpath, f)
            identity = path.resolve() if os.path.islink(path) else root.joinpath(*parts, f)
            found.append(((*parts, f), path, identity))
    found.sort(key=lambda item: item[0])
    return [(path, identity) for _, path, identity in found]


def stat_entries(files: list[Path]) -> list[dict]:
    entries = []
    for f in files:
        st = f.stat()
        entries.append({"file": display(f), "size": st.st_size, "mtime_ns": st.st_mtime_ns})
    return entries


def fingerprint(files: list[Path]) -> list[dict]:
    """Name, size, mtime and sha256 of every file: the manifest's ``inputs``."""
    entries = stat_entries(files)
    for entry, f in zip(entries, files, strict=True):
        entry["sha256"] = hashlib.sha256(f.read_bytes()).hexdigest()
    return entries


def build_id(entries: list[dict], version: str | None = None) -> str:
    h = hashlib.sha256(f"schema {SCHEMA_VERSION}\0extractor {version or extractor_version()}\0".encode())
    for e in entries:
        h.update(f"{e['file']}\0{e['sha256']}\0".encode())
    return h.hexdigest()[:16]


def staleness(directory: Path, inputs: Iterable[Path]) -> str | None:
    """Why the current build of ``directory`` is not what ``inputs`` make now; None when it is."""
    folder = builds.current_dir(directory)
    if folder is None:
        return f"no build in {directory}"
    try:
        manifest = builds.read_manifest(folder)
    except (OSError, ValueError) as exc:
        return f"{folder}: unreadable manifest ({exc})"
    missing = [t["file"] for t in manifest.get("tables", {}).values() if not (folder / t["file"]).is_file()]
    if missing:
        return f"{folder} is incomplete: {', '.join(missing)} missing"
    if manifest.get("schema_version") != SCHEMA_VERSION:
        return f"schema version {manifest.get('schema_version')} -> {SCHEMA_VERSION}"
    if manifest.get("extractor_version") != extractor_version():
        return "the extraction code or its vocabularies changed"
    files = input_files(inputs)
    cheap = [{k: e.get(k) for k in ("file", "size", "mtime_ns")} for e in manifest.get("inputs", [])]
    if cheap == stat_entries(files):
        return None
    if build_id(fingerprint(files)) == manifest.get("build_id"):
        return None  # touched, not changed
    before = {e["file"] for e in cheap}
    now = {display(f) for f in files}
    return f"inputs changed ({len(now - before)} added, {len(before - now)} removed, others edited)"
