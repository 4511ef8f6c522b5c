"""What a report says, computed once: both the Markdown and the HTML report render it."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from ..disputes import Dispute, Status, Timeline, build_timelines, find_disputes
from ..graph import RelationKind
from ..model import CONTESTED, CONTROL
from ..scoring import Agreement, source_agreement

if TYPE_CHECKING:
    from ..graph import ClaimGraph
    from ..scoring.truth import SourceTrust, TruthResult

__all__ = ["PlaceSummary", "Provenance", "Report", "build_report", "trust_texts"]


@attrs.frozen(slots=True)
class Provenance:
    """Where a report comes from: inputs, claimgraph version, method and settings.

    ``method`` is the truth-discovery method, with its options, whose trust the
    report shows (``None`` for none); ``options`` are the settings that shaped
    the result, as text, in the order given.
    """

    inputs: tuple[str, ...]
    version: str
    method: str | None
    options: tuple[tuple[str, str], ...]
    generated: dt.datetime

    def to_record(self) -> dict[str, Any]:
        return {
            "inputs": list(self.inputs),
            "version": self.version,
            "method": self.method,
            "options": dict(self.options),
            "generated": self.generated.isoformat(timespec="seconds"),
        }


@attrs.frozen(slots=True)
class PlaceSummary:
    """One place's control: its timeline, disputes and what counts for ranking.

    ``disputed_days`` spans the evidence of the disputed periods (first to last
    day, both counted); ``current`` is the holder of the last period, or
    ``"contested"`` when it is disputed; ``lat``/``lon`` come from the
    gazetteer when it knows the place.
    """

    place: str
    name: str
    timeline: Timeline
    disputes: tuple[Dispute, ...]
    disputed_days: int
    claims: int
    sources: tuple[str, ...]
    revisions: int
    current: str | None
    lat: float | None = None
    lon: float | None = None

    @property
    def changes(self) -> int:
        return len(self.timeline.changes)

    @property
    def located(self) -> bool:
        return self.lat is not None and self.lon is not None


@attrs.frozen(slots=True)
class Report:
    """Everything a dispute report shows, ranked: see :func:`build_report`.

    Attributes
    ----------
    title : str
        The report's heading.
    provenance : Provenance
        Inputs, claimgraph version, truth-discovery method, settings, time made.
    claims, sources, subjects : int
        How many claims, sources and places or subjects the graph holds.
    first_day, last_day : date or None
        The span of the claims' dates.
    window : int
        Days within which claims are compared.
    places : tuple of PlaceSummary
        Every place with a control timeline, most disputed first.
    other_disputes : tuple of Dispute
        Disputes of other properties (counts ...).
    agreement : Agreement
        Pairwise agreement and per-source figures.
    alignments : mapping
        Each source's side, as the graph knows it.
    trust : mapping of str to SourceTrust
        Per-source trust from the method (empty without one).
    revisions : int
        Claims that change their own source's earlier claim.
    merged_spellings : tuple
        ``(name, spellings)`` of places written more than one way.
    weighed_by : str or None
        The truth-discovery method (with options) that weighed the sources of
        the disputes and timelines; ``None`` when there were no claims.
    """

    title: str
    provenance: Provenance
    claims: int
    sources: int
    subjects: int
    first_day: dt.date | None
    last_day: dt.date | None
    window: int
    places: tuple[PlaceSummary, ...]
    other_disputes: tuple[Dispute, ...]
    agreement: Agreement
    alignments: Mapping[str, str | None]
    trust: Mapping[str, SourceTrust]
    revisions: int
    merged_spellings: tuple[tuple[str, tuple[str, ...]], ...]
    weighed_by: str | None = None

    @property
    def control_disputes(self) -> tuple[Dispute, ...]:
        """Disputes of control, most disputed place first."""
        return tuple(d for p in self.places for d in p.disputes)

    @property
    def disputed_places(self) -> tuple[PlaceSummary, ...]:
        return tuple(p for p in self.places if p.disputes)

    @property
    def corroborated_places(self) -> tuple[PlaceSummary, ...]:
        """Places never disputed whose holder two independent sources give at some time."""
        return tuple(
            p
            for p in self.places
            if not p.disputes
            and not p.timeline.disputed
            and any(period.is_corroborated(dict(self.alignments)) for period in p.timeline.periods)
        )

    def span_text(self) -> str:
        if self.first_day is None or self.last_day is None:
            return "undated"
        return f"{self.first_day.isoformat()} to {self.last_day.isoformat()}"


def build_report(
    cg: ClaimGraph,
    *,
    title: str = "Disputed control report",
    truth: TruthResult | None = None,
    documents: bool = False,
    inputs: Sequence[str] = (),
    options: Mapping[str, object] | None = None,
    generated: dt.datetime | None = None,
) -> Report:
    """Compute a report: places ranked by dispute, timelines, agreement and trust.

    Places come most disputed first: by number of control disputes, then days
    disputed, then claims. ``truth``, a truth-discovery result on the graph
    (:func:`claimgraph.scoring.truth.discover_graph`), weighs the sources of
    the disputes and the timelines and gives the per-source trust the report
    shows; without it a run of the library's default method weighs them and no
    trust is shown. ``documents`` counts documents' own statements in the
    agreement. ``inputs`` and ``options`` are
    recorded in the provenance as given (the graph's window and change rate
    are always recorded).

    Examples
    --------
    >>> from claimgraph.graph import ClaimGraph
    >>> from claimgraph.testing import make_claim
    >>> cg = ClaimGraph.build([make_claim("A", "Hilan", "army", on="2014-05-21"),
    ...                        make_claim("B", "Hilan", "rebels", on="2014-05-21"),
    ...                        make_claim("A", "Tal Alam", "army", on="2014-05-21"),
    ...                        make_claim("C", "Tal Alam", "army", on="2014-05-22")])
    >>> report = build_report(cg)
    >>> [(p.name, len(p.disputes), p.current) for p in report.places]
    [('Hilan', 1, 'contested'), ('Tal Alam', 0, 'government')]
    """
    from .. import __version__
    from ..scoring.truth import discover_graph

    # one truth-discovery run weighs the sources of the disputes and the timelines
    weighing = truth
    if weighing is None and cg.claims:
        weighing = discover_graph(cg)
    disputes = find_disputes(cg, truth=weighing)
    by_place: dict[str, list[Dispute]] = {}
    for d in disputes:
        if d.property == CONTROL:
            by_place.setdefault(d.place, []).append(d)
    revisions = cg.relations_of(RelationKind.REVISES)
    revised = Counter(cg.place_key(r.source) for r in revisions if r.source.property == CONTROL)
    coordinates: dict[str, tuple[float | None, float | None]] = {}
    if cg.places is not None:
        coordinates = {p.id: (p.lat, p.lon) for p in cg.places.places}
    summaries = [
        _summary(t, tuple(by_place.pop(t.place, ())), revised[t.place], coordinates.get(t.place))
        for t in build_timelines(cg, truth=weighing)
    ]
    # a control dispute always lies on a timeline; should one not, it is still shown
    unplaced = tuple(d for place in by_place.values() for d in place)
    summaries.sort(key=lambda s: (-len(s.disputes), -s.disputed_days, -s.claims, s.name.casefold()))
    trust: dict[str, SourceTrust] = {}
    if truth is not None:
        trust = {s.source: s for s in truth.sources}
    days = [c.start for c in cg.claims if c.start] + [c.end for c in cg.claims if c.end]
    settings: dict[str, str] = {
        "window": f"{cg.window} days",
        "change rate": _rate_text(cg.change_rate),
    }
    if weighing is not None:
        # the source trust shown, when there is one, is this same run
        settings["sources of disputes and timelines weighed by"] = (
            "the source trust's run" if truth is not None else weighing.description
        )
    weighed = next((s.timeline for s in summaries if s.timeline.threshold is not None), None)
    if weighed is not None and weighed.threshold is not None:
        settings["disputed below confidence"] = f"{weighed.threshold:.2f}"
    settings["documents' own claims"] = "scored" if documents else "evidence, not scored"
    settings.update({k: str(v) for k, v in (options or {}).items()})
    merged: tuple[tuple[str, tuple[str, ...]], ...] = ()
    if cg.places is not None:
        merged = tuple((p.name, p.variants) for p in cg.places.places if len(p.variants) > 1)
    return Report(
        title=title,
        provenance=Provenance(
            inputs=tuple(inputs),
            version=__version__,
            method=None if truth is None else truth.description,
            options=tuple(settings.items()),
            generated=generated or dt.datetime.now(dt.UTC).replace(microsecond=0),
        ),
        claims=len(cg.claims),
        sources=len(cg.alignments),
        subjects=len({e.subject for e in cg.episodes}),
        first_day=min(days, default=None),
        last_day=max(days, default=None),
        window=cg.window,
        places=tuple(summaries),
        other_disputes=unplaced + tuple(d for d in disputes if d.property != CONTROL),
        agreement=source_agreement(cg, documents=documents),
        alignments=dict(cg.alignments),
        trust=trust,
        revisions=len(revisions),
        merged_spellings=merged,
        weighed_by=None if weighing is None else weighing.description,
    )


def trust_texts(trust: Mapping[str, SourceTrust]) -> dict[str, str]:
    """Trust as text: estimated accuracy, its 95 % interval and the claims it rests on
    (and the votes, when they weigh otherwise than one a claim)."""
    out = {}
    for name, s in trust.items():
        votes = "" if s.weight == s.claims else f", {s.weight:.4g} votes"
        out[name] = f"{s.accuracy:.2f} ({s.low:.2f}–{s.high:.2f}, n={s.claims}{votes})"
    return out


def _rate_text(rate: float) -> str:
    if rate <= 0:
        return "0 (episodes never split)"
    return f"{rate:.4g} per day (one change per {1 / rate:.0f} days)"


def _summary(
    timeline: Timeline,
    disputes: tuple[Dispute, ...],
    revisions: int,
    where: tuple[float | None, float | None] | None,
) -> PlaceSummary:
    disputed_days = 0
    for period in timeline.periods:
        if period.status is Status.DISPUTED and period.start is not None:
            disputed_days += ((period.end or period.start) - period.start).days + 1
    last = timeline.periods[-1] if timeline.periods else None
    current: str | None = None
    if last is not None:
        current = CONTESTED if last.status is Status.DISPUTED else last.holder
    claims = {id(c): c for p in timeline.periods for c in p.claims}
    lat, lon = where or (None, None)
    return PlaceSummary(
        place=timeline.place,
        name=timeline.name,
        timeline=timeline,
        disputes=disputes,
        disputed_days=disputed_days,
        claims=len(claims),
        sources=tuple(dict.fromkeys(c.source for c in claims.values())),
        revisions=revisions,
        current=current,
        lat=lat,
        lon=lon,
    )
