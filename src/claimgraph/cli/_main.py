"""The ``claimgraph`` command: a thin layer over the library."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from .. import __version__
from .._errors import ClaimgraphError
from ..io import parse_mapping, read_claims, write_claims
from ..model import Claim, SourceRegistry
from ._common import fail_cleanly, format_option, input_options, output_option, pick_format
from ._feedback import clear_status, info, input_progress, status, warn

__all__ = [
    "check_some_claims",
    "input_names",
    "load_inputs",
    "load_ledger",
    "main",
    "text_options_of",
    "why_empty",
]


@click.group(
    name="claimgraph",
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(__version__, prog_name="claimgraph")
def main() -> None:
    """Claims attributed to sources: who says who holds which place, and how far sources agree.

    INPUT files are claim tables (.csv, .tsv, .jsonl) or narrative text (.txt).
    With no INPUT, commands run on the bundled example claims; with --db, on
    the claims of a ledger that claimgraph ingest keeps.

    Exit status: 0 when the command did its work (an empty answer, such as no
    disputes, is said on standard error), 1 when an input or output file is
    wrong, the input holds no claims or a --place or --property is not in it,
    2 when the command line is.
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
    db: Path | None = None,
) -> list[Claim]:
    """Read the command's inputs, or a ledger's claims (``--db``), or the bundled
    example claims when there are none."""
    if db is not None:
        return load_ledger(
            db,
            inputs,
            sources,
            mapping=mapping,
            ignore_extra_columns=ignore_extra_columns,
            lang=lang,
            year=year,
            doc_date=doc_date,
            sides_file=sides_file,
        )[0]
    text_options = text_options_of(lang, year, doc_date, sides_file, sources)
    if not inputs:
        from ..data import example_claims

        return example_claims()
    per_file: list[tuple[Path, int]] = []
    with input_progress(inputs) as file_read:

        def note(path: Path, found: list[Claim]) -> None:
            per_file.append((path, len(found)))
            file_read(path)

        claims = read_claims(
            inputs,
            mapping=parse_mapping(mapping),
            extra_columns="ignore" if ignore_extra_columns else "error",
            text_options=text_options,
            on_file=note,
        )
    check_some_claims(per_file, text_options.get("lang", "auto"))
    status(f"working on {len(claims):,} claims")
    return claims


#: Reading options, with their defaults: they apply to INPUT files, not to a ledger.
_READING_OPTIONS = {
    "mapping": ("--map", ()),
    "ignore_extra_columns": ("--ignore-extra-columns", False),
    "lang": ("--lang", "auto"),
    "year": ("--year", None),
    "doc_date": ("--doc-date", None),
    "sides_file": ("--sides", None),
}


def load_ledger(
    db: Path,
    inputs: tuple[Path, ...] = (),
    sources: SourceRegistry | None = None,
    **read: Any,
) -> tuple[list[Claim], SourceRegistry | None]:
    """The claims of the ledger at ``db``, and the source registry to link them with
    (the ledger's, with ``--sources`` added over it).

    Raises
    ------
    click.UsageError
        When INPUT files are given too, or an option for reading files is.
    LedgerError
        When ``db`` is missing or is not a ledger.
    """
    import warnings

    from ..io._load import alignment_conflicts
    from ..ledger import Ledger

    if inputs:
        raise click.UsageError(
            f"give INPUT files or --db, not both (--db {db} already holds the claims; "
            "add files to it with claimgraph ingest)"
        )
    for key, (flag, default) in _READING_OPTIONS.items():
        if read.get(key, default) != default:
            raise click.UsageError(
                f"{flag} is for reading INPUT files; the claims of --db {db} were read "
                "when they were ingested (give it to claimgraph ingest)"
            )
    status(f"reading {db}")
    with Ledger.open(db) as ledger:
        claims = ledger.claims()
        kept = ledger.sources()
        origins = ledger.origins()
    registry = kept.merged(sources) if sources is not None else kept
    for warning in alignment_conflicts(claims, origins, registry if len(registry) else None):
        warnings.warn(warning, stacklevel=2)
    if not claims:
        raise click.ClickException(f"no claims in the ledger {db}")
    status(f"working on {len(claims):,} claims")
    return claims, registry if len(registry) else None


def input_names(inputs: tuple[Path, ...], db: Path | None) -> list[str]:
    """The input files as the command line gave them; with ``--db``, the ledger's
    files as they were given to claimgraph ingest, in the ledger's order."""
    if db is None:
        return [str(path) for path in inputs]
    from ..ledger import Ledger

    with Ledger.open(db) as ledger:
        return [f.given_path for f in ledger.files()]


def check_some_claims(per_file: list[tuple[Path, int]], lang: str = "auto") -> None:
    """Warn of each input file that gave no claims, saying why; fail if none gave any.

    Raises
    ------
    click.ClickException
        When no file gave a claim: there is nothing to analyse or write.
    """
    empty = [(path, why_empty(path, lang)) for path, count in per_file if count == 0]
    if not empty:
        return
    if len(empty) < len(per_file):
        for path, why in empty:
            warn(f"{path}: no claims: {why}")
        return
    shown = "; ".join(f"{path}: {why}" for path, why in empty[:3])
    more = f"; and {len(empty) - 3} more files" if len(empty) > 3 else ""
    raise click.ClickException(f"no claims in the input: {shown}{more}")


def why_empty(path: Path, lang: str) -> str:
    """Why ``path`` gave no claims: a table without rows, or a text no sentence of
    which says anything the reader takes (with the language it looks like)."""
    from ..io import TEXT_SUFFIXES

    if path.suffix.lower() not in TEXT_SUFFIXES:
        return "the table has a header but no rows"
    from ..io._text import read_text
    from ..text import detect_language

    try:
        looks = detect_language(read_text(path, kind="narrative text"))
    except ClaimgraphError:
        looks = None
    read_as = looks if lang == "auto" else lang
    why = (
        f"no sentence of the text (read as {_LANGUAGES.get(read_as or '', read_as)}) says "
        "who holds a place, counts casualties, denies or blames"
    )
    if lang != "auto" and looks is not None and looks != lang:
        why += f"; it looks {_LANGUAGES.get(looks, looks)}: try --lang {looks} or auto"
    return why


_LANGUAGES = {"en": "English", "es": "Spanish"}


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
    clear_status()
    write_claims(loaded, output, fmt=chosen)
    if output is not None:
        info(f"wrote {len(loaded)} claims to {output}")


# Commands defined in their own modules register themselves on ``main``.
from . import _analysis, _extract, _ledger, _plot, _resolve  # noqa: E402, F401
