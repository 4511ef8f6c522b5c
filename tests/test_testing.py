"""claimgraph.testing: the claim factory and the synthetic claim sets with known truth."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np
import pytest

import claimgraph
from claimgraph import InputError, InvalidClaimError, Precision, Stance
from claimgraph.model import fold
from claimgraph.testing import (
    SyntheticClaimSet,
    claims_table,
    make_claim,
    read_truth,
    skeleton,
    spelling_variants,
    synthetic_claims,
    truth_path_for,
    write_synthetic,
)

# -- the factory --------------------------------------------------------------------


def test_make_claim_reads_aliases_dates_and_numbers() -> None:
    claim = make_claim("SANA", "Tal Alam", "regime", on="2014-01-25")
    assert claim.property == "control"
    assert claim.value == "government"
    assert claim.start == claim.end == dt.date(2014, 1, 25)
    assert claim.precision is Precision.DAY
    count = make_claim(
        "SOHR", "Aleppo", "1,000", property="killed", start="2013-12-15", end="2013-12-28"
    )
    assert (count.low, count.high, count.precision) == (1000.0, 1000.0, Precision.RANGE)
    bounds = make_claim("SOHR", "Aleppo", None, property="wounded", low=30)
    assert (bounds.low, bounds.high, bounds.start) == (30.0, None, None)


def test_make_claim_ids_follow_content() -> None:
    first = make_claim("A", "Bab", "rebels", on=dt.date(2014, 2, 1))
    assert first == make_claim("A", "Bab", "FSA", on="2014-02-01")
    assert first.id != make_claim("B", "Bab", "rebels", on="2014-02-01").id
    assert make_claim("A", "Bab", "rebels", id="x1").id == "x1"


def test_make_claim_rejects_bad_fields() -> None:
    with pytest.raises(InvalidClaimError) as caught:
        make_claim("A", "Bab", "rebels", on="2014-02-30")
    assert caught.value.field == "start"
    with pytest.raises(InvalidClaimError, match="either on or start/end"):
        make_claim("A", "Bab", "rebels", on="2014-02-01", end="2014-02-03")


def test_claims_table_rows_columns_and_defaults() -> None:
    claims = claims_table(
        [
            ("SANA", "Tal Alam", "army", "2014-01-16"),
            ("SOHR", "Tal Alam", "unclear", "2014-01-16", "uncertain"),
            {"source": "SOHR", "subject": "Tal Alam", "value": "army", "stance": "denies"},
        ],
        doc="bulletin-7",
    )
    assert [c.id for c in claims] == ["c1", "c2", "c3"]
    assert [c.stance for c in claims] == [Stance.ASSERTS, Stance.UNCERTAIN, Stance.DENIES]
    assert claims[1].value == "contested"
    assert {c.doc for c in claims} == {"bulletin-7"}
    counts = claims_table(
        [("A", "Homs", 12), ("B", "Homs", "10-15")], property="killed", id_prefix="k"
    )
    assert [(c.id, c.low, c.high) for c in counts] == [("k1", 12.0, 12.0), ("k2", 10.0, 15.0)]
    reordered = claims_table(
        [("2014-03-01", "A", "Homs", "isis")], columns=("date", "source", "subject", "value")
    )
    assert reordered[0].start == dt.date(2014, 3, 1)


def test_claims_table_names_the_bad_row() -> None:
    with pytest.raises(InputError) as caught:
        claims_table([("A", "Homs", "army"), ("B", "Homs", "martians")])
    assert (caught.value.line, caught.value.field) == (2, "value")
    with pytest.raises(InputError, match="6 cells"):
        claims_table([("A", "Homs", "army", "2014-01-01", "asserts", "extra")])


# -- place names ----------------------------------------------------------------------


def test_spelling_variants_keep_the_consonants() -> None:
    rng = np.random.default_rng(0)
    for name in ("Karam al-Turab", "Sheikh Maqsoud", "al-Bureij", "Tal Hammam", "Aziziyeh"):
        variants = spelling_variants(name, 5, rng)
        assert variants, name
        assert len({fold(v) for v in variants} | {fold(name)}) == len(variants) + 1
        assert {skeleton(v) for v in variants} == {skeleton(name)}


def test_variants_map_back_and_places_stay_distinct() -> None:
    data = synthetic_claims(3000, seed=11, n_places=60, lookalike_rate=0.2)
    truth = data.truth
    assert len(truth.places) == 60
    seen: dict[str, str] = {}
    for canonical, variants in truth.places.items():
        for spelling in (canonical, *variants):
            assert truth.canonical(spelling) == canonical
            assert seen.setdefault(fold(spelling), canonical) == canonical
    assert len({skeleton(name) for name in truth.places}) == len(truth.places)
    assert truth.lookalikes
    for a, b in truth.lookalikes:
        assert a != b
        assert a.split()[0] == b.split()[0] or a[:3] == b[:3]
    # Claims are about the spellings, and a spelling names its claim's place.
    for subject, place in zip(
        (c.subject for c in data.claims), data.canonical_places(), strict=True
    ):
        assert truth.canonical(subject) == place
    assert sum(1 for c in data.claims if c.subject not in truth.places) > 0.2 * len(data)


# -- the synthetic model --------------------------------------------------------------


@pytest.fixture(scope="module")
def data() -> SyntheticClaimSet:
    return synthetic_claims(20_000, seed=3)


def test_same_seed_same_claims() -> None:
    first = synthetic_claims(1500, seed=42)
    again = synthetic_claims(1500, seed=42)
    other = synthetic_claims(1500, seed=43)
    assert first.claims == again.claims
    assert first.truth == again.truth
    assert np.array_equal(first.is_correct, again.is_correct)
    assert first.claims != other.claims


def test_claim_mix(data: SyntheticClaimSet) -> None:
    claims = data.claims
    assert len(claims) == 20_000
    assert [c.id for c in claims] == data.ids
    assert len(set(data.ids)) == len(claims)
    kinds = Counter(c.property for c in claims)
    assert 0.07 < (kinds["killed"] + kinds["wounded"]) / len(claims) < 0.13
    stances = Counter(c.stance for c in claims)
    assert 0.01 < stances[Stance.DENIES] / len(claims) < 0.04
    assert 0.015 < stances[Stance.UNCERTAIN] / len(claims) < 0.05
    assert any(c.value == "contested" for c in claims)
    assert any(c.precision is Precision.RANGE and c.property == "control" for c in claims)
    alignments = {c.source: c.alignment for c in claims}
    assert alignments == {s: src.alignment for s, src in data.truth.sources.items()}
    assert {"government", "opposition", "independent"} <= set(alignments.values())


def test_control_claims_are_true_at_about_the_reliability(data: SyntheticClaimSet) -> None:
    truth = data.truth
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for claim, original, correct in zip(data.claims, data.copy_of, data.is_correct, strict=True):
        if claim.property != "control" or original >= 0:
            continue
        first, last = claim.start, claim.end
        assert first is not None
        assert last is not None
        days = [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]
        holders = {truth.holder(claim.subject, day) for day in days}
        assert len(holders) == 1  # a claim over several days never straddles a change
        held = claim.value in holders
        # The truth flag agrees with the timelines: asserting the holder, or denying another side.
        assert bool(correct) == (held != (claim.stance is Stance.DENIES))
        total[claim.source] += 1
        right[claim.source] += bool(correct)
    for source, count in total.items():
        if count >= 300:
            expected = truth.sources[source].reliability
            assert abs(right[source] / count - expected) < 0.06, source


def test_counts_bound_the_truth_when_correct(data: SyntheticClaimSet) -> None:
    items = data.truth.items
    checked = 0
    for claim, item, correct in zip(data.claims, data.item_of, data.is_correct, strict=True):
        if claim.property == "control":
            assert item == -1
            continue
        event = items[item]
        assert (claim.subject and data.truth.canonical(claim.subject)) == event.place
        assert (claim.property, claim.start, claim.end) == (event.property, event.start, event.end)
        low = -np.inf if claim.low is None else claim.low
        high = np.inf if claim.high is None else claim.high
        assert (low <= event.value <= high) == bool(correct)
        checked += 1
    assert checked > 1000


def test_biased_sources_lean_to_their_side(data: SyntheticClaimSet) -> None:
    wrong_values: dict[str, Counter[str]] = defaultdict(Counter)
    for claim, correct, original in zip(data.claims, data.is_correct, data.copy_of, strict=True):
        if (
            claim.property == "control"
            and claim.stance is Stance.ASSERTS
            and not correct
            and original < 0
        ):
            wrong_values[claim.source][claim.value or ""] += 1
    for name, source in data.truth.sources.items():
        errors = wrong_values[name]
        if source.alignment in {"government", "opposition"} and sum(errors.values()) >= 100:
            assert errors.most_common(1)[0][0] == source.alignment, name


def test_copiers_repeat_their_originals(data: SyntheticClaimSet) -> None:
    copies = data.truth.copies
    assert copies
    claims = data.claims
    per_copier: Counter[str] = Counter()
    for index, original in enumerate(data.copy_of.tolist()):
        if original < 0:
            continue
        copy, source = claims[index], claims[original]
        assert copies[copy.source] == source.source
        same = ("subject", "property", "value", "low", "high", "start", "end", "stance")
        assert all(getattr(copy, f) == getattr(source, f) for f in same)
        assert data.is_correct[index] == data.is_correct[original]
        delay = data.truth.sources[copy.source].delay
        assert delay is not None
        published = [
            dt.date.fromisoformat(c.doc.split("/")[1]) for c in (copy, source) if c.doc is not None
        ]
        assert (published[0] - published[1]).days == delay
        assert index > original  # published later, so listed later
        per_copier[copy.source] += 1
    for copier in copies:
        own = sum(1 for c in claims if c.source == copier)
        share = data.truth.sources[copier].copy_share
        assert per_copier[copier] == pytest.approx(own * share, abs=2)


def test_timelines_cover_the_period(data: SyntheticClaimSet) -> None:
    truth = data.truth
    changes = 0
    for periods in truth.timelines.values():
        assert periods[0].start == truth.start
        assert periods[-1].end == truth.end
        for before, after in itertools.pairwise(periods):
            assert after.start == before.end + dt.timedelta(days=1)
            assert after.holder != before.holder
            changes += 1
    assert changes > len(truth.timelines)  # control does change hands
    assert any(p.holder == "contested" for ps in truth.timelines.values() for p in ps)


def test_options_are_checked() -> None:
    with pytest.raises(ValueError, match="copy_share"):
        synthetic_claims(100, copy_share=1.5)
    with pytest.raises(ValueError, match="n_sources"):
        synthetic_claims(100, n_sources=2)
    with pytest.raises(TypeError):
        synthetic_claims(100, colour="red")


def test_small_sets_still_work() -> None:
    tiny = synthetic_claims(5, seed=1, n_sources=3, n_days=3)
    assert len(tiny.claims) == 5
    days = [c.start for c in tiny.claims]
    assert all(day is not None and tiny.truth.start <= day <= tiny.truth.end for day in days)


# -- writing and reading back -----------------------------------------------------------


@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
def test_round_trip_through_files(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"claims{suffix}"
    data = write_synthetic(path, 2500, seed=9)
    back = claimgraph.read_claims(path)
    assert back == data.claims
    same = tmp_path / f"same{suffix}"
    claimgraph.write_claims(data.claims, same)
    assert path.read_text(encoding="utf-8") == same.read_text(encoding="utf-8")
    truth, per_claim = read_truth(truth_path_for(path))
    assert truth == data.truth
    wrong = set(per_claim["wrong"])
    assert wrong == {i for i, ok in zip(data.ids, data.is_correct, strict=True) if not ok}
    for copy, original in per_claim["copies"].items():
        assert data.ids[data.copy_of[data.ids.index(copy)]] == original
    assert per_claim["options"]["n_claims"] == 2500


def test_read_truth_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"(?i)no such file"):
        read_truth(tmp_path / "missing.json")
    bad = tmp_path / "bad.truth.json"
    bad.write_text(json.dumps({"something": 1}), encoding="utf-8")
    with pytest.raises(InputError, match="not a synthetic truth file"):
        read_truth(bad)


def test_unknown_format_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="csv or jsonl"):
        write_synthetic(tmp_path / "claims.xlsx", 10)
