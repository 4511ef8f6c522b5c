"""The Dask path (claimgraph.scale) gives the single-process results."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from claimgraph import ClaimGraph, find_disputes, source_agreement
from claimgraph._errors import MissingDependencyError
from claimgraph.cli import main
from claimgraph.model import SourceRegistry
from claimgraph.scale import DaskClaimGraph, dask_client, find_disputes_dask, partition_places
from claimgraph.scoring.truth import discover_graph
from claimgraph.testing import make_claim, synthetic_claims, write_synthetic


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    pytest.importorskip("distributed")
    with dask_client(processes=False, workers=2) as made:
        yield made


def _records(disputes: Any) -> list[dict[str, Any]]:
    return [d.to_record() for d in disputes]


@pytest.mark.parametrize(("seed", "partitions"), [(0, 5), (1, 1), (2, 9)])
def test_disputes_agreement_and_trust_equal_the_single_process(
    client: Any, seed: int, partitions: int
) -> None:
    claims = synthetic_claims(3000, seed=seed).claims
    cg = ClaimGraph.build(claims)
    graph = DaskClaimGraph.build(claims, client=client, partitions=partitions)
    assert graph.partitions == partitions
    assert sum(f.claims for f in graph.figures) == len(claims)
    expected = find_disputes(cg)
    found = graph.disputes()
    assert len(expected) > 10
    # the same objects' fields, floats included: each place is weighed as in one graph
    assert _records(found) == _records(expected)
    assert list(found) == list(expected)
    assert graph.agreement() == source_agreement(cg)
    truth = graph.truth()
    assert truth.trust == discover_graph(cg).trust
    assert all(f.disputes is not None and f.agreement is not None for f in graph.figures)


def test_filters_and_options_equal_the_single_process(client: Any) -> None:
    claims = synthetic_claims(2000, seed=4).claims
    place = claims[0].subject
    cg = ClaimGraph.build(claims, window=5)
    graph = DaskClaimGraph.build(claims, client=client, partitions=4, window=5)
    for prop in ("control", "killed"):
        assert _records(graph.disputes(property=prop)) == _records(find_disputes(cg, property=prop))
        assert graph.agreement(property=prop) == source_agreement(cg, property=prop)
    assert _records(graph.disputes(place=place)) == _records(find_disputes(cg, place=place))
    assert _records(graph.disputes(trust=False)) == _records(find_disputes(cg, trust=False))


def test_a_source_of_two_alignments_and_a_registry_are_settled_over_all_claims(
    client: Any,
) -> None:
    # "B" says opposition twice in one place and government once in another: its
    # alignment is the majority of all its claims, whichever partition holds them
    claims = [
        make_claim("A", "Hilan", "army", on="2014-05-02", alignment="government"),
        make_claim("B", "Hilan", "rebels", on="2014-05-02", alignment="opposition"),
        make_claim("B", "Hilan", "rebels", on="2014-05-03", alignment="opposition"),
        make_claim("b", "Bureij", "army", on="2014-06-02", alignment="government"),
        make_claim("A", "Bureij", "rebels", on="2014-06-02", alignment="government"),
    ]
    registry = SourceRegistry.from_records([{"name": "B", "aliases": ["b"]}])
    cg = ClaimGraph.build(claims, sources=registry)
    graph = DaskClaimGraph.build(claims, client=client, partitions=2, sources=registry)
    assert graph.overview.alignments == cg.alignments
    assert graph.agreement() == source_agreement(cg)
    assert _records(graph.disputes()) == _records(find_disputes(cg))


# One place's control claims over two weeks, one a position (day offset, value):
# two cuts of its run score the same in exact arithmetic. Floats summed over the
# whole array broke the tie by rounding that depended on the claims of the places
# sorted before it, so alone (a Dask partition) it was cut otherwise than in one
# graph of every claim: the difference seen at 1M synthetic claims.
_TIED_DAYS = (0, 2, 4, 4, 4, 5, 6, 6, 6, 7, 7, 7, 8, 9, 9, 9, 10, 11, 11, 11, 12, 13)
_TIED_VALUES = "GGGGGKGGGOGIGKIIIOIOOO"
_HOLDERS = {"G": "government", "O": "opposition", "I": "isis", "K": "kurdish"}


def _tied_place() -> list[Any]:
    start = dt.date(2015, 3, 2)
    return [
        make_claim(f"S{k}", "Zaytun", _HOLDERS[v], on=start + dt.timedelta(days=d), id=f"z{k:02d}")
        for k, (d, v) in enumerate(zip(_TIED_DAYS, _TIED_VALUES, strict=True))
    ]


def _contested_place_before() -> list[Any]:
    # three one-day disputes, a hundred days apart, of a place sorted first
    start = dt.date(2012, 1, 1)
    return [
        make_claim(
            f"S{k}",
            "Abyad",
            "government" if k % 2 else "opposition",
            on=start + dt.timedelta(days=100 * r),
            id=f"a{r}{k}",
        )
        for r in range(3)
        for k in range(10)
    ]


def _episodes_of(cg: ClaimGraph, name: str) -> list[tuple[Any, ...]]:
    return [
        (e.start, e.end, tuple(c.id for c in e.claims), e.follows_change)
        for e in cg.episodes
        if cg.place_name(e.subject) == name
    ]


def test_a_place_is_cut_the_same_whatever_places_come_before_it() -> None:
    alone = ClaimGraph.build(_tied_place())
    together = ClaimGraph.build(_contested_place_before() + _tied_place())
    assert len(_episodes_of(alone, "Zaytun")) == 2
    assert _episodes_of(together, "Zaytun") == _episodes_of(alone, "Zaytun")


def test_a_tie_between_cuts_is_broken_alike_in_a_partition_and_in_one_graph(
    client: Any,
) -> None:
    claims = _contested_place_before() + _tied_place()
    cg = ClaimGraph.build(claims)
    # the larger place goes to partition 0, Zaytun alone to partition 1
    graph = DaskClaimGraph.build(claims, client=client, partitions=2)
    assert [f.claims for f in graph.figures] == [30, 22]
    assert graph.truth().trust == discover_graph(cg).trust
    assert _records(graph.disputes()) == _records(find_disputes(cg))
    assert graph.agreement() == source_agreement(cg)


def test_each_partition_is_sent_the_verdicts_of_its_own_places(client: Any) -> None:
    claims = synthetic_claims(2000, seed=5).claims
    cg = ClaimGraph.build(claims)
    graph = DaskClaimGraph.build(claims, client=client, partitions=3)
    truth = discover_graph(cg)
    pieces = client.gather(graph._verdicts_of(None))
    subjects = [set(p.items.columns()["subject"]) for p in pieces]
    assert all(a.isdisjoint(b) for k, a in enumerate(subjects) for b in subjects[k + 1 :])
    assert sum(len(p.items.columns()["subject"]) for p in pieces) == len(truth.items)
    # a result given by the caller is cut on the client, with the same disputes
    assert _records(graph.disputes(truth=truth)) == _records(find_disputes(cg, truth=truth))
    assert _records(graph.disputes()) == _records(find_disputes(cg))


def test_partitions_keep_each_place_whole() -> None:
    parts = partition_places({"a": 4, "b": 4, "c": 1, "d": 1}, 3)
    assert parts == {"a": 0, "b": 1, "c": 2, "d": 2}
    with pytest.raises(ValueError, match="partitions"):
        partition_places({"a": 1}, 0)


def test_cli_disputes_dask_prints_what_disputes_prints(client: Any, tmp_path: Path) -> None:
    path = tmp_path / "claims.csv"
    write_synthetic(path, 1500, 3)
    runner = CliRunner()
    plain = runner.invoke(main, ["disputes", str(path), "--format", "json"])
    address = client.scheduler.address
    dask = runner.invoke(
        main,
        ["disputes", str(path), "--format", "json", "--dask", address, "--partitions", "3"],
    )
    assert plain.exit_code == 0, plain.output
    assert dask.exit_code == 0, dask.output
    assert dask.stdout == plain.stdout
    filtered = runner.invoke(
        main, ["disputes", str(path), "--dask", address, "--property", "nosuch"]
    )
    assert filtered.exit_code != 0
    assert "nosuch" in filtered.output


def test_without_dask_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(MissingDependencyError, match=r"claimgraph\[dask\]"):
        find_disputes_dask([make_claim("A", "Hilan", "army")])
    result = CliRunner().invoke(main, ["disputes", "--dask"])
    assert result.exit_code != 0
    assert "pip install 'claimgraph[dask]'" in result.output
