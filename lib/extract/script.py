"""Traditional script and crawl spaces: read through a Traditional->Simplified conversion and without the
spaces a crawl put inside words and numbers (``spacing``), shown as written.

The gazetteer, the vocabularies and the rules are written in Simplified characters (广东, 亿, 约). A text in
Traditional script (廣東, 億, 約) is converted with OpenCC for analysis only. The conversion keeps every
character's position (checked; where a phrase conversion would change a length, characters are converted
one by one), so offsets found in the converted text are offsets in the text as written, and the strings a
row shows (sentence, raw, description, evidence) are taken back from the text as written. Dropping crawl
spaces does change lengths: the offsets of a row (char_start, char_end, sentence_start) are mapped back.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from functools import lru_cache

from lib.extract import spacing
from lib.model import Article

_SPACES = " \u3000\xa0"
_OFFSETS = ("sentence_start", "char_start", "char_end")

# Share of Han characters that change under t2s above which a text counts as Traditional. Simplified text
# changes almost nowhere (a stray 乾 or 著); Traditional news changes at a quarter to a third of them.
TRADITIONAL_SHARE = 0.05
_HAN = re.compile(r"[\u4e00-\u9fff]")
# Row fields that hold text of the article: shown as written.
TEXT_FIELDS = ("sentence", "raw", "description", "evidence")


@lru_cache(maxsize=1)
def _converter():
    import opencc  # loaded only when a text needs it

    return opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    """``text`` in Simplified characters, with the same length and every character in its place."""
    if not text:
        return text
    out = _converter().convert(text)
    if len(out) == len(text):
        return out
    convert = _converter().convert
    return "".join(c if len(s := convert(c)) != 1 else s for c in text)


@lru_cache(maxsize=1)
def _traditional_chars() -> frozenset[str]:
    """The Han characters t2s changes on their own (億, 廣, 東 …), found once per process: telling a
    text's script is then a set lookup per character, not a conversion of the text."""
    block = "".join(map(chr, range(0x4E00, 0xA000)))
    convert = _converter().convert
    out = convert(block)
    if len(out) != len(block):
        out = "".join(s if len(s := convert(c)) == 1 else c for c in block)
    return frozenset(c for c, s in zip(block, out, strict=True) if c != s)


def is_traditional(text: str) -> bool:
    han = _HAN.findall(text[:20000])
    if len(han) < 4:
        return False
    changed = sum(map(_traditional_chars().__contains__, han))
    return changed / len(han) >= TRADITIONAL_SHARE


def _tables(line: str) -> list[tuple[int, int]]:
    from lib.extract import facts  # the flattened-table rule is the facts extractor's

    return facts.table_spans(line)


def for_analysis(article: Article) -> Article | None:
    """The article as the extractors read it: in Simplified characters and its body without crawl spaces;
    None when it is already so (Simplified, no crawl space: nearly every article)."""
    traditional = is_traditional(article.title + article.text)
    text = simplified(article.text) if traditional else article.text
    despaced = spacing.despaced(text, _tables)
    if not traditional and despaced is None:
        return None
    convert = simplified if traditional else str
    return dataclasses.replace(
        article,
        title=convert(article.title),
        kicker=convert(article.kicker),
        text=despaced or text,
        captions=[convert(c) for c in article.captions],
        subheads=[convert(s) for s in article.subheads],
    )


def _positions(analysed: str, written: str) -> list[int] | None:
    """Where each character of ``analysed`` stands in ``written``, when crawl spaces were dropped (None when
    the lengths are equal). The dropped spaces are whole runs followed by a character that is no space."""
    if len(analysed) == len(written):
        return None
    out, j = [], 0
    for c in analysed:
        while j < len(written) and written[j] in _SPACES and c not in _SPACES:
            j += 1
        out.append(j)
        j += 1
    return out


def restore(rows: list[dict], analysed: Article, written: Article) -> list[dict]:
    """Rows found in ``analysed`` with their text fields taken back from ``written`` (same offsets)."""
    maps: dict[str, list[int] | None] = {}
    for row in rows:
        field = row.get("field", "text")
        src, out = (getattr(analysed, field, analysed.text), getattr(written, field, written.text))
        if field not in maps:
            maps[field] = _positions(src, out) if isinstance(src, str) and isinstance(out, str) else None
        where = maps[field]
        hint = row.get("sentence_start", row.get("char_start", 0)) or 0
        for name in TEXT_FIELDS:
            value = row.get(name)
            if isinstance(value, str) and value:
                at = src.find(value, max(0, hint - len(value)))
                at = src.find(value) if at < 0 else at
                if at >= 0:
                    a, b = spacing.written_span(where, at, at + len(value)) if where else (at, at + len(value))
                    row[name] = out[a:b]
        if where:
            for name in _OFFSETS:
                value = row.get(name)
                if isinstance(value, int) and 0 <= value <= len(where):
                    if name == "char_end":  # exclusive: one past the written place of the span's last character
                        row[name] = spacing.written_span(where, 0, value)[1] if value else 0
                    else:
                        row[name] = where[value] if value < len(where) else len(out)
    return rows


def analysed(extract: Callable[[Article], list[dict]]) -> Callable[[Article], list[dict]]:
    """``extract`` that reads a Traditional-script article through its Simplified conversion."""

    def run(article: Article) -> list[dict]:
        converted = for_analysis(article)
        if converted is None:
            return extract(article)
        return restore(extract(converted), converted, article)

    run.__name__ = getattr(extract, "__name__", "extract")
    run.__doc__ = extract.__doc__
    return run
