"""Speed and calibration on synthetic claims with known truth.

Usage: ``python benchmarks/truth/synthetic.py [--claims 1000000]
[--speed-claims 100000,1000000] [--repeat 3] [--methods ...] [--wall]
[--seed N] [--echoes] [--option k=v ...]``.

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
of their confidence. Then, at each size of ``--speed-claims`` (claims from
another seed), ours against the peers' implementation of the same method, run
one after the other in the same process (best of ``--repeat``): our seconds
split into building the problem from the claims (``build_problem``: fields,
periods, clusters, vote matrix), the method's iterations and the result; the
peer's seconds from ready (source, item, value) triples, and the seconds to
read the claims into those triples, which the peer's timer leaves out.
Seconds are CPU time of the process (``time.process_time``; the peers run on
one thread too), steadier than wall time on a shared machine; ``--wall`` uses
wall time.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import attrs

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))

from population_dev import parse_option

from claimgraph.model import Claim
from claimgraph.scoring.truth import METHODS, discover
from claimgraph.scoring.truth import _discover as discover_module
from claimgraph.testing import (
    SyntheticTruth,
    calibration_error,
    control_scores,
    synthetic_claims,
)


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


#: Each of our methods and the peers' implementations of the same method, with
#: False where no peer has the same method and the nearest one is shown: Accu
#: (one accuracy per source) against Wawa (workers weighted by agreement with
#: the majority), AccuCopy against Dawid-Skene (EM over per-worker confusion
#: matrices). crowd-kit's OneCoinDawidSkene, closer to Accu, is left out: it
#: took 10 s on 20,000 claims.
SAME_METHOD: dict[str, list[tuple[str, str, bool]]] = {
    "vote": [("truthdiscovery", "MajorityVoting", True), ("crowd-kit", "MajorityVote", True)],
    "sums": [("truthdiscovery", "Sums", True)],
    "average_log": [("truthdiscovery", "AverageLog", True)],
    "investment": [("truthdiscovery", "Investment", True)],
    "pooled_investment": [("truthdiscovery", "PooledInvestment", True)],
    "truthfinder": [("truthdiscovery", "TruthFinder", True)],
    "accu": [("crowd-kit", "Wawa", False)],
    "accu_copy": [("crowd-kit", "DawidSkene", False)],
}


@contextmanager
def phase_clock(clock: Callable[[], float]) -> Iterator[dict[str, float]]:
    """Seconds spent in ``build_problem`` and ``build_result`` by the discover
    calls made inside the block (the rest of a call is the method itself)."""
    spent = {"build": 0.0, "result": 0.0}
    module: Any = discover_module  # the names it calls, replaced for the block
    originals = module.build_problem, module.build_result

    def timed(phase: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def run(*args: Any, **kwargs: Any) -> Any:
            start = clock()
            try:
                return function(*args, **kwargs)
            finally:
                spent[phase] += clock() - start

        return run

    module.build_problem = timed("build", originals[0])
    module.build_result = timed("result", originals[1])
    try:
        yield spent
    finally:
        module.build_problem, module.build_result = originals


def time_ours(
    claims: list[Claim], method: str, clock: Callable[[], float], repeat: int
) -> tuple[float, float, float, float]:
    """Best of ``repeat``: total, build, method and result seconds of one discover call."""
    best = (float("inf"), 0.0, 0.0, 0.0)
    for _ in range(repeat):
        with phase_clock(clock) as spent:
            start = clock()
            discover(claims, method=method)
            total = clock() - start
        if total < best[0]:
            build, result = spent["build"], spent["result"]
            best = (total, build, total - build - result, result)
    return best


def speed(sizes: list[int], methods: list[str], repeat: int, wall: bool) -> None:
    """Ours against the peers' same methods at each size, in the same run."""
    from peers import run_peer, triples

    clock = time.perf_counter if wall else time.process_time
    unit = "wall" if wall else "CPU"
    for size in sizes:
        claims, _ = generate(size, seed=1)

        class Data:
            pass

        Data.claims = claims  # type: ignore[attr-defined]
        reading = float("inf")
        for _ in range(repeat):
            start = clock()
            rows = triples(claims)
            reading = min(reading, clock() - start)
        print(
            f"\n{size} claims, {unit} seconds, best of {repeat}; reading the claims into "
            f"triples (outside the peers' timers): {reading:.3f} s\n"
            "| method | ours | build | iterations | result | peer | peer s "
            "| ours / peer | ours / (peer + reading) |\n|---|---|---|---|---|---|---|---|---|",
            flush=True,
        )
        for method in methods:
            total, build, iterations, result = time_ours(claims, method, clock, repeat)
            mine = f"| {method} | {total:.3f} | {build:.3f} | {iterations:.3f} | {result:.3f} "
            for peer, peer_method, same in SAME_METHOD.get(method, []):
                times = []
                for _ in range(repeat):
                    outcome = run_peer(peer, peer_method, Data, clock=clock, rows=rows)
                    if outcome is None:
                        break
                    times.append(outcome[1])
                if not times:
                    continue
                theirs = min(times)
                label = f"{peer} {peer_method}" + ("" if same else " (nearest)")
                print(
                    f"{mine}| {label} | {theirs:.3f} | {total / theirs:.2f} "
                    f"| {total / (theirs + reading):.2f} |",
                    flush=True,
                )
                mine = "| | | | | "
            if mine.startswith("| " + method):
                print(f"{mine}| | | | |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--claims", type=int, default=1_000_000, help="0 skips accuracy")
    parser.add_argument(
        "--speed-claims", default="100000", help="sizes of the speed comparison (comma list)"
    )
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--wall", action="store_true", help="wall time instead of CPU time")
    parser.add_argument("--methods", default=",".join(METHODS))
    parser.add_argument("--echoes", action="store_true", help="discover(..., echoes=True)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the accuracy claims")
    parser.add_argument(
        "--option", action="append", default=[], help="discover keyword k=v (k=None too)"
    )
    args = parser.parse_args()
    methods = args.methods.split(",")
    options = dict(parse_option(o) for o in args.option)
    if args.echoes:
        options["echoes"] = True
    if args.claims:
        accuracy(args.claims, methods, seed=args.seed, **options)
    sizes = [int(x) for x in args.speed_claims.split(",") if x]
    if sizes:
        speed(sizes, methods, args.repeat, args.wall)


def accuracy(n_claims: int, methods: list[str], *, seed: int = 0, **options: Any) -> None:
    """Seconds, items, accuracy and calibration of every method on ``n_claims`` claims,
    with ``options`` for :func:`discover`."""
    print(f"generating {n_claims} claims (seed {seed}) ...", flush=True)
    claims, truth = generate(n_claims, seed=seed)
    print("| method | seconds | items | accuracy | ECE |\n|---|---|---|---|---|")
    for method in methods:
        start = time.perf_counter()
        result = discover(claims, method=method, **options)
        elapsed = time.perf_counter() - start
        confidence, correct = control_scores(result, truth)
        ece = calibration_error(confidence, correct)
        print(
            f"| {method} | {elapsed:.2f} | {len(result.items)} | {correct.mean():.4f} "
            f"| {ece:.3f} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
