"""The claim model: construction, validation, normalization, round trips."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimgraph import Claim, InvalidClaimError, Precision, Stance
from claimgraph.model import (
    Source,
    SourceRegistry,
    canonical_side,
    independent_of,
    parse_bounds,
    parse_number,
)


def record(**overrides: object) -> dict[str, object]:
    base: dict[str, object] = {
        "source": "SANA",
        "subject": "Zitan",
        "property": "control",
        "value": "army",
    }
    base.update(overrides)
    return base


@pytest.mark.parametrize(
    ("alias", "side"),
    [
        ("regime", "government"),
        ("Syrian Arab Army", "government"),
        ("rebels", "opposition"),
        ("FSA", "opposition"),
        ("ISIL", "isis"),
        ("Daesh", "isis"),
        ("YPG", "kurdish"),
        ("unclear", "contested"),
        ("Ejército", "government"),
    ],
)
def test_control_aliases_become_canonical_sides(alias: str, side: str) -> None:
    assert Claim.from_record(record(value=alias)).value == side
    assert canonical_side(alias) == side


def test_unknown_side_names_field_expected_and_got() -> None:
    with pytest.raises(InvalidClaimError) as info:
        Claim.from_record(record(value="martians"))
    assert info.value.field == "value"
    assert "martians" in str(info.value)
    assert isinstance(info.value, ValueError)


def test_single_date_is_a_day() -> None:
    claim = Claim.from_record(record(date="2014-01-25"))
    assert (claim.start, claim.end, claim.precision) == (
        dt.date(2014, 1, 25),
        dt.date(2014, 1, 25),
        Precision.DAY,
    )


def test_start_and_end_are_a_range_and_end_alone_a_deadline() -> None:
    span = Claim.from_record(record(start="2013-12-15", end="2013-12-28"))
    assert span.precision is Precision.RANGE
    deadline = Claim.from_record(record(end="2014-01-11"))
    assert (deadline.start, deadline.precision) == (None, Precision.BY)
    assert deadline.time_text() == "by 2014-01-11"


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"date": "2014-02-30"}, "date"),
        ({"start": "2014-03-02", "end": "2014-03-01"}, "end"),
        ({"stance": "maybe"}, "stance"),
        ({"low": "many"}, "low"),
        ({"precision": "week"}, "precision"),
        ({"sentence": "third"}, "sentence"),
        ({"source": "  "}, "source"),
        ({"date": "2014-01-01", "start": "2014-01-01"}, "date"),
    ],
)
def test_invalid_fields_are_named(fields: dict[str, object], field: str) -> None:
    with pytest.raises(InvalidClaimError) as info:
        Claim.from_record(record(**fields))
    assert info.value.field == field


def test_claim_needs_a_value_or_bounds() -> None:
    with pytest.raises(InvalidClaimError, match="value"):
        Claim.from_record({"source": "a", "subject": "b", "property": "killed"})


def test_low_above_high_is_rejected() -> None:
    with pytest.raises(InvalidClaimError, match="high"):
        Claim.from_record(record(property="killed", value=None, low=10, high=5))


def test_numbers_become_bounds() -> None:
    exact = Claim.from_record(record(property="killed", value="1.000"))
    assert (exact.low, exact.high) == (1000.0, 1000.0)
    more_than = Claim.from_record(record(property="killed", value=">1000"))
    assert (more_than.low, more_than.high) == (1001.0, None)
    assert more_than.bounds_text() == ">= 1001"


def test_json_numbers_are_values() -> None:
    claim = Claim.from_record(record(property="Population2006", value=1850230))
    assert claim.low == claim.high == 1850230.0
    assert claim.value == "1850230"


def test_share_in_percent_is_a_fraction_and_partial() -> None:
    claim = Claim.from_record(record(share="60"))
    assert claim.share == pytest.approx(0.6)
    assert claim.partial


def test_truth_discovery_rows_load_as_claims() -> None:
    claim = Claim.from_record(
        {"source": "store-1", "subject": "0201853949", "property": "authors", "value": "Knuth"}
    )
    assert claim.value == "Knuth"
    assert not claim.is_numeric
    assert claim.precision is Precision.UNKNOWN


def test_missing_id_is_derived_from_content() -> None:
    a = Claim.from_record(record(date="2014-01-01"))
    b = Claim.from_record(record(date="2014-01-01"))
    c = Claim.from_record(record(date="2014-01-02"))
    assert a.id == b.id != c.id


def test_init_checks_types() -> None:
    with pytest.raises(InvalidClaimError, match="start"):
        Claim("a", "b", "control", "government", start="2014-01-01")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="stance"):
        Claim("a", "b", "control", "government", stance="perhaps")  # type: ignore[arg-type]


_text = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1).filter(
    lambda s: s.strip() == s and s != ""
)


@given(
    source=_text,
    subject=_text,
    value=st.sampled_from(["government", "opposition", "isis", "kurdish", "contested"]),
    day=st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31)),
    length=st.integers(0, 40),
    stance=st.sampled_from(list(Stance)),
)
def test_record_round_trip(
    source: str, subject: str, value: str, day: dt.date, length: int, stance: Stance
) -> None:
    claim = Claim.from_record(
        {
            "source": source,
            "subject": subject,
            "property": "control",
            "value": value,
            "start": day.isoformat(),
            "end": (day + dt.timedelta(days=length)).isoformat(),
            "stance": stance.value,
        }
    )
    assert Claim.from_record(claim.to_record()) == claim


@given(st.integers(0, 10**9))
def test_parse_number_reads_thousands_either_way(n: int) -> None:
    assert parse_number(f"{n:,}") == n
    assert parse_number(f"{n:,}".replace(",", ".")) == n
    assert parse_bounds(str(n)) == (n, n)


def test_registry_folds_names_and_keeps_alignment() -> None:
    registry = SourceRegistry(
        [Source("Syrian Observatory for Human Rights", ("SOHR", "OSDH"), "independent")]
    )
    assert registry.canonical("osdh") == "Syrian Observatory for Human Rights"
    assert registry.alignment("SOHR") == "independent"
    assert "Reuters" not in registry


def test_same_side_sources_are_not_independent() -> None:
    assert not independent_of("government", "Government")
    assert independent_of("government", None)
    assert independent_of("independent", "independent")
