"""Majority vote."""

from __future__ import annotations

import numpy as np

from ._core import Estimate, Settings, choose, clamp_known, source_counts
from ._items import Problem

__all__ = ["vote"]


def agreement_with(problem: Problem, belief: np.ndarray) -> np.ndarray:
    """Share of each source's votes that agree with the chosen values."""
    chosen = np.zeros(problem.n_facts)
    chosen[choose(problem, belief)] = 1.0
    right = problem.support @ chosen + problem.against @ (1.0 - chosen)
    counts = source_counts(problem)
    out: np.ndarray = np.divide(right, counts, out=np.zeros_like(right), where=counts > 0)
    return out


def vote(problem: Problem, settings: Settings) -> Estimate:
    """Majority vote: each value gets the net votes of its sources.

    An assertion is one vote, an uncertain report half a vote, a denial one
    vote against. **Tie rule**: among values with the same votes the one
    that appears first in the input wins. Trust is the share of a source's
    votes that agree with the winners.

    Complexity: O(n) for n claims.
    """
    belief = np.asarray(problem.votes.sum(axis=0)).ravel().astype(np.float64)
    belief = clamp_known(problem, belief, settings, high=float(np.abs(belief).max(initial=1)) + 1)
    return Estimate(belief, agreement_with(problem, belief), 1, True)
