"""Quantitative facts: every quantity in an article becomes a traceable, comparable row.

``lib.extract.numbers`` finds the quantities (value, unit, magnitude, qualifier); this module decides,
from the sentence around each one, what it measures (indicator), what kind of figure it is
(level, change, share, rate, target), its category, its period and its region, and marks a
number said twice about the same thing as a second mention of one fact.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from functools import lru_cache
from typing import NamedTuple

from lib import paths, text
from lib.extract import clauses, currencies, indicators, numbers, periods, regions, scopes
from lib.model import Article

# --- kinds ----------------------------------------------------------------------------------

_CHANGE_WORDS = r"增长|增加|增速|增幅|涨幅|上涨|提高|提升|下降|下滑|减少|降低|回落|下跌|减|增|涨|降|拉动|回升"
# Change verbs only: 增速, 增幅 and 涨幅 are nouns that name the indicator (福州的增速达到5.4%).
_CHANGE_VERBS = r"增长|增加|上涨|提高|提升|下降|下滑|减少|降低|回落|下跌|拉动|回升|减|增|涨|降"
# Taiwan's change verbs (read through t2s): 民间消费成长1.91%, 进口年增24.91%, 电子零组件续增14.99%.
_CHANGE_VERBS_TRADITIONAL = r"负成长|成长|年增|年减|扩增|续增|上修|下修|上升|升|跌"  # 升, 跌: Hong Kong's (货品出口总额升12.2%)
_CHANGE = re.compile(rf"(?:{_CHANGE_WORDS})了?\s*$")
_SHARE = re.compile(r"(占|比重|占比|份额|比例)")
_RATE = re.compile(r"每(?:年|周|月|日|天|小时|秒|分钟|季度)|年均|日均|月均|年产|日产|年处理|年吞吐")
# 计划生育 (family planning: 妇幼保健和计划生育服务中心7个) and 计划单列市 are names, no plans.
_TARGET = re.compile(r"计划(?!总投资|生育|单列)|将达|目标|力争|预计|预期|有望|冲击|将(?:增加|提高|提升|突破|超过)|达到.*?目标")
# A work report's list of targets: 主要预期目标是：地区生产总值增长6%左右，城镇新增就业12万人……
_TARGET_LEAD = re.compile(r"(?:预期|主要|发展)目标(?:是|为)?[：:]")
_ABSOLUTE_CHANGE = re.compile(r"(?:增加|减少|增长|下降|扩大|缩小|多增加|多增|少增)了?$")
# 是上年的2.5倍, 相当于全国平均水平的1.3倍: the figure is a multiple of what precedes 的.
_MULTIPLE_OF = re.compile(r"(?:的|是|相当于|为)$")
_ONE_TO = re.compile(r"比(?:为|是|达)?\s*1\s*[∶:：]\s*$")
_RATIO = re.compile(r"(?:之比|比值|收入比|比例)(?:为|是|达)?$")
_RATE_NAMED = re.compile(r"(?:增加率|出生率|死亡率|结婚率|离婚率)(?:为|是|达)?$")
# Cumulative figures (累计, 自2014年以来) and average annual rates (年均) are not the period's own figure.
_SEQUENTIAL = re.compile(r"环比|[比较]上(?:个)?月|[比较]上(?:一)?季度?|按季|按月")
_YEAR_TO_DATE = re.compile(r"截[至止][^，,；;。]{0,8}月(?:底|末)|(?<!\d)1\s*[-—–~至到]\s*\d{1,2}月")
_CUMULATIVE = re.compile(r"累计|共计|迄今|至今|以来")  # 总计/合计 sum parts (收入总计), not years
_BASE_YEAR = re.compile(r"(?:比|较|与|同|是|相当于)(\d{4})年")
_AVERAGE_ANNUAL = re.compile(r"年均|年平均|平均每年|两年平均|三年平均|五年平均")
# A report whose title names its year (2024年…统计公报) states that year's figures throughout.
# Titles of reports on one year: their figures without a period are that year's.
_PERIODIC_REPORT = re.compile(
    r"(\d{4})年[^，。]{0,30}(?:统计公报|公报|统计年鉴|年度报告|年报|经济运行|运行情况|执行情况|工作报告|决算)"
)
_TITLE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})年")
# A numbered top-level heading (一、2024年预算执行情况, 三、2025年预算草案) opens a section: the year it names
# is the period of its figures that name none, and a plan, a draft or a later year makes them targets.
_SECTION_HEADING = re.compile(r"^(?:[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十]{1,3}部分)")
# A sub-heading flattened into the text as a sentence of its own (全体居民收入情况。, 交通方面：).
_SUB_HEADING = re.compile(r"^[^\d，,；;。]{2,16}(?:情况|状况|概况|方面)\s*[。：:]?$")


def _heading_starts(sentence: str) -> bool:
    """Whether a sentence opens with a numbered heading (二、农牧业 …) or is a sub-heading: on a crawled page
    kept on one line these are all that is left of the paragraph breaks."""
    head = sentence.strip()
    return bool(_SECTION_HEADING.match(head) or _SUB_HEADING.match(head) or _RUN_IN_HEAD.match(head))


# 1—11月，…营业收入全部实现增长。数字经济带动有力。11户…: a short run-in head (no figure, no comma, no date) opens
# a new topic within the paragraph; the months of the sentence before are not its figures' period.
_RUN_IN_HEAD = re.compile(r"^[\u4e00-\u9fa5]{4,10}。$")


_PLANNED_SECTION = re.compile(r"草案|计划|安排|目标|展望|打算")

# --- categories: a small taxonomy so regions can be compared ----------------------------------
# Checked in order; the first match wins. Documented in the README.
CATEGORIES: list[tuple[str, str]] = [
    ("firms", r"企业|公司|商户|市场主体|机构|客户|厂商|单位"),
    (
        "trade",
        r"贸易|外贸|进出口|出口|进口|航线|航班|班列|跨境|海外仓|物流|货运|国家|城市|口岸|外资|外商|FDI|货物",
    ),
    ("compute", r"算力|智算|超算|服务器|数据中心|算卡|集群|云|5G|基站|数字|芯片|带宽"),
    ("rd", r"项目|专项|成果|专利|研发|技术|课题|实验室|研究|创新|人才|高校|院所|经费|产品|系列|攻关"),
    ("energy", r"能耗|电力|用电|发电|煤|天然气|能源|千瓦|标准煤|立方米"),
    ("economy", r"生产总值|GDP|增加值|投资|消费|零售|收入|税收|产值|营收|利润|财政|经济"),
]
_CATEGORY_RES = [(name, re.compile(pattern)) for name, pattern in CATEGORIES]  # asked once per figure
CATEGORY_LABELS = {
    "growth": "增速 growth rates",
    "money": "金额 money",
    "firms": "企业 firms",
    "trade": "贸易与联通 trade & connectivity",
    "compute": "算力与数字基础设施 compute & digital infrastructure",
    "rd": "研发与项目 R&D & projects",
    "energy": "能源 energy",
    "economy": "经济总量 economy",
    "other": "其他 other",
}

# --- indicator chunking -----------------------------------------------------------------------

_NOUNISH = set(
    "n nr ns nt nz nrt nrfg vn an j l eng ng f b i x s".split()
)  # jieba tags that can name a thing
# Trailing words between an indicator and its number: verbs of reporting and change, adverbs.
_LINKING = re.compile(
    rf"(?:同比|按年|按季|按月|实质|比上年|比去年同期|比去年|较上年|较去年|两年平均|平均|年均|累计|共计|合计|总计|分别|共|已|达到?|"
    rf"(?:修订|调整|核定|修正)为|为|是|有|实现|完成|超过?|逾|近|约|突破|接近|将近|大约|不少于|不低于|至少|最多|概估|初估|[「『“]|不超过|最高达|仅|"
    rf"{_CHANGE_VERBS}|{_CHANGE_VERBS_TRADITIONAL}|了|到|至|在|由|从|计划|安排|将|预计|预期|力争|部署|提供|新增|新引进|引进|拥有|组建|实施|支持|吸纳|"
    rf"每(?:年|周|月|日|天|小时|秒|分钟|季度)|日均|月均|(?:去年|上年|比上年|比去年)?同期|"
    rf"也|均|都|还|仍|又|再|亦|或|双双|相继|陆续|高达|跨越|跨过|迈过|冲击|首次|等|(?:很|极)?可能|有望|维持|保持)+$"
)
# The base of a comparison is not the indicator: '…比2019年同期增长', '高于全国平均水平'.
# 占比较上年: 占比 stays; 较快增长 is how fast, no comparison; 是上年的 (2.5倍) and 相当于全国的 name the base of a multiple.
_COMPARISON = re.compile(r"(?:(?<!占)比|较(?![快慢大小好高低多少强弱为])|高于|低于|快于|慢于|好于|相比)[^，,；;]*$|(?:是|相当于)[^，,；;是]{1,20}的$")
_BRACKETED = re.compile(r"[（(][^（()）]{0,12}[）)]")
_TOPIC = re.compile(r"从(?P<t>[^，,；;：:]{2,20}?)(?:来看|看)|(?P<u>[^，,；;：:]{2,14}?)方面")
_LEADING_SCOPE = re.compile(
    r"^(?:全市|全省|全区|全国|全县|全州|该市|该省|该区|其中|此外|同时|目前|今年|去年|上年)"
)
_MAX_INDICATOR = 14


# jieba tags these as verbs; in front of a number they name what is measured.
_NOUN_WORDS = {
    "城市",
    "增速",
    "增幅",
    "涨幅",
    "降幅",
    "增长率",
    "增量",
    "占比",
    "比重",
    "总量",
    "规模",
    "收入",
    "营业收入",
    # Tagged verbs by the tokenizer, but they name what is counted: 城镇新增就业12万人, 一般公共预算支出193.3亿元,
    # 猪出栏122.26万头.
    "就业",
    "预算",
    "支出",
    "出栏",
    # and in a budget: 上年结转363360万元, 上年结余93120万元, 争取上级转移支付414.3亿元
    "结转",
    "结余",
    "转移支付",
    "类",  # 交通通信类下跌2.3%: a category (tagged a classifier)
    "输出",  # Taiwan's 商品及服务输出 (exports of goods and services), tagged a verb
}


def _tokens(s: str) -> list[tuple[str, str]]:
    if not s:
        return []
    return [(word, "n" if word in _NOUN_WORDS else flag) for word, flag in text.pos_cut(s)]


_ADMIN_SUFFIXES = {"省", "市", "区", "县", "州", "盟", "旗", "镇", "乡"}


@lru_cache(maxsize=1)
def _currency_basis() -> re.Pattern:
    """按美元计价 / 以人民币计: the currency a figure is counted in (data/indicators/currencies.csv), no part of its name."""
    names = "|".join(map(re.escape, sorted(currencies.currencies(), key=len, reverse=True)))
    return re.compile(rf"[按以](?:{names})计(?:价|算)?")


def _left_phrase(left: str) -> str:
    """The noun phrase that ends just before the number: '…吸纳来自北京的技术合同额' -> '技术合同额'."""
    left = _currency_basis().sub("", _BRACKETED.sub("", left.strip()))
    left = _LINKING.sub("", _COMPARISON.sub("", _LINKING.sub("", left)))
    toks = _tokens(left)
    phrase: list[str] = []
    for k in range(len(toks) - 1, -1, -1):
        word, flag = toks[k]
        if word in ("季", "季度") and k and toks[k - 1][1] == "m":
            break  # 第3季GDP成长率 (Taiwan's quarter, tagged a noun): the period, no part of the name
        if flag[0] not in "nvjlfbix" and flag not in _NOUNISH and flag != "vn":
            break
        if flag == "x" and not re.fullmatch(r"[A-Za-z0-9]+", word):
            break
        if flag == "ns" and phrase:  # a place name before the indicator is its region, not part of it
            if phrase[0] in _ADMIN_SUFFIXES:
                phrase.pop(0)  # 广丰 + 区 + 地区生产总值: the suffix goes with the place
            break
        # A verb ends the phrase, unless the phrase is a lone character (…投资到资 -> 到资).
        if flag.startswith("v") and flag != "vn" and sum(map(len, phrase)) >= 2:
            break
        if flag.startswith("v") and flag != "vn" and not phrase:
            break
        phrase.insert(0, word)
        if sum(map(len, phrase)) >= _MAX_INDICATOR:
            break
    out = _LEADING_SCOPE.sub("", "".join(phrase))
    return _strip_places(out)


_PLACE_SUFFIX = re.compile(r"^(?:市|省|县|区|自治区)(?=.)")
_BARE_SUFFIX = re.compile(r"[市省县区]?")


def _strip_places(phrase: str) -> str:
    """'中宁县' or '北京' alone names the region, not the indicator; '吴忠市计划投资' -> '计划投资'."""
    for m in regions.find_places(phrase):
        if m.start == 0:
            # The place's own suffix goes with it: '吴忠' + '市计划投资'.
            phrase = _PLACE_SUFFIX.sub("", phrase[m.end :])
            break
    return "" if _BARE_SUFFIX.fullmatch(phrase) else phrase


def _right_noun(right: str) -> str:
    """The counted noun after a measure word: '家优质科技企业集体签约' -> '优质科技企业'."""
    right = re.sub(r"^(?:这样|这些|此类|这类|这种|那样)的?", "", right)  # 20家这样的创新联合体
    toks = _tokens(right)
    phrase: list[str] = []
    for k, (word, flag) in enumerate(toks):
        nxt = toks[k + 1][1] if k + 1 < len(toks) else ""
        if flag in ("n", "nz", "vn", "nt", "j", "l", "eng", "ng", "b", "an") or (flag == "ns" and not phrase):
            phrase.append(word)
        elif not phrase and ((flag == "v" and nxt in ("vn", "n", "nz")) or flag == "f"):
            phrase.append(word)  # 飞行测试, 中部省会城市
        elif flag == "x" and re.fullmatch(r"[“”\"‘’]", word):
            continue
        else:
            break
        if sum(map(len, phrase)) >= _MAX_INDICATOR:
            break
    # '集体签约' style adverbial nouns trail the counted noun: keep up to the head noun.
    while phrase and phrase[-1] in _NOT_COUNTED:
        phrase.pop()
    return "".join(phrase)


# jieba tags these as nouns, but after a number they say what happened, not what was counted.
_NOT_COUNTED = {"集体", "统一", "共同", "落地", "落户", "签约", "入驻", "开工", "投产", "到位"}


_MEASURE_UNITS_WITH_NOUN = re.compile(
    r"^[万亿千百十]*(?:家|项|个|台|张|款|种|座|所|名|位|件|套|辆|列|条|批|类|只|部|架|艘|处|栋|场|支|根|颗|块|份|篇|本|门|期|级|大)"
)


# '三次产业结构为1.6:34.5:63.9' (结构比为, 结构比重为, 结构分别为, 三次结构比为, 占比为): the parts of a structure ratio are
# the shares of the three sectors. 三次产业比由上年18.87：34.20：46.93转变为15.20:43.12:41.68: both ratios are
# structures, the first last year's. The ratio is of what the sectors are named with: written in it (三次产业增加值结构,
# 三次产业投资结构), else in the sentence before it (第一产业投资增长43.0%，…，三次产业占比为2.2：60.2：37.6: investment's).
_STRUCTURE_HEAD = r"(?:三次产业|三次|产业)(?P<{}>增加值|投资|就业人员|从业人员)?(?:结构(?:比重?)?|比例|构成|占比|比)"
_STRUCTURE = re.compile(
    _STRUCTURE_HEAD.format("measure") + r"(?:分别)?(?:调整)?(?:为|是|由(?:上年|去年)?的?)?\s*$"
    "|" + _STRUCTURE_HEAD.format("measure2")
    + r"[^，,；;]{0,12}?[\d.]+(?:\s*[：:︰∶]\s*[\d.]+){2}\s*(?:转变|调整|优化|变|转)为\s*$"
)
_SECTOR_MEASURE = re.compile(r"第[一二三]产业(投资|增加值|就业人员|从业人员)")
# the colons a ratio is written with, U+2236 RATIO among them (三次产业结构为0.3∶37.8∶61.9, 厦门 2025)
_RATIO_SEP = "：:︰∶"
_SECTORS = ("第一产业", "第二产业", "第三产业")


def _structure_at(sentence: str, q: numbers.Quantity) -> tuple[int, str] | None:
    """(index of the figure in a three-sector structure ratio, what the ratio divides: '' for value added), or None."""
    start, index = q.start, 0
    while start >= 1 and sentence[start - 1] in _RATIO_SEP:
        prev = re.search(r"[\d.]+\s*$", sentence[: start - 1])
        if not prev:
            return None
        start, index = prev.start(), index + 1
    if index == 0 and sentence[q.end : q.end + 1] not in _RATIO_SEP:
        return None
    head = _STRUCTURE.search(sentence[:start]) if index < len(_SECTORS) else None
    if not head:
        return None
    named = next((m.group(1) for m in _SECTOR_MEASURE.finditer(sentence, 0, head.start())), "")
    measure = head.group("measure") or head.group("measure2") or named
    return index, "" if measure == "增加值" else measure


# 三次产业投资占比分别为0.2%、86.0%、13.8% (盘锦 2025): the three sectors stand for a list of items, in order.
_THREE_SECTORS_RESPECTIVELY = re.compile(
    r"三次产业(?P<measure>[\u4e00-\u9fa5]{0,6}?)(?P<share>占比|比重|结构|所占比重)?分别(?:为|是|达到?|占)?\s*$"
)
_RUN_SEP = re.compile(r"\s*(?:、|和|及|与|,|，)\s*")


def _three_sectors_listed(sentence: str, q: numbers.Quantity) -> str:
    """The sector a figure of a 三次产业…分别 list measures (第二产业投资占比), '' when it is in none."""
    if "三次产业" not in sentence:
        return ""  # nearly every sentence
    found = numbers.find_quantities(sentence)
    i = next((k for k, f in enumerate(found) if f.start == q.start), None)
    if i is None:
        return ""
    index = 0
    while i - index > 0 and _RUN_SEP.fullmatch(sentence[found[i - index - 1].end : found[i - index].start]):
        index += 1  # figures before it in the same run
    head = _THREE_SECTORS_RESPECTIVELY.search(sentence, 0, found[i - index].start)
    if head is None or index >= len(_SECTORS) or head.end() != found[i - index].start:
        return ""
    return f"{_SECTORS[index]}{head.group('measure')}{head.group('share') or ''}"


def structure_part(sentence: str, q: numbers.Quantity) -> int | None:
    """Index of the figure in a three-sector structure ratio, or None."""
    found = _structure_at(sentence, q)
    return found[0] if found else None


_NAME_IN_BRACKETS = re.compile(r"[（(]([^（）()]{2,14})[）)]\s*(?:为|是|达到?)?\s*$")


_CURRENCY_TAIL = re.compile(r"(?:新台币|新台幣|港币|港元|澳门元|澳门币|人民币|美金)\s*$")


def _name_ends_at(text: str, end: int) -> bool:
    return any(m.end == end for m in indicators.find(text[:end]))


# 地区生产总值[1]567.85亿元: a crawled communiqué keeps its footnote markers after the names they annotate.
_FOOTNOTE_MARK = re.compile(r"(?<=[\u4e00-\u9fff）)])\[\d{1,2}\]")


# 图22024年地区生产总值三次产业结构比重（%） 全市居民消费价格指数…: on a crawled page the captions of the figures
# and tables left out stand in the next sentence, before its subject, with no punctuation to end them.
# A caption's span of years may be spaced by the crawl (图 22021 -2025 年三次产业增加值占地区生产总值比重: 厦门 2025).
_CAPTION_CHUNK = re.compile(r"(?:^|\s)[图表]\s?(?:\d{1,2}?\d{4}\s*[-—–至]\s*\d{4}\s*年|\d{1,2})[^\s，。；]*(?=\s)")


def _after_captions(left: str) -> str:
    """The words before a figure, after the last caption standing in front of them."""
    ends = [m.end() for m in _CAPTION_CHUNK.finditer(left)]
    return left[ends[-1] :].lstrip() if ends else left


# 剔除后同口径增长6.88%, 可比增长6.2%: how a growth is counted, not what grows (the sentence's subject does).
_LIKE_FOR_LIKE = re.compile(r"(?:剔除|扣除)?后?(?:按)?(?:同口径|可比口径|可比)")
# Bare growth words after a level: the growth of that level (Taiwan's 零售业营业额为4,186亿元，…，年增率1.9%;
# 乌恰县农林牧渔业总产值同比增长17.6%，增速高于全州11.9个百分点).
_RATE_UNITS = ("%", "个百分点", "百分点")  # 增速在9个国家中心城市中居首位: a count is no growth
_BARE_GROWTH = re.compile(r"(?:年增率|月增率|年增|年减|年增减率|增速|增幅)")


def indicator_for(
    sentence: str, q: numbers.Quantity, previous: str, topic: str = "", subject: str = ""
) -> str:
    """What the figure measures. ``previous``: the indicator of the sentence's previous figure;
    ``topic``: the paragraph's last indicator, used only for a bare 'place + verb + figure' clause
    (中卫市增长36.4%), where the indicator is plainly the one the paragraph is listing."""
    structure = _structure_at(sentence, q)
    if structure is not None:
        return f"{_SECTORS[structure[0]]}{structure[1]}比重"
    sector = _three_sectors_listed(sentence, q)
    if sector:
        return sector
    clause_start, clause_end = clauses.of(sentence).start(q.start), clauses.of(sentence).end(q.end)
    left = _after_captions(_FOOTNOTE_MARK.sub("", sentence[clause_start : q.start]))
    right = sentence[q.end : clause_end]
    if right.startswith("的"):  # '120亿元的投资'
        counted = _right_noun(right[1:])
    elif q.base_unit not in ("%", "个百分点", "百分点") and not currencies.is_money(q.base_unit):
        counted = _right_noun(right)  # 12家高新技术企业, 50P算力中心
    else:
        counted = ""
    listed = _respectively(sentence, q)
    if listed:
        return _object_first(listed)
    named = _NAME_IN_BRACKETS.search(left)
    if named and indicators.find(named.group(1)) and not _name_ends_at(left, named.start()):
        # 占总人口比重（常住人口城镇化率）为72.66%: the bracket names what a generic share measures (but in
        # 地区生产总值（GDP） it only abbreviates the name before it).
        return named.group(1)
    before = _left_phrase(_CURRENCY_TAIL.sub("", left))  # 营业额为新台币1兆2,542亿元: the currency is the amount's
    if subject and _LIKE_FOR_LIKE.fullmatch(before):
        return subject
    if (subject or previous) and q.base_unit in _RATE_UNITS and _BARE_GROWTH.fullmatch(before):
        return previous or subject
    if before.startswith("产") and re.search(r"(?<![第统同唯单])[一二三]$", left[: left.rfind(before)]):
        before = left[left.rfind(before) - 1] + before  # 一产占比: the tokenizer read 一 as a numeral
    if previous and (_budget_base(sentence, q) or _OF_BUDGET.search(sentence, 0, q.start)):
        return previous  # the budget of the clause's subject, and the share of it completed
    if counted and (not before or _MEASURE_UNITS_WITH_NOUN.match(q.unit or "")):
        return _object_first(counted)
    found = before or counted or previous or _topic(sentence[: q.start])
    if not found and topic and _bare_place_clause(left):
        found = topic
    return _object_first(found)


def _bare_place_clause(left: str) -> bool:
    """'中卫市增长' or '吴忠市': a place and linking words only, before the figure."""
    places = regions.find_places(left)
    if not places:
        return False
    rest = left[: places[0].start] + left[places[-1].end :]
    rest = re.sub(r"^(?:市|省|县|区)", "", _BRACKETED.sub("", rest).strip())
    return not rest or bool(_LINKING.fullmatch(rest))


_TRADE_FIRST = re.compile(r"^(出口|进口)(.{2,})$")


def _object_first(indicator: str) -> str:
    """'出口钢材' -> '钢材出口': name a trade flow the way statistics tables do."""
    m = _TRADE_FIRST.match(indicator)
    # 出口总值, 进口总额: a total word (data/indicators/affixes.csv) is no object; the name stays as written.
    if not m or m.group(2) in indicators.suffix_affixes():
        return indicator
    return f"{m.group(2)}{m.group(1)}"


def _topic(before: str) -> str:
    """'从前三季度GDP增速来看，…' or '投资方面，…': the sentence's topic names the figures after it."""
    found = list(_TOPIC.finditer(before))
    if not found:
        return ""
    topic = found[-1].group("t") or found[-1].group("u")
    for p in reversed(periods.find_periods(topic)):
        topic = topic[: p.start] + topic[p.end :]
    return _left_phrase(topic)


def listed_item(sentence: str, q: numbers.Quantity) -> tuple[str, str, bool] | None:
    """'A、B和C分别…x、y、z': the list item the figure at q belongs to, the list's last item, and whether the figure
    is in a later run (…，增长u和v) (clauses.respectively pairs them); None when the figure does not follow 分别 or the lists do not pair up."""
    listing = clauses.respectively(sentence, q.start, q.end)
    if listing is None:
        return None
    (a, b), (c, d) = listing.items[listing.index], listing.items[-1]
    return sentence[a:b], sentence[c:d], listing.again


def _respectively(sentence: str, q: numbers.Quantity) -> str:
    """'汽车、电气、电子业增加值分别增长76.3%、71.9%': the i-th figure measures the i-th item;
    when the items are places (福州、龙岩投资增速分别为…) they share the last item's indicator."""
    listed = listed_item(sentence, q)
    if listed is None:
        return ""
    item, last = (re.sub(r"等.*$", "", t) for t in listed[:2])
    places = regions.find_places(item)
    if places and places[0].start == 0 and listed[2]:
        return ""  # 香港及中國台灣旅客分別為…人次,佔總數29.9%及8.1%: a later run of a places list is named by its clause
    if places and places[0].start == 0:
        return _strip_places(last) if len(last) > places[0].end - places[0].start else ""
    if item != last and len(last) > len(item) and not indicators.find(item):
        # 城镇常住居民和农村常住居民人均生活消费支出分别为46744和31303元: parallel modifiers share the last item's head
        # (kept only when the two make a standard name whole)
        shared = item + last[len(item) :]
        if any(m.start == 0 and indicators.names_whole(shared, m) for m in indicators.find(shared)):
            item = shared
    phrase = _left_phrase(item) or item
    whole = [m for m in indicators.find(item) if indicators.names_whole(item, m)]
    # the chunker may drop a modifier the standard name keeps (农村常住 of 农村常住居民人均生活消费支出)
    longest = max(whole, key=lambda m: m.end - m.start, default=None)
    return item[longest.start :] if longest and longest.end - longest.start > len(phrase) else phrase


# Change cues of Traditional-script writing (read through t2s): Taiwan's 年增率 / 成长率 / 负成长 and Hong Kong's and
# Macao's 上升 / 升 / 跌 (按年升2.1%, 下跌11.3%): 年增率 and 成长率 are growth rates, not shares, although they end in 率.
_PCT_CHANGE_TRADITIONAL = r"年增率|成长率|负成长|成长|年增|年减|上升|升幅|跌幅|升|跌"
_PCT_CUE = re.compile(
    rf"(?P<change>{_PCT_CHANGE_TRADITIONAL})"
    # 存贷比为78.4% (株洲 2023): a ratio named with 比 before 为/达/是, no comparison (比上年)
    rf"|(?P<share>占|比重|占比|份额|比例|完成率|开工率|贡献率|完成(?=$)|利用率|覆盖率|率|系数|增长面|覆盖面|(?<![同环])比(?=[为达是]|$)"
    # 完成省定任务的116.3% (东营 2024): the share of a quota done
    rf"|完成[^，。；]{{0,10}}?(?:任务|计划|目标)的?(?=$))"
    rf"|(?P<change2>(?!增加值|增值)(?:{_CHANGE_WORDS}|增速|增长率))"  # 增加值 and 增值税 name measures, no change
)


def _pct_kind(before: str) -> str:
    """For a percentage: the nearest share or change cue before it in the sentence decides."""
    cues = list(_PCT_CUE.finditer(before))
    if not cues:
        return "level"
    return "share_pct" if cues[-1].group("share") else "change_pct"


# The last change word before a figure in its clause says which way it went (下降3.0%, 比上年末减少3.9万人,
# 分别下降1.2%、3.4%); 增加值 and 增值税 are names.
_CHANGE_CUE = re.compile(
    rf"(?!增加值|增值)(?P<down>负增长|下降|减少|降低|回落|下跌|下滑|收窄|缩小|年减|减|降|跌)"
    rf"|(?!增加值|增值)(?:{_CHANGE_VERBS}|{_CHANGE_VERBS_TRADITIONAL}|上升|升|扩大|加快)"
)
_CHANGE_KINDS = ("change_pct", "change_pp", "change_abs")
# A percentage followed by the change it is (Hong Kong's 录得1.6%的实质升幅, 录得3.8%的增长)
_CHANGE_NOUN_AFTER = re.compile(r"的?(?:实质|名义|按年|按季)?(?:升幅|增幅|跌幅|降幅|涨幅|增长|增速|下跌|下降)")


def direction_of(sentence: str, q: numbers.Quantity, measured: str) -> str:
    """'down' or 'up' for a change (measured kind), '' for any other figure."""
    if measured not in _CHANGE_KINDS:
        return ""
    left = sentence[clauses.of(sentence).start(q.start) : q.start]
    cue = next(reversed(list(_CHANGE_CUE.finditer(left))), None)
    if cue is None:
        return "up"  # 同比+5%, a bare growth rate after its level: a rise unless a fall is said
    return "down" if cue.group("down") else "up"


def kind_for(sentence: str, q: numbers.Quantity) -> str:
    """level, change_pct, change_pp, share_pct, rate or target (see measure_kind for what a target measures)."""
    measured = measure_kind(sentence, q)
    return "target" if _is_target(sentence, q) else measured


# 为年初预算513000万元的100.48%: the budget a figure is measured against is a planned figure (its indicator's
# target), and the percentage of it the completion rate, a share.
_BUDGET_BASE = re.compile(r"(?:年初|调整后?的?|全年)?预算(?:数)?\s*$")
_OF_BUDGET = re.compile(r"预算(?:数)?\s*[\d.]+\s*[千百万亿]*元的\s*$")


def _budget_base(sentence: str, q: numbers.Quantity) -> bool:
    return sentence.startswith("的", q.end) and bool(_BUDGET_BASE.search(sentence, 0, q.start))


def _is_target(sentence: str, q: numbers.Quantity) -> bool:
    if _budget_base(sentence, q):
        return True
    clause_left = sentence[max(q.start - 14, clauses.of(sentence).start(q.start)) : q.start]
    if _TARGET.search(clause_left) or _TARGET.search(sentence[max(0, q.start - 8) : q.start]):
        return True
    return bool(_TARGET_LEAD.search(sentence, 0, q.start))


def measure_kind(sentence: str, q: numbers.Quantity) -> str:
    """The kind of figure, a target read as if achieved: 力争增长5% measures a change_pct."""
    clause_left = sentence[max(q.start - 14, clauses.of(sentence).start(q.start)) : q.start]
    if q.base_unit in ("个百分点", "百分点", "个千分点"):
        return "change_pp"
    if q.base_unit == "‰":  # birth, death and growth rates of population
        return "rate"
    if structure_part(sentence, q) is not None:
        return "share_pct"
    if q.base_unit == "%" and _OF_BUDGET.search(sentence, 0, q.start):
        return "share_pct"
    if q.base_unit in ("%", "成"):
        kind = _pct_kind(_strip_qualifier_words(sentence[: q.start]))
        if kind != "level":
            return kind
        if _CHANGE_NOUN_AFTER.match(sentence, q.end):
            return "change_pct"  # 政府消费开支录得1.6%的实质升幅: the change is named after the figure
    if q.base_unit == "番":  # 翻一番: read only after 翻
        return "change_pct"
    if q.base_unit == "倍":
        if _MULTIPLE_OF.search(_strip_qualifier_words(clause_left)):
            return "multiple"  # 是2020年的2.5倍: a multiple of a base, not a growth rate
        if re.search(_CHANGE_WORDS, sentence[: q.start]):
            return "change_pct"  # 增长1.7倍: +170%
    if _RATE.search(clause_left) or sentence[q.end : q.end + 1] == "/":
        return "rate"
    if not q.base_unit and _RATIO.search(clause_left):  # 城乡居民人均可支配收入之比为2.33
        return "rate"
    if not q.base_unit and _ONE_TO.search(clause_left):  # 存贷比为1∶0.52: a ratio to one
        return "rate"
    if not q.base_unit and _RATE_NAMED.search(clause_left):  # 人口自然增加率为0.82: a rate written without its ‰
        return "rate"
    if _ABSOLUTE_CHANGE.search(_strip_qualifier_words(clause_left)):
        return "change_abs"  # 比上年末减少3.9万人: a change in the indicator's own unit, not a level
    return "level"


@lru_cache(maxsize=1)
def _stock_words() -> re.Pattern:
    """data/indicators/stock_words.csv: indicators counted at a date (存栏, 余额), not over a period."""
    words = [r["word"] for r in indicators.read_vocabulary_csv("stock_words.csv") if r["word"]]
    return re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))


def _is_stock(indicator: str) -> bool:
    return bool(indicator) and bool(_stock_words().search(indicator))


# 新增“四上企业”111家: what was added in the year is a flow, whatever stock the clause names.
_FLOW = re.compile(r"新增|新设|新建|新认定|新登记|当年")


def _counted_at_a_date(sentence: str, q: numbers.Quantity, indicator: str) -> bool:
    """A stock: its indicator names one, or with the two words the phrase reader left off before it
    (有效发明专利21706件, read as 发明专利)."""
    left = sentence[clauses.of(sentence).start(q.start) : q.start]
    if _FLOW.search(left):
        return False
    at = left.rfind(indicator) if indicator else -1
    return _is_stock(indicator) or (at >= 0 and _is_stock(left[max(0, at - 2) : at + len(indicator)]))


def _run_length(sentence: str, q: numbers.Quantity) -> bool:
    """连续6年超85%以上, 连续10个月保持增长: how long a run lasts, a duration with no period of its own."""
    return q.base_unit in ("年", "个月", "个季度") and sentence[: q.start].endswith("连续")


_GROUP_COUNT_UNITS = {"个", "户", "家", "项", "所", "座"}


def _counts_a_group(sentence: str, q: numbers.Quantity, found: list[numbers.Quantity]) -> bool:
    """A count before the noun it counts with a figure of that group later in its clause (145个亿元以上项目完成投资增长
    12.3%, 易事特等14户工业企业实现增加值增长48.9倍): it says which group the figure is about, no figure of a period."""
    if q.base_unit not in _GROUP_COUNT_UNITS or not re.match(r"[\u4e00-\u9fa5“”\"]", sentence[q.end : q.end + 1]):
        return False
    end = clauses.of(sentence).end(q.end)
    return any(q.end < o.start < end for o in found)


_NAMED_PLAN = ("行动", "计划", "规划", "攻坚")  # 三年行动, 五年规划: the name of a programme


def _names_a_category(sentence: str, q: numbers.Quantity, found: list[numbers.Quantity]) -> bool:
    """A small count in Chinese numerals that names what a figure measures, not a figure itself:
    十种有色金属95.6万吨, 与民生相关的十一类支出完成185.18亿元 (a figure in digits follows in its clause), or the
    name of a programme (三年行动任务全清零)."""
    if _DIGIT.search(q.raw) or q.value > 20 or q.qualifier != "exact":
        return False
    if q.base_unit == "年" and sentence.startswith(_NAMED_PLAN, q.end):
        return True
    end = clauses.of(sentence).end(q.end)
    return any(o.start >= q.end and o.end <= end and _DIGIT.search(o.raw) for o in found)


_DIGIT = re.compile(r"[0-9０-９]")
# 表12024年主要农产品产量: a crawled table caption, whose number runs into the year it is about.
_CAPTION_YEAR = re.compile(r"\d{1,2}(?:19|20)\d\d\s*年")


# A size threshold that defines a class (统计调查单位的500万元及以上固定资产投资项目, 年主营业务收入2000万元及以上工业
# 企业): 及以上 / 及以下 with a name after it, not a figure of the region.
_THRESHOLD_AFTER = re.compile(r"\s*(?:及以上|及以下|以上（含）|以下（含）)[\u4e00-\u9fa5]")


def _threshold(sentence: str, q: numbers.Quantity) -> bool:
    return bool(_THRESHOLD_AFTER.match(sentence, q.end))


_AGE_UNITS = ("岁", "周岁")


@lru_cache(maxsize=1)
def _age_band_followers() -> tuple[str, ...]:
    lines = (paths.DATA_DIR / "vocab" / "age_band_followers.txt").read_text(encoding="utf-8").splitlines()
    return tuple(w.strip() for w in lines if w.strip() and not w.lstrip().startswith("#"))


def _age_band(sentence: str, q: numbers.Quantity) -> bool:
    """An age that labels a band of people (0-17岁人口15.9万人: the band, then its figure), not a figure."""
    if q.base_unit not in _AGE_UNITS:
        return False
    followers = _age_band_followers()
    return q.raw.endswith(followers) or sentence.startswith(followers, q.end)


# A figure's caption with its span of years, spaced by the crawl: 图 32021 -2025 年一般公共预算总收入及其增长速度 (厦门 2025).
_CAPTION_SPAN = re.compile(r"(?:^|(?<=\s))[图表]\s?\d{1,2}?(?:19|20)\d\d\s*(?:[-—–至]\s*(?:19|20)\d\d\s*)?年")
# An amount of money with no numeral that labels a class (亿元以上项目398个) or is a ratio's base (万元地区生产总值能耗,
# 百元营业收入成本). Not otherwise: 万卡集群, 万亿级参数 and 以百亿元领先 are figures (the seed page, a dev article).
_BARE_MAGNITUDE = re.compile(r"[百千万亿]+(?:元|美元)(?:以上|以下)")
_BARE_BASE = re.compile(r"[百千万亿]+元")
_RATIO_BASE_AFTER = re.compile(r"(?:地区生产总值|生产总值|GDP|工业增加值|增加值|营业收入|主营业务收入|产值)")


def _caption_number(sentence: str, q: numbers.Quantity) -> bool:
    """A table caption's number (表12024年…), or a census named by its ordinal (2020七人普, 四经普: 第七次人口普查)."""
    if _BARE_MAGNITUDE.fullmatch(q.raw) or (
        _BARE_BASE.fullmatch(q.raw) and _RATIO_BASE_AFTER.match(sentence, q.end)
    ):
        return True
    if ("图" in sentence or "表" in sentence) and any(
        m.start() <= q.start < m.end() for m in _CAPTION_SPAN.finditer(sentence)
    ):
        return True
    if q.end < len(sentence) and sentence[q.end] == "普" and not _DIGIT.search(q.raw):
        return True
    return q.start > 0 and sentence[q.start - 1] in "表图" and bool(_CAPTION_YEAR.fullmatch(q.raw))


# A crawled page keeps a table as its cells in a row, separated by spaces (…香蕉 万吨 39.97 -0.4 甘 蔗 万吨
# 2564.151.0…): no clause punctuation between them, many cells that are only a number, and adjacent
# cells often run together (139.9420.1 is two cells), so neither the values nor their names are reliable.
_CELL = re.compile(r"[^\s]+")
# 、 is no clause mark here: it joins the parts of a row's name (农、林、牧、渔业 188.1; 二、衣着 -1.4).
_CLAUSE_MARK = re.compile(r"[，。；：！？,;]")
_NUMBER_CELL = re.compile(r"[-+−]?[0-9.]+%?")
_ROW_UNDER = re.compile(r"^其中[：:]")
_TABLE_MIN_NUMBER_CELLS = 4


def table_spans(sentence: str) -> list[tuple[int, int]]:
    """Spans of ``sentence`` that are a flattened table: runs of space-separated cells with no clause
    punctuation holding at least four cells that are only a number. Their numbers are no figures."""
    spans: list[tuple[int, int]] = []
    run: list[re.Match] = []

    def close() -> None:
        if sum(bool(_NUMBER_CELL.fullmatch(c.group())) for c in run) >= _TABLE_MIN_NUMBER_CELLS:
            spans.append((run[0].start(), run[-1].end()))
        run.clear()

    if sentence.count(" ") < 2 * _TABLE_MIN_NUMBER_CELLS:
        return spans  # nearly every sentence: no room for a table
    for cell in _CELL.finditer(sentence):
        after_number = bool(run) and bool(_NUMBER_CELL.fullmatch(run[-1].group()))
        # 其中：城镇 223.6557.54 (赤峰 2025's 表1): a row name under 其中： is a cell, its colon no clause mark
        name = _ROW_UNDER.sub("", cell.group())
        if after_number and numbers.is_unit_cell(cell.group()):
            # a number's unit after it: prose (a table puts units in a column before the numbers), and the number
            # is its figure, not a cell (…年三次产业增加值占地区生产总值比重 人口 年末 常住人口 536.50 万人，: 厦门 2025)
            run.pop()
            close()
        elif _CLAUSE_MARK.search(name):
            close()  # a clause mark: prose
        else:
            run.append(cell)
    close()
    return spans


def _growth_in_percent(q: numbers.Quantity, kind: str) -> numbers.Quantity:
    """A growth written in 倍 or 番 in percent, as every other growth rate is compared: 增长1.7倍 is
    +170%, 翻一番 +100%, 翻两番 +300% (value and unit stay as written)."""
    if kind != "change_pct" or q.base_unit not in ("倍", "番"):
        return q

    def pct(v: float | None) -> float | None:
        if v is None:
            return None
        return float(f"{(v * 100 if q.base_unit == '倍' else (2**v - 1) * 100):.12g}")

    return replace(q, value_base=pct(q.value), value_high_base=pct(q.value_high), base_unit="%")


def basis_for(sentence: str, q: numbers.Quantity, period: str) -> str:
    """'' for the period's own figure; cumulative (累计, 自2014年以来) or average_annual (年均)."""
    clause_left = sentence[clauses.of(sentence).start(q.start) : q.start]
    if _AVERAGE_ANNUAL.search(clause_left):
        return "average_annual"
    if _SEQUENTIAL.search(clause_left):
        return "sequential"  # 环比, 比上月, 按季 (Hong Kong): against the period before, never a year-on-year rate
    if period.startswith("since-"):
        return "cumulative"
    if _CUMULATIVE.search(clause_left) and not _YEAR_TO_DATE.search(sentence, 0, q.start):
        return "cumulative"  # 累计孵化企业97家; but 截至11月底累计, 1-11月累计 run from January
    base = _BASE_YEAR.search(clause_left)
    if base and period[:4].isdigit() and int(base.group(1)) < int(period[:4]) - 1:
        return "cumulative"  # 比2012年翻一番, 比2019年同期增长8%: over several years, not the year's own
    return ""


def _title_span(title: str, year: str) -> str:
    """The one span of months or quarters a title names (1-2月, 1—7月, 上半年, 前三季度), else ''."""
    spans = {m.period for m in periods.figure_periods(title, year) if not periods.is_compared_object(title, m)}
    spans = {p for p in spans if len(p) > 4 and not p.endswith("-12")}  # a year alone is report_year's
    return spans.pop() if len(spans) == 1 else ""


def reference_year(article: Article) -> str:
    """The year 全年 and bare figures refer to: a periodic report's own year (2024年…统计公报, published in
    2025), else the publication year."""
    title = numbers.arabic_years(article.title)  # 二〇二五年盘锦市…统计公报 (published 2026) is 2025's
    m = _PERIODIC_REPORT.search(title)
    published = article.published[:4] if article.published[:4].isdigit() else ""
    if m and (not published or m.group(1) <= published):
        return m.group(1)
    # A title about an earlier year (2024年白银市经济运行情况, published in January 2025) is about that year.
    first = _TITLE_YEAR.search(title)
    if first and published and int(published) - 2 <= int(first.group(1)) < int(published):
        return first.group(1)
    return published


class Section(NamedTuple):
    start: int  # offset of the heading in the text
    period: str  # the period the heading names, '' when none
    planned: bool  # a plan or draft (2025年预算草案, 工作安排): its figures are targets


def sections(body: str, year: str) -> list[Section]:
    """The numbered top-level sections of a text, in order (a single pass over its lines)."""
    out, pos = [], 0
    for line in body.split("\n"):
        head = line.strip()
        if _SECTION_HEADING.match(head) and len(head) <= 40 and "。" not in head:
            named = periods.figure_periods(head, year)
            period = named[0].period if named else ""
            later = period[:4].isdigit() and year.isdigit() and period[:4] > year
            out.append(Section(pos, period, bool(later or _PLANNED_SECTION.search(head))))
        pos += len(line) + 1
    return out


_QUALIFIER_WORDS = re.compile(r"(?:超过?|近|约|逾|接近|将近|大约|达到?|为|了|分别)+$")


def _strip_qualifier_words(s: str) -> str:
    return _QUALIFIER_WORDS.sub("", s)


def category_for(kind: str, base_unit: str, indicator: str, unit: str) -> str:
    if kind in ("change_pct", "change_pp"):
        return "growth"
    if currencies.is_money(base_unit):
        return "money"
    probe = f"{indicator} {unit}"
    for name, pattern in _CATEGORY_RES:
        if pattern.search(probe):
            return name
    if base_unit in ("P", "EFLOPS", "PFLOPS"):
        return "compute"
    return "other"


# 全市, 全省 … name the article's own region: a sentence using them ends what an earlier sentence made the
# subject (a one-line page has no paragraph break to do it).
_OWN_SCOPE = re.compile(r"^[^，,；;]{0,12}?(?:全市|全省|全区|全县|全州|全盟|本市|我市|本省|我省)")


# A date a stock is counted at (年末, 6月末, 截至12月底), carried on only to a sentence that continues the stock
# (其中…, or one compared with the start of the year or the last year's end).
_STOCK_DATE = re.compile(r"末|底")
@lru_cache(maxsize=1)
def _stock_sentence() -> re.Pattern:
    lines = (paths.DATA_DIR / "vocab" / "stock_continuations.txt").read_text(encoding="utf-8").splitlines()
    words = [w.strip() for w in lines if w.strip() and not w.lstrip().startswith("#")]
    return re.compile("|".join(("^" + re.escape(w[1:])) if w.startswith("^") else re.escape(w) for w in words))


# --- extraction -------------------------------------------------------------------------------


def extract(article: Article) -> list[dict]:
    """Article -> fact rows (see ``lib.store.schema.COLUMNS['facts']``)."""
    default = regions.lookup(article.region) if article.region else None
    year = reference_year(article)
    title = numbers.arabic_years(article.title)
    report_year = year if _PERIODIC_REPORT.search(title) else ""
    # A headline naming a span of months (1-2月广东经济数据出炉, 1-8月江苏外贸同增17.1%) dates the figures of the
    # article that name no period of their own, after the paragraph's and the section's.
    span = _title_span(title, year)
    report_year = span or report_year
    rows: list[dict] = []
    group = None  # the macro region named last (京津冀): what a later 三地 refers to
    declared = ""  # a currency declared before an amount in 元 (新台币1兆2,542亿元): the later 元 amounts' too
    # The kicker and subtitle (引题, 副题) carry figures as the headline does.
    for field, body in (("title", article.title), ("kicker", article.kicker), ("text", article.text)):
        carry, last_end, topic, period, stock_date = None, 0, "", "", ""
        parts, section = (sections(body, year) if field == "text" else []), Section(0, "", False)
        for sent in text.split_sentences(body, clause_breaks=False):
            if "\n" in body[last_end : sent.start] or _heading_starts(sent.text):
                # A new paragraph: the article's region again. A crawled page on one line keeps its numbered
                # headings (… 二、农牧业 全州…) but not its line breaks: a heading starts a paragraph too.
                carry, topic, period = None, "", ""
            while parts and parts[0].start <= sent.start:
                section = parts.pop(0)
            # A figure whose sentence names no period has the paragraph's last one, else its section's, else
            # the report's year.
            if stock_date and not _stock_sentence().search(sent.text):
                # '年末全市拥有国家A级景区294个。…接待游客1.53亿人次': a stock's date is no flow's period; its year is
                period = stock_date[:4]
            stock_date = stock_date if period == stock_date else ""
            found = _facts_in_sentence(
                article, field, sent, default, carry, topic, year,
                period or section.period or report_year, section.planned, group,
            )  # fmt: skip
            if stock_date and period == stock_date:
                for row in found:
                    # 年末全市常住人口…。常住人口出生率为4.99‰，死亡率为6.96‰: a population's rates per mille are the year's
                    if row["kind"] == "rate" and row["base_unit"] == "‰" and row["period"] == stock_date:
                        row["period"] = stock_date[:4]
            if span and not (period or section.period):
                for row in found:  # 1—7月… 吴忠市计划投资232亿元: a plan is the year's, not the headline's months'
                    if row["kind"] == "target" and row["period"] == span:
                        row["period"] = span[:4]
            last = rows[-1] if rows and rows[-1]["field"] == field else None
            if (
                found and last and last["scope"] != "region" and indicators.OF_WHICH.match(sent.text)
                and last["sentence_start"] + len(last["sentence"]) == last_end and "\n" not in body[last_end : sent.start]
            ):  # fmt: skip
                # '上海关区货物进出口总额79677.45亿元…。其中，进口30817.05亿元': the items of a part's total are the part's
                for row in found:
                    if row["scope"] == "region":
                        row["scope"], row["subject"] = last["scope"], last["subject"]
            declared = _carry_currency(sent, found, declared)
            rows.extend(found)
            group = next((m.region for m in reversed(regions.find_places(sent.text)) if m.region.level == "macro"), group)
            carry = clauses.carried_subject(sent.text, default) or (None if _OWN_SCOPE.search(sent.text) else carry)
            # A figure that names no indicator measures what the paragraph last measured
            # ('全区固定资产投资增长3%。…中卫市增长36.4%').
            topic = next((r["indicator"] for r in reversed(found) if r["indicator"]), topic)
            named = [p for p in periods.figure_periods(sent.text, year) if not periods.is_compared_object(sent.text, p)]
            period = named[-1].period if named else period
            if named:
                stock_date = period if _STOCK_DATE.search(sent.text[named[-1].start : named[-1].end]) else ""
            last_end = sent.end
    indicators.annotate(rows)
    _points_of(rows)
    _mark_mentions(rows)
    return rows


# A change in points is of a growth rate (增速比上年加快0.6个百分点) or of a share or rate (比重提高0.4个百分点): two
# measures that one chart must not mix. And a gap to another area or measure (高于全省1.1个百分点, 农村增速高于城镇
# 2.8个百分点) is no change over time at all.
# (nouns and the verbs of speed: 增长, 回落, 扩大 tell only which way the change went, of a share as of a growth)
_GROWTH_CUE = re.compile(r"增速|增幅|增长率|涨幅|降幅|跌幅|加快|放缓|减缓")
_SHARE_CUE = re.compile(r"比重|占比|份额|比例|率|系数|结构")
_GAP_CUE = re.compile(r"(?:高于|低于|快于|慢于|好于|领先|落后)[^，,；;。]{0,14}$")


def _points_of(rows: list[dict]) -> None:
    """``target_kind`` of a ``change_pp`` figure: ``growth`` or ``share`` (what changed), and ``basis`` ``versus`` for a
    gap to another area or measure."""
    last: dict | None = None
    for row in rows:
        same = last is not None and last["sentence_start"] == row["sentence_start"] and last["field"] == row["field"]
        if row["kind"] == "change_pp":
            sentence = row["sentence"]
            offset = row["char_start"] - row["sentence_start"]
            before = sentence[clauses.of(sentence).start(offset) : offset]
            if _GAP_CUE.search(before) and not row["basis"]:
                row["basis"] = "versus"
            phrase = row["indicator"]
            for text in (before, phrase):
                growth, share = _last_cue(_GROWTH_CUE, text), _last_cue(_SHARE_CUE, text)
                if growth > share or share > growth:
                    row["target_kind"] = "growth" if growth > share else "share"
                    break
            else:
                previous = last["kind"] if same else ""
                if previous == "change_pp":  # 分别比上年提高0.4个和0.1个百分点: the list's second of the same
                    row["target_kind"] = last["target_kind"]
                else:
                    row["target_kind"] = {"change_pct": "growth", "share_pct": "share", "rate": "share"}.get(previous, "")
        last = row


def _last_cue(pattern: re.Pattern, text: str) -> int:
    """Where the last match of ``pattern`` in ``text`` ends (0: none)."""
    found = [m.end() for m in pattern.finditer(text)]
    return found[-1] if found else 0


def _carry_currency(sent: text.Sentence, found: list[dict], declared: str) -> str:
    """A text that declares its currency once (新台币1兆2,542亿元, 港币500亿元) counts its later amounts in 元 in
    it, until another currency is written before an amount (人民币100亿元 ends it). Returns the currency declared
    after the sentence ('' for 元)."""
    for row in found:
        written = numbers.declared_currency(sent.text, row["char_start"] - sent.start)
        if written:
            declared = "" if written == "元" else written
        elif declared and row["base_unit"] == "元":
            row["base_unit"] = declared
            row["category"] = category_for(row["kind"], declared, row["indicator"], row["unit"])
    return declared


def _facts_in_sentence(
    article: Article, field: str, sent: text.Sentence, default, carry, topic: str, year: str, period: str,
    planned: bool = False, group=None,
) -> list[dict]:
    out = []
    previous, prev_end = "", 0
    found = numbers.find_quantities(sent.text)
    tables = table_spans(sent.text)
    for q in found:
        if _names_a_category(sent.text, q, found) or _caption_number(sent.text, q) or _threshold(sent.text, q):
            continue
        if _age_band(sent.text, q):
            continue
        if any(a <= q.start < b for a, b in tables):
            continue
        indicator = indicator_for(sent.text, q, previous, topic, subject=out[0]["indicator"] if out else "")
        previous = indicator or previous
        measured = measure_kind(sent.text, q)
        if measured == "level" and not q.base_unit and indicator.endswith("率"):
            measured = "rate"  # 全台平均为0.82 after 人口出生率为1.23: a bare number of a rate is the rate's
        q = _growth_in_percent(q, measured)
        kind = "target" if planned or _is_target(sent.text, q) else measured
        region = clauses.region_at(
            sent.text, q.start, default, carry,
            difference=q.base_unit in ("个百分点", "百分点") or measured == "multiple", end=q.end, group=group,
        )  # fmt: skip
        scope = scopes.scope_at(sent.text, q.start, indicator, region)
        if scope == scopes.REGION and out and out[-1]["scope"] != "region" and indicators.CHAIN_GAP.match(sent.text[prev_end : q.start]):
            # '洋山特殊综合保税区实现进出口额2727.60亿元，同比增长4.1%': the growth is the zone's, as its level
            scope = scopes.Scope(out[-1]["scope"], out[-1]["subject"])
        if region is regions.NATIONAL and scope.scope != "nation":
            region = default  # 全国重点实验室: a national designation of the region's own lab
        elif scope.scope == "group" and region is not None and region.level not in ("macro", "country"):
            region = default  # 银川、石嘴山、吴忠三市…合计: the group's figure is not its last member's
        reg, prov = (region.region, region.province) if region else ("", "")
        figure_period = periods.period_for(sent.text, q.start, year) or period
        if measured == "level" and (_counts_a_group(sent.text, q, found) or _run_length(sent.text, q)):
            figure_period = ""  # 145个亿元以上项目完成投资增长12.3%: the count names whose figure follows
        basis = basis_for(sent.text, q, figure_period)
        if re.fullmatch(r"\d{4}", figure_period) and (
            (basis == "cumulative" and measured == "level")
            or (measured != "target" and _counted_at_a_date(sent.text, q, indicator))
        ):
            figure_period += "-12"  # a stock (累计孵化企业97家, 猪存栏84.09万头) stands at the year's end
        start = sent.start + q.start
        prev_end = q.end
        out.append(
            {
                "fact_id": _fact_id(article.article_id, field, start),
                "article_id": article.article_id,
                "region": reg or article.region,
                "province": prov or article.province,
                "field": field,
                "sentence": sent.text,
                "sentence_start": sent.start,
                "char_start": start,
                "char_end": sent.start + q.end,
                "raw": q.raw,
                "value": float(q.value),
                "value_high": _float(q.value_high),
                "unit": q.unit,
                "value_base": float(q.value_base),
                "value_high_base": _float(q.value_high_base),
                "base_unit": q.base_unit,
                "qualifier": q.qualifier,
                "kind": kind,
                "target_kind": measured if kind == "target" else "",
                "direction": direction_of(sent.text, q, measured),
                "indicator": indicator,
                "indicator_id": "",  # set by indicators.annotate over the whole article
                "indicator_name": "",
                "category": category_for(kind, q.base_unit, indicator, q.unit),
                "scope": scope.scope,
                "subject": scope.subject,
                "period": figure_period,
                "basis": basis,
                "mention_of": "",
            }
        )
    return out


def _float(v) -> float | None:
    return None if v is None else float(v)


def _fact_id(article_id: str, field: str, start: int) -> str:
    return hashlib.sha1(f"{article_id}:{field}:{start}".encode()).hexdigest()[:16]


def _contains(a: str, b: str) -> bool:
    return not a or not b or a in b or b in a


def _similar(a: str, b: str) -> bool:
    if not a or not b:
        return True
    if a in b or b in a:
        return True
    return bool({a[i : i + 2] for i in range(len(a) - 1)} & {b[i : i + 2] for i in range(len(b) - 1)})


def _mark_mentions(rows: list[dict]) -> None:
    """The same number said again about the same thing points at its first mention."""
    # First mentions grouped by key, in order: a row is compared with the earlier rows of its key
    # only, so a long article costs rows, not rows squared.
    firsts: dict[tuple, list[dict]] = {}
    for row in rows:
        key = (row["value_base"], row["value_high_base"], row["base_unit"], row["kind"], row["region"])
        same = firsts.setdefault(key, [])
        for first in same:
            # Two standard indicators that differ are two figures, however alike their phrases (批发和零售业增加值
            # and 社会消费品零售总额 both growing 5.2%).
            ids = (first["indicator_id"], row["indicator_id"])
            if all(ids) and ids[0] != ids[1]:
                continue
            # With one standard and one not, only a phrase inside the other is the same thing (a shared 零售 is not).
            if ids[0] != ids[1] and not _contains(first["indicator"], row["indicator"]):
                continue
            if _similar(first["indicator"], row["indicator"]):
                row["mention_of"] = first["fact_id"]
                break
        else:
            same.append(row)
