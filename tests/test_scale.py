"""The Dask path (claimgraph.scale) gives the single-process results."""

from __future__ import annotations

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
