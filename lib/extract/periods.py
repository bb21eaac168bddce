"""Periods and dates named in a sentence: 2023年, 今年一季度, 1-8月, 上半年, 从2014年起, 每年.

Pure functions shared by the facts extractor (which period a figure covers) and the events
extractor (when something happened).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from lib.extract import clauses

_CN_MONTHS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10, "十一": 11, "十二": 12}
_CN_DIGIT = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}

# Each pattern with a word it cannot match without: checking for the word is much cheaper than a scan,
# and most sentences have no 季度 or 半年.
_PATTERNS: list[tuple[str, str, re.Pattern]] = [
    (
        "since",
        "年",
        re.compile(
            r"(?:从|自)(\d{4})\s?年(?:\d{1,2}月)?[\u4e00-\u9fa5]{0,4}?(?:起|以来|开始)|(\d{4})\s?年(?:\d{1,2}月)?以来"
        ),
    ),
    # 1-8月, and Hong Kong's three-month periods written with both months: 7月至9月
    ("months", "月", re.compile(r"(?:(\d{4})年|(今年|去年|上年))?(\d{1,2})(?:月(?=至))?\s*[-—–~至到]\s*(\d{1,2})月(?!\d*日)")),
    ("quarters", "季", re.compile(r"(?:(\d{4})年|(今年|去年|上年))?前(三|二|3|2)(?:个)?季度?")),
    # 前10个月, 首十个月 (Hong Kong), 前10月 (Taiwan): January to that month
    ("first_months", "月", re.compile(r"(?:(\d{4})年|(今年|去年|上年))?(?:前|首)(\d{1,2}|十[一二]?|[二三四五六七八九])个?月(?!\d*日)")),
    # 第三季 without 度 is Hong Kong's usage
    ("quarter", "季", re.compile(r"(?:(\d{4})年|(今年|去年|上年))?(?:第([一二三四1-4])季度?|([一二三四1-4])季度)")),
    ("month", "月", re.compile(r"(?:(\d{4})年|(今年|去年|上年))?(?<![\d.\-—–~至到])(\d{1,2})月份?(?![\d日号底末初中上下])")),
    # a month in numerals after its year (今年十月, 2004年十一月: Macao's and Hong Kong's releases, old papers)
    ("cn_month", "月", re.compile(r"(?:(\d{4})年|(今年|去年|上年))(十[一二]?|[一二三四五六七八九])月份?(?![日号底末初中上下])")),
    ("half", "半年", re.compile(r"(?:(\d{4})年|(今年|去年|上年))?(上|下)半年")),
    # 2022 年: crawl noise; 过去一年 opens a work report's review of the year before it is given;
    # 上年结转/结余 (a budget's carry-over from last year) is this year's money, not last year's period;
    # 去年全年 (Macao's releases) is the year before, one mention
    ("year", "年", re.compile(r"(\d{4})\s?年(?!\s?\d{1,2}月\d{1,2}日)|(今年|去年|上年(?!结转|结余|结存)|全年|过去(?:的)?一年)(?:全年)?")),
    ("annual", "每年", re.compile(r"每年")),
    # a 民国 (Republic of China) year, Taiwan's calendar: 民国111年, 114年度, 113年1-10月, and 114年 itself where it
    # falls near the publication year (see _roc_year); never after 近/约/建党… or before 来/间/以上/周年/一遇 (a length of time)
    (
        "roc",
        "年",
        re.compile(
            r"(?<![\d.])(?:(?P<minguo>民国)|(?<![近约逾超过了的这那百建成立诞辰党国校庆龄]))(?P<n>\d{2,3})\s?年"
            r"(?!来|间|前|后|内|以|周年|多|左右|一遇|\s?\d{1,2}\s?月\s?\d{1,2}\s?日)"
        ),
    ),
]


@dataclass(frozen=True)
class PeriodMention:
    start: int
    end: int
    period: str


def _year(explicit: str | None, relative: str | None, anchor: str) -> str:
    if explicit:
        return explicit
    if relative and anchor.isdigit():
        return str(int(anchor) - 1) if relative in ("去年", "上年") or relative.startswith("过去") else anchor
    return anchor if anchor.isdigit() else ""


def find_periods(sentence: str, anchor_year: str = "") -> list[PeriodMention]:
    """Every period expression in a sentence, resolved against the publication year where relative."""
    return list(_periods_cached(sentence, anchor_year))


# Each figure asks for its sentence's periods: one scan per sentence keeps long sentences linear.
@lru_cache(maxsize=256)
def _periods_cached(sentence: str, anchor_year: str) -> tuple[PeriodMention, ...]:
    return tuple(_scan_periods(sentence, anchor_year))


# The matches do not depend on the anchor year, and a sentence is read with the publication year (facts)
# and without one (subjects.macro_lead): matched once, rendered per anchor.
@lru_cache(maxsize=256)
def _matches(sentence: str) -> tuple[tuple[str, re.Match], ...]:
    return tuple((kind, m) for kind, word, pat in _PATTERNS if word in sentence for m in pat.finditer(sentence))


def _scan_periods(sentence: str, anchor_year: str) -> list[PeriodMention]:
    taken: list[tuple[int, int]] = []
    out: list[PeriodMention] = []
    for kind, m in _matches(sentence):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        period = _render(kind, m, anchor_year)
        if period:
            taken.append((m.start(), m.end()))
            out.append(PeriodMention(m.start(), m.end(), period))
    return sorted(out, key=lambda p: p.start)


# A span of months from January is the quarter, half or year it equals, so 1-6月 and 上半年 are one period and
# the figures of two regions that write them differently are compared (the dashboard keys on the period).
_FROM_JANUARY = {3: "Q1", 6: "H1", 9: "Q1-Q3"}
_MONTH_SPAN = re.compile(r"^(\d{4})-01\.\.(\d{4})-(\d{2})$")


def canonical(period: str) -> str:
    """One spelling per period: 2024-01..2024-06 -> 2024-H1, 2024-01..2024-03 -> 2024-Q1, 2024-01..2024-09 ->
    2024-Q1-Q3, 2024-01..2024-12 -> 2024; anything else as it is."""
    m = _MONTH_SPAN.match(period)
    if not m or m.group(1) != m.group(2):
        return period
    end = int(m.group(3))
    if end == 12:
        return m.group(1)
    return f"{m.group(1)}-{_FROM_JANUARY[end]}" if end in _FROM_JANUARY else period


def _render(kind: str, m: re.Match, anchor: str) -> str:
    return canonical(_render_as_written(kind, m, anchor))


def _render_as_written(kind: str, m: re.Match, anchor: str) -> str:
    g = m.groups()
    if kind == "since":
        return f"since-{g[0] or g[1]}"
    if kind == "annual":
        return "每年"
    if kind == "roc":
        return _roc_year(m, anchor)
    if kind == "year":
        if g[1] == "全年":
            return anchor if anchor.isdigit() else ""
        return _year(g[0], g[1], anchor)
    year = _year(g[0], g[1], anchor)
    prefix = f"{year}-" if year else ""
    if kind == "months":
        a, b = int(g[2]), int(g[3])
        if not (1 <= a < b <= 12):
            return ""
        if (a, b) == (1, 12) and year:
            return year  # 1-12月 is the whole year, compared with 全年 figures
        return f"{prefix}{a:02d}..{prefix}{b:02d}" if year else f"{a:02d}..{b:02d}"
    if kind == "quarters":
        return f"{prefix}Q1-Q{_CN_DIGIT[g[2]]}"
    if kind == "quarter":
        return f"{prefix}Q{_CN_DIGIT[g[2] or g[3]]}"
    if kind == "first_months":
        n = int(g[2]) if g[2].isdigit() else _CN_MONTHS[g[2]]
        if not 2 <= n <= 12:
            return ""
        return (year or "") if n == 12 and year else (f"{prefix}01..{prefix}{n:02d}" if year else f"01..{n:02d}")
    if kind == "month":
        n = int(g[2])
        return f"{prefix}{n:02d}" if year and 1 <= n <= 12 else ""
    if kind == "cn_month":
        return f"{prefix}{_CN_MONTHS[g[2]]:02d}" if year else ""
    if kind == "half":
        return f"{prefix}H{1 if g[2] == '上' else 2}"
    return ""


def _roc_year(m: re.Match, anchor: str) -> str:
    """民国 N年 is N + 1911. Without 民国 or 年度 only a year near the publication year (15 years before to one
    after) is read so, and only from 100 on: 114年 in a 2026 article is 2025, 100年 in a 1990 one is no year."""
    n = int(m.group("n"))
    if not 30 <= n <= 130:
        return ""
    year = n + 1911
    if m.group("minguo") or m.string.startswith("度", m.end()):
        return str(year)
    if n < 100 or not anchor.isdigit() or not int(anchor) - 15 <= year <= int(anchor) + 1:
        return ""
    return str(year)


def period_for(sentence: str, pos: int, anchor_year: str = "") -> str:
    """The period a figure at ``pos`` covers: the nearest period named before it, else after it.
    The base of a comparison (比上年, 较去年同期, 比上年末) is not the figure's period."""
    found = figure_periods(sentence, anchor_year)
    before = [
        p for p in found
        if p.end <= pos and not _changed_since(sentence, p, pos) and not _aside(sentence, p, pos)
        and not sentence[max(0, p.start - 2) : p.start].endswith(_REMOVED)
        and not (is_compared_object(sentence, p) and pos > p.end + 1)
    ]  # fmt: skip
    if before:
        return before[-1].period
    # A period after the figure counts only inside its own clause: '…增长19.9%，年末…' starts another one.
    clause_end = clauses.of(sentence).end(pos)
    after = [p for p in found if pos <= p.start < clause_end]
    return after[0].period if after else ""


# 178.8亿元【12月当月收入13.9亿元…】，增长3%: a bracketed aside names its own period, not that of what follows it.
_ASIDES = {"【": "】", "（": "）", "(": ")", "[": "]"}
# 剔除上年缓税抬高基数等特殊因素后，可比增长6.2%: the period of what is taken out is not the figure's.
_REMOVED = ("剔除", "扣除")


# 已超过去年全年的16,672,556人次，达17,043,667人次: the period of what is surpassed is the period of that figure
# alone (right after its 的), not of the figures after it nor of the sentences after it.
_SURPASSED = ("超过", "超出", "超越", "高于", "低于", "多于", "少于")


def is_compared_object(sentence: str, p: PeriodMention) -> bool:
    return sentence[max(0, p.start - 2) : p.start].endswith(_SURPASSED) and sentence.startswith("的", p.end)


def _aside(sentence: str, p: PeriodMention, pos: int) -> bool:
    for opening, closing in _ASIDES.items():
        start = sentence.rfind(opening, 0, p.start + 1)
        if start >= 0 and start <= p.start and 0 <= sentence.find(closing, p.end, pos) < pos:
            return sentence.find(closing, start, p.start) < 0  # the bracket is still open at the period
    return False


# '由上年18.87：34.20：46.93转变为15.20:…': what follows the change names the figure's own period, not 上年.
_FROM = ("由", "从")
_CHANGED_TO = re.compile(r"(?:转变|调整|优化|变|转|提高|提升|下降|降|上升|升|增加|增|减少|减)(?:为|到|至)")


def _changed_since(sentence: str, p: PeriodMention, pos: int) -> bool:
    return sentence[max(0, p.start - 1) : p.start] in _FROM and bool(_CHANGED_TO.search(sentence, p.end, pos))


# 年末/年底 stocks (年末常住人口) are as of December; 比上年末 is a comparison base, handled below.
_YEAR_END = re.compile(r"(?:(\d{4})年|(今年|去年|上年|本年))?(?:年末|年底|末)(?!期)")
# 6月末, 截至12月底: a stock as of that month's end; followed by 累计, the months up to it.
_YEAR_TO_DATE = re.compile(r"累计")
_MONTH_END = re.compile(r"(?:(\d{4})年|(今年|去年|上年|本年))?(\d{1,2})月(?:末|底)")
# A period preceded by one of these, or followed by 同期, is what the figure is compared with.
# Words that put what follows them as the base of a comparison: 比上年, 高于全国 (shared with scopes).
COMPARISON_WORDS = ("比", "较", "高于", "低于", "快于", "慢于", "好于", "相比", "对比")
_BASE_BEFORE = (*COMPARISON_WORDS, "与", "同")  # 与上年持平
_BASE_AFTER = re.compile(r"^(?:同期|水平|的|相比|比|末)")
_FORECAST_MADE = re.compile(r"(?:预测|预估)(?:数|值|的)")
_BASE_OF_MULTIPLE = re.compile(r"(?:同期|水平)?的[\d.一二两三四五六七八九十]+倍")  # 是2020年的2.5倍


def figure_periods(sentence: str, anchor_year: str = "") -> list[PeriodMention]:
    """Periods a figure of the sentence can cover: find_periods and year-end stocks (YYYY-12), without
    the bases of comparisons. Cached per sentence like find_periods."""
    return list(_figure_periods_cached(sentence, anchor_year))


@lru_cache(maxsize=256)
def _figure_periods_cached(sentence: str, anchor_year: str) -> tuple[PeriodMention, ...]:
    out = []
    for m in _MONTH_END.finditer(sentence):
        year, month = _year(m.group(1), m.group(2), anchor_year), int(m.group(3))
        if year and 1 <= month <= 12 and not _is_base(sentence, m.start(), m.end(), year_end=True):
            if _YEAR_TO_DATE.search(sentence, m.end()):  # 截至11月底，累计生产原煤…: January to November
                period = canonical(f"{year}-01..{year}-{month:02d}")
            else:  # 截至12月底，全市在库项目593个: a stock at the month's end
                period = f"{year}-{month:02d}"
            out.append(PeriodMention(m.start(), m.end(), period))
    for m in _YEAR_END.finditer(sentence):
        if any(p.start <= m.start() < p.end for p in out):
            continue
        if m.group(0) in ("末",) or _is_base(sentence, m.start(), m.end(), year_end=True):
            continue
        year = _year(m.group(1), m.group(2), anchor_year)
        if year:
            out.append(PeriodMention(m.start(), m.end(), f"{year}-12"))
    taken = [(p.start, p.end) for p in out]
    for p in find_periods(sentence, anchor_year):
        if any(s < p.end and p.start < e for s, e in taken) or _is_base(sentence, p.start, p.end):
            continue
        out.append(p)
    return tuple(sorted(out, key=lambda p: p.start))


def _is_base(sentence: str, start: int, end: int, year_end: bool = False) -> bool:
    head = sentence[max(0, start - 2) : start]  # 比上年, 较2023年, 高于去年
    if head.endswith(_BASE_BEFORE):
        return True
    if _BASE_OF_MULTIPLE.match(sentence, end):
        return True
    if _FORECAST_MADE.match(sentence, end):
        return True  # 较106年8月预测数1.89%: the month the forecast was made, not the period it forecasts
    after = sentence[end : end + 2]
    return bool(_BASE_AFTER.match(after)) and not year_end and sentence[start:end] in ("上年", "去年")
