"""Which places of a sentence can be what a statement is about (lib.extract.clauses picks the one).

A place counts as a subject unless it is a partner
(来自/与/到 X), a macro region, a foreign place, a one-character abbreviation, or the start of a
name (青海央宗药业, 滨海—中关村科技园, 上海凌鹊卫星、…等8家企业).
"""

from __future__ import annotations

import re
from functools import lru_cache

from lib.extract import periods, regions

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
_COUNTY_SUFFIX = re.compile(r"(?:自治县|自治旗|县|区|市|旗)$")


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
