"""Likely holders: each episode's value weighed by source trust and by the episodes around it.

Truth discovery judges every episode on its own: which value its sources,
weighed by how far each can be trusted (and discounted where they echo or
err together), most likely give truly, and with what probability
(:attr:`~claimgraph.scoring.truth.ItemResult.confidence`). A place's holder
also persists: it changes hands about once a quarter, so a lone report of a
new holder between weeks of reports of the old one is more likely an error
than a change. Here the episodes of one place and property are chained in a
hidden Markov model: the hidden state is the holder, each episode's evidence
is its item's confidence in the value truth discovery chose, and between two
episodes the holder stays with probability ``exp(-rate * gap)`` (``rate`` the
graph's change rate, ``gap`` the days between them). Forward-backward gives
each episode the probability of every value given all the episodes of its
place, before and after it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

import attrs
import numpy as np
import numpy.typing as npt

from ..graph import Episode

if TYPE_CHECKING:
    from ..graph import ClaimGraph
    from ..scoring.truth import TruthResult

__all__ = ["CONFIDENCE_THRESHOLD", "HolderBeliefs", "likely_holders"]

#: Below this confidence in its likely holder a period is disputed. Chosen on
#: the synthetic generator's seed 1 (100k claims) as the lowest threshold at
#: which the holders a timeline names are right on at least 90% of the
#: place-days it names them (docs/benchmarks.md; reported on seed 0).
CONFIDENCE_THRESHOLD = 0.85

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

#: Keeps a confidence of exactly 0 or 1 from ruling a value out for good.
_EPSILON = 1e-6


@attrs.frozen(slots=True)
class HolderBeliefs:
    """The probability of each value in each episode, given the whole timeline.

    Attributes
    ----------
    method : str
        The truth-discovery method whose trust and item confidences were used.
    values : tuple of str
        The values (columns of the posterior).
    """

    method: str
    values: tuple[str, ...]
    _row: dict[int, int] = attrs.field(repr=False)
    _posterior: FloatArray = attrs.field(repr=False)
    # the episodes are kept so that the ids in ``_row`` stay theirs
    _episodes: tuple[Episode, ...] = attrs.field(repr=False)
    _best: list[tuple[str | None, float | None]] = attrs.field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if len(self._posterior) and self.values:
            top = self._posterior.argmax(axis=1).tolist()
            share = self._posterior.max(axis=1).tolist()
            # an episode whose place has no value chosen anywhere has none likely
            best = [
                (self.values[k], p) if p > 0 else (None, None)
                for k, p in zip(top, share, strict=True)
            ]
        else:
            best = [(None, None)] * len(self._posterior)
        object.__setattr__(self, "_best", best)

    def __contains__(self, episode: object) -> bool:
        return id(episode) in self._row

    def best(self, episode: Episode) -> tuple[str | None, float | None]:
        """The most likely value of one episode and its probability (``None``s if not judged)."""
        row = self._row.get(id(episode))
        return (None, None) if row is None else self._best[row]

    def distribution(self, episodes: Sequence[Episode]) -> dict[str, float]:
        """Mean probability of each value over ``episodes`` (those judged), best first."""
        rows = [self._row[id(e)] for e in episodes if id(e) in self._row]
        if not rows:
            return {}
        mean = self._posterior[rows].mean(axis=0)
        order = np.argsort(-mean, kind="stable")
        return {self.values[k]: float(mean[k]) for k in order.tolist() if mean[k] > 0}

    def likely(self, episodes: Sequence[Episode]) -> tuple[str | None, float | None]:
        """The most likely value over ``episodes`` and its probability."""
        if len(episodes) == 1:
            return self.best(episodes[0])
        found = self.distribution(episodes)
        if not found:
            return None, None
        value = next(iter(found))
        return value, found[value]


def likely_holders(
    cg: ClaimGraph, episodes: Sequence[Episode], truth: TruthResult | None = None
) -> HolderBeliefs:
    """Chain ``episodes`` (categorical, of ``cg``) per place and property; see the module.

    ``truth`` is the outcome of :func:`claimgraph.scoring.truth.discover_graph`
    on ``cg``; by default it is run with the library's default method.
    Properties the graph does not treat as changing (``cg.changing``) are
    not chained: each episode keeps its own item's confidence.

    Complexity: O(n k) for n episodes and k values, vectorized over places.

    Examples
    --------
    Three sources give the army in May; one gives the rebels a week later.

    >>> from claimgraph.graph import ClaimGraph
    >>> from claimgraph.testing import make_claim
    >>> cg = ClaimGraph.build(
    ...     [make_claim(s, "Hilan", "army", on="2014-05-02") for s in ("A", "B", "C")]
    ...     + [make_claim("D", "Hilan", "rebels", on="2014-05-09")])
    >>> beliefs = likely_holders(cg, cg.episodes)
    >>> [beliefs.best(e)[0] for e in cg.episodes]
    ['government', 'government']
    >>> from claimgraph.scoring.truth import DEFAULT_METHOD
    >>> beliefs.method == DEFAULT_METHOD
    True
    """
    if truth is None:
        from ..scoring.truth import discover_graph

        truth = discover_graph(cg)
    chosen, confidence = _item_verdicts(cg, episodes, truth)
    labels = sorted({v for v in chosen if v is not None})
    code = {v: k for k, v in enumerate(labels)}
    n_values = len(labels) + 1  # the last column: some value no item chose
    n = len(episodes)
    group_of: dict[tuple[str, str], int] = {}
    group = np.fromiter(
        (group_of.setdefault((e.subject, e.property), len(group_of)) for e in episodes),
        dtype=np.int64,
        count=n,
    )
    start = np.fromiter(
        (-1 if e.start is None else e.start.toordinal() for e in episodes), np.int64, count=n
    )
    end = np.fromiter(
        (-1 if e.end is None else e.end.toordinal() for e in episodes), np.int64, count=n
    )
    value = np.fromiter((-1 if v is None else code[v] for v in chosen), np.int64, count=n)
    conf = np.clip(np.asarray(confidence, dtype=np.float64), _EPSILON, 1.0 - _EPSILON)
    changing = np.fromiter(
        (prop in cg.changing for _subject, prop in group_of), dtype=bool, count=len(group_of)
    )
    posterior = _smooth(group, start, end, value, conf, n_values, changing, cg.change_rate)
    return HolderBeliefs(
        method=truth.method,
        values=tuple(labels),
        row={id(e): i for i, e in enumerate(episodes)},
        posterior=posterior[:, :-1],
        episodes=tuple(episodes),
    )


def _item_verdicts(
    cg: ClaimGraph, episodes: Sequence[Episode], truth: TruthResult
) -> tuple[list[str | None], list[float]]:
    """The value truth discovery chose for each episode's item, and its confidence.

    Items are matched to episodes by place name, property and period; an
    episode without its item (another graph's result) has no verdict.
    """
    columns = truth.items.columns()
    found: dict[tuple[object, ...], tuple[str | None, float]] = {}
    for subject, prop, first, last, value, conf in zip(
        columns["subject"],
        columns["property"],
        columns["period_start"],
        columns["period_end"],
        columns["leading"],  # the most likely value, decided or not: evidence
        columns["confidence"],
        strict=True,
    ):
        found[subject, prop, first, last] = (value, conf)
    chosen: list[str | None] = []
    confidence: list[float] = []
    names: dict[str, str] = {}
    for e in episodes:
        name = names.get(e.subject)
        if name is None:
            name = names[e.subject] = cg.place_name(e.subject)
        value, conf = found.get((name, e.property, e.start, e.end), (None, 0.0))
        chosen.append(value)
        confidence.append(conf)
    return chosen, confidence


def _smooth(
    group: IntArray,
    start: IntArray,
    end: IntArray,
    value: IntArray,
    conf: FloatArray,
    n_values: int,
    changing: npt.NDArray[np.bool_],
    rate: float,
) -> FloatArray:
    """Forward-backward over each group's episodes in time order; one row per episode.

    A group's states are the values chosen in any of its episodes plus one
    for any other value. An episode's evidence gives its chosen value
    ``conf`` and shares ``1 - conf`` among the group's other states (an
    episode without a chosen value is no evidence).
    """
    n = len(group)
    out = np.zeros((n, n_values))
    if n == 0:
        return out
    order = np.lexsort((start, group))
    g, first, last = group[order], start[order], end[order]
    val, c = value[order], conf[order]
    n_groups = int(group.max()) + 1
    mask = np.zeros((n_groups, n_values))
    mask[g[val >= 0], val[val >= 0]] = 1.0
    mask[:, -1] = 1.0
    size = mask.sum(axis=1)
    rows_mask = mask[g]
    others = np.maximum(size[g] - 1.0, 1.0)
    evidence = rows_mask * ((1.0 - c) / others)[:, None]
    has = val >= 0
    evidence[np.flatnonzero(has), val[has]] = c[has]
    evidence[~has] = rows_mask[~has]
    # position within the group, and the chance the holder stays from the episode before
    new_group = np.ones(n, dtype=bool)
    new_group[1:] = g[1:] != g[:-1]
    heads = np.flatnonzero(new_group)
    position = np.arange(n) - np.repeat(heads, np.diff(np.append(heads, n)))
    gap = np.zeros(n)
    gap[1:] = np.maximum(first[1:] - last[:-1], 0)
    stay = np.exp(-rate * gap) if rate > 0 and math.isfinite(rate) else np.ones(n)
    # properties that do not change: every episode on its own (uniform prior)
    stay = np.where(changing[g], stay, 1.0 / size[g])
    steps = np.argsort(position, kind="stable")
    bounds = np.searchsorted(position[steps], np.arange(int(position.max()) + 2))
    alpha = np.zeros((n, n_values))
    for s in range(len(bounds) - 1):
        rows = steps[bounds[s] : bounds[s + 1]]
        if s == 0:
            prior = rows_mask[rows] / size[g[rows]][:, None]
        else:
            before = alpha[rows - 1]
            prior = _move(before, stay[rows], rows_mask[rows], others[rows])
        a = prior * evidence[rows]
        alpha[rows] = a / a.sum(axis=1, keepdims=True)
    beta = rows_mask.copy()
    is_last = np.ones(n, dtype=bool)
    is_last[:-1] = g[1:] != g[:-1]
    for s in range(len(bounds) - 2, -1, -1):
        rows = steps[bounds[s] : bounds[s + 1]]
        rows = rows[~is_last[rows]]
        if len(rows) == 0:
            continue
        after = evidence[rows + 1] * beta[rows + 1]
        b = _move(after, stay[rows + 1], rows_mask[rows], others[rows])
        beta[rows] = b / b.sum(axis=1, keepdims=True)
    post = alpha * beta
    post /= post.sum(axis=1, keepdims=True)
    out[order] = post
    return out


def _move(
    weights: FloatArray, stay: FloatArray, mask: FloatArray, others: FloatArray
) -> FloatArray:
    """One step of the symmetric transition: stay, or move to any other state alike."""
    total = weights.sum(axis=1, keepdims=True)
    moved = (total - weights) * mask / others[:, None]
    result: FloatArray = stay[:, None] * weights + (1.0 - stay)[:, None] * moved
    return result
