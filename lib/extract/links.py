"""Links: relations between two places stated in one sentence (深圳研发、东莞制造; 西安至米兰航线;
与天河区开展深度合作; 赣州与深圳的“飞地园区”; 深圳某某等5家企业落户).

Decisions (mirrored in tests/test_links.py):

* Places come from ``regions.find_places``: districts and counties count for their city (天河区 ->
  广州), foreign places keep level 'foreign'. Macro regions (长三角, 京津冀) may be a source or a target
  with level 'macro', except when the other side belongs to them (苏州 and 长三角): that is a
  region and itself, like a self-link, and is dropped.
* The source is the place the sentence makes its subject; when the sentence names none, it is the
  article's region (赣州 article: 全面加强广州市天河区…的战略合作 -> 赣州 → 广州).
* rd_to_production: a place carrying an R&D role (X研发, 研发孵化在X) → a place carrying a
  production role (Y生产, Y转化, 生产制造在Y).
* route: X至Y / X—Y when the sentence speaks of a route (航线, 班列 ...), one link per listed
  destination (西安至米兰及巴黎); 驶往/飞往 Y from the origin named (从X, 班列(X)) or the
  article's region; 来自X的航班 → the place the sentence is about. Transit (经X出境) is no link.
* enclave (飞地, 离岸孵化), cooperation (合作, 协同, 共建, 对接, 融合发展, 共同体) and investment
  (落户, 投资, 引进, 到资) are read clause by clause: the partner is introduced by 与/同/和/联合, follows a
  verb trigger (对接融入珠三角), or sits between 加强/深化/参与 and the trigger; investment sources
  are 来自X/引进X or place-named firms listed before 落户 (深圳某某、东莞某某等N家企业落户).
* One row per (source, target, relation) within a sentence.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass

from lib import text
from lib.extract import clauses, regions
from lib.extract.regions import PlaceMention, Region
from lib.model import Article

RELATIONS = ("rd_to_production", "route", "enclave", "cooperation", "investment")

_RD = r"研发孵化|研发设计|研发|孵化"
_PROD = r"生产制造|生产测试|转移转化|成果转化|生产|转化|制造|测试|产业化"
_ROLE_AFTER = re.compile(rf"[市省]?(?:(?P<rd>{_RD})|(?P<prod>{_PROD}))")
_ROLE_BEFORE = re.compile(rf"(?:(?P<rd>{_RD})|(?P<prod>{_PROD}))在$")

_ROUTE_WORDS = re.compile(
    r"航线|航班|班列|专列|列车|线路|铁路|高铁|动车|公路|高速|货运|客运|直航|直飞|首航|通航|快线|航道"
)
_ROUTE_JOIN = re.compile(r"[市省]?(?:至|到|—{1,2}|－|-|–|直飞)")
_LIST_JOIN = re.compile(r"(?:及|和|与|、|以及)")
_HEADING = re.compile(r"(驶往|飞往|开往|发往|直达|运往)")
_ORIGIN = re.compile(r"从$|班列[(（]$")
_INBOUND = re.compile(r"来自$")
_INBOUND_CARRIER = re.compile(r"航班|班列|货机|列车|班轮|货轮")

_ENCLAVE = r"飞地|离岸孵化|离岸创新"
_COOP = r"战略合作|合作|协同|共建|对接|携手|融合发展|共同体"
_INVEST = r"落户|投资(?!额|完成|增速|率)|引进|增资|到资|FDI|外资"
_TRIGGER = re.compile(rf"(?P<enclave>{_ENCLAVE})|(?P<cooperation>{_COOP})|(?P<investment>{_INVEST})")
# Triggers that are verbs take their partner after them (对接融入珠三角, 协同…深圳某交易所).
_VERB_TRIGGERS = ("协同", "共建", "对接", "携手", "引进")
_NOUN_USE = re.compile(r"创新中心|中心|创新区|发展|联动|攻关|机制")
_PARTNER_INTRO = regions.PARTNER_BEFORE + ("联合", "携手", "对接融入", "融入")
_SCOPE = re.compile(r"加强|深化|推进|开展|拓展|参与|融入|扩大")
_PAIR_WORD = re.compile(r"^(?:两地|双方|两市|两省)")


@dataclass(frozen=True)
class Link:
    source: Region
    target: Region
    relation: str
    evidence: str
    start: int  # span in the sentence
    end: int


# ---------------------------------------------------------------------------------------- helpers


def _places(sentence: str) -> list[PlaceMention]:
    return [m for m in regions.find_places(sentence) if m.region.level != "country"]


def _list_after(s: str, mentions: list[PlaceMention], first: PlaceMention) -> list[PlaceMention]:
    """``first`` and the places listed right after it (X及Y、Z), skipping 市/省 suffixes."""
    out = [first]
    for m in mentions:
        if m.start < out[-1].end:
            continue
        glue = s[out[-1].end : m.start].lstrip("市省")
        if m.start == out[-1].end or (glue and _LIST_JOIN.fullmatch(glue)):
            out.append(m)
        else:
            break
    return out


def _in_parens(s: str, m: PlaceMention) -> bool:
    return s[m.start - 1 : m.start] in "(（" and s[m.end : m.end + 1] in ")）" and m.start > 0


def _introduced(s: str, m: PlaceMention, words: tuple[str, ...]) -> bool:
    return s[max(0, m.start - 4) : m.start].endswith(words)


# ---------------------------------------------------------------------------------------- patterns


def rd_links(s: str, mentions: list[PlaceMention]) -> Iterator[Link]:
    """深圳研发+东莞生产, 深圳研发、东莞制造, 研发在杭州、生产在衢州."""
    rd, prod = [], []
    for m in mentions:
        after = _ROLE_AFTER.match(s, m.end)
        before = _ROLE_BEFORE.search(s[max(0, m.start - 6) : m.start])
        role = after or before
        if role:
            (rd if role.group("rd") else prod).append((m, role.group("rd") or role.group("prod")))
    for src, rd_word in rd:
        for dst, prod_word in prod:
            yield Link(
                src.region,
                dst.region,
                "rd_to_production",
                f"{rd_word}…{prod_word}",
                min(src.start, dst.start),
                max(src.end, dst.end),
            )


def route_links(s: str, mentions: list[PlaceMention], default: Region | None) -> Iterator[Link]:
    if not _ROUTE_WORDS.search(s) and not _HEADING.search(s):
        return
    if _ROUTE_WORDS.search(s):
        yield from _joined_routes(s, mentions)
        yield from _inbound_routes(s, mentions, default)
    yield from _heading_routes(s, mentions, default)


def _joined_routes(s: str, mentions: list[PlaceMention]) -> Iterator[Link]:
    """X至Y及Z, X—Y: one link per destination."""
    for src in mentions:
        join = _ROUTE_JOIN.match(s, src.end)
        if not join:
            continue
        first = next((m for m in mentions if m.start == join.end()), None) or _county_at(s, join.end())
        if first is None:
            continue
        dests = _list_after(s, mentions, first) if first in mentions else [first]
        for dst in dests:
            yield Link(src.region, dst.region, "route", join.group().lstrip("市省"), src.start, dst.end)


def _county_at(s: str, pos: int) -> PlaceMention | None:
    """A county written by its short name right after 至 (银川至惠农): find_places skips those."""
    for length in (3, 2):
        surface = s[pos : pos + length]
        region = regions.lookup(surface) if len(surface) == length else None
        if region and region.level in ("prefecture", "county") and surface != region.region:
            return PlaceMention(pos, pos + length, surface, region, "county")
    return None


def _heading_routes(s: str, mentions: list[PlaceMention], default: Region | None) -> Iterator[Link]:
    """…驶往德国的杜伊斯堡: the most specific place of the 的-chain; origin 从X / 班列(X)."""
    origins = [m for m in mentions if _ORIGIN.search(s[max(0, m.start - 3) : m.start])]
    source = origins[0].region if origins else default
    for head in _HEADING.finditer(s):
        chain = [m for m in mentions if m.start >= head.end()]
        if not chain or chain[0].start - head.end() > 1:
            continue
        dst = chain[0]
        for m in chain[1:]:
            if s[dst.end : m.start] != "的":
                break
            dst = m
        if source:
            yield Link(source, dst.region, "route", head.group(), head.start(), dst.end)


def _inbound_routes(s: str, mentions: list[PlaceMention], default: Region | None) -> Iterator[Link]:
    """来自米兰的货运航班…落地 in the place the sentence is about."""
    for m in mentions:
        if not _INBOUND.search(s[max(0, m.start - 2) : m.start]):
            continue
        clause_end = clauses.of(s).end(m.end)
        if default and _INBOUND_CARRIER.search(s, m.end, clause_end):
            target = clauses.relating_place(s, len(s), default)
            yield Link(m.region, target, "route", "来自", m.start, m.end)


def clause_links(s: str, mentions: list[PlaceMention], default: Region | None) -> Iterator[Link]:
    """Enclave, cooperation and investment, read around each trigger word within its clause."""
    for trig in _TRIGGER.finditer(s):
        relation = trig.lastgroup
        start, end = clauses.of(s).clause_at(trig.start())
        local = [m for m in mentions if start <= m.start < end]
        if relation == "investment":
            yield from _investment(s, trig, local, default, start)
            continue
        targets, source = _partners(s, trig, local, relation), None
        pair = _pair(s, local)
        if not targets and pair:
            source, targets = pair[0], pair[1:]
        if not targets:
            continue
        source = source or _subject(s, local, targets, default, start, end)
        if not source:
            continue
        region = source.region if isinstance(source, PlaceMention) else source
        lead = [source.start] if isinstance(source, PlaceMention) else []
        for t in targets:
            span = (min([t.start, trig.start(), *lead]), max(t.end, trig.end()))
            yield Link(region, t.region, relation, trig.group(), *span)


def _partners(s: str, trig: re.Match, local: list[PlaceMention], relation: str) -> list[PlaceMention]:
    after = [m for m in local if m.start >= trig.end()]
    # 协同创新中心 names a thing; only a verb (协同深圳某交易所) takes a partner after it.
    verb = trig.group() in _VERB_TRIGGERS and not _NOUN_USE.match(s, trig.end())
    if verb and after:
        return _list_after(s, after, after[0])
    before = [m for m in local if m.end <= trig.start()]
    out: list[PlaceMention] = []
    for m in before:
        glued = out and _LIST_JOIN.fullmatch(s[out[-1].end : m.start].lstrip("市省") or "、")
        if _introduced(s, m, _PARTNER_INTRO) or (glued and out[-1].end >= m.start - 2):
            out.append(m)
    scope = [x.end() for x in _SCOPE.finditer(s, 0, trig.start())]
    if scope:
        out += [m for m in before if m.start >= scope[-1] and m not in out]
    if not out and relation == "enclave":
        out = before[-1:] if len(before) > 0 and before[-1].start > 0 else []
    return out


def _pair(s: str, local: list[PlaceMention]) -> list[PlaceMention]:
    """沪赣两地, 成都、重庆双方: a run of places followed by 两地 names both sides."""
    for i, m in enumerate(local):
        run = _list_after(s, local[i:], m)
        if len(run) >= 2 and _PAIR_WORD.match(s[run[-1].end :]):
            return run
    return []


def _subject(s, local, targets, default, start, end) -> Region | PlaceMention | None:
    """The place doing the relating: a place before the partner in the clause (X与Y), else the
    sentence's subject, else the article's region."""
    first = min(t.start for t in targets)
    names = {t.region for t in targets}
    before = [m for m in local if m.end <= first and m.region not in names and not _in_parens(s, m)]
    if before and s[before[-1].end : first].lstrip("市省").startswith(("与", "同", "和", "跟")):
        return before[-1]
    if default is None:
        return None
    found = clauses.relating_place(s, end, default)
    return default if found in names or found.level == "foreign" else found


def _investment(s, trig, local, default, clause_start) -> Iterator[Link]:
    """引进珠三角企业, 来自东盟…到资, 深圳某某、东莞某某等N家企业落户 -> source → here."""
    sources = [m for m in local if _introduced(s, m, ("来自", "引进"))]
    if not sources:
        firms = [
            m
            for m in local
            if m.end <= trig.start()
            and m.start > clause_start
            and not _in_parens(s, m)
            and m.region.level != "macro"
            and "的" not in s[m.end : trig.start()]
            and re.search(r"等\s*\d*[余多]?家|企业|公司", s[m.end : trig.start()])
        ]
        sources = firms
    if not sources or default is None:
        return
    expanded = []
    for m in sources:
        expanded += [x for x in _list_after(s, local, m) if x not in expanded]
    names = {m.region for m in expanded}
    target = clauses.relating_place(s, len(s), default)
    if target in names or target.level in ("foreign", "macro"):
        target = default
    for m in expanded:
        yield Link(m.region, target, "investment", trig.group(), m.start, max(m.end, trig.end()))


# ---------------------------------------------------------------------------------------- filtering


def _within(part: Region, macro: Region) -> bool:
    return macro.level == "macro" and bool({part.region, part.province} & set(macro.members))


def keep(link: Link) -> bool:
    """No self-links, and no link between a macro region and one of its own members."""
    a, b = link.source, link.target
    if a.region == b.region:
        return False
    return not (_within(a, b) or _within(b, a))


def find_links(sentence: str, default: Region | None) -> list[Link]:
    """Every relation stated in one sentence, deduplicated on (source, target, relation)."""
    s = text.fold_width(sentence)
    mentions = _places(s)
    found = [
        *rd_links(s, mentions),
        *route_links(s, mentions, default),
        *clause_links(s, mentions, default),
    ]
    seen: set[tuple[str, str, str]] = set()
    out = []
    for link in found:
        key = (link.source.region, link.target.region, link.relation)
        if keep(link) and key not in seen:
            seen.add(key)
            out.append(link)
    return out


def extract(article: Article) -> list[dict]:
    """Article -> link rows (see ``lib.store.schema.COLUMNS['links']``)."""
    default = regions.lookup(article.region) if article.region else None
    rows = []
    for sent in text.split_sentences(article.text):
        for link in find_links(sent.text, default):
            rows.append(_row(article, sent, link))
    return rows


def _row(article: Article, sent: text.Sentence, link: Link) -> dict:
    start = sent.start + link.start
    key = f"{article.article_id}:{start}:{link.source.region}:{link.target.region}:{link.relation}"
    return {
        "link_id": hashlib.sha1(key.encode()).hexdigest()[:16],
        "article_id": article.article_id,
        "source_region": link.source.region,
        "target_region": link.target.region,
        "source_level": link.source.level,
        "target_level": link.target.level,
        "relation": link.relation,
        "evidence": link.evidence,
        "sentence": sent.text,
        "char_start": start,
        "char_end": sent.start + link.end,
    }
