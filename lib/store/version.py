"""The extractor version: one hash of everything that decides what a document's rows are.

A cached per-document result is reused only under the same version, and the build id includes it,
so a rebuild by changed code or changed dictionaries is told apart from the build before it even
when the inputs are the same.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from lib import paths, text

# Code and data that turn one document into rows. The dashboard and the store's writer are left out:
# changing how tables are drawn or written does not change the rows.
_CODE = ["lib/ingest", "lib/extract", "lib/text.py", "lib/model.py", "lib/store/schema.py"]
_DATA = [paths.DICT_DIR, paths.GAZETTEER_DIR, paths.DATA_DIR / "indicators", paths.DATA_DIR / "vocab"]  # vocab: missing until 2026-12-03, so its edits kept stale cached rows


def _files(root: Path) -> list[Path]:
    if root.is_file():
        return [root]
    if not root.is_dir():
        return []
    return sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """16 hex digits; changes whenever a byte of the extraction code or its vocabularies changes."""
    h = hashlib.sha256()
    roots = [paths.ROOT / c for c in _CODE] + list(_DATA)
    for root in roots:
        for f in _files(root):
            if f.suffix not in {".py", ".txt", ".csv", ".json", ".tsv"}:
                continue
            rel = f.relative_to(paths.ROOT) if f.is_relative_to(paths.ROOT) else f
            h.update(str(rel).encode() + b"\0" + f.read_bytes() + b"\0")
    # RDD_TOKENIZER changes the words and tags every extractor sees without changing a file.
    h.update(b"tokenizer\0" + text.backend_name().encode())
    return h.hexdigest()[:16]
