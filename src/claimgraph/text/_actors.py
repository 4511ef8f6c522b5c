"""Armed actors named in text, and the side each belongs to."""

from __future__ import annotations

import re

import attrs

from ._pack import Actor, LanguagePack

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

    def __init__(self, pack: LanguagePack) -> None:
        self.by_alias: dict[str, Actor] = {}
        for actor in pack.actors:
            for alias in actor.aliases:
                self.by_alias[alias] = actor
        aliases = sorted(self.by_alias, key=len, reverse=True)
        self.pattern = re.compile(r"\b(?:" + "|".join(re.escape(a) for a in aliases) + r")\b")
        preps = "|".join(pack.object_prepositions)
        self.governed = re.compile(rf"\b(?:{preps})\s+(?:{pack.determiners}\s+)?$")
        self.agent = re.compile(rf"\b{pack.agent_marker}\s+(?:{pack.determiners}\s+)?$")

    def mentions(self, folded: str) -> list[ActorMention]:
        return [
            ActorMention(
                self.by_alias[m.group()],
                m.start(),
                m.end(),
                bool(self.governed.search(folded[max(0, m.start() - 25) : m.start()])),
            )
            for m in self.pattern.finditer(folded)
        ]

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
