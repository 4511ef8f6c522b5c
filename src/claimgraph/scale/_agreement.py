"""Source agreement as a reduction: per-partition counts, summed, then the figures.

Agreements, disagreements and the per-source figures are sums over items, and
items (episodes) never span partitions: each partition's
:func:`~claimgraph.scoring.source_agreement` gives its share. Cohen's kappa is
not a sum, but it is a function of sums: per pair of sources, the items both
assert a value on, those they assert the same value on, and per category the
items on which one asserts it while the other asserts any value. Partitions
count those; :func:`reduce_agreement` adds them up and computes kappa once, by
the formula of the single-process path and on the same integers, so the
figures come out the same to the last bit.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import attrs
import numpy as np
import scipy.sparse as sp

from ..graph import ClaimGraph
from ..model import Stance
from ..scoring import Agreement, PairAgreement, SourceFigures, source_agreement
from ..scoring._agreement import KAPPA_MAX_CATEGORIES

__all__ = ["AgreementCounts", "count_agreement", "reduce_agreement"]

_Pair = tuple[str, str]
_Code = tuple[str, str]


@attrs.frozen(slots=True)
class _Sparse:
    """A sources x sources count matrix over a partition's ``names``, as triples."""

    rows: np.ndarray[Any, Any]
    cols: np.ndarray[Any, Any]
    counts: np.ndarray[Any, Any]

    @classmethod
    def of(cls, matrix: sp.csr_matrix) -> _Sparse:
        coo = matrix.tocoo()
        return cls(coo.row, coo.col, coo.data.astype(np.int64))


@attrs.frozen(slots=True)
class AgreementCounts:
    """One partition's share of source agreement.

    ``pairs`` are (agreements, disagreements) per pair of sources (names in
    order), ``figures`` the per-source figures as counts; ``names`` index the
    matrices: ``both`` (items both assert a value on), ``same`` (the same
    value) and, per category (property, value), ``chance`` (items the row
    source asserts it on and the column source asserts any value).
    ``categories`` are all the categories of the latest categorical words,
    denials included.
    """

    pairs: dict[_Pair, tuple[int, int]]
    figures: dict[str, tuple[int, int, int, int]]
    names: tuple[str, ...]
    both: _Sparse
    same: _Sparse
    chance: dict[_Code, _Sparse]
    categories: frozenset[_Code]


def count_agreement(cg: ClaimGraph, prop: str | None, documents: bool) -> AgreementCounts:
    """The counts of one partition's graph (see :class:`AgreementCounts`)."""
    found = source_agreement(cg, property=prop, documents=documents)
    pairs = {(p.source_a, p.source_b): (p.agreements, p.disagreements) for p in found.pairs}
    figures = {
        s.source: (s.claims, s.corroborated_independently, s.corroborated_same_side, s.contradicted)
        for s in found.sources
    }
    items: list[int] = []
    sources: list[str] = []
    codes: list[_Code] = []
    asserts: list[bool] = []
    for item, episode in enumerate(cg.episodes):
        if (prop is not None and episode.property != prop) or len(episode.sources) < 2:
            continue
        for claim in episode.last_words():
            if claim.is_numeric or not (documents or not claim.is_document):
                continue
            items.append(item)
            sources.append(claim.source)
            codes.append((claim.property, claim.display_value))
            asserts.append(claim.stance is not Stance.DENIES)
    names = tuple(sorted(set(sources)))
    index = {name: i for i, name in enumerate(names)}
    col = np.fromiter((index[s] for s in sources), dtype=np.int64, count=len(sources))
    item_of = np.asarray(items, dtype=np.int64)
    said = np.asarray(asserts, dtype=bool)
    code_of = {c: k for k, c in enumerate(dict.fromkeys(codes))}
    code = np.fromiter((code_of[c] for c in codes), dtype=np.int64, count=len(codes))
    n_items, n = (int(item_of.max()) + 1 if len(item_of) else 0), len(names)

    def matrix(rows: np.ndarray[Any, Any], mask: np.ndarray[Any, Any], height: int) -> Any:
        ones = np.ones(int(mask.sum()), dtype=np.int64)
        return sp.csr_matrix((ones, (rows[mask], col[mask])), shape=(height, n))

    p_assert = matrix(item_of, said, n_items)
    by_value = item_of * max(len(code_of), 1) + code
    q_assert = matrix(by_value, said, n_items * max(len(code_of), 1))
    chance = {
        c: _Sparse.of(matrix(item_of, said & (code == k), n_items).T @ p_assert)
        for c, k in code_of.items()
        if (said & (code == k)).any()
    }
    return AgreementCounts(
        pairs,
        figures,
        names,
        _Sparse.of(p_assert.T @ p_assert),
        _Sparse.of(q_assert.T @ q_assert),
        chance,
        frozenset(code_of),
    )


class _Sum:
    """Sums of per-partition count matrices over the global source names."""

    def __init__(self, names: Sequence[str]) -> None:
        self.index = {name: i for i, name in enumerate(names)}
        self.n = len(names)
        self.parts: list[tuple[np.ndarray[Any, Any], np.ndarray[Any, Any], Any]] = []

    def add(self, local: tuple[str, ...], counts: _Sparse) -> None:
        where = np.fromiter((self.index.get(s, -1) for s in local), np.int64, len(local))
        r, c = where[counts.rows], where[counts.cols]
        keep = (r >= 0) & (c >= 0)
        self.parts.append((r[keep], c[keep], counts.counts[keep]))

    def total(self) -> sp.csr_matrix:
        if not self.parts:
            return sp.csr_matrix((self.n, self.n), dtype=np.int64)
        r, c, v = (np.concatenate(x) for x in zip(*self.parts, strict=True))
        out: sp.csr_matrix = sp.csr_matrix((v, (r, c)), shape=(self.n, self.n), dtype=np.int64)
        return out


def reduce_agreement(
    overview: ClaimGraph,
    counts: Sequence[AgreementCounts],
    prop: str | None,
    documents: bool,
) -> Agreement:
    """The :class:`~claimgraph.scoring.Agreement` of all partitions' counts.

    ``overview`` holds every claim (for the sources, their alignments and the
    documents left out); ``prop`` and ``documents`` are those the counts were
    made with.
    """
    names = overview.sources
    if not documents and any(c.is_document for c in overview.claims):
        named = {c.source for c in overview.claims if not c.is_document}
        names = [name for name in names if name in named]
    pairs: dict[_Pair, list[int]] = {}
    figures = {name: [0, 0, 0, 0] for name in names}
    both, same = _Sum(names), _Sum(names)
    chance: dict[_Code, _Sum] = {}
    categories: set[_Code] = set()
    for part in counts:
        for key, (agree, disagree) in part.pairs.items():
            tally = pairs.setdefault(key, [0, 0])
            tally[0] += agree
            tally[1] += disagree
        for name, values in part.figures.items():
            tally = figures[name]
            for k, v in enumerate(values):
                tally[k] += v
        both.add(part.names, part.both)
        same.add(part.names, part.same)
        for code, matrix in part.chance.items():
            chance.setdefault(code, _Sum(names)).add(part.names, matrix)
        categories |= part.categories
    kappa = _kappa(both.total(), same.total(), [s.total() for s in chance.values()])
    if len(categories) > KAPPA_MAX_CATEGORIES:
        kappa = None
    index = both.index
    align = overview.alignments
    out = [
        PairAgreement(
            a,
            b,
            align.get(a),
            align.get(b),
            agree,
            disagree,
            None if kappa is None else kappa(index[a], index[b]),
        )
        for (a, b), (agree, disagree) in pairs.items()
        if agree or disagree
    ]
    out.sort(key=lambda p: (-p.compared, p.source_a, p.source_b))
    left: dict[str, int] = {}
    if not documents:
        for claim in overview.claims:
            if claim.is_document and (prop is None or claim.property == prop):
                left[claim.source] = left.get(claim.source, 0) + 1
    sources = [SourceFigures(name, align.get(name), *figures[name]) for name in sorted(figures)]
    return Agreement(tuple(out), tuple(sources), left)


def _kappa(both: sp.csr_matrix, same: sp.csr_matrix, chance: list[sp.csr_matrix]) -> Any:
    """Cohen's kappa of a pair of sources (by index) from the summed counts."""
    expected_counts = sp.csr_matrix(both.shape, dtype=np.int64)
    for counts in chance:
        expected_counts = expected_counts + counts.multiply(counts.T)
    expected_counts = expected_counts.tocsr()

    def kappa(i: int, j: int) -> float | None:
        shared = float(both[i, j])
        if shared == 0:
            return None
        observed = same[i, j] / shared
        expected = float(expected_counts[i, j]) / (shared * shared)
        if np.isclose(expected, 1.0):
            return None
        k = (observed - expected) / (1 - expected)
        return None if math.isnan(k) else float(k)

    return kappa
