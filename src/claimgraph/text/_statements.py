"""Uncertainty, denial, massacre and responsibility statements."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..model import CONTESTED, CONTROL, Stance
from ._actors import ActorReader
from ._finding import SETTING, Finding
from ._pack import LanguagePack
from ._places import reader_for
from ._scan import MatchIndex, before_window

__all__ = [
    "DENY_PREVIOUS",
    "DOUBT_PREVIOUS",
    "MASSACRE",
    "RESPONSIBLE",
    "SETTING",
    "StatementReader",
]

#: Pseudo-properties the engine turns into denials of earlier claims.
DENY_PREVIOUS = "\x00deny"
DOUBT_PREVIOUS = "\x00doubt"
MASSACRE = "massacre"
RESPONSIBLE = "responsible"
_YES = "yes"

SourceFinder = Callable[[str, int, int], "str | None"]


class StatementReader:
    """Find contested control, denials of earlier or accused claims, massacres and
    who is held responsible for them."""

    def __init__(self, pack: LanguagePack, actors: ActorReader) -> None:
        self.pack = pack
        self.places = reader_for(pack)
        self.actors = actors
        c = re.compile
        self.uncertainty, self.denial, self.doubt = (
            c(pack.uncertainty),
            c(pack.denial_verbs),
            c(pack.doubt_verbs),
        )
        self.accusation, self.massacre, self.alleged = (
            c(pack.accusation),
            c(pack.massacre),
            c(pack.alleged),
        )
        self.no_bodies, self.blame, self.behind = c(pack.no_bodies), c(pack.blame), c(pack.behind)
        self.responsible_after = c(pack.responsible_after)
        self.progress = c(pack.denied_progress)
        self.denied_reference = c(pack.denied_reference or r"(?!x)x")
        self.falsity = c(pack.falsity or r"(?!x)x")
        self.denied_by = c(rf"\s+{pack.agent_marker}\s+")
        self.clause_end = c(pack.clause_end)
        self._clause_ends = MatchIndex(self.clause_end)
        self.control_word = c(pack.control_words or r"(?!x)x")
        self.complementizer = c(rf"\s{pack.complementizer}\s")
        self._complementizers = MatchIndex(self.complementizer)
        self.in_place = c(rf"\s+{pack.in_words}\s+(?:{pack.determiners}\s+)?")

    def uncertain(self, text: str, folded: str) -> tuple[list[Finding], list[tuple[int, int]]]:
        """Contested control findings and the spans they cover (control verbs there are
        part of the uncertainty, not claims of their own)."""
        out: list[Finding] = []
        spans: list[tuple[int, int]] = []
        for m in self.uncertainty.finditer(folded):
            end = self._clause_end(folded, m.end())
            spans.append((m.start(), end))
            names: list[str | None] = []
            i = m.end()
            while i < end and not names:
                items = self.places.list_after(text, folded, i)
                names = [n for n, _, _ in items]
                nxt = folded.find(" ", i + 1)
                i = end if nxt < 0 else nxt
            if not names and not self.control_word.search(folded, m.start(), end):
                continue  # "conflicting reports on whether a truce was agreed"
            for name in names or [None]:
                out.append(Finding(CONTROL, m.start(), name, CONTESTED, stance=Stance.UNCERTAIN))
        return out, spans

    def find(self, text: str, folded: str, source_at: SourceFinder) -> list[Finding]:
        out: list[Finding] = []
        denied = False
        about_killing: bool | None = None  # read once: it looks at the whole sentence
        for m in self.denial.finditer(folded):
            acc = self.accusation.match(folded, m.end() + 1)
            if acc:
                accused = source_at(folded, acc.end(), min(len(folded), acc.end() + 60))
                if about_killing is None:
                    about_killing = self._about_killing(folded)
                prop = MASSACRE if about_killing else "accusation"
                out.append(Finding(prop, m.start(), SETTING, _YES, source=accused))
                out.append(Finding(prop, m.start(), SETTING, _YES, stance=Stance.DENIES))
                denied = True
                continue
            by = self.denied_by.match(folded, m.end())
            if by is not None:
                # "a claim quickly denied by Houthi rebels": the denier follows "by"
                denier = source_at(folded, by.end(), min(len(folded), by.end() + 60))
                out.append(
                    Finding(DENY_PREVIOUS, m.start(), None, stance=Stance.DENIES, source=denier)
                )
                denied = True
                continue
            if self.progress.match(folded, m.end()) or self.denied_reference.search(
                folded, max(0, m.start() - 6), min(len(folded), m.end() + 25)
            ):
                name = self._place_in(text, folded, m.end(), self._clause_end(folded, m.end()))
                out.append(Finding(DENY_PREVIOUS, m.start(), name, stance=Stance.DENIES))
                denied = True
        if not denied:
            # "This is not true": what was said just before is denied
            for m in self.falsity.finditer(folded):
                out.append(Finding(DENY_PREVIOUS, m.start(), None, stance=Stance.DENIES))
                denied = True
                break
        if not denied:
            for m in self.doubt.finditer(folded):
                out.append(Finding(DOUBT_PREVIOUS, m.start(), None, stance=Stance.UNCERTAIN))
        for m in self.no_bodies.finditer(folded):
            out.append(Finding(MASSACRE, m.start(), SETTING, _YES, stance=Stance.DENIES))
        mentions = self.actors.mentions(folded, text)
        for m in self.massacre.finditer(folded):
            place = self._place_in(text, folded, m.end(), min(len(folded), m.end() + 40))
            subject = place or SETTING
            if not self.alleged.search(folded, before_window(m.start()), m.start()):
                out.append(Finding(MASSACRE, m.start(), subject, _YES))
                agent = self.actors.agent_after(folded, mentions, m.end())
                if agent is not None:
                    out.append(Finding(RESPONSIBLE, m.start(), subject, agent.name))
        last_subject = next((f.subject for f in out if f.property == MASSACRE), SETTING)
        for m in self.behind.finditer(folded):
            begin = self._complementizers.last_end_before(folded, m.start()) or 0
            who = self._actor_names(folded, begin, m.start())
            place = self._place_in(text, folded, m.end(), self._clause_end(folded, m.end()))
            if who:
                last_subject = self._massacre_place(text, folded, m.end()) or place or last_subject
                out.append(Finding(RESPONSIBLE, m.start(), last_subject, who))
        for m in self.responsible_after.finditer(folded):
            group = "who" if m.group("who") else "who1"
            who = self._actor_names(folded, m.start(group), m.end(group))
            if who:
                out.append(Finding(RESPONSIBLE, m.start(), last_subject, who))
        for m in self.blame.finditer(folded):
            rest_start = m.start("rest")
            actor = next(
                (a.actor for a in mentions if rest_start <= a.start < rest_start + 40), None
            )
            if actor is None:
                continue
            obj = re.search(
                r"\b(?:de|por)\s+\w+r\s+(?:a\s+)?(?:el|la|los|las)\s+(\w+)", folded[rest_start:]
            )
            subject = text[rest_start + obj.start(1) : rest_start + obj.end(1)] if obj else SETTING
            out.append(Finding(RESPONSIBLE, m.start(), subject, actor.name))
        return out

    def _clause_end(self, folded: str, start: int) -> int:
        end = self._clause_ends.next_start_from(folded, start)
        return len(folded) if end is None else end

    def _about_killing(self, folded: str) -> bool:
        return bool(self.massacre.search(folded) or re.search(r"\bcadaveres|\bcuerpos", folded))

    def _massacre_place(self, text: str, folded: str, start: int) -> str | None:
        m = self.massacre.search(folded, start, min(len(folded), start + 60))
        if m is None:
            return None
        return self._place_in(text, folded, m.end(), min(len(folded), m.end() + 40))

    def _place_in(self, text: str, folded: str, start: int, end: int) -> str | None:
        m = self.in_place.match(folded, start)
        if m is None:
            return None
        found = self.places.name_at(text[:end], m.end())
        return found[0] if found else None

    def _actor_names(self, folded: str, start: int, end: int) -> str | None:
        names: list[str] = []
        for mention in self.actors.mentions(folded[:end]):
            if mention.start >= start and mention.actor.name not in names:
                names.append(mention.actor.name)
        return ", ".join(names) if names else None
