"""The language pack: everything language-specific, as data the engine compiles."""

from __future__ import annotations

import contextlib
import importlib
from collections.abc import Mapping

import attrs

from .._errors import InputError

__all__ = ["Actor", "LanguagePack", "available_packs", "get_pack", "register_pack"]


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
    # The fields below make the engine's grammar words the pack's; the defaults are
    # Spanish, so a pack written before they existed keeps its behaviour.
    #: Determiners before a noun phrase ("el|la|los|las", "the|a|an").
    determiners: str = r"(?:el|la|los|las|un|una|unos|unas)"
    #: "of" linking a head to its place ("de|del", "of").
    of_words: str = r"(?:de|del)"
    #: "in" before the place of an event ("en", "in").
    in_words: str = r"en"
    #: The agent marker of passives and nominals ("por", "by").
    agent_marker: str = r"por"
    #: The complementizer or colon after a speech verb that opens reported content.
    complementizer: str = r"(?:que|:)"
    #: After a fall verb, the phrase before the new holder ("en manos de").
    fall_to: str = r"\s+en\s+manos\s+(?:de|del)\s+"
    #: After a loss or withdrawal verb, the word before the place lost ("de").
    loss_from: str = r"\s*(?:(?:de|del)\b)?\s*"
    #: Phrases a speaker may be introduced with that are not a speaker ("por su parte").
    speaker_fillers: str = r"\b(?:por su parte|tambien|ademas|luego)\b"
    #: A speaker the registry does not know: "un portavoz" (group np).
    unknown_speaker: str = (
        r"\b(?:un|una|el|la)\s+(?P<np>(?:[a-z]+\s+)?(?:portavoz|funcionario|comandante|fuente"
        r"|grupo|comunicado|agencia|ministerio|gobernador|lider|residente|testigo|activista"
        r"|consejo|responsable|oficial|jefe|vocero|general|alcalde|medio|diario|canal|cadena"
        r"|corresponsal|periodista|observador|gobierno|ejercito|autoridades|policia|mando)"
        r"(?:\s+[a-z]+)?)\s+(?:tambien\s+)?$"
    )
    #: The reflexive that makes a speech verb impersonal ("se informó").
    impersonal: str = r"\s*se\b"
    #: Apposition inside a subject before a passive ("X, al sur de Y, fue tomada").
    subject_apposition: str = r",\s*(?:al|a|cerca|en|junto|dentro|frente|justo)\b[^,]*(?=,)"
    #: Mentions of progress that a denial verb denies ("negó ... avances").
    denied_progress: str = (
        r"\s*(?:\w+\s+){0,2}?(?:progreso|avance|avances|captura|toma|control"
        r"|conquista|victoria)\b"
    )
    #: A denial of what was just said, around the denial verb ("lo niega", "denied it").
    denied_reference: str = ""
    #: Ends of the clause a statement covers.
    clause_end: str = r"[.;]|,\s+(?:y|pero|mientras|aunque|sin\s+embargo)\b"
    #: Sub-count nouns governed by "of" before the person noun ("de sus", "de los").
    person_of: str = r"(?:de\s+(?:sus\s+|los\s+|las\s+)?)?"
    #: Expulsion: "ACTOR expelled ENEMY from PLACE": the verb; ``expel_from`` is the
    #: word before the place. The actor before the verb gains the place and the
    #: enemy named between loses it.
    expel_verbs: str = ""
    expel_from: str = r"(?:de|del)"
    #: Repelling an attack on a place: the defender (the verb's subject) holds it.
    repel_verbs: str = ""
    #: Withdrawal: the subject no longer holds the place (no gain for anyone).
    withdraw_verbs: str = ""
    #: Holding verbs of a present or past state ("controla", "holds").
    hold_verbs: str = ""
    #: A holder named as an adjective before the place or "control": "rebel-held
    #: Aleppo", "bajo control rebelde". ``{holder}`` stands for the holder words
    #: (``holder_words`` and those of declared actors, "Ukrainian" for "Ukrainian
    #: forces"), matched as group ``side``.
    held_adjective: str = ""
    #: Words naming a side in ``held_adjective`` and the stronghold patterns.
    holder_words: Mapping[str, str] = attrs.field(factory=dict)
    #: A holder named as an adjective after the place: "X, bajo control rebelde",
    #: "X, under government control" (``{holder}`` as in ``held_adjective``).
    control_adjective: str = ""
    #: Nouns of armed bodies ("forces", "tropas"): the other words of a declared
    #: actor's name ("Ukrainian forces") are the adjective that names its side.
    armed_nouns: frozenset[str] = frozenset(
        {"fuerzas", "tropas", "ejercito", "militares", "soldados", "unidades", "milicias"}
    )
    #: A failed attempt to drive an actor out ("trying in vain to dislodge X in Y"):
    #: the actor named after it still holds the places that follow.
    failed_expulsion: str = ""
    #: A possessive before a stronghold word ("su bastión de X", "its stronghold"):
    #: the stronghold is the actor's named last.
    stronghold_possessive: str = ""
    #: Stopping a capture ("prevented them from taking", "impide que tomen"): the one
    #: who stops it holds the place.
    prevention: str = ""
    #: A place is the subject of a verb after an apposition that describes it ("X,
    #: the nearby city that was once ..., was captured"): the apposition's opening.
    description_apposition: str = ""
    #: Fighting said to go on where the places just named are ("..., donde se
    #: libran combates"): they are contested.
    contested_where: str = ""
    #: Words between a verb and its object that say nothing of the place ("controla
    #: ya el 80 %", "controla por completo la ciudad", "arrebataron hoy a los
    #: kurdos el control de X").
    object_fillers: str = ""
    #: A plural reference to the places just named ("esos pueblos", "the two towns").
    plural_references: str = ""
    #: A location relative to a place ("al oeste de X", "north of X"): not the place.
    relative_location: str = ""
    #: The speaker's enemy as a subject ("the enemy", "el enemigo").
    enemy_words: str = ""
    #: Someone's claim and what it says, up to the content's start ("Moscow's claim
    #: that", "las afirmaciones rusas de que"): the content is that someone's claim.
    claim_nouns: str = ""
    #: A share of an armed group before its name ("la mayor parte de los", "most of
    #: the"): the group after it is still the subject, though a preposition precedes.
    share_of_actor: str = ""
    #: A statement that what was just said is false ("this is not true").
    falsity: str = ""
    #: A word after a capitalized name that makes it an organisation ("X news
    #: agency"), not a place.
    organisation_after: str = ""
    #: Contested control of the place named before ("X sigue en disputa", "X is
    #: still fought over") and of the place named after ("fighting continues in X").
    contested: str = ""
    contested_after: str = ""
    #: Armed presence in the place after, short of a capture ("still inside X",
    #: "entrenched in X", "patrolling X", "siguen atrincherados en X"): part of it.
    presence: str = ""
    #: A stronghold named by its owner after it ("X, the capital of the Islamic
    #: State's self-declared caliphate", "X, a stronghold of the rebels"): the place
    #: before it is the owner's.
    stronghold_of: str = ""
    #: Remnants of an actor, named right after, in the place after ``in_words``
    #: ("pockets of IS fighters remain in X", "quedan reductos del EI en X"): the
    #: actor still holds part of it.
    remnants: str = ""
    #: Control of the place named before shared between the sides named after
    #: ("X was divided between A and B"): each holds part of it.
    divided_between: str = ""
    #: Negation right before a control verb ("no", "did not"): the claim is denied.
    negation: str = ""
    #: Right before a control verb: it happened, or is reported to have happened,
    #: and is no attempt ("managed to", "claimed to have", "dijeron haber").
    achieved: str = ""
    #: Markers of a wire agency as the channel ("told AFP", "dijo a EFE"): a source
    #: named right after one is passed over when another is named beside it.
    channel: str = ""
    #: A pronoun (or no word, in pro-drop languages) as the subject right before a
    #: control verb: the speaker's own side ("we took", "they had captured").
    pronoun_subjects: str = ""
    #: Generic actor words that stand for the last named actor of these sides
    #: ("los yihadistas" after the Islamic State is named).
    generic_actors: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)
    #: Lower-case heads naming an area larger than the place after them ("la capital
    #: de", "the province of"): no place is read through them.
    area_heads: frozenset[str] = frozenset()
    #: An infinitive after a speech verb that opens reported content ("dijo haber",
    #: "claimed to have").
    reported_infinitive: str = ""
    #: The loss of a place as a noun ("the loss of X", "la pérdida de X"): the actor
    #: named in the sentence no longer holds it.
    nominal_loss: str = ""
    #: "the withdrawal of X from Y", "la retirada del EI de Y": the actor named after
    #: the noun no longer holds the place after ``withdrawal_from``.
    nominal_withdrawal: str = ""
    withdrawal_from: str = r"(?:de|del)"
    #: The fall of a place as a noun ("la caída de X", "the fall of X"): taken by the
    #: actor named after ``fall_to``, else by the side last said to gain.
    nominal_fall: str = ""
    #: After a nominal gain, what makes it hypothetical ("the capture of X would").
    hypothetical: str = ""
    #: Lower-case words that end a place name ("Zamzam camp", "Tabqa dam").
    name_suffixes: tuple[str, ...] = ()
    #: Lower-case heads of a named facility that come before its "of" and name and
    #: stay part of it ("aeropuerto militar de X", "the military airport of X"); a
    #: facility is a place of its own, not the town it is named after.
    facility_heads: tuple[str, ...] = ()
    #: Right before a speech verb, what makes it impersonal ("se informó", "are
    #: reported to have"): the source is unnamed reports.
    passive_speech: str = ""
    #: Right after a name, a role that makes it a person, not a place (", a spokesman
    #: for the SDF", ", portavoz de las FDS").
    person_roles: str = ""
    #: Possessives that make a generic actor word the speaker's ("our fighters").
    possessives: str = r"nuestr[oa]s?|sus|su"
    #: Right before a verb, the auxiliary of a passive ("fueron expulsados", "was
    #: driven out"): its subject suffers the action; the agent follows "por"/"by".
    passive_subject: str = ""
    #: References that mean the place the text is about, not the last one named ("la
    #: ciudad", "the city"); they must also match ``place_references``.
    setting_references: str = ""
    #: Words of control: an uncertainty that names no place must be about control.
    control_words: str = r"\b(?:control\w*|domin\w+|manos|poder|quien|tenia|tiene)\b"
    #: Actor aliases that are generic words ("ejercito", "the army", "troops"): they
    #: name the built-in wars' state forces only while no other war's actors are
    #: declared.
    generic_armed_words: frozenset[str] = frozenset()
    #: "control of" after a control verb, before a share or a place ("tomó el control
    #: del centro de X").
    control_phrase: str = ""
    #: A gerund ("capturing", "tomando").
    gerund: str = r"\w+(?:ando|iendo)\b"
    #: A flag raised over a place: its side holds it (groups ``side`` or ``side2``,
    #: the flag's adjective, a key of ``flag_sides``; else the subject's side).
    flag_raised: str = ""
    flag_sides: Mapping[str, str] = attrs.field(factory=dict)
    #: After a name, a head that makes it the larger place of the next one ("the
    #: Damascus suburb of Eastern Ghouta"): the place is the one after.
    head_after_name: str = ""
    #: Compass adjectives that are part of a place's name ("eastern Aleppo").
    compass_adjectives: tuple[str, ...] = ()
    #: Coordinating conjunctions ("y", "and"): "X negó ... y afirmó" keeps the speaker.
    coordinators: str = r"y|e"
    #: Copulas of a state ("estaba", "sigue", "remains") before "bajo control de".
    copulas: str = (
        r"esta|estan|estaba|estaban|sigue|siguen|seguia|seguian|queda|quedo|quedaba"
        r"|permanece|permanecia|continua"
    )
    #: Auxiliary verbs: where one follows a speech verb, a clause follows, not a name.
    auxiliaries: str = r"\b(?:habia|habian|ha|han|fue|fueron|esta|estan|era|eran)\b"
    #: Relative pronouns: "X, que había caído", "X, which fell" (the place before it is
    #: the subject of the verb a few words after it).
    relative_pronouns: str = r"que"
    #: The relative pronouns that can stand for a verb's object ("X, que el EI tomó";
    #: not "donde").
    object_relatives: str = r"que"
    #: A distance before a compass area ("a 30 kilómetros al oeste de X"): near X.
    distance_before: str = ""
    #: A compound adjective that is never a place ("Turkish-led", "Kurdish-majority").
    adjective_compound: str = ""
    #: A verb form in the first person plural ("tomamos"): the speaker's own side.
    first_person_verb: str = r"\w+(?:amos|emos|imos)"
    #: Actor aliases that are also common words, read only where the text does not
    #: write them in lower case ("IS" but not "is").
    acronyms: frozenset[str] = frozenset()
    #: Common function words, for telling the language of a document.
    stopwords: frozenset[str] = frozenset()
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


#: The packs that ship with claimgraph (imported on first use).
_BUILTIN_PACKS = ("en", "es")


def available_packs() -> tuple[str, ...]:
    """The languages there is a pack for: the bundled ones and any registered.

    >>> available_packs()
    ('en', 'es')
    """
    for lang in _BUILTIN_PACKS:
        if lang not in _PACKS:
            importlib.import_module(f"{__package__}.{lang}")
    return tuple(sorted(_PACKS))


def get_pack(lang: str) -> LanguagePack:
    """The pack for ``lang``, importing ``claimgraph.text.<lang>`` on first use.

    >>> get_pack("es").lang
    'es'
    >>> get_pack("xx")
    Traceback (most recent call last):
    ...
    claimgraph._errors.InputError: no language pack for 'xx'; available: en, es (or auto)
    """
    if lang not in _PACKS and lang.isidentifier():
        with contextlib.suppress(ModuleNotFoundError):
            importlib.import_module(f"{__package__}.{lang}")
    if lang not in _PACKS:
        known = ", ".join(available_packs())
        raise InputError(f"no language pack for {lang!r}; available: {known} (or auto)")
    return _PACKS[lang]
