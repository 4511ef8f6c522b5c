"""The shared extraction engine: sentences in, claims out, driven by a language pack."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence

import attrs

from .._errors import InputError, InvalidClaimError
from ..model import (
    CONTESTED,
    CONTROL,
    Claim,
    SourceKind,
    SourceRegistry,
    Stance,
    declare_side,
    fold,
)
from ._actors import ActorReader
from ._attribution import AttributionReader
from ._control import ControlReader
from ._counts import CountReader
from ._dateline import dateline_end
from ._finding import PLACES_BEFORE, Finding
from ._pack import Actor, LanguagePack
from ._places import reader_for
from ._scan import MatchIndex
from ._sentences import Sentence, fold_aligned
from ._sources import REPORTERS
from ._statements import DENY_PREVIOUS, DOUBT_PREVIOUS, SETTING, StatementReader
from ._time import TimeMention, TimeResolver, TimeSpan

__all__ = ["Engine"]

_QUOTES_BLANK = str.maketrans(dict.fromkeys('"“”«»', " "))

_COUNTED = ("killed", "wounded", "surrendered", "evacuated")
_PLACE_PROPERTIES = frozenset({CONTROL, "advance", "fighting"})


@attrs.define
class _Context:
    """What a reader remembers from earlier sentences."""

    source: str | None = None
    place: str | None = None
    side: str | None = None
    control: list[Claim] = attrs.field(factory=list)
    #: The speaker of the quotation this sentence is inside, if any.
    quoted: str | None = None


class Engine:
    """Extract claims from sentences with one language pack and one source registry."""

    def __init__(
        self, pack: LanguagePack, registry: SourceRegistry, actors: Sequence[Actor] = ()
    ) -> None:
        self.pack = pack
        self.registry = registry
        self.places = reader_for(pack)
        for actor in actors:
            declare_side(actor.side)
        reader = ActorReader(pack, actors)
        self.party_names = frozenset(
            fold_aligned(a)
            for a in (
                *reader.by_alias,
                *(n for actor in actors for n in (actor.name, *actor.aliases)),
            )
        )
        self.attribution = AttributionReader(pack, registry, self._actor_speaker)
        self._actors = reader
        self.control = ControlReader(pack, reader)
        self.counts = CountReader(pack)
        self.statements = StatementReader(pack, reader)
        self.clause_breaks = re.compile(pack.clause_breaks)
        self._breaks = MatchIndex(self.clause_breaks)
        #: the mentions :meth:`_time_at` was last asked about, their starts and clauses
        self._mention_keys: tuple[object, list[int], list[int]] = (None, [], [])
        # "the enemy claims (that) it took X", in a speaker's words: the enemy's claim
        enemy = pack.enemy_words.removesuffix("$")
        self.enemy_says = (
            re.compile(rf"{enemy}(?:{pack.speech_verbs})\W+(?:\w+\W+){{0,4}}?$") if enemy else None
        )
        self.declared_actors = tuple(actors)
        self.claim_nouns = re.compile(pack.claim_nouns) if pack.claim_nouns else None
        self.event_reference = re.compile(pack.event_references)
        self.count_place = re.compile(rf"\b{pack.in_words}\s+")
        self.setting_before = re.compile(rf"\b(?:{pack.of_words}|{pack.in_words})\s$")

    def _actor_speaker(self, folded: str, start: int, end: int) -> str | None:
        """The source named after the first armed actor between ``start`` and ``end``."""
        for mention in self._actors.mentions(folded):
            if start <= mention.start and mention.end <= end:
                return self.registry.canonical(mention.actor.name)
        return None

    def setting(self, sentences: Sequence[Sentence]) -> str | None:
        """The place the document is about: the name most often after "de"/"en"."""
        counts: Counter[str] = Counter()
        for sentence in sentences:
            for m in self.places.name.finditer(sentence.text):
                before = sentence.text[max(0, m.start() - 5) : m.start()].lower()
                if self.setting_before.search(before) and self.places.is_place(m.group()):
                    counts[self.places.clean(m.group())] += 1
        return counts.most_common(1)[0][0] if counts else None

    def extract(
        self,
        sentences: Sequence[Sentence],
        *,
        doc: str,
        year: int | None,
        doc_date: dt.date | None,
    ) -> list[Claim]:
        time = TimeResolver(self.pack, year=year, doc_date=doc_date)
        ctx = _Context()
        setting = self.setting(sentences)
        self._actors.look_ahead(s.text for s in sentences)
        quoted = self.quote_speakers(sentences)
        claims: list[Claim] = []
        for sentence in sentences:
            ctx.quoted = quoted.get(sentence.number)
            try:
                claims.extend(self._sentence(sentence, doc, time, ctx, setting))
            except InvalidClaimError as exc:
                # a reading no claim can hold: said where, never a traceback from within
                raise InputError(
                    f"sentence {sentence.number} gives no valid claim ({exc})",
                    path=doc,
                    line=sentence.line,
                ) from exc
        return claims

    def quote_speakers(self, sentences: Sequence[Sentence]) -> dict[int, str]:
        """Speakers of the sentences inside a quotation that runs over several: the
        speaker named where the quotation opens ('X said: "...') or closes
        ('...," X said'), for every sentence wholly between."""
        out: dict[int, str] = {}
        opened: list[Sentence] = []
        line = 0
        last: str | None = None  # the speaker of the paragraph's last quotation
        for sentence in sentences:
            if sentence.line != line:
                opened, line, last = [], sentence.line, None  # quotations end with it
            text = sentence.text
            odd = text.count('"') % 2 == 1
            if not opened:
                if odd:
                    opened = [sentence]
                elif last and text.startswith('"') and text.rstrip(".").endswith('"'):
                    out[sentence.number] = last  # '"A," X said. "B."': B is X's too
                elif '"' in text:
                    last = self._quote_speaker(sentence, sentence)
                continue
            if not odd:
                opened.append(sentence)
                continue
            speaker = self._quote_speaker(opened[0], sentence)
            if speaker is not None:
                for inside in opened[1:]:
                    out[inside.number] = speaker
                out.setdefault(opened[0].number, speaker)
                out.setdefault(sentence.number, speaker)
                last = speaker
            opened = []
        return out

    def _quote_speaker(self, first: Sentence, last: Sentence) -> str | None:
        closing = last.text.rfind('"')
        folded = fold_aligned(last.text)
        cue = self.attribution.read(folded, None, last.text).cue_at(max(0, closing - 1))
        if cue is not None:
            return cue.source
        opening = first.text.rfind('"')
        cue = self.attribution.read(fold_aligned(first.text), None, first.text).cue_at(opening + 1)
        return cue.source if cue is not None else None

    def _sentence(
        self,
        sentence: Sentence,
        doc: str,
        time: TimeResolver,
        ctx: _Context,
        setting: str | None,
    ) -> list[Claim]:
        text = sentence.text
        folded = fold_aligned(text)
        # control and statement patterns read past quotation marks ('had "almost full
        # control" of X'); attribution needs them, to tell a quotation from its speaker
        plain = folded.translate(_QUOTES_BLANK)
        clause_of = self._clauses(folded)
        stamp = dateline_end(text)
        mentions = [m for m in time.mentions(folded) if m.begin >= stamp]
        attribution = self.attribution.read(folded, ctx.source, text)

        def speaker_side(pos: int) -> str | None:
            speaker = self.registry.canonical(attribution.source_at(pos) or ctx.quoted or doc)
            return None if speaker in REPORTERS else self.registry.alignment(speaker)

        uncertain, blocked = self.statements.uncertain(text, plain)
        findings = uncertain + self.statements.find(text, plain, self.attribution.source_in)
        findings += self.control.find(
            text, plain, blocked, speaker_side, ctx.side, [(m.begin, m.stop) for m in mentions]
        )
        control_places = [f for f in findings if f.property == CONTROL and f.subject]
        for count in self.counts.find(folded, clause_of):
            findings.append(
                attrs.evolve(
                    count, subject=self._count_place(text, folded, count, control_places, ctx)
                )
            )
        # "tomaron esas poblaciones": every place of the last control claims
        earlier = list(dict.fromkeys(c.subject for c in ctx.control if c.subject))
        findings = [
            attrs.evolve(f, subject=place) if f.subject == PLACES_BEFORE else f
            for f in findings
            for place in (earlier if f.subject == PLACES_BEFORE else [f.subject])
        ]
        findings.sort(key=lambda f: f.pos)
        positions = sorted({f.pos for f in findings})
        used: list[TimeMention] = []

        out: list[Claim] = []
        new_control: list[Claim] = []
        for finding in findings:
            mention = self._time_at(finding.pos, mentions, clause_of, positions)
            if mention is not None:
                used.append(mention)
            span = mention.span if mention is not None else time.current
            if finding.property in (DENY_PREVIOUS, DOUBT_PREVIOUS):
                denier = self.registry.canonical(
                    finding.source or attribution.source_at(finding.pos) or ctx.quoted or doc
                )
                for target in self._targets(finding, ctx, new_control, denier):
                    out.append(
                        self._claim(
                            finding,
                            sentence,
                            doc,
                            denier,
                            span,
                            len(out) + 1,
                            subject=target.subject,
                            prop=target.property,
                            value=target.value,
                            partial=target.partial,
                            share=target.share,
                        )
                    )
                continue
            subject = finding.subject
            if subject == SETTING:
                subject = setting or ctx.place
            elif subject is None:
                subject = ctx.place
            if not subject or fold_aligned(subject) in self.party_names:
                continue  # "Rusia", "Kiev": a party to the war, not a place in it
            owner = self._claim_owner(folded, finding)
            if owner is not None:
                # "X dismissed Moscow's claim that its forces took Y": Y for Moscow's side,
                # and Moscow's claim as well as X's word on it
                finding = attrs.evolve(
                    finding, value=self.registry.alignment(owner) or finding.value
                )
                out.append(
                    self._claim(finding, sentence, doc, owner, span, len(out) + 1, subject=subject)
                )
            finding = self._enemy_claim(
                finding, folded, attribution.source_at(finding.pos) or ctx.quoted, ctx.source
            )
            cue = attribution.governing(finding.pos)
            if (
                cue is not None
                and cue.denies
                and finding.stance is Stance.ASSERTS
                and finding.source is None
            ):
                finding = attrs.evolve(finding, stance=Stance.DENIES)
            claim = self._claim(
                finding,
                sentence,
                doc,
                finding.source or attribution.source_at(finding.pos) or ctx.quoted or doc,
                span,
                len(out) + 1,
                subject=subject,
            )
            out.append(claim)
            spoken = attribution.cue_at(finding.pos) if finding.source is None else None
            if spoken is not None and spoken.also:
                # "X and Y said ...": the same claim from each speaker named together
                for other in spoken.also:
                    out.append(
                        self._claim(
                            finding, sentence, doc, other, span, len(out) + 1, subject=subject
                        )
                    )
            if claim.property in _PLACE_PROPERTIES:
                ctx.place = subject
            if claim.property == CONTROL and claim.value not in (None, CONTESTED):
                ctx.side = claim.value
            if claim.property == CONTROL:
                new_control.append(claim)
        out = _distinct(out)
        if new_control:
            ctx.control = new_control
        if attribution.named:
            ctx.source = attribution.source
        # In dated news the narrative time moves with what is reported, not with the
        # years of background clauses ("targeted in an attack in 2017").
        time.advance(used if time.doc_date is not None else mentions)
        return out

    def _claim_owner(self, folded: str, finding: Finding) -> str | None:
        """The source whose claim a control statement is reported as ("Russian
        statements that its forces had taken X", "las afirmaciones del EI de que"):
        the armed actor or source named just before the claim noun, when the statement
        names no actor of its own (its side was the speaker's, read from a pronoun)."""
        if self.claim_nouns is None or finding.property != CONTROL or finding.source:
            return None
        found = None
        for m in self.claim_nouns.finditer(folded, max(0, finding.pos - 120), finding.pos):
            found = m
        if found is None or self.clause_breaks.search(folded, found.end(), finding.pos):
            return None
        if re.search(r"[,;]", folded[found.end() : finding.pos]):
            return None
        # the owner stands right before the noun: "Moscow's claim", "Russian statements",
        # "las afirmaciones del EI" (after it, in Spanish)
        owner = None
        before = max(0, found.start() - 30)
        for m in self.attribution.alias.finditer(folded, before, found.end()):
            near = folded[m.end() : found.start()].strip(" '’s")
            if not near or m.start() >= found.start():
                owner = self.attribution.by_alias[m.group()]
        # or as an adjective of a declared side: "Russian statements", "afirmaciones rusas"
        adjective = re.search(r"(\w+)\s+$", folded[before : found.start()])
        words = [adjective.group(1)] if adjective else []
        words += folded[found.start() : found.end()].split()
        side_word = next(
            (self._actors.holder_words[w] for w in words if w in self._actors.holder_words), None
        )
        if owner is None and side_word is not None:
            actor = next((a for a in self.declared_actors if a.side == side_word), None)
            owner = actor.name if actor is not None else None
        if owner is None:
            return None
        owner = self.registry.canonical(owner)
        side = self.registry.alignment(owner)
        named = [a for a in self._actors.mentions(folded) if found.end() <= a.start < finding.pos]
        if side is None or (named and named[-1].actor.side != side):
            return None
        return owner

    def _enemy_claim(
        self, finding: Finding, folded: str, speaker: str | None, previous: str | None
    ) -> Finding:
        """A claim a speaker says the enemy makes ("The enemy claims it has taken X",
        in the words of the other side's spokesman) is the enemy's, as reported: its
        side is the speaker's opponent and its source the enemy's first declared actor
        (or first actor named), so that the speaker's "this is not true" denies it. A
        speaker of no known side (a spokesman named only by name) speaks for the side
        of the source named before."""
        if (
            self.enemy_says is None
            or speaker is None
            or finding.property != CONTROL
            or finding.source is not None
            or self.enemy_says.search(folded, max(0, finding.pos - 90), finding.pos) is None
        ):
            return finding
        side = self.registry.alignment(self.registry.canonical(speaker))
        if side is None and previous is not None:
            side = self.registry.alignment(self.registry.canonical(previous))
        enemy = self._actors.opponent.get(side or "")
        if not enemy or finding.value not in (side, None):
            return finding
        actor = next((a for a in self.declared_actors if a.side == enemy), None)
        actor = actor or self._actors.ahead.get(enemy)
        source = self.registry.canonical(actor.name) if actor is not None else None
        return attrs.evolve(finding, value=enemy, source=source)

    def _claim(
        self,
        finding: Finding,
        sentence: Sentence,
        doc: str,
        source: str,
        span: TimeSpan,
        k: int,
        *,
        subject: str,
        prop: str | None = None,
        value: str | None = None,
        partial: bool | None = None,
        share: float | None = None,
    ) -> Claim:
        canonical = self.registry.canonical(source)
        return Claim(
            source=canonical,
            # no attribution: the document speaks in its own voice
            source_kind=SourceKind.DOCUMENT if source == doc else SourceKind.SOURCE,
            subject=subject,
            property=prop or finding.property,
            value=value if value is not None else finding.value,
            low=finding.low,
            high=finding.high,
            start=span.start,
            end=span.end,
            precision=span.precision,
            stance=finding.stance,
            partial=finding.partial if partial is None else partial,
            share=finding.share if share is None else share,
            alignment=self.registry.alignment(canonical),
            doc=doc,
            sentence=sentence.number,
            text=sentence.text,
            id=f"{doc}:{sentence.number}:{k}",
        )

    def _targets(
        self, finding: Finding, ctx: _Context, here: list[Claim], denier: str
    ) -> list[Claim]:
        """The claims a denial or doubt is about: those of its own sentence made by
        another source ("X took Y, but Z denies it"), else the last sentence's."""
        candidates = [c for c in here if c.stance is Stance.ASSERTS and c.source != denier]
        candidates = candidates or ctx.control
        if finding.subject:
            key = fold(finding.subject)
            named = [c for c in candidates if fold(c.subject) == key]
            if named:
                return named
        return list(candidates)

    def _clauses(self, folded: str) -> list[int]:
        clause_of = [0] * (len(folded) + 1)
        number = 0
        last = 0
        for m in self.clause_breaks.finditer(folded):
            for i in range(last, m.start()):
                clause_of[i] = number
            number += 1
            last = m.start()
        for i in range(last, len(clause_of)):
            clause_of[i] = number
        return clause_of

    def _time_at(
        self,
        pos: int,
        mentions: list[TimeMention],
        clause_of: list[int],
        statements: Sequence[int] = (),
    ) -> TimeMention | None:
        """The time expression of a statement at ``pos`` (``None``: the running time):
        the last one before it in its clause, else the first after it unless another
        statement stands between ("La caída de X ... desde que capturó Y en mayo": May
        is Y's), else the last one before it in the sentence."""
        if not mentions:
            return None
        # Mentions are in text order and clause numbers grow along the text, so the
        # mentions of a clause are a run found by bisection: looking at each mention
        # for each statement took the square of a long sentence's length.
        if self._mention_keys[0] is not mentions:
            begins = [m.begin for m in mentions]
            self._mention_keys = (mentions, begins, [clause_of[b] for b in begins])
        _, begins, clauses = self._mention_keys
        clause = clause_of[min(pos, len(clause_of) - 1)]
        lo, hi = bisect.bisect_left(clauses, clause), bisect.bisect_right(clauses, clause)
        before = bisect.bisect_right(begins, pos, lo, hi)  # mentions[lo:before] start by pos
        if before > lo:
            return mentions[before - 1]
        # a statement close after this one modifies it ("entered rebel-held parts of X
        # yesterday"); one further on has its own time (and so every later one)
        if lo < hi:
            k = bisect.bisect_right(statements, pos + 40)
            if not (k < len(statements) and statements[k] < mentions[lo].begin):
                return mentions[lo]
        earlier = bisect.bisect_right(begins, pos)
        if earlier:
            return mentions[earlier - 1]
        return mentions[0] if lo == hi else None

    def _count_place(
        self,
        text: str,
        folded: str,
        count: Finding,
        control: list[Finding],
        ctx: _Context,
    ) -> str:
        clause = self._clause_span(folded, count.pos)
        for m in self.count_place.finditer(folded, *clause):
            found = self.places.name_at(text[: clause[1]], m.end())
            if found:
                return found[0]
        if control:
            return control[0].subject or SETTING
        if self.event_reference.search(folded) and ctx.place:
            return ctx.place
        return SETTING

    def _clause_span(self, folded: str, pos: int) -> tuple[int, int]:
        begin = self._breaks.last_end_before(folded, pos)
        end = self._breaks.next_start_after(folded, pos)
        return begin or 0, (len(folded) if end is None else end)


def counted_properties() -> tuple[str, ...]:
    """The base properties of counts."""
    return _COUNTED


def _distinct(claims: list[Claim]) -> list[Claim]:
    """One claim for each statement: patterns that overlap ("cayó en manos de", "bajo
    el control de") may find the same one twice; ids are renumbered."""
    seen: set[tuple[object, ...]] = set()
    out: list[Claim] = []
    for claim in claims:
        key = (
            claim.source,
            claim.subject,
            claim.property,
            claim.value,
            claim.low,
            claim.high,
            claim.stance,
            claim.partial,
            claim.start,
            claim.end,
        )
        if key in seen:
            continue
        seen.add(key)
        out.append(claim)
    if len(out) == len(claims):
        return claims
    stem = claims[0].id.rsplit(":", 1)[0]
    return [attrs.evolve(c, id=f"{stem}:{k}") for k, c in enumerate(out, start=1)]
