"""Who says it: the source of a sentence."""

from __future__ import annotations

import re

import attrs

from ..model import SourceRegistry, fold
from ._pack import LanguagePack
from ._sentences import fold_aligned
from ._sources import UNNAMED

__all__ = ["Attribution", "AttributionReader"]


@attrs.frozen(slots=True)
class Attribution:
    """The source of a sentence; ``named`` when the text names it (it then carries
    to later sentences that refer back to it, "el medio")."""

    source: str | None
    named: bool = False


class AttributionReader:
    """Read "según X", "X afirmó que", impersonal and anaphoric attribution."""

    def __init__(self, pack: LanguagePack, registry: SourceRegistry) -> None:
        self.registry = registry
        names = {fold_aligned(n): s.name for s in registry for n in s.names if len(n) > 1}
        self.by_alias = names
        alternatives = "|".join(re.escape(a) for a in sorted(names, key=len, reverse=True))
        self.alias = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")
        c = re.compile
        self.according, self.speech = c(pack.according_to), c(pack.speech_verbs)
        self.needs_que, self.unnamed = c(pack.speech_needs_que), c(pack.unnamed_attribution)
        self.previous = c(pack.previous_speaker)
        self.unknown_speaker = c(
            r"\b(?:un|una|el|la)\s+(?P<np>[a-z]+(?:\s+[a-z]+)?)\s+"
            r"(?:tambien\s+)?$"
        )

    def source_in(self, folded: str, start: int, end: int, last: bool = False) -> str | None:
        """The registered source named between ``start`` and ``end`` (first or last)."""
        found = list(self.alias.finditer(folded, start, end))
        if not found:
            return None
        return self.by_alias[(found[-1] if last else found[0]).group()]

    def read(self, folded: str, previous: str | None) -> Attribution:
        for m in self.according.finditer(folded):
            window = folded[m.end() : m.end() + 45].split(",")[0]
            named = self.source_in(folded, m.end(), m.end() + len(window))
            if named and not self.unnamed.match(folded, m.start()):
                return Attribution(named, True)
        for m in self.speech.finditer(folded):
            if self.needs_que.match(m.group()) and not re.match(r"\s*(?:que|:)", folded[m.end() :]):
                continue
            begin = max(0, folded.rfind(",", 0, max(0, m.start() - 40)) + 1, m.start() - 90)
            span = folded[begin : m.start()]
            named = self.source_in(folded, begin, m.start(), last=True)
            if named:
                return Attribution(named, True)
            if self.previous.search(folded[begin : m.end()]) and previous:
                return Attribution(previous, True)
            if not re.search(r"\w", re.sub(r"\b(?:por su parte|tambien|ademas|luego)\b", "", span)):
                implicit = self.source_in(folded, m.end(), len(folded))
                if implicit or previous:
                    return Attribution(implicit or previous, True)
            if self.unnamed.search(folded):
                return Attribution(UNNAMED)
            unknown = self.unknown_speaker.search(span)
            if unknown and not re.match(r"\s*se\b", folded[m.start() - 3 : m.start()]):
                return Attribution(fold(unknown.group("np")), True)
        if self.unnamed.search(folded):
            return Attribution(UNNAMED)
        return Attribution(None)
