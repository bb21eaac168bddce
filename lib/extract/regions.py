"""Gazetteer lookup and region attribution: which place a name denotes, which places a text mentions,
which region an article (and a sentence inside it) is about.

Data: ``data/gazetteer/*.csv`` (see its README). Everything here is a pure function over that data,
loaded once. Collisions between names are resolved from the data itself, not from lists of words:

* a full division name (上饶市, 吉林市) always wins over a short one;
* a short name shared by several divisions goes to the highest level (吉林 -> the province);
  several divisions at that level -> the name is ambiguous and never counts on its own;
* county full names found in several prefectures (朝阳区) only count right after their parent
  (北京市朝阳区); county short names count only for county-level cities (昆山), and only when unique;
* single-character province abbreviations (沪, 赣) only count inside runs such as 沪赣 or 京、冀;
* macro regions (长三角) and foreign places are reported but never become an article's region.
"""

from __future__ import annotations

import csv
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import NamedTuple

import ahocorasick_rs

import lib.text as text_mod
from lib.extract import clauses
from lib.paths import GAZETTEER_DIR

LEVEL_RANK = {"province": 0, "prefecture": 1, "county": 2}


@dataclass(frozen=True)
class Region:
    region: str  # short name: 天津, 上饶, 广西
    name: str  # full name: 天津市, 上饶市, 广西壮族自治区
    province: str  # short name of the province ('' for macro regions and foreign places)
    level: str  # province | prefecture | county | foreign | macro | country
    lat: float | None
    lon: float | None
    country: str = "中国"
    members: tuple[str, ...] = ()  # macro regions: the regions they group


class PlaceMention(NamedTuple):
    """Immutable like a frozen dataclass (mentions are cached and shared), and built four times faster:
    every scan makes them, and the layout scans every paragraph."""

    start: int
    end: int
    surface: str
    region: Region  # what the mention counts for (a county counts for its prefecture)
    kind: str  # division | county | zone | alias | abbr | macro | foreign


# What article_region returns for a national compilation with no dominant region (see its docstring).
NATIONAL = Region("全国", "中华人民共和国", "", "country", 35.86, 104.20)


@dataclass(frozen=True)
class _Entry:
    region: Region | None  # None: ambiguous, resolved only from the preceding mention
    kind: str
    candidates: tuple[Region, ...] = ()


@dataclass(frozen=True)
class _Gazetteer:
    table: dict[str, _Entry]  # surface -> entry, every surface that counts in free text
    abbr: dict[str, Region]  # single characters usable inside abbreviation runs
    names: dict[str, Region]  # every name lookup() accepts, including non-standalone ones
    # Every surface of ``table`` at once (Aho-Corasick, in Rust): a scan visits only the positions
    # where a name or an abbreviation starts instead of trying every length at every character.
    automaton: ahocorasick_rs.AhoCorasick
    abbr_chars: re.Pattern  # the abbreviations that start a run of two or more
    # National bodies that stand for their region (经济部: Taiwan's ministry) unless a place is named right
    # before them (德国经济部, 德国联邦经济部: that place's body).
    bodies: frozenset[str] = frozenset()
    # Counties' short names that are no everyday word (平利, 千阳): a headline may open with one bare (平利重拳整治…)
    bare_counties: dict[str, Region] = field(default_factory=dict)
    # Counties' short names under their province's or prefecture's name (甘肃山丹, 张掖山丹, 山西闻喜): a short name
    # that needs its suffix alone (山丹县) names the county right after its parent. Parent's short -> short -> region.
    qualified: dict[str, dict[str, Region]] = field(default_factory=dict)
    qualified_heads: frozenset[str] = frozenset()  # their first two characters: most mentions are followed by none


# ---------------------------------------------------------------------------------------------- loading


def _read(name: str, folder: Path | None = None) -> list[dict[str, str]]:
    path = (folder or GAZETTEER_DIR) / name
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _float(value: str) -> float | None:
    return float(value) if value else None


@lru_cache(maxsize=1)
def _gazetteer() -> _Gazetteer:
    divisions = _read("divisions.csv")
    by_short = {row["short"]: _division_region(row) for row in divisions}
    # Province short names take precedence when a prefecture shares them (吉林, 海南).
    for row in divisions:
        if row["level"] == "province":
            by_short[row["short"]] = _division_region(row)
    candidates: dict[str, list[tuple[int, Region, str, bool]]] = defaultdict(list)
    names: dict[str, Region] = {}
    _add_divisions(divisions, candidates, names)
    # A county's parent is keyed by (prefecture, province): 海南 in 青海 is not the province 海南, and
    # the counties of 吉林市 belong to the prefecture, not to the province sharing its short name.
    parents = {(row["short"], row["province"]): _division_region(row) for row in divisions}
    parents.update(
        {(r["short"], r["province"]): _division_region(r) for r in divisions if r["level"] != "province"}
    )
    places = _read("places.csv")
    # Taiwan's counties are places, not divisions, and are the prefecture of its townships (公馆乡 of 苗栗).
    named_parents = {row["prefecture"] for row in places if row["prefecture"]}
    for row in places:
        key = (row["short"] or row["name"], row["province"])
        if not row["prefecture"] and key[0] in named_parents and key not in parents:
            parents[key] = _place_region(row, {})
    ambiguous = _add_places(places, parents, candidates, names)
    aliases = _read("aliases.csv")
    abbr = _add_aliases(aliases, by_short, candidates, names)
    bodies = frozenset(row["alias"] for row in aliases if row["kind"] == "body")
    _add_foreign(_read("foreign.csv"), candidates, names)
    table = _resolve(candidates)
    table.update({name: entry for name, entry in ambiguous.items() if name not in table})
    # Only an abbreviation followed by another (沪苏, 京、冀) can start a run: a lone one is no mention.
    chars = "[" + "".join(map(re.escape, abbr)) + "]"
    abbr_chars = re.compile(f"{chars}(?={chars}|、{chars})" if abbr else "(?!)")
    bare = {
        row["short"]: names[row["short"]]
        for row in places
        if row["short"] and len(row["short"]) >= 2 and row["common_word"] != "1" and row["short"] not in table
        and row["short"] in names and row["ambiguous"] != "1"
    }
    qualified = _qualified(places, parents, table)
    heads = frozenset(short[:2] for shorts in qualified.values() for short in shorts)
    return _Gazetteer(
        table, abbr, names, ahocorasick_rs.AhoCorasick(list(table)), abbr_chars, bodies, bare, qualified, heads,
    )  # fmt: skip


def _qualified(places, parents, table) -> dict[str, dict[str, Region]]:
    seen: dict[str, dict[str, set[Region]]] = defaultdict(lambda: defaultdict(set))
    for row in places:
        short = row["short"]
        if not short or len(short) < 2 or row["common_word"] == "1" or row["ambiguous"] == "1" or short in table:
            continue
        target = _place_region(row, parents)
        for parent in {row["province"], row["prefecture"]} - {""}:
            seen[parent][short].add(target)
    return {p: {s: next(iter(t)) for s, t in shorts.items() if len(t) == 1} for p, shorts in seen.items()}


def _division_region(row: dict[str, str]) -> Region:
    return Region(
        row["short"], row["name"], row["province"], row["level"], _float(row["lat"]), _float(row["lon"])
    )


def _add_divisions(rows, candidates, names) -> None:
    for row in rows:
        region = _division_region(row)
        rank = LEVEL_RANK[row["level"]]
        candidates[row["name"]].append((rank - 10, region, "division", True))  # a full name beats any short
        standalone = row["common_word"] != "1"
        candidates[row["short"]].append((rank, region, "division", standalone))
        names.setdefault(row["name"], region)
        if row["level"] == "province" or row["short"] not in names:
            names[row["short"]] = region


def _place_region(row: dict[str, str], parents: dict[tuple[str, str], Region]) -> Region:
    """The region a place counts for: its prefecture (or municipality), else the place itself."""
    parent = parents.get((row["prefecture"], row["province"])) if row["prefecture"] else None
    if parent:
        return parent
    short = row.get("short") or row["name"]
    return Region(short, row["name"], row["province"], "county", _float(row["lat"]), _float(row["lon"]))


def _add_places(rows, parents, candidates, names) -> dict[str, _Entry]:
    short_homes: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        if row["short"]:
            short_homes[row["short"]].add(row["prefecture"] or row["name"])
    ambiguous: dict[str, list[Region]] = defaultdict(list)
    full_names = {row["name"] for row in rows}
    for row in rows:
        target = _place_region(row, parents)
        if row["ambiguous"] == "1":
            ambiguous[row["name"]].append(target)
            continue
        names.setdefault(row["name"], target)
        kind = "county" if row["kind"] == "county" else "zone"
        if not _generic_county_name(row["name"]):
            candidates[row["name"]].append((2, target, kind, True))
        short = row["short"]
        everyday = _everyday_name(row["name"], short)
        if everyday and everyday not in full_names:
            names.setdefault(everyday, target)
            candidates[everyday].append((2, target, kind, True))
        if short and short != row["name"] and len(short_homes[short]) == 1:
            names.setdefault(short, target)
            # News writes county-level cities by short name (昆山); districts and counties need the suffix.
            standalone = row["name"].endswith("市") and row["common_word"] != "1"
            candidates[short].append((2, target, kind, standalone))
    return {name: _Entry(None, "county", tuple(regions)) for name, regions in ambiguous.items()}


def _everyday_name(name: str, short: str) -> str:
    """Autonomous counties and banners are written with the plain suffix in reports: 酉阳土家族苗族自治县 is
    酉阳县, 鄂伦春自治旗 is 鄂伦春旗 (the full name is not a surface a county's own release always uses)."""
    for suffix, plain in (("自治县", "县"), ("自治旗", "旗")):
        if short and name.endswith(suffix) and not short.endswith(plain):
            return short + plain
    return ""


def _generic_county_name(name: str) -> bool:
    """Two-character district names with a one-character stem (城区, 矿区, 东区) are ordinary nouns."""
    return len(name) == 2 and name.endswith("区")


def _add_aliases(rows, by_short, candidates, names) -> dict[str, Region]:
    abbr: dict[str, Region] = {}
    for row in rows:
        members = tuple(row["region"].split("|"))
        if row["kind"] == "macro":
            region = _macro_region(row["alias"], row["name"] or row["alias"], members, by_short)
            candidates[row["alias"]].append((-20, region, "macro", True))
            names.setdefault(row["alias"], region)
            continue
        region = by_short.get(members[0]) or names[members[0]]  # Taiwan's cities and counties are places
        names.setdefault(row["alias"], region)
        if row["kind"] == "abbr":
            abbr[row["alias"]] = region
        elif row["kind"] in ("alias", "body") and row["standalone"] == "1":
            candidates[row["alias"]].append((1, region, "alias", True))
    return abbr


def _macro_region(alias: str, name: str, members: tuple[str, ...], by_short: dict[str, Region]) -> Region:
    coords = [(r.lat, r.lon) for m in members if (r := by_short.get(m)) and r.lat is not None]
    lat = round(sum(c[0] for c in coords) / len(coords), 2) if coords else None
    lon = round(sum(c[1] for c in coords) / len(coords), 2) if coords else None
    return Region(alias, name, "", "macro", lat, lon, "中国", members)


def _add_foreign(rows, candidates, names) -> None:
    for row in rows:
        region = Region(
            row["name"], row["name"], "", "foreign", _float(row["lat"]), _float(row["lon"]), row["country"]
        )
        # Ranked after every domestic name: a Chinese place never turns foreign.
        candidates[row["name"]].append((5, region, "foreign", True))
        names.setdefault(row["name"], region)


def _resolve(candidates) -> dict[str, _Entry]:
    """Collision table: per surface keep the best-ranked candidates; disagreeing ones make it ambiguous."""
    table: dict[str, _Entry] = {}
    for surface, cands in candidates.items():
        best = min(rank for rank, *_ in cands)
        top = [(region, kind, ok) for rank, region, kind, ok in cands if rank == best]
        targets = {region for region, _, _ in top}
        if len(targets) == 1 and all(ok for *_, ok in top):
            table[surface] = _Entry(top[0][0], top[0][1])
    return table


# ---------------------------------------------------------------------------------------------- lookup


def lookup(name: str) -> Region | None:
    """Region a name denotes: a division at its own level, a county or zone as the region it belongs to.

    Accepts full names, short names, aliases (沪, 羊城), macro names (长三角) and foreign names.
    ``全国`` returns ``NATIONAL``. Ambiguous county names (朝阳区) return None.
    """
    gaz = _gazetteer()
    name = name.strip()
    if name == NATIONAL.region:  # round trip of article_region's national fallback stored as text
        return NATIONAL
    entry = gaz.table.get(name)
    if entry and entry.region:
        return entry.region
    return gaz.names.get(name)


# ---------------------------------------------------------------------------------------------- scanning


def find_places(text: str) -> list[PlaceMention]:
    """Place mentions in text, left to right, longest match first, without overlaps."""
    gaz = _gazetteer()
    return list(_places_cached(text, id(gaz)))


# Every figure of a sentence asks for the sentence's places: scanning once per sentence keeps the
# cost linear in its length (a 200,000-character line with no 。 is one sentence). The gazetteer's
# id is in the key so a reloaded gazetteer is never answered from the old one.
@lru_cache(maxsize=256)
def _places_cached(text: str, _gaz_id: int) -> tuple[PlaceMention, ...]:
    return tuple(_scan_places(text))


def _scan_places(text: str) -> list[PlaceMention]:
    """Left to right: at each position the longest name that starts there (see ``_longest_at``),
    else an abbreviation run, else the next position. Only positions where a name or an
    abbreviation starts can do anything, so the loop visits those alone."""
    gaz = _gazetteer()
    starts = _name_ends(text, gaz)
    runs = [m.start() for m in gaz.abbr_chars.finditer(text)]
    if not runs and not starts:
        return []  # most phrases and many sentences
    events = set(starts)
    events.update(runs)
    out: list[PlaceMention] = []
    i = 0
    for pos in sorted(events):
        if pos < i:
            continue
        surface = _longest_at(text, pos, starts.get(pos, ()))
        if surface and _straddles_word(text, pos, pos + len(surface)):
            surface = None  # 亲临安庆: 临 ends 亲临, so 临安 is no name; 安庆 starts at the next position
        if surface and _VILLAGE_AFTER.match(text, pos + len(surface)) and surface[-1] not in _ADMIN_SUFFIXES:
            i = pos + len(surface)  # 双溪镇河北村: a village named like a province, no mention of 河北
            continue
        if surface and surface in gaz.bodies and text.startswith("长", pos + len(surface)):
            i = pos + len(surface)  # 内政部长林右昌昨天南下高雄: the minister, a visitor, names no place of the report
            continue
        if surface and surface in gaz.bodies and _owned_body(text, pos, out):
            i = pos + len(surface)  # 德国经济部: the body of the place named before it, no mention of its own
            continue
        if surface:
            entry = gaz.table[surface]
            region = entry.region or _from_context(entry, out, pos)
            if region and out and out[-1].end == pos and _glued_to_other_province(out, pos, region, entry.kind):
                region = None  # 周口文昌生态园: a park of 周口 named 文昌, not 海南's 文昌
            if region:
                out.append(PlaceMention(pos, pos + len(surface), surface, region, entry.kind))
            i = pos + len(surface)
            # (the guard inline: this runs for every mention, and most are no province or prefecture)
            county = _qualified_county(text, i, region, gaz) if region and text[i : i + 2] in gaz.qualified_heads else None
            if county:
                out.append(county)
                i = county.end
        elif text[pos] in gaz.abbr:
            run = _abbr_run(text, pos, gaz.abbr)
            out.extend(run)
            i = run[-1].end if run else pos + 1
        else:
            i = pos + 1
    return out


def _glued_to_other_province(before: list[PlaceMention], start: int, region: Region, kind: str) -> bool:
    """A county's name written right after a city or province of another province, with no separator (周口文昌生态园):
    the two are one proper name, not two places (two places are listed with 、 or 和)."""
    if kind != "county" or not before or before[-1].end != start:
        return False
    prev = before[-1].region
    return prev.level in ("province", "prefecture") and bool(prev.province) and prev.province != region.province


def _qualified_county(text: str, at: int, parent: Region, gaz: _Gazetteer) -> PlaceMention | None:
    """A county's bare short name right after its province or prefecture (甘肃山丹:…, 江苏海安), ending where a word
    ends (山西大同 is the city; a short name that runs into a word, 江苏海安全…, is none)."""
    shorts = gaz.qualified.get(parent.region) if parent.level in ("province", "prefecture") else None
    if not shorts:
        return None
    for length in (4, 3, 2):
        short = text[at : at + length]
        region = shorts.get(short)
        if region is None:
            continue
        window = text[at : at + length + 3]
        pos = 0
        for token in text_mod.cut(window):
            pos += len(token)
            if pos >= length:
                break
        if pos == length:
            return PlaceMention(at, at + length, short, region, "county")
    return None


# A village's name is often a province's or county's (河北村, 四川村): a bare name before 村 that is not 村民, 村镇….
_VILLAGE_AFTER = re.compile(r"村(?![民镇庄级落容集委两组社干医小])")
_ADMIN_SUFFIXES = "省市县区州旗盟镇乡"

_BODY_GAP = re.compile(r"(?:联邦|国家|政府|的)?")


def _owned_body(text: str, pos: int, before: list[PlaceMention]) -> bool:
    """A body's name right after a place (德国经济部, 日本的经济部) is that place's body."""
    return bool(before) and _BODY_GAP.fullmatch(text, before[-1].end, pos) is not None


def _name_ends(text: str, gaz: _Gazetteer) -> dict[int, list[int]]:
    """Start -> ends of every gazetteer name occurring there (overlapping ones included), longest first."""
    ends: dict[int, list[int]] = {}
    for _, start, end in gaz.automaton.find_matches_as_indexes(text, overlapping=True):
        found = ends.get(start)
        if found is None:
            ends[start] = [end]
        else:
            found.append(end)
            found.sort(reverse=True)
    return ends


def _longest_at(text: str, i: int, ends: list[int]) -> str | None:
    """The longest name from ``ends`` starting at i that is not the head of a word."""
    for end in ends:
        # 区域 / 县域 are words: "西安区域" is 西安 + 区域, not the district 西安区.
        if text[end - 1] in "区县" and text[end : end + 1] == "域":
            continue
        return text[i:end]
    return None


def _straddles_word(text: str, start: int, end: int) -> bool:
    """Whether the name text[start:end] begins inside a word of the sentence (亲临安庆, 面临安全).

    Only the head counts: a name running into a word (北京市民, 天津港) is still the place. The
    tokenizer runs on a short window, and only when the character before forms a dictionary word
    with the name's first one, so it runs for the rare suspects, not for every mention."""
    if start == 0 or not text_mod.has_word(text[start - 1 : start + 1]):
        return False
    lo, hi = max(0, start - 3), min(len(text), end + 3)
    pos = lo
    for token in text_mod.cut(text[lo:hi]):
        if pos < start < pos + len(token):
            return True
        pos += len(token)
    return False


def _from_context(entry: _Entry, before: list[PlaceMention], start: int) -> Region | None:
    """An ambiguous county name resolves when its province or prefecture is written right before it."""
    if not before or before[-1].end != start:
        return None
    prev = before[-1].region
    for cand in entry.candidates:
        if prev.region in (cand.region, cand.province):
            return cand
    return None


def _abbr_run(text: str, i: int, abbr: dict[str, Region]) -> list[PlaceMention]:
    """Two or more abbreviations in a row, optionally separated by 、 (沪赣, 沪苏浙, 京、冀)."""
    run: list[PlaceMention] = []
    j = i
    while j < len(text) and text[j] in abbr:
        run.append(PlaceMention(j, j + 1, text[j], abbr[text[j]], "abbr"))
        j += 1
        if j + 1 < len(text) and text[j] == "、" and text[j + 1] in abbr:
            j += 1
    return run if len(run) >= 2 else []


# ---------------------------------------------------------------------------------------------- attribution

PARTNER_BEFORE = (
    "来自",
    "对接",
    "驶往",
    "飞往",
    "前往",
    "开往",
    "与",
    "同",
    "和",
    "向",
    "从",
    "赴",
    "到",
    "至",
    "往",
)
LIST_GLUE = ("、", "和", "及", "与", "以及")
HEAD_SEPARATORS = "：:·丨|"
# Leading time, ordinal and connective phrases skipped before looking for a subject at a clause start.
LEAD_IN = re.compile(
    r"(?:\d{4}年|\d{1,2}[-—–~至]\d{1,2}月(?:份)?|\d{1,2}月(?:份)?|\d{1,2}日|[今去上明同本]年|同期|当月|"
    r"前三季度|前[一二三四五六七八九十\d]+个?月|[一二三四1-4]季度|上半年|下半年|全年|年初|年底|"
    r"其中|此外|另外|同时|目前|近年来|近日|日前|据悉|据介绍|在|截至\S{0,8}?[底末]|[，,、：:\s（）()])*"
)
# Datelines at a paragraph start: 新华社北京5月20日电, 本报上海讯, 来源：宁夏日报, "记者 王某 南京报道".
DATELINE = re.compile(r"来源[：:]\s*\S{2,16}|\S{0,16}?(?:电|讯)|.{0,30}?\s\S{2,8}?报道")
# A place directly followed by one of these is what the clause is about (北京市一季度GDP增长5%).
SUBJECT_AFTER = re.compile(
    r"[0-9０-９]|GDP|经济|地区生产总值|规模以上|规上|固定资产|进出口|外贸|出口|进口|社会消费品|工业|全市|全省|"
    r"[前一二三四上下]季度|[上下]半年|\d{1,2}[-—–]\d{1,2}月|实现|完成|增长|下降|达到|位居|排名|作为"
)
_BODY_AFTER_DATELINE = re.compile(r"[）)\]】〕]?\s*")


def _national_body_at(text: str, pos: int) -> bool:
    rest = text[_BODY_AFTER_DATELINE.match(text, pos).end() :]
    return any(rest.startswith(b) for b in _gazetteer().bodies)


WEIGHTS = {"title": 6.0, "kicker": 3.0, "dateline": 3.0, "lead": 2.0, "body": 1.0}
PARTNER_FACTOR = 0.25


def _counts(mention: PlaceMention) -> bool:
    """Only domestic divisions can be an article's or a sentence's region."""
    return mention.region.level in ("province", "prefecture", "county")


# Visitors named by where they come from (香港旅客, 中国台湾旅客, 香港及中国台湾旅客分别占…): Macao's and Hong Kong's
# tourism releases count arrivals by origin, and the origin is not whose figure it is.
_ORIGIN_TAIL = re.compile(r"(?:大陆|内地)?(?:旅客|游客|访客)")
_ORIGIN_GLUE = re.compile(r"(?:、|和|及|与|以及)(?:中国)?")
_ORIGIN_MAINLAND = re.compile(r"(?:中国)?(?:大陆|内地)(?:旅客|游客|访客)")


def _is_origin(text: str, k: int, mentions: list[PlaceMention]) -> bool:
    """Whether mention ``k`` names an origin of visitors: followed by 旅客 (中国大陆旅客, 中国台湾旅客), or by a
    list of places that is (香港及中国台湾旅客, 香港及中国大陆旅客)."""
    pos = mentions[k].end
    while True:
        if _ORIGIN_TAIL.match(text, pos):
            return True
        glue = _ORIGIN_GLUE.match(text, pos)
        at = glue.end() if glue else pos
        nxt = next((n for n in mentions[k + 1 :] if n.start == at), None)
        if nxt is None:
            return bool(glue) and bool(_ORIGIN_MAINLAND.match(text, at))
        pos = nxt.end


def _partner_flags(text: str, mentions: list[PlaceMention]) -> list[bool]:
    """Mentions introduced by a partner word (来自X, 与X合作), lists continuing them (与X、Y), and origins of
    visitors (香港旅客)."""
    flags: list[bool] = []
    prev_end = -10
    for k, m in enumerate(mentions):
        before = text[max(0, m.start - 2) : m.start]
        partner = before.endswith(PARTNER_BEFORE) or _is_origin(text, k, mentions)
        if not partner and flags and flags[-1]:
            partner = text[prev_end : m.start] in LIST_GLUE or m.start == prev_end
        flags.append(partner)
        prev_end = m.end
    return flags


def _bare_county_head(title: str, body: str) -> Region | None:
    """A headline opening with a county's short name, no suffix (平利重拳整治城乡环境, 千阳开启订单式种植模式), names the
    county when its body writes the name too. Only here: in running text a bare short name is too often a word."""
    if not body:
        return None
    start = LEAD_IN.match(title).end()
    bare = _gazetteer().bare_counties
    for n in (4, 3, 2):
        name = title[start : start + n]
        if name in bare and name in body and not _straddles_word(title, start, start + n):
            return bare[name]
    return None


def _head_region(title: str, body: str = "") -> Region | None:
    """The place a headline opens with (天津：…, 1-8月江苏外贸…), made as specific as the headline allows:
    江西上饶 -> 上饶, 河南郑州 -> 郑州. Only the part before a separator (：, ·) counts."""
    for sep in HEAD_SEPARATORS:
        if sep in title:
            title = title.split(sep, 1)[0]
    mentions = [m for m in find_places(title) if _counts(m)]
    if not mentions or mentions[0].start != LEAD_IN.match(title).end():
        return None if mentions else _bare_county_head(title, body)
    chosen = mentions[0].region
    for prev, cur in pairwise(mentions):
        if cur.start != prev.end or cur.region.province != chosen.province:
            break
        if LEVEL_RANK.get(cur.region.level, 9) > LEVEL_RANK.get(chosen.level, 9):
            chosen = cur.region
    return chosen


def _score(title: str, text: str, kicker: str, byline: str) -> Counter:
    """Weighted mention counts per region: where a name appears matters more than how often."""
    scores: Counter = Counter()
    paragraphs = [p for p in text.split("\n") if p.strip()]
    # A photo credit names people only (汤德宏 摄: no 德宏 in it)
    parts = [(title, "title"), (kicker, "kicker"), ("" if re.search(r"[摄攝]\s*[)）]?$", byline) else byline, "dateline")]
    for k, para in enumerate(paragraphs):
        dateline = DATELINE.match(para) if k < 3 else None
        if dateline and _BODY_AFTER_DATELINE.match(para, dateline.end()) and _national_body_at(para, dateline.end()):
            # (中央社记者游凯翔台北10日电)内政部今天公布…: a national body's release, filed from the capital; the
            # capital is where the reporter wrote, not what the figures are about
            parts.append((para[dateline.end() :], "lead" if k == 0 else "body"))
            continue
        parts.append((para, "lead" if k == 0 else "body"))
        if dateline:
            parts.append((dateline.group(0), "dateline"))
    for part, where in parts:
        mentions = find_places(part)
        works = _work_title_spans(part) if "《" in part else ()
        for k, (m, partner) in enumerate(zip(mentions, _partner_flags(part, mentions), strict=True)):
            if k + 1 < len(mentions) and inner_place(part, mentions, k) is not m:
                continue  # 浙江省桐乡市崇福镇: a province written before a place of its own only says where that place is
            if _counts(m) and not _is_origin(part, k, mentions):  # 香港旅客: arrivals from there, not its text
                # A place in a work's title (铜川市铝厂…订阅《陕西工人报》159份) names the work, as a partner names another
                # place: it counts a quarter.
                titled = any(a < m.start < b for a, b in works)
                scores[m.region] += WEIGHTS[where] * (PARTNER_FACTOR if partner or titled else 1.0)
    return scores


def _work_title_spans(text: str) -> list[tuple[int, int]]:
    return [(mt.start(), mt.end()) for mt in re.finditer(r"《[^》]{1,40}》", text)]


def _by_province(scores: Counter) -> dict[str, float]:
    totals: dict[str, float] = defaultdict(float)
    for region, score in scores.items():
        totals[region.province] += score
    return totals


def _dominant_child(parent: Region, scores: Counter) -> Region | None:
    """A city that takes most of its province's mentions and more than the province itself."""
    children = {r: s for r, s in scores.items() if r.province == parent.region and r.level != "province"}
    if not children:
        return None
    city, top = max(children.items(), key=lambda kv: kv[1])
    own = sum(s for r, s in scores.items() if r.level == "province" and r.region == parent.region)
    return city if top > own and top > 0.5 * sum(children.values()) else None


def _province_region(short: str) -> Region | None:
    region = lookup(short)
    return region if region and region.level == "province" else None


def article_region(title: str, text: str, kicker: str = "", byline: str = "") -> Region | None:
    """The region an article is about. Never a macro region or a foreign place.

    1. A headline that opens with a place decides (the most specific of 江西上饶); a province there
       gives way to one of its cities only when that city dominates the text.
    2. Otherwise mentions are weighted by position (title > kicker, dateline > first paragraph > rest),
       partners (来自X, 与X) count a quarter, and scores are rolled up by province. The top region wins
       when it has at least twice the runner-up; else a province holding 60% of the weight wins (or its
       dominant city): a roundup of one province's cities goes to that province.
    3. Mentions spread over several provinces (a national compilation) give ``NATIONAL`` (level
       'country'), so sentence_region can still assign each fact; None only when nothing is named.
    """
    scores = _score(title, text, kicker, byline)
    head = _head_region(title, text)
    if head:
        child = _dominant_child(head, scores) if head.level == "province" else None
        return child or head
    if not scores:
        return None
    ranked = scores.most_common(2)
    first, second = ranked[0], (ranked[1] if len(ranked) > 1 else (None, 0.0))
    provinces = _by_province(scores)
    province, weight = max(provinces.items(), key=lambda kv: kv[1])
    if first[1] >= 2 * second[1] and first[0].province == province:
        return first[0]
    if weight >= 0.6 * sum(provinces.values()):
        parent = _province_region(province)
        if parent:
            return _dominant_child(parent, scores) or parent
    return NATIONAL


def source_region(source: str) -> Region | None:
    """The region of the body that published a text (六安市财政局, 庆阳市统计局): what a page that never names a place
    is about. Only the first domestic division named counts, and only when the text itself names none."""
    return next((m.region for m in find_places(source) if _counts(m)), None)


def sentence_region(sentence: str, default: Region) -> Region:
    """The region one sentence is about: its grammatical subject when that is a place, else ``default``.

    Subject positions, in order: the sentence start (after time phrases such as 2023年, 1-8月),
    the start of a later clause (after ，or ；), a place directly followed by a figure or an indicator
    (北京10.7%, 广东GDP). Places after partner words (来自, 与, 向, 到 ...) are never subjects.
    A macro region in subject position keeps the default; a foreign one is returned as is.
    """
    found = _sentence_region_cached(sentence, id(_gazetteer()))
    return default if found is None else found


# Asked for a sentence (and its prefixes) by every figure and statement: the answer does not depend on the
# default, so it is found once per text (None: the default).
@lru_cache(maxsize=256)
def _sentence_region_cached(sentence: str, _gaz_id: int) -> Region | None:
    mentions = find_places(sentence)
    flags = _partner_flags(sentence, mentions)
    candidates = [
        m for m, partner in zip(mentions, flags, strict=True) if not partner and m.region.level != "macro"
    ]
    if not candidates:
        return None
    starts = {LEAD_IN.match(sentence).end()}
    starts |= {LEAD_IN.match(sentence, i + 1).end() for i in clauses.of(sentence).marks_of(clauses.CLAUSE_BREAKS - {clauses.END})}
    for i, m in enumerate(candidates):
        if m.start in starts:
            return inner_place(sentence, candidates, i).region
    for m in candidates:
        if SUBJECT_AFTER.match(sentence, _skip_suffix(sentence, m.end)):
            return m.region
    return None


def inner_place(sentence: str, candidates: list[PlaceMention], i: int) -> PlaceMention:
    """A province written just before a place of its own names that place (河北雄安新区…发布通知, 山东济南):
    the subject is the inner place."""
    m = candidates[i]
    for n in candidates[i + 1 :]:
        if n.start != _skip_suffix(sentence, m.end) or m.region.level != "province":
            break
        if n.region.province != m.region.region or n.region.level in ("province", "country", "macro"):
            break
        m = n
    return m


def _skip_suffix(sentence: str, pos: int) -> int:
    """Skip 市/省 written after a short name so 北京市一季度 reads like 北京一季度."""
    return pos + 1 if sentence[pos : pos + 1] in ("市", "省") else pos
