"""The sparse source x value x item structure that every method works on.

Claims become *observations*: a source's vote (weight) for one candidate value
(a *fact*) of one *item* (subject, property, period). Facts of one item are
stored contiguously, in order of first appearance, so per-item operations are
segment reductions over ``item_start``.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Collection, Hashable, Mapping, Sequence
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

from ..._errors import InvalidClaimError
from ...graph._changes import CHANGE_RATE
from ...graph._time import count_scopes
from ...model import CONTROL, Claim, Precision, Stance, fold
from ._periods import NO_DAY, Period, PeriodTable, period_spans, period_table
from ._sorting import stable_order

__all__ = [
    "STANCE_WEIGHT",
    "ItemLabel",
    "Problem",
    "build_problem",
    "cluster_numbers",
    "factorize",
    "first_index",
]

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
    source_alignment : tuple of str or None
    item_group : ndarray of int, shape (n_items,)
        The (subject, property) group of each item: ``group_subject[g]``,
        ``group_property[g]``.
    item_first, item_last : ndarray of int
        Day ordinals of each item's period (``items`` shows them as dates).
    item_start : ndarray of int, shape (n_items + 1,)
        Facts of item ``i`` are ``item_start[i]:item_start[i + 1]``.
    fact_item : ndarray of int, shape (n_facts,)
    fact_number : ndarray of float
        Numeric value of each fact (NaN when not numeric).
    fact_parts : tuple of frozenset or None
        Parts of multi-valued facts (``None`` when single-valued).
    fact_code : ndarray of int
        Equal for facts showing the same value (case and accents ignored),
        across items.
    votes : scipy.sparse.csr_matrix, shape (n_sources, n_facts)
        Net vote of each source on each fact, in [-1, 1].
    obs_claim, obs_fact : ndarray of int
        One row per (claim, fact) pair, for listing claims for and against.
    obs_weight : ndarray of float
    claims : sequence of Claim
    tolerance, relative_tolerance : float
        Numeric values closer than these are one value.
    """

    sources: tuple[str, ...]
    source_alignment: tuple[str | None, ...]
    group_subject: tuple[str, ...]
    group_property: tuple[str, ...]
    item_group: IntArray
    item_first: IntArray
    item_last: IntArray
    item_start: IntArray
    fact_item: IntArray
    fact_number: FloatArray
    fact_parts: tuple[frozenset[str] | None, ...]
    fact_code: IntArray
    fact_claim: IntArray
    fact_bounds: npt.NDArray[np.bool_]
    votes: sp.csr_matrix
    obs_claim: IntArray
    obs_fact: IntArray
    obs_weight: FloatArray
    claims: Sequence[Claim]
    tolerance: float
    relative_tolerance: float
    _cache: dict[str, Any] = attrs.field(factory=dict)

    @property
    def n_sources(self) -> int:
        return len(self.sources)

    @property
    def n_items(self) -> int:
        return len(self.item_group)

    @property
    def n_facts(self) -> int:
        return len(self.fact_item)

    def cached(self, name: str, build: Callable[[], Any]) -> Any:
        """Compute a derived array once per problem."""
        if name not in self._cache:
            self._cache[name] = build()
        return self._cache[name]

    @property
    def items(self) -> tuple[ItemLabel, ...]:
        """(subject, property, period) of each item (built on first use)."""
        result: tuple[ItemLabel, ...] = self.cached("items", self._item_labels)
        return result

    def item_label(self, item: int) -> ItemLabel:
        """(subject, property, period) of one item."""
        group = int(self.item_group[item])
        return self.group_subject[group], self.group_property[group], self._period(item)

    def _period(self, item: int) -> Period:
        first = int(self.item_first[item])
        if first == NO_DAY:
            return None
        return dt.date.fromordinal(first), dt.date.fromordinal(int(self.item_last[item]))

    def _item_labels(self) -> tuple[ItemLabel, ...]:
        return tuple(self.item_label(i) for i in range(self.n_items))

    @property
    def fact_label(self) -> tuple[str, ...]:
        """How each fact is shown (built on first use)."""
        result: tuple[str, ...] = self.cached(
            "fact_label", lambda: tuple(self.label_of(f) for f in range(self.n_facts))
        )
        return result

    def label_of(self, fact: int) -> str:
        """How one fact is shown: the value as first written, a number, or bounds."""
        claim = self.claims[int(self.fact_claim[fact])]
        if self.fact_bounds[fact]:
            return claim.bounds_text()
        number = float(self.fact_number[fact])
        if not math.isnan(number):
            return _number_text(number)
        return claim.value or ""

    @property
    def claim_ids(self) -> tuple[str, ...]:
        result: tuple[str, ...] = self.cached("claim_ids", lambda: tuple(c.id for c in self.claims))
        return result

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


def _number_text(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else repr(float(x))


def factorize(values: Sequence[Hashable]) -> tuple[IntArray, list[Hashable]]:
    """Codes numbering the distinct values in order of first appearance, and those values."""
    uniques = list(dict.fromkeys(values))
    lookup = dict(zip(uniques, range(len(uniques)), strict=True))
    codes = np.fromiter(map(lookup.__getitem__, values), dtype=np.int64, count=len(values))
    return codes, uniques


def _subject_property(claims: Sequence[Claim]) -> tuple[IntArray, list[Hashable]]:
    """:func:`factorize` of the claims' (subject, property) pairs.

    Subjects and properties are numbered apart and combined as integers: a
    tuple per claim costs more to make, and to the garbage collector, than two
    lists of strings already held by the claims.
    """
    subject, subjects = factorize([c.subject for c in claims])
    prop, props = factorize([c.property for c in claims])
    width = max(len(props), 1)
    key = subject * width + prop
    n = len(key)
    if len(subjects) * width <= 2 * n + 1024:
        # few combinations: first position of each, by direct addressing
        first = first_index(key, len(subjects) * width)
        present = np.flatnonzero(first < n)
        order = present[np.argsort(first[present])]
        rank = np.empty(len(first), dtype=np.int64)
        rank[order] = np.arange(len(order))
        codes = rank[key]
    else:
        unique, first, inverse = np.unique(key, return_index=True, return_inverse=True)
        by_first = np.argsort(first)
        order = unique[by_first]
        rank = np.empty(len(by_first), dtype=np.int64)
        rank[by_first] = np.arange(len(by_first))
        codes = rank[inverse.ravel()]
    pairs: list[Hashable] = [(subjects[k // width], props[k % width]) for k in order.tolist()]
    return codes, pairs


def first_index(codes: IntArray, n: int) -> IntArray:
    """Position of the first occurrence of each code 0..n-1."""
    out = np.full(n, len(codes), dtype=np.int64)
    np.minimum.at(out, codes, np.arange(len(codes), dtype=np.int64))
    return out


def build_problem(
    claims: Sequence[Claim],
    *,
    tolerance: float | None = None,
    relative_tolerance: float | None = None,
    window: int | None = 3,
    item_key: Callable[[Claim], Hashable] | None = None,
    separator: str | None = None,
    changing: Collection[str] = (CONTROL,),
    change_rate: float = CHANGE_RATE,
    periods: tuple[PeriodTable, Sequence[tuple[str, str]]] | None = None,
) -> Problem:
    """Turn claims into a :class:`Problem`.

    Items are (subject, property, period) with periods from
    :func:`claim_periods`, or whatever ``item_key`` returns, or the given
    ``periods``: a table of periods (see :func:`episode_table`) and the
    (subject, property) shown for each of its groups, used as they are (a claim
    graph's episodes are already cut where control changes). Numeric point
    values of one item within ``tolerance`` (absolute) or ``relative_tolerance``
    (share of the larger magnitude) of each other gather into one value around
    the densest spot (see :func:`cluster_numbers`); a claim with bounds
    (``low != high``) votes, split evenly, for every value of its item inside its
    bounds, or for its bounds as a value of its own when none is. With
    ``separator``, string values are sets of parts ("a; b") and two sets are the
    same value only when equal (their overlap is their similarity). Periods of
    the properties in ``changing`` (values that change over time, such as who
    controls a place) are also cut where the values claimed change, with
    ``change_rate`` the prior number of changes per day (see
    :func:`split_changes`).

    Complexity: O(n log n) for n claims; one pass of Python over the claims to
    read their fields, the rest vectorized.
    """
    tol = float(tolerance or 0.0)
    rel = float(relative_tolerance or 0.0)
    if tol < 0 or math.isnan(tol):
        raise InvalidClaimError("tolerance", "a number >= 0", tolerance)
    if rel < 0 or rel >= 1 or math.isnan(rel):
        raise InvalidClaimError("relative_tolerance", "a number in [0, 1)", relative_tolerance)
    n = len(claims)
    source_of, source_names = factorize([c.source for c in claims])
    alignments = _source_alignments(claims, source_of, len(source_names))
    # nearly every claim asserts: compare identities (hashing an enum member
    # calls Python code) and look up the weights of the others only
    asserts, uncertain, denies = Stance.ASSERTS, Stance.UNCERTAIN, Stance.DENIES
    claim_weight = np.ones(n)
    others = np.flatnonzero(~np.array([c.stance is asserts for c in claims], dtype=bool))
    half, minus = STANCE_WEIGHT[uncertain], STANCE_WEIGHT[denies]
    claim_weight[others] = [
        half if s is uncertain else minus if s is denies else STANCE_WEIGHT[Stance(str(s))]
        for s in [claims[i].stance for i in others.tolist()]
    ]

    # values: codes of folded strings (or sets of parts), numbers and bounds
    numeric = ~np.array([c.low is None and c.high is None for c in claims], dtype=bool)
    raw_code, raw_values = factorize([c.value for c in claims])
    raw_values = [v or "" for v in raw_values]
    parts_of_code: list[frozenset[str] | None]
    if separator is not None:
        keys: list[Hashable] = [
            frozenset(p for p in (fold(x) for x in str(v).split(separator)) if p)
            for v in raw_values
        ]
    else:
        keys = [fold(str(v)) for v in raw_values]
    folded_code, folded_keys = factorize(keys)
    parts_of_code = (
        [k if isinstance(k, frozenset) else None for k in folded_keys]
        if separator is not None
        else [None] * len(folded_keys)
    )
    claim_code = folded_code[raw_code]
    n_strings = len(folded_keys)

    # items: (subject, property) groups split into periods, given periods, or the
    # caller's keys
    if item_key is not None and periods is not None:
        raise InvalidClaimError("item_key", "None when periods are given", item_key)
    group_keys: Sequence[Hashable]
    if item_key is None:
        if periods is None:
            group, group_keys = _subject_property(claims)
            # values that change over time cut periods where the claims change
            takes_part = (
                _changing_groups(group_keys, changing)[group] & ~numeric & (claim_weight > 0)
            )
            table = period_table(
                claims,
                group,
                len(group_keys),
                window,
                values=np.where(takes_part, claim_code, -1),
                change_rate=change_rate,
            )
        else:
            table, group_keys = periods
        obs_claim, obs_period = table.obs_claim, table.obs_period
        period_group, period_first, period_last = (
            table.period_group,
            table.period_first,
            table.period_last,
        )
    else:
        group, group_keys = factorize([item_key(c) for c in claims])
        first_claims = first_index(group, len(group_keys)).tolist()
        group_keys = [(claims[i].subject, claims[i].property) for i in first_claims]
        obs_claim = np.arange(n, dtype=np.int64)
        obs_period = group
        period_group = np.arange(len(group_keys), dtype=np.int64)
        period_first = period_last = np.full(len(group_keys), NO_DAY, dtype=np.int64)
    if item_key is None and (window is not None or periods is not None):
        # counts of one period are compared only when about comparable periods,
        # as disputes compare them: the others are items of their own
        obs_claim, obs_period, period_group, period_first, period_last = _count_scope_periods(
            claims, numeric, obs_claim, obs_period, period_group, period_first, period_last
        )
    # items numbered in order of first appearance among the observations
    n_periods = len(period_group)
    seen = first_index(obs_period, n_periods)
    item_order = stable_order(seen)[: int((seen < len(obs_period)).sum())]
    item_of_period = np.full(n_periods, -1, dtype=np.int64)
    item_of_period[item_order] = np.arange(len(item_order))
    obs_item = item_of_period[obs_period]
    n_items = len(item_order)

    obs_numeric = numeric[obs_claim]
    obs_code = claim_code[obs_claim].copy()
    obs_weight = claim_weight[obs_claim]
    number_of_code: list[float] = []
    n_bounds = 0
    extra_obs = extra_code = np.zeros(0, dtype=np.int64)
    extra_weight = np.zeros(0)
    if obs_numeric.any():
        num_obs = np.flatnonzero(obs_numeric)
        num_claims = [claims[i] for i in obs_claim[num_obs].tolist()]
        low = np.array(
            [-math.inf if (x := c.low) is None else x for c in num_claims], dtype=np.float64
        )
        high = np.array(
            [math.inf if (x := c.high) is None else x for c in num_claims], dtype=np.float64
        )
        point = low == high
        point_obs = num_obs[point]
        cluster, centre = cluster_numbers(obs_item[point_obs], low[point], tol, rel)
        obs_code[point_obs] = n_strings + cluster
        number_of_code = centre.tolist()
        bounded = np.flatnonzero(~point)
        if len(bounded):
            n_bounds, extra_obs, extra_code, extra_weight = _place_bounds(
                obs_item,
                obs_code,
                obs_weight,
                num_obs[bounded],
                low[bounded],
                high[bounded],
                _distinct_pairs(obs_item[point_obs], cluster, len(centre)),
                centre,
                n_strings,
                tol,
                rel,
            )
    if len(extra_obs):
        obs_claim = np.concatenate([obs_claim, obs_claim[extra_obs]])
        obs_item = np.concatenate([obs_item, obs_item[extra_obs]])
        obs_code = np.concatenate([obs_code, extra_code])
        obs_weight = np.concatenate([obs_weight, extra_weight])
    n_codes = n_strings + len(number_of_code) + n_bounds

    # facts: distinct (item, code), grouped by item, in order of first appearance
    obs_key = obs_item * max(n_codes, 1) + obs_code
    # np.unique(obs_key, return_index=True, return_inverse=True), by a faster sort
    by_key = stable_order(obs_key)
    sorted_key = obs_key[by_key]
    run = np.ones(len(obs_key), dtype=bool)
    run[1:] = sorted_key[1:] != sorted_key[:-1]
    unique_key, first_obs = sorted_key[run], by_key[run]
    inverse = np.empty(len(obs_key), dtype=np.int64)
    inverse[by_key] = np.cumsum(run) - 1
    pre_item = unique_key // max(n_codes, 1)
    pre_code = unique_key % max(n_codes, 1)
    # by item, then first appearance (first_obs are all different)
    order = stable_order(pre_item * max(len(obs_key), 1) + first_obs)
    rank = np.empty_like(order)
    rank[order] = np.arange(len(order))
    obs_fact = rank[inverse]
    fact_item = pre_item[order]
    fact_code = pre_code[order]
    fact_claim = obs_claim[first_obs[order]]
    fact_number = np.full(len(order), np.nan)
    is_cluster = (fact_code >= n_strings) & (fact_code < n_strings + len(number_of_code))
    if len(number_of_code):
        fact_number[is_cluster] = np.asarray(number_of_code)[fact_code[is_cluster] - n_strings]
    fact_bounds = fact_code >= n_strings + len(number_of_code)
    fact_parts: tuple[frozenset[str] | None, ...] = (
        tuple(parts_of_code[c] if c < n_strings else None for c in fact_code.tolist())
        if separator is not None
        else (None,) * len(order)
    )
    item_start = np.searchsorted(fact_item, np.arange(n_items + 1)).astype(np.int64)

    obs_source = source_of[obs_claim]
    votes = sp.coo_matrix(
        (obs_weight, (obs_source, obs_fact)), shape=(len(source_names), len(order))
    ).tocsr()
    votes.sum_duplicates()
    # a source repeating itself does not count twice
    np.clip(votes.data, -1.0, 1.0, out=votes.data)
    votes.eliminate_zeros()
    _one_vote_per_item(votes, fact_item, n_items)
    return Problem(
        sources=tuple(str(s) for s in source_names),
        source_alignment=alignments,
        group_subject=tuple(str(k[0]) for k in group_keys),  # type: ignore[index]
        group_property=tuple(str(k[1]) for k in group_keys),  # type: ignore[index]
        item_group=period_group[item_order],
        item_first=period_first[item_order],
        item_last=period_last[item_order],
        item_start=item_start,
        fact_item=fact_item,
        fact_number=fact_number,
        fact_parts=fact_parts,
        fact_code=fact_code,
        fact_claim=fact_claim,
        fact_bounds=fact_bounds,
        votes=votes,
        obs_claim=obs_claim,
        obs_fact=obs_fact,
        obs_weight=obs_weight,
        claims=claims,
        tolerance=tol,
        relative_tolerance=rel,
    )


def _count_scope_periods(
    claims: Sequence[Claim],
    numeric: npt.NDArray[np.bool_],
    obs_claim: IntArray,
    obs_period: IntArray,
    period_group: IntArray,
    period_first: IntArray,
    period_last: IntArray,
) -> tuple[IntArray, IntArray, IntArray, IntArray, IntArray]:
    """Split periods whose counts are about periods that cannot be compared.

    The counts of a period are shared out by :func:`count_scopes` (the rule
    disputes compare counts by): the toll of the first hours and a total for
    three days are two items, each dated by its own claims. The first scope
    keeps the period (with the period's claims that are not counts); the others
    are new periods of the same group, numbered after the existing ones. A
    timeless count is in every scope of its period. Only periods whose counts
    give more than one time are looked at in Python, so claims without counts,
    or with one time per period, cost a vectorized test.

    Returns ``obs_claim, obs_period, period_group, period_first, period_last``
    (the inputs when nothing is split), observations ordered by claim.
    """
    count_obs = np.flatnonzero(numeric[obs_claim])
    if len(count_obs) < 2:
        return obs_claim, obs_period, period_group, period_first, period_last
    times, _ = factorize(
        [
            (c.start, c.end, c.precision is Precision.BY)
            for c in (claims[i] for i in obs_claim[count_obs].tolist())
        ]
    )
    # periods whose counts give more than one time
    n_periods = len(period_group)
    lowest = np.full(n_periods, np.iinfo(np.int64).max)
    highest = np.full(n_periods, -1)
    np.minimum.at(lowest, obs_period[count_obs], times)
    np.maximum.at(highest, obs_period[count_obs], times)
    mixed = np.flatnonzero(highest > lowest)
    if len(mixed) == 0:
        return obs_claim, obs_period, period_group, period_first, period_last
    rows_of: dict[int, list[int]] = {int(p): [] for p in mixed}
    for row, period in zip(count_obs.tolist(), obs_period[count_obs].tolist(), strict=True):
        rows = rows_of.get(period)
        if rows is not None:
            rows.append(row)
    new_period = obs_period.copy()
    extra_claim: list[int] = []
    extra_period: list[int] = []
    added_group: list[int] = []
    next_period = n_periods
    for period, rows in rows_of.items():
        scope = count_scopes([claims[int(obs_claim[row])] for row in rows])
        n_scopes = max(scope) + 1
        if n_scopes < 2:
            continue
        ids = [period, *range(next_period, next_period + n_scopes - 1)]
        next_period += n_scopes - 1
        added_group.extend([int(period_group[period])] * (n_scopes - 1))
        for row, number in zip(rows, scope, strict=True):
            if number >= 0:
                new_period[row] = ids[number]
            else:  # timeless: in the first scope here, in the others as extra rows
                extra_claim.extend([int(obs_claim[row])] * (n_scopes - 1))
                extra_period.extend(ids[1:])
    if next_period == n_periods:
        return obs_claim, obs_period, period_group, period_first, period_last
    obs_claim = np.concatenate([obs_claim, np.asarray(extra_claim, dtype=np.int64)])
    obs_period = np.concatenate([new_period, np.asarray(extra_period, dtype=np.int64)])
    order = np.argsort(obs_claim, kind="stable")
    obs_claim, obs_period = obs_claim[order], obs_period[order]
    period_group = np.concatenate([period_group, np.asarray(added_group, dtype=np.int64)])
    # every period that was split is dated by its own timed claims
    touched = np.zeros(next_period, dtype=bool)
    touched[mixed] = True
    touched[n_periods:] = True
    dated = np.flatnonzero(touched[obs_period])
    first_day, last_day = period_spans([claims[i] for i in obs_claim[dated].tolist()])
    timed = first_day != NO_DAY
    dated, first_day, last_day = dated[timed], first_day[timed], last_day[timed]
    first = np.concatenate([period_first, np.zeros(next_period - n_periods, dtype=np.int64)])
    last = np.concatenate([period_last, np.zeros(next_period - n_periods, dtype=np.int64)])
    first[touched] = np.iinfo(np.int64).max
    last[touched] = NO_DAY
    np.minimum.at(first, obs_period[dated], first_day)
    np.maximum.at(last, obs_period[dated], last_day)
    first[last == NO_DAY] = NO_DAY
    return obs_claim, obs_period, period_group, first, last


def _source_alignments(
    claims: Sequence[Claim], source_of: IntArray, n_sources: int
) -> tuple[str | None, ...]:
    """Each source's alignment: the one most of its claims give (ties: the first in
    alphabetical order), as :class:`claimgraph.graph.ClaimGraph` takes it."""
    code, values = factorize([c.alignment for c in claims])
    named = [k for k, v in enumerate(values) if v is not None]
    if not named:
        return (None,) * n_sources
    # columns in alphabetical order, so that argmax breaks ties alphabetically
    ranked = sorted(named, key=lambda k: str(values[k]))
    column = np.full(len(values), -1, dtype=np.int64)
    column[ranked] = np.arange(len(ranked))
    keep = column[code] >= 0
    counts = np.zeros((n_sources, len(ranked)), dtype=np.int64)
    np.add.at(counts, (source_of[keep], column[code[keep]]), 1)
    best = counts.argmax(axis=1).tolist()
    has = (counts.sum(axis=1) > 0).tolist()
    return tuple(str(values[ranked[b]]) if ok else None for b, ok in zip(best, has, strict=True))


def _changing_groups(
    group_keys: Sequence[Hashable], changing: Collection[str]
) -> npt.NDArray[np.bool_]:
    """Whether each (subject, property) group is about a property in ``changing``."""
    return np.fromiter(
        (key[1] in changing for key in group_keys),  # type: ignore[index]
        dtype=np.bool_,
        count=len(group_keys),
    )


def _one_vote_per_item(votes: sp.csr_matrix, fact_item: IntArray, n_items: int) -> None:
    """Scale a source's support within one item to sum to at most 1 (in place).

    A source that names several values for one item (it changed its story
    within the period, or hedged) has one vote there, split among them, so
    that it is neither counted twice nor judged wrong twice.
    """
    votes.sort_indices()  # a no-op after sum_duplicates
    rows = np.repeat(np.arange(votes.shape[0], dtype=np.int64), np.diff(votes.indptr))
    key = rows * max(n_items, 1) + fact_item[votes.indices]
    positive = np.where(votes.data > 0, votes.data, 0.0)
    # indices are sorted within rows and facts grouped by item: keys never
    # decrease, so (source, item) runs are found without sorting
    new = np.ones(len(key), dtype=bool)
    new[1:] = key[1:] != key[:-1]
    inverse = np.cumsum(new) - 1
    total = np.bincount(inverse, positive)[inverse]
    scale = np.where((votes.data > 0) & (total > 1.0), 1.0 / np.maximum(total, 1.0), 1.0)
    votes.data *= scale


def _distinct_pairs(item: IntArray, cluster: IntArray, n_clusters: int) -> IntArray:
    """The distinct (item, cluster) pairs, sorted, as two rows (one integer sort)."""
    width = max(n_clusters, 1)
    key = np.unique(item * width + cluster)
    return np.stack([key // width, key % width])


def _slack(x: FloatArray, tol: float, rel: float) -> FloatArray:
    """Tolerance around each bound: ``max(tol, rel * |x|)``, none for an open end."""
    out = np.zeros(len(x))
    finite = np.isfinite(x)
    out[finite] = np.maximum(tol, rel * np.abs(x[finite]))
    return out


def _place_bounds(
    obs_item: IntArray,
    obs_code: IntArray,
    obs_weight: FloatArray,
    b_obs: IntArray,
    low: FloatArray,
    high: FloatArray,
    values: IntArray,
    centre: FloatArray,
    n_strings: int,
    tol: float,
    rel: float,
) -> tuple[int, IntArray, IntArray, FloatArray]:
    """Give each bounded observation ``b_obs`` (bounds ``low``..``high``) its values.

    ``values`` are the (item, cluster) pairs of the numeric values, sorted;
    cluster ``c`` is code ``n_strings + c``. An observation votes, split evenly,
    for every value of its item inside its bounds: the first in
    ``obs_code``/``obs_weight`` (updated in place), the others returned as
    extra (observation, code, weight) rows in order of observation, then
    cluster. With no value inside, its bounds are a value of their own,
    numbered after the clusters in order of first appearance of (item, low,
    high); the number of such values is returned first.
    """
    rep_item, rep_cluster = values
    b_item = obs_item[b_obs]
    start = np.searchsorted(rep_item, b_item, side="left")
    count = np.searchsorted(rep_item, b_item, side="right") - start
    # every (bounded observation, value of its item) pair
    row = np.repeat(np.arange(len(b_obs)), count)
    candidate = np.repeat(start - np.cumsum(count) + count, count) + np.arange(int(count.sum()))
    value = centre[rep_cluster[candidate]]
    below = (low - _slack(low, tol, rel))[row]
    above = (high + _slack(high, tol, rel))[row]
    ok = (below <= value) & (value <= above)
    row, code = row[ok], n_strings + rep_cluster[candidate[ok]]
    inside = np.bincount(row, minlength=len(b_obs))
    # no value inside: the bounds are a value of their own
    alone = np.flatnonzero(inside == 0)
    first_code = n_strings + len(centre)
    codes: dict[tuple[int, float, float], int] = {}
    keys = zip(b_item[alone].tolist(), low[alone].tolist(), high[alone].tolist(), strict=True)
    obs_code[b_obs[alone]] = [codes.setdefault(key, first_code + len(codes)) for key in keys]
    # values inside: the first takes the observation, the others are extra rows
    lead = np.ones(len(row), dtype=bool)
    lead[1:] = row[1:] != row[:-1]
    share = obs_weight[b_obs] / np.maximum(inside, 1)
    has = inside > 0
    obs_code[b_obs[has]] = code[lead]
    obs_weight[b_obs[has]] = share[has]
    rest = ~lead
    return len(codes), b_obs[row[rest]], code[rest], share[row[rest]]


def cluster_numbers(
    item: IntArray, value: FloatArray, tol: float, rel: float
) -> tuple[IntArray, FloatArray]:
    """Gather the numbers of each item into values around their densest spots.

    Repeatedly, in every item at once, the number with the most numbers within
    its tolerance (``max(tol, rel * |x|)``) becomes a value's centre and takes
    every number still free within that tolerance; ties go to the most frequent
    number, then the one seen first. Unlike chaining neighbours, this never
    merges numbers further apart than twice the tolerance, so two readings of a
    time 15 minutes apart stay two values with a 10-minute tolerance.

    Returns the value (cluster) of each number and each value's centre.
    Complexity: O(r * m log m) for m distinct numbers and r the largest number
    of values in an item.

    Examples
    --------
    >>> import numpy as np
    >>> item = np.zeros(6, dtype=np.int64)
    >>> cluster, centre = cluster_numbers(item, np.array([0., 8., 10., 10., 18., 26.]), 10, 0)
    >>> cluster.tolist(), centre.tolist()
    ([0, 0, 0, 0, 0, 1], [10.0, 26.0])
    """
    if len(value) == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0)
    order = np.lexsort((value, item))
    iv, vv = item[order], value[order]
    new = np.ones(len(order), dtype=bool)
    new[1:] = (iv[1:] != iv[:-1]) | (vv[1:] != vv[:-1])
    pair_sorted = np.cumsum(new) - 1
    point_pair = np.empty(len(order), dtype=np.int64)
    point_pair[order] = pair_sorted
    pair_item, pair_value = iv[new], vv[new]
    pair_count = np.bincount(pair_sorted).astype(np.float64)
    pair_first = first_index(point_pair, len(pair_item))
    if tol == 0 and rel == 0:
        return point_pair, pair_value.astype(np.float64)
    slack = np.maximum(tol, rel * np.abs(pair_value)) * (1 + 1e-12) + 1e-12
    # positions on one line with the items far apart, to search windows at once
    item_low = np.minimum.reduceat(
        pair_value, np.flatnonzero(np.r_[True, pair_item[1:] != pair_item[:-1]])
    )
    spread = float((pair_value.max() - pair_value.min()) + 4 * slack.max() + 1)
    item_rank = np.cumsum(np.r_[False, pair_item[1:] != pair_item[:-1]])
    line = pair_value - item_low[item_rank] + item_rank * spread
    lo = np.searchsorted(line, line - slack, side="left")
    hi = np.searchsorted(line, line + slack, side="right")
    free = np.ones(len(pair_item), dtype=bool)
    cluster = np.full(len(pair_item), -1, dtype=np.int64)
    centres: list[FloatArray] = []
    n_clusters = 0
    while free.any():
        total = np.zeros(len(pair_item) + 1)
        np.cumsum(pair_count * free, out=total[1:])
        window = total[hi] - total[lo]
        candidates = np.flatnonzero(free)
        ranked = candidates[
            np.lexsort(
                (
                    pair_first[candidates],
                    -pair_count[candidates],
                    -window[candidates],
                    item_rank[candidates],
                )
            )
        ]
        head = np.ones(len(ranked), dtype=bool)
        head[1:] = item_rank[ranked[1:]] != item_rank[ranked[:-1]]
        picks = ranked[head]
        lengths = hi[picks] - lo[picks]
        members = np.repeat(lo[picks] - np.cumsum(lengths) + lengths, lengths) + np.arange(
            lengths.sum()
        )
        owner = np.repeat(n_clusters + np.arange(len(picks)), lengths)
        take = free[members]
        cluster[members[take]] = owner[take]
        free[members[take]] = False
        centres.append(pair_value[picks])
        n_clusters += len(picks)
    return cluster[point_pair], np.concatenate(centres).astype(np.float64)
