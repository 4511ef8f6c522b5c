"""The command line: each command on the example and on files, formats, and clean errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimgraph.cli import main
from claimgraph.data import example_path


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def run(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_disputes_on_the_bundled_example(runner: CliRunner) -> None:
    out = run(runner, "disputes")
    assert "Why disputed: contradiction, unclear." in out
    assert out.count("Evidence:") == 3


def test_disputes_json_and_csv(runner: CliRunner) -> None:
    records = json.loads(run(runner, "disputes", str(example_path()), "--format", "json"))
    assert {r["property"] for r in records} == {"control", "killed:fighters"}
    assert all(r["evidence"] for r in records)
    csv_text = run(runner, "disputes", "--format", "csv")
    assert csv_text.splitlines()[0].startswith("place,property,from,to")
    assert len(csv_text.splitlines()) == 4


def test_output_file_format_follows_suffix(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "d.json"
    result = runner.invoke(main, ["disputes", "-o", str(out)])
    assert result.exit_code == 0
    assert isinstance(json.loads(out.read_text()), list)


def test_sources_json(runner: CliRunner) -> None:
    data = json.loads(run(runner, "sources", "--format", "json"))
    pair = next(
        p for p in data["pairs"] if {p["source_a"], p["source_b"]} == {"SANA", "Al-Masdar News"}
    )
    assert pair["same_side"] is True
    assert pair["rate_low"] < 0.5 < pair["rate_high"]  # one item: a wide interval
    assert {s["source"] for s in data["sources"]} >= {"SANA", "Reuters"}


def test_places_shows_merges(runner: CliRunner) -> None:
    records = json.loads(run(runner, "places", "--format", "json"))
    merged = [r for r in records if len(r["variants"]) > 1]
    assert any({"Khan Tuman", "Khan Touman"} <= set(r["variants"]) for r in merged)
    assert all(r["merges"] for r in merged)


def test_claims_normalizes(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "claims.jsonl"
    run(runner, "claims", str(example_path()), "-o", str(out))
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert lines[0]["value"] == "government"  # "army" made canonical
    assert len(lines) == sum(1 for _ in example_path().open()) - 1


@pytest.mark.parametrize("suffix", [".graphml", ".gexf", ".json"])
def test_graph_writes_a_file(runner: CliRunner, tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"g{suffix}"
    run(runner, "graph", "-o", str(out))
    assert out.stat().st_size > 100


def test_graph_needs_an_output(runner: CliRunner) -> None:
    result = runner.invoke(main, ["graph"])
    assert result.exit_code == 2
    assert "--output" in result.output


def test_report_markdown(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "r.md"
    run(runner, "report", "-o", str(out))
    text = out.read_text()
    for heading in (
        "## Summary",
        "## Disputed control",
        "## Control timelines",
        "## Source agreement",
        "## Place spellings merged",
    ):
        assert heading in text


def test_bad_input_is_a_clean_error(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("source,subject,property,value,date\nA,X,control,army,2014-13-01\n")
    result = runner.invoke(main, ["disputes", str(bad)])
    assert result.exit_code == 1
    assert f"Error: {bad}:2: field 'date'" in result.output
    assert "Traceback" not in result.output


def test_bad_output_leaves_no_file(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("source,subject,property,value\nA,X,control,nobody\n")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(main, ["claims", str(bad), "-o", str(out)])
    assert result.exit_code == 1
    assert list(tmp_path.iterdir()) == [bad]


def test_window_option_changes_the_verdict(runner: CliRunner, tmp_path: Path) -> None:
    table = tmp_path / "t.csv"
    table.write_text(
        "source,subject,property,value,date\nA,Hilan,control,army,2014-05-21\n"
        "B,Hilan,control,rebels,2014-05-26\n"
    )
    assert "No disputes found." in run(runner, "disputes", str(table))
    assert "Hilan" in run(runner, "disputes", str(table), "--window", "7")


def test_change_rate_option_splits_a_change_of_hands(runner: CliRunner, tmp_path: Path) -> None:
    # the army on 1-4 May, the rebels on 5-8 May, a report or two a day
    rows = [("SANA", 1), ("Reuters", 1), ("SANA", 2), ("AFP", 3), ("Reuters", 4)]
    rows += [("SOHR", 5), ("AFP", 5), ("Reuters", 6), ("SOHR", 7), ("AFP", 8)]
    table = tmp_path / "t.csv"
    table.write_text(
        "source,subject,property,value,date\n"
        + "".join(
            f"{s},Hilan,control,{'army' if k < 5 else 'rebels'},2014-05-0{day}\n"
            for k, (s, day) in enumerate(rows)
        )
    )
    assert "No disputes found." in run(runner, "disputes", str(table))
    assert "Hilan" in run(runner, "disputes", str(table), "--change-rate", "0")
    result = runner.invoke(main, ["disputes", str(table), "--change-rate", "-1"])
    assert result.exit_code == 2


def test_map_option(runner: CliRunner, tmp_path: Path) -> None:
    table = tmp_path / "t.csv"
    table.write_text("SourceID,ObjectID,PropertyID,PropertyValue\ns1,x,p,1\ns2,x,p,2\n")
    out = run(
        runner,
        "disputes",
        str(table),
        "--format",
        "csv",
        "--map",
        "source=SourceID,subject=ObjectID,property=PropertyID",
        "--map",
        "value=PropertyValue",
    )
    assert len(out.splitlines()) == 2


def test_gazetteer_and_sources_files(runner: CliRunner, tmp_path: Path) -> None:
    gazetteer = tmp_path / "places.csv"
    gazetteer.write_text("name,aliases,parent,lat,lon\nKhan Tuman,Khan Touman,Aleppo,36.1,37.0\n")
    sources = tmp_path / "sources.csv"
    sources.write_text(
        "name,aliases,alignment\nSOHR,Syrian Observatory for Human Rights,independent\n"
    )
    data = json.loads(
        run(
            runner,
            "sources",
            "--format",
            "json",
            "--gazetteer",
            str(gazetteer),
            "--sources",
            str(sources),
        )
    )
    assert "SOHR" in {s["source"] for s in data["sources"]}


def test_version(runner: CliRunner) -> None:
    assert "claimgraph" in run(runner, "--version")


def test_exact_subjects_turns_resolution_off(runner: CliRunner, tmp_path: Path) -> None:
    table = tmp_path / "t.csv"
    table.write_text(
        "source,subject,property,value,date\nA,Karam al Qasr,control,army,2014-01-25\n"
        "B,Karm al-Qasr,control,rebels,2014-01-25\n"
    )
    assert "Karam al Qasr" in run(runner, "disputes", str(table), "--format", "csv")
    exact = run(runner, "disputes", str(table), "--format", "csv", "--exact-subjects")
    assert exact.splitlines() == [
        "place,property,from,to,until,reasons,positions,likely,confidence,strength,method,claims"
    ]
    result = runner.invoke(main, ["places", str(table), "--exact-subjects"])
    assert result.exit_code == 2
