"""Truth discovery: which value of each item is true, and how far to trust each source.

Claims are grouped into items (subject, property and, for values that change,
period); methods from the data-fusion literature weigh the sources' votes by
their estimated trust, iterating to a fixed point. See docs/truth-discovery.md.
"""

from ...graph._changes import CHANGE_RATE, split_changes
from ._discover import (
    DEFAULT_METHOD,
    METHODS,
    TruthMethod,
    discover,
    discover_graph,
    get_method,
)
from ._echo import discount_echoes, echo_dependence, echo_rates
from ._names import FILLER_WORDS, name_words
from ._options import TruthOptions
from ._periods import claim_periods
from ._result import DEFAULT_MIN_CONFIDENCE, Decision, ItemResult, SourceTrust, TruthResult

__all__ = [
    "CHANGE_RATE",
    "DEFAULT_METHOD",
    "DEFAULT_MIN_CONFIDENCE",
    "FILLER_WORDS",
    "METHODS",
    "Decision",
    "ItemResult",
    "SourceTrust",
    "TruthMethod",
    "TruthOptions",
    "TruthResult",
    "claim_periods",
    "discount_echoes",
    "discover",
    "discover_graph",
    "echo_dependence",
    "echo_rates",
    "get_method",
    "name_words",
    "split_changes",
]
