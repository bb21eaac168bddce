"""Standard indicators: which entry of the vocabulary (data/indicators/indicators.csv) a figure measures.

The vocabulary is data; this module only reads it and matches names. A name matches leftmost-longest,
so 第一产业投资 is found as itself and never as 第一产业, and 进出口 hides the 出口 inside it. A match must
also fit the figure: a level must be in the indicator's unit family (GDP is money, never 家) and the kind
of figure must be one the indicator lists.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick_rs

from lib import paths, text
from lib.extract import clauses, currencies
from lib.text import fold_width

_GROWTH_KINDS = {"change_pct", "change_pp"}
# 一产占比, 二产增加值: the short names of the three sectors, matched as the names the vocabulary gives them.
_SECTOR_SHORT = re.compile(r"(?<![第统同唯单])([一二三])产(?=占|增加值|投资|比重)")
# The head of a name said again with a month only (12月当月收入): the name last said in the sentence.
_HEAD_WORDS = {"收入", "支出"}
_PERIOD_BEFORE_HEAD = re.compile(r"(?:当月|本月|\d{1,2}月)$")
_GROWTH_WORDS = {"增速", "增幅", "增长", "涨幅", "增长率"}


@dataclass(frozen=True)
class Indicator:
    id: str
    name_zh: str
    name_en: str
    names: tuple[str, ...]  # name_zh first, then the synonyms
    unit_family: str
    category: str
    parent: str
    kinds: frozenset[str]


def read_vocabulary_csv(name: str) -> list[dict[str, str]]:
    path = paths.DATA_DIR / "indicators" / name
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, Indicator]:
    """id -> Indicator, in file order. A name given to two indicators is an error naming both."""
    out: dict[str, Indicator] = {}
    owner: dict[str, str] = {}
    for row in read_vocabulary_csv("indicators.csv"):
        names = tuple(dict.fromkeys([row["name_zh"], *[s for s in row["synonyms"].split("|") if s]]))
        ind = Indicator(
            id=row["id"],
            name_zh=row["name_zh"],
            name_en=row["name_en"],
            names=names,
            unit_family=row["unit_family"],
            category=row["category"],
            parent=row["parent"],
            kinds=frozenset(k for k in row["kinds"].split("|") if k),
        )
        if ind.id in out:
            raise ValueError(f"data/indicators/indicators.csv: id {ind.id!r} is listed twice")
        for name in names:
            key = _key(name)
            if owner.get(key, ind.id) != ind.id:
                raise ValueError(
                    f"data/indicators/indicators.csv: {name!r} names both {owner[key]!r} and {ind.id!r}"
                )
            owner[key] = ind.id
        out[ind.id] = ind
    return out


@lru_cache(maxsize=1)
def unit_families() -> dict[str, str]:
    """base_unit -> family; every currency of currencies.csv is money."""
    money = {unit: "money" for unit in currencies.currencies()}
    return {**money, **{r["base_unit"]: r["family"] for r in read_vocabulary_csv("unit_families.csv")}}


def _key(name: str) -> str:
    return fold_width(name).replace(" ", "").upper()


@lru_cache(maxsize=1)
def _automaton() -> tuple[ahocorasick_rs.AhoCorasick, list[str]]:
    """Every normalised name, in one leftmost-longest automaton, and each pattern's indicator id."""
    keys: dict[str, str] = {}
    for ind in vocabulary().values():
        for name in ind.names:
            keys.setdefault(_key(name), ind.id)
    automaton = ahocorasick_rs.AhoCorasick(list(keys), matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
    return automaton, list(keys.values())


@dataclass(frozen=True)
class Mention:
    id: str
    start: int
    end: int


def find(text: str) -> list[Mention]:
    """Every vocabulary name in ``text``, leftmost-longest, non-overlapping; offsets in ``text``.

    Upper-casing and width folding keep lengths, so offsets are those of the text as written."""
    automaton, ids = _automaton()
    return [Mention(ids[k], start, end) for k, start, end in automaton.find_matches_as_indexes(_key_same_length(text))]


def find_before(sentence: str, offset: int) -> list[Mention]:
    """``find(sentence[:offset])``, from one scan of the whole sentence: each figure of a sentence asks for
    the names before it. Leftmost-longest matching is greedy from the left, so the prefix's names are the
    sentence's up to the first one crossing ``offset``; from that one's start the prefix is scanned itself."""
    full = _sentence_mentions(sentence)
    if full is None:
        return find(sentence[:offset])
    out: list[Mention] = []
    for m in full:
        if m.end <= offset:
            out.append(m)
            continue
        if m.start < offset:
            out += [Mention(x.id, x.start + m.start, x.end + m.start) for x in find(sentence[m.start : offset])]
        break
    return out


@lru_cache(maxsize=64)
def _sentence_mentions(sentence: str) -> tuple[Mention, ...] | None:
    # None when folding changes the length (an upper-cased ß is SS): offsets would not be the sentence's.
    return tuple(find(sentence)) if len(_key_same_length(sentence)) == len(sentence) else None


def _key_same_length(text: str) -> str:
    # Spaces are kept (removing them would shift offsets): names rarely contain one.
    return fold_width(text).upper()


@lru_cache(maxsize=1)
def _breakdowns() -> tuple[str, ...]:
    """Words that, right before a name, make a part of the indicator (城镇常住人口, 市本级…预算收入)."""
    return tuple(r["affix"] for r in read_vocabulary_csv("affixes.csv") if r["position"] == "breakdown")


@lru_cache(maxsize=1)
def _flows() -> re.Pattern:
    """Words that make a count the year's additions, a flow (新增市场主体, 新获批国家高新技术企业), anywhere before
    the name in its clause; not after a comparison (比上年新增5家 is the stock's change)."""
    words = [r["affix"] for r in read_vocabulary_csv("affixes.csv") if r["position"] == "flow"]
    return re.compile(r"(?<!比上年)(?<!较上年)(?<!同比)(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + ")")


@lru_cache(maxsize=1)
def _affixes() -> tuple[tuple[str, ...], tuple[str, ...]]:
    rows = read_vocabulary_csv("affixes.csv")
    by = {
        pos: sorted((r["affix"] for r in rows if r["position"] == pos), key=len, reverse=True)
        for pos in ("prefix", "suffix")
    }
    return tuple(by["prefix"]), tuple(by["suffix"])


def suffix_affixes() -> tuple[str, ...]:
    """The total and share words that may follow a name without changing it (总值, 总额, 比重)."""
    return _affixes()[1]


def _strip_affixes(rest: str, affixes: tuple[str, ...], at_start: bool) -> str:
    changed = True
    while rest and changed:
        changed = False
        for a in affixes:
            if rest.startswith(a) if at_start else rest.endswith(a):
                rest = rest[len(a) :] if at_start else rest[: -len(a)]
                changed = True
                break
    return rest


def names_whole(phrase: str, m: Mention) -> bool:
    """Whether the name ``m`` found in ``phrase`` is what the phrase measures, not part of another measure:
    around it only scope, period and total words (data/indicators/affixes.csv) or a place name.
    乡村常住人口, 轻工业增加值 and 规模以上工业企业营业收入 are other measures; 全市地区生产总值 and
    郑州市进出口总值 are the standard ones."""
    prefixes, suffixes = _affixes()
    before = _strip_affixes(phrase[: m.start], prefixes, at_start=False)
    after = _strip_affixes(phrase[m.end :], suffixes, at_start=True)
    if after:
        return False
    if not before:
        return True
    from lib.extract import regions  # the gazetteer loads only when a phrase needs it

    place = before.rstrip("市省区县州盟")
    return regions.lookup(before) is not None or (bool(place) and regions.lookup(place) is not None)


def fits(ind: Indicator, kind: str, base_unit: str) -> bool:
    """Whether a figure of this kind and unit can be a value of the indicator."""
    # A target and an absolute change (比上年末减少3.9万人) are in the unit of the indicator's level.
    if kind not in ind.kinds and not (kind in ("target", "change_abs") and "level" in ind.kinds):
        return False
    if kind in _GROWTH_KINDS:
        return base_unit in ("%", "个百分点", "百分点", "个千分点")
    if kind == "share_pct":
        return base_unit in ("%", "")  # '' for the parts of a structure ratio (1.6:34.5:63.9)
    if kind == "rate" and not base_unit and ind.unit_family in ("percent", "permille"):
        return True  # 人口出生率為1.23: a rate written without its unit is in the rate's own (Taiwan's ‰ left unsaid)
    if kind == "level" and base_unit == "%" and ind.unit_family == "index":
        return True  # 居民消费价格指数（CPI）为100.5% (普洱 2023): an index (上年=100) written with %
    family = unit_families().get(base_unit, "")
    return family == ind.unit_family


def identify(
    phrase: str, context_before: str, kind: str, base_unit: str, chain_from: int = 0, sentence: str = ""
) -> Indicator | None:
    """The standard indicator a figure measures, or None.

    ``phrase`` is what the extractor took as the figure's indicator, ``context_before`` the sentence up to the
    figure. In order:
    1. a vocabulary name inside the phrase (技术合同额);
    2. a phrase that is the tail of a longer name in the sentence (收入 of 一般公共预算收入);
    3. no phrase at all: the nearest name before the figure, but only from ``chain_from`` on — the caller
       passes where the last figure that is not part of the same chain ended, so 'X 1519.6亿元，比上年增长4.3%'
       gives both figures X, while in '其中，民生支出1098.7亿元…一般公共服务支出136.5亿元' nothing reaches past
       the figures between.
    A name that does not fit the figure's kind and unit is passed over (GDP is never counted in 家)."""
    vocab = vocabulary()
    if phrase in _GROWTH_WORDS:
        phrase = ""  # '增速比上年加快0.6个百分点': the growth of the indicator named before
    named = _SECTOR_SHORT.sub(r"第\1产业", phrase)
    in_phrase = find(named)
    for m in reversed(in_phrase):
        if names_whole(named, m) and fits(vocab[m.id], kind, base_unit):
            if kind == "share_pct" and phrase and context_before[: context_before.rfind(phrase)].endswith("占"):
                return None  # 占一产投资额的87.3%: the whole a share is taken of is not what it measures
            return vocab[m.id]
    if in_phrase:
        return None  # the phrase names a measure of its own around a standard name
    # ``sentence``: the whole sentence ``context_before`` begins, whose names are found once for every figure
    before = find_before(sentence, len(context_before)) if sentence else find(context_before)
    mentions = [
        m
        for m in before
        if not context_before[: m.start].endswith(_breakdowns())
        # 第三产业增加值占地区生产总值的比重: the denominator of a share is not what the share measures
        and not (kind in ("share_pct", "change_pp") and "占" in context_before[max(0, m.start - 4) : m.start])
    ]
    if phrase:
        at = context_before.rfind(phrase)
        for m in mentions:
            if at >= 0 and m.start <= at < m.end and fits(vocab[m.id], kind, base_unit):
                return None if _noun_before(context_before[: m.start]) else vocab[m.id]
        if phrase in _HEAD_WORDS and at > 0 and _PERIOD_BEFORE_HEAD.search(context_before[:at]):
            # 一般公共预算收入178.8亿元【12月当月收入13.9亿元…】: a bare head word is the name said before in the sentence
            for m in reversed(mentions):
                if context_before[m.start : m.end].endswith(phrase) and fits(vocab[m.id], kind, base_unit):
                    return vocab[m.id]
        return None
    for m in reversed(mentions):
        if m.start < chain_from:
            break
        if fits(vocab[m.id], kind, base_unit) and _ends_its_phrase(context_before[m.end :]):
            return vocab[m.id]
    return None


# After a name, what may stand before its figure: a suffix affix, then linking words, or the figures of
# its chain. 规模以上工业产品销售率, 常住人口出生11.8万人 name other measures.
_LINK_AFTER = re.compile(
    r"^(?:[（(][^）)]*[）)])?(?:[，,、\s\d.%万亿元]|比|较|同比|增长|下降|增加|减少|提高|回落|上涨|下跌|为|是|达|实现|完成|"
    r"共|累计|合计|总计|分别|按|占|初步|其中|已?超过|年|增速|增幅|涨幅|降幅|预计|预期|力争|计划|将|两年平均|平均|$)"
)


def _ends_its_phrase(after: str) -> bool:
    _, suffixes = _affixes()
    return bool(_LINK_AFTER.match(_strip_affixes(after, suffixes, at_start=True)))


# Between two figures of one chain only a comparison and a change verb stand: 'X 1519.6亿元，比上年增长4.3%';
# a growth rate that moved on (增速从2月增长3.0%加快至全年增长6.7%) is the same indicator's too.
CHAIN_GAP = re.compile(
    r"^[，,、\s]*(?:按(?:不变|可比)价格?计算[，,\s]*)?(?:(?:比|较)(?:上年|去年)同期|比上年|比去年|较上年|较去年|同比|上年同期)?(?:分别)?"
    r"(?:(?:加快|回落|放缓|提高|回升|扩大|收窄)至(?:全年|上半年|前三季度|一季度)?)?"
    r"(?:增长|下降|提高|减少|回落|上涨|下跌|增加|降低|加快|放缓|回升|上修|下修)?了?(?:为|达到?)?\s*$"
)


# A flow restricted to one partner (吸纳来自北京的技术合同额, 对美出口) is a breakdown of the indicator,
# not the indicator: comparing it with another region's total would set unlike figures side by side.
_PARTNER_BEFORE = re.compile(
    r"(?:(?:来自|源自|输往|流向|销往|出口到|进口自)[\u4e00-\u9fa5A-Za-z]{1,10}的?|(?:对|向|从)[\u4e00-\u9fa5A-Za-z]{1,10}的"
    r"|对(?!外)[\u4e00-\u9fa5A-Za-z]{1,8})$"  # 对欧盟进口, but 对外贸易 is all of it
)


def _partner_restricted(row: dict, offset: int) -> bool:
    if row["indicator"].startswith(("贡献", "拉动")):
        return False  # 三次产业对经济增长的贡献率: what a part adds to a growth, no partner of a flow
    before = row["sentence"][:offset]
    at = before.rfind(row["indicator"]) if row["indicator"] else -1
    if at > 0 and before[:at].endswith(("对", "向")) and not row["indicator"].startswith("外"):
        return True  # 对[东盟进口]3281.46亿元: the phrase opens with the partner
    return at > 0 and bool(_PARTNER_BEFORE.search(before[:at]))


# A completion verb inside a name (第一产业完成增加值, 规模以下完成工业增加值, 第二产业完成投资) does not change what
# it measures: the name is read without it. (Not 实现: 通过公共网络实现零售额 is a channel's part of retail.)
_VERB_INSIDE = ("完成",)


# 进口铁矿砂76.5万吨，比上年增长27.9%，进口金额3.4亿元 (临汾 2024): an amount named by the trade verb alone (进口金额,
# 出口额) after goods counted in their own units is those goods' value, not the region's trade.
_BARE_TRADE_AMOUNT = re.compile(r"(?P<verb>进出口|进口|出口)(?:金额|额|总额|总值|货值)")
_GOODS_COUNTED = r"{verb}[\u4e00-\u9fa5]{{1,12}}(?:[（(][^）)]{{0,20}}[）)])?\s*[\d.]+\s*[万亿]?(?:吨|千克|公斤|立方米|件|台|辆|头|只|套|艘|桶|标箱)"


def _goods_amount(row: dict, offset: int) -> bool:
    m = _BARE_TRADE_AMOUNT.fullmatch(row["indicator"])
    if not m:
        return False
    return bool(re.search(_GOODS_COUNTED.format(verb=m.group("verb")), row["sentence"][:offset]))


def _breakdown_before(row: dict, offset: int) -> bool:
    before = row["sentence"][:offset]
    at = before.rfind(row["indicator"]) if row["indicator"] else -1
    # 规模以上轻工业实现工业增加值: the verb between a part and the name keeps it the part's
    head = before[:at].removesuffix(_VERB_INSIDE[0]).removesuffix("实现") if at > 0 else ""
    if not (at > 0 and head.endswith(_breakdowns())):
        return False
    # 城镇调查失业率(均值): the breakdown word begins a standard name that runs into the phrase, so it is no part;
    # then what stands before that name decides (人民币[各项存款余额]: yuan deposits only)
    end = at + len(row["indicator"])
    across = [m for m in find(before[:end]) if m.start < at < m.end]
    return not across or before[: across[0].start].endswith(_breakdowns())


# A clause that opens with its verb has the subject of the sentence's first clause with that verb:
# '全市规模以上工业企业实现营业收入1112.72亿元…；实现利润总额35.61亿元' is the firms' 利润总额.
_ELIDED_VERBS = re.compile(r"实现|完成")


def _elided_subject(row: dict, offset: int, kind: str) -> Indicator | None:
    """The standard name the subject of the sentence and the phrase make together (规模以上工业企业 + 利润总额 =
    规模以上工业企业利润总额), for a figure whose clause opens with 实现 or 完成 and names no subject."""
    sentence, phrase = row["sentence"], row["indicator"]
    at = sentence.rfind(phrase, 0, offset) if phrase else -1
    if at <= 0:
        return None
    st = clauses.of(sentence)
    clause = st.start(at)
    if not _ELIDED_VERBS.fullmatch(sentence[clause:at]):
        return None
    first = _ELIDED_VERBS.search(sentence, 0, clause)
    if first is None:
        return None
    subject = _strip_affixes(sentence[st.start(first.start()) : first.start()], _affixes()[0], at_start=True)
    joined = subject + phrase
    for m in find(joined):
        if subject and m.start == 0 and m.end == len(joined) and fits(vocabulary()[m.id], kind, row["base_unit"]):
            return vocabulary()[m.id]
    return None


# The kinds a flow word changes: a flow's level and its growth are not the stock's.
_FLOW_KINDS = ("level", "change_pct", "target")


def _flow_before(row: dict, offset: int, kind: str, ind: Indicator) -> bool:
    """A count of the year's additions (全年新增上市公司2家, 新增国家重点扶持的高新技术企业474家) under a stock's
    name (上市公司, 高新技术企业): a flow word before the name in the figure's clause, outside every standard
    name (城镇新增就业 is a name of its own)."""
    if kind not in _FLOW_KINDS:
        return False
    sentence = row["sentence"]
    phrase = row["indicator"]
    at = sentence.rfind(phrase, 0, offset) if phrase else -1
    end = at + len(phrase) if at >= 0 else offset
    clause = clauses.of(sentence).start(min(end, offset))
    text = sentence[clause:end]
    names = find(text)
    if not any(m.id == ind.id for m in names):
        return False  # the name is said before the clause (a chain): its own clause decides
    inside = lambda at: any(m.start <= at < m.end for m in names)  # noqa: E731
    return any(not inside(f.start()) for f in _flows().finditer(text))


def _longer_name(row: dict, offset: int, kind: str) -> Indicator | None:
    """A vocabulary name that ends where the phrase ends and starts before it: the phrase chunker cut it
    (每万人有效发明专利 -> 发明专利, 技术市场合同成交金额 -> 金额)."""
    before = row["sentence"][:offset]
    phrase = row["indicator"]
    at = before.rfind(phrase) if phrase else -1
    if at <= 0:
        return None
    end = at + len(phrase)
    clause = clauses.of(row["sentence"]).start(at)
    for m in find(before[clause:end]):
        whole = not before[: clause + m.start].endswith(_breakdowns())  # 市本级一般公共预算收入
        whole = whole and not (kind == "share_pct" and before[: clause + m.start].endswith("占"))  # 占一产投资额的87.3%
        if m.start + clause < at and m.end + clause == end and whole and fits(vocabulary()[m.id], kind, row["base_unit"]):
            return None if _noun_before(before[: clause + m.start]) else vocabulary()[m.id]
    verb = next((v for v in _VERB_INSIDE if before[clause:at].endswith(v)), "")
    if verb and at - len(verb) > clause:
        head = before[clause : at - len(verb)]
        joined = head + phrase
        for m in find(joined):
            whole = not before[: clause + m.start].endswith(_breakdowns())
            if m.start < len(head) and m.end == len(joined) and whole and fits(vocabulary()[m.id], kind, row["base_unit"]):
                return vocabulary()[m.id]
    return None


def _noun_before(head: str) -> bool:
    """全年生产安全事故死亡人数591人: a noun right before a name read past the phrase makes another measure (accident
    deaths are no population deaths), while a scope, period or place word (全年, 全市, 重庆市) leaves it the standard one."""
    from lib.extract import regions  # the gazetteer: only for a name read past the phrase

    head = head[-12:]
    if not head or head.endswith(_affixes()[0]):
        return False
    word, flag = text.tag(head)[-1]
    if flag in ("ns", "nr", "nt") or regions.lookup(word) or regions.lookup(word.rstrip("市省区县州盟")):
        return False
    return flag.startswith("n") or flag in ("i", "l")


# A standard indicator is the region's own total: one firm's or one zone's 工业增加值 is not comparable with it.
_NOT_THE_REGIONS = ("organisation", "part")


_SHARE_KINDS = ("share_pct", "change_pp")
# What may stand between a figure and the 占 of the share that follows it in the same list item: 'X增长8.9%，占…'.
_SHARE_JOIN = re.compile(r"^[，,\s]*$")


def share_of(
    row: dict, offset: int, kind: str, previous: tuple[str, int, str] | None
) -> tuple[bool, Indicator | None]:
    """A share 'X占Y(的)?比重为a%' measures X's part of Y, so it is X's figure (第一产业增加值占地区生产总值比重
    → the primary sector's share, 城镇人口占总人口比重 → the urbanisation rate), never Y's: 高新技术产品出口占
    出口总额比重 is no share of exports in anything, and comparing it with another region's exports would set a
    part beside a whole. X is the words before 占 in the figure's clause, or, when the clause opens with 占, the
    figure just before in the same item ('高技术制造业增加值比上年增长8.9%，占规模以上工业增加值比重58.2%'):
    ``previous`` is that figure's (indicator id, end offset, phrase, start offset). X's indicator is a standard name read
    whole in X (only scope words or a place before it), else the vocabulary's name of X's share (城镇人口比重).
    Returns (whether X was found, X's indicator or None)."""
    if kind not in _SHARE_KINDS:
        return False, None
    sentence = row["sentence"]
    clause = clauses.of(sentence).start(offset)
    at = sentence.find("占", clause, offset)
    if at >= 0 and sentence.startswith("占比", at) and not sentence[clause:at].strip():
        # '工业投资增长26.1%，占比15.0%': a bare 占比 opening the clause after an item's figure is that item's share
        # of the whole the vocabulary makes it an item of (its parent); of a measure with no parent (阿图什市地区生产总值
        # …，占比39.9%: of the prefecture's) the whole is another area's
        if previous and previous[0] and _SHARE_JOIN.match(sentence[previous[1] : at]):
            ind = vocabulary()[previous[0]]
            return True, ind if ind.parent and fits(ind, kind, row["base_unit"]) else None
        return False, None
    if at < 0 or sentence.startswith("占比", at):  # 占比达60.8%: a share word, no whole named
        return False, None
    rest = sentence[at + 1 : offset]
    if "（" in rest or "(" in rest:
        return False, None  # 占常住人口的比重（常住人口城镇化率）51.62%: the bracket names the measure
    whole = _WHOLE_END.split(rest, maxsplit=1)[0]
    if not _standard_whole(whole) or _parent_whole(whole, row.get("region", "")):
        return True, None  # 占长江经济带比重, 占县属固定资产投资的比重: a whole outside the region's own accounts
    numerator = sentence[clause:at].strip()
    if not numerator:
        if not (previous and _SHARE_JOIN.match(sentence[previous[1] : at])):
            return False, None
        if previous[0]:
            ind = vocabulary()[previous[0]]
            return True, ind if fits(ind, kind, row["base_unit"]) else None
        numerator = _words_before(sentence, previous)
    named = _SECTOR_SHORT.sub(r"第\1产业", numerator)  # 一产占GDP比重
    for m in reversed(find(named)):
        if names_whole(named, m):
            ind = vocabulary()[m.id]
            return True, ind if fits(ind, kind, row["base_unit"]) else None
    return True, identify(named + "比重", "", kind, row["base_unit"]) if named else None


_LEAD_IN = re.compile(r"^(?:其中|全市|全省|全区|全县|全年|年末)+[，,：:]?")


def _words_before(sentence: str, previous: tuple) -> str:
    """The name of the figure before a bare share (城镇常住人口221.69万人，占常住人口比重为57.50%: 临汾 2024) as written
    before it in its clause, when that is its phrase with words in front (城镇 before 常住人口, which the phrase
    drops as a breakdown); else its phrase."""
    phrase, start = previous[2], previous[3]
    written = _LEAD_IN.sub("", sentence[clauses.of(sentence).start(start) : start].strip())
    if phrase and written.endswith(phrase) and len(written) <= len(phrase) + 6:
        return written
    return phrase


# Where the name of a share's whole ends: 占[全市地区生产总值]的比重为, 占[出口总额]比重, 占[全部投资]的30.1%.
_WHOLE_END = re.compile(r"的|比重|比例|份额|[为达是约近超]|\d")


def _standard_whole(whole: str) -> bool:
    """A share's whole that keeps figures comparable: none named or only a scope word (占全市比重: the region's
    own total), a standard indicator read whole (占规模以上工业增加值比重) or a plain total (占总人口, 占全部投资);
    not another area's (占长江经济带比重, 占全国) nor a narrowed standard name (占县属固定资产投资的比重)."""
    from lib.extract import regions, scopes  # they read the gazetteer: only when a share names its whole

    rest = _strip_affixes(whole, _affixes()[0], at_start=False)
    if not rest:
        return True
    names = find(rest)
    if scopes.names_group_or_nation(whole):
        return False  # 占全国比重, 占长江经济带比重
    if names:
        return any(names_whole(rest, m) for m in names)  # 占上海市生产总值的比重: the region's own GDP
    return not regions.find_places(rest)  # 占全省: a share of the province


# Scope words that name a level above a county or above a prefecture whatever the text (全市 does not: a county-level
# city's own text says 全市 of itself).
_PREFECTURE_WHOLE = re.compile(r"^(?:全州|全盟|全地区)")
_PROVINCE_WHOLE = re.compile(r"^全省")


def _parent_whole(whole: str, region: str) -> bool:
    """乌恰县地区生产总值…占全州GDP的比重为23.0%: a county's share of its prefecture's total (or a city's of its
    province's) is no figure of the region's own accounts: set beside another region's, it would compare shares of
    different wholes."""
    from lib.extract import regions  # the gazetteer: only when a share names a scope word

    if not region or not (_PREFECTURE_WHOLE.match(whole) or _PROVINCE_WHOLE.match(whole)):
        return False
    place = regions.lookup(region)
    if place is None:
        return False
    if _PROVINCE_WHOLE.match(whole):
        return place.level != "province"
    return place.region != region and place.level == "prefecture"  # a county, filed under its prefecture


def _whole_of_share(row: dict, offset: int, ind: Indicator) -> bool:
    """Whether ``ind`` was read from the whole a share is taken of: its name right after the clause's 占, with
    at most a scope word between (占全部固定资产投资比重, 占全市地区生产总值比重)."""
    sentence = row["sentence"]
    clause = clauses.of(sentence).start(offset)
    at = sentence.find("占", clause, offset)
    if at < 0:
        return False
    prefixes = _affixes()[0]
    for m in find(sentence[at + 1 : offset]):
        if m.id == ind.id and not _strip_affixes(sentence[at + 1 : at + 1 + m.start], prefixes, at_start=False):
            return True
    return False


@lru_cache(maxsize=1)
def _classes() -> re.Pattern:
    words = [r["affix"] for r in read_vocabulary_csv("affixes.csv") if r["position"] == "class"]
    return re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))


def _class_subject(row: dict, offset: int) -> bool:
    """'全市民营经济实现增加值602.16亿元…。其中，第一产业增加值225.09亿元': the figure before is a class of the economy's
    (data/indicators/affixes.csv, position class), so the items after its 其中 are the class's, not the region's."""
    clause = row["sentence"][clauses.of(row["sentence"]).start(offset) : offset]
    return bool(_classes().search(clause))


def _names_a_part(phrase: str) -> bool:
    """A phrase that holds a standard name narrowed by a word before it that is no scope word or place
    (市级地方一般公共预算收入: the city government's budget, not the city's)."""
    for m in find(phrase):
        if not names_whole(phrase, m) and not _strip_affixes(phrase[m.end :], _affixes()[1], at_start=True):
            return True
    return False


def _points_pulled(row: dict, offset: int, kind: str) -> bool:
    """拉动规上工业增加值增长6.4个百分点: the points a part adds to the indicator's growth, not the indicator's change."""
    clause = clauses.of(row["sentence"]).start(offset)
    return kind == "change_pp" and "拉动" in row["sentence"][clause:offset]


# 远高于8月预测的2.91%, 较8月预测数1.89%, 原本第4季预测值为1.8%: an earlier forecast the figures are set against, not
# the indicator's figure; and the gap to it (上修4.73个百分点 right after it, 比原预测高出7.39个百分点).
_FORECAST_BEFORE = re.compile(r"预测(?:的|数|值)?(?:为|是)?\s*$")


def _against_a_forecast(row: dict, offset: int, kind: str, chained: bool, last_forecast: bool) -> bool:
    clause = row["sentence"][clauses.of(row["sentence"]).start(offset) : offset]
    if _FORECAST_BEFORE.search(clause):
        return True
    return kind == "change_pp" and (("预测" in clause) or (chained and last_forecast))


# A sentence listing the items of the one before (其中，进口…; 其中：税收收入…).
OF_WHICH = re.compile(r"^(?:其中|内中)[，,：:]")


def annotate(rows: list[dict]) -> list[dict]:
    """Fact rows (in sentence order) with ``indicator_id`` and ``indicator_name`` (empty when no standard
    indicator fits) and ``category`` from the vocabulary when one does."""
    chain_from, last_sentence, last_id, last_end, last_kind, last_phrase = 0, None, "", 0, "", ""
    last_start = 0
    last_forecast = False
    partner_part = None
    part_of_part, last_sentence_end = False, 0
    for row in rows:
        sentence = (row["article_id"], row["field"], row["sentence_start"])
        if sentence != last_sentence:
            # 市直一般公共预算收入完成608975万元…。其中：税收收入完成362466万元: the items of a narrowed total are
            # the total's part, also when 其中 opens the next sentence
            follows = last_sentence is not None and sentence[:2] == last_sentence[:2] and OF_WHICH.match(
                row["sentence"]
            ) and 0 <= row["sentence_start"] - last_sentence_end <= 2
            chain_from, last_sentence, last_id, last_end, last_kind = 0, sentence, "", 0, ""
            part_of_part, first_of_sentence = bool(follows and part_of_part), not follows or not part_of_part
            last_sentence_end = row["sentence_start"] + len(row["sentence"])
        offset = row["char_start"] - row["sentence_start"]
        chained = bool(last_end) and bool(CHAIN_GAP.match(row["sentence"][last_end:offset]))
        if last_end and not chained:
            chain_from = offset  # other words between the figures (失业人员再就业): a figure of its own
        previous = (last_id, last_end, last_phrase, last_start) if last_end else None
        last_phrase = row["indicator"]
        last_start, last_end = offset, row["char_end"] - row["sentence_start"]
        kind = row.get("target_kind") or row["kind"]  # a growth target is matched as a growth rate
        is_share, ind = share_of(row, offset, kind, previous)
        # '占全市地区生产总值比重为55.2%，比上年提高0.4个百分点': the change of a share that names no standard measure
        # measures no standard measure either (not the whole's, 地区生产总值)
        share_change = kind == "change_pp" and chained and last_kind == "share_pct" and not last_id
        if share_change:
            is_share, ind = True, None
        if not is_share:
            ind = _longer_name(row, offset, kind) or _elided_subject(row, offset, kind) or identify(
                row["indicator"], row["sentence"][:offset], kind, row["base_unit"], chain_from, row["sentence"]
            )
        if ind is None and kind == "change_pp" and chained and last_kind == "share_pct" and last_id:
            # '…的比重为15.20%，同比降低3.67个百分点': the change of the share just given
            share = vocabulary()[last_id]
            ind = share if fits(share, kind, row["base_unit"]) else None
        last_kind = kind
        if ind is None and not is_share and kind in _SHARE_KINDS and row["indicator"]:
            # 城镇人口…占总人口的比重为57.06%: a share of the phrase is the phrase's 比重.
            ind = identify(row["indicator"] + "比重", "", kind, row["base_unit"])
        if ind and not is_share and _whole_of_share(row, offset, ind):
            ind = None  # 占规模以上工业增加值比重58.2%: the whole is not what the share measures
        # 对欧盟进口5037.48亿元，下降5.7%，出口3002.90亿元: the partner named once restricts its whole part
        part = (sentence, clauses.of(row["sentence"]).start(offset, clauses.PART_BREAKS))
        partner = _partner_restricted(row, offset) or partner_part == part
        partner_part = part if partner else partner_part
        restricted = partner or _breakdown_before(row, offset) or _points_pulled(row, offset, kind)
        restricted = restricted or _goods_amount(row, offset)
        # 市级地方一般公共预算收入完成103873万元…，其中：税收收入50315万元: the items of a part are the part's
        restricted = restricted or (part_of_part and "其中" in row["sentence"][:offset])
        restricted = restricted or bool(ind and _flow_before(row, offset, kind, ind))
        forecast = _against_a_forecast(row, offset, kind, chained, last_forecast)
        last_forecast = forecast
        restricted = restricted or forecast
        if ind and (restricted or row.get("scope") in _NOT_THE_REGIONS):
            ind = None
        if first_of_sentence:
            # the items of a partner's total are the partner's too (对台进出口贸易总额523.21亿元，…，其中，出口253.56亿元，
            # 增长0.3%；进口269.65亿元: 厦门 2025), past the clause the partner restricts
            part_of_part = ind is None and (partner or _names_a_part(row["indicator"]) or _class_subject(row, offset))
            first_of_sentence = False
        row["indicator_id"] = ind.id if ind else ""
        row["indicator_name"] = ind.name_zh if ind else ""
        if ind and kind not in _GROWTH_KINDS:
            row["category"] = ind.category
        if not ind or ind.id != last_id:
            # A figure of another indicator (or of none) ends the chain: later bare figures look no further back.
            chain_from = offset if not ind else chain_from
        last_id = row["indicator_id"]
    _listed_sectors_share_the_measure(rows)
    _of_which_the_same_measure(rows)
    return rows


# An industry named with its measure (采矿业利润, 采矿业增加值): the measure a bare industry after it in the list shares.
_INDUSTRY_MEASURE = re.compile(r"^(?P<industry>.{1,12}?业)(?P<measure>[^业，,、；;]{2,8})$")
# ... but not a word of the figure's kind (第一产业比重, 规上工业增加值增速: the next item's own kind says it)
_KIND_WORDS = re.compile(r"比重|占比|比例|结构|构成|增速|增幅|增长|贡献|拉动|百分点|率")


def _listed_sectors_share_the_measure(rows: list[dict]) -> None:
    """'分门类看，采矿业利润7.7亿元…；制造业281.7亿元，增长20.1%': a bare industry after an industry named with its measure
    measures the same thing (制造业利润, not 制造业增加值): it takes the id of the name the two make, or none."""
    for i, row in enumerate(rows):
        phrase = row["indicator"]
        if not row["indicator_id"] or not phrase.endswith("业"):
            continue
        earlier = (
            r for r in reversed(rows[max(0, i - 12) : i])
            if r["sentence_start"] == row["sentence_start"] and r["field"] == row["field"]
        )  # fmt: skip
        for r in earlier:
            m = _INDUSTRY_MEASURE.match(r["indicator"])
            if m and m.group("industry") != phrase and not _KIND_WORDS.search(m.group("measure")):
                kind = row.get("target_kind") or row["kind"]
                ind = identify(phrase + m.group("measure"), "", kind, row["base_unit"])
                row["indicator_id"], row["indicator_name"] = (ind.id, ind.name_zh) if ind else ("", "")
                break


def _of_which_the_same_measure(rows: list[dict]) -> None:
    """'全市完成地方财政收入31.41亿元，增长10.4%。其中，一般公共预算收入23.17亿元，增长6.0%': a total whose 其中 item
    gets the same indicator and kind is a wider measure than its name's synonym says (地方财政收入 here holds more than
    the general budget), or the item is a narrower one. One of the two keeps the id: the one named by the standard
    name itself; the total when neither or both are."""
    for i, item in enumerate(rows):
        if not item["indicator_id"] or not _after_of_which(rows, i):
            continue
        total = next(
            (
                r for r in reversed(rows[max(0, i - 12) : i])
                if r["indicator_id"] == item["indicator_id"] and r["kind"] == item["kind"]
                and r["field"] == item["field"] and r.get("value_base") != item.get("value_base")
            ),
            None,
        )  # fmt: skip
        if total is None or not _before_of_which(total, item):
            continue
        name = _key(vocabulary()[item["indicator_id"]].name_zh)
        item_named, total_named = (_key(r["indicator"]).endswith(name) for r in (item, total))
        loser = total if item_named and not total_named else item
        loser["indicator_id"], loser["indicator_name"] = "", ""


def _after_of_which(rows: list[dict], i: int) -> bool:
    """Whether the figure stands after a 其中 of its sentence, or in a sentence that opens with 其中."""
    row = rows[i]
    before = row["sentence"][: row["char_start"] - row["sentence_start"]]
    return "其中" in before or bool(OF_WHICH.match(row["sentence"]))


def _before_of_which(total: dict, item: dict) -> bool:
    """Whether ``total`` is the figure the 其中 before ``item`` narrows: in the same sentence before 其中, or in the
    sentence right before one that opens with 其中."""
    if total["sentence_start"] == item["sentence_start"]:
        return "其中" in item["sentence"][total["char_end"] - total["sentence_start"] : item["char_start"] - item["sentence_start"]]
    gap = item["sentence_start"] - (total["sentence_start"] + len(total["sentence"]))
    return bool(OF_WHICH.match(item["sentence"])) and 0 <= gap <= 2
