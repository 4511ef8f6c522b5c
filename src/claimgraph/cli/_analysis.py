"""Commands over the claim graph: places, disputes, sources, graph, report."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import attrs
import click

from .._errors import InputError
from ..data import example_path
from ..disputes import Disputes, find_disputes
from ..graph import CHANGE_RATE, GRAPH_FORMATS, ClaimGraph, export_graph
from ..io._tables import json_text
from ..model import SourceRegistry
from ..reports import (
    DEFAULT_TOP,
    DISPUTE_COLUMNS,
    TileSource,
    agreement_markdown,
    build_report,
    dispute_rows,
    disputes_markdown,
    render_records,
    report_html,
    report_markdown,
)
from ..scoring import source_agreement
from ._common import (
    analysis_options,
    documents_option,
    echo_or_write,
    echoes_option,
    fail_cleanly,
    format_option,
    info,
    input_options,
    output_option,
    pick_format,
)
from ._feedback import status, warn
from ._filters import check_place, check_property, explain_no_agreement, explain_no_disputes
from ._main import input_names, load_inputs, load_ledger, main

if TYPE_CHECKING:
    from ..model import Claim
    from ..places import Gazetteer
    from ..scoring.truth import SourceTrust, TruthResult

__all__ = ["build_from_options", "read_from_options", "trust_of", "trust_text"]

F = TypeVar("F", bound=Callable[..., Any])


def build_from_options(
    inputs: tuple[Path, ...],
    window: int | None,
    gazetteer: Path | None,
    sources_file: Path | None,
    exact_subjects: bool = False,
    change_rate: float | None = None,
    no_builtin_gazetteer: bool = False,
    **read: Any,
) -> ClaimGraph:
    """Read the inputs and build the claim graph as the shared options say."""
    claims, registry, gazetteer_read = read_from_options(inputs, gazetteer, sources_file, **read)
    return ClaimGraph.build(
        claims,
        window=window,
        change_rate=CHANGE_RATE if change_rate is None else change_rate,
        gazetteer=gazetteer_read,
        builtin_gazetteer=not no_builtin_gazetteer,
        resolve_places=not exact_subjects,
        sources=registry,
    )


def read_from_options(
    inputs: tuple[Path, ...],
    gazetteer: Path | None,
    sources_file: Path | None,
    **read: Any,
) -> tuple[list[Claim], SourceRegistry | None, Gazetteer | None]:
    """The claims, source registry and gazetteer the shared options name (the
    linking options in ``read`` are left out)."""
    from ..places import Gazetteer

    for linking in ("window", "exact_subjects", "change_rate", "no_builtin_gazetteer"):
        read.pop(linking, None)
    registry = None if sources_file is None else SourceRegistry.from_file(sources_file)
    db = read.pop("db", None)
    if db is not None:
        claims, registry = load_ledger(db, inputs, registry, **read)
    else:
        claims = load_inputs(inputs, sources=registry, **read)
    return claims, registry, None if gazetteer is None else Gazetteer.from_csv(gazetteer)


@main.command()
@input_options
@analysis_options
@format_option("md", "json", "csv")
@output_option
@fail_cleanly
def places(fmt: str | None, output: Path | None, **options: Any) -> None:
    """Canonical places with their spellings and why they were merged.

    Each place has its parent and its coordinates (lat, lon) when a gazetteer
    (the bundled one or --gazetteer) gives them; empty when none does.
    """
    cg = build_from_options(**options)
    if cg.places is None:
        raise click.UsageError("places needs place resolution; drop --exact-subjects")
    chosen = pick_format(fmt, output, ("md", "json", "csv"))
    records = cg.places.to_records()
    if chosen != "json":
        records = [
            {
                "place": r["name"],
                "id": r["id"],
                "variants": r["variants"],
                "merged by": [
                    f"{m['a']} ~ {m['b']}: {m['rule']} ({m['score']:.0f})" for m in r["merges"]
                ],
                "parent": r.get("parent"),
                "lat": r.get("lat"),
                "lon": r.get("lon"),
            }
            for r in records
        ]
    echo_or_write(render_records(records, chosen), output)


@main.command()
@input_options
@analysis_options
@click.option("--property", "prop", default=None, help="Only this property (control, killed ...).")
@click.option("--place", default=None, help="Only this place (any spelling).")
@format_option("md", "json", "csv")
@output_option
@fail_cleanly
@click.option(
    "--dask",
    metavar="[SCHEDULER]",
    is_flag=False,
    flag_value="local",
    default=None,
    help="Run on Dask (the dask extra), claims partitioned by place: alone, on a local "
    "cluster; with a scheduler address (tcp://host:8786), on that cluster. Same disputes.",
)
@click.option(
    "--partitions",
    type=click.IntRange(1),
    default=None,
    help="With --dask: how many partitions (default: four per worker thread).",
)
def disputes(
    fmt: str | None,
    output: Path | None,
    prop: str | None,
    place: str | None,
    dask: str | None,
    partitions: int | None,
    **options: Any,
) -> None:
    """Disputed periods per place, with the sources on each side and the evidence.

    A place held by one side and later by another has changed hands; it is
    disputed when sources give different holders for the same days (within
    --window), one says control is unclear, or one denies another's claim.
    Reports that follow a change of hands day by day are split where the
    holder they give changes (--change-rate), so they show a change, not a
    dispute.
    Counts are disputed when numbers for the same period cannot both hold.
    Each dispute of control shows the likely holder given the sources' trust
    (the default truth-discovery method, named), its confidence, and the
    dispute's strength (1 - confidence: weak when a reliable source faces an
    unreliable one and its echoes).
    """
    if dask is not None:
        cg, found = _disputes_on_dask(dask, partitions, prop, place, options)
    else:
        cg = build_from_options(**options)
        check_property(cg, prop)
        check_place(cg, place)
        found = find_disputes(cg, property=prop, place=place)
    if not found:
        explain_no_disputes(cg, prop, place)
    chosen = pick_format(fmt, output, ("md", "json", "csv"))
    if chosen == "md":
        text = disputes_markdown(found)
    elif chosen == "json":
        text = render_records([d.to_record() for d in found], "json")
    else:
        text = render_records(dispute_rows(found), "csv", columns=DISPUTE_COLUMNS)
    echo_or_write(text, output)


def _disputes_on_dask(
    scheduler: str, partitions: int | None, prop: str | None, place: str | None, options: Any
) -> tuple[ClaimGraph, Disputes]:
    """``disputes --dask``: the same disputes, claims partitioned by place on a cluster."""
    from ..scale import LOCAL, DaskClaimGraph, dask_client

    claims, registry, gazetteer = read_from_options(**options)
    change_rate = options.get("change_rate")
    with dask_client(None if scheduler == LOCAL else scheduler) as client:
        graph = DaskClaimGraph.build(
            claims,
            client=client,
            partitions=partitions,
            window=options.get("window"),
            change_rate=CHANGE_RATE if change_rate is None else change_rate,
            gazetteer=gazetteer,
            builtin_gazetteer=not options.get("no_builtin_gazetteer", False),
            resolve_places=not options.get("exact_subjects", False),
            sources=registry,
        )
        check_property(graph.overview, prop)
        check_place(graph.overview, place)
        return graph.overview, graph.disputes(property=prop, place=place)


def _method_option(func: F) -> F:
    from ..scoring.truth import DEFAULT_METHOD, METHODS

    return click.option(
        "--method",
        type=click.Choice(["none", *METHODS]),
        default=DEFAULT_METHOD,
        show_default=True,
        help="Truth-discovery method whose per-source trust is shown (the default is "
        "claimgraph resolve's; none leaves trust out).",
    )(func)


def trust_of(
    cg: ClaimGraph,
    method: str,
    echoes: bool | None = None,
    false_values: float | str | None = None,
    documents: bool = False,
) -> TruthResult | None:
    """Truth discovery on the graph's items with the defaults every command shares
    (``None`` keeps an option's default); ``None`` for method ``"none"``."""
    from ..scoring.truth import discover_graph
    from ..scoring.truth._options import GraphKeywords

    if method == "none":
        return None
    options: GraphKeywords = {"documents": documents}
    if echoes is not None:
        options["echoes"] = echoes
    if false_values is not None:
        options["false_values"] = false_values  # type: ignore[typeddict-item]
    return discover_graph(cg, method=method, **options)


def trust_text(result: TruthResult | None) -> dict[str, str]:
    """Per source, its estimated accuracy with interval and claims, as shown in tables."""
    if result is None:
        return {}
    return {s.source: _one_trust(s) for s in result.sources}


def _one_trust(s: SourceTrust) -> str:
    votes = "" if s.weight == s.claims else f", {s.weight:.4g} votes"
    return f"{s.accuracy:.2f} ({s.low:.2f}–{s.high:.2f}, n={s.claims}{votes})"


@main.command()
@input_options
@analysis_options
@click.option("--property", "prop", default=None, help="Only this property (control, killed ...).")
@_method_option
@echoes_option
@documents_option
@format_option("md", "json", "csv")
@output_option
@fail_cleanly
def sources(
    fmt: str | None,
    output: Path | None,
    prop: str | None,
    method: str,
    echoes: bool,
    documents: bool,
    false_values: float | str,
    **options: Any,
) -> None:
    """Pairwise agreement of sources, per-source corroboration figures and trust.

    Agreement is counted over items (a place, a property, a stretch of time)
    that both sources speak about, on each source's last word. The 95 %
    interval and kappa show how much a rate can be trusted; pairs on the same
    side may echo each other. A .txt document's own statements are not scored
    unless --score-documents. Trust (estimated accuracy with its interval and
    the number of claims it rests on) comes from --method, the same as in
    claimgraph resolve and report.
    """
    cg = build_from_options(**options)
    check_property(cg, prop)
    agreement = source_agreement(cg, property=prop, documents=documents)
    if not agreement.pairs:
        explain_no_agreement(cg, prop)
    result = trust_of(cg, method, echoes, false_values, documents)
    chosen = pick_format(fmt, output, ("md", "json", "csv"))
    pairs = [p.to_record() for p in agreement.pairs]
    figures = [s.to_record() for s in agreement.sources]
    if result is not None:
        trusted = {s.source: s.to_record() for s in result.sources}
        for record in figures:
            found = trusted.get(record["source"])
            if found is not None:
                # the method's own score is "score" here: "trust" names the whole record
                record["trust"] = {
                    ("score" if k == "trust" else k): v for k, v in found.items() if k != "source"
                }
    if chosen == "md":
        text = agreement_markdown(
            agreement,
            trust_text(result) if result is not None else None,
            trust_method=None if result is None else result.description,
        )
    elif chosen == "json":
        document: dict[str, Any] = {
            "trust_method": None if result is None else result.method_record(),
            "pairs": pairs,
            "sources": figures,
        }
        if agreement.documents_not_scored:
            document["documents_not_scored"] = agreement.documents_not_scored
        text = json_text(document, indent=2)
    else:
        text = render_records(pairs, "csv")
    echo_or_write(text, output)


@main.command()
@input_options
@analysis_options
@format_option(*GRAPH_FORMATS)
@output_option(
    required=True,
    help="The graph file: .graphml or .gexf for Gephi, .json for node-link JSON.",
)
@fail_cleanly
def graph(fmt: str | None, output: Path, **options: Any) -> None:
    """Write the claim graph (claims, sources, places and their relations) to a file."""
    cg = build_from_options(**options)
    status(f"writing {output}")
    done = export_graph(cg, output, fmt=fmt)
    info(f"wrote {output}: {done.nodes} nodes, {done.edges} edges")
    if done.replaced:
        warn(
            f"{output}: {done.replaced} characters that {done.format.upper()} cannot carry "
            "were written as U+FFFD"
        )


def _tile_source(_: click.Context, __: click.Parameter, value: str | None) -> TileSource | None:
    if value is None:
        return None
    try:
        return TileSource.parse(value)
    except InputError as error:
        raise click.BadParameter(str(error).removeprefix("tiles: ")) from None


def _settings_of(options: dict[str, Any]) -> dict[str, object]:
    """The reading and linking options that differ from their defaults, for provenance."""
    shown = {
        "gazetteer": "gazetteer",
        "no_builtin_gazetteer": "no builtin gazetteer",
        "exact_subjects": "exact subjects",
        "sources_file": "sources",
        "sides_file": "sides",
        "mapping": "column map",
        "ignore_extra_columns": "ignore extra columns",
        "year": "year",
        "doc_date": "document date",
    }
    out: dict[str, object] = {}
    for key, label in shown.items():
        value = options.get(key)
        if value in (None, False, ()):
            continue
        out[label] = ", ".join(value) if isinstance(value, tuple) else value
    if options.get("lang", "auto") != "auto":
        out["language"] = options["lang"]
    return out


@main.command()
@input_options
@analysis_options
@click.option("--title", default="Disputed control report", show_default=True)
@_method_option
@echoes_option
@click.option(
    "--top",
    type=click.IntRange(0),
    default=DEFAULT_TOP,
    show_default=True,
    help="HTML: the most disputed places drawn in full (timeline, periods, evidence); "
    "every place is in a table that sorts and filters in the page.",
)
@click.option(
    "--tiles",
    metavar="URL-TEMPLATE",
    default=None,
    callback=_tile_source,
    help="HTML: draw the map over tiles from this address, with {z}, {x} and {y} "
    "(e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png); the page may then load "
    "images from that host only. Default: no tiles, a plain background, no network.",
)
@click.option(
    "--tiles-attribution",
    metavar="TEXT",
    default=None,
    help="With --tiles: the credit the tile server asks for, written on the map "
    "(e.g. '© OpenStreetMap contributors'; default: the host).",
)
@documents_option
@format_option("md", "html")
@output_option
@fail_cleanly
def report(
    title: str,
    method: str,
    echoes: bool,
    false_values: float | str,
    documents: bool,
    top: int,
    tiles: TileSource | None,
    tiles_attribution: str | None,
    fmt: str,
    output: Path | None,
    **options: Any,
) -> None:
    """A readable report: disputes with their sentences, timelines, agreement.

    Markdown, or with --format html (or -o report.html) one self-contained
    page with control timelines, a map of places with coordinates and tables
    that sort and filter (needs the html extra). Places come most disputed
    first. Per-source trust (estimated accuracy with its 95 % interval and
    the number of claims it rests on) comes from --method, the same as in
    claimgraph resolve and sources, and the same run weighs the sources of
    the disputes and timelines; the report names the method and its options.
    """
    if tiles is not None and fmt != "html":
        raise click.UsageError("--tiles draws the HTML report's map; use -o report.html")
    if tiles_attribution is not None:
        if tiles is None:
            raise click.UsageError("--tiles-attribution goes with --tiles")
        tiles = attrs.evolve(tiles, attribution=tiles_attribution)
    cg = build_from_options(**options)
    made = build_report(
        cg,
        title=title,
        truth=trust_of(cg, method, echoes, false_values, documents),
        documents=documents,
        inputs=input_names(options["inputs"], options.get("db"))
        or [f"the bundled example claims (claimgraph/data/{example_path().name})"],
        options=_settings_of(options),
    )
    if fmt == "html":
        echo_or_write(report_html(made, top=top, tiles=tiles), output)
    else:
        echo_or_write(report_markdown(made), output)
