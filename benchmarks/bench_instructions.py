"""Instructions, not seconds: the pipeline versus jieba.lcut counted by valgrind's cachegrind, which no
neighbour's load can skew (the 2-core machine is shared, and its wall-clock and CPU times swing by half).

    .venv/bin/python benchmarks/bench_instructions.py [MEGABYTES]   (default 0.2; about 5 minutes)

Runs this script's ``--step`` under cachegrind four times: warm-up only (imports, dictionaries, the first
two documents), warm-up + build() over the bench_pipeline corpus in one process, and the same two for
jieba (warm-up + jieba.initialize, then + jieba.lcut over the same text). Each figure is the difference of
two runs, so start-up is left out of both. Needs valgrind; run on demand, the figures go in the README.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def step(name: str, megabytes: float) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import bench_pipeline

    from lib import pipeline

    docs = bench_pipeline.corpus(megabytes)
    pipeline.build(docs[:2], cache=False)
    if name == "build":
        pipeline.build(docs, jobs=1, cache=False)
    elif name.startswith("jieba"):
        import jieba

        jieba.setLogLevel(60)
        jieba.initialize()
        if name == "jieba-lcut":
            for d in docs:
                jieba.lcut(d.text)


def instructions(name: str, megabytes: float) -> int:
    cmd = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null"]
    cmd += [sys.executable, __file__, "--step", name, str(megabytes)]
    out = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=True).stderr
    return int(re.search(r"I\s+refs:\s+([\d,]+)", out).group(1).replace(",", ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("megabytes", type=float, nargs="?", default=0.2)
    parser.add_argument("--step", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.step:
        return step(args.step, args.megabytes)
    if not shutil.which("valgrind"):
        print("valgrind is not installed: nothing measured")  # not an error: make bench runs every script
        return None
    # Once outside valgrind first: a fresh checkout writes its IDF cache on the first run, which would
    # count in whichever measured run came first.
    subprocess.run([sys.executable, __file__, "--step", "warm", str(args.megabytes)], cwd=ROOT, check=True)
    n = {s: instructions(s, args.megabytes) for s in ("warm", "build", "jieba-warm", "jieba-lcut")}
    build, lcut = n["build"] - n["warm"], n["jieba-lcut"] - n["jieba-warm"]
    print(f"{args.megabytes} MB: build() {build / 1e9:.2f} billion instructions, jieba.lcut {lcut / 1e9:.2f} billion")
    print(f"build() / jieba.lcut: {build / lcut:.2f}")


if __name__ == "__main__":
    main()
