"""What a figure is about: the whole region, a part of it, an organisation, a group of regions or the nation.

Comparisons between regions use only whole-region figures, so a park's tax must not count as its city's
and the joint fund of 三地 must not count as one of them. The words that mark a scope are data
(data/indicators/scope_words.csv): a name ending in a part or organisation suffix (天开高教科创园,
海河实验室) or a word naming a group or the nation (三地, 全国, 9个国家中心城市).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache

from lib import paths
from lib.extract import clauses, periods, regions, subjects

SCOPES = ("region", "part", "organisation", "group", "nation")
# A name is the CJK/Latin run before its suffix; these words open a clause and are not part of a name.
_LEAD = re.compile(r"^(?:其中|此外|同时|另外|目前|截至目前|截至|全年|今年|去年|上年|年末|全市|全省|全区|该市|我市|本市)+")
_NAME_CHARS = r"[\u4e00-\u9fa5A-Za-z0-9·—\-“”]"
# Verbs and function words inside a run end a name: '推动天开园' -> '天开园'.
_NOT_IN_NAME = re.compile(r".*(?:推动|推进|建设|依托|围绕|通过|实现|完成|加快|打造|支持|融入|其中|在|对|由|向|与|和|的|把|将)")


_BASE_OF = re.compile(r"[^，,；;的]{1,12}的全国")  # the figure names the nation's level: 9.8%的全国增速
_COMPARED = (*periods.COMPARISON_WORDS, "超过", "超出", "占", "相当于")  # 占全国: a share of the nation


@dataclass(frozen=True)
class Scope:
    scope: str  # one of SCOPES
    subject: str  # the part, organisation or group named; '' for the region itself


REGION = Scope("region", "")


@lru_cache(maxsize=1)
def _words() -> tuple[list[tuple[str, str]], list[tuple[str, str]], frozenset[str]]:
    """(whole words, suffixes, generic modifiers); words and suffixes as [(word, scope)] longest first so
    全国重点实验室 wins over 全国."""
    with open(paths.DATA_DIR / "indicators" / "scope_words.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for r in rows:
        if r["match"] != "generic" and r["scope"] not in SCOPES:
            raise ValueError(f"data/indicators/scope_words.csv: {r['word']!r} has unknown scope {r['scope']!r}")
    pick = lambda kind: sorted(((r["word"], r["scope"]) for r in rows if r["match"] == kind), key=lambda w: -len(w[0]))  # noqa: E731
    return pick("word"), pick("suffix"), frozenset(r["word"] for r in rows if r["match"] == "generic")


@lru_cache(maxsize=1)
def _suffix_pattern() -> tuple[re.Pattern, re.Pattern, dict[str, str], tuple[str, ...]]:
    """(a name ending in a suffix, any suffix, suffix -> scope, generic modifiers), made once."""
    _, suffixes, generic = _words()
    alternatives = "|".join(re.escape(w) for w, _ in suffixes)
    name = re.compile(rf"({_NAME_CHARS}{{1,14}}?)({alternatives})(?!{_NAME_CHARS}*?(?:{alternatives}))")
    return name, re.compile(alternatives), dict(suffixes), tuple(generic)


@lru_cache(maxsize=1)
def _word_pattern() -> tuple[re.Pattern, dict[str, str]]:
    """The group/nation words as one alternation, longest first (so 全国重点实验室 wins over 全国), and
    word -> scope. Scanned left to right without overlaps, as reading word by word would."""
    words, _, _ = _words()
    return re.compile("|".join(re.escape(w) for w, _ in words)), dict(words)


def _word_scope(left: str, head_end: int) -> Scope | None:
    """The last group/nation word starting before ``head_end`` in ``left``; a designation (全国重点实验室)
    reads as the region's, even where it runs into the indicator phrase."""
    pattern, scope_of = _word_pattern()
    best: tuple[str, str] | None = None
    for m in pattern.finditer(left):
        i = m.start()
        if i >= head_end:
            break
        # The base of a comparison (高于全国平均水平1.2个百分点) is not what the figure is about.
        if not left[max(0, i - 3) : i].endswith(_COMPARED):
            best = (m.group(), scope_of[m.group()])
    if best is None:
        return None
    return REGION if best[1] == "region" else Scope(best[1], best[0])


def _subject_in_indicator(indicator: str) -> Scope | None:
    """An indicator phrase that opens with a group (郑州、开封两市GDP合计…: indicator 两市GDP) or a part word
    (中心城区生产总值935.2亿元, 赤峰 2025): the group or part is the figure's subject, not what it counts."""
    pattern, scope_of = _word_pattern()
    m = pattern.match(indicator)
    return Scope(scope_of[m.group()], m.group()) if m and scope_of[m.group()] in ("group", "part") else None


def _named(head: str) -> Scope | None:
    """The last name in ``head`` that ends in a part or organisation suffix."""
    pattern, any_suffix, scope_of, generic = _suffix_pattern()
    if not any_suffix.search(head):
        return None  # most heads: no suffix, so no name (the name pattern is slow to fail)
    bare = any_suffix.match(head.lstrip("，, "))
    if bare and head.lstrip("，, ").startswith("的", bare.end()):
        # 科技园的企业总数…: a bare part word opening the clause as the possessor is the park named before
        return Scope(scope_of[bare.group()], bare.group())
    found = None
    for m in pattern.finditer(head):
        found = m
    if found is None:
        return None
    scope = scope_of[found.group(2)]
    modifier = _LEAD.sub("", _NOT_IN_NAME.sub("", found.group(1)))
    # A bare suffix (园区, 公司) or a class of them (全市工业园区, 保险公司) names no one in particular.
    if (
        not modifier
        or modifier.endswith(generic)
        or head[: found.start(1)].endswith(("全市", "全省", "全区", "全县"))
    ):
        return None
    name = modifier + found.group(2)
    return Scope(scope, name)


def names_group_or_nation(text: str) -> bool:
    """Whether ``text`` names several regions or the nation (全国, 两省市) or a named part or group of them
    (主城都市区, 长江经济带): 占长江经济带比重 is a share of another whole than the region's."""
    return bool(_word_pattern()[0].search(text)) or _named(text) is not None


def scope_at(sentence: str, pos: int, indicator: str, region: regions.Region | None) -> Scope:
    """The scope of the figure at ``pos``. ``indicator`` is its indicator phrase: what the figure counts is
    not its subject (在12家全国重点实验室中 counts labs), so only the words before that phrase are read.
    ``region`` is the place the figure was assigned to (regions.NATIONAL, a macro region, or a place)."""
    if region is not None and region.level == "macro":
        return Scope("group", region.region)
    st = clauses.of(sentence)
    clause_start = st.start(pos, clauses.ASIDE_BREAKS)
    left = sentence[clause_start:pos]
    at = left.rfind(indicator) if indicator else -1
    head = left[:at] if at >= 0 else left
    # With 分别 the figures are the members' own (北京、天津两市技术合同成交额分别为…).
    found = _named(head) or _word_scope(left, len(head)) or ("分别" not in left and _subject_in_indicator(indicator)) or None
    if found is None and clause_start > 0:
        # The sentence's opening clause names its subject: '天开高教科创园建设成效明显，注册…2600家'.
        end = st.first_clause_end()
        if end is not None and not _LEAD.sub("", sentence[:end]).strip():
            end = st.end(end + 1)  # '目前，科技园的企业总数…': a clause of a lead word only names nothing
        first = _LEAD.sub("", sentence[: end])[:20].lstrip("，, ")
        opening = _named(first)
        found = opening if opening is not None and first.startswith(opening.subject) else None
    if found is not None and (found.subject in subjects.county_names() or region is not None and found.subject == region.name):
        return REGION  # 滨海新区 is a county-level district, not a part: the resolver gave the figure its region
    if region is regions.NATIONAL and (found is None or (found.scope == "group" and _BASE_OF.match(sentence, pos))):
        # The nation's figure (低于9.8%的全国增速): the group before it (这五省份) is what it is compared with.
        return Scope("nation", region.region)
    return found or REGION
