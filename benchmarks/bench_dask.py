"""The single-process path and the Dask path side by side on synthetic claims.

Usage::

    python benchmarks/bench_dask.py 100k 1M                 # both paths, each size
    python benchmarks/bench_dask.py 10M --only dask --partitions 16 --json out.json

Needs the ``dask`` extra. For each size the claims are generated once (see
``generate.py``) and read once per run; then a fresh Python process runs each
path, so that neither inherits the other's memory:

* ``single``: :meth:`claimgraph.ClaimGraph.build`, :func:`claimgraph.find_disputes`
  (default trust) and :func:`claimgraph.source_agreement`;
* ``dask``: :class:`claimgraph.scale.DaskClaimGraph` on a ``LocalCluster`` of
  ``--workers`` worker processes with one thread each, then the same
  disputes and agreement (checked equal to the single-process results when
  both run, by comparing their records in the parent).

Reported per path: wall seconds per stage, CPU seconds (the process, plus the
workers' for Dask), and peak resident memory (the process; each worker's for
Dask). Per partition: claims, places, episodes and the CPU seconds (thread
time) of its build, disputes and agreement tasks; and, measured apart on the
largest partition with ``tracemalloc``, the peak memory of its tasks.
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
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from generate import OUT, ensure, label, parse_size  # noqa: E402


def _peak() -> int:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


def _worker_cpu() -> float:
    return time.process_time()


def _fingerprint(disputes: Any, agreement: Any) -> dict[str, Any]:
    return {
        "disputes": len(disputes),
        "dispute_records": [d.to_record() for d in disputes],
        "pairs": [p.to_record() for p in agreement.pairs],
        "sources": [s.to_record() for s in agreement.sources],
    }


def run_single(path: Path) -> dict[str, Any]:
    from claimgraph import ClaimGraph, find_disputes, read_claims, source_agreement

    claims = read_claims(path)
    stages: dict[str, float] = {}
    cpu0 = time.process_time()

    def timed(stage: str, work: Callable[[], Any]) -> Any:
        began = time.perf_counter()
        out = work()
        stages[stage] = time.perf_counter() - began
        return out

    cg = timed("build", lambda: ClaimGraph.build(claims))
    found = timed("disputes", lambda: find_disputes(cg))
    agreement = timed("agreement", lambda: source_agreement(cg))
    return {
        "claims": len(claims),
        "stages": stages,
        "cpu": time.process_time() - cpu0,
        "peak_bytes": _peak(),
        **_fingerprint(found, agreement),
    }


def run_dask(path: Path, partitions: int | None, workers: int) -> dict[str, Any]:
    from claimgraph import find_disputes, read_claims
    from claimgraph.scale import DaskClaimGraph, dask_client
    from claimgraph.scale._agreement import count_agreement

    claims = read_claims(path)
    stages: dict[str, float] = {}
    with dask_client(processes=True, workers=workers) as client:
        cpu0 = time.process_time()
        worker0 = client.run(_worker_cpu)

        def timed(stage: str, work: Callable[[], Any]) -> Any:
            began = time.perf_counter()
            out = work()
            stages[stage] = time.perf_counter() - began
            return out

        graph = timed(
            "build", lambda: DaskClaimGraph.build(claims, client=client, partitions=partitions)
        )
        truth = timed("truth", graph.truth)
        found = timed("disputes", graph.disputes)
        agreement = timed("agreement", graph.agreement)
        worker1 = client.run(_worker_cpu)
        cpu = time.process_time() - cpu0
        workers_cpu = sum(worker1[w] - worker0[w] for w in worker1)
        worker_peaks = list(client.run(_peak).values())
        figures = [f.to_record() for f in graph.figures]
    # one partition's tasks apart, with tracemalloc: the memory a partition needs
    largest = max(range(len(figures)), key=lambda k: figures[k]["claims"])
    part_of = {}
    overview = graph.overview
    from claimgraph.scale import partition_places

    counts: dict[str, int] = {}
    for claim in overview.claims:
        key = overview.place_key(claim)
        counts[key] = counts.get(key, 0) + 1
    part_of = partition_places(counts, graph.partitions)
    mine = [c for c in overview.claims if part_of[overview.place_key(c)] == largest]
    from claimgraph import ClaimGraph

    tracemalloc.start()
    began = time.process_time()
    cg = ClaimGraph.build(mine, places=overview.places)
    find_disputes(cg, truth=truth)
    count_agreement(cg, None, False)
    part_seconds = time.process_time() - began
    _, part_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "claims": len(claims),
        "stages": stages,
        "cpu": cpu + workers_cpu,
        "client_cpu": cpu,
        "peak_bytes": _peak(),
        "worker_peak_bytes": worker_peaks,
        "partitions": figures,
        "largest_partition": {
            "claims": len(mine),
            "cpu_traced": part_seconds,
            "peak_traced_bytes": part_peak,
        },
        **_fingerprint(found, agreement),
    }


def measure(
    n: int, seed: int, out: Path, only: str | None, partitions: int | None, workers: int
) -> dict[str, Any]:
    path, _ = ensure(n, seed=seed, out=out, reuse=True)
    results: dict[str, Any] = {}
    for mode in ("single", "dask"):
        if only is not None and mode != only:
            continue
        command = [sys.executable, __file__, "--child", mode, str(path)]
        if partitions is not None:
            command += ["--partitions", str(partitions)]
        command += ["--workers", str(workers)]
        began = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise click.ClickException(f"{mode} at {label(n)} failed:\n{done.stderr[-3000:]}")
        result = json.loads(done.stdout.strip().splitlines()[-1])
        result["wall"] = time.perf_counter() - began
        results[mode] = result
    if "single" in results and "dask" in results:
        keys = ("dispute_records", "pairs", "sources")
        results["identical"] = all(results["single"][k] == results["dask"][k] for k in keys)
    for result in results.values():
        if isinstance(result, dict):
            for k in ("dispute_records", "pairs", "sources"):
                result.pop(k, None)
    return results


def report(results: dict[int, dict[str, Any]]) -> str:
    lines = [
        f"# Dask path vs single process ({dt.date.today().isoformat()}, {platform.node()}, "
        f"{os.cpu_count()} cores)",
        "",
        "| claims | path | build s | truth s | disputes s | agreement s | wall s | CPU s "
        "| peak MB | same |",
        "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for n, found in results.items():
        for mode in ("single", "dask"):
            r = found.get(mode)
            if r is None:
                continue
            s = r["stages"]
            peak = r["peak_bytes"] + sum(r.get("worker_peak_bytes", []))
            lines.append(
                f"| {label(n)} | {mode} | {s['build']:.1f} | {s.get('truth', 0):.1f} "
                f"| {s['disputes']:.1f} | {s['agreement']:.1f} | {r['wall']:.1f} "
                f"| {r['cpu']:.1f} | {peak / 1e6:.0f} | {found.get('identical', '-')} |"
            )
    lines += [
        "",
        "| claims | partitions | claims/partition | build s | disputes s | agreement s "
        "| largest: claims | CPU s | peak MB (traced) |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for n, found in results.items():
        r = found.get("dask")
        if r is None:
            continue
        parts = r["partitions"]
        big = r["largest_partition"]

        def mean(key: str, parts: list[dict[str, Any]] = parts) -> float:
            return sum(p[key] or 0.0 for p in parts) / len(parts)

        lines.append(
            f"| {label(n)} | {len(parts)} | {mean('claims'):.0f} | {mean('build'):.2f} "
            f"| {mean('disputes'):.2f} | {mean('agreement'):.2f} | {big['claims']} "
            f"| {big['cpu_traced']:.2f} | {big['peak_traced_bytes'] / 1e6:.0f} |"
        )
    return "\n".join(lines)


@click.command()
@click.argument("sizes", nargs=-1)
@click.option("--seed", default=0, show_default=True)
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=OUT)
@click.option("--only", type=click.Choice(["single", "dask"]), default=None)
@click.option("--partitions", type=click.IntRange(1), default=None)
@click.option("--workers", type=click.IntRange(1), default=2, show_default=True)
@click.option("--json", "json_path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--child", type=click.Choice(["single", "dask"]), default=None, hidden=True)
def main(
    sizes: tuple[str, ...],
    seed: int,
    out: Path,
    only: str | None,
    partitions: int | None,
    workers: int,
    json_path: Path | None,
    child: str | None,
) -> None:
    """Time the single-process and Dask paths at SIZES (default 100k 1M)."""
    if child is not None:
        path = Path(sizes[0])
        result = run_single(path) if child == "single" else run_dask(path, partitions, workers)
        click.echo(json.dumps(result, default=str))
        return
    results = {}
    for n in [parse_size(s) for s in sizes or ("100k", "1M")]:
        results[n] = measure(n, seed, out, only, partitions, workers)
        click.echo(report({n: results[n]}), err=True)
    click.echo(report(results))
    if json_path is not None:
        json_path.write_text(json.dumps({label(n): r for n, r in results.items()}, indent=2))


if __name__ == "__main__":
    sys.exit(main())
