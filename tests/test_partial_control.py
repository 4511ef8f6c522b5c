"""Sides said to hold parts of a place do not contradict each other."""

from __future__ import annotations

from claimgraph.disputes import find_disputes
from claimgraph.graph import ClaimGraph
from claimgraph.testing import make_claim


def test_a_divided_town_is_not_a_dispute() -> None:
    claims = [
        make_claim("Observatory", "Tell Abra", "isis", on="2014-10-09", partial=True),
        make_claim("Kurdish officials", "Tell Abra", "kurdish", on="2014-10-09", partial=True),
    ]
    assert find_disputes(ClaimGraph.build(claims)) == []


def test_a_full_claim_against_another_full_claim_still_is() -> None:
    claims = [
        make_claim("SANA", "Tell Abra", "government", on="2014-10-09"),
        make_claim("Observatory", "Tell Abra", "rebels", on="2014-10-09"),
    ]
    [dispute] = find_disputes(ClaimGraph.build(claims))
    assert dispute.values == ("government", "opposition")
