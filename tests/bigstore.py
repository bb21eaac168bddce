"""A large store in seconds for browser tests: the seed store's tables copied N times, every id made
unique per copy and each copy's events moved back a year per copy (so the timeline spans years, as
a real large store does). ``benchmarks/bench_dashboard.py`` builds its store with the real pipeline
instead (minutes); this one only has to be big and well-formed."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pyarrow as pa

from lib import store
from lib.store import schema as schemas

ID_COLUMNS = {
    "articles": ["article_id"],
    "facts": ["fact_id", "article_id", "mention_of"],
    "events": ["event_id", "article_id"],
    "entities": ["entity_id", "article_id"],
    "links": ["link_id", "article_id"],
}


def _shift_year(date: str, years: int) -> str:
    m = re.match(r"(\d{4})(.*)", date or "")
    return f"{int(m.group(1)) - years}{m.group(2)}" if m else date


def replicate(seed: Path, out: Path, target_facts: int = 100_000) -> int:
    """Write a store of about ``target_facts`` facts into ``out``; returns the number of facts."""
    tables = store.read_tables(store.tables(), seed)
    copies = max(1, -(-target_facts // max(len(tables["facts"]), 1)))
    data = {}
    for name, frame in tables.items():
        if name not in ID_COLUMNS:  # keywords: one row per region and term, copies add nothing
            data[name] = pa.Table.from_pandas(frame, schema=schemas.schema(name), preserve_index=False)
            continue
        parts = []
        for k in range(copies):
            part = frame.copy()
            for col in ID_COLUMNS[name]:
                part[col] = [f"{v}-{k}" if v else v for v in part[col].fillna("")]
            if name == "events":
                part["date"] = [_shift_year(d, k % 12) for d in part["date"]]
            parts.append(part)
        data[name] = pa.Table.from_pandas(pd.concat(parts, ignore_index=True), schema=schemas.schema(name),
                                          preserve_index=False)  # fmt: skip
    with store.write_lock(out):
        store.write_build(data, out, manifest={"build_id": f"big-{copies}", "inputs": []})
    return data["facts"].num_rows
