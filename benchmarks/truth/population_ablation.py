"""Ablation of the default method's options on Population, dev half and held-out half.

Runs AccuCopy (the default) and Accu with one option changed at a time and
prints the accuracy on the dev half (decided on), the test half (held out)
and all 301 scored gold items, with the split, match rule and tie rule of
``population_dev.py``. Each row is one run of ``discover`` on all the claims.

Usage: ``python benchmarks/truth/population_ablation.py [--methods accu_copy,accu]``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))

from loaders import load_population
from population_dev import chosen_values, score, split

#: One change from the defaults per row; the empty row is the default itself.
VARIANTS: tuple[dict[str, object], ...] = (
    {},
    {"prior_accuracy": 0.5},
    {"prior_accuracy": 0.6},
    {"prior_accuracy": 0.7},
    {"prior_accuracy": 0.9},
    {"prior_accuracy": 0.95},
    {"prior_accuracy": None},
    {"relative_tolerance": 0.001},
    {"relative_tolerance": 0.01},
    {"false_values": 10},
    {"per_property": False},
    {"echoes": False},
    {"copy_model": "posterior"},
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--methods", default="accu_copy,accu")
    args = parser.parse_args()
    dataset = load_population()
    dev, test = split(dataset, "dev"), split(dataset, "test")
    print("| method | change from the defaults | dev (fit) | test (held out) | all |")
    print("|---|---|---|---|---|")
    for options in VARIANTS:
        for method in args.methods.split(","):
            if method != "accu_copy" and "copy_model" in options:
                continue
            chosen = chosen_values(dataset, method, **options)
            figures = [score(dataset, half, chosen)[0] for half in (dev, test, dataset.gold)]
            change = ", ".join(f"{k}={v}" for k, v in options.items()) or "none (defaults)"
            print(f"| {method} | {change} | " + " | ".join(f"{x:.3f}" for x in figures) + " |")


if __name__ == "__main__":
    main()
