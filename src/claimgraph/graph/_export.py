"""Write the claim graph for Gephi (GraphML, GEXF) or as JSON node-link data."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx

from .._errors import InputError
from ..io import atomic_write
from ._build import ClaimGraph

__all__ = ["GRAPH_FORMATS", "export_graph", "flat_graph"]

GRAPH_FORMATS = ("graphml", "gexf", "json")


def flat_graph(cg: ClaimGraph) -> nx.DiGraph:
    """A copy of ``cg.graph`` whose attributes are all strings, numbers or booleans.

    Claim nodes get the claim's fields (``None`` fields left out), as Gephi and
    GraphML need scalar attributes.
    """
    g = nx.DiGraph()
    for node, data in cg.graph.nodes(data=True):
        attributes: dict[str, Any] = {"kind": data["kind"]}
        if data["kind"] == "claim":
            record = data["claim"].to_record()
            record["claim_id"] = record.pop("id")
            attributes.update(record)
            attributes["label"] = f"{record['source']}: {data['claim'].display_value}"
        else:
            attributes.update({k: v for k, v in data.items() if v is not None})
            attributes["label"] = data.get("name", node)
        g.add_node(node, **attributes)
    g.add_edges_from(cg.graph.edges(data=True))
    return g


def export_graph(cg: ClaimGraph, path: str | Path, *, fmt: str | None = None) -> str:
    """Write the graph to ``path`` as GraphML, GEXF or JSON; return the format used.

    The format follows the suffix (``.graphml``, ``.gexf``, ``.json``) unless
    ``fmt`` is given. The file is written whole or not at all.
    """
    path = Path(path)
    chosen = fmt or path.suffix.lower().lstrip(".")
    if chosen not in GRAPH_FORMATS:
        raise InputError(
            f"cannot tell the graph format from {path.name!r}; use a .graphml, .gexf or "
            ".json file name or --format",
            path=str(path),
        )
    g = flat_graph(cg)
    if chosen == "json":
        data = nx.node_link_data(g, edges="edges")
        with atomic_write(path) as handle:
            json.dump(data, handle, ensure_ascii=False, indent=1)
        return chosen
    writer = nx.write_graphml if chosen == "graphml" else nx.write_gexf
    with atomic_write(path, binary=True) as handle:
        writer(g, handle)
    return chosen
