"""Incremental rebuild: adding one article to a store of about 1,000 costs about that article alone.

    .venv/bin/python benchmarks/bench_incremental.py [ARTICLES]

Writes ARTICLES (default 1000) unique variants of data/raw and ../shared/corpus/dev into a tmp
folder (every clause tagged with the copy number, so no cache or dedup shortcuts them), builds a
store once with the per-document cache in a tmp folder (warm), adds one new article and rebuilds.
Reference in the same run: ``run()`` on that one article alone, uncached, into a fresh store. Both are
end to end (read, hash, cache lookups, extraction, corpus step, writing the build). Target: the
incremental rebuild at most 1.5 times the article alone. Nothing is written outside the tmp folder.
The CLI runs are also given in CPU seconds (user + system of the child process): on a machine shared
with other jobs, wall time swings by a factor of two between runs, CPU time much less.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lib import paths, pipeline  # noqa: E402
from lib.ingest import reader  # noqa: E402

TARGET_RATIO = 1.5


def sources() -> list[str]:
    files = sorted(paths.RAW_DIR.glob("*.txt")) + sorted(paths.DEV_CORPUS_DIR.glob("*.txt"))
    return [reader.read_document(f).text for f in files]


def variant(text: str, i: int) -> str:
    """A copy whose every clause is new: the tokenizer caches tags per clause (text.pos_cut), so a tag
    after sentence ends only would let copies share most of their tagging."""
    for mark in "。，；：":
        text = text.replace(mark, f"{mark}Q{i}x ")
    return text


def write_corpus(folder: Path, count: int, texts: list[str]) -> None:
    folder.mkdir(parents=True)
    for i in range(count):
        (folder / f"{i:05d}.txt").write_text(variant(texts[i % len(texts)], i), encoding="utf-8")


def timed(fn) -> tuple[float, pipeline.Result]:
    t0 = time.perf_counter()
    result = fn()
    return time.perf_counter() - t0, result


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    texts = sources()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        os.environ["RDD_CACHE_DIR"] = str(tmp / "cache")
        raw = tmp / "raw"
        write_corpus(raw, count, texts)
        t_cold, cold = timed(lambda: pipeline.run([raw], tmp / "store"))
        print(f"cold build: {count} files, {len(cold.tables['articles'])} articles in {t_cold:.1f} s")

        # The new article: a variant of the dev article nearest the median length, seen by no build yet.
        new_text = variant(sorted(texts, key=len)[len(texts) // 2], count + 1)
        (raw / "new.txt").write_text(new_text, encoding="utf-8")
        t_incr, incr = timed(lambda: pipeline.run([raw], tmp / "store"))
        assert incr.processed == 1, f"expected one document processed, got {incr.processed}"

        alone = tmp / "alone"
        alone.mkdir()
        (alone / "new.txt").write_text(new_text, encoding="utf-8")
        pipeline.run([alone], tmp / "warm-up", cache=False)  # same process state for the reference
        # A text this process has not seen: the tokenizer keeps each clause's tags, so timing the
        # warm-up text again would measure those caches, not the article.
        (alone / "new.txt").write_text(variant(new_text, count + 3), encoding="utf-8")
        t_alone, _ = timed(lambda: pipeline.run([alone], tmp / "alone-store", cache=False))
        t_nothing, _ = timed(lambda: pipeline.run([raw], tmp / "store"))  # all cached: the fixed cost

        # The same as a user runs it (make data, the CLI): fresh processes, start-up included.
        (raw / "new2.txt").write_text(variant(new_text, count + 2), encoding="utf-8")
        (alone / "new.txt").write_text(variant(new_text, count + 2), encoding="utf-8")
        t_cli_incr, cpu_cli_incr = cli([str(raw), "--out", str(tmp / "store")])
        t_cli_alone, cpu_cli_alone = cli([str(alone), "--out", str(tmp / "alone-cli"), "--no-cache"])

    ratio = t_incr / t_alone
    verdict = "ok" if ratio <= TARGET_RATIO else f"over the {TARGET_RATIO}x target"
    print(f"rebuild, nothing new:        {t_nothing:.2f} s (reading, cache lookups, corpus step, writing)")
    print(f"rebuild, one article added:  {t_incr:.2f} s")
    print(f"that article alone:          {t_alone:.2f} s")
    print(f"ratio: {ratio:.2f}x ({verdict}); cold build / rebuild: {t_cold / t_incr:.0f}x")
    cli_ratio = t_cli_incr / t_cli_alone
    cli_verdict = "ok" if cli_ratio <= TARGET_RATIO else f"over the {TARGET_RATIO}x target"
    print(f"CLI, one article added to the store: {t_cli_incr:.2f} s; that article alone: {t_cli_alone:.2f} s")
    print(f"CLI ratio: {cli_ratio:.2f}x ({cli_verdict})")
    cpu_ratio = cpu_cli_incr / cpu_cli_alone
    print(f"CLI CPU: one article added {cpu_cli_incr:.2f} s; alone {cpu_cli_alone:.2f} s; ratio {cpu_ratio:.2f}x")


def cli(args: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one CLI run in a fresh process."""
    root = Path(__file__).resolve().parent.parent
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "lib.pipeline", *args], cwd=root, check=True, capture_output=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


if __name__ == "__main__":
    main()
