"""One entry point that reads claims from any supported input."""

from __future__ import annotations

import csv
import io
import warnings
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from .._errors import AlignmentWarning, InputError
from .._gc import collector_paused
from ..model import Claim, SourceRegistry, fold
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

    Warns
    -----
    AlignmentWarning
        For each source that the inputs give two alignments (``independent``
        in one file, ``opposition`` in another; a text's sources take theirs from
        the source registry), naming each alignment with the first file, and
        line or sentence, that gives it. The claims are returned as read; the
        claim graph settles one alignment per source: the one of
        ``text_options["sources"]`` (the ``--sources`` registry) when it has
        one, else the one most of the source's claims give.
    """
    if isinstance(paths, str | Path):
        paths = [paths]
    if text_options and text_options.get("actors"):
        _declare_sides(text_options["actors"])
    with collector_paused():
        claims, origins = _read_all(paths, mapping, extra_columns, text_options, on_file)
    registry = (text_options or {}).get("sources")
    for warning in alignment_conflicts(
        claims, origins, registry if isinstance(registry, SourceRegistry) else None
    ):
        warnings.warn(warning, stacklevel=2)
    return claims


def _read_all(
    paths: Iterable[str | Path],
    mapping: ColumnMapping | None,
    extra_columns: ExtraColumns,
    text_options: Mapping[str, Any] | None,
    on_file: Callable[[Path, list[Claim]], object] | None = None,
) -> tuple[list[Claim], list[tuple[int, Path]]]:
    """The claims of every file, and where each file's claims start."""
    claims: list[Claim] = []
    origins: list[tuple[int, Path]] = []
    seen_any = False
    for raw in paths:
        seen_any = True
        path = Path(raw)
        suffix = path.suffix.lower()
        if not path.exists():
            raise InputError("no such file", path=str(path))
        if path.is_dir():
            raise InputError("is a directory, not a file of claims", path=str(path))
        origins.append((len(claims), path))
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
    return claims, origins


def alignment_conflicts(
    claims: Sequence[Claim],
    origins: Sequence[tuple[int, Path]],
    registry: SourceRegistry | None = None,
) -> list[AlignmentWarning]:
    """A warning for each source whose claims give two or more alignments.

    ``origins`` are ``(first claim, path)`` per file, in order. Sources are
    taken by their names in ``registry`` (as the claim graph takes them),
    alignments case- and accent-blind. Each alignment is named with the first
    file that gives it, with the line of a table row (found again in the file,
    or told by an id the reader made, ``stem:line``; else the claim's id), and
    the sentence of a text.

    Examples
    --------
    >>> from claimgraph.testing import make_claim
    >>> claims = [make_claim("SOHR", "Hilan", "army", alignment="independent", id="a:2"),
    ...           make_claim("SOHR", "Hilan", "army", alignment="opposition", id="b:5")]
    >>> [str(w) for w in alignment_conflicts(claims, [(0, Path("a.csv")), (1, Path("b.csv"))])]
    ["source 'SOHR' has 2 alignments in the inputs: 'independent' (a.csv line 2) and \
'opposition' (b.csv line 5); the one most of its claims give, 'independent', is used \
(a --sources file settles it)"]
    """
    # each (source, alignment) as named, with its first claim and its count: a
    # table repeats a few of them millions of times
    pairs: dict[tuple[str, str], list[int]] = {}
    for index, claim in enumerate(claims):
        if claim.alignment is None:
            continue
        seen = pairs.get((claim.source, claim.alignment))
        if seen is None:
            pairs[claim.source, claim.alignment] = [index, 1]
        else:
            seen[1] += 1
    given: dict[str, dict[str, tuple[str, int]]] = {}
    counts: dict[str, dict[str, int]] = {}
    for (name, alignment), (index, count) in pairs.items():  # in order of first claims
        source = name if registry is None else registry.canonical(name)
        first = given.setdefault(source, {})
        first.setdefault(fold(alignment), (alignment, index))
        tally = counts.setdefault(source, {})
        tally[alignment] = tally.get(alignment, 0) + count
    out = []
    for source, alignments in given.items():
        if len(alignments) < 2:
            continue
        places = [
            (alignment, _where(claims, index, origins)) for alignment, index in alignments.values()
        ]
        stated = registry.alignment(source) if registry is not None else None
        if stated is not None:
            settled = f"the source registry's {stated!r} is used"
        else:
            tally = counts[source]
            most = sorted(tally, key=lambda a: (-tally[a], a))[0]
            settled = (
                f"the one most of its claims give, {most!r}, is used (a --sources file settles it)"
            )
        out.append(AlignmentWarning(source, places, settled))
    return out


def _where(claims: Sequence[Claim], index: int, origins: Sequence[tuple[int, Path]]) -> str:
    """The file of claim ``index``, and its line or sentence when known."""
    claim = claims[index]
    found = [(k, start, path) for k, (start, path) in enumerate(origins) if start <= index]
    if not found:
        return f"claim {claim.id}"
    k, start, path = found[-1]
    if path.suffix.lower() in TEXT_SUFFIXES:
        return f"{path} sentence {claim.sentence}" if claim.sentence else str(path)
    end = origins[k + 1][0] if k + 1 < len(origins) else len(claims)
    lines = _row_lines(path)
    if lines is not None and len(lines) == end - start:
        return f"{path} line {lines[index - start]}"
    stem, _, line = claim.id.rpartition(":")
    if stem == path.stem and line.isdigit():
        return f"{path} line {line}"
    return f"{path} claim {claim.id}"


def _row_lines(path: Path) -> list[int] | None:
    """The physical line each claim of a table starts on (header: line 1), as the
    readers number them; ``None`` when the file cannot be read again."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    if path.suffix.lower() in {".jsonl", ".ndjson"}:
        return [n for n, line in enumerate(text.splitlines(), start=1) if line.strip()]
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    out: list[int] = []
    try:
        next(reader)
        start = reader.line_num + 1
        for row in reader:
            if row and any(cell.strip() for cell in row):
                out.append(start)
            start = reader.line_num + 1
    except (csv.Error, StopIteration):
        return None
    return out


def _declare_sides(actors: Any) -> None:
    """Make the sides of declared actors valid control values (tables may use them)."""
    from ..model import declare_side
    from ..text import actors_from_mapping

    declared = actors_from_mapping(actors) if isinstance(actors, Mapping) else tuple(actors)
    for actor in declared:
        declare_side(actor.side)


def _check_unique_ids(claims: list[Claim]) -> None:
    if len({claim.id for claim in claims}) == len(claims):
        return
    seen: dict[str, Claim] = {}
    for claim in claims:
        other = seen.setdefault(claim.id, claim)
        if other is not claim:
            raise InputError(
                f"claim id {claim.id!r} is used twice (by {other!r} and {claim!r}); ids must "
                "be unique across all inputs",
                field="id",
            )
