"""Claims from and to CSV and JSONL tables."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Literal

from .._errors import InputError, InvalidClaimError
from ..model import RECORD_FIELDS, Claim
from ._atomic import atomic_write
from ._text import read_text

__all__ = [
    "ColumnMapping",
    "claims_from_records",
    "parse_mapping",
    "read_csv",
    "read_jsonl",
    "write_claims",
]

#: Columns a claim table may have; ``date`` stands for ``start`` = ``end``.
KNOWN_COLUMNS: frozenset[str] = frozenset(RECORD_FIELDS) | {"date"}
REQUIRED: tuple[str, ...] = ("source", "subject", "property")

ColumnMapping = Mapping[str, str]
"""Claim field -> column name in the input table."""

ExtraColumns = Literal["error", "ignore"]


def parse_mapping(spec: str | Iterable[str] | None) -> dict[str, str]:
    """Parse ``"source=SourceID,subject=ObjectID"`` into ``{"source": "SourceID", ...}``.

    >>> parse_mapping("source=SourceID, value = PropertyValue")
    {'source': 'SourceID', 'value': 'PropertyValue'}
    >>> parse_mapping("colour=Red")
    Traceback (most recent call last):
    ...
    claimgraph._errors.InputError: field 'colour': not a claim field; expected one of ...
    """
    if spec is None:
        return {}
    parts: list[str] = []
    for chunk in [spec] if isinstance(spec, str) else spec:
        parts.extend(p for p in chunk.split(",") if p.strip())
    mapping: dict[str, str] = {}
    for part in parts:
        field, sep, column = part.partition("=")
        field, column = field.strip(), column.strip()
        if not sep or not field or not column:
            raise InputError(f"mapping entry {part.strip()!r} is not FIELD=COLUMN")
        if field not in KNOWN_COLUMNS:
            raise InputError(
                f"not a claim field; expected one of {', '.join(sorted(KNOWN_COLUMNS))}",
                field=field,
            )
        mapping[field] = column
    return mapping


def _rename(
    header: Sequence[str], mapping: ColumnMapping, path: str, extra: ExtraColumns
) -> dict[str, str]:
    """Map table columns to claim fields; complain about the unknown and the missing."""
    by_column = {column: field for field, column in mapping.items()}
    missing_mapped = [c for c in by_column if c not in header]
    if missing_mapped:
        raise InputError(
            f"mapped column(s) {missing_mapped} not in the header {list(header)}",
            path=path,
            line=1,
        )
    renamed: dict[str, str] = {}
    unknown: list[str] = []
    for column in header:
        if column in by_column:
            renamed[column] = by_column[column]
        elif column in KNOWN_COLUMNS and column not in mapping:
            renamed[column] = column
        else:
            unknown.append(column)
    if unknown and extra == "error":
        raise InputError(
            f"unknown column(s) {unknown}; claim fields are "
            f"{', '.join(sorted(KNOWN_COLUMNS))} (map others with --map FIELD=COLUMN "
            "or pass --ignore-extra-columns)",
            path=path,
            line=1,
        )
    fields = set(renamed.values())
    absent = [f for f in REQUIRED if f not in fields]
    if "value" not in fields and "low" not in fields and "high" not in fields:
        absent.append("value (or low/high)")
    if absent:
        raise InputError(f"missing required column(s): {', '.join(absent)}", path=path, line=1)
    return renamed


def claims_from_records(
    records: Iterable[tuple[int, Mapping[str, Any]]], path: str, *, id_prefix: str
) -> Iterator[Claim]:
    """Turn numbered records into claims, naming path, line and field on error."""
    for line, record in records:
        try:
            yield Claim.from_record(record, default_id=f"{id_prefix}:{line}")
        except InvalidClaimError as exc:
            raise InputError(
                f"expected {exc.expected}, got {exc.got!r}", path=path, line=line, field=exc.field
            ) from exc


def read_csv(
    path: str | Path,
    *,
    mapping: ColumnMapping | None = None,
    extra: ExtraColumns = "error",
    delimiter: str | None = None,
) -> list[Claim]:
    """Read claims from a CSV (or, with ``delimiter="\\t"`` or a ``.tsv`` name, TSV) file.

    Line numbers in errors are physical lines of the file (the header is line 1).
    """
    path = Path(path)
    text = read_text(path, kind="a claim table", empty="empty file: no header and no claims")
    if delimiter is None:
        delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = [h.strip() for h in next(reader)]
    except csv.Error as exc:
        raise InputError(f"malformed CSV header: {exc}", path=str(path), line=1) from exc
    renamed = _rename(header, mapping or {}, str(path), extra)
    keep = [(i, renamed[col]) for i, col in enumerate(header) if col in renamed]

    def records() -> Iterator[tuple[int, dict[str, str]]]:
        start_line = reader.line_num + 1
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                raise InputError(
                    f"malformed CSV: {exc}", path=str(path), line=reader.line_num
                ) from exc
            line = start_line
            start_line = reader.line_num + 1
            if not row or all(not cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                raise InputError(
                    f"{len(row)} cells where the header has {len(header)} columns",
                    path=str(path),
                    line=line,
                )
            yield line, {field: row[i] for i, field in keep}

    return list(claims_from_records(records(), str(path), id_prefix=path.stem))


def read_jsonl(
    path: str | Path, *, mapping: ColumnMapping | None = None, extra: ExtraColumns = "error"
) -> list[Claim]:
    """Read claims from a JSON Lines file: one JSON object a line, blank lines allowed."""
    path = Path(path)
    text = read_text(path, kind="a claim table", empty="empty file: no claims")
    mapping = mapping or {}
    by_column = {column: field for field, column in mapping.items()}

    def records() -> Iterator[tuple[int, dict[str, Any]]]:
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(
                    f"invalid JSON at column {exc.colno}: {exc.msg}", path=str(path), line=number
                ) from exc
            if not isinstance(obj, dict):
                raise InputError(
                    f"expected a JSON object, got {type(obj).__name__}", path=str(path), line=number
                )
            record: dict[str, Any] = {}
            unknown = []
            for key, value in obj.items():
                field = by_column.get(key, key)
                if field in KNOWN_COLUMNS:
                    record[field] = value
                else:
                    unknown.append(key)
            if unknown and extra == "error":
                raise InputError(
                    f"unknown key(s) {unknown}; claim fields are "
                    f"{', '.join(sorted(KNOWN_COLUMNS))}",
                    path=str(path),
                    line=number,
                    field=unknown[0],
                )
            for required in REQUIRED:
                if record.get(required) in (None, ""):
                    raise InputError(
                        "required field is missing", path=str(path), line=number, field=required
                    )
            yield number, record

    return list(claims_from_records(records(), str(path), id_prefix=path.stem))


def write_claims(
    claims: Iterable[Claim],
    path: str | Path | None = None,
    *,
    fmt: str | None = None,
    stream: Any = None,
) -> None:
    """Write claims as JSONL (default) or CSV, atomically when writing to ``path``.

    ``fmt`` is ``"jsonl"`` or ``"csv"``; by default it follows the file's suffix.
    """
    if fmt is None:
        fmt = "csv" if path is not None and str(path).lower().endswith(".csv") else "jsonl"
    if fmt not in {"jsonl", "csv", "json"}:
        raise InputError(f"cannot write claims as {fmt!r}; use jsonl or csv")

    def emit(handle: Any) -> None:
        if fmt == "csv":
            writer = csv.DictWriter(handle, fieldnames=list(RECORD_FIELDS), lineterminator="\n")
            writer.writeheader()
            for claim in claims:
                writer.writerow(claim.to_record())
        else:
            for claim in claims:
                handle.write(json.dumps(claim.to_record(), ensure_ascii=False) + "\n")

    if path is None:
        import sys

        emit(stream or sys.stdout)
        return
    with atomic_write(path) as handle:
        emit(handle)
