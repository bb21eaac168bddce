"""The extractor against the hand-checked gold set: floors that a regression would break."""

from __future__ import annotations

import pytest

from lib import evaluate, paths


@pytest.fixture(scope="module")
def scores():
    return evaluate.score(evaluate.load_gold())


def test_seed_page_detection_and_values(scores):
    s = scores["seed"]
    assert s.gold >= 60
    assert s.matched / s.extracted >= 0.95  # precision
    assert s.matched / s.gold >= 0.95  # recall
    assert s.correct["value"] / s.matched >= 0.95
    assert s.correct["qualifier"] / s.matched >= 0.9
    assert s.correct["kind"] / s.matched >= 0.9


def test_dev_articles(scores):
    if not paths.DEV_CORPUS_DIR.exists():
        pytest.skip("../shared/corpus/dev is absent")
    s = scores["dev"]
    assert s.gold >= 400
    assert s.matched / s.extracted >= 0.95 and s.matched / s.gold >= 0.95
    assert s.correct["value"] / s.matched >= 0.97
    assert s.correct["region"] / s.matched >= 0.85
    assert s.correct["kind"] / s.matched >= 0.9


def test_matching_pairs_a_gold_row_with_the_fact_in_its_sentence():
    gold = [{"quote": "企业总数已超5000家", "number_text": "5000家"}]
    facts = [
        {"sentence": "税收超12亿元。", "raw": "超12亿元"},
        {"sentence": "科技园的企业总数已超5000家。", "raw": "超5000家"},
    ]
    pairs, misses, extra = evaluate.match(gold, facts)
    assert [f["raw"] for _, f in pairs] == ["超5000家"] and misses == [] and len(extra) == 1
