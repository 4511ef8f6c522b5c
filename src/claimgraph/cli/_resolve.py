"""``claimgraph resolve``: the most likely value per item, by truth discovery."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import click

from ..scoring.truth import (
    DEFAULT_METHOD,
    DEFAULT_MIN_CONFIDENCE,
    METHODS,
    Decision,
    ItemResult,
    TruthResult,
    discover_graph,
)
from ._analysis import build_from_options
from ._common import (
    analysis_options,
    documents_option,
    echo_or_write,
    echoes_option,
    fail_cleanly,
    format_option,
    input_options,
    output_option,
    pick_format,
)
from ._main import main

__all__ = ["render", "resolve"]

_FORMATS = ("json", "csv", "md")


@main.command()
@input_options
@analysis_options
@click.option(
    "--method",
    type=click.Choice(tuple(METHODS)),
    default=DEFAULT_METHOD,
    show_default=True,
    help="Truth-discovery method.",
)
@click.option(
    "--tolerance",
    type=click.FloatRange(min=0),
    default=None,
    help="Numbers at most this far apart are the same value.",
)
@click.option(
    "--relative-tolerance",
    type=click.FloatRange(min=0, max=1, max_open=True),
    default=None,
    help="Numbers differing by at most this share of the larger are the same value.",
)
@click.option(
    "--per-property/--per-source",
    default=True,
    show_default=True,
    help="Accu/AccuCopy: a source's accuracy and copying judged per property, or overall.",
)
@click.option(
    "--min-confidence",
    type=click.FloatRange(min=0, max=1, max_open=True),
    default=DEFAULT_MIN_CONFIDENCE,
    show_default=True,
    metavar="P",
    help="An item's most likely value is its answer only when its probability is "
    "above P; else the item is undecided and its competing values are listed. "
    "0 answers every item.",
)
@echoes_option
@documents_option
@format_option(*_FORMATS)
@output_option
@fail_cleanly
def resolve(
    method: str,
    tolerance: float | None,
    relative_tolerance: float | None,
    per_property: bool,
    min_confidence: float,
    echoes: bool,
    documents: bool,
    false_values: float | str,
    fmt: str | None,
    output: Path | None,
    **options: Any,
) -> None:
    """Pick the most likely value of each place (or subject) and property (per period).

    Items are those of the other analysis commands: spellings of one place are
    one subject, shown by the place's name (--exact-subjects keeps subjects as
    written), and claims more than --window days apart are different periods;
    a period of control is also cut where the claims show a change of holder
    (--change-rate). Counts are compared only when they are about comparable
    periods, as in disputes: the toll of a first day and a total for the week
    are two items.
    Sources are weighed by their estimated trust; the output gives, per item,
    the answer and its probability, or "undecided" when no value is believed
    more than --min-confidence, the belief in each candidate and the claims for
    and against, followed by each source's trust with an interval and the
    number of claims it rests on. A .txt document's own statements (no
    attribution) count as evidence, but the document is not listed among the
    scored sources unless --score-documents. The defaults (method, --echoes,
    --false-values) are those of every command that shows trust (report,
    sources), and the output names them.
    """
    if tolerance is not None and relative_tolerance is not None:
        raise click.UsageError("give --tolerance or --relative-tolerance, not both")
    result = discover_graph(
        build_from_options(**options),
        method=method,
        tolerance=tolerance,
        relative_tolerance=relative_tolerance,
        per_property=per_property,
        echoes=echoes,
        min_confidence=min_confidence,
        documents=documents,
        false_values=false_values,  # type: ignore[arg-type]
    )
    echo_or_write(render(result, pick_format(fmt, output, _FORMATS)), output)


def render(result: TruthResult, fmt: str) -> str:
    """The result as ``json`` (items and sources), ``csv`` (items) or ``md`` (both tables)."""
    if fmt == "json":
        document = {
            "method": result.method,
            "options": dict(result.options),
            "iterations": result.iterations,
            "converged": result.converged,
            "min_confidence": result.min_confidence,
            "documents_not_scored": result.documents_not_scored,
            "items": result.to_records(),
            "sources": result.source_records(),
        }
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    rows = result.to_records()
    if fmt == "csv":
        buffer = io.StringIO()
        fields = [
            "subject",
            "property",
            "period_start",
            "period_end",
            "status",
            "value",
            "leading",
            "confidence",
            "candidates",
            "supporting",
            "opposing",
            "out_of_date",
        ]
        writer = csv.DictWriter(
            buffer, fieldnames=fields, extrasaction="ignore", lineterminator="\n"
        )
        writer.writeheader()
        for item, row in zip(result.items, rows, strict=True):
            row["candidates"] = _candidates(item, "=", "; ")
            writer.writerow({k: ";".join(v) if isinstance(v, list) else v for k, v in row.items()})
        return buffer.getvalue()
    lines = [
        "# Resolved values",
        "",
        f"Truth discovery: {result.description}; {result.iterations} iterations, "
        f"{'converged' if result.converged else 'not converged'}.",
        "",
        f"An item is undecided when no value has probability above "
        f"{result.min_confidence:g} (--min-confidence).",
        "",
        "| subject | property | period | value | confidence | candidates | for | against |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for item in result.items:
        period = f"{item.period[0]}..{item.period[1]}" if item.period else ""
        shown = item.value if item.status is Decision.DECIDED else item.status.value
        lines.append(
            f"| {_cell(item.subject)} | {_cell(item.property)} | {period} | "
            f"{_cell(shown or '')} | {item.confidence:.2f} | "
            f"{_cell(_candidates(item, ' ', ', '))} | {len(item.supporting)} | "
            f"{len(item.opposing)} |"
        )
    if result.documents_not_scored:
        left = "; ".join(
            f"{_cell(name)}, {count} claim{'s' if count != 1 else ''}"
            for name, count in result.documents_not_scored.items()
        )
        lines += [
            "",
            "Documents speaking in their own voice, not scored as sources (their "
            f"claims count as evidence; --score-documents lists them): {left}.",
        ]
    lines += [
        "",
        "| source | trust | accuracy | 95% interval | claims | votes |",
        "|---|---|---|---|---|---|",
    ]
    for source in result.sources:
        lines.append(
            f"| {_cell(source.source)} | {source.trust:.3f} | {source.accuracy:.2f} | "
            f"{source.low:.2f}-{source.high:.2f} | {source.claims} | {source.weight:.4g} |"
        )
    return "\n".join(lines) + "\n"


def _candidates(item: ItemResult, between: str, separator: str) -> str:
    """The candidate values, most believed first, each with its probability."""
    ranked = sorted(item.belief.items(), key=lambda kv: -kv[1])
    return separator.join(f"{value}{between}{share:.2f}" for value, share in ranked)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
