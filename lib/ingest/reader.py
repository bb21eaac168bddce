"""Reading input files: bytes -> decoded, normalised text plus metadata, as ``Document`` records.

This is the only module that reads input files (``read_document``, ``load_inputs``). The steps
in between are pure and tested without files: ``decode_bytes``, ``html_to_text``,
``markdown_to_text``, ``normalise_text``, ``parse_date`` and the ``infer_*`` functions.

Metadata comes from an optional sidecar ``NAME.meta.json`` beside ``NAME.txt``; fields it does not
give are inferred from the text and their names recorded in ``Document.inferred``.
"""

from __future__ import annotations

import codecs
import contextlib
import dataclasses
import hashlib
import json
import logging
import os
import re
import stat
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, MutableMapping
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

from lib import paths
from lib.model import Document
from lib.text import fold_width

logger = logging.getLogger(__name__)

MAX_BYTES = 5 * 1024 * 1024  # far above any article or page; bigger inputs are mistakes or dumps
SUFFIX_KINDS = {".txt": "text", ".md": "markdown", ".html": "html", ".htm": "html"}
SIDECAR_SUFFIX = ".meta.json"
# Decoded text with more control, unassigned or replacement characters than this is not text.
MAX_BAD_CHAR_RATIO = 0.02
MAX_TITLE_CHARS = 40

Warn = Callable[[str], None]


class IngestError(Exception):
    """A file that cannot be ingested; ``str()`` is one line: ``"<path>: <reason>"`` when path is known."""

    def __init__(self, reason: str, path: str | None = None):
        self.reason = reason
        self.path = path
        super().__init__(f"{path}: {reason}" if path else reason)


# ---------------------------------------------------------------------------------------------
# Bytes -> str
# ---------------------------------------------------------------------------------------------

# UTF-32 first: its little-endian BOM starts with the UTF-16 one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
    (b"\x84\x31\x95\x33", "gb18030"),
)
# Common binary formats, named so the message tells the user what they actually gave us.
_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive, e.g. .docx or .xlsx"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\x7fELF", "executable"),
)
# Characters that make up nearly all of a Chinese news text; used to tell UTF-16 LE from BE.
_COMMON_CHARS = re.compile(
    "[\t\n\r\x20-\x7e\u00a0-\u00ff\u2000-\u206f\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]"
)
_MIN_UTF16_COMMON = 0.8


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode raw bytes, detecting the encoding from the bytes alone; returns ``(text, encoding)``.

    Order: byte-order mark; UTF-16 without BOM when there are NUL bytes (ASCII in UTF-16 is
    half NULs); strict UTF-8; strict GB18030 (a superset of GBK and GB2312). Raises
    ``IngestError(reason)`` for empty, binary or undecodable input.
    """
    if not data:
        raise IngestError("empty file (0 bytes)")
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            raise IngestError(f"binary file ({kind}), not text")
    decoded = _decode_with_bom(data) or _decode_utf16_without_bom(data) or _decode_utf8_or_gb18030(data)
    _check_mostly_text(*decoded)
    return decoded


def _decode_with_bom(data: bytes) -> tuple[str, str] | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding.removesuffix("-sig")), encoding
            except UnicodeDecodeError as exc:
                raise IngestError(
                    f"starts with a {encoding} byte-order mark but is not valid {encoding} "
                    f"(byte {exc.start + len(bom)})"
                ) from None
    return None


def _decode_utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """NUL bytes mean UTF-16 or binary; the endianness whose text looks like text wins."""
    if b"\x00" not in data:
        return None
    best: tuple[float, str, str] | None = None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        score = _common_ratio(text)
        if best is None or score > best[0]:
            best = (score, text, encoding)
    if best is None or best[0] < _MIN_UTF16_COMMON:
        raise IngestError("binary content: contains NUL bytes and is not UTF-16 text")
    return best[1], best[2]


def _common_ratio(text: str) -> float:
    if not text:
        return 0.0
    return (len(text) - len(_COMMON_CHARS.sub("", text))) / len(text)


def _decode_utf8_or_gb18030(data: bytes) -> tuple[str, str]:
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    # GB18030 accepts most byte soup, so a UTF-8 file with one bad byte would come out as
    # mojibake; reject it instead when the rest is clearly UTF-8.
    if _mostly_utf8(data):
        raise IngestError(
            f"invalid UTF-8 at byte {utf8_error.start}, although the rest is UTF-8 (damaged file?)"
        )
    big5 = _decode_big5(data)
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as exc:
        if big5:
            return big5
        raise IngestError(
            f"undecodable: not UTF-8 (bad byte {utf8_error.start}), GB18030 (bad byte {exc.start}), "
            "Big5 or UTF-16"
        ) from None
    # Big5 bytes also decode as GB18030, into rare characters: the encoding whose text has Chinese
    # punctuation where a sentence needs it wins (Hong Kong and Taiwan pages are often Big5).
    if big5 and _punctuation(big5[0]) > _punctuation(text):
        return big5
    if _looks_like_latin1_mojibake(text):
        raise IngestError(
            "not Chinese: decodes as GB18030 only into isolated characters inside Latin words "
            "(Latin-1/Windows-1252 text such as German or French?); save it as UTF-8"
        )
    return text, "gb18030"


_CJK_PUNCTUATION = frozenset("，。、：；！？「」『』（）《》")


def _punctuation(text: str) -> int:
    return sum(n for ch, n in Counter(text).items() if ch in _CJK_PUNCTUATION)


def _decode_big5(data: bytes) -> tuple[str, str] | None:
    for encoding in ("big5hkscs", "cp950"):  # HKSCS is a superset of Big5 with Hong Kong characters
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return None


# A non-ASCII run of 1-2 characters glued to an ASCII letter: what an accented Latin-1 letter
# (one or two high bytes) becomes in GB18030 ("fünf" -> "f黱f", "über" -> "黚er"). Chinese text
# has its characters in longer runs, next to each other and to punctuation.
_WEDGED = re.compile(
    r"(?<![^\x00-\x7f])(?:(?<=[A-Za-z])[^\x00-\x7f]{1,2}(?![^\x00-\x7f])|[^\x00-\x7f]{1,2}(?=[A-Za-z]))"
)
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
MIN_WEDGED = 3


def _looks_like_latin1_mojibake(text: str) -> bool:
    non_ascii = len(_NON_ASCII.findall(text))
    wedged = sum(len(m) for m in _WEDGED.findall(text))
    return wedged >= MIN_WEDGED and wedged > 0.5 * non_ascii


def _mostly_utf8(data: bytes) -> bool:
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ord(ch) > 0x7F) - bad
    return good >= 10 * bad


def _check_mostly_text(text: str, encoding: str) -> None:
    # Counting distinct characters keeps this fast on multi-megabyte inputs.
    bad = sum(n for ch, n in Counter(text).items() if _is_bad_char(ch))
    if bad > MAX_BAD_CHAR_RATIO * len(text):
        raise IngestError(
            f"not text: {bad} of {len(text)} characters are control, unassigned or replacement "
            f"characters when decoded as {encoding}"
        )


def _is_bad_char(ch: str) -> bool:
    if ch in "\t\n\r\f\v":
        return False
    return ch == "\ufffd" or unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn")


# ---------------------------------------------------------------------------------------------
# Markup -> plain text, normalisation
# ---------------------------------------------------------------------------------------------

_BLOCK_TAGS = frozenset(
    ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "ul", "ol", "dl", "dt", "dd")
    + ("table", "blockquote", "pre", "section", "article", "header", "footer", "main", "aside")
    + ("nav", "figure", "figcaption", "address", "hr")
)
_DROPPED_TAGS = frozenset(("script", "style", "head", "title", "noscript", "template", "iframe", "svg"))
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")


class _TextExtractor(HTMLParser):
    """Collects visible text; block elements become paragraph breaks, ``<br>`` a line break."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)  # entities (&ldquo; &nbsp; &#x4E2D;) arrive decoded
        self.parts: list[str] = []
        self.dropped: list[str] = []  # open elements whose content is not shown
        self.pre_depth = 0
        self.title = ""
        self.h1 = ""
        self._capture: str | None = None  # "title" or "h1" while inside the first one
        self._seen_h1 = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "body" and "head" in self.dropped:
            self.dropped.remove("head")  # tolerate a missing </head>
        if tag in _DROPPED_TAGS:
            self.dropped.append(tag)
        elif tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")
        if tag == "pre":
            self.pre_depth += 1
        if tag == "title" and not self.title:
            self._capture = "title"
        elif tag == "h1" and not self._seen_h1:
            self._seen_h1 = True
            self._capture = "h1"

    def handle_endtag(self, tag: str) -> None:
        if tag in self.dropped:
            del self.dropped[len(self.dropped) - 1 - self.dropped[::-1].index(tag) :]
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")
        elif tag in ("td", "th"):
            self.parts.append(" ")
        if tag == "pre":
            self.pre_depth = max(0, self.pre_depth - 1)
        if tag == self._capture:
            self._capture = None

    def handle_data(self, data: str) -> None:
        if self._capture == "title":
            self.title += data
        elif self._capture == "h1":
            self.h1 += data
        if self.dropped:
            return
        self.parts.append(data if self.pre_depth else _HTML_SPACE.sub(" ", data))


def html_to_text(html: str) -> tuple[str, str]:
    """Visible text of an HTML page, paragraphs separated by blank lines; and its title.

    The title is the first ``<h1>`` (headline), else ``<title>``, else ''. Lines are stripped, so
    ``<pre>`` keeps its line breaks but not its indentation.
    """
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts).replace("\xa0", " ")  # &nbsp; is layout, not content
    text = "\n".join(re.sub(r" {2,}", " ", line).strip(" ") for line in text.split("\n"))
    title = _HTML_SPACE.sub(" ", (parser.h1 or parser.title).replace("\xa0", " ")).strip()
    while not parser.h1 and (cut := _SITE_SUFFIX.sub("", title)) not in ("", title):
        title = cut  # 标题_某市财政局_某市人民政府: each site name in turn
    return normalise_text(text), title


# A <title> ends with the site's name: 2024年某市经济运行情况_某市统计局, 标题 - 新华网, 标题｜澎湃新闻.
_SITE_SUFFIX = re.compile(
    r"\s*(?:[_｜|]|\s[-—–]\s)\s*[^_｜|]{2,30}(?:网|局|政府|门户网站|网站|委员会|日报|晚报|新闻|频道|在线|客户端)\s*$"
)


_MD_RULES = (
    (re.compile(r"^ {0,3}([-*_=])(?:[ \t]*\1){2,}[ \t]*$", re.M), ""),  # rules, setext underlines
    (re.compile(r"^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$", re.M), r"\1"),  # ATX headings
    (re.compile(r"^ {0,3}> ?", re.M), ""),  # block quotes
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # images carry no article text
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links keep their text
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # bold
    (re.compile(r"(?<![A-Za-z0-9*])\*(?=[^\s*])([^*\n]+?)(?<=\S)\*(?![A-Za-z0-9*])"), r"\1"),  # italic
    (re.compile(r"`([^`\n]+)`"), r"\1"),  # inline code
)
_MD_H1 = re.compile(r"^ {0,3}#[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$", re.M)


def markdown_to_text(markdown: str) -> tuple[str, str]:
    """Markdown with heading marks and emphasis lightly removed; and the first ``# heading``."""
    h1 = _MD_H1.search(markdown)
    text = markdown
    for pattern, replacement in _MD_RULES:
        text = pattern.sub(replacement, text)
    title = markdown_to_text(h1.group(1))[0] if h1 else ""
    return normalise_text(text), title


# Runs of blank lines are capped (the issue asks for one): HTML and hand-edited files pad freely,
# and the hash must not depend on it. Note lib.ingest.layout reads gaps of 2+ blank lines as a layout hint.
MAX_BLANK_LINES = 1
_BLANK_RUNS = re.compile(f"\n{{{MAX_BLANK_LINES + 2},}}")


def normalise_text(text: str) -> str:
    """NFC, ``\\n`` line ends, no trailing spaces, runs of blank lines as one blank line.

    Full-width characters stay as written (NFC, not NFKC); later stages fold them with
    ``lib.text.fold_width``, which keeps offsets. Leading and trailing blank lines are dropped.
    """
    text = unicodedata.normalize("NFC", text).replace("\ufeff", "")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")
    return _BLANK_RUNS.sub("\n" * (MAX_BLANK_LINES + 1), text)


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# ---------------------------------------------------------------------------------------------
# Metadata: sidecar and inference
# ---------------------------------------------------------------------------------------------

META_FIELDS = ("source", "published", "title")
# Longest value kept per field (characters): a headline or an outlet name never needs more, and a
# megabyte "title" would bloat every chart and table. Sidecars: truncated with a warning.
META_LIMITS = {"title": 500, "source": 200, "published": 40}
_DATE_FORMS = re.compile(
    r"(\d{4})(?:\s*[-/.年]\s*(\d{1,2})(?:\s*[-/.月]\s*(\d{1,2})\s*日?|\s*月)?)?(?:[T ].*)?"
)


def parse_date(value: str) -> str:
    """'2024-05', '2022-07-28', '2024/5/20', '2024年5月20日', ISO timestamps -> ISO; '' if not a date."""
    match = _DATE_FORMS.fullmatch(fold_width(value.strip()))
    if not match:
        return ""
    year, month, day = (int(g) if g else 0 for g in match.groups())
    try:
        date(year, month or 1, day or 1)
    except ValueError:
        return ""
    if not 1900 <= year <= 2100:
        return ""
    return f"{year:04d}" + (f"-{month:02d}" if month else "") + (f"-{day:02d}" if day else "")


def sidecar_path(path: Path) -> Path:
    return path.with_suffix(SIDECAR_SUFFIX)


def read_sidecar(path: Path, warn: Warn) -> dict[str, str]:
    """Metadata given in ``NAME.meta.json`` beside ``path``; {} when absent or unusable (warned)."""
    sidecar = sidecar_path(path)
    if not sidecar.is_file():
        return {}
    name = display_path(sidecar)
    try:
        raw = json.loads(sidecar.read_text(encoding="utf-8-sig"))
    except json.JSONDecodeError as exc:
        warn(
            f"{name}: bad JSON ({exc.msg} at line {exc.lineno} column {exc.colno}); "
            "metadata inferred from the text instead"
        )
        return {}
    except (OSError, UnicodeDecodeError) as exc:
        warn(f"{name}: cannot read ({exc}); metadata inferred from the text instead")
        return {}
    return parse_metadata(raw, name, warn)


def parse_metadata(raw: object, name: str, warn: Warn) -> dict[str, str]:
    """The known fields of a sidecar's JSON value, cleaned; other keys are ignored."""
    if not isinstance(raw, dict):
        warn(f"{name}: expected a JSON object, got {type(raw).__name__}; ignored")
        return {}
    meta: dict[str, str] = {}
    for key in META_FIELDS:
        value = raw.get(key)
        if value is None or value == "":
            continue
        if not isinstance(value, (str, int)):
            warn(f"{name}: '{key}' should be text, got {type(value).__name__}; ignored")
            continue
        value = str(value).strip()
        if len(value) > META_LIMITS[key]:
            warn(f"{name}: '{key}' is {len(value):,} characters, the limit is {META_LIMITS[key]}; truncated")
            value = value[: META_LIMITS[key]].rstrip()
        if key == "published" and not (value := parse_date(value)):
            warn(
                f"{name}: published {raw[key]!r} is not a date like 2024, 2024-05 or 2024-05-20; "
                "inferred from the text instead"
            )
            continue
        meta[key] = value
    return meta


_SENTENCE_END = tuple("。；;，,、：:")  # headlines may end in ！ or ？ but never in these


def infer_title(text: str) -> str:
    """The first non-empty line if it looks like a headline: short, not ending like a sentence."""
    for line in text.split("\n"):
        line = line.strip()
        if line:
            if len(line) <= MAX_TITLE_CHARS and not line.endswith(_SENTENCE_END):
                return line
            return ""
    return ""


_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?=年)")
_FULL_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)年(\d{1,2})月(\d{1,2})日")
_ISO_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)([-/.])(\d{1,2})\2(\d{1,2})(?!\d)")
# Target years (到2025年, 2035年远景目标, 2030年前) say nothing about when the text was written.
_TARGET_BEFORE = re.compile(r"(?:到|(?<!截)至|力争|预计)\s*$")
_TARGET_AFTER = re.compile(r"年(?:前(?:实现|完成|建成|碳达峰|达峰)|远景|目标)")  # not 2021年前三季度


def infer_published(text: str) -> str:
    """Publication date guessed from the text; '' when it names no year.

    Rule: take the latest year written as 19xx年/20xx年 (or in a full date), ignoring target years;
    if the text has full dates (2024年5月20日, 2024-05-20) in that year, the latest of them
    (YYYY-MM-DD), else the year alone (YYYY). Chinese-numeral years (二〇二四年) are not read.
    """
    folded = fold_width(text)
    dates = _full_dates(folded)
    years = [d.year for d in dates] + [
        int(m.group(1)) for m in _YEAR.finditer(folded) if not _is_target_year(folded, m)
    ]
    if not years:
        return ""
    latest = max(years)
    in_latest = [d for d in dates if d.year == latest]
    return max(in_latest).isoformat() if in_latest else str(latest)


def _full_dates(folded: str) -> list[date]:
    found = []
    for m in _FULL_DATE.finditer(folded):
        if not _is_target_year(folded, m):
            found.append(m.group(1, 2, 3))
    found += [m.group(1, 3, 4) for m in _ISO_DATE.finditer(folded)]
    dates = []
    for y, mo, d in found:
        try:
            dates.append(date(int(y), int(mo), int(d)))
        except ValueError:
            continue  # 2月30日 and the like: not a date
    return dates


def _is_target_year(folded: str, match: re.Match) -> bool:
    before = folded[max(0, match.start() - 3) : match.start()]
    return bool(_TARGET_BEFORE.search(before) or _TARGET_AFTER.match(folded, match.start(1) + 4))


_WIRES = "新华社|中新社|中新网|中国新闻网|人民网|央视网|央广网"
_SOURCE_PATTERNS = (
    re.compile(r"^[ \t　]*(?:稿件)?来源[:：][ \t　]*([^\s，。；]{2,30})[ \t　]*$", re.M),  # 来源：华商报
    re.compile(rf"({_WIRES})[\u4e00-\u9fff]{{0,8}}\d{{1,2}}月\d{{1,2}}日电"),  # 新华社北京5月20日电
    re.compile(r"(?:^|(?<=◎))[ \t　]*([\u4e00-\u9fff]{2,10}?)讯[ \t　]*[(（]", re.M),  # 科技日报讯(记者
)


def infer_source(text: str) -> str:
    """The outlet named by a 来源： line, a wire dateline (新华社北京5月20日电) or a 某某讯 lead.

    本报讯 ("this paper reports") names no outlet, so it gives nothing.
    """
    folded = fold_width(text)
    for pattern in _SOURCE_PATTERNS:
        for match in pattern.finditer(folded):
            if match.group(1) != "本报":
                return match.group(1)
    return ""


_INFER = {"source": infer_source, "published": infer_published, "title": infer_title}


def _metadata(text: str, given: dict[str, str], markup_title: str) -> tuple[dict[str, str], tuple[str, ...]]:
    """Given fields win, then the HTML/Markdown headline for the title, then inference."""
    meta = dict(given)
    if "title" not in meta and markup_title:
        meta["title"] = markup_title
    inferred = []
    for key in META_FIELDS:
        if key not in meta:
            meta[key] = _INFER[key](text)
            if meta[key]:
                inferred.append(key)
    return meta, tuple(inferred)


# ---------------------------------------------------------------------------------------------
# Files
# ---------------------------------------------------------------------------------------------


def display_path(path: Path) -> str:
    """Path relative to the repository root when under it, else as given; posix form, readable
    even when the name's bytes are not UTF-8 (see ``readable_name``)."""
    return _display_path(os.fspath(path), paths.ROOT)


# Keyed by the path's text: a rebuild names every input several times, and hashing a Path costs
# more than the lookup saves.
@lru_cache(maxsize=65536)
def _display_path(path: str, root: Path) -> str:
    return readable_name(paths.shown(Path(path)))


def readable_name(name: str) -> str:
    """A file name that can be printed and stored as UTF-8. Names that are not valid UTF-8 arrive
    with surrogate escapes (os.fsdecode); Windows zips often hold GBK names, so their bytes are
    decoded as GB18030 for display, else backslash-escaped. The file itself is opened by its Path."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        pass
    raw = os.fsencode(name)
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        return raw.decode("utf-8", errors="backslashreplace")


def read_document(
    path: Path,
    *,
    max_bytes: int = MAX_BYTES,
    on_warning: Warn | None = None,
    memo: Memo | None = None,
    digests: Digests | None = None,
) -> Document:
    """Read one input file into a ``Document``.

    Raises ``IngestError`` (``"<path>: <reason>"``) for files that cannot be ingested. Warnings
    about metadata (bad sidecar) go to ``on_warning``, by default this module's logger. ``memo`` maps
    the hash of a file's name, bytes and sidecar bytes to the document read from them before: decoding
    and normalising is most of a rebuild's reading time, and an unchanged file needs neither.
    ``digests`` (path text -> sha256 of the file, as the build's manifest has them) lets a file in
    the memo go unread: its key is then made from the digests of the file and its sidecar.
    """
    path = Path(path)
    name = display_path(path)
    kind = SUFFIX_KINDS.get(path.suffix.lower())
    if kind is None:
        raise IngestError(_unsupported(path), name)
    known = _digest_key(name, path, digests) if memo is not None and digests else ""
    if known and known in memo and _size_ok(path, max_bytes):
        return Document(**memo[known])
    try:
        data = _read_bytes(path, max_bytes)
    except IngestError as exc:
        raise IngestError(exc.reason, name) from None
    if known and hashlib.sha256(data).hexdigest() != digests.get(os.fspath(path)):
        known = ""  # changed since it was fingerprinted: its digest no longer names these bytes
    key = known or (_memo_key(name, data, path) if memo is not None else "")
    if key and key in memo:
        return Document(**memo[key])
    try:
        raw, encoding = decode_bytes(data)
    except IngestError as exc:
        raise IngestError(exc.reason, name) from None
    text, markup_title = _to_plain_text(raw, kind)
    if not text:
        raise IngestError("no text: whitespace only" if kind == "text" else f"no text in the {kind}", name)
    warnings: list[str] = []
    meta, inferred = _metadata(text, read_sidecar(path, warnings.append), markup_title)
    for w in warnings:
        (on_warning or logger.warning)(w)
    doc = Document(
        input_file=name,
        text=text,
        content_hash=content_hash(text),
        encoding=encoding,
        source=meta["source"],
        published=meta["published"],
        title=meta["title"],
        inferred=inferred,
    )
    if key and not warnings:  # a document read with warnings is read again, so they are said again
        memo[key] = dataclasses.asdict(doc)
    return doc


Memo = MutableMapping[str, dict]
Digests = Mapping[str, str]


def _digest_key(name: str, path: Path, digests: Digests) -> str:
    """The memo key from known digests of the file and its sidecar; "" when one is not known."""
    own = digests.get(os.fspath(path))
    if own is None:
        return ""
    sidecar = sidecar_path(path)
    side = digests.get(os.fspath(sidecar))
    if side is None:
        if os.path.lexists(sidecar):
            return ""  # a sidecar the digests do not cover: read and hash as usual
        side = ""
    return hashlib.sha256(f"digests\0{name}\0{own}\0{side}".encode("utf-8", "surrogateescape")).hexdigest()


def _size_ok(path: Path, max_bytes: int) -> bool:
    """A memo hit still obeys the size limit and needs a regular file (else read it to say why)."""
    try:
        info = path.stat()
    except OSError:
        return False
    return stat.S_ISREG(info.st_mode) and info.st_size <= max_bytes


def _memo_key(name: str, data: bytes, path: Path) -> str:
    h = hashlib.sha256(name.encode("utf-8", "surrogateescape") + b"\0" + data + b"\0")
    with contextlib.suppress(OSError):
        h.update(sidecar_path(path).read_bytes())
    return h.hexdigest()


def _unsupported(path: Path) -> str:
    return f"unsupported file type {path.suffix or '(none)'!r}; expected {', '.join(sorted(SUFFIX_KINDS))}"


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # a FIFO or device: opening it may block forever
            raise IngestError("not a regular file (FIFO, device or socket); not opened")
        size = info.st_size
        if size > max_bytes:
            raise IngestError(f"too large: {size:,} bytes, the limit is {max_bytes:,} (max_bytes)")
        with path.open("rb") as fh:
            return fh.read(max_bytes + 1)
    except OSError as exc:
        raise IngestError(f"cannot read: {exc.strerror or exc}") from None


# HTML is told by its content, not its name: a crawler's .txt often holds the page as fetched.
_HTML_START = re.compile(r"^\s*(?:<!DOCTYPE\s+html|<html[\s>]|<\?xml[^>]*>\s*<html)", re.IGNORECASE)
_HTML_TAG = re.compile(r"</?(?:p|div|br|span|table|tr|td|li|h[1-6]|a|font|strong|b)(?:\s[^<>]*)?/?>", re.IGNORECASE)
_HTML_ENTITY = re.compile(r"&(?:[a-z]{2,8}|#\d{2,6});", re.IGNORECASE)


def looks_like_html(raw: str) -> bool:
    """A page, whatever its file name: an HTML start, or tags and entities throughout the text."""
    head = raw[:20000]
    if _HTML_START.match(head):
        return True
    tags = len(_HTML_TAG.findall(head))
    return tags >= 3 and tags + len(_HTML_ENTITY.findall(head)) >= 5


def _to_plain_text(raw: str, kind: str) -> tuple[str, str]:
    if kind != "html" and looks_like_html(raw):
        kind = "html"
    if kind == "html":
        return html_to_text(raw)
    if kind == "markdown":
        return markdown_to_text(raw)
    return normalise_text(raw), ""


@dataclass
class LoadResult:
    documents: list[Document] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # files that failed: "<path>: <reason>"
    skipped: list[str] = field(default_factory=list)  # files not read on purpose, with the reason
    warnings: list[str] = field(default_factory=list)  # loaded, but worth knowing (sidecar, duplicate)


def load_inputs(
    inputs: Iterable[Path], *, max_bytes: int = MAX_BYTES, memo: Memo | None = None, digests: Digests | None = None
) -> LoadResult:
    """Read files and folders (recursively, sorted) into documents; one bad file never stops the batch.

    Content seen before (same ``content_hash``) is dropped with a warning naming both files.
    """
    result = LoadResult()
    first_file: dict[str, str] = {}
    for path in _expand(inputs, result):
        try:
            doc = read_document(
                path, max_bytes=max_bytes, on_warning=result.warnings.append, memo=memo, digests=digests
            )
        except IngestError as exc:
            result.problems.append(str(exc))
            continue
        first = first_file.setdefault(doc.content_hash, doc.input_file)
        if first != doc.input_file:
            result.warnings.append(f"{doc.input_file}: same text as {first}; dropped as a duplicate")
            continue
        result.documents.append(doc)
    return result


def _expand(inputs: Iterable[Path], result: LoadResult) -> Iterator[Path]:
    seen: set[Path] = set()
    for given in inputs:
        given = Path(given)
        try:
            is_dir, exists = given.is_dir(), given.exists()
        except OSError as exc:  # a symlink loop on some Pythons
            result.problems.append(f"{display_path(given)}: cannot read: {exc.strerror or exc}")
            continue
        if is_dir:
            candidates = _walk(given, result.problems)
            keys = _identities(given, candidates)
        elif exists:
            candidates = [given]
            keys = [_identity(given)]
        elif given.is_symlink():
            result.problems.append(f"{display_path(given)}: broken or looping symlink")
            continue
        else:
            result.problems.append(f"{display_path(given)}: no such file or folder")
            continue
        for path, key in zip(candidates, keys, strict=True):
            if key in seen:
                continue
            seen.add(key)
            reason = _not_regular(path)
            if reason:
                (result.problems if reason.startswith("cannot") else result.skipped).append(
                    f"{display_path(path)}: {reason}"
                )
            elif _is_sidecar(path):
                result.skipped.append(f"{display_path(path)}: metadata sidecar, read with its document")
            elif is_dir and is_readme(path):
                result.skipped.append(f"{display_path(path)}: a folder's README, documentation, not an article")
            elif path.suffix.lower() not in SUFFIX_KINDS:
                result.skipped.append(f"{display_path(path)}: {_unsupported(path)}")
            else:
                yield path


def _identity(path: Path) -> object:
    """What makes two paths the same file; a looping symlink is its own (unresolvable) path."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return ("unresolved", str(path))


def _identities(folder: Path, files: list[Path]) -> list[object]:
    """``_identity`` of every file found under ``folder``, resolving the folder once: os.walk never
    enters a linked folder, so only a file that is itself a symlink needs resolving (resolving every
    path was a tenth of a rebuild's fixed cost at 1,000 files)."""
    root = _identity(folder)
    if not isinstance(root, Path):
        return [_identity(f) for f in files]
    start = len(os.fspath(folder))
    return [_identity(f) if os.path.islink(f) else root / os.fspath(f)[start:].lstrip(os.sep) for f in files]


def _not_regular(path: Path) -> str:
    """Why ``path`` is not read at all ("" for a regular file): never open a FIFO or device."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        if path.is_symlink():
            return f"cannot read: broken or looping symlink ({exc.strerror or exc})"
        return f"cannot read: {exc.strerror or exc}"
    if stat.S_ISREG(mode):
        return ""
    return "skipped: not a regular file (FIFO, device or socket); not opened"


def _walk(folder: Path, problems: list[str] | None = None) -> list[Path]:
    """Files under ``folder`` in sorted order, without hidden files/folders or sidecars. A sub-folder
    that cannot be listed is reported in ``problems`` (naming it) and the rest is still walked."""

    def unreadable(exc: OSError) -> None:
        where = display_path(Path(exc.filename)) if exc.filename else display_path(folder)
        if problems is not None:
            problems.append(f"{where}: cannot read folder: {exc.strerror or exc}")

    found = []
    for dirpath, dirnames, filenames in os.walk(folder, onerror=unreadable):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        found += [Path(dirpath, f) for f in filenames if not f.startswith(".") and not _is_sidecar(Path(f))]
    return sorted(found, key=lambda p: p.relative_to(folder).parts)


def is_readme(path: Path) -> bool:
    """A folder's README describes its files (origin, licence): found in a folder it is documentation; a
    README named on its own is read like any file."""
    return path.stem.upper() == "README"


def _is_sidecar(path: Path) -> bool:
    return path.name.lower().endswith(SIDECAR_SUFFIX)
