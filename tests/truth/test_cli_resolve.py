"""``claimgraph resolve`` through click's CliRunner."""

from __future__ import annotations

import json

from click.testing import CliRunner

from claimgraph.cli import main


def _table(tmp_path):
    path = tmp_path / "claims.csv"
    path.write_text(
        "source,subject,property,value,date\n"
        "A,Hilan,control,army,2014-05-01\n"
        "B,Hilan,control,army,2014-05-02\n"
        "C,Hilan,control,rebels,2014-05-02\n"
        "A,Aleppo,killed,100,2014-05-03\n"
        "B,Aleppo,killed,103,2014-05-03\n",
        encoding="utf-8",
    )
    return path


def test_resolve_json_picks_the_majority(tmp_path):
    result = CliRunner().invoke(
        main,
        [
            "resolve",
            str(_table(tmp_path)),
            "--method",
            "vote",
            "--tolerance",
            "5",
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    values = {(i["subject"], i["property"]): i["value"] for i in document["items"]}
    assert values == {("Hilan", "control"): "government", ("Aleppo", "killed"): "100"}
    assert {s["source"] for s in document["sources"]} == {"A", "B", "C"}


def test_resolve_md_and_csv_to_file(tmp_path):
    out = tmp_path / "resolved.csv"
    result = CliRunner().invoke(main, ["resolve", str(_table(tmp_path)), "-o", str(out)])
    assert result.exit_code == 0, result.output
    header = out.read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("subject,property,period_start")
    md = CliRunner().invoke(main, ["resolve", str(_table(tmp_path)), "--format", "md"])
    assert "| Hilan | control |" in md.output


def test_resolve_rejects_two_tolerances(tmp_path):
    result = CliRunner().invoke(
        main, ["resolve", str(_table(tmp_path)), "--tolerance", "1", "--relative-tolerance", "0.1"]
    )
    assert result.exit_code != 0
    assert "not both" in result.output
