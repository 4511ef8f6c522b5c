"""What :func:`discover` returns: chosen values per item and trust per source."""

from __future__ import annotations

import builtins
import collections
import datetime as dt
import enum
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, overload

import attrs
import numpy as np
from scipy.special import betaincinv

from ..._errors import InvalidClaimError
from ._core import Estimate, choose, item_normalize, segment_sum, source_counts
from ._items import Problem, factorize
from ._periods import NO_DAY
from ._sorting import stable_order

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "DEFAULT_MIN_CONFIDENCE",
    "Decision",
    "ItemResult",
    "ItemResults",
    "SourceTrust",
    "TruthResult",
    "build_result",
]

#: Width of the trust intervals.
INTERVAL = 0.95

#: An item's most likely value is its answer only when its probability is
#: above this; else the item is undecided. 0.5 answers when the value is more
#: likely right than wrong, and is the threshold that maximizes right minus
#: wrong answers on synthetic claims with known truth; on held-out seeds the
#: items it leaves undecided (4%) would have been right 50% of the time
#: (benchmarks/truth/threshold.py; docs/truth-discovery.md, "Undecided items").
DEFAULT_MIN_CONFIDENCE = 0.5


class Decision(enum.StrEnum):
    """Whether an item has an answer."""

    DECIDED = "decided"
    """The most likely value is believed more than the threshold: it is the answer."""
    UNDECIDED = "undecided"
    """No value is believed enough: the candidates are given, none is chosen."""
    UNSUPPORTED = "unsupported"
    """No source asserts any value of the item (only denials)."""


def _check_threshold(min_confidence: float) -> float:
    number = isinstance(min_confidence, int | float) and not isinstance(min_confidence, bool)
    if not (number and 0.0 <= min_confidence < 1.0):  # NaN fails too
        raise InvalidClaimError("min_confidence", "a number in [0, 1)", min_confidence)
    return float(min_confidence)


@attrs.frozen(slots=True)
class SourceTrust:
    """How far a source can be trusted, and on how much evidence.

    ``trust`` is the method's own score (its scale depends on the method);
    ``accuracy`` is the expected share of the source's claims that are right
    given the method's belief in them (its shares of belief; for Accu and
    AccuCopy, the probabilities of :attr:`ItemResult.confidence`), with an equal-tailed 95% interval
    ``low``..``high`` from a Beta(1 + right, 1 + wrong) posterior, so a source
    with three claims gets a wide interval. ``claims`` is the number of the
    source's claims that were weighed; ``weight`` the votes they add up to, on
    which the interval rests: less than ``claims`` where a claim is uncertain
    (half a vote), split among several values of one item, or discounted as
    an echo of other sources.
    """

    source: str
    trust: float
    accuracy: float
    low: float
    high: float
    claims: int
    weight: float

    def to_record(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "trust": round(self.trust, 6),
            "accuracy": round(self.accuracy, 6),
            "accuracy_low": round(self.low, 6),
            "accuracy_high": round(self.high, 6),
            "claims": self.claims,
            "weight": _plain(self.weight),
        }


@attrs.frozen(slots=True)
class ItemResult:
    """The answer for one item (subject, property, period), or why there is none.

    Attributes
    ----------
    subject, property : str
    period : (date, date) or None
    value : str or None
        The answer: the most likely value when it is decided, else ``None``.
    confidence : float
        The probability that ``leading`` is right, for every method: the
        method's own probability (Accu, AccuCopy) or one computed from source
        accuracies fitted to the method's beliefs, tempered where the item's
        sources tend to err together (see docs/truth-discovery.md).
    belief : dict of str to float
        Each candidate value's share of the method's belief (for Accu and
        AccuCopy, the same tempered probabilities as ``confidence``): the
        competing values of an undecided item.
    supporting, opposing : tuple of str
        Claim ids for and against ``leading``.
    out_of_date : tuple of str
        Opposing claims that repeat the value chosen for the previous period of
        the same subject and property (stale, not invented).
    status : Decision
        ``decided`` when ``confidence`` is above the run's ``min_confidence``;
        ``undecided`` when it is not (``value`` is ``None``, ``leading`` and
        ``belief`` say what competes); ``unsupported`` when no source asserts
        any value (only denials).
    leading : str or None
        The most likely value, decided or not (``None`` when unsupported): the
        forced choice that the data-fusion literature scores.
    """

    subject: str
    property: str
    period: tuple[dt.date, dt.date] | None
    value: str | None
    confidence: float
    belief: dict[str, float]
    supporting: tuple[str, ...]
    opposing: tuple[str, ...]
    out_of_date: tuple[str, ...] = ()
    status: Decision = Decision.DECIDED
    leading: str | None = None

    @builtins.property
    def decided(self) -> bool:
        """Whether the item has an answer (``value`` is not ``None``)."""
        return self.status is Decision.DECIDED

    def to_record(self) -> dict[str, Any]:
        return {
            "subject": self.subject,
            "property": self.property,
            "period_start": self.period[0].isoformat() if self.period else None,
            "period_end": self.period[1].isoformat() if self.period else None,
            "status": self.status.value,
            "value": self.value,
            "leading": self.leading,
            "confidence": round(self.confidence, 6),
            "belief": {k: round(v, 6) for k, v in self.belief.items()},
            "supporting": list(self.supporting),
            "opposing": list(self.opposing),
            "out_of_date": list(self.out_of_date),
        }


class ItemResults(Sequence[ItemResult]):
    """The per-item results of one run, built on demand.

    A sequence of :class:`ItemResult` (``len``, indexing, slicing, iteration);
    each is built when asked for, so a run over a million claims does not pay
    for objects nobody reads. :meth:`columns` gives the answers of all items
    at once. An item is decided when the probability of its most likely value
    is above ``min_confidence`` (0 decides every item with support).
    """

    __slots__ = (
        "_bounds",
        "_chosen",
        "_claim_of",
        "_con",
        "_confidence",
        "_decided",
        "_pro",
        "_problem",
        "_share",
        "_stale",
        "_supported",
        "min_confidence",
    )

    def __init__(
        self,
        problem: Problem,
        share: np.ndarray,
        chosen: np.ndarray,
        supported: np.ndarray,
        confidence: np.ndarray | None = None,
        min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    ) -> None:
        self._problem = problem
        self._share = share
        self._confidence = share if confidence is None else confidence
        self._chosen = chosen
        self._supported = supported
        self.min_confidence = _check_threshold(min_confidence)
        leading = np.where(supported, self._confidence[chosen], 0.0)
        self._decided = supported & ((leading > self.min_confidence) | (self.min_confidence == 0.0))
        # the claims for and against each item are indexed when an item is
        # first built: columns() and runs that read no item do not pay for it
        self._bounds: np.ndarray | None = None

    def decided_at(self, min_confidence: float) -> ItemResults:
        """The same results decided at another threshold (nothing is run again)."""
        out = ItemResults(
            self._problem,
            self._share,
            self._chosen,
            self._supported,
            self._confidence,
            min_confidence,
        )
        if self._bounds is not None:  # the index does not depend on the threshold
            out._bounds, out._pro, out._con = self._bounds, self._pro, self._con
            out._claim_of, out._stale = self._claim_of, self._stale
        return out

    def _index(self) -> np.ndarray:
        """Observations by item (bounds per item), for and against, stale."""
        if self._bounds is not None:
            return self._bounds
        problem, chosen = self._problem, self._chosen
        obs_item = problem.fact_item[problem.obs_fact]
        order = stable_order(obs_item)
        is_chosen = np.zeros(problem.n_facts, dtype=bool)
        is_chosen[chosen] = True
        hit = is_chosen[problem.obs_fact]
        positive = problem.obs_weight > 0
        self._pro = (hit & positive)[order]
        self._con = (hit != positive)[order]
        self._claim_of = problem.obs_claim[order]
        self._stale = _stale(problem, chosen, self._supported, order)
        self._bounds = np.searchsorted(obs_item[order], np.arange(problem.n_items + 1))
        return self._bounds

    def __len__(self) -> int:
        return self._problem.n_items

    @overload
    def __getitem__(self, index: int) -> ItemResult: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[ItemResult]: ...

    def __getitem__(self, index: int | slice) -> ItemResult | Sequence[ItemResult]:
        if isinstance(index, slice):
            return [self._build(i) for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        return self._build(index)

    def __iter__(self) -> Iterator[ItemResult]:
        return (self._build(i) for i in range(len(self)))

    def __repr__(self) -> str:
        return f"<{len(self)} item results>"

    def columns(self) -> dict[str, list[Any]]:
        """Subject, property, period bounds, answer, leading value, confidence and
        status of every item.

        Lists of equal length, one entry per item, without building the items:
        ``value`` is the answer (``None`` when undecided), ``leading`` the most
        likely value decided or not, ``status`` a :class:`Decision` value.
        """
        p = self._problem
        group = p.item_group
        subjects = np.array(p.group_subject, dtype=object)[group].tolist()
        properties = np.array(p.group_property, dtype=object)[group].tolist()
        first, last = p.item_first.tolist(), p.item_last.tolist()
        supported = self._supported.tolist()
        labels = [
            p.label_of(f) if ok else None
            for f, ok in zip(self._chosen.tolist(), supported, strict=True)
        ]
        decided = self._decided.tolist()
        confidence = np.where(self._supported, self._confidence[self._chosen], 0.0).tolist()
        return {
            "subject": subjects,
            "property": properties,
            "period_start": [None if d == NO_DAY else dt.date.fromordinal(d) for d in first],
            "period_end": [None if d == NO_DAY else dt.date.fromordinal(d) for d in last],
            "value": [v if ok else None for v, ok in zip(labels, decided, strict=True)],
            "leading": labels,
            "confidence": confidence,
            "status": [
                _status(ok, sure).value for ok, sure in zip(supported, decided, strict=True)
            ],
        }

    def _build(self, i: int) -> ItemResult:
        p = self._problem
        bounds = self._index()
        lo, hi = int(bounds[i]), int(bounds[i + 1])
        ids = p.claim_ids
        claims = self._claim_of[lo:hi]
        pro = {ids[c] for c in claims[self._pro[lo:hi]].tolist()}
        con = {ids[c] for c in claims[self._con[lo:hi]].tolist()} - pro
        stale = {ids[c] for c in claims[self._stale[lo:hi]].tolist()} & con
        start, end = int(p.item_start[i]), int(p.item_start[i + 1])
        subject, prop, period = p.item_label(i)
        f = int(self._chosen[i])
        supported = bool(self._supported[i])
        status = _status(supported, bool(self._decided[i]))
        leading = p.label_of(f) if supported else None
        return ItemResult(
            subject=subject,
            property=prop,
            period=period,
            value=leading if status is Decision.DECIDED else None,
            confidence=float(self._confidence[f]) if supported else 0.0,
            belief={p.label_of(g): float(self._share[g]) for g in range(start, end)},
            supporting=tuple(sorted(pro)),
            opposing=tuple(sorted(con)),
            out_of_date=tuple(sorted(stale)),
            status=status,
            leading=leading,
        )


def _status(supported: bool, decided: bool) -> Decision:
    if not supported:
        return Decision.UNSUPPORTED
    return Decision.DECIDED if decided else Decision.UNDECIDED


def _stale(
    problem: Problem, chosen: np.ndarray, supported: np.ndarray, order: np.ndarray
) -> np.ndarray:
    """Per observation (in ``order``): it repeats the value chosen for the previous
    period of its subject and property, and that value is no longer chosen."""
    timed = np.flatnonzero(problem.item_first != NO_DAY)
    stale = np.zeros(len(order), dtype=bool)
    if len(timed) < 2:
        return stale
    by_time = timed[np.lexsort((problem.item_first[timed], problem.item_group[timed]))]
    same = problem.item_group[by_time[1:]] == problem.item_group[by_time[:-1]]
    current, previous = by_time[1:][same], by_time[:-1][same]
    identity = _value_identity(problem)
    old = identity[chosen[previous]]
    changed = supported[previous] & supported[current] & (old != identity[chosen[current]])
    previous_value = np.full(problem.n_items, -1, dtype=np.int64)
    previous_value[current[changed]] = old[changed]
    obs_fact = problem.obs_fact[order]
    obs_item = problem.fact_item[obs_fact]
    wanted = previous_value[obs_item]
    stale[:] = (wanted >= 0) & (identity[obs_fact] == wanted)
    return stale


def _value_identity(problem: Problem) -> np.ndarray:
    """Equal for facts showing the same value, across items (numbers by value)."""
    numeric = ~np.isnan(problem.fact_number)
    identity = problem.fact_code.copy()
    if numeric.any():
        codes, _ = factorize(problem.fact_number[numeric].tolist())
        identity[numeric] = int(problem.fact_code.max(initial=0)) + 1 + codes
    return identity


@attrs.frozen(slots=True, repr=False)
class TruthResult:
    """Outcome of :func:`claimgraph.scoring.truth.discover`.

    Attributes
    ----------
    method : str
    trust : dict of str to float
        The method's trust score per source.
    sources : tuple of SourceTrust
        Trust with an accuracy interval and the number of claims, best first.
    items : ItemResults
        A sequence of :class:`ItemResult`, one per item, built on demand.
    iterations : int
    converged : bool
    min_confidence : float
        The threshold items were decided at: an item whose most likely value
        has at most this probability is undecided.
    documents_not_scored : dict of str to int
        Documents speaking in their own voice (claims with no attribution),
        with their number of claims: their claims weigh in the items, but the
        documents are not listed in ``trust`` and ``sources`` (empty with
        ``documents=True``, or when there were none).
    options : tuple of (str, object)
        The options that shaped the trust and the choices (those that apply
        to the method), as (name, value) pairs; :attr:`description` names them.
    """

    method: str
    trust: dict[str, float]
    sources: tuple[SourceTrust, ...]
    items: ItemResults
    iterations: int
    converged: bool
    documents_not_scored: dict[str, int] = attrs.field(factory=dict)

    @property
    def min_confidence(self) -> float:
        return self.items.min_confidence

    def decided_at(self, min_confidence: float) -> TruthResult:
        """The same run with its items decided at another threshold.

        Examples
        --------
        >>> from claimgraph.scoring.truth import discover
        >>> from claimgraph.testing import make_claim
        >>> result = discover([make_claim("A", "Hilan", "army"),
        ...                    make_claim("B", "Hilan", "rebels")], method="vote")
        >>> [(i.status.value, i.value, i.leading) for i in result.items]
        [('undecided', None, 'government')]
        >>> [(i.status.value, i.value) for i in result.decided_at(0).items]
        [('decided', 'government')]
        """
        return attrs.evolve(self, items=self.items.decided_at(min_confidence))

    options: tuple[tuple[str, Any], ...] = ()

    @property
    def description(self) -> str:
        """The method and its options in one line, for the outputs that show trust.

        >>> from claimgraph.testing import make_claim
        >>> from claimgraph.scoring.truth import discover
        >>> print(discover([make_claim("A", "Hilan", "army")], method="vote").description)
        vote (echoes=on)
        >>> discover([make_claim("A", "Hilan", "army")]).description.split(", ")[:2]
        ['accu_copy (echoes=on', 'false_values=observed']
        """
        if not self.options:
            return self.method
        shown = ", ".join(f"{name}={_shown(value)}" for name, value in self.options)
        return f"{self.method} ({shown})"

    def method_record(self) -> dict[str, Any]:
        """The method and its options as a JSON-ready mapping."""
        return {"name": self.method, "options": dict(self.options)}

    def to_records(self) -> list[dict[str, Any]]:
        """One JSON-ready mapping per item."""
        return [item.to_record() for item in self.items]

    def source_records(self) -> list[dict[str, Any]]:
        """One JSON-ready mapping per source."""
        return [source.to_record() for source in self.sources]

    def value_of(self, subject: str, property: str) -> str | None:
        """The answer for the latest period of ``subject`` and ``property`` (``None``
        when that item is undecided)."""
        columns = self.items.columns()
        found = [
            i
            for i, (s, p) in enumerate(zip(columns["subject"], columns["property"], strict=True))
            if s == subject and p == property
        ]
        if not found:
            raise KeyError((subject, property))
        latest = max(found, key=lambda i: columns["period_start"][i] or dt.date.min)
        value: str | None = columns["value"][latest]
        return value

    # -- notebook display ----------------------------------------------------

    def _facts(self) -> list[tuple[str, object]]:
        status = collections.Counter(self.items.columns()["status"])
        return [
            ("", self.description),
            ("items", len(self.items)),
            ("decided", status[Decision.DECIDED.value]),
            ("undecided", status[Decision.UNDECIDED.value]),
            ("sources", len(self.sources)),
        ]

    def __repr__(self) -> str:
        from ..._display import TOP_TEXT, text_summary

        top = [
            f"{s.source}: accuracy {s.accuracy:.2f} [{s.low:.2f}, {s.high:.2f}], {s.claims} claims"
            for s in self.sources[:TOP_TEXT]
        ]
        return text_summary("TruthResult", self._facts(), top, more=len(self.sources) - len(top))

    def _repr_html_(self) -> str:
        from ..._display import TOP_HTML, html_summary

        rows = [(s.source, s.accuracy, s.low, s.high, s.claims) for s in self.sources[:TOP_HTML]]
        return html_summary(
            "TruthResult",
            self._facts(),
            ("source", "accuracy", "low", "high", "claims"),
            rows,
            more=len(self.sources) - TOP_HTML,
            caption="most accurate sources first",
        )

    def to_dataframe(self) -> pd.DataFrame:
        """The items, one row an item (the columns of :meth:`ItemResults.columns`);
        ``period_start`` and ``period_end`` are ``datetime64`` columns. Needs pandas,
        the ``pandas`` extra.

        Examples
        --------
        >>> from claimgraph.scoring.truth import discover
        >>> from claimgraph.testing import make_claim
        >>> result = discover([make_claim("A", "Hilan", "army", on="2014-05-21"),
        ...                    make_claim("B", "Hilan", "army", on="2014-05-21")], method="vote")
        >>> result  # doctest: +ELLIPSIS
        <TruthResult: vote (echoes=on), 1 items, 1 decided, 0 undecided, 2 sources>
          A: accuracy ...
        >>> frame = result.to_dataframe()
        >>> frame[["subject", "value", "status"]].values.tolist()
        [['Hilan', 'government', 'decided']]
        >>> str(frame["period_start"].dtype), len(result.sources_dataframe())
        ('datetime64[s]', 2)
        """
        from ..._display import dataframe

        columns = self.items.columns()
        rows = zip(*columns.values(), strict=True)
        records = [dict(zip(columns, row, strict=True)) for row in rows]
        return dataframe(records, list(columns), ("period_start", "period_end"))

    def sources_dataframe(self) -> pd.DataFrame:
        """Trust per source, one row a source (the columns of
        :meth:`SourceTrust.to_record`). Needs pandas, the ``pandas`` extra."""
        from ..._display import dataframe

        columns = ("source", "trust", "accuracy", "accuracy_low", "accuracy_high")
        return dataframe(self.source_records(), (*columns, "claims", "weight"))


def _shown(value: Any) -> str:
    if value is True:
        return "on"
    if value is False:
        return "off"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _plain(x: float) -> int | float:
    return int(x) if float(x).is_integer() else round(float(x), 6)


def source_claim_counts(problem: Problem) -> np.ndarray:
    """Number of distinct claims of each source that the problem weighs (a timeless
    claim in several periods, or bounds spanning several values, count once)."""
    index = {name: s for s, name in enumerate(problem.sources)}
    claims = problem.claims
    weighed = np.unique(problem.obs_claim)
    of_source = np.fromiter(
        (index[claims[c].source] for c in weighed.tolist()), dtype=np.int64, count=len(weighed)
    )
    out: np.ndarray = np.bincount(of_source, minlength=problem.n_sources)
    return out


def build_result(
    method: str,
    problem: Problem,
    estimate: Estimate,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    options: tuple[tuple[str, Any], ...] = (),
) -> TruthResult:
    """Turn a method's estimate into a :class:`TruthResult`, deciding its items at
    ``min_confidence``; ``options`` are those that shaped it, for naming."""
    belief = estimate.belief
    confidence = estimate.confidence
    if estimate.probabilistic:
        share = belief if confidence is None else confidence
    else:
        share = item_normalize(problem, belief)
    has_support = np.asarray(problem.support.sum(axis=0)).ravel() > 0
    # a value nobody asserts (only denied) is never chosen
    chosen = choose(problem, np.where(has_support, belief, -np.inf))
    counts = source_counts(problem)
    right = problem.support @ share + problem.against @ (1.0 - share)
    right = np.clip(right, 0.0, counts)
    low = betaincinv(right + 1.0, counts - right + 1.0, (1 - INTERVAL) / 2)
    high = betaincinv(right + 1.0, counts - right + 1.0, (1 + INTERVAL) / 2)
    accuracy = (right + 1.0) / (counts + 2.0)
    trust_values = estimate.trust.tolist()
    n_claims = source_claim_counts(problem).tolist()
    sources = tuple(
        sorted(
            (
                SourceTrust(
                    name,
                    trust_values[s],
                    float(accuracy[s]),
                    float(low[s]),
                    float(high[s]),
                    int(n_claims[s]),
                    float(counts[s]),
                )
                for s, name in enumerate(problem.sources)
            ),
            key=lambda t: (-t.accuracy, t.source),
        )
    )
    supported = segment_sum(problem, has_support.astype(np.float64)) > 0
    return TruthResult(
        method=method,
        trust=dict(zip(problem.sources, trust_values, strict=True)),
        sources=sources,
        items=ItemResults(problem, share, chosen, supported, confidence, min_confidence),
        iterations=estimate.iterations,
        converged=estimate.converged,
        options=options,
    )
