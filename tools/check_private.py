"""Check the copyrighted texts kept outside the repository (../private, or $RDD_PRIVATE_DIR) against the gold.

    .venv/bin/python tools/check_private.py [DOC ...]

A new machine starts without them; `gold/private_sources.csv` says where each was taken from, so they can be
fetched again. This lists, per text, whether its file is there and which gold quotes (a page's first and last
words of each report, a Traditional-script row's quote) are not found in it, as read by the pipeline's reader.
Exit status 1 when a text is missing or a quote is not found.
"""

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lib import paths  # noqa: E402
from lib.ingest import reader  # noqa: E402


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def quotes_by_doc() -> dict[str, list[str]]:
    quotes: dict[str, list[str]] = {}
    for row in _rows(ROOT / "gold" / "pages" / "articles.csv"):
        quotes.setdefault(row["doc"], []).extend(w for w in (row["first_words"], row["last_words"]) if w)
    for part in ("tuning", "holdout"):
        for row in _rows(ROOT / "gold" / "traditional_real" / part / f"facts_{part}.csv"):
            quotes.setdefault(row["doc"], []).append(row["quote"])
    return quotes


def find(folder: Path, doc: str) -> Path | None:
    for suffix in (".txt", ".html", ".md"):
        if (folder / f"{doc}{suffix}").exists():
            return folder / f"{doc}{suffix}"
    return None


def main(argv: list[str]) -> int:
    quotes = quotes_by_doc()
    bad = 0
    for src in _rows(ROOT / "gold" / "private_sources.csv"):
        doc = src["doc"]
        if argv and doc not in argv:
            continue
        path = find(paths.PRIVATE_DIR / src["folder"], doc)
        if path is None:
            print(f"MISSING  {src['folder']}/{doc}  ({src['url']})")
            bad += 1
            continue
        raw = path.read_text(encoding="utf-8", errors="replace")
        text = reader.read_document(path).text
        lost = [q for q in quotes.get(doc, []) if q not in text and q not in raw]
        meta = path.with_suffix(".meta.json").exists()
        state = "ok" if not lost else f"{len(lost)} of {len(quotes.get(doc, []))} quotes not found"
        print(f"{'OK' if not lost else 'QUOTES'}  {src['folder']}/{path.name}  {state}{'' if meta else '  (no .meta.json)'}")
        for q in lost:
            print(f"         not found: {q}")
        bad += bool(lost)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
