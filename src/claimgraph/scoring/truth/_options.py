"""The options of :func:`discover`: their defaults and checks, in one place."""

from __future__ import annotations

from collections.abc import Callable, Collection, Hashable, Mapping
from numbers import Integral
from typing import Any, Literal, TypedDict

import attrs

from ..._errors import InvalidClaimError
from ...graph._changes import CHANGE_RATE
from ...model import CONTROL, Claim
from ._core import COPY_MODELS, PART_SIMILARITIES
from ._periods import DEFAULT_WINDOW
from ._result import DEFAULT_MIN_CONFIDENCE

__all__ = ["GraphKeywords", "TruthKeywords", "TruthOptions"]


def _one_of(choices: tuple[str, ...]) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    def check(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value not in choices:
            raise InvalidClaimError(attribute.name, f"one of {', '.join(choices)}", value)

    return check


def _at_least_one(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not (isinstance(value, Integral) and int(value) >= 1):
        raise InvalidClaimError(attribute.name, "a whole number >= 1", value)


def _false_values(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value != "observed" and not (isinstance(value, int | float) and value >= 1):
        raise InvalidClaimError(attribute.name, 'a number >= 1 or "observed"', value)


def _open_unit_or_none(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and not (isinstance(value, int | float) and 0 < value < 1):
        raise InvalidClaimError(attribute.name, "a number in (0, 1) or None", value)


def _trusts(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    for name, trust in (value or {}).items():
        if not (isinstance(trust, int | float) and 0 <= trust <= 1):
            raise InvalidClaimError(f"{attribute.name}[{name!r}]", "a number in [0, 1]", trust)


def _threshold(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not (isinstance(value, int | float) and not isinstance(value, bool) and 0 <= value < 1):
        raise InvalidClaimError(attribute.name, "a number in [0, 1)", value)


def _frozen(values: Collection[str]) -> frozenset[str]:
    return frozenset(values)


@attrs.frozen(slots=True, kw_only=True)
class TruthOptions:
    """How :func:`discover` builds items and weighs sources; every default lives here.

    :func:`discover` and :func:`discover_graph` take these as keywords
    (``discover(claims, method="accu", tolerance=5)``); a value outside its
    domain raises :class:`claimgraph.InvalidClaimError` naming the option.

    Attributes
    ----------
    tolerance, relative_tolerance : float, optional
        Numbers closer than this (absolute), or than this share of the larger
        one, are the same value.
    prior_trust : mapping of source to float in [0, 1], optional
        Known trust of some sources, kept fixed (Accu, AccuCopy, TruthFinder);
        a starting trust for Sums, AverageLog and the Investments; unused by vote.
    known_truth : mapping of (subject, property) to value, optional
        Values known to be true; the other values of those items are false.
    item_key : callable, optional
        Groups claims into items; default (subject, property, period), the
        period from the claims' times (see ``window``).
    window : int or None
        Claims of one subject and property at most this many days apart are
        about the same period; ``None`` ignores time.
    separator : str, optional
        String values are sets of parts separated by this ("a; b"); partly
        overlapping sets lend each other belief (TruthFinder, Accu).
    max_iterations : int
    false_values : float or "observed"
        Number of false values an item may take (Accu, AccuCopy). ``"observed"``
        (the default): a wrong source gave one of the item's other observed
        values, as in Pasternack & Roth's latent credibility analysis; a source
        right less than half the time on a two-value item then argues for the
        other value. That closed world chooses among the values given;
        confidence is still judged with 10 values nobody gave among the
        alternatives (the truth may be one of them).
    per_property : bool
        Accu and AccuCopy give a source one accuracy per property (a site may
        be right on schedules and systematically off on departure times),
        shrunk towards its accuracy over all properties, and judge copying per
        property. ``False``: one accuracy per source.
    part_similarity : {"jaccard", "containment"}
        With ``separator``, how much a set of parts supports another set of
        its item (TruthFinder, Accu, AccuCopy): their Jaccard overlap, or
        (``"containment"``) the share of the supporting set found in the
        other, so an incomplete list fully supports the lists completing it.
    changing : collection of str
        Properties whose value changes over time (default: control). Their
        periods are also cut where the values claimed change, when a change
        explains the claims far better than one value would (a penalized
        likelihood with the prior odds of a change; see
        :func:`claimgraph.scoring.truth.split_changes`).
    change_rate : float
        Prior number of changes per day for ``changing`` properties (default
        1/90: a place changes hands about once a quarter); 0 never cuts.
        :func:`discover_graph` takes neither: a claim graph's episodes are
        already cut by this rule (see :meth:`ClaimGraph.build
        <claimgraph.graph.ClaimGraph.build>`).
    prior_accuracy : float in (0, 1) or None
        Accuracy that Accu and AccuCopy expect of a source before its claims are
        weighed (worth two claims); ``None`` learns it from the data as the mean
        accuracy of the sources on contested items, so that sources seen once
        weigh what such sources are worth in these data.
        The latent credibility analyses (``simple_lca``, ``guess_lca``,
        ``mistake_lca``) start every source's honesty here (0.8 for ``None``)
        and learn it by maximum likelihood.
    copy_per_source : bool
        With ``per_property``, AccuCopy still judges copying between whole
        sources (over all their properties) and discounts every property's
        votes by it.
    copy_model : {"rate", "posterior"}
        How AccuCopy measures copying between two sources. ``"rate"``
        (default): the share of their shared items where one echoes the other
        (an EM estimate), minus the rate of the typical pair (a common feed or
        items everybody gets right together is not echo); a vote whose value
        is also given by sources it echoes with total rate e counts 1 / (1 + e).
        ``"posterior"``: Dong et al.'s probability that the pair copies at all,
        which on large data is near 0 or 1 for every pair.
    echoes : bool
        On by default. Before any method runs, divide each supporting vote by one plus its
        source's echo rates with the other sources giving the same value (see
        :func:`claimgraph.scoring.truth.discount_echoes`): sources that agree
        more often than two independent 99%-accurate sources could count
        about as one. AccuCopy, which discounts copies itself, instead takes
        these echo rates as its first judgement of copying, where it would
        otherwise judge from vote-like beliefs (which side with the largest
        group of copies).
    documents : bool
        Whether a document that makes claims in its own voice (``source_kind``
        document: no attribution) is listed and scored among the sources
        (``TruthResult.trust``, ``sources``). Default ``False``: its claims
        weigh in the items like any others, but a report is not scored among
        the outlets it reports on; it is named in
        ``TruthResult.documents_not_scored``.
    min_confidence : float in [0, 1)
        An item's most likely value is its answer only when its probability
        (:attr:`ItemResult.confidence`) is above this; otherwise the item is
        undecided, with its competing values and their probabilities (default
        0.5: more likely right than wrong; see docs/truth-discovery.md). 0
        answers every item that has support, as the data-fusion literature
        scores methods.

    Examples
    --------
    >>> TruthOptions(tolerance=5).window
    3
    >>> TruthOptions(copy_model="echo")
    Traceback (most recent call last):
    ...
    claimgraph._errors.InvalidClaimError: copy_model: expected one of rate, posterior, got 'echo'
    """

    tolerance: float | None = None
    relative_tolerance: float | None = None
    prior_trust: Mapping[str, float] | None = attrs.field(default=None, validator=_trusts)
    known_truth: Mapping[tuple[str, str], str] | None = None
    item_key: Callable[[Claim], Hashable] | None = None
    window: int | None = DEFAULT_WINDOW
    separator: str | None = None
    max_iterations: int = attrs.field(default=100, validator=_at_least_one)
    false_values: float | Literal["observed"] = attrs.field(
        default="observed", validator=_false_values
    )
    per_property: bool = True
    part_similarity: str = attrs.field(default="jaccard", validator=_one_of(PART_SIMILARITIES))
    changing: frozenset[str] = attrs.field(default=(CONTROL,), converter=_frozen)
    change_rate: float = CHANGE_RATE
    prior_accuracy: float | None = attrs.field(default=0.8, validator=_open_unit_or_none)
    copy_per_source: bool = False
    copy_model: str = attrs.field(default="rate", validator=_one_of(COPY_MODELS))
    echoes: bool = True
    min_confidence: float = attrs.field(default=DEFAULT_MIN_CONFIDENCE, validator=_threshold)
    documents: bool = False


class GraphKeywords(TypedDict, total=False):
    """:class:`TruthOptions` as keywords of :func:`discover_graph` (no item_key, window,
    changing, change_rate: the graph's episodes are the periods)."""

    tolerance: float | None
    relative_tolerance: float | None
    prior_trust: Mapping[str, float] | None
    known_truth: Mapping[tuple[str, str], str] | None
    separator: str | None
    max_iterations: int
    false_values: float | Literal["observed"]
    per_property: bool
    part_similarity: str
    prior_accuracy: float | None
    copy_per_source: bool
    copy_model: str
    echoes: bool
    min_confidence: float
    documents: bool


class TruthKeywords(GraphKeywords, total=False):
    """:class:`TruthOptions` as keywords of :func:`discover` (for type checkers)."""

    item_key: Callable[[Claim], Hashable] | None
    window: int | None
    changing: Collection[str]
    change_rate: float
