"""Time expressions resolved to intervals with a precision.

A document's times are read in order by a :class:`TimeResolver`; the rules for the
year of a date written without one, for times relative to the document date and for
times relative to the previous sentence are in its docstring.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from collections.abc import Callable, Sequence
from functools import partial

import attrs

from .._errors import InputError
from ..model import Precision
from ._pack import LanguagePack
from ._scan import before_window

__all__ = ["TimeMention", "TimeResolver", "TimeSpan"]

_DAY = dt.timedelta(days=1)
# A date this far before the previous one, given without a year, is read in the next
# year (a narrative crossing New Year: "... 28 de diciembre ... 3 de enero").
_ROLLOVER = dt.timedelta(days=120)
_UNITS = frozenset({"day", "weekday", "week", "month", "month_name"})


@attrs.frozen(slots=True)
class TimeSpan:
    """A resolved time: ``start``..``end`` with a precision.

    >>> TimeSpan.unknown().precision.value
    'unknown'
    """

    start: dt.date | None
    end: dt.date | None
    precision: Precision

    @classmethod
    def unknown(cls) -> TimeSpan:
        """No known time."""
        return cls(None, None, Precision.UNKNOWN)


@attrs.frozen(slots=True)
class TimeMention:
    """A time expression found at ``begin``..``stop`` of a sentence."""

    begin: int
    stop: int
    span: TimeSpan


class TimeResolver:
    """Resolve a document's time expressions in reading order.

    Parameters
    ----------
    pack : LanguagePack
        Patterns and words of the document's language.
    year : int, optional
        Year of dates written without one, carried forward like a year the text
        states.
    doc_date : datetime.date, optional
        The date the document was written (it may come without ``year``).

    Notes
    -----
    The year of a date written without one ("el 3 de marzo", "in March", "late
    March"):

    * once the text has stated a year (or ``year`` was given), that year is carried
      forward, and a date more than four months before the previous one moves to the
      next year (a narrative crossing New Year);
    * before that, with ``doc_date``: the latest such date not after the document
      date (a month or part of a month counts from its first day): "el 20 de
      diciembre" in a text of 5 January 2017 is 2016-12-20, "en marzo" in a text of
      2 March 2017 is March 2017;
    * with neither, the time is unknown.

    Times relative to the document date (the pack's ``doc_relative_times``): "hoy",
    "ayer", "anoche", "this morning" are days; a weekday ("el domingo", "on Sunday",
    "Friday night") is the latest such day not after the document date, the document
    date itself when it is that weekday (news says "on Thursday" of the day it is
    written as well as of the past week's days), while "el pasado jueves" / "last
    Thursday" is the latest one strictly before it; "la semana pasada" / "last week"
    is the whole previous Monday-to-Sunday week (a range), "esta semana" / "this week"
    this week's Monday up to the document date; "el mes pasado" / "last month" the
    previous calendar month, "este mes" / "earlier this month" this month's first day
    up to the document date. Without ``doc_date`` all of these are unknown, never
    guessed from the year.

    Times relative to the narrative (the pack's ``relative_times``: "al día
    siguiente", "two days later", "meanwhile") are read against the time of the
    previous sentence. An expression that cannot be resolved leaves the narrative's
    time unknown, so that a following "al día siguiente" is not read against an older
    date.

    Examples
    --------
    >>> from claimgraph.text import get_pack
    >>> time = TimeResolver(get_pack("es"), doc_date=dt.date(2017, 1, 5))  # a Thursday
    >>> for m in time.mentions("el 20 de diciembre, el domingo y ayer"):
    ...     print(m.span.start, m.span.precision.value)
    2016-12-20 day
    2017-01-01 day
    2017-01-04 day
    >>> [m.span.precision.value for m in TimeResolver(get_pack("es")).mentions("ayer")]
    ['unknown']
    """

    def __init__(
        self, pack: LanguagePack, year: int | None = None, doc_date: dt.date | None = None
    ) -> None:
        self.pack = pack
        self.year = year if year is not None else (doc_date.year if doc_date else None)
        self.doc_date = doc_date
        # News reports the state on its own date unless it says otherwise.
        self.current = (
            TimeSpan(doc_date, doc_date, Precision.DAY) if doc_date else TimeSpan.unknown()
        )
        # True once a year is known from the caller or the text: it is then carried.
        self._carried = year is not None
        self._last_date: dt.date | None = None
        self._compiled = [(kind, re.compile(p)) for kind, p in pack.time_patterns]
        # Every absolute date has a digit or a month name: most sentences have neither.
        names = sorted({*pack.months, *pack.month_abbreviations}, key=len, reverse=True)
        self._absolute_gate = re.compile(r"\d|\b(?:" + "|".join(map(re.escape, names)) + ")")
        for pattern, unit, _ in pack.doc_relative_times:
            if unit not in _UNITS:
                raise InputError(f"unknown unit {unit!r} of doc_relative_times {pattern!r}")
        self._doc_relative = [(re.compile(p), u, o) for p, u, o in pack.doc_relative_times]
        self._relative = [(re.compile(p), a, b, k) for p, a, b, k in pack.relative_times]
        self._deadline = re.compile(pack.deadline_prefix)
        self._year_start = re.compile(pack.year_start)

    def mentions(self, folded: str) -> list[TimeMention]:
        """Resolve the time expressions of one sentence (folded text), in order.

        Expressions relative to the document date are looked for first, then
        absolute ones, then ones relative to the previous sentence; a match
        overlapping an earlier one is dropped.
        """
        # the spans taken, disjoint and so sorted alike by start and by end: a new one
        # overlaps one only if it overlaps the last taken span starting before its end
        starts: list[int] = []
        ends: list[int] = []
        pending: list[tuple[int, int, Callable[[], TimeSpan]]] = []

        def take(m: re.Match[str], resolve: Callable[[], TimeSpan]) -> None:
            a, b = m.start(), m.end()
            k = bisect.bisect_left(starts, b)
            if k and ends[k - 1] > a:
                return
            starts.insert(k, a)
            ends.insert(k, b)
            pending.append((a, b, resolve))

        for pattern, unit, offset in self._doc_relative:
            for m in pattern.finditer(folded):
                take(m, partial(self._doc_relative_span, m, unit, offset))
        for kind, pattern in self._compiled if self._absolute_gate.search(folded) else ():
            for m in pattern.finditer(folded):
                take(m, partial(self._absolute, m, kind))
        base = self.current
        for pattern, a, b, kind in self._relative:
            for m in pattern.finditer(folded):
                take(m, partial(_shift, base, a, b, kind))
        pending.sort(key=lambda item: item[0])
        found = [(start, stop, _resolved(resolve)) for start, stop, resolve in pending]
        if found and self._year_start.search(folded):
            start, stop, span = found[-1]
            if span.end is not None:
                first = dt.date(span.end.year, 1, 1)
                found[-1] = (start, stop, TimeSpan(first, span.end, Precision.RANGE))
        return [TimeMention(a, b, s) for a, b, s in found]

    def advance(self, mentions: Sequence[TimeMention]) -> None:
        """Make the sentence's last time the base for the next sentence.

        A sentence without time expressions keeps the base; one whose last expression
        is unknown makes it unknown.
        """
        if mentions:
            self.current = mentions[-1].span

    def _month(self, name: str) -> int:
        months = self.pack.months
        return months[name] if name in months else self.pack.month_abbreviations[name]

    def _absolute(self, m: re.Match[str], kind: str) -> TimeSpan:
        groups = m.groupdict()
        stated_year = int(groups["year"]) if groups.get("year") else None
        if kind == "year":
            assert stated_year is not None
            self.year = stated_year
            self._carried = True
            self._last_date = None
            return TimeSpan(
                dt.date(stated_year, 1, 1), dt.date(stated_year, 12, 31), Precision.YEAR
            )
        month = self._month(groups.get("month") or groups["month2"])
        month2 = self._month(groups["month2"]) if groups.get("month2") else month
        last_day = 0
        if kind == "month":
            first_day = 1
        elif kind == "part":
            first_day, last_day = self.pack.month_parts[groups["part"]]
        else:
            first_day = _day(groups["day"])
        year = self._year_for(month, stated_year, first_day)
        if year is None:
            return TimeSpan.unknown()
        month_end = calendar.monthrange(year, month)[1]
        try:
            if kind == "month":
                span = TimeSpan(
                    dt.date(year, month, 1), dt.date(year, month, month_end), Precision.MONTH
                )
            elif kind == "part":
                span = TimeSpan(
                    dt.date(year, month, first_day),
                    dt.date(year, month, last_day or month_end),
                    Precision.RANGE,
                )
            elif kind == "range":
                # "del 28 de diciembre al 2 de enero" ends in the next year; a year
                # written after the range is the year of its end.
                year2 = year + 1 if month2 < month else year
                if stated_year is not None and month2 < month:
                    year, year2 = stated_year - 1, stated_year
                a = dt.date(year, month, first_day)
                b = dt.date(year2, month2, _day(groups["day2"]))
                return self._note(TimeSpan(min(a, b), max(a, b), Precision.RANGE))
            else:
                day = dt.date(year, month, first_day)
                span = TimeSpan(day, day, Precision.DAY)
        except ValueError:
            return TimeSpan.unknown()
        if self._deadline.search(m.string, before_window(m.start()), m.start()):
            span = TimeSpan(None, span.end, Precision.BY)
        return self._note(span)

    def _year_for(self, month: int, stated: int | None, day: int) -> int | None:
        if stated is not None:
            self.year = stated
            self._carried = True
            return stated
        if not self._carried:
            doc = self.doc_date
            if doc is None:
                return None
            return doc.year - 1 if (month, day) > (doc.month, doc.day) else doc.year
        assert self.year is not None
        year = self.year
        probe = dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))
        if self._last_date is not None and probe < self._last_date - _ROLLOVER:
            year += 1
            self.year = year
        return year

    def _doc_relative_span(self, m: re.Match[str], unit: str, offset: int) -> TimeSpan:
        doc = self.doc_date
        if doc is None:
            return TimeSpan.unknown()
        if unit == "day":
            return _days(doc + offset * _DAY, doc + offset * _DAY)
        if unit == "weekday":
            back = (doc.weekday() - self.pack.weekdays[m.group("weekday")]) % 7
            if offset < 0 and back == 0:
                back = 7
            return _days(doc - back * _DAY, doc - back * _DAY)
        if unit == "week":
            monday = doc - doc.weekday() * _DAY + 7 * offset * _DAY
            return _days(monday, min(monday + 6 * _DAY, doc))
        if unit == "month":
            year, month0 = divmod(doc.year * 12 + doc.month - 1 + offset, 12)
            month = month0 + 1
        else:  # month_name
            month = self._month(m.group("month"))
            earlier = month < doc.month or (month == doc.month and offset >= 0)
            year = doc.year if earlier else doc.year - 1
        first = dt.date(year, month, 1)
        last = dt.date(year, month, calendar.monthrange(year, month)[1])
        if last >= doc:
            return _days(first, doc)
        return TimeSpan(first, last, Precision.MONTH)

    def _note(self, span: TimeSpan) -> TimeSpan:
        self._last_date = span.end or span.start
        return span


def _resolved(resolve: Callable[[], TimeSpan]) -> TimeSpan:
    """The span ``resolve`` gives, or an unknown one for a date no calendar has ("31
    de febrero", "February 30") or one the date type cannot hold (a year 0, a day
    after 9999-12-31 such as "al día siguiente" of 31 December 9999)."""
    try:
        return resolve()
    except (ValueError, OverflowError):
        return TimeSpan.unknown()


def _day(text: str) -> int:
    return 1 if text == "primero" else int(text)


def _days(start: dt.date, end: dt.date) -> TimeSpan:
    """One day, or a range of days."""
    return TimeSpan(start, end, Precision.DAY if start == end else Precision.RANGE)


def _shift(base: TimeSpan, a: int, b: int, kind: str) -> TimeSpan:
    if base.precision is Precision.UNKNOWN:
        return base
    if kind == "same":
        return base
    if kind == "first":
        day = base.start or base.end
        return TimeSpan(day, day, Precision.DAY)
    if kind == "shift" and base.start is not None and base.end is not None:
        return TimeSpan(base.start + a * _DAY, base.end + b * _DAY, base.precision)
    anchor = base.end if base.end is not None else base.start
    assert anchor is not None
    start, end = anchor + a * _DAY, anchor + b * _DAY
    return TimeSpan(start, end, Precision.DAY if a == b else Precision.RANGE)
