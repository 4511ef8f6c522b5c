"""Reports: the Markdown dispute report, and tables in JSON, CSV or Markdown."""

from ._markdown import (
    DISPUTE_COLUMNS,
    agreement_markdown,
    claim_citation,
    dispute_rows,
    disputes_markdown,
    report_markdown,
    timelines_markdown,
)
from ._tables import flat_value, markdown_table, markdown_text, render_records

__all__ = [
    "DISPUTE_COLUMNS",
    "agreement_markdown",
    "claim_citation",
    "dispute_rows",
    "disputes_markdown",
    "flat_value",
    "markdown_table",
    "markdown_text",
    "render_records",
    "report_markdown",
    "timelines_markdown",
]
