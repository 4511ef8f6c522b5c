"""Static figures for papers: control timelines, source agreement and a map (matplotlib).

matplotlib is an optional dependency (the ``plot`` extra), imported only when a
figure is drawn. Figures are made with :class:`matplotlib.figure.Figure` and the
Agg canvas, never pyplot, so drawing changes no global state and needs no
display. Names from the inputs are drawn as plain text: a ``$`` never starts
mathtext, and in SVG output text stays text, escaped by matplotlib's writer.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import math
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._errors import InputError, import_optional
from ..disputes import Status
from ..io._atomic import atomic_write
from ..model import CONTESTED
from ._html import _SIDE_COLOURS, _Palette
from ._model import PlaceSummary, Report, build_report

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from ..graph import ClaimGraph
    from ..scoring.truth import TruthResult

__all__ = [
    "DEFAULT_PLOT_PLACES",
    "FIGURE_FORMATS",
    "plot_agreement",
    "plot_map",
    "plot_timeline",
    "save_figure",
]

#: Formats a figure is written in, named by the file's suffix.
FIGURE_FORMATS = ("png", "svg", "pdf")

#: Places drawn in a timeline figure when no place is named: the most disputed.
DEFAULT_PLOT_PLACES = 5

#: Sources in the agreement matrix at most (those with most claims).
MATRIX_SOURCES = 30

#: Places named on the map at most: the most disputed, as in the HTML report's map.
MAP_LABELS = 15

#: Disputed periods and places: the HTML report's colour for contested.
_DISPUTED_COLOUR = _SIDE_COLOURS[CONTESTED]


def _matplotlib() -> Any:
    """matplotlib, or an error naming the ``plot`` extra."""
    return import_optional("matplotlib", "plot", "Drawing figures")


def _new_figure(width: float, height: float) -> Figure:
    _matplotlib()
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height), layout="constrained")
    FigureCanvasAgg(figure)
    return figure


def _plain(text: str) -> str:
    """``text`` as matplotlib draws it literally: an escaped ``$`` starts no mathtext."""
    return text.replace("$", r"\$")


def _summaries(cg: ClaimGraph, truth: TruthResult | None) -> Report:
    return build_report(cg, truth=truth)


def _weighing_caption(figure: Figure, report: Report) -> None:
    """Name, under the figure, the truth-discovery run that weighed the sources."""
    if report.weighed_by is not None:
        figure.supxlabel(
            _plain(f"Sources weighed by truth discovery: {report.weighed_by}"),
            fontsize=7,
            color="#444444",
            wrap=True,
        )


def _find_place(report: Report, cg: ClaimGraph, place: str) -> PlaceSummary:
    keys = {place}
    if cg.places is not None:
        with contextlib.suppress(KeyError):
            keys.add(str(cg.places.key_of(place)))
    for summary in report.places:
        if summary.place in keys or summary.name == place:
            return summary
    known = ", ".join(sorted(s.name for s in report.places)[:10])
    raise InputError(f"no claim of control is about place {place!r}; places in the input: {known}")


def plot_timeline(
    cg: ClaimGraph,
    place: str | None = None,
    *,
    top: int = DEFAULT_PLOT_PLACES,
    truth: TruthResult | None = None,
) -> Figure:
    """Control of places over time: one row of holder bands per place.

    Each period of the place's timeline (:func:`claimgraph.disputes.build_timelines`,
    through :func:`claimgraph.reports.build_report`) is a band from its first
    day until the next period starts (the last period: until its last claim),
    as in the HTML report, coloured by its holder; disputed periods are
    hatched. ``place`` (any spelling) draws that place alone, else the ``top``
    most disputed places are drawn, most disputed at the top. A line under the
    figure names the truth-discovery method that weighed the sources.

    Parameters
    ----------
    cg : ClaimGraph
        The claim graph.
    place : str or None
        One place to draw.
    top : int
        Places drawn when ``place`` is ``None``.
    truth : TruthResult or None
        Truth discovery whose trust weighs the sources (as in ``claimgraph report``);
        ``None`` runs the default method (the one ``claimgraph resolve`` uses).

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    InputError
        When ``place`` is not in the input or no place has a dated period.

    Examples
    --------
    >>> from claimgraph.data import example_claims
    >>> from claimgraph.graph import ClaimGraph
    >>> figure = plot_timeline(ClaimGraph.build(example_claims()), "Khan Touman")
    >>> figure.axes[0].get_yticklabels()[0].get_text()
    'Khan Tuman'
    """
    report = _summaries(cg, truth)
    if place is not None:
        chosen = [_find_place(report, cg, place)]
    else:
        chosen = [s for s in report.places if _dated(s)][: max(top, 1)]
    if not chosen or not any(_dated(s) for s in chosen):
        raise InputError("no place has a dated period of control to draw")
    from matplotlib.dates import date2num
    from matplotlib.patches import Patch

    palette = _Palette()
    figure = _new_figure(8.0, 1.0 + 0.5 * len(chosen))
    axes = figure.add_subplot()
    holders: dict[str, str] = {}
    hatched = False
    for row, summary in enumerate(chosen):
        for period in _periods(summary):
            start = period.start
            assert start is not None
            # as the HTML report draws it: until the next period, the last one until its
            # last claim (nothing says who held the place after that)
            after_last = max(period.end or start, start) + dt.timedelta(days=1)
            until = period.until
            stop = until if until is not None and until > start else after_last
            begin = float(date2num(start))  # type: ignore[no-untyped-call]
            end_day = float(date2num(stop))  # type: ignore[no-untyped-call]
            width = max(end_day - begin, 1.0)
            disputed = period.status is Status.DISPUTED
            colour = palette(None if disputed else period.holder)
            if disputed:
                colour = "#ffffff"
                hatched = True
            elif period.holder is not None:
                holders[period.holder] = colour
            axes.broken_barh(
                [(begin, width)],
                (row - 0.35, 0.7),
                facecolors=colour,
                edgecolor=_DISPUTED_COLOUR if disputed else "#333333",
                hatch="///" if disputed else None,
                linewidth=0.6,
            )
    axes.set_yticks(range(len(chosen)), labels=[_plain(s.name) for s in chosen])
    axes.invert_yaxis()
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter

    locator = AutoDateLocator()  # type: ignore[no-untyped-call]
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]
    axes.set_xlabel("date")
    axes.set_title("Control over time")
    handles = [Patch(facecolor=c, edgecolor="#333333", label=_plain(h)) for h, c in holders.items()]
    if hatched:
        handles.append(
            Patch(facecolor="#ffffff", edgecolor=_DISPUTED_COLOUR, hatch="///", label="disputed")
        )
    if handles:
        axes.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8)
    _weighing_caption(figure, report)
    return figure


def _periods(summary: PlaceSummary) -> list[Any]:
    return [p for p in summary.timeline.periods if p.start is not None]


def _dated(summary: PlaceSummary) -> bool:
    return bool(_periods(summary))


def plot_agreement(
    cg: ClaimGraph, *, property: str | None = None, documents: bool = False
) -> Figure:
    """The pairwise agreement of sources as a coloured matrix with its rates.

    A cell is the share of the items both sources speak about on which they
    agree (:func:`claimgraph.scoring.source_agreement`), written with the
    number of items compared; blank where they share none. At most 30 sources
    are drawn, those with most claims.

    Parameters
    ----------
    cg : ClaimGraph
        The claim graph.
    property : str or None
        Only items of this property (``None``: every property).
    documents : bool
        Count documents' own statements as sources (``--score-documents``).

    Returns
    -------
    matplotlib.figure.Figure
        The matrix and its colour bar.

    Raises
    ------
    InputError
        When no two sources speak about the same item.

    Examples
    --------
    >>> from claimgraph.data import example_claims
    >>> from claimgraph.graph import ClaimGraph
    >>> figure = plot_agreement(ClaimGraph.build(example_claims()))
    >>> len(figure.axes)  # the matrix and its colour bar
    2
    """
    from ..scoring import source_agreement

    agreement = source_agreement(cg, property=property, documents=documents)
    if not agreement.pairs:
        raise InputError("no two sources speak about the same item: no agreement to draw")
    ranked = sorted(agreement.sources, key=lambda s: (-s.claims, s.source))
    names = sorted(s.source for s in ranked[:MATRIX_SOURCES])
    index = {name: i for i, name in enumerate(names)}
    size = len(names)
    import numpy as np

    rates = np.full((size, size), np.nan)
    counts = np.zeros((size, size), dtype=int)
    for pair in agreement.pairs:
        if pair.source_a not in index or pair.source_b not in index or pair.rate is None:
            continue
        i, j = index[pair.source_a], index[pair.source_b]
        rates[i, j] = rates[j, i] = pair.rate
        counts[i, j] = counts[j, i] = pair.compared
    side = 2.0 + 0.55 * size
    figure = _new_figure(side + 1.5, side)
    axes = figure.add_subplot()
    image = axes.imshow(
        np.ma.masked_invalid(rates), cmap="RdYlGn", vmin=0.0, vmax=1.0, interpolation="none"
    )
    for i in range(size):
        for j in range(size):
            if not math.isnan(rates[i, j]):
                axes.text(
                    j,
                    i,
                    f"{rates[i, j]:.2f}\nn={counts[i, j]}",
                    ha="center",
                    va="center",
                    fontsize=7,
                )
    labels = [_plain(n) for n in names]
    axes.set_xticks(range(size), labels=labels, rotation=45, ha="right")
    axes.set_yticks(range(size), labels=labels)
    axes.set_title("Agreement of sources")
    figure.colorbar(image, ax=axes, label="share of shared items agreed on")
    return figure


def plot_map(cg: ClaimGraph, *, truth: TruthResult | None = None) -> Figure:
    """Places with coordinates, coloured by their current holder or disputed.

    Coordinates come from the gazetteers (the bundled one and any given to
    :meth:`ClaimGraph.build`); the current state is that of each place's last
    period (as in ``claimgraph report``); the title says how many places
    have no coordinates and are not drawn. The 15 most disputed places are
    named. The background is plain: longitude
    and latitude axes, no map tiles. A line under the figure names the
    truth-discovery method that weighed the sources.

    Parameters
    ----------
    cg : ClaimGraph
        The claim graph.
    truth : TruthResult or None
        Truth discovery whose trust weighs the sources (as in ``claimgraph report``);
        ``None`` runs the default method.

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    InputError
        When no place in the input has coordinates.

    Examples
    --------
    >>> from claimgraph.graph import ClaimGraph
    >>> from claimgraph.testing import make_claim
    >>> figure = plot_map(ClaimGraph.build([
    ...     make_claim("A", "Halab", "army", on="2016-05-01"),
    ...     make_claim("B", "Palmira", "rebels", on="2016-05-02"),
    ... ]))
    >>> figure.axes[0].get_xlabel()
    'longitude'
    """
    report = _summaries(cg, truth)
    located = [s for s in report.places if s.located]
    if not located:
        raise InputError("no place in the input has coordinates: give a gazetteer with lat and lon")
    palette = _Palette()
    figure = _new_figure(7.0, 6.0)
    axes = figure.add_subplot()
    axes.set_facecolor("#f4f4f0")
    # one scatter a state (a legend entry each), so a map of thousands of places stays quick
    groups: dict[str, list[PlaceSummary]] = {}
    for summary in located:
        disputed = summary.current == CONTESTED
        groups.setdefault("disputed" if disputed else (summary.current or "unknown"), []).append(
            summary
        )
    for label, members in groups.items():
        disputed = label == "disputed"
        axes.scatter(
            [s.lon or 0.0 for s in members],  # located: never None
            [s.lat or 0.0 for s in members],
            s=60 if len(located) <= MAP_LABELS * 10 else 12,
            color=_DISPUTED_COLOUR if disputed else palette(members[0].current),
            marker="X" if disputed else "o",
            edgecolors="#222222",
            linewidths=0.6,
            zorder=3,
            label=_plain(label),
        )
    # names of the most disputed places only (report order); in the east half, to their
    # left, so they stay in the figure
    lons = [s.lon for s in located if s.lon is not None]
    middle = (min(lons) + max(lons)) / 2
    for summary in located[:MAP_LABELS]:
        assert summary.lat is not None
        assert summary.lon is not None
        east = len(located) > 1 and summary.lon > middle
        axes.annotate(
            _plain(summary.name),
            (summary.lon, summary.lat),
            xytext=(-5 if east else 5, 4),
            textcoords="offset points",
            ha="right" if east else "left",
            fontsize=8,
        )
    axes.set_xlabel("longitude")
    axes.set_ylabel("latitude")
    axes.set_aspect("equal", adjustable="datalim")
    axes.margins(0.15)
    axes.grid(True, color="#dddddd", linewidth=0.5)
    missing = len(report.places) - len(located)
    left_out = (
        ""
        if not missing
        else (f"\n({missing} place{'s' if missing > 1 else ''} without coordinates not shown)")
    )
    axes.set_title(f"Places by current holder{left_out}")
    axes.legend(loc="best", fontsize=8)
    _weighing_caption(figure, report)
    return figure


def save_figure(figure: Figure, path: str | Path, fmt: str | None = None) -> None:
    """Write ``figure`` whole or not at all, as ``fmt`` or the format ``path``'s suffix names.

    SVG keeps text as text (``svg.fonttype`` none) so it can be edited and
    searched; SVG and PDF carry no date, so the same input gives the same file.
    The figure is rendered in memory first, so a failure leaves ``path`` as it was.

    Parameters
    ----------
    figure : matplotlib.figure.Figure
        A figure from :func:`plot_timeline`, :func:`plot_agreement` or :func:`plot_map`.
    path : str or Path
        The file to write.
    fmt : str or None
        ``"png"``, ``"svg"`` or ``"pdf"``; ``None`` takes it from ``path``'s suffix.

    Raises
    ------
    InputError
        When the format is not one of png, svg, pdf.
    MissingDependencyError
        When matplotlib is not installed (``pip install 'claimgraph[plot]'``).

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> from claimgraph.data import example_claims
    >>> from claimgraph.graph import ClaimGraph
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     target = Path(folder) / "agreement.svg"
    ...     save_figure(plot_agreement(ClaimGraph.build(example_claims())), target)
    ...     target.read_text(encoding="utf-8").count("<svg")
    1
    """
    chosen = (fmt or Path(path).suffix.lstrip(".")).lower()
    if chosen not in FIGURE_FORMATS:
        raise InputError(
            f"{Path(path).name}: cannot write a figure as {chosen or 'a file with no suffix'!r}; "
            f"use one of {', '.join('.' + f for f in FIGURE_FORMATS)}"
        )
    matplotlib = _matplotlib()
    metadata: dict[str, Any] = {"Date": None} if chosen in ("svg", "pdf") else {}
    if chosen == "pdf":
        metadata["CreationDate"] = None
        del metadata["Date"]
    buffer = io.BytesIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "claimgraph"}):
        figure.savefig(buffer, format=chosen, dpi=200, metadata=metadata)
    with atomic_write(path, binary=True) as handle:
        handle.write(buffer.getvalue())
