"""The README documents every table column, and its first lines give the two commands."""

from __future__ import annotations

from lib import paths
from lib.store import schema


def _readme() -> str:
    return (paths.ROOT / "README.md").read_text(encoding="utf-8")


def test_every_column_is_documented_in_the_readme():
    readme = _readme()
    missing = [
        f"{table}.{name}"
        for table, cols in schema.COLUMNS.items()
        for name, _, doc in cols
        if f"| `{name}` |" not in readme or doc not in readme
    ]
    assert missing == [], "run `python -m lib.store.schema` and paste its output into README.md"


def test_readme_opens_with_the_two_commands():
    first = "\n".join(_readme().splitlines()[:3])
    assert "`make run`" in first and "`make test`" in first
