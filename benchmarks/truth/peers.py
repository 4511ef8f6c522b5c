"""Run the Python peers on our datasets when they are installed (never a dependency).

``truthdiscovery`` (Sums, AverageLog, Investment, PooledInvestment,
TruthFinder, MajorityVoting) and ``crowd-kit`` (MajorityVote, DawidSkene,
Wawa). Each peer gets the same claims as (source, item, value) triples; its
time includes building its own data structure, as ours does.
"""

from __future__ import annotations

import importlib
import time
import warnings
from typing import Any

__all__ = ["PEERS", "run_peer"]

#: (peer, method) pairs tried by the harness; a missing peer is skipped.
PEERS: list[tuple[str, str]] = [
    ("truthdiscovery", "MajorityVoting"),
    ("truthdiscovery", "Sums"),
    ("truthdiscovery", "AverageLog"),
    ("truthdiscovery", "Investment"),
    ("truthdiscovery", "PooledInvestment"),
    ("truthdiscovery", "TruthFinder"),
    ("crowd-kit", "MajorityVote"),
    ("crowd-kit", "Wawa"),
    ("crowd-kit", "DawidSkene"),
]

_MODULE = {"truthdiscovery": "truthdiscovery", "crowd-kit": "crowdkit.aggregation"}


def _available(peer: str) -> Any:
    try:
        return importlib.import_module(_MODULE[peer])
    except Exception:  # a broken install is as good as a missing one here
        return None


#: Largest tasks x labels x workers that crowd-kit's dense DawidSkene is given
#: (Population's open-ended values would need hundreds of GB; it was OOM-killed).
DENSE_LIMIT = 2e8


def triples(claims: Any) -> list[tuple[str, tuple[str, str], str]]:
    """(source, (subject, property), value) of every asserting claim."""
    return [(c.source, (c.subject, c.property), c.display_value) for c in claims]


def run_peer(
    peer: str, method: str, dataset: Any
) -> tuple[dict[tuple[str, str], str | None], float] | None:
    """Chosen value per item and seconds, or ``None`` when the peer is missing."""
    module = _available(peer)
    if module is None:
        return None
    rows = triples(dataset.claims)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if peer == "truthdiscovery":
            return _truthdiscovery(module, method, rows)
        return _crowdkit(module, method, rows)


def _truthdiscovery(
    module: Any, method: str, rows: list[tuple[str, tuple[str, str], str]]
) -> tuple[dict[tuple[str, str], str | None], float]:
    from truthdiscovery.input import Dataset

    start = time.perf_counter()
    data = Dataset(rows, allow_multiple=True)
    result = getattr(module, method)().run(data)
    elapsed = time.perf_counter() - start
    chosen = {var: max(values, key=values.__getitem__) for var, values in result.belief.items()}
    return chosen, elapsed


def _crowdkit(
    module: Any, method: str, rows: list[tuple[str, tuple[str, str], str]]
) -> tuple[dict[tuple[str, str], str | None], float] | None:
    import pandas as pd

    start = time.perf_counter()
    frame = pd.DataFrame(
        {
            "worker": [r[0] for r in rows],
            "task": ["\x1f".join(r[1]) for r in rows],
            "label": [r[2] for r in rows],
        }
    ).drop_duplicates(["worker", "task"])
    cells = frame["task"].nunique() * frame["label"].nunique() * frame["worker"].nunique()
    if method == "DawidSkene" and cells > DENSE_LIMIT:
        # its confusion matrices and posteriors are dense: tasks x labels x workers
        print(f"crowd-kit DawidSkene skipped: {cells:.2e} dense cells (limit {DENSE_LIMIT:.0e})")
        return None
    labels = getattr(module, method)().fit_predict(frame)
    elapsed = time.perf_counter() - start
    chosen = {tuple(task.split("\x1f")): value for task, value in labels.items()}
    return chosen, elapsed  # type: ignore[return-value]
