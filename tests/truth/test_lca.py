"""Latent credibility analysis (SimpleLCA, GuessLCA, MistakeLCA) on small hand-made cases."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest
from click.testing import CliRunner

from claimgraph.cli import main
from claimgraph.scoring.truth import METHODS, discover
from claimgraph.scoring.truth._core import Settings
from claimgraph.scoring.truth._items import build_problem
from claimgraph.scoring.truth._lca import guess_lca, mistake_lca, simple_lca

LCA = ["simple_lca", "guess_lca", "mistake_lca"]
RUN = {"simple_lca": simple_lca, "guess_lca": guess_lca, "mistake_lca": mistake_lca}


def test_lca_methods_are_listed():
    assert set(LCA) <= set(METHODS)


def _panel_rows():
    # on six items r and a agree, while u1 and u2 each give a value of their own:
    # r is honest, u1 and u2 are not; on item z the two unreliable sources agree
    # against r, which a vote would give to them
    rows = []
    for n in range(6):
        item = f"t{n}"
        rows += [("r", item, "1"), ("a", item, "1"), ("u1", item, "2"), ("u2", item, "3")]
    rows += [("r", "z", "good"), ("u1", "z", "bad"), ("u2", "z", "bad")]
    return rows


@pytest.mark.parametrize("method", LCA)
def test_a_reliable_source_beats_two_unreliable_ones(method, claims_of):
    claims = claims_of(_panel_rows())
    assert {i.subject: i.leading for i in discover(claims, method="vote").items}["z"] == "bad"
    result = discover(claims, method=method)
    chosen = {i.subject: i.leading for i in result.items}
    assert chosen == {**{f"t{n}": "1" for n in range(6)}, "z": "good"}
    assert result.trust["r"] > 0.9
    assert result.trust["u1"] < 0.2
    assert result.trust["u2"] < 0.2


def _two_against_one(claims_of):
    # item x: s1 says a; s2 and s3 say b
    claims = claims_of([("s1", "x", "a"), ("s2", "x", "b"), ("s3", "x", "b")])
    problem = build_problem(claims)
    index = {name: s for s, name in enumerate(problem.sources)}
    pinned = {index["s1"]: 0.9, index["s2"]: 0.6, index["s3"]: 0.6}
    facts = {problem.fact_label[f]: f for f in range(problem.n_facts)}
    return problem, Settings(prior_trust=pinned), facts


def test_simple_lca_posterior_by_hand(claims_of):
    problem, settings, facts = _two_against_one(claims_of)
    belief = simple_lca(problem, settings).belief
    # each source asserts the truth with its honesty H, or the other value with
    # 1 - H: P(a) is proportional to 0.9 * 0.4 * 0.4, P(b) to 0.1 * 0.6 * 0.6
    a, b = 0.9 * 0.4 * 0.4, 0.1 * 0.6 * 0.6
    assert belief[facts["a"]] == pytest.approx(a / (a + b))


def test_guess_lca_posterior_by_hand(claims_of):
    problem, settings, facts = _two_against_one(claims_of)
    belief = guess_lca(problem, settings).belief
    # guess distribution: a 1/4, b 2/4 (one pseudo-assertion for values nobody
    # gave); an assertion of its item's true value c has probability H + (1 - H) g_c,
    # of another value c' (1 - H) g_c'
    g_a, g_b = 0.25, 0.5

    def hit(h, g):
        return h + (1 - h) * g

    def miss(h, g):
        return (1 - h) * g

    a = hit(0.9, g_a) * miss(0.6, g_b) ** 2
    b = miss(0.9, g_a) * hit(0.6, g_b) ** 2
    assert belief[facts["a"]] == pytest.approx(a / (a + b))
    # with every source's honesty fixed, the item's ease is all MistakeLCA adds:
    # at ease 1 it is GuessLCA, and it can only make knowing less likely
    mistaken = mistake_lca(problem, settings).belief
    assert 0.5 < mistaken[facts["a"]] <= belief[facts["a"]] + 1e-12


@pytest.mark.parametrize("method", ["simple_lca", "guess_lca"])
def test_honesty_is_a_fixed_point_of_em(method, claims_of):
    # at convergence SimpleLCA's honesty is the mean probability of the source's
    # values; GuessLCA credits only the assertions not explained by a lucky
    # guess, so no more than that
    problem = build_problem(claims_of(_panel_rows()))
    estimate = RUN[method](problem, Settings(max_iterations=2000, tolerance=1e-10))
    assert estimate.converged
    support = problem.support
    mean = (support @ estimate.belief) / np.asarray(support.sum(axis=1)).ravel()
    mean = np.clip(mean, 1e-4, 1 - 1e-4)  # honesty is kept off 0 and 1
    if method == "simple_lca":
        assert estimate.trust == pytest.approx(mean, abs=1e-6)
    else:
        assert np.all(estimate.trust <= mean + 1e-6)


@pytest.mark.parametrize("method", LCA)
def test_a_denial_counts_for_the_other_value(method, claims_of):
    rows = [("a", "x", "1"), ("b", "x", "2"), ("d", "x", "1", {"stance": "denies"})]
    claims = claims_of(rows)
    pinned = {"a": 0.7, "b": 0.7, "d": 0.7}
    result = discover(claims, method=method, prior_trust=pinned)
    assert {i.subject: i.leading for i in result.items} == {"x": "2"}
    assert result.trust == pinned


@pytest.mark.parametrize("method", LCA)
def test_known_truth_is_kept(method, claims_of):
    claims = claims_of(_panel_rows())
    result = discover(claims, method=method, known_truth={("z", "p"): "bad"})
    assert {i.subject: i.leading for i in result.items}["z"] == "bad"
    if method == "simple_lca":
        # knowing that the unreliable pair was right on z raises their honesty
        # (GuessLCA and MistakeLCA take it for a lucky guess: one right value
        # of seven, as often as guessing among three finds the truth)
        free = discover(claims, method=method)
        assert result.trust["u1"] > free.trust["u1"]


@pytest.mark.parametrize("method", LCA)
def test_the_starting_honesty_is_named_in_the_output(method, claims_of):
    result = discover(claims_of(_panel_rows()), method=method, prior_accuracy=0.7)
    assert ("prior_accuracy", 0.7) in result.options
    assert all(0 <= t <= 1 and not math.isnan(t) for t in result.trust.values())


def test_resolve_takes_an_lca_method(tmp_path):
    path = tmp_path / "claims.csv"
    lines = ["source,subject,property,value"]
    lines += [f"{s},{i},p,{v}" for s, i, v in _panel_rows()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(
        main,
        ["resolve", str(path), "--exact-subjects", "--method", "mistake_lca", "--format", "json"],
    )
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    assert document["method"] == "mistake_lca"
    leading = {i["subject"]: i.get("leading", i["value"]) for i in document["items"]}
    assert leading["z"] == "good"
