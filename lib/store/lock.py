"""The store's write lock: one builder at a time, on any OS (``filelock``, no fcntl of our own)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import filelock

LOCK_NAME = ".lock"
DEFAULT_TIMEOUT_S = 600.0


class LockTimeout(TimeoutError):
    """Another build held the store's lock for longer than we were willing to wait."""


@contextlib.contextmanager
def write_lock(directory: Path, timeout: float = DEFAULT_TIMEOUT_S) -> Iterator[Path]:
    """Exclusive lock on ``directory`` for everything that writes a build; yields the lock file.

    A fresh FileLock per call (not a per-path singleton), so two threads of one process, two
    dashboard sessions, exclude each other just like two processes do. ``timeout`` < 0 waits forever.
    """
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / LOCK_NAME
    lock = filelock.FileLock(path, timeout=timeout, thread_local=False)
    try:
        lock.acquire()
    except filelock.Timeout:
        raise LockTimeout(
            f"{path}: another build is running and has held this lock for more than {timeout:g} s; "
            "wait for it to finish (or raise --lock-timeout), the current build stays as it is"
        ) from None
    try:
        yield path
    finally:
        lock.release()
