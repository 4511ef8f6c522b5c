"""claimgraph: make sense of contradictory reporting about who holds which place.

Claims attributed to sources are read from tables or narrative text, their
places resolved across spellings, linked in a graph of contradiction and
corroboration, and summarized as disputed control and source agreement.
"""

from __future__ import annotations

__version__ = "0.1.0.dev0"

from ._errors import (
    AlignmentWarning,
    ClaimgraphError,
    ClaimgraphWarning,
    InputError,
    InvalidClaimError,
    MissingDependencyError,
)
from .data import example_claims
from .disputes import Dispute, Timeline, build_timelines, find_disputes
from .graph import ClaimGraph, Relation, RelationKind, export_graph
from .io import read_claims, write_claims
from .model import (
    CONTESTED,
    CONTROL,
    SIDES,
    Claim,
    Precision,
    Source,
    SourceKind,
    SourceRegistry,
    Stance,
    canonical_side,
    declare_side,
)
from .places import Gazetteer, PlaceIndex, resolve_places
from .scoring import Agreement, source_agreement
from .scoring.truth import METHODS, TruthResult, discover
from .text import extract_file, extract_text

__all__ = [
    "CONTESTED",
    "CONTROL",
    "METHODS",
    "SIDES",
    "Agreement",
    "AlignmentWarning",
    "Claim",
    "ClaimGraph",
    "ClaimgraphError",
    "ClaimgraphWarning",
    "Dispute",
    "Gazetteer",
    "InputError",
    "InvalidClaimError",
    "MissingDependencyError",
    "PlaceIndex",
    "Precision",
    "Relation",
    "RelationKind",
    "Source",
    "SourceKind",
    "SourceRegistry",
    "Stance",
    "Timeline",
    "TruthResult",
    "__version__",
    "build_timelines",
    "canonical_side",
    "declare_side",
    "discover",
    "example_claims",
    "export_graph",
    "extract_file",
    "extract_text",
    "find_disputes",
    "read_claims",
    "resolve_places",
    "source_agreement",
    "write_claims",
]
