"""How two claims in one episode relate: contradict, corroborate, deny or revise."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple

from ..model import Claim, Stance
from ._episodes import Episode
from ._time import comparable_periods

__all__ = [
    "Relation",
    "RelationKind",
    "all_relations",
    "compatible_values",
    "relate",
    "relations_in",
]


class RelationKind(enum.StrEnum):
    """Kinds of edges between two claims."""

    CONTRADICTS = "contradicts"
    """Different sources, values that cannot both hold for the same time."""
    CORROBORATES = "corroborates"
    """Different sources, the same value (or compatible numbers)."""
    DENIES = "denies"
    """One source denies the value another asserts (edge from the denial)."""
    REVISES = "revises"
    """The same source changes its account (edge from the later claim)."""


class Relation(NamedTuple):
    """An edge ``source -[kind]-> target`` between two claims."""

    kind: RelationKind
    source: Claim
    target: Claim


def compatible_values(a: Claim, b: Claim, *, relative_tolerance: float = 0.0) -> bool:
    """Whether two claims state values that can both hold.

    Numbers are compatible when their ``[low, high]`` intervals meet, each
    widened by ``relative_tolerance`` of its magnitude; other values when
    they are equal.

    >>> from claimgraph.testing import make_claim
    >>> at_least_30 = make_claim("A", "Bezaa", ">=30", property="killed")
    >>> compatible_values(at_least_30, make_claim("B", "Bezaa", 35, property="killed"))
    True
    >>> compatible_values(make_claim("A", "X", 517, property="killed"),
    ...                   make_claim("B", "X", ">1000", property="killed"))
    False
    """
    if a.is_numeric and b.is_numeric:
        lo_a, hi_a = _widen(a.low, a.high, relative_tolerance)
        lo_b, hi_b = _widen(b.low, b.high, relative_tolerance)
        return lo_a <= hi_b and lo_b <= hi_a
    return a.display_value == b.display_value


def _widen(low: float | None, high: float | None, tol: float) -> tuple[float, float]:
    lo = -float("inf") if low is None else low - abs(low) * tol
    hi = float("inf") if high is None else high + abs(high) * tol
    return lo, hi


def _numeric(claim: Claim) -> bool:
    return claim.low is not None or claim.high is not None


def relate(earlier: Claim, later: Claim, *, relative_tolerance: float = 0.0) -> Relation | None:
    """The relation between two claims of one episode, ``earlier`` first in time.

    Returns ``None`` when they neither support nor oppose each other: a
    source repeating itself, counts for periods that are not comparable, or a
    denial of one value next to the assertion of another, or two sides each said
    to hold part of the place. ``contested`` is a value like the others: it
    contradicts every holder and agrees with itself.

    Examples
    --------
    >>> from claimgraph.testing import make_claim
    >>> army = make_claim("Al-Manar", "Tal Alam", "army", on="2014-01-15")
    >>> relate(army, make_claim("SOHR", "Tal Alam", "regime", on="2014-01-16")).kind.value
    'corroborates'
    >>> relate(army, make_claim("rebels", "Tal Alam", "rebels", on="2014-01-16")).kind.value
    'contradicts'
    >>> relate(army, make_claim("Al-Manar", "Tal Alam", "unclear", on="2014-01-16")).kind.value
    'revises'
    >>> part = make_claim("rebels", "Tal Alam", "rebels", on="2014-01-16", partial=True)
    >>> relate(army, part) is None
    True
    """
    numeric = _numeric(earlier)
    if numeric != _numeric(later):
        return None
    if numeric:
        if not comparable_periods(earlier, later):
            return None
        same_value = compatible_values(earlier, later, relative_tolerance=relative_tolerance)
    else:
        same_value = earlier.value == later.value
    deny_a = earlier.stance is Stance.DENIES
    deny_b = later.stance is Stance.DENIES
    if earlier.source == later.source:
        if same_value and deny_a == deny_b:
            return None
        return Relation(RelationKind.REVISES, later, earlier)
    if deny_a or deny_b:
        if deny_a and deny_b:
            return Relation(RelationKind.CORROBORATES, earlier, later) if same_value else None
        if not same_value:
            return None
        denial, denied = (earlier, later) if deny_a else (later, earlier)
        return Relation(RelationKind.DENIES, denial, denied)
    if not same_value and not numeric and (earlier.partial or later.partial):
        # Each side holding part of a place (a divided town) is no contradiction.
        return None
    kind = RelationKind.CORROBORATES if same_value else RelationKind.CONTRADICTS
    return Relation(kind, earlier, later)


def relations_in(episode: Episode, *, relative_tolerance: float = 0.0) -> Iterator[Relation]:
    """Relations among an episode's claims.

    A claim is related to its own source's previous claim (a revision, if it
    differs) and, for every position taken earlier (a value asserted, or a
    value denied), to the latest claim of another source holding it. Claims
    of one position thus form a chain of corroboration instead of a clique,
    and the number of edges grows with claims times positions, not with the
    square of the claims. Counts, whose agreement depends on their periods,
    are related to every source's latest earlier count, one claim for each
    distinct count (the same bounds, period and stance relate alike): the
    latest source to state it. Sources repeating one figure also make a chain.

    >>> from claimgraph.testing import make_claim
    >>> from claimgraph.graph import group_episodes
    >>> counts = [make_claim(f"S{k}", "Bezaa", 35, property="killed", on="2016-01-01")
    ...           for k in range(4)]
    >>> [r.kind.value for r in relations_in(group_episodes(counts)[0])]  # a chain, not 6
    ['corroborates', 'corroborates', 'corroborates']
    """
    own: dict[str, Claim] = {}
    # position -> the latest claim holding it, and the latest from another source
    holders: dict[tuple[bool, str], list[Claim]] = {}
    # count -> each source whose latest claim states it, with that claim, latest last
    counts: dict[_Count, dict[str, Claim]] = {}
    count_of: dict[str, _Count] = {}  # source -> the count its latest claim states
    for claim in episode.claims:
        previous = own.get(claim.source)
        if previous is not None:
            relation = relate(previous, claim, relative_tolerance=relative_tolerance)
            if relation is not None:
                yield relation
        stated = count_of.pop(claim.source, None)
        if stated is not None:  # the source's earlier count no longer stands
            standing = counts[stated]
            del standing[claim.source]
            if not standing:
                del counts[stated]
        if _numeric(claim):
            for standing in counts.values():
                for source in reversed(standing):
                    if source != claim.source:
                        earlier = standing[source]
                        relation = relate(earlier, claim, relative_tolerance=relative_tolerance)
                        if relation is not None:
                            yield relation
                        break
            key = _count(claim)
            counts.setdefault(key, {})[claim.source] = claim
            count_of[claim.source] = key
        else:
            for slot in holders.values():
                earlier = slot[0] if slot[0].source != claim.source else slot[-1]
                if earlier.source == claim.source:
                    continue
                relation = relate(earlier, claim, relative_tolerance=relative_tolerance)
                if relation is not None:
                    yield relation
            key_held = (claim.stance is Stance.DENIES, claim.value or "")
            found = holders.get(key_held)
            if found is None:
                holders[key_held] = [claim]
            elif found[0].source == claim.source:
                found[0] = claim
            else:
                holders[key_held] = [claim, found[0]]
        own[claim.source] = claim


#: What :func:`relate` reads of a count besides its source.
_Count = tuple[bool, float | None, float | None, Any, Any, Any]


def _count(claim: Claim) -> _Count:
    return (
        claim.stance is Stance.DENIES,
        claim.low,
        claim.high,
        claim.start,
        claim.end,
        claim.precision,
    )


def all_relations(
    episodes: Iterable[Episode], *, relative_tolerance: float = 0.0
) -> list[Relation]:
    """Relations of every episode, in episode order, each pair once.

    A timeless claim belongs to several episodes of its group; its relations
    are kept the first time they are found.
    """
    out: list[Relation] = []
    seen: set[tuple[int, int]] = set()
    for episode in episodes:
        if len(episode.claims) < 2:
            continue
        shared = episode.start is not None and any(
            c.start is None and c.end is None for c in episode.claims
        )
        for relation in relations_in(episode, relative_tolerance=relative_tolerance):
            if shared:
                pair = (id(relation.source), id(relation.target))
                if pair in seen:
                    continue
                seen.add(pair)
            out.append(relation)
    return out
