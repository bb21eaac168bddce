"""Table-driven tests generated from the gold rows of the communiqués rules are tuned on: the shipped ones
(gold/official/facts_tuning.csv) and the fresh, fresh2, fresh3, fresh4 and fresh5 parts (gold/official/fresh*/, each blind
at its first score, tuning since): every labelled figure is found, and its kind, indicator_id, scope, period and region are the
gold's. A known miss
is listed in gold/official/known_misses.csv with its reason and runs as a strict xfail, so a fix shows."""

from __future__ import annotations

import goldrows
import pytest

from lib import paths

GOLD = paths.GOLD_DIR / "official" / "facts_tuning.csv"
FRESH = paths.GOLD_DIR / "official" / "fresh" / "facts_fresh.csv"
TUNED_SINCE = [paths.GOLD_DIR / "official" / p / f"facts_{p}.csv" for p in ("fresh2", "fresh3", "fresh4", "fresh5")]
KNOWN = paths.GOLD_DIR / "official" / "known_misses.csv"

GOLD_ROWS = goldrows.read_rows(GOLD) + goldrows.read_rows(FRESH) + [r for p in TUNED_SINCE for r in goldrows.read_rows(p)]
KNOWN_MISSES = goldrows.known_misses(KNOWN)


@pytest.mark.parametrize("gold, name", list(goldrows.cases(GOLD_ROWS, KNOWN_MISSES)))
def test_gold_figure(gold, name):
    goldrows.check_figure(GOLD_ROWS, gold, name)


def test_every_known_miss_names_a_gold_row_and_a_reason():
    goldrows.check_known_misses(GOLD_ROWS, KNOWN_MISSES)
