"""Cost of one very long line: 20,000, 50,000 and 200,000 characters with no sentence end.

    .venv/bin/python benchmarks/bench_long_line.py [SIZE ...]

The line is the seed article's real sentences (data/raw/*.txt) repeated up to SIZE characters, every
。！？；…!?; replaced by ，Q<k>x (k unique, so no cache shortcuts the work): one "sentence" for the
splitter, the worst case of an upload. Times ``pipeline.process_document`` on it (every extractor, keywords included) after a warm-up document, so
tokenizer start-up is not counted, and prints each size's seconds and its ratio to the first size:
linear means the ratio of times follows the ratio of sizes (20k -> 200k about 10x). Then the same for
the tokenizer alone (``text.tag`` on one string of Han characters only, no punctuation at all), to show
the tagger is linear too. Run on demand, not a test.
"""

from __future__ import annotations

import re
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lib import paths, pipeline, text  # noqa: E402
from lib.ingest import reader  # noqa: E402

SIZES = (20_000, 50_000, 200_000)


def long_document(size: int):
    """A document whose body is one line of ``size`` characters made of real, comma-joined clauses."""
    source = sorted(paths.RAW_DIR.glob("*.txt"))[0]
    doc = reader.read_document(source)
    body = "".join(line for line in doc.text.splitlines() if len(line) > 40)
    copies = "".join(body for _ in range(size // len(body) + 1))
    # Each former sentence end becomes ，Q<k>x with k unique, so no two pieces of the line are the
    # same text and no cache (the tagger's, the scanners') can reuse work: the timing is of new text.
    counter = iter(range(10**9))
    line = re.sub(r"[。！？；;!?…]+", lambda m: f"，Q{next(counter)}x", copies)[:size]
    return replace(
        doc, text=f"长句测试\n{line}。\n", content_hash=f"long-{size}", input_file=f"long-{size}.txt"
    )


def timed(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def report(label: str, sizes: tuple[int, ...], seconds: list[float]) -> None:
    print(label)
    for size, s in zip(sizes, seconds, strict=True):
        print(f"  {size:>8,} chars  {s:7.2f} s  x{s / seconds[0]:5.1f} time for x{size / sizes[0]:4.1f} size")


def main(sizes: tuple[int, ...]) -> None:
    pipeline.process_document(long_document(300))  # warm-up: dictionaries and tagger tables
    facts = {}

    def run(size: int) -> None:
        facts[size] = len(pipeline.process_document(long_document(size))["tables"]["facts"])

    report("process_document on one line:", sizes, [timed(lambda n=n: run(n)) for n in sizes])
    print("  facts:", ", ".join(f"{n:,}: {facts[n]}" for n in sizes))
    han = re.sub(r"[^\u4e00-\u9fa5]", "", long_document(max(sizes) + 100_000).text)
    report(
        f"text.tag ({text.backend_name()}) on one unpunctuated Han string:",
        sizes,
        [timed(lambda n=n: text.tag(han[:n])) for n in sizes],
    )


if __name__ == "__main__":
    main(tuple(int(a) for a in sys.argv[1:]) or SIZES)
