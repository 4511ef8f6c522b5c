"""Truth discovery on a claim graph's items (:func:`discover_graph`)."""

from __future__ import annotations

import attrs

from claimgraph.graph import ClaimGraph
from claimgraph.scoring.truth import discover, discover_graph
from claimgraph.testing import make_claim, synthetic_claims


def _with_timeless(n: int) -> list:
    """Synthetic claims, every seventh made timeless (it then speaks of every period)."""
    claims = synthetic_claims(n, seed=11).claims
    return [
        attrs.evolve(c, start=None, end=None) if k % 7 == 0 else c for k, c in enumerate(claims)
    ]


def test_graph_episodes_give_the_items_discover_makes_itself() -> None:
    claims = _with_timeless(1500)
    cg = ClaimGraph.build(claims, resolve_places=False)
    for method in ("vote", "accu_copy"):
        ours = discover_graph(cg, method=method, tolerance=5)
        # the graph's episodes are taken as they are: no cuts at changes
        plain = discover(claims, method=method, tolerance=5, change_rate=0.0)
        assert ours.to_records() == plain.to_records()
        assert ours.trust == plain.trust


def test_spellings_of_one_place_are_one_item_shown_by_its_name() -> None:
    claims = [
        make_claim("A", "Karm al-Qasr", "army", on="2014-01-25"),
        make_claim("B", "Karm al-Qasr", "army", on="2014-01-26"),
        make_claim("C", "Karam al Qasr", "rebels", on="2014-01-26"),
        make_claim("D", "Karam al Qasr", "army"),  # timeless: joins every period
        make_claim("A", "Karm al-Qasr", "army", on="2014-03-01"),
    ]
    result = discover_graph(ClaimGraph.build(claims), method="vote")
    rows = [(i.subject, i.period, len(i.supporting), len(i.opposing)) for i in result.items]
    assert [(s, p[0].isoformat(), pro, con) for s, p, pro, con in rows] == [
        ("Karm al-Qasr", "2014-01-25", 3, 1),
        ("Karm al-Qasr", "2014-03-01", 2, 0),
    ]
    apart = discover_graph(ClaimGraph.build(claims, resolve_places=False), method="vote")
    assert sorted({i.subject for i in apart.items}) == ["Karam al Qasr", "Karm al-Qasr"]
