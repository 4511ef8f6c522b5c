"""Speed and calibration on synthetic claims with known truth.

Usage: ``python benchmarks/truth/synthetic.py [--claims 1000000] [--peers-claims 100000]``.

Claims come from the foundation's generator,
:func:`claimgraph.testing.synthetic_claims`: places whose holder changes over
time, 20 sources of varied reliability and alignment, a fifth of them copying
another source (errors included), denials, uncertain claims and casualty counts.
Place spellings are mapped to the place's canonical name first (spelling
resolution is another module's job). A control item is scored against the side
that truly held the place for most days of the item's period (periods may
straddle a change of hands: claims cluster around changes).

Prints per method: seconds for :func:`discover` on the full set, the accuracy
of the chosen holders, and the expected calibration error (10 equal-width bins)
of their confidence; then the time of ours and of the peers on a smaller set.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import attrs
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))

from claimgraph.model import Claim
from claimgraph.scoring.truth import METHODS, TruthResult, discover
from claimgraph.testing import SyntheticTruth, synthetic_claims


def generate(n_claims: int, seed: int = 0) -> tuple[list[Claim], SyntheticTruth]:
    """Claims with canonical place names, and the truth behind them."""
    data = synthetic_claims(n_claims, seed=seed)
    truth = data.truth
    names = {spelling: canonical for canonical, all_ in truth.places.items() for spelling in all_}
    names.update({canonical: canonical for canonical in truth.places})
    claims = [
        c if names.get(c.subject, c.subject) == c.subject else _renamed(c, names[c.subject])
        for c in data.claims
    ]
    return claims, truth


def _renamed(claim: Claim, subject: str) -> Claim:
    return attrs.evolve(claim, subject=subject)


def control_scores(result: TruthResult, truth: SyntheticTruth) -> tuple[np.ndarray, np.ndarray]:
    """Confidence and correctness of the chosen holder of every control item."""
    columns = result.items.columns()
    confidence, correct = [], []
    for subject, prop, start, end, value, conf in zip(
        columns["subject"],
        columns["property"],
        columns["period_start"],
        columns["period_end"],
        columns["value"],
        columns["confidence"],
        strict=True,
    ):
        if prop != "control" or start is None or value is None:
            continue
        confidence.append(conf)
        correct.append(value == truth.main_holder(subject, start, end))
    return np.asarray(confidence), np.asarray(correct, dtype=float)


def calibration_error(confidence: np.ndarray, correct: np.ndarray, bins: int = 10) -> float:
    """Expected calibration error: bin-size-weighted mean |accuracy - confidence|."""
    index = np.minimum((confidence * bins).astype(int), bins - 1)
    total = 0.0
    for b in range(bins):
        mask = index == b
        if mask.any():
            total += mask.sum() * abs(correct[mask].mean() - confidence[mask].mean())
    return total / max(len(confidence), 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--peers-claims", type=int, default=100_000)
    parser.add_argument("--methods", default=",".join(METHODS))
    parser.add_argument("--echoes", action="store_true", help="discover(..., echoes=True)")
    args = parser.parse_args()
    methods = args.methods.split(",")
    print(f"generating {args.claims} claims ...", flush=True)
    claims, truth = generate(args.claims)
    print("| method | seconds | items | accuracy | ECE |\n|---|---|---|---|---|")
    for method in methods:
        start = time.perf_counter()
        result = discover(claims, method=method, echoes=args.echoes)
        elapsed = time.perf_counter() - start
        confidence, correct = control_scores(result, truth)
        ece = calibration_error(confidence, correct)
        print(
            f"| {method} | {elapsed:.2f} | {len(result.items)} | {correct.mean():.4f} "
            f"| {ece:.3f} |",
            flush=True,
        )
    if args.peers_claims:
        from peers import PEERS, run_peer

        small, _ = generate(args.peers_claims, seed=1)

        class Data:
            claims = small

        print(f"\n{args.peers_claims} claims, ours vs peers (seconds; peers see no time)")
        for method in methods:
            start = time.perf_counter()
            discover(small, method=method)
            print(f"| claimgraph | {method} | {time.perf_counter() - start:.2f} |", flush=True)
        for peer, method in PEERS:
            outcome = run_peer(peer, method, Data)
            if outcome is not None:
                print(f"| {peer} | {method} | {outcome[1]:.2f} |", flush=True)


if __name__ == "__main__":
    main()
