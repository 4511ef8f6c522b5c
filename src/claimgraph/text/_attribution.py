"""Who says it: attribution cues and the stretch of a sentence each one governs.

A sentence may carry several cues ("X said ..., while Y denied ..."); each cue
names a speaker and governs the text on one side of it:

- before the content: "Según X, ...", "X dijo que ...", "X said the army ...";
- after the content: "..., según X", "..., anunció X", "..., X said", "said X";
- inserted: "—dijo X—", ", according to X," (the whole clause).

A finding takes the source of the cue that governs its position; text no cue
governs falls back to the sentence's default (the previous source or the
document's own voice).
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable

import attrs

from ..model import SourceRegistry, fold
from ._pack import LanguagePack
from ._scan import MatchIndex, SpanSet, at_least_words, before_window
from ._sentences import fold_aligned
from ._sources import UNNAMED, WIRE_AGENCIES

__all__ = ["Attribution", "AttributionReader", "Cue"]


class Reach(enum.Enum):
    """Which side of a cue its content lies on."""

    RIGHT = "right"
    LEFT = "left"
    CLAUSE = "clause"


@attrs.frozen(slots=True)
class Cue:
    """One attribution cue: the speaker's span, the cue's span, and its reach."""

    begin: int
    end: int
    source: str
    reach: Reach
    #: The speaker denies what the cue governs ("negó que", "denied that").
    denies: bool = False
    #: Further speakers named with the first ("X and Y said", "según X y Y"): each
    #: states what the cue governs as well.
    also: tuple[str, ...] = ()


@attrs.frozen(slots=True)
class Attribution:
    """The sources of one sentence.

    ``source`` is the sentence's main source and ``named`` says whether the text
    names it (a named source carries to later sentences that refer back to it,
    "el medio"); ``spans`` map stretches of the sentence to their own speakers.
    """

    source: str | None
    named: bool = False
    spans: tuple[tuple[int, int, Cue], ...] = ()

    def governing(self, pos: int) -> Cue | None:
        """The cue whose reported content holds character ``pos``, if any."""
        for begin, end, cue in self.spans:
            if begin <= pos < end:
                return cue
        return None

    def cue_at(self, pos: int) -> Cue | None:
        """The cue governing character ``pos`` (or whose own words are there), if any."""
        for begin, end, cue in self.spans:
            if begin <= pos < end or cue.begin <= pos < cue.end:
                return cue
        return None

    def source_at(self, pos: int) -> str | None:
        """The source of a statement at ``pos``: its cue's; text before the first
        cue that reaches forward is the document's own (``None``); else the
        sentence's source."""
        cue = self.cue_at(pos)
        if cue is not None:
            return cue.source
        if self.spans and all(c.reach is Reach.RIGHT and pos < c.begin for _, _, c in self.spans):
            return None
        return self.source


_SEPARATOR = re.compile(r"[,—–]")
# a bracketed name closing a sentence: "... (fuente militar)", "... (monitor)."
_TAG = re.compile(r"\(\s*([^()]{2,40}?)\s*\)\s*\.?\s*$")
_SEPARATORS = MatchIndex(_SEPARATOR)
# How far (in characters) a speaker's name may stand from its cue.
_REACH = 110


class AttributionReader:
    """Read attribution cues with one language pack and one source registry."""

    def __init__(
        self,
        pack: LanguagePack,
        registry: SourceRegistry,
        actor_at: Callable[[str, int, int], str | None] | None = None,
    ) -> None:
        self.registry = registry
        #: The name of an armed actor named in a stretch of the sentence: a speaker
        #: the registry does not list ("Islamist militants say ...").
        self.actor_at = actor_at
        names = {fold_aligned(n): s.name for s in registry for n in s.names if len(n) > 1}
        self.by_alias = names
        alternatives = "|".join(re.escape(a) for a in sorted(names, key=len, reverse=True))
        self.alias = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")
        c = re.compile
        # "self-declared", "so-called": a word after a hyphen is no speech verb
        self.according, self.speech = c(pack.according_to), c(rf"(?<!-)(?:{pack.speech_verbs})")
        self.needs_que, self.unnamed = c(pack.speech_needs_que), c(pack.unnamed_attribution)
        self.previous = c(pack.previous_speaker)
        self.gerund = c(pack.gerund or r"(?!x)x")
        self.unknown_speaker = c(pack.unknown_speaker)
        self.denial = c(pack.denial_verbs)
        self.opens_content = c(rf"\s*(?:[\w\s]{{0,40}}?\s)?{pack.complementizer}(?=\W|$)")
        self.coordinated = c(rf"\b(?:{pack.coordinators})\s+(?:\w+\s+)?$")
        # what may stand between two speakers named together: "X y un Y", "X and the Y"
        self.joint = c(rf"\s*,?\s*(?:{pack.coordinators})\s+(?:[\w-]+\s+){{0,3}}")
        self.fillers = c(pack.speaker_fillers)
        self.impersonal = c(pack.impersonal)
        self.channel = c(pack.channel) if pack.channel else None
        self.clause_breaks = c(pack.clause_breaks)
        self._breaks = MatchIndex(self.clause_breaks)
        self.infinitive = c(pack.reported_infinitive) if pack.reported_infinitive else None
        self.first_person = c(pack.first_person_verb)
        self.passive_speech = c(pack.passive_speech) if pack.passive_speech else None
        self.person_roles = c(pack.person_roles or r"(?!x)x")
        never = r"(?!x)x"
        self.content_verb = c(
            "|".join(
                (
                    pack.gain_verbs,
                    pack.loss_verbs,
                    pack.fall_verbs,
                    pack.passive_gain,
                    pack.hold_verbs or never,
                    pack.withdraw_verbs or never,
                    pack.auxiliaries or never,
                )
            )
        )
        preps = "|".join(p for p in pack.object_prepositions if p not in ("de", "del", "of"))
        # a source after a preposition is an object ("enfrentadas con el Ejército"), but
        # "de"/"of" introduce the speaker's organisation ("un corresponsal de Al-Manar")
        self.governed = c(rf"\b(?:{preps})\s+(?:{pack.determiners}\s+)?$")

    # -- sources named in a stretch of text ------------------------------------------------

    def source_in(self, folded: str, start: int, end: int, last: bool = False) -> str | None:
        """The registered source named between ``start`` and ``end`` (first or last).

        Wire agencies are passed over when another source is named beside them
        ("X told AFP"): they are the channel, not the source.
        """
        found = [self.by_alias[m.group()] for m in self.alias.finditer(folded, start, end)]
        if self.channel is not None:
            relayed = {m.start() for m in self.channel.finditer(folded, start, end)}
            if relayed:
                kept = [
                    self.by_alias[m.group()]
                    for m in self.alias.finditer(folded, start, end)
                    if not any(0 <= m.start() - r < 25 for r in relayed)
                ]
                found = kept or found
        if not found:
            return None
        # A named source wins over impersonal words, and a relayed one over the agency.
        for weaker in ({UNNAMED}, WIRE_AGENCIES):
            found = [name for name in found if name not in weaker] or found
        return found[-1] if last else found[0]

    # -- the cues of a sentence ---------------------------------------------------------------

    def cues(self, folded: str, previous: str | None, text: str | None = None) -> list[Cue]:
        cues: list[Cue] = []
        for m in self.according.finditer(folded):
            np_end = _phrase_end(folded, m.end())
            named = self.source_in(folded, m.end(), min(np_end, m.end() + 60))
            if named is None:
                if self.unnamed.match(folded, m.start()):
                    named = UNNAMED
                elif previous and (
                    self.previous.search(folded, m.end(), np_end)
                    or self.speech.search(folded, m.end(), min(np_end, m.end() + 20))
                ):
                    named = previous  # "according to the statement", "según ha detallado"
                else:
                    continue
            cues.append(Cue(m.start(), np_end, named, self._reach_of_phrase(folded, m, np_end)))
        covered = SpanSet((c.begin, c.end) for c in cues)
        for m in self.speech.finditer(folded):
            if covered.overlaps(m.start(), m.start() + 1):
                continue
            # the cue added last of those ending before the verb (usually the last one)
            last = next((c for c in reversed(cues) if c.end <= m.start()), None)
            if last is not None and self.coordinated.search(
                folded, max(last.end, before_window(m.start())), m.start()
            ):
                # "X negó ... y afirmó que ...": the same speaker goes on.
                denies = bool(self.denial.match(folded, m.start()))
                cues.append(Cue(m.start(), m.end(), last.source, Reach.RIGHT, denies))
                covered.append((m.start(), m.end()))
                continue
            cue = self._speech_cue(folded, m, previous, text)
            if cue is not None:
                cues.append(cue)
                covered.append((cue.begin, cue.end))
        tagged = self._source_tag(folded)
        if tagged is not None and not covered.overlaps(tagged.begin, tagged.end):
            cues.append(tagged)
        return sorted((self._with_joint(folded, c) for c in cues), key=lambda c: c.begin)

    def _with_joint(self, folded: str, cue: Cue) -> Cue:
        """``cue`` with the speakers named together with its own ("the Observatory
        and an opposition network said", "dijeron activistas y un comandante kurdo"):
        sources next to the cue's, joined to it by a coordinator and at most a few
        words ("y un", "and the Britain-based")."""
        named = [
            (m.start(), m.end(), self.by_alias[m.group()])
            for m in self.alias.finditer(folded, cue.begin, cue.end)
        ]
        named = [n for n in named if n[2] not in WIRE_AGENCIES or n[2] == cue.source]
        own = [i for i, n in enumerate(named) if n[2] == cue.source]
        if not own:
            return cue
        chain = {own[0]}
        for step in (1, -1):  # outwards from the cue's own name, both ways
            i = own[0]
            while 0 <= i + step < len(named):
                a, b = (named[i], named[i + step]) if step == 1 else (named[i + step], named[i])
                if not self.joint.fullmatch(folded, a[1], b[0]):
                    break
                i += step
                chain.add(i)
        also = tuple(dict.fromkeys(named[i][2] for i in sorted(chain) if named[i][2] != cue.source))
        return attrs.evolve(cue, also=also) if also else cue

    def _source_tag(self, folded: str) -> Cue | None:
        """A headline's source in brackets at its end ("X retoma Y (fuente militar)",
        "Rebels take Y (monitor)"): the whole sentence is that source's. An acronym
        glossing the name before it ("de manos del Estado Islámico (EI)") is not."""
        m = _TAG.search(folded)
        if m is None:
            return None
        inner = self.alias.fullmatch(folded, m.start(1), m.end(1))
        if inner is None:
            return None
        source = self.by_alias[inner.group()]
        glossed = self.source_in(folded, max(0, m.start() - 40), m.start(), last=True)
        if glossed == source or (self.actor_at and self.actor_at(folded, m.start(1), m.end(1))):
            return None
        return Cue(m.start(), m.end(), source, Reach.LEFT)

    def _reach_of_phrase(self, folded: str, m: re.Match[str], np_end: int) -> Reach:
        before = folded[: m.start()].rstrip()
        after = folded[np_end:].strip(" .,;:\"'")
        if (
            not before
            or before.endswith((";", ":"))
            or self.clause_breaks.search(folded, max(0, m.start() - 20), m.start())
        ):
            return Reach.RIGHT
        if before.endswith((",", "-", "—")) and len(after.split()) >= 3:
            return Reach.CLAUSE
        return Reach.LEFT if not after or len(after.split()) < 3 else Reach.RIGHT

    def _speech_cue(
        self, folded: str, m: re.Match[str], previous: str | None, text: str | None
    ) -> Cue | None:
        if self.first_person.fullmatch(m.group()):
            return None  # "anunciamos": the speaker of a quotation, named outside it
        opens = bool(self.opens_content.match(folded, m.end())) or bool(
            self.infinitive and self.infinitive.match(folded, m.end())
        )
        # '"...", aseguró X' and 'X, aseguró Y': after what was said, no "que" is needed
        closes = folded[: m.start()].rstrip().endswith((",", '"', "”", "»", "-", "—"))
        closes = closes and not self.gerund.fullmatch(m.group())  # ", asegurando X": securing
        if self.needs_que.match(m.group()) and not opens and not closes:
            return None
        denies = bool(self.denial.match(folded, m.start()))
        clause_start = self._clause_start(folded, m.start())
        if self.passive_speech is not None and self.passive_speech.search(
            folded, max(0, m.start() - 12), m.start()
        ):
            # "Rebels are reported to have taken X": nobody is named as the source.
            return Cue(m.start(), m.end(), UNNAMED, Reach.CLAUSE, denies)
        # the last separator (one character) between the clause's start and the verb
        sep_end = _SEPARATORS.last_end_before(folded, m.start())
        if sep_end is not None and sep_end - 1 >= clause_start:
            comma, np_begin = sep_end - 1, sep_end
        else:
            comma, np_begin = -1, clause_start
        right_end = _phrase_end(folded, m.end())
        right = self.source_in(folded, m.end(), min(right_end, m.end() + _REACH))
        if (
            right is None
            and not opens
            and at_least_words(folded, m.end(), right_end, 1, " .\"'")
            and self.person_roles.match(folded, right_end)
        ):
            # "afirmó Saif Abu Bakr, jefe del grupo X": the organisation in apposition.
            clause_end = self._clause_end(folded, m.end())
            right = self.source_in(folded, right_end, min(clause_end, m.end() + _REACH))
        # counted in place: the stretches may run to the end of a long sentence
        words_after_verb = at_least_words(folded, m.end(), right_end, 3, " .,;:\"'")
        tail = at_least_words(folded, right_end, len(folded), 1, " .,;:\"'")
        has_before = at_least_words(folded, clause_start, np_begin, 2)
        # '"...", afirmó X': a quotation closing right before the verb is its content.
        after_quote = folded[clause_start : m.start()].rstrip(" ,").endswith('"')
        if after_quote and not opens:
            content_right = False
        elif opens:
            content_right = True
        elif (
            right is not None
            and has_before
            and not folded[np_begin : m.start()].strip()
            and self._speaker_phrase(folded, m.end(), right_end)
        ):
            content_right = False
        elif words_after_verb:
            content_right = True
        else:
            content_right = not has_before
        if content_right:
            window = max(clause_start, m.start() - _REACH)
            speaker, np_begin = self._subject_speaker(folded, window, m.start(), np_begin)
            speaker = speaker or self._unlisted(folded, np_begin, m, previous, right, text)
            # a name or an actor before the verb, past an apposition if need be
            around = np_begin if folded[np_begin : m.start()].strip() else window
            speaker = speaker or _person(text, around, m.start(), last=True)
            if speaker is None and self.actor_at is not None:
                speaker = self.actor_at(folded, around, m.start())
            if speaker is None:
                return None
            return Cue(min(np_begin, m.start()), m.end(), speaker, Reach.RIGHT, denies)
        # The content came first: "..., anunció X.", "..., said X.", "..., X said."
        # An agency right after the verb is who was told ("X told AFP"), not X.
        left = self.source_in(folded, np_begin, m.start(), last=True)
        window = max(clause_start, m.start() - _REACH)
        if left is None and self.person_roles.search(folded, window, m.start()):
            # "..., Karim Haddad, a spokesman for the SDF, said.": past the apposition
            left = self.source_in(folded, window, m.start(), last=True)
        speaker = left if left and (right is None or right in WIRE_AGENCIES) else right
        speaker = speaker or _person(text, m.end(), right_end) or _person(text, np_begin, m.start())
        speaker = speaker or self._unlisted(folded, np_begin, m, previous, None, text)
        if speaker is None and self.previous.search(folded, m.end(), right_end):
            speaker = self._referred(folded, np_begin, previous)  # "..., informó el grupo"
        if speaker is None:
            return None
        inserted = bool(tail) or bool(re.match(r"\s*[—–]", folded[right_end : right_end + 2]))
        reach = Reach.CLAUSE if inserted else Reach.LEFT
        return Cue(np_begin if comma >= 0 else m.start(), right_end, speaker, reach, denies)

    def _speaker_phrase(self, folded: str, start: int, end: int) -> bool:
        """Whether ``start``..``end`` is a speaker's name ("el Observatorio", "the
        monitor's chief", "el jefe del OSDH") rather than reported content ("the army
        had taken X"): a source named within its first words, little after it."""
        m = self.alias.search(folded, start, end)
        if m is None:
            return False
        if self.by_alias[m.group()] in WIRE_AGENCIES:
            # "dijo a la AFP una fuente militar": the agency told is the channel; the
            # speaker is the name after it
            nxt = self.alias.search(folded, m.end(), end)
            if nxt is not None and len(folded[m.end() : nxt.start()].split()) <= 2:
                m = nxt
                start = m.start()
        before = folded[start : m.start()].split()
        after = folded[m.end() : end].split()
        if self.content_verb.search(folded, m.end(), end):
            return False  # "..., said the army had taken X": a clause, not a name
        return len(before) <= 3 and len(after) <= 5

    def _referred(self, folded: str, before: int, previous: str | None) -> str | None:
        """Who "the group", "el medio" refers to: the one that spoke last, else the
        last source named before it in the sentence ("The YPG took X, the group said")."""
        return previous or self.source_in(folded, 0, before, last=True)

    def _unlisted(
        self,
        folded: str,
        np_begin: int,
        m: re.Match[str],
        previous: str | None,
        right: str | None,
        text: str | None = None,
    ) -> str | None:
        """A speaker the registry does not list: anaphora, fillers, impersonal, "a spokesman"."""
        span = folded[np_begin : m.start()]
        if self.previous.search(folded[np_begin : m.end()]):
            earlier = self._referred(folded, np_begin, previous)  # "the group said"
            if earlier:
                return earlier
        if not re.search(r"\w", self.fillers.sub("", span)):
            if re.search(r"\w", folded[self._clause_start(folded, np_begin) : np_begin]):
                return None  # "X, the rebel group, denied": the speaker is before the comma
            # "Dijo que los oficiales del Centro ruso ...": the speaker is named in
            # what follows, or is the previous one.
            return right or self.source_in(folded, m.end(), len(folded)) or previous
        if self.impersonal.match(folded, max(0, m.start() - 3)) or self.unnamed.search(span):
            return UNNAMED
        unknown = self.unknown_speaker.search(span)
        if unknown is None:
            return None
        if text is None:
            return fold(unknown.group("np"))
        # as written, bar the first letter ("the Iraqi government" -> "Iraqi government")
        named = text[np_begin + unknown.start("np") : np_begin + unknown.end("np")]
        return named[:1].upper() + named[1:]

    def _subject_speaker(
        self, folded: str, begin: int, verb: int, np_begin: int
    ) -> tuple[str | None, int]:
        """The speaker before a verb and where it starts: the first source named in
        the window that no preposition governs ("Las FAR, enfrentadas con el
        Ejército, anunciaron"), else the last named."""
        found = list(self.alias.finditer(folded, begin, verb))
        if not found:
            return None, np_begin
        free = [
            m for m in found if not self.governed.search(folded, max(0, m.start() - 12), m.start())
        ]
        # a name followed by a statement of its own before the verb is that statement's
        # actor or speaker, not this verb's ("Rebels took X, and the Observatory said")
        free = [m for m in free if not self.content_verb.search(folded, m.end(), verb)] or free
        chosen = free[0] if free else found[-1]
        speaker = (
            self.source_in(folded, chosen.start(), verb, last=False)
            or self.by_alias[chosen.group()]
        )
        return speaker, chosen.start()

    def _clause_start(self, folded: str, pos: int) -> int:
        return self._breaks.last_end_before(folded, pos) or 0

    def _clause_end(self, folded: str, start: int) -> int:
        end = self._breaks.next_start_from(folded, start)
        return len(folded) if end is None else end

    # -- the whole sentence ---------------------------------------------------------------------

    def read(self, folded: str, previous: str | None, text: str | None = None) -> Attribution:
        """The sources of a sentence (``folded``; ``text`` as written, to read the
        names of speakers the registry does not know)."""
        cues = self.cues(folded, previous, text)
        # "Según X, ... se dijo que ...": an impersonal cue inside a named speaker's
        # reach reports what that speaker relays, not a new source.
        cues = [
            c
            for i, c in enumerate(cues)
            if c.source != UNNAMED
            or not any(p.reach is Reach.RIGHT and p.source != UNNAMED for p in cues[:i])
        ]
        spans: list[tuple[int, int, Cue]] = []
        for i, cue in enumerate(cues):
            if cue.reach is Reach.RIGHT:
                nxt = next((c.begin for c in cues[i + 1 :] if c.begin >= cue.end), len(folded))
                spans.append((cue.end, nxt, cue))
            elif cue.reach is Reach.LEFT:
                prev = max((c.end for c in cues[:i] if c.end <= cue.begin), default=0)
                spans.append((prev, cue.begin, cue))
            else:
                clause_end = self._clause_end(folded, cue.end)
                spans.append((self._clause_start(folded, cue.begin), clause_end, cue))
        main = cues[0] if cues else None
        if main is not None:
            named = main.source != UNNAMED
            return Attribution(main.source, named, tuple(spans))
        if self.unnamed.search(folded):
            return Attribution(UNNAMED)
        return Attribution(None)


# found once per sentence: a sentence without commas was searched to its end per cue
_PHRASE_ENDS = MatchIndex(re.compile(r"[,;—–]|\s-\s|\.(?:\s|$)|\s(?:que|that)\s"))


def _phrase_end(folded: str, start: int) -> int:
    """End of the noun phrase from ``start``: the next comma, dash, semicolon or stop."""
    end = _PHRASE_ENDS.next_start_from(folded, start)
    return end if end is not None else len(folded.rstrip(" ."))


_PERSON = re.compile(
    r"(?<![\w-])(?!(?:The|A|An|El|La|Los|Las|Un|Una|In|On|At|En|Por)\s)[A-ZÁÉÍÓÚÑ][a-záéíóúñü'’\-]+"
    r"(?:\s+(?:(?:al|el|bin|ibn|abu|de|del|van|von)\s+|(?:al|el|ad|as|ar)-)?"
    r"[A-ZÁÉÍÓÚÑ][a-záéíóúñü'’\-]+){1,3}(?![\w-])"
)


def _person(text: str | None, start: int, end: int, last: bool = False) -> str | None:
    """A person's name (two to four capitalized words) next to a speech verb: the
    first one starting within three words after ``start`` or, with ``last``, the
    one ending within three words before ``end``; a speaker the registry does not
    know, reported by name ("afirmó Yevgueni Prigozhin", "Denis Pushilin said")."""
    if text is None:
        return None
    found = list(_PERSON.finditer(text, start, end))
    if last:
        near = [m for m in found if len(text[m.end() : end].split()) <= 3]
        return near[-1].group() if near else None
    near = [m for m in found if len(text[start : m.start()].split()) <= 3]
    return near[0].group() if near else None
