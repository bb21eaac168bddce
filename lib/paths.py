"""Every path the project uses, anchored on the repository root.

Each can be overridden by an environment variable so tests and deployments can point the
pipeline and the dashboard at another store without touching code.
"""

from __future__ import annotations

import os
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
