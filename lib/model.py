"""Plain records passed between pipeline stages (one-way: Document -> Article -> rows)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Document:
    """One input file, decoded. ``text`` is as written (full-width kept), paragraphs split by ``\\n``."""

    input_file: str  # path as given / relative to the raw folder
    text: str
    content_hash: str  # sha256 of the decoded, normalised text: same content -> same hash
    encoding: str
    source: str = ""
    published: str = ""  # ISO date, 'YYYY-MM' or 'YYYY'; '' when unknown
    title: str = ""  # from metadata, '' when absent
    inferred: tuple[str, ...] = ()  # names of metadata fields that were inferred, not given


@dataclass
class Article:
    """One article recovered from a document (a page may hold several)."""

    article_id: str
    input_file: str
    content_hash: str
    source: str
    published: str
    title: str
    kicker: str = ""  # line printed above the headline (引题), '' when none
    byline: str = ""  # reporters as printed, e.g. '本报记者 陈曦'
    text: str = ""  # body, fragments rejoined, paragraphs split by '\n', captions removed
    captions: list[str] = field(default_factory=list)
    subheads: list[str] = field(default_factory=list)
    column: str = ""  # section label such as 地方动态
    region: str = ""
    province: str = ""
    level: str = ""
    inferred: tuple[str, ...] = ()
