"""Disputed control: timelines, changes of hands, and disputes with their evidence."""

from __future__ import annotations

import datetime as dt
import itertools

import attrs

from claimgraph.disputes import Reason, Status, assess, build_timelines, find_disputes
from claimgraph.graph import ClaimGraph
from claimgraph.reports import disputes_markdown
from claimgraph.testing import graph_of, make_claim, synthetic_claims

D = dt.date


def test_taken_and_lost_a_week_later_is_a_change_of_hands() -> None:
    cg = graph_of(
        make_claim("SANA", "Hilan", "army", on="2014-05-21"),
        make_claim("Reuters", "Hilan", "army", on="2014-05-22"),
        make_claim("SOHR", "Hilan", "rebels", on="2014-05-30"),
    )
    assert find_disputes(cg) == []
    [timeline] = build_timelines(cg, trust=False)
    assert [(p.status, p.holder) for p in timeline.periods] == [
        (Status.HELD, "government"),
        (Status.HELD, "opposition"),
    ]
    # weighed by trust, one source's lone report of a new holder a week after two
    # sources gave the old one is too weak to name a change
    [trusted] = build_timelines(cg)
    held, lone = trusted.periods
    assert (held.status, held.holder) == (Status.HELD, "government")
    assert (lone.status, lone.reasons, lone.likely) == (
        Status.DISPUTED,
        (Reason.LOW_CONFIDENCE,),
        "government",
    )
    assert held.confidence is not None
    assert lone.confidence is not None
    assert lone.confidence < trusted.threshold <= held.confidence  # type: ignore[operator]
    [change] = timeline.changes
    assert (change.date, change.before, change.after) == (
        D(2014, 5, 30),
        "government",
        "opposition",
    )
    assert timeline.holder_on(D(2014, 5, 25)) == "government"
    assert timeline.holder_on(D(2014, 6, 25)) == "opposition"
    assert timeline.holder_on(D(2014, 1, 1)) is None


def _taken_day_by_day() -> list:
    """Four sources report Hilan held by the army on 1-4 May and by the rebels on
    5-8 May, a report or two a day: the days chain within the 3-day window."""
    army = [("SANA", 1), ("Reuters", 1), ("SANA", 2), ("AFP", 3), ("Reuters", 4)]
    rebels = [("SOHR", 5), ("AFP", 5), ("Reuters", 6), ("SOHR", 7), ("AFP", 8)]
    return [
        make_claim(source, "Hilan", value, on=f"2014-05-0{day}")
        for value, rows in (("army", army), ("rebels", rebels))
        for source, day in rows
    ]


def test_a_change_of_hands_reported_day_by_day_is_a_change_not_a_dispute() -> None:
    claims = _taken_day_by_day()
    cg = graph_of(*claims)
    assert find_disputes(cg) == []
    [timeline] = build_timelines(cg)
    assert [(p.status, p.holder, p.start, p.end) for p in timeline.periods] == [
        (Status.HELD, "government", D(2014, 5, 1), D(2014, 5, 4)),
        (Status.HELD, "opposition", D(2014, 5, 5), D(2014, 5, 8)),
    ]
    [change] = timeline.changes
    assert (change.date, change.before, change.after, change.through_dispute) == (
        D(2014, 5, 5),
        "government",
        "opposition",
        False,
    )
    # relations are found within episodes: none across the change
    assert cg.relations_of("contradicts") == []
    # without the cut (change_rate 0) the same claims are one disputed episode
    whole = graph_of(*claims, change_rate=0)
    [dispute] = find_disputes(whole)
    assert {p.label: p.sources for p in dispute.positions} == {
        "government": ("SANA",),
        "opposition": ("Reuters", "AFP", "SOHR"),
    }
    assert whole.relations_of("contradicts") != []


def test_a_disagreement_a_day_apart_among_few_sources_stays_a_dispute() -> None:
    cg = graph_of(
        make_claim("SANA", "Hilan", "army", on="2014-05-01"),
        make_claim("Al-Masdar", "Hilan", "army", on="2014-05-01"),
        make_claim("SOHR", "Hilan", "rebels", on="2014-05-02"),
        make_claim("LCC", "Hilan", "rebels", on="2014-05-02"),
    )
    assert len(cg.episodes) == 1
    [dispute] = find_disputes(cg)
    assert {p.label: set(p.sources) for p in dispute.positions} == {
        "government": {"SANA", "Al-Masdar"},
        "opposition": {"SOHR", "LCC"},
    }
    assert not build_timelines(cg)[0].changes


def test_sources_disagreeing_day_after_day_stay_one_dispute() -> None:
    # many reports, but no day after which one holder gives way to another
    cg = graph_of(
        *(
            make_claim(source, "Hilan", value, on=f"2014-05-0{day}")
            for day in range(1, 9)
            for source, value in (("SANA", "army"), ("SOHR", "rebels"))
        )
    )
    assert len(cg.episodes) == 1
    [dispute] = find_disputes(cg)
    assert (dispute.start, dispute.end) == (D(2014, 5, 1), D(2014, 5, 8))


def _taken_amid_a_dispute() -> list:
    """Hilan is reported held by the army on 1-4 May and by the rebels on 5-8 May,
    three reports a day, with one source dissenting on each side: SOHR gives the
    rebels on 3 May, SANA the army on 7 May."""
    rows = [(s, day, "army") for day in (1, 2, 3, 4) for s in ("SANA", "Reuters", "AFP")]
    rows += [("SOHR", 3, "rebels")]
    rows += [(s, day, "rebels") for day in (5, 6, 7, 8) for s in ("SOHR", "Reuters", "AFP")]
    rows += [("SANA", 7, "army")]
    return [make_claim(s, "Hilan", value, on=f"2014-05-0{day}") for s, day, value in rows]


def test_a_change_of_hands_amid_a_dispute_gives_a_dispute_on_each_side() -> None:
    cg = graph_of(*_taken_amid_a_dispute())
    assert [(e.start, e.follows_change) for e in cg.episodes] == [
        (D(2014, 5, 1), False),
        (D(2014, 5, 5), True),
    ]
    old, new = find_disputes(cg)
    assert (old.start, old.end, old.until, old.ends_at_change) == (
        D(2014, 5, 1),
        D(2014, 5, 4),
        D(2014, 5, 5),
        True,
    )
    assert (new.start, new.end, new.until, new.ends_at_change) == (
        D(2014, 5, 5),
        D(2014, 5, 8),
        None,
        False,
    )
    assert {p.label: set(p.sources) for p in old.positions} == {
        "government": {"SANA", "Reuters", "AFP"},
        "opposition": {"SOHR"},
    }
    assert {p.label: set(p.sources) for p in new.positions} == {
        "opposition": {"SOHR", "Reuters", "AFP"},
        "government": {"SANA"},
    }
    # each dispute has the evidence of its own side of the change
    assert {c.start for c in old.claims} == {D(2014, 5, day) for day in (1, 2, 3, 4)}
    assert {c.start for c in new.claims} == {D(2014, 5, day) for day in (5, 6, 7, 8)}
    assert new.conflicts
    assert {id(c) for r in new.conflicts for c in (r.source, r.target)} <= {
        id(c) for c in new.claims
    }
    # one dissenter against three sources on each side: weighed by trust, both
    # disputes are weak, and the timeline shows a plain change of hands
    assert old.likely == "government"
    assert new.likely == "opposition"
    assert old.strength is not None
    assert old.strength < 0.15
    [trusted] = build_timelines(cg)
    assert [(p.status, p.holder) for p in trusted.periods] == [
        (Status.HELD, "government"),
        (Status.HELD, "opposition"),
    ]
    assert [c.through_dispute for c in trusted.changes] == [False]
    [timeline] = build_timelines(cg, trust=False)
    [change] = timeline.changes
    assert (change.date, change.before, change.after, change.through_dispute) == (
        D(2014, 5, 5),
        "government",
        "opposition",
        True,
    )
    text = disputes_markdown([old, new])
    assert "Until 2014-05-05, when the claims change hands." in text
    # without the cut the same claims are one dispute mixing both sides
    [whole] = find_disputes(graph_of(*_taken_amid_a_dispute(), change_rate=0))
    assert (whole.start, whole.end, whole.ends_at_change) == (D(2014, 5, 1), D(2014, 5, 8), False)


def test_a_dispute_before_a_gap_still_joins_the_piece_before_a_change() -> None:
    earlier = [
        make_claim("SANA", "Hilan", "army", on="2014-04-01"),
        make_claim("SOHR", "Hilan", "rebels", on="2014-04-02"),
    ]
    cg = graph_of(*earlier, *_taken_amid_a_dispute())
    first, second = find_disputes(cg)
    # a disputed state lasts until a source next names one holder: April joins
    # the disputed days before the change, which end where the claims change hands
    assert (first.start, first.end, first.until) == (D(2014, 4, 1), D(2014, 5, 4), D(2014, 5, 5))
    assert second.start == D(2014, 5, 5)
    # the change is counted from the last holder known before the dispute
    held = [make_claim(s, "Hilan", "army", on="2014-04-01") for s in ("SANA", "AFP")]
    [change] = build_timelines(graph_of(*held, *_taken_amid_a_dispute()))[0].changes
    assert (change.date, change.before, change.after) == (
        D(2014, 5, 5),
        "government",
        "opposition",
    )


def test_a_long_dispute_without_a_change_stays_one_dispute() -> None:
    # three sources give the army for eight days, one gives the rebels now and then
    rows = [(s, day, "army") for day in range(1, 9) for s in ("SANA", "Reuters", "AFP")]
    rows += [("SOHR", day, "rebels") for day in (2, 5, 7)]
    cg = graph_of(*(make_claim(s, "Hilan", v, on=f"2014-05-0{day}") for s, day, v in rows))
    assert [e.follows_change for e in cg.episodes] == [False]
    [dispute] = find_disputes(cg)
    assert (dispute.start, dispute.end, dispute.until, dispute.ends_at_change) == (
        D(2014, 5, 1),
        D(2014, 5, 8),
        None,
        False,
    )
    assert {p.label: set(p.sources) for p in dispute.positions} == {
        "government": {"SANA", "Reuters", "AFP"},
        "opposition": {"SOHR"},
    }
    assert build_timelines(cg)[0].changes == ()


def test_unclear_control_is_disputed_until_a_source_names_a_holder() -> None:
    cg = graph_of(
        make_claim("SANA", "Majbal", "army", on="2014-03-02"),
        make_claim("SOHR", "Majbal", "unclear", on="2014-03-03", stance="uncertain"),
        make_claim("SANA", "Majbal", "army", start="2014-05-01", end="2014-05-10"),
    )
    [dispute] = find_disputes(cg)
    assert (dispute.start, dispute.end, dispute.until) == (
        D(2014, 3, 2),
        D(2014, 3, 3),
        D(2014, 5, 1),
    )
    assert dispute.reasons == (Reason.CONTRADICTION, Reason.UNCLEAR)
    assert {p.label: p.sources for p in dispute.positions} == {
        "government": ("SANA",),
        "contested (uncertain)": ("SOHR",),
    }
    [timeline] = build_timelines(cg, trust=False)
    assert timeline.holder_on(D(2014, 4, 1)) == "contested"
    assert timeline.holder_on(D(2014, 5, 2)) == "government"
    # weighed by trust, one source alone in May does not settle it; the likely
    # holder is still shown
    [trusted] = build_timelines(cg)
    assert trusted.holder_on(D(2014, 5, 2)) == "contested"
    assert trusted.periods[-1].likely == "government"


def test_disputed_episodes_join_until_a_decisive_one() -> None:
    cg = graph_of(
        make_claim("A", "X", "army", on="2014-03-02"),
        make_claim("B", "X", "rebels", on="2014-03-03"),
        make_claim("A", "X", "army", on="2014-05-01"),
        make_claim("B", "X", "rebels", on="2014-05-02"),
        make_claim("A", "X", "army", on="2014-07-01"),
    )
    [dispute] = find_disputes(cg)
    assert (dispute.start, dispute.end, dispute.until) == (
        D(2014, 3, 2),
        D(2014, 5, 2),
        D(2014, 7, 1),
    )
    assert len(dispute.claims) == 4


def test_a_denial_is_a_dispute() -> None:
    cg = graph_of(
        make_claim("Al-Masdar", "Tell Hadya", "army", on="2016-06-02"),
        make_claim("LCC", "Tell Hadya", "army", on="2016-06-03", stance="denies"),
    )
    [dispute] = find_disputes(cg)
    assert dispute.reasons == (Reason.DENIAL,)
    assert dispute.values == ("government", "not government")
    [conflict] = dispute.conflicts
    assert (conflict.source.source, conflict.target.source) == ("LCC", "Al-Masdar")


def test_a_source_revising_itself_is_not_a_dispute() -> None:
    cg = graph_of(
        make_claim("Al-Masdar", "Kafr Naha", "rebels", on="2016-07-01"),
        make_claim("Al-Masdar", "Kafr Naha", "army", on="2016-07-02"),
        make_claim("SOHR", "Kafr Naha", "army", on="2016-07-02"),
    )
    assert find_disputes(cg) == []
    [timeline] = build_timelines(cg)
    [period] = timeline.periods
    assert period.holder == "government"
    assert set(period.supporting_sources()) == {"Al-Masdar", "SOHR"}


def test_corroboration_needs_independent_sources() -> None:
    same_side = graph_of(
        make_claim("SANA", "Zitan", "army", on="2016-06-10", alignment="government"),
        make_claim("Al-Masdar", "Zitan", "army", on="2016-06-11", alignment="government"),
    )
    [period] = build_timelines(same_side)[0].periods
    assert not period.is_corroborated(same_side.alignments)
    across = graph_of(
        make_claim("SANA", "Zitan", "army", on="2016-06-10", alignment="government"),
        make_claim("SOHR", "Zitan", "army", on="2016-06-11", alignment="independent"),
    )
    [period] = build_timelines(across)[0].periods
    assert period.is_corroborated(across.alignments)


def test_conflicting_counts_are_a_dispute_and_sub_periods_are_not() -> None:
    cg = graph_of(
        make_claim("SOHR", "Aleppo", 517, property="killed", start="2013-12-15", end="2013-12-28"),
        make_claim("SOHR", "Aleppo", 76, property="killed", on="2013-12-15"),
        make_claim("rebel commander", "Aleppo", ">1000", property="killed", end="2013-12-26"),
        make_claim(
            "SANA", "Aleppo", ">=400", property="killed", start="2013-12-15", end="2013-12-28"
        ),
    )
    [dispute] = find_disputes(cg)
    assert dispute.property == "killed"
    labels = {p.label: p.sources for p in dispute.positions}
    assert labels["517"] == ("SOHR",)
    assert labels[">1000"] == ("rebel commander",)
    conflicting = {frozenset((r.source.source, r.target.source)) for r in dispute.conflicts}
    # ">= 400" fits both 517 and "more than 1,000": it conflicts with neither.
    assert conflicting == {frozenset(("SOHR", "rebel commander"))}


def test_filters_by_property_and_place() -> None:
    cg = graph_of(
        make_claim("A", "X", "army", on="2014-01-01"),
        make_claim("B", "X", "rebels", on="2014-01-01"),
        make_claim("A", "Y", "army", on="2014-01-01"),
        make_claim("B", "Y", "rebels", on="2014-01-01"),
        make_claim("A", "Y", 5, property="killed", on="2014-01-01"),
        make_claim("B", "Y", 50, property="killed", on="2014-01-01"),
    )
    assert len(find_disputes(cg)) == 3
    assert [d.name for d in find_disputes(cg, place="Y")] == ["Y", "Y"]
    assert [d.property for d in find_disputes(cg, property="killed")] == ["killed"]


def test_dispute_record_carries_the_sentences() -> None:
    cg = graph_of(
        make_claim("A", "X", "army", on="2014-01-01", doc="d1", sentence=3, text="Army holds X."),
        make_claim(
            "B", "X", "rebels", on="2014-01-01", doc="d2", sentence=7, text="Rebels hold X."
        ),
    )
    record = find_disputes(cg)[0].to_record()
    assert [(e["doc"], e["sentence"], e["text"]) for e in record["evidence"]] == [
        ("d1", 3, "Army holds X."),
        ("d2", 7, "Rebels hold X."),
    ]


def test_synthetic_changes_of_hands_are_less_often_called_disputes() -> None:
    generated = synthetic_claims(5000, seed=1)
    truth = generated.truth
    claims = [
        attrs.evolve(c, subject=place)
        for c, place in zip(generated.claims, generated.canonical_places(), strict=True)
    ]
    cut, whole = ClaimGraph.build(claims), ClaimGraph.build(claims, change_rate=0)

    def spans_a_change(name: str, start: dt.date, end: dt.date) -> bool:
        return any(start < period.start <= end for period in truth.timelines[name])

    def disputed_changes(cg: ClaimGraph) -> int:
        """Disputed control episodes inside which the generator's holder changes."""
        return sum(
            assess(e).status is Status.DISPUTED
            and spans_a_change(cg.place_name(e.subject), e.start, e.end)
            for e in cg.episodes
            if e.property == "control" and e.start is not None and e.end is not None
        )

    def reported_changes(cg: ClaimGraph) -> int:
        """Disputes of the report inside which the generator's holder changes."""
        return sum(
            spans_a_change(d.name, d.start, d.end)
            for d in find_disputes(cg, property="control")
            if d.start is not None and d.end is not None
        )

    assert disputed_changes(cut) < 0.9 * disputed_changes(whole)
    assert reported_changes(cut) < reported_changes(whole)
    # the cuts fall where the holder really changes
    piece_of = {id(c): e for e in cut.episodes if e.start is not None for c in e.claims}
    pieces = [
        list({id(piece_of[id(c)]): piece_of[id(c)] for c in e.claims}.values())
        for e in whole.episodes
        if e.property == "control" and e.start is not None
    ]
    split = [p for p in pieces if len(p) > 1]
    name = cut.place_name
    true = [
        any(
            truth.main_holder(name(a.subject), a.start, a.end)
            != truth.main_holder(name(b.subject), b.start, b.end)
            for a, b in itertools.pairwise(p)
        )
        for p in split
    ]
    assert len(split) > 10
    assert sum(true) >= 0.9 * len(split)
    # no disputed period of the report joins two pieces of one cut episode
    run_of = {
        id(c): k for k, e in enumerate(whole.episodes) if e.start is not None for c in e.claims
    }
    for timeline in build_timelines(cut):
        for period in timeline.periods:
            if period.status is Status.DISPUTED:
                runs = [
                    {run_of[id(c)] for c in a.episode.claims if id(c) in run_of}
                    for a in period.assessments
                ]
                timed = [r for r in runs if r]
                assert all(a.isdisjoint(b) for a, b in itertools.pairwise(timed))
