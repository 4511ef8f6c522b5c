"""Episodes: the claims about one subject and property that speak about the same time."""

from __future__ import annotations

import builtins
import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence

import attrs

from ..model import Claim
from ._time import DEFAULT_WINDOW, comparable_periods, day_span

__all__ = ["Episode", "claim_order", "group_episodes"]


def claim_order(claim: Claim) -> tuple[int, str, int, str]:
    """Sort key: time first, then position in the document, then id."""
    span = day_span(claim)
    return (
        span[0] if span is not None else -1,
        claim.doc or "",
        claim.sentence if claim.sentence is not None else -1,
        claim.id,
    )


@attrs.frozen(slots=True)
class Episode:
    """Claims about one subject and property whose times chain within the window.

    ``start`` and ``end`` are the first and last day any timed claim speaks of
    (both ``None`` when every claim is timeless). Claims are in time order.
    """

    subject: str
    property: str
    start: dt.date | None
    end: dt.date | None
    claims: tuple[Claim, ...]
    _standing: tuple[Claim, ...] = attrs.field(init=False, repr=False, eq=False)

    @builtins.property
    def sources(self) -> tuple[str, ...]:
        """Sources in order of first appearance."""
        return tuple(dict.fromkeys(c.source for c in self.claims))

    def last_words(self) -> tuple[Claim, ...]:
        """Each source's standing claims: those no later claim of the same source revises.

        For a categorical property that is each source's last claim. A count
        supersedes an earlier count of the same source only when both are
        about comparable periods (a total for the week does not revise the
        toll of its first day). Computed once, when the episode is made.
        """
        return self._standing

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_standing", _standing(self.claims))


def _standing(claims: tuple[Claim, ...]) -> tuple[Claim, ...]:
    if all(c.low is None and c.high is None for c in claims):
        last: dict[str, Claim] = {}
        for claim in claims:
            last[claim.source] = claim
        return tuple(last.values())
    standing: dict[str, list[Claim]] = {}
    for claim in claims:
        kept = standing.setdefault(claim.source, [])
        if claim.is_numeric:
            kept[:] = [c for c in kept if not (c.is_numeric and comparable_periods(c, claim))]
        else:
            kept[:] = [c for c in kept if c.is_numeric]
        kept.append(claim)
    return tuple(c for claims in standing.values() for c in claims)


def group_episodes(
    claims: Iterable[Claim],
    *,
    window: int = DEFAULT_WINDOW,
    subject_of: Callable[[Claim], str] | None = None,
) -> list[Episode]:
    """Split claims into episodes per subject and property.

    Claims of one subject and property are sorted by time; a claim starts a new
    episode when it begins more than ``window`` days after every earlier claim
    of the episode ends. Timeless claims belong to every episode of their
    group (they contradict or support claims of any time); a group with only
    timeless claims is one episode.

    Parameters
    ----------
    claims : iterable of Claim
    window : int
        Days; see above.
    subject_of : callable, optional
        Maps a claim to its subject key (a resolved place id); defaults to
        ``claim.subject``.

    Returns
    -------
    list of Episode
        Ordered by subject, property, then time.

    Examples
    --------
    >>> from claimgraph.testing import make_claim
    >>> claims = [make_claim("A", "Hilan", "army", on="2014-05-20"),
    ...           make_claim("B", "Hilan", "rebels", on="2014-05-21"),
    ...           make_claim("A", "Hilan", "rebels", on="2014-06-10")]
    >>> [(e.start.isoformat(), len(e.claims)) for e in group_episodes(claims)]
    [('2014-05-20', 2), ('2014-06-10', 1)]
    """
    key = subject_of or (lambda claim: claim.subject)
    groups: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        groups[key(claim), claim.property].append(claim)
    episodes: list[Episode] = []
    for subject, prop in sorted(groups):
        episodes.extend(_split(subject, prop, groups[subject, prop], window))
    return episodes


def _split(subject: str, prop: str, claims: Sequence[Claim], window: int) -> list[Episode]:
    timed: list[tuple[tuple[int, str, int, str], int, Claim]] = []
    timeless: list[Claim] = []
    for claim in claims:
        span = day_span(claim)
        if span is None:
            timeless.append(claim)
        else:
            order = (
                span[0],
                claim.doc or "",
                -1 if claim.sentence is None else claim.sentence,
                claim.id,
            )
            timed.append((order, span[1], claim))
    timeless.sort(key=claim_order)
    if not timed:
        return [Episode(subject, prop, None, None, tuple(timeless))]
    timed.sort(key=lambda entry: entry[0])
    out: list[Episode] = []
    current: list[Claim] = []
    first = last = 0
    for (lo, *_), hi, claim in timed:
        if current and lo - last > window:
            out.append(_episode(subject, prop, first, last, current, timeless))
            current = []
        if not current:
            first, last = lo, hi
        current.append(claim)
        last = max(last, hi)
    out.append(_episode(subject, prop, first, last, current, timeless))
    return out


def _episode(
    subject: str, prop: str, first: int, last: int, timed: list[Claim], timeless: list[Claim]
) -> Episode:
    claims = tuple(timed) if not timeless else tuple(sorted([*timeless, *timed], key=claim_order))
    return Episode(subject, prop, dt.date.fromordinal(first), dt.date.fromordinal(last), claims)
