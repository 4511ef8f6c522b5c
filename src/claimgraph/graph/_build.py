"""The claim graph: claims, sources and places, and the relations between claims."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Hashable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

import attrs
import networkx as nx

from .._gc import collector_paused
from ..model import CONTROL, Claim, SourceRegistry
from ._changes import CHANGE_RATE
from ._episodes import Episode, group_episodes
from ._relations import Relation, RelationKind, all_relations
from ._time import DEFAULT_WINDOW

if TYPE_CHECKING:
    import pandas as pd

    from ..places import Gazetteer, PlaceIndex

__all__ = ["ClaimGraph", "claim_node", "place_node", "source_node"]


def claim_node(claim: Claim) -> str:
    """Node key of a claim."""
    return f"claim:{claim.id}"


def source_node(name: str) -> str:
    """Node key of a source."""
    return f"source:{name}"


def place_node(key: str) -> str:
    """Node key of a (resolved) place or subject."""
    return f"place:{key}"


@attrs.define(slots=True, repr=False)
class ClaimGraph:
    """Claims linked by place, time and source; build it with :meth:`ClaimGraph.build`.

    Attributes
    ----------
    claims : list of Claim
        The claims, with source names made canonical by the source registry.
    places : PlaceIndex or None
        How subjects were resolved to places (``None`` when resolution was off).
    window : int
        Days within which claims speak about the same time.
    episodes : list of Episode
        Claims grouped per place, property and time, cut where the claims of
        a changing property change.
    relations : list of Relation
        Contradictions, corroborations, denials and revisions (found on first
        use: truth discovery over the episodes does not need them).
    alignments : dict
        Source name -> alignment (``None`` when unknown).
    relative_tolerance : float
        Numbers within this fraction of each other are compatible.
    changing : frozenset of str
        Properties whose episodes were cut where the claims change.
    change_rate : float
        Prior number of changes per day of the cut (0: no cut).

    Examples
    --------
    >>> from claimgraph.testing import make_claim
    >>> cg = ClaimGraph.build([
    ...     make_claim("Al-Watan", "Karam al Qasr", "army", on="2014-01-25"),
    ...     make_claim("SOHR", "Karm al-Qasr", "army", on="2014-01-28"),
    ... ])
    >>> [(r.kind.value, r.source.source, r.target.source) for r in cg.relations]
    [('corroborates', 'Al-Watan', 'SOHR')]
    >>> sorted(kind for _, _, kind in cg.graph.edges(data="kind"))
    ['about', 'about', 'asserts', 'asserts', 'corroborates']

    In a notebook the graph shows its counts and busiest places, never every
    claim (``_repr_html_`` gives the same as a table):

    >>> cg
    <ClaimGraph: 2 claims, 2 sources, 1 places, 1 episodes, window 3 days>
      Karam al Qasr: 2 claims, 2 sources
    """

    claims: list[Claim]
    places: PlaceIndex | None
    window: int
    episodes: list[Episode]
    alignments: dict[str, str | None]
    relative_tolerance: float = 0.0
    changing: frozenset[str] = frozenset({CONTROL})
    change_rate: float = CHANGE_RATE
    _relations: list[Relation] | None = attrs.field(default=None, repr=False)
    _graph: Any = attrs.field(default=None, repr=False)
    _names: dict[str, str] | None = attrs.field(default=None, repr=False)

    @classmethod
    def build(
        cls,
        claims: Iterable[Claim],
        *,
        window: int | None = None,
        places: PlaceIndex | None = None,
        gazetteer: Gazetteer | None = None,
        builtin_gazetteer: bool = True,
        resolve_places: bool = True,
        sources: SourceRegistry | None = None,
        relative_tolerance: float = 0.0,
        changing: Collection[str] = (CONTROL,),
        change_rate: float = CHANGE_RATE,
    ) -> ClaimGraph:
        """Resolve places and group claims into episodes; relations follow on first use.

        Parameters
        ----------
        claims : iterable of Claim
        window : int, optional
            Days within which two claims speak about the same time (default 3).
            Further apart, different holders are a change of hands.
        places : PlaceIndex, optional
            A ready resolution of subjects; by default one is computed from the
            claims' subjects (with ``gazetteer`` if given).
        gazetteer : Gazetteer, optional
            Curated places; they extend the bundled gazetteer and win where the
            two meet.
        builtin_gazetteer : bool
            Whether place resolution uses the bundled gazetteer of exonyms
            (:func:`claimgraph.places.builtin_gazetteer`; default ``True``).
        resolve_places : bool
            ``False`` compares subjects exactly as written (for item ids such
            as ISBNs, where spelling resolution makes no sense).
        sources : SourceRegistry, optional
            Canonical source names and alignments; they override the
            ``alignment`` the claims carry. A source whose claims give two
            alignments takes the registry's, else the one most of its claims
            give (ties: alphabetical), on every one of its claims
            (:func:`claimgraph.io.read_claims` warns about such sources).
        relative_tolerance : float
            Numbers within this fraction of each other are compatible.
        changing : collection of str
            Properties whose value changes over time (default control): their
            episodes are also cut where the claims change, so that reports
            following a change of hands day by day make two episodes, each
            held, rather than one disputed episode.
        change_rate : float
            Prior number of changes per day for ``changing`` properties
            (default :data:`CHANGE_RATE`: a place changes hands about once a
            quarter); 0 never cuts. See :func:`group_episodes`.
        """
        window = DEFAULT_WINDOW if window is None else window
        if window < 0:
            raise ValueError(f"window: expected days >= 0, got {window}")
        if not change_rate >= 0:  # NaN fails too
            raise ValueError(f"change_rate: expected a number >= 0, got {change_rate}")
        with collector_paused():
            return cls._build(
                claims,
                window,
                places,
                gazetteer,
                builtin_gazetteer,
                resolve_places,
                sources,
                relative_tolerance,
                frozenset(changing),
                float(change_rate),
            )

    @classmethod
    def _build(
        cls,
        claims: Iterable[Claim],
        window: int,
        places: PlaceIndex | None,
        gazetteer: Gazetteer | None,
        builtin_gazetteer: bool,
        resolve_places: bool,
        sources: SourceRegistry | None,
        relative_tolerance: float,
        changing: frozenset[str],
        change_rate: float,
    ) -> ClaimGraph:
        claim_list, places, alignments = settle_claims(
            claims, places, gazetteer, builtin_gazetteer, resolve_places, sources
        )
        subject_of = None if places is None else _subject_key(places)
        episodes = group_episodes(
            claim_list,
            window=window,
            subject_of=subject_of,
            changing=changing,
            change_rate=change_rate,
        )
        return cls(
            claims=claim_list,
            places=places,
            window=window,
            episodes=episodes,
            alignments=alignments,
            relative_tolerance=relative_tolerance,
            changing=changing,
            change_rate=change_rate,
        )

    # -- places --------------------------------------------------------------

    def place_key(self, claim: Claim) -> str:
        """The resolved place id of a claim's subject (the subject itself without resolution)."""
        return claim.subject if self.places is None else str(self.places.key_of(claim.subject))

    def place_name(self, key: str) -> str:
        """Display name of a place id."""
        if self.places is None:
            return key
        return str(self._place_names().get(key, key))

    def _place_names(self) -> dict[str, str]:
        assert self.places is not None
        if self._names is None:
            self._names = {place.id: place.name for place in self.places.places}
        return self._names

    def item_key(self) -> Callable[[Claim], Hashable]:
        """A function giving each claim its item: (place id, property, episode start).

        For scoring methods that need items (truth discovery): claims about one
        resolved place, property and stretch of time are one item. A timeless
        claim is taken with the first episode it belongs to.
        """
        items: dict[int, tuple[str, str, Any]] = {}
        for episode in self.episodes:
            key = (episode.subject, episode.property, episode.start)
            for claim in episode.claims:
                items.setdefault(id(claim), key)
        return lambda claim: items[id(claim)]

    @property
    def relations(self) -> list[Relation]:
        """Contradictions, corroborations, denials and revisions between claims
        (computed once, on first use)."""
        if self._relations is None:
            with collector_paused():
                self._relations = all_relations(
                    self.episodes, relative_tolerance=self.relative_tolerance
                )
        return self._relations

    @property
    def sources(self) -> list[str]:
        """Source names, sorted."""
        return sorted(self.alignments)

    def relations_of(self, kind: RelationKind | str) -> list[Relation]:
        """Relations of one kind."""
        kind = RelationKind(kind)
        return [r for r in self.relations if r.kind is kind]

    # -- notebook display ----------------------------------------------------

    def _busiest_places(self) -> list[tuple[str, int, int]]:
        """(place name, claims, sources) of every place, most claims first."""
        key_of = _subject_key(self.places) if self.places is not None else None
        claims: Counter[str] = Counter()
        sources: dict[str, set[str]] = defaultdict(set)
        for claim in self.claims:
            key = key_of(claim) if key_of is not None else claim.subject
            claims[key] += 1
            sources[key].add(claim.source)
        ranked = sorted(claims.items(), key=lambda kv: (-kv[1], kv[0]))
        return [(self.place_name(key), n, len(sources[key])) for key, n in ranked]

    def _facts(self, places: int) -> list[tuple[str, object]]:
        return [
            ("claims", len(self.claims)),
            ("sources", len(self.alignments)),
            ("places", places),
            ("episodes", len(self.episodes)),
            ("", f"window {self.window} days"),
        ]

    def __repr__(self) -> str:
        from .._display import TOP_TEXT, text_summary

        busiest = self._busiest_places()
        top = [f"{name}: {n} claims, {s} sources" for name, n, s in busiest[:TOP_TEXT]]
        more = len(busiest) - len(top)
        return text_summary("ClaimGraph", self._facts(len(busiest)), top, more=more)

    def _repr_html_(self) -> str:
        from .._display import TOP_HTML, html_summary

        busiest = self._busiest_places()
        return html_summary(
            "ClaimGraph",
            self._facts(len(busiest)),
            ("place", "claims", "sources"),
            busiest[:TOP_HTML],
            more=len(busiest) - TOP_HTML,
            caption="places with most claims",
        )

    def to_dataframe(self) -> pd.DataFrame:
        """The claims as a DataFrame, one row a claim, one column a claim field.

        ``start`` and ``end`` are ``datetime64`` columns (``NaT`` for a
        timeless claim). Needs pandas, the ``pandas`` extra.

        Examples
        --------
        >>> from claimgraph.testing import make_claim
        >>> cg = ClaimGraph.build([make_claim("SANA", "Hilan", "army", on="2014-05-21")])
        >>> frame = cg.to_dataframe()
        >>> frame[["source", "subject", "value"]].values.tolist()
        [['SANA', 'Hilan', 'government']]
        >>> str(frame["start"].dtype)
        'datetime64[s]'
        """
        from .._display import dataframe
        from ..model import RECORD_FIELDS

        records = []
        for claim in self.claims:
            record = claim.to_record()
            record["start"], record["end"] = claim.start, claim.end
            records.append(record)
        return dataframe(records, RECORD_FIELDS, ("start", "end"))

    # -- networkx ------------------------------------------------------------

    @property
    def graph(self) -> nx.DiGraph:
        """A networkx DiGraph of claims, sources and places (built once, then cached).

        Nodes have ``kind`` ``"claim"``, ``"source"`` or ``"place"``; claim
        nodes carry the :class:`Claim` as ``claim``; sources their ``name`` and
        ``alignment``; places their ``name``, ``lat``, ``lon`` and ``parent``
        (``None`` when unknown). Edges have ``kind``:
        ``asserts`` (source -> claim), ``about`` (claim -> place) or a
        :class:`RelationKind` value between claims.
        """
        if self._graph is None:
            with collector_paused():
                self._graph = self._build_graph()
        return self._graph

    def _build_graph(self) -> nx.DiGraph:
        g = nx.DiGraph()
        for name, alignment in self.alignments.items():
            g.add_node(source_node(name), kind="source", name=name, alignment=alignment)
        if self.places is None:
            for key in sorted({c.subject for c in self.claims}):
                g.add_node(place_node(key), kind="place", name=key)
        else:
            for place in self.places.places:
                g.add_node(
                    place_node(place.id),
                    kind="place",
                    name=place.name,
                    lat=place.lat,
                    lon=place.lon,
                    parent=place.parent,
                )
        nodes = {id(c): claim_node(c) for c in self.claims}
        g.add_nodes_from((nodes[id(c)], {"kind": "claim", "claim": c}) for c in self.claims)
        key_of = _subject_key(self.places) if self.places is not None else None
        g.add_edges_from(
            ((source_node(c.source), nodes[id(c)]) for c in self.claims), kind="asserts"
        )
        g.add_edges_from(
            (
                (nodes[id(c)], place_node(key_of(c) if key_of is not None else c.subject))
                for c in self.claims
            ),
            kind="about",
        )
        kinds = {kind: {"kind": kind.value} for kind in RelationKind}
        # one pass; each edge gets its own copy of the attributes, as networkx does
        g.add_edges_from(
            (nodes[id(r.source)], nodes[id(r.target)], kinds[r.kind]) for r in self.relations
        )
        return g


def _subject_key(places: PlaceIndex) -> Any:
    cache: dict[str, str] = {}

    def key(claim: Claim) -> str:
        subject = claim.subject
        found = cache.get(subject)
        if found is None:
            found = cache[subject] = str(places.key_of(subject))
        return found

    return key


def settle_claims(
    claims: Iterable[Claim],
    places: PlaceIndex | None,
    gazetteer: Gazetteer | None,
    builtin_gazetteer: bool,
    resolve_places: bool,
    sources: SourceRegistry | None,
) -> tuple[list[Claim], PlaceIndex | None, dict[str, str | None]]:
    """What :meth:`ClaimGraph.build` settles over all claims before it makes episodes:
    registry names, resolved places and one alignment per source (the Dask path
    settles the same once, before it partitions)."""
    claim_list = list(claims)
    if sources is not None and len(sources):
        claim_list = [_with_registry(c, sources) for c in claim_list]
    if places is None and resolve_places:
        from ..places import resolve_places as resolve

        counts = Counter(c.subject for c in claim_list)
        places = resolve(
            counts, gazetteer=gazetteer, builtin_gazetteer=builtin_gazetteer, counts=counts
        )
    alignments, mixed = _alignments(claim_list, sources)
    if mixed:
        # a source has one alignment: claims that say otherwise take the one settled
        claim_list = [
            attrs.evolve(c, alignment=alignments[c.source])
            if c.source in mixed and c.alignment is not None
            else c
            for c in claim_list
        ]
    return claim_list, places, alignments


def _with_registry(claim: Claim, registry: SourceRegistry) -> Claim:
    found = registry.find(claim.source)
    if found is None:
        return claim
    alignment = found.alignment if found.alignment is not None else claim.alignment
    if found.name == claim.source and alignment == claim.alignment:
        return claim
    return attrs.evolve(claim, source=found.name, alignment=alignment)


def _alignments(
    claims: Sequence[Claim], registry: SourceRegistry | None
) -> tuple[dict[str, str | None], set[str]]:
    """Each source's alignment: the registry's, else the one most of its claims carry
    (ties: the first in alphabetical order); and the sources whose claims give more
    than one."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for claim in claims:
        counter = votes[claim.source]
        if claim.alignment is not None:
            counter[claim.alignment] += 1
    out: dict[str, str | None] = {}
    for source in sorted(votes):
        stated = registry.alignment(source) if registry is not None else None
        if stated is None and votes[source]:
            stated = sorted(votes[source].items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        out[source] = stated
    return out, {source for source, counter in votes.items() if len(counter) > 1}
