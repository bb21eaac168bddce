"""Throughput: the whole pipeline versus jieba's own segmentation on the same text.

    [RDD_TOKENIZER=jieba|jieba-nohmm|rjieba] .venv/bin/python benchmarks/bench_pipeline.py [MEGABYTES]

Builds a corpus of several megabytes by repeating the seed page and the dev articles (each copy
made unique, down to every sentence, so neither deduplication nor caches shortcut it), then times (a) jieba.lcut over all of it and (b) the
pipeline's pure part (layout, regions, facts and every registered extractor). Run on demand;
the figures go in the README.
"""

from __future__ import annotations

import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import jieba  # noqa: E402

from lib import paths, pipeline, text  # noqa: E402
from lib.ingest import reader


def corpus(megabytes: float) -> list:
    files = sorted(paths.RAW_DIR.glob("*.txt")) + sorted(paths.DEV_CORPUS_DIR.glob("*.txt"))
    docs = [reader.read_document(f) for f in files]
    out, size, i = [], 0, 0
    while size < megabytes * 1_000_000:
        d = docs[i % len(docs)]
        # A tag after every sentence end makes each copy's sentences unique, so no cache can
        # reuse work across copies: the timing is that of distinct text.
        unique = d.text.replace("。", f"。Q{i}x ")
        out.append(
            replace(d, text=unique, content_hash=f"{d.content_hash}-{i}", input_file=f"{d.input_file}#{i}")
        )
        size += len(d.text.encode())
        i += 1
    return out


def main() -> None:
    mb = float(sys.argv[1]) if len(sys.argv) > 1 else 3.0
    docs = corpus(mb)
    size = sum(len(d.text.encode()) for d in docs) / 1e6
    # The reference is plain jieba.lcut whatever RDD_TOKENIZER picks, so ratios compare backends.
    jieba.setLogLevel(60)
    jieba.initialize()
    pipeline.build(docs[:2], cache=False)  # warm caches (gazetteer, tokenizer dictionaries)
    t0 = time.perf_counter()
    for d in docs:
        jieba.lcut(d.text)
    t_jieba = time.perf_counter() - t0
    t0 = time.perf_counter()
    result = pipeline.build(docs, jobs=1, cache=False)  # one core, every document computed
    t_pipe = time.perf_counter() - t0
    counts = ", ".join(f"{len(v)} {k}" for k, v in result.tables.items())
    print(f"tokenizer: {text.backend_name()}")
    print(f"corpus: {len(docs)} documents, {size:.1f} MB -> {counts}")
    print(f"jieba.lcut: {t_jieba:.2f} s ({size / t_jieba:.2f} MB/s)")
    print(f"pipeline:   {t_pipe:.2f} s ({size / t_pipe:.2f} MB/s), {t_pipe / t_jieba:.1f}x jieba")


if __name__ == "__main__":
    main()
