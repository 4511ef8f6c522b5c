"""The entry point: :func:`discover` and the table of methods."""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Hashable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal

import attrs
import numpy as np

from ..._errors import InvalidClaimError
from ...model import CONTROL, Claim, fold
from ._accu import accu, accu_copy
from ._changes import CHANGE_RATE
from ._core import COPY_MODELS, PART_SIMILARITIES, Estimate, Settings
from ._echo import discount_echoes
from ._investment import investment, pooled_investment
from ._items import Problem, build_problem
from ._periods import DEFAULT_WINDOW, PeriodTable, episode_table
from ._result import TruthResult, build_result
from ._sums import average_log, sums
from ._truthfinder import truthfinder
from ._vote import vote

if TYPE_CHECKING:
    from ...graph import ClaimGraph

__all__ = ["DEFAULT_METHOD", "METHODS", "TruthMethod", "discover", "discover_graph", "get_method"]


@attrs.frozen(slots=True)
class TruthMethod:
    """A named truth-discovery method: ``run(problem, settings) -> Estimate``."""

    name: str
    description: str
    run: Callable[[Problem, Settings], Estimate]


_ALL = (
    TruthMethod("vote", "majority vote; ties go to the value seen first", vote),
    TruthMethod("sums", "Sums / hubs and authorities (Pasternack & Roth 2010)", sums),
    TruthMethod("average_log", "AverageLog (Pasternack & Roth 2010)", average_log),
    TruthMethod("investment", "Investment (Pasternack & Roth 2010)", investment),
    TruthMethod(
        "pooled_investment", "PooledInvestment (Pasternack & Roth 2010)", pooled_investment
    ),
    TruthMethod("truthfinder", "TruthFinder with value similarity (Yin et al. 2007)", truthfinder),
    TruthMethod("accu", "Bayesian source accuracy, AccuSim (Dong et al. 2009)", accu),
    TruthMethod(
        "accu_copy", "Accu discounting sources that copy each other (Dong et al. 2009)", accu_copy
    ),
)

#: Method name -> one-line description.
METHODS: dict[str, str] = {m.name: m.description for m in _ALL}
_BY_NAME = {m.name: m for m in _ALL}
#: The method with the best measured accuracy (docs/benchmarks.md).
DEFAULT_METHOD = "accu_copy"


def get_method(name: str) -> TruthMethod:
    """The method called ``name``; raises InvalidClaimError listing the choices."""
    try:
        return _BY_NAME[name]
    except KeyError:
        raise InvalidClaimError("method", f"one of {', '.join(METHODS)}", name) from None


def discover(
    claims: Sequence[Claim],
    *,
    method: str = DEFAULT_METHOD,
    tolerance: float | None = None,
    relative_tolerance: float | None = None,
    prior_trust: Mapping[str, float] | None = None,
    known_truth: Mapping[tuple[str, str], str] | None = None,
    item_key: Callable[[Claim], Hashable] | None = None,
    window: int | None = DEFAULT_WINDOW,
    separator: str | None = None,
    max_iterations: int = 100,
    false_values: float | Literal["observed"] = 10.0,
    per_property: bool = True,
    part_similarity: str = "jaccard",
    changing: Collection[str] = (CONTROL,),
    change_rate: float = CHANGE_RATE,
    prior_accuracy: float | None = 0.8,
    copy_per_source: bool = False,
    copy_model: str = "rate",
    echoes: bool = False,
) -> TruthResult:
    """Find the most likely value of each item and how far each source can be trusted.

    Parameters
    ----------
    claims : sequence of Claim
    method : str
        A key of :data:`METHODS`.
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
    changing : collection of str
        Properties whose value changes over time (default: control). Their
        periods are also cut where the values claimed change, when a change
        explains the claims far better than one value would (a penalized
        likelihood with the prior odds of a change; see
        :func:`claimgraph.scoring.truth.split_changes`).
    change_rate : float
        Prior number of changes per day for ``changing`` properties (default
        1/90: a place changes hands about once a quarter); 0 never cuts.
    separator : str, optional
        String values are sets of parts separated by this ("a; b"); partly
        overlapping sets lend each other belief (TruthFinder, Accu).
    max_iterations : int
    false_values : float or "observed"
        Number of false values an item may take (Accu, AccuCopy). ``"observed"``:
        a wrong source gave one of the item's other observed values, as in
        Pasternack & Roth's latent credibility analysis; a source right less than
        half the time on a two-value item then argues for the other value.
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
    prior_accuracy : float in (0, 1) or None
        Accuracy that Accu and AccuCopy expect of a source before its claims are
        weighed (worth two claims); ``None`` learns it from the data as the mean
        accuracy of the sources on contested items, so that sources seen once
        weigh what such sources are worth in these data.
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
        Before any method runs, divide each vote by one plus its source's echo
        rates with the other sources giving the same value (see
        :func:`claimgraph.scoring.truth.discount_echoes`): sources that agree
        more often than two independent 99%-accurate sources could count
        about as one. Applies to every method.

    Returns
    -------
    TruthResult

    Examples
    --------
    >>> from claimgraph.model import Claim
    >>> rows = [("A", "Kobani", "kurdish"), ("B", "Kobani", "kurdish"),
    ...         ("C", "Kobani", "isis"), ("A", "Tal Abyad", "kurdish"),
    ...         ("C", "Tal Abyad", "isis")]
    >>> claims = [Claim.from_record({"source": s, "subject": p, "property": "control",
    ...           "value": v}) for s, p, v in rows]
    >>> result = discover(claims, method="accu")
    >>> [(i.subject, i.value) for i in result.items]
    [('Kobani', 'kurdish'), ('Tal Abyad', 'kurdish')]
    >>> result.trust["A"] > result.trust["C"]
    True
    """
    return _discover(
        claims,
        method=method,
        tolerance=tolerance,
        relative_tolerance=relative_tolerance,
        prior_trust=prior_trust,
        known_truth=known_truth,
        item_key=item_key,
        window=window,
        separator=separator,
        max_iterations=max_iterations,
        false_values=false_values,
        per_property=per_property,
        part_similarity=part_similarity,
        changing=changing,
        change_rate=change_rate,
        prior_accuracy=prior_accuracy,
        copy_per_source=copy_per_source,
        copy_model=copy_model,
        echoes=echoes,
    )


def discover_graph(
    graph: ClaimGraph,
    *,
    method: str = DEFAULT_METHOD,
    **options: Any,
) -> TruthResult:
    """:func:`discover` on a claim graph's items: its resolved places and episodes.

    Spellings of one place are one subject, shown by the place's name (its
    subjects as written when the graph was built without place resolution);
    each episode (the graph's ``window``) is one period, with timeless claims
    in every episode of their place and property, as :func:`discover` puts them
    in every period. The episodes are taken as they are, the periods of the
    graph's disputes and reports: they are not cut where control changes
    (``changing``, ``change_rate`` do not apply). Sources carry the graph's
    canonical names. ``options``
    are :func:`discover`'s, except ``item_key`` and ``window`` (the graph's
    episodes are the periods); ``known_truth`` is keyed by place name.

    Examples
    --------
    >>> from claimgraph.graph import ClaimGraph
    >>> from claimgraph.testing import make_claim
    >>> cg = ClaimGraph.build([
    ...     make_claim("A", "Karm al-Qasr", "army", on="2014-01-25"),
    ...     make_claim("B", "Karam al Qasr", "army", on="2014-01-26"),
    ...     make_claim("C", "Karm al-Qasr", "rebels", on="2014-01-26"),
    ... ])
    >>> [(i.subject, i.value, len(i.supporting)) for i in discover_graph(cg, method="vote").items]
    [('Karm al-Qasr', 'government', 2)]
    """
    for taken in ("item_key", "window"):
        if taken in options:
            raise InvalidClaimError(
                taken, "not given: the graph's episodes are the periods", options[taken]
            )
    return _discover(
        graph.claims,
        method=method,
        periods=episode_table(graph.claims, graph.episodes, graph.place_name),
        **options,
    )


def _discover(
    claims: Sequence[Claim],
    *,
    method: str,
    tolerance: float | None = None,
    relative_tolerance: float | None = None,
    prior_trust: Mapping[str, float] | None = None,
    known_truth: Mapping[tuple[str, str], str] | None = None,
    item_key: Callable[[Claim], Hashable] | None = None,
    window: int | None = DEFAULT_WINDOW,
    separator: str | None = None,
    max_iterations: int = 100,
    false_values: float | Literal["observed"] = 10.0,
    per_property: bool = True,
    part_similarity: str = "jaccard",
    changing: Collection[str] = (CONTROL,),
    change_rate: float = CHANGE_RATE,
    prior_accuracy: float | None = 0.8,
    copy_per_source: bool = False,
    copy_model: str = "rate",
    echoes: bool = False,
    periods: tuple[PeriodTable, Sequence[tuple[str, str]]] | None = None,
) -> TruthResult:
    chosen = get_method(method)
    if max_iterations < 1:
        raise InvalidClaimError("max_iterations", "a whole number >= 1", max_iterations)
    if copy_model not in COPY_MODELS:
        raise InvalidClaimError("copy_model", f"one of {', '.join(COPY_MODELS)}", copy_model)
    if part_similarity not in PART_SIMILARITIES:
        raise InvalidClaimError(
            "part_similarity", f"one of {', '.join(PART_SIMILARITIES)}", part_similarity
        )
    observed_false = false_values == "observed"
    if not observed_false and not (isinstance(false_values, int | float) and false_values >= 1):
        raise InvalidClaimError("false_values", 'a number >= 1 or "observed"', false_values)
    if prior_accuracy is not None and not (
        isinstance(prior_accuracy, int | float) and 0 < prior_accuracy < 1
    ):
        raise InvalidClaimError("prior_accuracy", "a number in (0, 1) or None", prior_accuracy)
    problem = build_problem(
        claims,
        tolerance=tolerance,
        relative_tolerance=relative_tolerance,
        window=window,
        item_key=item_key,
        separator=separator,
        changing=frozenset(changing),
        change_rate=change_rate,
        periods=periods,
    )
    if echoes:
        problem = discount_echoes(problem)
    index = {name: s for s, name in enumerate(problem.sources)}
    priors: dict[int, float] = {}
    for name, value in (prior_trust or {}).items():
        if not (isinstance(value, int | float) and 0 <= value <= 1):
            raise InvalidClaimError(f"prior_trust[{name!r}]", "a number in [0, 1]", value)
        if name in index:
            priors[index[name]] = float(value)
    settings = Settings(
        max_iterations=max_iterations,
        prior_trust=priors,
        known_fact=_known_facts(problem, known_truth or {}),
        false_values=10.0 if observed_false else float(false_values),
        per_property=per_property,
        part_similarity=part_similarity,
        observed_false=observed_false,
        prior_accuracy=None if prior_accuracy is None else float(prior_accuracy),
        copy_per_source=copy_per_source,
        copy_model=copy_model,
    )
    estimate = chosen.run(problem, settings)
    return build_result(chosen.name, problem, estimate)


def _known_facts(problem: Problem, known: Mapping[tuple[str, str], str]) -> np.ndarray:
    """Facts matching known true values; an item whose known value nobody gave has
    all its facts false (marked by the item's sentinel -1 being skipped)."""
    if not known:
        return np.zeros(0, dtype=np.int64)
    wanted = {(s, p): v for (s, p), v in known.items()}
    out: list[int] = []
    starts = problem.item_start.tolist()
    for i, (subject, prop, _period) in enumerate(problem.items):
        value = wanted.get((subject, prop))
        if value is None:
            continue
        for f in range(starts[i], starts[i + 1]):
            if _same(problem, f, value):
                out.append(f)
                break
    return np.asarray(out, dtype=np.int64)


def _same(problem: Problem, fact: int, value: str) -> bool:
    number = problem.fact_number[fact]
    if not math.isnan(number):
        try:
            target = float(value.replace(",", ""))
        except ValueError:
            return False
        slack = max(problem.tolerance, problem.relative_tolerance * abs(target))
        return bool(abs(number - target) <= slack)
    parts = problem.fact_parts[fact]
    if parts is not None:
        return False
    return fold(problem.fact_label[fact]) == fold(value)
