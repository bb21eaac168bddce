"""A very long line with no sentence end (an upload can be one): still read clause by clause.

The cost is measured in benchmarks/bench_long_line.py; these tests check behaviour only.
"""

from __future__ import annotations

import random

import pytest

from lib import paths, text
from lib.extract import entities, facts, periods, regions, subjects
from lib.ingest.reader import read_document
from lib.model import Article
from lib.pipeline import articles_from_document

# Clauses whose figure names its own indicator and region; {n} varies so every figure is distinct.
CLAUSES = (
    "天津市技术合同成交额达{n}亿元",
    "郑州市规模以上工业增加值增长{n}.5%",
    "上饶市新引进{n}家高新技术企业",
    "黑龙江省粮食产量达到{n}万吨",
)
COMPARED = ("value", "unit", "indicator", "region", "kind", "raw")


def _article(body: str) -> Article:
    return Article(
        article_id="long",
        input_file="long.txt",
        content_hash="h",
        source="",
        published="2024-05",
        title="",
        text=body,
        region="天津",
        province="天津",
        level="province",
    )


def _clause(i: int) -> str:
    return CLAUSES[i % len(CLAUSES)].format(n=i + 1)


def _alone(clause: str) -> dict:
    """The one fact of a clause written as a sentence of its own."""
    (row,) = facts.extract(_article(clause + "。"))
    return {k: row[k] for k in COMPARED}


@pytest.fixture(scope="module")
def long_line() -> tuple[list[str], str, list[dict]]:
    clauses = [_clause(i) for i in range(1_200)]  # about 18,000 characters, one "sentence"
    body = "，".join(clauses) + "。"
    assert len(body) > 15 * text.MAX_SENTENCE
    return clauses, body, facts.extract(_article(body))


def test_every_clause_of_a_long_line_keeps_its_figure(long_line):
    clauses, body, rows = long_line
    assert len(rows) == len(clauses)
    for i, (clause, row) in enumerate(zip(clauses, rows, strict=True)):
        # The figure the clause writes, measuring what the clause says when it stands alone.
        assert row["value"] == (i + 1.5 if "%" in clause else i + 1), (i, clause)
        alone = _alone(clause)
        assert alone["indicator"] and {k: row[k] for k in COMPARED} == alone, (i, clause)
        # Offsets still point into the article's text, and the sentence shown holds the figure.
        assert body[row["char_start"] : row["char_end"]] == row["raw"]
        assert row["raw"] in row["sentence"] and len(row["sentence"]) <= text.MAX_SENTENCE


def test_repeated_figures_of_a_long_line_are_not_marked_as_mentions(long_line):
    _, _, rows = long_line
    assert not [r for r in rows if r["mention_of"]]  # every figure differs from the others


def test_long_pieces_leave_real_sentences_whole():
    for s in _dev_sentences():
        assert text.long_pieces(s.text, 0, len(s.text)) == [(0, len(s.text))]


def test_long_pieces_cut_at_clause_breaks_and_cover_the_line():
    line = "，".join(_clause(i) for i in range(500))
    pieces = text.long_pieces(line, 0, len(line))
    assert pieces[0][0] == 0 and pieces[-1][1] == len(line)
    assert all(a == b for (_, a), (b, _) in zip(pieces, pieces[1:], strict=False))  # contiguous
    assert all(b - a <= text.MAX_SENTENCE for a, b in pieces)
    assert all(line[b - 1] == "，" for _, b in pieces[:-1])


def test_a_line_without_any_break_is_cut_at_the_limit():
    line = "天津" * 1_500
    pieces = text.long_pieces(line, 0, len(line), limit=1_000)
    assert pieces == [(0, 1_000), (1_000, 2_000), (2_000, 3_000)]
    assert [s.text for s in text.split_sentences(line)] == [line[a:b] for a, b in pieces]


def test_sentence_at_by_bisection_matches_the_scan():
    for article in _dev_articles():
        body = article.text
        sentences = text.split_sentences(body)
        for offset in range(0, len(body), 7):
            scan = next((s for s in sentences if s.start <= offset < s.end), None)
            assert text.sentence_at(body, offset) == scan, (article.input_file, offset)


def test_cover_index_matches_the_pairwise_scan():
    rng = random.Random(8)
    for _ in range(200):
        spans = [
            (a, a + rng.randint(1, 30)) for a in (rng.randint(0, 300) for _ in range(rng.randint(0, 12)))
        ]
        inside = entities._cover_index(spans)
        for start in range(0, 320, 3):
            end = start + rng.randint(1, 8)
            assert inside(start, end) == any(a <= start and end <= b for a, b in spans)


def test_cached_scans_answer_like_a_fresh_scan_and_stay_unchanged():
    """Places, periods and subjects are computed once per sentence; callers get their own list."""
    for s in _dev_sentences():
        assert regions.find_places(s.text) == regions._scan_places(s.text)
        assert periods.find_periods(s.text, "2024") == periods._scan_periods(s.text, "2024")
        assert subjects.subject_mentions(s.text) == subjects._scan_subjects(s.text)
    sentence = "天津市与河北省合作，郑州市增长8%。"
    regions.find_places(sentence).clear()
    assert regions.find_places(sentence) == regions._scan_places(sentence) != []


def _dev_articles() -> list[Article]:
    files = sorted(paths.RAW_DIR.glob("*.txt")) + sorted(paths.DEV_CORPUS_DIR.glob("*.txt"))
    if not files:
        pytest.skip("no articles in data/raw or the dev corpus")
    return [a for f in files for a in articles_from_document(read_document(f))]


def _dev_sentences() -> list[text.Sentence]:
    return [s for a in _dev_articles() for s in text.split_sentences(a.text, clause_breaks=False)]
