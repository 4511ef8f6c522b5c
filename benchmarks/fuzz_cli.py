"""Malformed inputs through every command: each run is classified by what it did.

Generates at least 10,000 malformed (and some well-formed) inputs: claim tables
(CSV, TSV, JSONL), narrative text, gazetteers, ``--sources`` and ``--sides`` files, each
broken in one way (bad encodings, truncated lines, impossible dates, low above
high, huge fields, NULs, injection in names, repeated columns and keys, bare
``Infinity``/``NaN``, 4,300-digit integers, Unicode digits, years 0 and 9999 ...).
Each input goes through several of the commands ``claimgraph --help`` lists,
in-process with click's ``CliRunner`` (a timer stops a run that hangs), and a
sample also runs in subprocesses under two ``PYTHONHASHSEED`` values whose
outputs must be byte-identical. Every run is put in one class:

``clean_error``     exit status 1 or 2 with a one-line message, no output left
``correct``         exit 0 and output that validates (JSON parses strictly, XML
                    parses, CSV and JSONL read back, as many claims out as rows in)
``traceback``       an exception other than a clean exit
``hang``            still running after ``--timeout`` seconds
``broken_output``   exit 0 but output that does not validate
``silent_drop``     exit 0 but claims lost (rows in > claims out), or an input
                    that must be refused (a repeated column) accepted
``wrong_value``     exit 0 but a value read wrongly (the input states the truth)
``unlocated_error`` a clean error whose message does not name the input file
``half_written``    a failed run that left its output file behind
``leftover_temp``   a temporary file left beside the output
``nondeterministic`` (subprocess sample) outputs differ between hash seeds

Run by hand (a few minutes on two cores)::

    PYTHONPATH=src python benchmarks/fuzz_cli.py                 # 10,000 inputs
    PYTHONPATH=src python benchmarks/fuzz_cli.py --inputs 2000 --subprocess 20
    PYTHONPATH=src python benchmarks/fuzz_cli.py --json out/fuzz.json --examples 3

The figures go to docs/benchmarks.md with the date and the machine.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import csv
import datetime as dt
import io
import json
import os
import platform
import random
import re
import signal
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "src"

SOURCES = ["SANA", "SOHR", "Reuters", "Jaish al-Fatah", "Al-Manar", "AFP"]
ALIGN = {"SANA": "government", "Al-Manar": "government", "Jaish al-Fatah": "opposition"}
PLACES = ["al-Ees", "Al-Eis", "Tal Alam", "Hilan", "Zitan", "Karm al-Trab", "Aleppo"]
SIDES = ["army", "rebels", "government", "opposition", "unclear", "ISIL", "YPG"]
COLUMNS = ["id", "source", "alignment", "subject", "property", "value", "low", "high"]
COLUMNS += ["start", "end", "precision", "stance", "share", "doc", "sentence", "text"]

INJECTIONS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "a | b | c",
    "line\nbreak",
    "cr\rreturn",
    "[click](javascript:alert(1))",
    '=HYPERLINK("http://x")',
    "**bold** _em_ `code`",
    "# heading",
    "tab\there",
    "\u2028sep\u2029par",
    "bell\x07esc\x1b",
    "vt\x0bff\x0c",
    "\x85nel",
    "quote\"double'single",
    "\u202eevil\u202c",
    "emoji 💥",
    "&amp; &lt;",
    "../../etc/passwd",
    "\ufeffbom",
]
UNICODE_DIGITS = ["٣", "²", "①", "１２", "߃", "३०", "๕", "½", "Ⅻ", "𝟘𝟙"]
BAD_DATES = [
    "0000-01-01",
    "0001-01-01",
    "9999-12-31",
    "2014-02-30",
    "2014-13-01",
    "2014-00-10",
    "10000-01-01",
    "2014-1-5",
    "20140116",
    "2014-W03-4",
    "2014-01-16T25:00",
    "yesterday",
    "٢٠١٤-٠١-١٦",
    "2014-01-16\x00",
    "",
]
HUGE_NUMBERS = [
    "1" * 4300,
    "9" * 4301,
    "1" * 400,
    "1e400",
    "-1e400",
    "0." + "0" * 5000 + "1",
    "1" + ",000" * 200,
]


@attrs.frozen
class Case:
    """One generated input file (and what a correct run must give, when known)."""

    kind: str  # csv tsv jsonl text gazetteer sources sides
    mutation: str
    data: bytes
    rows: int | None = None  # claims a correct read gives, when known
    must_fail: bool = False  # the input must be refused
    check: str | None = None  # a value the output must hold ("share=0.015")


# -- well-formed material ------------------------------------------------------


def _row(rng: random.Random, number: int) -> dict[str, str]:
    source = rng.choice(SOURCES)
    day = dt.date(2016, 4, 1) + dt.timedelta(days=rng.randrange(40))
    row = {"id": f"r{number}", "source": source, "alignment": ALIGN.get(source, "")}
    row["subject"] = rng.choice(PLACES)
    if rng.random() < 0.7:
        row.update(property="control", value=rng.choice(SIDES))
    else:
        row.update(property=rng.choice(["killed", "wounded"]), value=str(rng.randrange(1, 900)))
    row["start"] = day.isoformat()
    row["stance"] = rng.choice(["asserts", "asserts", "denies", "uncertain"])
    row["doc"] = f"doc-{rng.randrange(9)}"
    row["sentence"] = str(rng.randrange(1, 30))
    row["text"] = f"{source} said something about {row['subject']}."
    return row


def _rows(rng: random.Random, n: int, prefix: str = "r") -> list[dict[str, str]]:
    rows = [_row(rng, i) for i in range(n)]
    for number, row in enumerate(rows):
        row["id"] = f"{prefix}{number}"
    return rows


def _csv_bytes(rows: list[dict[str, str]], header: list[str], delimiter: str = ",") -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([row.get(h, "") for h in header])
    return out.getvalue().encode("utf-8")


def _header(rows: list[dict[str, str]]) -> list[str]:
    return [c for c in COLUMNS if any(c in r for r in rows)]


def _jsonl_bytes(rows: list[dict[str, Any]]) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode("utf-8")


SENTENCES_EN = [
    "SANA said the army took full control of {p} on {d}.",
    "The Syrian Observatory for Human Rights said rebels still held {p}.",
    "Reuters reported that {n} fighters were killed in {p} on {d}.",
    "Jaish al-Fatah denied that government forces had entered {p}.",
    "Residents said control of {p} was unclear after clashes.",
]
SENTENCES_ES = [
    "Según SANA, el ejército tomó el control de {p} el {d}.",
    "El Observatorio Sirio de Derechos Humanos afirmó que los rebeldes seguían en {p}.",
    "Al menos {n} combatientes murieron en {p}, informó Reuters.",
    "Jaish al-Fatah negó que las fuerzas del gobierno hubieran entrado en {p}.",
]


def _text(rng: random.Random, n: int) -> str:
    pool = SENTENCES_ES if rng.random() < 0.4 else SENTENCES_EN
    lines = ["Aleppo, 3 April 2016 (Wire)"]
    for _ in range(n):
        lines.append(
            rng.choice(pool).format(
                p=rng.choice(PLACES), d=f"{rng.randrange(1, 28)} April", n=rng.randrange(2, 300)
            )
        )
    return "\n".join(lines) + "\n"


# -- mutations -----------------------------------------------------------------


def _table_case(rng: random.Random, kind: str) -> Case:
    rows = _rows(rng, rng.randrange(1, 12))
    mutation = rng.choice(TABLE_MUTATIONS)
    return mutation(rng, kind, rows)


def _serialize(kind: str, rows: list[dict[str, Any]], header: list[str] | None = None) -> bytes:
    if kind == "jsonl":
        return _jsonl_bytes(rows)
    return _csv_bytes(rows, header or _header(rows), "\t" if kind == "tsv" else ",")


def m_valid(rng: random.Random, kind: str, rows: list[dict[str, str]]) -> Case:
    return Case(kind, "valid", _serialize(kind, rows), rows=len(rows))


def m_injection(rng: random.Random, kind: str, rows: list[dict[str, str]]) -> Case:
    for row in rows:
        field = rng.choice(["source", "subject", "text", "doc", "alignment"])
        row[field] = rng.choice(INJECTIONS) + " " + row.get(field, "x")
    return Case(kind, "injection in names", _serialize(kind, rows), rows=len(rows))


def m_bad_date(rng: random.Random, kind: str, rows: list[dict[str, str]]) -> Case:
    row = rng.choice(rows)
    row[rng.choice(["start", "end"])] = rng.choice(BAD_DATES)
    return Case(kind, "impossible or extreme dates", _serialize(kind, rows))


def m_low_high(rng: random.Random, kind: str, rows: list[dict[str, str]]) -> Case:
    row = rng.choice(rows)
    row.update(property="killed", value="", low="500", high="20")
    return Case(kind, "low > high", _serialize(kind, rows), must_fail=True)


def m_huge_field(rng: random.Random, kind: str, rows: list[dict[str, str]]) -> Case:
    row = rng.choice(rows)
    row[rng.choice(["text", "subject", "source"])] = "x" * rng.choice([10_000, 140_000, 600_000])
    return Case(kind, "huge field", _serialize(kind, rows))


def m_huge_number(rng: random.Random, kind: str, rows: list[dict[str, Any]]) -> Case:
    row = rng.choice(rows)
    number = rng.choice(HUGE_NUMBERS)
    field = rng.choice(["low", "high", "value", "sentence", "share"])
    if field == "value":
        row["property"] = "killed"
    if kind == "jsonl" and number.lstrip("-").replace(".", "").isdigit() and "e" not in number:
        data = _jsonl_bytes(rows).replace(b"}\n", f', "{field}": {number}}}\n'.encode(), 1)
        row.pop(field, None)
        return Case(kind, "4,300-digit and overflowing numbers", data)
    row[field] = number
    return Case(kind, "4,300-digit and overflowing numbers", _serialize(kind, rows))


def m_unicode_digits(rng: random.Random, kind: str, rows: list[dict[str, str]]) -> Case:
    row = rng.choice(rows)
    field = rng.choice(["value", "low", "sentence", "share", "start"])
    if field == "value":
        row["property"] = "killed"
    row[field] = rng.choice(UNICODE_DIGITS)
    return Case(kind, "Unicode digits", _serialize(kind, rows))


def m_nul(rng: random.Random, kind: str, rows: list[dict[str, str]]) -> Case:
    row = rng.choice(rows)
    field = rng.choice(["source", "subject", "text"])
    row[field] = row[field][:3] + "\x00" + row[field][3:]
    data = _serialize(kind, rows)
    if rng.random() < 0.5:  # a NUL late in the file, past a first look at its start
        data = _serialize(kind, [*_rows(rng, 200, "pad"), *rows])
    return Case(kind, "NUL bytes", data)


def m_surrogate(rng: random.Random, kind: str, rows: list[dict[str, str]]) -> Case:
    """A JSON escape of a lone surrogate: valid JSON, no character (JSONL only)."""
    if kind != "jsonl":
        return m_nul(rng, kind, rows)
    row = rng.choice(rows)
    field = rng.choice(["source", "subject", "text"])
    marker = "SURROGATE"
    row[field] = row[field][:2] + marker
    data = _serialize(kind, rows).replace(marker.encode(), rng.choice([b"\\ud800", b"\\udfff"]))
    return Case(kind, "lone surrogate", data, must_fail=True)


def m_duplicate_column(rng: random.Random, kind: str, rows: list[dict[str, str]]) -> Case:
    column = rng.choice(["source", "subject", "value", "start", "text"])
    if kind == "jsonl":
        lines = []
        for row in rows:
            body = json.dumps(row, ensure_ascii=False)[:-1]
            lines.append(f'{body}, "{column}": "other"}}')
        return Case(
            kind, "repeated columns or keys", ("\n".join(lines) + "\n").encode(), must_fail=True
        )
    header = _header(rows)
    header.append(column)
    out = io.StringIO()
    writer = csv.writer(out, delimiter="\t" if kind == "tsv" else ",", lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([row.get(h, "") for h in header[:-1]] + ["other"])
    return Case(kind, "repeated columns or keys", out.getvalue().encode(), must_fail=True)


def m_infinity(rng: random.Random, kind: str, rows: list[dict[str, Any]]) -> Case:
    row = rng.choice(rows)
    token = rng.choice(["Infinity", "-Infinity", "NaN", "inf", "nan"])
    field = rng.choice(["low", "high", "share", "value"])
    row["property"] = "killed"
    if kind == "jsonl" and token in {"Infinity", "-Infinity", "NaN"}:
        row.pop(field, None)
        row.pop("value", None) if field != "value" else None
        body = json.dumps(row, ensure_ascii=False)[:-1]
        others = [json.dumps(r, ensure_ascii=False) for r in rows if r is not row]
        data = "\n".join([*others, f'{body}, "{field}": {token}}}']) + "\n"
        return Case(kind, "bare Infinity/NaN", data.encode())
    row[field] = token
    return Case(kind, "bare Infinity/NaN", _serialize(kind, rows))


def m_share(rng: random.Random, kind: str, rows: list[dict[str, str]]) -> Case:
    row = rng.choice(rows)
    row.update(property="control", value="army", share="0.015")
    for other in rows:
        if other is not row:
            other.pop("share", None)
    return Case(
        kind, "small decimal share", _serialize(kind, rows), rows=len(rows), check="share=0.015"
    )


def m_truncate(rng: random.Random, kind: str, rows: list[dict[str, str]]) -> Case:
    data = _serialize(kind, rows)
    return Case(kind, "truncated", data[: rng.randrange(1, max(2, len(data)))])


def m_encoding(rng: random.Random, kind: str, rows: list[dict[str, str]]) -> Case:
    rows[0]["subject"] = "Kafr Nubbul ejército ñ"
    text = _serialize(kind, rows).decode("utf-8")
    encoding = rng.choice(["latin-1", "utf-16", "utf-16-le", "cp1252", "utf-32"])
    data = text.encode(encoding, errors="replace")
    if rng.random() < 0.3:
        data = b"\xef\xbb\xbf" + data
    return Case(kind, "bad encodings", data)


def m_bytes(rng: random.Random, kind: str, rows: list[dict[str, str]]) -> Case:
    data = bytearray(_serialize(kind, rows))
    for _ in range(rng.randrange(1, 8)):
        if not data:
            break
        data[rng.randrange(len(data))] = rng.randrange(256)
    return Case(kind, "random bytes flipped", bytes(data))


def m_cells(rng: random.Random, kind: str, rows: list[dict[str, str]]) -> Case:
    if kind == "jsonl":
        choice = rng.choice(
            ["[1, 2]", '"a string"', "null", '{"source": {"nested": 1}}', "[" * 50_000, "{"]
        )
        data = _jsonl_bytes(rows[:-1]) + choice.encode() + b"\n"
        return Case(kind, "not an object / deep nesting", data)
    data = _serialize(kind, rows).decode()
    lines = data.splitlines()
    i = rng.randrange(1, len(lines))
    lines[i] = rng.choice(
        [lines[i] + ",extra", lines[i].rsplit(",", 1)[0], '"unterminated,' + lines[i]]
    )
    return Case(kind, "wrong cell counts or quotes", ("\n".join(lines) + "\n").encode())


def m_empty(rng: random.Random, kind: str, rows: list[dict[str, str]]) -> Case:
    data = rng.choice([b"", b"\n\n", b"   ", b"\xef\xbb\xbf"])
    if kind != "jsonl" and rng.random() < 0.5:
        data = ",".join(_header(rows)).encode() + b"\n"
        return Case(kind, "empty or header only", data, rows=0)
    return Case(kind, "empty or header only", data)


def m_fields(rng: random.Random, kind: str, rows: list[dict[str, Any]]) -> Case:
    row = rng.choice(rows)
    field, value = rng.choice(
        [
            ("stance", "maybe"),
            ("precision", "fortnight"),
            ("precision", "by"),
            ("value", "martians"),
            ("partial", "perhaps"),
            ("share", "150"),
            ("share", "-1"),
            ("sentence", "-3"),
            ("sentence", "1.5"),
            ("source", "   "),
            ("value", ">"),
            ("value", "10-5"),
            ("low", "1,2,3"),
            ("alignment", "x" * 300),
            ("date", "2016-04-01"),
        ]
    )
    row[field] = value
    return Case(kind, "bad field values", _serialize(kind, rows, [*COLUMNS, "partial", "date"]))


def m_json_types(rng: random.Random, kind: str, rows: list[dict[str, Any]]) -> Case:
    row = rng.choice(rows)
    field = rng.choice(["source", "subject", "low", "start", "sentence", "partial", "value"])
    row[field] = rng.choice([True, [1, 2], {"a": 1}, 1.5, -0.0, 10**30, 2**63, None, 1e308])
    if kind != "jsonl":
        row[field] = str(row[field])
    return Case(kind, "wrong JSON types", _serialize(kind, rows))


def m_crlf(rng: random.Random, kind: str, rows: list[dict[str, str]]) -> Case:
    data = _serialize(kind, rows).replace(b"\n", rng.choice([b"\r\n", b"\r"]))
    return Case(kind, "CRLF and CR line ends", data, rows=len(rows) if b"\r\n" in data else None)


TABLE_MUTATIONS: list[Callable[[random.Random, str, list[dict[str, Any]]], Case]] = [
    m_valid,
    m_injection,
    m_injection,
    m_bad_date,
    m_bad_date,
    m_low_high,
    m_huge_field,
    m_huge_number,
    m_huge_number,
    m_unicode_digits,
    m_unicode_digits,
    m_nul,
    m_surrogate,
    m_duplicate_column,
    m_duplicate_column,
    m_infinity,
    m_infinity,
    m_share,
    m_truncate,
    m_encoding,
    m_bytes,
    m_cells,
    m_empty,
    m_fields,
    m_json_types,
    m_crlf,
]


def _text_case(rng: random.Random) -> Case:
    text = _text(rng, rng.randrange(1, 8))
    choice = rng.randrange(11)
    if choice == 0:
        return Case("text", "valid", text.encode())
    if choice == 1:
        digits = rng.choice(UNICODE_DIGITS)
        return Case("text", "Unicode digits", text.replace("April", f"April {digits}").encode())
    if choice == 2:
        year = rng.choice(["0", "0000", "9999", "1", "99999"])
        return Case(
            "text",
            "year 0 and 9999",
            text.replace("2016", year).replace("April", f"April {year}").encode(),
        )
    if choice == 3:
        return Case(
            "text", "injection in names", text.replace("SANA", rng.choice(INJECTIONS)).encode()
        )
    if choice == 4:
        names = ", ".join(PLACES * rng.randrange(1, 4))
        return Case(
            "text", "many places in one sentence", f"SANA said the army took {names}.\n".encode()
        )
    if choice == 5:
        data = text.encode()
        return Case("text", "truncated", data[: rng.randrange(1, len(data))])
    if choice == 6:
        return Case(
            "text",
            "bad encodings",
            text.replace("said", "dijo ejército").encode(rng.choice(["latin-1", "utf-16"])),
        )
    if choice == 7:
        return Case("text", "NUL bytes", (text * 40).encode() + b"\x00" + text.encode())
    if choice == 8:
        return Case("text", "empty", rng.choice([b"", b"\n", b"   \n"]))
    if choice == 9:
        numbers = rng.choice(HUGE_NUMBERS[:3])
        return Case(
            "text", "huge numbers", text.replace("fighters", f"{numbers} fighters").encode()
        )
    return Case(
        "text",
        "control characters",
        text.replace(" ", rng.choice(["\x0b", "\x0c", "\u2028", "\x1c"]), 3).encode(),
    )


def _gazetteer_case(rng: random.Random) -> Case:
    rows = [["name", "aliases", "parent", "lat", "lon"]]
    for place in PLACES[:4]:
        rows.append([place, place.upper(), "Aleppo", f"{36 + rng.random():.3f}", "37.1"])
    choice = rng.randrange(10)
    mutation = "valid"
    if choice == 1:
        rows[1][3] = rng.choice(["nan", "inf", "1e400", "91", "٣٦", "north", "1" * 5000])
        mutation = "bad coordinates"
    elif choice == 2:
        rows[0].append("name")
        for r in rows[1:]:
            r.append("x")
        mutation = "repeated columns or keys"
    elif choice == 3:
        rows[2][0] = rng.choice(INJECTIONS)
        mutation = "injection in names"
    elif choice == 4:
        rows.append([PLACES[0], "", "", "", ""])
        mutation = "shared spelling"
    elif choice == 5:
        rows[1].extend(["1", "2"])
        mutation = "wrong cell counts or quotes"
    elif choice == 6:
        rows[1][0] = "x\x00y"
        mutation = "NUL bytes"
    elif choice == 7:
        rows[0] = ["nom", "lat"]
        mutation = "unknown columns"
    elif choice == 8:
        rows[1][1] = ";".join(f"alias{i}" for i in range(rng.choice([10, 5000])))
        mutation = "huge field"
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    data = out.getvalue().encode()
    if choice == 9:
        data = (
            data.decode().encode(rng.choice(["utf-16", "latin-1"]))
            if rng.random() < 0.5
            else data[: rng.randrange(1, len(data))]
        )
        mutation = "bad encodings or truncated"
    return Case("gazetteer", mutation, data)


def _sources_case(rng: random.Random) -> tuple[Case, str]:
    as_json = rng.random() < 0.5
    records: list[Any] = [
        {"name": "Syrian Arab News Agency", "aliases": ["SANA"], "alignment": "government"},
        {
            "name": "Syrian Observatory for Human Rights",
            "aliases": "SOHR;OSDH",
            "alignment": "independent",
        },
    ]
    choice = rng.randrange(12)
    mutation = "valid"
    if choice == 1:
        records.append(rng.choice([["a", "b"], "just a string", 3, None]))
        mutation = "not an object"
    elif choice == 2:
        records[0]["aliases"] = rng.choice([3, {"a": 1}, [1, 2], [None], True])
        mutation = "wrong JSON types"
    elif choice == 3:
        records[0]["name"] = rng.choice(INJECTIONS)
        mutation = "injection in names"
    elif choice == 4:
        records.append({"name": "", "alignment": "government"})
        mutation = "empty name"
    elif choice == 5:
        records[1]["alignment"] = rng.choice([{"x": 1}, ["a"], 5, "x" * 10_000])
        mutation = "bad alignment"
    elif choice == 6:
        records[0]["colour"] = "red"
        mutation = "unknown columns"
    elif choice == 7:
        mutation = "repeated columns or keys"
    elif choice == 8:
        mutation = "truncated"
    elif choice == 9:
        mutation = "bad encodings"
    elif choice == 10:
        records[0]["name"] = "SANA\x00"
        mutation = "NUL bytes"
    elif choice == 11:
        mutation = "extra cells" if not as_json else "not a list"
    if as_json:
        text = json.dumps(records if choice != 11 else {"sources": records}, ensure_ascii=False)
        if choice == 7:
            text = text.replace(
                '"alignment": "government"',
                '"alignment": "government", "alignment": "independent"',
                1,
            )
        suffix = ".json"
    else:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        header = ["name", "aliases", "alignment"]
        if choice == 6:
            header.append("colour")
        if choice == 7:
            header.append("alignment")
        writer.writerow(header)
        for record in records:
            if not isinstance(record, dict):
                writer.writerow([str(record)])
                continue
            aliases = record.get("aliases", "")
            aliases = ";".join(map(str, aliases)) if isinstance(aliases, list) else str(aliases)
            cells = [str(record.get("name", "")), aliases, str(record.get("alignment", ""))]
            if choice == 6:
                cells.append("red")
            if choice == 7:
                cells.append("opposition")
            if choice == 11:
                cells += ["spare", "cells"]
            writer.writerow(cells)
        text = out.getvalue()
        suffix = ".csv"
    data = text.encode()
    if choice == 8:
        data = data[: rng.randrange(1, len(data))]
    if choice == 9:
        data = text.replace("Syrian", "Sirio ñ").encode(rng.choice(["latin-1", "utf-16"]))
    must_fail = mutation in {"repeated columns or keys", "unknown columns"}
    return Case("sources", mutation, data, must_fail=must_fail), suffix


def _sides_case(rng: random.Random) -> tuple[Case, str]:
    """A ``--sides`` file of two actors, broken in one way (or left well-formed)."""
    as_json = rng.random() < 0.5
    records: list[Any] = [
        {"name": "Vessan Guard", "side": "vessa", "aliases": ["guardsmen"]},
        {"name": "Dorran Legion", "side": "dorra", "aliases": "Legion;the Legion"},
    ]
    mutations = [
        "valid",
        "not an object",
        "wrong JSON types",
        "injection in names",
        "empty side",
        "unknown columns",
        "repeated columns or keys",
        "truncated",
        "bad encodings",
        "lone surrogate",
        "extra cells",
    ]
    mutation = rng.choice(mutations)
    if mutation == "not an object":
        records.append(rng.choice([["a", "b"], "just a string", 3, None]))
    elif mutation == "wrong JSON types":
        records[0][rng.choice(["aliases", "side", "name"])] = rng.choice([3, {"a": 1}, [1], True])
    elif mutation == "injection in names":
        records[0]["name"] = rng.choice(INJECTIONS)
    elif mutation == "empty side":
        records[1]["side"] = rng.choice(["", " ", "--"])
    elif mutation == "unknown columns":
        records[0]["war"] = "river"
    elif mutation == "lone surrogate":
        records[0]["name"] = "Vessan SURROGATE"
    if as_json:
        text = json.dumps(records, ensure_ascii=False)
        if mutation == "repeated columns or keys":
            text = text.replace('"side": "vessa"', '"side": "vessa", "side": "dorra"', 1)
        suffix = ".json"
    else:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        header = ["name", "side", "aliases"]
        header += ["war"] if mutation == "unknown columns" else []
        header += ["side"] if mutation == "repeated columns or keys" else []
        writer.writerow(header)
        for record in records:
            if not isinstance(record, dict):
                writer.writerow([str(record)])
                continue
            aliases = record.get("aliases", "")
            aliases = ";".join(map(str, aliases)) if isinstance(aliases, list) else str(aliases)
            cells = [str(record.get("name", "")), str(record.get("side", "")), aliases]
            cells += ["river"] if mutation == "unknown columns" else []
            cells += ["dorra"] if mutation == "repeated columns or keys" else []
            cells += ["spare"] if mutation == "extra cells" else []
            writer.writerow(cells)
        text = out.getvalue()
        suffix = ".csv"
    data = text.encode().replace(b"SURROGATE", b"\\ud800")
    if mutation == "truncated":
        data = data[: rng.randrange(1, len(data))]
    if mutation == "bad encodings":
        data = text.replace("Vessan", "Vesán").encode(rng.choice(["latin-1", "utf-16"]))
    refused = {"repeated columns or keys", "unknown columns", "empty side"}
    # extra cells exist in CSV only; the escape is a lone surrogate in JSON only
    must_fail = mutation in refused or (
        mutation in {"lone surrogate"} if as_json else mutation == "extra cells"
    )
    return Case("sides", mutation, data, must_fail=must_fail), suffix


def generate(n: int, seed: int) -> Iterator[tuple[Case, str]]:
    """``n`` cases with the file suffix each is written under."""
    rng = random.Random(seed)
    kinds = ["csv", "csv", "tsv", "jsonl", "jsonl", "text", "gazetteer", "sources", "sides"]
    for number in range(n):
        kind = kinds[number % len(kinds)]
        if kind in {"csv", "tsv", "jsonl"}:
            yield _table_case(rng, kind), "." + kind
        elif kind == "text":
            yield _text_case(rng), ".txt"
        elif kind == "gazetteer":
            yield _gazetteer_case(rng), ".csv"
        elif kind == "sides":
            yield _sides_case(rng)
        else:
            yield _sources_case(rng)


# -- the runs --------------------------------------------------------------------

TABLE_COMMANDS = ["claims", "disputes", "report", "sources", "resolve", "graph", "places"]
OUTPUT_SUFFIX = {
    "claims": [".jsonl", ".csv"],
    "extract": [".jsonl", ".csv"],
    "disputes": [".md", ".json", ".csv"],
    "report": [".md"],
    "sources": [".md", ".json", ".csv"],
    "resolve": [".json", ".csv", ".md"],
    "graph": [".graphml", ".gexf", ".json"],
    "places": [".md", ".json", ".csv"],
}


class Hang(BaseException):
    """Raised by the timer inside a run that takes too long."""


def _on_alarm(_signum: int, _frame: Any) -> None:
    raise Hang


def plan(
    case: Case, path: Path, base: dict[str, Path], rng: random.Random, per_input: int
) -> list[tuple[str, list[str]]]:
    """The command lines one input goes through (without ``-o``)."""
    if case.kind in {"csv", "tsv", "jsonl"}:
        chosen = ["claims", *rng.sample(TABLE_COMMANDS[1:], max(0, per_input - 1))]
        return [(c, [str(path)]) for c in chosen]
    if case.kind == "text":
        chosen = ["extract", *rng.sample(TABLE_COMMANDS, max(0, per_input - 1))]
        return [(c, [str(path)]) for c in chosen]
    if case.kind == "gazetteer":
        chosen = rng.sample(
            ["places", "disputes", "report", "resolve", "graph", "sources"], per_input
        )
        return [(c, ["--gazetteer", str(path), str(base["csv"])]) for c in chosen]
    if case.kind == "sides":
        chosen = rng.sample(["extract", "disputes", "claims", "report", "sources"], per_input)
        return [(c, ["--sides", str(path), str(base["txt"])]) for c in chosen]
    chosen = rng.sample(
        ["sources", "report", "extract", "resolve", "disputes", "claims"], per_input
    )
    return [
        (c, ["--sources", str(path), str(base["txt" if c == "extract" else "csv"])]) for c in chosen
    ]


def _strict_json(text: str) -> Any:
    def refuse(token: str) -> Any:
        raise ValueError(f"bare {token} in JSON")

    return json.loads(text, parse_constant=refuse)


#: Markup a name must not bring to life in Markdown: raw tags, or a link not escaped.
_LIVE_MARKUP = re.compile(r"<(script|img)|(?<!\\)\]\(javascript", re.IGNORECASE)


def validate(command: str, suffix: str, text: str, case: Case) -> tuple[str, str]:
    """Classify a successful run by its output: (class, detail)."""
    try:
        if suffix in {".json"}:
            _strict_json(text)
        elif suffix == ".jsonl":
            for line in text.split("\n"):
                if line.strip():
                    _strict_json(line)
        elif suffix in {".graphml", ".gexf"}:
            ET.fromstring(text.encode("utf-8"))
        elif suffix == ".csv":
            list(csv.reader(io.StringIO(text, newline=""), strict=True))
        elif suffix == ".md" and _LIVE_MARKUP.search(text):
            return "broken_output", "live HTML or link in Markdown"
    except (ValueError, ET.ParseError, csv.Error, RecursionError) as exc:
        return "broken_output", f"{suffix}: {type(exc).__name__}: {str(exc)[:80]}"
    if command in {"claims", "extract"} and suffix in {".jsonl", ".csv"}:
        from claimgraph import ClaimgraphError, read_claims

        if not text.strip() and not case.rows:
            return "correct", ""  # nothing written: an empty table is refused on reading
        with tempfile.TemporaryDirectory() as folder:
            again = Path(folder) / f"back{suffix}"
            again.write_text(text, encoding="utf-8", newline="")
            try:
                claims = read_claims(again)
            except ClaimgraphError as exc:
                return "broken_output", f"cannot read back: {str(exc)[:80]}"
            except Exception as exc:
                return "broken_output", f"reading back crashed: {type(exc).__name__}"
        if command == "claims" and case.rows is not None and len(claims) < case.rows:
            return "silent_drop", f"{case.rows} rows in, {len(claims)} claims out"
        if case.check == "share=0.015" and not any(c.share == 0.015 for c in claims):
            shares = sorted({c.share for c in claims if c.share is not None})
            return "wrong_value", f"share 0.015 read as {shares}"
    if case.must_fail and command == "claims":
        return "silent_drop", f"{case.mutation} accepted"
    return "correct", ""


def run_in_process(
    runner: Any,
    main: Any,
    command: str,
    args: list[str],
    case: Case,
    out_dir: Path,
    use_file: bool,
    suffix: str,
    timeout: float,
) -> tuple[str, str]:
    """One in-process run, classified."""
    output = out_dir / f"out{suffix}"
    argv = [command, *args]
    if use_file or command == "graph":
        argv += ["-o", str(output)]
    else:
        argv += ["--format", suffix.lstrip(".")] if command != "report" else []
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        result = runner.invoke(main, argv, catch_exceptions=True)
    except Hang:
        return "hang", f"over {timeout:g} s"
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    leftovers = [p.name for p in out_dir.iterdir() if p.name.endswith(".tmp")]
    exists = output.exists()
    text = output.read_text(encoding="utf-8", errors="replace") if exists else result.stdout
    for p in out_dir.iterdir():
        p.unlink()
    if isinstance(result.exception, Hang):
        return "hang", f"over {timeout:g} s"
    if leftovers:
        return "leftover_temp", ", ".join(leftovers)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        exc = result.exception
        tb = exc.__traceback__
        while tb is not None and tb.tb_next is not None:
            tb = tb.tb_next
        where = "?" if tb is None else f"{Path(tb.tb_frame.f_code.co_filename).name}:{tb.tb_lineno}"
        return "traceback", f"{type(exc).__name__} at {where}: {str(exc)[:60]}"
    if result.exit_code != 0:
        if exists:
            return "half_written", f"exit {result.exit_code} left {output.name}"
        message = (result.stderr or result.output).strip()
        if (
            case.kind != "text"
            and Path(args[-1 if case.kind in {"csv", "tsv", "jsonl", "text"} else 1]).name
            not in message
            and result.exit_code == 1
        ):
            return "unlocated_error", message[:100]
        return "clean_error", message.splitlines()[-1][:100] if message else ""
    return validate(
        command,
        suffix if (use_file or command == "graph") else _stdout_suffix(command, suffix),
        text,
        case,
    )


def _stdout_suffix(command: str, suffix: str) -> str:
    return ".md" if command == "report" else suffix


def run_subprocess(
    command: str, args: list[str], suffix: str, timeout: float, seeds: tuple[str, str]
) -> tuple[str, str]:
    """Run twice under two hash seeds; the outputs must be the same bytes."""
    outputs = []
    for seed in seeds:
        with tempfile.TemporaryDirectory() as folder:
            output = Path(folder) / f"out{suffix}"
            env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(SRC)}
            argv = [sys.executable, "-m", "claimgraph", command, *args, "-o", str(output)]
            try:
                done = subprocess.run(
                    argv, env=env, capture_output=True, timeout=timeout, check=False
                )
            except subprocess.TimeoutExpired:
                return "hang", f"subprocess over {timeout:g} s"
            if b"Traceback" in done.stderr:
                return "traceback", done.stderr.decode(errors="replace").strip().splitlines()[-1][
                    :100
                ]
            leftovers = [p.name for p in Path(folder).iterdir() if p.name.endswith(".tmp")]
            if leftovers:
                return "leftover_temp", ", ".join(leftovers)
            body = output.read_bytes() if output.exists() else b""
            if done.returncode != 0 and body:
                return "half_written", f"exit {done.returncode} left output"
            outputs.append((done.returncode, body.replace(output.name.encode(), b"")))
    if outputs[0] != outputs[1]:
        return "nondeterministic", f"{command} {suffix}"
    return ("correct" if outputs[0][0] == 0 else "clean_error"), ""


def machine() -> str:
    load = os.getloadavg() if hasattr(os, "getloadavg") else (0.0, 0.0, 0.0)
    return (
        f"{platform.processor() or platform.machine()}, {platform.platform()}, Python "
        f"{platform.python_version()}, {os.cpu_count()} CPUs, load average "
        f"{load[0]:.1f} at start"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--inputs", type=int, default=10_000)
    parser.add_argument("--per-input", type=int, default=3, help="commands each input goes through")
    parser.add_argument(
        "--subprocess", type=int, default=60, help="inputs also run in subprocesses"
    )
    parser.add_argument("--timeout", type=float, default=10.0)
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--examples", type=int, default=2, help="details shown per class and site")
    parser.add_argument("--json", type=Path, default=None)
    options = parser.parse_args()

    sys.path.insert(0, str(SRC))
    csv.field_size_limit(1 << 24)  # cells as long as claimgraph reads
    from click.testing import CliRunner

    from claimgraph.cli import main as cli

    signal.signal(signal.SIGALRM, _on_alarm)
    started = time.perf_counter()
    print(f"# fuzz_cli {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC; {machine()}")
    rng = random.Random(options.seed + 1)
    runner = CliRunner()
    totals: collections.Counter[str] = collections.Counter()
    by_kind: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    by_command: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    sites: dict[tuple[str, str], int] = collections.Counter()
    examples: dict[tuple[str, str], list[str]] = collections.defaultdict(list)
    mutations: collections.Counter[str] = collections.Counter()
    sampled: list[tuple[Case, str, list[tuple[str, list[str]]]]] = []
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        base = {"csv": root / "base.csv", "txt": root / "base.txt"}
        base["csv"].write_bytes(_csv_bytes(_rows(random.Random(1), 12), COLUMNS))
        base["txt"].write_text(_text(random.Random(2), 6), encoding="utf-8")
        keep = root / "inputs"
        keep.mkdir()
        out_dir = root / "out"
        out_dir.mkdir()
        subprocess_every = max(1, options.inputs // max(1, options.subprocess))
        for number, (case, suffix) in enumerate(generate(options.inputs, options.seed)):
            mutations[f"{case.kind}: {case.mutation}"] += 1
            path = keep / f"in{number % 50}{suffix}"
            path.write_bytes(case.data)
            runs = plan(case, path, base, rng, options.per_input)
            for command, args in runs:
                out_suffix = rng.choice(OUTPUT_SUFFIX[command])
                use_file = rng.random() < 0.6
                verdict, detail = run_in_process(
                    runner, cli, command, args, case, out_dir, use_file, out_suffix, options.timeout
                )
                totals[verdict] += 1
                by_kind[case.kind][verdict] += 1
                by_command[command][verdict] += 1
                if verdict not in {"correct", "clean_error"}:
                    site = (
                        detail.split(":")[0]
                        if verdict == "traceback"
                        else f"{case.kind}: {case.mutation} / {command}"
                    )
                    sites[(verdict, site)] += 1
                    if len(examples[(verdict, site)]) < options.examples:
                        examples[(verdict, site)].append(f"{command} {suffix}: {detail}")
            if options.subprocess and number % subprocess_every == 0:
                stable = keep / f"sample{number}{suffix}"
                stable.write_bytes(case.data)
                sampled.append(
                    (
                        case,
                        suffix,
                        [
                            (c, [a if a != str(path) else str(stable) for a in args])
                            for c, args in runs
                        ],
                    )
                )
            if (number + 1) % 1000 == 0:
                print(
                    f"  {number + 1} inputs, {sum(totals.values())} runs, "
                    f"{time.perf_counter() - started:.0f} s",
                    file=sys.stderr,
                )
        in_process_seconds = time.perf_counter() - started
        sub_totals: collections.Counter[str] = collections.Counter()
        for case, _suffix, runs in sampled:
            command, args = runs[0] if case.kind in {"gazetteer", "sources"} else runs[-1]
            out_suffix = rng.choice(OUTPUT_SUFFIX[command])
            verdict, detail = run_subprocess(
                command, args, out_suffix, options.timeout * 3, ("1", "2")
            )
            sub_totals[verdict] += 1
            if verdict not in {"correct", "clean_error"}:
                sites[(verdict, f"subprocess {case.kind}: {case.mutation} / {command}")] += 1
                examples[(verdict, f"subprocess {case.kind}: {case.mutation} / {command}")].append(
                    detail
                )
    elapsed = time.perf_counter() - started
    runs_total = sum(totals.values())
    print(
        f"\n{options.inputs} inputs, {runs_total} in-process runs in {in_process_seconds:.0f} s; "
        f"{sum(sub_totals.values())} inputs twice in subprocesses; {elapsed:.0f} s in all\n"
    )
    classes = [
        "clean_error",
        "correct",
        "traceback",
        "hang",
        "broken_output",
        "silent_drop",
        "wrong_value",
        "unlocated_error",
        "half_written",
        "leftover_temp",
    ]
    print("| input | " + " | ".join(classes) + " |")
    print("|---" * (len(classes) + 1) + "|")
    for kind in ["csv", "tsv", "jsonl", "text", "gazetteer", "sources"]:
        print(f"| {kind} | " + " | ".join(str(by_kind[kind][c]) for c in classes) + " |")
    print("| **all** | " + " | ".join(f"**{totals[c]}**" for c in classes) + " |")
    print("\n| command | " + " | ".join(classes) + " |")
    print("|---" * (len(classes) + 1) + "|")
    for command in sorted(by_command):
        print(f"| {command} | " + " | ".join(str(by_command[command][c]) for c in classes) + " |")
    print(f"\nsubprocesses (PYTHONHASHSEED 1 and 2): {dict(sorted(sub_totals.items()))}")
    print(f"\n{len(sites)} distinct failure sites:")
    for (verdict, site), count in sorted(sites.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"- {verdict} x{count}: {site}")
        for example in examples[(verdict, site)]:
            print(f"    {example}")
    if options.json:
        options.json.parent.mkdir(parents=True, exist_ok=True)
        options.json.write_text(
            json.dumps(
                {
                    "inputs": options.inputs,
                    "runs": runs_total,
                    "totals": totals,
                    "subprocess": sub_totals,
                    "by_kind": by_kind,
                    "by_command": by_command,
                    "sites": [{"class": v, "site": s, "count": n} for (v, s), n in sites.items()],
                    "mutations": mutations,
                    "seconds": elapsed,
                    "machine": machine(),
                },
                indent=1,
            )
        )


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        main()
