"""Check facts_holdout.csv (the HOLDOUT part), as gold/official/src/validate.py checks facts_tuning.csv:
16 fields a row and the same header, each quote found exactly once in its document (str.find semantics,
byte for byte), number_text inside the quote, quote 8-30 characters, indicator_id in the vocabulary."""

import csv
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent.parent
ROOT = pathlib.Path(__file__).resolve().parents[4]  # the repository
CORPUS = ROOT / "tests" / "corpus" / "official"
HEADER = "doc,quote,number_text,value_base,value_high_base,base_unit,qualifier,kind,indicator,indicator_id,scope,subject,region,period,basis,notes".split(
    ","
)
with open(ROOT / "data" / "indicators" / "indicators.csv", encoding="utf-8") as _fh:
    voc = {r["id"] for r in csv.DictReader(_fh)}
with open(HERE / "facts_holdout.csv", encoding="utf-8", newline="") as _fh:
    raw = list(csv.reader(_fh))
bad = [i for i, r in enumerate(raw) if len(r) != 16]
if raw[0] != HEADER:
    bad.append(("header", raw[0]))
rows = [dict(zip(raw[0], r, strict=False)) for r in raw[1:]]
texts = {}
for r in rows:
    t = texts.setdefault(r["doc"], (CORPUS / f"{r['doc']}.txt").read_text(encoding="utf-8"))
    if t.count(r["quote"]) != 1:
        bad.append(("quote", r["doc"], r["quote"]))
    if r["number_text"] not in r["quote"]:
        bad.append(("number", r["quote"]))
    if not 8 <= len(r["quote"]) <= 30:
        bad.append(("length", r["quote"]))
    if r["indicator_id"] and r["indicator_id"] not in voc:
        bad.append(("id", r["indicator_id"]))
print(len(rows), "rows;", bad if bad else "OK")
sys.exit(1 if bad else 0)
