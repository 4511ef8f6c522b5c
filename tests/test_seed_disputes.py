"""End to end on the real seed documents: the disputes and links the issue asks for.

The seeds are read from ../shared/seeds at test time; without them the tests skip.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import claimgraph as cg
from claimgraph.disputes import Status

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"

pytestmark = pytest.mark.skipif(
    not SEEDS.is_dir(), reason="the seed documents (../shared/seeds) are not beside the repository"
)


@pytest.fixture(scope="module")
def offensive_2014() -> cg.ClaimGraph:
    return cg.ClaimGraph.build(cg.read_claims(SEEDS / "aleppo-2013-2014.es.txt"))


@pytest.fixture(scope="module")
def offensive_2016() -> cg.ClaimGraph:
    claims = cg.read_claims(SEEDS / "aleppo-2016.es.txt", text_options={"year": 2016})
    return cg.ClaimGraph.build(claims)


def disputed(graph: cg.ClaimGraph, spelling: str) -> list[cg.Dispute]:
    return cg.find_disputes(graph, place=spelling, property="control")


def test_sheikh_najjar_is_disputed_in_february_2014(offensive_2014: cg.ClaimGraph) -> None:
    [dispute] = disputed(offensive_2014, "Sheikh Najjar")
    assert dispute.start is not None
    assert (dispute.start.year, dispute.start.month) == (2014, 2)


def test_al_majbal_is_disputed_from_march_to_may_2014(offensive_2014: cg.ClaimGraph) -> None:
    [dispute] = disputed(offensive_2014, "Majbal al-Zeft")
    assert dispute.start is not None
    assert dispute.until is not None
    assert dispute.start.month == 3
    assert dispute.until.month == 5


def test_bureij_is_disputed_in_may_2014(offensive_2014: cg.ClaimGraph) -> None:
    [dispute] = disputed(offensive_2014, "Breij")
    assert dispute.start is not None
    assert (dispute.start.year, dispute.start.month) == (2014, 5)
    assert "not opposition" in dispute.values


@pytest.mark.parametrize("spelling", ["Karm al-Qasr", "Tal Alam"])
def test_corroborated_places_are_not_disputed(offensive_2014: cg.ClaimGraph, spelling: str) -> None:
    assert disputed(offensive_2014, spelling) == []
    assert offensive_2014.places is not None
    key = offensive_2014.places.key_of(spelling)
    [timeline] = [t for t in cg.build_timelines(offensive_2014) if t.place == key]
    assert [p.status for p in timeline.periods] == [Status.HELD]
    assert timeline.periods[0].holder == "government"
    assert timeline.periods[0].is_corroborated(offensive_2014.alignments)


def test_the_death_tolls_conflict(offensive_2014: cg.ClaimGraph) -> None:
    [dispute] = cg.find_disputes(offensive_2014, property="killed")
    bounds = sorted((c.low, c.high) for c in dispute.claims)
    assert bounds == [(517.0, 517.0), (1001.0, None)]
    assert dispute.start == dt.date(2013, 12, 15)


def test_2016_denials_and_revision_are_linked(offensive_2016: cg.ClaimGraph) -> None:
    links = {
        (r.kind.value, r.source.source, r.target.source)
        for r in offensive_2016.relations
        if r.kind.value in ("denies", "revises")
    }
    assert ("denies", "Syrian Observatory for Human Rights", "Syrian Army") in links
    assert ("denies", "Russian Ministry of Defence", "Amnesty International") in links
    assert ("revises", "Al-Masdar News", "Al-Masdar News") in links
