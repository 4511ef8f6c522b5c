"""The vectorized helpers behind build_problem give what their slower definitions give."""

from __future__ import annotations

import numpy as np
import pytest

from claimgraph.model import Claim
from claimgraph.scoring.truth import split_changes
from claimgraph.scoring.truth._items import _subject_property, factorize
from claimgraph.scoring.truth._sorting import stable_order


@pytest.mark.parametrize(
    ("size", "span"),
    [(0, 1), (1, 1), (50, 3), (2000, 40), (2000, -(10**9)), (300, 2**61)],
)
def test_stable_order_is_a_stable_argsort(size, span):
    rng = np.random.default_rng(size)
    low, high = sorted((0, span))
    key = rng.integers(low, high + 1, size)  # many ties; negative keys; a range too wide to pack
    assert stable_order(key).tolist() == np.argsort(key, kind="stable").tolist()


def test_stable_order_breaks_ties_by_position():
    assert stable_order(np.array([2, 0, 2, 0, 1])).tolist() == [1, 3, 4, 0, 2]


@pytest.mark.parametrize(("subjects", "properties"), [(5, 2), (900, 40)])
def test_subject_property_numbers_pairs_in_order_of_first_appearance(subjects, properties):
    # 900 x 40 pairs for 1,000 claims takes the sorting branch, 5 x 2 the direct one
    rng = np.random.default_rng(subjects)
    claims = [
        Claim(
            source="s",
            subject=f"place {rng.integers(subjects)}",
            property=f"p{rng.integers(properties)}",
            value="v",
        )
        for _ in range(1000)
    ]
    codes, pairs = _subject_property(claims)
    expected_codes, expected_pairs = factorize([(c.subject, c.property) for c in claims])
    assert pairs == expected_pairs
    assert codes.tolist() == expected_codes.tolist()


def test_split_changes_cuts_each_period_on_its_own_claims():
    # period A: one holder, then another a week later (a change); period B: one
    # value throughout (never cut); period C: two sources disagreeing a day apart
    a_days = [0] * 6 + [7] * 6
    a_values = [0] * 6 + [1] * 6
    b_days, b_values = list(range(10)), [2] * 10
    c_days, c_values = [20, 21], [0, 1]
    periods = [(a_days, a_values), (b_days, b_values), (c_days, c_values)]
    alone = []
    for days, values in periods:
        starts = np.zeros(len(days), dtype=bool)
        starts[0] = True
        day = np.asarray(days)
        alone.append(split_changes(starts, day, day, np.asarray(values)))
    day = np.concatenate([np.asarray(d) for d, _ in periods])
    values = np.concatenate([np.asarray(v) for _, v in periods])
    starts = np.zeros(len(day), dtype=bool)
    starts[np.cumsum([0] + [len(d) for d, _ in periods[:-1]])] = True
    together = split_changes(starts, day, day, values)
    assert together.tolist() == np.concatenate(alone).tolist()
    assert np.flatnonzero(alone[0]).tolist() == [0, 6]
    assert np.flatnonzero(alone[1]).tolist() == [0]
    assert np.flatnonzero(alone[2]).tolist() == [0]
