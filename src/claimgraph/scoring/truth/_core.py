"""What every method shares: settings, the estimate it returns, segment helpers."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

import attrs
import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

from ...model import CONTROL, SIDES
from ._items import Problem

__all__ = [
    "PART_SIMILARITIES",
    "Estimate",
    "Method",
    "Settings",
    "choose",
    "clamp_known",
    "false_value_space",
    "item_normalize",
    "item_softmax",
    "pin_prior",
    "similarity",
]

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]


@attrs.frozen(slots=True)
class Settings:
    """Options every method receives; each uses those that apply to it.

    ``prior_trust`` maps source index to a known trust in [0, 1];
    ``known_fact`` lists facts known to be true (their items' other facts are
    then false). ``per_property``: Accu and AccuCopy estimate a source's
    accuracy per property (shrunk towards its accuracy over all properties).
    ``part_similarity``: how much a multi-valued fact supports another one of
    its item (see :func:`similarity`).
    ``observed_false``: Accu and AccuCopy take an item's false values to be its
    other observed values (Pasternack & Roth's LCA) instead of ``false_values``
    unseen ones. ``prior_accuracy``: the accuracy sources are shrunk towards;
    ``None`` learns it from the data (mean accuracy of the sources on contested
    items).
    ``copy_model``: how AccuCopy measures copying (``"rate"`` or
    ``"posterior"``, see :func:`accu_copy`). ``copy_per_source``: with
    ``per_property``, AccuCopy still judges copying between whole sources.
    ``learn_from_split``: Accu and AccuCopy also learn a source's accuracy from
    the items on which it names several values (by default only its one-value
    items teach it). ``echoes``: AccuCopy judges copying first by the echo
    test (see :func:`~claimgraph.scoring.truth.echo_rates`), which needs no
    beliefs, instead of from vote-like beliefs.
    """

    max_iterations: int = 100
    tolerance: float = 1e-6
    prior_trust: Mapping[int, float] = attrs.field(factory=dict)
    known_fact: IntArray = attrs.field(factory=lambda: np.zeros(0, dtype=np.int64))
    false_values: float = 10.0
    copy_rate: float = 0.8
    copy_prior: float = 0.1
    same_side_copy_prior: float = 0.5
    per_property: bool = True
    part_similarity: str = "jaccard"
    observed_false: bool = False
    prior_accuracy: float | None = 0.8
    copy_per_source: bool = False
    copy_model: str = "rate"
    learn_from_split: bool = False
    echoes: bool = False


#: How AccuCopy measures copying between two sources.
COPY_MODELS = ("rate", "posterior")
#: Ways of comparing two sets of parts (see :func:`similarity`).
PART_SIMILARITIES = ("jaccard", "containment")


@attrs.frozen(slots=True)
class Estimate:
    """A method's raw output: belief per fact, trust per source, convergence.

    ``confidence``: each fact's probability of being true, set by
    :func:`~claimgraph.scoring.truth._calibration.calibrate` after the method
    ran (``None`` before). ``dependence``: for methods that discount sources
    copying each other, how far each pair of sources was judged to echo the
    other (a symmetric sources x sources matrix of rates in [0, 1]).
    ``open_probability``: for methods whose beliefs take an item's false values
    to be its other observed values (a closed world), each fact's probability
    with values nobody gave among the alternatives, from which confidence is
    judged (the truth may be a value no source gave).
    """

    belief: FloatArray
    trust: FloatArray
    iterations: int
    converged: bool
    probabilistic: bool = False
    confidence: FloatArray | None = None
    dependence: sp.csr_matrix | None = None
    open_probability: FloatArray | None = None


class Method(Protocol):
    """The interface of a truth-discovery method."""

    name: str
    description: str

    def __call__(self, problem: Problem, settings: Settings) -> Estimate: ...


def segment_sum(problem: Problem, x: FloatArray) -> FloatArray:
    """Per-item sums of a per-fact array."""
    out: FloatArray = np.add.reduceat(x, problem.item_start[:-1]) if len(x) else x
    return out


def segment_max(problem: Problem, x: FloatArray) -> FloatArray:
    out: FloatArray = np.maximum.reduceat(x, problem.item_start[:-1]) if len(x) else x
    return out


def item_normalize(problem: Problem, x: FloatArray) -> FloatArray:
    """Shares of each item's total (uniform when the total is zero)."""
    x = np.maximum(x, 0.0)
    total = segment_sum(problem, x)[problem.fact_item]
    size = problem.item_sizes[problem.fact_item].astype(np.float64)
    with np.errstate(invalid="ignore", divide="ignore"):
        out = np.where(total > 0, x / np.where(total > 0, total, 1.0), 1.0 / size)
    return out


def item_softmax(
    problem: Problem, score: FloatArray, unseen: FloatArray | None = None
) -> FloatArray:
    """exp(score) normalized per item; ``unseen`` adds per-item mass of values nobody gave
    (each of score 0)."""
    top = segment_max(problem, score)
    if unseen is not None:
        top = np.maximum(top, 0.0)
    e = np.exp(score - top[problem.fact_item])
    total = segment_sum(problem, e)
    if unseen is not None:
        total = total + unseen * np.exp(-top)
    out: FloatArray = e / total[problem.fact_item]
    return out


def false_value_space(problem: Problem, settings: Settings) -> tuple[np.ndarray, np.ndarray]:
    """Per item, the number of false values a wrong source picks among, and how
    many of them nobody gave.

    Control has a closed set of values (the sides): its false values are the
    other sides. Otherwise ``settings.false_values``, or with
    ``settings.observed_false`` (LCA's closed world) the item's other observed
    values, none unseen.
    """
    closed = np.asarray([p == CONTROL for p in problem.group_property], dtype=bool)
    closed_items = closed[problem.item_group]
    item_n = np.where(closed_items, len(SIDES) - 1.0, max(settings.false_values, 1.0))
    unseen = np.maximum(item_n + 1.0 - problem.item_sizes, 0.0).astype(np.float64)
    if settings.observed_false:
        observed = np.maximum(problem.item_sizes - 1.0, 1.0)
        item_n = np.where(closed_items, item_n, observed)
        unseen = np.where(closed_items, unseen, 0.0)
    return item_n, unseen


def pin_prior(trust: FloatArray, settings: Settings) -> FloatArray:
    """Set the sources of known trust to it (in place); return ``trust``."""
    for source, value in settings.prior_trust.items():
        trust[source] = value
    return trust


def clamp_known(
    problem: Problem, belief: FloatArray, settings: Settings, high: float = 1.0
) -> FloatArray:
    """Set known facts to ``high`` and the other facts of their items to 0."""
    known = settings.known_fact
    if len(known) == 0:
        return belief
    items = problem.fact_item[known]
    mask = np.isin(problem.fact_item, items)
    belief = belief.copy()
    belief[mask] = 0.0
    belief[known] = high
    return belief


def choose(problem: Problem, belief: FloatArray) -> IntArray:
    """The fact of highest belief per item; ties go to the value seen first."""
    top = segment_max(problem, belief)
    hit = np.flatnonzero(belief >= top[problem.fact_item])
    # facts are grouped by item: the first hit of each item is where the item changes
    item = problem.fact_item[hit]
    first = np.ones(len(hit), dtype=bool)
    first[1:] = item[1:] != item[:-1]
    out: IntArray = hit[first]
    return out


def similarity(problem: Problem, parts: str = "jaccard") -> sp.csr_matrix | None:
    """Similarity between different facts of one item, or ``None`` when all are plain strings.

    Entry ``[f, g]`` is how much a vote for fact ``g`` supports fact ``f``.
    Numbers: exp(-|a - b| / scale), scale the tolerance or 1% of the
    magnitude, whichever is larger. Sets of parts A (of ``f``) and B (of
    ``g``): with ``parts="jaccard"`` their overlap |A & B| / |A | B|; with
    ``parts="containment"`` the share of B found in A, |A & B| / |B|, so a
    source listing only some of the parts (an incomplete list) fully supports
    every list that contains them, while a longer list supports a shorter one
    only in proportion (TruthFinder's implication between facts). Pairs below
    0.01 are dropped. Complexity: O(sum of squared item sizes).
    """
    if parts not in PART_SIMILARITIES:
        raise ValueError(f"parts must be one of {PART_SIMILARITIES}, not {parts!r}")

    def build() -> sp.csr_matrix | None:
        numeric = ~np.isnan(problem.fact_number)
        sets = problem.fact_parts
        multi = (
            np.zeros(problem.n_facts, dtype=bool)
            if sets.count(None) == len(sets)  # no separator: no sets of parts
            else np.fromiter((p is not None for p in sets), dtype=bool, count=problem.n_facts)
        )
        wanted = (numeric | multi) & (problem.item_sizes[problem.fact_item] > 1)
        if not wanted.any():
            return None
        facts = np.flatnonzero(wanted)
        sizes = problem.item_sizes[problem.fact_item[facts]]
        rows = np.repeat(facts, sizes)
        offsets = np.arange(len(rows)) - np.repeat(np.cumsum(sizes) - sizes, sizes)
        cols = problem.item_start[problem.fact_item[rows]] + offsets
        keep = (rows != cols) & wanted[cols]
        rows, cols = rows[keep], cols[keep]
        values = np.zeros(len(rows))
        contain = parts == "containment"
        num = numeric[rows] & numeric[cols]
        a, b = problem.fact_number[rows[num]], problem.fact_number[cols[num]]
        scale = np.maximum.reduce(
            [
                np.full(len(a), problem.tolerance),
                max(problem.relative_tolerance, 0.01) * np.maximum(np.abs(a), np.abs(b)),
                np.full(len(a), 1e-9),
            ]
        )
        values[num] = np.exp(-np.abs(a - b) / scale)
        for position in np.flatnonzero(~num):
            pa = problem.fact_parts[rows[position]]
            pb = problem.fact_parts[cols[position]]
            if pa and pb:
                shared = len(pa & pb)
                values[position] = shared / (len(pb) if contain else len(pa | pb))
        keep = values >= 0.01
        if not keep.any():
            return None
        n = problem.n_facts
        return sp.csr_matrix((values[keep], (rows[keep], cols[keep])), shape=(n, n))

    result: sp.csr_matrix | None = problem.cached(f"similarity:{parts}", build)
    return result


def source_counts(problem: Problem) -> FloatArray:
    """Number of facts each source votes on (any sign)."""
    out: FloatArray = np.asarray(abs(problem.votes).sum(axis=1)).ravel()
    return out
