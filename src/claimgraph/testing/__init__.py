"""Helpers for tests, examples and benchmarks: concise claims and synthetic claim sets.

:func:`make_claim` and :func:`claims_table` write claims tersely, :func:`graph_of`
builds their claim graph;
:func:`synthetic_claims` generates claim sets of any size whose truth is known
(places and their spellings, who held what when, casualty counts, source
reliability and copying), and :func:`write_synthetic` writes one to disk with a
truth file beside it. :func:`control_scores` and :func:`calibration_error` score a
truth-discovery result against such a truth; :func:`score_extraction` scores
claims read from a text against a hand annotation of it.
"""

from ._extraction import DOCUMENT, load_gold, place_key, score_extraction
from ._factory import DEFAULT_COLUMNS, claims_table, graph_of, make_claim
from ._names import skeleton, spelling_variants
from ._scoring import calibration_error, control_scores
from ._synthetic import SyntheticClaimSet, SyntheticOptions, synthetic_claims
from ._truth import ControlPeriod, NumericItem, SyntheticSource, SyntheticTruth, read_truth
from ._write import truth_path_for, write_claim_set, write_synthetic

__all__ = [
    "DEFAULT_COLUMNS",
    "DOCUMENT",
    "ControlPeriod",
    "NumericItem",
    "SyntheticClaimSet",
    "SyntheticOptions",
    "SyntheticSource",
    "SyntheticTruth",
    "calibration_error",
    "claims_table",
    "control_scores",
    "graph_of",
    "load_gold",
    "make_claim",
    "place_key",
    "read_truth",
    "score_extraction",
    "skeleton",
    "spelling_variants",
    "synthetic_claims",
    "truth_path_for",
    "write_claim_set",
    "write_synthetic",
]
