"""The pipeline: raw files -> articles -> extracted rows -> Parquet tables.

    python -m lib.pipeline [INPUT ...] [--out DIR]

Inputs are files or folders (default ``data/raw``); tables go to ``--out`` (default
``data/processed``). Every run rebuilds the tables from its inputs, so the store is a pure
function of the raw files: same inputs, same tables, same IDs. A bad file is reported and
skipped; the tables are still written for the good ones and the exit code is 1.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from lib import paths, store
from lib.extract import entities, events, facts, keywords, links, regions
from lib.ingest import layout, reader
from lib.model import Article, Document

Extractor = Callable[[Article], list[dict]]


def place_counter(text: str) -> Counter:
    """Regions named in a text (macro regions left out): the layout's cue for where a fragment goes."""
    return Counter(m.region.region for m in regions.find_places(text) if m.region.level != "macro")


def article_id(content_hash: str, index: int) -> str:
    return hashlib.sha1(f"{content_hash}:{index}".encode()).hexdigest()[:16]


def articles_from_document(doc: Document) -> list[Article]:
    """Lay a document out into articles and say which region each is about."""
    pieces = layout.layout(doc.text, place_counter)
    out = []
    for i, piece in enumerate(pieces):
        title = piece.title or (doc.title if len(pieces) == 1 else "")
        region = regions.article_region(title, piece.text, kicker=piece.kicker, byline=piece.byline)
        out.append(
            Article(
                article_id=article_id(doc.content_hash, i),
                input_file=doc.input_file,
                content_hash=doc.content_hash,
                source=doc.source or piece.source,
                published=doc.published,
                title=title,
                kicker=piece.kicker,
                byline=piece.byline,
                text=piece.text,
                captions=list(piece.captions),
                subheads=list(piece.subheads),
                column=piece.column,
                region=region.region if region else "",
                province=region.province if region else "",
                level=region.level if region else "",
                inferred=doc.inferred,
            )
        )
    return out


def article_row(a: Article) -> dict:
    return {
        "article_id": a.article_id,
        "source": a.source,
        "published": a.published,
        "published_inferred": "published" in a.inferred,
        "title": a.title,
        "kicker": a.kicker,
        "column": a.column,
        "byline": a.byline,
        "reporters": layout.reporters(a.byline),
        "region": a.region,
        "province": a.province,
        "level": a.level,
        "text": a.text,
        "captions": a.captions,
        "subheads": a.subheads,
        "input_file": a.input_file,
        "content_hash": a.content_hash,
    }


# Extractors registered by table name; each is a pure function Article -> rows.
EXTRACTORS: dict[str, Extractor] = {
    "facts": facts.extract,
    "events": events.extract,
    "entities": entities.extract,
    "links": links.extract,
}
# Extractors that need every article at once (a region's keywords span its articles).
CORPUS_EXTRACTORS: dict[str, Callable[[list[Article]], list[dict]]] = {"keywords": keywords.extract_corpus}


@dataclass
class Result:
    tables: dict[str, list[dict]] = field(default_factory=dict)
    files: int = 0
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


OnDocument = Callable[[int, int, str], None]  # (documents done, total, input file)


def build(
    documents: Iterable[Document], progress: bool = False, on_document: OnDocument | None = None
) -> Result:
    """Pure part of the pipeline: documents -> rows for every table."""
    docs = list(documents)
    result = Result(tables={name: [] for name in store.tables()})
    result.files = len(docs)
    all_articles: list[Article] = []
    for i, doc in enumerate(_progress(docs, progress)):
        if on_document:
            on_document(i, len(docs), doc.input_file)
        try:
            articles = articles_from_document(doc)
        except Exception as exc:  # one bad document must not stop the batch
            result.problems.append(f"{doc.input_file}: layout failed: {exc!r}")
            continue
        if not articles:
            result.warnings.append(f"{doc.input_file}: no article text found")
        all_articles.extend(articles)
        for a in articles:
            result.tables["articles"].append(article_row(a))
            for table, extract in EXTRACTORS.items():
                try:
                    result.tables[table].extend(extract(a))
                except Exception as exc:
                    result.problems.append(f"{doc.input_file}: {table} extraction failed: {exc!r}")
    for table, extract_all in CORPUS_EXTRACTORS.items():
        try:
            result.tables[table] = extract_all(all_articles)
        except Exception as exc:
            result.problems.append(f"{table} extraction failed: {exc!r}")
    return result


def _progress(items: list, enabled: bool):
    if not enabled:
        return items
    from tqdm import tqdm

    return tqdm(items, desc="articles", unit="file", file=sys.stderr, disable=len(items) < 5)


def run(
    inputs: list[Path], out_dir: Path, progress: bool = False, on_document: OnDocument | None = None
) -> Result:
    """Load inputs, build every table, write them atomically. One lock from reading to writing,
    so a run that starts after an input was added always includes it, whichever run ends last."""
    with store.write_lock(out_dir):
        loaded = reader.load_inputs(inputs)
        result = build(loaded.documents, progress=progress, on_document=on_document)
        result.problems = list(loaded.problems) + result.problems
        result.warnings = list(loaded.skipped) + list(loaded.warnings) + result.warnings
        build_id = hashlib.sha1(" ".join(sorted(d.content_hash for d in loaded.documents)).encode()).hexdigest()
        for table, rows in result.tables.items():
            store.write_table(table, rows, out_dir, build_id=build_id[:16])
    return result


def report(result: Result, out_dir: Path) -> str:
    counts = ", ".join(f"{len(rows)} {name}" for name, rows in result.tables.items())
    lines = [f"{result.files} files -> {counts} in {out_dir}"]
    lines += [f"warning: {w}" for w in result.warnings]
    lines += [f"error: {p}" for p in result.problems]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lib.pipeline", description=__doc__.split("\n")[0])
    parser.add_argument("inputs", nargs="*", type=Path, help="files or folders (default: data/raw)")
    parser.add_argument("--out", type=Path, default=None, help="output folder (default: data/processed)")
    args = parser.parse_args(argv)
    inputs = args.inputs or [paths.RAW_DIR]
    out_dir = args.out or paths.PROCESSED_DIR
    result = run(inputs, out_dir, progress=True)
    print(report(result, out_dir))
    return 1 if result.problems else 0


if __name__ == "__main__":
    sys.exit(main())
