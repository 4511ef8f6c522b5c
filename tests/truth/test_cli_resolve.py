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


def _spellings(tmp_path):
    """One village under two spellings: two sources for the army, one for the rebels
    under the other spelling, so exact subjects give two items with different values."""
    path = tmp_path / "spellings.csv"
    path.write_text(
        "source,subject,property,value,date\n"
        "A,Karm al-Qasr,control,army,2014-01-25\n"
        "B,Karm al-Qasr,control,army,2014-01-26\n"
        "C,Karam al Qasr,control,rebels,2014-01-26\n"
        "A,Karm al-Qasr,control,army,2014-03-01\n",
        encoding="utf-8",
    )
    return path


def _items(result):
    assert result.exit_code == 0, result.output
    return [
        (i["subject"], i["period_start"], i["value"], len(i["supporting"]), len(i["opposing"]))
        for i in json.loads(result.output)["items"]
    ]


def test_resolve_merges_spellings_of_one_place(tmp_path):
    args = ["resolve", str(_spellings(tmp_path)), "--method", "vote", "--format", "json"]
    merged = _items(CliRunner().invoke(main, args))
    # one place shown by its most frequent spelling; the March claim is a later period
    assert merged == [
        ("Karm al-Qasr", "2014-01-25", "government", 2, 1),
        ("Karm al-Qasr", "2014-03-01", "government", 1, 0),
    ]
    apart = _items(CliRunner().invoke(main, [*args, "--exact-subjects"]))
    assert sorted(apart) == [
        ("Karam al Qasr", "2014-01-26", "opposition", 1, 0),
        ("Karm al-Qasr", "2014-01-25", "government", 2, 0),
        ("Karm al-Qasr", "2014-03-01", "government", 1, 0),
    ]


def test_resolve_window_and_gazetteer_are_the_shared_options(tmp_path):
    table = _spellings(tmp_path)
    gazetteer = tmp_path / "places.csv"
    gazetteer.write_text("name,aliases,parent,lat,lon\nKaram al-Qasr,,,,\n", encoding="utf-8")
    args = ["resolve", str(table), "--method", "vote", "--format", "json"]
    named = _items(CliRunner().invoke(main, [*args, "--gazetteer", str(gazetteer)]))
    assert {row[0] for row in named} == {"Karam al-Qasr"}
    one_period = _items(CliRunner().invoke(main, [*args, "--window", "60"]))
    assert one_period == [("Karm al-Qasr", "2014-01-25", "government", 3, 1)]


def test_resolve_and_sources_trust_agree(tmp_path):
    table = str(_spellings(tmp_path))
    resolved = CliRunner().invoke(main, ["resolve", table, "--method", "accu", "--format", "json"])
    assert resolved.exit_code == 0, resolved.output
    trust = {s["source"]: s["accuracy"] for s in json.loads(resolved.output)["sources"]}
    listed = CliRunner().invoke(main, ["sources", table, "--method", "accu", "--format", "json"])
    assert listed.exit_code == 0, listed.output
    figures = json.loads(listed.output)["sources"]
    assert {f["source"]: f["trust"]["accuracy"] for f in figures} == trust
    assert trust["C"] < trust["A"]


def _wire_table(tmp_path):  # type: ignore[no-untyped-def]
    # three outlets print one wire word for word on 150 places; on the disputed
    # place two independent sources contradict the wire
    rows = ["source,subject,property,value,date"]
    for n in range(150):
        rows += [f"{outlet},Village {n},control,army,2014-05-01" for outlet in "XYZ"]
    rows += [f"{outlet},Hilan,control,rebels,2014-05-01" for outlet in "XYZ"]
    rows += ["SOHR,Hilan,control,army,2014-05-01", "AFP,Hilan,control,army,2014-05-01"]
    table = tmp_path / "wire.csv"
    table.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return str(table)


def test_resolve_echoes_counts_a_republished_wire_about_once(tmp_path):
    args = ["resolve", _wire_table(tmp_path), "--exact-subjects", "--method", "vote"]
    args += ["--format", "json"]

    def hilan(result):  # type: ignore[no-untyped-def]
        assert result.exit_code == 0, result.output
        [item] = [i for i in json.loads(result.output)["items"] if i["subject"] == "Hilan"]
        return item["leading"]

    assert hilan(CliRunner().invoke(main, [*args, "--no-echoes"])) == "opposition"
    assert hilan(CliRunner().invoke(main, [*args, "--echoes"])) == "government"
    assert hilan(CliRunner().invoke(main, args)) == "government"  # the default


def test_sources_and_report_take_echoes_into_their_trust(tmp_path):
    table = _wire_table(tmp_path)
    args = ["sources", table, "--exact-subjects", "--method", "vote", "--format", "json"]

    def trust(result):  # type: ignore[no-untyped-def]
        assert result.exit_code == 0, result.output
        return {f["source"]: f["trust"]["accuracy"] for f in json.loads(result.output)["sources"]}

    plain, echoed = (
        trust(CliRunner().invoke(main, [*args, "--no-echoes"])),
        trust(CliRunner().invoke(main, [*args, "--echoes"])),
    )
    assert trust(CliRunner().invoke(main, args)) == echoed
    # SOHR speaks only of the disputed place: wrong when the wire's three copies
    # outvote it, right when they count about once
    assert echoed["SOHR"] > plain["SOHR"]
    report = ["report", table, "--exact-subjects", "--method", "vote"]
    assert (
        CliRunner().invoke(main, [*report, "--no-echoes"]).output
        != CliRunner().invoke(main, [*report, "--echoes"]).output
    )
