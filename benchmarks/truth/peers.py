"""Run the Python peers on our datasets when they are installed (never a dependency).

``truthdiscovery`` (Sums, AverageLog, Investment, PooledInvestment,
TruthFinder, MajorityVoting) and ``crowd-kit`` (its aggregators for
categorical labels: MajorityVote, Wawa, ZeroBasedSkill, DawidSkene,
OneCoinDawidSkene, MMSR; GLAD and MACE only when asked, being far slower:
MACE took 297 s on Population and GLAD did not finish in 600 s). Each peer gets
the same claims as (source, item, value) triples; its time includes building
its own data structure, as ours does.

crowd-kit aggregates labels from one label set shared by every task, so each
distinct value string of an item becomes a label numbered within the item, and
the chosen label is mapped back to its string; a label beyond the item's own,
which DawidSkene's priors can pick, is replaced by the item's most probable own
label. Kept as strings, Population's values (numbers, nearly all different)
made DawidSkene's per-worker confusion matrices exhaust 24 GiB. The numbers are
a seeded random permutation of each item's values (``LABEL_SEED``): numbered in
file order, the class priors of the Dawid-Skene models learned that label 0
(the value listed first) is usually right, which is the file's order and not
the sources' reliability (OneCoinDawidSkene: Flight .939, Population .844 in
file order; .847 and .748 with the claims shuffled). A worker keeps its first
label per task, as crowd-kit expects one.
"""

from __future__ import annotations

import importlib
import random
import time
import warnings
from collections.abc import Callable
from typing import Any

__all__ = ["PEERS", "SLOW_PEERS", "run_peer"]

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
    ("crowd-kit", "ZeroBasedSkill"),
    ("crowd-kit", "DawidSkene"),
    ("crowd-kit", "OneCoinDawidSkene"),
    ("crowd-kit", "MMSR"),
]

#: Peers' methods run only on request (``run.py --slow-peers``).
SLOW_PEERS: list[tuple[str, str]] = [("crowd-kit", "GLAD"), ("crowd-kit", "MACE")]

_MODULE = {"truthdiscovery": "truthdiscovery", "crowd-kit": "crowdkit.aggregation"}


def _available(peer: str) -> Any:
    try:
        return importlib.import_module(_MODULE[peer])
    except Exception:  # a broken install is as good as a missing one here
        return None


#: Largest workers x labels x labels (its dense confusion matrices) that
#: crowd-kit's DawidSkene is given: with raw value strings as labels Population
#: needed hundreds of GB and was OOM-killed; numbered per item, it needs little.
DENSE_LIMIT = 2e8

#: Seed of the random numbering of each item's values as crowd-kit labels.
LABEL_SEED = 0


def triples(claims: Any) -> list[tuple[str, tuple[str, str], str]]:
    """(source, (subject, property), value) of every asserting claim."""
    # display_value spelled out: the same strings without a property call per claim
    return [
        (c.source, (c.subject, c.property), v if (v := c.value) is not None else c.bounds_text())
        for c in claims
    ]


def run_peer(
    peer: str,
    method: str,
    dataset: Any,
    *,
    clock: Callable[[], float] = time.perf_counter,
    rows: list[tuple[str, tuple[str, str], str]] | None = None,
) -> tuple[dict[tuple[str, str], str | None], float] | None:
    """Chosen value per item and seconds, or ``None`` when the peer is missing.

    The seconds are measured with ``clock`` and do not include reading the
    claims into triples (``rows``, made here when not given).
    """
    module = _available(peer)
    if module is None:
        return None
    if rows is None:
        rows = triples(dataset.claims)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if peer == "truthdiscovery":
            return _truthdiscovery(module, method, rows, clock)
        return _crowdkit(module, method, rows, clock)


def _truthdiscovery(
    module: Any,
    method: str,
    rows: list[tuple[str, tuple[str, str], str]],
    clock: Callable[[], float],
) -> tuple[dict[tuple[str, str], str | None], float]:
    from truthdiscovery.input import Dataset

    start = clock()
    data = Dataset(rows, allow_multiple=True)
    result = getattr(module, method)().run(data)
    elapsed = clock() - start
    chosen = {var: max(values, key=values.__getitem__) for var, values in result.belief.items()}
    return chosen, elapsed


def _crowdkit(
    module: Any,
    method: str,
    rows: list[tuple[str, tuple[str, str], str]],
    clock: Callable[[], float],
) -> tuple[dict[tuple[str, str], str | None], float] | None:
    import pandas as pd

    start = clock()
    tasks: dict[tuple[str, str], int] = {}
    values: list[dict[str, int]] = []
    for _source, item, value in rows:
        task = tasks.setdefault(item, len(tasks))
        if task == len(values):
            values.append({})
        values[task].setdefault(value, len(values[task]))
    rng = random.Random(LABEL_SEED)
    for found in values:
        order = list(found)
        rng.shuffle(order)
        found.update((value, label) for label, value in enumerate(order))
    task_of = [tasks[item] for _source, item, _value in rows]
    label_of = [values[task][value] for task, (_s, _i, value) in zip(task_of, rows, strict=True)]
    frame = pd.DataFrame(
        {"worker": [r[0] for r in rows], "task": task_of, "label": label_of}
    ).drop_duplicates(["worker", "task"])
    cells = frame["worker"].nunique() * frame["label"].nunique() ** 2
    if method == "DawidSkene" and cells > DENSE_LIMIT:
        # one dense labels x labels confusion matrix per worker
        print(f"crowd-kit DawidSkene skipped: {cells:.2e} dense cells (limit {DENSE_LIMIT:.0e})")
        return None
    model = getattr(module, method)()
    labels = model.fit_predict(frame)
    elapsed = clock() - start
    probas = getattr(model, "probas_", None)
    items = list(tasks)
    shown = [sorted(found, key=found.__getitem__) for found in values]
    chosen: dict[tuple[str, str], str | None] = {}
    for task, label in labels.items():
        if not pd.isna(label) and int(label) >= len(shown[task]) and probas is not None:
            # a label numbered for other items (DawidSkene's priors can pick one):
            # the most probable of this item's own labels instead
            label = probas.loc[task, list(range(len(shown[task])))].idxmax()
        ok = not pd.isna(label) and int(label) < len(shown[task])
        chosen[items[task]] = shown[task][int(label)] if ok else None
    return chosen, elapsed
