"""Echoes: sources that repeat one another, found before any method runs."""

from __future__ import annotations

import attrs
import numpy as np
import scipy.sparse as sp

from ._items import Problem
from ._pairs import shared_items, values_at, with_data

__all__ = ["ECHO_ACCURACY", "discount_echoes", "echo_dependence", "echo_rates"]

#: The accuracy granted to both sources of a pair under the hypothesis that they
#: speak independently. Charitable on purpose: only agreement beyond what two
#: independent sources right 99% of the time would show is taken as echo, so
#: accurate sources that agree because they are right are left alone.
ECHO_ACCURACY = 0.99
#: Weight of the prior of independence, in disagreements: a pair needs on the
#: order of a hundred shared items without one before it counts as echo.
ECHO_PRIOR_WEIGHT = 2.0
#: Echo rates tried (the likelihood is maximized on this grid).
_GRID = np.linspace(0.0, 1.0, 201)


def echo_rates(
    k_same: np.ndarray, k_diff: np.ndarray, accuracy: float = ECHO_ACCURACY
) -> np.ndarray:
    """Most likely share r of shared items on which one source repeats the other.

    A repeated value is the same; otherwise two independent sources of
    accuracy ``a`` give the same value with chance a^2 (their false values
    rarely coincide), different ones with 1 - a^2. With ``k_same`` agreements
    and ``k_diff`` disagreements, r is the posterior mode under a prior
    (1 - r)^``ECHO_PRIOR_WEIGHT`` that favours independence. Disagreement
    is what clears a pair: two sources that never differ over thousands of
    items echo each other, two that differ on a few percent of them do not.

    Examples
    --------
    >>> import numpy as np
    >>> rates = echo_rates(np.array([4000.0, 950.0, 3.0]), np.array([0.0, 50.0, 0.0]))
    >>> bool(rates[0] > 0.9), float(rates[1]), float(rates[2])
    (True, 0.0, 0.0)
    """
    p_same = accuracy**2
    r = _GRID[:, None]
    log_lik = (
        k_same * np.log(r + (1 - r) * p_same)
        + k_diff * np.log(np.maximum((1 - r) * (1 - p_same), 1e-300))
        + ECHO_PRIOR_WEIGHT * np.log(np.maximum(1 - r, 1e-300))
    )
    out: np.ndarray = _GRID[np.argmax(log_lik, axis=0)]
    return out


def echo_dependence(problem: Problem, accuracy: float = ECHO_ACCURACY) -> sp.csr_matrix:
    """The echo rate of every pair of sources (:func:`echo_rates`, judged over
    their whole output), as a symmetric sources x sources matrix."""
    n_s = problem.n_sources
    if problem.support.nnz == 0:
        return sp.csr_matrix((n_s, n_s))
    pairs = shared_items(problem.support, problem)
    k_diff = np.maximum(pairs.n_shared - pairs.k_same, 0.0)
    rate = echo_rates(pairs.k_same, k_diff, accuracy)
    keep = rate > 0
    dep = sp.csr_matrix((rate[keep], (pairs.rows[keep], pairs.cols[keep])), shape=(n_s, n_s))
    out: sp.csr_matrix = (dep + dep.T).tocsr()
    return out


def discount_echoes(
    problem: Problem,
    accuracy: float = ECHO_ACCURACY,
    dependence: sp.csr_matrix | None = None,
) -> Problem:
    """``problem`` with each supporting vote divided by 1 + its echo exposure.

    A vote's exposure is the sum of its source's echo rates
    (``dependence``, by default :func:`echo_dependence`) with the other
    sources giving the same value, so k sources repeating one another count
    about as one. Denials are kept as they are. Methods then run on the
    discounted votes unchanged.

    Complexity: O(q + p * g) for q = sum over facts of the squared number of
    their sources, p pairs of sources sharing items and g grid points.
    """
    support = problem.support
    if support.nnz == 0:
        return problem
    if dependence is None:
        dependence = echo_dependence(problem, accuracy)
    pattern = support.copy()
    pattern.data[:] = 1.0
    # exposure of each supporting vote, in the order of ``support.data``
    rows, cols = support.nonzero()
    exposed = values_at((dependence @ pattern).tocsr(), rows, cols)
    weighted = with_data(support, support.data / (1.0 + exposed))
    votes = (weighted - problem.against).tocsr()
    return attrs.evolve(problem, votes=votes, cache={})
