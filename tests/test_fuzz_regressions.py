"""One test per defect the fuzzing found in the readers, writers and reports."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimgraph import InputError, InvalidClaimError, read_claims, write_claims
from claimgraph.cli import main
from claimgraph.model import Claim, SourceRegistry, parse_number
from claimgraph.places import Gazetteer

ROOT = Path(__file__).resolve().parent.parent
HEADER = "source,subject,property,value,share,start\n"


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def located(tmp_path: Path, name: str, content: str | bytes) -> InputError:
    with pytest.raises(InputError) as info:
        read_claims(write(tmp_path, name, content))
    assert name in str(info.value)
    return info.value


# -- numbers ---------------------------------------------------------------------


def test_a_small_decimal_share_is_a_fraction_not_thousands(tmp_path: Path) -> None:
    # "0.015" was read as 15 (a thousands group), then as 15 % = 0.15.
    (claim,) = read_claims(write(tmp_path, "s.csv", HEADER + "SANA,Zitan,control,army,0.015,\n"))
    assert claim.share == 0.015
    assert parse_number("0.015") == 0.015
    assert parse_number("1.000") == 1000.0  # Spanish thousands still read as such


@pytest.mark.parametrize("digits", ["²", "٣", "１２", "①"])
def test_unicode_digits_are_a_located_error(tmp_path: Path, digits: str) -> None:
    error = located(tmp_path, "u.csv", HEADER + f"SANA,Zitan,control,army,{digits},\n")
    assert (error.line, error.field) == (2, "share")
    error = located(tmp_path, "u.csv", f"source,subject,property,low\na,b,killed,{digits}\n")
    assert (error.line, error.field) == (2, "low")
    # As a value it is text, not a number: no bounds are guessed from it.
    (claim,) = read_claims(write(tmp_path, "v.csv", f"{HEADER}a,b,killed,{digits},,\n"))
    assert (claim.value, claim.low, claim.high) == (digits, None, None)


def test_unicode_digits_in_a_sentence_number_are_a_located_error(tmp_path: Path) -> None:
    error = located(
        tmp_path,
        "n.jsonl",
        '{"source": "a", "subject": "b", "property": "c", "value": "1", "sentence": "²"}\n',
    )
    assert (error.line, error.field) == (1, "sentence")


def test_a_4301_digit_integer_is_a_located_error(tmp_path: Path) -> None:
    record = '{"source": "a", "subject": "b", "property": "killed", "low": ' + "9" * 4301 + "}\n"
    error = located(tmp_path, "big.jsonl", record)
    assert error.line == 1


@pytest.mark.parametrize("number", ["9" * 400, "1e400", str(10**400)])
def test_numbers_beyond_any_float_are_a_located_error(tmp_path: Path, number: str) -> None:
    error = located(
        tmp_path,
        "big.jsonl",
        '{"source": "a", "subject": "b", "property": "killed", "low": ' + number + "}\n",
    )
    assert (error.line, error.field) == (1, "low")
    error = located(tmp_path, "big.csv", f"source,subject,property,low\na,b,killed,{number}\n")
    assert (error.line, error.field) == (2, "low")


@pytest.mark.parametrize("token", ["NaN", "Infinity", "-Infinity"])
def test_bare_nan_and_infinity_are_refused(tmp_path: Path, token: str) -> None:
    error = located(
        tmp_path,
        "nan.jsonl",
        '{"source": "a", "subject": "b", "property": "killed", "value": 1}\n'
        f'{{"source": "a", "subject": "b", "property": "killed", "high": {token}}}\n',
    )
    assert error.line == 2
    with pytest.raises(InvalidClaimError):  # and never written
        Claim.from_record({"source": "a", "subject": "b", "property": "k", "low": float("inf")})


def test_deeply_nested_json_is_a_located_error(tmp_path: Path) -> None:
    error = located(tmp_path, "deep.jsonl", "[" * 100_000 + "\n")
    assert error.line == 1


def test_a_number_is_not_a_side(tmp_path: Path) -> None:
    error = located(
        tmp_path,
        "side.jsonl",
        '{"source": "a", "subject": "b", "property": "control", "value": 1.5}\n',
    )
    assert error.field == "value"


# -- dates -----------------------------------------------------------------------


@pytest.mark.parametrize("day", ["0000-01-01", "10000-01-01", "2014-02-30", "٢٠١٤-٠١-١٦"])
def test_dates_outside_the_calendar_are_a_located_error(tmp_path: Path, day: str) -> None:
    error = located(tmp_path, "d.csv", HEADER + f"SANA,Zitan,control,army,,{day}\n")
    assert (error.line, error.field) == (2, "start")


def test_a_date_at_the_calendar_edges_runs_through_every_command(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "edge.csv",
        HEADER + "SANA,Zitan,control,army,,0001-01-01\nSOHR,Zitan,control,rebels,,9999-12-31\n",
    )
    runner = CliRunner()
    for command in ("claims", "disputes", "report", "sources", "resolve", "places"):
        result = runner.invoke(main, [command, str(path)])
        assert result.exit_code == 0, (command, result.output)


# -- repeated columns and keys -------------------------------------------------------


@pytest.mark.parametrize("name", ["dup.csv", "dup.tsv"])
def test_a_repeated_column_is_an_error_naming_it(tmp_path: Path, name: str) -> None:
    sep = "\t" if name.endswith(".tsv") else ","
    content = sep.join(["source", "subject", "property", "value", "value"]) + "\n"
    content += sep.join(["SANA", "Zitan", "control", "army", "rebels"]) + "\n"
    error = located(tmp_path, name, content)
    assert (error.line, error.field) == (1, "value")


def test_repeated_columns_that_are_not_read_may_stay(tmp_path: Path) -> None:
    path = write(tmp_path, "extra.csv", "source,subject,property,value,,\nSANA,b,control,army,,\n")
    (claim,) = read_claims(path, extra_columns="ignore")
    assert claim.value == "government"


def test_a_repeated_json_key_is_an_error_naming_it(tmp_path: Path) -> None:
    error = located(
        tmp_path,
        "dup.jsonl",
        '{"source": "a", "subject": "b", "property": "control", "value": "army", '
        '"value": "rebels"}\n',
    )
    assert (error.line, error.field) == (1, "value")


def test_a_mapped_key_and_the_field_it_maps_to_are_not_both_read(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "map.jsonl",
        '{"SourceID": "SANA", "source": "SOHR", "subject": "b", "property": "control", '
        '"value": "army"}\n',
    )
    with pytest.raises(InputError, match="unknown key"):
        read_claims(path, mapping={"source": "SourceID"})
    (claim,) = read_claims(path, mapping={"source": "SourceID"}, extra_columns="ignore")
    assert claim.source == "SANA"


# -- NUL, encodings --------------------------------------------------------------------


def test_a_nul_deep_in_a_file_is_a_located_error(tmp_path: Path) -> None:
    rows = "".join(f"SANA,Zitan{i},control,army,,\n" for i in range(2000))
    error = located(tmp_path, "nul.csv", HEADER + rows + "SANA,Zi\x00tan,control,army,,\n")
    assert error.line == 2002


def test_utf16_is_named(tmp_path: Path) -> None:
    error = located(tmp_path, "w.csv", (HEADER + "SANA,Zitan,control,army,,\n").encode("utf-16"))
    assert "UTF-16" in str(error)


def test_a_nul_in_a_json_name_is_refused(tmp_path: Path) -> None:
    error = located(
        tmp_path,
        "nul.jsonl",
        '{"source": "SA\\u0000NA", "subject": "b", "property": "c", "value": "d"}\n',
    )
    assert (error.line, error.field) == (1, "source")


# -- writing ---------------------------------------------------------------------------


def test_jsonl_with_line_separators_reads_back(tmp_path: Path) -> None:
    claim = Claim.from_record(
        {"source": "a\u2028b", "subject": "c\x85d\u2029", "property": "control", "value": "army"}
    )
    write_claims([claim], tmp_path / "ls.jsonl")
    text = (tmp_path / "ls.jsonl").read_text(encoding="utf-8")
    assert "\u2028" not in text
    assert "\\u2028" in text
    assert read_claims(tmp_path / "ls.jsonl") == [claim]


def test_a_lone_carriage_return_survives_csv(tmp_path: Path) -> None:
    claim = Claim.from_record(
        {"source": "a\rb", "subject": "c", "property": "control", "value": "army", "text": "x\ry"}
    )
    write_claims([claim], tmp_path / "cr.csv")
    assert read_claims(tmp_path / "cr.csv") == [claim]


def test_decimals_that_look_like_thousands_survive_csv(tmp_path: Path) -> None:
    claim = Claim(source="a", subject="b", property="area", low=1.234, high=12.5, share=None)
    write_claims([claim], tmp_path / "n.csv")
    assert read_claims(tmp_path / "n.csv")[0].low == 1.234


def test_long_cells_written_read_back(tmp_path: Path) -> None:
    claim = Claim.from_record(
        {
            "source": "a",
            "subject": "b",
            "property": "control",
            "value": "army",
            "text": "x" * 300_000,
        }
    )
    write_claims([claim], tmp_path / "long.csv")
    assert read_claims(tmp_path / "long.csv") == [claim]


# -- reports -----------------------------------------------------------------------------


def test_script_in_names_stays_inert_in_the_report(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "x.csv",
        "source,subject,property,value,start,text\n"
        '<script>alert(1)</script>,"Hilan <img src=x onerror=y>",control,army,2014-05-21,'
        '"[go](javascript:alert(1)) | cell"\n'
        'SOHR,Hilan <img src=x onerror=y>,control,rebels,2014-05-21,"two\nlines"\n',
    )
    for command in (["report"], ["disputes", "--format", "md"], ["places"], ["sources"]):
        result = CliRunner().invoke(main, [*command, str(path)])
        assert result.exit_code == 0, result.output
        assert "<script" not in result.output
        assert "<img" not in result.output
        assert "](javascript" not in result.output.replace("\\](", "")
    report = CliRunner().invoke(main, ["report", str(path)]).output
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in report


def test_resolve_md_escapes_names(tmp_path: Path) -> None:
    path = write(tmp_path, "r.csv", "source,subject,property,value\n<b>x</b>,a|b,control,army\n")
    result = CliRunner().invoke(main, ["resolve", str(path), "--format", "md"])
    assert result.exit_code == 0, result.output
    assert "<b>" not in result.output
    assert "a\\|b" in result.output


# -- commands --------------------------------------------------------------------------


def test_resolve_on_zero_claims_says_so(tmp_path: Path) -> None:
    path = write(tmp_path, "empty.csv", "source,subject,property,value\n")
    result = CliRunner().invoke(main, ["resolve", str(path)])
    assert result.exit_code == 1
    assert "no claims" in result.output
    assert "empty.csv" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


@pytest.mark.parametrize(
    ("name", "content", "field"),
    [
        ("s.json", '[{"name": "SANA", "aliases": 3}]', "sources[1].aliases"),
        ("s.json", '[{"name": "SANA", "aliases": true}]', "sources[1].aliases"),
        ("s.json", '[["SANA"]]', "sources[1]"),
        ("s.json", '[{"name": "SANA", "alignment": {"x": 1}}]', "sources[1].alignment"),
        ("s.json", '[{"name": "SANA", "colour": "red"}]', "sources[1].colour"),
        ("s.json", '[{"name": "SANA", "name": "SOHR"}]', "name"),
        ("s.csv", "name,alignment,alignment\nSANA,a,b\n", "alignment"),
        ("s.csv", "name,aliases\nSANA,a,spare,cells\n", None),
        ("s.csv", "name,alignment\n,government\n", "name"),
    ],
)
def test_malformed_sources_files_are_located_errors(
    tmp_path: Path, name: str, content: str, field: str | None
) -> None:
    path = write(tmp_path, name, content)
    with pytest.raises(InputError) as info:
        SourceRegistry.from_file(path)
    assert info.value.path == str(path)
    assert info.value.field == field
    table = write(tmp_path, "t.csv", "source,subject,property,value\nSANA,b,control,army\n")
    result = CliRunner().invoke(main, ["sources", "--sources", str(path), str(table)])
    assert result.exit_code == 1
    assert name in result.output
    assert isinstance(result.exception, SystemExit)


@pytest.mark.parametrize("latitude", ["٣٦", "nan", "inf", "1e400", "91"])
def test_gazetteer_coordinates_are_ascii_finite_and_in_range(tmp_path: Path, latitude: str) -> None:
    path = write(tmp_path, "g.csv", f"name,lat,lon\nAleppo,{latitude},37\n")
    with pytest.raises(InputError) as info:
        Gazetteer.from_csv(path)
    assert (info.value.line, info.value.field) == (2, "lat")


def test_gazetteer_with_a_repeated_column_is_a_located_error(tmp_path: Path) -> None:
    path = write(tmp_path, "g.csv", "name,lat,lon,name\nAleppo,36,37,Halab\n")
    with pytest.raises(InputError, match="repeated") as info:
        Gazetteer.from_csv(path)
    assert info.value.line == 1


# -- the same bytes whatever the hash seed ------------------------------------------------

_RUN_ALL = """
import sys
from pathlib import Path
from click.testing import CliRunner
from claimgraph.cli import main

out, table, text = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
runs = {
    "claims.jsonl": ["claims", table, text],
    "disputes.json": ["disputes", table, text, "--format", "json"],
    "disputes.md": ["disputes", table, text],
    "report.md": ["report", table, text],
    "sources.json": ["sources", table, text, "--format", "json", "--method", "accu"],
    "resolve.json": ["resolve", table, text],
    "places.json": ["places", table, text, "--format", "json"],
    "graph.graphml": ["graph", table, text],
    "graph.gexf": ["graph", table, text],
    "graph.json": ["graph", table, text],
    "extract.jsonl": ["extract", text],
}
for name, argv in runs.items():
    result = CliRunner().invoke(main, [*argv, "-o", str(out / name)], catch_exceptions=False)
    assert result.exit_code == 0, (name, result.output)
"""

_TEXT = """Aleppo, 3 April 2016 (Wire)
SANA said the army took full control of Hilan and Tal Alam on 2 April.
The Syrian Observatory for Human Rights said rebels still held Hilan.
Reuters reported that 14 fighters were killed in Tal Alam on 1 April.
"""


def test_outputs_are_the_same_bytes_whatever_the_hash_seed(tmp_path: Path) -> None:
    rows = ["id,source,alignment,subject,property,value,start"]
    sources = ["SANA", "SOHR", "Reuters", "Al-Manar", "AFP", "Jaish al-Fatah"]
    places = ["Hilan", "Hilane", "Tal Alam", "Tall Alam", "Zitan", "al-Eis", "Al Ees"]
    sides = ["army", "rebels", "unclear", "ISIL"]
    for i in range(120):
        rows.append(
            f"c{i},{sources[i % 6]},{'government' if i % 6 in (0, 3) else ''},"
            f"{places[(i * 5) % 7]},control,{sides[(i * 7) % 4]},2016-04-{1 + i % 20:02d}"
        )
    table = write(tmp_path, "t.csv", "\n".join(rows) + "\n")
    text = write(tmp_path, "d.txt", _TEXT)
    outputs = []
    for seed in ("0", "4242"):
        folder = tmp_path / f"seed{seed}"
        folder.mkdir()
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT / "src")}
        subprocess.run(
            [sys.executable, "-c", _RUN_ALL, str(folder), str(table), str(text)],
            env=env,
            check=True,
            timeout=600,
        )
        outputs.append({p.name: p.read_bytes() for p in sorted(folder.iterdir())})
    assert outputs[0].keys() == outputs[1].keys()
    assert len(outputs[0]) == 11
    differ = [name for name in outputs[0] if outputs[0][name] != outputs[1][name]]
    assert differ == []
    assert json.loads(outputs[0]["resolve.json"])["items"]


# -- lone surrogates and side declarations -------------------------------------------


JSONL_CLAIM = (
    '{{"source": "{source}", "subject": "Zitan", "property": "control", "value": "army"}}\n'
)


def test_a_lone_surrogate_escape_in_jsonl_is_a_located_error(tmp_path: Path) -> None:
    # "\ud800" is valid JSON but decodes to no character: writing the claim out
    # (JSONL, CSV, a report) ended in a UnicodeEncodeError traceback.
    good = JSONL_CLAIM.format(source="SANA")
    error = located(tmp_path, "s.jsonl", good + JSONL_CLAIM.format(source="S\\ud800x"))
    assert (error.line, error.field) == (2, "source")
    assert "lone surrogate (\\ud800)" in str(error)
    # A surrogate pair is one character and reads.
    (claim,) = read_claims(write(tmp_path, "p.jsonl", JSONL_CLAIM.format(source="S\\ud83d\\ude00")))
    assert claim.source == "S\U0001f600"


def test_a_lone_surrogate_through_the_cli_is_one_line(tmp_path: Path) -> None:
    path = write(tmp_path, "s.jsonl", JSONL_CLAIM.format(source="\\udfff"))
    result = CliRunner().invoke(main, ["claims", str(path)])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"Error: {path}:1: field 'source': text with a lone surrogate (\\udfff), "
        "which is not a character"
    ]


@pytest.mark.parametrize("name", ["sources.json", "sides.json"])
def test_lone_surrogates_in_sources_and_side_files_are_refused(tmp_path: Path, name: str) -> None:
    from claimgraph.text import read_actors

    path = write(tmp_path, name, '[{"name": "SANA\\udc80", "side": "government"}]')
    read = SourceRegistry.from_file if name == "sources.json" else read_actors
    with pytest.raises(InputError, match="lone surrogate") as info:
        read(path)
    assert info.value.path == str(path)


@pytest.mark.parametrize(
    ("content", "line", "field", "reason"),
    [
        # Repeated columns: csv.DictReader kept the last and said nothing.
        ("name,side,side\nWagner,russia,ukraine\n", 1, "side", "column repeated"),
        # More cells than columns: the extra cell vanished.
        ("name,side\nWagner,russia,extra\n", 2, None, "3 cells but the header has 2"),
        ("name,aliases\nWagner,W\n", 1, None, "missing required column 'side'"),
        ('name,side\nWagner,"russia\n', 2, None, "unreadable CSV"),
    ],
)
def test_side_csv_defects_are_located(
    tmp_path: Path, content: str, line: int, field: str | None, reason: str
) -> None:
    from claimgraph.text import read_actors

    with pytest.raises(InputError) as info:
        read_actors(write(tmp_path, "sides.csv", content))
    assert (info.value.line, info.value.field) == (line, field)
    assert reason in str(info.value)


@pytest.mark.parametrize(
    ("content", "field", "reason"),
    [
        # The second key silently won.
        ('{"Wagner": "russia", "Wagner": "ukraine"}', "Wagner", "key repeated"),
        ('[{"name": "Wagner", "side": NaN}]', None, "bare NaN is not JSON"),
        # A number was turned into the alias "3".
        ('[{"name": "Wagner", "side": "russia", "aliases": [3]}]', "actors[1].aliases", "list of"),
        (
            '[{"name": "Wagner", "side": "russia", "alias": "W"}]',
            "actors[1].alias",
            "no other keys",
        ),
        ('{"Wagner": 5}', "Wagner.side", "a side name"),
        ('["Wagner"]', "actors[1]", "a JSON object"),
    ],
)
def test_side_json_defects_are_located(
    tmp_path: Path, content: str, field: str | None, reason: str
) -> None:
    from claimgraph.text import read_actors

    with pytest.raises(InputError) as info:
        read_actors(write(tmp_path, "sides.json", content))
    assert info.value.field == field
    assert reason in str(info.value)


def test_claim_from_record_derives_an_id_for_a_lone_surrogate() -> None:
    # Names made in Python may hold one (file names decoded with surrogateescape);
    # deriving the id from the UTF-8 fields ended in UnicodeEncodeError.
    record = {"source": "SANA", "subject": "Zitan\udcff", "property": "control", "value": "army"}
    first, again = Claim.from_record(record), Claim.from_record(dict(record))
    assert first.id == again.id
    assert first.id != Claim.from_record({**record, "subject": "Zitan\udcfe"}).id
