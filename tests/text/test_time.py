"""Time expressions in Spanish and English, resolved against the document date.

Sentences are written for these tests. English goes through a pack made of the
English time data over the Spanish pack's other fields.
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from claimgraph import InputError
from claimgraph.model import Precision
from claimgraph.text import extract_text, fold_aligned, get_pack
from claimgraph.text._dateline import document_date
from claimgraph.text._time import TimeResolver, TimeSpan
from claimgraph.text.en._time_lexicon import TIME_FIELDS

ES = get_pack("es")
EN = attrs.evolve(ES, lang="en", **TIME_FIELDS)  # type: ignore[arg-type]
PACKS = {"es": ES, "en": EN}
THURSDAY = dt.date(2017, 3, 9)


def show(span: TimeSpan) -> str:
    """Compact: a day, a range, a month (2017-02), a year, by a day, or unknown."""
    p, start, end = span.precision, span.start, span.end
    if p is Precision.UNKNOWN:
        return "unknown"
    if p is Precision.BY:
        assert end is not None
        return f"by {end}"
    assert start is not None
    assert end is not None
    if p is Precision.YEAR:
        return str(start.year)
    if p is Precision.MONTH:
        return start.isoformat()[:7]
    if p is Precision.DAY:
        assert start == end
        return start.isoformat()
    return f"{start}..{end}"


def times(lang: str, text: str, **kw: object) -> list[str]:
    """The times of each sentence of ``text`` (sentences split on " | ")."""
    resolver = TimeResolver(PACKS[lang], **kw)  # type: ignore[arg-type]
    out: list[str] = []
    for sentence in text.split(" | "):
        mentions = resolver.mentions(fold_aligned(sentence))
        out += [show(m.span) for m in mentions]
        resolver.advance(mentions)
    return out


# The document date is Thursday 9 March 2017.
DEICTIC = [
    ("es", "Este domingo cayó el puesto.", "2017-03-05"),
    ("es", "El domingo cayó el puesto.", "2017-03-05"),
    ("es", "El jueves cayó el puesto.", "2017-03-09"),
    ("es", "El pasado jueves cayó el puesto.", "2017-03-02"),
    ("es", "El jueves pasado cayó el puesto.", "2017-03-02"),
    ("es", "El pasado lunes cayó el puesto.", "2017-03-06"),
    ("es", "El sábado por la noche cayó el puesto.", "2017-03-04"),
    ("es", "El miércoles de madrugada cayó el puesto.", "2017-03-08"),
    ("es", "Durante la noche del viernes cayó el puesto.", "2017-03-03"),
    ("es", "Hoy cayó el puesto.", "2017-03-09"),
    ("es", "Esta mañana cayó el puesto.", "2017-03-09"),
    ("es", "Ayer cayó el puesto.", "2017-03-08"),
    ("es", "Ayer por la tarde cayó el puesto.", "2017-03-08"),
    ("es", "Anoche cayó el puesto.", "2017-03-08"),
    ("es", "Anteayer cayó el puesto.", "2017-03-07"),
    ("es", "Hace tres días cayó el puesto.", "2017-03-06"),
    ("es", "La semana pasada cayó el puesto.", "2017-02-27..2017-03-05"),
    ("es", "Hace una semana cayó el puesto.", "2017-02-27..2017-03-05"),
    ("es", "Esta semana cayó el puesto.", "2017-03-06..2017-03-09"),
    ("es", "El mes pasado cayó el puesto.", "2017-02"),
    ("es", "En lo que va de mes cayó el puesto.", "2017-03-01..2017-03-09"),
    ("es", "El pasado mes de enero cayó el puesto.", "2017-01"),
    ("es", "En marzo pasado cayó el puesto.", "2016-03"),
    ("en", "On Sunday the post fell.", "2017-03-05"),
    ("en", "Sunday saw the post fall.", "2017-03-05"),
    ("en", "The post fell on Thursday.", "2017-03-09"),
    ("en", "The post fell last Friday.", "2017-03-03"),
    ("en", "The post fell last Thursday.", "2017-03-02"),
    ("en", "The post fell Friday night.", "2017-03-03"),
    ("en", "The post fell on Thursday evening.", "2017-03-09"),
    ("en", "The post fell today.", "2017-03-09"),
    ("en", "The post fell this morning.", "2017-03-09"),
    ("en", "The post fell yesterday.", "2017-03-08"),
    ("en", "The post fell last night.", "2017-03-08"),
    ("en", "The post fell the day before yesterday.", "2017-03-07"),
    ("en", "The post fell two days ago.", "2017-03-07"),
    ("en", "The post fell last week.", "2017-02-27..2017-03-05"),
    ("en", "The post fell this week.", "2017-03-06..2017-03-09"),
    ("en", "The post fell last month.", "2017-02"),
    ("en", "The post fell earlier this month.", "2017-03-01..2017-03-09"),
    ("en", "The post fell last March.", "2016-03"),
]


@pytest.mark.parametrize(("lang", "sentence", "expected"), DEICTIC)
def test_times_relative_to_the_document_date(lang: str, sentence: str, expected: str) -> None:
    assert times(lang, sentence, doc_date=THURSDAY) == [expected]


@pytest.mark.parametrize(("lang", "sentence", "expected"), DEICTIC)
def test_without_a_document_date_they_are_unknown(lang: str, sentence: str, expected: str) -> None:
    assert times(lang, sentence) == ["unknown"]
    assert times(lang, sentence, year=2017) == ["unknown"]


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("es", "Hoy en día nadie controla el paso."),
        ("es", "El domingo siguiente cayó el puesto."),
        ("es", "Los domingos hay mercado."),
        ("en", "The post will be attacked next Sunday."),
        ("en", "The Sunday Times said the post fell."),
        ("en", "The following Sunday the post fell."),
        ("en", "Markets open on Sundays."),
    ],
)
def test_weekday_words_that_are_not_the_document_week(lang: str, sentence: str) -> None:
    assert times(lang, sentence, doc_date=THURSDAY) == []


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        ("es", "El lunes 6 de marzo cayó el puesto.", ["2017-03-06"]),
        ("en", "On Monday, March 6, the post fell.", ["2017-03-06"]),
        ("en", "On Monday 6 March the post fell.", ["2017-03-06"]),
    ],
)
def test_a_weekday_before_a_date_is_left_to_the_date(
    lang: str, sentence: str, expected: list[str]
) -> None:
    assert times(lang, sentence, doc_date=THURSDAY) == expected


def test_week_and_month_across_new_year_and_on_a_monday() -> None:
    wednesday = dt.date(2017, 1, 4)
    assert times("es", "La semana pasada y el mes pasado.", doc_date=wednesday) == [
        "2016-12-26..2017-01-01",
        "2016-12",
    ]
    assert times("en", "This week.", doc_date=dt.date(2017, 3, 6)) == ["2017-03-06"]
    assert times("en", "Last Monday.", doc_date=dt.date(2017, 3, 6)) == ["2017-02-27"]


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        ("es", "El 3 de marzo cayó el puesto.", "2017-03-03"),
        ("es", "El 20 de marzo cayó el puesto.", "2016-03-20"),
        ("es", "En marzo cayó el puesto.", "2017-03"),
        ("es", "En diciembre cayó el puesto.", "2016-12"),
        ("es", "A finales de febrero cayó el puesto.", "2017-02-21..2017-02-28"),
        ("es", "A mediados de marzo cayó el puesto.", "2016-03-11..2016-03-20"),
        ("en", "The post fell on March 3.", "2017-03-03"),
        ("en", "The post fell March 20.", "2016-03-20"),
        ("en", "The post fell in March.", "2017-03"),
        ("en", "The post fell in December.", "2016-12"),
        ("en", "The post fell in late February.", "2017-02-21..2017-02-28"),
    ],
)
def test_a_date_without_year_is_the_latest_not_after_the_document_date(
    lang: str, sentence: str, expected: str
) -> None:
    assert times(lang, sentence, doc_date=THURSDAY) == [expected]


def test_a_stated_year_is_carried_even_with_a_document_date() -> None:
    es = "El 3 de marzo de 2015 cayó el puesto. | El 5 de abril lo recuperaron."
    assert times("es", es, doc_date=THURSDAY) == ["2015-03-03", "2015-04-05"]
    en = "On 3 March 2015 the post fell. | On April 5 it was retaken."
    assert times("en", en, doc_date=THURSDAY) == ["2015-03-03", "2015-04-05"]


def test_a_flashback_before_new_year_stays_before_the_document_date() -> None:
    text = "El 3 de enero cayó el puesto. | El 20 de diciembre ya había combates."
    assert times("es", text, doc_date=dt.date(2017, 1, 5)) == ["2017-01-03", "2016-12-20"]


def test_without_a_document_date_the_year_is_carried_as_before() -> None:
    assert times("es", "El 20 de marzo cayó el puesto.", year=2015) == ["2015-03-20"]
    assert times("en", "The post fell on March 20.", year=2015) == ["2015-03-20"]
    assert times("en", "The post fell on March 20.") == ["unknown"]
    text = "On December 28, 2015 the post fell. | On January 3 it was retaken."
    assert times("en", text) == ["2015-12-28", "2016-01-03"]


def test_a_stated_year_restarts_the_new_year_rollover() -> None:
    text = "El 20 de diciembre de 2016 cayó. | En 2014 había caído. | El 3 de abril volvió."
    assert times("es", text) == ["2016-12-20", "2014", "2014-04-03"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("On March 3, 2017, the post fell.", "2017-03-03"),
        ("On 3 March 2017 the post fell.", "2017-03-03"),
        ("The post fell March 3.", "2016-03-03"),
        ("The post fell on March 3.", "2016-03-03"),
        ("The post fell on March 3rd.", "2016-03-03"),
        ("The post fell on the 3rd of March.", "2016-03-03"),
        ("The post fell on Mar. 27, 2015.", "2015-03-27"),
        ("The post fell on 3 May, rebels said.", "2016-05-03"),
        ("The post fell in March 2015.", "2015-03"),
        ("The post fell in March.", "2016-03"),
        ("The post fell in early March.", "2016-03-01..2016-03-10"),
        ("The post fell in mid-March.", "2016-03-11..2016-03-20"),
        ("The post fell in late March.", "2016-03-21..2016-03-31"),
        ("The post fell at the end of March.", "2016-03-21..2016-03-31"),
        ("The post fell at the beginning of April 2015.", "2015-04-01..2015-04-10"),
        ("The post fell between March 3 and 5.", "2016-03-03..2016-03-05"),
        ("The post fell between 3 and 5 March.", "2016-03-03..2016-03-05"),
        ("The post fell between 30 March and 2 April.", "2016-03-30..2016-04-02"),
        ("The post fell from 3 to 5 March.", "2016-03-03..2016-03-05"),
        ("The post fell from March 30 to April 2.", "2016-03-30..2016-04-02"),
        ("The post fell on March 3-5.", "2016-03-03..2016-03-05"),
        ("By March 9 the post had fallen.", "by 2016-03-09"),
        ("By 9 March the post had fallen.", "by 2016-03-09"),
        ("By the end of March the post had fallen.", "by 2016-03-31"),
        ("By May 2015 the post had fallen.", "by 2015-05-31"),
        ("The post fell in 2015.", "2015"),
    ],
)
def test_english_dates(sentence: str, expected: str) -> None:
    assert times("en", sentence, year=2016) == [expected]


@pytest.mark.parametrize(
    "sentence",
    ["At least 3 may have died.", "The post may fall.", "Up to 12 may be held."],
)
def test_english_may_the_verb_is_no_date(sentence: str) -> None:
    assert times("en", sentence, year=2016) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Entre el 30 de marzo y el 2 de abril cayó.", "2016-03-30..2016-04-02"),
        ("Del 28 de diciembre al 2 de enero hubo combates.", "2016-12-28..2017-01-02"),
        ("Del 28 de diciembre al 2 de enero de 2016 hubo combates.", "2015-12-28..2016-01-02"),
    ],
)
def test_spanish_ranges_across_months(sentence: str, expected: str) -> None:
    assert times("es", sentence, year=2016) == [expected]


@pytest.mark.parametrize(
    ("lang", "second", "expected"),
    [
        ("es", "Cinco días después cayó.", "2016-03-08"),
        ("es", "Dos días más tarde cayó.", "2016-03-05"),
        ("en", "The next day it fell.", "2016-03-04"),
        ("en", "The following day it fell.", "2016-03-04"),
        ("en", "A day later it fell.", "2016-03-04"),
        ("en", "Two days later it fell.", "2016-03-05"),
        ("en", "Five days later it fell.", "2016-03-08"),
        ("en", "A week later it fell.", "2016-03-10"),
        ("en", "Days later it fell.", "2016-03-05..2016-03-10"),
        ("en", "A few days later it fell.", "2016-03-05..2016-03-10"),
        ("en", "The same day it fell.", "2016-03-03"),
        ("en", "Later that day it fell.", "2016-03-03"),
        ("en", "Meanwhile it fell.", "2016-03-03"),
    ],
)
def test_times_relative_to_the_previous_sentence(lang: str, second: str, expected: str) -> None:
    first = "El 3 de marzo de 2016 hubo combates." if lang == "es" else "On 3 March 2016 war."
    assert times(lang, f"{first} | {second}") == ["2016-03-03", expected]


def test_an_unresolved_time_is_not_a_base_for_the_next_sentence() -> None:
    text = "El 3 de marzo de 2015 cayó. | El domingo volvió. | Al día siguiente cayó."
    assert times("es", text) == ["2015-03-03", "unknown", "unknown"]
    text = "On 3 March 2015 it fell. | On Sunday it was retaken. | The next day it fell."
    assert times("en", text) == ["2015-03-03", "unknown", "unknown"]
    assert times("en", text, doc_date=dt.date(2015, 3, 10)) == [
        "2015-03-03",
        "2015-03-08",
        "2015-03-09",
    ]


def test_relative_to_a_document_date_then_to_the_narrative() -> None:
    text = "Ayer cayó el puesto. | Al día siguiente lo recuperaron."
    assert times("es", text, doc_date=THURSDAY) == ["2017-03-08", "2017-03-09"]


def test_english_since_the_start_of_the_year() -> None:
    sentence = "Since the start of the year, until March 3, 400 people died."
    assert times("en", sentence, year=2016) == ["2016-01-01..2016-03-03"]


def test_an_unknown_unit_is_refused() -> None:
    pack = attrs.evolve(ES, doc_relative_times=((r"\bhoy\b", "fortnight", 0),))
    with pytest.raises(InputError, match="fortnight"):
        TimeResolver(pack)


def test_extract_text_reads_weekdays_against_doc_date() -> None:
    text = "El domingo, el ejército tomó Tell Kaff. Al día siguiente perdió Tell Kaff."
    claims = extract_text(text, doc_date=THURSDAY)
    assert {c.sentence: c.time_text() for c in claims} == {1: "2017-03-05", 2: "2017-03-06"}
    assert {c.precision.value for c in extract_text(text)} == {"unknown"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("BEIRUT, March 2, 2016 (Reuters) - Fighting went on near the dam.", (2016, 3, 2)),
        ("DAMASCO, 27 Mar. 2016 (AFP) - Siguen los combates junto a la presa.", (2016, 3, 27)),
        ("Alepo, 3 de marzo de 2016 (EFE).- Siguen los combates.", (2016, 3, 3)),
        # A dateline without a year takes it from the URL or the heading.
        (
            "https://news.example/2016/03/03/dam\nBEIRUT, March 2 (Reuters) - Fighting.",
            (2016, 3, 2),
        ),
        ("Combates en la presa\n1 de marzo de 2016\nBeirut, 2 mar (EFE).- Siguen.", (2016, 3, 2)),
        (
            "Fighting at the dam\n30 December 2016\nBEIRUT, Jan. 2 (Reuters) - Fighting.",
            (2017, 1, 2),
        ),
        # The dateline is trusted before the URL, the URL before the heading.
        ("www.example.org/2016/03/27/x\nBEIRUT, March 26, 2016 (Reuters) - War.", (2016, 3, 26)),
        ("https://example.org/a/2016-03-27/x\nMarch 20, 2016\nWar.", (2016, 3, 27)),
        ("https://example.org/a/news-20160327-x\nWar.", (2016, 3, 27)),
        # A dateline without a date gives nothing; a heading line still does.
        ("Fighting at the dam\nMarch 27, 2016\nDAMASCUS, Syria (AP) — Fighting.", (2016, 3, 27)),
        ("Combates en la presa\nDomingo, 27 de marzo de 2016\nLas tropas avanzan.", (2016, 3, 27)),
        ("Fighting at the dam\nUpdated 2016-03-27 10:32\nTroops advance.", (2016, 3, 27)),
    ],
)
def test_document_date(text: str, expected: tuple[int, int, int]) -> None:
    assert document_date(text) == dt.date(*expected)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "DAMASCUS, Syria (AP) — Fighting went on near the dam.",
        "BEIRUT, March 2 (Reuters) - No year anywhere.",
        "El 3 de marzo de 2015, las tropas tomaron el pueblo.",
        "On 3 March 2015, troops took the village.",
        "Según el observatorio (OSDH), el 3 de marzo de 2015 cayó el pueblo.",
        "BEIRUT, Feb. 30, 2016 (Reuters) - An impossible date.",
        "Publicado el 03/04/2016\nLas tropas avanzan.",
    ],
)
def test_no_document_date(text: str) -> None:
    assert document_date(text) is None


def test_document_date_reads_the_months_of_the_given_pack() -> None:
    text = "BEIRUT, March 2, 2016 (Reuters) - Fighting went on."
    assert document_date(text, EN) == dt.date(2016, 3, 2)
    assert document_date(text, ES) is None
    assert document_date("Beirut, 2 de marzo de 2016 (EFE).- Sigue.", ES) == dt.date(2016, 3, 2)
