"""``claimgraph plot timeline|agreement|map``: static figures for papers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from ..reports import DEFAULT_PLOT_PLACES, plot_agreement, plot_map, plot_timeline, save_figure
from ._analysis import _method_option, build_from_options, trust_of
from ._common import (
    analysis_options,
    documents_option,
    echoes_option,
    fail_cleanly,
    format_option,
    info,
    input_options,
    output_option,
)
from ._filters import check_place, check_property
from ._main import main

__all__: list[str] = []

_OUTPUT_HELP = "The figure's file: .png, .svg or .pdf (the format, unless --format)."


def _write(figure: Any, output: Path, fmt: str) -> None:
    save_figure(figure, output, fmt)
    info(f"wrote {output}")


@main.group()
def plot() -> None:
    """Static figures for papers (PNG, SVG or PDF; needs the plot extra).

    The format comes from -o's suffix (or --format). Trust weighs the sources
    as in claimgraph report, with the same --method.
    """


@plot.command()
@input_options
@analysis_options
@click.option("--place", default=None, help="Draw this place alone (any spelling).")
@click.option(
    "--top",
    type=click.IntRange(1),
    default=DEFAULT_PLOT_PLACES,
    show_default=True,
    help="Without --place, draw the most disputed places, this many.",
)
@_method_option
@echoes_option
@documents_option
@format_option("png", "svg", "pdf")
@output_option(required=True, help=_OUTPUT_HELP)
@fail_cleanly
def timeline(
    fmt: str,
    output: Path,
    place: str | None,
    top: int,
    method: str,
    echoes: bool,
    false_values: float | str,
    documents: bool,
    **options: Any,
) -> None:
    """Control over time: holder bands per place, disputed periods hatched."""
    cg = build_from_options(**options)
    check_place(cg, place)
    truth = trust_of(cg, method, echoes, false_values, documents)
    _write(plot_timeline(cg, place, top=top, truth=truth), output, fmt)


@plot.command()
@input_options
@analysis_options
@click.option("--property", "prop", default=None, help="Only this property (control, killed ...).")
@documents_option
@format_option("png", "svg", "pdf")
@output_option(required=True, help=_OUTPUT_HELP)
@fail_cleanly
def agreement(fmt: str, output: Path, prop: str | None, documents: bool, **options: Any) -> None:
    """Pairwise agreement of sources as a coloured matrix, with rates and items compared."""
    cg = build_from_options(**options)
    check_property(cg, prop)
    _write(plot_agreement(cg, property=prop, documents=documents), output, fmt)


@plot.command(name="map")
@input_options
@analysis_options
@_method_option
@echoes_option
@documents_option
@format_option("png", "svg", "pdf")
@output_option(required=True, help=_OUTPUT_HELP)
@fail_cleanly
def map_(
    fmt: str,
    output: Path,
    method: str,
    echoes: bool,
    false_values: float | str,
    documents: bool,
    **options: Any,
) -> None:
    """Places with coordinates (gazetteers) coloured by current holder, or disputed."""
    cg = build_from_options(**options)
    truth = trust_of(cg, method, echoes, false_values, documents)
    _write(plot_map(cg, truth=truth), output, fmt)
