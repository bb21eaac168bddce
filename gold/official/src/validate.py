"""Check the gold CSVs of official statistics (facts_tuning.csv and holdout/facts_holdout.csv): 16 fields a
row and the same header, each quote found exactly once in its document (str.find semantics, byte for byte),
number_text inside the quote, quote 8-30 characters, indicator_id in the vocabulary."""

import csv
import pathlib
import sys

GOLD = pathlib.Path(__file__).resolve().parent.parent
ROOT = pathlib.Path(__file__).resolve().parents[3]  # the repository
SETS = {
    GOLD / "facts_tuning.csv": ROOT / "data" / "raw" / "official",
    GOLD / "holdout" / "facts_holdout.csv": ROOT / "tests" / "corpus" / "official",
}
HEADER = "doc,quote,number_text,value_base,value_high_base,base_unit,qualifier,kind,indicator,indicator_id,scope,subject,region,period,basis,notes".split(
    ","
)
with open(ROOT / "data" / "indicators" / "indicators.csv", encoding="utf-8") as _fh:
    voc = {r["id"] for r in csv.DictReader(_fh)}


def check(path: pathlib.Path, corpus: pathlib.Path) -> list:
    with open(path, encoding="utf-8", newline="") as fh:
        raw = list(csv.reader(fh))
    bad = [i for i, r in enumerate(raw) if len(r) != 16]
    if raw[0] != HEADER:
        bad.append(("header", raw[0]))
    rows = [dict(zip(raw[0], r, strict=False)) for r in raw[1:]]
    texts = {}
    for r in rows:
        t = texts.setdefault(r["doc"], (corpus / f"{r['doc']}.txt").read_text(encoding="utf-8"))
        if t.count(r["quote"]) != 1:
            bad.append(("quote", r["doc"], r["quote"]))
        if r["number_text"] not in r["quote"]:
            bad.append(("number", r["quote"]))
        if not 8 <= len(r["quote"]) <= 30:
            bad.append(("length", r["quote"]))
        if r["indicator_id"] and r["indicator_id"] not in voc:
            bad.append(("id", r["indicator_id"]))
    print(path.relative_to(ROOT), len(rows), "rows;", bad if bad else "OK")
    return bad


if __name__ == "__main__":
    sys.exit(1 if any([check(p, c) for p, c in SETS.items()]) else 0)
