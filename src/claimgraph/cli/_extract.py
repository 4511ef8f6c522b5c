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
from ._feedback import clear_status, info, input_progress
from ._main import check_some_claims, main, text_options_of

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
    sides_file: Path | None,
    sources_file: Path | None,
    fmt: str | None,
    output: Path | None,
) -> None:
    """Read claims from narrative text: who says who holds which place, counts of
    killed, wounded, surrendered and evacuated, denials and blame.

    Each file's language (English or Spanish) is told from its words unless
    --lang names one; its date, when neither --year nor --doc-date is given,
    from its dateline, address or heading. Each claim keeps its document,
    sentence number and sentence.
    """
    from ..io import TABLE_SUFFIXES
    from ..text import extract_file

    for path in files:
        if path.suffix.lower() in TABLE_SUFFIXES:
            raise click.UsageError(
                f"{path} is a claim table, not narrative text: read it with "
                "`claimgraph claims` (every other command takes tables as they are)"
            )
    sources = SourceRegistry.from_file(sources_file) if sources_file else None
    options = text_options_of(lang, year, doc_date, sides_file, sources)
    claims: list[Claim] = []
    per_file: list[tuple[Path, int]] = []
    with input_progress(files, label="extracting from") as file_read:
        for path in files:
            found = extract_file(path, **options)
            claims.extend(found)
            per_file.append((path, len(found)))
            file_read(path)
    check_some_claims(per_file, lang)
    clear_status()
    write_claims(claims, output, fmt=pick_format(fmt, output, ("jsonl", "csv")))
    if output is not None:
        info(f"wrote {len(claims)} claims to {output}")
