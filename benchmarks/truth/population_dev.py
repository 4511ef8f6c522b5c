"""Development protocol for Population: decide on one half of the gold items.

Population (Pasternack & Roth) has no truth outside its 308 gold (city, year)
items, so the gold is split once, before any measurement made with the split:

* ``dev``: the gold items whose city name has an even ``zlib.crc32`` (of its
  UTF-8 bytes); ``test``: the other gold items. A city's years stay together;
* fusion always runs on all the claims (no truth is given to any method); the
  split only says which gold items are scored;
* mechanisms, options, parameters and defaults are decided on ``dev`` only,
  including by reading the errors made on dev items; the ``test`` half and the
  whole gold are measured only at the end (``--final``), for the record;
* match rule and vote tie rule as in ``run.py``: exact value; ties go to the
  value first in the file.

Usage: ``python benchmarks/truth/population_dev.py [--methods ...] [--final]
[--option k=v ...]``.
"""

from __future__ import annotations

import argparse
import sys
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))

from flight_dev import _parse as _parse_flight
from loaders import Dataset, load_population

from claimgraph.scoring.truth import METHODS, discover

__all__ = ["chosen_values", "parse_option", "score", "split"]

Key = tuple[str, str]


def split(dataset: Dataset, half: str) -> dict[Key, str]:
    """The gold items of one half: ``"dev"`` (even crc32 of the city) or ``"test"``."""
    parity = {"dev": 0, "test": 1}[half]
    return {
        key: value
        for key, value in dataset.gold.items()
        if zlib.crc32(key[0].encode("utf-8")) % 2 == parity
    }


def chosen_values(dataset: Dataset, method: str, **options: object) -> dict[Key, str | None]:
    """The value ``method`` chooses for every item, fused on all the claims."""
    result = discover(dataset.claims, method=method, **{**dataset.discover_options, **options})  # type: ignore[arg-type]
    columns = result.items.columns()
    keys = zip(columns["subject"], columns["property"], strict=True)
    return dict(zip(keys, columns["leading"], strict=True))


def score(
    dataset: Dataset, truth: dict[Key, str], chosen: dict[Key, str | None]
) -> tuple[float, int]:
    """Accuracy over the items of ``truth`` that have claims."""
    scored = [key for key in truth if key in chosen]
    right = sum(dataset.matches(chosen[key], truth[key]) for key in scored)
    return right / max(len(scored), 1), len(scored)


def parse_option(option: str) -> tuple[str, object]:
    """A ``discover`` keyword from ``k=v``, as in flight_dev, and ``k=None``."""
    key, value = _parse_flight(option)
    return key, None if value == "None" else value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--methods", default=",".join(METHODS))
    parser.add_argument("--final", action="store_true", help="also the test half and all gold")
    parser.add_argument("--option", action="append", default=[], help="discover keyword k=v")
    args = parser.parse_args()
    options = dict(parse_option(o) for o in args.option)
    dataset = load_population()
    dev = split(dataset, "dev")
    test = split(dataset, "test")
    header = "| method | dev |" + (" test | all |" if args.final else "")
    print(f"# population dev: {len(dev)} dev gold items; options {options or 'none'}")
    print(header)
    print("|---" * (header.count("|") - 1) + "|")
    for method in args.methods.split(","):
        chosen = chosen_values(dataset, method, **options)
        acc, n = score(dataset, dev, chosen)
        line = f"| {method} | {acc:.3f} ({n}) |"
        if args.final:
            acc_t, n_t = score(dataset, test, chosen)
            acc_a, n_a = score(dataset, dataset.gold, chosen)
            line += f" {acc_t:.3f} ({n_t}) | {acc_a:.3f} ({n_a}) |"
        print(line, flush=True)


if __name__ == "__main__":
    main()
