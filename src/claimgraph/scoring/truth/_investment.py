"""Investment and PooledInvestment (Pasternack & Roth 2010)."""

from __future__ import annotations

import numpy as np

from ._core import (
    Estimate,
    Settings,
    clamp_known,
    item_normalize,
    segment_sum,
    source_counts,
)
from ._items import Problem

__all__ = ["investment", "pooled_investment"]


def _iterate(problem: Problem, settings: Settings, *, pooled: bool) -> Estimate:
    exponent = 1.4 if pooled else 1.2
    support_t = problem.support.T.tocsr()
    counts = np.maximum(source_counts(problem), 1.0)
    trust = np.ones(problem.n_sources)
    for source, value in settings.prior_trust.items():
        trust[source] = value

    def beliefs(invested: np.ndarray) -> np.ndarray:
        if pooled:
            grown = invested**exponent
            total = segment_sum(problem, grown)[problem.fact_item]
            out = invested * np.divide(grown, total, out=np.zeros_like(grown), where=total > 0)
        else:
            out = invested**exponent
        return clamp_known(problem, out, settings, high=float(out.max(initial=1.0)))

    invested = support_t @ (trust / counts)
    # start from the vote shares of each item, as Pasternack & Roth do
    belief = clamp_known(
        problem, item_normalize(problem, np.asarray(problem.votes.sum(axis=0)).ravel()), settings
    )
    converged = False
    iterations = 0
    for iterations in range(1, settings.max_iterations + 1):  # noqa: B007
        ratio = np.divide(belief, invested, out=np.zeros_like(belief), where=invested > 0)
        new = trust / counts * (problem.support @ ratio)
        new /= max(new.max(initial=0.0), 1e-300)
        for source, value in settings.prior_trust.items():
            new[source] = value
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

    Complexity: O(k * n) for n claims and k iterations.
    """
    return _iterate(problem, settings, pooled=False)


def pooled_investment(problem: Problem, settings: Settings) -> Estimate:
    """PooledInvestment: like Investment, but the beliefs of one item's values are
    pooled: each gets the item's invested total shared in proportion to
    investment to the power 1.4.

    Complexity: O(k * n) for n claims and k iterations.
    """
    return _iterate(problem, settings, pooled=True)
