"""Speed and calibration on synthetic claims with known truth.

Usage: ``python benchmarks/truth/synthetic.py [--claims 1000000] [--peers-claims 100000]``.

Each item has a true value; each source has an accuracy drawn from
[0.4, 0.95] and gives the true value with that probability, else one of
``false_values`` wrong values chosen at random; a quarter of the sources are
copiers that repeat an original source's value (errors included) 80% of the
time. Prints time per method on the full set, time of ours and the peers' on
a smaller set, and the expected calibration error (10 equal-width bins) of
the chosen values' confidence.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))

from claimgraph.model import Claim
from claimgraph.scoring.truth import METHODS, discover


def generate(
    n_claims: int,
    *,
    n_sources: int = 200,
    per_item: int = 10,
    false_values: int = 10,
    seed: int = 0,
) -> tuple[list[Claim], dict[str, str]]:
    """Claims and the true value of each item (deterministic for a seed)."""
    rng = np.random.default_rng(seed)
    n_items = max(n_claims // per_item, 1)
    accuracy = rng.uniform(0.4, 0.95, n_sources)
    n_copiers = n_sources // 4
    original = rng.integers(n_copiers, n_sources, n_copiers)  # copier i copies original[i]
    claims: list[Claim] = []
    truth = {f"item{i}": "v0" for i in range(n_items)}
    for i in range(n_items):
        sources = rng.choice(n_sources, size=per_item, replace=False)
        given: dict[int, int] = {}
        for s in sorted(sources, reverse=True):  # originals (high index) before copiers
            if s < n_copiers and original[s] in given and rng.random() < 0.8:
                value = given[original[s]]
            elif rng.random() < accuracy[s]:
                value = 0
            else:
                value = int(rng.integers(1, false_values + 1))
            given[s] = value
            claims.append(Claim(f"s{s}", f"item{i}", "p", f"v{value}"))
    return claims[:n_claims], truth


def calibration_error(confidence: np.ndarray, correct: np.ndarray, bins: int = 10) -> float:
    """Expected calibration error: bin-size-weighted mean |accuracy - confidence|."""
    index = np.minimum((confidence * bins).astype(int), bins - 1)
    total = 0.0
    for b in range(bins):
        mask = index == b
        if mask.any():
            total += mask.sum() * abs(correct[mask].mean() - confidence[mask].mean())
    return total / len(confidence)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--peers-claims", type=int, default=100_000)
    parser.add_argument("--methods", default=",".join(METHODS))
    args = parser.parse_args()
    methods = args.methods.split(",")
    print(f"generating {args.claims} claims ...", flush=True)
    claims, truth = generate(args.claims)
    print("| method | seconds | accuracy | ECE |\n|---|---|---|---|")
    for method in methods:
        start = time.perf_counter()
        result = discover(claims, method=method, window=None)
        elapsed = time.perf_counter() - start
        confidence = np.array([i.confidence for i in result.items])
        correct = np.array([i.value == truth[i.subject] for i in result.items], dtype=float)
        ece = calibration_error(confidence, correct)
        print(f"| {method} | {elapsed:.2f} | {correct.mean():.4f} | {ece:.3f} |", flush=True)
    if args.peers_claims:
        from peers import PEERS, run_peer

        small, _ = generate(args.peers_claims, seed=1)

        class Data:
            claims = small

        print(f"\n{args.peers_claims} claims, ours vs peers (seconds)")
        for method in methods:
            start = time.perf_counter()
            discover(small, method=method, window=None)
            print(f"| claimgraph | {method} | {time.perf_counter() - start:.2f} |", flush=True)
        for peer, method in PEERS:
            outcome = run_peer(peer, method, Data)
            if outcome is not None:
                print(f"| {peer} | {method} | {outcome[1]:.2f} |", flush=True)


if __name__ == "__main__":
    main()
