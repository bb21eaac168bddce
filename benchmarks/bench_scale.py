"""Scaling: cost at 1, 2 and 4 times a corpus, the process pool (--jobs 2 vs 1), peak memory.

    .venv/bin/python benchmarks/bench_scale.py [BASE_DOCUMENTS]

The corpus is BASE_DOCUMENTS (default 100) unique variants of data/raw and ../shared/corpus/dev,
written into a tmp folder. Every configuration runs in a fresh child process (so peak memory is its
own): ``pipeline.run()`` end to end (read, extract, corpus step, write the build), cache off, timed
after a warm-up build of one document, so tokenizer start-up is not counted but pool start-up is.
Peak memory is ru_maxrss of the child, and of its own children (pool workers) for --jobs 2.
Linear means seconds per document stays flat from 1x to 4x.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench_incremental import sources, write_corpus  # noqa: E402


def child(raw: Path, out: Path, jobs: int) -> None:
    """One measured configuration; prints a JSON line."""
    from lib import pipeline

    first = sorted(raw.iterdir())[0]
    pipeline.run([first], out / "warm-up", cache=False, jobs=1)
    if jobs > 1:
        pipeline.POOL_MIN_DOCUMENTS = 1  # measure the pool itself, whatever the corpus size
    t0 = time.perf_counter()
    result = pipeline.run([raw], out / "store", cache=False, jobs=jobs)
    seconds = time.perf_counter() - t0
    print(
        json.dumps(
            {
                "seconds": seconds,
                "documents": result.files,
                "articles": len(result.tables["articles"]),
                "facts": len(result.tables["facts"]),
                # ru_maxrss is in KiB on Linux
                "self_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                "children_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
            }
        )
    )


def measure(raw: Path, out: Path, jobs: int) -> dict:
    cmd = [sys.executable, __file__, "--child", str(raw), str(out), str(jobs)]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    base = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    texts = sources()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for factor in (1, 2, 4):
            raw = tmp / f"raw{factor}"
            write_corpus(raw, base * factor, texts)
            rows.append((f"{factor}x, --jobs 1", measure(raw, tmp / f"out{factor}", 1)))
        rows.append(("4x, --jobs 2", measure(tmp / "raw4", tmp / "out4p", 2)))
    ref = rows[0][1]["seconds"] / rows[0][1]["documents"]
    print("| run | documents | articles | facts | seconds | s/doc vs 1x | peak MB (process / workers) |")
    print("|---|---|---|---|---|---|---|")
    for name, r in rows:
        per_doc = r["seconds"] / r["documents"]
        print(
            f"| {name} | {r['documents']} | {r['articles']} | {r['facts']} | {r['seconds']:.1f} "
            f"| {per_doc / ref:.2f} | {r['self_mb']:.0f} / {r['children_mb']:.0f} |"
        )
    one, two = rows[2][1]["seconds"], rows[3][1]["seconds"]
    print(f"pool: --jobs 2 takes {two / one:.2f} of --jobs 1 on the 4x corpus ({one / two:.2f}x faster)")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4]))
    else:
        main()
