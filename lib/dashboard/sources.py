"""Adding articles from the dashboard: validate an upload, store it with the raw inputs, rebuild.

Uploads are kept in the raw folder (``paths.RAW_DIR`` by default) beside the other inputs, so a
rebuild from scratch (``make data``) reproduces the store. The steps:

- ``check_upload(name, data)``: pure validation, nothing written. Extension, size
  (``MAX_UPLOAD_BYTES``), encoding (``reader.decode_bytes``) and "is there any text" are checked
  exactly as the pipeline will read the file; ``UploadError`` names the file and the problem.
- ``save_upload(name, data, raw_dir, meta)``: validates, then writes atomically (hidden temporary
  file + ``os.replace``) under a sanitised name ``<stem>_<hash12><suffix>``. Content already in the
  raw folder (same ``reader.content_hash``, whatever the file name or encoding) is not stored again.
  ``meta`` (title, source, published) becomes a ``NAME.meta.json`` sidecar.
- ``rebuild(raw_dir, out_dir, progress_cb)``: runs the pipeline over the whole raw folder. Rebuilds
  are serialised, so when two sessions add articles at once the later rebuild reads both uploads;
  readers never see a half-written table because the store replaces each table atomically.
"""

from __future__ import annotations

import contextlib
import fcntl
import hmac
import json
import os
import re
import tempfile
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from lib import paths, pipeline, store
from lib.dashboard.i18n import t
from lib.files import file_mode
from lib.ingest import reader

MAX_UPLOAD_MB = 2  # per file; .streamlit/config.toml's server.maxUploadSize (5 MB) is the hard ceiling
MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024
MAX_UPLOAD_LABEL = f"{MAX_UPLOAD_MB} MB"
ALLOWED_SUFFIXES = tuple(sorted(reader.SUFFIX_KINDS))  # .htm .html .md .txt
HASH_CHARS = 12  # content-hash characters appended to stored file names
MAX_STEM_CHARS = 60
PASTED_STEM = "粘贴文本"
ARTICLE_COLUMNS = ["title", "region", "source", "published", "byline", "input_file"]
# Lock file in the store folder serialising whole rebuilds (read raw -> build -> write).

# progress_cb(stage, fraction): stage is one of STAGES, fraction in [0, 1].
STAGES = ("saving", "waiting", "rebuilding", "done")
ProgressCb = Callable[[str, float], None]
SAVE_SHARE = 0.3  # share of the progress bar for saving, in add_inputs
STATUS_SAVED, STATUS_DUPLICATE, STATUS_FAILED = "saved", "duplicate", "failed"  # outcome_row()["status"]


class UploadError(ValueError):
    """An upload that cannot be stored; ``str()`` is ``"<file name>: <reason>"``."""

    def __init__(self, name: str, reason: str):
        self.name = name
        self.reason = reason
        super().__init__(f"{name}: {reason}")


@dataclass(frozen=True)
class CheckedUpload:
    """An upload that passed validation: its plain text as the pipeline will see it."""

    name: str  # as given by the user
    suffix: str  # lower-case, one of ALLOWED_SUFFIXES
    text: str
    content_hash: str
    encoding: str


@dataclass(frozen=True)
class SavedInput:
    name: str  # as given by the user
    path: Path  # the raw file holding this content (new, or the one that already had it)
    content_hash: str
    created: bool  # False: the same content was already in the raw folder, nothing written
    sidecar: Path | None = None  # NAME.meta.json written with it, if any


# ---------------------------------------------------------------------------------------------
# Validation and names (pure)
# ---------------------------------------------------------------------------------------------


def check_upload(name: str, data: bytes, *, max_bytes: int = MAX_UPLOAD_BYTES) -> CheckedUpload:
    """Validate an upload without touching the disk; raises ``UploadError`` naming the file."""
    suffix = Path(_basename(name)).suffix.lower()
    if suffix not in reader.SUFFIX_KINDS:
        raise UploadError(
            name, f"unsupported file type {suffix or '(none)'!r}; expected {', '.join(ALLOWED_SUFFIXES)}"
        )
    if len(data) > max_bytes:
        raise UploadError(name, f"too large: {len(data):,} bytes; the limit is {max_bytes:,} bytes per file")
    try:
        raw, encoding = reader.decode_bytes(data)
    except reader.IngestError as exc:
        raise UploadError(name, exc.reason) from None
    kind = reader.SUFFIX_KINDS[suffix]
    text = plain_text(raw, kind)
    if not text:
        raise UploadError(name, "no text: whitespace only" if kind == "text" else f"no text in the {kind}")
    return CheckedUpload(name, suffix, text, reader.content_hash(text), encoding)


def plain_text(raw: str, kind: str) -> str:
    """Decoded file -> the normalised text the pipeline hashes (same steps as ``reader.read_document``)."""
    if kind == "html":
        return reader.html_to_text(raw)[0]
    if kind == "markdown":
        return reader.markdown_to_text(raw)[0]
    return reader.normalise_text(raw)


_UNSAFE = re.compile(r"[^\w\-]+")  # \w is Unicode: Chinese characters are kept


def _basename(name: str) -> str:
    """The last component of a name with either kind of slash (browsers may send a path)."""
    return re.split(r"[\\/]", name)[-1]


def safe_stem(name: str) -> str:
    """A file-name stem that cannot leave the folder or hide: ``../../x 报告.txt`` -> ``x_报告``."""
    stem = Path(_basename(unicodedata.normalize("NFC", name))).stem
    if stem.lower().endswith(".meta"):
        stem = stem[: -len(".meta")]  # would look like a sidecar once the suffix is swapped
    stem = _UNSAFE.sub("_", stem).strip("_")[:MAX_STEM_CHARS].strip("_")
    return stem or "upload"


def stored_name(name: str, checked: CheckedUpload) -> str:
    return f"{safe_stem(name)}_{checked.content_hash[:HASH_CHARS]}{checked.suffix}"


def pasted_name(title: str = "") -> str:
    """The file name given to pasted text: its title, else 粘贴文本; always ``.txt``."""
    return f"{title.strip() or PASTED_STEM}.txt"


def clean_meta(meta: dict | None, name: str) -> dict[str, str]:
    """The sidecar fields of ``meta`` (title, source, published); a bad date is an ``UploadError``."""
    cleaned: dict[str, str] = {}
    for key in reader.META_FIELDS:
        value = str((meta or {}).get(key) or "").strip()
        if not value:
            continue
        if len(value) > reader.META_LIMITS[key]:  # the form says the limits; refused, not cut silently
            raise UploadError(
                name, f"{key} is {len(value):,} characters, the limit is {reader.META_LIMITS[key]}"
            )
        if key == "published":
            iso = reader.parse_date(value)
            if not iso:
                raise UploadError(name, f"date {value!r} is not a date like 2024, 2024-05 or 2024-05-20")
            value = iso
        cleaned[key] = value
    return cleaned


# ---------------------------------------------------------------------------------------------
# Files
# ---------------------------------------------------------------------------------------------


def raw_dir() -> Path:
    """The raw folder, resolved at call time so tests can point ``paths.RAW_DIR`` elsewhere."""
    return Path(paths.RAW_DIR)


def save_upload(name: str, data: bytes, raw_dir: Path | None = None, meta: dict | None = None) -> SavedInput:
    """Validate, then store one upload in the raw folder; a bad file stores nothing.

    Raises ``UploadError("<name>: <reason>")``. Same content already present (any name, any
    encoding): returns ``created=False`` with the existing file's path, writes nothing.
    """
    raw_dir = Path(raw_dir) if raw_dir is not None else Path(paths.RAW_DIR)
    checked = check_upload(name, data)
    sidecar_meta = clean_meta(meta, name)
    raw_dir.mkdir(parents=True, exist_ok=True)
    with _folder_lock(raw_dir):  # two identical uploads at once: the second sees the first
        existing = find_content(raw_dir, checked.content_hash)
        if existing is not None:
            return SavedInput(name, existing, checked.content_hash, created=False)
        target = raw_dir / stored_name(name, checked)
        sidecar = reader.sidecar_path(target) if sidecar_meta else None
        try:
            if sidecar is not None:  # first, so no rebuild ever reads the text without its metadata
                _write_atomic(
                    sidecar, json.dumps(sidecar_meta, ensure_ascii=False, indent=2).encode() + b"\n"
                )
            _write_atomic(target, data)
        except OSError as exc:  # disk full, read-only folder: a failed row, nothing half-written
            if sidecar is not None:
                sidecar.unlink(missing_ok=True)
            raise UploadError(name, f"could not be saved: {exc.strerror or exc}") from None
    return SavedInput(name, target, checked.content_hash, created=True, sidecar=sidecar)


def find_content(raw_dir: Path, content_hash: str) -> Path | None:
    """The input file in ``raw_dir`` whose text has this content hash, if any.

    Files stored by ``save_upload`` carry the hash in their name and are found without reading;
    other files (the seed, files copied in by hand) are read and hashed like the pipeline does.
    """
    candidates = input_files(raw_dir)
    tag = f"_{content_hash[:HASH_CHARS]}"
    for path in candidates:
        if path.stem.endswith(tag) and _hash_of(path) == content_hash:
            return path
    for path in candidates:
        if not path.stem.endswith(tag) and _hash_of(path) == content_hash:
            return path
    return None


def input_files(raw_dir: Path) -> list[Path]:
    """Files the pipeline would read from ``raw_dir``: supported suffix, not hidden, not a sidecar."""
    found = []
    for dirpath, dirnames, filenames in os.walk(raw_dir):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for f in filenames:
            path = Path(dirpath, f)
            if (
                not f.startswith(".")
                and not f.lower().endswith(reader.SIDECAR_SUFFIX)
                and path.suffix.lower() in reader.SUFFIX_KINDS
            ):
                found.append(path)
    return sorted(found)


def _hash_of(path: Path) -> str | None:
    try:
        return check_upload(path.name, path.read_bytes(), max_bytes=reader.MAX_BYTES).content_hash
    except (UploadError, OSError):
        return None  # a broken raw file is the pipeline's to report, not a duplicate


def _write_atomic(target: Path, data: bytes) -> None:
    """Hidden temporary file in the same folder (the pipeline skips it), then ``os.replace``."""
    fd, tmp = tempfile.mkstemp(prefix=".upload-", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, file_mode())  # mkstemp makes 0600: follow the umask like any other file
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


@contextlib.contextmanager
def _folder_lock(folder: Path) -> Iterator[None]:
    """Exclusive lock on a folder itself (no lock file added to the raw inputs)."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def rebuild(
    raw_dir: Path | None = None, out_dir: Path | None = None, progress_cb: ProgressCb | None = None
) -> pipeline.Result:
    """Rebuild every table from the whole raw folder; returns the pipeline's result.

    ``pipeline.run`` holds the store's lock from reading the inputs to writing the tables, so a
    rebuild that starts after an upload was saved always includes it, whichever finishes first.
    """
    refuse_if_read_only()
    raw_dir = Path(raw_dir) if raw_dir is not None else Path(paths.RAW_DIR)
    out_dir = Path(out_dir) if out_dir is not None else Path(paths.PROCESSED_DIR)
    report = progress_cb or (lambda stage, fraction: None)
    report("waiting", 0.0)
    try:
        result = pipeline.run(
            [raw_dir], out_dir, on_document=lambda i, n, _: report("rebuilding", 0.1 + 0.85 * i / max(n, 1))
        )
    except (pipeline.NothingToBuild, store.LockTimeout, store.BuildFailed) as exc:
        # The store is unchanged (the previous build stays current): say why on the page.
        result = pipeline.Result(problems=[str(exc)])
    report("done", 1.0)
    return result


@dataclass
class Added:
    """What ``add_inputs`` did: one outcome row per item, the rebuild's result if there was one."""

    rows: list[dict] = field(default_factory=list)
    saved: list[SavedInput] = field(default_factory=list)
    result: pipeline.Result | None = None

    @property
    def created(self) -> list[SavedInput]:
        return [s for s in self.saved if s.created]

    @property
    def errors(self) -> list[dict]:
        return [r for r in self.rows if r["status"] == STATUS_FAILED]


Item = tuple[str, bytes, dict | None]  # (file name, content, sidecar metadata)


def add_inputs(
    items: list[Item],
    raw_dir: Path | None = None,
    out_dir: Path | None = None,
    progress_cb: ProgressCb | None = None,
) -> Added:
    """Save every item (bad ones are reported, not stored), then rebuild once if any was new.

    Progress: ``saving`` takes the first 30 %, the rebuild's stages the rest. Refused in read-only mode,
    whatever the page shows: the promise holds below the interface too.
    """
    refuse_if_read_only()
    report = progress_cb or (lambda stage, fraction: None)
    added = Added()
    for i, (name, data, meta) in enumerate(items):
        report("saving", SAVE_SHARE * i / max(len(items), 1))
        try:
            saved = save_upload(name, data, raw_dir, meta)
        except UploadError as exc:
            added.rows.append(outcome_row(name, error=exc))
            continue
        added.saved.append(saved)
        added.rows.append(outcome_row(name, saved=saved))
    if added.created:
        added.result = rebuild(
            raw_dir, out_dir, lambda stage, f: report(stage, SAVE_SHARE + (1 - SAVE_SHARE) * f)
        )
    else:
        report("done", 1.0)
    return added


# ---------------------------------------------------------------------------------------------
# What the page shows (pure)
# ---------------------------------------------------------------------------------------------


def article_list(articles: pd.DataFrame) -> pd.DataFrame:
    """Every article in the store with the input file it came from, in the store's order; input
    files as visitors may see them (never the server's absolute paths)."""
    columns = [c for c in ARTICLE_COLUMNS if c in articles.columns]
    shown = articles[columns].reset_index(drop=True)
    if "input_file" in shown.columns:
        shown["input_file"] = shown["input_file"].map(visible_path)
    return shown


def visible_path(path: object) -> str:
    """A path a visitor may see: relative to data/raw or the repository when under them, else
    only the file name (an absolute server path tells a visitor about the server)."""
    text = str(path or "")
    if not text:
        return ""
    candidate = Path(text)
    for base in (Path(paths.RAW_DIR), paths.ROOT):
        with contextlib.suppress(ValueError, OSError):
            full = candidate if candidate.is_absolute() else paths.ROOT / candidate
            return full.resolve().relative_to(base.resolve()).as_posix()
    return candidate.name


def raw_folder_label() -> str:
    """The raw folder as the page names it (see ``folder_label``)."""
    return folder_label(raw_dir())


def folder_label(folder: Path) -> str:
    """A server folder as visitors may see it: relative to the repository, else just its name."""
    with contextlib.suppress(ValueError, OSError):
        return Path(folder).resolve().relative_to(paths.ROOT.resolve()).as_posix()
    return Path(folder).name


def skipped_inputs(processed_dir: Path | None = None) -> list[dict]:
    """The inputs the current build skipped, from its manifest ({"file", "reason"}; files as
    ``visible_path``); [] without a build or when the manifest has no such list."""
    from lib.store import builds

    folder = builds.current_dir(
        Path(processed_dir) if processed_dir is not None else Path(paths.PROCESSED_DIR)
    )
    if folder is None:
        return []
    try:
        manifest = json.loads((folder / builds.MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    rows = manifest.get("skipped") if isinstance(manifest, dict) else None
    return [
        {"file": visible_path(r.get("file")), "reason": str(r.get("reason", ""))}
        for r in rows or []
        if isinstance(r, dict)
    ]


# ---------------------------------------------------------------------------------------------
# Locking a shared dashboard down
# ---------------------------------------------------------------------------------------------

TRUE_WORDS = ("1", "true", "yes", "on")


def _secret(key: str) -> object:
    """``st.secrets[key]`` or None; no secrets file at all is normal, not an error."""
    import streamlit as st

    try:
        return st.secrets.get(key)
    except Exception:  # streamlit raises when no secrets.toml exists anywhere
        return None


def read_only() -> bool:
    """No uploads and no rebuilds: env ``RDD_READ_ONLY=1`` or ``read_only = true`` in secrets."""
    env = os.environ.get("RDD_READ_ONLY", "")
    secret = _secret("read_only")
    return env.strip().lower() in TRUE_WORDS or secret is True or str(secret).lower() in TRUE_WORDS


class ReadOnly(PermissionError):
    """An upload or rebuild asked of a dashboard running read-only."""


def refuse_if_read_only() -> None:
    if read_only():
        raise ReadOnly(
            "this dashboard is read-only (RDD_READ_ONLY or read_only in secrets): no uploads, no rebuilds"
        )


def upload_password() -> str:
    """The password uploads need ("" = none): env ``RDD_UPLOAD_PASSWORD`` or ``upload_password`` in secrets."""
    return os.environ.get("RDD_UPLOAD_PASSWORD") or str(_secret("upload_password") or "")


def password_ok(given: str, expected: str) -> bool:
    """Constant-time comparison, so the answer's timing says nothing about the password."""
    return bool(expected) and hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def articles_from(articles: pd.DataFrame, content_hashes: list[str]) -> pd.DataFrame:
    """The articles built from the given inputs (by content hash), in the store's order."""
    if "content_hash" not in articles.columns:
        return article_list(articles.iloc[0:0])
    return article_list(articles[articles["content_hash"].isin(content_hashes)])


def new_regions(before: list[str], after: list[str]) -> list[str]:
    """Regions the store has now and did not have before an add, in the store's order."""
    return [r for r in after if r not in set(before)]


def outcome_row(name: str, saved: SavedInput | None = None, error: UploadError | None = None) -> dict:
    """One row of the "what happened to each file" table: file, status code, detail.

    detail: the reason for a failed file, else the stored file's name (the existing one for a duplicate).
    """
    if error is not None:
        return {"file": name, "status": STATUS_FAILED, "detail": error.reason}
    if saved is None:
        raise ValueError("outcome_row needs saved or error")
    return {
        "file": name,
        "status": STATUS_SAVED if saved.created else STATUS_DUPLICATE,
        "detail": saved.path.name,
    }


def outcome_table(rows: list[dict], lang: str = "zh") -> pd.DataFrame:
    """The outcome rows for display: status codes in words."""
    table = pd.DataFrame(rows, columns=["file", "status", "detail"])
    table["status"] = [t(f"src_status_{s}", lang) for s in table["status"]]
    return table
