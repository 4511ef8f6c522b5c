"""Write synthetic claim sets with known truth for the benchmarks.

Usage::

    python benchmarks/generate.py                 # 10k, 100k and 1M claims as CSV
    python benchmarks/generate.py 50k 2M --format jsonl --seed 7 --out /tmp/claims

Each size N gives ``claims-N.csv`` (or ``.jsonl``) and ``claims-N.truth.json``
in the output folder (``benchmarks/out/`` by default, ignored by git). With
``--reuse``, files already there for the same size and seed are kept (they
may come from an older version of the generator).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import click

from claimgraph.testing import truth_path_for, write_synthetic

OUT = Path(__file__).resolve().parent / "out"
DEFAULT_SIZES = ("10k", "100k", "1M")


def parse_size(text: str) -> int:
    """``"10k"`` -> 10000, ``"1M"`` -> 1000000, ``"2500"`` -> 2500."""
    cleaned = text.strip().lower().replace("_", "")
    factor = {"k": 1_000, "m": 1_000_000}.get(cleaned[-1:], 1)
    digits = cleaned[:-1] if factor > 1 else cleaned
    try:
        value = float(digits) * factor
    except ValueError:
        raise click.BadParameter(f"{text!r} is not a size like 10k, 1M or 2500") from None
    if value < 1 or not value.is_integer():
        raise click.BadParameter(f"{text!r} is not a whole number of claims >= 1")
    return int(value)


def label(n: int) -> str:
    """The short name of a size: 10000 -> ``"10k"``, 1000000 -> ``"1M"``."""
    if n % 1_000_000 == 0:
        return f"{n // 1_000_000}M"
    if n % 1_000 == 0:
        return f"{n // 1_000}k"
    return str(n)


def claims_path(out: Path, n: int, fmt: str = "csv") -> Path:
    """Where the claims of size ``n`` are written."""
    return out / f"claims-{label(n)}.{fmt}"


def ensure(
    n: int, *, seed: int = 0, fmt: str = "csv", out: Path = OUT, reuse: bool = False
) -> tuple[Path, float | None]:
    """Write the set of size ``n`` (``reuse``: unless one of that seed is there).

    Returns the path and the seconds taken (``None`` when reused).
    """
    out.mkdir(parents=True, exist_ok=True)
    path = claims_path(out, n, fmt)
    truth = truth_path_for(path)
    if reuse and path.exists() and truth.exists():
        try:
            options = json.loads(truth.read_text(encoding="utf-8"))["options"]
            if options.get("seed") == seed and options.get("n_claims") == n:
                return path, None
        except (OSError, ValueError, KeyError):
            pass
    began = time.perf_counter()
    write_synthetic(path, n, seed)
    return path, time.perf_counter() - began


@click.command()
@click.argument("sizes", nargs=-1)
@click.option("--seed", default=0, show_default=True, help="Random seed of the generator.")
@click.option(
    "--format", "fmt", type=click.Choice(["csv", "jsonl"]), default="csv", show_default=True
)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=OUT,
    show_default=True,
    help="Output folder.",
)
@click.option("--reuse", is_flag=True, help="Keep files of the same size and seed.")
def main(sizes: tuple[str, ...], seed: int, fmt: str, out: Path, reuse: bool) -> None:
    """Write synthetic claim sets of the given SIZES (default: 10k 100k 1M)."""
    for n in [parse_size(s) for s in sizes or DEFAULT_SIZES]:
        path, seconds = ensure(n, seed=seed, fmt=fmt, out=out, reuse=reuse)
        size_mb = path.stat().st_size / 1e6
        if seconds is None:
            click.echo(f"{label(n):>6}: {path} already there ({size_mb:.1f} MB)")
        else:
            rate = n / seconds / 1e3
            click.echo(
                f"{label(n):>6}: {path} ({size_mb:.1f} MB) in {seconds:.1f} s "
                f"({rate:.0f}k claims/s)"
            )


if __name__ == "__main__":
    sys.exit(main())
