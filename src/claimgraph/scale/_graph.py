"""Claims partitioned by resolved place on a Dask cluster, and the analysis over them.

Place resolution, the source registry and each source's alignment are settled
once over all claims on the client (they need every spelling and every claim of
a source, and are cheap: one entry per distinct name). The claims are then cut
by resolved place into partitions, and every partition becomes a claim graph on
a worker: episodes never cross places, so each partition's episodes are the
single-process graph's episodes of its places. Disputes are found per
partition; agreement is reduced from per-partition pair counts; truth
discovery runs as one task over the partitions' episodes (see
docs/scale.md for what is distributed and what is not yet).
"""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar, Unpack

import attrs

from .._gc import collector_paused
from ..disputes import Disputes, find_disputes
from ..graph import CHANGE_RATE, ClaimGraph
from ..graph._build import settle_claims
from ..graph._time import DEFAULT_WINDOW
from ..model import CONTROL, Claim, SourceRegistry
from ..scoring import Agreement
from ._agreement import AgreementCounts, count_agreement, reduce_agreement
from ._client import dask_client

if TYPE_CHECKING:
    from ..disputes import Dispute
    from ..places import Gazetteer, PlaceIndex
    from ..scoring.truth import TruthResult
    from ..scoring.truth._options import GraphKeywords

__all__ = [
    "DaskClaimGraph",
    "PartitionFigures",
    "find_disputes_dask",
    "partition_places",
    "source_agreement_dask",
]

T = TypeVar("T")

#: Partitions per worker thread by default: several, so that a large place
#: does not leave the other workers idle at the end.
PARTITIONS_PER_THREAD = 4


@attrs.frozen(slots=True)
class PartitionFigures:
    """What one partition holds and the CPU seconds its tasks took (thread time).

    ``build`` is the claim graph (episodes), ``disputes`` and ``agreement``
    the per-partition steps; ``None`` when the step has not run.
    """

    partition: int
    claims: int
    places: int
    episodes: int
    build: float
    disputes: float | None = None
    agreement: float | None = None

    def to_record(self) -> dict[str, Any]:
        return attrs.asdict(self)


@attrs.frozen(slots=True)
class _Part:
    """A partition's claim graph on its worker, with the original index of each claim."""

    graph: ClaimGraph
    positions: tuple[int, ...]
    seconds: float


def _timed(func: Callable[..., T], *args: Any) -> tuple[T, float]:
    began = time.thread_time()
    out = func(*args)
    return out, time.thread_time() - began


def partition_places(counts: dict[str, int], partitions: int) -> dict[str, int]:
    """Assign places to ``partitions`` partitions, balancing their claims.

    Largest place first, each to the partition with fewest claims so far (ties:
    the lowest number): the same counts always give the same partitions.

    >>> partition_places({"a": 5, "b": 3, "c": 3, "d": 1}, 2)
    {'a': 0, 'b': 1, 'c': 1, 'd': 0}
    """
    if partitions < 1:
        raise ValueError(f"partitions: expected a number >= 1, got {partitions}")
    load = [0] * partitions
    out: dict[str, int] = {}
    for key, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        part = min(range(partitions), key=lambda p: (load[p], p))
        out[key] = part
        load[part] += n
    return dict(sorted(out.items()))


@attrs.frozen(slots=True)
class _Settings:
    """ClaimGraph.build's options for every partition (places already resolved)."""

    places: PlaceIndex | None
    window: int | None
    sources: SourceRegistry | None
    relative_tolerance: float
    changing: frozenset[str]
    change_rate: float

    def build(self, claims: list[Claim], positions: tuple[int, ...]) -> _Part:
        graph, seconds = _timed(
            lambda: ClaimGraph.build(
                claims,
                window=self.window,
                places=self.places,
                resolve_places=self.places is not None,
                sources=self.sources,
                relative_tolerance=self.relative_tolerance,
                changing=self.changing,
                change_rate=self.change_rate,
            )
        )
        return _Part(graph, positions, seconds)


class DaskClaimGraph:
    """Claims partitioned by resolved place, one claim graph per partition on a cluster.

    Build it with :meth:`build`; :meth:`disputes`, :meth:`agreement` and
    :meth:`truth` give what :func:`~claimgraph.disputes.find_disputes`,
    :func:`~claimgraph.scoring.source_agreement` and
    :func:`~claimgraph.scoring.truth.discover_graph` give on the single-process
    :class:`~claimgraph.graph.ClaimGraph` of the same claims.

    Attributes
    ----------
    overview : ClaimGraph
        All claims with the settled places, sources and alignments, and no
        episodes: for the checks that need the input as a whole (which
        properties and places it has).
    partitions : int
        How many partitions the claims were cut into.
    figures : list of PartitionFigures
        Per partition, its size and the CPU seconds of the steps run so far.

    Examples
    --------
    >>> from claimgraph.scale import DaskClaimGraph, dask_client
    >>> from claimgraph.testing import make_claim
    >>> claims = [make_claim("army", "Bureij", "government", on="2014-05-03"),
    ...           make_claim("rebels", "Breij", "rebels", on="2014-05-05"),
    ...           make_claim("army", "Hilan", "government", on="2014-05-21")]
    >>> with dask_client(processes=False, workers=1) as client:
    ...     graph = DaskClaimGraph.build(claims, client=client, partitions=2)
    ...     print([d.values for d in graph.disputes()])
    [('government', 'opposition')]
    """

    def __init__(
        self,
        client: Any,
        overview: ClaimGraph,
        parts: list[Any],
        figures: list[PartitionFigures],
        names: list[frozenset[str]] | None = None,
    ) -> None:
        self._client = client
        self.overview = overview
        self._parts = parts
        self.figures = figures
        # each partition's place names: what it reads of truth discovery's items
        self._names = names if names is not None else [frozenset()] * len(parts)
        self._verdicts: dict[int, list[Any]] = {}
        self._truth: dict[tuple[str, tuple[tuple[str, object], ...]], Any] = {}

    @property
    def partitions(self) -> int:
        return len(self._parts)

    @classmethod
    def build(
        cls,
        claims: Iterable[Claim],
        *,
        client: Any,
        partitions: int | None = None,
        window: int | None = None,
        places: PlaceIndex | None = None,
        gazetteer: Gazetteer | None = None,
        builtin_gazetteer: bool = True,
        resolve_places: bool = True,
        sources: SourceRegistry | None = None,
        relative_tolerance: float = 0.0,
        changing: Collection[str] = (CONTROL,),
        change_rate: float = CHANGE_RATE,
    ) -> DaskClaimGraph:
        """Settle places and sources, cut the claims by place, build each partition's graph.

        Parameters
        ----------
        claims : iterable of Claim
        client : distributed.Client
            Where the partitions live (see :func:`dask_client`).
        partitions : int, optional
            How many (default: four per worker thread, at most one per place).
        window, places, gazetteer, builtin_gazetteer, resolve_places, sources, \
relative_tolerance, changing, change_rate
            As for :meth:`ClaimGraph.build <claimgraph.graph.ClaimGraph.build>`.

        Returns
        -------
        DaskClaimGraph
            With every partition's graph built (the call waits for them).
        """
        if window is not None and window < 0:
            raise ValueError(f"window: expected days >= 0, got {window}")
        if not change_rate >= 0:
            raise ValueError(f"change_rate: expected a number >= 0, got {change_rate}")
        with collector_paused():
            claim_list, places, alignments = settle_claims(
                claims, places, gazetteer, builtin_gazetteer, resolve_places, sources
            )
            overview = ClaimGraph(
                claims=claim_list,
                places=places,
                window=DEFAULT_WINDOW if window is None else window,
                episodes=[],
                alignments=alignments,
                relative_tolerance=relative_tolerance,
                changing=frozenset(changing),
                change_rate=float(change_rate),
            )
            keys = [overview.place_key(c) for c in claim_list] if places is not None else None
            counts = Counter(keys if keys is not None else (c.subject for c in claim_list))
            if partitions is None:
                threads = sum(client.nthreads().values()) or 1
                partitions = PARTITIONS_PER_THREAD * threads
            part_of = partition_places(dict(counts), max(1, min(partitions, len(counts) or 1)))
            n_parts = max(part_of.values(), default=0) + 1
            members: list[list[int]] = [[] for _ in range(n_parts)]
            for i, claim in enumerate(claim_list):
                members[part_of[keys[i] if keys is not None else claim.subject]].append(i)
        settings = _Settings(
            places,
            window,
            sources,
            relative_tolerance,
            frozenset(changing),
            float(change_rate),
        )
        chunks = client.scatter([[claim_list[i] for i in m] for m in members], hash=False)
        parts = [
            client.submit(settings.build, chunk, tuple(m), pure=False)
            for chunk, m in zip(chunks, members, strict=True)
        ]
        sizes = client.gather([client.submit(_sizes, p, pure=False) for p in parts])
        figures = [
            PartitionFigures(k, claims=n, places=p, episodes=e, build=s)
            for k, (n, p, e, s) in enumerate(sizes)
        ]
        names: list[set[str]] = [set() for _ in range(n_parts)]
        for key, k in part_of.items():
            names[k].add(overview.place_name(key))
        return cls(client, overview, parts, figures, [frozenset(n) for n in names])

    # -- the analysis --------------------------------------------------------

    def truth(self, method: str | None = None, **options: Unpack[GraphKeywords]) -> TruthResult:
        """:func:`~claimgraph.scoring.truth.discover_graph` on the whole graph's items.

        Runs as one task on a worker over every partition's claims and
        episodes, put back in the single-process order, so the result is
        the single-process one. Kept for the next call with the same options.
        """
        return self._client.gather(self._truth_future(method, options))  # type: ignore[no-any-return]

    def _truth_future(self, method: str | None, options: GraphKeywords) -> Any:
        from ..scoring.truth import DEFAULT_METHOD

        method = method or DEFAULT_METHOD
        key = (method, tuple(sorted(options.items())))
        found = self._truth.get(key)
        if found is None:
            o = self.overview
            whole = _Whole(
                len(o.claims),
                o.places,
                o.window,
                o.alignments,
                o.relative_tolerance,
                o.changing,
                o.change_rate,
            )
            found = self._truth[key] = self._client.submit(
                whole.truth, method, dict(options), *self._parts, pure=False
            )
        return found

    def disputes(
        self,
        *,
        property: str | None = None,
        place: str | None = None,
        trust: bool = True,
        truth: TruthResult | None = None,
    ) -> Disputes:
        """:func:`~claimgraph.disputes.find_disputes` per partition, merged in its order.

        The parameters are find_disputes's; the trust is learnt from every
        claim (:meth:`truth`, unless ``truth`` is given).
        """
        given: list[Any] = [None] * len(self._parts)
        if trust:
            given = self._verdicts_of(truth)
        futures = [
            self._client.submit(_disputes, p, property, place, trust, g, pure=False)
            for p, g in zip(self._parts, given, strict=True)
        ]
        found = self._client.gather(futures)
        self._note("disputes", [seconds for _, seconds in found])
        # the single-process order: by name, property and start; then count disputes
        # after categorical ones, and places by id (their order within one partition
        # is already the single-process one)
        merged = [d for part, _ in found for d in part]
        merged.sort(key=_dispute_order)
        return Disputes(merged)

    def _verdicts_of(self, truth: TruthResult | None) -> list[Any]:
        """Per partition, the verdicts of truth discovery on its places only.

        Of ``truth`` when given (cut on the client), else of :meth:`truth` cut
        on the worker that holds it: every partition is sent its own items,
        not the whole result.
        """
        if truth is not None:
            return self._client.scatter(_cut(truth, self._names), hash=False)  # type: ignore[no-any-return]
        whole = self._truth_future(None, {})
        found = self._verdicts.get(id(whole))
        if found is None:
            cut = self._client.submit(_cut, whole, self._names, pure=False)
            found = self._verdicts[id(whole)] = [
                self._client.submit(_piece, cut, k, pure=False) for k in range(len(self._parts))
            ]
        return found

    def agreement(self, *, property: str | None = None, documents: bool = False) -> Agreement:
        """:func:`~claimgraph.scoring.source_agreement`, reduced over the partitions.

        Each partition counts, for every pair of sources, their agreements,
        disagreements, shared items and the shares behind Cohen's kappa, and
        each source's figures; the sums give the rates, intervals and kappa
        computed once, as on one graph.
        """
        counts: list[tuple[AgreementCounts, float]] = self._client.gather(
            [
                self._client.submit(_agreement, p, property, documents, pure=False)
                for p in self._parts
            ]
        )
        self._note("agreement", [seconds for _, seconds in counts])
        return reduce_agreement(self.overview, [c for c, _ in counts], property, documents)

    def _note(self, step: str, seconds: Sequence[float]) -> None:
        changes: list[dict[str, Any]] = [{step: s} for s in seconds]
        self.figures = [
            attrs.evolve(f, **change) for f, change in zip(self.figures, changes, strict=True)
        ]


def _sizes(part: _Part) -> tuple[int, int, int, float]:
    graph = part.graph
    return (
        len(graph.claims),
        len({e.subject for e in graph.episodes}),
        len(graph.episodes),
        part.seconds,
    )


def _disputes(
    part: _Part, prop: str | None, place: str | None, trust: bool, verdicts: _Verdicts | None
) -> tuple[list[Dispute], float]:
    # find_disputes reads only the method and the item columns of its truth
    truth: Any = verdicts
    found, seconds = _timed(
        lambda: find_disputes(part.graph, property=prop, place=place, trust=trust, truth=truth)
    )
    return list(found), seconds


#: The columns of truth discovery's items that find_disputes reads.
_VERDICT_COLUMNS = ("subject", "property", "period_start", "period_end", "leading", "confidence")


@attrs.frozen(slots=True)
class _Columns:
    """Some items' columns, read as :meth:`ItemResults.columns` reads all."""

    data: dict[str, list[Any]]

    def columns(self) -> dict[str, list[Any]]:
        return self.data


@attrs.frozen(slots=True)
class _Verdicts:
    """What find_disputes reads of a TruthResult, for one partition's places:
    the method and its items' verdicts (in the result's order, so that items
    of one name, property and period resolve as on the whole result)."""

    method: str
    items: _Columns


def _cut(truth: TruthResult, names: list[frozenset[str]]) -> list[_Verdicts]:
    columns = truth.items.columns()
    subjects = columns["subject"]
    out = []
    for mine in names:
        rows = [i for i, subject in enumerate(subjects) if subject in mine]
        data = {c: [columns[c][i] for i in rows] for c in _VERDICT_COLUMNS}
        out.append(_Verdicts(truth.method, _Columns(data)))
    return out


def _piece(cut: list[_Verdicts], k: int) -> _Verdicts:
    return cut[k]


def _agreement(part: _Part, prop: str | None, documents: bool) -> tuple[AgreementCounts, float]:
    return _timed(count_agreement, part.graph, prop, documents)


def _dispute_order(d: Dispute) -> tuple[str, str, dt.date, bool, str]:
    counts = all(c.is_numeric for c in d.claims)
    return (d.name.casefold(), d.property, d.start or dt.date.min, counts, d.place)


@attrs.frozen(slots=True)
class _Whole:
    """The whole graph's settings, to put the partitions together for truth discovery."""

    n_claims: int
    places: PlaceIndex | None
    window: int
    alignments: dict[str, str | None]
    relative_tolerance: float
    changing: frozenset[str]
    change_rate: float

    def truth(self, method: str, options: GraphKeywords, *parts: _Part) -> TruthResult:
        from ..scoring.truth import discover_graph

        claims: list[Any] = [None] * self.n_claims
        for part in parts:
            for i, claim in zip(part.positions, part.graph.claims, strict=True):
                claims[i] = claim
        # episodes come ordered by place id and property; places never span partitions
        episodes = sorted(
            (e for part in parts for e in part.graph.episodes),
            key=lambda e: (e.subject, e.property),
        )
        whole = ClaimGraph(
            claims=claims,
            places=self.places,
            window=self.window,
            episodes=episodes,
            alignments=self.alignments,
            relative_tolerance=self.relative_tolerance,
            changing=self.changing,
            change_rate=self.change_rate,
        )
        return discover_graph(whole, method=method, **options)


def find_disputes_dask(
    claims: Iterable[Claim],
    *,
    scheduler: Any = None,
    partitions: int | None = None,
    property: str | None = None,
    place: str | None = None,
    trust: bool = True,
    **build: Any,
) -> Disputes:
    """:func:`~claimgraph.disputes.find_disputes` of the claims' graph, on Dask.

    Parameters
    ----------
    claims : iterable of Claim
    scheduler : None, str or distributed.Client
        See :func:`dask_client`: ``None`` starts a local cluster for the call.
    partitions : int, optional
        See :meth:`DaskClaimGraph.build`.
    property, place, trust
        As for find_disputes.
    **build
        :meth:`ClaimGraph.build <claimgraph.graph.ClaimGraph.build>`'s options
        (``window``, ``gazetteer``, ``sources`` ...).

    Returns
    -------
    Disputes
        The disputes find_disputes gives on ``ClaimGraph.build(claims, **build)``.
    """
    with dask_client(scheduler) as client:
        graph = DaskClaimGraph.build(claims, client=client, partitions=partitions, **build)
        return graph.disputes(property=property, place=place, trust=trust)


def source_agreement_dask(
    claims: Iterable[Claim],
    *,
    scheduler: Any = None,
    partitions: int | None = None,
    property: str | None = None,
    documents: bool = False,
    **build: Any,
) -> Agreement:
    """:func:`~claimgraph.scoring.source_agreement` of the claims' graph, on Dask.

    The parameters are :func:`find_disputes_dask`'s, with ``property`` and
    ``documents`` as for source_agreement.
    """
    with dask_client(scheduler) as client:
        graph = DaskClaimGraph.build(claims, client=client, partitions=partitions, **build)
        return graph.agreement(property=property, documents=documents)
