"""``claimgraph extract``: claims from narrative text files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from ..io import write_claims
from ..model import Claim, SourceRegistry
from ._common import (
    fail_cleanly,
    format_option,
    output_option,
    pick_format,
    sources_option,
    text_options,
)
from ._main import main

__all__ = ["extract"]


@main.command()
@click.argument(
    "files",
    nargs=-1,
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE.txt...",
)
@text_options
@sources_option
@format_option("jsonl", "csv")
@output_option
@fail_cleanly
def extract(
    files: tuple[Path, ...],
    lang: str,
    year: int | None,
    doc_date: Any,
    sources_file: Path | None,
    fmt: str | None,
    output: Path | None,
) -> None:
    """Read claims from narrative text: who says who holds which place, counts of
    killed, wounded, surrendered and evacuated, denials and blame.

    Each claim keeps its document, sentence number and sentence.
    """
    from ..text import extract_file

    if year is not None and doc_date is not None:
        raise click.UsageError("give --year or --doc-date, not both")
    sources = SourceRegistry.from_file(sources_file) if sources_file else None
    claims: list[Claim] = []
    for path in files:
        claims.extend(extract_file(path, lang=lang, year=year, doc_date=doc_date, sources=sources))
    write_claims(claims, output, fmt=pick_format(fmt, output, ("jsonl", "csv")))
    if output is not None:
        click.echo(f"wrote {len(claims)} claims to {output}", err=True)
