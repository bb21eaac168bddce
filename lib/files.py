"""File modes for what the project writes: a new file gets what ``open()`` would give it.

``tempfile.mkstemp`` creates 0600 files, so anything written through a temp file and renamed (uploads,
the per-document cache) would be unreadable to a dashboard running as another user; these helpers
give it the umask's mode instead.
"""

from __future__ import annotations

import os
from pathlib import Path


def file_mode() -> int:
    """0o666 minus the process umask. Read from /proc where possible: setting the umask to read it is
    process-wide, and Streamlit runs threads."""
    try:
        line = next(x for x in Path("/proc/self/status").read_text().splitlines() if x.startswith("Umask:"))
        mask = int(line.split()[1], 8)
    except (OSError, StopIteration, ValueError, IndexError):
        mask = os.umask(0o022)
        os.umask(mask)
    return 0o666 & ~mask
