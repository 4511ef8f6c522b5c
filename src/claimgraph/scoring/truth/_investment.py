"""Investment and PooledInvestment (Pasternack & Roth 2010)."""

from __future__ import annotations

import numpy as np

from ._core import (
    Estimate,
    Settings,
    clamp_known,
    item_normalize,
    pin_prior,
    segment_sum,
    source_counts,
)
from ._items import Problem

__all__ = ["investment", "pooled_investment"]

#: Rounds run (at most ``max_iterations``): the Investments have no meaningful
#: fixed point (the richest value of each item keeps growing until one source
#: owns all trust), so, as in Pasternack & Roth's experiments and the
#: ``truthdiscovery`` reference implementation, they stop after a fixed number
#: of rounds; these are that implementation's settings, fixed a priori.
INVESTMENT_ROUNDS, POOLED_ROUNDS = 20, 10


def _iterate(problem: Problem, settings: Settings, *, pooled: bool) -> Estimate:
    exponent = 1.4 if pooled else 1.2
    rounds = min(settings.max_iterations, POOLED_ROUNDS if pooled else INVESTMENT_ROUNDS)
    support_t = problem.support.T.tocsr()
    counts = np.maximum(source_counts(problem), 1.0)
    trust = pin_prior(np.ones(problem.n_sources), settings)

    def beliefs(invested: np.ndarray) -> np.ndarray:
        if pooled:
            grown = invested**exponent
            total = segment_sum(problem, grown)[problem.fact_item]
            out = invested * np.divide(grown, total, out=np.zeros_like(grown), where=total > 0)
        else:
            out = invested**exponent
        return clamp_known(problem, out, settings, high=float(out.max(initial=1.0)))

    invested = support_t @ (trust / counts)
    # start from each item's vote shares: uniform beliefs (the reference
    # implementation's start for PooledInvestment) hand a lone dissenter the
    # whole belief of its value in the first round, enough to outvote a 2-to-1
    # majority on small data
    votes = np.asarray(problem.votes.sum(axis=0)).ravel()
    belief = clamp_known(problem, item_normalize(problem, votes), settings)
    converged = False
    iterations = 0
    for iterations in range(1, rounds + 1):  # noqa: B007
        ratio = np.divide(belief, invested, out=np.zeros_like(belief), where=invested > 0)
        new = trust / counts * (problem.support @ ratio)
        new /= max(new.max(initial=0.0), 1e-300)
        pin_prior(new, settings)
        invested = support_t @ (new / counts)
        belief = beliefs(invested)
        delta = float(np.abs(new - trust).max(initial=0.0))
        trust = new
        if delta < settings.tolerance:
            converged = True
            break
    return Estimate(belief, trust, iterations, converged)


def investment(problem: Problem, settings: Settings) -> Estimate:
    """Investment: each source spreads its trust evenly over its claims; a value's
    belief grows super-linearly (power 1.2) with what was invested in it, and a
    source earns back its share of the belief of the values it invested in.
    Starts from each item's vote shares and runs 20 rounds.

    Complexity: O(k * n) for n claims and k iterations.
    """
    return _iterate(problem, settings, pooled=False)


def pooled_investment(problem: Problem, settings: Settings) -> Estimate:
    """PooledInvestment: like Investment, but the beliefs of one item's values are
    pooled: each gets the item's invested total shared in proportion to
    investment to the power 1.4. Starts from each item's vote shares and runs
    10 rounds.

    Complexity: O(k * n) for n claims and k iterations.
    """
    return _iterate(problem, settings, pooled=True)
