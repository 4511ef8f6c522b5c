"""Bayesian source accuracy (Dong, Berti-Equille & Srivastava 2009): Accu and AccuCopy."""

from __future__ import annotations

import attrs
import numpy as np
import scipy.sparse as sp

from ...model import independent_of
from ._core import (
    Estimate,
    Settings,
    clamp_known,
    false_value_space,
    item_softmax,
    pin_prior,
    similarity,
)
from ._echo import echo_rates
from ._items import Problem, factorize
from ._pairs import shared_items, values_at, with_data

__all__ = ["accu", "accu_copy", "copy_rates"]

#: Prior accuracy of a source and its weight in claims: a source with few claims
#: stays near the prior instead of jumping to 0 or 1.
PRIOR_ACCURACY, PRIOR_WEIGHT = 0.8, 2.0
#: Weight of similar values' votes (AccuSim).
SIMILARITY_WEIGHT = 0.5
#: Copy detection is recomputed at most this many rounds, with at most
#: ROUND_STEPS accuracy updates between two rounds; the accuracies are then
#: run to convergence under the last discounts.
COPY_ROUNDS, ROUND_STEPS = 8, 10


#: How many claims' worth the accuracy of a source as a whole weighs in the
#: accuracy of that source on one property (shrinkage towards the whole).
PROPERTY_WEIGHT = 5.0


class _Units:
    """Trust units: each source, or each (source, property) pair.

    With ``per_property`` a source has one accuracy per property, shrunk
    towards its accuracy over all properties; a matrix with one row per source
    is re-indexed to one row per unit by :meth:`rows`.
    """

    def __init__(self, problem: Problem, per_property: bool) -> None:
        votes = problem.votes.tocoo()
        n_s = problem.n_sources
        if per_property:
            prop, names = factorize(problem.group_property)
            self.fact_property = prop[problem.item_group[problem.fact_item]]
            self.width = max(len(names), 1)
        else:
            self.fact_property = np.zeros(problem.n_facts, dtype=np.int64)
            self.width = 1
        keys = votes.row.astype(np.int64) * self.width + self.fact_property[votes.col]
        self.keys = np.unique(keys)
        self.unit_source = self.keys // self.width
        self.n_sources = n_s
        self.n_units = len(self.keys)

    def rows(self, matrix: sp.csr_matrix, data: np.ndarray | None = None) -> sp.csr_matrix:
        """``matrix`` (sources x facts) with one row per unit; ``data`` replaces its
        stored values, given in the order of ``matrix.nonzero()``."""
        coo = matrix.tocoo()
        if matrix.has_canonical_format:  # already in that order: no sort
            r, c, values = coo.row, coo.col, coo.data if data is None else data
        else:
            order = np.lexsort((coo.col, coo.row))  # nonzero() order of a canonical csr
            r, c = coo.row[order], coo.col[order]
            values = coo.data[order] if data is None else data
        unit = np.searchsorted(self.keys, r.astype(np.int64) * self.width + self.fact_property[c])
        out: sp.csr_matrix = sp.csr_matrix(
            (values, (unit, c)), shape=(self.n_units, matrix.shape[1])
        )
        return out

    def per_source(self, unit_values: np.ndarray, unit_counts: np.ndarray) -> np.ndarray:
        """Count-weighted mean of unit values per source."""
        total = np.bincount(self.unit_source, unit_counts, self.n_sources)
        weighted = np.bincount(self.unit_source, unit_values * unit_counts, self.n_sources)
        out: np.ndarray = np.divide(
            weighted, total, out=np.full(self.n_sources, PRIOR_ACCURACY), where=total > 0
        )
        return out


class _Accuracy:
    """The E and M steps shared by Accu and AccuCopy, over trust units."""

    def __init__(self, problem: Problem, settings: Settings) -> None:
        self.problem = problem
        self.settings = settings
        self.n = max(settings.false_values, 1.0)
        item_n, self.unseen = false_value_space(problem, settings)
        self.log_n = np.log(item_n)[problem.fact_item]
        self.sim = similarity(problem, settings.part_similarity)
        self.false_count: tuple[sp.csr_matrix, np.ndarray] | None = None
        self.units = _Units(problem, settings.per_property)
        self.support = self.units.rows(problem.support)
        self.against = self.units.rows(problem.against)
        self.votes_t = self.units.rows(problem.votes).T.tocsr()
        # accuracies are learned without the items on which a source names
        # several values (reports from both sides of a change within the period,
        # a revised story): they tell of the period more than of the source, and
        # would set its accuracy below that of its one-value claims
        self.judged = (
            self.support if settings.learn_from_split else _one_value(self.support, problem)
        )
        self.counts = np.asarray(self.judged.sum(axis=1) + self.against.sum(axis=1)).ravel()
        self.source_counts = np.bincount(self.units.unit_source, self.counts, problem.n_sources)
        fixed = np.zeros(problem.n_sources)
        fixed[:] = np.nan
        for source, value in settings.prior_trust.items():
            fixed[source] = np.clip(value, 0.01, 0.99)
        self.fixed_unit = fixed[self.units.unit_source]
        self.is_fixed = ~np.isnan(self.fixed_unit)
        self.learn_prior = settings.prior_accuracy is None
        self.prior = PRIOR_ACCURACY if settings.prior_accuracy is None else settings.prior_accuracy
        if self.learn_prior:
            # the prior is learned on contested items only: a lone value's
            # belief follows its source's accuracy and would confirm any prior
            contested = (problem.item_sizes[problem.fact_item] > 1).astype(np.float64)
            free = np.flatnonzero(~self.is_fixed)
            self.contested_support = self.judged.multiply(contested).tocsr()[free]
            self.contested_against = self.against.multiply(contested).tocsr()[free]
            on_contested = np.asarray(
                self.contested_support.sum(axis=1) + self.contested_against.sum(axis=1)
            ).ravel()
            self.contested_source = self.units.unit_source[free]
            self.contested_count = np.bincount(
                self.contested_source, on_contested, problem.n_sources
            )

    def truth(self, accuracy: np.ndarray, votes_t: sp.csr_matrix) -> np.ndarray:
        count = votes_t @ np.log(accuracy / (1.0 - accuracy))
        if self.false_count is None or self.false_count[0] is not votes_t:
            # fixed for a matrix of votes: computed once, not every iteration
            self.false_count = (votes_t, self.log_n * (votes_t @ np.ones(len(accuracy))))
        count = count + self.false_count[1]
        if self.sim is not None:
            count = count + SIMILARITY_WEIGHT * (self.sim @ count)
        belief = item_softmax(self.problem, count, self.unseen)
        return clamp_known(self.problem, belief, self.settings)

    def open_truth(self, accuracy: np.ndarray, votes_t: sp.csr_matrix) -> np.ndarray | None:
        """With ``observed_false``, the probability of each fact when a wrong source
        may also pick one of ``false_values`` values nobody gave (``None`` otherwise):
        the closed world chooses among the values given, this judges how sure
        the choice is."""
        if not self.settings.observed_false:
            return None
        item_n, unseen = false_value_space(
            self.problem, attrs.evolve(self.settings, observed_false=False)
        )
        count = votes_t @ np.log(accuracy / (1.0 - accuracy))
        count = count + np.log(item_n)[self.problem.fact_item] * (votes_t @ np.ones(len(accuracy)))
        if self.sim is not None:
            count = count + SIMILARITY_WEIGHT * (self.sim @ count)
        return clamp_known(self.problem, item_softmax(self.problem, count, unseen), self.settings)

    def accuracy(self, belief: np.ndarray) -> np.ndarray:
        right = self.judged @ belief + self.against @ (1.0 - belief)
        source_right = np.bincount(self.units.unit_source, right, self.problem.n_sources)
        if self.learn_prior:
            self.prior = self.learned_prior(belief)
        whole = (source_right + self.prior * PRIOR_WEIGHT) / (self.source_counts + PRIOR_WEIGHT)
        if self.settings.per_property:
            prior = whole[self.units.unit_source]
            out = (right + prior * PROPERTY_WEIGHT) / (self.counts + PROPERTY_WEIGHT)
        else:
            out = whole[self.units.unit_source]
        out = np.clip(out, 0.01, 0.99)
        out[self.is_fixed] = self.fixed_unit[self.is_fixed]
        result: np.ndarray = out
        return result

    def learned_prior(self, belief: np.ndarray) -> float:
        """Mean accuracy on contested items over the sources (each counted once) that
        have any, known sources left out: what to expect of a source seen little."""
        right = self.contested_support @ belief + self.contested_against @ (1.0 - belief)
        per_source = np.bincount(self.contested_source, right, self.problem.n_sources)
        has = self.contested_count > 0
        if not has.any():
            return PRIOR_ACCURACY
        return float(np.clip(np.mean(per_source[has] / self.contested_count[has]), 0.01, 0.99))

    def initial(self) -> np.ndarray:
        out = np.full(self.units.n_units, self.prior)
        out[self.is_fixed] = self.fixed_unit[self.is_fixed]
        return out

    def source_accuracy(self, accuracy: np.ndarray) -> np.ndarray:
        """Accuracy of each source over all its units."""
        return pin_prior(self.units.per_source(accuracy, self.counts), self.settings)

    def run(
        self, accuracy: np.ndarray, votes_t: sp.csr_matrix, limit: int
    ) -> tuple[np.ndarray, np.ndarray, int, bool]:
        belief = self.truth(accuracy, votes_t)
        for iteration in range(1, limit + 1):
            new = self.accuracy(belief)
            delta = float(np.abs(new - accuracy).max(initial=0.0))
            accuracy = new
            belief = self.truth(accuracy, votes_t)
            if delta < self.settings.tolerance:
                return accuracy, belief, iteration, True
        return accuracy, belief, limit, False


def accu(problem: Problem, settings: Settings) -> Estimate:
    """Accu: each source has an accuracy A (the chance its value is true); a value's
    vote count is the sum of ln(n A / (1 - A)) over its sources (n false values
    per item), its probability the softmax of the counts over the item's values
    plus the values nobody gave, and A the mean probability of the source's
    values. With numeric or multi-valued items similar values lend each other
    votes (AccuSim).

    Complexity: O(k * (n + p)) for n claims, p pairs of similar values and
    k iterations.
    """
    model = _Accuracy(problem, settings)
    accuracy, belief, iterations, converged = model.run(
        model.initial(), model.votes_t, settings.max_iterations
    )
    trust = model.source_accuracy(accuracy)
    return Estimate(
        belief,
        trust,
        iterations,
        converged,
        probabilistic=True,
        open_probability=model.open_truth(accuracy, model.votes_t),
    )


def accu_copy(problem: Problem, settings: Settings) -> Estimate:
    """AccuCopy: Accu that discounts sources copying each other.

    For each pair of sources sharing items, the numbers of shared items on
    which they give the same true value, the same false value, or different
    values give the posterior probability that one copies the other (sharing
    false values is the tell-tale). The prior of copying is higher between
    sources of the same side (``alignment``). A vote given by a source whose
    value is also given by sources it depends on, with total dependence e,
    counts (1 - (1 - c)^(e + 1)) / (c (e + 1)) of a vote, c the copy rate, so a
    group of exact copies counts about as one source.

    The first round judges copying from vote-like beliefs, or with
    ``settings.echoes`` by the echo test alone (:func:`echo_rates`: agreement
    beyond what two independent, 99%-accurate sources would show), which
    needs no beliefs. The latter suits data where whole groups of sources
    republish one feed: the vote-like beliefs then side with the largest
    group, and the accurate sources that disagree with it share what look
    like false values, the tell-tale of copying. The later rounds judge from
    the beliefs either way, also when the echo test found no echo.

    Complexity: O(r * (k * n + q)) for n claims, q = sum over facts of the
    squared number of their sources, k iterations and r copy rounds.
    """
    model = _Accuracy(problem, settings)
    c = settings.copy_rate
    support = model.support
    by_source = settings.per_property and settings.copy_per_source
    if by_source:
        # dependence judged on a source's whole output, then applied to every
        # one of its trust units
        copy_support = problem.support
        unit_source = np.arange(problem.n_sources)
        vote_row = model.units.unit_source[support.nonzero()[0]]
    else:
        # dependence judged between trust units: with per-property trust, two
        # sources may copy each other's departure times and not their gates
        copy_support = support
        unit_source = model.units.unit_source
        vote_row = support.nonzero()[0]
    pairs = shared_items(copy_support, problem)
    rows, cols, n_shared = pairs.rows, pairs.cols, pairs.n_shared
    prior = np.full(len(rows), settings.copy_prior)
    alignment = problem.source_alignment
    same_side = np.fromiter(
        (
            alignment[r] is not None
            and alignment[k] is not None
            and not independent_of(alignment[r], alignment[k])
            for r, k in zip(unit_source[rows].tolist(), unit_source[cols].tolist(), strict=True)
        ),
        dtype=bool,
        count=len(rows),
    )
    prior[same_side] = settings.same_side_copy_prior

    accuracy = model.initial()
    votes_t = model.votes_t
    # copying is judged from the first, vote-like beliefs (or by the echo test):
    # converging Accu first would let a copied majority entrench itself as accurate
    belief = model.truth(accuracy, votes_t)
    iterations, converged = 0, False
    previous = np.ones(len(support.data))
    k_same = pairs.k_same
    rate = prior.copy()
    for _round in range(COPY_ROUNDS):
        k_true = pairs.agreement_on(belief)
        k_false = np.maximum(k_same - k_true, 0.0)
        k_diff = np.maximum(n_shared - k_same, 0.0)
        copy_accuracy = model.units.per_source(accuracy, model.counts) if by_source else accuracy
        a1, a2 = copy_accuracy[rows], copy_accuracy[cols]
        if _round == 0 and settings.echoes:
            # judged without beliefs: vote-like ones side with the largest copy
            # group and make the accurate sources that disagree with it look
            # like copiers of one another
            dependence = echo_rates(k_same, k_diff)
            rate = np.maximum(dependence, prior)
        elif settings.copy_model == "posterior":
            dependence = copy_posterior(k_true, k_false, k_diff, a1, a2, model.n, prior, c, _round)
        else:
            rate = copy_rates(k_true, k_false, k_diff, a1, a2, model.n, prior, rate)
            dependence = excess_over_typical(rate, n_shared)
        keep = dependence > 0.01
        n_s = pairs.pattern.shape[0]
        dep = sp.csr_matrix((dependence[keep], (rows[keep], cols[keep])), shape=(n_s, n_s))
        dep = (dep + dep.T).tocsr()
        # copy rates of each vote's source with the other sources giving the same value
        peers = (dep @ pairs.pattern).multiply(pairs.pattern).tocsr()
        exposure = values_at(peers, vote_row, support.nonzero()[1])
        if settings.copy_model == "posterior":
            discount = (1 - (1 - c) ** (exposure + 1)) / (c * (exposure + 1))
        else:
            discount = 1.0 / (1.0 + exposure)
        weighted = (with_data(support, support.data * discount) - model.against).tocsr()
        weighted_t = weighted.T.tocsr()
        accuracy, belief, more, converged = model.run(
            accuracy, weighted_t, min(ROUND_STEPS, settings.max_iterations)
        )
        iterations += more
        change = float(np.abs(discount - previous).max(initial=0.0))
        previous = discount
        # the echo test's round is a judgement of another kind: that it changed
        # nothing says nothing of what belief-based detection will find
        if change < 1e-3 and not (_round == 0 and settings.echoes):
            break
    if not converged:
        accuracy, belief, more, converged = model.run(accuracy, weighted_t, settings.max_iterations)
        iterations += more
    trust = model.source_accuracy(accuracy)
    discounted = _between_sources(
        unit_source[rows[keep]], unit_source[cols[keep]], dependence[keep], problem.n_sources
    )
    return Estimate(
        belief,
        trust,
        iterations,
        converged,
        probabilistic=True,
        dependence=discounted,
        open_probability=model.open_truth(accuracy, weighted_t),
    )


def _between_sources(
    first: np.ndarray, second: np.ndarray, rate: np.ndarray, n_sources: int
) -> sp.csr_matrix:
    """Symmetric sources x sources matrix of the largest ``rate`` over each pair
    of sources (pairs of trust units map to pairs of their sources)."""
    a = np.concatenate([first, second]).astype(np.int64)
    b = np.concatenate([second, first]).astype(np.int64)
    r = np.concatenate([rate, rate])
    other = a != b
    a, b, r = a[other], b[other], r[other]
    key = a * max(n_sources, 1) + b
    order = np.argsort(key, kind="stable")
    key, r = key[order], r[order]
    if len(key) == 0:
        return sp.csr_matrix((n_sources, n_sources))
    start = np.flatnonzero(np.r_[True, key[1:] != key[:-1]])
    top = np.maximum.reduceat(r, start)
    unique = key[start]
    out: sp.csr_matrix = sp.csr_matrix(
        (top, (unique // max(n_sources, 1), unique % max(n_sources, 1))),
        shape=(n_sources, n_sources),
    )
    return out


def copy_rates(
    k_true: np.ndarray,
    k_false: np.ndarray,
    k_diff: np.ndarray,
    a1: np.ndarray,
    a2: np.ndarray,
    n: float,
    prior: np.ndarray,
    start: np.ndarray,
    prior_weight: float = PRIOR_WEIGHT,
    steps: int = 30,
) -> np.ndarray:
    """Per pair of sources, the share of their shared items where one copies the other.

    A mixture over the shared items: with rate r one source repeats the
    other's value (true with their mean accuracy), otherwise they speak
    independently (both right with a1 a2, the same wrong value with
    (1 - a1)(1 - a2) / n). r is its posterior mode under a Beta prior worth
    ``prior_weight`` items with mean ``prior``, found by EM from ``start``.
    Unlike the posterior probability that a pair copies at all, which
    thousands of shared items push to 0 or 1 on the slightest excess of
    agreement, the rate measures how much of the pair's agreement is echo.

    Examples
    --------
    >>> import numpy as np
    >>> one = np.ones(2)
    >>> rates = copy_rates(np.array([90.0, 45.0]), np.array([10.0, 1.0]),
    ...     np.array([0.0, 54.0]), 0.5 * one, 0.5 * one, 10.0, 0.1 * one, 0.1 * one)
    >>> bool(rates[0] > 0.8), bool(rates[1] < 0.05)
    (True, True)
    """
    mean = (a1 + a2) / 2
    p_true = a1 * a2
    p_false = (1 - a1) * (1 - a2) / n
    total = k_true + k_false + k_diff
    rate = np.clip(start, 1e-6, 1 - 1e-6)
    for _ in range(steps):
        copied_true = rate * mean / (rate * mean + (1 - rate) * p_true)
        copied_false = rate * (1 - mean) / (rate * (1 - mean) + (1 - rate) * p_false)
        copied = k_true * copied_true + k_false * copied_false
        rate = np.clip((copied + prior * prior_weight) / (total + prior_weight), 1e-6, 1 - 1e-6)
    out: np.ndarray = rate
    return out


def copy_posterior(
    k_true: np.ndarray,
    k_false: np.ndarray,
    k_diff: np.ndarray,
    a1: np.ndarray,
    a2: np.ndarray,
    n: float,
    prior: np.ndarray,
    c: float,
    round_: int,
) -> np.ndarray:
    """Dong et al.'s posterior probability that a pair copies, copy rate ``c``.

    In the first round agreement alone counts, since the beliefs so far come
    from counting copies as independent votes.
    """
    mean = (a1 + a2) / 2
    p_true = a1 * a2
    p_false = (1 - a1) * (1 - a2) / n
    if round_ == 0:
        p_same = p_true + p_false
        log_ratio = (k_true + k_false) * np.log((c + p_same * (1 - c)) / p_same) + k_diff * np.log(
            1 - c
        )
    else:
        log_ratio = (
            k_true * np.log((mean * c + p_true * (1 - c)) / p_true)
            + k_false * np.log(((1 - mean) * c + p_false * (1 - c)) / p_false)
            + k_diff * np.log(1 - c)
        )
    prior_logit = np.log(prior / (1.0 - prior))
    out: np.ndarray = 1.0 / (1.0 + np.exp(-np.clip(prior_logit + log_ratio, -50, 50)))
    return out


def excess_over_typical(rate: np.ndarray, weight: np.ndarray) -> np.ndarray:
    """Copy rates above the typical pair's, rescaled to [0, 1].

    Sources that all draw on one feed, or items that everybody gets right or
    wrong together, raise every pair's agreement; that common level (the
    ``weight``-weighted median rate, an empirical null) is not echo between
    two particular sources. Only the excess over it is discounted.
    """
    if len(rate) == 0:
        return rate
    order = np.argsort(rate)
    cumulative = np.cumsum(weight[order])
    typical = float(rate[order][np.searchsorted(cumulative, cumulative[-1] / 2)])
    out: np.ndarray = np.clip((rate - typical) / max(1.0 - typical, 1e-9), 0.0, 1.0)
    return out


def _one_value(support: sp.csr_matrix, problem: Problem) -> sp.csr_matrix:
    """``support`` without the entries of rows that support several facts of one item."""
    coo = support.tocoo()
    key = coo.row.astype(np.int64) * max(problem.n_items, 1) + problem.fact_item[coo.col]
    _, inverse, count = np.unique(key, return_inverse=True, return_counts=True)
    keep = count[inverse.ravel()] == 1
    out: sp.csr_matrix = sp.csr_matrix(
        (coo.data[keep], (coo.row[keep], coo.col[keep])), shape=support.shape
    )
    return out
