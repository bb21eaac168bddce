"""Server-side PNG and ZIP export of Plotly figures with kaleido 1.x and Debian's chromium.

All figures of one call are rendered in ONE browser session (``kaleido.write_fig_from_object_sync``),
about 0.2 s per figure instead of a browser start (2-3 s) per figure. MathJax is off (kaleido
would fetch it from a CDN). Files get explicit names: kaleido's own naming strips non-ASCII
titles. Nothing can download a browser here, so a missing chromium raises ``ExportUnavailable``
with what to install; the modebar camera in the browser works without any of this.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import tempfile
import zipfile
from pathlib import Path

import plotly.graph_objects as go

SCALE = 2
WIDTH = 1100
HEIGHT = 560
CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome", "chrome")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


class ExportUnavailable(RuntimeError):
    """No Chrome/Chromium to render with: PNG export is off, the browser's modebar still works."""


def chromium_path() -> str | None:
    """``BROWSER_PATH`` if set and executable, else Debian's chromium, else a Chrome on PATH."""
    env = os.environ.get("BROWSER_PATH")
    for candidate in ([env] if env else []) + list(CHROMIUM_CANDIDATES):
        found = candidate if os.path.isabs(candidate) else shutil.which(candidate)
        if found and os.access(found, os.X_OK):
            return found
    return None


def require_chromium() -> str:
    path = chromium_path()
    if path is None:
        raise ExportUnavailable(
            "no Chrome/Chromium found for PNG export (looked at $BROWSER_PATH, "
            f"{', '.join(CHROMIUM_CANDIDATES)}): apt-get install chromium fonts-wqy-microhei"
        )
    return path


def safe_name(name: str) -> str:
    """A file stem kaleido and ZIP readers accept: ASCII letters, digits, '-', '_' and '.'."""
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-.")
    if not stem:
        raise ValueError(f"figure name {name!r} has no ASCII letters or digits: give an explicit ASCII name")
    return stem


def figures_to_png(
    figs: dict[str, go.Figure], scale: float = SCALE, width: int = WIDTH, height: int = HEIGHT
) -> dict[str, bytes]:
    """Render every figure to PNG bytes in one kaleido browser session; keys are kept."""
    if not figs:
        return {}
    browser = require_chromium()
    stems = {name: safe_name(name) for name in figs}
    if len(set(stems.values())) != len(stems):
        raise ValueError(f"figure names collide once made file-safe: {stems}")
    import kaleido  # imported late: the dashboard starts without paying for it

    with tempfile.TemporaryDirectory(prefix="rdd-export-") as tmp:
        jobs = [
            {
                "fig": fig,
                "path": Path(tmp) / f"{stems[name]}.png",
                # A figure that sets its own height (timeline, keyword panels) keeps it.
                "opts": {"format": "png", "scale": scale, "width": width, "height": fig.layout.height or height},
                "topojson": topojson_url(),  # maps: the vendored base map, never the CDN
            }
            for name, fig in figs.items()
        ]
        kaleido.write_fig_from_object_sync(jobs, kopts={"mathjax": False, "path": browser})
        out = {}
        for name in figs:
            path = Path(tmp) / f"{stems[name]}.png"
            if not path.exists():
                raise RuntimeError(f"kaleido wrote no file for figure {name!r} ({path.name})")
            out[name] = path.read_bytes()
    return out


def zip_pngs(pngs: dict[str, bytes]) -> bytes:
    """A ZIP holding ``<name>.png`` per entry (names made file-safe)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in pngs.items():
            zf.writestr(f"{safe_name(name)}.png", data)
    return buf.getvalue()


def png_size(data: bytes) -> tuple[int, int]:
    """(width, height) from a PNG's IHDR chunk; ValueError when it is not a PNG."""
    if not data.startswith(PNG_SIGNATURE) or data[12:16] != b"IHDR":
        raise ValueError("not a PNG")
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def topojson_url() -> str | None:
    """Where kaleido loads map base layers from: ``plotly.io.defaults.topojson`` when set, else the
    vendored ``static/topojson/`` folder as a file:// URL (see lib/dashboard/maps.py), else None (the CDN,
    which fails offline). Only figures with a geo subplot use it."""
    import plotly.io as pio

    from lib.dashboard import maps

    if pio.defaults.topojson:
        return pio.defaults.topojson
    return maps.topojson_file_url() if maps.topojson_available() else None


def use_local_topojson() -> str | None:
    """Point ``plotly.io.defaults.topojson`` at the vendored base map, so ``fig.write_image`` works
    offline too; returns the URL set (None when the files are missing)."""
    import plotly.io as pio

    from lib.dashboard import maps

    if maps.topojson_available():
        pio.defaults.topojson = maps.topojson_file_url()
        return pio.defaults.topojson
    return None
