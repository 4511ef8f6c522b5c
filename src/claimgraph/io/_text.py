"""Read a whole text file, with errors that name the file and the line."""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator, Sequence
from pathlib import Path

from .._errors import InputError

__all__ = ["check_header", "read_text", "table_rows"]


def read_text(path: str | Path, *, kind: str, empty: str | None = None) -> str:
    """The file's text, decoded as UTF-8 (a byte-order mark is dropped).

    Parameters
    ----------
    path : path
    kind : str
        What the file should be ("a claim table", "narrative text"), for messages.
    empty : str, optional
        If given, a file with only white space is an error with this message.

    Raises
    ------
    InputError
        When the file cannot be read, holds binary data or a NUL byte, is not
        UTF-8 (naming the line of the first bad byte) or is empty.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> bad = pathlib.Path(tempfile.mkdtemp()) / "latin1.txt"
    >>> _ = bad.write_bytes("uno\\nejército\\n".encode("latin-1"))
    >>> read_text(bad, kind="narrative text")
    Traceback (most recent call last):
    ...
    claimgraph._errors.InputError: ...latin1.txt:2: not UTF-8 text (byte 0xe9 at byte offset 6); ...
    """
    where = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), path=where) from exc
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise InputError("UTF-16 text; re-encode the file as UTF-8", path=where)
    if b"\x00" in data[:8192]:
        raise InputError(f"binary data, not {kind}", path=where)
    nul = data.find(b"\x00")
    if nul >= 0:  # deeper in: likely a damaged file; say where
        line = data[:nul].count(b"\n") + 1
        raise InputError(
            f"NUL byte in {kind}; the file is damaged or binary", path=where, line=line
        )
    # the byte-order mark is dropped by hand, so that a bad byte's offset is the file's
    bom = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        text = data[bom:].decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = bom + exc.start
        line = data[:offset].count(b"\n") + 1
        raise InputError(
            f"not UTF-8 text (byte 0x{data[offset]:02x} at byte offset {offset});"
            " re-encode the file as UTF-8",
            path=where,
            line=line,
        ) from exc
    if empty is not None and not text.strip():
        raise InputError(empty, path=where)
    return text


def check_header(
    header: Sequence[str], columns: Sequence[str], where: str, required: Sequence[str] = ("name",)
) -> None:
    """Refuse a delimited file's header with an unknown, a repeated or a missing
    column, naming the file, line 1 and the column.

    >>> check_header(["name", "alias"], ("name", "aliases"), "s.csv")
    Traceback (most recent call last):
    ...
    claimgraph._errors.InputError: s.csv:1: field 'alias': unknown column 'alias'; ...
    """
    for column in header:
        if column not in columns:
            raise InputError(
                f"unknown column {column!r}; expected {', '.join(columns)}",
                path=where,
                line=1,
                field=column,
            )
    seen: set[str] = set()
    for column in header:
        if column in seen:
            raise InputError("column repeated in the header", path=where, line=1, field=column)
        seen.add(column)
    for column in required:
        if column not in header:
            raise InputError(f"missing required column {column!r}", path=where, line=1)


def table_rows(
    text: str, columns: Sequence[str], where: str, required: Sequence[str] = ("name",)
) -> Iterator[tuple[int, dict[str, str]]]:
    """The rows of a small delimited file (sources, gazetteer, side declarations):
    each non-blank row as its line number and its cells by column, stripped, ``""``
    where the row is short. The header is checked by :func:`check_header`; a row
    with more cells than the header, or CSV the reader cannot parse, is an
    :class:`InputError` naming the file and the line.

    >>> list(table_rows("name,side\\nWagner, russia\\n\\nAzov\\n", ("name", "side"), "s.csv"))
    [(2, {'name': 'Wagner', 'side': 'russia'}), (4, {'name': 'Azov', 'side': ''})]
    >>> list(table_rows("name\\na,b\\n", ("name",), "s.csv"))
    Traceback (most recent call last):
    ...
    claimgraph._errors.InputError: s.csv:2: 2 cells but the header has 1 columns
    """
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = [cell.strip() for cell in next(reader, [])]
        check_header(header, columns, where, required)
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            if len(row) > len(header):
                raise InputError(
                    f"{len(row)} cells but the header has {len(header)} columns",
                    path=where,
                    line=reader.line_num,
                )
            cells = {
                column: (row[i].strip() if i < len(row) else "") for i, column in enumerate(header)
            }
            yield reader.line_num, cells
    except csv.Error as exc:
        raise InputError(f"unreadable CSV: {exc}", path=where, line=reader.line_num) from exc
