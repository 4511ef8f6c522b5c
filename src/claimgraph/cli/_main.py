"""The ``claimgraph`` command: a thin layer over the library."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from .. import __version__
from ..io import parse_mapping, read_claims, write_claims
from ..model import Claim, SourceRegistry
from ._common import fail_cleanly, format_option, input_options, output_option, pick_format

__all__ = ["load_inputs", "main", "text_options_of"]


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="claimgraph")
def main() -> None:
    """Claims attributed to sources: who says who holds which place, and how far sources agree.

    INPUT files are claim tables (.csv, .tsv, .jsonl) or narrative text (.txt).
    With no INPUT, commands run on the bundled example claims.
    """


def load_inputs(
    inputs: tuple[Path, ...],
    mapping: tuple[str, ...] = (),
    ignore_extra_columns: bool = False,
    lang: str = "auto",
    year: int | None = None,
    doc_date: Any = None,
    sides_file: Path | None = None,
    sources: SourceRegistry | None = None,
) -> list[Claim]:
    """Read the command's inputs, or the bundled example claims when there are none."""
    text_options = text_options_of(lang, year, doc_date, sides_file, sources)
    if not inputs:
        from ..data import example_claims

        return example_claims()
    return read_claims(
        inputs,
        mapping=parse_mapping(mapping),
        extra_columns="ignore" if ignore_extra_columns else "error",
        text_options=text_options,
    )


def text_options_of(
    lang: str = "auto",
    year: int | None = None,
    doc_date: Any = None,
    sides_file: Path | None = None,
    sources: SourceRegistry | None = None,
) -> dict[str, Any]:
    """The keyword arguments of :func:`claimgraph.text.extract_file` the options give;
    ``--sides`` is read here, so a malformed file fails before any input is read."""
    if year is not None and doc_date is not None:
        raise click.UsageError("give --year or --doc-date, not both")
    text_options: dict[str, Any] = {"lang": lang}
    if year is not None:
        text_options["year"] = year
    if doc_date is not None:
        text_options["doc_date"] = doc_date
    if sides_file is not None:
        from ..text import read_actors

        text_options["actors"] = read_actors(sides_file)
    if sources is not None:
        text_options["sources"] = sources
    return text_options


@main.command()
@input_options
@format_option("jsonl", "csv")
@output_option
@fail_cleanly
def claims(inputs: tuple[Path, ...], fmt: str | None, output: Path | None, **read: Any) -> None:
    """Validate and normalize claims; write them as JSONL (or CSV).

    Sides are made canonical (regime -> government), numbers become low/high
    bounds, and every claim gets an id. The first bad field stops the run with
    its file, line and field.
    """
    loaded = load_inputs(inputs, **read)
    chosen = pick_format(fmt, output, ("jsonl", "csv"))
    write_claims(loaded, output, fmt=chosen)
    if output is not None:
        click.echo(f"wrote {len(loaded)} claims to {output}", err=True)


# Commands defined in their own modules register themselves on ``main``.
from . import _analysis, _extract, _resolve  # noqa: E402, F401
