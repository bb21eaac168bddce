"""Pure chart builders: a store table in, a ``go.Figure`` out (no Streamlit, no I/O).

Every figure has a title naming what it shows and for which regions, axis titles with units, a
source line (来源：outlet and publication months of the rows shown), the CJK font pinned, and
hover text with value, qualifier and unit. ``customdata[0]`` of every point is the id of the row
it draws (``fact_id``, ``event_id``, ``term_id(region, term)`` or comma-joined ``link_id``s), so a
selection can be traced back to its sentence. One module per concern: ``common`` (font, base
layout, source line, region text, slugs, value labels, display units), ``compare`` (the
``facts`` table: one indicator across regions as bars or lines over periods, coverage), ``events`` (the timeline), ``keywords`` with
``keyword_rows`` (distinctive and shared terms), ``links`` (network and map). This package
re-exports what pages, ``lib.dashboard.views`` and the tests use, so ``charts.indicator_bars(...)``
works.
"""

from __future__ import annotations

from lib.dashboard.charts.common import FONT_FAMILY, display_units, slug, source_line, value_label
from lib.dashboard.charts.compare import (
    cell_key,
    coverage_counts,
    coverage_heatmap,
    coverage_rows,
    first_mentions,
    indicator_bars,
    indicator_lines,
)
from lib.dashboard.charts.events import date_label, event_timestamp, timeline
from lib.dashboard.charts.keywords import keyword_bars, shared_terms, term_id
from lib.dashboard.charts.links import (
    OTHER_RELATION_COLOR,
    RELATION_COLORS,
    RELATION_ORDER,
    link_edges,
    link_map,
    link_network,
    link_nodes,
    relation_color,
)

__all__ = [
    "FONT_FAMILY",
    "OTHER_RELATION_COLOR",
    "RELATION_COLORS",
    "RELATION_ORDER",
    "cell_key",
    "coverage_counts",
    "coverage_heatmap",
    "coverage_rows",
    "date_label",
    "display_units",
    "event_timestamp",
    "first_mentions",
    "indicator_bars",
    "indicator_lines",
    "keyword_bars",
    "link_edges",
    "link_map",
    "link_network",
    "link_nodes",
    "relation_color",
    "shared_terms",
    "slug",
    "source_line",
    "term_id",
    "timeline",
    "value_label",
]
