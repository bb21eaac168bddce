"""The pipeline: raw files -> articles -> extracted rows -> one versioned build of Parquet tables.

    python -m lib.pipeline [INPUT ...] [--out DIR] [--if-stale] [--allow-empty] [--lock-timeout S]

Inputs are files or folders (default ``data/raw``); the build goes to ``--out`` (default
``data/processed``) as ``DIR/builds/<build id>-<time>/`` with a manifest, and ``DIR/current``
switches to it only once it is whole (``lib/store/builds.py``). Every run rebuilds the tables from its
inputs, so the store is a pure function of the raw files and the code: same inputs, same build id,
same tables, same IDs. A bad file is reported and skipped; the build is still written for the good
ones. ``--if-stale`` returns at once when the current build is what the inputs and code make now.

Exit codes:
    0  a build was written (inputs that gave no article are printed and listed in the manifest's
       ``skipped``), or ``--if-stale`` found the current build up to date
    1  writing the build failed (disk full, permissions ...); the previous build stays current
    2  nothing to build: the inputs are missing, empty or all bad (``--allow-empty`` writes an
       empty build instead); the current build is left as it is. Also for wrong arguments.
    3  another build held the store's lock for longer than ``--lock-timeout`` seconds
  130  interrupted (Ctrl+C); the previous build stays current
"""

from __future__ import annotations

import argparse
import hashlib
import multiprocessing
import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pyarrow as pa

from lib import paths, store
from lib.extract import entities, events, facts, keywords, links, regions, script
from lib.ingest import layout, reader
from lib.model import Article, Document
from lib.store import inputs as store_inputs
from lib.store.cache import DocumentCache, Pack, ReadMemo, document_key
from lib.store.version import extractor_version

Extractor = Callable[[Article], list[dict]]


def place_counter(text: str) -> Counter:
    """Regions named in a text (macro regions left out): the layout's cue for where a fragment goes."""
    return Counter(m.region.region for m in regions.find_places(text) if m.region.level != "macro")


def article_id(content_hash: str, index: int) -> str:
    return hashlib.sha1(f"{content_hash}:{index}".encode()).hexdigest()[:16]


def articles_from_document(doc: Document) -> list[Article]:
    """Lay a document out into articles and say which region each is about."""
    traditional = script.is_traditional(doc.text)
    counter = (lambda t: place_counter(script.simplified(t))) if traditional else place_counter
    pieces = layout.layout(doc.text, counter)
    out = []
    for i, piece in enumerate(pieces):
        title, kicker, body = piece.title or (doc.title if len(pieces) == 1 else ""), piece.kicker, piece.text
        if len(pieces) == 1 and doc.title and "title" not in doc.inferred and doc.title != title:
            # A title given by a sidecar or the paste form wins over the layout's guess; the line the layout
            # took for the headline (an issuing body and date, a subtitle) stays in the text with its figures.
            kicker = "" if kicker == doc.title else kicker
            body = f"{title}\n{body}" if title else body
            title = doc.title
        seen = script.simplified if traditional else str
        region = regions.article_region(seen(title), seen(body), kicker=seen(kicker), byline=seen(piece.byline))
        if region is None:
            # A finance bureau's analysis that writes only 全市: its publisher (六安市财政局) names the city.
            region = regions.source_region(seen(doc.source or piece.source))
        out.append(
            Article(
                article_id=article_id(doc.content_hash, i),
                input_file=doc.input_file,
                content_hash=doc.content_hash,
                source=doc.source or piece.source,
                published=doc.published,
                title=title,
                kicker=kicker,
                byline=piece.byline,
                text=body,
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
# Tables the per-document step fills; keywords holds the article-scope rows there, and the corpus step
# appends the region rows (a region's keywords span its articles) from the cached ``region_input``s.
DOCUMENT_TABLES = ("articles", *EXTRACTORS, "keywords")

# Measured before workers forked from a warm fork server and before rjieba, and not measured since: a
# worker process started in about 3.7 s with jieba (0.8 s imports, 2.9 s dictionaries and gazetteer) and a
# document took about 0.1 s, so a pool pays only for many documents. With the CLI on 2 cores: 60 documents
# 12.8 s with --jobs 2 against 9.7 s with one process, 120 documents 17.3 s against 19.5 s, 400 documents
# 21.6 s against 37.2 s. Below this many uncached documents the step runs in this process.
POOL_MIN_DOCUMENTS = 100
SCHEDULER_TIMEOUT_S = 30  # to connect to a Dask scheduler
REPACK_MIN = 16  # documents the cache's pack may lack before it is rewritten (see needs_repack)


@dataclass
class Result:
    tables: dict[str, pa.Table] = field(default_factory=dict)  # every table of the schema
    files: int = 0
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    skipped: list[dict] = field(default_factory=list)  # {"file", "reason"}: inputs that gave no article
    build: str = ""  # the build folder written (or found up to date), "" before writing
    up_to_date: bool = False  # --if-stale: the current build already was what the inputs make
    processed: int = 0  # documents run through process_document (the rest came from the cache)

    def rows(self, table: str) -> list[dict]:
        return self.tables[table].to_pylist()


OnDocument = Callable[[int, int, str], None]  # (documents done, total, input file)


def process_document(doc: Document) -> dict:
    """The per-document step, pure and picklable: one document -> its rows for every per-document
    table, what the corpus step needs (``keyword_inputs``), and its problems and warnings.

    Returns plain dicts and lists only, so the result can be cached, sent back from a worker process
    or a Dask worker, and merged in input order into exactly the tables one process makes.
    """
    out: dict = {
        "tables": {t: [] for t in DOCUMENT_TABLES},
        "keyword_inputs": [],
        "problems": [],
        "warnings": [],
    }
    try:
        articles = articles_from_document(doc)
    except Exception as exc:  # one bad document must not stop the batch
        out["problems"].append(f"{doc.input_file}: layout failed: {exc!r}")
        return out
    if not articles:
        out["warnings"].append(f"{doc.input_file}: no article text found")
    for a in articles:
        out["tables"]["articles"].append(article_row(a))
        seen = script.for_analysis(a) or a  # Traditional script is read through its Simplified conversion
        for table, extract in EXTRACTORS.items():
            try:
                rows = extract(seen)
                out["tables"][table].extend(rows if seen is a else script.restore(rows, seen, a))
            except Exception as exc:
                out["problems"].append(f"{doc.input_file}: {table} extraction failed: {exc!r}")
        try:
            out["tables"]["keywords"].extend(keywords.extract_article(seen))
            out["keyword_inputs"].append(keywords.region_input(seen))
        except Exception as exc:
            out["problems"].append(f"{doc.input_file}: keywords extraction failed: {exc!r}")
    return out


def build(
    documents: Iterable[Document],
    progress: bool = False,
    on_document: OnDocument | None = None,
    *,
    jobs: int | None = None,
    scheduler: str | None = None,
    cache: bool = True,
) -> Result:
    """Documents -> rows for every table: the per-document step for each document not in the cache
    (``jobs`` processes, or the Dask cluster at ``scheduler``), merged in input order, then the corpus step.
    The same documents give the same tables whichever way, cached or not."""
    docs = list(documents)
    result = Result()
    result.files = len(docs)
    doc_cache = DocumentCache(extractor_version()) if cache else None
    pack = None
    outcomes: list[dict | None] = [None] * len(docs)
    if doc_cache:
        doc_cache.touch()
        pack = doc_cache.load_pack()
        for i, doc in enumerate(docs):
            key = document_key(doc)
            j = pack.index.get(key) if pack else None
            if j is not None:
                outcomes[i] = {**pack.result(j), "pack": j}
                continue
            outcomes[i], warning = doc_cache.get(doc)
            if warning:
                result.warnings.append(warning)
    todo = [i for i, o in enumerate(outcomes) if o is None]
    result.processed = len(todo)
    done = len(docs) - len(todo)
    # In the order the documents are done (a pool takes the largest first), so each is cached as soon as
    # it is back; the tables and the warnings stay in input order.
    mapped = _map_indexed([docs[i] for i in todo], jobs=jobs, scheduler=scheduler)
    put_warnings: dict[int, str] = {}
    for j, outcome in _progress(mapped, progress, len(todo)):
        i = todo[j]
        outcome = with_arrow_tables(outcome)  # a pool worker has converted its own already
        outcomes[i] = outcome
        if doc_cache and not outcome["problems"]:  # a failure may be passing (memory): retry it next run
            warning = doc_cache.put(docs[i], outcome)
            if warning:
                put_warnings[i] = warning
        done += 1
        if on_document:
            on_document(done, len(docs), docs[i].input_file)
    result.warnings += [put_warnings[i] for i in sorted(put_warnings)]
    rows = merge(result, outcomes, pack)
    if doc_cache:
        if needs_repack(pack, outcomes) and (warning := repack(doc_cache, docs, outcomes, rows, result)):
            result.warnings.append(warning)
        doc_cache.prune()
    return result


def needs_repack(pack: Pack | None, outcomes: list[dict]) -> bool:
    """A new pack when there is none, or when the documents it lacks or no longer needs are many: a
    few new ones come from their entries, so adding one article does not rewrite every other."""
    if not outcomes:
        return False
    if pack is None:
        return True
    used = sum(1 for o in outcomes if "pack" in o)
    misses = (len(outcomes) - used) + (len(pack.keys) - used)
    return misses > max(REPACK_MIN, len(outcomes) // 10)


def repack(
    doc_cache: DocumentCache, docs: list[Document], outcomes: list[dict], rows: list[dict], result: Result
) -> str | None:
    """The run's cacheable documents (no problems) into a new pack, their rows sliced from the merged tables."""
    keep = [i for i, o in enumerate(outcomes) if not o["problems"]]
    offsets = {name: [0] for name in result.tables}
    for r in rows:
        for name in offsets:
            offsets[name].append(offsets[name][-1] + r[name])
    tables = {}
    for name, data in result.tables.items():
        pieces = [data.slice(offsets[name][i], rows[i][name]) for i in keep]
        tables[name] = pa.concat_tables([store.to_arrow(name, []), *pieces])
    plain = [{**{k: v for k, v in outcomes[i].items() if k not in ("tables", "pack")}, "rows": rows[i]} for i in keep]
    return doc_cache.save_pack([document_key(docs[i]) for i in keep], plain, tables)


def with_arrow_tables(outcome: dict) -> dict:
    """A document's rows as Arrow tables of the schema: what the cache keeps and ``merge`` concatenates,
    so a rebuild converts only the documents it computed. Tables already converted are kept."""
    tables = outcome["tables"]
    if all(isinstance(rows, pa.Table) for rows in tables.values()):
        return outcome
    return {**outcome, "tables": {t: store.to_arrow(t, rows) for t, rows in tables.items()}}


def _process_to_arrow(doc: Document) -> dict:
    """A pool worker's step: the document's rows converted there, in parallel, not in the parent."""
    return with_arrow_tables(process_document(doc))


def merge(result: Result, outcomes: list[dict], pack: Pack | None = None) -> list[dict[str, int]]:
    """Per-document results, in input order, into the result's tables; then the corpus step.

    Documents that follow each other in the cache's pack are taken as one slice of it. Returns each
    document's row count per table."""
    keyword_inputs = []
    parts: dict[str, list[pa.Table]] = {name: [] for name in store.tables()}
    rows: list[dict[str, int]] = []
    run: list[int] = []  # pack positions of consecutive documents not yet sliced

    def flush() -> None:
        if run:
            for name in parts:
                parts[name].append(pack.rows(name, run[0], run[-1]))
            run.clear()

    for outcome in outcomes:
        j = outcome.get("pack")
        if j is not None:
            if run and run[-1] != j - 1:
                flush()
            run.append(j)
            rows.append({name: pack.starts[name][j + 1] - pack.starts[name][j] for name in parts})
        else:
            flush()
            for table, data in outcome["tables"].items():
                parts[table].append(data)
            rows.append({name: outcome["tables"][name].num_rows if name in outcome["tables"] else 0 for name in parts})
        keyword_inputs += outcome["keyword_inputs"]
        result.problems += outcome["problems"]
        result.warnings += outcome["warnings"]
    flush()
    try:
        parts["keywords"].append(store.to_arrow("keywords", keywords.extract_regions(keyword_inputs)))
    except Exception as exc:
        result.problems.append(f"keywords extraction failed: {exc!r}")
    result.tables = {name: _concat(name, tables) for name, tables in parts.items()}
    return rows


def _concat(name: str, tables: list[pa.Table]) -> pa.Table:
    """One contiguous table from the documents' tables: the same Parquet file as the chunks give,
    and copying a thousand chunks together costs less than writing them one by one."""
    return pa.concat_tables(tables).combine_chunks() if tables else store.to_arrow(name, [])


def worker_count(jobs: int | None, n_documents: int) -> int:
    """Processes for n documents: ``jobs`` (default: every core), but one when too few to pay for a pool."""
    jobs = jobs or os.cpu_count() or 1
    if n_documents < POOL_MIN_DOCUMENTS:
        return 1
    return max(1, min(jobs, n_documents))


def _map_indexed(
    docs: list[Document], *, jobs: int | None = None, scheduler: str | None = None
) -> Iterator[tuple[int, dict]]:
    """(index in docs, ``process_document`` result) for every document, in the order they are done."""
    if not docs:
        return iter(())
    if scheduler:
        return enumerate(_map_dask(docs, scheduler))
    workers = worker_count(jobs, len(docs))
    if workers == 1:
        return enumerate(map(process_document, docs))
    return _map_pool(docs, workers)


_WARM_UP = Document(
    input_file="warm-up", text="深圳与东莞共建产业园，投资10亿元。", content_hash="warm-up", encoding="utf-8"
)


def _init_worker() -> None:
    """Load the tokenizer, the dictionaries and the gazetteer once per worker, not in its first task:
    running the step on a short text touches every lazily loaded resource, whatever it is called."""
    process_document(_WARM_UP)


@cache
def _pool_context():
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["lib.pool_warm"])
    return context


def _map_pool(docs: list[Document], workers: int) -> Iterator[dict]:
    # Never plain fork: a forked child would inherit the store's lock file descriptor and any thread state
    # of the parent (tqdm, a dashboard). A fork server is a fresh interpreter that inherits neither; it
    # loads the dictionaries once (lib/pool_warm.py) and each worker forks from it warm, about a second
    # less per worker than spawn, which re-imports and re-loads everything. Where there is no fork server
    # (Windows), spawn.
    context = _pool_context()
    # Largest documents first, in small chunks: documents differ in size by a hundred times, and in input
    # order a big one picked up last left the other core idle for the tail of the run. Results are
    # still yielded in input order.
    order = largest_first(docs)
    chunk = max(1, min(8, len(docs) // (workers * 16)))
    done = 0
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_init_worker) as pool:
            for i, outcome in zip(order, pool.map(_process_to_arrow, [docs[i] for i in order], chunksize=chunk), strict=True):
                done += 1
                yield i, outcome
    except BrokenProcessPool as exc:
        # A worker died (killed, out of memory) or could not start (a script calling build() without
        # an `if __name__ == "__main__":` guard, which spawn re-imports): finish here, same results.
        rest = len(docs) - done
        print(f"warning: process pool failed ({exc}); {rest} documents run in one process", file=sys.stderr)
        for i in order[done:]:
            yield i, process_document(docs[i])


def largest_first(docs: list[Document]) -> list[int]:
    """Indexes of ``docs``, longest text first (ties in input order): the order a pool takes them in."""
    return sorted(range(len(docs)), key=lambda i: -len(docs[i].text))


class SchedulerError(RuntimeError):
    """--scheduler cannot be used: dask missing, or no scheduler answers at the address."""


def _map_dask(docs: list[Document], address: str) -> Iterator[dict]:
    """The same step on a Dask cluster; its workers need this project importable (same code and data)."""
    try:
        from distributed import Client
    except ImportError as exc:
        raise SchedulerError(
            f"--scheduler {address}: dask is not installed (pip install -r requirements-dask.txt)"
        ) from exc
    try:
        client = Client(address, timeout=SCHEDULER_TIMEOUT_S)
    except (OSError, TimeoutError) as exc:
        raise SchedulerError(f"--scheduler {address}: no Dask scheduler answers there ({exc})") from exc
    with client:
        futures = client.map(process_document, docs, pure=False)
        try:
            outcomes = client.gather(futures)
        except Exception as exc:  # process_document catches its own errors: this is the cluster's
            raise SchedulerError(
                f"--scheduler {address}: the cluster failed ({exc!r}); the scheduler and every worker "
                "need this repository importable (PYTHONPATH) at the same commit"
            ) from exc
        yield from outcomes


def _progress(items: Iterable, enabled: bool, total: int):
    if not enabled:
        return items
    from tqdm import tqdm

    return tqdm(items, total=total, desc="articles", unit="file", file=sys.stderr, disable=total < 5)


def _positive_int(value: str) -> int:
    n = int(value)
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {n}")
    return n


class NothingToBuild(ValueError):
    """No input gave an article: writing that build would replace a good store with an empty one."""


def run(
    inputs: list[Path],
    out_dir: Path,
    progress: bool = False,
    on_document: OnDocument | None = None,
    *,
    allow_empty: bool = False,
    if_stale: bool = False,
    lock_timeout: float = store.DEFAULT_TIMEOUT_S,
    partitioned: bool = False,
    **build_options,
) -> Result:
    """Load inputs, build every table, write them as one new build and make it current.

    One lock from reading to switching, so a run that starts after an input was added always
    includes it, whichever run ends last. Raises NothingToBuild (no article and not
    ``allow_empty``: the current build stays), store.LockTimeout, store.BuildFailed.
    ``build_options`` go to ``build()``.
    """
    started = time.time()
    with store.write_lock(out_dir, timeout=lock_timeout):
        if if_stale and store_inputs.staleness(out_dir, inputs) is None:
            return Result(build=store.current_build(out_dir) or "", up_to_date=True)
        t0 = time.perf_counter()
        files = store_inputs.input_files(inputs)
        entries = store_inputs.fingerprint(files)
        memo = ReadMemo(store.extractor_version()) if build_options.get("cache", True) else None
        # The manifest's digests name each unchanged file's memo entry, so those files are not read again.
        digests = {os.fspath(f): e["sha256"] for f, e in zip(files, entries, strict=True)}
        loaded = reader.load_inputs(inputs, memo=memo, digests=digests)
        t1 = time.perf_counter()
        result = build(loaded.documents, progress=progress, on_document=on_document, **build_options)
        t2 = time.perf_counter()
        result.problems = list(loaded.problems) + result.problems
        result.warnings = list(loaded.skipped) + list(loaded.warnings) + result.warnings
        result.skipped = skipped_inputs(files, result)
        if not result.tables["articles"].num_rows and not allow_empty:
            raise NothingToBuild(nothing_to_build(inputs, files, result, out_dir))
        version = store.extractor_version()
        manifest = {
            "build_id": store_inputs.build_id(entries, version),
            "extractor_version": version,
            "sources": [store_inputs.display(Path(i)) for i in inputs],
            "inputs": entries,
            "skipped": result.skipped,
            "warnings": result.warnings,
            "problems": result.problems,
            "timings": {"read_s": round(t1 - t0, 3), "extract_s": round(t2 - t1, 3)},
        }
        result.build = store.write_build(
            result.tables, out_dir, manifest=manifest, started=started, partitioned=partitioned
        ).name
        if memo is not None and (warning := memo.save()):
            result.warnings.append(warning)
    return result


def skipped_inputs(files: list[Path], result: Result) -> list[dict]:
    """Every input file that gave no article, with the reason the reader or the build gave."""
    articles = result.tables.get("articles")
    produced = set(articles.column("input_file").to_pylist()) if articles is not None else set()
    messages = result.problems + result.warnings
    out = []
    for f in files:
        name = reader.display_path(f)
        if name in produced or name.lower().endswith(reader.SIDECAR_SUFFIX) or reader.is_readme(f):
            continue
        reasons = [m[len(name) + 2 :] for m in messages if m.startswith(f"{name}: ")]
        out.append({"file": name, "reason": "; ".join(reasons) or "no article found"})
    return out


def nothing_to_build(inputs: list[Path], files: list[Path], result: Result, out_dir: Path) -> str:
    current = store.current_build(out_dir)
    kept = f"the current build ({current}) stays as it is" if current else "no build was written"
    missing = [str(i) for i in inputs if not Path(i).exists()]
    if missing and len(missing) == len(inputs):
        what = f"{', '.join(missing)}: no such file or folder"
    elif not files:
        what = f"{', '.join(map(str, inputs))}: no input files (.txt, .md, .html)"
    else:
        bad = "; ".join(f"{s['file']}: {s['reason']}" for s in result.skipped[:5])
        more = f" and {len(result.skipped) - 5} more" if len(result.skipped) > 5 else ""
        what = f"no article in {len(files)} input file(s) ({bad}{more})"
    return f"{what}; {kept} (--allow-empty writes an empty build)"


def report(result: Result, out_dir: Path) -> str:
    if result.up_to_date:
        return f"{out_dir}: build {result.build} is up to date"
    counts = ", ".join(f"{data.num_rows} {name}" for name, data in result.tables.items())
    lines = [f"{result.files} files -> {counts} in {out_dir}/builds/{result.build} (now current)"]
    lines += [f"warning: {w}" for w in result.warnings]
    lines += [f"error: {p}" for p in result.problems]
    if result.skipped:
        lines.append(
            f"{len(result.skipped)} input(s) gave no article; listed under 'skipped' in its manifest.json"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lib.pipeline", description=__doc__.split("\n")[0])
    parser.add_argument("inputs", nargs="*", type=Path, help="files or folders (default: data/raw)")
    parser.add_argument("--out", type=Path, default=None, help="store folder (default: data/processed)")
    parser.add_argument(
        "--if-stale", action="store_true", help="do nothing when the current build matches inputs and code"
    )
    parser.add_argument(
        "--allow-empty", action="store_true", help="write an empty build when no input gives an article"
    )
    parser.add_argument(
        "--lock-timeout",
        type=float,
        default=store.DEFAULT_TIMEOUT_S,
        metavar="S",
        help=f"seconds to wait for another build (default {store.DEFAULT_TIMEOUT_S:g}; -1 waits forever)",
    )
    parser.add_argument(
        "--jobs",
        type=_positive_int,
        default=None,
        metavar="N",
        help=f"processes for the per-document step (default: all {os.cpu_count()} cores; "
        f"one below {POOL_MIN_DOCUMENTS} uncached documents)",
    )
    parser.add_argument(
        "--scheduler",
        default=None,
        metavar="ADDRESS",
        help="run the per-document step on this Dask cluster (tcp://host:8786; requirements-dask.txt)",
    )
    parser.add_argument("--no-cache", action="store_true", help="recompute every document, cache untouched")
    parser.add_argument(
        "--partitioned",
        action="store_true",
        help="also write the facts as hive-partitioned Parquet (facts_partitioned/province=…/year=…)",
    )
    args = parser.parse_args(argv)
    inputs = args.inputs or [paths.RAW_DIR]
    out_dir = args.out or paths.PROCESSED_DIR
    build_options: dict = {"jobs": args.jobs, "scheduler": args.scheduler, "cache": not args.no_cache}
    try:
        result = run(
            inputs,
            out_dir,
            progress=True,
            allow_empty=args.allow_empty,
            if_stale=args.if_stale,
            lock_timeout=args.lock_timeout,
            partitioned=args.partitioned,
            **build_options,
        )
    except NothingToBuild as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except store.LockTimeout as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 3
    except store.BuildFailed as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except store.BuildInterrupted as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 130
    print(report(result, out_dir))
    return 0


if __name__ == "__main__":
    sys.exit(main())
