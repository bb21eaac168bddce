"""Build gold/traditional_real/{tuning,holdout}/facts_*.csv from the hand-written row lists (one .rows file per
text) over the real Traditional-script texts of ../private/traditional (copyrighted: outside the repository).

    .venv/bin/python gold/traditional_real/src/build.py

Row format as gold/official/src/build.py (quote|number_text|kind|indicator|indicator_id|scope|period|qualifier|
basis|notes[|base_unit]); the first line `#region: 台湾` names the document's region; the period is always given
(YYYY, YYYY-MM, YYYY-Qn, or a range YYYY-MM..YYYY-MM for 前10月 / 首十個月 / 上半年).
Only arithmetic is automated: number_text -> value_base with the magnitudes 兆/億/萬/千 of Traditional writing,
mixed ones too (3兆9,603億 = 3.9603e12, 22萬808 = 220808, 3兆4千多億 = 3.4e12), thousands separators dropped;
千分之x -> x ‰; the unit without its magnitude, in Simplified characters (個百分點 -> 个百分点, 新台幣 -> 新台币) as the
facts table stores it. The indicator is written as in the text; the Simplified form is added as an alternative
(the extractor names indicators in Simplified characters).
"""

import csv
import importlib.util
import os
import pathlib
import re
import sys
from collections import Counter
from decimal import Decimal

import opencc

HERE = pathlib.Path(__file__).parent
GOLD = HERE.parent
ROOT = pathlib.Path(__file__).resolve().parents[3]
_spec = importlib.util.spec_from_file_location("official_build", ROOT / "gold" / "official" / "src" / "build.py")
_official = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_official)
HEADER, KIND, QUAL, SCOPE, VOC = _official.HEADER, _official.KIND, _official.QUAL, _official.SCOPE, _official.VOC

TEXTS = pathlib.Path(os.environ.get("RDD_PRIVATE_DIR", ROOT.parent / "private")) / "traditional"
PARTS = {"tuning": GOLD / "tuning", "holdout": GOLD / "holdout"}
MAG = {"兆": Decimal(10) ** 12, "億": Decimal(10) ** 8, "亿": Decimal(10) ** 8, "萬": Decimal(10) ** 4, "万": Decimal(10) ** 4, "千": Decimal(1000)}
T2S = opencc.OpenCC("t2s").convert


def value(nt: str) -> tuple[str, str]:
    sign = -1 if nt.strip().startswith("-") else 1  # a revision to -21.4%
    nt = nt.strip().lstrip("-")
    s = re.sub(r"多(?=[兆億萬千])", "", nt.replace(",", "").replace(" ", ""))  # 3兆4千多億: 多 before a magnitude
    if s.startswith("千分之"):
        return s[3:], "‰"
    total, i = Decimal(0), 0
    while True:
        m = re.match(r"(\d+(?:\.\d+)?)([兆億亿萬万千]*)", s[i:])
        if not m or not m.group(0):
            break
        n = Decimal(m.group(1))
        for c in m.group(2):
            n *= MAG[c]
        total += n
        i += m.end()
        if not m.group(2):
            break
    unit = s[i:].lstrip("多")
    return format((sign * total).normalize(), "f"), T2S(unit)


def build(part: str) -> int:
    out_dir = PARTS[part]
    rows, errs = [], []
    for src in sorted((out_dir / "src").glob("*.rows")):
        doc = src.stem
        text = (TEXTS / f"{doc}.txt").read_text(encoding="utf-8")
        lines = src.read_text(encoding="utf-8").splitlines()
        region = lines[0].removeprefix("#region:").strip()
        for ln, line in enumerate(lines[1:], 2):
            if not line.strip() or line.startswith("#"):
                continue
            p = line.split("|") + [""] * 11
            if any(p[11:]):
                errs.append(f"{doc}:{ln}: too many fields")
            quote, nt, kind, ind, iid, scope, per, qual, basis, notes, unit_override = p[:11]
            region_row = region
            if scope.startswith("@"):
                region_row, scope = scope[1:].split(";", 1)
            sc, _, subj = (scope or "r").partition(":")
            sc = SCOPE.get(sc, sc)
            vb, bu = value(nt)
            bu = unit_override or bu
            k = KIND.get(kind, kind)
            q = QUAL.get(qual or "x", qual)
            indicator = ind if T2S(ind) == ind else f"{ind}|{T2S(ind)}"
            if text.count(quote) != 1:
                errs.append(f"{doc}:{ln}: quote found {text.count(quote)}x: {quote}")
            if nt not in quote:
                errs.append(f"{doc}:{ln}: number_text not in quote: {nt} / {quote}")
            if not (8 <= len(quote) <= 30):
                errs.append(f"{doc}:{ln}: quote length {len(quote)}: {quote}")
            if iid and iid not in VOC:
                errs.append(f"{doc}:{ln}: unknown id {iid}")
            if q not in QUAL.values() or k not in KIND.values() or sc not in SCOPE.values():
                errs.append(f"{doc}:{ln}: qualifier/kind/scope {q} {k} {sc}")
            if basis not in ("", "cumulative", "sequential"):
                errs.append(f"{doc}:{ln}: basis {basis}")
            if not re.fullmatch(r"\d{4}(-\d\d|-Q\d)?|\d{4}-\d\d\.\.\d{4}-\d\d", per):
                errs.append(f"{doc}:{ln}: period {per}")
            rows.append([doc, quote, nt, vb, "", bu, q, k, indicator, iid, sc, T2S(subj), region_row, per, basis, notes])
    with open(out_dir / f"facts_{part}.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(HEADER)
        w.writerows(rows)
    print(part, "\n".join(errs) or "no errors", dict(Counter(r[0] for r in rows)), len(rows))
    return 1 if errs else 0


if __name__ == "__main__":
    if not TEXTS.is_dir():
        sys.exit(f"{TEXTS} is absent: the texts are private, the CSVs stay as committed")
    sys.exit(max(build(part) for part in PARTS))
