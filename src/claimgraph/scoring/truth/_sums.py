"""Sums (hubs and authorities) and AverageLog (Pasternack & Roth 2010)."""

from __future__ import annotations

import numpy as np

from ._core import Estimate, Settings, clamp_known, pin_prior, source_counts
from ._items import Problem

__all__ = ["average_log", "sums"]


def _iterate(problem: Problem, settings: Settings, *, log_weight: bool) -> Estimate:
    support_t = problem.support.T.tocsr()
    against_t = problem.against.T.tocsr()
    counts = source_counts(problem)
    factor = np.zeros_like(counts)
    if log_weight:
        np.divide(np.log(np.maximum(counts, 1.0)), counts, out=factor, where=counts > 0)
    trust = pin_prior(np.ones(problem.n_sources), settings)
    belief = np.zeros(problem.n_facts)
    converged = False
    iterations = 0
    for iterations in range(1, settings.max_iterations + 1):  # noqa: B007
        belief = np.maximum(support_t @ trust - against_t @ trust, 0.0)
        belief /= max(belief.max(initial=0.0), 1e-300)
        belief = clamp_known(problem, belief, settings)
        new = problem.support @ belief
        if log_weight:
            new = new * factor
        new /= max(new.max(initial=0.0), 1e-300)
        new = pin_prior(new, settings)
        delta = float(np.abs(new - trust).max(initial=0.0))
        trust = new
        if delta < settings.tolerance:
            converged = True
            break
    return Estimate(belief, trust, iterations, converged)


def sums(problem: Problem, settings: Settings) -> Estimate:
    """Sums: a value's belief is the sum of its sources' trust, a source's trust the
    sum of its values' beliefs, both scaled to a maximum of 1 each round.

    Complexity: O(k * n) for n claims and k iterations.
    """
    return _iterate(problem, settings, log_weight=False)


def average_log(problem: Problem, settings: Settings) -> Estimate:
    """AverageLog: like Sums, but a source's trust is its mean belief times the log of
    how many claims it makes (one claim earns no trust).

    Complexity: O(k * n) for n claims and k iterations.
    """
    return _iterate(problem, settings, log_weight=True)
