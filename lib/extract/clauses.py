"""A sentence's clause structure, computed once, and the one answer to "which place is this figure about".

Every extractor reads a figure or a date within its clause; before this module each computed the clause
with its own delimiter set (see docs/decisions.md, "One clause model"). Punctuation has one role each:

* sentence end 。！？!? and a line break: nothing is read across it;
* clause ，,；;: the unit a figure's indicator, kind, period and place are read in (；also ends an item
  of a list of clauses: 吴忠市…；固原市…);
* colon ：: opens a list or a statement (前三名：…, 主要预期目标是：…): it ends the clause before it;
* list item 、: separates the items of a list inside a clause (北京10.7%、浙江10.6%);
* brackets （）(): an aside inside a clause.

Full-width and ASCII forms have the same role, so a sentence and its ``text.fold_width`` form have the same
structure. Questions differ in which roles bound their unit (a clause, a part of a list of clauses, a list
item, an aside); each names its roles from the constants below, and all of them read the marks found once
per sentence, by bisection.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType

from lib.extract import numbers, regions, subjects

END, CLAUSE, SEMICOLON, COLON, ITEM, OPEN, CLOSE = "end", "clause", "semicolon", "colon", "item", "open", "close"
_ROLE = {
    **dict.fromkeys("。！？!?\n", END),
    **dict.fromkeys("，,", CLAUSE),
    **dict.fromkeys("；;", SEMICOLON),
    **dict.fromkeys("：:", COLON),
    "、": ITEM,
    **dict.fromkeys("（(", OPEN),
    **dict.fromkeys("）)", CLOSE),
}
_MARKS = re.compile("[" + re.escape("".join(_ROLE)) + "]")

# The units questions read in, as sets of the roles that bound them.
CLAUSE_BREAKS = frozenset({END, CLAUSE, SEMICOLON, COLON})  # a clause
PART_BREAKS = frozenset({END, SEMICOLON, COLON})  # a part of a list of clauses (…；…) or a statement after ：
ITEM_BREAKS = CLAUSE_BREAKS | {ITEM, OPEN}  # an item of a 、 list, or the aside opened by （
ASIDE_BREAKS = CLAUSE_BREAKS | {OPEN, CLOSE}  # a clause, brackets cut out


@dataclass(frozen=True)
class Clauses:
    """The punctuation marks of one sentence, by role: offsets in increasing order."""

    text: str
    marks: Mapping[str, tuple[int, ...]]  # read-only: one object per sentence is shared by every caller

    # Every mark of a set of roles, merged in order, made once per (sentence, roles): a unit's bounds are then one
    # bisection, not one per role.
    _merged: dict = field(default_factory=dict, compare=False, repr=False)

    def _marks_for(self, breaks: frozenset[str]) -> tuple[int, ...]:
        at = self._merged.get(breaks)
        if at is None:
            at = self._merged[breaks] = tuple(sorted(i for role in breaks for i in self.marks.get(role, ())))
        return at

    def start(self, pos: int, breaks: frozenset[str] = CLAUSE_BREAKS) -> int:
        """Where the unit holding ``pos`` starts: just after the last mark of ``breaks`` before ``pos``."""
        at = self._marks_for(breaks)
        i = bisect.bisect_left(at, pos)
        return at[i - 1] + 1 if i else 0

    def end(self, pos: int, breaks: frozenset[str] = CLAUSE_BREAKS) -> int:
        """Where the unit holding ``pos`` ends: the first mark of ``breaks`` at or after ``pos``, else the
        sentence's end."""
        at = self._marks_for(breaks)
        i = bisect.bisect_left(at, pos)
        return at[i] if i < len(at) else len(self.text)

    def has_mark(self, start: int, end: int, breaks: frozenset[str]) -> bool:
        """Whether a mark of ``breaks`` stands in ``text[start:end]``."""
        return self.end(start, breaks) < min(end, len(self.text))

    def clause_at(self, pos: int, breaks: frozenset[str] = CLAUSE_BREAKS) -> tuple[int, int]:
        return self.start(pos, breaks), self.end(pos, breaks)

    def first_clause_end(self) -> int | None:
        """The end of the sentence's opening clause (brackets cut out), None when it has one clause."""
        ends = [at[0] for role, at in self.marks.items() if role in ASIDE_BREAKS and at]
        return min(ends) if ends else None

    def list_items(self, start: int, end: int) -> list[tuple[int, int]]:
        """``text[start:end]`` cut at 、 into its non-empty items, as spans."""
        out, a = [], start
        for cut in (*self.marks_between(ITEM, start, end), end):
            if cut > a:
                out.append((a, cut))
            a = cut + 1
        return out

    def asides(self) -> list[tuple[int, int]]:
        """Bracketed stretches （…）, as spans from the opening to the closing mark (outermost pairs)."""
        found = self._merged.get("asides")
        if found is None:
            found = self._merged["asides"] = tuple(self._asides())
        return list(found)

    def _asides(self) -> list[tuple[int, int]]:
        opens, closes = self.marks.get(OPEN, ()), self.marks.get(CLOSE, ())
        events = sorted([(i, 1) for i in opens] + [(i, -1) for i in closes])
        out, depth, start = [], 0, 0
        for i, step in events:
            if step == 1:
                start = i if depth == 0 else start
                depth += 1
            elif depth:
                depth -= 1
                if depth == 0:
                    out.append((start, i + 1))
        return out

    def marks_of(self, breaks: frozenset[str]) -> list[int]:
        """The offsets of every mark of ``breaks``, in order."""
        return sorted(i for role in breaks for i in self.marks.get(role, ()))

    def marks_between(self, role: str, start: int, end: int) -> tuple[int, ...]:
        at = self.marks.get(role, ())
        return at[bisect.bisect_left(at, start) : bisect.bisect_left(at, end)]


@lru_cache(maxsize=256)
def _of_cached(sentence: str) -> Clauses:
    marks: dict[str, list[int]] = {}
    for m in _MARKS.finditer(sentence):
        marks.setdefault(_ROLE[m.group()], []).append(m.start())
    return Clauses(sentence, MappingProxyType({role: tuple(at) for role, at in marks.items()}))


# of(sentence): the clause structure of ``sentence``, found once per sentence however many figures ask. The
# cached function itself, not a wrapper: it is called about ten times per figure.
of = _of_cached


# --- 分别: a list of items paired with a list of figures --------------------------------------------


@dataclass(frozen=True)
class Listing:
    items: tuple[tuple[int, int], ...]  # the listed items before 分别, as spans of the sentence
    index: int  # which item the figure pairs with
    again: bool = False  # the figure is in a later run of figures than the one right after 分别 (增长x和y)


_LIST_SPLIT = re.compile(r"[、和及与]")
_AFTER_RESPECTIVELY = frozenset({END, SEMICOLON})  # a figure after ；belongs to another list


def respectively(sentence: str, pos: int, end: int | None = None) -> Listing | None:
    """'A、B和C分别…x、y、z': the list item the figure at ``pos`` pairs with.

    The items are the 、-separated pieces of the clause before 分别; '…分别增长x、y，两年平均增速分别为u、v'
    pairs the second figures with the earlier list. A last item 'B和C' is split when the clause holds more
    figures than items. None when no 分别 leads to the figure or the lists do not pair up.
    """
    if "分别" not in sentence:
        return None  # most sentences
    return _respectively_cached(sentence, pos, end)


# A figure's place (region_at) and its indicator (facts.listed_item) both ask: answered once. Listings are frozen.
@lru_cache(maxsize=256)
def _respectively_cached(sentence: str, pos: int, end: int | None) -> Listing | None:
    i = sentence.rfind("分别", 0, pos)
    st = of(sentence)
    if i < 0 or st.has_mark(i, pos, _AFTER_RESPECTIVELY):
        return None
    items = _items_before(st, i)
    q_end = _figure_end(sentence, pos) if end is None else end
    count = len(numbers.find_quantities(sentence[i : st.end(q_end)]))
    # 'B和C' is split first, so that '…；居住类和交通通信类价格分别下降0.1%和2.9%' pairs with its own two items
    # before an earlier 分别's list is considered.
    if len(items) < count and items and _LIST_SPLIT.search(sentence, *items[-1]):
        a, b = items[-1]
        cuts = [m.start() for m in _LIST_SPLIT.finditer(sentence, a, b)]
        split = [(x, y) for x, y in zip([a, *(c + 1 for c in cuts)], [*cuts, b], strict=True) if y > x]
        items = items[:-1] + split
    if len(items) < 2:
        earlier = sentence.rfind("分别", 0, i)
        items = _items_before(st, earlier) if earlier >= 0 else items
    index = len(numbers.find_quantities(sentence[i:pos]))
    again = len(items) >= 2 and index >= len(items)
    if again:
        # 分别为46744和31303元，增长5.8%和8.1%: a later run of as many figures as items pairs with them again
        index = _index_in_run(sentence[i : st.end(q_end)], pos - i, len(items))
    if len(items) < 2 or index is None or index >= len(items):
        return None
    return Listing(tuple(items), index, again)


_RUN_JOINT = re.compile(r"\s*[、和及与]\s*")


def _index_in_run(text: str, pos: int, size: int) -> int | None:
    """The place of the figure at ``pos`` in its run of figures joined by 、/和 (x、y和z), when the run holds
    ``size`` figures; None otherwise."""
    runs: list[list[int]] = []
    last_end = None
    for q in numbers.find_quantities(text):
        if last_end is not None and _RUN_JOINT.fullmatch(text, last_end, q.start):
            runs[-1].append(q.start)
        else:
            runs.append([q.start])
        last_end = q.end
    for run in runs:
        if pos in run:
            return run.index(pos) if len(run) == size else None
    return None


def _items_before(st: Clauses, i: int) -> list[tuple[int, int]]:
    return st.list_items(st.start(i, CLAUSE_BREAKS - {END}), i)


def _figure_end(sentence: str, pos: int) -> int:
    """The end of the quantity starting at ``pos`` (its clause is read up to the next break after it)."""
    for q in numbers.find_quantities(sentence):
        if q.start == pos:
            return q.end
    return pos


# --- the place a figure or statement is about -----------------------------------------------------

_COMPARED = re.compile(r"(?:高于|低于|快于|慢于|好于|比|较|相比|相当于|是)(?:同期)?全[国省]")
_NATIONAL = re.compile(r"全国(?![最第首前领排])")
_SHARE_OF = re.compile(r"占(?:全国|全省)")
_BASE_ITEM = r"(?:全国|全省|全区|全市)(?:平均水平|平均|同期)?"
_BASES = re.compile(rf"(?:高于|低于|快于|慢于|好于|超过|超出|比|较){_BASE_ITEM}(?:[、和]{_BASE_ITEM})+")
_INCLUSION = re.compile(r"不含|不包括|含|包括|除")
# 均低于9.8%的全国增速: a figure between a comparison word and 的全国 (的全省) is the base, the nation's figure.
_BASE_BEFORE = re.compile(r"(?:高于|低于|快于|慢于|好于|超过)$")
_BASE_AFTER = re.compile(r"的(全国|全省)")
# 三地, 两地: a group of places named by their count, referring to a group named earlier (京津冀三地 …; 三地…).
_COUNTED_GROUP = re.compile(r"(?<!第)([两二三四五六七八九])地")
_COUNTS = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def _listed_place(sentence: str, pos: int, end: int | None, mentions: list[regions.PlaceMention]):
    """福州、龙岩、三明投资增速分别为12.4%、12.0%、11.3%: the i-th figure is the i-th place's, when every
    listed item is one place."""
    listing = respectively(sentence, pos, end)
    if listing is None:
        return None
    places = []
    for a, b in listing.items:
        inside = [m for m in mentions if a <= m.start < b]
        if len(inside) != 1:
            return None
        places.append(inside[0])
    return subjects.mention_region(places[listing.index])


def region_at(
    sentence: str, pos: int, default, carry=None, difference: bool = False, end: int | None = None, group=None
):
    """The region a figure at ``pos`` is about.

    A list of places paired with figures by 分别 comes first; then the place named in the figure's
    own list item (北京10.7%、浙江10.6%); then 全国/全省 in its phrase (unless ``difference`` and they
    are only the base of a comparison: 高于全国平均水平10个百分点); then the place of its item in a list of
    clauses (…；固原市计划投资59亿元); then a macro region opening the sentence (京津冀三地…); then the
    sentence's subject (regions.sentence_region); then the place a previous sentence of the paragraph
    made the subject (carry); then the article's region. A figure that is the base of a comparison
    (低于9.8%的全国增速) is the nation's; 三地 in the figure's phrase is ``group``, the macro region named
    last before the sentence, when it has that many members (in the phrase or the sentence's opening clause). In a list of parts after a colon
    (分别是：银川市2个，…；自治区卫生健康委1个), a part that names no place is not about an earlier part's place.
    """
    st = of(sentence)
    # A place that brackets closed before the figure include or leave out (银川市（不含宁东）下降0.5%) is not
    # what the figure is about; a bracketed place alone names where a thing is (长三角G60科创走廊(上饶)…).
    asides = [(a, b) for a, b in st.asides() if b <= pos and _INCLUSION.match(sentence, a + 1)]
    mentions = [m for m in _subjects(sentence, default) if not any(a < m.start < b for a, b in asides)]
    listed = _listed_place(sentence, pos, end, mentions)
    if listed is not None:
        return listed
    item_start = st.start(pos, ITEM_BREAKS)
    local = [m for m in mentions if item_start <= m.start and m.end <= pos]
    if local:
        return subjects.mention_region(local[-1])
    base = end is not None and _BASE_BEFORE.search(sentence, 0, pos) and _BASE_AFTER.match(sentence, end)
    if base and base.group(1) == "全国":
        return regions.NATIONAL
    if base and default is not None and default.province:
        return regions.lookup(default.province) or default
    phrase = sentence[st.start(pos) : pos]
    # In the figure's phrase, or in the sentence's opening clause (its subject: 之前三地…，今年计划增加到3000万元).
    counted = _COUNTED_GROUP.search(phrase) or _COUNTED_GROUP.search(sentence, 0, min(pos, st.end(0)))
    if counted and group is not None and len(group.members) == _COUNTS[counted.group(1)]:
        return group
    # A difference (高于全国平均水平10个百分点) belongs to the subject; a value after the base
    # (高于全国同期1.7%) is the national figure. A share of the whole (占全省的比重为8.5%) and the figures paired
    # with the bases of a comparison (分别高于全国、全省0.5个和1.2个百分点) are the subject's too.
    compared = (
        (difference and _COMPARED.search(phrase)) or _SHARE_OF.search(phrase) or _paired_with_bases(sentence, pos)
    )
    if _NATIONAL.search(phrase) and not compared:
        return regions.NATIONAL
    if "全省" in phrase and not compared and default is not None and default.province:
        return regions.lookup(default.province) or default
    part_start = st.start(pos, PART_BREAKS)
    item = [m for m in mentions if part_start <= m.start and m.end <= pos]
    if item:
        return subjects.mention_region(item[-1])
    if part_start and sentence[part_start - 1] in "；;" and _opens_list(st, part_start):
        return carry or default
    lead = subjects.macro_lead(sentence)
    if lead is not None and lead.end <= pos:
        return lead.region
    before = [m for m in mentions if m.end <= pos]
    if before and default is not None:
        lead = regions.sentence_region(sentence[:pos], default)
        if lead != default:
            same = [m for m in before if m.region == lead]
            return subjects.mention_region(same[0]) if same else lead
    return carry or default


def _subjects(sentence: str, default) -> tuple[regions.PlaceMention, ...]:
    """subjects.subject_mentions, and the counties of the article's region written by their short name alone
    where a list item or a clause starts (分县区看，中宁、海原分别增长…): the gazetteer counts a district's or
    county's short name only with its suffix, since alone it is often a word, but a short name of the
    article's own counties heading an item is the place."""
    own = default.region if default is not None and default.level in ("province", "prefecture") else None
    return _subjects_cached(sentence, own, id(regions._gazetteer()))


# Asked once per figure, with the same sentence and article region: found once (read-only, shared).
@lru_cache(maxsize=256)
def _subjects_cached(sentence: str, own: str | None, _gaz_id: int) -> tuple[regions.PlaceMention, ...]:
    found = subjects.subject_mentions(sentence)
    if own is None:
        return tuple(found)
    return tuple(sorted(found + list(_own_counties(sentence, own, tuple(found))), key=lambda m: m.start))


@lru_cache(maxsize=256)
def _own_counties(sentence: str, region: str, found: tuple) -> tuple[regions.PlaceMention, ...]:
    st = of(sentence)
    out: list[regions.PlaceMention] = []
    for short, province in subjects.county_shorts(region):  # a few dozen names per region
        # str.find, not re: dozens of one-off patterns per sentence overflow re's compiled-pattern cache.
        a = sentence.find(short)
        while a >= 0:
            b = a + len(short)
            free = not any(x.start < b and a < x.end for x in (*found, *out))
            # only a name starting an item or a clause
            if free and regions.LEAD_IN.match(sentence, st.start(a, ITEM_BREAKS)).end() == a:
                parent = regions.lookup(short) or regions.lookup(province)
                out.append(regions.PlaceMention(a, b, short, parent, "county"))
            a = sentence.find(short, b)
    return tuple(out)


def _paired_with_bases(sentence: str, pos: int) -> bool:
    """分别高于全国、全省0.5个和1.2个百分点: the figures after a list of bases of a comparison (the subject's)."""
    i = sentence.rfind("分别", 0, pos)
    if i < 0 or of(sentence).start(pos) > i:
        return False
    m = _BASES.match(sentence, i + 2)
    return m is not None and m.end() <= pos


def _opens_list(st: Clauses, part_start: int) -> bool:
    """A colon stands before the first ；of the sentence: its ；-parts are the items of a list."""
    colons, semicolons = st.marks.get(COLON, ()), st.marks.get(SEMICOLON, ())
    return bool(colons and semicolons and colons[0] < semicolons[0] < part_start)


def carried_subject(sentence: str, default):
    """A sentence that opens with another place makes it the subject of what follows."""
    if default is None:
        return None
    mentions = subjects.subject_mentions(sentence)
    lead = regions.sentence_region(sentence, default)
    if lead == default or not mentions:
        return None
    first = regions.inner_place(sentence, mentions, 0)  # 河北雄安新区…: the inner place
    return subjects.mention_region(first) if first.region == lead else None


def sentence_subject(sentence: str, default):
    """regions.sentence_region, but a place that only stands inside a name is not the subject."""
    found = regions.sentence_region(sentence, default)
    if found == default or any(m.region == found for m in subjects.subject_mentions(sentence)):
        return found
    return default


def statement_region(sentence: str, span: tuple[int, int], default) -> str:
    """The place a statement (a dated event) is about: a place opening its own clause(s) (a macro one keeps
    the default), else the sentence's subject up to the statement's end. A subject that is just the
    province of the article's city (广东 in a 深圳 article) keeps the more specific city."""
    if default is None:
        return ""
    clause = sentence[span[0] : span[1]]
    scope = clause if regions.find_places(clause) else sentence[: span[1]]
    found = sentence_subject(scope, default)
    if found.level == "province" and default.province == found.region and default.level != "province":
        return default.region
    return found.region


def relating_place(sentence: str, end: int, default):
    """The place doing the relating in a link whose partner names no source (links): the subject of the
    sentence up to the end of the link's clause, a place inside a name left out as for figures."""
    return sentence_subject(sentence[:end], default)
