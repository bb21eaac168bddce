"""Facts rows built by code for dashboard tests, with every column of the facts contract
(indicator_id, indicator_name, scope, subject, basis, target_kind beside the stored schema)."""

from __future__ import annotations

import pandas as pd

from lib.dashboard.comparable import CONTRACT_COLUMNS
from lib.extract.indicators import vocabulary
from lib.store.schema import COLUMNS

FACT_COLUMNS = list(dict.fromkeys([name for name, _, _ in COLUMNS["facts"]] + list(CONTRACT_COLUMNS)))
ARTICLE_JOIN = {"title": "统计公报", "source": "某市统计局", "published": "2025-03-21", "byline": ""}


def fact(fact_id: str, region: str, raw: str, value_base: float, base_unit: str, **kw) -> dict:
    """A first-mention, whole-region figure; ``indicator_id`` also sets name and category."""
    row = dict.fromkeys(FACT_COLUMNS, "")
    row |= {
        "fact_id": fact_id, "article_id": f"a-{region}", "region": region, "province": region, "field": "text",
        "raw": raw, "value": value_base, "value_base": value_base, "base_unit": base_unit, "unit": base_unit,
        "qualifier": "exact", "kind": "level", "category": "other", "indicator": "", "period": "2024",
        "scope": "region", "sentence": f"{region}全年{raw}。", "sentence_start": 0, "char_start": len(region) + 2,
        "char_end": len(region) + 2 + len(raw), "value_high": None, "value_high_base": None,
    }  # fmt: skip
    row |= kw
    ind = vocabulary().get(row["indicator_id"])
    if ind is not None:
        row |= {"indicator_name": ind.name_zh, "category": ind.category}
        row.setdefault("indicator", ind.name_zh)
        if not row["indicator"]:
            row["indicator"] = ind.name_zh
    return row


def joined(rows: list[dict], **article) -> pd.DataFrame:
    """Facts as ``views.facts_with_articles`` gives them (article columns added, sentence marked)."""
    out = pd.DataFrame(rows, columns=FACT_COLUMNS)
    for col, value in (ARTICLE_JOIN | article).items():
        if col not in out.columns or col not in {r for row in rows for r in row}:
            out[col] = value
        else:
            out[col] = [row.get(col, value) for row in rows]
    out["article_region"] = out["region"]
    out["sentence_marked"] = out["sentence"]
    return out
