"""The result of place resolution: places, the merges that made them, and the index."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import attrs

from .._errors import InvalidClaimError
from ._normalize import normalize_place

__all__ = [
    "BUILTIN_GAZETTEER",
    "FUZZY",
    "GAZETTEER",
    "NORMALIZED",
    "ROMANIZATION",
    "RULES",
    "RULE_ORDER",
    "SHORT_FORM",
    "Merge",
    "Place",
    "PlaceIndex",
]

#: Spellings equal after :func:`normalize_place`.
NORMALIZED = "normalized"
#: A spelling matches a gazetteer name or alias, or two spellings are names of one entry.
GAZETTEER = "gazetteer"
#: As ``gazetteer``, where the spelling comes from the bundled gazetteer.
BUILTIN_GAZETTEER = "builtin-gazetteer"
#: Same consonant skeleton, and one spelling's vowels contained in the other's.
ROMANIZATION = "romanization"
#: Consonants romanized alike (p/b, v/f, gh/g, a dropped h) and a high rapidfuzz ratio.
FUZZY = "fuzzy"
#: A name whose words begin exactly one longer known name.
SHORT_FORM = "short-form"

#: Every rule a :class:`Merge` may name, strongest first.
RULES: tuple[str, ...] = (
    NORMALIZED,
    GAZETTEER,
    BUILTIN_GAZETTEER,
    ROMANIZATION,
    FUZZY,
    SHORT_FORM,
)


#: Position of each rule in :data:`RULES`, to order merges.
RULE_ORDER = {rule: position for position, rule in enumerate(RULES)}


@attrs.frozen(slots=True)
class Merge:
    """Why two spellings are one place.

    Attributes
    ----------
    a, b : str
        The two spellings joined (a gazetteer name or alias, or an input spelling).
    rule : str
        One of :data:`RULES`: ``normalized``, ``gazetteer`` (a gazetteer you
        gave), ``builtin-gazetteer`` (the bundled one), ``romanization``,
        ``fuzzy``, ``short-form``.
    score : float
        The rapidfuzz ratio (0-100) of the two normalized forms (of their
        words that differ for ``fuzzy``); 100 for ``normalized`` and the gazetteers.
    """

    a: str
    b: str
    rule: str
    score: float

    def to_record(self) -> dict[str, Any]:
        """A plain dict: ``a``, ``b``, ``rule``, ``score``."""
        return {"a": self.a, "b": self.b, "rule": self.rule, "score": self.score}


@attrs.frozen(slots=True)
class Place:
    """A canonical place and the spellings that name it.

    Attributes
    ----------
    id : str
        A slug of the normalized display name (``karm-qasr``); unique in an index.
    name : str
        The display name: the gazetteer name if there is one, else the most
        frequent spelling.
    variants : tuple of str
        The input spellings of the place, most frequent first.
    merges : tuple of Merge
        The merges that join the variants (a tree: one fewer than the spellings
        it connects), starting from the display name.
    parent, lat, lon
        From the gazetteer, else ``None``.
    """

    id: str
    name: str
    variants: tuple[str, ...]
    merges: tuple[Merge, ...] = ()
    parent: str | None = None
    lat: float | None = None
    lon: float | None = None

    def to_record(self) -> dict[str, Any]:
        """A plain dict for JSON or a table; merges as a list of dicts."""
        return {
            "id": self.id,
            "name": self.name,
            "variants": list(self.variants),
            "merges": [merge.to_record() for merge in self.merges],
            "parent": self.parent,
            "lat": self.lat,
            "lon": self.lon,
        }


class PlaceIndex:
    """The places found among a set of spellings, and how each spelling maps to one.

    Built by :func:`resolve_places`. Any spelling that normalizes like a known one
    (same :func:`normalize_place` key) is found too.
    """

    def __init__(
        self,
        places: Iterable[Place],
        lookup: Mapping[str, Place],
        key_lookup: Mapping[str, Place],
        trees: Mapping[str, Mapping[str, list[tuple[str, Merge]]]],
        representatives: Mapping[str, str],
    ) -> None:
        self._places = tuple(sorted(places, key=lambda place: place.id))
        self._lookup = dict(lookup)
        self._key_lookup = dict(key_lookup)
        self._trees = trees
        self._representatives = representatives

    @property
    def places(self) -> tuple[Place, ...]:
        """Every place, ordered by id."""
        return self._places

    def place_of(self, name: str) -> Place:
        """The place spelled ``name``.

        Raises
        ------
        KeyError
            If ``name`` is neither a resolved spelling nor normalizes like one.
        """
        found = self._lookup.get(name)
        if found is not None:
            return found
        try:
            key = normalize_place(name)
        except InvalidClaimError:
            raise KeyError(name) from None
        found = self._key_lookup.get(key)
        if found is None:
            raise KeyError(name)
        return found

    def key_of(self, name: str) -> str:
        """The id of the place spelled ``name`` (raises ``KeyError`` like :meth:`place_of`)."""
        return self.place_of(name).id

    def explain(self, a: str, b: str) -> tuple[Merge, ...]:
        """The chain of merges leading from spelling ``a`` to spelling ``b``.

        The chain is oriented: the first merge starts at ``a``, each merge's ``b`` is
        the next one's ``a``, and the last ends at ``b``. Empty when ``a`` and ``b`` are
        different places, or the same string. A spelling that was not among the
        inputs but normalizes like one is linked to it by a ``normalized`` merge.

        Raises
        ------
        KeyError
            If either spelling is unknown.
        """
        place_a, place_b = self.place_of(a), self.place_of(b)
        if place_a.id != place_b.id or a == b:
            return ()
        tree = self._trees[place_a.id]
        start, end = self._node(a, tree), self._node(b, tree)
        chain = _oriented(_path(tree, start, end), start)
        if start != a:
            chain.insert(0, Merge(a, start, NORMALIZED, 100.0))
        if end != b:
            if start == end and start != a:
                return (Merge(a, b, NORMALIZED, 100.0),)
            chain.append(Merge(end, b, NORMALIZED, 100.0))
        return tuple(chain)

    def _node(self, name: str, tree: Mapping[str, object]) -> str:
        if name in tree:
            return name
        return self._representatives[normalize_place(name)]

    def to_records(self) -> list[dict[str, Any]]:
        """One dict a place: id, name, variants, merges, parent, lat, lon."""
        return [place.to_record() for place in self._places]

    def __len__(self) -> int:
        return len(self._places)

    def __iter__(self) -> Iterator[Place]:
        return iter(self._places)

    def __contains__(self, name: object) -> bool:
        if not isinstance(name, str):
            return False
        try:
            self.place_of(name)
        except KeyError:
            return False
        return True

    def __repr__(self) -> str:
        return f"PlaceIndex({len(self._places)} places, {len(self._lookup)} spellings)"


def _path(tree: Mapping[str, list[tuple[str, Merge]]], start: str, end: str) -> Iterator[Merge]:
    came_from: dict[str, tuple[str, Merge] | None] = {start: None}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        if node == end:
            break
        for neighbour, merge in tree.get(node, ()):
            if neighbour not in came_from:
                came_from[neighbour] = (node, merge)
                queue.append(neighbour)
    steps: list[Merge] = []
    node = end
    while (step := came_from.get(node)) is not None:
        node, merge = step
        steps.append(merge)
    return reversed(steps)


def _oriented(merges: Iterable[Merge], start: str) -> list[Merge]:
    """The merges of a path, each turned to lead away from ``start``."""
    chain: list[Merge] = []
    current = start
    for merge in merges:
        if merge.a != current:
            merge = attrs.evolve(merge, a=merge.b, b=merge.a)
        chain.append(merge)
        current = merge.b
    return chain
