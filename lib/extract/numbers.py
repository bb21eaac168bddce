"""Find and parse the quantities in Chinese text: number, unit, magnitude, qualifier, spans.

``parse_number`` turns one written number into a float (Arabic, Chinese numerals, mixed such
as 1.8万, fractions). ``find_quantities`` scans text with one candidate regex and a tail regex
(余/多, 万/亿 multiplier, unit, 以上/左右 ...), then applies generic rules that reject what only
looks like a number: dates and years, ordinals, codes (G60), ranks (500强), slogans and
quoted names (“开放十条”), lone Chinese numerals without a measure word (长三角, 一流, 四川).

Decisions (see the module tests for examples):
- value is the number as written before the multiplier: 45亿元 -> value 45, unit 亿元,
  multiplier 1e8, value_base 4.5e9, base_unit 元. Percentages stay percent (12.5%).
- 三成 -> value 3, unit 成, multiplier 10, value_base 30, base_unit %.
- 四分之一 -> value 25, unit %, multiplier 1 (N分之M is a share); 百分之十五 -> 15 %;
  千分之三 -> 3 ‰. ``parse_number`` itself returns plain fractions (0.25, 0.15, 0.3).
- Bare 百/千/万/亿 without a digit (百亿元, 万卡集群, 千亿级) are orders of magnitude: kept, with
  qualifier ``about`` unless another qualifier is written; 十 (十年, 十亿次) stays exact.
- N万亿级 / 千亿级 (a class label) -> qualifier at_least, qualifier_text 级.
- A lone 万/亿 right after "(" or ":" is a unit label ((亿元), 单位：万元), not a quantity.
- Plain 一/二 with a counting word (一批, 一个个, 二次) are articles or ordinals, not quantities;
  一倍, 一成, 一元 and anything with a qualifier are kept.
- 近 + a duration (近10年) means "the last ten years": exact, 近 not taken as a qualifier.
- A quantity inside a short quoted or titled name with other words (“开放十条”,
  “8万亿元俱乐部”, “二次招商”) is a name; a quote holding only the quantity (“四万亿”) is kept.
- N年平均 (两年平均增长) names a metric; the N年 is not a quantity.
- Vague numbers (数十, 几百, 三四个) and bare numbers below 100 without a unit are skipped.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from lib.extract.currencies import canonical, currencies
from lib.text import fold_width

# --- Chinese numerals -------------------------------------------------------------------------

_DIGITS = {
    "零": 0, "〇": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "兩": 2, "三": 3, "叁": 3,
    "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}  # fmt: skip
_SMALL = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
_CHN_CHARS = "".join(_DIGITS) + "".join(_SMALL) + "".join(_BIG)
_CHN = f"[{_CHN_CHARS}]"
# 十一点五, 六点二: a Chinese numeral with decimal digits after 点.
_CHN_DECIMAL = f"{_CHN}+点[零〇一二两三四五六七八九]+"
_MULT_VALUE = {**_SMALL, **_BIG, "兆": 10**12}  # 兆 only as a magnitude where _MULT lets it be one

_ARABIC = r"\d+(?:,\d{3})+(?![\d,])(?:\.\d+)?|\d+(?:\.\d+)?"
_ARABIC_FULL = re.compile(rf"(?:{_ARABIC})")
_MIXED_FULL = re.compile(rf"({_ARABIC})([十百千]?[万亿]*|[十百千])")


# A year written digit by digit in Chinese numerals (二〇二五年, 二○二四年 with a circle for the zero), as
# communiqué titles write it: the same four characters in Arabic digits, so offsets do not move.
_CHINESE_YEAR = re.compile(r"[一二][〇○零一二三四五六七八九]{3}(?=年)")
_YEAR_DIGITS = {**{c: str(d) for c, d in _DIGITS.items()}, "○": "0"}


def arabic_years(text: str) -> str:
    """``text`` with its Chinese-numeral years in Arabic digits (二〇二五年盘锦市… -> 2025年盘锦市…)."""
    return _CHINESE_YEAR.sub(lambda m: "".join(_YEAR_DIGITS[c] for c in m.group()), text)


def _parse_chinese(s: str) -> float | None:
    """Chinese numeral (一千二百, 两万亿, 一万二, 二〇二三) -> number; None when malformed (十四五)."""
    if not s:
        return None
    if all(c in _DIGITS for c in s):
        # Digit by digit (二〇二三) only with a zero or three digits: 三四 is "three or four".
        if len(s) == 1 or len(s) >= 3 or any(_DIGITS[c] == 0 for c in s):
            return float(int("".join(str(_DIGITS[c]) for c in s)))
        return None
    total = wan = section = 0
    digit: int | None = None
    last_small = 10**9
    wan_seen = False
    prev = ""  # kind of previous char: 'd' digit, 'z' zero, 'u' unit
    prev_unit = 0
    for ch in s:
        if ch in _DIGITS:
            d = _DIGITS[ch]
            if prev == "d":
                return None
            if d == 0:
                digit, prev = None, "z"
                continue
            digit, prev = d, "d"
        elif ch in _SMALL:
            u = _SMALL[ch]
            if u >= last_small or prev == "z":
                return None
            section += (1 if digit is None else digit) * u
            digit, last_small, prev, prev_unit = None, u, "u", u
        else:
            n = section + (digit or 0)
            if _BIG[ch] == 10**4:
                if wan_seen:
                    return None
                wan, wan_seen = (n or 1) * 10**4, True
            else:
                if total:
                    return None
                total, wan, wan_seen = ((wan + n) or 1) * 10**8, 0, False
            section, digit, last_small, prev, prev_unit = 0, None, 10**9, "u", _BIG[ch]
    if digit is not None and prev == "d" and len(s) > 1 and s[-2] not in _DIGITS and prev_unit > 10:
        digit = digit * prev_unit // 10  # 一百二 = 120, 一万二 = 12000 (elided last unit)
    return float(total + wan + section + (digit or 0))


def _parse_plain(s: str) -> float | None:
    """Arabic, Arabic with 万/亿 (1.8万), or Chinese numeral; no fractions or signs."""
    if _ARABIC_FULL.fullmatch(s):
        return float(s.replace(",", ""))
    m = _MIXED_FULL.fullmatch(s)
    if m:
        value = float(m.group(1).replace(",", ""))
        for ch in m.group(2):
            value *= _MULT_VALUE[ch]
        return value
    if "点" in s:
        return _parse_chinese_decimal(s)
    if all(c in _CHN_CHARS for c in s):
        return _parse_chinese(s)
    return None


def _parse_chinese_decimal(s: str) -> float | None:
    """十一点五 -> 11.5, 六点二 -> 6.2, 三点零五 -> 3.05 (the digits after 点 are read one by one)."""
    whole, _, decimals = s.partition("点")
    value = _parse_chinese(whole)
    if value is None or not decimals or any(c not in _DIGITS for c in decimals):
        return None
    return float(f"{int(value)}.{''.join(str(_DIGITS[c]) for c in decimals)}")


def parse_number(s: str) -> float | None:
    """One written number as a float, or None.

    Accepts 1,234.5, １２０, 1.8万, 2万亿, 三千五百亿, 两万亿, 二〇二三, 1/4, 四分之一 (0.25),
    百分之十五 (0.15), 15% (0.15), 三成 (0.3), and a leading minus sign.
    """
    s = fold_width(s).strip()
    if not s:
        return None
    if s[0] in "-负":
        v = parse_number(s[1:])
        return None if v is None else -v
    if s[-1] in "%":
        v = _parse_plain(s[:-1])
        return None if v is None else v / 100
    if len(s) > 1 and s.endswith("成"):
        v = _parse_plain(s[:-1])
        return None if v is None else v / 10
    if "分之" in s:
        den, _, num = s.partition("分之")
        d, n = _parse_plain(den), _parse_plain(num)
        return None if not d or n is None else n / d
    if "/" in s:
        num, _, den = s.partition("/")
        n, d = _parse_plain(num), _parse_plain(den)
        return None if not d or n is None else n / d
    return _parse_plain(s)


# --- Quantities -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Quantity:
    start: int  # span of qualifier words + number + unit in the original text
    end: int
    num_start: int  # span of the number + unit only
    num_end: int
    raw: str
    value: float  # as written, before the unit multiplier (45 for 45亿元)
    value_high: float | None
    unit: str  # as written without qualifiers: 亿元, 万张, %, 个百分点
    multiplier: float
    value_base: float  # value * multiplier
    value_high_base: float | None
    base_unit: str  # unit without the multiplier: 元, 张, %; '' for a bare number
    currency: str  # ISO code or ''
    qualifier: str  # exact, more_than, at_least, nearly, about, at_most
    qualifier_text: str


_CURRENCIES = {u: c.iso for u, c in currencies().items()}  # unit as written -> ISO code
# Counting words (classifiers) and measurement units; compounds listed so the longest wins.
_COUNT_UNITS = (
    "家 项 个 台 台套 张 架 架次 班 班次 条 款 种 座 所 名 人 人次 位 件 套 辆 列 次 批 批次 艘 艘次 只 户"
    " 户次 间 栋 层 处 份 场 组 颗 枚 株 棵 笔 宗 类 系列 板块 站 车次 航次 卡 头 羽 对 支 包"
).split()
_MEASURE_UNITS = (
    "亩 公顷 平方米 平方公里 平方千米 公里 千米 米 厘米 毫米 纳米 吨 千克 公斤 克 斤 吨标准煤 吨标煤"
    " 微克 毫克 毫升 标准煤 立方米 升 千瓦 千瓦时 度 瓦 兆瓦 吉瓦 千伏 伏 标箱 标准箱 国际标准箱 年 个月 个季度 周 天 小时 个小时"
    " 分钟 秒 周年 周岁 岁 个工作日 工作日 个架次 % ‰ 个百分点 百分点 个千分点 千分点 倍 番 成 比特 字节 像素"
).split()
_ASCII_UNITS = "P PFLOPS EFLOPS TFLOPS FLOPS TOPS GW MW kW KW GWh MWh kWh TEU GB TB PB EB Gbps Mbps".split()
_UNITS = sorted({*_COUNT_UNITS, *_MEASURE_UNITS, *_CURRENCIES}, key=len, reverse=True)
_UNIT_RE = "|".join(
    [re.escape(u) for u in _UNITS]
    + [re.escape(u) + "(?![A-Za-z])" for u in sorted(_ASCII_UNITS, key=len)[::-1]]
)
_UNIT = rf"(?:{_UNIT_RE})(?:/(?:{_UNIT_RE}))?"


def is_unit_cell(cell: str) -> bool:
    """A space-separated cell that is a unit, alone, with its multiplier (万人), opening a list item (个、三级站) or
    ending a clause (万人，): what follows a number in prose with spaced numbers (客运站 35 个，其中一级站 1 个、三级站
    5 个; 常住人口 536.50 万人，), where a table has a row's name."""
    return bool(_UNIT_CELL.match(cell))


_ONE_OK_UNITS = {"倍", "番", "成", "%", "个百分点", "百分点", *_CURRENCIES}  # 一倍, 一成 are real amounts
# 千瓦/千克/百分点 start with a multiplier character; the lookaheads keep them whole.
# Taiwan's 兆 (10^12) before money or a clause's end (5.88兆元, 6.05兆，); before a unit it is mega (兆瓦) and stays one.
_MULT = r"(?:[十百千]?万亿|[十百千]?[万亿]|千(?![瓦克米卡焦伏])|百(?!分)|兆(?=元|新台币|台币|港元|港币|美元|日元|澳门元|人民币|[，,。；;、）)\s]|$))"
_UNIT_CELL = re.compile(rf"(?:{_MULT})?(?:{_UNIT})(?:[、，,；;。]|$)")

_CANDIDATE = re.compile(
    rf"(?=[\d{_CHN_CHARS}])"  # lets the scanner skip non-number characters quickly
    rf"(?:(?P<pct>(?P<pden>[百千])分之(?P<pnum>{_ARABIC}|{_CHN_DECIMAL}|{_CHN}+))"
    rf"|(?P<frac>(?P<fden>{_ARABIC}|{_CHN}+)分之(?P<fnum>{_ARABIC}|{_CHN}+))"
    r"|(?P<slash>\d+/\d+)(?![\d.])"
    rf"|(?P<arabic>{_ARABIC})"
    rf"|(?P<chn>{_CHN_DECIMAL}|{_CHN}+))"
)
_TAIL = re.compile(
    rf"(?P<q1>余|多(?=[十百千万亿]|{_UNIT}))?"
    rf"(?P<mult>{_MULT})?"
    r"(?:(?<=[十百千])(?P<q3>余|多)(?P<mult2>[万亿]))?"  # 4千多亿, 3千多万: 多 inside the magnitude
    rf"(?P<q2>余|多(?={_UNIT}))?"
    r"(?P<big>大(?=系列|类|板块))?"
    rf"(?P<unit>{_UNIT}|(?<=[万亿])方(?![面向式案针法位略]))?"  # 9.34亿方 of gas: 方 (立方米) after 万/亿 only
    r"(?P<post>以上|以下|以内|左右|上下|开外|级)?"
)
_COUNT_AFTER_GE = {"架次", "人次", "车次", "批次", "班次", "项次", "艘次"}
_CHENG_NOT_UNIT = set("都为功果本交效员长立绩就熟品型")

_PREFIXES = {
    "more_than": ("超过", "超出", "超", "逾", "过", "突破", "多于"),
    "at_least": ("不少于", "不低于", "至少", "起码", "上"),
    "nearly": ("接近", "将近", "逼近", "几近", "近"),
    "about": ("大约", "大概", "约为", "约", "大致"),
    "at_most": ("不超过", "最多", "最高达", "至多", "不足", "不到"),
}
_PREFIX_KIND = {w: k for k, ws in _PREFIXES.items() for w in ws}
# Anchored at the number: the leftmost match is the longest word (不超过 before 超过).
_PREFIX_LAST = {w[-1] for w in _PREFIX_KIND}
_PREFIX_RE = re.compile("(?:" + "|".join(sorted(_PREFIX_KIND, key=len, reverse=True)) + ")$")
# Characters before a one-character prefix that make it part of another word (通过, 签约, 最近).
_PREFIX_BLOCKERS = {
    "过": "通经不度错难",
    "约": "节签预制邀相合公条契违履践特",
    "近": "最附靠就邻",
    "超": "赶",
}
_POST_KIND = {
    "以上": "at_least", "以下": "at_most", "以内": "at_most", "左右": "about", "上下": "about",
    "开外": "more_than", "级": "at_least", "余": "more_than", "多": "more_than",
}  # fmt: skip
_TIME_UNITS = {"年", "个月", "个季度", "周", "天", "日", "小时", "个小时", "分钟", "秒", "个工作日", "工作日"}
_DATE_SUFFIX = set("月日号时点分季届期代版楼线路强")  # after a bare number: date, code, ordinal, rank
_AVERAGE = re.compile(r"(?:分别)?(?:平均|均)")  # 两年平均增长: a metric name, not a duration
_RANGE_SEP = re.compile(r"[至到~〜\-—－]{1,2}")
_ENUM_SEP = re.compile(r"[、和与及或]")
_QUOTES = {"“": "”", "「": "」", "『": "』", "《": "》", "‘": "’"}
_QUOTE_RE = re.compile("[" + "".join(_QUOTES) + "".join(_QUOTES.values()) + "]")
_CJK = re.compile(r"[\u4e00-\u9fff]")
# Words that contain numerals but are names or idioms; a token starting inside one is skipped.
_PROTECTED_WORDS = (
    "七台河 五台山 五台县 九台 三台县 五家渠 三元区 百度 百年 千年 万年 千家万户 万家灯火 百家争鸣"
    " 成千上万 万一 三次产业 一带一路 十四五 十三五 十五五 长三角 珠三角 三角洲 一角 四川 九江 三亚 十堰"
    " 六盘水 五指山 万州 三明 三河 三门峡 三沙 六安 万宁 四平 九寨沟 二连浩特 一级 二级 三级 千岛湖"
    " 百货 百姓 千方百计 万众 亿万 一线 二线 三线 一流 双一流 一体化 一批 一站式 统一 唯一 万物 三番五次"
).split()
_PROTECTED_RE = re.compile("|".join(sorted(_PROTECTED_WORDS, key=len, reverse=True)))


@dataclass(slots=True)
class _Tok:
    """A number candidate with its tail, before the rules decide whether it is a quantity."""

    num_start: int
    core_end: int  # end of the number characters
    end: int  # end of number + unit
    value: float
    mult_text: str = ""
    unit: str = ""  # base unit as written (元, 个百分点, 成, %)
    inner_q: str = ""  # 余/多 between number and unit
    post_q: str = ""
    chinese: bool = False
    pure: bool = False  # bare 百/千/万/亿 with no digit: an order of magnitude
    digit_only: bool = False  # 二〇二三
    small_word: str = ""  # the numeral when it is just 一 or 二 (or 两)
    fixed_unit: bool = False  # % from 百分之/分之 forms: no further tail
    decimal: bool = False
    skip: bool = False
    value_high: float | None = None


def _mult_value(text: str) -> float:
    v = 1.0
    for ch in text:
        v *= _MULT_VALUE[ch]
    return v


def _split_chinese(s: str) -> tuple[str, str]:
    """两万亿 -> (两, 万亿); 三千五百亿 -> (三千五百, 亿); 一亿二千万 stays whole (亿 inside)."""
    for suffix in ("万亿", "亿", "万"):
        rest = s[: -len(suffix)]
        if s.endswith(suffix) and rest and rest.strip("万亿"):
            inner = "亿" if "亿" in suffix else "万"
            if inner not in rest and "亿" not in rest and _parse_chinese(rest) is not None:
                return rest, suffix
    return s, ""


def _scan(text: str) -> list[_Tok]:
    toks: list[_Tok] = []
    pos = 0
    while True:
        m = _CANDIDATE.search(text, pos)
        if not m:
            return toks
        tok = _token(text, m)
        if tok is None:
            pos = m.end()
            continue
        toks.append(tok)
        pos = max(tok.end, m.start() + 1)


def _token(text: str, m: re.Match) -> _Tok | None:
    start, kind = m.start(), m.lastgroup
    if kind == "chn":
        return _chinese_token(text, m)
    if kind == "arabic":
        s = m.group("arabic")
        tok = _Tok(start, m.end(), m.end(), float(s.replace(",", "")), decimal="." in s)
        return _tail(text, tok)
    if kind == "pct":
        v = _parse_plain(m.group("pnum"))
        if v is None:
            return None
        unit = "%" if m.group("pden") == "百" else "‰"
        return _fixed(text, _Tok(start, m.end(), m.end(), v, unit=unit, chinese=True))
    if kind == "frac":
        d, n = _parse_plain(m.group("fden")), _parse_plain(m.group("fnum"))
        if not d or n is None:
            return None
        return _fixed(text, _Tok(start, m.end(), m.end(), round(n / d * 100, 6), unit="%", chinese=True))
    n, _, d = m.group("slash").partition("/")
    if not 0 < int(n) < int(d) <= 10:
        return None  # 1/4 is a share; 5/19 is a date
    return _Tok(start, m.end(), m.end(), int(n) / int(d), decimal=True)


def _chinese_token(text: str, m: re.Match) -> _Tok | None:
    s, start = m.group("chn"), m.start()
    if s.endswith("千") and text.startswith(("瓦", "克", "米", "卡", "焦", "伏"), m.end()):
        s = s[:-1]  # 百万千瓦: 千瓦 is the unit
    if s.endswith("百") and text.startswith("分", start + len(s)):
        s = s[:-1]  # 百分点
    if not s:
        return None
    if "点" in s:  # 十一点五(万亿元): the magnitude, if any, follows the decimals and is read as the tail
        value = _parse_chinese_decimal(s)
        if value is None:
            return None
        tok = _Tok(start, start + len(s), start + len(s), value, chinese=True, decimal=True)
        return _tail(text, tok)
    core, mult = _split_chinese(s)
    value = _parse_chinese(core)
    if value is None:
        return None
    digits = [c for c in core if c in _DIGITS]
    tok = _Tok(start, start + len(core), start + len(s), value, mult_text=mult, chinese=True)
    tok.pure = not digits and core[0] != "十"
    tok.digit_only = len(core) > 1 and len(digits) == len(core)
    tok.small_word = core if core in ("一", "二") else ""
    return _tail(text, tok, allow_mult=not mult)


def _tail(text: str, tok: _Tok, allow_mult: bool = True) -> _Tok | None:
    if tok.decimal and text.startswith("日", tok.end) and not text.startswith("日电", tok.end):
        # 平均逗留1.1日: a day of the month is never a decimal, so this is a length of time in days
        tok.unit, tok.end = "日", tok.end + 1
        m = _POST.match(text, tok.end)
        tok.post_q = m.group() if m else ""
        return tok
    t = _TAIL.match(text, tok.end)
    q1, mult, q2, unit, post = t.group("q1", "mult", "q2", "unit", "post")
    if t.group("mult2"):  # 4千多亿 is 4千亿 and more: the magnitude is whole, 多 its qualifier
        mult, q1 = mult + t.group("mult2"), q1 or t.group("q3")
    if mult and not allow_mult:
        return _Tok(tok.num_start, tok.core_end, tok.end, tok.value, skip=True)
    if unit == "成" and text[t.end("unit") : t.end("unit") + 1] in _CHENG_NOT_UNIT:
        unit = post = None  # 三成都 / 成为: not 成 = tenths
    if unit == "番" and not text.endswith(("翻", "翻了"), 0, tok.num_start):
        unit = post = None  # only 翻一番 doubles; 三番五次 and 一番努力 are no amounts
    last = "unit" if unit else "q2" if q2 else "mult2" if t.group("mult2") else "mult" if mult else "q1" if q1 else ""
    tok.end = t.end(last) if last else tok.end
    tok.inner_q = q1 or q2 or ""
    tok.mult_text += mult or ""
    tok.unit = unit or ""
    tok.post_q = post if post and text.startswith(post, tok.end) else ""
    if tok.post_q == "级" and not tok.mult_text and not (tok.chinese and tok.value >= 10**4):
        tok.post_q = ""  # 3级 is a grade; only 万亿级 / 千亿级 are class labels
    return tok


_POST = re.compile(r"以上|以下|以内|左右|上下|开外")


def _fixed(text: str, tok: _Tok) -> _Tok:
    """百分之十五 / 四分之一: the unit is part of the form; only a trailing qualifier may follow."""
    tok.fixed_unit = True
    m = _POST.match(text, tok.end)
    tok.post_q = m.group() if m else ""
    return tok


# --- rules ------------------------------------------------------------------------------------


def _is_year(tok: _Tok) -> bool:
    if tok.unit != "年":
        return False
    if tok.digit_only:
        return True
    return not tok.chinese and not tok.decimal and 1000 <= tok.value <= 2999 and not tok.mult_text


# A 民国 (Republic of China) year: 106年8月, 107年度, 113年1-10月: Taiwan's calendar, a date and no amount.
_ROC_YEAR_AFTER = re.compile(r"年(?:度|\s*\d{1,2}\s*月(?!份?[内间])|\s*\d{1,2}\s*[-—–~至]\s*\d{1,2}\s*月)")


def _is_roc_year(text: str, tok: _Tok) -> bool:
    if tok.unit != "年" or tok.chinese or tok.decimal or tok.mult_text or not 30 <= tok.value <= 130:
        return False
    return bool(_ROC_YEAR_AFTER.match(text, tok.end - 1))


# A span of 民国 years (103~108年竹北市人口成长率为全国第一, 103年至108年): a period; but 60~80年 after a word of
# duration (使用年限, 寿命, 长达) or with 以上/左右 after it is a length of time.
_DURATION_BEFORE = re.compile(r"(?:年限|寿命|期限|周期|长达|历时|需要|需|约|大约|为期)\s*$")


def _is_roc_year_range(text: str, a: _Tok, b: _Tok) -> bool:
    if b.unit != "年" or a.unit not in ("", "年") or b.post_q or a.chinese or b.chinese or a.decimal or b.decimal:
        return False
    if a.mult_text or b.mult_text or not 60 <= a.value < b.value <= 130 or b.value - a.value > 30:
        return False
    return not _DURATION_BEFORE.search(text, 0, a.num_start) and not text.startswith(("以", "左右", "内", "来"), b.end)


def _prev_letter(text: str, i: int) -> bool:
    if i > 0 and text[i - 1] == "-":
        i -= 1
    return i > 0 and text[i - 1].isascii() and text[i - 1].isalpha()


def _is_date_or_code(text: str, tok: _Tok) -> bool:
    """Years, 5月19日, 一季度, 6号线, 500强, G60, 5G, 3D: not amounts."""
    nxt = text[tok.end : tok.end + 1]
    if _is_year(tok) or (tok.unit == "年" and text.startswith(("级", "代"), tok.end)):
        return True
    if _is_roc_year(text, tok):
        return True
    if not tok.unit and not tok.mult_text and (nxt in _DATE_SUFFIX or (nxt.isascii() and nxt.isalpha())):
        return nxt != ""
    if _prev_letter(text, tok.num_start):
        return not (tok.unit and not tok.unit.isascii())  # GDP8.8万亿元: a Chinese unit makes an amount
    return False


def _is_rank_or_vague(text: str, tok: _Tok) -> bool:
    before = text[tok.num_start - 1 : tok.num_start]
    if before in ("第", "几", "每") or (before == "数" and tok.chinese):
        return True  # ordinals, vague 数十 (登记数2007项 is a count), and the denominator of 每千人 / 每10万人
    if text[max(tok.num_start - 3, 0) : tok.num_start] in ("每新增", "每增加", "每减少"):
        return True  # 商标活跃度（每新增1户经营主体同时新增注册商标）为0.61件: the denominator of a rate
    if before in ("前", "后", "头", "首", "末") and (tok.unit in ("名", "位", "") or tok.unit in _TIME_UNITS):
        return True  # 前三名, 后二名, 最末5名, 前10个月, 首十一个月
    return tok.unit == "年" and tok.value <= 10 and bool(_AVERAGE.match(text, tok.end))


def _is_phrase(text: str, tok: _Tok) -> bool:
    """一条条, 一个个 (reduplication), 五个一 (slogan), 两位数 (digit count)."""
    if not tok.unit:
        return False
    nxt = text[tok.end : tok.end + 1]
    if len(tok.unit) == 1 and nxt == tok.unit:
        return True
    if tok.chinese and tok.unit == "个" and nxt and nxt in _DIGITS:
        return True
    return tok.unit == "位" and nxt == "数"


def _quote_marks(text: str) -> list[int]:
    return [m.start() for m in _QUOTE_RE.finditer(text)]


def _in_quoted_name(text: str, marks: list[int], start: int, end: int) -> bool:
    """Inside “...” / 《...》 of at most 15 chars either side, with other words in it."""
    i = bisect.bisect_left(marks, start) - 1
    if i < 0 or start - marks[i] > 15 or text[marks[i]] not in _QUOTES:
        return False
    open_at = marks[i]
    close = text.find(_QUOTES[text[open_at]], end, end + 15)
    return close >= 0 and bool(_CJK.search(text[open_at + 1 : start] + text[end:close]))


def _bare_ok(text: str, tok: _Tok, qualified: bool) -> bool:
    """A number without a unit is a quantity only when it is clearly an amount."""
    if tok.chinese:
        if not tok.mult_text:
            return qualified and tok.value >= 100  # 过万, 超千
        return qualified or not tok.pure
    if tok.mult_text or tok.decimal:
        return True
    if text.strip() == text[tok.num_start : tok.end]:
        return False  # a line of nothing but a number (1061031, a date stamp; a page number): no context, no figure
    return tok.value >= 100 and not (1900 <= tok.value <= 2100 and tok.value.is_integer())


# A distinctive qualifier may stand a short verb away from its number: 最多运行3个班次, 大概相当于2万台.
_GAP_PREFIX_RE = re.compile(r"(最多|至多|至少|不超过|不少于|大概|大约|大致)(?!的)(?:相当于|[\u4e00-\u9fa5]{1,2})$")


def _prefix(text: str, tok: _Tok) -> tuple[str, str, int]:
    """(kind, words, start) of a qualifier written before the number (directly, or a verb away)."""
    s = tok.num_start
    if s:
        gap = _GAP_PREFIX_RE.search(text, max(0, s - 7), s)
        if gap and not _PREFIX_RE.search(text, max(0, s - 3), s):
            return _PREFIX_KIND[gap.group(1)], gap.group(1), gap.start()
    if not s or text[s - 1] not in _PREFIX_LAST:
        return "", "", s  # fast path: most numbers have no qualifier
    m = _PREFIX_RE.search(text, max(0, s - 3), s)
    if not m:
        return "", "", s
    w = m.group()
    before = text[m.start() - 1 : m.start()] if m.start() else ""
    if len(w) == 1 and before and before in _PREFIX_BLOCKERS.get(w, ""):
        return "", "", s
    if (w == "上" and not tok.pure) or (w == "近" and tok.unit in _TIME_UNITS):
        return "", "", s  # 近10年: the last ten years
    return _PREFIX_KIND[w], w, m.start()


def _accept(text: str, tok: _Tok, pre: str) -> bool:
    if tok.skip or _is_date_or_code(text, tok) or _is_rank_or_vague(text, tok) or _is_phrase(text, tok):
        return False
    qualified = bool(pre or tok.post_q or tok.inner_q)
    if not tok.unit:
        return _bare_ok(text, tok, qualified)
    if tok.small_word and not qualified and not tok.mult_text and tok.unit not in _ONE_OK_UNITS:
        return False  # 一批, 一个, 二次
    if tok.pure and tok.value >= 10**4 and not pre and tok.num_start and text[tok.num_start - 1] in "(（:：":
        return False  # (亿元), 单位：万元
    return not (tok.chinese and tok.value < 1 and not tok.mult_text)  # 零X


# Taiwan's 兆 is 10^12 when a smaller magnitude follows (3兆9,603亿元); elsewhere 兆 is mega (兆瓦) and stays a unit.
_TRILLION = 10**12


def _merge_mixed(text: str, toks: list[_Tok]) -> list[_Tok]:
    """One amount written in mixed magnitudes is one quantity: 3兆9,603亿元 (3.9603 x 10^12), 22万808人,
    5万2千人, 1亿2000万元. The part after the larger magnitude must be smaller than that magnitude."""
    out: list[_Tok] = []
    for tok in toks:
        prev = out[-1] if out else None
        if prev is not None and _mixed_head(text, prev, tok):
            gap = text[prev.end : tok.num_start]
            scale = _TRILLION if gap == "兆" else _mult_value(prev.mult_text)
            mult = _mult_value(tok.mult_text)
            tok.value = (prev.value * scale + tok.value * mult) / mult
            tok.num_start, tok.decimal = prev.num_start, tok.decimal or prev.decimal
            out[-1] = tok
            continue
        out.append(tok)
    return out


def _mixed_head(text: str, prev: _Tok, tok: _Tok) -> bool:
    if prev.unit or prev.chinese or tok.chinese or prev.decimal or prev.skip or tok.skip:
        return False
    gap = text[prev.end : tok.num_start]
    if gap == "兆" and not prev.mult_text:
        scale = _TRILLION
    elif gap == "" and prev.mult_text in ("万", "亿"):
        scale = _mult_value(prev.mult_text)
    else:
        return False
    return tok.value * _mult_value(tok.mult_text) < scale


_CHANGE_BEFORE = re.compile(r"(?:增加|增长|减少|下降|上升|提高|降低|回落|回升|延长|缩短|增|减|升|降)(?:了)?(?:约|近|逾|超过)?$")


def _change_then_level(text: str, a: _Tok, sep: re.Match) -> bool:
    """增加0.2日至2.1日, 减少3万人至30万人: a change, then the level it reached, each with its own unit written;
    not a range (a range writes its unit once, 2万至3万人, or is a rate, 增长5%至8%)."""
    return (
        sep.group() == "至"
        and bool(a.unit)
        and a.unit not in ("%", "‰", "个百分点", "百分点")
        and _CHANGE_BEFORE.search(text, max(0, a.num_start - 4), a.num_start) is not None
    )


def _merge_ranges(text: str, toks: list[_Tok]) -> list[_Tok]:
    """8.5亿至10亿元, 16%-37%, 3至5年 -> one token; 1-6月 and 2013-2018年 -> both dropped."""
    out: list[_Tok] = []
    i = 0
    while i < len(toks):
        a = toks[i]
        b = toks[i + 1] if i + 1 < len(toks) else None
        sep = _RANGE_SEP.fullmatch(text, a.end, b.num_start) if b else None
        if b and sep and not a.post_q and (not a.unit or a.unit == b.unit) and not _change_then_level(text, a, sep):
            if not b.unit and not b.mult_text and _is_date_or_code(text, b):
                a.skip = True
            elif _is_year(b) or _is_year(replace(a, unit=b.unit)) or _is_roc_year_range(text, a, b):
                a.skip = b.skip = True
            elif a.chinese == b.chinese and (b.unit or b.mult_text):
                low = _clean(a.value * _mult_value(a.mult_text or b.mult_text) / _mult_value(b.mult_text))
                merged = replace(b, num_start=a.num_start, value=low, value_high=b.value,
                                 inner_q=a.inner_q or b.inner_q, skip=a.skip or b.skip)  # fmt: skip
                out.append(merged)
                i += 2
                continue
        out.append(a)
        i += 1
    return out


_POINT_UNITS = ("个百分点", "个千分点")


def _propagate_units(text: str, toks: list[_Tok]) -> None:
    """3.3、1.4、1.1倍 and 2018、2019年: a bare number in a list takes the unit of the last one."""
    for a, b in zip(reversed(toks[:-1]), reversed(toks[1:]), strict=True):
        if a.unit == "个" and b.unit in _POINT_UNITS and _ENUM_SEP.fullmatch(text, a.end, b.num_start):
            a.unit = b.unit  # 拉动经济增长0.69个、2.12个和2.99个百分点: each item is in points
            continue
        if a.unit or a.fixed_unit or not b.unit or a.chinese != b.chinese:
            continue
        if _ENUM_SEP.fullmatch(text, a.end, b.num_start) and (a.mult_text in ("", b.mult_text)):
            a.unit, a.mult_text = b.unit, b.mult_text


def _protected_words(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _PROTECTED_RE.finditer(text)]


def _protected(spans: list[tuple[int, int]], pos: int) -> bool:
    i = bisect.bisect_right(spans, (pos, 10**18)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Does [start, end) overlap one of the sorted spans (checked: the two starting last before end)?"""
    i = bisect.bisect_left(spans, (end, -1))
    return any(s < end and start < e for s, e in spans[max(0, i - 2) : i])


def _quantity(text: str, tok: _Tok, pre: tuple[str, str, int]) -> Quantity:
    kind, words, start = pre
    if not kind and tok.inner_q:
        kind, words = _POST_KIND[tok.inner_q], tok.inner_q
    if not kind and tok.post_q:
        kind, words = _POST_KIND[tok.post_q], tok.post_q
    if not kind and tok.pure and not tok.fixed_unit:
        kind = "about"  # 百亿元, 万卡: an order of magnitude
    end = tok.end + len(tok.post_q)
    mult = _mult_value(tok.mult_text)
    base_unit, unit_mult = tok.unit, mult
    if tok.unit == "成":
        base_unit, unit_mult = "%", mult * 10
    elif base_unit.startswith("个") and base_unit[1:] in _COUNT_AFTER_GE:
        base_unit = base_unit[1:]  # 8个架次: 个 doubles the measure word
    value_base = _clean(tok.value * unit_mult) if unit_mult != 1 else tok.value
    high_base = None if tok.value_high is None else _clean(tok.value_high * unit_mult)
    money, _, per = base_unit.partition("/")
    if money == "元" and (declared := _declared_currency(text, start)):
        money = declared  # 新台币1兆2,542亿元: the currency written before the amount is the amount's
    currency = _CURRENCIES.get(money, "")
    if currency:  # 美金 is stored as 美元, 人民币 as 元 (元/吨 keeps its measure)
        base_unit = canonical(money) + ("/" + per if per else "")
    return Quantity(
        start=start, end=end, num_start=tok.num_start, num_end=tok.end, raw=text[start:end],
        value=tok.value, value_high=tok.value_high, unit=tok.mult_text + tok.unit,
        multiplier=unit_mult, value_base=value_base, value_high_base=high_base,
        base_unit=base_unit, currency=currency, qualifier=kind or "exact", qualifier_text=words,
    )  # fmt: skip


@lru_cache(maxsize=1)
def _currency_before() -> re.Pattern:
    """Currency names other than 元 itself, as they stand before an amount (新台币, 港币, 澳门元)."""
    names = sorted((u for u in _CURRENCIES if u != "元"), key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, names)) + ")$")


def _declared_currency(text: str, start: int) -> str:
    m = _currency_before().search(text, max(0, start - 6), start)
    return m.group() if m else ""


def declared_currency(text: str, start: int) -> str:
    """The currency written right before the amount starting at ``start`` (新台币1兆2,542亿元: 新台币; 人民币100亿元:
    元), '' when none is written: what a later amount in 元 of the same text is counted in."""
    written = _declared_currency(text, start)
    return canonical(written) if written else ""


def _clean(v: float | None) -> float | None:
    """Round away binary noise (0.1 * 1e8 -> 10000000.000000002)."""
    return None if v is None else float(f"{v:.12g}")


def _fold(text: str) -> str:
    # fold_width maps the Chinese comma to ',', which would glue 12，345 into one number.
    return fold_width(text.replace("，", "\ue000")).replace("\ue000", "，")


def _negate(text: str, tok: _Tok, prev_end: int) -> None:
    """-2.1%: a minus sign that does not follow another number (1-6月 is a range)."""
    s = tok.num_start
    if s > 0 and text[s - 1] == "-" and prev_end != s - 1 and not _prev_letter(text, s - 1):
        tok.num_start, tok.value = s - 1, -tok.value


# Crawled pages put spaces inside numbers and before units (13 . 94万人, 2. 3 亿 吨, 81 %): those spaces are
# read as absent. Only around a decimal point between digits, and between a number and its magnitude or unit;
# never between two bare digits (two table cells).
_SPACE = r"[ \u3000\xa0]"
_SPACED_POINT = re.compile(rf"(?<=\d){_SPACE}*[.．]{_SPACE}*(?=\d)")
_SPACED_UNIT = re.compile(rf"(?<=[\d万亿]){_SPACE}+(?=[%％‰万亿]|{_UNIT})")
# A character the crawl could not encode, left as ? or U+FFFD between a number and its % (普洱 2023: 下降3.8?%).
_LOST_BEFORE_PERCENT = re.compile(r"(?<=\d)[?\ufffd]+(?=[%％‰])")


def _despace(text: str) -> tuple[str, list[int]] | None:
    """``text`` without the spaces inside numbers, and for each kept character its index in ``text``."""
    drop: set[int] = set()
    for m in _SPACED_POINT.finditer(text):
        drop.update(i for i in range(m.start(), m.end()) if text[i] not in ".．")
    drop.update(i for m in _SPACED_UNIT.finditer(text) for i in range(m.start(), m.end()))
    drop.update(i for m in _LOST_BEFORE_PERCENT.finditer(text) for i in range(m.start(), m.end()))
    if not drop:
        return None
    keep = [i for i in range(len(text)) if i not in drop]
    return "".join(text[i] for i in keep), keep


def find_quantities(text: str, protected_spans: Iterable[tuple[int, int]] = ()) -> list[Quantity]:
    """Every quantity in ``text`` in order; see the module docstring for the rules.

    ``protected_spans``: (start, end) pairs (place names, organisations) no quantity may overlap.
    Offsets and ``raw`` refer to ``text`` as written, spaces inside a number included.
    """
    return list(_quantities_cached(text, tuple(protected_spans)))


# The figures of a list (A、B分别增长x、y、z) each count the quantities of the same stretch after 分别
# (clauses.respectively, read by facts.listed_item and clauses._listed_place): scanned once, not once per figure. Quantities are frozen.
@lru_cache(maxsize=256)
def _quantities_cached(text: str, protected_spans: tuple[tuple[int, int], ...]) -> tuple[Quantity, ...]:
    return tuple(_find_despaced(text, protected_spans))


def _find_despaced(text: str, protected_spans: tuple[tuple[int, int], ...]) -> list[Quantity]:
    noisy = " " in text or "\u3000" in text or "\xa0" in text or "?" in text or "\ufffd" in text
    despaced = _despace(text) if noisy else None
    if despaced is None:
        return _find_quantities(text, protected_spans)
    compact, keep = despaced
    where = {orig: i for i, orig in enumerate(keep)}
    spans = [(where.get(a, bisect.bisect_left(keep, a)), bisect.bisect_left(keep, b)) for a, b in protected_spans]
    out = []
    for q in _find_quantities(compact, spans):
        start, end = keep[q.start], keep[q.end - 1] + 1
        out.append(
            replace(
                q,
                start=start,
                end=end,
                num_start=keep[q.num_start],
                num_end=keep[q.num_end - 1] + 1,
                raw=text[start:end],
            )
        )
    return out


def _find_quantities(text: str, protected_spans: Iterable[tuple[int, int]] = ()) -> list[Quantity]:
    folded = _fold(text)
    toks = _scan(folded)
    if not toks:
        return []  # most clauses have no number: skip the protected-word and quote scans
    prev_end = -1
    for tok in toks:
        _negate(folded, tok, prev_end)
        prev_end = tok.end
    toks = _merge_mixed(folded, toks)
    toks = _merge_ranges(folded, toks)
    _propagate_units(folded, toks)
    words = _protected_words(folded)
    given = sorted(protected_spans)
    marks = _quote_marks(folded)
    out: list[Quantity] = []
    for tok in toks:
        if _protected(words, tok.num_start) or _overlaps(given, tok.num_start, tok.end):
            continue
        pre = _prefix(folded, tok)
        if not _accept(folded, tok, pre[0]):
            continue
        q = _quantity(text, tok, pre)
        if _in_quoted_name(folded, marks, q.start, q.end):
            continue
        out.append(q)
    return out
