"""Claims from and to CSV and JSONL tables."""

from __future__ import annotations

import collections
import csv
import functools
import io
import json
import math
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Literal

from .._errors import InputError, InvalidClaimError
from ..model import RECORD_FIELDS, Claim
from ._atomic import atomic_write
from ._json import Pairs, decode_json
from ._rows import RowReader
from ._text import read_text

__all__ = [
    "ColumnMapping",
    "claims_from_records",
    "json_line",
    "json_text",
    "parse_mapping",
    "read_csv",
    "read_jsonl",
    "write_claims",
    "write_csv",
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
    """Map table columns to claim fields; complain about the repeated, the unknown and the
    missing."""
    by_column = {column: field for field, column in mapping.items()}
    # Only columns that would be read: empty or ignored columns may repeat harmlessly.
    read = [c for c in header if c in by_column or (c in KNOWN_COLUMNS and c not in mapping)]
    repeated = sorted(column for column, n in collections.Counter(read).items() if n > 1)
    if repeated:
        raise InputError(
            f"column(s) {repeated} appear more than once in the header; which one holds the "
            "value would be a guess",
            path=path,
            line=1,
            field=repeated[0],
        )
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
    _allow_long_cells()
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = [h.strip() for h in next(reader)]
    except csv.Error as exc:
        raise InputError(f"malformed CSV header: {exc}", path=str(path), line=1) from exc
    renamed = _rename(header, mapping or {}, str(path), extra)
    keep = [(i, renamed[col]) for i, col in enumerate(header) if col in renamed]

    rows = RowReader({field: i for i, field in keep})
    claim_of = rows.claim
    claims: list[Claim] = []
    append = claims.append
    prefix = f"{path.stem}:"
    width = len(header)
    start_line = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise InputError(f"malformed CSV: {exc}", path=str(path), line=reader.line_num) from exc
        line = start_line
        start_line = reader.line_num + 1
        if len(row) != width:
            if not row or all(not cell.strip() for cell in row):
                continue
            raise InputError(
                f"{len(row)} cells where the header has {width} columns",
                path=str(path),
                line=line,
            )
        try:
            append(claim_of(row, prefix + str(line)))
        except InvalidClaimError as exc:
            if all(not cell.strip() for cell in row):
                continue  # a blank row (every cell empty)
            raise InputError(
                f"expected {exc.expected}, got {exc.got!r}",
                path=str(path),
                line=line,
                field=exc.field,
            ) from exc
    return claims


#: Longest cell a table may hold: the csv module's default (128 KiB) is shorter than
#: some sentences claimgraph itself writes, which must read back.
MAX_CELL_CHARS = 1 << 24


def _allow_long_cells() -> None:
    """Raise the csv module's process-wide cell limit to :data:`MAX_CELL_CHARS` (never lower)."""
    if csv.field_size_limit() < MAX_CELL_CHARS:
        csv.field_size_limit(MAX_CELL_CHARS)


def read_jsonl(
    path: str | Path, *, mapping: ColumnMapping | None = None, extra: ExtraColumns = "error"
) -> list[Claim]:
    """Read claims from a JSON Lines file: one JSON object a line, blank lines allowed."""
    path = Path(path)
    text = read_text(path, kind="a claim table", empty="empty file: no claims")
    mapping = mapping or {}
    by_column = {column: field for field, column in mapping.items()}

    def records() -> Iterator[tuple[int, dict[str, Any]]]:
        for number, line in enumerate(_json_lines(text), start=1):
            if not line.strip():
                continue
            plain = None if by_column else _plain_json_object(line)
            if (
                plain is not None
                and KNOWN_COLUMNS.issuperset(plain)
                and all(plain.get(required) not in (None, "") for required in REQUIRED)
            ):
                # keys unique and all known, required fields given, no NUL (it would
                # need an escape): the checks below would pass it unchanged
                yield number, plain
                continue
            pairs = (
                list(plain.items())
                if plain is not None
                else parse_json_object(line, str(path), number)
            )
            record: dict[str, Any] = {}
            given_by: dict[str, str] = {}
            unknown = []
            for key, value in pairs:
                if key in by_column:
                    field = by_column[key]
                elif key in KNOWN_COLUMNS and key not in mapping:
                    field = key
                else:
                    unknown.append(key)
                    continue
                if field in given_by:
                    raise InputError(
                        f"keys {given_by[field]!r} and {key!r} both give this field",
                        path=str(path),
                        line=number,
                        field=field,
                    )
                given_by[field] = key
                if isinstance(value, str) and "\x00" in value:
                    # "\u0000" is valid JSON, but no name or sentence holds a NUL and no
                    # CSV or XML file written from the claim could carry it
                    raise InputError(
                        "text with a NUL character", path=str(path), line=number, field=field
                    )
                record[field] = value
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

    # records of text fields only (most are) go through the row reader, which reads
    # each distinct value once; numbers and other JSON values through from_record
    rows = RowReader({field: i for i, field in enumerate(_JSON_FIELDS)})
    claims: list[Claim] = []
    prefix = f"{path.stem}:"
    for number, record in records():
        try:
            if all(type(value) is str for value in record.values()):
                cells: list[str | None] = [record.get(field) for field in _JSON_FIELDS]
                claims.append(rows.claim(cells, prefix + str(number)))
            else:
                claims.append(Claim.from_record(record, default_id=prefix + str(number)))
        except InvalidClaimError as exc:
            raise InputError(
                f"expected {exc.expected}, got {exc.got!r}",
                path=str(path),
                line=number,
                field=exc.field,
            ) from exc
    return claims


#: The fields of a JSON record, in the order the row reader is given them.
_JSON_FIELDS: tuple[str, ...] = tuple(sorted(KNOWN_COLUMNS))


#: A decimal a table reader takes for a thousands grouping (``1.234`` is 1234).
_LOOKS_GROUPED = re.compile(r"-?[1-9][0-9]{0,2}\.[0-9]{3}")


def _csv_record(claim: Claim) -> dict[str, Any]:
    """The claim's record with numbers written so that :func:`read_csv` reads them back:
    ``1.234`` becomes ``1.2340``, which no reader takes for one thousand two hundred."""
    record = claim.to_record()
    for name in ("low", "high", "share"):
        number = record.get(name)
        if isinstance(number, float) and _LOOKS_GROUPED.fullmatch(repr(number)):
            record[name] = repr(number) + "0"
    return record


def _json_lines(text: str) -> list[str]:
    """Lines of a JSON Lines file: split at ``\\n`` only, as the format says (``str.splitlines``
    also splits at U+2028, U+0085 and other characters a JSON string may hold raw)."""
    lines = text.split("\n")
    return [line[:-1] if line.endswith("\r") else line for line in lines]


def parse_json_object(line: str, path: str, number: int) -> list[tuple[str, Any]]:
    """The key-value pairs of one JSON object, in order; every way the text can fail to
    be one object of plain values is an :class:`InputError` naming ``path`` and line ``number``.

    Repeated keys, bare ``NaN``/``Infinity`` (not JSON), integers too long for Python
    to read and lone surrogates are refused rather than silently resolved
    (:func:`decode_json`).

    >>> parse_json_object('{"source": "SANA", "low": 5}', "a.jsonl", 3)
    [('source', 'SANA'), ('low', 5)]
    >>> parse_json_object('{"low": NaN}', "a.jsonl", 3)
    Traceback (most recent call last):
    ...
    claimgraph._errors.InputError: a.jsonl:3: bare NaN is not JSON; write null or a number
    >>> parse_json_object('{"source": "a", "source": "b"}', "a.jsonl", 4)
    Traceback (most recent call last):
    ...
    claimgraph._errors.InputError: a.jsonl:4: field 'source': key repeated in one object
    """
    obj = decode_json(line, path, number)
    if not isinstance(obj, Pairs):
        raise InputError(f"expected a JSON object, got {_json_type(obj)}", path=path, line=number)
    return [(key, dict(value) if isinstance(value, Pairs) else value) for key, value in obj]


def _plain_json_object(line: str) -> dict[str, Any] | None:
    """A flat JSON object read by orjson (the ``fast`` extra), when the line
    is plainly one: no escapes, no nested values, each key written once; else ``None``,
    and :func:`parse_json_object` reads the line (and names what is wrong with it).

    A line with a backslash is left to the checking reader, so that no key can hide
    behind an escape; in the others the quotes tell whether a key is repeated.
    """
    loads = _orjson_loads()
    if loads is None or "\\" in line or "\x00" in line:
        return None
    try:
        obj = loads(line)
    except ValueError:  # orjson.JSONDecodeError: the checking reader says why
        return None
    if type(obj) is not dict:
        return None
    strings = 0
    for value in obj.values():
        kind = type(value)
        if kind is str:
            strings += 1
        elif kind is dict or kind is list:
            return None
    # without escapes every quote opens or closes a key or a text value: more quotes
    # than the object's keys and texts account for means a key was given twice
    if line.count('"') != 2 * (len(obj) + strings):
        return None
    return obj


@functools.cache
def _orjson_loads() -> Callable[[str], Any] | None:
    """orjson's reader when it is installed (``pip install claimgraph[fast]``)."""
    try:
        import orjson
    except ImportError:
        return None
    loads: Callable[[str], Any] = orjson.loads
    return loads


def _json_type(obj: Any) -> str:
    if isinstance(obj, list):
        return "an array"
    return {str: "a string", bool: "a boolean", type(None): "null"}.get(type(obj), "a number")


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
            write_csv(handle, RECORD_FIELDS, (_csv_record(claim) for claim in claims))
        else:
            for claim in claims:
                handle.write(json_line(claim.to_record()))

    if path is None:
        import sys

        emit(stream or sys.stdout)
        return
    with atomic_write(path) as handle:
        emit(handle)


def json_text(document: Any, *, indent: int | None = None) -> str:
    """``document`` as strict JSON text, readable by every JSON and JSON Lines reader.

    Non-ASCII characters are written as they are, except U+2028 and U+2029, which
    are escaped: JavaScript and line-splitting readers take them for line ends.
    ``NaN`` and infinities, which are not JSON, raise :class:`ValueError`.

    >>> json_text({"name": "a\u2028b", "n": 1.5})
    '{"name": "a\\\\u2028b", "n": 1.5}'
    """
    text = None
    if indent is not None and indent >= 0:
        try:
            text = _indented(document, " " * indent)
        except _UnusualValueError:
            text = None  # json.dumps gives its own result or error
    if text is None:
        text = json.dumps(document, ensure_ascii=False, allow_nan=False, indent=indent)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


class _UnusualValueError(Exception):
    """A value :func:`_indented` leaves to :func:`json.dumps` (a subclass, NaN, a deep nest)."""


_encode_str = json.encoder.encode_basestring
_FINITE = (-math.inf, math.inf)


def _indented(document: Any, step: str) -> str:
    """``json.dumps(document, ensure_ascii=False, allow_nan=False, indent=len(step))``.

    The standard library encodes indented JSON in Python, one generator per
    container; this does the same in one recursive function, with each
    top-level element joined on its own so the pieces never all live at once,
    several times faster on large documents. Exact ``str``, ``int``, ``float``,
    ``bool``, ``None``, ``list``, ``tuple`` and ``dict`` with ``str`` keys only:
    anything else (subclasses, non-string keys, NaN, cycles) raises
    :class:`_UnusualValueError`, and the caller hands the document to :func:`json.dumps`.

    >>> doc = {"a": [1, 2.5, None, True], "b": {}, "c": [], "d": "x\\ny"}
    >>> _indented(doc, "  ") == json.dumps(doc, ensure_ascii=False, indent=2)
    True
    """

    def scalar(value: Any) -> str:
        kind = type(value)
        if kind is str:
            return _encode_str(value)
        if kind is int:
            return int.__repr__(value)
        if kind is float:
            if value != value or value in _FINITE:
                raise _UnusualValueError
            return float.__repr__(value)
        if value is None:
            return "null"
        if value is True:
            return "true"
        if value is False:
            return "false"
        raise _UnusualValueError

    def walk(value: Any, newline: str, out: list[str]) -> None:
        kind = type(value)
        if kind is dict:
            if not value:
                out.append("{}")
                return
            inner = newline + step
            sep = "{" + inner
            comma = "," + inner
            for key, item in value.items():
                if type(key) is not str:
                    raise _UnusualValueError
                out.append(sep)
                out.append(_encode_str(key))
                out.append(": ")
                sep = comma
                if type(item) in _CONTAINERS:
                    walk(item, inner, out)
                else:
                    out.append(scalar(item))
            out.append(newline + "}")
        elif kind is list or kind is tuple:
            if not value:
                out.append("[]")
                return
            inner = newline + step
            sep = "[" + inner
            comma = "," + inner
            for item in value:
                out.append(sep)
                sep = comma
                if type(item) in _CONTAINERS:
                    walk(item, inner, out)
                else:
                    out.append(scalar(item))
            out.append(newline + "]")
        else:
            out.append(scalar(value))

    try:
        if type(document) is list and document:
            # each element joined alone: millions of small pieces never held at once
            inner = "\n" + step
            pieces = []
            for item in document:
                out: list[str] = []
                walk(item, inner, out)
                pieces.append("".join(out))
            return "[" + inner + ("," + inner).join(pieces) + "\n]"
        out = []
        walk(document, "\n", out)
        return "".join(out)
    except RecursionError:
        raise _UnusualValueError from None


_CONTAINERS = frozenset({dict, list, tuple})


def json_line(record: Mapping[str, Any]) -> str:
    """One JSON Lines line (with its ``\\n``) holding ``record``; see :func:`json_text`."""
    return json_text(record) + "\n"


def write_csv(handle: Any, fieldnames: Sequence[str], rows: Iterable[Mapping[str, Any]]) -> None:
    """Write a header and ``rows`` as CSV with ``\\n`` line ends that read back cell for cell.

    The csv module quotes a cell holding ``\\n`` but not one holding a lone ``\\r`` when
    lines end in ``\\n``, and every reader splits lines at that ``\\r``; rows with one are
    written with every cell quoted.

    >>> import io
    >>> out = io.StringIO()
    >>> write_csv(out, ["a", "b"], [{"a": "x\\ry", "b": 1}, {"a": "z", "b": 2}])
    >>> out.getvalue()
    'a,b\\n"x\\ry","1"\\nz,2\\n'
    """
    names = list(fieldnames)
    plain = csv.DictWriter(handle, fieldnames=names, lineterminator="\n", extrasaction="ignore")
    quoted = csv.DictWriter(
        handle,
        fieldnames=names,
        lineterminator="\n",
        extrasaction="ignore",
        quoting=csv.QUOTE_ALL,
    )
    plain.writeheader()
    for row in rows:
        has_cr = any(isinstance(v, str) and "\r" in v for v in row.values())
        (quoted if has_cr else plain).writerow(row)
