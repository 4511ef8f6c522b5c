"""The sparse source x value x item structure that every method works on.

Claims become *observations*: a source's vote (weight) for one candidate value
(a *fact*) of one *item* (subject, property, period). Facts of one item are
stored contiguously, in order of first appearance, so per-item operations are
segment reductions over ``item_start``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Mapping, Sequence
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

from ..._errors import InvalidClaimError
from ...model import Claim, Stance, fold
from ._periods import Period, claim_periods

__all__ = ["STANCE_WEIGHT", "ItemLabel", "Problem", "build_problem"]

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

#: Vote of one claim by stance: asserting counts fully, an uncertain report
#: half, a denial is a full vote against the value.
STANCE_WEIGHT: Mapping[Stance, float] = {
    Stance.ASSERTS: 1.0,
    Stance.UNCERTAIN: 0.5,
    Stance.DENIES: -1.0,
}

ItemLabel = tuple[str, str, Period]


@attrs.frozen(slots=True, eq=False)
class Problem:
    """Claims as arrays: sources, items, candidate values (facts), votes.

    Attributes
    ----------
    sources : tuple of str
        Source names; index ``s`` is row ``s`` of ``votes``.
    items : tuple of ItemLabel
        (subject, property, period) of each item.
    item_start : ndarray of int, shape (n_items + 1,)
        Facts of item ``i`` are ``item_start[i]:item_start[i + 1]``.
    fact_item : ndarray of int, shape (n_facts,)
    fact_label : tuple of str
        How each fact is shown.
    fact_number : ndarray of float
        Numeric value of each fact (NaN when not numeric).
    fact_parts : tuple of frozenset or None
        Parts of multi-valued facts (``None`` when single-valued).
    votes : scipy.sparse.csr_matrix, shape (n_sources, n_facts)
        Net vote of each source on each fact, in [-1, 1].
    obs_claim, obs_fact : ndarray of int
        One row per (claim, fact) pair, for listing claims for and against.
    obs_weight : ndarray of float
    claim_ids : tuple of str
    tolerance, relative_tolerance : float
        Numeric values closer than these are one value.
    """

    sources: tuple[str, ...]
    source_alignment: tuple[str | None, ...]
    items: tuple[ItemLabel, ...]
    item_start: IntArray
    fact_item: IntArray
    fact_label: tuple[str, ...]
    fact_number: FloatArray
    fact_parts: tuple[frozenset[str] | None, ...]
    votes: sp.csr_matrix
    obs_claim: IntArray
    obs_fact: IntArray
    obs_weight: FloatArray
    claim_ids: tuple[str, ...]
    tolerance: float
    relative_tolerance: float
    _cache: dict[str, Any] = attrs.field(factory=dict)

    @property
    def n_sources(self) -> int:
        return len(self.sources)

    @property
    def n_items(self) -> int:
        return len(self.items)

    @property
    def n_facts(self) -> int:
        return len(self.fact_item)

    def cached(self, name: str, build: Callable[[], Any]) -> Any:
        """Compute a derived array once per problem."""
        if name not in self._cache:
            self._cache[name] = build()
        return self._cache[name]

    @property
    def support(self) -> sp.csr_matrix:
        """Positive part of ``votes`` (sources x facts)."""
        result: sp.csr_matrix = self.cached("support", lambda: _positive(self.votes))
        return result

    @property
    def against(self) -> sp.csr_matrix:
        """Size of the negative part of ``votes`` (denials)."""
        result: sp.csr_matrix = self.cached("against", lambda: _positive(-self.votes))
        return result

    @property
    def item_sizes(self) -> IntArray:
        return np.diff(self.item_start)


def _positive(matrix: sp.csr_matrix) -> sp.csr_matrix:
    out: sp.csr_matrix = matrix.maximum(0).tocsr()
    out.eliminate_zeros()
    out.sort_indices()
    return out


def _value_key(claim: Claim, separator: str | None) -> Hashable:
    value = claim.value or ""
    if separator is not None:
        parts = frozenset(p for p in (fold(x) for x in value.split(separator)) if p)
        return ("set", parts)
    return ("str", fold(value))


def _number_text(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else repr(float(x))


def build_problem(
    claims: Sequence[Claim],
    *,
    tolerance: float | None = None,
    relative_tolerance: float | None = None,
    window: int | None = 3,
    item_key: Callable[[Claim], Hashable] | None = None,
    separator: str | None = None,
) -> Problem:
    """Turn claims into a :class:`Problem`.

    Items are (subject, property, period) with periods from
    :func:`claim_periods`, or whatever ``item_key`` returns. Numeric point
    values of one item closer than ``tolerance`` (absolute) or
    ``relative_tolerance`` (share of the larger magnitude) chain into one
    value; a claim with bounds (``low != high``) votes, split evenly, for every
    value of its item inside its bounds, or for its bounds as a value of its
    own when none is. With ``separator``, string values are sets of parts
    ("a; b") and two sets are the same value only when equal (their overlap
    is their similarity).

    Complexity: O(n log n) for n claims.
    """
    tol = float(tolerance or 0.0)
    rel = float(relative_tolerance or 0.0)
    if tol < 0 or math.isnan(tol):
        raise InvalidClaimError("tolerance", "a number >= 0", tolerance)
    if rel < 0 or rel >= 1 or math.isnan(rel):
        raise InvalidClaimError("relative_tolerance", "a number in [0, 1)", relative_tolerance)
    if item_key is None:
        periods = claim_periods(claims, window)
    item_index: dict[Hashable, int] = {}
    item_labels: list[ItemLabel] = []
    source_index: dict[str, int] = {}
    alignments: list[str | None] = []
    # observations before facts are known: (claim, item, key or None for numbers)
    o_claim: list[int] = []
    o_item: list[int] = []
    o_key: list[Hashable] = []
    o_weight: list[float] = []
    o_source: list[int] = []
    labels: dict[tuple[int, Hashable], str] = {}
    parts_of: dict[tuple[int, Hashable], frozenset[str]] = {}
    points: list[tuple[int, float, int]] = []  # (item, number, observation)
    bounded: list[tuple[int, float, float, int]] = []
    for ci, claim in enumerate(claims):
        src = source_index.get(claim.source)
        if src is None:
            src = source_index[claim.source] = len(alignments)
            alignments.append(claim.alignment)
        weight = STANCE_WEIGHT[claim.stance]
        keys: tuple[Hashable, ...]
        if item_key is not None:
            keys = (("key", item_key(claim)),)
            claim_items: tuple[tuple[Hashable, ItemLabel], ...] = (
                (keys[0], (claim.subject, claim.property, None)),
            )
        else:
            claim_items = tuple(
                ((claim.subject, claim.property, p), (claim.subject, claim.property, p))
                for p in periods[ci]
            )
        for key, label in claim_items:
            item = item_index.get(key)
            if item is None:
                item = item_index[key] = len(item_labels)
                item_labels.append(label)
            obs = len(o_claim)
            o_claim.append(ci)
            o_item.append(item)
            o_weight.append(weight)
            o_source.append(src)
            if claim.is_numeric:
                low = -math.inf if claim.low is None else claim.low
                high = math.inf if claim.high is None else claim.high
                o_key.append(None)
                if low == high:
                    points.append((item, low, obs))
                else:
                    bounded.append((item, low, high, obs))
            else:
                vkey = _value_key(claim, separator)
                o_key.append(vkey)
                labels.setdefault((item, vkey), claim.value or "")
                if separator is not None:
                    parts_of[item, vkey] = vkey[1]  # type: ignore[index]
    extra_claim: list[int] = []
    extra_item: list[int] = []
    extra_key: list[Hashable] = []
    extra_weight: list[float] = []
    extra_source: list[int] = []
    numbers: dict[tuple[int, Hashable], float] = {}
    if points:
        _cluster_points(points, tol, rel, o_key, labels, numbers)
    if bounded:
        reps: dict[int, list[tuple[Hashable, float]]] = {}
        for (item, key), number in numbers.items():
            reps.setdefault(item, []).append((key, number))
        for item, low, high, obs in bounded:
            inside = [
                key
                for key, number in reps.get(item, ())
                if low - _slack(low, tol, rel) <= number <= high + _slack(high, tol, rel)
            ]
            if not inside:
                key = ("bounds", low, high)
                o_key[obs] = key
                labels.setdefault((item, key), claims[o_claim[obs]].bounds_text())
                numbers.setdefault((item, key), math.nan)
                continue
            share = o_weight[obs] / len(inside)
            o_key[obs] = inside[0]
            o_weight[obs] = share
            for key in inside[1:]:
                extra_claim.append(o_claim[obs])
                extra_item.append(item)
                extra_key.append(key)
                extra_weight.append(share)
                extra_source.append(o_source[obs])
    o_claim += extra_claim
    o_item += extra_item
    o_key += extra_key
    o_weight += extra_weight
    o_source += extra_source

    # facts in order of first appearance, then grouped by item (stable)
    fact_of: dict[tuple[int, Hashable], int] = {}
    first_fact: list[int] = []
    for item, key in zip(o_item, o_key, strict=True):
        fid = fact_of.get((item, key))
        if fid is None:
            fid = fact_of[item, key] = len(first_fact)
            first_fact.append(item)
    pre_item = np.asarray(first_fact, dtype=np.int64)
    order = np.argsort(pre_item, kind="stable")
    rank = np.empty_like(order)
    rank[order] = np.arange(len(order))
    fact_item = pre_item[order]
    n_items = len(item_labels)
    item_start = np.searchsorted(fact_item, np.arange(n_items + 1)).astype(np.int64)
    keys_in_order = list(fact_of)
    fact_label: list[str] = [""] * len(order)
    fact_number = np.full(len(order), np.nan)
    fact_parts: list[frozenset[str] | None] = [None] * len(order)
    for pre, ikey in enumerate(keys_in_order):
        final = int(rank[pre])
        fact_label[final] = labels[ikey]
        if ikey in numbers:
            fact_number[final] = numbers[ikey]
        if ikey in parts_of:
            fact_parts[final] = parts_of[ikey]
    obs_fact = rank[
        np.fromiter(
            (fact_of[k] for k in zip(o_item, o_key, strict=True)), dtype=np.int64, count=len(o_key)
        )
    ]
    obs_weight = np.asarray(o_weight, dtype=np.float64)
    obs_source = np.asarray(o_source, dtype=np.int64)
    votes = sp.coo_matrix(
        (obs_weight, (obs_source, obs_fact)), shape=(len(alignments), len(order))
    ).tocsr()
    votes.sum_duplicates()
    # a source repeating itself does not count twice
    np.clip(votes.data, -1.0, 1.0, out=votes.data)
    votes.eliminate_zeros()
    return Problem(
        sources=tuple(source_index),
        source_alignment=tuple(alignments),
        items=tuple(item_labels),
        item_start=item_start,
        fact_item=fact_item,
        fact_label=tuple(fact_label),
        fact_number=fact_number,
        fact_parts=tuple(fact_parts),
        votes=votes,
        obs_claim=np.asarray(o_claim, dtype=np.int64),
        obs_fact=obs_fact,
        obs_weight=obs_weight,
        claim_ids=tuple(c.id for c in claims),
        tolerance=tol,
        relative_tolerance=rel,
    )


def _slack(x: float, tol: float, rel: float) -> float:
    return max(tol, rel * abs(x)) if math.isfinite(x) else 0.0


def _cluster_points(
    points: list[tuple[int, float, int]],
    tol: float,
    rel: float,
    o_key: list[Hashable],
    labels: dict[tuple[int, Hashable], str],
    numbers: dict[tuple[int, Hashable], float],
) -> None:
    """Chain the numbers of each item into values: a gap above tolerance starts a new one.

    Each value is shown as its most frequent member (the first seen on ties).
    """
    arr = np.asarray([(p[0], p[1]) for p in points], dtype=np.float64)
    obs = np.asarray([p[2] for p in points], dtype=np.int64)
    order = np.lexsort((arr[:, 1], arr[:, 0]))
    items = arr[order, 0]
    vals = arr[order, 1]
    gap = np.diff(vals)
    allowed = np.maximum(tol, rel * np.maximum(np.abs(vals[1:]), np.abs(vals[:-1])))
    new = np.ones(len(vals), dtype=bool)
    new[1:] = (items[1:] != items[:-1]) | (gap > allowed + 1e-12)
    cluster = np.cumsum(new) - 1
    member_count: dict[tuple[int, float], list[int]] = {}
    for position in range(len(vals)):
        key = (int(cluster[position]), float(vals[position]))
        entry = member_count.get(key)
        first_obs = int(obs[order[position]])
        if entry is None:
            member_count[key] = [1, first_obs]
        else:
            entry[0] += 1
            entry[1] = min(entry[1], first_obs)
    best: dict[int, tuple[int, int, float]] = {}
    for (c, value), (count, first_obs) in member_count.items():
        rank = (-count, first_obs, value)
        if c not in best or rank < best[c]:
            best[c] = rank
    for position in range(len(vals)):
        c = int(cluster[position])
        num_key: Hashable = ("num", c)
        o_key[int(obs[order[position]])] = num_key
        item = int(items[position])
        if (item, num_key) not in labels:
            value = best[c][2]
            labels[item, num_key] = _number_text(value)
            numbers[item, num_key] = value
