"""Check the gold CSVs of official texts (gold/official/facts_tuning.csv, gold/official/holdout/facts_holdout.csv,
gold/official/fresh/facts_fresh.csv, gold/official/fresh2/facts_fresh2.csv, gold/official/fresh3/facts_fresh3.csv, gold/official/fresh4/facts_fresh4.csv, gold/official/fresh5/facts_fresh5.csv, gold/official/fresh6/facts_fresh6.csv, gold/reports/tuning/facts_tuning.csv, gold/reports2/holdout/facts_holdout.csv and gold/reports3/holdout/facts_holdout.csv): 16 fields a row and the same header, each quote found exactly once
in its document (str.find semantics, byte for byte), number_text inside the quote, quote 8-30 characters and
inside one sentence (no 。！？ before its last character), indicator_id in the vocabulary. Quotes of an .html document are looked up in its plain-text rendering
(html_text.py, shared with build.py)."""

import csv
import pathlib
import sys

GOLD = pathlib.Path(__file__).resolve().parent.parent
ROOT = pathlib.Path(__file__).resolve().parents[3]  # the repository
SETS = {
    GOLD / "facts_tuning.csv": ROOT / "data" / "raw" / "official",
    GOLD / "holdout" / "facts_holdout.csv": ROOT / "tests" / "corpus" / "official",
    GOLD / "fresh" / "facts_fresh.csv": ROOT / "tests" / "corpus" / "official",
    GOLD / "fresh2" / "facts_fresh2.csv": ROOT / "tests" / "corpus" / "official",
    GOLD / "fresh3" / "facts_fresh3.csv": ROOT / "tests" / "corpus" / "official",
    GOLD / "fresh4" / "facts_fresh4.csv": ROOT / "tests" / "corpus" / "official",
    GOLD / "fresh5" / "facts_fresh5.csv": ROOT / "tests" / "corpus" / "official",
    GOLD / "fresh6" / "facts_fresh6.csv": ROOT / "tests" / "corpus" / "official",
    ROOT / "gold" / "reports" / "tuning" / "facts_tuning.csv": ROOT / "tests" / "corpus" / "reports",
    ROOT / "gold" / "reports2" / "holdout" / "facts_holdout.csv": ROOT / "tests" / "corpus" / "reports2",
    ROOT / "gold" / "reports3" / "holdout" / "facts_holdout.csv": ROOT / "tests" / "corpus" / "reports3",
}
HEADER = "doc,quote,number_text,value_base,value_high_base,base_unit,qualifier,kind,indicator,indicator_id,scope,subject,region,period,basis,notes".split(
    ","
)
with open(ROOT / "data" / "indicators" / "indicators.csv", encoding="utf-8") as _fh:
    voc = {r["id"] for r in csv.DictReader(_fh)}


sys.path.insert(0, str(pathlib.Path(__file__).parent))
from build import doc_text  # noqa: E402  (one reader of the texts: .html through html_text.py)


def check(path: pathlib.Path, corpus: pathlib.Path) -> list:
    with open(path, encoding="utf-8", newline="") as fh:
        raw = list(csv.reader(fh))
    bad = [i for i, r in enumerate(raw) if len(r) != 16]
    if raw[0] != HEADER:
        bad.append(("header", raw[0]))
    rows = [dict(zip(raw[0], r, strict=False)) for r in raw[1:]]
    texts = {}
    for r in rows:
        if r["doc"] not in texts:
            texts[r["doc"]] = doc_text(corpus, r["doc"])
        t = texts[r["doc"]]
        if t.count(r["quote"]) != 1:
            bad.append(("quote", r["doc"], r["quote"]))
        if r["number_text"] not in r["quote"]:
            bad.append(("number", r["quote"]))
        if not 8 <= len(r["quote"]) <= 30:
            bad.append(("length", r["quote"]))
        if any(c in r["quote"][:-1] for c in "。！？"):  # the scorer finds the quote inside one sentence
            bad.append(("crosses a sentence end", r["quote"]))
        if r["indicator_id"] and r["indicator_id"] not in voc:
            bad.append(("id", r["indicator_id"]))
    print(path.relative_to(ROOT), len(rows), "rows;", bad if bad else "OK")
    return bad


# Dated events of the reports holdout: doc,quote,date_text,date,planned,region,notes; the quote once in its document,
# date_text inside the quote, date YYYY, YYYY-MM or YYYY-MM-DD, planned True/False.
EVENTS = {
    ROOT / "gold" / "reports" / "tuning" / "events_tuning.csv": ROOT / "tests" / "corpus" / "reports",
    ROOT / "gold" / "reports2" / "holdout" / "events_holdout.csv": ROOT / "tests" / "corpus" / "reports2",
    ROOT / "gold" / "reports3" / "holdout" / "events_holdout.csv": ROOT / "tests" / "corpus" / "reports3",
}


def check_events(path: pathlib.Path, corpus: pathlib.Path) -> list:
    import re

    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    bad = []
    for r in rows:
        if doc_text(corpus, r["doc"]).count(r["quote"]) != 1:
            bad.append(("quote", r["doc"], r["quote"]))
        if r["date_text"] not in r["quote"]:
            bad.append(("date_text", r["quote"]))
        if not re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?", r["date"]) or r["planned"] not in ("True", "False"):
            bad.append(("date/planned", r["quote"]))
    print(path.relative_to(ROOT), len(rows), "events;", bad if bad else "OK")
    return bad


if __name__ == "__main__":
    bad = [check(p, c) for p, c in SETS.items()] + [check_events(p, c) for p, c in EVENTS.items()]
    sys.exit(1 if any(bad) else 0)
