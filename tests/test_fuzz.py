"""Property-based fuzzing of the readers and writers (hypothesis).

Whatever bytes a file holds, reading it gives claims or a ClaimgraphError that
names the file; claims written as JSONL or CSV read back as the same claims;
names put into Markdown stay text.
"""

from __future__ import annotations

import datetime as dt
import json
import string
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimgraph import ClaimgraphError, InputError, read_claims, write_claims
from claimgraph.model import Claim, SourceRegistry
from claimgraph.places import Gazetteer
from claimgraph.reports import markdown_table, markdown_text
from claimgraph.text import read_actors

FUZZ = settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

#: Fragments a malformed table is built of: real cells, separators, the odd
#: characters and numbers that broke readers before.
FRAGMENTS = [
    "source",
    "subject",
    "property",
    "value",
    "low",
    "high",
    "start",
    "end",
    "share",
    "sentence",
    "date",
    "precision",
    "stance",
    "id",
    "SANA",
    "Aleppo",
    "control",
    "killed",
    "army",
    "rebels",
    "517",
    "0.015",
    "1.000",
    "2014-01-16",
    "0000-01-01",
    "9999-12-31",
    "2014-02-30",
    "²",
    "٣",
    "１２",
    "1" * 4301,
    "1" * 400,
    "1e400",
    "Infinity",
    "NaN",
    "-0",
    "500",
    "20",
    ",",
    "\t",
    '"',
    "\n",
    "\r\n",
    "\r",
    "\u2028",
    "\x00",
    "\ufeff",
    "{",
    "}",
    "[",
    "]",
    ":",
    '"source": "SANA"',
    '"low": ',
    "<script>",
    "|",
    " ",
]


def _outcome(read: Callable[[Path], Any], path: Path) -> tuple[Any, ClaimgraphError | None]:
    """What ``read(path)`` gives, or the ClaimgraphError it raises; anything else propagates."""
    try:
        return read(path), None
    except ClaimgraphError as exc:
        return None, exc


def _check_reading(path: Path) -> None:
    """Claims, or a ClaimgraphError naming the file; never another exception."""
    claims, error = _outcome(read_claims, path)
    if error is not None:
        assert isinstance(error, InputError)
        assert error.path is not None
        assert path.name in str(error)
        return
    assert all(isinstance(claim, Claim) for claim in claims)


@pytest.mark.parametrize("suffix", [".csv", ".tsv", ".jsonl"])
@FUZZ
@given(data=st.binary(max_size=400))
def test_any_bytes_read_as_claims_or_a_located_error(suffix: str, data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"in{suffix}"
        path.write_bytes(data)
        _check_reading(path)


@pytest.mark.parametrize("suffix", [".csv", ".tsv", ".jsonl"])
@FUZZ
@given(parts=st.lists(st.sampled_from(FRAGMENTS), max_size=60))
def test_table_like_text_reads_as_claims_or_a_located_error(suffix: str, parts: list[str]) -> None:
    header = "source,subject,property,value,low,high,start,end,share,sentence\n"
    if suffix == ".tsv":
        header = header.replace(",", "\t")
    body = "".join(parts)
    if suffix == ".jsonl":
        header, body = "", '{"source": "SANA", "subject": "Aleppo", ' + body
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"in{suffix}"
        path.write_text(header + body, encoding="utf-8", errors="surrogatepass")
        _check_reading(path)


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20)
    | st.sampled_from(["army", "2014-01-16", "0.015", "²", "9999-12-31", "1e400"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=5,
)
KEYS = st.sampled_from(
    [
        "source",
        "subject",
        "property",
        "value",
        "low",
        "high",
        "start",
        "end",
        "date",
        "share",
        "sentence",
        "partial",
        "stance",
        "precision",
        "id",
        "text",
        "doc",
    ]
)


@FUZZ
@given(
    records=st.lists(
        st.dictionaries(KEYS, JSON_VALUES, min_size=3, max_size=8), min_size=1, max_size=4
    )
)
def test_json_objects_of_any_values_read_or_fail_cleanly(records: list[dict[str, object]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "in.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        _check_reading(path)


# -- round trips --------------------------------------------------------------

#: Names with everything a writer must carry: separators, quotes, line breaks
#: of every kind, control characters, pipes, markup.
NAME_ALPHABET = st.characters(
    blacklist_categories=["Cs"],
    blacklist_characters="\x00",
) | st.sampled_from(list(",;\t\"'|\n\r\u2028\u2029\x85\x0b\x0c\x1c<>&[]`*_\\"))
NAMES = st.text(NAME_ALPHABET, min_size=1, max_size=25).filter(lambda s: s.strip() != "")
DAYS = st.dates(max_value=dt.date(9999, 11, 30))  # room for an end 30 days on
NUMBERS = st.floats(allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12)


@st.composite
def claims(draw: st.DrawFn) -> Claim:
    record: dict[str, object] = {
        "source": draw(NAMES),
        "subject": draw(NAMES),
        "text": draw(st.none() | NAMES),
        "doc": draw(st.none() | NAMES),
        "alignment": draw(st.none() | st.sampled_from(["government", "opposition", "x|y"])),
    }
    if draw(st.booleans()):
        record.update(property="control", value=draw(st.sampled_from(["army", "rebels", "IS"])))
        record["share"] = draw(st.none() | st.floats(min_value=1e-6, max_value=1.0))
    else:
        low = draw(NUMBERS)
        record.update(property=draw(NAMES), low=low, high=low + draw(st.floats(0, 1e6)))
        record["value"] = draw(st.none() | NAMES)
    start = draw(st.none() | DAYS)
    if start is not None:
        record["start"] = start
        record["end"] = start + dt.timedelta(days=draw(st.integers(0, 30)))
    record["stance"] = draw(st.sampled_from(["asserts", "denies", "uncertain"]))
    record["sentence"] = draw(st.none() | st.integers(0, 10**6))
    return Claim.from_record(record)


@pytest.mark.parametrize("suffix", [".jsonl", ".csv"])
@FUZZ
@given(written=st.lists(claims(), min_size=1, max_size=5, unique_by=lambda c: c.id))
def test_claims_written_read_back_the_same(suffix: str, written: list[Claim]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"out{suffix}"
        write_claims(written, path)
        assert read_claims(path) == written


@FUZZ
@given(written=st.lists(claims(), min_size=1, max_size=3, unique_by=lambda c: c.id))
def test_jsonl_written_is_strict_json_split_at_newlines_only(written: list[Claim]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "out.jsonl"
        write_claims(written, path)
        text = path.read_text(encoding="utf-8")

    def refuse(token: str) -> object:
        raise AssertionError(f"bare {token} written")

    lines = text.split("\n")[:-1]
    assert len(lines) == len(written)
    assert all(json.loads(line, parse_constant=refuse) for line in lines)
    assert "\u2028" not in text
    assert "\u2029" not in text


# -- Markdown ------------------------------------------------------------------


@FUZZ
@given(names=st.lists(NAMES, min_size=1, max_size=4))
def test_names_in_markdown_tables_keep_the_columns_and_add_no_markup(names: list[str]) -> None:
    table = markdown_table([{"source": name, "n": 1} for name in names])
    for line in table.splitlines():
        unescaped = line.replace("\\\\", "").replace("\\|", "")
        assert unescaped.count("|") == 3
    assert "<" not in table
    assert "\n" not in table.replace("\n|", "")
    for name in names:
        assert "](" not in markdown_text(name).replace("\\]", "")


# -- gazetteers and source registries ---------------------------------------------

GAZETTEER_FRAGMENTS = [
    "name",
    "aliases",
    "parent",
    "lat",
    "lon",
    "Aleppo",
    "Alepo;Halab",
    "36.2",
    "37.1",
    "nan",
    "inf",
    "1e400",
    "٣٦",
    "91",
    ",",
    "\n",
    '"',
    "\x00",
    "|",
    ";",
    " ",
]


@FUZZ
@given(parts=st.lists(st.sampled_from(GAZETTEER_FRAGMENTS), max_size=40))
def test_gazetteer_files_read_or_fail_naming_the_file(parts: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "gaz.csv"
        path.write_text("".join(parts), encoding="utf-8")
        gazetteer, error = _outcome(Gazetteer.from_csv, path)
        if error is not None:
            assert "gaz.csv" in str(error)
        else:
            assert len(gazetteer) >= 1


SOURCE_FRAGMENTS = ["name", "aliases", "alignment", "SANA", "a;b", "government", ",", "\n", '"']
SOURCE_FRAGMENTS += ["[", "]", "{", "}", ":", '"name"', '"aliases"', "3", "true", "null", "NaN"]


@pytest.mark.parametrize("suffix", [".csv", ".json"])
@FUZZ
@given(parts=st.lists(st.sampled_from(SOURCE_FRAGMENTS), max_size=40))
def test_sources_files_read_or_fail_naming_the_file(suffix: str, parts: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"sources{suffix}"
        path.write_text("".join(parts), encoding="utf-8")
        registry, error = _outcome(SourceRegistry.from_file, path)
        if error is not None:
            assert f"sources{suffix}" in str(error)
        else:
            assert all(source.name.strip() for source in registry)


@FUZZ
@given(data=st.binary(max_size=300))
def test_gazetteer_and_sources_survive_any_bytes(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        for name, read in (
            ("g.csv", Gazetteer.from_csv),
            ("s.csv", SourceRegistry.from_file),
            ("s.json", SourceRegistry.from_file),
        ):
            path = Path(folder) / name
            path.write_bytes(data)
            _result, error = _outcome(read, path)
            assert error is None or name in str(error)


SIDE_FRAGMENTS = ["name", "side", "aliases", "Vessan Guard", "vessa", "a;b", ",", "\n", '"', "\t"]
SIDE_FRAGMENTS += ["[", "]", "{", "}", ":", '"name"', '"side"', '"aliases"', "3", "null", "NaN"]
SIDE_FRAGMENTS += ['"\\ud800"', '"\\u0041"', "\x00", "<script>"]


@pytest.mark.parametrize("suffix", [".csv", ".json"])
@FUZZ
@given(parts=st.lists(st.sampled_from(SIDE_FRAGMENTS), max_size=40))
def test_side_files_read_or_fail_naming_the_file(suffix: str, parts: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"sides{suffix}"
        path.write_text("".join(parts), encoding="utf-8")
        actors, error = _outcome(read_actors, path)
        if error is not None:
            assert isinstance(error, InputError)
            assert f"sides{suffix}" in str(error)
        else:
            for actor in actors:
                assert actor.name.strip()
                assert actor.side.strip()
                assert all(isinstance(alias, str) and alias for alias in actor.aliases)
                # every name can be written out: no lone surrogate got through
                (actor.name + actor.side + "".join(actor.aliases)).encode("utf-8")


def test_printable_names_survive_the_csv_round_trip(tmp_path: Path) -> None:
    # Every printable ASCII character in every text field at once.
    name = string.printable.strip()
    claim = Claim.from_record(
        {"source": name, "subject": name, "property": "killed", "value": "3", "text": name}
    )
    write_claims([claim], tmp_path / "all.csv")
    assert read_claims(tmp_path / "all.csv") == [claim]
