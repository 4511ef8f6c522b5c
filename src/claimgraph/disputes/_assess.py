"""What one episode says: who holds the place, or why it is disputed."""

from __future__ import annotations

import enum
from itertools import combinations

import attrs

from ..graph import Episode, Relation, RelationKind, relate
from ..model import CONTESTED, Claim, Stance

__all__ = ["Assessment", "Reason", "Status", "assess"]


class Status(enum.StrEnum):
    """State of a place (or any subject) in a period."""

    HELD = "held"
    """Every source's last word gives one value."""
    DISPUTED = "disputed"
    """Sources give different values, deny each other, or say it is unclear."""
    UNKNOWN = "unknown"
    """No source asserts a value (only denials)."""


class Reason(enum.StrEnum):
    """Why an episode is disputed."""

    CONTRADICTION = "contradiction"
    """Two sources give values that cannot both hold for the same days."""
    DENIAL = "denial"
    """A source denies what another asserts."""
    UNCLEAR = "unclear"
    """A source says control is unclear or contested."""
    LOW_CONFIDENCE = "low_confidence"
    """No source contradicts another, but weighed by their trust and by the
    reports before and after, no holder reaches the confidence threshold (a
    lone report of a new holder by a source often wrong, say)."""


_CONFLICT = {RelationKind.CONTRADICTS: Reason.CONTRADICTION, RelationKind.DENIES: Reason.DENIAL}


@attrs.frozen(slots=True)
class Assessment:
    """The verdict on one episode.

    ``likely`` and ``confidence`` are the most likely value given the sources'
    trust and the episodes around it, and its probability (see
    :func:`claimgraph.disputes.build_timelines`); both ``None`` when judged
    without trust.
    """

    episode: Episode
    status: Status
    value: str | None
    reasons: tuple[Reason, ...]
    latest: tuple[Claim, ...]
    conflicts: tuple[Relation, ...]
    likely: str | None = None
    confidence: float | None = None


def _may_conflict(latest: tuple[Claim, ...]) -> bool:
    """Whether categorical last words hold two values, or deny an asserted one."""
    asserted: set[str | None] = set()
    denied: set[str | None] = set()
    for claim in latest:
        (denied if claim.stance is Stance.DENIES else asserted).add(claim.value)
    return len(asserted) > 1 or not denied.isdisjoint(asserted)


def assess(episode: Episode, *, relative_tolerance: float = 0.0) -> Assessment:
    """Judge an episode from each source's last word in it.

    A source that changes its account within the episode is revising itself,
    not disputing anyone: only its latest claim counts here.

    Examples
    --------
    >>> from claimgraph.graph import group_episodes
    >>> from claimgraph.testing import make_claim
    >>> [episode] = group_episodes([
    ...     make_claim("rebels", "Sheikh Najjar", "rebels", on="2014-02-19"),
    ...     make_claim("SOHR", "Sheikh Najjar", "unclear", on="2014-02-19",
    ...                stance="uncertain")])
    >>> verdict = assess(episode)
    >>> verdict.status.value, [r.value for r in verdict.reasons]
    ('disputed', ['contradiction', 'unclear'])
    """
    latest = episode.last_words()
    conflicts: list[Relation] = []
    reasons: set[Reason] = set()
    if any(c.is_numeric for c in latest) or _may_conflict(latest):
        for a, b in combinations(latest, 2):
            relation = relate(a, b, relative_tolerance=relative_tolerance)
            if relation is not None and relation.kind in _CONFLICT:
                conflicts.append(relation)
                reasons.add(_CONFLICT[relation.kind])
    if any(claim.value == CONTESTED for claim in latest):
        reasons.add(Reason.UNCLEAR)
    asserted = {
        claim.display_value
        for claim in latest
        if claim.stance is not Stance.DENIES and claim.value != CONTESTED
    }
    if reasons:
        status, value = Status.DISPUTED, None
    elif len(asserted) == 1:
        status, value = Status.HELD, next(iter(asserted))
    elif asserted:
        # Compatible numbers that are not equal (">= 30" and "35"): no single value.
        status, value = Status.HELD, None
    else:
        status, value = Status.UNKNOWN, None
    ordered = tuple(r for r in Reason if r in reasons)
    return Assessment(episode, status, value, ordered, latest, tuple(conflicts))
