"""The truth-discovery datasets through the plain command line.

The datasets in ../shared/truth-data are not claim tables: Flight is a TSV
without header whose times are written a dozen ways, Population a CSV with its
own column names, Book a TSV of free-text author lists. The loaders
(``loaders.py``) read them under each paper's protocol; this script writes what
they read as an ordinary claim table, which ``claimgraph resolve`` reads like
any other input, and scores ``resolve``'s JSON output against the gold:

    python benchmarks/truth/cli_protocol.py table flight flight.csv
    claimgraph resolve flight.csv --exact-subjects --format json -o flight.json
    python benchmarks/truth/cli_protocol.py score flight flight.json

``--exact-subjects`` keeps the flight ids and city names as written (they are
not places of a war, and a city such as "springfield, ohio" is not to be
merged with another spelling); nothing else is given, so the truth-discovery
method and its options are the defaults. Population and Flight are scored by
the rules of ``run.py`` (exact value; times within 10 minutes). Book's author
lists are sets of name words and need ``discover(separator=" ")``, which the
command line does not offer: it is left to ``run.py``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))

from loaders import Dataset, load_flight, load_population

from claimgraph.io import write_claims

__all__ = ["CLI_LOADERS", "score_resolved", "write_table"]

#: The datasets the command line can fuse as they are read.
CLI_LOADERS = {"population": load_population, "flight": load_flight}


def write_table(dataset: Dataset, path: Path) -> None:
    """The dataset's claims as a claim table (CSV) that ``claimgraph`` reads."""
    write_claims(dataset.claims, path, fmt="csv")


def score_resolved(dataset: Dataset, document: dict[str, object]) -> tuple[float, int]:
    """Accuracy of ``claimgraph resolve --format json`` output over the gold items
    that have claims, and how many those are.

    The papers score a forced choice, so an item ``resolve`` leaves undecided is
    scored by its ``leading`` value (the one ``resolve`` prints as most likely);
    how many were undecided is :func:`undecided_share`'s."""
    items = document["items"]
    assert isinstance(items, list)
    chosen = {(i["subject"], i["property"]): i.get("leading", i["value"]) for i in items}
    scored = [key for key in dataset.gold if key in chosen]
    right = sum(dataset.matches(chosen[key], dataset.gold[key]) for key in scored)
    return right / max(len(scored), 1), len(scored)


def undecided_share(dataset: Dataset, document: dict[str, object]) -> float:
    """The share of the scored gold items ``resolve`` left undecided."""
    items = document["items"]
    assert isinstance(items, list)
    status = {(i["subject"], i["property"]): i.get("status", "decided") for i in items}
    scored = [key for key in dataset.gold if key in status]
    return sum(status[key] == "undecided" for key in scored) / max(len(scored), 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("action", choices=("table", "score"))
    parser.add_argument("dataset", choices=tuple(CLI_LOADERS))
    parser.add_argument("path", type=Path, help="the table to write, or resolve's JSON output")
    args = parser.parse_args()
    dataset = CLI_LOADERS[args.dataset]()
    if args.action == "table":
        write_table(dataset, args.path)
        print(f"wrote {len(dataset.claims)} claims to {args.path}")
        return
    document = json.loads(args.path.read_text(encoding="utf-8"))
    accuracy, scored = score_resolved(dataset, document)
    options = ", ".join(f"{k}={v}" for k, v in document.get("options", {}).items())
    undecided = undecided_share(dataset, document)
    print(
        f"{args.dataset}: {accuracy:.3f} on {scored} gold items "
        f"({document['method']}, {options}; {undecided:.1%} undecided, scored by their "
        f"leading value); {dataset.protocol}"
    )


if __name__ == "__main__":
    main()
