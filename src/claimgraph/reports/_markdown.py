"""The readable dispute report, and Markdown views of its parts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from ..disputes import Dispute, Status, Timeline
from ..model import Claim
from ..scoring import Agreement
from ._model import Report, build_report, trust_texts
from ._tables import markdown_table
from ._tables import markdown_text as md

if TYPE_CHECKING:
    from ..graph import ClaimGraph
    from ..scoring.truth import TruthResult

__all__ = [
    "DISPUTE_COLUMNS",
    "agreement_markdown",
    "claim_citation",
    "dispute_rows",
    "disputes_markdown",
    "report_markdown",
    "timelines_markdown",
]


def source_labels(sources: Iterable[str], claims: Iterable[Claim]) -> list[str]:
    """Source names as shown: a source whose claims here are all a document's own
    statements is marked ``(document)`` (see :attr:`Claim.source_label`)."""
    named: set[str] = set()
    documents: set[str] = set()
    for claim in claims:
        (documents if claim.is_document else named).add(claim.source)
    return [f"{n} (document)" if n in documents - named else n for n in sources]


def claim_citation(claim: Claim) -> str:
    """One line of evidence: who, what, when, and where it was said.

    Every field taken from the claim is made inert (:func:`markdown_text`): a
    source named ``<script>`` shows as that text.

    >>> from claimgraph.testing import make_claim
    >>> claim_citation(make_claim("<b>SANA</b>", "Hilan", "army", on="2014-05-21"))
    '**&lt;b&gt;SANA&lt;/b&gt;** control = government (2014-05-21)'
    """
    parts = [f"**{md(claim.source_label)}**"]
    if claim.stance.value != "asserts":
        parts.append(f"_{claim.stance.value}_")
    parts.append(f"{md(claim.property)} = {md(claim.display_value)}")
    when = claim.time_text()
    if when:
        parts.append(f"({when})")
    where = ""
    if claim.doc is not None:
        where = md(claim.doc) + (f" #{claim.sentence}" if claim.sentence is not None else "")
    line = " ".join(parts)
    if where:
        line += f" [{where}]"
    if claim.text:
        line += f": “{md(claim.text.strip())}”"
    return line


#: Columns of :func:`dispute_rows`.
DISPUTE_COLUMNS = (
    "place",
    "property",
    "from",
    "to",
    "until",
    "reasons",
    "positions",
    "likely",
    "confidence",
    "strength",
    "method",
    "claims",
)


def dispute_rows(disputes: Sequence[Dispute]) -> list[dict[str, Any]]:
    """One flat row per dispute (for CSV and tables)."""
    return [
        {
            "place": d.name,
            "property": d.property,
            "from": _iso(d.start),
            "to": _iso(d.end),
            "until": _iso(d.until),
            "reasons": ", ".join(r.value for r in d.reasons),
            "positions": " | ".join(
                f"{p.label}: {', '.join(source_labels(p.sources, p.claims))}" for p in d.positions
            ),
            "likely": d.likely,
            "confidence": _share(d.confidence),
            "strength": _share(d.strength),
            "method": d.method,
            "claims": len(d.claims),
        }
        for d in disputes
    ]


def disputes_markdown(disputes: Sequence[Dispute], *, heading_level: int = 2) -> str:
    """Each dispute as a section: period, reasons, positions and the sentences behind them."""
    if not disputes:
        return "No disputes found.\n"
    h = "#" * heading_level
    out: list[str] = []
    for d in disputes:
        out.append(f"{h} {md(d.name)}: {md(d.property)}, {d.period_text()}")
        out.append("")
        out.append(f"Why disputed: {', '.join(r.value for r in d.reasons)}.")
        if d.until is not None and d.ends_at_change:
            out.append(f"Until {d.until.isoformat()}, when the claims change hands.")
        elif d.until is not None:
            out.append(f"Until {d.until.isoformat()}, when a source next gives one value.")
        out.append("")
        for p in d.positions:
            out.append(f"- **{md(p.label)}**: {md(', '.join(source_labels(p.sources, p.claims)))}")
        out.append("")
        if d.likely is not None and d.confidence is not None:
            out.append(
                f"Likely: **{md(d.likely)}** (confidence {d.confidence:.2f}, dispute strength "
                f"{_share(d.strength)}; sources weighed by {d.method} trust)."
            )
            out.append("")
        out.append("Evidence:")
        out.append("")
        out.extend(f"1. {claim_citation(c)}" for c in d.claims)
        out.append("")
    return "\n".join(out)


def timelines_markdown(timelines: Iterable[Timeline], alignments: dict[str, str | None]) -> str:
    """A table of periods per place: holder or dispute, evidence span, sources.

    Timelines weighed by trust show each holder's confidence, and inside a
    disputed period the likely holder with its confidence.
    """
    out: list[str] = []
    for t in timelines:
        rows = []
        for p in t.periods:
            if p.status is Status.HELD:
                state = p.holder or "held"
                if p.confidence is not None:
                    state += f" ({p.confidence:.2f})"
                if p.is_corroborated(alignments):
                    state += " (corroborated)"
            else:
                state = f"{p.status.value} ({', '.join(r.value for r in p.reasons)})"
                if p.likely is not None and p.confidence is not None:
                    state += f"; likely {p.likely} ({p.confidence:.2f})"
            rows.append(
                {
                    "from": _iso(p.start) or "undated",
                    "to": _iso(p.end) or "",
                    "state": state,
                    "sources": ", ".join(source_labels(p.sources, p.claims)),
                }
            )
        out.append(f"### {md(t.name)}")
        out.append("")
        out.append(markdown_table(rows))
        changes = t.changes
        if changes:
            out.append("")
            out.extend(
                f"- changed hands {_iso(c.date) or 'undated'}: {md(c.before)} → {md(c.after)}"
                + (" (after a dispute)" if c.through_dispute else "")
                for c in changes
            )
        out.append("")
    return "\n".join(out)


def agreement_markdown(
    agreement: Agreement,
    trust: dict[str, Any] | None = None,
    *,
    trust_method: str | None = None,
) -> str:
    """Pairwise agreement and per-source figures as two tables; ``trust`` adds a
    column of estimated accuracy per source, by ``trust_method`` (named above the
    table)."""
    pair_rows = [
        {
            "sources": f"{p.source_a} / {p.source_b}",
            "same side": p.same_side,
            "compared": p.compared,
            "agree": p.agreements,
            "disagree": p.disagreements,
            "rate": "" if p.rate is None else f"{p.rate:.2f}",
            "95% interval": f"{p.interval[0]:.2f}–{p.interval[1]:.2f}",
            "kappa": "" if p.kappa is None else f"{p.kappa:.2f}",
        }
        for p in agreement.pairs
    ]
    source_rows = []
    for s in agreement.sources:
        row: dict[str, Any] = {
            "source": s.source,
            "alignment": s.alignment or "",
            "claims": s.claims,
            "corroborated (independent)": s.corroborated_independently,
            "corroborated (same side only)": s.corroborated_same_side,
            "contradicted": s.contradicted,
        }
        if trust is not None:
            row["estimated accuracy (95% interval, claims)"] = trust.get(s.source, "")
        source_rows.append(row)
    return "\n".join(
        [
            "### Pairs",
            "",
            markdown_table(pair_rows),
            "",
            "### Sources",
            "",
            *(
                [f"Estimated accuracy by truth discovery: {trust_method}.", ""]
                if trust is not None and trust_method
                else []
            ),
            markdown_table(source_rows),
            "",
            *_not_scored(agreement.documents_not_scored),
        ]
    )


def _not_scored(left: dict[str, int]) -> list[str]:
    """A line naming the documents whose own claims were not scored, if any."""
    if not left:
        return []
    named = "; ".join(
        f"{md(name)}, {count} claim{'s' if count != 1 else ''}" for name, count in left.items()
    )
    return [
        "Not scored (documents speaking in their own voice; --score-documents "
        f"scores them): {named}.",
        "",
    ]


def report_markdown(
    cg: ClaimGraph | Report,
    *,
    title: str = "Disputed control report",
    trust: dict[str, Any] | None = None,
    documents: bool = False,
    trust_method: str | None = None,
    truth: TruthResult | None = None,
) -> str:
    """The full report: summary, disputes with evidence, timelines, counts, agreement, places.

    ``cg`` is a claim graph, or a :class:`~claimgraph.reports.Report` already
    built (then ``title`` is the report's, and ``trust`` defaults to its trust).

    A document's own statements are evidence, marked ``(document)``; the
    agreement tables leave them out unless ``documents`` (see
    :func:`claimgraph.scoring.source_agreement`).

    ``truth`` weighs the sources of the disputes and the timelines (by default
    a run of the library's default method); ``trust`` (per source, as shown)
    comes from truth discovery by ``trust_method``, which the report names in
    its opening paragraph and above the sources table. Give the same run for
    both (as ``claimgraph report`` does) so that every part of the report
    weighs a source alike.

    Examples
    --------
    >>> from claimgraph.graph import ClaimGraph
    >>> from claimgraph.testing import make_claim
    >>> cg = ClaimGraph.build([make_claim("A", "Hilan", "army", on="2014-05-21"),
    ...                        make_claim("B", "Hilan", "rebels", on="2014-05-21")])
    >>> print(report_markdown(cg).splitlines()[0])
    # Disputed control report
    """
    report = (
        cg
        if isinstance(cg, Report)
        else build_report(cg, title=title, truth=truth, documents=documents)
    )
    if trust is None and report.trust:
        trust = trust_texts(report.trust)
    if trust_method is None:
        trust_method = report.provenance.method
    control = list(report.control_disputes)
    other = list(report.other_disputes)
    timelines = [p.timeline for p in report.places]
    alignments = dict(report.alignments)
    provenance = report.provenance
    made = f"claimgraph {provenance.version}"
    if provenance.inputs:
        made += f" from {', '.join(provenance.inputs)}"
    settings = "; ".join(f"{k}: {v}" for k, v in provenance.options)
    lines = [
        f"# {report.title}",
        "",
        f"Generated {provenance.generated.date().isoformat()} by {made}: {report.claims} claims "
        f"by {report.sources} sources about {report.subjects} "
        f"places or subjects, {report.span_text()}. Claims at most {report.window} days apart "
        "are compared."
        + (
            f" Source trust is estimated by truth discovery: {trust_method}."
            if trust is not None and trust_method
            else (
                " The sources table leaves trust out; disputes and timelines weigh the "
                f"sources by truth discovery: {report.weighed_by}."
                if report.weighed_by is not None
                else " Source trust is not estimated."
            )
        ),
        "",
        f"Settings: {settings}.",
        "",
        "## Summary",
        "",
        f"- Places with disputed control: "
        f"{md(', '.join(p.name for p in report.disputed_places)) or 'none'}.",
        f"- Disputes of control per place, most disputed first: "
        f"{md(', '.join(f'{p.name} {len(p.disputes)}' for p in report.disputed_places))}"
        f"{'' if report.disputed_places else 'none'}.",
        f"- Places whose control is corroborated by independent sources and never disputed: "
        f"{md(', '.join(p.name for p in report.corroborated_places)) or 'none'}.",
        f"- Other disputed statements (counts, responsibility ...): {len(other)}.",
        f"- Revisions (a source changing its own claim): {report.revisions}.",
        "",
        "## Disputed control",
        "",
        disputes_markdown(control, heading_level=3),
        "## Other disputed statements",
        "",
        disputes_markdown(other, heading_level=3),
        "## Control timelines",
        "",
        *_trust_note(timelines),
        timelines_markdown(timelines, alignments),
        "## Source agreement",
        "",
        agreement_markdown(report.agreement, trust, trust_method=trust_method),
    ]
    if report.merged_spellings:
        lines += ["## Place spellings merged", ""]
        for name, variants in report.merged_spellings:
            lines.append(f"- **{md(name)}**: {md(', '.join(variants))}")
        lines.append("")
    return "\n".join(lines)


def _trust_note(timelines: Sequence[Timeline]) -> list[str]:
    """How the timelines weighed their sources, when they did."""
    weighed = next((t for t in timelines if t.method is not None), None)
    if weighed is None or weighed.threshold is None:
        return []
    return [
        f"Sources weighed by the trust truth discovery ({weighed.method}) gives them, and "
        "each period by the periods around it; the figure after a holder is its "
        f"probability. A period is disputed when no holder reaches {weighed.threshold:.2f}.",
        "",
    ]


def _share(x: float | None) -> str | None:
    return None if x is None else f"{x:.2f}"


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()
