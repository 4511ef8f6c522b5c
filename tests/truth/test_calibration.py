"""Confidence is a probability, tempered where sources err together."""

from __future__ import annotations

import attrs
import pytest

from claimgraph.scoring.truth import METHODS, discover
from claimgraph.testing import calibration_error, control_scores, synthetic_claims

ALL = list(METHODS)


def _five_sources(together: bool) -> list[tuple[str, str, str]]:
    # Five sources over 80 items, each wrong on a fifth of them. Independent:
    # each errs on its own items. Together: a, b and c err on the same items
    # (d and e still on their own). Item "last" is one all five agree on.
    rows = []
    for n in range(80):
        for k, source in enumerate("abcde"):
            group = 0 if together and source in "abc" else k
            wrong = n % 5 == group
            rows.append((source, f"i{n}", f"{source}-slip" if wrong else "true"))
    rows += [(source, "last", "v") for source in "abcde"]
    return rows


@pytest.mark.parametrize("method", ALL)
def test_errors_that_move_together_lower_the_confidence(method, claims_of):
    def confidence(rows: list[tuple[str, str, str]]) -> float:
        result = discover(claims_of(rows), method=method)
        return next(i.confidence for i in result.items if i.subject == "last")

    # five agreeing votes leave little doubt either way: compare the doubt
    apart = 1.0 - confidence(_five_sources(together=False))
    together = 1.0 - confidence(_five_sources(together=True))
    assert together > 3 * apart


@pytest.mark.parametrize("method", ["vote", "sums"])
def test_echo_discounted_votes_are_not_tempered_again(method, claims_of):
    # four outlets of one feed, never differing, and that feed's first outlet
    # alone: with echoes=True the four count as one, so the two items are
    # equally sure; without, the four echo as four votes
    rows = []
    for n in range(200):
        rows += [(f"g{k}", f"i{n}", "true" if n % 7 else "slip") for k in range(4)]
        rows += [(f"a{k}", f"i{n}", "true" if n % 9 != k else f"a{k}-err") for k in range(3)]
    rows += [(f"g{k}", "all outlets", "v") for k in range(4)] + [("g0", "one outlet", "v")]

    def confidences(echoes: bool) -> dict[str, float]:
        result = discover(claims_of(rows), method=method, echoes=echoes)
        return {i.subject: i.confidence for i in result.items}

    echoed = confidences(echoes=True)
    assert echoed["all outlets"] == pytest.approx(echoed["one outlet"], abs=0.02)
    assert confidences(echoes=False)["all outlets"] > echoed["all outlets"] + 0.05


@pytest.fixture(scope="module")
def synthetic() -> tuple[list[object], object]:
    data = synthetic_claims(40_000, seed=11)
    truth = data.truth
    names = {spelling: place for place, all_ in truth.places.items() for spelling in all_}
    claims = [attrs.evolve(c, subject=names.get(c.subject, c.subject)) for c in data.claims]
    return claims, truth


@pytest.mark.parametrize("method", ALL)
def test_confidence_is_near_the_share_right_on_synthetic_claims(method, synthetic):
    # before confidence was calibrated, the shares of vote, Sums, the
    # Investments and TruthFinder were off by .19-.23 on such data
    claims, truth = synthetic
    confidence, correct = control_scores(discover(claims, method=method), truth)
    assert len(confidence) > 1000
    assert calibration_error(confidence, correct) < 0.08
