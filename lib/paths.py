"""Every path the project uses, anchored on the repository root.

Each can be overridden by an environment variable so tests and deployments can point the
pipeline and the dashboard at another store without touching code.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

ROOT = Path(os.environ.get("RDD_ROOT", Path(__file__).resolve().parent.parent))
DATA_DIR = ROOT / "data"
RAW_DIR = Path(os.environ.get("RDD_RAW_DIR", DATA_DIR / "raw"))
PROCESSED_DIR = Path(os.environ.get("RDD_PROCESSED_DIR", DATA_DIR / "processed"))
GAZETTEER_DIR = DATA_DIR / "gazetteer"
DICT_DIR = DATA_DIR / "dict"
CACHE_DIR = Path(os.environ.get("RDD_CACHE_DIR", DATA_DIR / "cache"))
GOLD_DIR = ROOT / "gold"
# Development corpus lives outside the repository (copyrighted articles): never copied in.
SHARED_DIR = Path(os.environ.get("RDD_SHARED_DIR", ROOT.parent / "shared"))
DEV_CORPUS_DIR = SHARED_DIR / "corpus" / "dev"
SEED_CORPUS_DIR = SHARED_DIR / "corpus" / "seed"
# Copyrighted real texts an engineer keeps for measurement (e-paper pages of short reports), outside the
# repository like SHARED_DIR: tests and the evaluation read them where present and skip them where not.
PRIVATE_DIR = Path(os.environ.get("RDD_PRIVATE_DIR", ROOT.parent / "private"))


def shown(path: Path) -> str:
    """``path`` relative to the repository root when under it, else as given (posix form): the name a
    file has in tables, manifests and messages."""
    return _shown(Path(path), ROOT)


@lru_cache(maxsize=65536)
def _shown(path: Path, root: Path) -> str:
    # Cached: a rebuild names each input several times, and resolving costs a system call per component.
    try:
        return path.resolve().relative_to(_resolved(root)).as_posix()
    except (ValueError, OSError, RuntimeError):  # RuntimeError: a symlink loop on Python < 3.13
        return path.as_posix()


@lru_cache(maxsize=8)
def _resolved(root: Path) -> Path:
    return root.resolve()
