"""Build the gold CSVs of official texts from the hand-written row lists (one .rows file per document):
gold/official/facts_tuning.csv from src/*.rows over the shipped communiqués (data/raw/official),
gold/official/holdout/facts_holdout.csv from holdout/src/*.rows over tests/corpus/official,
gold/official/fresh/facts_fresh.csv from fresh/src/*.rows over tests/corpus/official (two more communiqués, labelled
after the holdout and scored blind once before they became tuning texts),
gold/official/fresh2/facts_fresh2.csv from fresh2/src/*.rows over tests/corpus/official (two more communiqués, labelled
2026-12-02 after the comparability rules, blind),
gold/official/fresh3/facts_fresh3.csv from fresh3/src/*.rows over tests/corpus/official (three more communiqués of
provinces no other communiqué came from, labelled 2026-12-03 by reading, blind),
gold/official/fresh4/facts_fresh4.csv from fresh4/src/*.rows over tests/corpus/official (two more communiqués of
provinces no other communiqué came from, 辽宁 and 内蒙古, labelled 2026-12-03 by reading, blind),
gold/official/fresh5/facts_fresh5.csv from fresh5/src/*.rows over tests/corpus/official (two more communiqués of
provinces no other communiqué came from, 山西 and 福建, labelled 2026-12-03 by reading, blind),
gold/official/fresh6/facts_fresh6.csv from fresh6/src/*.rows over tests/corpus/official (two more communiqués of
provinces no other communiqué came from, 安徽 and 湖北, labelled 2026-12-03 by reading, blind), and
gold/reports/tuning/facts_tuning.csv from gold/reports/tuning/src/*.rows over tests/corpus/reports and
gold/reports2/holdout/facts_holdout.csv from gold/reports2/holdout/src/*.rows over tests/corpus/reports2 and
gold/reports3/holdout/facts_holdout.csv from gold/reports3/holdout/src/*.rows over tests/corpus/reports3 (other
genres of official texts: bureau releases, budget reports; a document may be .txt or .html, and the quotes of an
.html document are looked up in its plain-text rendering, html_text.py).

    python3 gold/official/src/build.py && python3 gold/official/src/validate.py

Only arithmetic is automated: the magnitude of number_text (亿/万/千) -> value_base, and a growth in
倍 or 番 in percent (增长1.7倍 -> 170 %), as the facts store it; spaces inside a number and a full-width
decimal point (`18294 . 29 亿元`, `0．3%`) are dropped/read as a point for the value only.
Row format: quote|number_text|kind|indicator|indicator_id|scope[:subject]|period|qualifier|basis|notes[|base_unit]
kind: L level, C change_pct, P change_pp, S share_pct, R rate, T target, A change_abs, M multiple (or full word)
scope: r region, s sector, p part, o organisation, g group, n nation; '@区域;scope' puts another region in
       the region column (a 全国/全省 figure quoted for comparison)
period: default = document year; E = year-12; '-' = ''
base_unit (optional 11th field): overrides the unit derived from number_text, only for elliptical units
       (`0.8个、1.0个和0.9个百分点`: number_text 0.8个 is exactly as written, the unit is 个百分点)
"""

import csv
import pathlib
import re
import sys
from collections import Counter

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from html_text import html_to_text  # noqa: E402

HERE = pathlib.Path(__file__).parent
ROOT = pathlib.Path(__file__).resolve().parents[3]  # the repository
GOLD = HERE.parent
# part -> (row lists, texts, output)
PARTS = {
    "tuning": (HERE, ROOT / "data" / "raw" / "official", GOLD / "facts_tuning.csv"),
    "holdout": (GOLD / "holdout" / "src", ROOT / "tests" / "corpus" / "official", GOLD / "holdout" / "facts_holdout.csv"),
    "fresh": (GOLD / "fresh" / "src", ROOT / "tests" / "corpus" / "official", GOLD / "fresh" / "facts_fresh.csv"),
    "fresh2": (GOLD / "fresh2" / "src", ROOT / "tests" / "corpus" / "official", GOLD / "fresh2" / "facts_fresh2.csv"),
    "fresh3": (GOLD / "fresh3" / "src", ROOT / "tests" / "corpus" / "official", GOLD / "fresh3" / "facts_fresh3.csv"),
    "fresh4": (GOLD / "fresh4" / "src", ROOT / "tests" / "corpus" / "official", GOLD / "fresh4" / "facts_fresh4.csv"),
    "fresh5": (GOLD / "fresh5" / "src", ROOT / "tests" / "corpus" / "official", GOLD / "fresh5" / "facts_fresh5.csv"),
    "fresh6": (GOLD / "fresh6" / "src", ROOT / "tests" / "corpus" / "official", GOLD / "fresh6" / "facts_fresh6.csv"),
    "reports": (
        ROOT / "gold" / "reports" / "tuning" / "src",
        ROOT / "tests" / "corpus" / "reports",
        ROOT / "gold" / "reports" / "tuning" / "facts_tuning.csv",
    ),
    "reports2": (
        ROOT / "gold" / "reports2" / "holdout" / "src",
        ROOT / "tests" / "corpus" / "reports2",
        ROOT / "gold" / "reports2" / "holdout" / "facts_holdout.csv",
    ),
    "reports3": (
        ROOT / "gold" / "reports3" / "holdout" / "src",
        ROOT / "tests" / "corpus" / "reports3",
        ROOT / "gold" / "reports3" / "holdout" / "facts_holdout.csv",
    ),
}
with open(ROOT / "data" / "indicators" / "indicators.csv", encoding="utf-8") as _fh:
    VOC = {r["id"] for r in csv.DictReader(_fh)}
KIND = dict(L="level", C="change_pct", P="change_pp", S="share_pct", R="rate", T="target", A="change_abs", M="multiple")
SCOPE = dict(r="region", s="sector", p="part", o="organisation", g="group", n="nation")
QUAL = dict(x="exact", m="more_than", a="at_least", n="nearly", b="about", t="at_most")
MULT = {"万亿": 1e12, "亿": 1e8, "万": 1e4, "千": 1e3, "百": 1e2}
REGION = {"tianjin": "天津", "zhengzhou": "郑州", "shangrao": "上饶",
          "qiqihaer": "齐齐哈尔", "beijing": "北京", "dazhou": "达州", "chongzuo": "崇左",
          "baiyin": "白银", "shijiazhuang": "石家庄", "guoluo": "果洛", "benxi": "本溪", "jiyuan": "济源", "qingyang": "庆阳", "luan": "六安", "lincang": "临沧",
          "kizilsu": "克孜勒苏", "huangshi": "黄石", "sanya": "三亚", "zhuzhou": "株洲", "dongying": "东营",
          "tongchuan": "铜川", "puer": "普洱", "tongren": "铜仁",
          "panjin": "盘锦", "chifeng": "赤峰", "linfen": "临汾", "xiamen": "厦门",
          "anqing": "安庆", "xianning": "咸宁"}  # fmt: skip
HEADER = "doc,quote,number_text,value_base,value_high_base,base_unit,qualifier,kind,indicator,indicator_id,scope,subject,region,period,basis,notes".split(
    ","
)


def doc_text(corpus: pathlib.Path, doc: str) -> str:
    """The document's text: a .txt as stored, an .html rendered as plain text (html_text.py), where the quotes are
    looked up: Word-exported pages split numbers and units over <span> elements."""
    for suffix in (".txt", ".html"):
        path = corpus / f"{doc}{suffix}"
        if path.exists():
            raw = path.read_text(encoding="utf-8")
            return html_to_text(raw) if suffix == ".html" else raw
    raise FileNotFoundError(corpus / doc)


def conv(nt):
    from decimal import Decimal

    s = nt.replace(" ", "").replace("．", ".")  # a full-width decimal point as captured (0．3%, 临汾 2024)
    m = re.match(r"^(-?[\d.]+)(?:[-~至到]([\d.]+))?(.*)$", s)
    if not m:
        raise ValueError(nt)
    lo, hi, unit = m.group(1), m.group(2), m.group(3)
    mult = Decimal(1)
    if unit != "个百分点" and not unit.startswith(("千瓦", "千米", "千克")):  # kW, km, kg are units, not 千 x unit
        for k, v in MULT.items():
            if unit.startswith(k):
                mult = Decimal(int(v))
                unit = unit[len(k) :]
                break

    def f(x):
        v = Decimal(x) * mult
        t = format(v.normalize(), "f")
        return t

    return f(lo), (f(hi) if hi else ""), unit


def growth_pct(v: str, unit: str) -> str:
    """增长1.7倍 -> 170, 翻一番 -> 100 (arithmetic only, like conv)."""
    from decimal import Decimal

    if not v:
        return v
    d = Decimal(v)
    pct = d * 100 if unit == "倍" else (Decimal(2) ** int(d) - 1) * 100
    return format(pct.normalize(), "f")


def build(rows_dir: pathlib.Path, corpus: pathlib.Path, out: pathlib.Path) -> int:
    rows, errs = [], []
    for src in sorted(rows_dir.glob("*.rows")):
        doc = src.stem
        text = doc_text(corpus, doc)
        year = re.search(r"_(\d{4})_", doc).group(1)
        region = REGION[doc.split("_")[0]]
        for ln, line in enumerate(src.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            p = line.split("|") + [""] * 11
            if any(p[11:]):
                errs.append(f"{doc}:{ln}: too many fields")
            quote, nt, kind, ind, iid, scope, period, qual, basis, notes, unit_override = p[:11]
            region_row = region
            if scope.startswith("@"):  # @region;scope
                region_row, scope = scope[1:].split(";", 1)
            sc, _, subj = (scope or "r").partition(":")
            sc = SCOPE.get(sc, sc)
            per = {"": year, "E": f"{year}-12", "-": ""}.get(period, period)
            vb, vh, bu = conv(nt)
            if unit_override:
                if re.search(r"[A-Za-z\s]", unit_override):  # a note slipped into the unit field
                    errs.append(f"{doc}:{ln}: base_unit override {unit_override!r}")
                bu = unit_override
            k = KIND.get(kind, kind)
            if k == "change_pct" and bu in ("倍", "番"):  # the facts contract: growth in 倍/番 in percent
                vb, vh, bu = growth_pct(vb, bu), growth_pct(vh, bu), "%"
            q = QUAL.get(qual or "x", qual)
            n = text.count(quote)
            if n != 1:
                errs.append(f"{doc}:{ln}: quote found {n}x: {quote}")
            if nt not in quote and nt.replace(" ", "") not in quote:
                errs.append(f"{doc}:{ln}: number_text not in quote: {nt} / {quote}")
            if not (8 <= len(quote) <= 30):
                errs.append(f"{doc}:{ln}: quote length {len(quote)}: {quote}")
            if iid and iid not in VOC:
                errs.append(f"{doc}:{ln}: unknown id {iid}")
            if q not in QUAL.values():
                errs.append(f"{doc}:{ln}: qualifier {q}")
            if basis not in ("", "cumulative", "average_annual", "sequential"):
                errs.append(f"{doc}:{ln}: basis {basis}")
            if not re.fullmatch(r"(\d{4}(-\d\d|-Q\d|-H\d)?)?|since-\d{4}|\d{4}-\d\d\.\.\d{4}-\d\d", per):
                errs.append(f"{doc}:{ln}: period {per}")
            if k not in KIND.values():
                errs.append(f"{doc}:{ln}: kind {k}")
            if sc not in SCOPE.values():
                errs.append(f"{doc}:{ln}: scope {sc}")
            rows.append([doc, quote, nt, vb, vh, bu, q, k, ind, iid, sc, subj, region_row, per, basis, notes])
    with open(out, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(HEADER)
        w.writerows(rows)
    print("\n".join(errs) or "no errors")
    print(Counter(r[0] for r in rows))
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(max(build(*paths) for paths in PARTS.values()))
