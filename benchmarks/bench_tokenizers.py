"""Tokenizer backends (lib/text.py, RDD_TOKENIZER): gold figures, tagging speed and load time.

    .venv/bin/python benchmarks/bench_tokenizers.py [gold|speed|load|all] [OUT_DIR]

gold:  every gold figure of lib.evaluate (facts per set, events, links) to one decimal, each backend
       in its own process (the backend is fixed per process); with OUT_DIR, lib.evaluate -v's full
       output per backend is saved there as eval-<backend>.txt.
speed: tagging every sentence of the seed page and the dev articles (5 times) with each backend,
       against jieba.lcut over the same sentences, in the same run.
load:  a fresh interpreter that imports lib.text and tags one sentence, per backend, against
       ``import jieba; jieba.initialize()`` timed the same way.
Run on demand; the figures go in the README ("### Tokenizer choice").
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lib import paths, text  # noqa: E402
from lib.ingest import reader  # noqa: E402

_GOLD = """
import json, sys
sys.path.insert(0, {root!r})
from lib import evaluate as ev
out = {{}}
for name, s in ev.score(ev.load_gold()).items():
    if not s.gold:
        continue
    row = {{"precision": s.matched / max(s.extracted, 1), "recall": s.matched / s.gold,
           "fully right": s.all_correct / s.gold}}
    row.update({{f: s.correct[f] / max(s.matched, 1) for f in ev.FIELDS}})
    out["facts " + name] = row
e = ev.score_events(ev.load_gold_table("events"))
out["events"] = {{k: e[k] for k in ("precision", "recall", "region", "planned")}}
ln = ev.score_links(ev.load_gold_table("links"))
out["links"] = {{k: ln[k] for k in ("precision", "recall")}}
print(json.dumps(out))
"""
_REFERENCE = "import jieba; jieba.setLogLevel(60); jieba.initialize()"
_LOAD = (
    "import sys; sys.path.insert(0, {root!r}); from lib import text; text.tag('全市地区生产总值增长5.2%。')"
)


def _env(name: str) -> dict[str, str]:
    return {**os.environ, "RDD_TOKENIZER": name}


def gold(out_dir: Path | None) -> None:
    figures = {}
    for name in text.TOKENIZER_BACKENDS:
        run = subprocess.run(
            [sys.executable, "-c", _GOLD.format(root=str(ROOT))],
            env=_env(name),
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        )
        figures[name] = json.loads(run.stdout)
        if out_dir:
            full = subprocess.run(
                [sys.executable, "-m", "lib.evaluate", "-v"],
                env=_env(name),
                cwd=ROOT,
                check=True,
                capture_output=True,
                text=True,
            )
            (out_dir / f"eval-{name}.txt").write_text(full.stdout, encoding="utf-8")
    ref = figures[text.TOKENIZER_BACKENDS[0]]
    print("| figure | " + " | ".join(text.TOKENIZER_BACKENDS) + " |")
    print("|---" * (len(figures) + 1) + "|")
    for table, row in ref.items():
        for key in row:
            cells = []
            for name in text.TOKENIZER_BACKENDS:
                v = figures[name][table][key] * 100
                drop = ref[table][key] * 100 - v
                cells.append(f"{v:.1f}" + (f" **(-{drop:.1f})**" if drop > 0.5 else ""))
            print(f"| {table} {key} | " + " | ".join(cells) + " |")


def _sentences() -> list[str]:
    files = sorted(paths.RAW_DIR.glob("*.txt")) + sorted(paths.DEV_CORPUS_DIR.glob("*.txt"))
    return [s.text for f in files for s in text.split_sentences(reader.read_document(f).text)]


def _timed(fn, sentences: list[str], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for s in sentences:
            fn(s)
        best = min(best, time.perf_counter() - t0)
    return best


def speed() -> None:
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    sentences = _sentences() * 5  # about 100,000 characters: long enough to time; no cache is used
    chars = sum(map(len, sentences))
    backends = {name: text.backend(name) for name in text.TOKENIZER_BACKENDS}  # load before timing
    ref = _timed(jieba.lcut, sentences)
    print(f"{len(sentences)} sentences, {chars} characters; jieba.lcut {ref:.2f} s")
    for name, b in backends.items():
        t = _timed(b.tag, sentences)
        print(f"{name:12s} tag {t:.2f} s = {t / ref:.2f}x jieba.lcut")


def _seconds(code: str, env: dict[str, str] | None = None, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, env=env)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def load() -> None:
    ref = _seconds(_REFERENCE)
    print(f"import jieba; jieba.initialize(): {ref:.2f} s")
    for name in text.TOKENIZER_BACKENDS:
        t = _seconds(_LOAD.format(root=str(ROOT)), _env(name))
        print(f"{name:12s} import lib.text + first tag: {t:.2f} s = {t / ref:.2f}x")


def main() -> None:
    what = sys.argv[1] if len(sys.argv) > 1 else "all"
    out_dir = Path(sys.argv[2]) if len(sys.argv) > 2 else None
    if what in ("gold", "all"):
        gold(out_dir)
    if what in ("speed", "all"):
        speed()
    if what in ("load", "all"):
        load()


if __name__ == "__main__":
    main()
