"""The language pack: everything language-specific, as data the engine compiles."""

from __future__ import annotations

import contextlib
import importlib
from collections.abc import Mapping

import attrs

from .._errors import InputError

__all__ = ["Actor", "LanguagePack", "get_pack", "register_pack"]


@attrs.frozen(slots=True)
class Actor:
    """An armed actor as named in text: its canonical name and side.

    >>> Actor("Hezbollah", "government", ("hezbolá",)).side
    'government'
    """

    name: str
    side: str
    aliases: tuple[str, ...] = ()


@attrs.frozen(slots=True)
class LanguagePack:
    """Lexicons and regular-expression fragments for one language.

    Every pattern is a regular-expression *source* matched against text folded to
    lower case without accents (see :func:`claimgraph.text.fold_aligned`), so packs
    write ``ejercito`` and match "Ejército". The engine, not the pack, decides what
    a match means; see ``docs/extraction.md`` for each field's role.
    """

    lang: str
    #: Month name -> month number.
    months: Mapping[str, int]
    #: Number words -> value ("dos": 2, "mil": 1000).
    number_words: Mapping[str, int]
    #: Time expressions, each with a kind the engine resolves: ``date`` (groups day,
    #: month, year), ``range`` (day, day2, month, year; a group month2 gives day2's
    #: month when it differs: "30 March to 2 April"), ``month`` (month, year),
    #: ``part`` (part, month, year), ``year`` (year).
    time_patterns: tuple[tuple[str, str], ...]
    #: Words preceding a date that make it a deadline ("para el").
    deadline_prefix: str
    #: Part-of-month word -> (first day, last day or 0 for the month's end).
    month_parts: Mapping[str, tuple[int, int]]
    #: Relative times: pattern -> (days after the previous start, days after the
    #: previous end, kind) with kind ``same`` / ``shift`` / ``after`` / ``first``.
    relative_times: tuple[tuple[str, int, int, str], ...]
    #: Phrases stretching the time back to the start of its year.
    year_start: str
    #: Numeric qualifiers: pattern before a number -> kind (``min``, ``more``,
    #: ``less``, ``about``, ``max``).
    number_qualifiers: tuple[tuple[str, str], ...]
    #: Vague quantities -> (low, high): "decenas de" -> (20, 99).
    vague_quantities: tuple[tuple[str, float, float], ...]
    #: "between A and B" with groups a and b.
    between: str
    #: Nouns for counted people -> group ("" for people in general).
    person_nouns: Mapping[str, str]
    #: Event words -> count property (killed, wounded, surrendered, evacuated).
    count_events: tuple[tuple[str, str], ...]
    #: Phrases that open sub-counts ("incluyendo").
    subcount_openers: str
    #: Phrases that put a number on the event named earlier ("puso el número en").
    figure_phrases: str
    #: Side words -> group name for "<side> suffered N casualties".
    casualty_groups: Mapping[str, str]
    #: Armed actors with their sides.
    actors: tuple[Actor, ...]
    #: Words before an actor that make it an object, not the subject.
    object_prepositions: tuple[str, ...]
    #: Speech verbs (forms), and which of them need "que" to be speech.
    speech_verbs: str
    speech_needs_que: str
    denial_verbs: str
    doubt_verbs: str
    #: Impersonal and unnamed attribution ("según reportes", "se reportó").
    unnamed_attribution: str
    #: Attribution before the source ("según", "de acuerdo con").
    according_to: str
    #: Anaphoric speakers meaning the previous source ("el medio").
    previous_speaker: str
    #: Control verbs: active gain, passive gain, nominal gain, loss, fall, state
    #: ("bajo control de ACTOR"), stronghold, advancing into a place.
    gain_verbs: str
    passive_gain: str
    nominal_gain: str
    loss_verbs: str
    fall_verbs: str
    held_by: str
    stronghold: str
    stronghold_sides: Mapping[str, str]
    advance_into: str
    #: Not a change of control.
    advance_toward: str
    attack_verbs: str
    attempt_markers: str
    #: Partial control: "la mayor parte de", "el 60% de" (group pct).
    partial_markers: str
    #: "unclear who holds", "contradictory reports about".
    uncertainty: str
    #: Words referring back to the last place ("la zona", "la urbe").
    place_references: str
    #: Words referring to the fighting last described ("los combates").
    event_references: str
    #: Lower-case names of areas that are places on their own ("zona industrial").
    common_places: tuple[str, ...]
    compass_words: tuple[str, ...]
    #: Name connectors inside place names ("al", "de", "de la").
    name_connectors: tuple[str, ...]
    #: Capitalized words that never start a place name.
    not_places: frozenset[str]
    #: Lower-case words a place list may skip before a name (heads, determiners) are
    #: all words except these.
    list_stops: frozenset[str]
    #: Separators between places of a list.
    list_separators: str
    #: Clause breaks ("mientras que", ";").
    clause_breaks: str
    #: Massacre words, "alleged" markers, finding no bodies.
    massacre: str
    alleged: str
    no_bodies: str
    #: Blame: "culpó a X de/por", "X estaba detrás de", "fueron X los responsables".
    blame: str
    behind: str
    responsible_after: str
    #: Accusation nouns in "negó la acusación de X".
    accusation: str
    #: "initially ... later" revision markers.
    revision_later: str
    #: An apposition inside a list ("X, al sur de Y, así como Z"), skipped.
    apposition: str
    #: Finite verb forms, which end a list of places ("... y capturaron X").
    verb_like: str
    #: Phrases to remove before reading places after a control verb ("dos distritos,").
    list_heads: str
    # Later time fields, with defaults so that a pack may omit them (its text then has
    # no weekdays and no times relative to the document date).
    #: Weekday name -> number, Monday 0 to Sunday 6 (as ``datetime.date.weekday``),
    #: read by the ``weekday`` unit of ``doc_relative_times``.
    weekdays: Mapping[str, int] = attrs.field(factory=dict)
    #: Times relative to the document date: pattern -> (unit, offset). Units: ``day``
    #: (the document date plus ``offset`` days: "ayer" -1), ``weekday`` (group
    #: ``weekday``: the latest such day not after the document date, or before it when
    #: ``offset`` is -1: "el pasado jueves"), ``week`` (the Monday-to-Sunday week
    #: ``offset`` weeks away; 0 is this week up to the document date), ``month``
    #: (likewise for calendar months) and ``month_name`` (group ``month``: the latest
    #: such month not after the document date's, before it when ``offset`` is -1).
    #: Without a document date they resolve to unknown time.
    doc_relative_times: tuple[tuple[str, str, int], ...] = ()
    #: Abbreviated month names -> month number ("sept": 9), read where a day is
    #: written with them (datelines: "27 Mar. 2016"); never alone.
    month_abbreviations: Mapping[str, int] = attrs.field(factory=dict)
    #: Words that may stand between day, month and year of a written date ("de").
    date_connectors: tuple[str, ...] = ()


_PACKS: dict[str, LanguagePack] = {}


def register_pack(pack: LanguagePack) -> None:
    """Make ``pack`` available under ``pack.lang`` (replacing any earlier one)."""
    _PACKS[pack.lang] = pack


def get_pack(lang: str) -> LanguagePack:
    """The pack for ``lang``, importing ``claimgraph.text.<lang>`` on first use.

    >>> get_pack("es").lang
    'es'
    >>> get_pack("xx")
    Traceback (most recent call last):
    ...
    claimgraph._errors.InputError: no language pack for 'xx'; available: es
    """
    if lang not in _PACKS and lang.isidentifier():
        with contextlib.suppress(ModuleNotFoundError):
            importlib.import_module(f"{__package__}.{lang}")
    if lang not in _PACKS:
        importlib.import_module(f"{__package__}.es")
        raise InputError(f"no language pack for {lang!r}; available: {', '.join(sorted(_PACKS))}")
    return _PACKS[lang]
