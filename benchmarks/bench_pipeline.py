"""Throughput: the whole pipeline versus jieba's own segmentation on the same text.

    [RDD_TOKENIZER=jieba|jieba-nohmm|rjieba] .venv/bin/python benchmarks/bench_pipeline.py [MEGABYTES] [--jobs N] [--cli]

Builds a corpus of several megabytes by repeating the seed page and the dev articles (each copy
made unique, down to every sentence, so neither deduplication nor caches shortcut it), then times (a) jieba.lcut over all of it and (b) the
pipeline's pure part (layout, regions, facts and every registered extractor) in ``build()`` with the
cache off: one process by default, ``--jobs N`` processes (0: every core, the CLI's default). ``--cli``
also writes the corpus to a temporary folder and times ``python -m lib.pipeline`` over it as a user runs
a full rebuild (``--no-cache``, default ``--jobs``, reading files and writing Parquet included). Each
timing is wall-clock, next to jieba's in the same run; ``--repeat N`` alternates N timings of both and
prints the ranges and medians of the ratios (CPU seconds too, for one process: a shared machine's load
swings wall-clock times by half). Run on demand; the figures go in the README.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import jieba  # noqa: E402

from lib import paths, pipeline, text  # noqa: E402
from lib.ingest import reader  # noqa: E402


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


def write_corpus(docs: list, folder: Path) -> None:
    """The documents as files a user would give the CLI, each with its source file's sidecar if it has one."""
    for i, d in enumerate(docs):
        source = ROOT / d.input_file.split("#")[0]
        (folder / f"{i:04d}.txt").write_text(d.text, encoding="utf-8")
        sidecar = source.with_name(source.name.removesuffix(".txt") + reader.SIDECAR_SUFFIX)
        if sidecar.exists():
            (folder / f"{i:04d}{reader.SIDECAR_SUFFIX}").write_bytes(sidecar.read_bytes())


def time_cli(docs: list) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        raw, out = Path(tmp, "raw"), Path(tmp, "out")
        raw.mkdir()
        write_corpus(docs, raw)
        t0 = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "lib.pipeline", str(raw), "--out", str(out), "--no-cache"],
            cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        return time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("megabytes", type=float, nargs="?", default=3.0)
    parser.add_argument("--jobs", type=int, default=1, help="build() processes (0: every core)")
    parser.add_argument("--cli", action="store_true", help="also time python -m lib.pipeline over the corpus")
    parser.add_argument(
        "--repeat", type=int, default=1, metavar="N", help="time jieba and build() N times, alternating (median)"
    )
    args = parser.parse_args()
    docs = corpus(args.megabytes)
    size = sum(len(d.text.encode()) for d in docs) / 1e6
    # The reference is plain jieba.lcut whatever RDD_TOKENIZER picks, so ratios compare backends.
    jieba.setLogLevel(60)
    jieba.initialize()
    pipeline.build(docs[:2], cache=False)  # warm caches (gazetteer, tokenizer dictionaries)
    jobs = args.jobs or None
    workers = pipeline.worker_count(jobs, len(docs))
    runs = []
    for _ in range(args.repeat):  # alternating, so a neighbour's load falls on both alike
        t0, c0 = time.perf_counter(), time.process_time()
        for d in docs:
            jieba.lcut(d.text)
        t_jieba, c_jieba = time.perf_counter() - t0, time.process_time() - c0
        t0, c0 = time.perf_counter(), time.process_time()
        result = pipeline.build(docs, jobs=jobs, cache=False)  # every document computed
        t_pipe, c_pipe = time.perf_counter() - t0, time.process_time() - c0
        runs.append((t_pipe / t_jieba, c_pipe / c_jieba))
    if args.repeat > 1:
        wall, cpu = (sorted(r[k] for r in runs) for k in (0, 1))
        text_cpu = f"; CPU {cpu[0]:.2f}-{cpu[-1]:.2f}, median {statistics.median(cpu):.2f}" if workers == 1 else ""
        print(f"{args.repeat} runs, build() / jieba.lcut: wall {wall[0]:.2f}-{wall[-1]:.2f}, median {statistics.median(wall):.2f}{text_cpu}")
    counts = ", ".join(f"{len(v)} {k}" for k, v in result.tables.items())
    print(f"tokenizer: {text.backend_name()}")
    print(f"corpus: {len(docs)} documents, {size:.1f} MB -> {counts}")
    print(f"jieba.lcut: {t_jieba:.2f} s ({size / t_jieba:.2f} MB/s), CPU {c_jieba:.2f} s")
    line = f"build(), {workers} process{'es' if workers > 1 else ''}: {t_pipe:.2f} s, {t_pipe / t_jieba:.2f}x jieba"
    # CPU seconds say the same on a busy machine; a pool's work is in its workers, so only one process has them.
    print(line + (f"; CPU {c_pipe:.2f} s, {c_pipe / c_jieba:.2f}x jieba's" if workers == 1 else ""))
    if args.cli:
        t_cli = time_cli(docs)
        print(f"CLI full rebuild (--no-cache, default --jobs): {t_cli:.2f} s, {t_cli / t_jieba:.2f}x jieba")


if __name__ == "__main__":
    main()
