"""claimgraph: make sense of contradictory reporting about who holds which place.

Claims attributed to sources are read from tables or narrative text, their
places resolved across spellings, linked in a graph of contradiction and
corroboration, and summarized as disputed control and source agreement.
"""

from __future__ import annotations

__version__ = "0.1.0.dev0"

from ._errors import ClaimgraphError, InputError, InvalidClaimError, MissingDependencyError
from .io import read_claims, write_claims
from .model import (
    CONTESTED,
    CONTROL,
    SIDES,
    Claim,
    Precision,
    Source,
    SourceRegistry,
    Stance,
    canonical_side,
)

__all__ = [
    "CONTESTED",
    "CONTROL",
    "SIDES",
    "Claim",
    "ClaimgraphError",
    "InputError",
    "InvalidClaimError",
    "MissingDependencyError",
    "Precision",
    "Source",
    "SourceRegistry",
    "Stance",
    "__version__",
    "canonical_side",
    "read_claims",
    "write_claims",
]
