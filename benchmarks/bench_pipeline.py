"""Time the foundation pipeline on synthetic claims, and score it against the known truth.

Usage::

    python benchmarks/bench_pipeline.py                  # 10k, 100k and 1M claims
    python benchmarks/bench_pipeline.py 10k 100k --json results.json

For each size the claims are generated once into ``benchmarks/out/`` (see
``generate.py``), then a fresh Python process runs the stages in order and
reports their times and its peak resident memory (``ru_maxrss``), so one size
does not inherit another's memory:

1. load: :func:`claimgraph.read_claims` on the CSV file
2. resolve: :func:`claimgraph.places.resolve_places` on the distinct subjects, with counts
3. relate: :meth:`claimgraph.ClaimGraph.build` (window 3): episodes and relations
4. networkx: materializing ``ClaimGraph.graph`` (claims, sources, places, edges)
5. disputes: :func:`claimgraph.scoring.truth.discover_graph` (default method), then
   :func:`claimgraph.find_disputes` weighing the sources by that trust
6. agreement: :func:`claimgraph.source_agreement`

Quality, from the truth file (not timed): how well the planted spellings were
merged (pairwise precision and recall over spellings; look-alike places kept
apart) and how many sampled (place, day) holders the control timelines
recover, weighed by trust (``holder_*``) and without it (``blind_holder_*``).
Targets (issue 2): 1M claims end to end under 60 s and 4 GB.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import resource
import subprocess
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from generate import OUT, claims_path, ensure, label, parse_size  # noqa: E402

STAGES = ("load", "resolve", "relate", "networkx", "disputes", "agreement")
TARGET_SECONDS = 60.0
TARGET_BYTES = 4e9
HOLDER_SAMPLES = 20_000


def peak_bytes() -> int:
    """Peak resident memory of this process so far (ru_maxrss is KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


def _require(module: Any, *names: str) -> Callable[..., Any]:
    """The first of ``names`` that ``module`` has; a clear message if none."""
    for name in names:
        found = getattr(module, name, None)
        if found is not None:
            return found  # type: ignore[no-any-return]
    raise SystemExit(
        f"bench_pipeline: {module.__name__} has none of {', '.join(names)}; "
        "the pipeline API this benchmark times is missing or renamed"
    )


# -- the measured process ------------------------------------------------------------


def run_stages(path: Path, truth_path: Path) -> dict[str, Any]:
    """Run the pipeline on ``path`` in this process; return times, memory and quality."""
    import claimgraph
    import claimgraph.places
    import claimgraph.scoring.truth

    read_claims = _require(claimgraph, "read_claims")
    resolve_places = _require(claimgraph.places, "resolve_places")
    graph_class = _require(claimgraph, "ClaimGraph")
    build = _require(graph_class, "build")
    find_disputes = _require(claimgraph, "find_disputes")
    source_agreement = _require(claimgraph, "source_agreement")

    baseline = peak_bytes()
    times: dict[str, float] = {}
    peaks: dict[str, int] = {}

    def timed(stage: str, work: Callable[[], Any]) -> Any:
        began = time.perf_counter()
        result = work()
        times[stage] = time.perf_counter() - began
        peaks[stage] = peak_bytes()
        return result

    claims = timed("load", lambda: read_claims(path))
    counts = Counter(c.subject for c in claims)
    index = timed("resolve", lambda: resolve_places(list(counts), counts=counts))

    def relate() -> Any:
        built = build(claims, window=3, places=index)
        len(built.relations)  # found on first use: time them here
        return built

    cg = timed("relate", relate)

    def networkx_graph() -> Any:
        graph = cg.graph
        return graph.number_of_nodes(), graph.number_of_edges()

    nodes, edges = timed("networkx", networkx_graph)
    discover_graph = _require(claimgraph.scoring.truth, "discover_graph")

    def weigh_and_find() -> Any:
        # the trust the timelines and disputes weigh sources by, with the
        # library's default method, is part of the stage
        truth = discover_graph(cg)
        cg_truth[id(cg)] = truth
        return find_disputes(cg, truth=truth)

    disputes = timed("disputes", weigh_and_find)
    agreement = timed("agreement", lambda: source_agreement(cg))
    result: dict[str, Any] = {
        "claims": len(claims),
        "times": times,
        "peaks": peaks,
        "baseline_bytes": baseline,
        "peak_bytes": peak_bytes(),
        "nodes": nodes,
        "edges": edges,
        "relations": len(cg.relations),
        "disputes": len(disputes),
        "source_pairs": _count(agreement),
        "places_found": len(index),
    }
    began = time.perf_counter()
    result["quality"] = quality(cg, index, counts, truth_path)
    result["quality_seconds"] = time.perf_counter() - began
    return result


def _count(agreement: Any) -> int | None:
    for name in ("pairs", "pair_records", "to_records"):
        found = getattr(agreement, name, None)
        if found is not None:
            value = found() if callable(found) else found
            return len(value)
    return None


def quality(cg: Any, index: Any, counts: Counter[str], truth_path: Path) -> dict[str, Any]:
    """Compare resolved places and control timelines with the known truth."""
    import claimgraph
    from claimgraph.testing import read_truth

    truth, _per_claim = read_truth(truth_path)
    key_of = _require(index, "key_of")
    cluster = {name: key_of(name) for name in counts}
    true_place = {name: truth.canonical(name) for name in counts}
    out: dict[str, Any] = {}

    # Pairwise precision / recall over distinct spellings.
    joint = Counter((true_place[n], cluster[n]) for n in counts)
    by_truth = Counter(true_place[n] for n in counts)
    by_cluster = Counter(cluster[n] for n in counts)

    def pairs(counter: Counter[Any]) -> int:
        return sum(k * (k - 1) // 2 for k in counter.values())

    together = pairs(joint)
    out["spelling_precision"] = together / pairs(by_cluster) if pairs(by_cluster) else 1.0
    out["spelling_recall"] = together / pairs(by_truth) if pairs(by_truth) else 1.0
    # Share of claims whose spelling lands in the main cluster of its true place.
    main_cluster: dict[str, str] = {}
    weight: Counter[tuple[str, str]] = Counter()
    for name, count in counts.items():
        weight[true_place[name], cluster[name]] += count
    for place, key in (pair for pair, _ in weight.most_common()):
        main_cluster.setdefault(place, key)
    on_main = sum(c for n, c in counts.items() if cluster[n] == main_cluster[true_place[n]])
    out["claims_on_main_place"] = on_main / sum(counts.values())
    out["true_places"] = len(by_truth)
    out["places_found"] = len(by_cluster)
    seen_pairs = [(a, b) for a, b in truth.lookalikes if a in main_cluster and b in main_cluster]
    apart = sum(main_cluster[a] != main_cluster[b] for a, b in seen_pairs)
    out["lookalikes_apart"] = apart / len(seen_pairs) if seen_pairs else None
    out["lookalike_pairs"] = len(seen_pairs)

    # Holders: sample (place, day) pairs and ask the timelines, weighed by
    # trust (the default) and without it.
    build_timelines = _require(claimgraph, "build_timelines")
    truth_result = cg_truth.get(id(cg))
    out.update(holder_scores(truth, main_cluster, build_timelines(cg, truth=truth_result)))
    blind = holder_scores(truth, main_cluster, build_timelines(cg, trust=False))
    out.update({f"blind_{key}": value for key, value in blind.items()})
    return out


#: The truth-discovery result of each graph timed, reused by the quality check.
cg_truth: dict[int, Any] = {}


def holder_scores(
    truth: Any, main_cluster: dict[str, str], timelines: list[Any], samples: int = HOLDER_SAMPLES
) -> dict[str, Any]:
    """Right, wrong, disputed and unknown shares of sampled (place, day) holders.

    ``main_cluster`` maps each true place to the resolved place that holds
    most of its claims; a day is right when the timeline names the true
    holder (``contested`` on a truly contested day), disputed when the
    timeline marks it disputed while one side held, wrong when it names
    another side. The same seeded sample for every call.
    """
    import random

    by_place = {t.place: t for t in timelines}
    rng = random.Random(0)
    places = sorted(p for p, key in main_cluster.items() if key in by_place)
    outcome: Counter[str] = Counter()
    per_status: dict[str, Counter[str]] = defaultdict(Counter)
    for _ in range(samples if places else 0):
        place = rng.choice(places)
        day = truth.start + dt.timedelta(days=rng.randrange(truth.n_days))
        actual = truth.holder(place, day)
        found = by_place[main_cluster[place]].holder_on(day)
        if found is None:
            verdict = "unknown"
        elif found == actual:
            verdict = "right"
        elif found == "contested":
            verdict = "disputed"  # the timeline sees a dispute where one side held
        else:
            verdict = "wrong"
        outcome[verdict] += 1
        per_status["contested" if actual == "contested" else "held"][verdict] += 1
    out: dict[str, Any] = {}
    total = sum(outcome.values())
    if total:
        out["holder_right"] = outcome["right"] / total
        out["holder_wrong"] = outcome["wrong"] / total
        out["holder_disputed"] = outcome["disputed"] / total
        out["holder_unknown"] = outcome["unknown"] / total
        held = per_status["held"]
        named = held["right"] + held["wrong"]
        out["holder_right_when_one_named"] = held["right"] / named if named else None
    out["holder_samples"] = total
    return out


# -- the driver ----------------------------------------------------------------------


def measure(n: int, seed: int, out: Path, reuse: bool = False) -> dict[str, Any]:
    """Generate the claims and run one size in a fresh interpreter."""
    path, generated = ensure(n, seed=seed, out=out, reuse=reuse)
    if generated is not None:
        click.echo(f"  generated {path.name} in {generated:.1f} s", err=True)
    env = dict(os.environ)
    src = str(HERE.parent / "src")
    env["PYTHONPATH"] = src + os.pathsep + env.get("PYTHONPATH", "")
    command = [sys.executable, str(Path(__file__).resolve()), "--child", str(path)]
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        raise SystemExit(f"bench_pipeline: the run on {path.name} failed:\n{done.stderr}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    result["generate_seconds"] = generated
    return result


def report(results: dict[int, dict[str, Any]]) -> str:
    sizes = sorted(results)
    head = f"{'stage':<11}" + "".join(f"{label(n):>12}" for n in sizes) + "   us/claim"
    lines = [head, "-" * len(head)]
    for stage in (*STAGES, "total"):
        row = f"{stage:<11}"
        per_claim = []
        for n in sizes:
            times = results[n]["times"]
            seconds = sum(times.values()) if stage == "total" else times.get(stage, float("nan"))
            row += f"{seconds:>11.2f}s"
            per_claim.append(1e6 * seconds / n)
        lines.append(row + "   " + " -> ".join(f"{u:.1f}" for u in per_claim))
    lines.append(
        f"{'peak RSS':<11}" + "".join(f"{results[n]['peak_bytes'] / 1e9:>11.2f}G" for n in sizes)
    )
    if len(sizes) > 1:
        totals = [sum(results[n]["times"].values()) / n for n in sizes]
        steps = [
            f"{label(a)}->{label(b)}: x{tb / ta:.2f}"
            for a, b, ta, tb in zip(sizes, sizes[1:], totals, totals[1:], strict=False)
        ]
        lines.append("time per claim, ratio between sizes (1.00 = linear): " + ", ".join(steps))
    largest = sizes[-1]
    total = sum(results[largest]["times"].values())
    peak = results[largest]["peak_bytes"]
    if largest >= 1_000_000:
        verdict = "meets" if total < TARGET_SECONDS and peak < TARGET_BYTES else "MISSES"
        lines.append(
            f"{label(largest)}: {total:.1f} s, {peak / 1e9:.2f} GB peak -> {verdict} "
            f"the target (< {TARGET_SECONDS:.0f} s, < {TARGET_BYTES / 1e9:.0f} GB)"
        )
    lines.append("")
    lines.append(f"{'counts':<22}" + "".join(f"{label(n):>12}" for n in sizes))
    for key in ("relations", "edges", "disputes", "source_pairs", "places_found"):
        lines.append(f"{key:<22}" + "".join(f"{results[n].get(key)!s:>12}" for n in sizes))
    lines.append("")
    lines.append(f"{'quality (vs truth)':<28}" + "".join(f"{label(n):>10}" for n in sizes))
    keys = (
        "spelling_precision",
        "spelling_recall",
        "claims_on_main_place",
        "true_places",
        "lookalikes_apart",
        "holder_right",
        "holder_wrong",
        "holder_disputed",
        "holder_unknown",
        "holder_right_when_one_named",
        "blind_holder_right",
        "blind_holder_wrong",
        "blind_holder_disputed",
    )
    for key in keys:
        cells = []
        for n in sizes:
            value = results[n]["quality"].get(key)
            cells.append(f"{value:>10.3f}" if isinstance(value, float) else f"{value!s:>10}")
        lines.append(f"{key:<28}" + "".join(cells))
    return "\n".join(lines)


@click.command()
@click.argument("sizes", nargs=-1)
@click.option("--seed", default=0, show_default=True)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=OUT,
    show_default=True,
    help="Folder of the generated claims.",
)
@click.option(
    "--json",
    "json_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the raw results here.",
)
@click.option("--reuse", is_flag=True, help="Keep generated files of the same size and seed.")
@click.option("--child", type=click.Path(exists=True, dir_okay=False, path_type=Path), hidden=True)
def main(
    sizes: tuple[str, ...],
    seed: int,
    out: Path,
    json_path: Path | None,
    reuse: bool,
    child: Path | None,
) -> None:
    """Time load, resolve, build, disputes and agreement for SIZES (default 10k 100k 1M)."""
    if child is not None:
        from claimgraph.testing import truth_path_for

        click.echo(json.dumps(run_stages(child, truth_path_for(child))))
        return
    numbers = [parse_size(s) for s in sizes or ("10k", "100k", "1M")]
    results: dict[int, dict[str, Any]] = {}
    for n in numbers:
        click.echo(f"{label(n)} claims ({claims_path(out, n).name}) ...", err=True)
        results[n] = measure(n, seed, out, reuse)
    click.echo(
        f"claimgraph pipeline benchmark, {time.strftime('%Y-%m-%d')}, "
        f"{platform.machine()} {os.cpu_count()} CPUs, Python {platform.python_version()}"
    )
    click.echo(report(results))
    if json_path is not None:
        json_path.write_text(
            json.dumps({str(n): r for n, r in results.items()}, indent=1), encoding="utf-8"
        )


if __name__ == "__main__":
    main()
