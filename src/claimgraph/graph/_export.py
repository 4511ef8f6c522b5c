"""Write the claim graph for Gephi (GraphML, GEXF) or as JSON node-link data.

The files are written straight from the claims and their relations, node by
node and edge by edge, without building the networkx graph or an XML tree in
memory: a million claims take a few seconds and little memory beyond the
claims themselves. :func:`flat_graph` gives the same nodes and attributes as a
networkx graph, for the networkx writers and for other tools.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import attrs
import networkx as nx

from .._errors import InputError
from .._gc import collector_paused
from ..io import atomic_write
from ._build import ClaimGraph, place_node, source_node
from ._relations import RelationKind
from ._xml import Column, XmlText, write_gexf_stream, write_graphml_stream

__all__ = [
    "EDGE_COLUMNS",
    "GRAPH_FORMATS",
    "NODE_COLUMNS",
    "GraphExport",
    "export_graph",
    "flat_graph",
]

GRAPH_FORMATS = ("graphml", "gexf", "json")

#: Node attributes of the graph files, with their declared types. Every node has
#: ``kind`` (``source``, ``place`` or ``claim``) and ``label``; sources and places
#: ``name``; sources ``alignment`` when known; places ``lat``, ``lon`` and
#: ``parent`` when the gazetteer gives them; claims the fields of
#: :meth:`Claim.to_record <claimgraph.Claim.to_record>` (``id`` as ``claim_id``),
#: those without a value left out.
NODE_COLUMNS: tuple[Column, ...] = (
    Column("kind", "string", repeated=True),
    Column("label", "string", repeated=True),
    Column("name", "string", repeated=True),
    Column("alignment", "string", repeated=True),
    Column("lat", "double"),
    Column("lon", "double"),
    Column("parent", "string", repeated=True),
    Column("claim_id", "string"),
    Column("source", "string", repeated=True),
    Column("subject", "string", repeated=True),
    Column("property", "string", repeated=True),
    Column("value", "string", repeated=True),
    Column("low", "double", repeated=True),
    Column("high", "double", repeated=True),
    Column("start", "string", repeated=True),
    Column("end", "string", repeated=True),
    Column("precision", "string", repeated=True),
    Column("stance", "string", repeated=True),
    Column("partial", "boolean"),
    Column("share", "double", repeated=True),
    Column("doc", "string"),
    Column("sentence", "long"),
    Column("text", "string"),
)
#: Edge attributes: ``kind`` is ``asserts`` (source -> claim), ``about``
#: (claim -> place) or a :class:`RelationKind` value (claim -> claim).
EDGE_COLUMNS: tuple[Column, ...] = (Column("kind", "string", repeated=True),)

_ASSERTS = {"kind": "asserts"}
_ABOUT = {"kind": "about"}
_RELATION = {kind: {"kind": kind.value} for kind in RelationKind}


@attrs.frozen(slots=True)
class GraphExport:
    """What :func:`export_graph` wrote.

    Attributes
    ----------
    path : Path
    format : str
        ``graphml``, ``gexf`` or ``json``.
    nodes, edges : int
        How many were written.
    replaced : int
        Characters that XML 1.0 cannot carry (C0 controls other than tab,
        newline and carriage return; U+FFFE, U+FFFF; lone surrogates), written
        as U+FFFD; in JSON, lone surrogates only (JSON escapes the rest).
    """

    path: Path
    format: str
    nodes: int
    edges: int
    replaced: int = 0


def _check_unique_ids(cg: ClaimGraph) -> None:
    seen: set[str] = set()
    for claim in cg.claims:
        if claim.id in seen:
            raise InputError(
                f"claim id {claim.id!r} is used by two claims; a graph file needs one node "
                "per claim, so ids must be unique",
                field="id",
            )
        seen.add(claim.id)


def _nodes(cg: ClaimGraph) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every node with its flat attributes: sources, places, then claims."""
    for name, alignment in cg.alignments.items():
        data: dict[str, Any] = {"kind": "source", "name": name}
        if alignment is not None:
            data["alignment"] = alignment
        data["label"] = name
        yield source_node(name), data
    if cg.places is None:
        for key in sorted({c.subject for c in cg.claims}):
            yield place_node(key), {"kind": "place", "name": key, "label": key}
    else:
        for place in cg.places.places:
            data = {"kind": "place", "name": place.name, "label": place.name}
            if place.lat is not None and place.lon is not None:
                data["lat"] = place.lat
                data["lon"] = place.lon
            if place.parent is not None:
                data["parent"] = place.parent
            yield place_node(place.id), data
    days: dict[Any, str] = {}  # ISO dates, written once each
    for c in cg.claims:
        data = {
            "kind": "claim",
            "label": f"{c.source}: {c.display_value}",
            "claim_id": c.id,
            "source": c.source,
            "subject": c.subject,
            "property": c.property,
        }
        if c.value is not None:
            data["value"] = c.value
        if c.low is not None:
            data["low"] = float(c.low)
        if c.high is not None:
            data["high"] = float(c.high)
        if c.start is not None:
            data["start"] = days.get(c.start) or days.setdefault(c.start, c.start.isoformat())
        if c.end is not None:
            data["end"] = days.get(c.end) or days.setdefault(c.end, c.end.isoformat())
        data["precision"] = c.precision.value
        data["stance"] = c.stance.value
        if c.partial:
            data["partial"] = True
        if c.share is not None:
            data["share"] = float(c.share)
        if c.alignment is not None:
            data["alignment"] = c.alignment
        if c.doc is not None:
            data["doc"] = c.doc
        if c.sentence is not None:
            data["sentence"] = c.sentence
        if c.text is not None:
            data["text"] = c.text
        yield f"claim:{c.id}", data


def _edges(cg: ClaimGraph) -> Iterator[tuple[str, str, dict[str, str]]]:
    """Every edge with its kind: asserts, about, then the relations between claims."""
    sources = {name: source_node(name) for name in cg.alignments}
    for c in cg.claims:
        yield sources[c.source], f"claim:{c.id}", _ASSERTS
    key_of: dict[str, str] = {}
    for c in cg.claims:
        place = key_of.get(c.subject)
        if place is None:
            place = key_of[c.subject] = place_node(cg.place_key(c))
        yield f"claim:{c.id}", place, _ABOUT
    kinds = _RELATION
    for relation in cg.relations:
        # claim_node(), inlined: millions of edges
        yield f"claim:{relation.source.id}", f"claim:{relation.target.id}", kinds[relation.kind]


def flat_graph(cg: ClaimGraph) -> nx.DiGraph:
    """The claim graph with attributes that are all strings, numbers or booleans.

    The nodes and edges of ``cg.graph``; claim nodes carry the claim's fields
    (``None`` fields left out) instead of the :class:`Claim`, as GraphML, GEXF
    and Gephi need scalar attributes. These are the attributes
    :func:`export_graph` writes (:data:`NODE_COLUMNS`, :data:`EDGE_COLUMNS`).

    Examples
    --------
    >>> from claimgraph.testing import make_claim
    >>> cg = ClaimGraph.build([make_claim("SANA", "Zitan", "army", on="2016-06-10")])
    >>> g = flat_graph(cg)
    >>> sorted(g.nodes)
    ['claim:...', 'place:zitan', 'source:SANA']
    >>> g.nodes["place:zitan"]
    {'kind': 'place', 'name': 'Zitan', 'label': 'Zitan'}
    """
    g = nx.DiGraph()
    g.add_nodes_from(_nodes(cg))
    g.add_edges_from(_edges(cg))
    return g


def export_graph(cg: ClaimGraph, path: str | Path, *, fmt: str | None = None) -> GraphExport:
    """Write the graph to ``path`` as GraphML, GEXF or JSON node-link data.

    The format follows the suffix (``.graphml``, ``.gexf``, ``.json``) unless
    ``fmt`` is given. Nodes and edges are written as they are produced, so
    memory stays small whatever the size; the file is written whole or not at
    all. Attributes are declared once each with one type (:data:`NODE_COLUMNS`,
    :data:`EDGE_COLUMNS`). In GEXF, ``label`` and the claims' ``start`` and
    ``end`` dates are the nodes' own attributes, so Gephi's timeline shows
    each claim on its days. Characters XML 1.0 cannot carry become U+FFFD and
    are counted in :attr:`GraphExport.replaced`.

    Raises
    ------
    InputError
        When the format cannot be told from the name, or two claims share an id.

    Examples
    --------
    >>> import networkx as nx, tempfile, pathlib
    >>> from claimgraph.testing import make_claim
    >>> cg = ClaimGraph.build([make_claim("SANA", "Zitan", "army", on="2016-06-10"),
    ...                        make_claim("SOHR", "Zitan", "rebels", on="2016-06-11")])
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "claims.graphml"
    >>> done = export_graph(cg, path)
    >>> done.format, done.nodes, done.edges, done.replaced
    ('graphml', 5, 5, 0)
    >>> sorted(kind for _, _, kind in nx.read_graphml(path).edges(data="kind"))
    ['about', 'about', 'asserts', 'asserts', 'contradicts']
    """
    path = Path(path)
    chosen = fmt or path.suffix.lower().lstrip(".")
    if chosen not in GRAPH_FORMATS:
        raise InputError(
            f"cannot tell the graph format from {path.name!r}; use a .graphml, .gexf or "
            ".json file name or --format",
            path=str(path),
        )
    _check_unique_ids(cg)
    text = XmlText()
    # millions of short-lived objects and no cycles: the collector would only rescan
    with collector_paused(), atomic_write(path) as handle:
        if chosen == "json":
            nodes, edges, replaced = _write_json(handle, cg)
        elif chosen == "graphml":
            nodes, edges = write_graphml_stream(
                handle, NODE_COLUMNS, EDGE_COLUMNS, _nodes(cg), _edges(cg), text=text
            )
            replaced = text.replaced
        else:
            dated = any(c.start is not None or c.end is not None for c in cg.claims)
            nodes, edges = write_gexf_stream(
                handle,
                NODE_COLUMNS,
                EDGE_COLUMNS,
                _nodes(cg),
                _edges(cg),
                dated=dated,
                text=text,
            )
            replaced = text.replaced
    return GraphExport(path, chosen, nodes, edges, replaced)


_SURROGATE = re.compile("[\ud800-\udfff]")
_JSON_BATCH = 4096


def _json_safe(data: dict[str, Any]) -> dict[str, Any]:
    """JSON has no infinities: they are written as the strings "INF" and "-INF"."""
    for name in ("low", "high", "share"):
        value = data.get(name)
        if value is not None and math.isinf(value):
            data = {**data, name: "INF" if value > 0 else "-INF"}
    return data


def _write_json(handle: IO[str], cg: ClaimGraph) -> tuple[int, int, int]:
    """networkx node-link JSON (``edges="edges"``), one node or edge a line."""
    encode = json.JSONEncoder(ensure_ascii=False, allow_nan=False).encode
    replaced = 0

    def clean(line: str) -> str:
        nonlocal replaced
        if _SURROGATE.search(line) is not None:
            line, count = _SURROGATE.subn("\ufffd", line)
            replaced += count
        if "\u2028" in line or "\u2029" in line:
            # valid JSON, but they end lines in JavaScript and for str.splitlines
            line = line.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
        return line

    lines: list[str] = ['{"directed": true, "multigraph": false, "graph": {}, "nodes": [\n']
    n_nodes = n_edges = 0
    for node, data in _nodes(cg):
        lines.append((",\n" if n_nodes else "") + clean(encode({**_json_safe(data), "id": node})))
        n_nodes += 1
        if len(lines) >= _JSON_BATCH:
            handle.write("".join(lines))
            lines.clear()
    lines.append('\n], "edges": [\n')
    heads: dict[int, tuple[dict[str, str], str]] = {}  # edge data, shared per kind
    for source, target, data in _edges(cg):
        found = heads.get(id(data))
        if found is None or found[0] is not data:
            if len(heads) >= 64:
                heads.clear()
            head = clean(encode(data))[:-1] + (", " if data else "")
            found = heads[id(data)] = (data, head)
        separator = ",\n" if n_edges else ""
        lines.append(
            f'{separator}{found[1]}"source": {clean(encode(source))}, '
            f'"target": {clean(encode(target))}}}'
        )
        n_edges += 1
        if len(lines) >= _JSON_BATCH:
            handle.write("".join(lines))
            lines.clear()
    lines.append("\n]}\n")
    handle.write("".join(lines))
    return n_nodes, n_edges, replaced
