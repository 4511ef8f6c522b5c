"""Reports: the dispute report in Markdown or HTML, and tables in JSON, CSV or Markdown."""

from ._html import DEFAULT_TOP, report_html
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
from ._tables import flat_value, markdown_table, markdown_text, render_records

__all__ = [
    "DEFAULT_TOP",
    "DISPUTE_COLUMNS",
    "PlaceSummary",
    "Provenance",
    "Report",
    "agreement_markdown",
    "build_report",
    "claim_citation",
    "dispute_rows",
    "disputes_markdown",
    "flat_value",
    "markdown_table",
    "markdown_text",
    "render_records",
    "report_html",
    "report_markdown",
    "timelines_markdown",
    "trust_texts",
]
