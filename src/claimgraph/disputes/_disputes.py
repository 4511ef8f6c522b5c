"""Disputes: periods in which sources really disagree, with the evidence."""

from __future__ import annotations

import builtins
import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import attrs

from .._gc import collector_paused
from ..graph import Relation
from ..model import Claim, Stance
from ._assess import Assessment, Reason, Status, assess
from ._timeline import _beliefs, _blind_verdicts, merge_assessments
from ._trust import HolderBeliefs

if TYPE_CHECKING:
    import pandas as pd

    from ..graph import ClaimGraph
    from ..scoring.truth import TruthResult

__all__ = ["Dispute", "Disputes", "Position", "find_disputes"]

#: Columns of :meth:`Disputes.to_dataframe`, one row a dispute.
DISPUTE_COLUMNS = (
    "place",
    "name",
    "property",
    "start",
    "end",
    "until",
    "values",
    "sources",
    "reasons",
    "likely",
    "confidence",
    "strength",
    "method",
    "claims",
    "ends_at_change",
)

#: Columns of :meth:`Dispute.to_dataframe`, one row a claim of the evidence.
EVIDENCE_COLUMNS = (
    "id",
    "source",
    "source_kind",
    "value",
    "stance",
    "start",
    "end",
    "doc",
    "sentence",
    "text",
)


@attrs.frozen(slots=True)
class Position:
    """One side of a dispute: a value, how it is held, and who holds it."""

    value: str
    stance: Stance
    sources: tuple[str, ...]
    claims: tuple[Claim, ...]

    @builtins.property
    def label(self) -> str:
        if self.stance is Stance.DENIES:
            return f"not {self.value}"
        if self.stance is Stance.UNCERTAIN:
            return f"{self.value} (uncertain)"
        return self.value

    def to_record(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "stance": self.stance.value,
            "sources": list(self.sources),
            "claims": [c.id for c in self.claims],
        }


@attrs.frozen(slots=True, repr=False)
class Dispute:
    """Sources disagreeing about one place (or subject) and property over a period.

    Attributes
    ----------
    place, name : str
        Resolved place id and its display name.
    property : str
        ``"control"``, a count such as ``"killed"``, or any property.
    start, end : date or None
        First and last day of the evidence.
    until : date or None
        When a source next gives a single value (the dispute lasts until then),
        or when the claims change hands and another dispute begins.
    reasons : tuple of Reason
        Contradiction, denial, and/or a source saying it is unclear.
    positions : tuple of Position
        The conflicting values and the sources on each side (their last word).
    claims : tuple of Claim
        All claims of the period: the evidence, with their sentences.
    conflicts : tuple of Relation
        The contradictions and denials between the sources' last words.
    ends_at_change : bool
        Whether the dispute ends, on ``until``, where its episode was cut at a
        change of hands and the next piece is disputed too: two disputes, each
        with its own positions, rather than one mixing the old and new holders.
    likely, confidence : str or None, float or None
        The most likely value given the sources' trust and the periods around
        the dispute, and its probability (the mean over the dispute's
        episodes); ``None`` for counts and without trust.
    strength : float or None
        ``1 - confidence``: the chance that the likely value is wrong. A
        reliable source against an unreliable one and its echoes makes a weak
        dispute (near 0); two reliable sources against each other a strong
        one (up to ``1 - 1/k`` for k values).
    method : str or None
        The truth-discovery method whose trust weighed the sources.
    """

    place: str
    name: str
    property: str
    start: dt.date | None
    end: dt.date | None
    until: dt.date | None
    reasons: tuple[Reason, ...]
    positions: tuple[Position, ...]
    claims: tuple[Claim, ...]
    conflicts: tuple[Relation, ...]
    ends_at_change: bool = False
    likely: str | None = None
    confidence: float | None = None
    strength: float | None = None
    method: str | None = None

    @builtins.property
    def sources(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s for p in self.positions for s in p.sources))

    @builtins.property
    def values(self) -> tuple[str, ...]:
        return tuple(p.label for p in self.positions)

    def period_text(self) -> str:
        if self.start is None:
            return "undated"
        if self.end is None or self.end == self.start:
            return self.start.isoformat()
        return f"{self.start.isoformat()}..{self.end.isoformat()}"

    def to_record(self) -> dict[str, Any]:
        """A JSON-ready summary; claims are given by id, with source and text."""
        return {
            "place": self.place,
            "name": self.name,
            "property": self.property,
            "start": None if self.start is None else self.start.isoformat(),
            "end": None if self.end is None else self.end.isoformat(),
            "until": None if self.until is None else self.until.isoformat(),
            "ends_at_change": self.ends_at_change,
            "likely": self.likely,
            "confidence": _rounded(self.confidence),
            "strength": _rounded(self.strength),
            "method": self.method,
            "reasons": [r.value for r in self.reasons],
            "positions": [p.to_record() for p in self.positions],
            "conflicts": [
                {"kind": r.kind.value, "from": r.source.id, "to": r.target.id}
                for r in self.conflicts
            ],
            "evidence": [
                {
                    "id": c.id,
                    "source": c.source,
                    "source_kind": c.source_kind.value,
                    "value": c.display_value,
                    "stance": c.stance.value,
                    "time": c.time_text(),
                    "doc": c.doc,
                    "sentence": c.sentence,
                    "text": c.text,
                }
                for c in self.claims
            ],
        }

    # -- notebook display ----------------------------------------------------

    def _facts(self) -> list[tuple[str, object]]:
        facts: list[tuple[str, object]] = [
            ("", f"{self.name} {self.property} {self.period_text()}"),
            ("claims", len(self.claims)),
            ("sources", len(self.sources)),
        ]
        if self.likely is not None and self.confidence is not None:
            facts.append(("", f"likely {self.likely} ({self.confidence:.2f})"))
        return facts

    def __repr__(self) -> str:
        from .._display import TOP_TEXT, text_summary

        top = [f"{p.label}: {', '.join(p.sources)}" for p in self.positions[:TOP_TEXT]]
        more = len(self.positions) - len(top)
        return text_summary("Dispute", self._facts(), top, more=more)

    def _repr_html_(self) -> str:
        from .._display import TOP_HTML, html_summary

        return html_summary(
            "Dispute",
            self._facts(),
            ("position", "sources"),
            [(p.label, ", ".join(p.sources)) for p in self.positions[:TOP_HTML]],
            more=len(self.positions) - TOP_HTML,
        )

    def evidence_records(self) -> list[dict[str, Any]]:
        """One mapping a claim of the evidence, dates as :class:`datetime.date`."""
        return [
            {
                "id": c.id,
                "source": c.source,
                "source_kind": c.source_kind.value,
                "value": c.display_value,
                "stance": c.stance.value,
                "start": c.start,
                "end": c.end,
                "doc": c.doc,
                "sentence": c.sentence,
                "text": c.text,
            }
            for c in self.claims
        ]

    def to_dataframe(self) -> pd.DataFrame:
        """The evidence as a DataFrame, one row a claim; ``start`` and ``end`` are
        ``datetime64`` columns. Needs pandas, the ``pandas`` extra."""
        from .._display import dataframe

        return dataframe(self.evidence_records(), EVIDENCE_COLUMNS, ("start", "end"))


class Disputes(list[Dispute]):
    """The disputes :func:`find_disputes` returns: a list, with a short display and
    :meth:`to_dataframe`.

    Examples
    --------
    >>> from claimgraph.graph import ClaimGraph
    >>> from claimgraph.testing import make_claim
    >>> disputes = find_disputes(ClaimGraph.build([
    ...     make_claim("army", "Bureij", "government", on="2014-05-03"),
    ...     make_claim("rebels", "Bureij", "rebels", on="2014-05-05"),
    ... ]))
    >>> disputes  # doctest: +ELLIPSIS
    <Disputes: 1 disputes, 1 places>
      Bureij control 2014-05-03..2014-05-05: government | opposition (2 claims)
    >>> disputes.to_dataframe()[["name", "start", "claims"]].values.tolist()
    [['Bureij', Timestamp('2014-05-03 00:00:00'), 2]]
    """

    __slots__ = ()

    def ranked(self) -> list[Dispute]:
        """The disputes with most evidence first (then by place and time)."""
        return sorted(self, key=lambda d: -len(d.claims))

    def _facts(self) -> list[tuple[str, object]]:
        return [("disputes", len(self)), ("places", len({d.place for d in self}))]

    def __repr__(self) -> str:
        from .._display import TOP_TEXT, text_summary

        top = [
            f"{d.name} {d.property} {d.period_text()}: {' | '.join(d.values)}"
            f" ({len(d.claims)} claims)"
            for d in self.ranked()[:TOP_TEXT]
        ]
        return text_summary("Disputes", self._facts(), top, more=len(self) - len(top))

    def _repr_html_(self) -> str:
        from .._display import TOP_HTML, html_summary

        rows = [
            (d.name, d.property, d.period_text(), " | ".join(d.values), len(d.claims), d.strength)
            for d in self.ranked()[:TOP_HTML]
        ]
        return html_summary(
            "Disputes",
            self._facts(),
            ("place", "property", "period", "positions", "claims", "strength"),
            rows,
            more=len(self) - TOP_HTML,
            caption="most evidence first",
        )

    def to_dataframe(self) -> pd.DataFrame:
        """One row a dispute; ``start``, ``end`` and ``until`` are ``datetime64``
        columns, ``values`` and ``sources`` joined with ``" | "``, ``claims`` the
        number of claims. Needs pandas, the ``pandas`` extra."""
        from .._display import dataframe

        records = [
            {
                "place": d.place,
                "name": d.name,
                "property": d.property,
                "start": d.start,
                "end": d.end,
                "until": d.until,
                "values": " | ".join(d.values),
                "sources": " | ".join(d.sources),
                "reasons": " | ".join(r.value for r in d.reasons),
                "likely": d.likely,
                "confidence": d.confidence,
                "strength": d.strength,
                "method": d.method,
                "claims": len(d.claims),
                "ends_at_change": d.ends_at_change,
            }
            for d in self
        ]
        return dataframe(records, DISPUTE_COLUMNS, ("start", "end", "until"))


def _involved(verdict: Assessment) -> tuple[Claim, ...]:
    """The last words that take part in the dispute.

    For a categorical property every source's last word is a position. Counts
    for other periods (the toll of one day beside a campaign total) are no
    position in a count dispute: only the conflicting counts are.
    """
    if not any(c.is_numeric for c in verdict.latest):
        return verdict.latest
    ids = {id(c) for r in verdict.conflicts for c in (r.source, r.target)}
    return tuple(c for c in verdict.latest if id(c) in ids)


def _positions(verdicts: Sequence[Assessment]) -> tuple[Position, ...]:
    """Group each source's last word by value and stance."""
    grouped: dict[tuple[str, Stance], list[Claim]] = defaultdict(list)
    for verdict in verdicts:
        if verdict.status is not Status.DISPUTED:
            continue
        for claim in _involved(verdict):
            grouped[claim.display_value, claim.stance].append(claim)
    return tuple(
        Position(value, stance, tuple(dict.fromkeys(c.source for c in claims)), tuple(claims))
        for (value, stance), claims in grouped.items()
    )


def find_disputes(
    cg: ClaimGraph,
    *,
    property: str | None = None,
    place: str | None = None,
    trust: bool = True,
    truth: TruthResult | None = None,
) -> Disputes:
    """Every disputed period in the graph (a list: :class:`Disputes`).

    Categorical properties (control, responsibility ...) are disputed where
    the sources' last words disagree, over the periods a timeline built
    without trust marks disputed: a dispute lasts until a source next gives
    one value. Each carries the likely value given the sources' trust, its
    confidence and the dispute's strength (see :class:`Dispute`), so that a
    dispute a trusted timeline resolves is still listed, and known to be weak.
    Counts are disputed episode by episode, when two sources' numbers for
    comparable periods cannot both be true.

    Parameters
    ----------
    cg : ClaimGraph
    property : str, optional
        Only this property (``"control"``, ``"killed"`` ...).
    place : str, optional
        Only this place: a spelling of it or its id.
    trust : bool
        Weigh the sides by the trust truth discovery gives their sources
        (default); ``False`` leaves ``likely``, ``confidence`` and
        ``strength`` empty.
    truth : TruthResult, optional
        :func:`claimgraph.scoring.truth.discover_graph` run on ``cg``; by
        default it is run with the library's default method.

    Examples
    --------
    >>> from claimgraph.graph import ClaimGraph
    >>> from claimgraph.testing import make_claim
    >>> cg = ClaimGraph.build([
    ...     make_claim("army", "Bureij", "government", on="2014-05-03"),
    ...     make_claim("rebels", "Breij", "rebels", on="2014-05-05"),
    ...     make_claim("army", "Hilan", "government", on="2014-05-21"),
    ... ])
    >>> [(sorted(cg.places.place_of(d.name).variants), d.values) for d in find_disputes(cg)]
    [(['Breij', 'Bureij'], ('government', 'opposition'))]
    """
    with collector_paused():
        return Disputes(_find(cg, property, place, trust, truth))


def _find(
    cg: ClaimGraph,
    property: str | None,
    place: str | None,
    trust: bool,
    truth: TruthResult | None,
) -> list[Dispute]:
    place_key = None
    if place is not None and cg.places is not None and place in cg.places:
        place_key = str(cg.places.key_of(place))
    elif place is not None:
        place_key = place
    out: list[Dispute] = []
    by_group = _blind_verdicts(cg, property)
    if place_key is not None:
        by_group = {key: verdicts for key, verdicts in by_group.items() if key[0] == place_key}
    disputed = {
        key: verdicts
        for key, verdicts in by_group.items()
        if any(v.status is Status.DISPUTED for v in verdicts)
    }
    # trust is learnt from every claim; the timelines chained are the disputed ones
    beliefs = _beliefs(cg, disputed, truth) if trust else None
    for (subject, prop), verdicts in disputed.items():
        periods = merge_assessments(verdicts)
        name = cg.place_name(subject)
        for index, period in enumerate(periods):
            if period.status is not Status.DISPUTED:
                continue
            following = periods[index + 1] if index + 1 < len(periods) else None
            dispute = _dispute(
                subject,
                name,
                prop,
                period.start,
                period.end,
                period.until,
                period.assessments,
                period.claims,
                beliefs,
            )
            if (
                following is not None
                and following.status is Status.DISPUTED
                and following.assessments[0].episode.follows_change
            ):
                dispute = attrs.evolve(dispute, ends_at_change=True)
            out.append(dispute)
    for episode in cg.episodes:
        if property is not None and episode.property != property:
            continue
        if place_key is not None and episode.subject != place_key:
            continue
        if not all(c.is_numeric for c in episode.claims):
            continue
        verdict = assess(episode, relative_tolerance=cg.relative_tolerance)
        if verdict.status is Status.DISPUTED:
            involved = _involved(verdict)
            starts = [d for c in involved if (d := c.start or c.end) is not None]
            ends = [d for c in involved if (d := c.end or c.start) is not None]
            out.append(
                _dispute(
                    episode.subject,
                    cg.place_name(episode.subject),
                    episode.property,
                    min(starts, default=None),
                    max(ends, default=None),
                    None,
                    (verdict,),
                    involved,
                )
            )
    out.sort(key=lambda d: (d.name.casefold(), d.property, d.start or dt.date.min))
    return out


def _dispute(
    place: str,
    name: str,
    prop: str,
    start: dt.date | None,
    end: dt.date | None,
    until: dt.date | None,
    verdicts: Sequence[Assessment],
    claims: tuple[Claim, ...],
    beliefs: HolderBeliefs | None = None,
) -> Dispute:
    reasons = {r for v in verdicts for r in v.reasons}
    likely = confidence = strength = method = None
    if beliefs is not None:
        judged = [v.episode for v in verdicts if v.status is Status.DISPUTED]
        likely, confidence = beliefs.likely(judged)
        strength = None if confidence is None else 1.0 - confidence
        method = beliefs.method
    return Dispute(
        place=place,
        name=name,
        property=prop,
        start=start,
        end=end,
        until=until,
        reasons=tuple(r for r in Reason if r in reasons),
        positions=_positions(verdicts),
        claims=claims,
        conflicts=tuple(r for v in verdicts for r in v.conflicts),
        likely=likely,
        confidence=confidence,
        strength=strength,
        method=method,
    )


def _rounded(x: float | None) -> float | None:
    return None if x is None else round(x, 6)
