"""Time expressions resolved to intervals with a precision."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Sequence

import attrs

from ..model import Precision
from ._pack import LanguagePack

__all__ = ["TimeMention", "TimeResolver", "TimeSpan"]

_DAY = dt.timedelta(days=1)
# A date this far before the previous one, given without a year, is read in the next
# year (a narrative crossing New Year: "... 28 de diciembre ... 3 de enero").
_ROLLOVER = dt.timedelta(days=120)


@attrs.frozen(slots=True)
class TimeSpan:
    """A resolved time: ``start``..``end`` with a precision."""

    start: dt.date | None
    end: dt.date | None
    precision: Precision

    @classmethod
    def unknown(cls) -> TimeSpan:
        return cls(None, None, Precision.UNKNOWN)


@attrs.frozen(slots=True)
class TimeMention:
    """A time expression found at ``begin``..``stop`` of a sentence."""

    begin: int
    stop: int
    span: TimeSpan


class TimeResolver:
    """Resolve a document's time expressions in reading order.

    ``year`` and ``doc_date`` supply the year when the text gives none; relative
    expressions resolve against the previous sentence's time.
    """

    def __init__(
        self, pack: LanguagePack, year: int | None = None, doc_date: dt.date | None = None
    ) -> None:
        self.pack = pack
        self.year = year if year is not None else (doc_date.year if doc_date else None)
        self.doc_date = doc_date
        self.current = TimeSpan.unknown()
        self._last_date: dt.date | None = None
        self._compiled = [(kind, re.compile(p)) for kind, p in pack.time_patterns]
        self._relative = [(re.compile(p), a, b, k) for p, a, b, k in pack.relative_times]
        self._deadline = re.compile(pack.deadline_prefix)
        self._year_start = re.compile(pack.year_start)

    def mentions(self, folded: str) -> list[TimeMention]:
        """Resolve the time expressions of one sentence (folded text), in order."""
        found: list[tuple[int, int, TimeSpan]] = []
        taken: list[tuple[int, int]] = []

        def free(a: int, b: int) -> bool:
            return all(b <= x or a >= y for x, y in taken)

        absolute: list[tuple[int, int, re.Match[str], str]] = []
        for kind, pattern in self._compiled:
            for m in pattern.finditer(folded):
                if free(m.start(), m.end()):
                    taken.append((m.start(), m.end()))
                    absolute.append((m.start(), m.end(), m, kind))
        relative: list[tuple[int, int, int, int, str]] = []
        for pattern, a, b, kind in self._relative:
            for m in pattern.finditer(folded):
                if free(m.start(), m.end()):
                    taken.append((m.start(), m.end()))
                    relative.append((m.start(), m.end(), a, b, kind))
        items: list[tuple[int, int, re.Match[str] | None, str, int, int]] = sorted(
            [(s, e, m, k, 0, 0) for s, e, m, k in absolute]
            + [(s, e, None, k, a, b) for s, e, a, b, k in relative],
            key=lambda item: item[0],
        )
        base = self.current
        for start, stop, match, kind, a, b in items:
            if match is not None:
                span = self._absolute(match, kind, folded[:start])
            else:
                span = _shift(base, a, b, kind)
            found.append((start, stop, span))
        if found and self._year_start.search(folded):
            start, stop, span = found[-1]
            if span.end is not None:
                first = dt.date(span.end.year, 1, 1)
                found[-1] = (start, stop, TimeSpan(first, span.end, Precision.RANGE))
        return [TimeMention(a, b, s) for a, b, s in found]

    def advance(self, mentions: Sequence[TimeMention]) -> None:
        """Make the sentence's last resolved time the base for the next sentence."""
        for mention in reversed(mentions):
            if mention.span.precision is not Precision.UNKNOWN:
                self.current = mention.span
                return

    def _absolute(self, m: re.Match[str], kind: str, before: str) -> TimeSpan:
        groups = m.groupdict()
        stated_year = int(groups["year"]) if groups.get("year") else None
        if kind == "year":
            assert stated_year is not None
            self.year = stated_year
            return TimeSpan(
                dt.date(stated_year, 1, 1), dt.date(stated_year, 12, 31), Precision.YEAR
            )
        month = self.pack.months[groups["month"]]
        year = self._year_for(month, stated_year, groups.get("day"))
        if year is None:
            return TimeSpan.unknown()
        last = calendar.monthrange(year, month)[1]
        if kind == "month":
            return self._note(
                TimeSpan(dt.date(year, month, 1), dt.date(year, month, last), Precision.MONTH)
            )
        if kind == "part":
            first_day, last_day = self.pack.month_parts[groups["part"]]
            return self._note(
                TimeSpan(
                    dt.date(year, month, first_day),
                    dt.date(year, month, last_day or last),
                    Precision.RANGE,
                )
            )
        day = 1 if groups["day"] == "primero" else int(groups["day"])
        try:
            if kind == "range":
                a, b = dt.date(year, month, day), dt.date(year, month, int(groups["day2"]))
                return self._note(TimeSpan(min(a, b), max(a, b), Precision.RANGE))
            date = dt.date(year, month, day)
        except ValueError:
            return TimeSpan.unknown()
        if self._deadline.search(before):
            return self._note(TimeSpan(None, date, Precision.BY))
        return self._note(TimeSpan(date, date, Precision.DAY))

    def _year_for(self, month: int, stated: int | None, day: str | None) -> int | None:
        if stated is not None:
            self.year = stated
            return stated
        if self.year is None:
            return None
        year = self.year
        probe_day = int(day) if day and day.isdigit() else 1
        try:
            probe = dt.date(year, month, min(probe_day, 28))
        except ValueError:
            return year
        if self._last_date is not None and probe < self._last_date - _ROLLOVER:
            year += 1
            self.year = year
        elif self._last_date is None and self.doc_date is not None and probe > self.doc_date:
            year -= 1  # an undated document's dates precede the date it was written
        return year

    def _note(self, span: TimeSpan) -> TimeSpan:
        self._last_date = span.end or span.start
        return span


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
