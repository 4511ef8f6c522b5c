"""The claim graph: episodes in time, relations between claims, networkx export."""

from ._build import ClaimGraph, claim_node, place_node, source_node
from ._changes import CHANGE_RATE, split_changes
from ._episodes import Episode, claim_order, group_episodes
from ._export import (
    EDGE_COLUMNS,
    GRAPH_FORMATS,
    NODE_COLUMNS,
    GraphExport,
    export_graph,
    flat_graph,
)
from ._relations import (
    Relation,
    RelationKind,
    all_relations,
    compatible_values,
    relate,
    relations_in,
)
from ._time import DEFAULT_WINDOW, comparable_periods, count_scopes, day_span, gap_days

__all__ = [
    "CHANGE_RATE",
    "DEFAULT_WINDOW",
    "EDGE_COLUMNS",
    "GRAPH_FORMATS",
    "NODE_COLUMNS",
    "ClaimGraph",
    "Episode",
    "GraphExport",
    "Relation",
    "RelationKind",
    "all_relations",
    "claim_node",
    "claim_order",
    "comparable_periods",
    "compatible_values",
    "count_scopes",
    "day_span",
    "export_graph",
    "flat_graph",
    "gap_days",
    "group_episodes",
    "place_node",
    "relate",
    "relations_in",
    "source_node",
    "split_changes",
]
