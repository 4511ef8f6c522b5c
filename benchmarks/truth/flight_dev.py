"""Development protocol for Flight: decide on flights outside the gold file.

The Flight gold values come from the airlines' own sites, which are also three of
the 38 sources (``aa``, ``ua`` and ``CO``). Protocol, fixed before any
measurement made with it:

* dev items: the (flight, attribute) items of the flights *not* in the gold file
  on which the flight's own airline source (AA -> ``aa``, UA -> ``ua``,
  CO -> ``CO``) gives a value; the dev truth is that value, parsed by the same
  loader, and matched with the gold rule (times within 10 minutes, gates
  case-insensitively);
* ``dev``: fusion of all the claims, scored on the dev items. Biased upwards:
  the airline source votes for its own dev truth;
* ``dev-ex``: fusion without the three airline sources, scored on the same dev
  items. No such vote, but a harder problem than the gold one;
* decisions (mechanisms, options, defaults) are taken on ``dev-ex`` and ``dev``;
  the gold items are measured only at the end (``--gold``), for the record.

Usage: ``python benchmarks/truth/flight_dev.py [--methods ...] [--gold] [--option k=v ...]``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))

from loaders import Dataset, load_flight

from claimgraph.model import Claim
from claimgraph.scoring.truth import METHODS, discover

__all__ = ["AIRLINE_SOURCES", "dev_items", "score"]

#: The airline whose site each airline source is.
AIRLINE_SOURCES = {"AA": "aa", "UA": "ua", "CO": "CO"}

Key = tuple[str, str]


def _value(claim: Claim) -> str:
    return repr(float(claim.low)) if claim.value is None else str(claim.value)  # type: ignore[arg-type]


def dev_items(dataset: Dataset) -> dict[Key, str]:
    """Dev truth: the airline source's own values on flights outside the gold file."""
    gold_flights = {flight for flight, _ in dataset.gold}
    out: dict[Key, str] = {}
    for claim in dataset.claims:
        flight = claim.subject
        if flight in gold_flights:
            continue
        if AIRLINE_SOURCES.get(flight.split("-")[0]) == claim.source:
            out[flight, claim.property] = _value(claim)
    return out


def score(
    dataset: Dataset, truth: dict[Key, str], claims: list[Claim], method: str, **options: object
) -> tuple[float, int]:
    """Accuracy of ``method`` fused on ``claims``, over the items of ``truth``."""
    result = discover(claims, method=method, **{**dataset.discover_options, **options})  # type: ignore[arg-type]
    columns = result.items.columns()
    keys = zip(columns["subject"], columns["property"], strict=True)
    chosen = dict(zip(keys, columns["leading"], strict=True))
    scored = [key for key in truth if key in chosen]
    right = sum(dataset.matches(chosen[key], truth[key]) for key in scored)
    return right / max(len(scored), 1), len(scored)


def _parse(option: str) -> tuple[str, object]:
    key, text = option.split("=", 1)
    value: object = text
    for kind in (int, float):
        try:
            value = kind(text)
            break
        except ValueError:
            continue
    if text in {"True", "False"}:
        value = text == "True"
    return key, value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--methods", default=",".join(METHODS))
    parser.add_argument("--gold", action="store_true", help="also measure the gold items")
    parser.add_argument("--option", action="append", default=[], help="discover keyword k=v")
    args = parser.parse_args()
    options = dict(_parse(o) for o in args.option)
    dataset = load_flight()
    truth = dev_items(dataset)
    airline = set(AIRLINE_SOURCES.values())
    without = [c for c in dataset.claims if c.source not in airline]
    header = "| method | dev | dev-ex |" + (" gold |" if args.gold else "")
    print(f"# flight dev: {len(truth)} dev items; options {options or 'none'}")
    print(header)
    print("|---" * (header.count("|") - 1) + "|")
    for method in args.methods.split(","):
        dev, _ = score(dataset, truth, dataset.claims, method, **options)
        dev_ex, n_ex = score(dataset, truth, without, method, **options)
        line = f"| {method} | {dev:.3f} | {dev_ex:.3f} ({n_ex}) |"
        if args.gold:
            gold, _ = score(dataset, dataset.gold, dataset.claims, method, **options)
            line += f" {gold:.3f} |"
        print(line, flush=True)


if __name__ == "__main__":
    main()
