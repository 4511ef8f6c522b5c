"""Scoring sources: pairwise agreement and per-source figures.

Truth discovery (source reliability) lives in :mod:`claimgraph.scoring.truth`.
"""

from ._agreement import (
    Agreement,
    PairAgreement,
    SourceFigures,
    source_agreement,
    wilson_interval,
)

__all__ = ["Agreement", "PairAgreement", "SourceFigures", "source_agreement", "wilson_interval"]
