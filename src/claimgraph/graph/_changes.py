"""Changes of value inside a period: where claims about a changing value split.

Claims cluster around the moments a place changes hands, so grouping claims by
closeness in time (the claim graph's episodes, truth discovery's periods)
chains the reports of the old and of the new holder into one period, and
every report on the wrong side of the change then looks like an error or a
dispute. Here each period is cut where the values claimed change, when the
change explains the claims much better than one value for the whole period
would: a Bayesian information criterion plus the prior odds of a change of
hands within the period's span. The claim graph and truth discovery both cut
by this one rule, so they agree on periods.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

__all__ = ["CHANGE_RATE", "split_changes"]

IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]
FloatArray = npt.NDArray[np.float64]

#: Prior rate of changes of value per day (control of a place changes hands
#: about once a quarter): the prior odds of a change within a period of d days
#: are about d * CHANGE_RATE.
CHANGE_RATE = 1.0 / 90.0
#: At most this many rounds of cuts (each round cuts every period at most once).
MAX_ROUNDS = 12
#: Log-likelihood terms are summed in fixed point, in units of 1 / _SCALE: sums
#: of integers are exact, so a period's scores are the same whatever periods
#: come before it in the arrays (floats summed over the whole array were not,
#: and broke ties between equally good cuts differently with other places'
#: claims before them: the Dask path's partitions cut otherwise than one graph).
_SCALE = float(2**32)


def _xlogx(x: FloatArray) -> FloatArray:
    out: FloatArray = np.where(x > 0, x * np.log(np.maximum(x, 1.0)), 0.0)
    return out


def _running_count(segment: IntArray, value: IntArray) -> tuple[IntArray, IntArray]:
    """1, 2, 3 ... along the positions sharing a (segment, value), in position order;
    and how many positions share each position's (segment, value), one sort for both.

    Positions are sorted by segment, so a stable sort by value alone keeps each
    (segment, value) together; values are few, and a sort of 16-bit integers is
    a radix sort.
    """
    if int(value.max(initial=0)) < 2**15 and int(value.min(initial=0)) >= -(2**15):
        order = np.argsort(value.astype(np.int16), kind="stable")
    else:
        order = np.argsort(value, kind="stable")  # many values: rare
    sorted_value, sorted_segment = value[order], segment[order]
    new = np.ones(len(value), dtype=bool)
    new[1:] = (sorted_value[1:] != sorted_value[:-1]) | (sorted_segment[1:] != sorted_segment[:-1])
    starts = np.flatnonzero(new)
    lengths = np.diff(np.append(starts, len(value)))
    run = np.arange(len(value)) - np.repeat(starts, lengths)
    out = np.empty(len(value), dtype=np.int64)
    out[order] = run + 1
    total = np.empty(len(value), dtype=np.int64)
    total[order] = np.repeat(lengths, lengths)
    return out, total


def _segment_cumsum(x: IntArray, segment: IntArray, n_segments: int) -> IntArray:
    """Running sums restarting at each segment (positions sorted by segment).

    Integers, so exact: each segment's sums do not depend on the segments
    before it (int64 arithmetic wraps, so even a total beyond its range leaves
    every segment's own sums right).
    """
    total = np.cumsum(x, dtype=np.int64)
    ends = np.searchsorted(segment, np.arange(n_segments), side="left")
    before = np.where(ends > 0, total[np.maximum(ends - 1, 0)], 0)
    out: IntArray = total - before[segment]
    return out


def split_changes(
    starts: BoolArray,
    day: IntArray,
    last_day: IntArray,
    value: IntArray,
    change_rate: float = CHANGE_RATE,
) -> BoolArray:
    """Cut periods where the value claimed changes; return the new period starts.

    Parameters
    ----------
    starts : ndarray of bool
        Over claims sorted by period then day: True where a period begins.
    day, last_day : ndarray of int
        First and last day of each claim.
    value : ndarray of int
        Code of the value each claim asserts; -1 for claims that take no part
        (denials, numbers, properties that do not change).
    change_rate : float
        Prior number of changes per day. 0 never cuts.

    Returns
    -------
    ndarray of bool
        ``starts`` with a True added at every cut. A period is cut before the
        claim where twice the gain in log-likelihood of one categorical
        distribution of values on each side, over one for the whole period,
        exceeds ``k log n`` (k distinct values among the period's n claims)
        plus twice the log prior odds against a change within its span. Cuts
        fall only between different days, and the halves are cut again, at
        most ``MAX_ROUNDS`` times. Complexity: O(r n log n) for n claims and r
        rounds.

    Examples
    --------
    Ten reports of one holder, then ten of another a week later: one cut.

    >>> import numpy as np
    >>> days = np.array([0] * 10 + [7] * 10)
    >>> values = np.array([0] * 10 + [1] * 10)
    >>> starts = np.zeros(20, dtype=bool); starts[0] = True
    >>> np.flatnonzero(split_changes(starts, days, days, values)).tolist()
    [0, 10]

    Two sources that disagree a day apart are a dispute, not a change:

    >>> pair = np.array([True, False])
    >>> split_changes(pair, np.array([0, 1]), np.array([0, 1]), np.array([0, 1])).tolist()
    [True, False]
    """
    starts = starts.copy()
    n = len(starts)
    if n < 2 or change_rate <= 0 or not (value >= 0).any():
        return starts
    # a period's cut depends on its own claims only: look only at the periods
    # naming two values or more (one value gains nothing from a cut), and after
    # the first round only at the halves of the periods just cut
    active = _contested(starts, value)
    for _round in range(MAX_ROUNDS):
        if len(active) == 0:
            break
        cuts = _best_cuts(starts[active], day[active], last_day[active], value[active], change_rate)
        if len(cuts) == 0:
            break
        # active positions are whole periods, so a cut's next claim is the next
        # active position: number the periods among the active ones only
        starts[active[cuts + 1]] = True
        segment = np.cumsum(starts[active]) - 1
        fresh = np.zeros(int(segment[-1]) + 1, dtype=bool)
        fresh[segment[cuts]] = True
        fresh[segment[cuts + 1]] = True
        active = active[fresh[segment]]
    return starts


def _contested(starts: BoolArray, value: IntArray) -> IntArray:
    """Positions of the periods where at least two different values take part."""
    heads = np.flatnonzero(starts)
    taking = value >= 0
    high = np.maximum.reduceat(np.where(taking, value, -1), heads)
    low = np.minimum.reduceat(np.where(taking, value, np.iinfo(np.int64).max), heads)
    segment = np.cumsum(starts) - 1
    out: IntArray = np.flatnonzero((low < high)[segment])
    return out


def _best_cuts(
    starts: BoolArray, day: IntArray, last_day: IntArray, value: IntArray, change_rate: float
) -> IntArray:
    """Positions after which each period (whole periods only) is best cut, if at all."""
    n = len(starts)
    taking = value >= 0
    if n < 2 or not taking.any():
        return np.zeros(0, dtype=np.int64)
    weight = taking.astype(np.int64)
    segment = np.cumsum(starts) - 1
    n_segments = int(segment[-1]) + 1
    heads = np.flatnonzero(starts)
    # running count of the claims of the same segment and value, and their total
    running, key_total = _running_count(segment, value)
    count_k = np.where(taking, running, 0)
    # every x log x below is of a whole number of claims: read it from a table,
    # in fixed point, so that the sums over a segment are exact and the same
    # whatever precedes it (equal gains stay equal: the first cut wins the tie)
    whole = np.arange(-1.0, float(np.bincount(segment).max()) + 1.0)
    table = np.round(_xlogx(whole) * _SCALE).astype(np.int64)  # table[k + 1] = k log k
    step = table[1:] - table[:-1]  # step[k] = k log k - (k - 1) log (k - 1)
    left_terms = step[count_k]
    left_s = _segment_cumsum(left_terms, segment, n_segments)
    left_n = _segment_cumsum(weight, segment, n_segments)
    seg_n = np.add.reduceat(weight, heads)
    seg_s = np.add.reduceat(left_terms, heads)
    # claims of the same value from here to the end of the segment; their
    # terms telescope to the sum of f over the values after a cut
    right_terms = step[np.where(taking, key_total - count_k + 1, 0)]
    right_total = np.add.reduceat(right_terms, heads)
    right_s = right_total[segment] - _segment_cumsum(right_terms, segment, n_segments)
    right_n = seg_n[segment] - left_n
    ll_left = left_s - table[left_n + 1]
    ll_right = right_s - table[right_n + 1]
    ll_whole = seg_s - table[seg_n + 1]
    gain = (ll_left + ll_right - ll_whole[segment]) / _SCALE
    # a cut after position i: the next claim is in the same segment, on a later day
    valid = np.zeros(n, dtype=bool)
    valid[:-1] = (segment[1:] == segment[:-1]) & (day[1:] > day[:-1])
    valid &= (left_n > 0) & (right_n > 0)
    if not valid.any():
        return np.zeros(0, dtype=np.int64)
    distinct = np.bincount(segment[taking & (count_k == 1)], minlength=n_segments)
    # segments are runs of positions: reduce each run (faster than ufunc.at)
    first = np.minimum.reduceat(day, heads)
    last = np.maximum.reduceat(last_day, heads)
    span = np.maximum(last - first + 1, 1).astype(np.float64)
    prior_change = np.minimum(span * change_rate, 0.5)
    penalty = distinct * np.log(np.maximum(seg_n, 2).astype(np.float64)) + 2.0 * np.log(
        (1.0 - prior_change) / prior_change
    )
    score = np.where(valid, 2.0 * gain - penalty[segment], -np.inf)
    best = np.maximum.reduceat(score, heads)
    cut = valid & (score > 0) & (score >= best[segment])
    # one cut per segment: the first position reaching the best score
    positions = np.flatnonzero(cut)
    _, first_of_segment = np.unique(segment[positions], return_index=True)
    found: IntArray = positions[first_of_segment]
    return found
