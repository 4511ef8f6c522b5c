"""Reading and writing claim tables: formats, mapping, and errors that locate the problem."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimgraph import InputError, read_claims, write_claims
from claimgraph.io import claims_from_dataframe, parse_mapping, to_dataframe

HEADER = "source,subject,property,value,date\n"


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_csv_and_jsonl_give_the_same_claims(tmp_path: Path) -> None:
    csv_path = write(tmp_path, "a.csv", HEADER + "SANA,Zitan,control,army,2016-06-10\n")
    claims = read_claims(csv_path)
    out = tmp_path / "a.jsonl"
    write_claims(claims, out)
    again = read_claims(out)
    assert again == claims
    assert claims[0].id == "a:2"  # file stem and line


def test_error_names_file_line_and_field(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "bad.csv",
        HEADER + "SANA,Zitan,control,army,2016-06-10\nSANA,Zitan,control,army,2016-02-30\n",
    )
    with pytest.raises(InputError) as info:
        read_claims(path)
    error = info.value
    assert (error.path, error.line, error.field) == (str(path), 3, "date")
    assert f"{path}:3: field 'date'" in str(error)


def test_line_numbers_count_physical_lines_of_quoted_cells(tmp_path: Path) -> None:
    content = (
        "source,subject,property,value,date,text\n"
        'SANA,Zitan,control,army,2016-06-10,"two\nlines"\n'
        "SANA,Zitan,control,nobody,2016-06-11,x\n"
    )
    with pytest.raises(InputError) as info:
        read_claims(write(tmp_path, "q.csv", content))
    assert (info.value.line, info.value.field) == (4, "value")


@pytest.mark.parametrize(
    ("name", "content", "message", "line"),
    [
        ("empty.csv", "", "empty file", None),
        ("blank.jsonl", "\n\n", "empty file", None),
        (
            "latin1.csv",
            HEADER.encode() + "SANA,Alepo,control,ejército,2016-01-01\n".encode("latin-1"),
            "not UTF-8",
            2,
        ),
        ("binary.csv", b"\x00\x01\x02", "binary", None),
        ("cols.csv", "source,subject,property,value,colour\n", "unknown column", 1),
        ("missing.csv", "source,subject,value\n", "missing required column", 1),
        ("short.csv", HEADER + "SANA,Zitan,control\n", "cells where the header has", 2),
        ("broken.jsonl", '{"source": "a", "subject": "b"\n', "invalid JSON", 1),
        ("list.jsonl", "[1, 2]\n", "expected a JSON object", 1),
        (
            "nosubject.jsonl",
            '{"source": "a", "property": "control", "value": "army"}\n',
            "required field",
            1,
        ),
        ("claims.xlsx", "whatever", "unsupported file type", None),
    ],
)
def test_malformed_input_is_reported_with_its_place(
    tmp_path: Path, name: str, content: str | bytes, message: str, line: int | None
) -> None:
    path = write(tmp_path, name, content)
    with pytest.raises(InputError, match=message) as info:
        read_claims(path)
    assert info.value.path == str(path)
    assert info.value.line == line


def test_missing_file_and_duplicate_ids(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_claims(tmp_path / "nope.csv")
    path = write(
        tmp_path,
        "dup.csv",
        "id,source,subject,property,value\nx,a,b,control,army\nx,a,c,control,army\n",
    )
    with pytest.raises(InputError, match="used twice"):
        read_claims(path)


def test_column_mapping_reads_other_tables(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "pop.csv",
        "ObjectID,PropertyID,PropertyValue,SourceID\nabu dhabi,Population2006,1000230,ed-1\n",
    )
    mapping = parse_mapping(
        "source=SourceID,subject=ObjectID,property=PropertyID,value=PropertyValue"
    )
    [claim] = read_claims(path, mapping=mapping)
    assert (claim.source, claim.subject, claim.low) == ("ed-1", "abu dhabi", 1000230.0)


def test_mapping_to_a_missing_column_fails(tmp_path: Path) -> None:
    path = write(tmp_path, "x.csv", HEADER + "a,b,control,army,2016-01-01\n")
    with pytest.raises(InputError, match="not in the header"):
        read_claims(path, mapping={"source": "SourceID"})


def test_extra_columns_can_be_ignored(tmp_path: Path) -> None:
    path = write(tmp_path, "x.csv", "source,subject,property,value,TimeStamp\na,b,p,v,null\n")
    with pytest.raises(InputError, match="unknown column"):
        read_claims(path)
    assert len(read_claims(path, extra_columns="ignore")) == 1


def test_bom_and_crlf_are_accepted(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "bom.csv",
        b"\xef\xbb\xbf"
        + HEADER.replace("\n", "\r\n").encode()
        + b"SANA,Zitan,control,army,2016-06-10\r\n",
    )
    [claim] = read_claims(path)
    assert claim.source == "SANA"


def test_write_is_atomic_on_failure(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("previous\n")

    class BoomError(Exception):
        pass

    def claims():  # type: ignore[no-untyped-def]
        yield from read_claims(write(tmp_path, "a.csv", HEADER + "a,b,control,army,\n"))
        raise BoomError

    with pytest.raises(BoomError):
        write_claims(claims(), out)
    assert out.read_text() == "previous\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out")] == []


def test_jsonl_output_is_one_object_a_line(tmp_path: Path) -> None:
    claims = read_claims(write(tmp_path, "a.csv", HEADER + "a,b,killed,517,2013-12-20\n"))
    out = tmp_path / "o.jsonl"
    write_claims(claims, out)
    [line] = out.read_text().splitlines()
    assert json.loads(line)["low"] == 517


def test_dataframe_round_trip(tmp_path: Path) -> None:
    claims = read_claims(
        write(tmp_path, "a.csv", HEADER + "a,b,killed,517,2013-12-20\nc,d,control,YPG,\n")
    )
    frame = to_dataframe(claims)
    assert list(frame["source"]) == ["a", "c"]
    assert claims_from_dataframe(frame) == claims


def test_dataframe_errors_name_the_row() -> None:
    pandas = pytest.importorskip("pandas")
    frame = pandas.DataFrame(
        [
            {"source": "a", "subject": "b", "property": "control", "value": "army"},
            {"source": "a", "subject": "b", "property": "control", "value": "nobody"},
        ]
    )
    with pytest.raises(InputError) as info:
        claims_from_dataframe(frame)
    assert (info.value.line, info.value.field) == (2, "value")


def test_read_claims_tells_each_file_as_it_is_read(tmp_path: Path) -> None:
    first = tmp_path / "a.csv"
    first.write_text("source,subject,property,value\nA,X,control,army\nB,X,control,rebels\n")
    empty = tmp_path / "b.csv"
    empty.write_text("source,subject,property,value\n")
    seen: list[tuple[str, int]] = []
    claims = read_claims(
        [first, empty], on_file=lambda path, found: seen.append((path.name, len(found)))
    )
    assert seen == [("a.csv", 2), ("b.csv", 0)]
    assert len(claims) == 2
