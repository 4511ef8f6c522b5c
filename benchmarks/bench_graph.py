"""Time writing the claim graph, against networkx's writer on the same graph.

Usage::

    python benchmarks/bench_graph.py                      # 10k 100k 200k 1M
    python benchmarks/bench_graph.py 10k 200k --peer-max 1M --json results.json

For each size the synthetic claims are generated once into ``benchmarks/out/``
(see ``generate.py``). Each measurement runs in a fresh Python process, so
that its peak resident memory (``ru_maxrss``, from ``wait4``) is its own:

- ``graphml`` / ``gexf``: read the CSV, build the :class:`ClaimGraph` with
  place resolution as ``claimgraph graph`` does, then
  :func:`claimgraph.export_graph` (streaming);
- ``networkx``: the same reading and building, then
  ``networkx.write_graphml(flat_graph(cg))``, the writer claimgraph used
  before, timed as ``flatten`` (the networkx graph with scalar attributes it
  needs) plus ``write``; only up to ``--peer-max`` claims (default 200k: at 1M
  it needs about 15 GB);
- ``cli``: ``claimgraph graph claims-N.csv -o out.graphml`` end to end.

Wall-clock seconds and CPU seconds are both given: on a shared machine the
CPU seconds and the ratios of one run tell more than the wall clock.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import click

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from generate import ensure, label, parse_size  # noqa: E402

DEFAULT_SIZES = ("10k", "100k", "200k", "1M")
KINDS = ("graphml", "gexf", "networkx", "cli")


def _clock() -> tuple[float, float]:
    return time.perf_counter(), time.process_time()


def measure(kind: str, claims_file: Path, out: Path) -> dict[str, Any]:
    """Run one measurement in this process; return stage times and counts."""
    from claimgraph.cli._analysis import build_from_options
    from claimgraph.graph import export_graph, flat_graph

    stages: dict[str, list[float]] = {}

    def timed(stage: str, work: Any) -> Any:
        wall, cpu = _clock()
        result = work()
        stages[stage] = [time.perf_counter() - wall, time.process_time() - cpu]
        return result

    def build() -> Any:
        graph = build_from_options((claims_file,), None, None, None)
        len(graph.relations)
        return graph

    cg = timed("read+build", build)
    result: dict[str, Any] = {"stages": stages}
    if kind == "networkx":
        import networkx as nx

        flat = timed("flatten", lambda: flat_graph(cg))
        timed("write", lambda: nx.write_graphml(flat, out))
        result["nodes"], result["edges"] = flat.number_of_nodes(), flat.number_of_edges()
    else:
        done = timed("write", lambda: export_graph(cg, out, fmt=kind))
        result["nodes"], result["edges"] = done.nodes, done.edges
    result["bytes"] = out.stat().st_size
    return result


def run_child(kind: str, claims_file: Path) -> dict[str, Any]:
    """``measure`` in a fresh process; adds its peak resident memory in bytes."""
    with tempfile.TemporaryDirectory(prefix="bench-graph-") as folder:
        suffix = ".gexf" if kind == "gexf" else ".graphml"
        out = Path(folder) / f"graph{suffix}"
        if kind == "cli":
            command = [
                sys.executable,
                "-m",
                "claimgraph",
                "graph",
                str(claims_file),
                "-o",
                str(out),
            ]
        else:
            command = [sys.executable, __file__, "--child", kind, str(claims_file), str(out)]
        report, errors = Path(folder) / "report.json", Path(folder) / "errors.txt"
        began = time.perf_counter()
        with report.open("wb") as stdout, errors.open("wb") as stderr:
            process = subprocess.Popen(command, stdout=stdout, stderr=stderr)
            # wait4, not wait: it gives this child's own peak memory and CPU time
            _, status, usage = os.wait4(process.pid, 0)
            process.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - began
        if process.returncode != 0:
            tail = errors.read_text(errors="replace")[-800:]
            raise SystemExit(f"bench_graph: {kind} on {claims_file.name} failed:\n{tail}")
        result: dict[str, Any] = (
            {"stages": {}, "bytes": out.stat().st_size}
            if kind == "cli"
            else json.loads(report.read_text())
        )
    if kind == "cli":
        result["stages"]["cli"] = [wall, usage.ru_utime + usage.ru_stime]
    result["peak_bytes"] = usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024)
    return result


def machine() -> dict[str, Any]:
    load = os.getloadavg()
    return {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "processor": platform.processor() or platform.machine(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "load": [round(x, 1) for x in load],
    }


def _seconds(result: dict[str, Any], stage: str | None = None) -> tuple[float, float]:
    stages = result["stages"]
    picked = [stages[stage]] if stage else list(stages.values())
    return sum(s[0] for s in picked), sum(s[1] for s in picked)


@click.command()
@click.argument("sizes", nargs=-1)
@click.option("--peer-max", default="200k", show_default=True, help="Largest size for networkx.")
@click.option("--kinds", default=",".join(KINDS), show_default=True, help="What to measure.")
@click.option("--json", "json_out", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--child", nargs=3, type=str, default=None, hidden=True)
def main(
    sizes: tuple[str, ...],
    peer_max: str,
    kinds: str,
    json_out: Path | None,
    child: tuple[str, str, str] | None,
) -> None:
    """Time claimgraph's graph files against networkx.write_graphml at SIZES."""
    if child is not None:
        kind, claims_file, out = child
        click.echo(json.dumps(measure(kind, Path(claims_file), Path(out))))
        return
    wanted = [k.strip() for k in kinds.split(",") if k.strip()]
    unknown = set(wanted) - set(KINDS)
    if unknown:
        raise click.BadParameter(f"unknown kinds {sorted(unknown)}; choose from {KINDS}")
    limit = parse_size(peer_max)
    about = machine()
    click.echo(
        f"{about['date']}  {about['processor']}  {about['platform']}  Python {about['python']}"
        f"  {about['cpus']} CPUs  load {about['load']}"
    )
    results: dict[str, dict[str, Any]] = {}
    for n in [parse_size(s) for s in sizes or DEFAULT_SIZES]:
        path, _ = ensure(n, reuse=True)
        row: dict[str, Any] = {}
        for kind in wanted:
            if kind == "networkx" and n > limit:
                continue
            row[kind] = found = run_child(kind, path)
            wall, cpu = _seconds(found)
            write = found["stages"].get("write")
            written = ""
            if write is not None:
                flatten = found["stages"].get("flatten", [0.0, 0.0])
                written = (
                    f" write {write[0] + flatten[0]:6.1f} s wall {write[1] + flatten[1]:6.1f} s cpu"
                )
            click.echo(
                f"{label(n):>5} {kind:>8}: {wall:6.1f} s wall {cpu:6.1f} s cpu{written}  "
                f"peak {found['peak_bytes'] / 1e9:5.2f} GB  {found['bytes'] / 1e6:7.1f} MB"
            )
        if "graphml" in row and "networkx" in row:
            ours, theirs = row["graphml"], row["networkx"]
            ours_write = ours["stages"]["write"]
            theirs_write = [
                a + b
                for a, b in zip(theirs["stages"]["write"], theirs["stages"]["flatten"], strict=True)
            ]
            row["ratio"] = {
                "write_wall": theirs_write[0] / ours_write[0],
                "write_cpu": theirs_write[1] / ours_write[1],
                "peak": theirs["peak_bytes"] / ours["peak_bytes"],
            }
            click.echo(
                f"{label(n):>5}    ratio: networkx / claimgraph GraphML writing "
                f"{row['ratio']['write_wall']:.1f}x wall, {row['ratio']['write_cpu']:.1f}x cpu, "
                f"peak memory {row['ratio']['peak']:.1f}x"
            )
        results[label(n)] = row
    about["load_after"] = [round(x, 1) for x in os.getloadavg()]
    if json_out is not None:
        json_out.write_text(json.dumps({"machine": about, "results": results}, indent=2))


if __name__ == "__main__":
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    sys.exit(main())
