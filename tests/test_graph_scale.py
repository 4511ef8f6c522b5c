"""Relations between counts stay linear in the claims when many sources repeat
a figure, and keep to each source's standing count."""

from __future__ import annotations

import networkx as nx

from claimgraph import Claim
from claimgraph.graph import ClaimGraph, RelationKind
from claimgraph.testing import make_claim


def count(source: str, value: float, sentence: int) -> Claim:
    """A death toll for Bezaa on one day, ``sentence`` giving the order."""
    return make_claim(
        source, "Bezaa", value, property="killed", on="2016-01-01", doc="d", sentence=sentence
    )


def test_sources_repeating_a_figure_make_a_chain_not_a_clique() -> None:
    cg = ClaimGraph.build([count(f"S{k}", 35, k) for k in range(60)])
    kinds = [r.kind for r in cg.relations]
    assert kinds == [RelationKind.CORROBORATES] * 59
    claims = nx.Graph([(r.source.id, r.target.id) for r in cg.relations])
    assert nx.is_connected(claims)
    assert claims.number_of_nodes() == 60


def test_two_figures_link_each_count_to_both() -> None:
    claims = [count(f"S{k}", 35 if k % 2 else 100, k) for k in range(40)]
    cg = ClaimGraph.build(claims)
    # at most one edge per earlier figure: edges grow with claims x figures
    assert len(cg.relations) <= 2 * len(claims)
    contradicted = {r.target.id for r in cg.relations if r.kind is RelationKind.CONTRADICTS}
    assert len(contradicted) == len(claims) - 1  # every count after the first meets the other


def test_a_superseded_count_is_not_related() -> None:
    early = count("A", 35, 1)
    revised = count("A", 50, 2)
    other = count("B", 35, 3)
    cg = ClaimGraph.build([early, revised, other])
    pairs = {(r.kind, r.source.id, r.target.id) for r in cg.relations}
    assert (RelationKind.REVISES, revised.id, early.id) in pairs
    assert (RelationKind.CONTRADICTS, revised.id, other.id) in pairs
    touching = [k for k, s, t in pairs if early.id in (s, t)]
    assert touching == [RelationKind.REVISES]
