"""The claim model: claims, stances, time precision, sides and sources."""

from ._claim import (
    CONTROL,
    RECORD_FIELDS,
    Claim,
    Precision,
    Stance,
    parse_bounds,
    parse_date,
    parse_number,
)
from ._sides import CONTESTED, SIDES, canonical_side, declare_side, declared_sides, fold
from ._source import INDEPENDENT, Source, SourceKind, SourceRegistry, independent_of

__all__ = [
    "CONTESTED",
    "CONTROL",
    "INDEPENDENT",
    "RECORD_FIELDS",
    "SIDES",
    "Claim",
    "Precision",
    "Source",
    "SourceKind",
    "SourceRegistry",
    "Stance",
    "canonical_side",
    "declare_side",
    "declared_sides",
    "fold",
    "independent_of",
    "parse_bounds",
    "parse_date",
    "parse_number",
]
