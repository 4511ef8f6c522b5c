"""Episodes: the claims about one subject and property that speak about the same time."""

from __future__ import annotations

import builtins
import datetime as dt
import itertools
import math
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence

import attrs
import numpy as np

from ..model import CONTROL, Claim, Stance, fold
from ._changes import CHANGE_RATE, split_changes
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
    """Claims about one subject and property that speak about the same time.

    Their times chain within the window; an episode of a changing property
    (control) is also cut where the claims show a change of value (see
    :func:`group_episodes`). ``start`` and ``end`` are the first and last day
    any timed claim speaks of (both ``None`` when every claim is timeless).
    Claims are in time order. ``follows_change`` is true for every piece of a
    cut episode but the first: its claims chain with the episode before it
    within the window, and the values claimed change between the two.
    """

    subject: str
    property: str
    start: dt.date | None
    end: dt.date | None
    claims: tuple[Claim, ...]
    follows_change: bool = False
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
    changing: Collection[str] = (CONTROL,),
    change_rate: float = CHANGE_RATE,
) -> list[Episode]:
    """Split claims into episodes per subject and property.

    Claims of one subject and property are sorted by time; a claim starts a new
    episode when it begins more than ``window`` days after every earlier claim
    of the episode ends. An episode of a property in ``changing`` (values that
    change over time, such as who holds a place) is also cut where the values
    claimed change, when a change explains its claims much better than one
    value would (see :func:`split_changes`): reports that follow a change of
    hands day by day chain within the window, yet speak of two states; every
    piece but the first has :attr:`Episode.follows_change` set. Only timed
    claims asserting a value (or reporting it as uncertain) decide the cut.
    Timeless claims belong to every episode of their group, pieces of a cut
    episode included (they contradict or support claims of any time); a group
    with only timeless claims is one episode.

    Parameters
    ----------
    claims : iterable of Claim
    window : int
        Days; see above.
    subject_of : callable, optional
        Maps a claim to its subject key (a resolved place id); defaults to
        ``claim.subject``.
    changing : collection of str
        Properties whose episodes are cut where the claims change (default
        control).
    change_rate : float
        Prior number of changes per day for ``changing`` properties (default
        :data:`CHANGE_RATE`, a change of hands about once a quarter); 0 never
        cuts.

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

    Five sources give the army on 1-2 May, five the rebels on 3-4 May: the
    days chain within the window, but the claims show a change of hands.

    >>> change = [make_claim(f"S{k}", "Hilan", "army" if k < 5 else "rebels",
    ...                      on=f"2014-05-0{1 + k // 5 * 2 + k % 2}") for k in range(10)]
    >>> [(e.start.day, e.end.day, len(e.claims), e.follows_change)
    ...  for e in group_episodes(change)]
    [(1, 2, 5, False), (3, 4, 5, True)]
    >>> len(group_episodes(change, change_rate=0))
    1
    """
    if change_rate < 0 or math.isnan(change_rate):
        raise ValueError(f"change_rate: expected a number >= 0, got {change_rate}")
    key = subject_of or (lambda claim: claim.subject)
    groups: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        groups[key(claim), claim.property].append(claim)
    ordered = sorted(groups)
    split = [_runs(groups[group], window) for group in ordered]
    # per group, whether each run is a piece cut off a run (not its first piece)
    follows: list[list[bool]] = [[False] * len(runs) for runs, _ in split]
    if change_rate > 0:
        cut = [k for k, (_subject, prop) in enumerate(ordered) if prop in changing]
        pieces = _cut_changes([split[k][0] for k in cut], change_rate)
        for k, (runs, after) in zip(cut, pieces, strict=True):
            split[k] = (runs, split[k][1])
            follows[k] = after
    episodes: list[Episode] = []
    for (subject, prop), (runs, timeless), after in zip(ordered, split, follows, strict=True):
        if not runs:
            episodes.append(Episode(subject, prop, None, None, tuple(timeless)))
        episodes.extend(
            _episode(subject, prop, run, timeless, piece)
            for run, piece in zip(runs, after, strict=True)
        )
    return episodes


#: A timed claim with its first and last day (proleptic ordinals).
_Entry = tuple[int, int, Claim]


def _runs(claims: Sequence[Claim], window: int) -> tuple[list[list[_Entry]], list[Claim]]:
    """Timed claims in runs chained within ``window`` days (in time order), and the
    timeless claims (sorted)."""
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
    timed.sort(key=lambda entry: entry[0])
    runs: list[list[_Entry]] = []
    last = 0
    for (lo, *_), hi, claim in timed:
        if not runs or lo - last > window:
            runs.append([])
            last = hi
        runs[-1].append((lo, hi, claim))
        last = max(last, hi)
    return runs, timeless


def _cut_changes(
    groups: list[list[list[_Entry]]], change_rate: float
) -> list[tuple[list[list[_Entry]], list[bool]]]:
    """Each group's runs, cut where the values claimed change (one vectorized pass),
    with whether each piece follows a cut (is not the first piece of its run)."""
    flat = [entry for runs in groups for run in runs for entry in run]
    if not flat:
        return [(runs, [False] * len(runs)) for runs in groups]
    heads = np.zeros(len(flat), dtype=bool)
    owner: list[int] = []  # group of each run, in order
    at = 0
    for g, runs in enumerate(groups):
        for run in runs:
            heads[at] = True
            at += len(run)
            owner.append(g)
    # values compare folded, as in truth discovery; fold each written value once
    folded: dict[str, int] = {}
    code_of: dict[str | None, int] = {}

    def code(value: str | None) -> int:
        found = code_of.get(value)
        if found is None:
            found = code_of[value] = folded.setdefault(fold(value or ""), len(folded))
        return found

    value = np.fromiter(
        (code(claim.value) if _takes_part(claim) else -1 for _, _, claim in flat),
        dtype=np.int64,
        count=len(flat),
    )
    day = np.fromiter((lo for lo, _, _ in flat), dtype=np.int64, count=len(flat))
    last_day = np.fromiter((hi for _, hi, _ in flat), dtype=np.int64, count=len(flat))
    starts = split_changes(heads, day, last_day, value, change_rate)
    out: list[tuple[list[list[_Entry]], list[bool]]] = [([], []) for _ in groups]
    bounds = [*np.flatnonzero(starts).tolist(), len(flat)]
    current = -1  # the window run the piece comes from
    for begin, end in itertools.pairwise(bounds):
        if heads[begin]:
            current += 1
        pieces, follows = out[owner[current]]
        pieces.append(flat[begin:end])
        follows.append(not heads[begin])
    return out


def _takes_part(claim: Claim) -> bool:
    """Whether a claim speaks for a value in the change rule: an assertion or an
    uncertain report of a category (denials and counts do not)."""
    return not claim.is_numeric and claim.stance is not Stance.DENIES


def _episode(
    subject: str, prop: str, run: list[_Entry], timeless: list[Claim], follows_change: bool
) -> Episode:
    timed = [claim for _, _, claim in run]
    claims = tuple(timed) if not timeless else tuple(sorted([*timeless, *timed], key=claim_order))
    first = run[0][0]
    last = max(hi for _, hi, _ in run)
    start, end = dt.date.fromordinal(first), dt.date.fromordinal(last)
    return Episode(subject, prop, start, end, claims, follows_change)
