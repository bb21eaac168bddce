"""Text helpers shared by every stage: width folding and sentence splitting, offsets preserved.

jieba is also reached only through this module (see ``tokenizer()``), with its own
tokenizer instance, a project cache folder and the domain user dictionary in ``data/dict``.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache

from lib import paths

# Full-width ASCII (U+FF01..U+FF5E) maps one-to-one onto ASCII, and the ideographic space onto
# a space, so folded text has exactly the offsets of the text shown to users.
_WIDTH_TABLE = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_WIDTH_TABLE[0x3000] = 0x20


def fold_width(text: str) -> str:
    """Full-width digits, letters and punctuation as ASCII; same length, same offsets."""
    return text.translate(_WIDTH_TABLE)


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int  # offset in the text it was split from
    end: int


# A sentence ends at 。！？ (optionally followed by closing quotes/brackets) or a line break;
# with clause_breaks, also at ；. Ellipses …… end a sentence too.
_SENT_END = re.compile(r"(?:[。！？!?]|…{2,})+[”’」』）)】]*|\n+")
_CLAUSE_END = re.compile(r"(?:[。！？!?；;]|…{2,})+[”’」』）)】]*|\n+")


def split_sentences(text: str, clause_breaks: bool = True) -> list[Sentence]:
    """Split into sentences with offsets; whitespace-only pieces are dropped."""
    out: list[Sentence] = []
    pos = 0
    for m in (_CLAUSE_END if clause_breaks else _SENT_END).finditer(text):
        end = m.end() if not m.group().startswith("\n") else m.start()
        _append(out, text, pos, end)
        pos = m.end()
    _append(out, text, pos, len(text))
    return out


def _append(out: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(text[start:end], start, end))


def sentence_at(text: str, offset: int) -> Sentence | None:
    for s in split_sentences(text):
        if s.start <= offset < s.end:
            return s
    return None


@lru_cache(maxsize=1)
def tokenizer():
    """The project's jieba tokenizer: own instance, cache under data/cache, domain dictionary loaded."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    paths.CACHE_DIR.mkdir(parents=True, exist_ok=True)
    tok = jieba.Tokenizer()
    tok.tmp_dir = str(paths.CACHE_DIR)
    tok.initialize()
    userdict = paths.DICT_DIR / "userdict.txt"
    if userdict.exists():
        tok.load_userdict(str(userdict))
    return tok
