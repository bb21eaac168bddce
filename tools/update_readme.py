"""Regenerate the generated parts of README.md: table schemas and quality figures.

    .venv/bin/python tools/update_readme.py

The schema section comes from lib/store/schema.py, the figures from lib/evaluate.py; both are
replaced between their headings so the hand-written text around them stays as it is.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lib import evaluate  # noqa: E402
from lib.store import schema  # noqa: E402


def replace_between(text: str, start: str, end: str, new: str) -> str:
    a, b = text.index(start), text.index(end)
    return text[:a] + new.strip() + "\n\n" + text[b:]


def main() -> None:
    path = ROOT / "README.md"
    text = path.read_text(encoding="utf-8")
    text = replace_between(text, "#### `articles.parquet`", "## Quality", schema.markdown())
    text = replace_between(
        text,
        "| set | gold facts",
        "The dev articles and the tuning",
        evaluate.report(evaluate.score(evaluate.load_gold())),
    )
    text = replace_between(
        text, "| table | gold rows", "Part of these two gold sets", evaluate.context_report()
    )
    text = replace_between(
        text,
        "| article set | gold articles",
        "Events and links are scored",
        evaluate.articles_report(evaluate.score_articles(evaluate.load_gold_table("pages/articles"))),
    )
    path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
