"""Commands over the claim graph: places, disputes, sources, graph, report."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from ..disputes import find_disputes
from ..graph import GRAPH_FORMATS, ClaimGraph, export_graph
from ..model import SourceRegistry
from ..reports import (
    agreement_markdown,
    dispute_rows,
    disputes_markdown,
    render_records,
    report_markdown,
)
from ..scoring import source_agreement
from ._common import (
    analysis_options,
    echo_or_write,
    fail_cleanly,
    format_option,
    input_options,
    output_option,
    pick_format,
)
from ._main import load_inputs, main

__all__ = ["build_from_options"]


def build_from_options(
    inputs: tuple[Path, ...],
    window: int | None,
    gazetteer: Path | None,
    sources_file: Path | None,
    **read: Any,
) -> ClaimGraph:
    """Read the inputs and build the claim graph as the shared options say."""
    from ..places import Gazetteer

    claims = load_inputs(inputs, **read)
    return ClaimGraph.build(
        claims,
        window=window,
        gazetteer=None if gazetteer is None else Gazetteer.from_csv(gazetteer),
        sources=None if sources_file is None else SourceRegistry.from_file(sources_file),
    )


@main.command()
@input_options
@analysis_options
@format_option("md", "json", "csv")
@output_option
@fail_cleanly
def places(fmt: str | None, output: Path | None, **options: Any) -> None:
    """Canonical places with their spellings and why they were merged."""
    cg = build_from_options(**options)
    assert cg.places is not None
    chosen = pick_format(fmt, output, ("md", "json", "csv"))
    records = cg.places.to_records()
    if chosen != "json":
        records = [
            {
                "place": r["name"],
                "id": r["id"],
                "variants": r["variants"],
                "merged by": [
                    f"{m['a']} ~ {m['b']}: {m['rule']} ({m['score']:.0f})" for m in r["merges"]
                ],
                "parent": r.get("parent"),
            }
            for r in records
        ]
    echo_or_write(render_records(records, chosen), output)


@main.command()
@input_options
@analysis_options
@click.option("--property", "prop", default=None, help="Only this property (control, killed ...).")
@click.option("--place", default=None, help="Only this place (any spelling).")
@format_option("md", "json", "csv")
@output_option
@fail_cleanly
def disputes(
    fmt: str | None, output: Path | None, prop: str | None, place: str | None, **options: Any
) -> None:
    """Disputed periods per place, with the sources on each side and the evidence.

    A place held by one side and later by another has changed hands; it is
    disputed when sources give different holders for the same days (within
    --window), one says control is unclear, or one denies another's claim.
    Counts are disputed when numbers for the same period cannot both hold.
    """
    cg = build_from_options(**options)
    found = find_disputes(cg, property=prop, place=place)
    chosen = pick_format(fmt, output, ("md", "json", "csv"))
    if chosen == "md":
        text = disputes_markdown(found)
    elif chosen == "json":
        text = render_records([d.to_record() for d in found], "json")
    else:
        text = render_records(dispute_rows(found), "csv")
    echo_or_write(text, output)


@main.command()
@input_options
@analysis_options
@click.option("--property", "prop", default=None, help="Only this property (control, killed ...).")
@format_option("md", "json", "csv")
@output_option
@fail_cleanly
def sources(fmt: str | None, output: Path | None, prop: str | None, **options: Any) -> None:
    """Pairwise agreement of sources and per-source corroboration figures.

    Agreement is counted over items (a place, a property, a stretch of time)
    that both sources speak about, on each source's last word. The 95 %
    interval and kappa show how much a rate can be trusted; pairs on the same
    side may echo each other.
    """
    cg = build_from_options(**options)
    agreement = source_agreement(cg, property=prop)
    chosen = pick_format(fmt, output, ("md", "json", "csv"))
    pairs = [p.to_record() for p in agreement.pairs]
    figures = [s.to_record() for s in agreement.sources]
    if chosen == "md":
        text = agreement_markdown(agreement)
    elif chosen == "json":
        text = json.dumps({"pairs": pairs, "sources": figures}, ensure_ascii=False, indent=2)
    else:
        text = render_records(pairs, "csv")
    echo_or_write(text, output)


@main.command()
@input_options
@analysis_options
@format_option(*GRAPH_FORMATS)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    required=True,
    help="The graph file: .graphml or .gexf for Gephi, .json for node-link JSON.",
)
@fail_cleanly
def graph(fmt: str | None, output: Path, **options: Any) -> None:
    """Write the claim graph (claims, sources, places and their relations) to a file."""
    cg = build_from_options(**options)
    export_graph(cg, output, fmt=fmt)
    g = cg.graph
    click.echo(
        f"wrote {output}: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges", err=True
    )


@main.command()
@input_options
@analysis_options
@click.option("--title", default="Disputed control report", show_default=True)
@output_option
@fail_cleanly
def report(title: str, output: Path | None, **options: Any) -> None:
    """A readable Markdown report: disputes with their sentences, timelines, agreement."""
    cg = build_from_options(**options)
    echo_or_write(report_markdown(cg, title=title), output)
