"""The bundled example: the disputes planted in it, and nothing else; the agreement expected."""

from __future__ import annotations

import datetime as dt

import pytest

import claimgraph as cg
from claimgraph.disputes import Reason


@pytest.fixture(scope="module")
def graph() -> cg.ClaimGraph:
    return cg.ClaimGraph.build(cg.example_claims())


def test_finds_the_planted_disputes_and_nothing_else(graph: cg.ClaimGraph) -> None:
    assert graph.places is not None
    key = graph.places.key_of
    found = [(d.place, d.property) for d in cg.find_disputes(graph)]
    assert sorted(found) == sorted(
        [
            (key("Al-Eis"), "control"),
            (key("Tell Hadya"), "control"),
            (key("Khan Tuman"), "killed:fighters"),
        ]
    )


def test_the_al_eis_dispute(graph: cg.ClaimGraph) -> None:
    [dispute] = cg.find_disputes(graph, place="al-Ees", property="control")
    assert (dispute.start, dispute.end, dispute.until) == (
        dt.date(2016, 4, 1),
        dt.date(2016, 4, 3),
        dt.date(2016, 4, 20),
    )
    assert dispute.reasons == (Reason.CONTRADICTION, Reason.UNCLEAR)
    assert {p.label for p in dispute.positions} == {
        "government",
        "opposition",
        "contested (uncertain)",
    }


def test_the_denial_and_the_count_conflict(graph: cg.ClaimGraph) -> None:
    [denial] = cg.find_disputes(graph, place="Tal Hadiya")
    assert denial.reasons == (Reason.DENIAL,)
    [count] = cg.find_disputes(graph, property="killed:fighters")
    conflicts = {frozenset((r.source.source, r.target.source)) for r in count.conflicts}
    assert conflicts == {
        frozenset(("Syrian Observatory for Human Rights", "Local Coordination Committees"))
    }


def test_counts_of_other_quantities_or_periods_are_no_dispute(graph: cg.ClaimGraph) -> None:
    # "more than 200 enemy soldiers" (one side's losses) is no position against
    # "73 fighters on both sides"; the toll of the first hours none against
    # "at least 60 people" over the three days
    assert cg.find_disputes(graph, property="killed:soldiers") == []
    assert cg.find_disputes(graph, property="killed") == []


def test_khan_tuman_changes_hands_without_dispute(graph: cg.ClaimGraph) -> None:
    [timeline] = [t for t in cg.build_timelines(graph) if t.name.casefold().startswith("khan")]
    assert not timeline.disputed
    [change] = timeline.changes
    assert (change.date, change.before, change.after) == (
        dt.date(2016, 5, 6),
        "government",
        "opposition",
    )
    assert all(p.is_corroborated(graph.alignments) for p in timeline.periods)


def test_the_revision_by_one_outlet_is_not_a_dispute(graph: cg.ClaimGraph) -> None:
    revisions = graph.relations_of("revises")
    assert [(r.source.id, r.target.id) for r in revisions] == [("ex18", "ex17")]


def test_agreement_as_expected(graph: cg.ClaimGraph) -> None:
    agreement = cg.source_agreement(graph)
    expected = {
        ("SANA", "Jaish al-Fatah"): (0, 1),
        ("SANA", "Syrian Observatory for Human Rights"): (0, 1),
        ("Jaish al-Fatah", "Syrian Observatory for Human Rights"): (1, 1),
        ("Local Coordination Committees", "Syrian Observatory for Human Rights"): (0, 1),
        ("Reuters", "Jaish al-Fatah"): (1, 0),
        ("SANA", "Reuters"): (1, 0),
        ("Al-Masdar News", "Local Coordination Committees"): (0, 1),
        ("SANA", "Al-Masdar News"): (1, 0),
        ("Al-Masdar News", "Syrian Observatory for Human Rights"): (1, 0),
        ("Syrian Observatory for Human Rights", "Reuters"): (1, 0),
    }
    got = {
        frozenset((p.source_a, p.source_b)): (p.agreements, p.disagreements)
        for p in agreement.pairs
    }
    assert got == {frozenset(k): v for k, v in expected.items()}
    assert agreement.pair("SANA", "Al-Masdar News").same_side  # type: ignore[union-attr]
    assert not agreement.pair("SANA", "Reuters").same_side  # type: ignore[union-attr]


def test_spellings_merged_in_the_example(graph: cg.ClaimGraph) -> None:
    assert graph.places is not None
    same = [
        ("al-Ees", "Al-Eis"),
        ("Khan Tuman", "Khan Touman"),
        ("Tell Hadya", "Tal Hadiya"),
        ("Zitan", "Zeitan"),
        ("Kafr Naha", "Kfar Naha"),
        ("al-Sheikh Maqsoud", "Sheikh Maqsoud"),
    ]
    for a, b in same:
        assert graph.places.key_of(a) == graph.places.key_of(b), (a, b)
    assert graph.places.key_of("Khan Tuman") != graph.places.key_of("Kafr Naha")


def test_the_report_summary_never_calls_a_disputed_place_undisputed() -> None:
    from claimgraph.data import example_claims
    from claimgraph.graph import ClaimGraph
    from claimgraph.reports import report_markdown

    lines = report_markdown(ClaimGraph.build(example_claims())).splitlines()
    disputed = next(s for s in lines if s.startswith("- Places with disputed control:"))
    calm = next(s for s in lines if s.startswith("- Places whose control is corroborated"))
    names = {n.strip(" .") for n in disputed.split(":", 1)[1].split(",")}
    assert names
    assert not names & {n.strip(" .") for n in calm.split(":", 1)[1].split(",")}
