"""Confidence as a probability, for every method.

Sources that err together (partisan outlets favouring one side, stale reports
repeating the last holder, echoes) make many votes worth less than their
number: the votes of an item are then less evidence than an independence model
counts. Each method's probability of the chosen value is tempered by the
design effect of the item's sources, 1 / (1 + (k - 1) rho), with k the
sources speaking on the item and rho the mean correlation of their errors,
measured pair by pair against the chosen values (Kish's effective sample
size). Methods whose scores are not probabilities (vote, Sums, the
Investments, TruthFinder) get the probability of their chosen value under
source accuracies fitted to their own choices, tempered the same way.
"""

from __future__ import annotations

import attrs
import numpy as np
import scipy.sparse as sp

from ._core import (
    Estimate,
    Settings,
    choose,
    clamp_known,
    false_value_space,
    item_normalize,
    item_softmax,
)
from ._items import Problem
from ._pairs import fact_item_matrix, values_at

__all__ = ["accuracy_posterior", "calibrate", "error_correlation_tempering", "temper"]

#: Shared items' worth of zero correlation a pair's measured correlation is
#: shrunk towards: two sources that share three items tell little.
CORRELATION_PRIOR_ITEMS = 10.0


def error_correlation_tempering(
    problem: Problem, chosen: np.ndarray, discounted: sp.csr_matrix | None = None
) -> np.ndarray:
    """Per item, 1 / (1 + (k - 1) rho): the share of its k sources' votes that is
    independent evidence.

    A source errs on an item when none of its values there is the chosen one.
    For each pair of sources, rho is the correlation (phi coefficient) of their
    errors over the items both speak of, shrunk towards 0 by
    ``CORRELATION_PRIOR_ITEMS`` and floored at 0; an item's rho is the mean
    over the pairs of its sources. ``discounted`` (sources x sources) holds
    the echo rates r the votes were already divided by, 1 + the sum of r over
    the other sources giving the same value: that is this same correction with
    r for rho, so the factor becomes (1 + (k - 1) r) / (1 + (k - 1) rho), at
    most 1, and a dependence is not discounted twice.

    Complexity: O(q) for q = sum over items of the squared number of their
    sources.

    Examples
    --------
    Five sources speak on 40 towns. A and B always err together (on every
    fourth town), C, D and E err on other towns, each alone. The errors of A
    and B correlate fully (phi 1, shrunk by 40 / (40 + 10) to 0.8), every
    other pair's not at all, so the mean over the 10 pairs is 0.08 and a
    town's five votes count as 5 / (1 + 4 * 0.08) of independent evidence.

    >>> from claimgraph.scoring.truth._items import build_problem
    >>> from claimgraph.testing import make_claim
    >>> claims = []
    >>> for i in range(40):
    ...     for s in "ABCDE":
    ...         wrong = i % 4 == 0 if s in "AB" else i % 4 == "CDE".index(s) + 1
    ...         claims.append(make_claim(s, f"town {i}", "isis" if wrong else "army"))
    >>> problem = build_problem(claims)
    >>> chosen = choose(problem, item_normalize(problem, problem.votes.sum(axis=0).A1))
    >>> factor = error_correlation_tempering(problem, chosen)
    >>> round(float(factor.min()), 3), round(float(factor.max()), 3)
    (0.758, 0.758)
    """
    n_items, n_sources = problem.n_items, problem.n_sources
    if n_items == 0 or n_sources < 2:
        return np.ones(n_items)
    to_item = fact_item_matrix(problem)
    pattern = problem.support.copy()
    pattern.data[:] = 1.0
    speaks = (pattern @ to_item).tocsr()
    speaks.data[:] = 1.0
    is_chosen = np.zeros(problem.n_facts)
    is_chosen[chosen] = 1.0
    right = (pattern.multiply(is_chosen).tocsr() @ to_item).tocsr()
    wrong = (speaks - right.minimum(1.0)).tocsr()
    wrong.eliminate_zeros()
    shared = sp.triu(speaks @ speaks.T, k=1).tocoo()
    rows, cols, n_shared = shared.row, shared.col, shared.data
    both = values_at((wrong @ wrong.T).tocsr(), rows, cols)
    wrong_on_shared = (wrong @ speaks.T).tocsr()
    p_row = values_at(wrong_on_shared, rows, cols) / n_shared
    p_col = values_at(wrong_on_shared, cols, rows) / n_shared
    spread = np.sqrt(p_row * (1 - p_row) * p_col * (1 - p_col))
    with np.errstate(invalid="ignore", divide="ignore"):
        phi = np.where(spread > 0, (both / n_shared - p_row * p_col) / spread, 0.0)
    rho = np.clip(phi, 0.0, 1.0) * n_shared / (n_shared + CORRELATION_PRIOR_ITEMS)
    item_sources = speaks.T.tocsr()
    k = np.diff(item_sources.indptr).astype(np.float64)
    others = np.maximum(k - 1.0, 0.0)
    effect = 1.0 + others * _mean_over_pairs(item_sources, rows, cols, rho)
    if discounted is not None and discounted.nnz:
        applied = np.minimum(values_at(discounted, rows, cols), rho)
        effect = effect / (1.0 + others * _mean_over_pairs(item_sources, rows, cols, applied))
    out: np.ndarray = 1.0 / np.maximum(effect, 1.0)
    return out


def _mean_over_pairs(
    item_sources: sp.csr_matrix, rows: np.ndarray, cols: np.ndarray, value: np.ndarray
) -> np.ndarray:
    """Per item, the mean of ``value`` (given for the source pairs ``rows``,
    ``cols``) over the pairs of sources speaking on it."""
    n_sources = item_sources.shape[1]
    keep = value > 0
    pairs = sp.csr_matrix((value[keep], (rows[keep], cols[keep])), shape=(n_sources, n_sources))
    pairs = (pairs + pairs.T).tocsr()
    total = np.asarray((item_sources @ pairs).multiply(item_sources).sum(axis=1)).ravel() / 2
    k = np.diff(item_sources.indptr).astype(np.float64)
    n_pairs = k * (k - 1) / 2
    out: np.ndarray = np.divide(total, n_pairs, out=np.zeros(len(k)), where=n_pairs > 0)
    return out


def temper(
    problem: Problem, probability: np.ndarray, factor: np.ndarray, unseen: np.ndarray
) -> np.ndarray:
    """Each item's probabilities raised to its ``factor`` and renormalized, the
    ``unseen`` values nobody gave sharing the item's remaining mass equally.

    The same as multiplying a softmax's scores by the factor.
    """
    p_seen = np.maximum(probability, 1e-300)
    total_seen = np.add.reduceat(p_seen, problem.item_start[:-1]) if len(p_seen) else p_seen
    rest = np.clip(1.0 - total_seen, 0.0, 1.0)
    per_unseen = np.where(unseen > 0, rest / np.maximum(unseen, 1.0), 0.0)
    with np.errstate(divide="ignore"):
        log_unseen = np.log(per_unseen)
    score = factor[problem.fact_item] * np.log(p_seen)
    # the unseen values, as scores relative to 0 for item_softmax
    shift = factor * np.where(unseen > 0, log_unseen, -np.inf)
    finite = np.isfinite(shift)
    score = score - np.where(finite, shift, 0.0)[problem.fact_item]
    out: np.ndarray = item_softmax(problem, score, np.where(finite, unseen, 0.0))
    return out


def accuracy_posterior(
    problem: Problem,
    share: np.ndarray,
    settings: Settings,
    space: tuple[np.ndarray, np.ndarray],
) -> np.ndarray:
    """Per fact, its probability under independent sources, each as accurate as
    the method's share of belief in its claims says (Beta(1, 1) prior).

    Shares rather than the chosen values: a source that sided with a value
    chosen by a narrow margin gets partial credit, as the method itself gives.
    """
    support = problem.support
    counts = np.asarray(support.sum(axis=1)).ravel()
    right = support @ share
    accuracy = np.clip((right + 1.0) / (counts + 2.0), 0.01, 0.99)
    item_n, unseen = space
    votes_t = problem.votes.T.tocsr()
    score = votes_t @ np.log(accuracy / (1.0 - accuracy))
    score = score + np.log(item_n)[problem.fact_item] * (votes_t @ np.ones(len(accuracy)))
    out: np.ndarray = clamp_known(problem, item_softmax(problem, score, unseen), settings)
    return out


def calibrate(
    problem: Problem,
    settings: Settings,
    estimate: Estimate,
    discounted: sp.csr_matrix | None = None,
) -> Estimate:
    """``estimate`` with ``confidence``: each fact's probability, tempered by
    :func:`error_correlation_tempering` around the estimate's chosen values.

    ``discounted``: the echo rates the problem's votes were discounted by
    before the method ran; the estimate's own ``dependence`` (AccuCopy's
    copy judgement) counts as discounted too.
    """
    has_support = np.asarray(problem.support.sum(axis=0)).ravel() > 0
    chosen = choose(problem, np.where(has_support, estimate.belief, -np.inf))
    # confidence is judged in the open world: the closed world of observed false
    # values (LCA) is a model for choosing among the values given, but the truth
    # may be a value nobody gave, and a value nobody contradicts is not certain
    space = false_value_space(problem, attrs.evolve(settings, observed_false=False))
    if estimate.probabilistic:
        probability = (
            estimate.belief if estimate.open_probability is None else estimate.open_probability
        )
    else:
        share = item_normalize(problem, estimate.belief)
        probability = accuracy_posterior(problem, share, settings, space)
    own = estimate.dependence
    if own is not None:
        discounted = own if discounted is None else discounted.maximum(own).tocsr()
    factor = error_correlation_tempering(problem, chosen, discounted)
    confidence = clamp_known(problem, temper(problem, probability, factor, space[1]), settings)
    return attrs.evolve(estimate, confidence=confidence)
