"""Pairwise source agreement, kappa, intervals, and per-source figures."""

from __future__ import annotations

import pytest

from claimgraph.scoring import source_agreement, wilson_interval
from claimgraph.testing import graph_of, make_claim


def test_agreement_counts_items_not_claims() -> None:
    cg = graph_of(
        # Item 1: both say government; A repeats itself twice.
        make_claim("A", "X", "army", on="2014-01-01", alignment="government"),
        make_claim("A", "X", "army", on="2014-01-02", alignment="government"),
        make_claim("B", "X", "regime", on="2014-01-02", alignment="opposition"),
        # Item 2: they disagree.
        make_claim("A", "Y", "army", on="2014-01-01", alignment="government"),
        make_claim("B", "Y", "rebels", on="2014-01-01", alignment="opposition"),
        # Item 3: A revises itself to agree with B: only the last word counts.
        make_claim("A", "Z", "rebels", on="2014-02-01", alignment="government"),
        make_claim("B", "Z", "army", on="2014-02-01", alignment="opposition"),
        make_claim("A", "Z", "army", on="2014-02-02", alignment="government"),
    )
    pair = source_agreement(cg).pair("A", "B")
    assert pair is not None
    assert (pair.agreements, pair.disagreements) == (2, 1)
    assert pair.rate == pytest.approx(2 / 3)
    assert not pair.same_side


def test_kappa_matches_the_textbook_formula() -> None:
    # A and B rate 10 items: 4 both government, 3 both opposition, 2 A gov/B opp, 1 A opp/B gov.
    pattern = (
        [("army", "army")] * 4
        + [("rebels", "rebels")] * 3
        + [("army", "rebels")] * 2
        + [("rebels", "army")]
    )
    claims = []
    for i, (a, b) in enumerate(pattern):
        claims.append(make_claim("A", f"place{i}", a, on="2014-01-01"))
        claims.append(make_claim("B", f"place{i}", b, on="2014-01-01"))
    pair = source_agreement(graph_of(*claims)).pair("A", "B")
    assert pair is not None
    observed = 7 / 10
    expected = (6 / 10) * (5 / 10) + (4 / 10) * (5 / 10)
    assert pair.kappa == pytest.approx((observed - expected) / (1 - expected))


def test_kappa_is_undefined_with_a_single_category() -> None:
    cg = graph_of(
        make_claim("A", "X", "army", on="2014-01-01"),
        make_claim("B", "X", "army", on="2014-01-01"),
    )
    pair = source_agreement(cg).pair("A", "B")
    assert pair is not None
    assert pair.rate == 1.0
    assert pair.kappa is None


def test_denial_against_assertion_is_disagreement() -> None:
    cg = graph_of(
        make_claim("A", "X", "army", on="2014-01-01"),
        make_claim("B", "X", "army", on="2014-01-01", stance="denies"),
        make_claim("C", "X", "army", on="2014-01-01", stance="denies"),
    )
    agreement = source_agreement(cg)
    ab, bc = agreement.pair("A", "B"), agreement.pair("B", "C")
    assert ab is not None
    assert bc is not None
    assert (ab.agreements, ab.disagreements) == (0, 1)
    assert (bc.agreements, bc.disagreements) == (1, 0)


def test_numeric_agreement_uses_intervals_and_comparable_periods() -> None:
    cg = graph_of(
        make_claim("A", "X", ">=30", property="killed", on="2014-01-01"),
        make_claim("B", "X", 35, property="killed", on="2014-01-01"),
        make_claim("C", "X", 10, property="killed", on="2014-01-01"),
    )
    agreement = source_agreement(cg)
    assert agreement.pair("A", "B").agreements == 1  # type: ignore[union-attr]
    assert agreement.pair("B", "C").disagreements == 1  # type: ignore[union-attr]
    assert agreement.pair("A", "C").disagreements == 1  # type: ignore[union-attr]


def test_same_side_corroboration_is_told_apart() -> None:
    cg = graph_of(
        make_claim("SANA", "Zitan", "army", on="2016-06-10", alignment="government"),
        make_claim("Al-Masdar", "Zitan", "army", on="2016-06-11", alignment="government"),
        make_claim("SOHR", "Hilan", "army", on="2016-06-10", alignment="independent"),
        make_claim("SANA", "Hilan", "army", on="2016-06-10", alignment="government"),
        make_claim("Rebels", "Hilan", "rebels", on="2016-06-10", alignment="opposition"),
    )
    agreement = source_agreement(cg)
    sana = agreement.source("SANA")
    masdar = agreement.source("Al-Masdar")
    assert sana is not None
    assert masdar is not None
    assert (sana.claims, sana.corroborated_independently, sana.contradicted) == (2, 1, 1)
    assert (masdar.corroborated_independently, masdar.corroborated_same_side) == (0, 1)
    assert agreement.pair("SANA", "Al-Masdar").same_side  # type: ignore[union-attr]


def test_wilson_interval_is_wide_for_small_samples() -> None:
    low, high = wilson_interval(1, 1)
    assert high - low > 0.7
    low, high = wilson_interval(900, 1000)
    assert high - low < 0.04
    assert wilson_interval(0, 0) == (0.0, 1.0)
