"""``resolve`` says "undecided" below its threshold, and compares counts as disputes do."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from claimgraph import InvalidClaimError
from claimgraph.cli import main
from claimgraph.graph import ClaimGraph, count_scopes
from claimgraph.scoring.truth import (
    DEFAULT_MIN_CONFIDENCE,
    Decision,
    TruthOptions,
    discover,
    discover_graph,
)
from claimgraph.testing import make_claim


def _resolve_json(*args: str) -> dict:  # type: ignore[type-arg]
    result = CliRunner().invoke(main, ["resolve", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    document: dict = json.loads(result.output)  # type: ignore[type-arg]
    return document


def _by_place(document: dict, subject: str) -> list[dict]:  # type: ignore[type-arg]
    return [i for i in document["items"] if i["subject"] == subject]


# -- undecided ------------------------------------------------------------------


def test_an_assertion_denied_by_another_source_is_undecided() -> None:
    claims = [
        make_claim("Al-Masdar News", "Tell Hadya", "government", on="2016-06-02"),
        make_claim("LCC", "Tell Hadya", "government", on="2016-06-03", stance="denies"),
    ]
    [item] = discover(claims).items
    assert item.status is Decision.UNDECIDED
    assert (item.value, item.leading, item.decided) == (None, "government", False)
    assert item.confidence <= DEFAULT_MIN_CONFIDENCE
    assert set(item.belief) == {"government"}
    [forced] = discover(claims, min_confidence=0).items
    assert (forced.status, forced.value) == (Decision.DECIDED, "government")


def test_the_threshold_is_an_option_and_decided_at_changes_it_without_a_new_run() -> None:
    claims = [
        make_claim(source, "Hilan", value, on="2014-05-01")
        for source, value in [("A", "army"), ("B", "army"), ("C", "rebels")]
    ]
    result = discover(claims, method="vote")
    [item] = result.items
    assert 0 < item.confidence < 1
    strict = result.decided_at(min(0.99, item.confidence + 0.01))
    assert strict.min_confidence > item.confidence
    assert [i.status for i in strict.items] == [Decision.UNDECIDED]
    assert strict.items.columns()["value"] == [None]
    assert strict.items.columns()["leading"] == ["government"]
    lax = result.decided_at(max(0.0, item.confidence - 0.01))
    assert [i.value for i in lax.items] == ["government"]
    again = discover(claims, method="vote", min_confidence=strict.min_confidence)
    assert [i.status for i in again.items] == [Decision.UNDECIDED]


def test_only_denials_are_unsupported() -> None:
    claims = [make_claim("A", "Hilan", "army", stance="denies")]
    [item] = discover(claims).items
    assert (item.status, item.value, item.leading) == (Decision.UNSUPPORTED, None, None)
    assert discover(claims).items.columns()["status"] == ["unsupported"]


@pytest.mark.parametrize("bad", [-0.1, 1.0, 2, float("nan"), "half"])
def test_a_threshold_outside_0_1_is_refused(bad: object) -> None:
    with pytest.raises(InvalidClaimError, match="min_confidence"):
        TruthOptions(min_confidence=bad)  # type: ignore[arg-type]
    with pytest.raises(InvalidClaimError, match="min_confidence"):
        discover([make_claim("A", "Hilan", "army")]).decided_at(bad)  # type: ignore[arg-type]


def test_resolve_cli_reports_the_barely_believed_village_as_undecided() -> None:
    document = _resolve_json()
    assert document["min_confidence"] == DEFAULT_MIN_CONFIDENCE
    [hadya] = _by_place(document, "Tal Hadiya")
    assert hadya["status"] == "undecided"
    assert hadya["value"] is None
    assert hadya["leading"] == "government"
    assert hadya["confidence"] < DEFAULT_MIN_CONFIDENCE
    assert set(hadya["belief"]) == {"government"}
    decided = [i for i in document["items"] if i["status"] == "decided"]
    assert decided
    assert all(i["confidence"] > DEFAULT_MIN_CONFIDENCE for i in decided)
    assert all(i["value"] == i["leading"] for i in decided)
    forced = _resolve_json("--min-confidence", "0")
    [hadya] = _by_place(forced, "Tal Hadiya")
    assert (hadya["status"], hadya["value"]) == ("decided", "government")


def test_resolve_md_and_csv_show_undecided_items_with_their_candidates() -> None:
    md = CliRunner().invoke(main, ["resolve", "--format", "md"])
    assert md.exit_code == 0, md.output
    assert "no value has probability above 0.5 (--min-confidence)" in md.output
    [row] = [line for line in md.output.splitlines() if line.startswith("| Tal Hadiya |")]
    assert "| undecided |" in row
    assert "government 0." in row
    out = CliRunner().invoke(main, ["resolve", "--format", "csv", "--min-confidence", "0.9"])
    assert out.exit_code == 0, out.output
    rows = list(csv.DictReader(io.StringIO(out.output)))
    assert {"status", "value", "leading", "candidates"} <= set(rows[0])
    for row in rows:
        confidence = float(row["confidence"])
        assert row["status"] == ("decided" if confidence > 0.9 else "undecided")
        assert row["value"] == (row["leading"] if confidence > 0.9 else "")
        assert row["candidates"].startswith(f"{row['leading']}=")


def test_resolve_cli_refuses_a_threshold_of_one() -> None:
    result = CliRunner().invoke(main, ["resolve", "--min-confidence", "1"])
    assert result.exit_code == 2
    assert "--min-confidence" in result.output


# -- counts by the rules of disputes ----------------------------------------------


def _battle() -> list:  # type: ignore[type-arg]
    """A three-day total, a toll of the first hours, a total "by" the last day and a
    timeless count, of one place and property."""
    return [
        make_claim("SOHR", "Khan Tuman", 73, property="killed", start="2016-05-05",
                   end="2016-05-07", id="total"),
        make_claim("rebels", "Khan Tuman", ">150", property="killed", start="2016-05-05",
                   end="2016-05-07", id="higher"),
        make_claim("SOHR", "Khan Tuman", 12, property="killed", on="2016-05-06", id="hours"),
        make_claim("army", "Khan Tuman", 70, property="killed", end="2016-05-07", id="by"),
        make_claim("monitor", "Khan Tuman", 75, property="killed", id="timeless"),
    ]  # fmt: skip


def test_count_scopes_follow_comparable_periods() -> None:
    assert count_scopes(_battle()) == [0, 0, 1, 0, -1]
    halves = [
        make_claim("A", "X", 10, property="killed", start="2016-05-01", end="2016-05-10"),
        make_claim("B", "X", 4, property="killed", start="2016-05-01", end="2016-05-05"),
        make_claim("C", "X", 6, property="killed", start="2016-05-06", end="2016-05-10"),
    ]
    # each half is comparable with the whole but not with the other half
    assert count_scopes(halves) == [0, 0, 1]


@pytest.mark.parametrize("through_graph", [False, True])
def test_a_first_hours_toll_and_a_three_day_total_are_two_items(through_graph: bool) -> None:
    claims = _battle()
    if through_graph:
        result = discover_graph(ClaimGraph.build(claims), min_confidence=0)
    else:
        result = discover(claims, min_confidence=0)
    items = {(i.period[0].day, i.period[1].day): i for i in result.items if i.period}
    assert set(items) == {(5, 7), (6, 6)}
    total, hours = items[5, 7], items[6, 6]
    assert set(hours.belief) == {"12", "75"}  # the timeless count is in both
    assert "12" not in total.belief
    assert {"73", ">= 151"} <= set(total.belief)
    assert "hours" not in total.supporting + total.opposing
    assert "hours" in hours.supporting


def test_different_quantities_in_the_example_are_different_items() -> None:
    document = _resolve_json()
    khan = {(i["property"], i["period_start"], i["period_end"]) for i in document["items"]}
    khan_counts = {k for k in khan if k[0].startswith("killed")}
    assert khan_counts == {
        ("killed:fighters", "2016-05-05", "2016-05-07"),  # 73 and more than 150, both sides
        ("killed:soldiers", "2016-05-05", "2016-05-07"),  # one side's losses
        ("killed", "2016-05-05", "2016-05-07"),  # at least 60 people, three days
        ("killed", "2016-05-06", "2016-05-06"),  # 12 in the first hours
    }
    [fighters] = [i for i in document["items"] if i["property"] == "killed:fighters"]
    assert set(fighters["belief"]) == {"73", ">= 151"}


def test_every_count_item_holds_only_counts_that_disputes_would_compare() -> None:
    from itertools import combinations

    from claimgraph.graph import comparable_periods
    from claimgraph.testing import synthetic_claims

    claims = synthetic_claims(3000, seed=5).claims
    graph = ClaimGraph.build(claims)
    by_id = {c.id: c for c in graph.claims}
    result = discover_graph(graph, min_confidence=0)
    count_items = [i for i in result.items if i.property != "control"]
    assert count_items
    split = 0
    for item in count_items:
        members = [by_id[c] for c in item.supporting + item.opposing if by_id[c].is_numeric]
        timed = [c for c in members if c.start is not None or c.end is not None]
        for a, b in combinations(timed, 2):
            assert comparable_periods(a, b), (item, a, b)
    # and some episodes did hold counts of periods that cannot be compared
    for episode in graph.episodes:
        counts = [c for c in episode.claims if c.is_numeric]
        split += max(count_scopes(counts), default=0) > 0
    assert split > 0
