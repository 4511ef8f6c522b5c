"""Armed actors named in text, and the side each belongs to."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import attrs

from ._pack import Actor, LanguagePack
from ._sentences import fold_aligned

__all__ = ["OPPONENT", "ActorMention", "ActorReader"]

#: In a two-sided fight, who gains what the other loses.
OPPONENT = {"government": "opposition", "opposition": "government"}


@attrs.frozen(slots=True)
class ActorMention:
    actor: Actor
    start: int
    end: int
    #: Whether a preposition precedes it ("de Hezbolá", "por el ejército").
    governed: bool


class ActorReader:
    """Find actor mentions (longest alias wins) in folded text."""

    def __init__(self, pack: LanguagePack, extra: Sequence[Actor] = ()) -> None:
        self.by_alias: dict[str, Actor] = {}
        for actor in pack.actors:
            for alias in actor.aliases:
                # with actors of another war declared, "the army" is not Syria's
                if not (extra and alias in pack.generic_armed_words):
                    self.by_alias[alias] = actor
        # Actors a user declares (other wars) come last and so win over the pack's.
        for actor in extra:
            for alias in (actor.name, *actor.aliases):
                self.by_alias[fold_aligned(alias).strip()] = actor
        self.holder_words = _declared_holders(extra, pack)
        declared = list(dict.fromkeys(a.side for a in extra if a.side not in OPPONENT))
        self.opponent = dict(OPPONENT)
        if len(declared) == 2:
            self.opponent.update({declared[0]: declared[1], declared[1]: declared[0]})
        self.generic = {
            alias: sides
            for alias, sides in pack.generic_actors.items()
            if alias not in self.by_alias
        }
        self.recent: dict[str, Actor] = {}
        #: The first actor of each side the whole document names (see look_ahead).
        self.ahead: dict[str, Actor] = {}
        self.acronyms = pack.acronyms
        self._last: tuple[tuple[str, str | None], list[ActorMention]] | None = None
        self._previous: Actor | None = None
        self.possessive = re.compile(
            rf"\b(?:{pack.possessives})\s+$" if pack.possessives else "(?!x)x"
        )
        self.pattern = _alternatives(self.by_alias)
        self.generic_pattern = _alternatives(self.generic) if self.generic else None
        preps = "|".join(pack.object_prepositions)
        self.governed = re.compile(rf"\b(?:{preps})\s+(?:{pack.determiners}\s+)?$")
        self.share_of = re.compile(pack.share_of_actor or r"(?!x)x")
        self.agent = re.compile(rf"\b{pack.agent_marker}\s+(?:{pack.determiners}\s+)?$")

    def mentions(self, folded: str, text: str | None = None) -> list[ActorMention]:
        """Actors named in ``folded``, in order; a generic word ("los yihadistas")
        stands for the actor of its sides named last, here or in an earlier
        sentence, and is skipped while none has been named. Named actors come first
        where the two overlap ("los yihadistas del EI" is the Islamic State)."""
        if self._last is not None and self._last[0] == (folded, text):
            return self._last[1]  # control and statements read the same sentence
        named: list[tuple[int, int, Actor]] = []
        for m in self.pattern.finditer(folded):
            # Acronyms that are also words: "IS" is the Islamic State, "is" a verb.
            if not (text and m.group() in self.acronyms and text[m.start() : m.end()].islower()):
                named.append((m.start(), m.end(), self.by_alias[m.group()]))
        found = list(named)
        if self.generic_pattern is not None:
            for m in self.generic_pattern.finditer(folded):
                if any(a < m.end() and m.start() < b for a, b, _ in named):
                    continue
                if self.possessive.search(folded, max(0, m.start() - 12), m.start()):
                    continue  # "our fighters": the speaker's, not the last named actor
                sides = self.generic[m.group()]
                before = [a for s, e, a in named if e <= m.start() and a.side in sides]
                recent = [self.recent[s] for s in self._recent_order() if s in sides]
                later = [self.ahead[s] for s in sides if s in self.ahead]
                actor = before[-1] if before else (recent[0] if recent else None)
                if actor is None and later:
                    actor = later[0]  # "Combatientes yihadistas ..." before the EI is named
                if actor is not None:
                    found.append((m.start(), m.end(), actor))
        out = []
        for start, end, actor in sorted(found, key=lambda x: x[0]):
            preceding = folded[max(0, start - 30) : start]
            # "la mayor parte de los yihadistas se retiró": a share of the group is it
            governed = bool(self.governed.search(preceding)) and not self.share_of.search(preceding)
            out.append(ActorMention(actor, start, end, governed))
        self._previous = next(reversed(self.recent.values()), None)
        for _, _, actor in named:
            self.recent.pop(actor.side, None)
            self.recent[actor.side] = actor
        self._last = ((folded, text), out)
        return out

    def look_ahead(self, texts: Iterable[str]) -> None:
        """Note the first actor of each side named in a document's sentences, for a
        generic word ("los yihadistas") used before any actor is named."""
        self.ahead = {}
        for text in texts:
            folded = fold_aligned(text)
            for m in self.pattern.finditer(folded):
                if m.group() in self.acronyms and text[m.start() : m.end()].islower():
                    continue
                actor = self.by_alias[m.group()]
                self.ahead.setdefault(actor.side, actor)

    def before_sentence(self) -> Actor | None:
        """The actor named last before the sentence read last."""
        return self._previous

    def _recent_order(self) -> list[str]:
        return list(reversed(self.recent))

    def subject_before(self, mentions: list[ActorMention], pos: int) -> Actor | None:
        """The nearest actor before ``pos`` that is not governed by a preposition."""
        for mention in reversed(mentions):
            if mention.end <= pos and not mention.governed:
                return mention.actor
        return None

    def agent_after(self, folded: str, mentions: list[ActorMention], pos: int) -> Actor | None:
        """The agent of a passive or nominal: "por ACTOR" shortly after ``pos``."""
        for mention in mentions:
            if 0 <= mention.start - pos < 120 and self.agent.search(folded[: mention.start]):
                return mention.actor
        return None


def _declared_holders(actors: Sequence[Actor], pack: LanguagePack) -> dict[str, str]:
    """Adjectives naming a declared actor's side: the words of its name besides the
    armed noun ("Ukrainian" of "Ukrainian forces", "rusas" of "tropas rusas", with
    the other genders and numbers of a Spanish adjective)."""
    out: dict[str, str] = {}
    for actor in actors:
        for name in (actor.name, *actor.aliases):
            words = fold_aligned(name).split()
            if len(words) != 2 or not any(w in pack.armed_nouns for w in words):
                continue
            (word,) = [w for w in words if w not in pack.armed_nouns] or [""]
            if not word.isalpha():
                continue
            forms = {word}
            stem = re.fullmatch(r"(\w+?)(?:os|as|o|a)", word)
            if stem is not None:
                forms |= {stem.group(1) + end for end in ("o", "a", "os", "as")}
            for form in forms:
                out.setdefault(form, actor.side)
    return out


def _alternatives(words: Iterable[str]) -> re.Pattern[str]:
    """One pattern for whole words, the longest first."""
    ordered = sorted(words, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in ordered) + r")\b")
