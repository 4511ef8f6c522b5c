"""How often sources agree, pair by pair, and how often each is corroborated."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import attrs
import numpy as np
import scipy.sparse as sp

from .._gc import collector_paused
from ..graph import RelationKind, compatible_values, relate
from ..model import Claim, SourceKind, Stance, independent_of

if TYPE_CHECKING:
    import pandas as pd

    from ..graph import ClaimGraph

__all__ = ["Agreement", "PairAgreement", "SourceFigures", "source_agreement", "wilson_interval"]

_DOCUMENT = SourceKind.DOCUMENT

#: Cohen's kappa is computed when the items' categories are at most this many.
KAPPA_MAX_CATEGORIES = 64


def wilson_interval(successes: int, trials: int, z: float = 1.96) -> tuple[float, float]:
    """Wilson score interval for a proportion; ``(0, 1)`` with no trials.

    Small samples get wide intervals, which is the point.

    >>> [round(x, 3) for x in wilson_interval(2, 2)]
    [0.342, 1.0]
    >>> [round(x, 3) for x in wilson_interval(90, 100)]
    [0.826, 0.945]
    """
    if trials <= 0:
        return 0.0, 1.0
    p = successes / trials
    denom = 1 + z * z / trials
    centre = (p + z * z / (2 * trials)) / denom
    half = z * math.sqrt(p * (1 - p) / trials + z * z / (4 * trials * trials)) / denom
    return max(0.0, centre - half), min(1.0, centre + half)


@attrs.frozen(slots=True)
class PairAgreement:
    """Agreement of two sources over the items (place, property, period) both speak about."""

    source_a: str
    source_b: str
    alignment_a: str | None
    alignment_b: str | None
    agreements: int
    disagreements: int
    kappa: float | None

    @property
    def compared(self) -> int:
        return self.agreements + self.disagreements

    @property
    def rate(self) -> float | None:
        """Share of compared items on which they agree (``None`` if none compared)."""
        return self.agreements / self.compared if self.compared else None

    @property
    def interval(self) -> tuple[float, float]:
        """95 % Wilson interval of the rate."""
        return wilson_interval(self.agreements, self.compared)

    @property
    def same_side(self) -> bool:
        """Both on the same side: their agreement may be echo rather than confirmation."""
        return not independent_of(self.alignment_a, self.alignment_b)

    def to_record(self) -> dict[str, Any]:
        low, high = self.interval
        return {
            "source_a": self.source_a,
            "source_b": self.source_b,
            "alignment_a": self.alignment_a,
            "alignment_b": self.alignment_b,
            "same_side": self.same_side,
            "compared": self.compared,
            "agreements": self.agreements,
            "disagreements": self.disagreements,
            "rate": _round(self.rate),
            "rate_low": round(low, 4),
            "rate_high": round(high, 4),
            "kappa": _round(self.kappa),
        }


@attrs.frozen(slots=True)
class SourceFigures:
    """Per-source counts: how much it says and how it fares against others."""

    source: str
    alignment: str | None
    claims: int
    corroborated_independently: int
    corroborated_same_side: int
    contradicted: int

    def to_record(self) -> dict[str, Any]:
        return attrs.asdict(self)


@attrs.frozen(slots=True, repr=False)
class Agreement:
    """Pairwise agreement and per-source figures; see :func:`source_agreement`.

    ``documents_not_scored`` maps each document whose own claims were left out
    to how many there were.
    """

    pairs: tuple[PairAgreement, ...]
    sources: tuple[SourceFigures, ...]
    documents_not_scored: dict[str, int] = attrs.field(factory=dict)

    def pair(self, a: str, b: str) -> PairAgreement | None:
        """The figures for sources ``a`` and ``b`` (in either order)."""
        for p in self.pairs:
            if {p.source_a, p.source_b} == {a, b}:
                return p
        return None

    def source(self, name: str) -> SourceFigures | None:
        return next((s for s in self.sources if s.source == name), None)

    # -- notebook display ----------------------------------------------------

    def _facts(self) -> list[tuple[str, object]]:
        return [("sources", len(self.sources)), ("pairs compared", len(self.pairs))]

    def __repr__(self) -> str:
        from .._display import TOP_TEXT, text_summary

        top = [
            f"{p.source_a} ~ {p.source_b}: {p.agreements}/{p.compared} agree"
            for p in self.pairs[:TOP_TEXT]
        ]
        return text_summary("Agreement", self._facts(), top, more=len(self.pairs) - len(top))

    def _repr_html_(self) -> str:
        from .._display import TOP_HTML, html_summary

        rows = [
            (p.source_a, p.source_b, p.compared, p.rate, p.kappa, p.same_side)
            for p in self.pairs[:TOP_HTML]
        ]
        return html_summary(
            "Agreement",
            self._facts(),
            ("source", "source", "compared", "rate", "kappa", "same side"),
            rows,
            more=len(self.pairs) - TOP_HTML,
            caption="pairs compared most often",
        )

    def to_dataframe(self) -> pd.DataFrame:
        """The pairs, one row a pair of sources (the columns of
        :meth:`PairAgreement.to_record`). Needs pandas, the ``pandas`` extra.

        Examples
        --------
        >>> from claimgraph.graph import ClaimGraph
        >>> from claimgraph.testing import make_claim
        >>> agreement = source_agreement(ClaimGraph.build([
        ...     make_claim("A", "Hilan", "army", on="2014-05-21"),
        ...     make_claim("B", "Hilan", "rebels", on="2014-05-21"),
        ... ]))
        >>> agreement
        <Agreement: 2 sources, 1 pairs compared>
          A ~ B: 0/1 agree
        >>> agreement.to_dataframe()[["source_a", "source_b", "disagreements"]].values.tolist()
        [['A', 'B', 1]]
        >>> len(agreement.sources_dataframe())
        2
        """
        from .._display import dataframe

        records = [p.to_record() for p in self.pairs]
        return dataframe(records, _PAIR_COLUMNS)

    def sources_dataframe(self) -> pd.DataFrame:
        """The per-source figures, one row a source. Needs pandas, the ``pandas`` extra."""
        from .._display import dataframe

        columns = [field.name for field in attrs.fields(SourceFigures)]
        return dataframe([s.to_record() for s in self.sources], columns)


_PAIR_COLUMNS = (
    "source_a",
    "source_b",
    "alignment_a",
    "alignment_b",
    "same_side",
    "compared",
    "agreements",
    "disagreements",
    "rate",
    "rate_low",
    "rate_high",
    "kappa",
)


def source_agreement(
    cg: ClaimGraph, *, property: str | None = None, documents: bool = False
) -> Agreement:
    """Agreement between every pair of sources that speak about the same items.

    An item is an episode: one place, one property, one stretch of time. On
    each item a source's last word counts. Two sources *agree* when they
    assert the same value (compatible numbers) or deny the same value, and
    *disagree* when they assert different values or one denies what the other
    asserts. Cohen's kappa corrects the rate for chance agreement given each
    source's habits; it is ``None`` when undefined (no shared items, a single
    category) or when values are open-ended (more than 64 categories).

    Per source: claims made, claims corroborated by an independent source
    (not on the same side), claims corroborated only by its own side, and
    claims contradicted or denied by another source.

    The claims a document makes in its own voice (``source_kind`` document)
    are left out, so that a report is not scored among the outlets it reports
    on; ``documents=True`` counts the document as one more source.

    Complexity: one sparse product over (item, value) x sources; numeric
    items are compared pair by pair within each item.

    Examples
    --------
    >>> from claimgraph.graph import ClaimGraph
    >>> from claimgraph.testing import make_claim
    >>> cg = ClaimGraph.build([
    ...     make_claim("A", "Hilan", "army", on="2014-05-21", alignment="government"),
    ...     make_claim("B", "Hilan", "army", on="2014-05-22", alignment="opposition"),
    ...     make_claim("A", "Hanano", "army", on="2014-06-01", alignment="government"),
    ...     make_claim("B", "Hanano", "rebels", on="2014-06-01", alignment="opposition"),
    ... ])
    >>> p = source_agreement(cg).pair("A", "B")
    >>> p.agreements, p.disagreements, p.rate
    (1, 1, 0.5)
    """
    with collector_paused():
        return _agreement(cg, property, documents)


def _scored(claim: Claim, documents: bool) -> bool:
    return documents or not claim.is_document


def _agreement(cg: ClaimGraph, property: str | None, documents: bool) -> Agreement:
    names = cg.sources
    if not documents and any(c.source_kind is _DOCUMENT for c in cg.claims):
        named = {c.source for c in cg.claims if not c.is_document}
        names = [name for name in names if name in named]
    index = {name: i for i, name in enumerate(names)}
    n = len(names)
    agree = np.zeros((n, n), dtype=np.int64)
    disagree = np.zeros((n, n), dtype=np.int64)
    kappa = _categorical(cg, index, property, agree, disagree, documents)
    _numeric(cg, index, property, agree, disagree, documents)
    pairs = []
    for i in range(n):
        for j in range(i + 1, n):
            if agree[i, j] or disagree[i, j]:
                k = kappa[i, j] if kappa is not None else math.nan
                pairs.append(
                    PairAgreement(
                        names[i],
                        names[j],
                        cg.alignments.get(names[i]),
                        cg.alignments.get(names[j]),
                        int(agree[i, j]),
                        int(disagree[i, j]),
                        None if math.isnan(k) else float(k),
                    )
                )
    pairs.sort(key=lambda p: (-p.compared, p.source_a, p.source_b))
    left: dict[str, int] = {}
    if not documents:
        for claim in cg.claims:
            if claim.is_document and (property is None or claim.property == property):
                left[claim.source] = left.get(claim.source, 0) + 1
    return Agreement(tuple(pairs), tuple(_figures(cg, property, documents, set(names))), left)


def _latest_claims(
    cg: ClaimGraph, property: str | None, numeric: bool, documents: bool
) -> list[tuple[int, Claim]]:
    out = []
    for item, episode in enumerate(cg.episodes):
        if property is not None and episode.property != property:
            continue
        if len(episode.sources) < 2:
            continue
        for claim in episode.last_words():
            if claim.is_numeric == numeric and _scored(claim, documents):
                out.append((item, claim))
    return out


def _categorical(
    cg: ClaimGraph,
    index: dict[str, int],
    property: str | None,
    agree: np.ndarray[Any, Any],
    disagree: np.ndarray[Any, Any],
    documents: bool,
) -> np.ndarray[Any, Any] | None:
    rows = _latest_claims(cg, property, False, documents)
    n = len(index)
    if not rows:
        return np.full((n, n), np.nan)
    codes: dict[tuple[str, str], int] = {}
    items = np.fromiter((item for item, _ in rows), dtype=np.int64, count=len(rows))
    sources = np.fromiter((index[c.source] for _, c in rows), dtype=np.int64, count=len(rows))
    values = np.fromiter(
        (codes.setdefault((c.property, c.display_value), len(codes)) for _, c in rows),
        dtype=np.int64,
        count=len(rows),
    )
    denies = np.fromiter((c.stance is Stance.DENIES for _, c in rows), dtype=bool, count=len(rows))
    n_items = int(items.max()) + 1
    # One row per (item, value): a source's column is set when that is its word on the item.
    _, row = np.unique(items * len(codes) + values, return_inverse=True)
    n_rows = int(row.max()) + 1

    def matrix(mask: np.ndarray[Any, Any], by_value: bool) -> sp.csr_matrix:
        r = row[mask] if by_value else items[mask]
        shape = (n_rows if by_value else n_items, n)
        ones = np.ones(int(mask.sum()), dtype=np.int64)
        return sp.csr_matrix((ones, (r, sources[mask])), shape=shape)

    asserts = ~denies
    q_assert, q_deny = matrix(asserts, True), matrix(denies, True)
    p_assert = matrix(asserts, False)
    same_assert = (q_assert.T @ q_assert).toarray()
    both_assert = (p_assert.T @ p_assert).toarray()
    same_deny = (q_deny.T @ q_deny).toarray()
    deny_vs_assert = (q_deny.T @ q_assert).toarray()
    agree += same_assert + same_deny
    disagree += both_assert - same_assert + deny_vs_assert + deny_vs_assert.T
    np.fill_diagonal(agree, 0)
    np.fill_diagonal(disagree, 0)
    if len(codes) > KAPPA_MAX_CATEGORIES:
        return None
    # Chance agreement: sum over categories of the two sources' shares on shared items.
    chance = np.zeros((n, n))
    for code in range(len(codes)):
        mask = asserts & (values == code)
        if not mask.any():
            continue
        x = sp.csr_matrix(
            (np.ones(int(mask.sum())), (items[mask], sources[mask])), shape=(n_items, n)
        )
        counts = (x.T @ p_assert).toarray()  # [s, t]: items s asserts code and t speaks
        chance += counts * counts.T
    with np.errstate(divide="ignore", invalid="ignore"):
        shared = both_assert.astype(float)
        observed = same_assert / shared
        expected = chance / (shared * shared)
        kappa = (observed - expected) / (1 - expected)
    kappa[(shared == 0) | np.isclose(expected, 1.0)] = np.nan
    return np.asarray(kappa)


def _numeric(
    cg: ClaimGraph,
    index: dict[str, int],
    property: str | None,
    agree: np.ndarray[Any, Any],
    disagree: np.ndarray[Any, Any],
    documents: bool,
) -> None:
    from ..graph import comparable_periods

    by_item: dict[int, list[Claim]] = {}
    for item, claim in _latest_claims(cg, property, True, documents):
        by_item.setdefault(item, []).append(claim)
    for claims in by_item.values():
        for i, a in enumerate(claims):
            for b in claims[i + 1 :]:
                if a.source == b.source or not comparable_periods(a, b):
                    continue
                same = compatible_values(a, b, relative_tolerance=cg.relative_tolerance)
                deny_a, deny_b = a.stance is Stance.DENIES, b.stance is Stance.DENIES
                if deny_a != deny_b and not same:
                    continue  # denying one number says nothing about another
                target = agree if same != (deny_a != deny_b) else disagree
                sa, sb = index[a.source], index[b.source]
                target[sa, sb] += 1
                target[sb, sa] += 1


def _figures(
    cg: ClaimGraph, property: str | None, documents: bool, names: set[str]
) -> list[SourceFigures]:
    """Per-source figures from each episode's standing claims (each source's last word)."""
    counts: dict[str, int] = {name: 0 for name in cg.alignments if name in names}
    for claim in cg.claims:
        if (property is None or claim.property == property) and _scored(claim, documents):
            counts[claim.source] += 1
    align = cg.alignments
    independent: set[int] = set()
    same_side: set[int] = set()
    contradicted: set[int] = set()
    for episode in cg.episodes:
        if property is not None and episode.property != property:
            continue
        standing = tuple(c for c in episode.last_words() if _scored(c, documents))
        if len(standing) < 2:
            continue
        for i, a in enumerate(standing):
            for b in standing[i + 1 :]:
                if a.source == b.source:
                    continue
                relation = relate(a, b, relative_tolerance=cg.relative_tolerance)
                if relation is None:
                    continue
                if relation.kind is RelationKind.CORROBORATES:
                    apart = independent_of(align.get(a.source), align.get(b.source))
                    (independent if apart else same_side).update((id(a), id(b)))
                else:
                    contradicted.update((id(a), id(b)))
    by_source: dict[str, list[int]] = {name: [0, 0, 0] for name in counts}
    for claim in cg.claims:
        if property is not None and claim.property != property:
            continue
        if not _scored(claim, documents):
            continue
        tally = by_source[claim.source]
        key = id(claim)
        if key in independent:
            tally[0] += 1
        elif key in same_side:
            tally[1] += 1
        if key in contradicted:
            tally[2] += 1
    return [
        SourceFigures(name, align.get(name), counts[name], *by_source[name])
        for name in sorted(counts)
    ]


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 4)
