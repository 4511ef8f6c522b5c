"""Size and time of the dispute report, Markdown and HTML, on synthetic claims.

Usage::

    python benchmarks/bench_report.py                 # 20k and 100k claims
    python benchmarks/bench_report.py 20k 200k --top 50

For each size the claims come from :func:`claimgraph.testing.synthetic_claims`
(seed 0); the graph is built once, then the report model is computed
(:func:`claimgraph.reports.build_report`, no truth discovery, so the figures
are the report's own), and rendered both ways. Printed: seconds per stage and
the size of each rendering in bytes.
"""

from __future__ import annotations

import platform
import time

import click

from claimgraph.graph import ClaimGraph
from claimgraph.reports import DEFAULT_TOP, build_report, report_html, report_markdown
from claimgraph.testing import synthetic_claims


def _size(text: str) -> int:
    return int(text[:-1]) * {"k": 1_000, "m": 1_000_000}[text[-1].lower()]


@click.command()
@click.argument("sizes", nargs=-1)
@click.option("--top", default=DEFAULT_TOP, show_default=True)
def main(sizes: tuple[str, ...], top: int) -> None:
    print(
        f"{platform.node()} {platform.processor() or platform.machine()}, python "
        f"{platform.python_version()}"
    )
    for label in sizes or ("20k", "100k"):
        claims = synthetic_claims(_size(label), seed=0).claims
        start = time.perf_counter()
        graph = ClaimGraph.build(claims)
        built = time.perf_counter()
        report = build_report(graph)
        modelled = time.perf_counter()
        markdown = report_markdown(report)
        marked = time.perf_counter()
        page = report_html(report, top=top)
        paged = time.perf_counter()
        print(
            f"{label}: {len(claims)} claims, {len(report.places)} places "
            f"({len(report.disputed_places)} disputed), {report.sources} sources; "
            f"graph {built - start:.1f} s, model {modelled - built:.1f} s, "
            f"markdown {marked - modelled:.1f} s ({len(markdown.encode()):,} bytes), "
            f"html {paged - marked:.1f} s ({len(page.encode()):,} bytes, top {top})"
        )


if __name__ == "__main__":
    main()
