"""Periods: which claims about one subject and property speak about the same time.

:func:`period_table` splits claims into periods in a few vectorized passes; it
follows the rule of the claim graph's episode grouper
(:func:`claimgraph.graph.group_episodes`), cuts at changes of value included,
and :func:`episode_table` turns ready episodes into the same table, so a claim
graph's items are used as they are instead of being grouped a second time;
:func:`split_periods` cuts a table made elsewhere where the values claimed
change, as :func:`period_table` does.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import attrs
import numpy as np
import numpy.typing as npt

from ...graph._changes import CHANGE_RATE, split_changes
from ...graph._time import DEFAULT_WINDOW
from ...model import Claim, Precision
from ._sorting import stable_order

if TYPE_CHECKING:
    from ...graph import Episode

__all__ = [
    "DEFAULT_WINDOW",
    "NO_DAY",
    "Period",
    "PeriodTable",
    "claim_periods",
    "episode_table",
    "period_spans",
    "period_table",
]


Period = tuple[dt.date, dt.date] | None
IntArray = npt.NDArray[np.int64]

#: Marks a claim without time (and a period without dates).
NO_DAY = np.iinfo(np.int64).min


@attrs.frozen(slots=True)
class PeriodTable:
    """Periods as arrays: which claims fall in which period.

    ``obs_claim[k]`` falls in period ``obs_period[k]`` (a claim without time
    falls in every period of its group); period ``p`` belongs to group
    ``period_group[p]`` and runs from day ``period_first[p]`` to
    ``period_last[p]`` (proleptic ordinals; both ``NO_DAY`` for the single
    timeless period of a group with no timed claim).
    """

    obs_claim: IntArray
    obs_period: IntArray
    period_group: IntArray
    period_first: IntArray
    period_last: IntArray

    def label(self, period: int) -> Period:
        first = int(self.period_first[period])
        if first == NO_DAY:
            return None
        return dt.date.fromordinal(first), dt.date.fromordinal(int(self.period_last[period]))


def period_spans(claims: Sequence[Claim]) -> tuple[IntArray, IntArray]:
    """First and last day of each claim (``NO_DAY`` for both when it has no time).

    A deadline ("by" a date) or a claim with only an end counts as its end day.
    """
    by = Precision.BY
    # the days first, then their ordinals in one C-level map: cheaper than one
    # expression per claim reading the dates twice
    last_days = [c.end or c.start for c in claims]
    first_days = [
        c.end or c.start if c.precision is by or c.start is None else c.start for c in claims
    ]
    return _ordinals(first_days), _ordinals(last_days)


def _ordinals(days: list[dt.date | None]) -> IntArray:
    """Proleptic ordinal of each day, ``NO_DAY`` for ``None``."""
    try:
        return np.fromiter(map(dt.date.toordinal, days), dtype=np.int64, count=len(days))  # type: ignore[arg-type]
    except TypeError:  # some claims have no time
        return np.fromiter(
            (NO_DAY if d is None else d.toordinal() for d in days),
            dtype=np.int64,
            count=len(days),
        )


def _sort_by(group: IntArray, first: IntArray, last: IntArray) -> IntArray:
    """Stable order by group, then first day, then last day (as ``np.lexsort``).

    One sort of a combined key when it fits in 63 bits, three otherwise.
    """
    if len(group) == 0:
        return np.zeros(0, dtype=np.int64)
    low = int(first.min())
    days = int(first.max()) - low + 1
    length = last - first
    lengths = int(length.max()) - int(length.min()) + 1
    if int(group.max()) + 1 > (2**62) // (days * lengths):
        return np.lexsort((last, first, group))
    key = (group * days + (first - low)) * lengths + (length - int(length.min()))
    return stable_order(key)


def period_table(
    claims: Sequence[Claim],
    group: IntArray,
    n_groups: int,
    window: int | None,
    values: IntArray | None = None,
    change_rate: float = CHANGE_RATE,
) -> PeriodTable:
    """Split each group of claims (one subject and property) into periods.

    Claims of a group are sorted by time; a claim opens a new period when it
    starts more than ``window`` days after every earlier claim of the group
    ends. With ``values`` (a code per claim, -1 where it takes no part), a
    period is also cut where the value claimed changes (see
    :func:`split_changes`). Vectorized: O(n log n) for n claims.
    """
    n = len(claims)
    if window is None:
        first = last = np.full(n, NO_DAY, dtype=np.int64)
    else:
        first, last = period_spans(claims)
    timed = np.flatnonzero(first != NO_DAY)
    if len(timed) == n:  # usually every claim has a time: no subset to take
        order = _sort_by(group, first, last)
    else:
        order = timed[_sort_by(group[timed], first[timed], last[timed])]
    g, lo, hi = group[order], first[order], last[order]
    new_group = np.ones(len(order), dtype=bool)
    new_group[1:] = g[1:] != g[:-1]
    # latest end among the earlier claims of the group: a running maximum that
    # restarts at each group (a per-group offset keeps the groups apart)
    base = int(hi.min(initial=0))
    shifted = hi - base
    offset = np.cumsum(new_group) * (int(shifted.max(initial=0)) + 1)
    running = np.maximum.accumulate(shifted + offset) - offset + base
    starts = new_group.copy()
    starts[1:] |= lo[1:] - running[:-1] > (window or 0)
    if values is not None:
        starts = split_changes(starts, lo, hi, values[order], change_rate)
    timed_period = np.cumsum(starts) - 1
    n_timed_periods = int(starts.sum())
    period_first = lo[starts]
    period_last = (
        np.maximum.reduceat(hi, np.flatnonzero(starts)) if n_timed_periods else hi[:0]
    ).astype(np.int64)
    period_group = g[starts]
    # groups without a timed claim get one timeless period each
    has_timed = np.zeros(n_groups, dtype=bool)
    has_timed[period_group] = True
    bare = np.flatnonzero(~has_timed)
    bare_period = np.full(n_groups, -1, dtype=np.int64)
    bare_period[bare] = n_timed_periods + np.arange(len(bare))
    period_group = np.concatenate([period_group, bare])
    period_first = np.concatenate([period_first, np.full(len(bare), NO_DAY)])
    period_last = np.concatenate([period_last, np.full(len(bare), NO_DAY)])
    # observations: timed claims once; timeless claims once per period of their group
    timeless = np.flatnonzero(first == NO_DAY)
    t_group = group[timeless]
    counts = np.bincount(period_group[:n_timed_periods], minlength=n_groups)
    group_first_period = np.zeros(n_groups + 1, dtype=np.int64)
    group_first_period[1:] = np.cumsum(counts)
    many = np.maximum(counts[t_group], 1)
    rep_claim = np.repeat(timeless, many)
    offsets = np.arange(len(rep_claim)) - np.repeat(np.cumsum(many) - many, many)
    rep_group = np.repeat(t_group, many)
    rep_period = np.where(
        counts[rep_group] > 0, group_first_period[rep_group] + offsets, bare_period[rep_group]
    )
    if len(timeless) == 0:
        # every claim once: ordering by claim inverts the sort by time
        obs_claim = np.arange(n, dtype=np.int64)
        obs_period = np.empty(n, dtype=np.int64)
        obs_period[order] = timed_period
    else:
        # by claim, then period: a timeless claim's rows already come in period
        # order, so a stable sort by claim is enough
        obs_claim = np.concatenate([order, rep_claim])
        obs_period = np.concatenate([timed_period, rep_period])
        sort = np.argsort(obs_claim, kind="stable")
        obs_claim, obs_period = obs_claim[sort], obs_period[sort]
    return PeriodTable(
        obs_claim=obs_claim.astype(np.int64),
        obs_period=obs_period.astype(np.int64),
        period_group=period_group.astype(np.int64),
        period_first=period_first.astype(np.int64),
        period_last=period_last,
    )


def claim_periods(claims: Sequence[Claim], window: int | None) -> list[tuple[Period, ...]]:
    """The period(s) each claim belongs to.

    Claims of one subject and property are sorted by time; a claim opens a new
    period when it starts more than ``window`` days after every earlier claim of
    the current period ends. A timeless claim belongs to every period of its
    subject and property (it speaks of any time); when the group has no timed
    claim, or ``window`` is ``None``, everything is one period ``None``.

    Complexity: O(n log n) for n claims.

    Examples
    --------
    >>> from claimgraph.model import Claim
    >>> cs = [Claim.from_record({"source": s, "subject": "Hilan", "property": "control",
    ...        "value": v, "date": d}) for s, v, d in [("A", "army", "2014-05-20"),
    ...        ("B", "rebels", "2014-05-22"), ("A", "rebels", "2014-06-10")]]
    >>> [p[0][0].isoformat() for p in claim_periods(cs, 3)]
    ['2014-05-20', '2014-05-20', '2014-06-10']
    """
    groups: dict[tuple[str, str], int] = {}
    group = np.fromiter(
        (groups.setdefault((c.subject, c.property), len(groups)) for c in claims),
        dtype=np.int64,
        count=len(claims),
    )
    table = period_table(claims, group, len(groups), window)
    labels = [table.label(p) for p in range(len(table.period_group))]
    out: list[list[Period]] = [[] for _ in claims]
    for claim, period in zip(table.obs_claim.tolist(), table.obs_period.tolist(), strict=True):
        out[claim].append(labels[period])
    return [tuple(periods) for periods in out]


def episode_table(
    claims: Sequence[Claim], episodes: Sequence[Episode], subject_name: Callable[[str], str]
) -> tuple[PeriodTable, list[tuple[str, str]]]:
    """Periods given by ready episodes (each one period), and each group's labels.

    ``claims`` are the claims the episodes were made of (the same objects),
    or some of them: the episodes' other claims are left out. Groups are the
    episodes' (subject, property), shown as
    ``(subject_name(subject), property)``; observations are ordered as
    :func:`period_table` orders them, so items come out in the same order.
    """
    index = {id(claim): i for i, claim in enumerate(claims)}
    groups: dict[tuple[str, str], int] = {}
    period_group = np.fromiter(
        (groups.setdefault((e.subject, e.property), len(groups)) for e in episodes),
        dtype=np.int64,
        count=len(episodes),
    )
    kept = [[index[key] for c in e.claims if (key := id(c)) in index] for e in episodes]
    sizes = np.fromiter((len(k) for k in kept), dtype=np.int64, count=len(episodes))
    obs_claim = np.fromiter((i for k in kept for i in k), dtype=np.int64, count=int(sizes.sum()))
    obs_period = np.repeat(np.arange(len(episodes), dtype=np.int64), sizes)
    period_first = np.fromiter(
        (NO_DAY if e.start is None else e.start.toordinal() for e in episodes),
        dtype=np.int64,
        count=len(episodes),
    )
    period_last = np.fromiter(
        (NO_DAY if e.end is None else e.end.toordinal() for e in episodes),
        dtype=np.int64,
        count=len(episodes),
    )
    sort = np.lexsort((obs_period, obs_claim))
    table = PeriodTable(
        obs_claim=obs_claim[sort],
        obs_period=obs_period[sort],
        period_group=period_group,
        period_first=period_first,
        period_last=period_last,
    )
    return table, [(subject_name(subject), prop) for subject, prop in groups]
