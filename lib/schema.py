"""One explicit pyarrow schema per table, with the meaning of every column beside it.

The README's "Table schemas" section is generated from ``COLUMNS`` (``python -m lib.schema``)
and a test fails when a column is undocumented, so code and documentation cannot drift apart.
"""

from __future__ import annotations

import pyarrow as pa

SCHEMA_VERSION = "1"

_S, _I, _F, _B = pa.string(), pa.int32(), pa.float64(), pa.bool_()
_LS = pa.list_(pa.string())

# table -> [(column, type, meaning)]
COLUMNS: dict[str, list[tuple[str, pa.DataType, str]]] = {
    "articles": [
        ("article_id", _S, "Stable ID: hash of the input's content hash and the article's position in it."),
        ("source", _S, "Outlet, from the metadata sidecar, a 来源 line or a dateline (科技日报 ...)."),
        ("published", _S, "Publication date as precise as known: YYYY-MM-DD, YYYY-MM or YYYY; '' if unknown."),
        ("published_inferred", _B, "True when `published` was inferred from the text, not given by metadata."),
        ("title", _S, "Headline as printed."),
        ("kicker", _S, "Line printed above the headline (引题), '' when none."),
        ("column", _S, "Section label the article was printed under (地方动态 ...), '' when none."),
        ("byline", _S, "Byline as printed, cleaned of ◎ and brackets (本报记者 陈曦)."),
        ("reporters", _LS, "Names in the byline."),
        ("region", _S, "Short name of the region the article is about (天津, 郑州, 上饶, 黑龙江 ...)."),
        ("province", _S, "Short name of that region's province-level division (the region itself for one)."),
        ("level", _S, "Administrative level of `region`: province, prefecture or county; '' when unknown."),
        ("text", _S, "Body as written (full-width kept), fragments rejoined, captions removed; "
         "paragraphs separated by newlines. Character offsets in other tables refer to this text."),
        ("captions", _LS, "Photo captions printed with the article, credit included."),
        ("subheads", _LS, "Section headings inside the article, in order (they also stand in `text`)."),
        ("input_file", _S, "The raw file the article came from, relative to the repository when inside it."),
        ("content_hash", _S, "sha256 of the input's normalised text: the same content is stored once."),
    ],
}


def schema(table: str) -> pa.Schema:
    """The pyarrow schema of a table, with the schema version in its metadata."""
    fields = [pa.field(name, typ) for name, typ, _ in COLUMNS[table]]
    return pa.schema(fields, metadata={"schema_version": SCHEMA_VERSION, "table": table})


def markdown() -> str:
    """The schema section of the README."""
    out = []
    for table, cols in COLUMNS.items():
        out.append(f"#### `{table}.parquet`\n\n| column | type | meaning |\n|---|---|---|")
        out += [f"| `{name}` | {typ} | {doc} |" for name, typ, doc in cols]
        out.append("")
    return "\n".join(out)


if __name__ == "__main__":
    print(markdown())
