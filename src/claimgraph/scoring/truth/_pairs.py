"""What two sources share: the items both speak of and how far they agree there.

AccuCopy's copy detection and the echo discount both judge pairs of sources
(or trust units) from these counts, taken once per shared item.
"""

from __future__ import annotations

import attrs
import numpy as np
import scipy.sparse as sp

from ._items import Problem

__all__ = [
    "SharedItems",
    "fact_item_matrix",
    "item_shares",
    "shared_items",
    "values_at",
    "with_data",
]


@attrs.frozen(slots=True)
class SharedItems:
    """Pairs of rows (``rows[i] < cols[i]``) of a support matrix that share items.

    ``n_shared`` counts the items both speak of; ``k_same`` their agreement
    there, each shared item counted once (1 for the same value or the same set
    of values, the cosine of the two sets when they overlap in part);
    ``shares`` is the support scaled for that count (see :func:`item_shares`)
    and ``pattern`` its 0/1 pattern.
    """

    rows: np.ndarray
    cols: np.ndarray
    n_shared: np.ndarray
    k_same: np.ndarray
    shares: sp.csr_matrix
    shares_t: sp.csr_matrix
    pattern: sp.csr_matrix

    def agreement_on(self, belief: np.ndarray) -> np.ndarray:
        """Agreement weighted by the belief in the agreed value (agreement on true values)."""
        return values_at(
            (self.shares.multiply(belief).tocsr() @ self.shares_t).tocsr(), self.rows, self.cols
        )


def shared_items(support: sp.csr_matrix, problem: Problem) -> SharedItems:
    """The pairs of rows of ``support`` (sources or trust units x facts) that share items.

    Complexity: O(q) for q = sum over facts and items of the squared number of
    rows speaking of them.
    """
    fact_to_item = fact_item_matrix(problem)
    pattern = support.copy()
    pattern.data[:] = 1.0
    on_item = (pattern @ fact_to_item).tocsr()
    on_item.data[:] = 1.0
    shared = sp.triu(on_item @ on_item.T, k=1).tocoo()
    shares = item_shares(support, fact_to_item)
    shares_t = shares.T.tocsr()
    k_same = values_at((shares @ shares_t).tocsr(), shared.row, shared.col)
    return SharedItems(
        shared.row, shared.col, shared.data, k_same, shares, shares_t, pattern.tocsr()
    )


def fact_item_matrix(problem: Problem) -> sp.csr_matrix:
    """The facts x items 0/1 matrix of which item each fact belongs to (cached)."""
    out: sp.csr_matrix = problem.cached(
        "fact_to_item",
        lambda: sp.csr_matrix(
            (np.ones(problem.n_facts), (np.arange(problem.n_facts), problem.fact_item)),
            shape=(problem.n_facts, problem.n_items),
        ),
    )
    return out


def item_shares(support: sp.csr_matrix, fact_to_item: sp.csr_matrix) -> sp.csr_matrix:
    """``support`` scaled to unit length per row and item.

    The dot product of two rows then counts, per item both speak of, the
    cosine of their values: 1 when they name the same value or the same set
    of values, less when their sets differ in part.

    Examples
    --------
    >>> import scipy.sparse as sp
    >>> support = sp.csr_matrix([[0.5, 0.5, 1.0], [0.5, 0.5, 1.0], [1.0, 0.0, 1.0]])
    >>> to_item = sp.csr_matrix([[1.0, 0.0], [1.0, 0.0], [0.0, 1.0]])
    >>> shares = item_shares(support, to_item)
    >>> (shares @ shares.T).toarray().round(3).tolist()[0]
    [2.0, 2.0, 1.707]
    """
    coo = support.tocoo()
    if 0 in fact_to_item.shape:  # no facts or no items: nothing to share
        return sp.csr_matrix(support.shape)
    squares = (support.multiply(support).tocsr() @ fact_to_item).tocsr()
    item = np.asarray(fact_to_item.argmax(axis=1)).ravel()
    total = values_at(squares, coo.row, item[coo.col])
    out: sp.csr_matrix = sp.csr_matrix(
        (coo.data / np.sqrt(np.maximum(total, 1e-24)), (coo.row, coo.col)), shape=support.shape
    )
    return out


def values_at(matrix: sp.csr_matrix, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """``matrix[rows, cols]`` as a flat array, by binary search on sorted positions
    (scipy's fancy indexing scans unsorted rows)."""
    coo = matrix.tocoo()
    width = max(matrix.shape[1], 1)
    keys = coo.row.astype(np.int64) * width + coo.col
    order = np.argsort(keys, kind="stable")
    keys, data = keys[order], coo.data[order]
    wanted = np.asarray(rows, dtype=np.int64) * width + np.asarray(cols, dtype=np.int64)
    at = np.minimum(np.searchsorted(keys, wanted), max(len(keys) - 1, 0))
    out = np.zeros(len(wanted))
    if len(keys):
        hit = keys[at] == wanted
        out[hit] = data[at[hit]]
    return out


def with_data(matrix: sp.csr_matrix, data: np.ndarray) -> sp.csr_matrix:
    """``matrix``'s pattern with other stored values (in the order of its data)."""
    out: sp.csr_matrix = sp.csr_matrix((data, matrix.indices, matrix.indptr), shape=matrix.shape)
    return out
