"""The fast row reader builds the claims :meth:`Claim.from_record` builds, and fails alike."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from claimgraph import InputError, InvalidClaimError, read_claims
from claimgraph.io import _tables
from claimgraph.io._rows import RowReader
from claimgraph.model import Claim
from claimgraph.testing import write_synthetic

FIELDS = ("id", "source", "subject", "property", "value", "low", "high", "date", "start", "end")
FIELDS += ("precision", "stance", "partial", "share", "alignment", "source_kind", "doc")
FIELDS += ("sentence", "text", "url")


def from_records(path: Path) -> list[Claim]:
    """The claims of a CSV file, one :meth:`Claim.from_record` call a row (the old path)."""
    reader = csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline=""))
    header = next(reader)
    return [
        Claim.from_record(dict(zip(header, row, strict=True)), default_id=f"{path.stem}:{line}")
        for line, row in enumerate(reader, start=2)
    ]


@pytest.mark.parametrize("seed", [0, 1, 2, 7])
def test_synthetic_tables_read_as_from_record_reads_them(tmp_path: Path, seed: int) -> None:
    path = tmp_path / f"claims-{seed}.csv"
    write_synthetic(path, 3000, seed=seed)
    fast = read_claims(path)
    old = from_records(path)
    assert fast == old
    assert [claim.to_record() for claim in fast] == [claim.to_record() for claim in old]


ROWS = [
    # every field given, numbers, padded cells, a stated precision
    {"id": "r1", "source": " SANA ", "subject": "Tal Alam", "property": "killed", "low": "30"}
    | {"high": "40", "start": "2014-01-01", "end": "2014-01-05", "precision": "range"}
    | {"stance": "asserts", "alignment": "government", "doc": "d1", "sentence": "3"}
    | {"text": " said ", "url": "http://x"},
    # a share in percent, the document's own voice, a denial
    {"source": "SOHR", "subject": "Tal Alam", "property": "control", "value": "regime"}
    | {"date": "2014-01-16", "stance": "denies", "partial": "yes", "share": "60"}
    | {"source_kind": "document"},
    {"source": "SOHR", "subject": "Tal Alam", "property": "killed", "value": ">1000"}
    | {"end": "2014-02-01", "stance": "uncertain"},
    {"source": "SOHR", "subject": "Tal Alam", "property": "CONTROL", "value": "rebels"}
    | {"precision": "unknown", "partial": "0", "share": "0.5"},
    {"source": "SOHR", "subject": "Tal Alam", "property": "wounded", "value": "1.000"}
    | {"date": "2014-01-16"},
]


@pytest.mark.parametrize("row", ROWS)
def test_unusual_rows_read_as_from_record_reads_them(row: dict[str, str]) -> None:
    reader = RowReader({field: i for i, field in enumerate(FIELDS)})
    cells = [row.get(field, "") for field in FIELDS]
    record = dict(zip(FIELDS, cells, strict=True))
    assert reader.claim(cells, "t:2") == Claim.from_record(record, default_id="t:2")


BAD_ROWS = [
    ("", "SOHR", "Tal Alam", "control", "martians", "2014-01-16", "", "value"),
    ("", "SOHR", "Tal Alam", "killed", "5", "2014-02-30", "", "date"),
    ("", "", "Tal Alam", "killed", "5", "2014-01-16", "", "source"),
    ("", "SOHR", "Tal Alam", "killed", "", "2014-01-16", "", "value"),
    ("", "SOHR", "Tal Alam", "killed", "5", "2014-01-16", "sometimes", "stance"),
]


@pytest.mark.parametrize("bad", BAD_ROWS)
def test_bad_rows_fail_as_from_record_fails(tmp_path: Path, bad: tuple[str, ...]) -> None:
    *cells, field = bad
    path = tmp_path / "bad.csv"
    good = "x,SOHR,Tal Alam,killed,5,2014-01-15,asserts\n"
    bad_line = ",".join(cells) + "\n"
    path.write_text("id,source,subject,property,value,date,stance\n" + good + bad_line)
    with pytest.raises(InputError) as caught:
        read_claims(path)
    assert caught.value.line == 3
    assert caught.value.field == field
    record = dict(
        zip(("id", "source", "subject", "property", "value", "date", "stance"), cells, strict=True)
    )
    with pytest.raises(InvalidClaimError) as expected:
        Claim.from_record(record, default_id="bad:3")
    assert str(expected.value).split(": ", 1)[1] in str(caught.value)


def test_blank_rows_of_full_width_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "blank.csv"
    path.write_text("source,subject,property,value\n , ,,\nSOHR,Zitan,control,army\n,,,\n")
    claims = read_claims(path)
    assert [(claim.source, claim.id) for claim in claims] == [("SOHR", "blank:3")]


@pytest.mark.parametrize(("cells", "field"), [("9,12,150", "share"), ("9,7,", "high")])
def test_checks_of_the_whole_claim_name_the_field(tmp_path: Path, cells: str, field: str) -> None:
    path = tmp_path / "whole.csv"
    path.write_text(f"source,subject,property,low,high,share\nSOHR,Zitan,killed,{cells}\n")
    with pytest.raises(InputError) as caught:
        read_claims(path)
    assert (caught.value.line, caught.value.field) == (2, field)


def test_jsonl_reads_alike_with_and_without_orjson(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("orjson", reason="the fast extra (orjson) is not installed")
    path = tmp_path / "claims.jsonl"
    write_synthetic(path, 2000, seed=3)
    with path.open("a", encoding="utf-8") as handle:  # lines the plain reader leaves alone
        handle.write('{"source": "A \\"quoted\\"", "subject": "Zitan", "property": "killed",')
        handle.write(' "value": 5, "text": "source said"}\n')
        handle.write('{"source": "B", "subject": "Zitan", "property": "killed", "low": 3.25}\n')
        handle.write('{"source": "C", "subject": "Zitan", "property": "killed", "value": 1')
        handle.write("0" * 30 + "}\n")  # beyond 64 bits: orjson refuses it, json reads it
    fast = read_claims(path)
    monkeypatch.setattr(_tables, "_orjson_loads", lambda: None)
    assert read_claims(path) == fast


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"source": "a", "source": "b", "subject": "x", "property": "p", "value": 1}', "repeated"),
        ('{"source": "a", "sou\\u0072ce": "b", "subject": "x", "property": "p"}', "repeated"),
        ('{"source": "a", "subject": "x", "value" : 4, "value":5, "property": "p"}', "repeated"),
        ('{"source": "a", "subject": "x", "property": "p", "low": 4, "low" : "5"}', "repeated"),
        ('{"source": "a", "subject": {"n": 1, "n": 2}, "property": "p", "value": 1}', "repeated"),
        ('{"source": "a", "subject": "x", "property": "p", "value": NaN}', "NaN"),
        (
            '{"source": "a", "subject": "x", "property": "p", "value": 1' + "0" * 4400 + "}",
            "number",
        ),
    ],
)
def test_jsonl_errors_are_the_checking_readers(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=message) as caught:
        read_claims(path)
    assert caught.value.line == 1
