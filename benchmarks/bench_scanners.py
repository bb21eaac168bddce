"""Speed of the two scanners on 1 MB of text: place names and quantities.

.venv/bin/python benchmarks/bench_scanners.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lib.extract import numbers, regions  # noqa: E402


def timed(label: str, fn, text: str) -> None:
    fn("预热")
    t0 = time.perf_counter()
    n = len(fn(text))
    print(f"{label}: {time.perf_counter() - t0:.2f} s for {len(text.encode()) / 1e6:.1f} MB, {n} hits")


if __name__ == "__main__":
    places = (
        "天津市依托科技资源，郑州航空港来自卢森堡的货运航班，上饶与上海松江区合作，黑龙江移动。" * 20000
    )[:350_000]
    figures = ("据统计，2023年全市规模以上工业增加值同比增长6.2%，超5000家企业落户，投资152亿元。" * 20000)[
        :350_000
    ]
    timed("regions.find_places", regions.find_places, places)
    timed("numbers.find_quantities", numbers.find_quantities, figures)
