"""One entry point that reads claims from any supported input."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from .._errors import InputError
from .._gc import collector_paused
from ..model import Claim
from ._tables import ColumnMapping, ExtraColumns, read_csv, read_jsonl

__all__ = ["TABLE_SUFFIXES", "TEXT_SUFFIXES", "read_claims"]

TABLE_SUFFIXES = frozenset({".csv", ".tsv", ".jsonl", ".ndjson"})
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})


def read_claims(
    paths: str | Path | Iterable[str | Path],
    *,
    mapping: ColumnMapping | None = None,
    extra_columns: ExtraColumns = "error",
    text_options: Mapping[str, Any] | None = None,
    on_file: Callable[[Path, list[Claim]], object] | None = None,
) -> list[Claim]:
    """Read claims from tables (``.csv``, ``.tsv``, ``.jsonl``) and narrative text (``.txt``).

    Parameters
    ----------
    paths : path or iterable of paths
        Input files, read in order; their claims are concatenated.
    mapping : mapping, optional
        Claim field -> column name, for tables whose columns have other names.
    extra_columns : {"error", "ignore"}
        What to do with columns that are neither claim fields nor mapped.
    text_options : mapping, optional
        Keyword arguments for text extraction (``lang``, ``year``, ``doc_date``,
        ``sources``, ``actors``), passed to :func:`claimgraph.text.extract_file` for
        text files. ``lang`` defaults to ``"auto"``: each text's language is told
        from its words, so files in different languages mix. The sides of
        ``actors`` (declared actors of other wars, :func:`claimgraph.text.read_actors`)
        are declared before any file is read, so tables may name them as values
        of control too.
    on_file : callable, optional
        Called with each path and the claims read from it, as soon as that file
        is read (for progress, or to tell which file gave no claims).

    Raises
    ------
    InputError
        Naming the file, line and field of the first problem.
    """
    if isinstance(paths, str | Path):
        paths = [paths]
    if text_options and text_options.get("actors"):
        _declare_sides(text_options["actors"])
    with collector_paused():
        return _read_all(paths, mapping, extra_columns, text_options, on_file)


def _read_all(
    paths: Iterable[str | Path],
    mapping: ColumnMapping | None,
    extra_columns: ExtraColumns,
    text_options: Mapping[str, Any] | None,
    on_file: Callable[[Path, list[Claim]], object] | None = None,
) -> list[Claim]:
    claims: list[Claim] = []
    seen_any = False
    for raw in paths:
        seen_any = True
        path = Path(raw)
        suffix = path.suffix.lower()
        if not path.exists():
            raise InputError("no such file", path=str(path))
        if path.is_dir():
            raise InputError("is a directory, not a file of claims", path=str(path))
        if suffix in {".csv", ".tsv"}:
            found = read_csv(path, mapping=mapping, extra=extra_columns)
        elif suffix in {".jsonl", ".ndjson"}:
            found = read_jsonl(path, mapping=mapping, extra=extra_columns)
        elif suffix in TEXT_SUFFIXES:
            from ..text import extract_file

            found = extract_file(path, **dict(text_options or {}))
        else:
            raise InputError(
                f"unsupported file type {suffix or '(none)'!r}; expected one of "
                f"{', '.join(sorted(TABLE_SUFFIXES | TEXT_SUFFIXES))}",
                path=str(path),
            )
        claims.extend(found)
        if on_file is not None:
            on_file(path, found)
    if not seen_any:
        raise InputError("no input files given")
    _check_unique_ids(claims)
    return claims


def _declare_sides(actors: Any) -> None:
    """Make the sides of declared actors valid control values (tables may use them)."""
    from ..model import declare_side
    from ..text import actors_from_mapping

    declared = actors_from_mapping(actors) if isinstance(actors, Mapping) else tuple(actors)
    for actor in declared:
        declare_side(actor.side)


def _check_unique_ids(claims: list[Claim]) -> None:
    seen: dict[str, Claim] = {}
    for claim in claims:
        other = seen.setdefault(claim.id, claim)
        if other is not claim:
            raise InputError(
                f"claim id {claim.id!r} is used twice (by {other!r} and {claim!r}); ids must "
                "be unique across all inputs",
                field="id",
            )
