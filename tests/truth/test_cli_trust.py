"""Trust through the CLI: one default method everywhere, named, with integer claim counts."""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner

from claimgraph.cli import main
from claimgraph.scoring.truth import DEFAULT_METHOD, TruthOptions, discover
from claimgraph.testing import make_claim

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = [str(ROOT / "examples" / "claims.csv"), str(ROOT / "examples" / "frente_sur.es.txt")]
#: What every output that shows trust names by default.
DESCRIPTION = discover([make_claim("A", "Hilan", "army")]).description


def _run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def _report_trust(report: str) -> dict[str, str]:
    """Source -> the estimated-accuracy cell of the report's sources table."""
    header = next(line for line in report.splitlines() if line.startswith("| source |"))
    column = [c.strip() for c in header.strip("|").split("|")].index(
        "estimated accuracy (95% interval, claims)"
    )
    rows = report.split(header, 1)[1].splitlines()[2:]
    out = {}
    for row in rows:
        if not row.startswith("|"):
            break
        cells = [c.strip() for c in row.strip("|").split("|")]
        out[cells[0]] = cells[column]
    return out


def test_the_default_is_accu_copy_with_echoes_and_observed_false_values():
    defaults = TruthOptions()
    assert DEFAULT_METHOD == "accu_copy"
    assert defaults.echoes is True
    assert defaults.false_values == "observed"
    assert DESCRIPTION.startswith("accu_copy (echoes=on, false_values=observed")


def test_every_command_gives_a_source_the_same_trust():
    # report used Accu and resolve AccuCopy: SANA was 0.75 in one and 0.69 in the other
    resolved = json.loads(_run("resolve", *EXAMPLE, "--format", "json"))
    from_resolve = {s["source"]: s for s in resolved["sources"]}
    listed = json.loads(_run("sources", *EXAMPLE, "--format", "json"))
    from_sources = {s["source"]: s["trust"] for s in listed["sources"] if "trust" in s}
    assert from_sources, "sources shows trust by default"
    for name, trust in from_sources.items():
        mine = from_resolve[name]
        assert trust["accuracy"] == mine["accuracy"], name
        assert trust["score"] == mine["trust"], name
        assert (trust["claims"], trust["weight"]) == (mine["claims"], mine["weight"]), name
    report = _report_trust(_run("report", *EXAMPLE))
    shown_by_sources = _report_trust(_run("sources", *EXAMPLE))
    assert report == shown_by_sources
    sana = from_resolve["SANA"]
    assert report["SANA"].startswith(f"{sana['accuracy']:.2f} ({sana['accuracy_low']:.2f}")


def test_every_output_that_shows_trust_names_the_method():
    assert f"Truth discovery: {DESCRIPTION};" in _run("resolve", *EXAMPLE, "--format", "md")
    resolved = json.loads(_run("resolve", *EXAMPLE, "--format", "json"))
    assert resolved["method"] == DEFAULT_METHOD
    assert resolved["options"]["echoes"] is True
    assert resolved["options"]["false_values"] == "observed"
    listed = json.loads(_run("sources", *EXAMPLE, "--format", "json"))
    assert listed["trust_method"] == {"name": resolved["method"], "options": resolved["options"]}
    assert f"Estimated accuracy by truth discovery: {DESCRIPTION}." in _run("sources", *EXAMPLE)
    report = _run("report", *EXAMPLE)
    assert f"Source trust is estimated by truth discovery: {DESCRIPTION}." in report
    assert f"Estimated accuracy by truth discovery: {DESCRIPTION}." in report
    plain = _run("report", *EXAMPLE, "--method", "vote", "--no-echoes")
    assert "truth discovery: vote (echoes=off)." in plain
    untrusted = _run("report", *EXAMPLE, "--method", "none")
    assert (
        "leaves trust out; disputes and timelines weigh the sources by truth "
        f"discovery: {DESCRIPTION}." in untrusted
    )
    assert (
        json.loads(_run("sources", *EXAMPLE, "--method", "none", "--format", "json"))[
            "trust_method"
        ]
        is None
    )


def test_sources_json_keys_are_tidy():
    listed = json.loads(_run("sources", *EXAMPLE, "--format", "json"))
    # the example's text speaks in its own voice: that document is named apart
    assert set(listed) == {"trust_method", "pairs", "sources", "documents_not_scored"}
    for record in listed["sources"]:
        assert not any(key.startswith("trust_") for key in record), record
        assert set(record["trust"]) == {
            "score",
            "accuracy",
            "accuracy_low",
            "accuracy_high",
            "claims",
            "weight",
        }


def _hedged(tmp_path: Path) -> str:
    # B hedges on Hilan (an uncertain claim is half a vote) and asserts Kafr Nubl
    rows = [
        "source,subject,property,value,date,stance",
        "A,Hilan,control,army,2014-05-01,asserts",
        "B,Hilan,control,army,2014-05-01,uncertain",
        "C,Hilan,control,rebels,2014-05-01,asserts",
        "A,Kafr Nubl,control,rebels,2014-06-01,asserts",
        "B,Kafr Nubl,control,rebels,2014-06-01,asserts",
    ]
    table = tmp_path / "hedged.csv"
    table.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return str(table)


def test_claim_counts_are_whole_numbers_and_weights_are_shown_apart(tmp_path):
    table = _hedged(tmp_path)
    resolved = json.loads(_run("resolve", table, "--exact-subjects", "--format", "json"))
    b = next(s for s in resolved["sources"] if s["source"] == "B")
    assert b["claims"] == 2
    assert isinstance(b["claims"], int)
    assert b["weight"] < 2
    md = _run("resolve", table, "--exact-subjects", "--format", "md")
    row = next(line for line in md.splitlines() if line.startswith("| B |"))
    assert row.split("|")[5].strip() == "2"
    for text in (_run("sources", table, "--exact-subjects"), _run("report", table)):
        cell = _report_trust(text)["B"]
        assert re.search(r"n=2, 1\.5 votes\)$", cell), cell
        assert not re.search(r"n=\d+\.\d", text)


def test_no_claims_give_an_empty_result_for_every_method():
    # sources and report now run the default method: zero claims must not crash it
    from claimgraph.scoring.truth import METHODS

    for method in METHODS:
        for echoes in (True, False):
            result = discover([], method=method, echoes=echoes)
            assert (len(result.items), result.sources) == (0, ()), method


def test_the_report_weighs_disputes_by_the_method_of_its_table():
    # one run weighs the disputes, the timelines and the sources table alike
    assert f"sources weighed by {DEFAULT_METHOD} trust" in _run("report", *EXAMPLE)
    by_vote = _run("report", *EXAMPLE, "--method", "vote")
    assert "sources weighed by vote trust" in by_vote
    assert f"sources weighed by {DEFAULT_METHOD} trust" not in by_vote


def test_false_values_option_is_checked_and_changes_the_named_options(tmp_path):
    table = _hedged(tmp_path)
    bad = CliRunner().invoke(main, ["resolve", table, "--false-values", "0.5"])
    assert bad.exit_code == 2
    assert "expected 'observed' or a number >= 1, got '0.5'" in bad.output
    open_world = json.loads(_run("resolve", table, "--false-values", "10", "--format", "json"))
    assert open_world["options"]["false_values"] == 10.0
    shown = _run("sources", table, "--false-values", "10", "--no-echoes")
    assert "accu_copy (echoes=off, false_values=10," in shown
