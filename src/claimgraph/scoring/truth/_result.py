"""What :func:`discover` returns: chosen values per item and trust per source."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import numpy as np
from scipy.special import betaincinv

from ...model import fold
from ._core import Estimate, choose, item_normalize, segment_sum, source_counts
from ._items import Problem

__all__ = ["ItemResult", "SourceTrust", "TruthResult", "build_result"]

#: Width of the trust intervals.
INTERVAL = 0.95


@attrs.frozen(slots=True)
class SourceTrust:
    """How far a source can be trusted, and on how much evidence.

    ``trust`` is the method's own score (its scale depends on the method);
    ``accuracy`` is the expected share of the source's claims that are right
    given the chosen values' confidence, with an equal-tailed 95% interval
    ``low``..``high`` from a Beta(1 + right, 1 + wrong) posterior, so a source
    with three claims gets a wide interval. ``claims`` is the number of votes
    it rests on.
    """

    source: str
    trust: float
    accuracy: float
    low: float
    high: float
    claims: float

    def to_record(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "trust": round(self.trust, 6),
            "accuracy": round(self.accuracy, 6),
            "accuracy_low": round(self.low, 6),
            "accuracy_high": round(self.high, 6),
            "claims": _plain(self.claims),
        }


@attrs.frozen(slots=True)
class ItemResult:
    """The chosen value of one item (subject, property, period).

    ``belief`` maps each candidate value to its share of belief (the method's
    probability for probabilistic methods). ``supporting`` and ``opposing`` are
    claim ids; ``out_of_date`` are opposing claims that repeat the value chosen
    for the previous period of the same subject and property (stale, not
    invented). ``value`` is ``None`` when no candidate has any support.
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

    def to_record(self) -> dict[str, Any]:
        return {
            "subject": self.subject,
            "property": self.property,
            "period_start": self.period[0].isoformat() if self.period else None,
            "period_end": self.period[1].isoformat() if self.period else None,
            "value": self.value,
            "confidence": round(self.confidence, 6),
            "belief": {k: round(v, 6) for k, v in self.belief.items()},
            "supporting": list(self.supporting),
            "opposing": list(self.opposing),
            "out_of_date": list(self.out_of_date),
        }


@attrs.frozen(slots=True)
class TruthResult:
    """Outcome of :func:`claimgraph.scoring.truth.discover`.

    Attributes
    ----------
    method : str
    trust : dict of str to float
        The method's trust score per source.
    sources : tuple of SourceTrust
        Trust with an accuracy interval and the number of claims, best first.
    items : tuple of ItemResult
    iterations : int
    converged : bool
    """

    method: str
    trust: dict[str, float]
    sources: tuple[SourceTrust, ...]
    items: tuple[ItemResult, ...]
    iterations: int
    converged: bool

    def to_records(self) -> list[dict[str, Any]]:
        """One JSON-ready mapping per item."""
        return [item.to_record() for item in self.items]

    def source_records(self) -> list[dict[str, Any]]:
        """One JSON-ready mapping per source."""
        return [source.to_record() for source in self.sources]

    def value_of(self, subject: str, property: str) -> str | None:
        """The chosen value for the latest period of ``subject`` and ``property``."""
        found = [i for i in self.items if i.subject == subject and i.property == property]
        if not found:
            raise KeyError((subject, property))
        return max(found, key=lambda i: i.period or (dt.date.min, dt.date.min)).value


def _plain(x: float) -> int | float:
    return int(x) if float(x).is_integer() else round(float(x), 6)


def build_result(method: str, problem: Problem, estimate: Estimate) -> TruthResult:
    """Turn a method's estimate into a :class:`TruthResult`."""
    belief = estimate.belief
    share = belief if estimate.probabilistic else item_normalize(problem, belief)
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
    sources = tuple(
        sorted(
            (
                SourceTrust(
                    name,
                    trust_values[s],
                    float(accuracy[s]),
                    float(low[s]),
                    float(high[s]),
                    float(counts[s]),
                )
                for s, name in enumerate(problem.sources)
            ),
            key=lambda t: (-t.accuracy, t.source),
        )
    )
    supported = segment_sum(problem, has_support.astype(np.float64)) > 0
    items = _items(problem, share, chosen, supported)
    return TruthResult(
        method=method,
        trust=dict(zip(problem.sources, trust_values, strict=True)),
        sources=sources,
        items=items,
        iterations=estimate.iterations,
        converged=estimate.converged,
    )


def _items(
    problem: Problem, share: np.ndarray, chosen: np.ndarray, supported: np.ndarray
) -> tuple[ItemResult, ...]:
    obs_item = problem.fact_item[problem.obs_fact]
    order = np.argsort(obs_item, kind="stable")
    bounds = np.searchsorted(obs_item[order], np.arange(problem.n_items + 1))
    is_chosen = np.zeros(problem.n_facts, dtype=bool)
    is_chosen[chosen] = True
    hit = is_chosen[problem.obs_fact]
    positive = problem.obs_weight > 0
    pro_mask = (hit & positive)[order].tolist()
    con_mask = (hit != positive)[order].tolist()
    claim_of = problem.obs_claim[order].tolist()
    fact_of = problem.obs_fact[order].tolist()
    ids = problem.claim_ids
    labels = problem.fact_label
    starts = problem.item_start.tolist()
    share_list = share.tolist()
    chosen_list = chosen.tolist()
    supported_list = supported.tolist()
    bounds_list = bounds.tolist()
    out: list[ItemResult] = []
    for i, (subject, prop, period) in enumerate(problem.items):
        lo, hi = bounds_list[i], bounds_list[i + 1]
        pro = {ids[claim_of[k]] for k in range(lo, hi) if pro_mask[k]}
        con = {ids[claim_of[k]] for k in range(lo, hi) if con_mask[k]} - pro
        f = chosen_list[i]
        beliefs = {labels[g]: share_list[g] for g in range(starts[i], starts[i + 1])}
        out.append(
            ItemResult(
                subject=subject,
                property=prop,
                period=period,
                value=labels[f] if supported_list[i] else None,
                confidence=float(share_list[f]) if supported_list[i] else 0.0,
                belief=beliefs,
                supporting=tuple(sorted(pro)),
                opposing=tuple(sorted(con)),
            )
        )
    return _mark_out_of_date(out, problem, claim_of, fact_of, bounds_list)


def _mark_out_of_date(
    out: list[ItemResult],
    problem: Problem,
    claim_of: list[int],
    fact_of: list[int],
    bounds: list[int],
) -> tuple[ItemResult, ...]:
    timed = [i for i, item in enumerate(out) if item.period is not None]
    if not timed:
        return tuple(out)
    timed.sort(key=lambda i: (out[i].subject, out[i].property, out[i].period))
    ids = problem.claim_ids
    previous: tuple[str, str, str | None] | None = None
    for i in timed:
        item = out[i]
        if previous is not None and previous[:2] == (item.subject, item.property):
            old = previous[2]
            if old is not None and item.value is not None and fold(old) != fold(item.value):
                stale = {
                    ids[claim_of[k]]
                    for k in range(bounds[i], bounds[i + 1])
                    if fold(problem.fact_label[fact_of[k]]) == fold(old)
                    and ids[claim_of[k]] in item.opposing
                }
                if stale:
                    out[i] = attrs.evolve(item, out_of_date=tuple(sorted(stale)))
        previous = (item.subject, item.property, item.value)
    return tuple(out)
