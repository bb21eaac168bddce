"""The one currency table (data/indicators/currencies.csv): which units are money, and the name each
currency is stored under, so 美金 and 美元, 港币 and 港元, 人民币 and 元 compare as one currency."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache

from lib import paths

CURRENCIES_CSV = paths.DATA_DIR / "indicators" / "currencies.csv"


@dataclass(frozen=True)
class Currency:
    unit: str  # as written: 美金
    canonical: str  # as stored in base_unit: 美元
    iso: str  # USD
    en: str  # English name of the unit: US dollars


@lru_cache(maxsize=1)
def currencies() -> dict[str, Currency]:
    """unit as written -> Currency, in file order."""
    with open(CURRENCIES_CSV, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return {r["unit"]: Currency(r["unit"], r["canonical"], r["iso"], r["en"]) for r in rows}


def is_money(base_unit: str) -> bool:
    return base_unit in currencies()


def canonical(unit: str) -> str:
    """The stored name of a currency unit (美金 -> 美元); any other unit unchanged."""
    c = currencies().get(unit)
    return c.canonical if c else unit


def english(unit: str) -> str:
    """English name of a currency unit ('' for a unit that is no currency)."""
    c = currencies().get(unit)
    return c.en if c else ""
