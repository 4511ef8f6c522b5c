"""The date of a document, read from its dateline, its address or its heading."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from typing import cast

from .._errors import InputError
from ._pack import LanguagePack, get_pack
from ._sentences import fold_aligned

__all__ = ["dateline_end", "document_date"]

#: Lines read at the start of a text, and the most words a heading line has.
_HEAD_LINES = 5
_HEADING_WORDS = 12
#: Places of a dateline have at most this many words ("RAS AL AIN").
_PLACE_WORDS = 4

#: A place, an optional region and date, then the agency in brackets.
_DATELINE = re.compile(r"^(?P<head>[^\W\d_][^()\n]{0,80}?)\s*\((?P<agency>[^()\n]{2,40})\)")
_URL = re.compile(r"(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)+/\S*")
_URL_DATES = (
    re.compile(
        r"(?<!\d)(?P<year>(?:19|20)\d{2})(?P<sep>[/_.-])(?P<month>\d{1,2})(?P=sep)"
        r"(?P<day>\d{1,2})(?!\d)"
    ),
    re.compile(
        r"(?<!\d)(?P<year>(?:19|20)\d{2})(?P<month>0[1-9]|1[0-2])"
        r"(?P<day>0[1-9]|[12]\d|3[01])(?=\d{4}(?:\d{2})?(?!\d)|(?!\d))"  # with a time after
    ),
)
#: A line ending like a sentence is prose, not a heading ("a.m." is not an end).
_SENTENCE_END = re.compile(r"(?<!\b[a-zA-Z]\.[a-zA-Z])[.!?]\W*$")
_ISO = re.compile(r"(?<![\d/-])(?P<year>(?:19|20)\d{2})-(?P<month>\d{2})-(?P<day>\d{2})(?![\d/-])")


def document_date(text: str, pack: LanguagePack | None = None) -> dt.date | None:
    """The date a news text was written, when its first lines give it.

    Parameters
    ----------
    text : str
        The document.
    pack : LanguagePack, optional
        Whose month names (and abbreviations, and words between day, month and year)
        to read; by default Spanish and English.

    Returns
    -------
    datetime.date or None
        None when the start of the text gives no full date.

    Notes
    -----
    Read, in this order of trust:

    1. a wire dateline opening one of the first five lines: a place, optionally a
       region and a date, then the agency in brackets ("BEIRUT, March 2 (Reuters) -",
       "Beirut, 2 mar (EFE).-", "DAMASCO, 27 Mar. 2016 (AFP)"). A dateline without a
       year takes the year (of the date of 2 or 3, or the year either side) that puts
       it nearest to that date, and gives nothing when there is none; a dateline
       without a date ("DAMASCUS, Syria (AP) —") gives nothing;
    2. a date in a URL on the first line: ``/2016/03/27/``, ``2016-03-27``,
       ``/20160327``;
    3. a full date (day, month and year) in a heading line among the first five (one
       of at most twelve words that does not end like a sentence, with a full stop,
       "?" or "!"): "27 de marzo de 2016", "Sunday, March 27, 2016", "2016-03-27";
    4. the date of a photograph's caption among the first five lines, the one a
       picture agency's credit follows ("... Kobani, Oct. 9, 2014. (AP Photo/...)",
       "... 18 marzo de 2018. REUTERS/...");
    5. a year-month-day stamp at the start of one of the first five lines, as pages
       pasted with their metadata have ("date 2017-03-02 Syria's army said ...").

    Dates inside prose ("El 3 de marzo de 2015, las tropas ...") are what the text
    reports, not when it was written, and are not read; nor are numeric dates other
    than year-month-day ones (day and month order differs between countries).

    Examples
    --------
    >>> document_date("DAMASCO, 27 Mar. 2016 (AFP) - Las tropas avanzaron.")
    datetime.date(2016, 3, 27)
    >>> document_date("https://example.org/news/2016/03/27/frente\\nBEIRUT, March 26 (Reuters) -")
    datetime.date(2016, 3, 26)
    >>> document_date("Domingo, 27 de marzo de 2016\\nLas tropas avanzaron en el norte.")
    datetime.date(2016, 3, 27)
    >>> print(document_date("El 3 de marzo de 2015, las tropas tomaron el pueblo."))
    None
    """
    months, connectors = _names(pack)
    date_re = _date_pattern(months, connectors)
    lines = [line.strip() for line in text.lstrip("\ufeff").splitlines() if line.strip()]
    lines = lines[:_HEAD_LINES]
    if not lines:
        return None
    dateline = _dateline(lines, date_re, months)
    if dateline is not None and dateline[0] is not None:
        return _date(dateline[0], dateline[1], dateline[2])
    found = (
        _url_date(lines[0])
        or _heading_date(lines, date_re, months)
        or _caption_date(lines, date_re, months)
        or _stamp(lines)
    )
    if dateline is None:
        return found
    if found is None:
        return None
    _, month, day = dateline
    nearest = [
        d for y in (found.year - 1, found.year, found.year + 1) if (d := _date(y, month, day))
    ]
    return min(nearest, key=lambda d: abs((d - found).days), default=None)


def _names(pack: LanguagePack | None) -> tuple[dict[str, int], set[str]]:
    """Month names and abbreviations, and date connectors, of ``pack`` or of es + en."""
    packs: list[tuple[Mapping[str, int], Mapping[str, int], Iterable[str]]] = []
    if pack is not None:
        packs.append((pack.months, pack.month_abbreviations, pack.date_connectors))
    else:
        es = get_pack("es")
        packs.append((es.months, es.month_abbreviations, es.date_connectors))
        try:
            en = get_pack("en")
            packs.append((en.months, en.month_abbreviations, en.date_connectors))
        except InputError:  # no English pack registered: its time data is enough here
            from .en._time_lexicon import TIME_FIELDS

            packs.append(
                (
                    cast("Mapping[str, int]", TIME_FIELDS["months"]),
                    cast("Mapping[str, int]", TIME_FIELDS["month_abbreviations"]),
                    cast("Iterable[str]", TIME_FIELDS["date_connectors"]),
                )
            )
    months: dict[str, int] = {}
    connectors: set[str] = set()
    for full, short, words in packs:
        months |= {**short, **full}
        connectors |= set(words)
    return months, connectors


def _date_pattern(months: Mapping[str, int], connectors: Iterable[str]) -> re.Pattern[str]:
    names = "|".join(sorted(months, key=len, reverse=True))
    link = "|".join(sorted(connectors, key=len, reverse=True))
    link = rf"(?:(?:{link})\s+)?" if link else ""
    year = rf"(?:,?\s+{link}(?P<year>(?:19|20)\d{{2}})(?!\d))?"
    year_b = year.replace("<year>", "<year_b>")
    return re.compile(
        rf"\b(?:(?P<day>\d{{1,2}})\s+{link}(?P<month>{names})\b\.?{year}"
        rf"|(?P<month_b>{names})\b\.?\s+(?P<day_b>\d{{1,2}})\b{year_b})"
    )


def _parts(m: re.Match[str], months: Mapping[str, int]) -> tuple[int | None, int, int]:
    """(year or None, month, day) of a match of :func:`_date_pattern`."""
    if m.group("day"):
        year, month, day = m.group("year"), m.group("month"), m.group("day")
    else:
        year, month, day = m.group("year_b"), m.group("month_b"), m.group("day_b")
    return (int(year) if year else None), months[month], int(day)


def _dateline(
    lines: list[str], date_re: re.Pattern[str], months: Mapping[str, int]
) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) of the first dateline with a date, else None."""
    for line in lines:
        m = _DATELINE.match(line)
        if m is None:
            continue
        head = m.group("head")
        place = head.split(",")[0].strip()
        if "," not in head or not place[:1].isupper() or len(place.split()) > _PLACE_WORDS:
            continue
        folded = fold_aligned(head)
        for d in date_re.finditer(folded):
            if folded[: d.start()].rstrip().endswith(",") and not folded[d.end() :].strip():
                year, month, day = _parts(d, months)
                if year is None or _date(year, month, day) is not None:
                    return year, month, day
        return None
    return None


_URL_MONTH = re.compile(
    r"(?<!\d)(?P<year>(?:19|20)\d{2})/(?P<month>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"[a-z]*/(?P<day>\d{1,2})(?!\d)",
    re.IGNORECASE,
)
_MONTHS_SHORT = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH_NUMBER = {m: i for i, m in enumerate(_MONTHS_SHORT, 1)}


def _url_date(line: str) -> dt.date | None:
    for url in _URL.finditer(line):
        for pattern in _URL_DATES:
            for m in pattern.finditer(url.group()):
                found = _date(int(m.group("year")), int(m.group("month")), int(m.group("day")))
                if found is not None:
                    return found
        for m in _URL_MONTH.finditer(url.group()):  # "/2015/jun/16/"
            month = _MONTH_NUMBER[m.group("month").lower()]
            found = _date(int(m.group("year")), month, int(m.group("day")))
            if found is not None:
                return found
    return None


def _heading_date(
    lines: list[str], date_re: re.Pattern[str], months: Mapping[str, int]
) -> dt.date | None:
    for line in lines:
        if len(line.split()) > _HEADING_WORDS or _SENTENCE_END.search(line):
            continue
        folded = fold_aligned(line)
        for m in _ISO.finditer(folded):
            found = _date(int(m.group("year")), int(m.group("month")), int(m.group("day")))
            if found is not None:
                return found
        for m in date_re.finditer(folded):
            year, month, day = _parts(m, months)
            if year is not None and (found := _date(year, month, day)) is not None:
                return found
    return None


_CREDIT = re.compile(r"\b(?:REUTERS|AFP|AP\s+Photo|EFE|Getty\s+Images|ANADOLU|SANA|DPA)\b")


def _caption_date(
    lines: list[str], date_re: re.Pattern[str], months: Mapping[str, int]
) -> dt.date | None:
    """The last full date before a picture agency's credit in a caption line."""
    for line in lines:
        credit = _CREDIT.search(line)
        if credit is None:
            continue
        folded = fold_aligned(line[: credit.start()])
        dates = [_parts(m, months) for m in date_re.finditer(folded)]
        for year, month, day in reversed(dates):
            if year is not None and (found := _date(year, month, day)) is not None:
                return found
    return None


def dateline_end(sentence: str) -> int:
    """Where a wire dateline opening ``sentence`` ends ("BEIRUT, March 2 (Reuters) -"),
    or 0: its date is when the story was filed, not when anything in it happened.

    >>> dateline_end("BEIRUT, March 2 (Reuters) - The army took the town.")
    28
    >>> dateline_end("The army took the town (state media said).")
    0
    """
    m = _DATELINE.match(sentence)
    if m is None:
        return 0
    place = m.group("head").split(",")[0].strip()
    if "," not in m.group("head") or not place[:1].isupper() or len(place.split()) > _PLACE_WORDS:
        return 0
    tail = re.match(r"[\s.]*[-–—:]*\s*", sentence[m.end() :])
    return m.end() + (tail.end() if tail else 0)


def _stamp(lines: list[str]) -> dt.date | None:
    """A year-month-day stamp within the first words of a line."""
    for line in lines:
        m = _ISO.search(line[:40])
        if m is not None:
            return _date(int(m.group("year")), int(m.group("month")), int(m.group("day")))
    return None


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
