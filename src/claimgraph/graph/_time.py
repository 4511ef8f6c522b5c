"""Claim times as day intervals, and how far apart two claims are."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Claim, Precision

__all__ = ["DEFAULT_WINDOW", "comparable_periods", "count_scopes", "day_span", "gap_days"]

#: Claims at most this many days apart speak about the same time.
DEFAULT_WINDOW = 3


def day_span(claim: Claim) -> tuple[int, int] | None:
    """The claim's time as ``(first, last)`` proleptic ordinals, ``None`` if timeless.

    A deadline ("by 11 January") is the state at its deadline, so it spans
    only its last day.
    """
    start, end = claim.start, claim.end
    if start is None and end is None:
        return None
    if claim.precision is Precision.BY or start is None:
        assert end is not None
        day = end.toordinal()
        return day, day
    if end is None:
        day = start.toordinal()
        return day, day
    return start.toordinal(), end.toordinal()


def gap_days(a: tuple[int, int] | None, b: tuple[int, int] | None) -> int:
    """Days between two spans (0 when they overlap or either is timeless)."""
    if a is None or b is None:
        return 0
    return max(0, b[0] - a[1], a[0] - b[1])


def comparable_periods(a: Claim, b: Claim) -> bool:
    """Whether two counts are about the same period, so their numbers can be compared.

    Timeless counts compare with everything. Otherwise the spans must overlap
    and the shorter must cover at least half of the longer; a deadline count
    ("more than 1,000 by 26 December") is cumulative, so it is taken to start
    where the other one starts.

    >>> from claimgraph.testing import make_claim
    >>> whole = make_claim("SOHR", "Aleppo", 517, property="killed",
    ...                    start="2013-12-15", end="2013-12-28")
    >>> first_day = make_claim("SOHR", "Aleppo", 76, property="killed", on="2013-12-15")
    >>> by_date = make_claim("rebels", "Aleppo", ">1000", property="killed", end="2013-12-26")
    >>> comparable_periods(whole, by_date), comparable_periods(whole, first_day)
    (True, False)
    """
    span_a, span_b = _count_span(a), _count_span(b)
    if span_a is None or span_b is None:
        return True
    lo_a, hi_a = span_a
    lo_b, hi_b = span_b
    if lo_a is None:
        lo_a = min(lo_b if lo_b is not None else hi_a, hi_a)
    if lo_b is None:
        lo_b = min(lo_a, hi_b)
    overlap = min(hi_a, hi_b) - max(lo_a, lo_b) + 1
    if overlap <= 0:
        return False
    shorter = min(hi_a - lo_a, hi_b - lo_b) + 1
    longer = max(hi_a - lo_a, hi_b - lo_b) + 1
    return overlap >= shorter and 2 * shorter >= longer


def count_scopes(counts: Sequence[Claim]) -> list[int]:
    """Share counts of one subject and property out into scopes of comparable periods.

    Two counts are compared (as disputes compare them, and as truth discovery
    weighs them against each other) only when :func:`comparable_periods` says
    they are about the same period; here every count of a scope is comparable
    with every other of its scope. Counts with the same span go together; the
    spans claimed most often claim their scope first (ties: the span seen
    first), and each other span joins the first scope all of whose spans it is
    comparable with, else opens a scope of its own. So the toll of the first
    hours and the total of three days are two scopes, and a total for the whole
    battle and one "by" its last day are one.

    Returns the scope of each count, numbered from 0 (the scope of the span
    claimed most often); a timeless count is comparable with every scope and
    gets -1. Complexity: O(s^2) comparisons for s distinct spans.

    >>> from claimgraph.testing import make_claim
    >>> count_scopes([
    ...     make_claim("SOHR", "Aleppo", 517, property="killed",
    ...                start="2013-12-15", end="2013-12-28"),
    ...     make_claim("SOHR", "Aleppo", 76, property="killed", on="2013-12-15"),
    ...     make_claim("rebels", "Aleppo", ">1000", property="killed", end="2013-12-26"),
    ...     make_claim("army", "Aleppo", 400, property="killed"),
    ... ])
    [0, 1, 0, -1]
    """
    by_span: dict[tuple[int | None, int], list[int]] = {}
    for index, claim in enumerate(counts):
        span = _count_span(claim)
        if span is not None:
            by_span.setdefault(span, []).append(index)
    ranked = sorted(by_span.values(), key=lambda members: (-len(members), members[0]))
    scopes: list[list[Claim]] = []
    out = [-1] * len(counts)
    for members in ranked:
        head = counts[members[0]]
        scope = next(
            (
                number
                for number, spans in enumerate(scopes)
                if all(comparable_periods(head, other) for other in spans)
            ),
            len(scopes),
        )
        if scope == len(scopes):
            scopes.append([])
        scopes[scope].append(head)
        for index in members:
            out[index] = scope
    return out


def _count_span(claim: Claim) -> tuple[int | None, int] | None:
    if claim.start is None and claim.end is None:
        return None
    if claim.precision is Precision.BY or claim.start is None:
        assert claim.end is not None
        low = claim.start.toordinal() if claim.start is not None else None
        return low, claim.end.toordinal()
    end = claim.end if claim.end is not None else claim.start
    return claim.start.toordinal(), end.toordinal()
