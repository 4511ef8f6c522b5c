"""Episodes, relations between claims, and the networkx graph with its exports."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import networkx as nx
import pytest

from claimgraph.graph import (
    CHANGE_RATE,
    ClaimGraph,
    RelationKind,
    export_graph,
    group_episodes,
    relate,
)
from claimgraph.testing import graph_of, make_claim


def kinds(cg: ClaimGraph) -> list[tuple[str, str, str]]:
    return [(r.kind.value, r.source.source, r.target.source) for r in cg.relations]


def test_change_of_hands_a_week_apart_is_not_a_contradiction() -> None:
    cg = graph_of(
        make_claim("SANA", "Hilan", "army", on="2014-05-21"),
        make_claim("SOHR", "Hilan", "rebels", on="2014-05-28"),
    )
    assert cg.relations == []
    assert len(cg.episodes) == 2


def test_different_holders_for_the_same_days_contradict() -> None:
    cg = graph_of(
        make_claim("SANA", "Hilan", "army", on="2014-05-21"),
        make_claim("SOHR", "Hilan", "rebels", on="2014-05-23"),
    )
    assert kinds(cg) == [("contradicts", "SANA", "SOHR")]


def test_window_is_a_parameter() -> None:
    claims = [
        make_claim("SANA", "Hilan", "army", on="2014-05-21"),
        make_claim("SOHR", "Hilan", "rebels", on="2014-05-28"),
    ]
    assert kinds(graph_of(*claims, window=7)) == [("contradicts", "SANA", "SOHR")]
    assert kinds(graph_of(*claims, window=6)) == []


def test_episodes_chain_through_overlapping_claims() -> None:
    claims = [
        make_claim("A", "X", "army", on="2014-01-01"),
        make_claim("B", "X", "army", on="2014-01-04"),
        make_claim("C", "X", "army", on="2014-01-07"),
        make_claim("D", "X", "army", on="2014-01-11"),
    ]
    spans = [(e.start.isoformat(), len(e.claims)) for e in group_episodes(claims, window=3)]
    assert spans == [("2014-01-01", 3), ("2014-01-11", 1)]


def _holder_changes_within_the_window() -> list:
    """Five reports of the army on 1-2 May, five of the rebels on 3-4 May."""
    return [
        make_claim(
            f"S{k}", "X", "army" if k < 5 else "rebels", on=f"2014-05-0{1 + k // 5 * 2 + k % 2}"
        )
        for k in range(10)
    ]


def test_an_episode_of_control_is_cut_where_the_holder_changes() -> None:
    claims = _holder_changes_within_the_window()
    cg = graph_of(*claims)
    assert (cg.changing, cg.change_rate) == (frozenset({"control"}), CHANGE_RATE)
    assert [(e.start.day, e.end.day, len(e.claims)) for e in cg.episodes] == [(1, 2, 5), (3, 4, 5)]
    # timeless claims have no day to cut at: they take no part in the cut and
    # belong to both pieces, as to every episode of their place
    timeless = [make_claim(f"T{k}", "X", "army") for k in range(3)]
    with_timeless = graph_of(*claims, *timeless)
    assert [(e.start.day, len(e.claims)) for e in with_timeless.episodes] == [(1, 8), (3, 8)]


def test_change_rate_zero_and_unchanging_properties_are_not_cut() -> None:
    claims = _holder_changes_within_the_window()
    assert len(graph_of(*claims, change_rate=0).episodes) == 1
    assert len(graph_of(*claims, changing=()).episodes) == 1
    responsible = [attrs.evolve(c, property="responsible") for c in claims]
    assert len(graph_of(*responsible).episodes) == 1
    assert len(graph_of(*responsible, changing=["responsible"]).episodes) == 2
    with pytest.raises(ValueError, match="change_rate"):
        graph_of(*claims, change_rate=-0.1)


def test_denials_take_no_part_in_the_cut() -> None:
    # denials of the rebels on 3-4 May say nothing about who holds the place
    claims = [
        make_claim(
            f"S{k}",
            "X",
            "army" if k < 5 else "rebels",
            on=f"2014-05-0{1 + k // 5 * 2 + k % 2}",
            stance="asserts" if k < 5 else "denies",
        )
        for k in range(10)
    ]
    assert len(graph_of(*claims).episodes) == 1


def test_timeless_claims_meet_claims_of_any_time() -> None:
    cg = graph_of(
        make_claim("A", "X", "army", on="2014-01-01"),
        make_claim("B", "X", "rebels"),
        make_claim("C", "X", "army", on="2014-06-01"),
    )
    # Contradiction is symmetric: compare the pairs, not the edge direction.
    pairs = {(kind, frozenset((a, b))) for kind, a, b in kinds(cg)}
    assert pairs == {("contradicts", frozenset("AB")), ("contradicts", frozenset("BC"))}


def test_denial_links_from_the_denier() -> None:
    claim = make_claim("Al-Masdar", "Tell Hadya", "army", on="2016-06-02")
    denial = make_claim("LCC", "Tell Hadya", "army", on="2016-06-03", stance="denies")
    relation = relate(claim, denial)
    assert relation is not None
    assert relation.kind is RelationKind.DENIES
    assert (relation.source, relation.target) == (denial, claim)


def test_denying_one_value_says_nothing_about_another() -> None:
    a = make_claim("A", "X", "army", on="2016-06-02")
    b = make_claim("B", "X", "rebels", on="2016-06-02", stance="denies")
    assert relate(a, b) is None


def test_same_source_changing_its_account_revises() -> None:
    first = make_claim(
        "Al-Masdar", "massacre", "Fateh al-Sham", property="responsible", doc="d", sentence=1
    )
    second = make_claim(
        "Al-Masdar", "massacre", "Ahrar al-Sham", property="responsible", doc="d", sentence=2
    )
    cg = graph_of(second, first)
    [relation] = cg.relations
    assert relation.kind is RelationKind.REVISES
    assert (relation.source, relation.target) == (second, first)


def test_unclear_contradicts_a_holder_and_agrees_with_unclear() -> None:
    army = make_claim("A", "X", "army", on="2014-02-19")
    unclear = make_claim("B", "X", "unclear", on="2014-02-19", stance="uncertain")
    also_unclear = make_claim("C", "X", "contested", on="2014-02-19")
    assert relate(army, unclear).kind is RelationKind.CONTRADICTS  # type: ignore[union-attr]
    assert relate(unclear, also_unclear).kind is RelationKind.CORROBORATES  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("517", ">1000", "contradicts"),
        (">=30", "35", "corroborates"),
        ("93-100", "95", "corroborates"),
        ("93-100", "120", "contradicts"),
    ],
)
def test_counts_contradict_when_intervals_cannot_both_hold(a: str, b: str, expected: str) -> None:
    x = make_claim("A", "Aleppo", a, property="killed", start="2013-12-15", end="2013-12-28")
    y = make_claim("B", "Aleppo", b, property="killed", start="2013-12-15", end="2013-12-28")
    relation = relate(x, y)
    assert relation is not None
    assert relation.kind.value == expected


def test_a_deadline_total_compares_with_the_campaign_total_but_not_one_day() -> None:
    campaign = make_claim(
        "SOHR", "Aleppo", 517, property="killed", start="2013-12-15", end="2013-12-28"
    )
    by_date = make_claim("rebel commander", "Aleppo", ">1000", property="killed", end="2013-12-26")
    first_day = make_claim("SOHR", "Aleppo", 76, property="killed", on="2013-12-15")
    cg = graph_of(campaign, by_date, first_day)
    assert kinds(cg) == [("contradicts", "SOHR", "rebel commander")]


def test_relative_tolerance_makes_close_numbers_agree() -> None:
    a = make_claim("A", "X", 100, property="killed", on="2014-01-01")
    b = make_claim("B", "X", 104, property="killed", on="2014-01-01")
    assert relate(a, b).kind is RelationKind.CONTRADICTS  # type: ignore[union-attr]
    assert relate(a, b, relative_tolerance=0.05).kind is RelationKind.CORROBORATES  # type: ignore[union-attr]


def test_graph_has_sources_claims_places_and_typed_edges() -> None:
    cg = graph_of(
        make_claim("SANA", "Zitan", "army", on="2016-06-10", alignment="government"),
        make_claim("Reuters", "Zitan", "army", on="2016-06-11"),
    )
    g = cg.graph
    node_kinds = sorted(data["kind"] for _, data in g.nodes(data=True))
    assert node_kinds == ["claim", "claim", "place", "source", "source"]
    assert g.nodes["source:SANA"]["alignment"] == "government"
    edge_kinds = sorted(kind for _, _, kind in g.edges(data="kind"))
    assert edge_kinds == ["about", "about", "asserts", "asserts", "corroborates"]


@pytest.mark.parametrize("suffix", [".graphml", ".gexf", ".json"])
def test_exports_read_back(tmp_path: Path, suffix: str) -> None:
    cg = graph_of(
        make_claim("SANA", "Zitan", "army", on="2016-06-10", text="A sentence."),
        make_claim("Reuters", "Zitan", "rebels", on="2016-06-11"),
    )
    path = tmp_path / f"g{suffix}"
    export_graph(cg, path)
    if suffix == ".graphml":
        back = nx.read_graphml(path)
    elif suffix == ".gexf":
        back = nx.read_gexf(path)
    else:
        back = nx.node_link_graph(json.loads(path.read_text()), edges="edges")
    assert back.number_of_nodes() == cg.graph.number_of_nodes()
    assert back.number_of_edges() == cg.graph.number_of_edges()
    claim_nodes = [d for _, d in back.nodes(data=True) if d["kind"] == "claim"]
    assert {d["value"] for d in claim_nodes} == {"government", "opposition"}


def test_unknown_graph_format_is_an_error(tmp_path: Path) -> None:
    from claimgraph import InputError

    cg = graph_of(make_claim("A", "X", "army"))
    with pytest.raises(InputError, match="graph format"):
        export_graph(cg, tmp_path / "g.png")
    assert not (tmp_path / "g.png").exists()


def test_source_registry_canonicalizes_names_and_alignment() -> None:
    from claimgraph import Source, SourceRegistry

    registry = SourceRegistry(
        [Source("Syrian Observatory for Human Rights", ("SOHR", "OSDH"), "independent")]
    )
    cg = graph_of(
        make_claim("OSDH", "X", "army", on="2014-01-01"),
        make_claim("SOHR", "X", "army", on="2014-01-02"),
        sources=registry,
    )
    assert cg.sources == ["Syrian Observatory for Human Rights"]
    assert cg.alignments == {"Syrian Observatory for Human Rights": "independent"}
    assert cg.relations == []  # one source repeating itself
