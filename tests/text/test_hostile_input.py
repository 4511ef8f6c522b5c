"""The text reader on hostile input: any text gives claims or a clean InputError.

Property tests draw text from the whole of Unicode and from news-like fragments
mixed with what broke the reader once (digits of other scripts, years 0 and 9999,
days no calendar has, control characters, unbalanced quotes); their run time is
bounded by the size of what they draw, never by a timer. The unit tests below
them pin each defect with sentences written for them. Speed on long input is
measured in benchmarks/bench_text_scaling.py, not here.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimgraph import InputError
from claimgraph.model import Claim, Precision
from claimgraph.text import extract_file, extract_text, split_sentences
from claimgraph.text._sentences import MAX_SENTENCE

LANGS = ("es", "en", "auto")

#: Pieces of news prose, in both languages, for the mixed strategy.
FRAGMENTS = (
    "El 4 de abril de 2014, las tropas del gobierno tomaron Umm Sayal. ",
    "Según el OSDH, los rebeldes recuperaron Umm Sayal al día siguiente. ",
    "Un bombardeo en Tell Baran mató al menos a 12 personas, incluidos 3 niños. ",
    "Entre 40 y 55 combatientes murieron en Ain Qurna a finales de mayo. ",
    "Las fuerzas leales avanzaron hacia Marj Sawda, dijo un portavoz. ",
    "On June 2, 2016, rebels captured Tell Baran, the monitor said. ",
    "Government forces withdrew from Ain Qurna overnight, activists said. ",
    "Shelling of Umm Sayal killed more than 20 civilians, according to SANA. ",
    "The army denied that it had lost Marj Sawda. ",
    "It was unclear who controlled Kafr Dalil. ",
    '"We hold the town," a commander said. ',
    "Tell Baran, Ain Qurna and Kafr Dalil fell to the army. ",
)
#: What broke the reader once, or could.
HOSTILE = (
    "٣ de marzo de ٢٠١٥",
    "March ３, ２０１６",
    "۱۲ personas",
    "el 31 de febrero de 2015",
    "on February 30, 2016",
    "el 0 de marzo",
    "el 1 de enero de 0000",
    "el 31 de diciembre de 9999",
    "December 31, 9999",
    "January 1, 0001",
    "in 9999",
    "en el año 0",
    "al día siguiente",
    "the next day",
    "last week",
    "ayer",
    "between 70 and 7 civilians",
    "más de 99999999999999999999999 personas",
    "the 400% of Tell Baran",
    "\x00",
    "\x07\x1b",
    "\u2028",
    "\u200b",
    "\ufeff",
    "\x85",
    '"',
    "«",
    "[7]",
    "''",
    "—dijo el OSDH—",
    ";",
    ":",
    "\r",
    "\n",
    "Тель Баран",
    "الرقة",
)

mixed_text = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.sampled_from(HOSTILE), st.text(max_size=12)),
    max_size=14,
).map("".join)


def _read(text: str, lang: str, **options: object) -> list[Claim] | InputError:
    try:
        claims = extract_text(text, lang=lang, **options)  # type: ignore[arg-type]
    except InputError as exc:
        return exc
    assert isinstance(claims, list)
    assert all(isinstance(c, Claim) for c in claims)
    return claims


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(max_size=400), lang=st.sampled_from(LANGS))
def test_any_unicode_text_gives_claims_or_an_input_error(text: str, lang: str) -> None:
    _read(text, lang)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=mixed_text,
    lang=st.sampled_from(LANGS),
    dated=st.sampled_from(
        [
            {},
            {"year": 2015},
            {"year": 1},
            {"year": 9999},
            {"doc_date": dt.date(2016, 3, 2)},
            {"doc_date": dt.date(1, 1, 1)},
            {"doc_date": dt.date(9999, 12, 31)},
        ]
    ),
)
def test_news_with_hostile_pieces_gives_claims_or_an_input_error(
    text: str, lang: str, dated: dict[str, object]
) -> None:
    result = _read(text, lang, **dated)
    if isinstance(result, list):
        for claim in result:
            # what the reader keeps is in the text it was read from
            assert claim.text in {s.text for s in split_sentences(text)}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=300))
def test_any_file_gives_claims_or_an_error_naming_it(data: bytes, tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("hostile") / "report.txt"
    path.write_bytes(data)
    try:
        claims = extract_file(path, lang="es")
    except InputError as exc:
        message, claims = str(exc), []
    else:
        message = ""
    assert not message or message.startswith(f"{path}:")
    assert all(c.doc == "report.txt" for c in claims)


# -- each defect, with sentences of its own -----------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("El ٤ de abril de ٢٠١٤, las tropas del gobierno tomaron Umm Sayal.", "es"),
        ("El ４ de abril de ２０１４, las tropas del gobierno tomaron Umm Sayal.", "es"),
        ("On April ٤, ٢٠١٤, government troops captured Umm Sayal.", "en"),
        ("On April ４, ２０１４, government troops captured Umm Sayal.", "en"),
    ],
)
def test_dates_in_other_scripts_digits_are_read(text: str, lang: str) -> None:
    [claim] = extract_text(text, lang=lang)
    assert (claim.subject, claim.value, claim.start) == (
        "Umm Sayal",
        "government",
        dt.date(2014, 4, 4),
    )


@pytest.mark.parametrize(
    ("text", "lang", "low"),
    [
        ("Un bombardeo en Tell Baran mató al menos a ٣٥ personas.", "es", 35),
        ("Un bombardeo en Tell Baran mató al menos a ３５ personas.", "es", 35),
        ("Shelling killed at least ۳۵ civilians in Tell Baran.", "en", 35),
    ],
)
def test_counts_in_other_scripts_digits_are_read(text: str, lang: str, low: int) -> None:
    [claim] = extract_text(text, lang=lang, year=2015)
    assert claim.low == low
    assert claim.subject == "Tell Baran"


@pytest.mark.parametrize(
    ("text", "lang", "options"),
    [
        ("El 31 de diciembre de 9999 el ejército tomó Umm Sayal. "
         "Al día siguiente los rebeldes recuperaron Umm Sayal.", "es", {}),
        ("On December 31 the army took Umm Sayal. "
         "The next day rebels retook Umm Sayal.", "en", {"year": 9999}),
        ("On December 31 the army took Umm Sayal. "
         "The next day rebels retook Umm Sayal.", "en", {"doc_date": dt.date(9999, 12, 31)}),
    ],
)  # fmt: skip
def test_the_day_after_the_last_representable_day_is_unknown(
    text: str, lang: str, options: dict[str, object]
) -> None:
    first, second = extract_text(text, lang=lang, **options)  # type: ignore[arg-type]
    assert first.start == dt.date(9999, 12, 31)
    assert (second.value, second.precision) == ("opposition", Precision.UNKNOWN)


@pytest.mark.parametrize(
    ("text", "lang", "options"),
    [
        ("El 1 de enero de 0000 el ejército tomó Umm Sayal.", "es", {}),
        ("El 1 de enero de 0000, el ejército tomó Umm Sayal. "
         "El 5 de marzo los rebeldes recuperaron Umm Sayal.", "es", {}),
        ("Ayer el ejército tomó Umm Sayal. La semana pasada cayó Tell Baran.", "es",
         {"doc_date": dt.date(1, 1, 1)}),
        ("Yesterday the army took Umm Sayal. Last month rebels held Tell Baran.", "en",
         {"doc_date": dt.date(1, 1, 1)}),
        ("El 3 de marzo el ejército tomó Umm Sayal.", "es", {"year": 9999}),
    ],
)  # fmt: skip
def test_years_out_of_range_give_an_unknown_time(
    text: str, lang: str, options: dict[str, object]
) -> None:
    claims = extract_text(text, lang=lang, **options)  # type: ignore[arg-type]
    assert claims
    assert claims[0].subject == "Umm Sayal"
    for claim in claims:
        assert claim.precision is Precision.UNKNOWN or claim.start is not None


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("El 31 de febrero de 2015 el ejército tomó Umm Sayal.", "es"),
        ("El 30 de febrero el ejército tomó Umm Sayal.", "es"),
        ("El 0 de mayo de 2015 el ejército tomó Umm Sayal.", "es"),
        ("On February 30, 2015, the army took Umm Sayal.", "en"),
        ("On April 31 the army took Umm Sayal.", "en"),
        ("Entre el 30 y el 31 de febrero de 2015 el ejército tomó Umm Sayal.", "es"),
    ],
)
def test_impossible_dates_keep_the_claim_with_an_unknown_time(text: str, lang: str) -> None:
    [claim] = extract_text(text, lang=lang, year=2015)
    assert (claim.subject, claim.value) == ("Umm Sayal", "government")
    assert claim.precision is Precision.UNKNOWN
    assert claim.start is None


def test_an_impossible_date_does_not_move_the_next_relative_time() -> None:
    first, second = extract_text(
        "El 2 de marzo de 2015 el ejército tomó Umm Sayal. El 31 de febrero cayó Tell "
        "Baran. Al día siguiente los rebeldes recuperaron Umm Sayal.",
        lang="es",
    )[:2]
    assert first.start == dt.date(2015, 3, 2)
    assert second.precision is Precision.UNKNOWN


@pytest.mark.parametrize("n", [3, 40, 1000])
@pytest.mark.parametrize(
    ("template", "lang", "conjunction"),
    [
        ("{} fell to the army.", "en", " and "),
        ("The army captured {}.", "en", " and "),
        ("{} cayeron en manos del ejército.", "es", " y "),
        ("Los rebeldes tomaron {}.", "es", " y "),
    ],
)
def test_a_list_of_n_places_gives_n_claims(
    n: int, template: str, lang: str, conjunction: str
) -> None:
    names = [f"Kafr {_letters(i)}" for i in range(n)]
    listed = ", ".join(names[:-1]) + conjunction + names[-1]
    claims = extract_text(template.format(listed), lang=lang, year=2015)
    assert [c.subject for c in claims] == names
    assert {c.value for c in claims} == {"government" if "army" in template or "ejército"
                                         in template else "opposition"}  # fmt: skip


def _letters(i: int) -> str:
    """A distinct capitalized made-up word for each ``i`` ("Ba", "Ca", ..., "Baba")."""
    word = ""
    while True:
        word = "bcdfghjklmnpqrstvz"[i % 18] + "aeiou"[i // 18 % 5] + word
        i //= 90
        if not i:
            return word.capitalize()


def test_a_long_line_without_full_stops_is_read_in_bounded_pieces() -> None:
    clause = "las tropas del gobierno tomaron Umm Sayal y los rebeldes huyeron hacia Tell Baran, "
    line = clause * (3 * MAX_SENTENCE // len(clause))
    sentences = split_sentences(line)
    assert len(sentences) >= 3
    assert all(len(s.text) <= MAX_SENTENCE for s in sentences)
    # cut at commas: no piece starts or ends inside a word
    assert all(s.text.startswith("las tropas") for s in sentences)
    claims = extract_text(line, lang="es", year=2015)
    assert {(c.subject, c.value) for c in claims} == {("Umm Sayal", "government")}


def test_a_line_with_no_break_at_all_is_cut_at_the_limit() -> None:
    text = "x" * (2 * MAX_SENTENCE + 5)
    assert [len(s.text) for s in split_sentences(text)] == [MAX_SENTENCE, MAX_SENTENCE, 5]


def test_nul_and_control_characters_do_not_hide_a_claim() -> None:
    text = "\x00\x07El ejército\x0b tomó\x1f Umm Sayal.\x00\u2028\x85"
    [claim] = extract_text(text, lang="es", year=2015)
    assert (claim.subject, claim.value) == ("Umm Sayal", "government")


def test_mixed_scripts_read_the_latin_name_and_stop_at_the_others() -> None:
    claims = extract_text(
        "Las tropas del gobierno tomaron Umm Sayal, Тель Баран, الرقة y Tell Baran.",
        lang="es",
        year=2015,
    )
    assert [(c.subject, c.value) for c in claims] == [("Umm Sayal", "government")]


def test_reversed_bounds_are_put_in_order() -> None:
    [claim] = extract_text("Entre 70 y 7 civiles murieron en Tell Baran.", lang="es", year=2015)
    assert (claim.low, claim.high) == (7, 70)


def test_a_number_no_count_has_gives_no_count() -> None:
    text = "Un bombardeo en Tell Baran mató a " + "9" * 40 + " personas."
    assert extract_text(text, lang="es", year=2015) == []


def test_a_share_over_the_whole_gives_partial_control_without_a_share() -> None:
    [claim] = extract_text("Rebels took 400% of Tell Baran.", lang="en", year=2015)
    assert (claim.subject, claim.partial, claim.share) == ("Tell Baran", True, None)


def test_fewer_than_none_is_none() -> None:
    [claim] = extract_text(
        "Shelling killed fewer than 0 civilians in Tell Baran.", lang="en", year=2015
    )
    assert (claim.low, claim.high) == (None, 0)


@pytest.mark.parametrize("text", ["", " ", "\n\n\t \n", "\ufeff", "\r\n\r\n"])
def test_empty_or_blank_text_gives_no_claims(text: str) -> None:
    assert extract_text(text, lang="es") == []
    with pytest.raises(InputError, match="cannot tell the language"):
        extract_text(text)


@pytest.mark.parametrize("data", [b"", b"   \n\t\n", b"\xef\xbb\xbf\n"])
def test_empty_or_blank_files_are_an_error_naming_them(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(data)
    with pytest.raises(InputError, match=rf"{path}: empty file"):
        extract_file(path)


def test_a_bad_byte_is_an_error_naming_file_line_and_offset(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes(
        "El ejército tomó Umm Sayal.\nLos rebeldes huyeron a Tell Barán.\n".encode("latin-1")
    )
    with pytest.raises(InputError) as caught:
        extract_file(path, lang="es")
    message = str(caught.value)
    assert message.startswith(f"{path}:1:")
    assert "byte 0xe9 at byte offset 5" in message


def test_a_nul_byte_after_the_start_is_an_error_naming_its_line(tmp_path: Path) -> None:
    path = tmp_path / "nul.txt"
    path.write_bytes(b"El ejercito tomo Umm Sayal.\n" * 400 + b"Los rebeldes\x00 huyeron.\n")
    with pytest.raises(InputError, match=rf"{path}:401: .*NUL"):
        extract_file(path, lang="es")


@pytest.mark.parametrize("year", [0, -3, 10_000])
def test_a_year_no_date_can_have_is_refused(year: int) -> None:
    with pytest.raises(InputError, match=f"year must be between 1 and 9999, got {year}"):
        extract_text("El 3 de marzo el ejército tomó Umm Sayal.", lang="es", year=year)
