"""The HTML report: one self-contained page with timelines, a map and tables.

The page needs no network: styles, script and pictures (inline SVG) are in
it, and its Content-Security-Policy forbids loading anything and running any
script but its own, so a name that slipped through escaping still could not
run. Map tiles are the one exception, and only when asked for: with a tile
address template the map draws tiles from that one host, and the policy
allows images from it and nothing else. Text from the inputs only ever
reaches the page through Jinja2's autoescaping; links are kept only when
they are ``http``/``https``.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import math
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import attrs

from .._errors import InputError, import_optional
from ..disputes import Dispute, Status
from ..model import CONTESTED, SIDES, Claim, Stance
from ._markdown import source_labels
from ._model import PlaceSummary, Report, build_report

if TYPE_CHECKING:
    from ..graph import ClaimGraph

__all__ = ["DEFAULT_TOP", "TileSource", "report_html"]

#: Places drawn in full (timeline, periods, evidence) by default; the rest are in the table.
DEFAULT_TOP = 50

#: Sources in the agreement matrix at most (those with most claims); all pairs are in a table.
MATRIX_SOURCES = 30

#: Evidence shown per undisputed period; disputed periods show all of theirs.
HELD_EVIDENCE = 20

_TEMPLATES = Path(__file__).with_name("templates")

_SIDE_COLOURS = {
    "government": "#c0392b",
    "opposition": "#27ae60",
    "isis": "#34495e",
    "kurdish": "#e1b12c",
    CONTESTED: "#8e44ad",
}
_OTHER_COLOURS = ("#2980b9", "#d35400", "#16a085", "#7f8c8d", "#c2185b", "#6d4c41")
_UNKNOWN_COLOUR = "#bdc3c7"

_TIMELINE_WIDTH = 900
_TIMELINE_LEFT = 10
_MAP_WIDTH = 800
_MAP_HEIGHT = 640

#: Web Mercator tiles: pixels a side, deepest zoom asked for, latitudes it can draw.
_TILE_SIZE = 256
_MAX_ZOOM = 18
_MERCATOR_LIMIT = 85.0511

_TILE_FIELDS = ("{z}", "{x}", "{y}")
_HOST_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789.-:[]")


@attrs.frozen(slots=True)
class TileSource:
    """Map tiles for the HTML report: an address template and the one host it names.

    ``template`` is an ``http``/``https`` address with ``{z}``, ``{x}`` and
    ``{y}`` for the zoom, column and row of a Web Mercator tile (the scheme
    of OpenStreetMap and most tile servers), for example
    ``https://tile.openstreetmap.org/{z}/{x}/{y}.png``. ``origin`` is the
    scheme and host the page may load images from. ``attribution`` is the
    credit the tile server asks for (OpenStreetMap's: "© OpenStreetMap
    contributors"), written in the corner of the map; by default the host.

    Examples
    --------
    >>> TileSource.parse("https://tile.openstreetmap.org/{z}/{x}/{y}.png").origin
    'https://tile.openstreetmap.org'
    >>> TileSource.parse("https://{s}.tiles.example/{z}/{x}/{y}.png")
    Traceback (most recent call last):
    ...
    claimgraph._errors.InputError: tiles: the host must be written out, one host (no {s} ...): 'https://{s}.tiles.example/{z}/{x}/{y}.png'
    """

    template: str
    origin: str
    attribution: str = ""

    @classmethod
    def parse(cls, template: str, attribution: str | None = None) -> TileSource:
        """Check a tile address template; :class:`InputError` says what is wrong with it."""
        try:
            parts = urlsplit(template)
        except ValueError as error:
            raise InputError(f"tiles: not an address: {template!r} ({error})") from None
        if parts.scheme not in ("http", "https"):
            raise InputError(f"tiles: expected an http or https address, got {template!r}")
        host = parts.netloc.lower()
        if not host or not set(host) <= _HOST_CHARACTERS:
            raise InputError(
                f"tiles: the host must be written out, one host (no {{s}} ...): {template!r}"
            )
        missing = [field for field in _TILE_FIELDS if field not in template]
        if missing:
            raise InputError(
                f"tiles: the address needs {', '.join(missing)} (zoom, column, row): {template!r}"
            )
        rest = template
        for field in _TILE_FIELDS:
            rest = rest.replace(field, "")
        if "{" in rest or "}" in rest or any(c.isspace() or c in "\"'<>" for c in rest):
            raise InputError(
                "tiles: only {z}, {x} and {y} may be filled in, and the address may hold "
                f"no spaces, quotes or angle brackets: {template!r}"
            )
        origin = f"{parts.scheme}://{host}"
        return cls(template=template, origin=origin, attribution=attribution or f"Tiles: {host}")

    def url(self, zoom: int, column: int, row: int) -> str:
        return (
            self.template.replace("{z}", str(zoom))
            .replace("{x}", str(column))
            .replace("{y}", str(row))
        )


def report_html(
    report: Report | ClaimGraph,
    *,
    top: int = DEFAULT_TOP,
    tiles: str | TileSource | None = None,
) -> str:
    """Render a report as one self-contained HTML page.

    ``report`` is a :class:`~claimgraph.reports.Report` (see
    :func:`~claimgraph.reports.build_report`) or a claim graph, built into
    one with the defaults. The ``top`` most disputed places are drawn in full;
    every place is in a table that can be sorted and filtered in the page.
    Needs the ``html`` extra (Jinja2).

    Parameters
    ----------
    report : Report or ClaimGraph
        What to render.
    top : int
        Places drawn in full (timeline, periods, evidence).
    tiles : str, TileSource or None
        A tile address template (see :class:`TileSource`): the map is drawn in
        Web Mercator over tiles from that host, named in the page's header,
        and the page's policy allows images from that host only. ``None``
        (the default): a plain background, and the page fetches nothing.

    Returns
    -------
    str
        The page.

    Raises
    ------
    MissingDependencyError
        When Jinja2 is not installed (``pip install 'claimgraph[html]'``).
    InputError
        When ``tiles`` is not a usable tile address template.

    Examples
    --------
    >>> from claimgraph.graph import ClaimGraph
    >>> from claimgraph.testing import make_claim
    >>> cg = ClaimGraph.build([make_claim("A", "Hilan", "army", on="2014-05-21"),
    ...                        make_claim("B", "<b>Hilan</b>", "rebels", on="2014-05-21")])
    >>> page = report_html(cg)
    >>> page.startswith("<!DOCTYPE html>"), "<b>Hilan" in page, "&lt;b&gt;Hilan" in page
    (True, False, True)
    """
    if top < 0:
        raise ValueError(f"top: expected a number of places >= 0, got {top}")
    if isinstance(tiles, str):
        tiles = TileSource.parse(tiles)
    if not isinstance(report, Report):
        report = build_report(report)
    jinja2: Any = import_optional("jinja2", "html", "the HTML report")
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(_TEMPLATES)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    script = (_TEMPLATES / "report.js").read_text(encoding="utf-8")
    style = (_TEMPLATES / "report.css").read_text(encoding="utf-8")
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    page: str = env.get_template("report.html.j2").render(
        **_view(report, top, tiles),
        tiles=tiles,
        script=jinja2.utils.markupsafe.Markup(script),
        style=jinja2.utils.markupsafe.Markup(style),
        script_hash=f"sha256-{digest}",
    )
    return page


# -- the view: plain dicts of text and numbers for the template -------------------------


class _Palette:
    """A colour per holder: the canonical sides fixed, other sides in order of appearance."""

    def __init__(self) -> None:
        self._others: dict[str, str] = {}

    def __call__(self, holder: str | None) -> str:
        if holder is None:
            return _UNKNOWN_COLOUR
        if holder in _SIDE_COLOURS:
            return _SIDE_COLOURS[holder]
        if holder not in self._others:
            self._others[holder] = _OTHER_COLOURS[len(self._others) % len(_OTHER_COLOURS)]
        return self._others[holder]

    def legend(self, holders: Sequence[str]) -> list[dict[str, str]]:
        order = [s for s in SIDES if s in holders] + sorted(h for h in holders if h not in SIDES)
        return [{"label": h, "colour": self(h)} for h in order]


def _view(report: Report, top: int, tiles: TileSource | None) -> dict[str, Any]:
    palette = _Palette()
    anchors = {p.place: f"place-{i}" for i, p in enumerate(report.places)}
    shown = report.places[:top]
    axis = _Axis(report.first_day, report.last_day)
    holders = sorted(
        {p.holder for s in report.places for p in s.timeline.periods if p.holder}
        | {s.current for s in report.places if s.current}
    )
    return {
        "title": report.title,
        "provenance": report.provenance,
        "generated": report.provenance.generated.strftime("%Y-%m-%d %H:%M UTC"),
        "counts": {
            "claims": report.claims,
            "sources": report.sources,
            "subjects": report.subjects,
            "places": len(report.places),
            "disputed_places": len(report.disputed_places),
            "control_disputes": len(report.control_disputes),
            "other_disputes": len(report.other_disputes),
            "revisions": report.revisions,
            "changes": sum(p.changes for p in report.places),
        },
        "span": report.span_text(),
        "window": report.window,
        "top": top,
        "ranked": [_place_row(p, anchors[p.place], i < top) for i, p in enumerate(report.places)],
        "leaders": [
            {"name": p.name, "anchor": anchors[p.place], "disputes": len(p.disputes)}
            for p in report.disputed_places[:10]
        ],
        "places": [
            _place_view(p, anchors[p.place], axis, palette, report.alignments) for p in shown
        ],
        "axis_ticks": axis.ticks(),
        "timeline_width": _TIMELINE_WIDTH + 2 * _TIMELINE_LEFT,
        "map": _map_view(report.places, anchors, top, palette, tiles),
        "legend": palette.legend(holders),
        "contested_colour": _SIDE_COLOURS[CONTESTED],
        "other_disputes": [
            _dispute_view(d, f"other-{i}", with_evidence=i < top)
            for i, d in enumerate(report.other_disputes)
        ],
        "matrix": _matrix_view(report),
        "sources": _sources_view(report),
        "pairs": [
            {
                "a": p.source_a,
                "b": p.source_b,
                "same_side": "yes" if p.same_side else "no",
                "compared": p.compared,
                "agree": p.agreements,
                "disagree": p.disagreements,
                "rate": _fixed(p.rate),
                "interval": f"{p.interval[0]:.2f}–{p.interval[1]:.2f}",
                "kappa": _fixed(p.kappa),
            }
            for p in report.agreement.pairs
        ],
        "merged": [{"name": n, "variants": ", ".join(v)} for n, v in report.merged_spellings],
        "not_scored": [
            f"{name}, {count} claim{'s' if count != 1 else ''}"
            for name, count in report.agreement.documents_not_scored.items()
        ],
        "weighing": _weighing(report),
    }


def _weighing(report: Report) -> str:
    """How the timelines weighed their sources, when they did."""
    weighed = next((p.timeline for p in report.places if p.timeline.method is not None), None)
    if weighed is None or weighed.threshold is None:
        return ""
    return (
        f"Sources are weighed by the trust truth discovery ({weighed.method}) gives them, "
        "and each period by the periods around it; the figure after a holder is its "
        f"probability. A period is disputed when no holder reaches {weighed.threshold:.2f}."
    )


def _place_row(p: PlaceSummary, anchor: str, linked: bool) -> dict[str, Any]:
    return {
        "name": p.name,
        "anchor": anchor if linked else None,
        "current": p.current or "unknown",
        "disputes": len(p.disputes),
        "disputed_days": p.disputed_days,
        "changes": p.changes,
        "revisions": p.revisions,
        "claims": p.claims,
        "sources": len(p.sources),
        "where": "" if not p.located else f"{p.lat:.3f}, {p.lon:.3f}",
    }


class _Axis:
    """Days to x positions on the timelines, shared by every place so they compare."""

    def __init__(self, first: dt.date | None, last: dt.date | None) -> None:
        self.first = first
        self.days = 1 if first is None or last is None else (last - first).days + 1

    def x(self, day: dt.date) -> float:
        assert self.first is not None
        offset = min(max((day - self.first).days, 0), self.days)
        return round(_TIMELINE_LEFT + _TIMELINE_WIDTH * offset / self.days, 1)

    def ticks(self, count: int = 6) -> list[dict[str, Any]]:
        if self.first is None:
            return []
        steps = min(count, self.days)
        days = sorted({round(self.days * i / steps) for i in range(steps + 1)})
        return [
            {
                "x": self.x(self.first + dt.timedelta(days=d)),
                "label": (self.first + dt.timedelta(days=d)).isoformat(),
                "anchor": "start" if i == 0 else ("end" if i == len(days) - 1 else "middle"),
            }
            for i, d in enumerate(days)
        ]


def _place_view(
    p: PlaceSummary,
    anchor: str,
    axis: _Axis,
    palette: _Palette,
    alignments: Any,
) -> dict[str, Any]:
    periods = []
    bands = []
    undated = 0
    for i, period in enumerate(p.timeline.periods):
        disputed = period.status is Status.DISPUTED
        if disputed:
            state = f"disputed ({', '.join(r.value for r in period.reasons)})"
            if period.likely is not None and period.confidence is not None:
                state += f"; likely {period.likely} ({period.confidence:.2f})"
        elif period.status is Status.HELD:
            state = period.holder or "held"
            if period.confidence is not None:
                state += f" ({period.confidence:.2f})"
            if period.is_corroborated(dict(alignments)):
                state += " (corroborated)"
        else:
            state = period.status.value
        period_id = f"{anchor}-period-{i}"
        claims = list(period.claims)
        limit = len(claims) if disputed else HELD_EVIDENCE
        periods.append(
            {
                "id": period_id,
                "start": _iso(period.start) or "undated",
                "end": _iso(period.end) or "",
                "state": state,
                "disputed": disputed,
                "sources": ", ".join(source_labels(period.sources, period.claims)),
                "claims": len(claims),
                "evidence": [_claim_view(c) for c in claims[:limit]],
                "hidden": max(len(claims) - limit, 0),
            }
        )
        if period.start is None:
            undated += 1
            continue
        last = max(period.end or period.start, period.start) + dt.timedelta(days=1)
        stop = period.until if period.until is not None and period.until > period.start else last
        x0 = axis.x(period.start)
        x1 = max(axis.x(stop), x0 + 2)
        label = "disputed" if disputed else (period.holder or "held")
        bands.append(
            {
                "href": f"#{period_id}",
                "x": x0,
                "width": round(x1 - x0, 1),
                "colour": _SIDE_COLOURS[CONTESTED] if disputed else palette(period.holder),
                "disputed": disputed,
                "title": f"{label}: {_iso(period.start)}"
                + (f" to {_iso(stop - dt.timedelta(days=1))}" if stop != period.start else "")
                + f", {len(claims)} claims from {len(period.sources)} sources",
            }
        )
    ticks = sorted(
        {
            axis.x(c.start): c.start.isoformat()
            for period in p.timeline.periods
            for c in period.claims
            if c.start is not None
        }.items()
    )
    changes = [
        {
            "x": axis.x(c.date),
            "title": f"changed hands {c.date.isoformat()}: {c.before} → {c.after}",
        }
        for c in p.timeline.changes
        if c.date is not None
    ]
    change_list = [
        f"{_iso(c.date) or 'undated'}: {c.before} → {c.after}"
        + (" (after a dispute)" if c.through_dispute else "")
        for c in p.timeline.changes
    ]
    return {
        "anchor": anchor,
        "name": p.name,
        "current": p.current or "unknown",
        "current_colour": palette(p.current),
        "disputes": [_dispute_view(d, f"{anchor}-dispute-{i}") for i, d in enumerate(p.disputes)],
        "disputed_days": p.disputed_days,
        "changes": p.changes,
        "change_marks": changes,
        "change_list": change_list,
        "revisions": p.revisions,
        "claims": p.claims,
        "sources": ", ".join(p.sources),
        "source_count": len(p.sources),
        "periods": periods,
        "bands": bands,
        "claim_ticks": [{"x": x, "title": day} for x, day in ticks],
        "undated": undated,
        "where": "" if not p.located else f"{p.lat:.3f}, {p.lon:.3f}",
    }


def _dispute_view(d: Dispute, anchor: str, *, with_evidence: bool = True) -> dict[str, Any]:
    if d.until is not None and d.ends_at_change:
        until = f"until {d.until.isoformat()}, when the claims change hands"
    elif d.until is not None:
        until = f"until {d.until.isoformat()}, when a source next gives one value"
    else:
        until = ""
    return {
        "anchor": anchor,
        "name": d.name,
        "property": d.property,
        "period": d.period_text(),
        "until": until,
        "reasons": ", ".join(r.value for r in d.reasons),
        "positions": [{"label": p.label, "sources": ", ".join(p.sources)} for p in d.positions],
        "claims": len(d.claims),
        "evidence": [_claim_view(c) for c in d.claims] if with_evidence else [],
    }


def _claim_view(c: Claim) -> dict[str, Any]:
    where = ""
    if c.doc is not None:
        where = c.doc + (f", sentence {c.sentence}" if c.sentence is not None else "")
    elif c.sentence is not None:
        where = f"sentence {c.sentence}"
    url = c.url
    return {
        "id": c.id,
        "source": c.source_label,
        "stance": "" if c.stance is Stance.ASSERTS else c.stance.value,
        "value": c.display_value,
        "property": c.property,
        "when": c.time_text() or "undated",
        "where": where,
        "url": url if url is not None and _safe_url(url) else None,
        "unlinked": url if url is not None and not _safe_url(url) else None,
        "text": (c.text or "").strip(),
    }


def _safe_url(url: str) -> bool:
    """Only web links are made clickable: ``javascript:`` and the like stay text."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def _map_view(
    places: Sequence[PlaceSummary],
    anchors: dict[str, str],
    top: int,
    palette: _Palette,
    tiles: TileSource | None = None,
) -> dict[str, Any]:
    located = [p for p in places if p.located]
    view: dict[str, Any] = {"points": [], "missing": len(places) - len(located), "tiles": []}
    if not located:
        return view
    lats = [p.lat for p in located if p.lat is not None]
    lons = [p.lon for p in located if p.lon is not None]
    # a margin in proportion to the spread, so a cluster of villages fills the map
    pad = max(0.15 * max(max(lats) - min(lats), max(lons) - min(lons)), 0.05)
    south, north = min(lats) - pad, max(lats) + pad
    west, east = min(lons) - pad, max(lons) + pad
    x: Callable[[float], float]
    y: Callable[[float], float]
    if tiles is None:
        x, y, width, height = _equirectangular(south, north, west, east)
    else:
        x, y, width, height, view["tiles"] = _over_tiles(south, north, west, east, tiles)
        view["attribution"] = tiles.origin
    lon_span, lat_span = east - west, north - south
    ranks = {p.place: i for i, p in enumerate(places)}
    for p in sorted(located, key=lambda p: -ranks[p.place]):  # most disputed drawn last, on top
        assert p.lat is not None
        assert p.lon is not None
        anchor = anchors[p.place] if ranks[p.place] < top else "all-places"
        view["points"].append(
            {
                "x": x(p.lon),
                "y": y(p.lat),
                "name": p.name,
                "href": f"#{anchor}",
                "colour": palette(p.current),
                "disputed": bool(p.disputes),
                "label": ranks[p.place] < 15,
                "title": f"{p.name}: {p.current or 'holder unknown'}"
                + (f", {len(p.disputes)} disputes" if p.disputes else ", never disputed"),
            }
        )
    step = _grid_step(max(lon_span, lat_span))
    view["width"] = round(width, 1)
    view["height"] = round(height, 1)
    view["meridians"] = [
        {"x": x(m), "label": _degrees(m, "E", "W")} for m in _multiples(west, east, step)
    ]
    view["parallels"] = [
        {"y": y(m), "label": _degrees(m, "N", "S")} for m in _multiples(south, north, step)
    ]
    return view


def _equirectangular(
    south: float, north: float, west: float, east: float
) -> tuple[Callable[[float], float], Callable[[float], float], float, float]:
    """Longitude and latitude to page x and y, true to scale at the middle latitude."""
    stretch = math.cos(math.radians((south + north) / 2)) or 1.0
    lon_span, lat_span = east - west, north - south
    height = _MAP_WIDTH * lat_span / (lon_span * stretch)
    if height > _MAP_HEIGHT:  # tall boxes: narrower, not taller
        width, height = _MAP_HEIGHT * lon_span * stretch / lat_span, float(_MAP_HEIGHT)
    else:
        width, height = float(_MAP_WIDTH), max(height, 160.0)

    def x(lon: float) -> float:
        return round((lon - west) / lon_span * width, 1)

    def y(lat: float) -> float:
        return round((north - lat) / lat_span * height, 1)

    return x, y, width, height


def _mercator_x(lon: float) -> float:
    """Longitude as a share of the Web Mercator world's width, from 180°W."""
    return (min(max(lon, -180.0), 180.0) + 180.0) / 360.0


def _mercator_y(lat: float) -> float:
    """Latitude as a share of the Web Mercator world's height, from the top."""
    phi = math.radians(min(max(lat, -_MERCATOR_LIMIT), _MERCATOR_LIMIT))
    return (1.0 - math.log(math.tan(phi) + 1.0 / math.cos(phi)) / math.pi) / 2.0


def _over_tiles(
    south: float, north: float, west: float, east: float, tiles: TileSource
) -> tuple[Callable[[float], float], Callable[[float], float], float, float, list[dict[str, Any]]]:
    """Web Mercator, as tile servers draw: the deepest zoom whose tiles cover the box
    in at most the map's size, scaled up to fill it, and the tiles that cover it."""
    left, right = _mercator_x(west), _mercator_x(east)
    top, bottom = _mercator_y(north), _mercator_y(south)
    share_x, share_y = max(right - left, 1e-9), max(bottom - top, 1e-9)
    zoom = 0
    while (
        zoom < _MAX_ZOOM
        and share_x * _TILE_SIZE * 2 ** (zoom + 1) <= _MAP_WIDTH
        and share_y * _TILE_SIZE * 2 ** (zoom + 1) <= _MAP_HEIGHT
    ):
        zoom += 1
    count = 2**zoom
    world = min(_MAP_WIDTH / share_x, _MAP_HEIGHT / share_y)  # the world's side in page pixels
    width, height = share_x * world, share_y * world

    def x(lon: float) -> float:
        return round((_mercator_x(lon) - left) * world, 1)

    def y(lat: float) -> float:
        return round((_mercator_y(lat) - top) * world, 1)

    side = world / count
    drawn = []
    for row in range(max(math.floor(top * count), 0), min(math.ceil(bottom * count), count)):
        for column in range(math.floor(left * count), math.ceil(right * count)):
            drawn.append(
                {
                    "href": tiles.url(zoom, column % count, row),
                    "x": round((column / count - left) * world, 1),
                    "y": round((row / count - top) * world, 1),
                    "side": round(side + 0.5, 1),  # half a pixel over: no seams between tiles
                }
            )
    return x, y, width, height, drawn


def _grid_step(span: float) -> float:
    for step in (0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 30.0):
        if span / step <= 8:
            return step
    return 45.0


def _multiples(low: float, high: float, step: float) -> list[float]:
    first = math.ceil(low / step)
    return [round(k * step, 6) for k in range(first, math.floor(high / step) + 1)]


def _degrees(value: float, positive: str, negative: str) -> str:
    return f"{abs(value):g}°{positive if value >= 0 else negative}"


def _matrix_view(report: Report) -> dict[str, Any]:
    ranked = sorted(report.agreement.sources, key=lambda s: (-s.claims, s.source.casefold()))
    names = [s.source for s in ranked[:MATRIX_SOURCES]]
    pairs = {}
    for p in report.agreement.pairs:
        pairs[p.source_a, p.source_b] = pairs[p.source_b, p.source_a] = p
    rows = []
    for a in names:
        cells = []
        for b in names:
            pair = pairs.get((a, b))
            if a == b:
                cells.append({"text": "", "colour": "#ecf0f1", "title": a})
            elif pair is None or pair.rate is None:
                cells.append({"text": "", "colour": "#ffffff", "title": f"{a} / {b}: no item"})
            else:
                low, high = pair.interval
                cells.append(
                    {
                        "text": f"{pair.rate:.2f}",
                        "colour": _rate_colour(pair.rate),
                        "title": f"{a} / {b}: agree on {pair.agreements} of {pair.compared} "
                        f"items, 95% interval {low:.2f}–{high:.2f}"
                        + (" (same side)" if pair.same_side else ""),
                    }
                )
        rows.append({"name": a, "cells": cells})
    return {
        "names": names,
        "rows": rows,
        "left_out": max(len(ranked) - len(names), 0),
    }


def _rate_colour(rate: float) -> str:
    """Red for sources that always disagree, through yellow, to green for full agreement."""
    return f"hsl({round(120 * rate)}, 65%, {round(82 - 12 * abs(rate - 0.5))}%)"


def _sources_view(report: Report) -> list[dict[str, Any]]:
    out = []
    for s in report.agreement.sources:
        trust = report.trust.get(s.source)
        row: dict[str, Any] = {
            "source": s.source,
            "alignment": s.alignment or "",
            "claims": s.claims,
            "independent": s.corroborated_independently,
            "same_side": s.corroborated_same_side,
            "contradicted": s.contradicted,
            "trust": None,
        }
        if trust is not None:
            row["trust"] = {
                "accuracy": f"{trust.accuracy:.2f}",
                "low": f"{trust.low:.2f}",
                "high": f"{trust.high:.2f}",
                "n": f"{trust.claims:g}",
                "x_low": round(2 + 116 * trust.low, 1),
                "x_high": round(2 + 116 * trust.high, 1),
                "x": round(2 + 116 * trust.accuracy, 1),
            }
        out.append(row)
    out.sort(key=lambda r: (-(float(r["trust"]["accuracy"]) if r["trust"] else -1), -r["claims"]))
    return out


def _fixed(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}"


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()
