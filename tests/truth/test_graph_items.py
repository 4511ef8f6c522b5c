"""Truth discovery on a claim graph's items (:func:`discover_graph`)."""

from __future__ import annotations

import attrs
import pytest

from claimgraph.graph import ClaimGraph
from claimgraph.scoring.truth import CHANGE_RATE, discover, discover_graph
from claimgraph.testing import make_claim, synthetic_claims


def _with_timeless(n: int) -> list:
    """Synthetic claims, every seventh made timeless (it then speaks of every period)."""
    claims = synthetic_claims(n, seed=11).claims
    return [
        attrs.evolve(c, start=None, end=None) if k % 7 == 0 else c for k, c in enumerate(claims)
    ]


def test_graph_episodes_give_the_items_discover_makes_itself() -> None:
    claims = _with_timeless(1500)
    for change_rate in (CHANGE_RATE, 0.0):
        cg = ClaimGraph.build(claims, resolve_places=False, change_rate=change_rate)
        for method in ("vote", "accu_copy"):
            ours = discover_graph(cg, method=method, tolerance=5)
            plain = discover(claims, method=method, tolerance=5, change_rate=change_rate)
            assert ours.to_records() == plain.to_records()
            assert ours.trust == plain.trust


def test_spellings_of_one_place_are_one_item_shown_by_its_name() -> None:
    claims = [
        make_claim("A", "Karm al-Qasr", "army", on="2014-01-25"),
        make_claim("B", "Karm al-Qasr", "army", on="2014-01-26"),
        make_claim("C", "Karam al Qasr", "rebels", on="2014-01-26"),
        make_claim("D", "Karam al Qasr", "army"),  # timeless: joins every period
        make_claim("A", "Karm al-Qasr", "army", on="2014-03-01"),
    ]
    result = discover_graph(ClaimGraph.build(claims), method="vote")
    rows = [(i.subject, i.period, len(i.supporting), len(i.opposing)) for i in result.items]
    assert [(s, p[0].isoformat(), pro, con) for s, p, pro, con in rows] == [
        ("Karm al-Qasr", "2014-01-25", 3, 1),
        ("Karm al-Qasr", "2014-03-01", 2, 0),
    ]
    apart = discover_graph(ClaimGraph.build(claims, resolve_places=False), method="vote")
    assert sorted({i.subject for i in apart.items}) == ["Karam al Qasr", "Karm al-Qasr"]


def _change_inside_one_episode() -> list:
    """Six sources say the army holds Hilan on 1-3 May, six say the rebels do on 5-7 May:
    the days chain within the 3-day window, so the graph makes one episode of them."""
    claims = [
        make_claim(f"S{k}", "Hilan", "army", on=f"2014-05-0{1 + k % 3}") for k in range(6)
    ] + [make_claim(f"S{k}", "Hilan", "rebels", on=f"2014-05-0{5 + k % 3}") for k in range(6, 12)]
    claims.append(make_claim("T", "Hilan", "rebels"))  # timeless: in both periods
    return claims


def test_a_change_of_holder_inside_one_episode_is_cut_as_discover_cuts_it() -> None:
    claims = _change_inside_one_episode()
    cg = ClaimGraph.build(claims)
    # the graph cuts the episode itself; discover_graph takes its episodes as they are
    assert len(cg.episodes) == 2
    result = discover_graph(cg, method="vote")
    rows = [
        (i.period[0].isoformat(), i.period[1].isoformat(), i.value, len(i.supporting))
        for i in result.items
        if i.period is not None
    ]
    # the timeless claim backs the rebels in both periods
    assert rows == [
        ("2014-05-01", "2014-05-03", "government", 6),
        ("2014-05-05", "2014-05-07", "opposition", 7),
    ]
    assert result.to_records() == discover(claims, method="vote").to_records()
    # change_rate 0 never cuts: the episode is one item again
    uncut = ClaimGraph.build(claims, change_rate=0.0)
    assert len(uncut.episodes) == 1
    assert len(discover_graph(uncut, method="vote").items) == 1
    # only the properties in ``changing`` are cut
    assert len(discover_graph(ClaimGraph.build(claims, changing=()), method="vote").items) == 1


def test_a_dispute_a_day_apart_stays_one_item() -> None:
    claims = [make_claim(f"A{k}", "Hilan", "army", on="2014-05-01") for k in range(3)] + [
        make_claim(f"B{k}", "Hilan", "rebels", on="2014-05-02") for k in range(3)
    ]
    result = discover_graph(ClaimGraph.build(claims), method="vote")
    assert [(len(i.supporting), len(i.opposing)) for i in result.items] == [(3, 3)]
    assert result.to_records() == discover(claims, method="vote").to_records()


def test_graph_and_claims_agree_on_canonical_place_names() -> None:
    generated = synthetic_claims(2000, seed=11)
    claims = [
        attrs.evolve(c, subject=place)
        for c, place in zip(generated.claims, generated.canonical_places(), strict=True)
    ]
    cg = ClaimGraph.build(claims)  # place resolution on: every name is already a place
    whole = ClaimGraph.build(claims, change_rate=0.0)
    assert sorted(p.name for p in cg.places.places) == sorted(set(generated.canonical_places()))
    for method in ("vote", "accu_copy"):
        ours = discover_graph(cg, method=method, tolerance=5)
        plain = discover(claims, method=method, tolerance=5)
        assert ours.to_records() == plain.to_records()
        # groups are numbered in another order: sums may differ in the last bit
        assert ours.trust == pytest.approx(plain.trust, abs=1e-12)
        uncut = discover_graph(whole, method=method, tolerance=5)
        assert len(ours.items) > len(uncut.items)
