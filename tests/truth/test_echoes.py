"""Echo discounting (``discover(..., echoes=True)``) on a hand-made case."""

from __future__ import annotations

import numpy as np
import pytest

from claimgraph.scoring.truth import METHODS, discover
from claimgraph.scoring.truth._echo import discount_echoes, echo_rates
from claimgraph.scoring.truth._items import build_problem

N_ITEMS, N_WRONG = 400, 40


def _rows() -> list[tuple[str, str, str]]:
    # Three sources republish one feed (same value on every item), wrong on the
    # last N_WRONG items; two independent sources are each wrong on a different
    # tenth of the other items. On the feed's wrong items it is 3 against 2.
    rows = []
    for n in range(N_ITEMS):
        item = f"i{n}"
        feed = "wrong" if n >= N_ITEMS - N_WRONG else "true"
        rows += [(copier, item, feed) for copier in ("c1", "c2", "c3")]
        rows.append(("a", item, "err-a" if n < N_WRONG else "true"))
        rows.append(("b", item, "err-b" if N_WRONG <= n < 2 * N_WRONG else "true"))
    return rows


def test_identical_sources_echo_and_disagreeing_ones_do_not():
    rates = echo_rates(np.array([N_ITEMS, N_ITEMS - 2 * N_WRONG]), np.array([0, 2 * N_WRONG]))
    assert rates[0] > 0.5
    assert rates[1] == 0.0


def test_republished_feed_counts_about_once(claims_of):
    problem = build_problem(claims_of(_rows()))
    weights = discount_echoes(problem).votes.toarray()
    index = {name: s for s, name in enumerate(problem.sources)}
    independent = weights[[index["a"], index["b"]]]
    assert np.all(independent[independent != 0] == 1.0)
    copies = weights[[index["c1"], index["c2"], index["c3"]]]
    feed_weight = copies.sum(axis=0)[copies[0] != 0]
    assert np.all(feed_weight < 2.0)


@pytest.mark.parametrize("method", ["vote", "sums", "accu"])
def test_independent_pair_outvotes_the_echoed_feed(method, claims_of):
    claims = claims_of(_rows())
    wrong_items = {f"i{n}" for n in range(N_ITEMS - N_WRONG, N_ITEMS)}

    def wins(result: object) -> dict[str, str | None]:
        return {i.subject: i.value for i in result.items if i.subject in wrong_items}  # type: ignore[attr-defined]

    assert set(wins(discover(claims, method="vote", echoes=False)).values()) == {"wrong"}
    assert set(wins(discover(claims, method=method, echoes=True)).values()) == {"true"}
    # echoes are discounted by default
    assert set(wins(discover(claims, method=method)).values()) == {"true"}


@pytest.mark.parametrize("method", list(METHODS))
def test_no_echo_no_change(method, claims_of):
    # independent sources that disagree often: discounting changes nothing
    rows = [("a", "x", "1"), ("b", "x", "1"), ("c", "x", "2"), ("a", "y", "3"), ("c", "y", "4")]
    plain = discover(claims_of(rows), method=method, echoes=False)
    echoed = discover(claims_of(rows), method=method, echoes=True)
    assert [i.value for i in plain.items] == [i.value for i in echoed.items]


def _two_feeds_rows() -> list[tuple[str, str, str]]:
    # Two feeds, republished by four and by three outlets, print another kind of
    # time (say, wheels-off instead of gate departure) on every even item and the
    # true value on the odd ones, each with its own slips. Four independent
    # sources are right but for their own tenth of the items. On the even items
    # it is seven outlets against four sources: vote-like beliefs side with the
    # feeds, and the independent sources, agreeing on what then look like false
    # values, look like copiers of one another.
    rows = []
    for n in range(300):
        item = f"i{n}"
        for feed, outlets, slip in (("g", 4, 1), ("h", 3, 7)):
            value = "alt" if n % 2 == 0 else f"{feed}-slip" if n % 20 == slip else "true"
            rows += [(f"{feed}{k}", item, value) for k in range(outlets)]
        rows += [(f"a{k}", item, f"a{k}-err" if n % 10 == k else "true") for k in range(4)]
    return rows


def test_accu_copy_judging_copies_by_echo_first_escapes_the_feeds(claims_of):
    # plus an item only the outlets of feed g speak of, and one only its first outlet
    only_feed = [(f"g{k}", "all outlets", "v") for k in range(4)] + [("g0", "one outlet", "v")]
    claims = claims_of(_two_feeds_rows() + only_feed)

    def share_true(result: object) -> float:
        items = [i for i in result.items if i.subject.startswith("i")]  # type: ignore[attr-defined]
        return sum(i.value == "true" for i in items) / len(items)

    trapped = discover(claims, method="accu_copy", window=None, echoes=False)
    assert share_true(trapped) < 0.6
    freed = discover(claims, method="accu_copy", window=None, echoes=True)
    assert share_true(freed) > 0.95
    assert freed.trust["a0"] > freed.trust["g0"]
    # the echo test is only AccuCopy's first look, its votes are not discounted
    # twice: four outlets of one feed say what one of them says alone
    confidence = {i.subject: i.confidence for i in freed.items}
    assert confidence["all outlets"] == pytest.approx(confidence["one outlet"], abs=0.02)
