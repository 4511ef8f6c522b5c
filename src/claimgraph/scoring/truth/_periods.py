"""Periods: which claims about one subject and property speak about the same time.

This is the one place that decides time grouping, so the shared episode grouper
of :mod:`claimgraph.graph` can replace it without touching the algorithms.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence

from ...model import Claim, Precision

__all__ = ["DEFAULT_WINDOW", "Period", "claim_periods"]

#: Claims at most this many days apart speak about the same time.
DEFAULT_WINDOW = 3

Period = tuple[dt.date, dt.date] | None


def _span(claim: Claim) -> tuple[int, int] | None:
    start, end = claim.start, claim.end
    if start is None and end is None:
        return None
    if claim.precision is Precision.BY or start is None:
        day = end.toordinal() if end is not None else 0
        return day, day
    if end is None:
        return start.toordinal(), start.toordinal()
    return start.toordinal(), end.toordinal()


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
    out: list[tuple[Period, ...]] = [(None,)] * len(claims)
    if window is None:
        return out
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, claim in enumerate(claims):
        groups[claim.subject, claim.property].append(index)
    for members in groups.values():
        timed = [(span, i) for i in members if (span := _span(claims[i])) is not None]
        if not timed:
            continue
        timed.sort()
        periods: list[tuple[int, int]] = []
        assigned: list[tuple[int, int]] = []  # (claim index, period number)
        first = last = 0
        for (lo, hi), i in timed:
            if periods and lo - last <= window:
                last = max(last, hi)
                periods[-1] = (first, last)
            else:
                first, last = lo, hi
                periods.append((first, last))
            assigned.append((i, len(periods) - 1))
        as_dates = [(dt.date.fromordinal(a), dt.date.fromordinal(b)) for a, b in periods]
        for i, number in assigned:
            out[i] = (as_dates[number],)
        every: tuple[Period, ...] = tuple(as_dates)
        for i in members:
            if _span(claims[i]) is None:
                out[i] = every
    return out
