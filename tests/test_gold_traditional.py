"""Table-driven tests generated from the gold rows of the real Traditional-script texts rules are tuned on
(gold/traditional_real/tuning/facts_tuning.csv; the blind holdout is scored by lib.evaluate only): every labelled figure
is found, and its kind, indicator_id, scope, period and region are the gold's. A known miss is listed in
gold/traditional_real/known_misses.csv with its reason and runs as a strict xfail, so a fix shows. The texts are
copyrighted and kept in ../private/traditional: a text's rows skip where it is absent."""

from __future__ import annotations

import goldrows
import pytest

from lib import paths

GOLD = paths.GOLD_DIR / "traditional_real" / "tuning" / "facts_tuning.csv"
KNOWN = paths.GOLD_DIR / "traditional_real" / "known_misses.csv"

GOLD_ROWS = goldrows.read_rows(GOLD)
KNOWN_MISSES = goldrows.known_misses(KNOWN)


@pytest.mark.parametrize("gold, name", list(goldrows.cases(GOLD_ROWS, KNOWN_MISSES)))
def test_gold_figure(gold, name):
    goldrows.check_figure(GOLD_ROWS, gold, name)


def test_every_known_miss_names_a_gold_row_and_a_reason():
    goldrows.check_known_misses(GOLD_ROWS, KNOWN_MISSES)
