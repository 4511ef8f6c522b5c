"""Where ``resolve`` should stop answering: the threshold of undecided items.

Usage: ``python benchmarks/truth/threshold.py [--claims 200000] [--fit-seeds 1,2]
[--test-seeds 3,4] [--method NAME] [--datasets population,flight]``.

An item's most likely value is its answer only when its probability is above
``min_confidence``; below, the item is undecided. With a right answer worth as
much as a wrong one costs, the best threshold is the one that maximizes
right minus wrong answers. It is fitted on synthetic claims with known truth
(:func:`claimgraph.testing.synthetic_claims`, control items, the seeds of
``--fit-seeds``) over a grid of thresholds; the claims of ``--test-seeds``,
never looked at for the fit, then give at the fitted threshold and at the
default the share of items answered, the accuracy of the answers and the
accuracy the undecided items' most likely values would have had. The real
datasets of ../shared/truth-data (held out too) are reported the same way when
present, scored against their gold items.
"""

from __future__ import annotations

import argparse
import itertools
import platform
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))

from synthetic import generate

from claimgraph.scoring.truth import DEFAULT_METHOD, DEFAULT_MIN_CONFIDENCE, discover
from claimgraph.testing import control_scores

GRID = np.round(np.arange(0.0, 0.96, 0.05), 2)


def synthetic_scores(n_claims: int, seeds: list[int], method: str) -> tuple[np.ndarray, ...]:
    """Confidence and correctness of the most likely holder of every control item."""
    confidence, correct = [], []
    for seed in seeds:
        claims, truth = generate(n_claims, seed=seed)
        conf, right = control_scores(discover(claims, method=method), truth)
        confidence.append(conf)
        correct.append(right)
    return np.concatenate(confidence), np.concatenate(correct)


def net(confidence: np.ndarray, correct: np.ndarray, threshold: float) -> float:
    """Right minus wrong answers per item when items at or below ``threshold`` abstain."""
    answered = confidence > threshold if threshold > 0 else np.ones(len(confidence), bool)
    return float((2 * correct[answered] - 1).sum()) / max(len(confidence), 1)


def summary(confidence: np.ndarray, correct: np.ndarray, threshold: float) -> str:
    answered = confidence > threshold if threshold > 0 else np.ones(len(confidence), bool)
    held = ~answered
    right = correct[answered].mean() if answered.any() else float("nan")
    would = correct[held].mean() if held.any() else float("nan")
    return (
        f"answered {answered.mean():.3f} ({int(answered.sum())}/{len(confidence)}), "
        f"answers right {right:.3f}, undecided items' leading value right {would:.3f} "
        f"({int(held.sum())} items), net {net(confidence, correct, threshold):+.3f}"
    )


def dataset_scores(name: str, method: str) -> tuple[np.ndarray, np.ndarray] | None:
    from loaders import DATA, load_flight, load_population

    if not DATA.exists():
        return None
    dataset = {"population": load_population, "flight": load_flight}[name]()
    result = discover(dataset.claims, method=method, **dataset.discover_options)  # type: ignore[arg-type]
    columns = result.items.columns()
    keys = list(zip(columns["subject"], columns["property"], strict=True))
    leading = dict(zip(keys, columns["leading"], strict=True))
    confidence = dict(zip(keys, columns["confidence"], strict=True))
    scored = [key for key in dataset.gold if key in leading]
    return (
        np.asarray([confidence[key] for key in scored]),
        np.asarray([dataset.matches(leading[key], dataset.gold[key]) for key in scored], float),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--claims", type=int, default=200_000)
    parser.add_argument("--fit-seeds", default="1,2")
    parser.add_argument("--test-seeds", default="3,4")
    parser.add_argument("--method", default=DEFAULT_METHOD)
    parser.add_argument("--datasets", default="population,flight")
    args = parser.parse_args()
    fit_seeds = [int(s) for s in args.fit_seeds.split(",")]
    test_seeds = [int(s) for s in args.test_seeds.split(",")]
    print(f"# {platform.machine()} {platform.python_version()}; method {args.method}")
    conf, right = synthetic_scores(args.claims, fit_seeds, args.method)
    print(f"fit: {args.claims} claims x seeds {fit_seeds}: {len(conf)} control items")
    print("confidence bin | items | right")
    edges = np.round(np.linspace(0, 1, 21), 2)
    for lo, hi in itertools.pairwise(edges):
        inside = (conf > lo) & (conf <= hi) if lo > 0 else conf <= hi
        if inside.any():
            print(f"{lo:.2f}-{hi:.2f} | {int(inside.sum())} | {right[inside].mean():.3f}")
    scores = [net(conf, right, t) for t in GRID]
    best = float(GRID[int(np.argmax(scores))])
    print("threshold | net (right - wrong answers per item)")
    for t, score in zip(GRID, scores, strict=True):
        print(f"{t:.2f} | {score:+.4f}")
    print(f"fitted threshold: {best:.2f}; default: {DEFAULT_MIN_CONFIDENCE}")
    conf, right = synthetic_scores(args.claims, test_seeds, args.method)
    print(f"held out: seeds {test_seeds}: {len(conf)} control items")
    for t in sorted({0.0, best, DEFAULT_MIN_CONFIDENCE}):
        print(f"  at {t:.2f}: {summary(conf, right, t)}")
    for name in [d for d in args.datasets.split(",") if d]:
        found = dataset_scores(name, args.method)
        if found is None:
            print(f"{name}: ../shared/truth-data not found, skipped")
            continue
        print(f"{name} (gold items):")
        for t in sorted({0.0, best, DEFAULT_MIN_CONFIDENCE}):
            print(f"  at {t:.2f}: {summary(*found, t)}")


if __name__ == "__main__":
    main()
