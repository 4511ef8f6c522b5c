"""Print the disputes and the source agreement of the bundled example claims.

Run with ``python examples/disputes_and_agreement.py [FILE ...]``; with no
files it uses ``examples/claims.csv``. Files may be claim tables or Spanish
narrative text (``.txt``).
"""

from __future__ import annotations

import sys
from pathlib import Path

import claimgraph as cg


def main(paths: list[str]) -> None:
    inputs = paths or [str(Path(__file__).with_name("claims.csv"))]
    graph = cg.ClaimGraph.build(cg.read_claims(inputs))

    print("Disputes")
    for dispute in cg.find_disputes(graph):
        sides = "; ".join(f"{p.label}: {', '.join(p.sources)}" for p in dispute.positions)
        print(f"  {dispute.name} ({dispute.property}) {dispute.period_text()}: {sides}")

    print("\nChanges of hands")
    for timeline in cg.build_timelines(graph):
        for change in timeline.changes:
            print(f"  {timeline.name}: {change.before} -> {change.after} on {change.date}")

    print("\nSource agreement")
    for pair in cg.source_agreement(graph).pairs:
        low, high = pair.interval
        side = " (same side)" if pair.same_side else ""
        print(
            f"  {pair.source_a} / {pair.source_b}{side}: {pair.agreements} of {pair.compared} "
            f"agree (95% interval {low:.2f}-{high:.2f})"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
