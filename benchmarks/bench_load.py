"""Time reading claim tables against plain readers of the same files, in one run.

Usage::

    python benchmarks/bench_load.py 10k 100k 1M
    python benchmarks/bench_load.py 1M --peers /tmp/peers   # a folder holding polars

For each size the synthetic claims of ``generate.py`` (seed 0) are written as CSV
and as JSON Lines, then each reader runs in a fresh process (so none inherits
another's memory or warm caches of parsed cells) and reports its CPU and wall
seconds and its peak resident memory:

* ``csv.reader``: the standard library's CSV reader, every row into a list;
* ``json.loads`` and ``orjson.loads``: one call a line of the JSON Lines file;
* ``polars.read_csv``: polars' multithreaded reader (when ``--peers`` or the
  environment provides polars);
* ``from_record``: :meth:`claimgraph.Claim.from_record` a row (the reader before
  ``RowReader``), after the same ``csv.reader`` pass;
* ``read_claims`` on the CSV and on the JSON Lines file: what claimgraph does,
  with its checks (ids, alignments) and error locations.

Ratios are to the fastest plain reader in the same run. The plain readers build
no claims; the ratio says how much the claims cost over reading the cells.
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
from pathlib import Path
from typing import Any

import click

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from generate import OUT, ensure, label, parse_size  # noqa: E402

PLAIN = ("csv.reader", "json.loads", "orjson.loads", "polars.read_csv")
READERS = (*PLAIN, "from_record", "read_claims csv", "read_claims jsonl")


def _peak_bytes() -> int:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


def _csv_rows(path: Path) -> list[list[str]]:
    import csv

    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def _run(reader: str, csv_path: Path, jsonl_path: Path) -> int:
    """Run one reader; return how many rows or claims it read."""
    if reader == "csv.reader":
        return len(_csv_rows(csv_path)) - 1
    if reader in {"json.loads", "orjson.loads"}:
        if reader == "orjson.loads":
            import orjson

            loads: Any = orjson.loads
        else:
            loads = json.loads
        with jsonl_path.open("rb") as handle:
            return len([loads(line) for line in handle if line.strip()])
    if reader == "polars.read_csv":
        import polars

        return int(polars.read_csv(csv_path, infer_schema_length=0).height)
    if reader == "from_record":
        from claimgraph.model import Claim

        rows = _csv_rows(csv_path)
        header = rows[0]
        stem = csv_path.stem
        return len(
            [
                Claim.from_record(dict(zip(header, row, strict=True)), default_id=f"{stem}:{line}")
                for line, row in enumerate(rows[1:], start=2)
            ]
        )
    import claimgraph

    path = csv_path if reader == "read_claims csv" else jsonl_path
    return len(claimgraph.read_claims(path))


def child(reader: str, csv_path: Path, jsonl_path: Path) -> dict[str, Any]:
    cpu, wall = time.process_time(), time.perf_counter()
    count = _run(reader, csv_path, jsonl_path)
    return {
        "count": count,
        "cpu": time.process_time() - cpu,
        "wall": time.perf_counter() - wall,
        "peak_bytes": _peak_bytes(),
    }


def _available(reader: str, env: dict[str, str]) -> bool:
    module = {"orjson.loads": "orjson", "polars.read_csv": "polars"}.get(reader)
    if module is None:
        return True
    check = [sys.executable, "-c", f"import {module}"]
    return subprocess.run(check, env=env, capture_output=True, check=False).returncode == 0


@click.command()
@click.argument("sizes", nargs=-1)
@click.option("--peers", type=click.Path(exists=True, file_okay=False), help="Extra module path.")
@click.option(
    "--readers", default=",".join(READERS), show_default=True, help="Comma-separated readers."
)
@click.option("--json", "json_out", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--child", "child_args", nargs=3, hidden=True, default=None)
def main(
    sizes: tuple[str, ...],
    peers: str | None,
    readers: str,
    json_out: Path | None,
    child_args: tuple[str, str, str] | None,
) -> None:
    """Time claim readers against plain readers on synthetic claims of each size."""
    if child_args:
        reader, csv_name, jsonl_name = child_args
        click.echo(json.dumps(child(reader, Path(csv_name), Path(jsonl_name))))
        return
    env = dict(os.environ)
    paths = [str(HERE.parent / "src"), *([peers] if peers else [])]
    env["PYTHONPATH"] = os.pathsep.join([*paths, env.get("PYTHONPATH", "")])
    results: dict[str, dict[str, Any]] = {}
    stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    click.echo(f"claim readers, {stamp}, {platform.machine()} {os.cpu_count()} CPUs")
    for size in sizes or ("10k", "100k", "1M"):
        n = parse_size(size)
        csv_path, _ = ensure(n, out=OUT, reuse=True)
        jsonl_path, _ = ensure(n, fmt="jsonl", out=OUT, reuse=True)
        row: dict[str, Any] = {}
        for reader in READERS:
            if reader not in readers.split(",") or not _available(reader, env):
                continue
            command = [sys.executable, __file__, "--child", reader, str(csv_path), str(jsonl_path)]
            done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
            if done.returncode != 0:
                raise SystemExit(f"bench_load: {reader} on {label(n)} failed:\n{done.stderr}")
            row[reader] = json.loads(done.stdout.strip().splitlines()[-1])
        fastest = min(row[r]["cpu"] for r in PLAIN if r in row)
        click.echo(f"\n{label(n)} claims: reader, CPU s, wall s, peak GB, CPU ratio to fastest")
        for reader, figures in row.items():
            click.echo(
                f"  {reader:<18} {figures['cpu']:7.2f} {figures['wall']:7.2f} "
                f"{figures['peak_bytes'] / 1e9:6.2f}  x{figures['cpu'] / fastest:.1f}"
            )
        results[label(n)] = row
    if json_out is not None:
        json_out.write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
