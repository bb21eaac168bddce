"""Standard indicators: which entry of the vocabulary (data/indicators/indicators.csv) a figure measures.

The vocabulary is data; this module only reads it and matches names. A name matches leftmost-longest,
so 第一产业投资 is found as itself and never as 第一产业, and 进出口 hides the 出口 inside it. A match must
also fit the figure: a level must be in the indicator's unit family (GDP is money, never 家) and the kind
of figure must be one the indicator lists.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache

from lib import paths
from lib.text import fold_width

_GROWTH_KINDS = {"change_pct", "change_pp"}


@dataclass(frozen=True)
class Indicator:
    id: str
    name_zh: str
    name_en: str
    names: tuple[str, ...]  # name_zh first, then the synonyms
    unit_family: str
    category: str
    parent: str
    kinds: frozenset[str]


def _read_csv(name: str) -> list[dict[str, str]]:
    path = paths.DATA_DIR / "indicators" / name
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, Indicator]:
    """id -> Indicator, in file order. A name given to two indicators is an error naming both."""
    out: dict[str, Indicator] = {}
    owner: dict[str, str] = {}
    for row in _read_csv("indicators.csv"):
        names = tuple(dict.fromkeys([row["name_zh"], *[s for s in row["synonyms"].split("|") if s]]))
        ind = Indicator(
            id=row["id"],
            name_zh=row["name_zh"],
            name_en=row["name_en"],
            names=names,
            unit_family=row["unit_family"],
            category=row["category"],
            parent=row["parent"],
            kinds=frozenset(k for k in row["kinds"].split("|") if k),
        )
        if ind.id in out:
            raise ValueError(f"data/indicators/indicators.csv: id {ind.id!r} is listed twice")
        for name in names:
            key = _key(name)
            if owner.get(key, ind.id) != ind.id:
                raise ValueError(
                    f"data/indicators/indicators.csv: {name!r} names both {owner[key]!r} and {ind.id!r}"
                )
            owner[key] = ind.id
        out[ind.id] = ind
    return out


@lru_cache(maxsize=1)
def unit_families() -> dict[str, str]:
    return {r["base_unit"]: r["family"] for r in _read_csv("unit_families.csv")}


def _key(name: str) -> str:
    return fold_width(name).replace(" ", "").upper()


@lru_cache(maxsize=1)
def _names_by_first_char() -> dict[str, list[tuple[str, str]]]:
    """First character -> [(normalised name, id)], longest first: the scan tries few names per position."""
    table: dict[str, list[tuple[str, str]]] = {}
    for ind in vocabulary().values():
        for key in dict.fromkeys(_key(name) for name in ind.names):
            table.setdefault(key[0], []).append((key, ind.id))
    for names in table.values():
        names.sort(key=lambda p: -len(p[0]))
    return table


@dataclass(frozen=True)
class Mention:
    id: str
    start: int
    end: int


def find(text: str) -> list[Mention]:
    """Every vocabulary name in ``text``, leftmost-longest, non-overlapping; offsets in ``text``.

    Upper-casing and width folding keep lengths, so offsets are those of the text as written."""
    norm = _key_same_length(text)
    table = _names_by_first_char()
    out, i = [], 0
    while i < len(norm):
        for name, ind_id in table.get(norm[i], ()):
            if norm.startswith(name, i):
                out.append(Mention(ind_id, i, i + len(name)))
                i += len(name)
                break
        else:
            i += 1
    return out


def _key_same_length(text: str) -> str:
    # Spaces are kept (removing them would shift offsets): names rarely contain one.
    return fold_width(text).upper()


def fits(ind: Indicator, kind: str, base_unit: str) -> bool:
    """Whether a figure of this kind and unit can be a value of the indicator."""
    if kind not in ind.kinds and not (kind == "target" and "level" in ind.kinds):
        return False
    if kind in _GROWTH_KINDS:
        return base_unit in ("%", "个百分点", "百分点")
    if kind == "share_pct":
        return base_unit == "%"
    family = unit_families().get(base_unit, "")
    return family == ind.unit_family


def identify(phrase: str, context_before: str, kind: str, base_unit: str) -> Indicator | None:
    """The standard indicator a figure measures, or None.

    ``phrase`` is what the extractor took as the figure's indicator; ``context_before`` the sentence up to the
    figure. The phrase is tried first; then the name nearest before the figure. A name that does not fit the
    figure's kind and unit is passed over, so '地区生产总值增长5%，其中规上工业增长6%' gives each its own."""
    vocab = vocabulary()
    for source in (phrase, context_before):
        for m in reversed(find(source)):
            ind = vocab[m.id]
            if fits(ind, kind, base_unit):
                return ind
    return None
