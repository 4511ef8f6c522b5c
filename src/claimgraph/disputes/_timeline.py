"""Control timelines: who is said to hold a place, period by period."""

from __future__ import annotations

import builtins
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import attrs

from ..model import CONTESTED, CONTROL, Claim, Stance, independent_of
from ._assess import Assessment, Reason, Status, assess
from ._trust import CONFIDENCE_THRESHOLD, HolderBeliefs, likely_holders

if TYPE_CHECKING:
    import pandas as pd

    from ..graph import ClaimGraph, Episode
    from ..scoring.truth import TruthResult

__all__ = ["Change", "Period", "Timeline", "Timelines", "build_timelines", "merge_assessments"]

#: Columns of :meth:`Timeline.to_dataframe`, one row a period.
PERIOD_COLUMNS = (
    "place",
    "name",
    "property",
    "start",
    "end",
    "until",
    "status",
    "holder",
    "likely",
    "confidence",
    "reasons",
    "sources",
    "claims",
)


@attrs.frozen(slots=True)
class Period:
    """A stretch of time in which a place is held by one side, or disputed.

    ``start`` and ``end`` are the first and last day of the evidence; the state
    is taken to last ``until`` the next period starts (``None`` for the last).
    ``likely`` is the most likely holder given the sources' trust and the
    periods around it (in a disputed period too; ``"contested"`` when that is
    most likely), ``confidence`` the lowest probability it has in the
    period's episodes; both ``None`` in a timeline built without trust.
    """

    start: dt.date | None
    end: dt.date | None
    until: dt.date | None
    status: Status
    holder: str | None
    reasons: tuple[Reason, ...]
    claims: tuple[Claim, ...]
    assessments: tuple[Assessment, ...] = attrs.field(repr=False)
    likely: str | None = None
    confidence: float | None = None

    @builtins.property
    def sources(self) -> tuple[str, ...]:
        """Sources whose claims are the evidence, in order of appearance."""
        return tuple(dict.fromkeys(c.source for c in self.claims))

    def supporting_sources(self) -> tuple[str, ...]:
        """Sources whose last word in the period gives the holder."""
        return tuple(
            dict.fromkeys(
                c.source
                for a in self.assessments
                for c in a.latest
                if self.holder is not None and c.display_value == self.holder
            )
        )

    def is_corroborated(self, alignments: dict[str, str | None]) -> bool:
        """Held, and the holder is given by at least two mutually independent sources."""
        if self.status is not Status.HELD:
            return False
        supporters = self.supporting_sources()
        return any(
            independent_of(alignments.get(a), alignments.get(b))
            for i, a in enumerate(supporters)
            for b in supporters[i + 1 :]
        )

    def to_record(self) -> dict[str, Any]:
        return {
            "start": _iso(self.start),
            "end": _iso(self.end),
            "until": _iso(self.until),
            "status": self.status.value,
            "holder": self.holder,
            "likely": self.likely,
            "confidence": None if self.confidence is None else round(self.confidence, 6),
            "reasons": [r.value for r in self.reasons],
            "sources": list(self.sources),
            "claims": [c.id for c in self.claims],
        }


@attrs.frozen(slots=True)
class Change:
    """Control passing from one holder to another.

    ``through_dispute`` is true when the place was disputed between the two
    holders, or when the change leads into a dispute: an episode cut at a
    change of hands whose piece after the cut is disputed (a source
    dissenting) changes hands to the holder most sources give after the cut,
    from the last holder known (or, if none, the one most sources gave just
    before the cut).
    """

    date: dt.date | None
    before: str
    after: str
    through_dispute: bool
    claims: tuple[Claim, ...]

    def to_record(self) -> dict[str, Any]:
        return {
            "date": _iso(self.date),
            "from": self.before,
            "to": self.after,
            "through_dispute": self.through_dispute,
            "claims": [c.id for c in self.claims],
        }


@attrs.frozen(slots=True, repr=False)
class Timeline:
    """The periods of one place and property, in time order.

    ``method`` names the truth-discovery method whose trust weighed the
    sources, ``threshold`` the confidence below which a period is disputed
    (both ``None`` for a timeline built without trust).
    """

    place: str
    name: str
    property: str
    periods: tuple[Period, ...]
    method: str | None = None
    threshold: float | None = None

    @builtins.property
    def changes(self) -> tuple[Change, ...]:
        """Changes of hands: consecutive held periods with different holders, and
        the cuts of an episode where the claims change hands (see :class:`Change`)."""
        out: list[Change] = []
        current: str | None = None  # the last holder known
        disputed_between = False
        for index, period in enumerate(self.periods):
            first = period.assessments[0] if period.assessments else None
            cut = first is not None and first.episode.follows_change
            if period.status is Status.HELD:
                after = period.holder
            elif period.status is Status.DISPUTED and cut:
                assert first is not None
                after = _leading(first)
            else:
                after = None
            before = current
            if before is None and cut and index > 0 and self.periods[index - 1].assessments:
                # no holder known yet: the claims changed hands at the cut, from
                # the holder most sources gave in the piece just before it
                before = _leading(self.periods[index - 1].assessments[-1])
            disputed = period.status is Status.DISPUTED
            if after is not None and before is not None and before != after:
                out.append(
                    Change(period.start, before, after, disputed_between or disputed, period.claims)
                )
            if after is not None:
                current, disputed_between = after, disputed
            elif disputed:
                disputed_between = True
        return tuple(out)

    @builtins.property
    def disputed(self) -> bool:
        return any(p.status is Status.DISPUTED for p in self.periods)

    def holder_on(self, day: dt.date) -> str | None:
        """The holder on ``day`` (``'contested'`` in a disputed period), ``None`` if unknown."""
        from ..model import CONTESTED

        current: Period | None = None
        for period in self.periods:
            if period.start is not None and period.start <= day:
                current = period
        if current is None:
            return None
        if current.status is Status.DISPUTED:
            return CONTESTED
        return current.holder

    def to_record(self) -> dict[str, Any]:
        return {
            "place": self.place,
            "name": self.name,
            "property": self.property,
            "method": self.method,
            "threshold": self.threshold,
            "periods": [p.to_record() for p in self.periods],
            "changes": [c.to_record() for c in self.changes],
        }

    # -- notebook display ----------------------------------------------------

    def _facts(self) -> list[tuple[str, object]]:
        disputed = sum(p.status is Status.DISPUTED for p in self.periods)
        return [
            ("", f"{self.name} {self.property}"),
            ("periods", len(self.periods)),
            ("disputed", disputed),
            ("changes of hands", len(self.changes)),
        ]

    def __repr__(self) -> str:
        from .._display import TOP_TEXT, text_summary

        top = [_period_line(p) for p in self.periods[:TOP_TEXT]]
        return text_summary("Timeline", self._facts(), top, more=len(self.periods) - len(top))

    def _repr_html_(self) -> str:
        from .._display import TOP_HTML, html_summary

        rows = [
            (p.start, p.end, p.status.value, p.holder, p.likely, p.confidence, len(p.claims))
            for p in self.periods[:TOP_HTML]
        ]
        return html_summary(
            "Timeline",
            self._facts(),
            ("start", "end", "status", "holder", "likely", "confidence", "claims"),
            rows,
            more=len(self.periods) - TOP_HTML,
        )

    def period_records(self) -> list[dict[str, Any]]:
        """One mapping a period, with the place; dates as :class:`datetime.date`,
        reasons and sources joined with ``" | "``, ``claims`` their number."""
        return [
            {
                "place": self.place,
                "name": self.name,
                "property": self.property,
                "start": p.start,
                "end": p.end,
                "until": p.until,
                "status": p.status.value,
                "holder": p.holder,
                "likely": p.likely,
                "confidence": p.confidence,
                "reasons": " | ".join(r.value for r in p.reasons),
                "sources": " | ".join(p.sources),
                "claims": len(p.claims),
            }
            for p in self.periods
        ]

    def to_dataframe(self) -> pd.DataFrame:
        """The periods as a DataFrame, one row a period (columns as
        :meth:`period_records`); ``start``, ``end`` and ``until`` are
        ``datetime64`` columns. Needs pandas, the ``pandas`` extra."""
        from .._display import dataframe

        return dataframe(self.period_records(), PERIOD_COLUMNS, ("start", "end", "until"))


class Timelines(list[Timeline]):
    """The timelines :func:`build_timelines` returns: a list, with a short display
    and :meth:`to_dataframe` of every period.

    Examples
    --------
    >>> from claimgraph.graph import ClaimGraph
    >>> from claimgraph.testing import make_claim
    >>> timelines = build_timelines(ClaimGraph.build([
    ...     make_claim("SANA", "Hilan", "army", on="2014-05-21"),
    ...     make_claim("AFP", "Hilan", "army", on="2014-05-21"),
    ... ]), trust=False)
    >>> timelines
    <Timelines: 1 timelines, 0 disputed, 1 periods>
      Hilan control: 1 periods, 0 disputed; 2014-05-21 held government
    >>> frame = timelines.to_dataframe()
    >>> frame[["name", "status", "holder"]].values.tolist()
    [['Hilan', 'held', 'government']]
    >>> str(frame["start"].dtype)
    'datetime64[s]'
    """

    __slots__ = ()

    def ranked(self) -> list[Timeline]:
        """Most disputed periods first, then most periods."""
        return sorted(
            self,
            key=lambda t: (
                -sum(p.status is Status.DISPUTED for p in t.periods),
                -len(t.periods),
            ),
        )

    def _facts(self) -> list[tuple[str, object]]:
        return [
            ("timelines", len(self)),
            ("disputed", sum(t.disputed for t in self)),
            ("periods", sum(len(t.periods) for t in self)),
        ]

    def __repr__(self) -> str:
        from .._display import TOP_TEXT, text_summary

        top = []
        for t in self.ranked()[:TOP_TEXT]:
            disputed = sum(p.status is Status.DISPUTED for p in t.periods)
            last = _period_line(t.periods[-1]) if t.periods else "no period"
            top.append(
                f"{t.name} {t.property}: {len(t.periods)} periods, {disputed} disputed; {last}"
            )
        return text_summary("Timelines", self._facts(), top, more=len(self) - len(top))

    def _repr_html_(self) -> str:
        from .._display import TOP_HTML, html_summary

        rows = []
        for t in self.ranked()[:TOP_HTML]:
            last = t.periods[-1] if t.periods else None
            rows.append(
                (
                    t.name,
                    t.property,
                    len(t.periods),
                    sum(p.status is Status.DISPUTED for p in t.periods),
                    len(t.changes),
                    None if last is None else (last.holder or last.status.value),
                )
            )
        return html_summary(
            "Timelines",
            self._facts(),
            ("place", "property", "periods", "disputed", "changes", "last"),
            rows,
            more=len(self) - TOP_HTML,
            caption="most disputed first",
        )

    def to_dataframe(self) -> pd.DataFrame:
        """Every timeline's periods, one row a period (see
        :meth:`Timeline.to_dataframe`). Needs pandas, the ``pandas`` extra."""
        from .._display import dataframe

        records = [r for t in self for r in t.period_records()]
        return dataframe(records, PERIOD_COLUMNS, ("start", "end", "until"))


def _period_line(period: Period) -> str:
    when = "undated" if period.start is None else period.start.isoformat()
    if period.end is not None and period.end != period.start:
        when += f"..{period.end.isoformat()}"
    who = f" {period.holder}" if period.holder is not None else ""
    return f"{when} {period.status.value}{who}"


def merge_assessments(assessments: Iterable[Assessment]) -> list[Period]:
    """Join time-ordered episode verdicts into periods.

    Consecutive verdicts with the same status and holder join. A disputed
    state lasts until a source next gives one holder, so consecutive disputed
    episodes join however far apart they are, except where an episode was cut
    because its claims change hands (:attr:`~claimgraph.graph.Episode.follows_change`):
    the disputed piece after the cut is a period of its own, as the old and the
    new holder's reports speak of two states. An episode with no assertion
    (denials only) joins the period before it. Verdicts weighed by trust
    (see :func:`build_timelines`) join only when their likely holder is the
    same too.
    """
    groups: list[list[Assessment]] = []
    for verdict in assessments:
        if groups:
            last = groups[-1][-1]
            same = (verdict.status, verdict.value, verdict.likely) == (
                last.status,
                last.value,
                last.likely,
            )
            if same and verdict.status is Status.DISPUTED and verdict.episode.follows_change:
                same = False
            if same or verdict.status is Status.UNKNOWN:
                groups[-1].append(verdict)
                continue
        groups.append([verdict])
    periods: list[Period] = []
    for index, group in enumerate(groups):
        head = group[0]
        following = groups[index + 1][0].episode.start if index + 1 < len(groups) else None
        reasons = {r for verdict in group for r in verdict.reasons}
        # Timeless claims sit in several episodes; keep each once (by identity:
        # hashing a claim hashes all its fields).
        claims = tuple({id(c): c for verdict in group for c in verdict.episode.claims}.values())
        judged = [v.confidence for v in group if v.confidence is not None]
        periods.append(
            Period(
                start=head.episode.start,
                end=max((v.episode.end for v in group if v.episode.end), default=None),
                until=following,
                status=head.status,
                holder=head.value,
                reasons=tuple(r for r in Reason if r in reasons),
                claims=claims,
                assessments=tuple(group),
                likely=head.likely,
                confidence=min(judged) if judged else None,
            )
        )
    return periods


def build_timelines(
    cg: ClaimGraph,
    *,
    property: str | None = CONTROL,
    trust: bool = True,
    truth: TruthResult | None = None,
    threshold: float = CONFIDENCE_THRESHOLD,
) -> Timelines:
    """Timelines of every place for ``property`` (every categorical property if ``None``).

    Each episode's holder is weighed by the trust truth discovery gives its
    sources and by the episodes before and after it (a holder persists; see
    :mod:`claimgraph.disputes._trust`): a period names its most likely holder
    with the probability of it, and is disputed only where that probability
    is below ``threshold`` (its reasons are the sources' contradictions,
    denials and unclear reports, or ``low_confidence`` when none contradicts
    another). Numeric properties (counts) have no holder and get no timeline;
    see :func:`claimgraph.disputes.find_disputes` for their conflicts.

    Parameters
    ----------
    cg : ClaimGraph
    property : str or None
        The property (default control); ``None`` for every categorical one.
    trust : bool
        Weigh the sources by trust (default). ``False`` judges every episode
        from its sources' last words alone, each source counting the same: a
        period is disputed wherever two of them disagree.
    truth : TruthResult, optional
        :func:`claimgraph.scoring.truth.discover_graph` run on ``cg``; by
        default it is run with the library's default method, named in
        :attr:`Timeline.method`.
    threshold : float
        Confidence below which a period is disputed (default
        :data:`CONFIDENCE_THRESHOLD`, chosen on synthetic claims with known
        truth; see docs/benchmarks.md).

    Examples
    --------
    >>> from claimgraph.graph import ClaimGraph
    >>> from claimgraph.testing import make_claim
    >>> cg = ClaimGraph.build([make_claim(s, "Hilan", "army", on="2014-05-21")
    ...                        for s in ("SANA", "Reuters", "AFP")])
    >>> [timeline] = build_timelines(cg)
    >>> [(p.status.value, p.holder) for p in timeline.periods]
    [('held', 'government')]
    >>> timeline.method is not None and timeline.periods[0].confidence > 0.8
    True
    """
    if not 0.0 <= threshold <= 1.0:
        raise ValueError(f"threshold: expected a probability in [0, 1], got {threshold}")
    by_group = _blind_verdicts(cg, property)
    beliefs = _beliefs(cg, by_group, truth) if trust else None
    timelines = []
    for (place, prop), verdicts in by_group.items():
        if beliefs is not None:
            verdicts = [_weighed(v, beliefs, threshold) for v in verdicts]
        timelines.append(
            Timeline(
                place,
                cg.place_name(place),
                prop,
                tuple(merge_assessments(verdicts)),
                method=None if beliefs is None else beliefs.method,
                threshold=None if beliefs is None else threshold,
            )
        )
    timelines.sort(key=lambda t: (t.name.casefold(), t.property))
    return Timelines(timelines)


def _blind_verdicts(
    cg: ClaimGraph, property: str | None
) -> dict[tuple[str, str], list[Assessment]]:
    """Each categorical episode's verdict from its sources' last words, by place and property."""
    by_group: dict[tuple[str, str], list[Assessment]] = defaultdict(list)
    for episode in cg.episodes:
        if property is not None and episode.property != property:
            continue
        if all(c.is_numeric for c in episode.claims):
            continue
        by_group[episode.subject, episode.property].append(
            assess(episode, relative_tolerance=cg.relative_tolerance)
        )
    return by_group


def _beliefs(
    cg: ClaimGraph,
    by_group: dict[tuple[str, str], list[Assessment]],
    truth: TruthResult | None,
) -> HolderBeliefs | None:
    """The trust-weighed beliefs over the groups' episodes (``None`` when there are none)."""
    episodes: list[Episode] = [v.episode for verdicts in by_group.values() for v in verdicts]
    if not episodes:
        return None
    return likely_holders(cg, episodes, truth)


def _weighed(verdict: Assessment, beliefs: HolderBeliefs, threshold: float) -> Assessment:
    """A verdict with the likely holder: held when it is likely enough, else disputed."""
    likely, confidence = beliefs.best(verdict.episode)
    status, value, reasons = verdict.status, verdict.value, verdict.reasons
    if likely is None or confidence is None or status is Status.UNKNOWN:
        pass
    elif confidence >= threshold and likely != CONTESTED:
        status, value, reasons = Status.HELD, likely, ()
    else:
        found = set(reasons)
        if likely == CONTESTED:
            found.add(Reason.UNCLEAR)
        if not found:
            found.add(Reason.LOW_CONFIDENCE)
        status, value = Status.DISPUTED, None
        reasons = tuple(r for r in Reason if r in found)
    # built directly: evolve() costs more, and there is one verdict per episode
    return Assessment(
        verdict.episode,
        status,
        value,
        reasons,
        verdict.latest,
        verdict.conflicts,
        likely,
        confidence,
    )


def _leading(verdict: Assessment) -> str | None:
    """The holder of a held episode; in a disputed one, the likely holder when
    weighed by trust, else the holder asserted by more sources' last words than
    any other (``None`` on a tie)."""
    if verdict.status is Status.HELD:
        return verdict.value
    if verdict.likely is not None:
        return None if verdict.likely == CONTESTED else verdict.likely
    counts: dict[str, int] = defaultdict(int)
    for claim in verdict.latest:
        if claim.stance is Stance.ASSERTS and claim.value != CONTESTED:
            counts[claim.display_value] += 1
    ranked = sorted(counts.values(), reverse=True)
    if not ranked or (len(ranked) > 1 and ranked[0] == ranked[1]):
        return None
    return max(counts, key=counts.__getitem__)


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()
