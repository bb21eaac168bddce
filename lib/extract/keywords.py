"""Keywords: the distinctive terms of each article and of each region (its articles' text together).

TF-IDF with jieba's bundled IDF table (``text.idf()``) runs over the project tokenizer, so the domain dictionary
keeps 新质生产力 or 双向飞地 whole. Only noun-like parts of speech count; stopwords
(``data/dict/stopwords.txt``), numbers and dates, Latin noise, single characters, people's names,
the byline and the scope's own region name are dropped. Weights are scaled so the top term of a
scope is 1.0; ties are broken by the term, so the same input always gives the same rows. A region's terms are
also weighted by how few of the corpus's regions use them (an IDF over regions), so the vocabulary every
statistical communiqué shares (增加值, 零售额) gives way to what sets the region apart (京津冀).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache

from lib import text
from lib.extract import regions
from lib.model import Article

TOP_N = 15


# Noun-like tags only: verbs and adjectives of news prose (推动, 积极) are never distinctive terms,
# and person names (nr) belong to the entities table.
_ALLOW_POS = ("n", "nz", "nt", "ns", "vn", "l", "j", "eng")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9]{1,9}")  # GDP, FDI, G60; not 'P', 'x86', 'http'
_NUMBERISH = re.compile(r"[0-9０-９]|^[一二三四五六七八九十百千万亿两几数多半]|[年月日号时]$")
# 华商报, 科技日报: who wrote the article, not what it is about.
_OUTLET = re.compile(r".{1,6}(?:日报|晚报|晨报|商报|时报|新闻|报社|电视台)$")


def is_term(word: str, excluded: frozenset[str] = frozenset()) -> bool:
    """A keyword candidate: two or more characters, no number or date, Chinese or an acronym."""
    if len(word) < 2 or word in excluded or word in text.stopwords():
        return False
    if _CJK.search(word):
        return not _NUMBERISH.search(word) and not _OUTLET.fullmatch(word)
    return bool(_ACRONYM.fullmatch(word))


def _own_names(region: str) -> set[str]:
    """The scope's own region in every spelling: it is what the scope is, not what it is about."""
    r = regions.lookup(region) if region else None
    if r is None:
        return {region} if region else set()
    names = {r.region, r.name}
    p = regions.lookup(r.province) if r.province else None
    return names | ({p.region, p.name} if p else set())


def _byline_words(bylines: list[str]) -> set[str]:
    """Reporters, outlets and 通讯员 as printed in bylines and source fields."""
    return {w for b in bylines for w in re.split(r"[\s　,，、/|]+", b) if w}


def _counts(body: str) -> Counter:
    """Allowed-tag words of a text and how often they occur (jieba's TF-IDF counting rules)."""
    return Counter(dict(_counted(body)))


# The article's keywords and its region input both count the same body: count it once.
@lru_cache(maxsize=4)
def _counted(body: str) -> tuple[tuple[str, int], ...]:
    stop = text.tfidf_stopwords()
    counts = Counter(
        word
        for word, flag in text.pos_cut_text(body)
        if flag in _ALLOW_POS and len(word.strip()) >= 2 and word.lower() not in stop
    )
    return tuple(counts.items())


def top_terms(body: str, excluded: frozenset[str], n: int = TOP_N) -> list[tuple[str, float]]:
    """(term, weight) for the n most distinctive terms of body, weight scaled to 0..1."""
    return _rank(_counts(body), excluded, n)


def _rank(
    counts: Counter, excluded: frozenset[str], n: int, spread: dict[str, float] | None = None
) -> list[tuple[str, float]]:
    """TF-IDF as jieba's extract_tags computes it, from counts the cache already holds; ``spread`` (for
    regions) further weights each term by how few of the corpus's regions use it."""
    idf, median = text.idf()
    total = sum(counts.values())
    spread = spread or {}
    scores = {
        word: c * idf.get(word, median) / total * spread.get(word, 1.0)
        for word, c in counts.items()
        if is_term(word, excluded)
    }
    if not scores:
        return []
    top = max(scores.values())
    ranked = sorted(((round(w / top, 6), t) for t, w in scores.items()), key=lambda x: (-x[0], x[1]))
    return [(t, w) for w, t in ranked[:n]]


def _rows(scope: str, scope_id: str, terms: list[tuple[str, float]]) -> list[dict]:
    return [
        {"scope": scope, "scope_id": scope_id, "term": t, "weight": w, "rank": i}
        for i, (t, w) in enumerate(terms, start=1)
    ]


def _body(a: Article) -> str:
    return f"{a.title}\n{a.text}" if a.title else a.text


def extract_article(article: Article) -> list[dict]:
    excluded = frozenset(_own_names(article.region) | _byline_words([article.byline, article.source]))
    return _rows("article", article.article_id, top_terms(_body(article), excluded))


def region_input(article: Article) -> dict:
    """What the region keywords need of one article, as plain data: the per-document step computes it
    once and the cache keeps it, so a rebuild ranks regions without re-tagging unchanged articles."""
    return {
        "region": article.region,
        "bylines": [article.byline, article.source],
        "counts": dict(_counts(_body(article))),
    }


def extract_regions(inputs: list[dict]) -> list[dict]:
    """Region rows, regions by name, from ``region_input`` of every article (the articles' text together)."""
    rows = []
    by_region: dict[str, Counter] = {}
    for i in inputs:
        if i["region"]:
            # in place: summing Counters copies the total once per article
            by_region.setdefault(i["region"], Counter()).update(i["counts"])
    spread = _region_spread(by_region)
    for region in sorted(by_region):
        mine = [i for i in inputs if i["region"] == region]
        excluded = frozenset(_own_names(region) | _byline_words([b for i in mine for b in i["bylines"]]))
        rows += _rows("region", region, _rank(by_region[region], excluded, TOP_N, spread))
    return rows


def _region_spread(by_region: dict[str, Counter]) -> dict[str, float]:
    """A region's keywords are what sets it apart from the other regions: a term every region uses (增加值,
    零售额 in every statistical communiqué) weighs less than one only this region uses (京津冀). An IDF over
    regions, log(1 + R / regions using the term), scaled so a term of one region keeps weight 1."""
    n = len(by_region)
    if n < 2:
        return {}
    used: Counter = Counter()
    for counts in by_region.values():
        used.update(counts.keys())
    top = math.log(1 + n)
    return {term: math.log(1 + n / k) / top for term, k in used.items()}


def extract_region(region: str, articles: list[Article]) -> list[dict]:
    return extract_regions([region_input(a) for a in articles if a.region == region])


def extract_corpus(articles: list[Article]) -> list[dict]:
    """Keyword rows (see ``lib.store.schema.COLUMNS['keywords']``): every article in input order, then every region by name."""
    rows = [r for a in articles for r in extract_article(a)]
    return rows + extract_regions([region_input(a) for a in articles])
