"""Reports: the dispute report in Markdown or HTML, figures (PNG, SVG, PDF), and tables
in JSON, CSV or Markdown."""

from ._html import DEFAULT_TOP, TileSource, report_html
from ._markdown import (
    DISPUTE_COLUMNS,
    agreement_markdown,
    claim_citation,
    dispute_rows,
    disputes_markdown,
    report_markdown,
    timelines_markdown,
)
from ._model import PlaceSummary, Provenance, Report, build_report, trust_texts
from ._plot import (
    DEFAULT_PLOT_PLACES,
    FIGURE_FORMATS,
    plot_agreement,
    plot_map,
    plot_timeline,
    save_figure,
)
from ._tables import flat_value, markdown_table, markdown_text, render_records

__all__ = [
    "DEFAULT_PLOT_PLACES",
    "DEFAULT_TOP",
    "DISPUTE_COLUMNS",
    "FIGURE_FORMATS",
    "PlaceSummary",
    "Provenance",
    "Report",
    "TileSource",
    "agreement_markdown",
    "build_report",
    "claim_citation",
    "dispute_rows",
    "disputes_markdown",
    "flat_value",
    "markdown_table",
    "markdown_text",
    "plot_agreement",
    "plot_map",
    "plot_timeline",
    "render_records",
    "report_html",
    "report_markdown",
    "save_figure",
    "timelines_markdown",
    "trust_texts",
]
