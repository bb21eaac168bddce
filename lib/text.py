"""Text helpers shared by every stage: width folding and sentence splitting, offsets preserved.

The tokenizer is reached only through this module: ``cut``, ``tag`` (cached as ``pos_cut``),
``has_word``, ``add_word`` and ``idf``. No other module imports jieba or touches its internals,
so the backend can change here alone. Every dictionary and table is loaded once per process, lazily.
"""

from __future__ import annotations

import bisect
import importlib.util
import logging
import os
import pickle
import re
from collections import OrderedDict
from dataclasses import dataclass
from functools import cache, lru_cache
from operator import itemgetter
from pathlib import Path

from lib import paths

# Full-width ASCII (U+FF01..U+FF5E) maps one-to-one onto ASCII, and the ideographic space onto
# a space, so folded text has exactly the offsets of the text shown to users.
_WIDTH_TABLE = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_WIDTH_TABLE[0x3000] = 0x20


_WIDE = re.compile("[\uff01-\uff5e\u3000]")
_WIDE_TO_ASCII = {chr(k): chr(v) for k, v in _WIDTH_TABLE.items()}


def fold_width(text: str) -> str:
    """Full-width digits, letters and punctuation as ASCII; same length, same offsets."""
    # str.translate looks every character up (about 0.1 µs each); Chinese text holds a few distinct
    # full-width marks (，（）：；％), so replacing those few is three to six times faster.
    wide = set(_WIDE.findall(text))
    if len(wide) > 8:
        return text.translate(_WIDTH_TABLE)
    for ch in wide:
        text = text.replace(ch, _WIDE_TO_ASCII[ch])
    return text


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int  # offset in the text it was split from
    end: int


# A sentence ends at 。！？ (optionally followed by closing quotes/brackets) or a line break;
# with clause_breaks, also at ；. Ellipses …… end a sentence too.
# An ASCII ? between a number and its % is a character the crawl lost (下降3.8?%), no question mark.
_SENT_END = re.compile(r"(?:[。！？!]|\?(?![%％‰])|…{2,})+[”’」』）)】]*|\n+")
_CLAUSE_END = re.compile(r"(?:[。！？!；;]|\?(?![%％‰])|…{2,})+[”’」』）)】]*|\n+")


# The longest real sentence of the corpora is about 250 characters. A longer run without 。 (an upload
# can be one 200,000-character line) is cut into pieces of at most this many characters, at a clause
# break where there is one: every extractor reads a sentence once per figure it holds, so without
# the cut the cost grows with the square of the line's length.
MAX_SENTENCE = 1000
_PIECE_BREAK = re.compile(r"[，,；;、：:\s]")


def split_sentences(text: str, clause_breaks: bool = True) -> list[Sentence]:
    """Split into sentences with offsets; whitespace-only pieces are dropped; none is longer than
    ``MAX_SENTENCE`` (see ``long_pieces``). Each caller gets its own list."""
    return list(_split_cached(text, clause_breaks))


# Facts, events, links, entities and keywords each split the same article: split it once. An
# article is split two ways (with and without clause breaks), so four entries hold it and the next.
@lru_cache(maxsize=4)
def _split_cached(text: str, clause_breaks: bool) -> tuple[Sentence, ...]:
    return tuple(_split(text, clause_breaks))


def _split(text: str, clause_breaks: bool) -> list[Sentence]:
    out: list[Sentence] = []
    pos = 0
    for m in (_CLAUSE_END if clause_breaks else _SENT_END).finditer(text):
        end = m.end() if not m.group().startswith("\n") else m.start()
        _append(out, text, pos, end)
        pos = m.end()
    _append(out, text, pos, len(text))
    return out


def long_pieces(text: str, start: int, end: int, limit: int = MAX_SENTENCE) -> list[tuple[int, int]]:
    """``text[start:end]`` as consecutive spans of at most ``limit`` characters, each ending just after
    the last clause break (，；、： or a space) of its window, or at ``limit`` when the window has none.
    A span that already fits is returned whole, so real sentences are never cut."""
    spans: list[tuple[int, int]] = []
    while end - start > limit:
        cut = start + limit
        # Search the second half of the window only, so no piece is shorter than limit / 2.
        breaks = [m.end() for m in _PIECE_BREAK.finditer(text, start + limit // 2, cut)]
        cut = breaks[-1] if breaks else cut
        spans.append((start, cut))
        start = cut
    spans.append((start, end))
    return spans


def _append(out: list[Sentence], text: str, start: int, end: int) -> None:
    for a, b in long_pieces(text, start, end) if end - start > MAX_SENTENCE else ((start, end),):
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append(Sentence(text[a:b], a, b))


def sentence_at(text: str, offset: int) -> Sentence | None:
    """The sentence (clause breaks on) holding ``offset``, None between sentences."""
    sentences, starts = _sentence_index(text)
    i = bisect.bisect_right(starts, offset) - 1
    return sentences[i] if i >= 0 and offset < sentences[i].end else None


# Asked once per entity of an article: split the article once, then bisect.
@lru_cache(maxsize=8)
def _sentence_index(text: str) -> tuple[tuple[Sentence, ...], list[int]]:
    sentences = tuple(split_sentences(text))
    return sentences, [s.start for s in sentences]


# --- the tokenizer -----------------------------------------------------------------------------
# One setting picks the backend, read once per process: RDD_TOKENIZER=jieba (jieba's posseg with
# its HMM for unknown words), jieba-nohmm (the same, dictionary words only) or rjieba (jieba-rs,
# the Rust port, through its Python binding). See README "### Tokenizer choice" for the figures.
TOKENIZER_BACKENDS = ("jieba", "jieba-nohmm", "rjieba")
DEFAULT_TOKENIZER = "rjieba"


@lru_cache(maxsize=1)
def backend_name() -> str:
    """The backend this process uses: RDD_TOKENIZER, else DEFAULT_TOKENIZER."""
    name = os.environ.get("RDD_TOKENIZER", "").strip().lower() or DEFAULT_TOKENIZER
    if name not in TOKENIZER_BACKENDS:
        raise ValueError(f"RDD_TOKENIZER={name!r}: expected one of {', '.join(TOKENIZER_BACKENDS)}")
    return name


class _Jieba:
    """jieba.Tokenizer + posseg.POSTokenizer, optionally without the HMM for unknown words."""

    def __init__(self, hmm: bool) -> None:
        self.hmm = hmm
        self.tok = _jieba_tokenizer()
        self.pos = pos_tokenizer()

    def cut(self, sentence: str) -> list[str]:
        return self.tok.lcut(sentence, HMM=self.hmm)

    def tag(self, sentence: str) -> tuple[tuple[str, str], ...]:
        return tuple((w.word, w.flag) for w in self.pos.cut(sentence, HMM=self.hmm))

    def has_word(self, word: str) -> bool:
        return bool(self.tok.FREQ.get(word))  # jieba keeps every prefix with frequency 0

    def add_word(self, word: str, freq: int | None, tag: str | None) -> None:
        self.tok.add_word(word, freq, tag)
        if tag:
            self.pos.word_tag_tab[word] = tag


class _RJieba:
    """jieba-rs: jieba's default dictionary and algorithm (DAG + HMM), with the domain dictionary."""

    def __init__(self) -> None:
        import rjieba

        self.tok = rjieba.Jieba()
        # jieba-rs keeps a word's old tag when add_word re-adds a word its dictionary already has
        # (人工智能 stays 'n'), so tags the project gives win here, as jieba's word_tag_tab does.
        self.tags: dict[str, str] = {}
        for word, freq, tag in _user_entries():
            # freq None: jieba-rs suggests one high enough to keep the word whole, as
            # jieba's load_userdict does (suggest_freq).
            self.add_word(word, freq, tag)

    def cut(self, sentence: str) -> list[str]:
        return self.tok.cut(sentence, True)

    def tag(self, sentence: str) -> tuple[tuple[str, str], ...]:
        pairs = self.tok.tag(sentence, True)
        tags = self.tags
        if tags.keys().isdisjoint(map(itemgetter(0), pairs)):
            return tuple(pairs)  # most sentences: no word whose tag the project overrides
        return tuple((w, tags.get(w, t)) for w, t in pairs)

    def has_word(self, word: str) -> bool:
        return self.tok.has_word(word)

    def add_word(self, word: str, freq: int | None, tag: str | None) -> None:
        self.tok.add_word(word, freq, tag)
        if tag:
            self.tags[word] = tag


def backend(name: str | None = None) -> _Jieba | _RJieba:
    """The tokenizer backend ``name`` (default: ``backend_name()``), built once per process."""
    return _backend(name or backend_name())


@cache
def _backend(name: str) -> _Jieba | _RJieba:
    if name == "rjieba":
        return _RJieba()
    if name in ("jieba", "jieba-nohmm"):
        return _Jieba(hmm=name == "jieba")
    raise ValueError(f"unknown tokenizer backend {name!r}: expected one of {', '.join(TOKENIZER_BACKENDS)}")


def tokenizer() -> _Jieba | _RJieba:
    """This process's tokenizer backend (``cut``, ``tag``, ``has_word``, ``add_word``)."""
    return _backend(backend_name())  # backend() itself, one call less: asked for every dictionary look-up


@lru_cache(maxsize=1)
def _jieba_tokenizer():
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


def _user_entries() -> list[tuple[str, int | None, str | None]]:
    """(word, freq or None, tag or None) of data/dict/userdict.txt lines 'word [freq] [tag]'."""
    userdict = paths.DICT_DIR / "userdict.txt"
    lines = userdict.read_text(encoding="utf-8").splitlines() if userdict.exists() else []
    out: list[tuple[str, int | None, str | None]] = []
    for line in lines:
        parts = line.split()
        if not parts or line.startswith("#"):
            continue
        rest = parts[1:]
        freq = int(rest.pop(0)) if rest and rest[0].isdigit() else None
        out.append((parts[0], freq, rest[0] if rest else None))
    return out


@lru_cache(maxsize=1)
def domain_words() -> frozenset[str]:
    """Words of the domain dictionary (data/dict/userdict.txt): general vocabulary, never a name."""
    return frozenset(word for word, _, _ in _user_entries())


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
    """A jieba POSTokenizer over the jieba tokenizer with the domain dictionary's tags (新质生产力/nz).

    jieba hands the user dictionary's tags to the first POSTokenizer that cuts and then clears them,
    so a second instance would tag domain words 'x'. This one reads the tags from the file and
    leaves jieba's copy in place for any other instance.
    """
    import jieba.posseg

    pos = jieba.posseg.POSTokenizer(_jieba_tokenizer())
    pos.word_tag_tab.update({word: tag for word, _, tag in _user_entries() if tag})
    pos.makesure_userdict_loaded = lambda: None
    return pos


# The tag cache is bounded by the characters it holds, not only by entries: a corpus of long
# sentences (a 200,000-character line without 。) must not grow it without bound.
POS_CACHE_MAX_CHARS = 20_000_000
_pos_cache: OrderedDict[str, tuple[tuple[str, str], ...]] = OrderedDict()
_pos_cache_chars = 0


def pos_cut(sentence: str) -> tuple[tuple[str, str], ...]:
    """(word, tag) pairs of one sentence, cached: facts, entities and keywords all tag the same
    sentences, and tagging is the pipeline's most expensive step."""
    global _pos_cache_chars
    hit = _pos_cache.get(sentence)
    if hit is not None:
        _pos_cache.move_to_end(sentence)
        return hit
    pairs = tokenizer().tag(sentence)
    if len(sentence) <= POS_CACHE_MAX_CHARS:
        _pos_cache[sentence] = pairs
        _pos_cache_chars += len(sentence)
        while _pos_cache_chars > POS_CACHE_MAX_CHARS:  # least recently used first
            old, _ = _pos_cache.popitem(last=False)
            _pos_cache_chars -= len(old)
    return pairs


def pos_cache_info() -> tuple[int, int]:
    """(sentences, characters) the tag cache holds now."""
    return len(_pos_cache), _pos_cache_chars


def pos_cache_clear() -> None:
    global _pos_cache_chars
    _pos_cache.clear()
    _pos_cache_chars = 0


def tag(sentence: str) -> list[tuple[str, str]]:
    """(word, part-of-speech) pairs of one sentence, the domain dictionary's words whole with their tag."""
    return list(pos_cut(sentence))


def cut(sentence: str) -> list[str]:
    """The words of one sentence (no tags), with the domain dictionary."""
    return tokenizer().cut(sentence)


def has_word(word: str) -> bool:
    """Whether the dictionary (the backend's and the domain one) knows the word; prefixes do not count."""
    return tokenizer().has_word(word)


def add_word(word: str, freq: int | None = None, tag: str | None = None) -> None:
    """Add a word to this process's dictionary; with a tag, ``tag`` reports it. Clears the tag cache."""
    tokenizer().add_word(word, freq, tag)
    pos_cache_clear()


# Found by path, not importlib.resources.files("jieba.analyse"): importing jieba.analyse builds a
# default TF-IDF that parses the whole table (about 1.5 s here) before ours is even read.
_IDF_SOURCE = Path(importlib.util.find_spec("jieba").origin).parent / "analyse" / "idf.txt"


@lru_cache(maxsize=1)
def idf() -> tuple[dict[str, float], float]:
    """(word -> IDF, median IDF) of jieba's bundled table, read once: keywords' TF-IDF.

    Parsing the 270,000-line text costs more than unpickling a copy, so the parsed table is kept
    under paths.CACHE_DIR, keyed by the source file's size and modification time.
    """
    st = _IDF_SOURCE.stat()
    cached = paths.CACHE_DIR / f"idf-{st.st_size}-{st.st_mtime_ns}.pickle"
    try:
        with cached.open("rb") as f:
            return pickle.load(f)
    except (OSError, pickle.UnpicklingError, EOFError, ValueError):
        pass  # absent or damaged: parse the text again
    result = _parse_idf(_IDF_SOURCE.read_text(encoding="utf-8"))
    try:
        paths.CACHE_DIR.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(f".{os.getpid()}.tmp")  # workers may write at once: rename is atomic
        tmp.write_bytes(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(tmp, cached)
    except OSError:
        pass  # a read-only cache only costs the parse next time
    return result


def _parse_idf(raw: str) -> tuple[dict[str, float], float]:
    """'word idf' lines -> (table, median); other lines are skipped."""
    table: dict[str, float] = {}
    for line in raw.splitlines():
        parts = line.split()
        if len(parts) == 2:
            table[parts[0]] = float(parts[1])
    values = sorted(table.values())
    return table, values[len(values) // 2] if values else 0.0


# jieba.analyse's KeywordExtractor.STOP_WORDS, copied: importing jieba.analyse builds a default
# TFIDF that reads the IDF table a second time.
_JIEBA_TFIDF_STOP = frozenset(
    "the of is and to in that we for an are by be as on with can if from which you it "
    "this then at have all not one has or".split()
)


@lru_cache(maxsize=1)
def tfidf_stopwords() -> frozenset[str]:
    """Words TF-IDF never counts: jieba's own (English function words) and data/dict/stopwords.txt."""
    return _JIEBA_TFIDF_STOP | stopwords()


def pos_cut_text(body: str) -> list[tuple[str, str]]:
    """(word, tag) pairs of a whole text, tagged sentence by sentence through the cache."""
    return [pair for sent in split_sentences(body) for pair in pos_cut(sent.text)]
