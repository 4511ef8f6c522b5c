"""The entry point: :func:`discover` and the table of methods."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Unpack

import attrs
import numpy as np

from ..._errors import InvalidClaimError
from ...model import Claim, SourceKind, fold
from ._accu import accu, accu_copy
from ._calibration import calibrate
from ._core import Estimate, Settings
from ._echo import discount_echoes, echo_dependence
from ._investment import investment, pooled_investment
from ._items import Problem, build_problem
from ._lca import guess_lca, mistake_lca, simple_lca
from ._options import GraphKeywords, TruthKeywords, TruthOptions
from ._periods import PeriodTable, episode_table
from ._result import TruthResult, build_result
from ._sums import average_log, sums
from ._truthfinder import truthfinder
from ._vote import vote

if TYPE_CHECKING:
    from ...graph import ClaimGraph

__all__ = [
    "DEFAULT_METHOD",
    "METHODS",
    "TruthMethod",
    "discover",
    "discover_graph",
    "get_method",
    "shaping_options",
]

_DOCUMENT = SourceKind.DOCUMENT


@attrs.frozen(slots=True)
class TruthMethod:
    """A named truth-discovery method: ``run(problem, settings) -> Estimate``."""

    name: str
    description: str
    run: Callable[[Problem, Settings], Estimate]
    #: The method weighs echoes itself (``Settings.echoes``) instead of
    #: running on votes discounted by :func:`discount_echoes`.
    own_echoes: bool = False


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
        "accu_copy",
        "Accu discounting sources that copy each other (Dong et al. 2009)",
        accu_copy,
        own_echoes=True,
    ),
    TruthMethod(
        "simple_lca", "SimpleLCA, latent credibility analysis (Pasternack & Roth 2013)", simple_lca
    ),
    TruthMethod(
        "guess_lca", "GuessLCA: LCA with lucky guesses (Pasternack & Roth 2013)", guess_lca
    ),
    TruthMethod(
        "mistake_lca",
        "MistakeLCA: GuessLCA with per-item ease (Pasternack & Roth 2013)",
        mistake_lca,
    ),
)

#: Method name -> one-line description.
METHODS: dict[str, str] = {m.name: m.description for m in _ALL}
_BY_NAME = {m.name: m for m in _ALL}
#: The method with the best measured accuracy, with the defaults of TruthOptions
#: (echoes, observed false values): see docs/truth-discovery.md, "The default".
DEFAULT_METHOD = "accu_copy"


def get_method(name: str) -> TruthMethod:
    """The method called ``name``; raises InvalidClaimError listing the choices."""
    try:
        return _BY_NAME[name]
    except KeyError:
        raise InvalidClaimError("method", f"one of {', '.join(METHODS)}", name) from None


def discover(
    claims: Sequence[Claim], *, method: str = DEFAULT_METHOD, **options: Unpack[TruthKeywords]
) -> TruthResult:
    """Find the most likely value of each item and how far each source can be trusted.

    Parameters
    ----------
    claims : sequence of Claim
    method : str
        A key of :data:`METHODS`.
    **options
        The fields of :class:`TruthOptions`, by keyword, where their defaults
        and meanings are given: ``tolerance``, ``relative_tolerance``,
        ``prior_trust``, ``known_truth``, ``item_key``, ``window``,
        ``separator``, ``max_iterations``, ``false_values``, ``per_property``,
        ``part_similarity``, ``changing``, ``change_rate``,
        ``prior_accuracy``, ``copy_per_source``, ``copy_model``, ``echoes``,
        ``min_confidence``, ``documents``.

    Returns
    -------
    TruthResult

    Raises
    ------
    InvalidClaimError
        An unknown method, or an option outside its domain.
    TypeError
        A keyword that is not an option.

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
    chosen = _options("discover", options)
    return _documents_apart(_discover(claims, method, chosen), claims, chosen)


#: Options the claim graph has settled when it made its episodes.
_GRAPH_SETS = ("item_key", "window", "changing", "change_rate")


def discover_graph(
    graph: ClaimGraph, *, method: str = DEFAULT_METHOD, **options: Unpack[GraphKeywords]
) -> TruthResult:
    """:func:`discover` on a claim graph's items: its resolved places and episodes.

    Spellings of one place are one subject, shown by the place's name (its
    subjects as written when the graph was built without place resolution);
    each episode (the graph's ``window``) is one period, with timeless claims
    in every episode of their place and property, as :func:`discover` puts them
    in every period. The graph has already cut the episodes of its changing
    properties where the values claimed change (``ClaimGraph.build``'s
    ``changing`` and ``change_rate``), by the rule :func:`discover` applies
    to its own periods, so both give the same items for the same claims with
    the same settings. Sources carry the graph's canonical names. ``options``
    are :func:`discover`'s, except ``item_key``, ``window``, ``changing`` and
    ``change_rate`` (the graph's episodes are the periods); ``known_truth``
    is keyed by place name.

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
    given: Mapping[str, object] = options  # callers without type checks may pass anything
    for taken in _GRAPH_SETS:
        if taken in given:
            raise InvalidClaimError(
                taken,
                "not given: the graph's episodes are the periods (see ClaimGraph.build)",
                given[taken],
            )
    chosen = _options("discover_graph", options)
    result = _discover(
        graph.claims,
        method,
        chosen,
        periods=episode_table(graph.claims, graph.episodes, graph.place_name),
    )
    return _documents_apart(result, graph.claims, chosen)


_OPTION_NAMES = frozenset(field.name for field in attrs.fields(TruthOptions))


def _options(caller: str, keywords: Mapping[str, Any]) -> TruthOptions:
    """Keywords as options; an unknown one is a TypeError, as for a named parameter."""
    for name in keywords:
        if name not in _OPTION_NAMES:
            raise TypeError(f"{caller}() got an unexpected keyword argument {name!r}")
    return TruthOptions(**keywords)


def _discover(
    claims: Sequence[Claim],
    method: str,
    options: TruthOptions,
    periods: tuple[PeriodTable, Sequence[tuple[str, str]]] | None = None,
) -> TruthResult:
    chosen = get_method(method)
    problem = build_problem(
        claims,
        tolerance=options.tolerance,
        relative_tolerance=options.relative_tolerance,
        window=options.window,
        item_key=options.item_key,
        separator=options.separator,
        changing=options.changing,
        change_rate=options.change_rate,
        periods=periods,
    )
    if problem.n_facts == 0:
        # nothing to weigh (no claims, or only a document's own): no items, no sources
        empty = Estimate(np.zeros(0), np.zeros(problem.n_sources), 0, True, True, np.zeros(0))
        return build_result(
            chosen.name,
            problem,
            empty,
            options.min_confidence,
            shaping_options(chosen.name, options),
        )
    discounted = None
    if options.echoes and not chosen.own_echoes:
        discounted = echo_dependence(problem)
        problem = discount_echoes(problem, dependence=discounted)
    index = {name: s for s, name in enumerate(problem.sources)}
    priors = {
        index[name]: float(value)
        for name, value in (options.prior_trust or {}).items()
        if name in index
    }
    observed_false = options.false_values == "observed"
    settings = Settings(
        max_iterations=int(options.max_iterations),
        prior_trust=priors,
        known_fact=_known_facts(problem, options.known_truth or {}),
        false_values=10.0 if observed_false else float(options.false_values),
        per_property=options.per_property,
        part_similarity=options.part_similarity,
        observed_false=observed_false,
        prior_accuracy=None if options.prior_accuracy is None else float(options.prior_accuracy),
        copy_per_source=options.copy_per_source,
        copy_model=options.copy_model,
        echoes=options.echoes,
    )
    estimate = calibrate(problem, settings, chosen.run(problem, settings), discounted)
    return build_result(
        chosen.name,
        problem,
        estimate,
        options.min_confidence,
        shaping_options(chosen.name, options),
    )


#: Options of Accu and AccuCopy alone, and of AccuCopy alone.
_ACCU_OPTIONS = ("false_values", "per_property", "prior_accuracy")
#: The latent credibility analyses, whose EM starts every source at prior_accuracy.
_LCA_METHODS = ("simple_lca", "guess_lca", "mistake_lca")
_COPY_OPTIONS = ("copy_model", "copy_per_source")


def shaping_options(method: str, options: TruthOptions) -> tuple[tuple[str, object], ...]:
    """The options that shape ``method``'s trust, as (name, value) pairs, for naming
    in outputs: echo handling for every method, the value space and accuracy model
    for Accu and AccuCopy, the starting honesty for the latent credibility
    analyses, the copy model for AccuCopy (off-default switches only
    where they are rarely used), and the numeric tolerance or separator when set.

    >>> shaping_options("vote", TruthOptions())
    (('echoes', True),)
    """
    names: list[str] = ["echoes"]
    if method in ("accu", "accu_copy"):
        names += _ACCU_OPTIONS
    if method in _LCA_METHODS:
        names.append("prior_accuracy")
    if method == "accu_copy":
        names.append("copy_model")
        if options.copy_per_source:
            names.append("copy_per_source")
    for optional in ("tolerance", "relative_tolerance", "separator"):
        if getattr(options, optional) is not None:
            names.append(optional)
    return tuple((name, getattr(options, name)) for name in names)


def _documents_apart(
    result: TruthResult, claims: Sequence[Claim], options: TruthOptions
) -> TruthResult:
    """The result with the documents speaking in their own voice taken out of the
    scored sources (unless ``options.documents``), named apart with their claims.

    Their claims are evidence like any other and weigh in the items; only the
    document is not listed, or scored, among the outlets it reports on.
    """
    if options.documents or not any(c.source_kind is _DOCUMENT for c in claims):
        return result
    own: dict[str, int] = {}
    named: set[str] = set()
    for claim in claims:
        if claim.source_kind is _DOCUMENT:
            own[claim.source] = own.get(claim.source, 0) + 1
        else:
            named.add(claim.source)
    apart = {name: n for name, n in own.items() if name not in named}
    if not apart:
        return result
    return attrs.evolve(
        result,
        trust={name: t for name, t in result.trust.items() if name not in apart},
        sources=tuple(s for s in result.sources if s.source not in apart),
        documents_not_scored=apart,
    )


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
