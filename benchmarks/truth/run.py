"""Accuracy and time of every truth-discovery method, and of the peers, on the real datasets.

Usage: ``python benchmarks/truth/run.py [--datasets population,flight,book,book_dev]
[--methods ...] [--no-peers | --slow-peers] [--echoes] [--option k=v ...]``.

Datasets are read from ../shared/truth-data (see its README); peers
(``truthdiscovery``, ``crowd-kit``) run when installed and are skipped otherwise.
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))

import numpy as np
from loaders import DATA, Dataset, load_book, load_flight, load_population
from peers import PEERS, SLOW_PEERS, run_peer
from population_dev import parse_option

from claimgraph.scoring.truth import METHODS, discover
from claimgraph.testing import calibration_error

LOADERS = {
    "population": load_population,
    "flight": load_flight,
    "book": load_book,
    "book_dev": lambda: load_book(split="dev"),
}


def accuracy(dataset: Dataset, chosen: dict[tuple[str, str], str | None]) -> tuple[float, int]:
    """Share of gold items (that have claims) whose chosen value matches."""
    scored = [key for key in dataset.gold if key in chosen]
    right = sum(dataset.matches(chosen[key], dataset.gold[key]) for key in scored)
    return right / max(len(scored), 1), len(scored)


def gold_calibration_error(
    dataset: Dataset,
    chosen: dict[tuple[str, str], str | None],
    confidence: dict[tuple[str, str], float],
    bins: int = 10,
) -> float:
    """Expected calibration error of the chosen values' confidence on the gold items."""
    scored = [key for key in dataset.gold if key in chosen]
    right = np.asarray([dataset.matches(chosen[key], dataset.gold[key]) for key in scored], float)
    conf = np.asarray([confidence[key] for key in scored])
    return calibration_error(conf, right, bins)


def run_ours(dataset: Dataset, method: str, **options: object) -> tuple[float, int, float, float]:
    """Accuracy, items scored, seconds and calibration error of one method."""
    start = time.perf_counter()
    result = discover(dataset.claims, method=method, **{**dataset.discover_options, **options})  # type: ignore[arg-type]
    elapsed = time.perf_counter() - start
    columns = result.items.columns()
    keys = list(zip(columns["subject"], columns["property"], strict=True))
    chosen = dict(zip(keys, columns["leading"], strict=True))
    confidence = dict(zip(keys, columns["confidence"], strict=True))
    acc, n = accuracy(dataset, chosen)
    return acc, n, elapsed, gold_calibration_error(dataset, chosen, confidence)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--datasets", default="population,flight,book")
    parser.add_argument("--methods", default=",".join(METHODS))
    parser.add_argument("--no-peers", action="store_true")
    parser.add_argument(
        "--slow-peers", action="store_true", help="also the peers' slow methods (GLAD, MACE)"
    )
    parser.add_argument("--echoes", action="store_true", help="discover(..., echoes=True)")
    parser.add_argument(
        "--option", action="append", default=[], help="discover keyword k=v (k=None too)"
    )
    args = parser.parse_args()
    options = dict(parse_option(o) for o in args.option)
    if args.echoes:
        options["echoes"] = True
    print(
        f"# truth discovery benchmark, {time.strftime('%Y-%m-%d')}, "
        f"{platform.machine()} {platform.processor() or ''} python {platform.python_version()}"
    )
    if not DATA.exists():
        print(f"no data at {DATA}; nothing to do")
        return
    for name in args.datasets.split(","):
        dataset = LOADERS[name]()
        print(
            f"\n## {name}: {len(dataset.claims)} claims, {len(dataset.gold)} gold items; "
            f"{dataset.protocol}"
        )
        print(f"| {'implementation':<14} | {'method':<18} | accuracy | scored | seconds | ECE |")
        print("|---|---|---|---|---|---|")
        for method in args.methods.split(","):
            acc, n, elapsed, ece = run_ours(dataset, method, **options)
            print(
                f"| {'claimgraph':<14} | {method:<18} | {acc:.3f} | {n} | {elapsed:.2f} "
                f"| {ece:.3f} |",
                flush=True,
            )
        if args.no_peers:
            continue
        for peer, method in PEERS + (SLOW_PEERS if args.slow_peers else []):
            outcome = run_peer(peer, method, dataset)
            if outcome is None:
                continue
            chosen, elapsed = outcome
            acc, n = accuracy(dataset, chosen)
            print(f"| {peer:<14} | {method:<18} | {acc:.3f} | {n} | {elapsed:.2f} | |", flush=True)


if __name__ == "__main__":
    main()
