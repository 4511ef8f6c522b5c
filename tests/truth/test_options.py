"""The options of discover: one type holds their defaults and checks."""

from __future__ import annotations

import attrs
import pytest

from claimgraph import InvalidClaimError
from claimgraph.graph import ClaimGraph
from claimgraph.model import CONTROL
from claimgraph.scoring.truth import CHANGE_RATE, TruthOptions, discover, discover_graph
from claimgraph.scoring.truth._options import GraphKeywords, TruthKeywords
from claimgraph.testing import make_claim

CLAIMS = [
    make_claim("A", "Hilan", "army", on="2014-05-01"),
    make_claim("B", "Hilan", "army", on="2014-05-02"),
    make_claim("C", "Hilan", "rebels", on="2014-05-02"),
    make_claim("A", "Zeitan", "rebels", on="2014-05-03"),
    make_claim("C", "Zeitan", "army", on="2014-05-03"),
]


def test_the_keywords_type_checkers_see_are_the_options() -> None:
    names = {field.name for field in attrs.fields(TruthOptions)}
    assert set(TruthKeywords.__annotations__) | set(GraphKeywords.__annotations__) == names
    assert names - set(GraphKeywords.__annotations__) == {
        "item_key",
        "window",
        "changing",
        "change_rate",
    }


def test_defaults() -> None:
    options = TruthOptions()
    assert options.window == 3
    assert options.changing == frozenset({CONTROL})
    assert options.change_rate == CHANGE_RATE
    assert options.max_iterations == 100


def test_keywords_left_out_take_the_defaults() -> None:
    given = {"tolerance": None, "window": 3, "max_iterations": 100, "copy_model": "rate"}
    for method in ("vote", "accu_copy"):
        plain = discover(CLAIMS, method=method)
        spelled = discover(CLAIMS, method=method, **given)  # type: ignore[arg-type]
        assert plain.to_records() == spelled.to_records()
        assert plain.trust == spelled.trust


def test_an_option_changes_the_result() -> None:
    trusted = discover(CLAIMS, method="accu", prior_trust={"C": 0.99, "A": 0.05, "B": 0.05})
    assert [i.value for i in trusted.items] == ["opposition", "government"]
    assert discover(CLAIMS, method="accu").items[0].value == "government"


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("max_iterations", 0),
        ("false_values", 0.5),
        ("prior_accuracy", 1.0),
        ("part_similarity", "cosine"),
        ("copy_model", "echo"),
        ("prior_trust", {"A": -0.1}),
    ],
)
def test_values_outside_their_domain_name_the_option(name: str, value: object) -> None:
    with pytest.raises(InvalidClaimError, match=name):
        discover(CLAIMS, **{name: value})  # type: ignore[arg-type]
    with pytest.raises(InvalidClaimError, match=name):
        discover_graph(ClaimGraph.build(CLAIMS), **{name: value})  # type: ignore[arg-type]


def test_an_unknown_keyword_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="discover\\(\\) got an unexpected keyword argument 'tol'"):
        discover(CLAIMS, tol=5)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="discover_graph\\(\\)"):
        discover_graph(ClaimGraph.build(CLAIMS), tol=5)  # type: ignore[call-arg]
    with pytest.raises(InvalidClaimError, match="window"):
        discover_graph(ClaimGraph.build(CLAIMS), window=5)  # type: ignore[call-arg]


@pytest.mark.parametrize(("name", "value"), [("change_rate", 0.0), ("changing", ())])
def test_the_graph_settles_how_its_episodes_are_cut(name: str, value: object) -> None:
    # the episodes are cut once, when the graph is built; a second rule here
    # could only disagree with the graph's disputes and timelines
    with pytest.raises(InvalidClaimError, match=f"{name}: .*ClaimGraph.build"):
        discover_graph(ClaimGraph.build(CLAIMS), **{name: value})  # type: ignore[arg-type]
