"""Events: every dated statement in an article becomes a row with an ISO date, its precision and
what happened.

Which mentions count (decisions, mirrored in tests/test_events.py):

* A day (3月8日, 2021年3月8日) or a year and month (2010年7月) is always an event, even inside
  自…以来: the date is when the thing named next to it happened.
* A month part (11月底, 10月上旬) is an event of precision month. A bare month (4月, 5月份) is left
  out: in this press it is the reporting period of a statistic, like the ranges 1-6月 and 1—7月.
* A year alone (2023年, 今年, 去年) is an event of precision year only when it opens its clause, is
  not part of a longer period (今年一季度, 2021年前三季度, 从2010年起), is not followed by a copula
  (2021年，是…开局之年) and the rest of the sentence names a happening (组建, 开通, 诞生 ...) or a
  plan (计划, 将于). A year heading a statistic (2022年全市实现…N亿元) is a fact, not an event.
* 近日, 日前, 近期 count wherever they stand; 目前, 当前 only when they open a clause (mid-clause
  they qualify a noun: 上海目前的工业发展) and the clause says neither that work is under way (正在, 尚未)
  nor how things stand (a word of state closing it: 目前全县医药物资储备充足). They are kept as relative dates
  anchored on the publication date. 当天, 当日 take the date of the previous dated statement.
* A crawled page may write spaces inside a date (2020 年 5 月 26 日): one space around 年, 月, 日 is allowed.
* A year or a bare month after a plan's lead (将于10月完成…, 拟于, 计划于) dates a planned statement.
* Dates without a year take the publication year, else the latest year written in the article
  (``year_inferred``); with neither, the date is written ``--MM-DD`` / ``--MM`` (ISO 8601 without year).
* A chronicle (大事记) writes a month heading on a line of its own ((2011年6月)) and opens each entry with the
  day alone (一日 省委书记…, 3日，…): the entry takes the heading's month, else the month of the statement
  before, else the publication's; a further entry of the same day opens with △ and takes the day that opened
  the entry above (8月2日 …, not a 7月30日 named inside it). A line that is only a date is a heading or a date
  line, never an event.
* 到2019年6月底，基本实现… is a plan's target (planned) when the date lies after the publication; before it,
  the reference date of a result.
* The region is where the event is held when its clause says so (交流会在烟台召开), else the place the
  statement is about; a sentence naming none is about the place the paragraph's sentence before it opened with
  (…河北雄安新区…发布通知。为此,新区决定…); a dated meeting of a national body (7月30日中央政治局会议) is the
  nation's (全国). Vocabularies are in data/vocab/ (event_*.txt, chronicle_day_numerals.txt, national_bodies.txt,
  state_predicates.txt).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from lib import paths, text
from lib.extract import clauses, periods, regions
from lib.model import Article

MAX_DESCRIPTION = 30

# A crawled page may write a space between a date's numbers and their units (2020 年 5 月 26 日, as its
# figures: 1671.9 亿元): one space is allowed on either side of 年, 月 and 日.
_SP = " ?"


def _spaced(pattern: str) -> re.Pattern:
    """``pattern`` with an optional space before and after each 年 and 月 and before 日/号 (written ``~``)."""
    return re.compile(pattern.replace("~", _SP))


# Ordered: the first pattern to claim a span wins, so full dates come before their parts.
_DAY = _spaced(r"(?:(\d{4})~年~)?(\d{1,2})~月~(\d{1,2})~(?:日|号)(?:[-—–至到]\d{1,2}(?:日|号))?")
_MONTH_PART = _spaced(r"(?:(\d{4})~年~)?(\d{1,2})~月(?:份)?(底|末|初|中旬|上旬|下旬|中)(?![国心])")
_YEAR_MONTH = _spaced(r"(\d{4})~年~(\d{1,2})~月(?:份)?(?![\d份底末初中上下—–-]|日|号| ?\d{1,2} ?(?:日|号))")
# 上年 is left out: the press uses it for the base of a comparison (上年同期, 上年基数低).
_YEAR = _spaced(r"(\d{4})~年(?!度?[\d—–-])|(今年|去年|明年)")
# 今年3月8日, 去年3月: a day or month of a year named relative to the publication date.
_REL_DAY = re.compile(r"(今年|去年|明年)(\d{1,2})月(\d{1,2})(?:日|号)")
_REL_MONTH = re.compile(r"(今年|去年|明年)(\d{1,2})月(?:份)?(?![\d份底末初中上下—–-]|日|号)")
# 3月，…开通: a bare month dates a statement only when it heads a clause about a happening or a plan.
_BARE_MONTH = re.compile(r"(?<![\d年月—–~-])()(\d{1,2})月(?:份)?(?![\d份底末初中上下—–~-]|日|号)")
# 日前 after a day is a deadline (于每月3日前), not "recently".
_ANYWHERE = re.compile(r"近日|(?<![\d一二三四五六七八九十])日前|近期|当天|当日")
_CLAUSE_OPENING = re.compile(r"目前|当前")
# 目前，福州地铁集团正在开展…前期工作: what is still under way is a state, not a happening.
_ONGOING = re.compile(r"正在|尚未|仍在")



def _vocabulary(name: str) -> list[str]:
    """Entries of ``data/vocab/<name>``: one per line, ``#`` opens a comment line."""
    lines = (paths.DATA_DIR / "vocab" / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def _alternation(words: list[str]) -> str:
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


# Openers allowed before a year that heads its clause (在2023年, 刚刚过去的2021年, 这是继2023年…后): an
# entry written …继 may close a longer lead, the others must be the whole lead.
_OPENERS = _vocabulary("event_year_openers.txt")
_YEAR_OPENER = re.compile(
    rf"(?:{_alternation([w for w in _OPENERS if not w.startswith('…')])})?$"
    rf"|.*(?:{_alternation([w[1:] for w in _OPENERS if w.startswith('…')])})$"
)
_HAPPENING = re.compile(_alternation(_vocabulary("event_happenings.txt")))
# 目前全县医药物资储备充足: a clause 目前 opens that a word of state closes says how things stand, no happening.
_STATE_END = re.compile(rf"(?:{_alternation(_vocabulary('state_predicates.txt'))})$")
# 交流会在烟台召开, 姜异康在淄博会见…: 在<place> before a verb of happening is where the event happens.
_VENUE_VERB = re.compile(
    rf"[市省县区]?(?:{_alternation(_vocabulary('event_happenings.txt') + _vocabulary('event_venue_verbs.txt'))})"
)
# 7月30日中央政治局会议: the dated meeting of a national body is the nation's event.
_NATIONAL_MEETING = re.compile(rf" ?(?:{_alternation(_vocabulary('national_bodies.txt'))})[^，,。；;、]{{0,12}}会议")
# 到2019年6月底，基本实现…: a date a plan is to be met by, when it lies after the publication.
_TARGET_LEAD = re.compile(r"(?:力争|计划|预计)?(?:到|至)$")
# A line that is only a date, maybe in brackets: a chronicle's month heading ((2011年6月)) or a document's date.
_DATE_LINE_REST = re.compile(r"[\s（()）]*")
# A chronicle's (大事记) entry opens its sentence with the day alone (一日 省委书记…, 3日，…): its month and
# year are those of the chronicle's heading ((2011年6月)), else of the statement before.
_DAY_NUMERALS = {k: int(v) for k, v in (line.split("\t") for line in _vocabulary("chronicle_day_numerals.txt"))}
_ENTRY_DAY = re.compile(
    rf"\s*(\d{{1,2}}|{_alternation(list(_DAY_NUMERALS))})日(?:{_alternation(_vocabulary('day_parts.txt'))})?(?=[\s,，、])"
)
# △全省铁路建设工作会议在济南召开: a chronicle's further entry of the day above (kept only after a day).
_SAME_DAY_ENTRY = re.compile(r"△")
# 到2025年底前，…全面建成: a year's end dates a plan's target; elsewhere (2024年末全市常住人口…) it is the
# reference date of a figure, so it is taken only after a target's lead (到) and kept only when it is a target.
_YEAR_END = re.compile(r"(\d{4})年(?:底|末)(?![期])")
# 2024年…项目建设、…以及2025年一季度联动开工项目情况: a clause ending in 情况 lists the topics of a report.
_TOPIC_END = re.compile(r"情况$")
# 年度计划 is the plan a figure belongs to (年度计划投资428.5亿元), not a plan being made.
_PLANNED = re.compile(
    r"(?<!年度)计划|将于|将在|将要|即将|预计|(?<!模)拟|有望|力争|届时|"
    r"将(?=[\u4e00-\u9fff]{0,3}(?:召开|举行|举办|开通|投产|建成|启动|上线|开业|落地|开工|交付|驶往|推出|发布|出台))"
)
_COPULA = re.compile(r"[，,]?(?:是|为|系)")
_STRIP_LEFT = re.compile(r"^(?:[，,、\s]|据|自|从|于|在|截至|截止|(?:刚刚)?过去的)+")
_STRIP_RIGHT = re.compile(r"(?:以来|起|开始|[，,、\s])+$")
_RELATIVE_YEAR_OFFSET = {"今年": 0, "去年": -1, "明年": 1}


@dataclass(frozen=True)
class DateMention:
    start: int  # offset in the sentence
    end: int
    year: str  # as written in the sentence ('' when not written)
    month: int  # 0 when not given
    day: int  # 0 when not given
    relative: str  # the relative word, '' for absolute dates
    precision: str  # day | month | year | relative
    target_only: bool = False  # an event only as a plan's target (到2025年底前)


# --------------------------------------------------------------------------------------- finding


def find_dates(sentence: str) -> list[DateMention]:
    """Date expressions in one sentence that date a statement (see the module docstring)."""
    s = text.fold_width(sentence)
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def claim(m: re.Match, mention: DateMention | None) -> None:
        if mention and not any(a < m.end() and m.start() < b for a, b in taken):
            taken.append((m.start(), m.end()))
            found.append(mention)

    # Every day, month and year pattern needs 月 or 年 written: a sentence without them skips those scans.
    months, years = "月" in s, "年" in s
    for m in _REL_DAY.finditer(s) if months else ():
        claim(m, _relative(_day(m), m.group(1)))
    for m in _DAY.finditer(s) if months else ():
        claim(m, _day(m))
    if m := _ENTRY_DAY.match(s):
        claim(m, _entry_day(m))
    if m := _SAME_DAY_ENTRY.match(s):
        claim(m, DateMention(m.start(), m.end(), "", 0, 0, m.group(), "relative"))
    for m in _MONTH_PART.finditer(s) if months else ():
        claim(m, _month(m, m.group(1) or ""))
    for m in _YEAR_END.finditer(s) if years else ():
        if _TARGET_LEAD.fullmatch(s[clauses.of(s).start(m.start()) : m.start()].strip()):
            claim(m, DateMention(m.start(), m.end(), m.group(1), 12, 0, "", "month", target_only=True))
    for m in _YEAR_MONTH.finditer(s) if months else ():
        claim(m, _month(m, m.group(1)))
    for m in _REL_MONTH.finditer(s) if months else ():
        claim(m, _relative(_month(m, ""), m.group(1)))
    for m in _BARE_MONTH.finditer(s) if months else ():
        if not any(a < m.end() and m.start() < b for a, b in taken) and _heads_happening(s, m):
            claim(m, _month(m, ""))
    for m in _YEAR.finditer(s) if years else ():
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        claim(m, _year(s, m))
    for m in _ANYWHERE.finditer(s):
        claim(m, DateMention(m.start(), m.end(), "", 0, 0, m.group(), "relative"))
    for m in _CLAUSE_OPENING.finditer(s):
        end = _statement_end(s, m.end())
        state = _ONGOING.search(s, m.end(), end) or _STATE_END.search(s[m.end() : end].rstrip("，,；;。 "))
        if _opens_clause(s, m.start()) and not state:
            claim(m, DateMention(m.start(), m.end(), "", 0, 0, m.group(), "relative"))
    return sorted((d for d in found if not _closes_a_date_line(s, d) and not _opens_a_name(s, d)), key=lambda d: d.start)


def _statement_end(s: str, pos: int) -> int:
    """End of the clause at ``pos``, or of the next one when nothing but a break follows (目前，…)."""
    st = clauses.of(s)
    end = st.end(pos)
    if not s[pos:end].strip(" ，,、") and end < len(s):
        end = st.end(end + 1)
    return end


def _closes_a_date_line(s: str, d: DateMention) -> bool:
    """A line that ends on a full date without punctuation is a document's date line, not a happening: the
    signature under a communiqué's title (上饶市统计局 国家统计局上饶调查队 2024年4月18日) or a page's
    发布日期 (2022年01月27日). So is a line that is only a date: a chronicle's month heading ((2011年6月))."""
    if not d.year:
        return False
    if d.precision == "day" and not s[d.end :].strip():
        return True
    return bool(_DATE_LINE_REST.fullmatch(s[: d.start]) and _DATE_LINE_REST.fullmatch(s[d.end :]))


def month_heading(sentence: str) -> str:
    """``YYYY-MM`` when the sentence is only a year and month (a chronicle's heading (2011年6月)), else ''."""
    s = text.fold_width(sentence)
    m = _YEAR_MONTH.search(s)
    if not m or not (_DATE_LINE_REST.fullmatch(s[: m.start()]) and _DATE_LINE_REST.fullmatch(s[m.end() :])):
        return ""
    return f"{m.group(1)}-{int(m.group(2)):02d}" if 1 <= int(m.group(2)) <= 12 else ""


def _opens_a_name(s: str, d: DateMention) -> bool:
    """当日, 当天 opening a quoted phrase are part of a name (“当日往返游”), not a date."""
    return d.precision == "relative" and d.start > 0 and s[d.start - 1] in "“‘「『\""


def _day(m: re.Match) -> DateMention | None:
    month, day = int(m.group(2)), int(m.group(3))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return DateMention(m.start(), m.end(), m.group(1) or "", month, day, "", "day")


def _entry_day(m: re.Match) -> DateMention | None:
    day = int(m.group(1)) if m.group(1).isdigit() else _DAY_NUMERALS[m.group(1)]
    if not 1 <= day <= 31:
        return None
    return DateMention(m.start(1), m.end(), "", 0, day, "", "day")


def _month(m: re.Match, year: str) -> DateMention | None:
    month = int(m.group(2))
    if not 1 <= month <= 12:
        return None
    return DateMention(m.start(), m.end(), year, month, 0, "", "month")


def _relative(d: DateMention | None, word: str) -> DateMention | None:
    return None if d is None else DateMention(d.start, d.end, "", d.month, d.day, word, d.precision)


def _opens_clause(s: str, pos: int) -> bool:
    """Nothing but opening quotes between the last clause break and ``pos``."""
    return not s[clauses.of(s).start(pos) : pos].strip("“”\"'（( ")


def _heads_happening(s: str, m: re.Match) -> bool:
    """The date heads its clause, belongs to no longer period, and the rest of the sentence names a
    happening or a plan (not 2021年，是… nor a statistic: 5月，全市工业增加值增长6%)."""
    if not _heads_clause(s, m.start()) or _in_longer_period(s, m):
        return False
    if _TOPIC_END.search(s[m.start() : clauses.of(s).end(m.end())].rstrip("，,；;。 ")):
        return False
    rest = s[m.end() : _sentence_end(s, m.end())]
    lead = s[clauses.of(s).start(m.start()) : m.start()]
    return not _COPULA.match(rest) and bool(_HAPPENING.search(rest) or _PLANNED.search(lead + rest))


def _year(s: str, m: re.Match) -> DateMention | None:
    """A year alone dates a statement only when it heads a clause about a happening or a plan."""
    if not _heads_happening(s, m):
        return None
    if m.group(1):
        return DateMention(m.start(), m.end(), m.group(1), 0, 0, "", "year")
    return DateMention(m.start(), m.end(), "", 0, 0, m.group(2), "year")


def _heads_clause(s: str, pos: int) -> bool:
    lead = s[clauses.of(s).start(pos) : pos].strip()
    return bool(_YEAR_OPENER.fullmatch(lead))


def _in_longer_period(s: str, m: re.Match) -> bool:
    """今年一季度, 2021年前三季度, 从2010年起: the year belongs to a period, not to an event."""
    for p in periods.find_periods(s):
        if p.start <= m.start() and m.end() <= p.end and (p.end - p.start) > (m.end() - m.start()):
            return True
    return bool(re.match(r"(?:以来|起|前|上半年|下半年|同期|年底|年初|全年)", s[m.end() :]))


def _sentence_end(s: str, pos: int) -> int:
    m = re.compile(r"[。！？!?]").search(s, pos)
    return m.start() if m else len(s)


# --------------------------------------------------------------------------------------- resolving


@dataclass(frozen=True)
class Resolved:
    date: str
    precision: str
    year_inferred: bool


def anchor_year(article: Article) -> str:
    """The year undated mentions fall back on: publication year, else the latest year in the text."""
    if article.published[:4].isdigit():
        return article.published[:4]
    years = [int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d{2})年", text.fold_width(article.text))]
    return str(max(years)) if years else ""


def resolve(d: DateMention, anchor: str, published: str, previous: Resolved | None, heading: str = "") -> Resolved:
    """ISO date of one mention. ``previous`` is the last dated statement before it (for 当天); ``heading``
    the ``YYYY-MM`` of the chronicle heading above it (for an entry's day alone, 一日)."""
    if d.precision == "day" and not d.month:
        base = heading or (previous.date[:7] if previous and len(previous.date) >= 7 else published[:7])
        return Resolved(f"{base or '--'}-{d.day:02d}", "day", True)
    if d.relative in _RELATIVE_YEAR_OFFSET:
        if not anchor:
            return Resolved(published, "relative", True)
        year = str(int(anchor) + _RELATIVE_YEAR_OFFSET[d.relative])
        if d.month:  # 今年3月8日
            parts = [year, f"{d.month:02d}"] + ([f"{d.day:02d}"] if d.day else [])
            return Resolved("-".join(parts), d.precision, True)
        return Resolved(year, "year", True)
    if d.relative in ("当天", "当日", "△"):
        return previous or Resolved(published, "relative", True)
    if d.relative:
        return Resolved(published, "relative", True)
    year, inferred = (d.year, False) if d.year else (anchor, True)
    if d.precision == "year":
        return Resolved(year, "year", inferred)
    parts = [year or "-", f"{d.month:02d}"] + ([f"{d.day:02d}"] if d.day else [])
    return Resolved("-".join(parts), d.precision, inferred)


# --------------------------------------------------------------------------------------- describing


def clause_span(sentence: str, d: DateMention) -> tuple[int, int]:
    """The clause holding the date; the next one too when the date stands alone (3月8日，…)."""
    s = text.fold_width(sentence)
    st = clauses.of(s)
    start, end = st.start(d.start), st.end(d.end)
    if len(_strip(s[start : d.start] + s[d.end : end])) < 4 and end < len(s):
        end = st.end(end + 1)
    return start, end


def describe(sentence: str, d: DateMention) -> str:
    start, end = clause_span(sentence, d)
    return _strip(sentence[start : d.start] + sentence[d.end : end])[:MAX_DESCRIPTION]


def _strip(phrase: str) -> str:
    return _STRIP_RIGHT.sub("", _STRIP_LEFT.sub("", phrase.strip()))


def is_planned(sentence: str, d: DateMention) -> bool:
    start, end = clause_span(sentence, d)
    return bool(_PLANNED.search(text.fold_width(sentence)[start:end]))


# --------------------------------------------------------------------------------------- extraction


def extract(article: Article) -> list[dict]:
    """Article -> event rows (see ``lib.store.schema.COLUMNS['events']``)."""
    default = regions.lookup(article.region) if article.region else None
    anchor = anchor_year(article)
    published = article.published or anchor
    rows: list[dict] = []
    previous: Resolved | None = None
    # The day of the chronicle entry above (8月2日 市委常委会召开会议，…在7月30日中央政治局会议…): a △ entry
    # takes it, not the last date named inside that entry.
    entry: Resolved | None = None
    heading = ""
    # 4.10月22日,河北雄安新区…发布通知。为此,新区决定…解除…: a sentence naming no place of its own is about the
    # place the sentence before it in the paragraph opened with (clauses.carried_subject), not the article's.
    carried = None
    for sent in text.split_sentences(article.text, clause_breaks=False):
        heading = month_heading(sent.text) or heading
        if sent.start == 0 or article.text[sent.start - 1] == "\n":
            carried = None
        place = carried or default
        for d in find_dates(sent.text):
            if d.relative == "△":
                if entry is None or entry.precision != "day":
                    continue  # a △ not after a chronicle's dated entry
                resolved = entry
            else:
                resolved = _not_after(resolve(d, anchor, published, previous, heading), d, article.published, sent.text)
            planned = is_planned(sent.text, d) or is_target(sent.text, d, resolved, article.published)
            if d.target_only and not planned:
                continue
            previous = resolved
            if not d.relative and not sent.text[: d.start].strip():
                entry = resolved
            rows.append(_row(article, sent, d, resolved, place, planned))
        carried = clauses.carried_subject(sent.text, default) or carried
    return rows


def is_target(sentence: str, d: DateMention, r: Resolved, published: str) -> bool:
    """到2019年6月底，基本实现…: a date to be met by (到, 力争到 opening the clause) that lies after the
    publication is a plan's target; before it (到2020年底，全市累计建成…) it is the reference date of a result."""
    s = text.fold_width(sentence)
    lead = s[clauses.of(s).start(d.start) : d.start].strip()
    if not _TARGET_LEAD.fullmatch(lead) or not published[:4].isdigit() or not r.date[:4].isdigit():
        return False
    return r.date > published[: len(r.date)]


def _not_after(r: Resolved, d: DateMention, published: str, sentence: str) -> Resolved:
    """A happening dated without a year cannot come after the publication: a work report of
    January 2025 saying 3月，…开通 means March 2024. Plans keep the publication year."""
    if d.year or d.relative or not r.year_inferred or len(published) < 7 or not r.date[:4].isdigit():
        return r
    if r.date[:7] <= published[:7] or is_planned(sentence, d):
        return r
    return Resolved(str(int(r.date[:4]) - 1) + r.date[4:], r.precision, True)


def event_region(sentence: str, d: DateMention, default) -> str:
    """Where the event happens when its clause says so (在烟台召开), else the place the statement is about."""
    if _NATIONAL_MEETING.match(text.fold_width(sentence), d.end):
        return regions.NATIONAL.region
    span = clause_span(sentence, d)
    clause = text.fold_width(sentence)[span[0] : span[1]]
    for m in regions.find_places(clause):
        if clause[: m.start].endswith("在") and m.region.level != "macro" and _VENUE_VERB.match(clause, m.end):
            return m.region.region
    return clauses.statement_region(sentence, span, default)


def _row(article: Article, sent: text.Sentence, d: DateMention, r: Resolved, default, planned: bool) -> dict:
    start = sent.start + d.start
    return {
        "event_id": hashlib.sha1(f"{article.article_id}:{start}".encode()).hexdigest()[:16],
        "article_id": article.article_id,
        "region": event_region(sent.text, d, default) or article.region,
        "date": r.date,
        "date_precision": r.precision,
        "year_inferred": r.year_inferred,
        "relative": d.relative,
        "planned": planned,
        "description": describe(sent.text, d),
        "sentence": sent.text,
        "char_start": start,
        "char_end": sent.start + d.end,
    }
