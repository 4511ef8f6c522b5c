"""Where a pattern matches in a sentence, found once and looked up by position.

Readers ask "where does the clause holding position ``i`` begin" or "where does the
next clause break after ``i`` stand" once per statement. Scanning the sentence each
time costs its length per question, so a sentence naming a thousand places, or a
hundred kilobytes without a full stop, took time that grew with the square of its
length; these lookups scan each sentence once and answer by bisection.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

__all__ = ["MatchIndex", "SpanSet", "before_window"]

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
        self._text: str | None = None
        self.starts: list[int] = []
        self.ends: list[int] = []

    def _scan(self, text: str) -> None:
        if text is self._text or text == self._text:
            return
        self._text = text
        found = [m.span() for m in self.pattern.finditer(text)]
        self.starts = [a for a, _ in found]
        self.ends = [b for _, b in found]

    def last_end_before(self, text: str, pos: int) -> int | None:
        """The end of the last match ending at or before ``pos``, or ``None``."""
        self._scan(text)
        k = bisect.bisect_right(self.ends, pos)
        return self.ends[k - 1] if k else None

    def next_start_from(self, text: str, pos: int) -> int | None:
        """The start of the first match starting at or after ``pos``, or ``None``."""
        self._scan(text)
        k = bisect.bisect_left(self.starts, pos)
        return self.starts[k] if k < len(self.starts) else None

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
