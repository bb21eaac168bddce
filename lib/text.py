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


@lru_cache(maxsize=1)
def domain_words() -> frozenset[str]:
    """Words of the domain dictionary (data/dict/userdict.txt): general vocabulary, never a name."""
    userdict = paths.DICT_DIR / "userdict.txt"
    if not userdict.exists():
        return frozenset()
    lines = userdict.read_text(encoding="utf-8").splitlines()
    return frozenset(line.split()[0] for line in lines if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """Words never reported as keywords (data/dict/stopwords.txt; '#' starts a comment line)."""
    path = paths.DICT_DIR / "stopwords.txt"
    if not path.exists():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


@lru_cache(maxsize=1)
def pos_tokenizer():
    """A jieba POSTokenizer over ``tokenizer()`` with the domain dictionary's tags (新质生产力/nz).

    jieba hands the user dictionary's tags to the first POSTokenizer that cuts and then clears them,
    so a second instance would tag domain words 'x'. This one reads the tags from the file and
    leaves jieba's copy in place for any other instance (lib/extract/facts.py keeps its own).
    """
    import jieba.posseg

    pos = jieba.posseg.POSTokenizer(tokenizer())
    pos.word_tag_tab.update(_user_tags())
    pos.makesure_userdict_loaded = lambda: None
    return pos


def _user_tags() -> dict[str, str]:
    """word -> tag for the user-dictionary lines written 'word [freq] tag'."""
    userdict = paths.DICT_DIR / "userdict.txt"
    lines = userdict.read_text(encoding="utf-8").splitlines() if userdict.exists() else []
    parts = [line.split() for line in lines if line.strip() and not line.startswith("#")]
    return {p[0]: p[-1] for p in parts if len(p) > 1 and p[-1].isalpha()}


@lru_cache(maxsize=100_000)
def pos_cut(sentence: str) -> tuple[tuple[str, str], ...]:
    """(word, tag) pairs of one sentence, cached: facts, entities and keywords all tag the same
    sentences, and jieba's HMM tagging is the pipeline's most expensive step."""
    return tuple((w.word, w.flag) for w in pos_tokenizer().cut(sentence))


def pos_cut_text(body: str) -> list[tuple[str, str]]:
    """(word, tag) pairs of a whole text, tagged sentence by sentence through the cache."""
    return [pair for sent in split_sentences(body) for pair in pos_cut(sent.text)]
