"""Timelines and disputes weighed by the trust truth discovery gives each source."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter

import pytest

from claimgraph.disputes import CONFIDENCE_THRESHOLD, Reason, Status, build_timelines, find_disputes
from claimgraph.graph import ClaimGraph
from claimgraph.model import CONTESTED, Claim
from claimgraph.reports import disputes_markdown, report_markdown, timelines_markdown
from claimgraph.scoring.truth import discover_graph
from claimgraph.testing import graph_of, make_claim, synthetic_claims

D = dt.date
SIDES = ("army", "rebels")


def _record_of_trust() -> list[Claim]:
    """Three careful outlets agree on 24 villages; "Rumour Mill" is wrong on
    half of them and "Echo Daily" repeats it a day later, word for word."""
    claims = []
    for k in range(24):
        place, day = f"Village {k}", D(2014, 1, 1) + dt.timedelta(days=20 * k)
        true = SIDES[k % 2]
        for source in ("Careful Wire", "Steady Post", "Sober Agency"):
            claims.append(make_claim(source, place, true, on=day))
        said = SIDES[(k + 1) % 2] if k % 4 < 2 else true
        claims.append(make_claim("Rumour Mill", place, said, on=day))
        claims.append(make_claim("Echo Daily", place, said, on=day + dt.timedelta(days=1)))
    return claims


def _disagreements() -> list[Claim]:
    """At Hilan a careful outlet against the rumour and its echo; at Tell Sara
    two careful outlets against each other."""
    day = D(2016, 3, 1)
    return [
        make_claim("Careful Wire", "Hilan", "army", on=day),
        make_claim("Rumour Mill", "Hilan", "rebels", on=day),
        make_claim("Echo Daily", "Hilan", "rebels", on=day + dt.timedelta(days=1)),
        make_claim("Careful Wire", "Tell Sara", "army", on=day),
        make_claim("Steady Post", "Tell Sara", "rebels", on=day),
    ]


@pytest.fixture(scope="module")
def trusted_graph() -> ClaimGraph:
    return graph_of(*_record_of_trust(), *_disagreements())


def _at(disputes: list, name: str) -> object:
    [found] = [d for d in disputes if d.name == name]
    return found


def test_a_reliable_source_outweighs_an_unreliable_one_and_its_echo(
    trusted_graph: ClaimGraph,
) -> None:
    blind = {t.name: t for t in build_timelines(trusted_graph, trust=False)}
    # counting heads, two sources against one: disputed, rebels ahead
    assert blind["Hilan"].holder_on(D(2016, 3, 2)) == CONTESTED
    trusted = {t.name: t for t in build_timelines(trusted_graph)}
    [period] = trusted["Hilan"].periods
    assert (period.status, period.holder, period.likely) == (
        Status.HELD,
        "government",
        "government",
    )
    assert period.confidence is not None
    assert period.confidence >= CONFIDENCE_THRESHOLD
    # two reliable sources against each other stay disputed, the likely side shown
    [even] = trusted["Tell Sara"].periods
    assert even.status is Status.DISPUTED
    assert even.likely in ("government", "opposition")
    assert even.confidence is not None
    assert even.confidence < CONFIDENCE_THRESHOLD


def test_a_dispute_against_an_echoed_rumour_is_weaker_than_between_reliable_sources(
    trusted_graph: ClaimGraph,
) -> None:
    disputes = find_disputes(trusted_graph, property="control")
    weak, strong = _at(disputes, "Hilan"), _at(disputes, "Tell Sara")
    assert weak.likely == "government"  # type: ignore[attr-defined]
    assert weak.strength < strong.strength  # type: ignore[attr-defined]
    assert weak.strength == pytest.approx(1 - weak.confidence)  # type: ignore[attr-defined]
    # without trust the same disputes are listed, with no strength
    blind = find_disputes(trusted_graph, property="control", trust=False)
    assert [d.name for d in blind] == [d.name for d in disputes]
    assert all(d.strength is None and d.likely is None for d in blind)


def test_the_default_method_is_used_and_named(trusted_graph: ClaimGraph) -> None:
    truth = discover_graph(trusted_graph)
    timelines = build_timelines(trusted_graph)
    assert {t.method for t in timelines} == {truth.method}
    assert {d.method for d in find_disputes(trusted_graph)} == {truth.method}
    given = build_timelines(trusted_graph, truth=truth)
    assert [t.to_record() for t in given] == [t.to_record() for t in timelines]
    record = timelines[0].to_record()
    assert record["method"] == truth.method
    assert record["threshold"] == CONFIDENCE_THRESHOLD
    assert {"likely", "confidence"} <= set(record["periods"][0])
    assert build_timelines(trusted_graph, trust=False)[0].method is None


def test_the_threshold_decides_what_is_disputed(trusted_graph: ClaimGraph) -> None:
    for threshold in (0.0, 0.6, 0.99):
        for timeline in build_timelines(trusted_graph, truth=None, threshold=threshold):
            for p in timeline.periods:
                if p.status is Status.UNKNOWN or p.confidence is None:
                    continue
                low = p.confidence < threshold or p.likely == CONTESTED
                assert (p.status is Status.DISPUTED) == low
    everything = build_timelines(trusted_graph, threshold=1.0)
    assert all(p.status is Status.DISPUTED for t in everything for p in t.periods)
    lone = [p for t in everything for p in t.periods if not p.assessments[0].conflicts]
    assert lone
    assert all(Reason.LOW_CONFIDENCE in p.reasons for p in lone)
    with pytest.raises(ValueError, match="threshold"):
        build_timelines(trusted_graph, threshold=1.5)


def test_markdown_shows_likely_holder_confidence_and_method(trusted_graph: ClaimGraph) -> None:
    method = discover_graph(trusted_graph).method
    disputes = find_disputes(trusted_graph, property="control")
    text = disputes_markdown(disputes)
    assert "Likely: **government**" in text
    assert "strength" in text
    assert method in text
    table = timelines_markdown(build_timelines(trusted_graph), trusted_graph.alignments)
    assert "disputed (contradiction); likely" in table
    report = report_markdown(trusted_graph)
    assert method in report
    assert f"{CONFIDENCE_THRESHOLD:.2f}" in report


def test_an_empty_graph_has_no_timelines() -> None:
    cg = graph_of(make_claim("A", "Hilan", 5, property="killed", on="2014-05-21"))
    assert build_timelines(cg) == []
    assert find_disputes(cg) == []


def _holder_outcomes(cg: ClaimGraph, data: object, trust: bool, samples: int = 4000) -> Counter:
    """Right / wrong / disputed / unknown over sampled (place, day) pairs of the truth."""
    truth = data.truth  # type: ignore[attr-defined]
    votes: Counter[tuple[str, str]] = Counter(
        (canonical, cg.place_key(claim))
        for canonical, claim in zip(data.canonical_places(), data.claims, strict=True)  # type: ignore[attr-defined]
    )
    main: dict[str, str] = {}
    for (canonical, key), _ in votes.most_common():
        main.setdefault(canonical, key)
    timelines = {t.place: t for t in build_timelines(cg, trust=trust)}
    rng = random.Random(0)
    places = sorted(p for p, key in main.items() if key in timelines)
    out: Counter[str] = Counter()
    for _ in range(samples):
        place = rng.choice(places)
        day = truth.start + dt.timedelta(days=rng.randrange(truth.n_days))
        actual, found = truth.holder(place, day), timelines[main[place]].holder_on(day)
        if found is None:
            out["unknown"] += 1
        elif found == actual:
            out["right"] += 1
        elif found == CONTESTED:
            out["disputed"] += 1
        else:
            out["wrong"] += 1
    return out


def test_on_synthetic_claims_trust_names_more_true_holders_and_fewer_false_ones() -> None:
    data = synthetic_claims(20_000, seed=5)
    cg = ClaimGraph.build(data.claims, window=3)
    blind = _holder_outcomes(cg, data, trust=False)
    trusted = _holder_outcomes(cg, data, trust=True)
    assert trusted["right"] > blind["right"] * 1.1
    assert trusted["wrong"] < blind["wrong"]
    assert trusted["disputed"] < blind["disputed"]
    named = trusted["right"] + trusted["wrong"]
    assert trusted["right"] / named > blind["right"] / (blind["right"] + blind["wrong"])


def test_a_place_only_denied_has_no_likely_holder() -> None:
    cg = graph_of(
        make_claim("A", "Hilan", "army", on="2014-05-21", stance="denies"),
        make_claim("A", "Tell Sara", "army", on="2014-05-21"),
    )
    timelines = {t.name: t for t in build_timelines(cg)}
    [period] = timelines["Hilan"].periods
    assert (period.status, period.likely, period.confidence) == (Status.UNKNOWN, None, None)
    assert timelines["Tell Sara"].periods[0].likely == "government"
