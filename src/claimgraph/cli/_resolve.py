"""``claimgraph resolve``: the most likely value per item, by truth discovery."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import click

from ..scoring.truth import DEFAULT_METHOD, METHODS, TruthResult, discover_graph
from ._analysis import build_from_options
from ._common import (
    analysis_options,
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
@echoes_option
@format_option(*_FORMATS)
@output_option
@fail_cleanly
def resolve(
    method: str,
    tolerance: float | None,
    relative_tolerance: float | None,
    per_property: bool,
    echoes: bool,
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
    (--change-rate).
    Sources are weighed by their estimated trust; the output gives, per item,
    the chosen value, its confidence, the belief in each candidate and the
    claims for and against, followed by each source's trust with an interval
    and the number of claims it rests on. The defaults (method, --echoes,
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
            "value",
            "confidence",
            "supporting",
            "opposing",
            "out_of_date",
        ]
        writer = csv.DictWriter(
            buffer, fieldnames=fields, extrasaction="ignore", lineterminator="\n"
        )
        writer.writeheader()
        for row in rows:
            writer.writerow({k: ";".join(v) if isinstance(v, list) else v for k, v in row.items()})
        return buffer.getvalue()
    lines = [
        "# Resolved values",
        "",
        f"Truth discovery: {result.description}; {result.iterations} iterations, "
        f"{'converged' if result.converged else 'not converged'}.",
        "",
        "| subject | property | period | value | confidence | for | against |",
        "|---|---|---|---|---|---|---|",
    ]
    for item in result.items:
        period = f"{item.period[0]}..{item.period[1]}" if item.period else ""
        lines.append(
            f"| {_cell(item.subject)} | {_cell(item.property)} | {period} | "
            f"{_cell(item.value or '')} | {item.confidence:.2f} | {len(item.supporting)} | "
            f"{len(item.opposing)} |"
        )
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


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
