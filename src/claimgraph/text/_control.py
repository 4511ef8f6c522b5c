"""Control of places: captures, losses, strongholds, advances into, and non-changes."""

from __future__ import annotations

import re
from collections.abc import Callable

import attrs

from ..model import CONTESTED, CONTROL, Stance
from ._actors import ActorMention, ActorReader
from ._finding import Finding
from ._pack import LanguagePack
from ._places import reader_for
from ._scan import MatchIndex, SpanSet

__all__ = ["ControlReader"]

ADVANCE = "advance"
FIGHTING = "fighting"


class ControlReader:
    """Turn control verbs and their places into findings of ``control`` (or, for
    attempts, advances towards and attacks, ``advance`` and ``fighting``)."""

    def __init__(self, pack: LanguagePack, actors: ActorReader) -> None:
        self._times: list[tuple[int, int]] = []
        self.pack = pack
        self.places = reader_for(pack)
        self.actors = actors
        c = re.compile
        self.gain, self.passive, self.nominal = (
            c(pack.gain_verbs),
            c(pack.passive_gain),
            c(pack.nominal_gain),
        )
        self.loss, self.fall, self.held = c(pack.loss_verbs), c(pack.fall_verbs), c(pack.held_by)
        self.stronghold = c(pack.stronghold)
        self.into, self.toward, self.attack = (
            c(pack.advance_into),
            c(pack.advance_toward),
            c(pack.attack_verbs),
        )
        self.attempt, self.partial = c(pack.attempt_markers), c(pack.partial_markers)
        self.share_before = c(rf"(?:{pack.partial_markers})$")
        self.apposition = c(pack.subject_apposition)
        self.loss_from, self.fall_to = c(pack.loss_from), c(pack.fall_to)
        self.complementizer = c(rf"\s{pack.complementizer}\s")
        never = r"(?!x)x"
        self.expel = c(pack.expel_verbs or never)
        self.expel_from = c(rf"\s+{pack.expel_from}\s+")
        self.repel, self.withdraw = c(pack.repel_verbs or never), c(pack.withdraw_verbs or never)
        self.nominal_withdrawal = c(pack.nominal_withdrawal or never)
        self.withdrawal_from = c(rf"\s*(?:{pack.withdrawal_from})\b")
        self.hold = c(pack.hold_verbs or never)
        self.holder_words = {**actors.holder_words, **pack.holder_words}
        holders = (
            "(?P<side>"
            + "|".join(sorted(map(re.escape, self.holder_words), key=len, reverse=True))
            + ")"
        )
        self.held_adjective = c(pack.held_adjective.replace("{holder}", holders) or never)
        self.control_adjective = c(pack.control_adjective.replace("{holder}", holders) or never)
        self.failed_expulsion = c(pack.failed_expulsion or never)
        # where the actor a failed expulsion names is: "... troops in X", "... de X"
        self.held_where = c(rf"\s+(?:\w+\s+){{0,2}}?(?:{pack.expel_from}|{pack.in_words})\s+")
        self.enemy = c(pack.enemy_words or never)
        self.stronghold_possessive = c(pack.stronghold_possessive or never)
        self.prevention = c(pack.prevention or never)
        self.description_apposition = c(pack.description_apposition or never)
        self.contested_where = c(pack.contested_where or never)
        self.object_fillers = c(pack.object_fillers or never)
        self.contested = c(pack.contested or never)
        self.divided = c(pack.divided_between or never)
        self.presence = c(pack.presence or never)
        self.remnants = c(pack.remnants or never)
        self.stronghold_of = c(pack.stronghold_of or never)
        self.remnants_in = c(rf"\b(?:{pack.in_words})\b")
        self.contested_after = c(pack.contested_after or never)
        self.negation = c(pack.negation or never)
        self.achieved = c(pack.achieved or never)
        self.pronoun = c(pack.pronoun_subjects or never)
        self.relative = c(rf"[\s,]+{pack.relative_pronouns}\s+(?:[a-z]+\s+){{0,3}}$")
        self.object_relative = c(rf"[\s,]+{pack.object_relatives}\s+(?:[a-z]+\s+){{0,3}}$")
        self.first_person = c(pack.first_person_verb)
        self.hypothetical = c(pack.hypothetical or never)
        self.passive_subject = c(pack.passive_subject or never)
        self.clause_breaks = c(pack.clause_breaks)
        self._complementizers = MatchIndex(self.complementizer)
        self._breaks = MatchIndex(self.clause_breaks)
        self.of_after = c(rf"\s+{pack.of_words}\s+")
        self.of_word = c(pack.of_words)
        self.copula = c(rf"\b(?:{pack.copulas})\s+(?:\w+\s+){{0,2}}$" if pack.copulas else never)
        # "X is the last major ...": a copula and a determiner before a description
        self.described = c(
            rf"\b(?:{pack.copulas})\s+(?:{pack.determiners})\s+(?:\w+\s+){{0,3}}$"
            if pack.copulas
            else never
        )
        self.nominal_fall = c(pack.nominal_fall or never)
        self.nominal_loss = c(pack.nominal_loss or never)
        self.speech = c(pack.speech_verbs)
        self._speech = MatchIndex(self.speech)
        self.flag_raised = c(pack.flag_raised or never)
        self.gerund = c(pack.gerund or never)
        self.control_phrase = c(pack.control_phrase or never)

    def find(
        self,
        text: str,
        folded: str,
        blocked: list[tuple[int, int]],
        speaker_side: Callable[[int], str | None],
        last_side: str | None,
        times: list[tuple[int, int]],
    ) -> list[Finding]:
        self._times = times
        mentions = self.actors.mentions(folded, text)
        out: list[Finding] = []
        taken = SpanSet(blocked)
        # Words inside an actor's name are never verbs ("Popular Mobilization Forces");
        # patterns that name actors themselves ("repelled IS attacks on") skip this.
        actor_spans = SpanSet((a.start, a.end) for a in mentions)

        def free(m: re.Match[str], actors_inside: bool = False) -> bool:
            a, b = m.span()
            return not taken.overlaps(a, b) and (actors_inside or not actor_spans.overlaps(a, b))

        def side_for(pos: int, agent_from: int | None = None, anywhere: bool = False) -> str | None:
            actor = None
            if agent_from is not None:
                actor = self.actors.agent_after(folded, mentions, agent_from)
            if actor is None:
                actor = self.actors.subject_before(mentions, pos)
            if actor is None and anywhere and mentions:
                actor = mentions[0].actor
            word = re.match(r"\w+", folded[pos:])
            if actor is None and self.enemy.search(folded, max(0, pos - 30), pos):
                # "the enemy took X": the speaker's enemy
                return self.actors.opponent.get(speaker_side(pos) or "") or last_side
            if actor is None and (
                self.pronoun.search(folded, max(0, pos - 40), pos)
                or (word and self.first_person.fullmatch(word.group()))
            ):
                # "we took": the speaker's side; "they took", told by a monitor: the
                # actor named last
                earlier = [a.actor for a in mentions if a.end <= pos]
                recent = earlier[-1] if earlier else self.actors.before_sentence()
                return speaker_side(pos) or (recent.side if recent else None) or last_side
            return actor.side if actor is not None else last_side

        for m in self.passive.finditer(folded):
            if not free(m):
                continue
            taken.append(m.span())
            side = side_for(m.start(), agent_from=m.end())
            subjects = self._subjects_before(text, folded, m.start())
            for name in subjects:
                out.append(Finding(CONTROL, m.start(), name, side, partial=subjects.partial))
        for m in self.nominal.finditer(folded):
            if not free(m) or self.hypothetical.search(
                folded, m.end(), _clause_stop(folded, m.end())
            ):
                continue
            taken.append(m.span())
            side = side_for(m.start(), agent_from=m.end(), anywhere=True)
            out.extend(self._list(text, folded, m.end(), CONTROL, side, m.start()))
        for m in self.into.finditer(folded):
            if not free(m):
                continue
            taken.append(m.span())
            side = side_for(m.start())
            prop = ADVANCE if self._attempted(folded, m.start()) else CONTROL
            for f in self._list(text, folded, m.end(), prop, side, m.start()):
                out.append(f if prop != CONTROL else _partial(f))
        for m in self.gain.finditer(folded):
            if not free(m) or self._hypothetical_gerund(folded, m):
                continue
            taken.append(m.span())
            side = side_for(m.start())
            prop = ADVANCE if self._attempted(folded, m.start()) else CONTROL
            found = self._list(text, folded, m.end(), prop, side, m.start())
            if not found:
                found = self._relative_object(text, folded, m.start(), prop, side)
            out.extend(found)
            stop = self.prevention.search(folded, max(0, m.start() - 40), m.start())
            keeper = self.actors.subject_before(mentions, stop.start()) if stop else None
            if keeper is not None:
                # "the army prevents the jihadists from taking X": the army holds X
                out.extend(attrs.evolve(f, property=CONTROL, value=keeper.side) for f in found)
        for m in self.loss.finditer(folded):
            if not free(m):
                continue
            taken.append(m.span())
            loser = side_for(m.start())
            # the other side named in the sentence ("seized X from IS, only to lose it"),
            # else the loser's opponent in a war of two sides
            others = {a.actor.side for a in mentions if a.actor.side and a.actor.side != loser}
            gainer = others.pop() if len(others) == 1 else self.actors.opponent.get(loser or "")
            after = self.loss_from.match(folded, m.end())
            start = after.end() if after else m.end()
            if self._attempted(folded, m.start()):
                continue
            # The loser no longer holds it; the other side of a two-sided war gains it.
            for f in self._list(text, folded, start, CONTROL, loser, m.start()):
                out.append(attrs.evolve(f, stance=Stance.DENIES))
                if gainer:
                    out.append(attrs.evolve(f, value=gainer))
        for m in self.fall.finditer(folded):
            if not free(m) or self._attempted(folded, m.start()):
                continue
            hands = self.fall_to.match(folded, m.end())
            if hands:
                actor = self.actors.agent_after(folded, mentions, m.end()) or next(
                    (a.actor for a in mentions if a.start >= m.end()), None
                )
                side = actor.side if actor else None
            else:
                side = self._fallen_to(speaker_side(m.start())) or last_side
            subjects = self._subjects_before(text, folded, m.start())
            for name in subjects:
                out.append(Finding(CONTROL, m.start(), name, side, partial=subjects.partial))
        for m in self.nominal_loss.finditer(folded):
            if not free(m) or self.hypothetical.search(
                folded, m.end(), _clause_stop(folded, m.end())
            ):
                continue
            taken.append(m.span())
            loser = side_for(m.start(), agent_from=m.end(), anywhere=True)
            for f in self._list(text, folded, m.end(), CONTROL, loser, m.start()):
                out.append(attrs.evolve(f, stance=Stance.DENIES))
        for m in self.nominal_fall.finditer(folded):
            if not free(m) or self.hypothetical.search(
                folded, m.end(), _clause_stop(folded, m.end())
            ):
                continue
            taken.append(m.span())
            found = self._list(text, folded, m.end(), CONTROL, None, m.start())
            end = _clause_stop(folded, m.end())
            hands = self.fall_to.search(folded, m.end(), end)
            actor = self.actors.agent_after(folded, mentions, m.end()) or next(
                (a.actor for a in mentions if hands and a.start >= hands.end()), None
            )
            side = actor.side if actor is not None else last_side
            out.extend(attrs.evolve(f, value=side) for f in found)
        for m in self.held.finditer(folded):
            if not free(m):
                continue
            actor = next((a.actor for a in mentions if a.start >= m.end() - 1), None)
            if actor is None:
                continue
            subjects = self._held_subjects(text, folded, m.start())
            for name in subjects:
                out.append(Finding(CONTROL, m.start(), name, actor.side, partial=subjects.partial))
        changes = [f for f in out if f.property == CONTROL]
        for m in self.stronghold.finditer(folded):
            side = self.pack.stronghold_sides.get(m.group("side"))
            possessed = self.stronghold_possessive.search(
                folded, max(0, m.start() - 30), m.start()
            ) or self.stronghold_possessive.match(folded, m.start("side"), m.end("side") + 1)
            if self.of_word.fullmatch(m.group("side")) or (possessed and not side):
                # "bastión de los yihadistas": the actor named right after; "su
                # bastión de X": the actor named last before
                owner = next((a.actor for a in mentions if 0 <= a.start - m.end() < 25), None)
                if owner is None and possessed is not None:
                    before = [a.actor for a in mentions if a.end <= m.start()]
                    owner = before[-1] if before else self.actors.before_sentence()
                side = owner.side if owner is not None else None
            if not side:
                continue
            of = self.of_after.match(folded, m.end())
            if possessed is not None and self.of_word.fullmatch(m.group("side")):
                of = m  # "su bastión de X": the of-word was read as the side
            if of is not None:  # "the rebel stronghold of X", "el bastión rebelde de X"
                out.extend(self._list(text, folded, of.end(), CONTROL, side, m.start()))
                continue
            for name in self.places.last_list_before(text, folded, m.start()):
                # "X, a rebel stronghold, fell to the army": the state before the change
                if not any(f.subject == name and f.value != side for f in changes):
                    out.append(Finding(CONTROL, m.start(), name, side))
        out.extend(self._new_forms(text, folded, mentions, free, taken, side_for))
        for pattern, prop in ((self.toward, ADVANCE), (self.attack, FIGHTING)):
            for m in pattern.finditer(folded):
                if not free(m):
                    continue
                side = side_for(m.start())
                out.extend(self._list(text, folded, m.end(), prop, side, m.start()))
        return [self._negated(folded, f) for f in out if f.value is not None]

    def _negated(self, folded: str, f: Finding) -> Finding:
        """A control finding whose verb is negated is turned round: "did not take X"
        denies the gain, "had not been pushed out of X" asserts the hold."""
        if f.property != CONTROL or f.stance not in (Stance.ASSERTS, Stance.DENIES):
            return f
        if self.negation.search(folded, max(0, f.pos - 25), f.pos):
            flipped = Stance.DENIES if f.stance is Stance.ASSERTS else Stance.ASSERTS
            return attrs.evolve(f, stance=flipped)
        return f

    def _new_forms(
        self,
        text: str,
        folded: str,
        mentions: list[ActorMention],
        free: Callable[..., bool],
        taken: SpanSet,
        side_for: Callable[..., str | None],
    ) -> list[Finding]:
        """Expulsions, repelled attacks, withdrawals, holding, holders named as
        adjectives, and contested places."""
        out: list[Finding] = []

        for m in self.expel.finditer(folded):
            if not free(m) or self._attempted(folded, m.start()):
                continue
            # "expulsan a los milicianos del EI de Sinyar": the from-word before a place
            frm = next(
                (
                    f
                    for f in self.expel_from.finditer(
                        folded, m.end(), min(len(folded), m.end() + 90)
                    )
                    # "a las milicias del Estado Islámico de X": that "del" is the actor's
                    if not any(0 <= a.start - f.end() <= 2 for a in mentions)
                    and self.places.list_after(text, folded, f.end())
                ),
                None,
            )
            if frm is None:
                continue
            taken.append((m.start(), frm.end()))
            if self.passive_subject.search(folded, max(0, m.start() - 25), m.start()):
                # "IS was driven out of X by the SDF": the subject lost it to the agent
                loser = self.actors.subject_before(mentions, m.start())
                agent = self.actors.agent_after(folded, mentions, frm.end())
                gainer = agent.side if agent is not None else None
            else:
                gainer = side_for(m.start())
                loser = next((a.actor for a in mentions if m.end() <= a.start < frm.start()), None)
            for f in self._list(text, folded, frm.end(), CONTROL, gainer, m.start()):
                if gainer is not None:
                    out.append(f)
                if loser is not None and loser.side != gainer:
                    out.append(attrs.evolve(f, value=loser.side, stance=Stance.DENIES))
        for m in self.failed_expulsion.finditer(folded):
            if not free(m):
                continue
            taken.append(m.span())
            holder = next((a.actor for a in mentions if 0 <= a.start - m.end() < 30), None)
            if holder is None:
                continue
            after = next(a.end for a in mentions if a.actor is holder and a.start >= m.end())
            frm = self.held_where.match(folded, after)
            if frm is not None:
                out.extend(self._list(text, folded, frm.end(), CONTROL, holder.side, m.start()))
        for m in self.repel.finditer(folded):
            if not free(m, actors_inside=True):
                continue
            taken.append(m.span())
            out.extend(self._list(text, folded, m.end(), CONTROL, side_for(m.start()), m.start()))
        for m in self.nominal_withdrawal.finditer(folded):
            # "the withdrawal of its troops from X": the actor, then "from" and the place
            gone, frm = self._actor_then(folded, mentions, m, self.withdrawal_from, reach=30)
            if gone is None or frm is None or not free(m):
                continue
            taken.append((m.start(), frm.end()))
            for f in self._list(text, folded, frm.end(), CONTROL, gone.actor.side, m.start()):
                out.append(attrs.evolve(f, stance=Stance.DENIES))
        for m in self.withdraw.finditer(folded):
            if not free(m):
                continue
            taken.append(m.span())
            # only an armed actor withdraws: residents fleeing say nothing of control
            leaver = self.actors.subject_before(mentions, m.start())
            if leaver is None:
                continue
            for f in self._list(text, folded, m.end(), CONTROL, leaver.side, m.start()):
                out.append(attrs.evolve(f, stance=Stance.DENIES))
        for m in self.held_adjective.finditer(folded):
            side = self.holder_words.get(" ".join(m.group("side").split()))
            if side is None or not free(m, actors_inside=True):
                continue
            taken.append(m.span())
            found = self._list(text, folded, m.end(), CONTROL, side, m.start())
            if not found and self.described.search(folded, max(0, m.start() - 40), m.start()):
                # "X is the last rebel-held town": the subject of the copula
                found = [
                    Finding(CONTROL, m.start(), name, side)
                    for name in self._subjects_before(text, folded, m.start())
                ]
            out.extend(found)
        for m in self.control_adjective.finditer(folded):
            side = self.holder_words.get(" ".join(m.group("side").split()))
            if side is None or not free(m, actors_inside=True):
                continue
            taken.append(m.span())
            subjects = self._held_subjects(text, folded, m.start(), reach=40)
            for subject in subjects:
                out.append(Finding(CONTROL, m.start(), subject, side, partial=subjects.partial))
        for m in self.hold.finditer(folded):
            if not free(m) or self._attempted(folded, m.start()):
                continue
            taken.append(m.span())
            out.extend(self._list(text, folded, m.end(), CONTROL, side_for(m.start()), m.start()))
        for m in self.flag_raised.finditer(folded):
            if not free(m, actors_inside=True):
                continue
            taken.append(m.span())
            word = (m.group("side") or m.group("side2") or "").strip()
            side = self.pack.flag_sides.get(word) or side_for(m.start())
            out.extend(self._list(text, folded, m.end(), CONTROL, side, m.start()))
        for m in self.divided.finditer(folded):
            if not free(m):
                continue
            taken.append(m.span())
            stop = _clause_stop(folded, m.end())
            sides = dict.fromkeys(
                a.actor.side for a in mentions if m.end() <= a.start < stop and a.actor.side
            )
            for subject in self._subjects_before(text, folded, m.start()):
                for side in sides:
                    out.append(Finding(CONTROL, m.start(), subject, side, partial=True))
        for m in self.contested.finditer(folded):
            if not free(m):
                continue
            taken.append(m.span())
            for subject in self._subjects_before(text, folded, m.start()):
                out.append(Finding(CONTROL, m.start(), subject, CONTESTED))
        for m in self.contested_where.finditer(folded):
            if not free(m):
                continue
            taken.append(m.span())
            for subject in self.places.last_list_before(text, folded, m.start()):
                out.append(Finding(CONTROL, m.start(), subject, CONTESTED))
        for m in self.contested_after.finditer(folded):
            if not free(m, actors_inside=True):
                continue
            taken.append(m.span())
            out.extend(self._list(text, folded, m.end(), CONTROL, CONTESTED, m.start()))
        for m in self.stronghold_of.finditer(folded):
            owner = next((a for a in mentions if 0 <= a.start - m.end() < 25), None)
            if owner is None or not free(m, actors_inside=True):
                continue
            taken.append((m.start(), owner.end))
            for name in self.places.last_list_before(text, folded, m.start())[-1:]:
                if self._adjacent(text, name, m.start(), reach=30):
                    out.append(Finding(CONTROL, m.start(), name, owner.actor.side))
        for m in self.remnants.finditer(folded):
            # "pockets of IS resistance remain in X": the actor, then "in" and the place
            owner, where = self._actor_then(folded, mentions, m, self.remnants_in, reach=12)
            if owner is None or where is None or not free(m, actors_inside=True):
                continue
            taken.append((m.start(), where.end()))
            found = self._list(text, folded, where.end(), CONTROL, owner.actor.side, m.start())
            out.extend(_partial(f) for f in found)
        for m in self.presence.finditer(folded):
            if not free(m):
                continue
            # only an armed actor's presence says something of control
            present = self.actors.subject_before(mentions, m.start())
            if present is None:
                continue
            taken.append(m.span())
            found = self._list(text, folded, m.end(), CONTROL, present.side, m.start())
            out.extend(_partial(f) for f in found)
        return out

    def _adjacent(self, text: str, name: str, pos: int, reach: int = 15) -> bool:
        """Whether ``name`` ends shortly before ``pos`` (same phrase, not a distant list)."""
        where = text.rfind(name, 0, pos)
        return where >= 0 and pos - (where + len(name)) < reach

    def _attempted(self, folded: str, pos: int) -> bool:
        if self.achieved.search(folded, max(0, pos - 40), pos):
            return False
        return bool(self.attempt.search(folded[max(0, pos - 40) : pos]))

    def _list(
        self, text: str, folded: str, start: int, prop: str, side: str | None, pos: int
    ) -> list[Finding]:
        partial, share = False, None
        start = self._past_inserted_time(folded, start)
        # a quoted object reads as the object: 'controlaban "casi la totalidad de X"'
        start += len(folded[start:]) - len(folded[start:].lstrip(' "“”«»'))
        filler = self.object_fillers.match(folded, start)
        if filler is not None:
            start = filler.end()
        phrase = self.control_phrase.match(folded, start)
        if phrase is not None and (
            self.partial.match(folded, phrase.end())
            or self.places.reference_at(folded, phrase.end()) is not None
        ):
            # "el control del centro de X", "el control de esta ciudad"
            start = phrase.end()
        m = self.partial.match(folded, start)
        if m:
            partial = True
            pct = int(m.group("pct")) if m.group("pct") else 0
            # "el 300% de X" says nothing of how much: partial, with no share
            share = pct / 100 if 0 < pct <= 100 else None
            start = m.end()
        out = []
        for name, _, _ in self.places.list_after(text, folded, start):
            out.append(Finding(prop, pos, name, side, partial=partial, share=share))
        return out

    def _actor_then(
        self,
        folded: str,
        mentions: list[ActorMention],
        head: re.Match[str],
        follow: re.Pattern[str],
        reach: int,
    ) -> tuple[ActorMention | None, re.Match[str] | None]:
        """The actor named right after ``head`` (or whose name takes it in:
        "combatientes del Estado Islámico"), and the first ``follow`` word within a
        few words after the actor, in its clause ("from", "en")."""
        actor = next(
            (a for a in mentions if a.end > head.start() and a.start < head.end() + reach), None
        )
        if actor is None:
            return None, None
        word = follow.search(folded, actor.end)
        limit = min(_clause_stop(folded, actor.end), actor.end + 40)
        return actor, word if word is not None and word.start() < limit else None

    def _relative_object(
        self, text: str, folded: str, verb: int, prop: str, side: str | None
    ) -> list[Finding]:
        """The place a relative pronoun stands for as the verb's object ("Al-Masaken,
        which the Kurds later captured", "Kobane, que el EI tomó")."""
        rel = self.object_relative.search(folded, max(0, verb - 60), verb)
        if rel is None:
            return []
        named = self.places.last_list_before(text, folded, rel.start() + 1)
        if not named or not named[-1] or not self._adjacent(text, named[-1], rel.start() + 1, 3):
            return []
        return [Finding(prop, verb, named[-1], side)]

    def _past_inserted_time(self, folded: str, start: int) -> int:
        """Past a time set off by commas between a verb and its object ("tomaron, este
        lunes, el puesto de X", "took, on Monday, the town of X")."""
        comma = _COMMA.match(folded, start)
        if comma is None:
            return start
        for a, b in self._times:
            # the time, or one word and the time ("late on Monday", "a primera hora del")
            if comma.end() <= a and len(folded[comma.end() : a].split()) <= 1:
                closing = _CLOSING_COMMA.match(folded, b)
                return closing.end() if closing is not None else start
        return start

    def _held_subjects(self, text: str, folded: str, pos: int, reach: int = 15) -> _Subjects:
        """What a holder phrase at ``pos`` is about: after a copula the subject, past
        appositions and references included ("X, al norte de Y, estaba bajo control
        de Z", "the town was under army control"); else the names right before it
        ("barrios X y Y bajo control de Z", "X, en manos de Z")."""
        if self.copula.search(folded, max(0, pos - 30), pos):
            subjects = self._subjects_before(text, folded, pos)
            if subjects:
                return subjects
        names = _Subjects(
            n
            for n in self.places.last_list_before(text, folded, pos)
            if self._adjacent(text, n, pos, reach=reach)
        )
        first = text.rfind(names[0], 0, pos) if names and names[0] else -1
        share = self.share_before.search(folded, max(0, first - 60), first) if first > 0 else None
        names.partial = share is not None
        return names

    def _hypothetical_gerund(self, folded: str, m: re.Match[str]) -> bool:
        """A gerund opening its sentence before "would" ("Capturing X would be a gain",
        "Tomando X, el ejército podría"): a thought, not an event."""
        head = folded[: m.start()].strip(" \"'“”")
        return (
            not head
            and bool(self.gerund.match(m.group()))
            and bool(self.hypothetical.search(folded, m.end(), _clause_stop(folded, m.end())))
        )

    def _fallen_to(self, speaker: str | None) -> str | None:
        """Who took a place said to have fallen with no taker named: the speaker's
        enemy, else the last actor named of a side other than the speaker's."""
        if speaker is None:
            return None
        enemy = self.actors.opponent.get(speaker)
        if enemy:
            return enemy
        others = [side for side in reversed(self.actors.recent) if side != speaker]
        return others[0] if others else None

    def _subject_list(
        self, span: str, fspan: str, offset: int
    ) -> tuple[list[tuple[str | None, int, int]], bool]:
        """The places listed from ``offset``, past a share that opens them ("most of
        X", "la mitad norte de X"), and whether one did."""
        share = self.partial.match(fspan, offset)
        opened = share is not None and share.end() > offset
        items = self.places.list_after(span, fspan, share.end() if share and opened else offset)
        return items, opened and bool(items)

    def _subjects_before(self, text: str, folded: str, verb: int) -> _Subjects:
        """Places that are the subject of a passive or intransitive verb at ``verb``."""
        rel = self.relative.search(folded, max(0, verb - 40), verb)
        if rel is not None:
            # "Palmira, que había caído ...": the place before the relative pronoun.
            named = self.places.last_list_before(text, folded, rel.start())
            if named and self._adjacent(text, named[-1], rel.start(), reach=3):
                return _Subjects(named)
        que = self._complementizers.last_end_before(folded, verb) or 0
        clause = self._breaks.last_end_before(folded, verb) or 0
        # "Dawad said the gate of X was captured": the subject follows the speech verb
        said = self._speech.last_end_before(folded, verb) or 0
        begin = max(que, clause, said, folded.rfind(";", 0, verb) + 1)
        span = text[begin:verb]
        fspan = folded[begin:verb]
        span = self.apposition.sub(lambda x: " " * len(x.group()), span)
        # a time expression before the subject is not part of it ("El 2 de marzo, X ...")
        cut = max((b for a, b in self._times if begin <= a and b <= verb), default=begin)
        offset = cut - begin
        lead = re.match(r"[\s,]*", fspan[offset:])
        offset += lead.end() if lead else 0
        items, opened_by_share = self._subject_list(span, fspan, offset)
        # "Según X, A y B ya habían caído": the subject follows an introductory phrase
        comma = fspan.find(",", offset)
        while not items and comma >= 0:
            # ", and X is ...": a coordinated clause's subject follows the conjunction
            sep = self.places.separators.match(fspan, comma)
            after = (
                sep.end() if sep else comma + len(fspan[comma:]) - len(fspan[comma + 1 :].lstrip())
            )
            items, opened_by_share = self._subject_list(span, fspan, after)
            comma = fspan.find(",", comma + 1)
        names = _Subjects(n for n, _, _ in items)
        names.partial = opened_by_share
        if not names:
            described = self.description_apposition.search(folded, max(0, verb - 140), verb)
            if described is not None:
                # "Bakhmut, the nearby city that was once home to ..., was captured"
                names = _Subjects(
                    n
                    for n in self.places.last_list_before(text, folded, described.start())
                    if self._adjacent(text, n, described.start(), reach=2)
                )
        return names


_COMMA, _CLOSING_COMMA = re.compile(r"\s*,\s*"), re.compile(r"\s*,")


class _Subjects(list[str | None]):
    """Subject places of a verb; ``partial`` when a share opens the subject ("most
    of X was captured", "la mitad norte de X estaba en manos de")."""

    partial: bool = False


def _partial(f: Finding) -> Finding:
    return Finding(f.property, f.pos, f.subject, f.value, partial=True, share=f.share)


def _clause_stop(folded: str, start: int) -> int:
    """The end of the clause from ``start``: the next full stop or semicolon."""
    m = re.compile(r"[.;]").search(folded, start)
    return m.start() if m else len(folded)
