"""Which region a statement is about: the subject place of a sentence or clause.

Shared by the facts and events extractors. A place counts as a subject unless it is a partner
(来自/与/到 X), a macro region, a foreign place, a one-character abbreviation, or the start of a
name (青海央宗药业, 滨海—中关村科技园, 上海凌鹊卫星、…等8家企业).
"""

from __future__ import annotations

import re
from functools import lru_cache

from lib.extract import numbers, periods, regions

_CLAUSE_DELIMS = re.compile(r"[，,；;、：:（(]")
# A place that starts an organisation's name (青海央宗药业, 四川航空公司) is not the sentence's subject.
# A place inside a name is not a subject either: 滨海—中关村科技园, 上海凌鹊卫星、… 等8家企业.
_ORG_AFTER = re.compile(
    r"^[\u4e00-\u9fa5A-Za-z]{0,8}?(?:有限公司|公司|集团|药业|银行|大学|学院|医院|移动|电信|联通|股份|"
    r"科技园|产业园|园区|科技城|数据中心|研究院|研究所|实验室|交易所)"
)
# A list of firm names closed by 等N家 (上海凌鹊卫星、卫建逸天等8家企业): the place starts a name.
_NAME_AFTER = re.compile(
    r"^[\u4e00-\u9fa5A-Za-z]{2,8}(?:、[\u4e00-\u9fa5A-Za-z（）()]{2,14})*等[\d一二三四五六七八九十百千]+[余多]?家"
)
_COMPARED = re.compile(r"(?:高于|低于|快于|慢于|好于|比|较|相比|相当于|是)(?:同期)?全[国省]")
_COUNTY_SUFFIX = re.compile(r"(?:自治县|自治旗|县|区|市|旗)$")
# region_at asks these once per figure.
_PHRASE_BREAK = re.compile(r"[，,；;]")
_ITEM_BREAK = re.compile(r"[；;：:]")
_NATIONAL = re.compile(r"全国(?![最第首前领排])")


def mention_region(m: regions.PlaceMention) -> regions.Region:
    """A county names its own region (中宁县 -> 中宁); zones and districts stand for their city."""
    if m.kind == "county" and _COUNTY_SUFFIX.search(m.surface):
        short = _COUNTY_SUFFIX.sub("", m.surface)
        if len(short) >= 2:
            return regions.Region(short, m.surface, m.region.province, "county", m.region.lat, m.region.lon)
    return m.region


def subject_mentions(sentence: str) -> list[regions.PlaceMention]:
    """Places in a sentence that can be the subject of a figure: no partners, macro regions or org names."""
    return list(_subjects_cached(sentence, id(regions._gazetteer())))


# Asked once per figure: computed once per sentence (see regions._places_cached).
@lru_cache(maxsize=256)
def _subjects_cached(sentence: str, _gaz_id: int) -> tuple[regions.PlaceMention, ...]:
    return tuple(_scan_subjects(sentence))


def _scan_subjects(sentence: str) -> list[regions.PlaceMention]:
    mentions = regions.find_places(sentence)
    flags = regions._partner_flags(sentence, mentions)
    return [
        m
        for m, partner in zip(mentions, flags, strict=True)
        if not partner
        and m.region.level not in ("macro", "foreign")
        and m.kind != "abbr"  # 京、冀 name partners of a joint effort, not the subject of a figure
        and not _ORG_AFTER.match(sentence[m.start :])
        and not _NAME_AFTER.match(sentence[m.end :])
        and not (m.start and sentence[m.start - 1] in "—–-－")
    ]


def macro_lead(sentence: str):
    """A macro region opening the sentence (京津冀三地科技部门…) owns its joint figures."""
    return _macro_lead_cached(sentence, id(regions._gazetteer()))


# Asked once per figure, like subject_mentions: found once per sentence.
@lru_cache(maxsize=256)
def _macro_lead_cached(sentence: str, _gaz_id: int):
    start = regions.LEAD_IN.match(sentence).end()
    for p in periods.find_periods(sentence):  # 从2014年起，京津冀…
        if p.start == start:
            start = regions.LEAD_IN.match(sentence, p.end).end()
    for m in regions.find_places(sentence[: start + 6]):
        if m.start == start and m.region.level == "macro":
            return m
    return None


def _listed_place(sentence: str, pos: int, subjects: list[regions.PlaceMention]):
    """福州、龙岩、三明投资增速分别为12.4%、12.0%、11.3%: the i-th figure is the i-th place's."""
    i = sentence.rfind("分别", 0, pos)
    if i < 0 or re.search(r"[；;。]", sentence[i:pos]):
        return None
    start = max((m.end() for m in re.finditer(r"[，,；;：:]", sentence[:i])), default=0)
    items = [m for m in subjects if start <= m.start < i]
    pieces = sentence[start:i].split("、")
    if len(items) < 2 or len(items) != len(pieces):
        return None
    index = len(numbers.find_quantities(sentence[i:pos]))  # figures before this one
    return mention_region(items[index]) if index < len(items) else None


def region_at(sentence: str, pos: int, default, carry=None, difference: bool = False):
    """The region a figure at ``pos`` is about.

    A list of places paired with figures by 分别 comes first; then the place named in the figure's
    own clause (北京10.7%、浙江10.6%); then 全国/全省 (unless ``difference`` and they are only the
    base of a comparison: 高于全国平均水平10个百分点); then the sentence's
    subject (regions.sentence_region); then the place a previous sentence of the paragraph made
    the subject (carry); then the article's region.
    """
    clause_start = max((m.end() for m in _CLAUSE_DELIMS.finditer(sentence, 0, pos)), default=0)
    subjects = subject_mentions(sentence)
    listed = _listed_place(sentence, pos, subjects)
    if listed is not None:
        return listed
    local = [m for m in subjects if clause_start <= m.start and m.end <= pos]
    if local:
        return mention_region(local[-1])
    phrase_start = max((m.end() for m in _PHRASE_BREAK.finditer(sentence, 0, pos)), default=0)
    phrase = sentence[phrase_start:pos]
    # A difference (高于全国平均水平10个百分点) belongs to the subject; a value after the base
    # (高于全国同期1.7%) is the national figure.
    compared = difference and _COMPARED.search(phrase)
    if _NATIONAL.search(phrase) and not compared:
        return regions.NATIONAL
    if "全省" in phrase and not compared and default is not None and default.province:
        return regions.lookup(default.province) or default
    # Items of a list separated by ；: the nearest place earlier in the same item.
    item_start = max((m.end() for m in _ITEM_BREAK.finditer(sentence, 0, pos)), default=0)
    item = [m for m in subjects if item_start <= m.start and m.end <= pos]
    if item:
        return mention_region(item[-1])
    lead = macro_lead(sentence)
    if lead is not None and lead.end <= pos:
        return lead.region
    before = [m for m in subjects if m.end <= pos]
    if before and default is not None:
        lead = regions.sentence_region(sentence[:pos], default)
        if lead != default:
            same = [m for m in before if m.region == lead]
            return mention_region(same[0]) if same else lead
    return carry or default


def carried_subject(sentence: str, default):
    """A sentence that opens with another place makes it the subject of what follows."""
    if default is None:
        return None
    subjects = subject_mentions(sentence)
    lead = regions.sentence_region(sentence, default)
    if lead == default or not subjects or subjects[0].region != lead:
        return None
    return mention_region(subjects[0])


def sentence_subject(sentence: str, default):
    """regions.sentence_region, but a place that only stands inside a name is not the subject."""
    found = regions.sentence_region(sentence, default)
    if found == default or any(m.region == found for m in subject_mentions(sentence)):
        return found
    return default
