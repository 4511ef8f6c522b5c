"""Counts of people killed, wounded, surrendered or evacuated, with their bounds."""

from __future__ import annotations

import re

from ._finding import Finding
from ._pack import LanguagePack
from ._scan import SpanSet, before_window

__all__ = ["CountReader"]

_NUMBER = r"\d{1,3}(?:[.,]\d{3})+|\d+"
_THEIR = re.compile(r"\bsus\s+$")
#: The most digits a count has: more is no toll ("10000000000000000000 killed"), and
#: would lose its last digits in a float, or overflow it.
_MAX_DIGITS = 12
# How far (in characters) an event word may be from the counted number.
_EVENT_REACH = 90


class CountReader:
    """Find counted people in a folded sentence and give each count its property."""

    def __init__(self, pack: LanguagePack) -> None:
        self.pack = pack
        words = "|".join(sorted(pack.number_words, key=len, reverse=True))
        nouns = "|".join(sorted(pack.person_nouns, key=len, reverse=True))
        self.number = re.compile(rf"\b(?P<n>{_NUMBER}|{words})\b")
        self.person_after = re.compile(rf"\s+{pack.person_of}(?P<noun>{nouns})\b")
        self.between = re.compile(pack.between + rf"\s+(?P<noun>{nouns})\b")
        self.vague = [
            (re.compile(p + rf"\s+(?P<noun>{nouns})\b"), lo, hi)
            for p, lo, hi in pack.vague_quantities
        ]
        self.qualifiers = [(re.compile(p), kind) for p, kind in pack.number_qualifiers]
        self.events = [(re.compile(p), prop) for p, prop in pack.count_events]
        self.subcount = re.compile(pack.subcount_openers)
        self.figure = re.compile(pack.figure_phrases)
        self.casualty_groups = pack.casualty_groups

    def value(self, token: str) -> float | None:
        if token in self.pack.number_words:
            return float(self.pack.number_words[token])
        digits = re.sub(r"[.,](?=\d{3}\b)", "", token)
        if not digits.isdecimal() or len(digits.lstrip("0")) > _MAX_DIGITS:
            return None
        return float(digits)

    def find(self, folded: str, clause_of: list[int]) -> list[Finding]:
        """Counts in ``folded``; ``clause_of[i]`` numbers the clause of character ``i``."""
        out: list[Finding] = []
        used = SpanSet()
        spans: list[tuple[int, int, float | None, float | None, str, bool]] = []
        for m in self.between.finditer(folded):
            used.append((m.start(), m.end()))
            lo, hi = self.value(m.group("a")), self.value(m.group("b"))
            if lo is None or hi is None:
                continue  # a bound that is no count: neither it nor its numbers are read
            # "entre 50 y 5": the bounds in the order they bound
            spans.append((m.start(), m.end(), min(lo, hi), max(lo, hi), m.group("noun"), False))
        for pattern, lo, hi in self.vague:
            for m in pattern.finditer(folded):
                spans.append((m.start(), m.end(), float(lo), float(hi), m.group("noun"), False))
                used.append((m.start(), m.end()))
        for m in self.number.finditer(folded):
            if used.overlaps(m.start(), m.start() + 1):
                continue
            n = self.value(m.group("n"))
            if n is None:
                continue
            noun_m = self.person_after.match(folded, m.end())
            figure = self.figure.search(folded, before_window(m.start()), m.start())
            if noun_m is None and figure is None:
                continue
            low, high = self._bounds(n, folded, m.start())
            end = noun_m.end() if noun_m else m.end()
            spans.append((m.start(), end, low, high, noun_m.group("noun") if noun_m else "", True))
        spans.sort()
        head_prop: str | None = None
        opener = self.subcount.search(folded)
        for start, end, low, high, noun, _ in spans:
            group = self.pack.person_nouns.get(noun, "")
            is_sub = opener is not None and opener.start() < start and head_prop is not None
            prop = head_prop if is_sub else self._event(folded, start, end, clause_of)
            if prop is None:
                continue
            if group == "fighters" and _THEIR.search(folded, before_window(end), end - len(noun)):
                group = self._casualty_group(folded, start, end) or group
            if noun == "bajas" or (noun in {"cadaveres", "cuerpos"} and not group):
                group = self._casualty_group(folded, start, end) or group
            if is_sub:
                assert head_prop is not None
                prop_name = f"{head_prop}:{group}" if group else head_prop
            else:
                head_prop = prop
                prop_name = f"{prop}:{group}" if group and group != prop else prop
                if group == "wounded" and prop == "wounded":
                    prop_name = prop
            out.append(Finding(prop_name, start, low=low, high=high))
        return out

    def _bounds(self, n: float, folded: str, pos: int) -> tuple[float | None, float | None]:
        """Bounds of the number ``n`` at ``pos`` from the qualifier ending there."""
        for pattern, kind in self.qualifiers:
            if pattern.search(folded, before_window(pos), pos):
                if kind == "min":
                    return n, None
                if kind == "more":
                    return n + 1, None
                if kind == "less":
                    return None, max(n - 1, 0.0)  # "fewer than 0": none
                if kind == "max":
                    return None, n
                return float(round(n * 0.9)), float(round(n * 1.1))
        return n, n

    def _event(self, folded: str, start: int, end: int, clause_of: list[int]) -> str | None:
        best: tuple[int, str] | None = None
        clause = clause_of[start] if start < len(clause_of) else 0
        for pattern, prop in self.events:
            for m in pattern.finditer(folded, max(0, start - _EVENT_REACH), end + _EVENT_REACH):
                if m.start() >= len(clause_of) or clause_of[m.start()] != clause:
                    continue
                distance = start - m.end() if m.end() <= start else m.start() - end
                distance = max(distance, 0)
                if best is None or distance < best[0]:
                    best = (distance, prop)
        return None if best is None else best[1]

    def _casualty_group(self, folded: str, start: int, end: int) -> str:
        window = folded[max(0, start - 60) : end + 60]
        for phrase, group in self.casualty_groups.items():
            if phrase in window:
                return group
        for noun, group in self.pack.person_nouns.items():
            if group and re.search(rf"\b{noun}\b", folded[end : end + 60]):
                return group
        return ""
