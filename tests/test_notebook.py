"""Notebook display (short reprs, escaped HTML) and DataFrames of every result set."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from claimgraph.disputes import Disputes, Timelines, build_timelines, find_disputes
from claimgraph.graph import ClaimGraph
from claimgraph.scoring import source_agreement
from claimgraph.scoring.truth import discover_graph
from claimgraph.testing import make_claim, synthetic_claims

pd = pytest.importorskip("pandas")

SCRIPT = "<script>alert('x')</script>"


@pytest.fixture(scope="module")
def big() -> ClaimGraph:
    return ClaimGraph.build(synthetic_claims(4000, seed=3).claims)


@pytest.fixture(scope="module")
def injected() -> ClaimGraph:
    """A dispute whose source and place names carry markup."""
    return ClaimGraph.build(
        [
            make_claim(SCRIPT, f"Hilan{SCRIPT}", "army", on="2014-05-21"),
            make_claim('Agency "B" & co', f"Hilan{SCRIPT}", "rebels", on="2014-05-22"),
            make_claim("C", f"Hilan{SCRIPT}", "rebels", on="2014-05-22"),
        ],
        resolve_places=False,
    )


def results(cg: ClaimGraph) -> list[Any]:
    return [
        cg,
        find_disputes(cg),
        build_timelines(cg),
        source_agreement(cg),
        discover_graph(cg),
    ]


def test_reprs_stay_short_on_thousands_of_claims(big: ClaimGraph) -> None:
    shown = results(big)
    disputes, timelines = shown[1], shown[2]
    assert len(disputes) > 100
    assert len(timelines) > 10
    shown += [disputes[0], timelines[0]]
    for obj in shown:
        text = repr(obj)
        assert len(text) < 1200, type(obj).__name__
        assert len(text.splitlines()) <= 6
        assert text.startswith(f"<{type(obj).__name__}:")
        assert len(obj._repr_html_()) < 5000, type(obj).__name__
    assert f"{len(big.claims)} claims" in repr(big)
    assert f"{len(disputes)} disputes" in repr(disputes)
    assert f"… {len(disputes) - 3} more" in repr(disputes)


def test_graph_repr_names_the_busiest_place(big: ClaimGraph) -> None:
    counts: dict[str, int] = {}
    for claim in big.claims:
        key = big.place_key(claim)
        counts[key] = counts.get(key, 0) + 1
    busiest = max(counts, key=counts.__getitem__)
    first_line = repr(big).splitlines()[1].strip()
    assert first_line.startswith(f"{big.place_name(busiest)}: {counts[busiest]} claims")


def test_html_escapes_names_from_the_input(injected: ClaimGraph) -> None:
    shown = results(injected)
    disputes = shown[1]
    assert len(disputes) == 1
    shown += [disputes[0], shown[2][0]]
    for obj in shown:
        page = obj._repr_html_()
        assert "<script>" not in page, type(obj).__name__
        assert "<table>" in page or type(obj).__name__ == "Dispute"
    listing = disputes._repr_html_()
    assert "Hilan&lt;script&gt;" in listing
    assert "&lt;script&gt;" in disputes[0]._repr_html_()  # the source, in a position
    assert "&quot;B&quot; &amp; co" in shown[3]._repr_html_()


def test_dataframes_have_datetime_columns_and_a_row_per_item(big: ClaimGraph) -> None:
    claims = big.to_dataframe()
    assert len(claims) == len(big.claims)
    assert claims["start"].dtype.kind == "M"
    assert claims["end"].dtype.kind == "M"
    first = big.claims[0]
    assert claims["start"].iloc[0] == pd.Timestamp(first.start)

    disputes = find_disputes(big)
    frame = disputes.to_dataframe()
    assert len(frame) == len(disputes)
    assert all(frame[c].dtype.kind == "M" for c in ("start", "end", "until"))
    assert frame["claims"].tolist() == [len(d.claims) for d in disputes]
    evidence = disputes[0].to_dataframe()
    assert len(evidence) == len(disputes[0].claims)
    assert evidence["start"].dtype.kind == "M"

    timelines = build_timelines(big)
    periods = timelines.to_dataframe()
    assert len(periods) == sum(len(t.periods) for t in timelines)
    assert periods["until"].dtype.kind == "M"
    assert periods["until"].isna().sum() == len(timelines)  # the last period of each
    assert len(timelines[0].to_dataframe()) == len(timelines[0].periods)

    agreement = source_agreement(big)
    assert len(agreement.to_dataframe()) == len(agreement.pairs)
    assert agreement.sources_dataframe()["source"].tolist() == [s.source for s in agreement.sources]

    truth = discover_graph(big)
    items = truth.to_dataframe()
    assert len(items) == len(truth.items)
    assert items["period_start"].dtype.kind == "M"
    values = [None if pd.isna(v) else v for v in items["value"]]
    assert values == [i.value for i in truth.items]
    assert None in values  # an undecided item is a missing value
    trust = truth.sources_dataframe()
    assert trust["accuracy"].tolist() == [round(s.accuracy, 6) for s in truth.sources]


def test_dates_across_the_calendar_and_missing_dates() -> None:
    cg = ClaimGraph.build(
        [
            make_claim("A", "Hilan", "army", on="0001-01-01"),
            make_claim("A", "Hanano", "army", on="9999-12-31"),
            make_claim("B", "Tadif", "army"),
        ]
    )
    frame = cg.to_dataframe().set_index("subject")
    assert frame.loc["Hilan", "start"] == pd.Timestamp(dt.datetime(1, 1, 1))
    assert frame.loc["Hanano", "end"] == pd.Timestamp(dt.datetime(9999, 12, 31))
    assert pd.isna(frame.loc["Tadif", "start"])


def test_empty_result_sets() -> None:
    cg = ClaimGraph.build([make_claim("A", "Hilan", "army", on="2014-05-21")])
    disputes = find_disputes(cg)
    assert isinstance(disputes, Disputes)
    assert disputes == []
    assert repr(disputes) == "<Disputes: 0 disputes, 0 places>"
    frame = disputes.to_dataframe()
    assert len(frame) == 0
    assert frame["start"].dtype.kind == "M"
    assert isinstance(build_timelines(cg), Timelines)


def test_missing_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from claimgraph._errors import MissingDependencyError

    monkeypatch.setitem(sys.modules, "pandas", None)
    cg = ClaimGraph.build([make_claim("A", "Hilan", "army", on="2014-05-21")])
    with pytest.raises(MissingDependencyError, match=r"claimgraph\[pandas\]"):
        cg.to_dataframe()
