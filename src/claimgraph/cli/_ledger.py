"""``claimgraph ingest``: keep claims in a ledger that every command reads with ``--db``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from ..io import parse_mapping
from ..model import Claim, SourceRegistry
from ._common import db_option, fail_cleanly, info, sources_option, text_options
from ._feedback import clear_status, input_progress, quiet_option, warn
from ._main import main, text_options_of, why_empty

__all__ = ["ingest"]


@main.command()
@click.argument(
    "inputs",
    nargs=-1,
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="INPUT...",
)
@db_option(
    required=True,
    help="The ledger (SQLite) to add the claims to; made when it does not exist.",
)
@click.option(
    "--map",
    "mapping",
    multiple=True,
    metavar="FIELD=COLUMN,...",
    help="Read claim fields from differently named columns, e.g. source=SourceID,subject=ObjectID.",
)
@click.option(
    "--ignore-extra-columns",
    is_flag=True,
    help="Ignore table columns that are not claim fields instead of failing.",
)
@text_options
@sources_option
@click.option(
    "--gazetteer",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    default=None,
    help="CSV of places (name, aliases, parent, lat, lon) for the place resolution the "
    "ledger keeps (its places tables); later ingests keep using it.",
)
@click.option(
    "--no-builtin-gazetteer",
    is_flag=True,
    help="Resolve the ledger's places without the bundled gazetteer of exonyms.",
)
@quiet_option
@fail_cleanly
def ingest(
    inputs: tuple[Path, ...],
    db: Path,
    mapping: tuple[str, ...],
    ignore_extra_columns: bool,
    lang: str,
    year: int | None,
    doc_date: Any,
    sides_file: Path | None,
    sources_file: Path | None,
    gazetteer: Path | None,
    no_builtin_gazetteer: bool,
) -> None:
    """Add claims to a ledger: an SQLite file of claims, sources, places and provenance.

    Each INPUT is read as every command reads it (tables as they are, .txt
    narrative extracted with --lang, --year, --doc-date, --sides, --sources).
    A file already in the ledger with the same content (SHA-256) and reading
    options adds nothing; a changed file has its claims replaced. Everything is
    written in one transaction once every file is read: a bad file, or an
    ingest that is killed, leaves the ledger as it was. The --sources registry
    and --sides are kept and used by every command given --db. The ledger opens
    in Datasette or any SQLite client as it is; docs/ledger.md has the schema.
    """
    from ..ledger import Ledger

    registry = SourceRegistry.from_file(sources_file) if sources_file else None
    options = text_options_of(lang, year, doc_date, sides_file, registry)
    per_file: list[tuple[Path, int]] = []
    with Ledger.open(db, create=True) as ledger, input_progress(inputs) as file_read:

        def note(path: Path, found: list[Claim]) -> None:
            per_file.append((path, len(found)))
            file_read(path)

        result = ledger.ingest(
            inputs,
            mapping=parse_mapping(mapping),
            extra_columns="ignore" if ignore_extra_columns else "error",
            text_options=options,
            gazetteer=gazetteer,
            builtin_gazetteer=not no_builtin_gazetteer,
            on_file=note,
        )
        total = ledger.count()
    clear_status()
    for path, count in per_file:
        if count == 0:  # kept as an empty file, so that re-ingesting it adds nothing
            warn(f"{path}: no claims: {why_empty(path, lang)}")
    for done in result.files:
        if done.status == "unchanged":
            info(f"{done.path}: unchanged (same content and options): nothing added")
        elif done.status == "reread":
            info(f"{done.path}: read again (other reading options): {done.claims:,} claims")
        elif done.status == "replaced":
            info(f"{done.path}: changed: {done.removed:,} claims replaced by {done.claims:,}")
        else:
            info(f"{done.path}: added {done.claims:,} claims")
    info(f"{db}: {result.summary()}; {total:,} claims in the ledger")
