"""TruthFinder (Yin, Han & Yu 2007)."""

from __future__ import annotations

import numpy as np

from ._core import (
    Estimate,
    Settings,
    clamp_known,
    pin_prior,
    segment_sum,
    similarity,
    source_counts,
)
from ._items import Problem

__all__ = ["truthfinder"]

#: Dampening of the confidence sigmoid, weight of related values, base similarity
#: (values less similar than this imply each other is false): the paper's settings.
GAMMA, RHO, BASE_SIMILARITY = 0.3, 0.5, 0.5
INITIAL_TRUST = 0.9


def truthfinder(problem: Problem, settings: Settings) -> Estimate:
    """TruthFinder: a value's confidence is a damped sigmoid of the summed
    trust scores -ln(1 - t) of its sources, raised by similar values and
    lowered by conflicting ones of the same item; a source's trust is the mean
    confidence of its values.

    Complexity: O(k * (n + p)) for n claims, p pairs of similar values and
    k iterations.
    """
    sim = similarity(problem, settings.part_similarity)
    votes_t = problem.votes.T.tocsr()
    counts = np.maximum(source_counts(problem), 1e-300)
    trust = pin_prior(np.full(problem.n_sources, INITIAL_TRUST), settings)
    confidence = np.zeros(problem.n_facts)
    converged = False
    iterations = 0
    for iterations in range(1, settings.max_iterations + 1):  # noqa: B007
        score = -np.log(np.clip(1.0 - trust, 1e-9, 1.0))
        sigma = votes_t @ score
        related = -BASE_SIMILARITY * (segment_sum(problem, sigma)[problem.fact_item] - sigma)
        if sim is not None:
            related = related + sim @ sigma
        adjusted = sigma + RHO * related
        confidence = clamp_known(problem, 1.0 / (1.0 + np.exp(-GAMMA * adjusted)), settings)
        new = (problem.support @ confidence + problem.against @ (1.0 - confidence)) / counts
        pin_prior(new, settings)
        delta = float(np.abs(new - trust).max(initial=0.0))
        trust = new
        if delta < settings.tolerance:
            converged = True
            break
    return Estimate(confidence, trust, iterations, converged)
