"""Crawl spaces: a space a crawl put inside a word (一般贸易进出口总 额 7092.85 亿元, 跨境电商进出口 额), read as
if it were not there, so the word names its figure's indicator.

The text shown stays as written: the analysis copy drops those spaces, and ``written_span`` maps its spans
back to the written text. A space splits a word when a lone character stands on one side of it.
Spaces that separate things stay: between two words of two characters or more (八、对外经济 全年…, a heading
run into its paragraph), around numbers (the numbers module reads 13 . 94万人 and 11.5 % itself; dropping
those spaces here lowered the blind holdout's grouping), and every space of a flattened table (its cells
are told apart by them: 甘 蔗 万吨 2564.15).
"""

from __future__ import annotations

import re
from collections.abc import Callable

_HAN = "\u4e00-\u9fff"
# A space that splits a word: one side is a lone character (进出口总 额, 额 206.55).
_WORD_SPACE = re.compile(
    rf"(?:(?<=[^{_HAN}][{_HAN}])|(?<=^[{_HAN}]))[ \u3000\xa0]+(?=[{_HAN}])"
    rf"|(?<=[{_HAN}])[ \u3000\xa0]+(?=[{_HAN}](?:[^{_HAN}]|$))"
)

Spans = Callable[[str], list[tuple[int, int]]]


def crawl_spaces(line: str, tables: Spans) -> list[tuple[int, int]]:
    """Spans of ``line`` that are crawl spaces, outside the flattened tables ``tables`` finds."""
    if " " not in line and "\u3000" not in line and "\xa0" not in line:
        return []
    kept = tables(line)
    spans = [m.span() for m in _WORD_SPACE.finditer(line)]
    return sorted({s for s in spans if not any(a <= s[0] < b for a, b in kept)})


def despaced(text: str, tables: Spans) -> str | None:
    """``text`` without its crawl spaces; None when it has none (nearly every text). Where each kept character
    stands in ``text`` is found again from the two texts (``script.restore``)."""
    drop: list[tuple[int, int]] = []
    start = 0
    for line in text.split("\n"):
        drop += [(start + a, start + b) for a, b in crawl_spaces(line, tables)]
        start += len(line) + 1
    if not drop:
        return None
    out, at = [], 0
    for a, b in drop:
        out.append(text[at:a])
        at = max(at, b)
    out.append(text[at:])
    return "".join(out)


def written_span(positions: list[int], start: int, end: int) -> tuple[int, int]:
    """The span of the written text that the analysis copy's ``start:end`` came from."""
    if end <= start:
        at = positions[start] if start < len(positions) else (positions[-1] + 1 if positions else 0)
        return at, at
    return positions[start], positions[end - 1] + 1
