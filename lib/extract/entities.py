"""Named entities: organisations, people (with the role printed beside them) and places.

Organisations are found from their type suffix (有限公司, 科技园, 研究院, 局 ...) and grown leftwards
over name-like jieba tokens until a verb, a function word or punctuation; a name needs an *anchor*
(a place, a name jieba does not know, a Latin acronym, a named organisation) so generic phrases
such as 科技园 or 区域科技成果转化中心 are not entities. Items listed before 等8家企业 are companies.
People are jieba ``nr`` names next to a title (局长, 副总经理 ...) or followed by 说/表示/介绍.
Places come from the gazetteer (``regions.find_places``), outside organisation names.
Names are normalised (dashes, brackets, width, spaces) and a short reference merges into the one
longer name of the article that extends it (青海央宗药业 -> 青海央宗药业有限公司).
"""

from __future__ import annotations

import bisect
import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache

from lib import text
from lib.extract import regions
from lib.model import Article

# --- vocabulary: general rules, no particular names -----------------------------------------

# Suffix -> type, longest first so 科学院 (institute) wins over 学院 (university).
_SUFFIXES: list[tuple[str, str]] = sorted(
    [
        *[
            (s, "company")
            for s in "股份有限公司 有限责任公司 集团有限公司 有限公司 集团 公司 药业 银行".split()
        ],
        *[
            (s, "park")
            for s in "科技园 产业园 工业园 科创园 创新园 软件园 园区 开发区 经开区 高新区 自贸区 综合试验区 "
            "示范区 科技城 科学城 产业城".split()
        ],
        *[(s, "university") for s in "大学 学院 职业技术学院 学校".split()],
        *[(s, "institute") for s in "科学院 工程院 研究院 研究所 计算所 研究中心 实验室 设计院".split()],
        *[
            (s, "government")
            for s in "委员会 管委会 人民政府 政府 办公室 办公厅 海关 法院 检察院 局 厅 办 委 部 署".split()
        ],
        *[(s, "consortium") for s in "联合体 联盟 共同体".split()],
        *[(s, "other_org") for s in "中心 交易所 医院 诊所 协会 学会 商会 基金会 孵化器 事务所".split()],
    ],
    key=lambda st: -len(st[0]),
)
_SUFFIX_TYPE = dict(_SUFFIXES)
_SUFFIX_RE = re.compile("|".join(re.escape(s) for s, _ in _SUFFIXES))
# One-character suffixes end many ordinary words (布局, 举办, 总部): only a word of 3+ characters
# ending in one (科技局, 联席办) or the bare character after a noun (基金 委) counts.
_SHORT_SUFFIXES = {s for s, _ in _SUFFIXES if len(s) == 1}
_LEGAL_FORMS = ("股份有限公司", "有限责任公司", "集团有限公司", "有限公司", "集团", "公司")
_CARRIERS = ("移动", "电信", "联通")  # 黑龙江移动: a place plus an operator is the operator's branch

_TITLES = sorted(
    "局长 副局长 厅长 副厅长 处长 科长 主任 副主任 院长 副院长 校长 副校长 所长 副所长 董事长 副董事长 "
    "总经理 副总经理 经理 总裁 副总裁 总监 首席执行官 创始人 合伙人 市长 副市长 常务副市长 省长 副省长 "
    "区长 副区长 县长 副县长 州长 书记 副书记 党委书记 部长 副部长 会长 副会长 秘书长 理事长 主席 副主席 "
    "负责人 总统计师 总经济师 总工程师 首席科学家 研究员 教授 院士 站长 行长 副行长 署长 司长 副司长".split(),
    key=len,
    reverse=True,
)
_TITLE_SET = frozenset(_TITLES)
_SPEECH = frozenset("说 表示 介绍 指出 认为 称 强调 透露 坦言 告诉 谈到".split())

# Tags that end a name: prepositions, conjunctions, particles, pronouns, adverbs, time and place words.
_STOP_FLAGS = frozenset("p c d t f y e o ad i".split())
_STOP_CHARS = frozenset("在和与及的是为将对从向等了由于把被让使以至到或并而也都就又还该此其这那各有已")
# Verbs that often sit inside names (协同创新中心, 技术转移中心); other dictionary verbs end a name.
_NAME_VERBS = frozenset(
    "创新 发展 联合 合作 转化 转移 计算 研究 协同 孵化 服务 建设 投资 发射 控股 管理 交易 设计 制造 开发".split()
)
# Generic nouns that never start or sit inside a name (长三角地区大学 is not a university).
_GENERIC = frozenset(
    "地区 各地 省内 市内 当地 本地 周边 一流 重点 全省 全市 全国 国内 国际 相关 有关 新型".split()
)
_DIRECTIONS = frozenset("东部 西部 南部 北部 中部 东北 西北 东南 西南 华东 华南 华北 华中".split())
_NUMERAL = re.compile(r"[\d一二三四五六七八九十百千万亿两几多首余]")
_PUNCT = re.compile(r"[^\w]")
_DASHES = "—–－‒―-"
_DASH_RE = re.compile(f"[{_DASHES}]+")
_QUOTES = '“”"‘’「」『』《》'


@dataclass(slots=True)
class _Tok:
    word: str
    flag: str
    start: int
    end: int


def _tokens(s: str) -> list[_Tok]:
    out, pos = [], 0
    for word, flag in text.pos_cut(s):
        out.append(_Tok(word, flag, pos, pos + len(word)))
        pos += len(word)
    return out


# --- names --------------------------------------------------------------------------------------


def normalise_name(name: str) -> str:
    """One spelling per name: ASCII width, one '-' for any dash, no spaces or quotes."""
    name = text.fold_width(name)
    name = _DASH_RE.sub("-", name)
    name = re.sub(r"\s+", "", name)
    return name.strip(_QUOTES + "-·")


def _known(word: str) -> bool:
    return text.has_word(word)


def _is_place(word: str) -> bool:
    return word in ("中国", "国家") or regions.lookup(word) is not None


def _is_anchor(t: _Tok) -> bool:
    """A token that makes a name specific: a place, a proper name, an acronym, a word jieba lacks."""
    if t.word in text.domain_words():
        return False
    if t.flag in ("ns", "nt", "nz", "nr", "nrt", "nrfg") or _is_place(t.word):
        return True
    if re.fullmatch(r"[A-Z][A-Za-z0-9]+", t.word):  # G60, IDC; a lone letter is noise (50P)
        return True
    return len(t.word) >= 2 and not _PUNCT.search(t.word) and not _known(t.word)


def _is_stop(t: _Tok) -> bool:
    """A token that cannot be inside an organisation's name."""
    w = t.word
    if _PUNCT.fullmatch(w) and w not in _DASHES:
        return True
    if w in _GENERIC or w in _TITLE_SET or (len(w) == 1 and w in _STOP_CHARS):
        return True
    if t.flag == "f" and w in _DIRECTIONS:
        return False  # 中国社会科学院西部发展研究中心
    if t.flag in _STOP_FLAGS or t.flag[0] in "ur" or t.flag == "s" and len(w) > 1:
        return True
    if t.flag in ("m", "mq", "q") and _NUMERAL.search(w):
        return True
    return t.flag == "v" and len(w) >= 2 and _known(w) and w not in _NAME_VERBS


# --- suffixes: re-cut tokens so every organisation suffix is one token ---------------------------


def _suffix_spans(toks: list[_Tok], s: str) -> list[tuple[int, int]]:
    """Suffix matches aligned on token boundaries (extended to the start of a word ending in one)."""
    starts = {t.start: t for t in toks}
    ends = {t.end: t for t in toks}
    token_starts = [t.start for t in toks]

    def by_char(i: int) -> _Tok:  # the token covering character i (tokens tile the sentence)
        return toks[bisect.bisect_right(token_starts, i) - 1]

    spans = []
    for m in _SUFFIX_RE.finditer(s):
        start, end = m.start(), m.end()
        if end not in ends:
            rest = s[end : by_char(end).end]
            if rest not in _TITLE_SET and rest not in ("内", "里", "中"):
                continue  # 中心城市, 园区建设: the suffix is part of a longer word
        if start not in starts:
            word = by_char(start)
            if m.group() in _SHORT_SUFFIXES and (
                len(word.word) < 3 or word.end != end or _known(s[end - 2 : end])
            ):
                continue  # 布局, 举办, 公司总部: the last two characters are an ordinary word
            start = word.start
        elif m.group() in _SHORT_SUFFIXES and starts[start].end == end:
            prev = ends.get(start)
            if prev is None or not prev.flag.startswith(("n", "vn")) or prev.word in text.domain_words():
                continue
        spans.append((start, end))
    return spans


def _recut(toks: list[_Tok], s: str) -> list[_Tok]:
    """Tokens with each suffix span as one token flagged 'SUF' (局局长 -> 局 + 局长)."""
    spans = _suffix_spans(toks, s)
    if not spans:
        return list(toks)
    cuts = sorted({p for span in spans for p in span})
    pieces: list[_Tok] = []
    for t in toks:
        # the cuts strictly inside the token, found by bisection: scanning every cut for every
        # token made this the entities extractor's hot spot
        inner = cuts[bisect.bisect_right(cuts, t.start) : bisect.bisect_left(cuts, t.end)]
        if not inner:
            pieces.append(t)  # most tokens: nothing to cut (tokens are never changed in place)
            continue
        bounds = [t.start, *inner, t.end]
        for a, b in zip(bounds, bounds[1:], strict=False):
            pieces.append(_Tok(s[a:b], t.flag if not inner else "n", a, b))
    out: list[_Tok] = []
    span_of = {start: end for start, end in spans}
    i = 0
    while i < len(pieces):
        p = pieces[i]
        if p.start in span_of:
            end = span_of[p.start]
            j = i
            while pieces[j].end < end:
                j += 1
            out.append(_Tok(s[p.start : end], "SUF", p.start, end))
            i = j + 1
        else:
            out.append(p)
            i += 1
    return out


def _suffix_of(name: str) -> str:
    m = re.search(f"(?:{_SUFFIX_RE.pattern})$", name)
    return m.group() if m else ""


# --- organisations ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    name: str
    type: str
    role: str = ""


def _grow_left(toks: list[_Tok], i: int) -> int | None:
    """Index of the first token of the name ending at token i, or None when no anchor is reached."""
    first, saw_verb = None, False
    k = i - 1
    while k >= 0 and i - k <= 12:
        t = toks[k]
        if t.word in (")", "）") and k >= 2 and toks[k - 2].word in ("(", "（") and _bracketable(toks[k - 1]):
            k -= 3  # (天津), (两江): a bracketed place inside the name
            continue
        if _is_stop(t) or (t.flag == "SUF" and saw_verb):
            break  # 曙光公司联合…: a verb between two organisations separates them
        saw_verb = saw_verb or t.flag == "v"
        if _is_anchor(t) or t.flag == "SUF" and _grow_left(toks, k) is not None:
            first = k
        k -= 1
    if first is None and _self_anchored(toks[i].word):
        return i
    while first is not None and toks[first].word in _DASHES:
        first += 1
    return first


def _bracketable(t: _Tok) -> bool:
    return _is_place(t.word) or (_is_anchor(t) and len(t.word) <= 4)


def _self_anchored(word: str) -> bool:
    """A suffix token that names itself: 中国科学院, 上海市科委, 太原卫星发射中心."""
    suffix = _suffix_of(word)
    head = word[: len(word) - len(suffix)]
    return bool(head) and head not in text.domain_words() and _starts_with_place(head)


def _starts_with_place(s: str) -> bool:
    if s.startswith(("中国", "国家")):
        return True
    return any(m.start == 0 for m in regions.find_places(s))


def _quoted_name(s: str, end: int) -> tuple[int, str] | None:
    """A suffix right before a closing quote: the whole quotation is the name (“先进计算…联合体”)."""
    if end >= len(s) or s[end] not in "”’」』":
        return None
    open_at = max(s.rfind(q, 0, end) for q in "“‘「『")
    inner = s[open_at + 1 : end]
    if open_at < 0 or not 4 <= len(inner) <= 30 or re.search(r"[，。；：、！？,;:\d]", inner):
        return None
    return open_at + 1, inner


def _modifies_next(word: str, nxt: _Tok | None) -> bool:
    """中心 followed by a noun modifies it (中心城市, 中心节点); other suffixes end a name there
    (合肥高新区企业, …有限公司太阳能光伏项目)."""
    if nxt is None or nxt.flag[0] != "n" or nxt.flag[:2] == "nr" or nxt.word in _TITLE_SET:
        return False
    return word.endswith("中心")


def _org_spans(toks: list[_Tok], s: str) -> list[_Span]:
    spans = []
    for i, t in enumerate(toks):
        if t.flag != "SUF":
            continue
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if _modifies_next(t.word, nxt):
            continue  # 中心城市, 科技园产业链: the suffix word modifies a noun
        kind = _SUFFIX_TYPE[_suffix_of(t.word)]
        quoted = _quoted_name(s, t.end)
        if quoted:
            spans.append(_Span(quoted[0], t.end, quoted[1], kind))
            continue
        first = _grow_left(toks, i)
        if first is not None:
            spans.append(_Span(toks[first].start, t.end, s[toks[first].start : t.end], kind))
    return spans + _carrier_spans(toks, s) + _listed_spans(toks, s)


def _carrier_spans(toks: list[_Tok], s: str) -> list[_Span]:
    """中国移动, 黑龙江移动: an operator named by a place, not followed by a noun (移动支付)."""
    out = []
    for i, t in enumerate(toks):
        if not t.word.endswith(_CARRIERS):
            continue  # most tokens: neither case below
        after = toks[i + 1] if i + 1 < len(toks) else None
        if after is not None and after.flag in ("n", "nz", "ng"):
            continue
        if _is_place(t.word[:-2]):
            out.append(_Span(t.start, t.end, t.word, "company"))
        elif t.word in _CARRIERS and i and _is_place(toks[i - 1].word):
            out.append(_Span(toks[i - 1].start, t.end, s[toks[i - 1].start : t.end], "company"))
    return out


_LISTED = re.compile(
    r"等(?:\d+|[一二两三四五六七八九十百千几]+)(?:余|多)?(?:家|批)[^，。；]{0,8}?(?:企业|公司|客户|厂商)"
)


def _listed_spans(toks: list[_Tok], s: str) -> list[_Span]:
    """Items enumerated before 等8家企业 are companies (上海凌鹊卫星、卫建逸天…等8家企业)."""
    out = []
    for m in _LISTED.finditer(s):
        k = next((j for j, t in enumerate(toks) if t.start == m.start()), None)
        item_end = k
        while item_end:
            j = item_end - 1
            while j >= 0 and toks[j].word != "、" and not _is_stop(toks[j]) and not _verb(toks[j]):
                j -= 1
            if j + 1 < item_end:
                start, end = toks[j + 1].start, toks[item_end - 1].end
                name = s[start:end]
                if 2 <= len(name) <= 15 and not _is_place(name):
                    out.append(_Span(start, end, name, _SUFFIX_TYPE.get(_suffix_of(name), "company")))
            if j < 0 or toks[j].word != "、":
                break
            item_end = j
    return out


def _verb(t: _Tok) -> bool:
    """Any dictionary verb ends a listed item (曙光公司联合中国科学院计算所 lists only the institute)."""
    return t.flag == "v" and len(t.word) >= 2 and _known(t.word)


def _maximal(spans: list[_Span]) -> list[_Span]:
    """Drop spans inside longer ones (科技园 inside 天津滨海—中关村科技园办公室)."""
    keep = []
    for sp in sorted(spans, key=lambda x: (x.start, -x.end)):
        if keep and sp.start >= keep[-1].start and sp.end <= keep[-1].end:
            continue
        keep.append(sp)
    return keep


# --- people -------------------------------------------------------------------------------------


def _person_after(toks: list[_Tok], k: int) -> tuple[int, int] | None:
    """A 2-3 character name starting at token k: one nr token, or a surname plus a given name."""
    if k >= len(toks):
        return None
    t = toks[k]
    if t.flag.startswith("nr") and 2 <= len(t.word) <= 3 and not _is_place(t.word):
        return t.start, t.end
    if t.flag == "nr" and len(t.word) == 1 and k + 1 < len(toks):
        nxt = toks[k + 1]
        if len(nxt.word) == 2 and nxt.word[1] in "说称":  # 周 明说: jieba glued the verb to the name
            return t.start, nxt.start + 1
        if 1 <= len(nxt.word) <= 2 and not _PUNCT.search(nxt.word) and nxt.word not in _STOP_CHARS:
            return t.start, nxt.end
    return None


def _name_after_title(toks: list[_Tok], k: int) -> tuple[int, int] | None:
    """After a title, the 2-3 characters up to the next verb or function word are a name even when
    jieba tags them otherwise (副市长 黄/a 建军/n 在)."""
    hit = _person_after(toks, k)
    if hit:
        return hit
    j = k
    while j < len(toks) and not _is_stop(toks[j]) and toks[j].word not in _SPEECH and len(toks[j].word) <= 2:
        j += 1
    if j == k or len(toks[k].word) != 1 or not 2 <= toks[j - 1].end - toks[k].start <= 3:
        return None
    return toks[k].start, toks[j - 1].end


def _role_before(toks: list[_Tok], k: int, orgs: list[_Span], s: str) -> str:
    """The title token k with the organisation or place printed right before it."""
    title = toks[k]
    for org in orgs:
        if org.end == title.start:
            return s[org.start : title.end]
    j = k
    while j > 0 and toks[j - 1].flag in ("ns", "nt") and not _PUNCT.search(toks[j - 1].word):
        j -= 1
    return s[toks[j].start : title.end]


def _people(toks: list[_Tok], orgs: list[_Span], s: str) -> list[_Span]:
    out = []
    for k, t in enumerate(toks):
        if t.word in _TITLE_SET:
            hit = _name_after_title(toks, k + 1)
            if hit:
                out.append(_Span(*hit, s[hit[0] : hit[1]], "person", _role_before(toks, k, orgs, s)))
                continue
        hit = _person_after(toks, k) if t.flag.startswith("nr") else None  # only an nr token starts a name
        if not hit or (k and toks[k - 1].word in _TITLE_SET):
            continue
        nxt = next((x for x in toks[k + 1 :] if x.start >= hit[1]), None)
        if nxt is None:
            continue
        if nxt.word in _SPEECH:
            out.append(_Span(*hit, s[hit[0] : hit[1]], "person"))
        elif nxt.word in _TITLE_SET:  # 朱玉兵局长
            out.append(_Span(*hit, s[hit[0] : hit[1]], "person", nxt.word))
    return out


# --- merging and rows ---------------------------------------------------------------------------


def merge_aliases(names: dict[str, str]) -> dict[str, str]:
    """name -> canonical name, for names (name -> type) found in one article.

    A name merges into the only longer name of the same type that extends it by a legal form
    (青海央宗药业 -> 青海央宗药业有限公司) or by a leading place or organisation
    (哈尔滨数据中心 -> 中国移动哈尔滨数据中心). Anything ambiguous stays as it is.
    """
    out = {}
    for a, kind in names.items():
        longer = [b for b, bkind in names.items() if bkind == kind and b != a and _extends(b, a, names)]
        out[a] = longer[0] if len(longer) == 1 else a
    return {a: out.get(b, b) for a, b in out.items()}


def _extends(b: str, a: str, names: dict[str, str]) -> bool:
    if b.startswith(a) and b[len(a) :] in _LEGAL_FORMS:
        return True
    if b.endswith(a) and len(a) >= 4:
        head = b[: -len(a)]
        return head in names or _is_place(head) or _all_places(head)
    return False


def _all_places(s: str) -> bool:
    """s is nothing but place names (天津滨海新区, 中国江苏)."""
    mentions = regions.find_places(s)
    return bool(mentions) and sum(m.end - m.start for m in mentions) == len(s)


def _entity_id(article_id: str, kind: str, name: str) -> str:
    return hashlib.sha1(f"{article_id}:{kind}:{name}".encode()).hexdigest()[:16]


# Every span starts from a suffix, a carrier, a 等N家企业 list, a title or a speech verb written in the
# sentence (a person is an nr token next to a title or a speech verb): most sentences have none of them,
# and tagging and scanning their tokens could find nothing.
_TRIGGER = re.compile(
    "|".join(
        [
            _SUFFIX_RE.pattern,
            *(re.escape(w) for w in sorted({*_TITLES, *_SPEECH, *_CARRIERS}, key=len, reverse=True)),
            _LISTED.pattern,
        ]
    )
)


def may_name(sentence: str) -> bool:
    """Whether the sentence has a cue an organisation or a person is found from (else no span)."""
    return _TRIGGER.search(sentence) is not None


def _spans_in_text(body: str) -> list[_Span]:
    spans: list[_Span] = []
    for sent in text.split_sentences(body):
        if not may_name(sent.text):
            continue
        toks = _recut(_tokens(sent.text), sent.text)
        orgs = _maximal(_org_spans(toks, sent.text))
        orgs = [o for o in orgs if _valid_org(normalise_name(o.name))]
        for sp in orgs + _people(toks, orgs, sent.text):
            spans.append(_Span(sp.start + sent.start, sp.end + sent.start, sp.name, sp.type, sp.role))
    return spans


def _valid_org(name: str) -> bool:
    """Precision guard: more than a bare suffix or a generic phrase."""
    suffix = _suffix_of(name)
    head = name[: len(name) - len(suffix)]
    if suffix in ("公司", "集团") and _all_places(head):
        return False  # 天津公司: the company's branch in a place, named by the place alone
    return len(name) >= 3 and len(head) >= 2 and head not in text.domain_words()


def _occurrences(body: str, surfaces: list[str]) -> list[tuple[int, int]]:
    """Non-overlapping occurrences of any surface in the width- and dash-folded body."""
    folded = _folded(body)
    pattern = "|".join(re.escape(x) for x in sorted(set(surfaces), key=len, reverse=True))
    return [(m.start(), m.end()) for m in re.finditer(pattern, folded)] if pattern else []


# Folded once per article, not once per name.
@lru_cache(maxsize=4)
def _folded(body: str) -> str:
    return _DASH_RE.sub(lambda m: "-" * len(m.group()), text.fold_width(body))


def _row(article: Article, name: str, kind: str, role: str, hits: list[tuple[int, int]]) -> dict:
    start, end = hits[0]
    sent = text.sentence_at(article.text, start)
    return {
        "entity_id": _entity_id(article.article_id, kind, name),
        "article_id": article.article_id,
        "region": article.region,
        "name": name,
        "type": kind,
        "role": role,
        "mentions": len(hits),
        "sentence": sent.text if sent else "",
        "char_start": start,
        "char_end": end,
    }


def _named_rows(article: Article, spans: list[_Span]) -> tuple[list[dict], list[tuple[int, int]]]:
    """Rows for organisations and people, and the text spans they cover."""
    kinds: dict[str, str] = {}
    roles: dict[str, str] = {}
    for sp in spans:
        name = normalise_name(sp.name)
        kinds.setdefault(name, sp.type)
        if sp.role and not roles.get(name):
            roles[name] = normalise_name(sp.role)
    orgs = {n: k for n, k in kinds.items() if k != "person"}
    canon = merge_aliases(orgs) | {n: n for n, k in kinds.items() if k == "person"}
    rows, covered = [], []
    for name in sorted(set(canon.values())):
        surfaces = [a for a, c in canon.items() if c == name]
        hits = _occurrences(article.text, surfaces)
        if hits:
            rows.append(_row(article, name, kinds[name], roles.get(name, ""), hits))
            covered += hits
    return rows, covered


def _place_rows(article: Article, covered: list[tuple[int, int]]) -> list[dict]:
    """Gazetteer places outside organisation names and people, grouped by region short name."""
    hits: dict[str, list[tuple[int, int]]] = {}
    inside = _cover_index(covered)
    for m in regions.find_places(article.text):
        if inside(m.start, m.end):
            continue
        hits.setdefault(m.region.region, []).append((m.start, m.end))
    return [_row(article, name, "place", "", h) for name, h in hits.items()]


def _cover_index(spans: list[tuple[int, int]]):
    """``inside(start, end)``: whether one of ``spans`` contains [start, end), by bisection over the
    spans sorted by start with the furthest end reached so far (linear, not places x spans)."""
    ordered = sorted(spans)
    starts = [a for a, _ in ordered]
    reach: list[int] = []
    for _, b in ordered:
        reach.append(max(b, reach[-1]) if reach else b)

    def inside(start: int, end: int) -> bool:
        i = bisect.bisect_right(starts, start) - 1
        return i >= 0 and reach[i] >= end

    return inside


def extract(article: Article) -> list[dict]:
    """Article -> entity rows (see ``lib.store.schema.COLUMNS['entities']``), ordered by first mention."""
    rows, covered = _named_rows(article, _spans_in_text(article.text))
    rows += _place_rows(article, covered)
    return sorted(rows, key=lambda r: (r["char_start"], r["type"], r["name"]))
