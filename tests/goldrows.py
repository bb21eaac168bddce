"""Gold rows as table-driven tests (tests/test_gold_official.py, tests/test_gold_reports2.py): each labelled
figure must be found and each scored field must be the gold's; a row of the set's known_misses.csv (doc, quote,
field, reason) runs as a strict xfail, so a fix shows."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from lib import evaluate

FIELDS = ("kind", "indicator_id", "scope", "period", "region")


def read_rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def known_misses(path: Path) -> dict[tuple[str, str, str], str]:
    return {(r["doc"], r["quote"], r["field"]): r["reason"] for r in read_rows(path)}


def matched(gold_rows: list[dict], doc: str) -> dict[tuple[str, str], dict]:
    """The extracted fact of each gold row of ``doc``, by (quote, number_text): a structure ratio is one quote
    and three figures."""
    rows = [g for g in gold_rows if g["doc"] == doc]
    pairs, _, _ = evaluate.match(rows, evaluate.extract_doc(evaluate.find_doc(doc)))
    return {(g["quote"], g["number_text"]): f for g, f in pairs}


def cases(gold_rows: list[dict], misses: dict[tuple[str, str, str], str]):
    for g in gold_rows:
        for name in FIELDS:
            reason = misses.get((g["doc"], g["quote"], "found")) or misses.get((g["doc"], g["quote"], name))
            marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
            yield pytest.param(g, name, marks=marks, id=f"{g['doc'][:14]}:{g['quote']}:{name}")


def check(fact: dict | None, gold: dict, name: str) -> None:
    assert fact is not None, f"not found: {gold['number_text']} in {gold['quote']}"
    assert evaluate._field_ok(name, gold, fact), f"{name}: gold {gold[name]!r}, got {fact[name]!r}"


def check_known_misses(gold_rows: list[dict], misses: dict[tuple[str, str, str], str]) -> None:
    quotes = {(g["doc"], g["quote"]) for g in gold_rows}
    assert all((doc, quote) in quotes and field in (*FIELDS, "found") for doc, quote, field in misses)
    assert all(misses.values())


_MATCHED: dict[tuple[int, str], dict[tuple[str, str], dict]] = {}


def check_figure(gold_rows: list[dict], gold: dict, name: str) -> None:
    """``check`` of one gold row's field against the fact extracted for it; each document is extracted once per gold
    table. A document that cannot be found (a private text absent on this machine) skips."""
    doc = gold["doc"]
    if evaluate.find_doc(doc) is None:
        pytest.skip(f"{doc} is absent (a copyrighted text kept outside the repository)")
    key = (id(gold_rows), doc)
    if key not in _MATCHED:
        _MATCHED[key] = matched(gold_rows, doc)
    check(_MATCHED[key].get((gold["quote"], gold["number_text"])), gold, name)
