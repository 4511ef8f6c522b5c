"""Choose the timelines' confidence threshold on one seed of the generator, report it on another.

Usage::

    python benchmarks/timeline_threshold.py                # tune on seed 1, report on seed 0
    python benchmarks/timeline_threshold.py --size 100k --tune-seed 1 --report-seed 0 2

For each seed the synthetic claims (:func:`claimgraph.testing.synthetic_claims`)
are built into a claim graph as in ``bench_pipeline.py`` (window 3, places
resolved), truth discovery runs once with the library's default method, and
the control timelines are scored on sampled (place, day) pairs against the
known truth (right, wrong, disputed, no claim yet) for thresholds from 0 to
0.95 and without trust. On the tuning seed the threshold chosen is the
lowest at which the holders named are right on at least ``--precision`` of
the place-days they are named; the report seeds show that threshold (and
the others) on claims it was not chosen on.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Any

import click

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from bench_pipeline import holder_scores  # noqa: E402
from generate import parse_size  # noqa: E402

THRESHOLDS = (0.0, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95)


def scores(n: int, seed: int) -> dict[str, dict[str, Any]]:
    """Holder scores per threshold (and ``"blind"``) on ``n`` claims of ``seed``."""
    import claimgraph
    from claimgraph.places import resolve_places
    from claimgraph.scoring.truth import discover_graph
    from claimgraph.testing import synthetic_claims

    data = synthetic_claims(n, seed=seed)
    counts = Counter(c.subject for c in data.claims)
    index = resolve_places(list(counts), counts=counts)
    cg = claimgraph.ClaimGraph.build(data.claims, window=3, places=index)
    weight: Counter[tuple[str, str]] = Counter()
    for name, count in counts.items():
        weight[data.truth.canonical(name), str(index.key_of(name))] += count
    main_cluster: dict[str, str] = {}
    for place, key in (pair for pair, _ in weight.most_common()):
        main_cluster.setdefault(place, key)
    truth = discover_graph(cg)
    out = {
        "blind": holder_scores(
            data.truth, main_cluster, claimgraph.build_timelines(cg, trust=False)
        )
    }
    for threshold in THRESHOLDS:
        timelines = claimgraph.build_timelines(cg, truth=truth, threshold=threshold)
        out[f"{threshold:.2f}"] = holder_scores(data.truth, main_cluster, timelines)
    out["method"] = {"name": truth.method}
    return out


def named_precision(row: dict[str, Any]) -> float:
    named = row["holder_right"] + row["holder_wrong"]
    return float(row["holder_right"] / named) if named else 1.0


@click.command()
@click.option("--size", default="100k", show_default=True)
@click.option("--tune-seed", default=1, show_default=True)
@click.option("--report-seed", "report_seeds", multiple=True, type=int, default=(0,))
@click.option("--precision", default=0.9, show_default=True, help="Share right among named days.")
def main(size: str, tune_seed: int, report_seeds: tuple[int, ...], precision: float) -> None:
    """Sweep thresholds on the tuning seed, pick one, show it on the report seeds."""
    n = parse_size(size)
    runs = {seed: scores(n, seed) for seed in (tune_seed, *report_seeds)}
    tuned = runs[tune_seed]
    chosen = next(
        (f"{t:.2f}" for t in THRESHOLDS if named_precision(tuned[f"{t:.2f}"]) >= precision),
        f"{THRESHOLDS[-1]:.2f}",
    )
    click.echo(f"method {tuned['method']['name']}, {size} claims per seed")
    for seed, rows in runs.items():
        role = "tuning" if seed == tune_seed else "held out"
        click.echo(f"seed {seed} ({role}):")
        click.echo(f"  {'threshold':<10} right  wrong  disputed unknown  right/named")
        for key, row in rows.items():
            if key == "method":
                continue
            mark = " <- chosen" if key == chosen else ""
            click.echo(
                f"  {key:<10} {row['holder_right']:.3f}  {row['holder_wrong']:.3f}  "
                f"{row['holder_disputed']:.3f}    {row['holder_unknown']:.3f}    "
                f"{named_precision(row):.3f}{mark}"
            )
    click.echo(f"chosen on seed {tune_seed}: {chosen} (named holders right >= {precision:.0%})")


if __name__ == "__main__":
    main()
