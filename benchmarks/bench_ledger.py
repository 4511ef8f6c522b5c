"""Time the claim ledger: ingest, a re-ingest that adds nothing, reading it back
against reading the CSV file, and a command after a small file is added.

Usage::

    python benchmarks/bench_ledger.py                 # 100k and 1M claims
    python benchmarks/bench_ledger.py 100k --json results.json

For each size N a synthetic set of N + 1,000 claims (seed 0) is written to
``benchmarks/out/`` and split into ``ledger-N.csv`` (the first N rows) and
``ledger-N-new.csv`` (the last 1,000: the "small file" that arrives later).
Then, each in a fresh Python process (its peak resident memory reported):

1. ``csv load``: :func:`claimgraph.read_claims` on ``ledger-N.csv``;
2. ``ingest``: :meth:`Ledger.ingest` of it into a new ledger;
3. ``re-ingest``: the same again (a hash check: nothing is written);
4. ``ledger load``: :meth:`Ledger.claims`;
5. stages of ``disputes --db`` in process: load, ``ClaimGraph.build`` (places,
   episodes), truth discovery (default method), ``find_disputes``: the share a
   per-place cache could at most save is that of the episodes and disputes;

and end to end, as an analyst runs them (wall time of the command line):

6. ``claimgraph disputes ledger-N.csv ledger-N-new.csv`` (from the files);
7. ``claimgraph ingest ledger-N-new.csv --db`` then ``claimgraph disputes --db``
   (the run after the small file is added), checked to print the same bytes.
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
from generate import OUT, label, parse_size  # noqa: E402

NEW_CLAIMS = 1_000


def peak_bytes() -> int:
    """Peak resident memory of this process (ru_maxrss is KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


def files_for(n: int) -> tuple[Path, Path]:
    """Write (unless there) the set of ``n`` + 1,000 claims, split in two files."""
    from claimgraph.testing import write_synthetic

    main, new = OUT / f"ledger-{label(n)}.csv", OUT / f"ledger-{label(n)}-new.csv"
    if main.exists() and new.exists():
        return main, new
    OUT.mkdir(parents=True, exist_ok=True)
    whole = OUT / f"ledger-{label(n)}-whole.csv"
    write_synthetic(whole, n + NEW_CLAIMS, 0)
    with whole.open(encoding="utf-8", newline="") as handle:
        header = handle.readline()
        rows = handle.readlines()
    main.write_text(header + "".join(rows[:n]), encoding="utf-8", newline="")
    new.write_text(header + "".join(rows[n:]), encoding="utf-8", newline="")
    whole.unlink()
    return main, new


def worker(step: str, db: str, path: str) -> dict[str, Any]:
    """One step in this process; its seconds and peak memory."""
    import claimgraph
    from claimgraph.ledger import Ledger

    out: dict[str, Any] = {}
    began = time.perf_counter()
    if step == "csv load":
        out["claims"] = len(claimgraph.read_claims(path))
    elif step in ("ingest", "re-ingest"):
        with Ledger.open(db, create=True) as ledger:
            out["statuses"] = [f.status for f in ledger.ingest([path]).files]
    elif step == "ledger load":
        with Ledger.open(db) as ledger:
            out["claims"] = len(ledger.claims())
    elif step == "stages":
        from claimgraph.scoring.truth import discover_graph

        with Ledger.open(db) as ledger:
            claims = ledger.claims()
        out["load"] = time.perf_counter() - began
        mark = time.perf_counter()
        cg = claimgraph.ClaimGraph.build(claims)
        out["build (places, episodes)"] = time.perf_counter() - mark
        mark = time.perf_counter()
        truth = discover_graph(cg)
        out["truth discovery"] = time.perf_counter() - mark
        mark = time.perf_counter()
        out["disputes found"] = len(claimgraph.find_disputes(cg, truth=truth))
        out["find disputes"] = time.perf_counter() - mark
    out["seconds"] = time.perf_counter() - began
    out["peak_bytes"] = peak_bytes()
    return out


def in_fresh_process(step: str, db: Path, path: Path) -> dict[str, Any]:
    command = [sys.executable, __file__, "--worker", step, str(db), str(path)]
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    result: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    return result


def timed_cli(*args: str | Path) -> tuple[float, bytes]:
    """Wall seconds of one ``claimgraph`` command line, and what it printed."""
    began = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "claimgraph", *map(str, args), "-q"],
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - began, done.stdout


def bench(n: int) -> dict[str, Any]:
    main, new = files_for(n)
    db = OUT / f"ledger-{label(n)}.db"
    for leftover in (db, db.with_name(db.name + "-journal")):
        leftover.unlink(missing_ok=True)
    result: dict[str, Any] = {"claims": n, "csv_bytes": main.stat().st_size}
    for step in ("csv load", "ingest", "re-ingest", "ledger load", "stages"):
        result[step] = in_fresh_process(step, db, main)
        click.echo(f"{label(n)} {step}: {result[step]}", err=True)
    result["db_bytes"] = db.stat().st_size
    from_files, printed_files = timed_cli("disputes", main, new)
    ingest_new, _ = timed_cli("ingest", new, "--db", db)
    from_db, printed_db = timed_cli("disputes", "--db", db)
    result["disputes from the files"] = from_files
    result["ingest of the small file"] = ingest_new
    result["disputes --db after it"] = from_db
    result["same output"] = printed_files == printed_db
    click.echo(f"{label(n)} end to end: {from_files:.1f} s vs {ingest_new:.1f} + {from_db:.1f} s")
    return result


def main(argv: list[str]) -> None:
    if argv[:1] == ["--worker"]:
        step, db, path = argv[1:4]
        print(json.dumps(worker(step, db, path)))
        return
    json_path = None
    if "--json" in argv:
        at = argv.index("--json")
        json_path = Path(argv[at + 1])
        argv = argv[:at] + argv[at + 2 :]
    sizes = [parse_size(s) for s in argv] or [100_000, 1_000_000]
    results = {
        "date": dt.date.today().isoformat(),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}",
        "sizes": [bench(n) for n in sizes],
    }
    text = json.dumps(results, indent=2)
    print(text)
    if json_path is not None:
        json_path.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
