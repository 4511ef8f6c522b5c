"""Latent credibility analysis (Pasternack & Roth, WWW 2013): SimpleLCA, GuessLCA, MistakeLCA.

Each item has one true value among the values its sources gave (a closed
world: LCA's mutual exclusion set), a latent variable with a uniform prior.
A source's assertions are drawn from a generative model whose parameters
(per-source honesty, and for MistakeLCA a per-item ease) are fitted by
expectation-maximization, with the posterior of each item's true value as
the E step. The three models differ in how a source comes to assert a value:

* SimpleLCA: with probability H_s the true value, otherwise one of the
  item's other values, uniformly;
* GuessLCA: with probability H_s the true value, otherwise a guess drawn
  from the item's guess distribution (the share of the item's assertions
  each value received), which may hit the truth by luck;
* MistakeLCA: as GuessLCA, but the source knows the truth with probability
  H_s * D_m, D_m the ease of item m shared by all its sources: on a hard
  item even good sources guess.

Honesty is learned by maximum likelihood, as in the paper's EM, starting
from ``Settings.prior_accuracy`` (0.8); an item's ease has a Beta prior of
mean ``PRIOR_EASE`` worth ``EASE_WEIGHT`` assertions, without which only
the product H_s * D_m would be identified. A guess may also land on a value
nobody gave: the guess distribution holds ``GUESS_UNSEEN`` pseudo-assertion
for such a value, so that a value given alone is not a certain hit for a
guesser and agreeing with it still tells of a source's honesty. Both
constants were chosen on the Population dev half (see
docs/truth-discovery.md, "Latent credibility analysis").
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import scipy.sparse as sp

from ._core import Estimate, Settings, clamp_known, item_softmax, segment_sum
from ._items import Problem

__all__ = [
    "EASE_WEIGHT",
    "GUESS_UNSEEN",
    "HONESTY_WEIGHT",
    "PRIOR_EASE",
    "guess_lca",
    "mistake_lca",
    "simple_lca",
]

#: Prior mean of an item's ease (MistakeLCA), and its weight in assertions.
PRIOR_EASE, EASE_WEIGHT = 0.9, 2.0
#: Weight in assertions of a Beta prior on honesty, of mean the starting honesty:
#: 0, maximum likelihood (the paper's EM; a prior was worse on Population dev).
HONESTY_WEIGHT = 0.0
#: Pseudo-assertions of a value nobody gave in each item's guess distribution.
GUESS_UNSEEN = 1.0
#: Starting honesty when ``Settings.prior_accuracy`` is ``None``.
DEFAULT_HONESTY = 0.8
_LOW, _HIGH = 1e-4, 1.0 - 1e-4


class _Assertions:
    """What the LCA models see: each source's assertion weights over each item's values.

    A denial of a value counts as an assertion, of the same weight, spread
    evenly over the item's other values (in the closed world one of them is
    then true); a denial of an item's only value asserts nothing here.
    """

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        facts_items = sp.csr_matrix(
            (np.ones(problem.n_facts), (np.arange(problem.n_facts), problem.fact_item)),
            shape=(problem.n_facts, problem.n_items),
        )
        against = problem.against
        others = problem.item_sizes[problem.fact_item] - 1.0
        spread = np.divide(1.0, others, out=np.zeros(problem.n_facts), where=others > 0)
        on_item = (against @ facts_items @ facts_items.T - against).tocsr()
        weights = (problem.support + on_item @ sp.diags(spread)).tocsr()
        weights.eliminate_zeros()
        weights.sum_duplicates()
        self.weights: sp.csr_matrix = weights
        coo = weights.tocoo()
        self.row = coo.row.astype(np.int64)
        self.col = coo.col.astype(np.int64)
        self.w = coo.data.astype(np.float64)
        self.item = problem.fact_item[self.col]
        self.source_total = np.bincount(self.row, self.w, problem.n_sources)
        self.item_total = np.bincount(self.item, self.w, problem.n_items)
        fact_total = np.asarray(weights.sum(axis=0)).ravel()
        item_sum = segment_sum(problem, fact_total)[problem.fact_item]
        #: the guess distribution: each value's share of its item's assertions,
        #: beside GUESS_UNSEEN for values nobody gave
        self.guess = np.divide(
            fact_total,
            item_sum + GUESS_UNSEEN,
            out=np.zeros(problem.n_facts),
            where=item_sum + GUESS_UNSEEN > 0,
        )
        self.log_others = np.log(np.maximum(others, 1.0))

    def posterior(self, gain: np.ndarray, settings: Settings) -> np.ndarray:
        """P(true value) per fact, from each assertion's log-likelihood gain (the log
        ratio of its probability when its value is true to when another is)."""
        score = np.bincount(self.col, self.w * gain, self.problem.n_facts).astype(np.float64)
        return clamp_known(self.problem, item_softmax(self.problem, score), settings)

    def estimate(
        self,
        credit: np.ndarray,
        index: np.ndarray,
        total: np.ndarray,
        current: np.ndarray,
        prior: tuple[float, float] = (0.0, 0.0),
    ) -> np.ndarray:
        """The M step for a probability learned from per-assertion credits (the
        expected share of assertions in which it came true): maximum likelihood, or
        with ``prior`` = (mean, weight in assertions) the mode under that Beta
        prior; ``current`` where there is nothing to learn from."""
        mean, weight = prior
        hits = np.bincount(index, self.w * credit, len(total)) + mean * weight
        total = total + weight
        ratio = np.divide(hits, total, out=current.copy(), where=total > 0)
        out: np.ndarray = np.clip(ratio, _LOW, _HIGH)
        return out


def _prior_honesty(settings: Settings) -> float:
    return DEFAULT_HONESTY if settings.prior_accuracy is None else settings.prior_accuracy


def _honesty_prior(settings: Settings) -> tuple[float, float]:
    return _prior_honesty(settings), HONESTY_WEIGHT


def _pin(honesty: np.ndarray, settings: Settings) -> np.ndarray:
    for source, value in settings.prior_trust.items():
        honesty[source] = min(max(value, _LOW), _HIGH)
    return honesty


def _run(
    problem: Problem,
    settings: Settings,
    step: Callable[[_Assertions, np.ndarray, np.ndarray, Settings], tuple[np.ndarray, np.ndarray]],
    extra: np.ndarray,
) -> Estimate:
    """EM from every source at the starting honesty; ``step(data, honesty, extra,
    settings)`` returns the beliefs under the current parameters and the new
    parameters (honesty, then ``extra``'s)."""
    data = _Assertions(problem)
    honesty = _pin(np.full(problem.n_sources, _prior_honesty(settings)), settings)
    belief = np.zeros(problem.n_facts)
    converged = False
    iterations = 0
    for iterations in range(1, settings.max_iterations + 1):  # noqa: B007
        belief, new = step(data, honesty, extra, settings)
        new_honesty = _pin(new[: problem.n_sources], settings)
        delta = float(np.abs(new_honesty - honesty).max(initial=0.0))
        if len(extra):
            delta = max(delta, float(np.abs(new[problem.n_sources :] - extra).max(initial=0.0)))
            extra = new[problem.n_sources :]
        honesty = new_honesty
        if delta < settings.tolerance:
            converged = True
            break
    belief, _ = step(data, honesty, extra, settings)
    return Estimate(belief, honesty, iterations, converged)


def _simple_step(
    data: _Assertions, honesty: np.ndarray, _extra: np.ndarray, settings: Settings
) -> tuple[np.ndarray, np.ndarray]:
    h = honesty[data.row]
    # true: H; another value true: (1 - H) / (|m| - 1)
    gain = np.log(h / (1.0 - h)) + data.log_others[data.col]
    belief = data.posterior(gain, settings)
    new = data.estimate(
        belief[data.col], data.row, data.source_total, honesty, _honesty_prior(settings)
    )
    return belief, new


def _knowing_step(
    data: _Assertions, honesty: np.ndarray, ease: np.ndarray, settings: Settings
) -> tuple[np.ndarray, np.ndarray]:
    """One EM step of GuessLCA (``ease`` empty: the source knows with its honesty)
    or MistakeLCA (knows with honesty times the item's ease)."""
    h = honesty[data.row]
    d = ease[data.item] if len(ease) else np.ones(len(h))
    know = np.clip(h * d, _LOW, _HIGH)
    guess = np.maximum(data.guess[data.col], 1e-12)
    # true: K + (1 - K) g; another value true: (1 - K) g
    gain = np.log1p(know / ((1.0 - know) * guess))
    belief = data.posterior(gain, settings)
    # responsibility that the assertion came from knowing (the value is true and
    # was not a lucky guess)
    knew = belief[data.col] * know / (know + (1.0 - know) * guess)
    if not len(ease):
        new = data.estimate(knew, data.row, data.source_total, honesty, _honesty_prior(settings))
        return belief, new
    # knowing = honest and easy, two independent coins: a miss leaves either one
    # possibly heads, with these posterior probabilities
    miss = 1.0 - knew
    honest = knew + miss * h * (1.0 - d) / (1.0 - know)
    easy = knew + miss * d * (1.0 - h) / (1.0 - know)
    new_h = data.estimate(honest, data.row, data.source_total, honesty, _honesty_prior(settings))
    new_d = data.estimate(easy, data.item, data.item_total, ease, (PRIOR_EASE, EASE_WEIGHT))
    return belief, np.concatenate([new_h, new_d])


def simple_lca(problem: Problem, settings: Settings) -> Estimate:
    """SimpleLCA: a source asserts the true value with probability H (its honesty),
    otherwise one of the item's other given values, uniformly.

    The posterior of a value is the softmax over its item of the sum, over its
    assertions, of ln(H / (1 - H)) + ln(|m| - 1) (|m| values given); the M step
    sets H to the source's expected share of true assertions. EM starts with
    every source at ``prior_accuracy``.

    Complexity: O(k * n) for n claims and k iterations.

    Examples
    --------
    >>> from claimgraph.model import Claim
    >>> from claimgraph.scoring.truth import discover
    >>> rows = [("A", "x", "1"), ("B", "x", "2"), ("A", "y", "3"), ("C", "y", "3"),
    ...         ("B", "y", "4"), ("A", "z", "5"), ("C", "z", "5"), ("B", "z", "6")]
    >>> claims = [Claim.from_record({"source": s, "subject": i, "property": "p",
    ...           "value": v}) for s, i, v in rows]
    >>> result = discover(claims, method="simple_lca")
    >>> [(i.subject, i.leading) for i in result.items]
    [('x', '1'), ('y', '3'), ('z', '5')]
    >>> result.trust["A"] > result.trust["B"]
    True
    """
    empty = np.zeros(0)
    return _run(problem, settings, _simple_step, empty)


def guess_lca(problem: Problem, settings: Settings) -> Estimate:
    """GuessLCA: a source asserts the true value with probability H, otherwise it
    guesses a value with the probability the item's guess distribution gives it
    (each value's share of the item's assertions, one pseudo-assertion going to
    values nobody gave), which may be the true one.

    An assertion of value c adds ln(1 + H / ((1 - H) g_c)) to c's score, g_c
    its guess probability: agreeing with a popular value tells less, since a
    guess would have found it too. The M step credits a source with the
    assertions it made knowingly: the probability that the value is true times
    the probability that it was not a lucky guess.

    Complexity: O(k * n) for n claims and k iterations.

    Examples
    --------
    >>> from claimgraph.scoring.truth import discover
    >>> from claimgraph.testing import make_claim
    >>> claims = [make_claim(source, "Manbij", side, on="2016-08-12")
    ...           for source, side in (("A", "kurds"), ("B", "kurds"), ("C", "isis"))]
    >>> result = discover(claims, method="guess_lca")
    >>> [(i.subject, i.leading) for i in result.items]
    [('Manbij', 'kurdish')]
    >>> result.trust["A"] > result.trust["C"]
    True
    """
    empty = np.zeros(0)
    return _run(problem, settings, _knowing_step, empty)


def mistake_lca(problem: Problem, settings: Settings) -> Estimate:
    """MistakeLCA: as GuessLCA, but a source knows the truth of item m with
    probability H_s * D_m, D_m the item's ease (shared by all its sources, Beta
    prior of mean ``PRIOR_EASE`` = 0.9 worth two assertions); otherwise it
    guesses from the item's guess distribution.

    On an item where the sources scatter over many values (low ease), even a
    good source may be guessing, so its assertion weighs less. Fitted by EM
    with knowing taken as two independent coins, honest and easy: an
    assertion that was not made knowingly leaves each coin heads with its
    posterior probability, so both parameters have closed-form M steps.

    Complexity: O(k * n) for n claims and k iterations.

    Examples
    --------
    >>> from claimgraph.scoring.truth import discover
    >>> from claimgraph.testing import make_claim
    >>> claims = [make_claim("A", "Dabiq", "rebels", on="2016-10-16"),
    ...           make_claim("B", "Dabiq", "rebels", on="2016-10-16"),
    ...           make_claim("C", "Dabiq", "isis", on="2016-10-17")]
    >>> [(i.subject, i.leading) for i in discover(claims, method="mistake_lca").items]
    [('Dabiq', 'opposition')]
    """
    ease = np.full(problem.n_items, PRIOR_EASE)
    return _run(problem, settings, _knowing_step, ease)
