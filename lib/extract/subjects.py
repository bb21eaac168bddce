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
    r"科技园|产业园|园区|科技城|数据中心|研究院|研究所|实验室|交易所|机场)"
)
# A registered firm's full name (青海五三六九生态牧业科技有限责任公司) runs longer before its legal form.
_LEGAL_NAME_AFTER = re.compile(r"^[\u4e00-\u9fa5A-Za-z]{1,16}?(?:有限责任公司|股份有限公司|有限公司)")
# A list of firm names closed by 等N家 (上海凌鹊卫星、卫建逸天等8家企业): the place starts a name.
_NAME_AFTER = re.compile(
    r"^[\u4e00-\u9fa5A-Za-z]{2,8}(?:、[\u4e00-\u9fa5A-Za-z（）()]{2,14})*等[\d一二三四五六七八九十百千]+[余多]?家"
)
_COUNTY_SUFFIX = re.compile(r"(?:自治县|自治旗|县|区|市|旗)$")


def mention_region(m: regions.PlaceMention) -> regions.Region:
    """A county names its own region, by the gazetteer's short name (中宁县 -> 中宁, 滨海新区 -> 滨海, 巩义 ->
    巩义); zones stand for their city, unless the zone is directly under its province (雄安, 宁东)."""
    if m.kind != "county":
        return m.region
    known = county_names().get(m.surface)
    if known is not None:
        short, full = known
        return regions.Region(short, full, m.region.province, "county", m.region.lat, m.region.lon)
    if _COUNTY_SUFFIX.search(m.surface):
        short = _COUNTY_SUFFIX.sub("", m.surface)
        if len(short) >= 2:
            return regions.Region(short, m.surface, m.region.province, "county", m.region.lat, m.region.lon)
    return m.region


@lru_cache(maxsize=1)
def _place_rows() -> tuple[dict[str, str], ...]:
    """The gazetteer's places, read once per process (county_shorts is asked once per region)."""
    return tuple(regions._read("places.csv"))


@lru_cache(maxsize=256)
def county_shorts(region: str) -> tuple[tuple[str, str], ...]:
    """(name, province) of the counties of a prefecture or province that find_places does not count alone: short
    names (not a common word, one home) and full names shared with other prefectures; the longest first."""
    rows = [
        r
        for r in _place_rows()
        if r["kind"] == "county" and region in (r["prefecture"], r["province"]) and len(r["short"]) >= 2
        and r["common_word"] != "1" and county_names().get(r["short"], ("", ""))[1] == r["name"]
    ]  # fmt: skip
    # A full name found in several prefectures (朝阳区) is the article's own when only one of them is in its region.
    same = [r for r in _place_rows() if r["ambiguous"] == "1" and region in (r["prefecture"], r["province"])]
    homes = {r["name"]: sum(x["name"] == r["name"] for x in same) for r in same}
    names = [(r["short"], r["province"]) for r in rows] + [(r["name"], r["province"]) for r in same if homes[r["name"]] == 1]
    return tuple(sorted(names, key=lambda x: -len(x[0])))


@lru_cache(maxsize=1)
def county_names() -> dict[str, tuple[str, str]]:
    """County-level names (full and short) -> (short, full), where the name has one home."""
    rows = [r for r in _place_rows() if r["kind"] == "county" and r["ambiguous"] != "1"]
    homes: dict[str, set[str]] = {}
    for r in rows:
        for name in {r["name"], r["short"]} - {""}:
            homes.setdefault(name, set()).add(r["name"])
    out = {}
    for r in rows:
        for name in {r["name"], r["short"]} - {""}:
            if len(homes[name]) == 1:
                out[name] = (r["short"] or r["name"], r["name"])
    return out


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
        and not _LEGAL_NAME_AFTER.match(sentence[m.start :])
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
