"""The latent credibility analyses on Population with one modelling choice changed at a time.

Runs SimpleLCA, GuessLCA and MistakeLCA with their constants as shipped and
with one of them changed (the constants of ``claimgraph.scoring.truth._lca``,
set for the run and restored; ``prior_accuracy`` is the public option, EM's
starting honesty), and prints the accuracy on the Population dev half (the
constants were chosen on it), the test half (held out) and all scored gold
items, with the split, match rule and tie rule of ``population_dev.py``. Each
row is one run of ``discover`` on all the claims; the number of EM iterations
used (of ``max_iterations``) is shown, since an unconverged EM's answer
depends on where it was stopped.

Usage: ``python benchmarks/truth/lca_variants.py [--methods simple_lca,guess_lca,mistake_lca]
[--max-iterations N]``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))

from loaders import load_population
from population_dev import score, split

from claimgraph.scoring.truth import _lca, discover

#: One change from the shipped constants per row; the empty row is as shipped.
VARIANTS: tuple[dict[str, object], ...] = (
    {},
    {"GUESS_UNSEEN": 0.0},
    {"GUESS_UNSEEN": 3.0},
    {"HONESTY_WEIGHT": 2.0},
    {"HONESTY_WEIGHT": 2.0, "GUESS_UNSEEN": 0.0},
    {"EASE_WEIGHT": 0.5},
    {"EASE_WEIGHT": 10.0},
    {"PRIOR_EASE": 0.5},
    {"PRIOR_EASE": 0.99},
    {"prior_accuracy": 0.7},
    {"prior_accuracy": 0.9},
)


@contextmanager
def constants(changes: dict[str, object]) -> Iterator[None]:
    """The module constants of ``changes`` set for the block, then restored."""
    saved = {name: getattr(_lca, name) for name in changes if name.isupper()}
    for name in saved:
        setattr(_lca, name, changes[name])
    try:
        yield
    finally:
        for name, value in saved.items():
            setattr(_lca, name, value)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--methods", default="simple_lca,guess_lca,mistake_lca")
    parser.add_argument("--max-iterations", type=int, default=100)
    args = parser.parse_args()
    dataset = load_population()
    halves = (split(dataset, "dev"), split(dataset, "test"), dataset.gold)
    print("| method | change | dev (fit) | test (held out) | all | EM iterations |")
    print("|---|---|---|---|---|---|")
    for changes in VARIANTS:
        for method in args.methods.split(","):
            if method != "mistake_lca" and any("EASE" in name for name in changes):
                continue  # only MistakeLCA has an ease
            options = {k: v for k, v in changes.items() if not k.isupper()}
            with constants(changes):
                result = discover(
                    dataset.claims,
                    method=method,
                    max_iterations=args.max_iterations,
                    **{**dataset.discover_options, **options},  # type: ignore[arg-type]
                )
            columns = result.items.columns()
            keys = zip(columns["subject"], columns["property"], strict=True)
            chosen = dict(zip(keys, columns["leading"], strict=True))
            figures = [score(dataset, half, chosen)[0] for half in halves]
            change = ", ".join(f"{k}={v}" for k, v in changes.items()) or "none (as shipped)"
            print(
                f"| {method} | {change} | "
                + " | ".join(f"{x:.3f}" for x in figures)
                + f" | {result.iterations} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
