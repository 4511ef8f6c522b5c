"""Where a pattern matches in a sentence, found once and looked up by position.

Readers ask "where does the clause holding position ``i`` begin" or "where does the
next clause break after ``i`` stand" once per statement. Scanning the sentence each
time costs its length per question, so a sentence naming a thousand places, or a
hundred kilobytes without a full stop, took time that grew with the square of its
length; these lookups scan each sentence once and answer by bisection.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable

__all__ = ["MatchIndex", "SpanSet", "at_least_words", "before_window"]

#: How far before a position the patterns anchored at it (``...\s+$``: "at least
#: ", "more than ", "para el ") are looked for: far longer than any of them, short
#: enough that looking costs the same wherever in a long sentence the position is.
BEFORE_WINDOW = 300


def before_window(pos: int) -> int:
    """Where a search for a pattern ending at ``pos`` may start.

    >>> before_window(1000), before_window(12)
    (700, 0)
    """
    return max(0, pos - BEFORE_WINDOW)


class MatchIndex:
    """The non-overlapping matches of ``pattern`` in the last text asked about.

    >>> index = MatchIndex(re.compile(r";"))
    >>> index.last_end_before("a; b; c", 6), index.next_start_from("a; b; c", 2)
    (5, 4)
    >>> index.last_end_before("a b", 2), index.next_start_from("a b", 0)
    (None, None)
    """

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        # (text, starts, ends), replaced whole: one index may serve several readers
        self._last: tuple[str | None, list[int], list[int]] = (None, [], [])

    def _scan(self, text: str) -> tuple[list[int], list[int]]:
        last, starts, ends = self._last
        if text is last or text == last:
            return starts, ends
        found = [m.span() for m in self.pattern.finditer(text)]
        starts, ends = [a for a, _ in found], [b for _, b in found]
        self._last = (text, starts, ends)
        return starts, ends

    def last_end_before(self, text: str, pos: int) -> int | None:
        """The end of the last match ending at or before ``pos``, or ``None``."""
        _, ends = self._scan(text)
        k = bisect.bisect_right(ends, pos)
        return ends[k - 1] if k else None

    def next_start_from(self, text: str, pos: int) -> int | None:
        """The start of the first match starting at or after ``pos``, or ``None``."""
        starts, _ = self._scan(text)
        k = bisect.bisect_left(starts, pos)
        return starts[k] if k < len(starts) else None

    def next_start_after(self, text: str, pos: int) -> int | None:
        """The start of the first match starting after ``pos``, or ``None``."""
        return self.next_start_from(text, pos + 1)


class SpanSet:
    """Stretches of a sentence already read, asked whether a new one overlaps them.

    Kept as their union, disjoint and sorted, so asking costs the logarithm of their
    number rather than their number (a sentence listing a thousand places has as
    many taken stretches). Only non-empty stretches are meaningful here.

    >>> taken = SpanSet([(2, 5)])
    >>> taken.append((5, 9))
    >>> taken.overlaps(0, 2), taken.overlaps(8, 12), taken.overlaps(9, 10)
    (False, True, False)
    """

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for span in spans:
            self.append(span)

    def append(self, span: tuple[int, int]) -> None:
        """Add the stretch ``span`` (start, end), merging it with those it touches."""
        a, b = span
        if b <= a:
            return
        lo = bisect.bisect_left(self.ends, a)  # first union part ending at or after a
        hi = bisect.bisect_right(self.starts, b)  # parts from lo to hi touch [a, b)
        if lo < hi:
            a = min(a, self.starts[lo])
            b = max(b, self.ends[hi - 1])
        self.starts[lo:hi] = [a]
        self.ends[lo:hi] = [b]

    def overlaps(self, start: int, end: int) -> bool:
        """Whether ``start``..``end`` shares a character with a stretch added."""
        k = bisect.bisect_left(self.starts, end)  # parts starting before end
        return k > 0 and self.ends[k - 1] > start


def at_least_words(text: str, start: int, end: int, n: int, chars: str | None = None) -> bool:
    """Whether ``text[start:end].strip(chars).split()`` has ``n`` words or more, read
    without copying or splitting the whole stretch (it may run to the end of a
    sentence of many kilobytes).

    >>> at_least_words(' "la ciudad." ', 0, 13, 2, ' ."'), at_least_words("a b", 0, 3, 3)
    (True, False)
    """
    last = end - 1
    if chars is None:
        while last >= start and text[last].isspace():
            last -= 1
    else:
        while last >= start and text[last] in chars:
            last -= 1
    first = start
    if chars is not None:
        while first <= last and text[first] in chars:
            first += 1
    words = itertools.islice(_WORD.finditer(text, first, last + 1), max(n, 0))
    return sum(1 for _ in words) >= n


_WORD = re.compile(r"\S+")
