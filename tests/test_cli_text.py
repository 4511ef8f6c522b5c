"""The command line on narrative text: languages told per file, --sides, the examples."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimgraph.cli import main

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
ENGLISH = EXAMPLES / "northern_front.en.txt"
SPANISH = EXAMPLES / "frente_sur.es.txt"

# An invented war: two sides the bundled packs do not know.
SIDES_CSV = (
    "name,side,aliases\n"
    "Vessan Guard,vessa,guardsmen;the Guard\n"
    "Dorran Legion,dorra,Legión Dorrana\n"
)
BREL_EN = (
    "KORVIN, May 4, 2021 (Newswire) - The Vessan Guard on Sunday captured Brel, "
    "a river port south of Korvin.\n"
    "The Dorran Legion said its fighters still held Brel on Monday.\n"
)
SARNO_ES = "El 2 de mayo de 2021, la Legión Dorrana recuperó el pueblo de Sarno.\n"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def run(runner: CliRunner, *args: str | Path) -> str:
    result = runner.invoke(main, [str(a) for a in args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def fail(runner: CliRunner, *args: str | Path) -> tuple[int, str]:
    result = runner.invoke(main, [str(a) for a in args])
    assert result.exit_code != 0
    return result.exit_code, result.output


# -- English, with the language told from the text -----------------------------------------


def test_extract_reads_english_without_lang(runner: CliRunner) -> None:
    claims = [json.loads(line) for line in run(runner, "extract", ENGLISH).splitlines()]
    control = {
        (c["sentence"], c["source"], c["subject"], c["value"])
        for c in claims
        if c["property"] == "control" and c.get("stance", "asserts") == "asserts"
    }
    assert (2, "Syrian Observatory for Human Rights", "Tal Mashta", "opposition") in control
    assert (3, "SANA", "Tal Mashta", "government") in control
    # The dateline gives the document's date: "on Tuesday" is 3 March 2015, "the next day" the 4th.
    first = next(c for c in claims if c["sentence"] == 1)
    assert first["start"] == "2015-03-03"
    assert next(c for c in claims if c["sentence"] == 2)["start"] == "2015-03-04"
    # The shelled village is no one's: no claim of control over it.
    assert not [c for c in claims if c["subject"] == "Ain Tuffah" and c["property"] == "control"]


def test_the_english_example_has_its_dispute(runner: CliRunner) -> None:
    found = rows(run(runner, "disputes", ENGLISH, "--format", "csv"))
    [dispute] = [r for r in found if r["place"] == "Tal Mashta" and r["property"] == "control"]
    assert dispute["from"] == "2015-03-03"
    assert dispute["reasons"] == "contradiction"
    assert "government: " in dispute["positions"]
    assert "SANA" in dispute["positions"]
    assert "opposition: Syrian Observatory for Human Rights" in dispute["positions"]


def test_the_english_example_through_every_text_command(runner: CliRunner, tmp_path: Path) -> None:
    assert "Tal Mashta" in run(runner, "places", ENGLISH, "--format", "csv")
    assert "Syrian Observatory for Human Rights" in run(runner, "sources", ENGLISH)
    assert "Tal Mashta" in run(runner, "report", ENGLISH)
    assert "Tal Mashta" in run(runner, "claims", ENGLISH, "--format", "csv")
    assert "Tal Mashta" in run(runner, "resolve", ENGLISH, "--format", "csv")
    run(runner, "graph", ENGLISH, "-o", tmp_path / "g.json")
    assert "Tal Mashta" in (tmp_path / "g.json").read_text(encoding="utf-8")


def test_a_mixed_set_of_languages_and_tables(runner: CliRunner, tmp_path: Path) -> None:
    table = tmp_path / "extra.csv"
    table.write_text(
        "source,subject,property,value,date\nLocal Council,Tal Mashta,control,rebels,2015-03-05\n",
        encoding="utf-8",
    )
    found = rows(run(runner, "disputes", SPANISH, ENGLISH, table, "--format", "csv"))
    places = {r["place"] for r in found if r["property"] == "control"}
    assert {"Tal Hamra", "Tal Mashta"} <= places
    [mashta] = [r for r in found if r["place"] == "Tal Mashta"]
    assert "Local Council" in mashta["positions"]
    claims = rows(run(runner, "extract", SPANISH, ENGLISH, "--format", "csv"))
    assert {c["doc"] for c in claims} == {SPANISH.name, ENGLISH.name}


def test_lang_forces_one_pack(runner: CliRunner) -> None:
    # The Spanish pack finds nothing to claim in the English text, and says so.
    code, output = fail(runner, "extract", ENGLISH, "--lang", "es", "--format", "csv")
    assert code == 1
    assert output.startswith(f"Error: no claims in the input: {ENGLISH}: no sentence")
    assert "(read as Spanish)" in output
    assert "it looks English: try --lang en or auto" in output
    assert rows(run(runner, "extract", ENGLISH, "--lang", "en", "--format", "csv"))


def test_unknown_language_is_a_clean_error(runner: CliRunner) -> None:
    for command in ("extract", "disputes"):
        code, output = fail(runner, command, ENGLISH, "--lang", "xx")
        assert code == 2
        assert "no language pack for 'xx'; available: en, es (or auto)" in output
        assert "Traceback" not in output


def test_undetectable_language_is_a_clean_error(runner: CliRunner, tmp_path: Path) -> None:
    text = tmp_path / "numbers.txt"
    text.write_text("1234 5678\n", encoding="utf-8")
    code, output = fail(runner, "extract", text)
    assert code == 1
    assert "numbers.txt" in output
    assert "cannot tell the language" in output


def test_year_and_doc_date_together_are_a_usage_error(runner: CliRunner) -> None:
    code, output = fail(runner, "disputes", ENGLISH, "--year", "2015", "--doc-date", "2015-03-06")
    assert code == 2
    assert "not both" in output


# -- sides of other wars ----------------------------------------------------------------------


@pytest.fixture
def war(tmp_path: Path) -> Path:
    (tmp_path / "sides.csv").write_text(SIDES_CSV, encoding="utf-8")
    (tmp_path / "brel.en.txt").write_text(BREL_EN, encoding="utf-8")
    (tmp_path / "sarno.es.txt").write_text(SARNO_ES, encoding="utf-8")
    return tmp_path


def test_sides_give_control_claims_with_those_sides(runner: CliRunner, war: Path) -> None:
    claims = rows(
        run(
            runner,
            "extract",
            war / "brel.en.txt",
            war / "sarno.es.txt",
            "--sides",
            war / "sides.csv",
            "--format",
            "csv",
        )
    )
    control = {(c["source"], c["subject"], c["value"], c["start"]) for c in claims}
    assert ("brel.en.txt", "Brel", "vessa", "2021-05-02") in control
    # A declared actor speaks for its side.
    assert ("Dorran Legion", "Brel", "dorra", "2021-05-03") in control
    assert ("sarno.es.txt", "Sarno", "dorra", "2021-05-02") in control
    legion = next(c for c in claims if c["source"] == "Dorran Legion")
    assert legion["alignment"] == "dorra"


def test_sides_make_a_dispute_across_text_and_tables(runner: CliRunner, war: Path) -> None:
    # The table names a declared side as a value; it is valid because --sides declares it.
    table = war / "brel.csv"
    table.write_text(
        "source,subject,property,value,date\nRadio Korvin,Brel,control,vessa,2021-05-03\n",
        encoding="utf-8",
    )
    found = rows(
        run(
            runner,
            "disputes",
            table,
            war / "brel.en.txt",
            "--sides",
            war / "sides.csv",
            "--format",
            "csv",
        )
    )
    [brel] = [r for r in found if r["place"] == "Brel"]
    assert "vessa: " in brel["positions"]
    assert "Radio Korvin" in brel["positions"]
    assert "dorra: Dorran Legion" in brel["positions"]


def test_sides_as_a_json_object(runner: CliRunner, war: Path) -> None:
    sides = war / "sides.json"
    sides.write_text(json.dumps({"Vessan Guard": "vessa", "Dorran Legion": "dorra"}))
    claims = rows(run(runner, "extract", war / "brel.en.txt", "--sides", sides, "--format", "csv"))
    assert {c["value"] for c in claims} == {"vessa", "dorra"}


def test_without_sides_the_actors_are_unknown(runner: CliRunner, war: Path) -> None:
    result = runner.invoke(main, ["extract", str(war / "brel.en.txt"), "--format", "csv"])
    if result.exit_code == 1:  # nothing else in the text is a claim: said, not silent
        assert "Error: no claims in the input:" in result.output
        assert "(read as English)" in result.output
        return
    assert result.exit_code == 0, result.output
    assert not {c["value"] for c in rows(result.stdout)} & {"vessa", "dorra"}


@pytest.mark.parametrize(
    ("content", "where", "what"),
    [
        ("name,side,war\nVessan Guard,vessa,river\n", "sides.csv:1:", "unknown column 'war'"),
        ("name,side\nVessan Guard,vessa\nDorran Legion,\n", "sides.csv:3:", "field 'side'"),
        ("name,side\n,vessa\n", "sides.csv:2:", "field 'name'"),
    ],
)
def test_bad_sides_file_is_a_clean_error(
    runner: CliRunner, war: Path, content: str, where: str, what: str
) -> None:
    sides = war / "sides.csv"
    sides.write_text(content, encoding="utf-8")
    for command in ("extract", "disputes", "claims"):
        code, output = fail(runner, command, war / "brel.en.txt", "--sides", sides)
        assert code == 1
        [line] = output.strip().splitlines()
        assert line.startswith("Error: "), line
        assert where in line, line
        assert what in line, line


def test_bad_sides_json_is_a_clean_error(runner: CliRunner, war: Path) -> None:
    sides = war / "sides.json"
    sides.write_text('{"Vessan Guard": "vessa",\n "Dorran Legion": }', encoding="utf-8")
    code, output = fail(runner, "disputes", war / "brel.en.txt", "--sides", sides)
    assert code == 1
    assert "sides.json:2:" in output
    assert "invalid JSON" in output


def test_missing_sides_file_is_a_usage_error(runner: CliRunner, war: Path) -> None:
    code, output = fail(runner, "extract", war / "brel.en.txt", "--sides", war / "nope.csv")
    assert code == 2
    assert "nope.csv" in output
