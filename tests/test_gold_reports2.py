"""Table-driven tests generated from the gold rows of reports2 (gold/reports2/holdout/facts_holdout.csv: the 庆阳 release,
the 六安 budget analysis and the 临沧 budget report; blind until 2026-12-02, tuning since): every labelled figure is
found, and its kind, indicator_id, scope, period and region are the gold's. A known miss is listed in
gold/reports2/known_misses.csv with its reason and runs as a strict xfail, so a fix shows."""

from __future__ import annotations

import goldrows
import pytest

from lib import evaluate, paths

GOLD = paths.GOLD_DIR / "reports2" / "holdout" / "facts_holdout.csv"
KNOWN = paths.GOLD_DIR / "reports2" / "known_misses.csv"
CORPUS = evaluate.REPORTS2_CORPUS

GOLD_ROWS = goldrows.read_rows(GOLD)
KNOWN_MISSES = goldrows.known_misses(KNOWN)


@pytest.mark.skipif(not CORPUS.exists(), reason="tests/corpus/reports2 absent")
@pytest.mark.parametrize("gold, name", list(goldrows.cases(GOLD_ROWS, KNOWN_MISSES)))
def test_gold_figure(gold, name):
    goldrows.check_figure(GOLD_ROWS, gold, name)


def test_every_known_miss_names_a_gold_row_and_a_reason():
    goldrows.check_known_misses(GOLD_ROWS, KNOWN_MISSES)
