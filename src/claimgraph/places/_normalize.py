"""Spelling normalization of place names and the phonetic analysis of their tokens.

Two layers:

* :func:`normalize_place` turns a spelling into a *key*: accents folded, case
  folded, punctuation dropped, Arabic articles removed, the common spellings of
  generic words (``Sheij`` / ``Shaykh`` -> ``sheikh``) made one, and generic
  Spanish or English place-type words ("barrio de", "district") stripped.
  Spellings with the same key are the same place without further question.
* :func:`analyze_token` reduces one key token to a consonant *skeleton* and the
  vowel *slots* around it, the representation the romanization rule compares.
"""

from __future__ import annotations

import re
import unicodedata

import attrs

from .._errors import InvalidClaimError

__all__ = [
    "ARTICLES",
    "BARE_PLACE_TYPE_WORDS",
    "GENERIC_WORDS",
    "PLACE_TYPE_WORDS",
    "QUALIFIER_WORDS",
    "TRAILING_PLACE_TYPE_WORDS",
    "TokenShape",
    "analyze_token",
    "article_positions",
    "key_tokens",
    "normalize_place",
]

#: Articles removed when written before a hyphen (``ash-Shaar``, ``ez-Zor``).
HYPHEN_ARTICLES: frozenset[str] = frozenset(
    {
        "al", "el", "il", "ul", "ad", "ed", "adh", "as", "es", "ash", "esh", "ar", "er",
        "at", "et", "ath", "az", "ez", "an", "en",
    }
)  # fmt: skip

#: Articles removed wherever they stand as words of their own.
ARTICLES: frozenset[str] = frozenset({"al", "el"})

# Spellings of generic words that open many names, mapped to one canonical token.
_GENERIC_SPELLINGS: dict[str, tuple[str, ...]] = {
    "sheikh": (
        "sheikh", "sheik", "sheij", "sheyj", "sheykh", "shaykh", "shaikh", "shaik", "shayj",
        "shekh", "shiekh", "shaykhe", "cheikh", "cheik", "chaikh", "cheij", "seikh", "scheich",
    ),
    "tal": ("tal", "tall", "tel", "tell"),
    "kafr": ("kafr", "kfar", "kafar", "kefr", "kfr", "kufr", "kafer"),
    "deir": ("deir", "dayr", "dair", "deyr"),
    "jabal": ("jabal", "jebel", "jabel", "jebal", "djebel", "gebel", "jbel", "jbal"),
    "ain": ("ain", "ayn", "ein", "eyn", "ayin"),
    "abu": ("abu", "abou", "abo"),
    "beit": ("beit", "bayt", "bait", "beyt"),
    "bab": ("bab",),
    "khan": ("khan",),
    "khirbet": ("khirbet", "khirbat", "kherbet", "khirbit", "khirbeh"),
    "umm": ("umm", "um", "oum", "om"),
    "wadi": ("wadi", "ouadi", "wady"),
    "ras": ("ras", "rass"),
    "bir": ("bir", "beer"),
    "hay": ("hay", "hayy", "hayi"),
    "masaken": ("masaken", "masakin", "masakan"),
    "madinat": ("madinat", "medinat", "madinet"),
    "maarat": ("maarat", "maarrat", "maaret", "maarret", "maarit"),
    "jisr": ("jisr", "jisir", "jesr"),
    "mazraat": ("mazraat", "mazraa", "mazraet"),
    "nahr": ("nahr", "nahar"),
    "harat": ("harat", "haret"),
    "qalaat": ("qalaat", "qalat", "kalaat", "qalaa"),
}  # fmt: skip

_CANONICAL_GENERIC: dict[str, str] = {
    spelling: canonical
    for canonical, spellings in _GENERIC_SPELLINGS.items()
    for spelling in spellings
}

#: Canonical generic words: a name made only of these is never a short form of a longer one.
GENERIC_WORDS: frozenset[str] = frozenset(_GENERIC_SPELLINGS)

#: Spanish and English words naming a kind of place, stripped from the start of a
#: name when "de/del/of" follows ("barrio de Karm al-Jabal", "colina de Sheikh Yusuf",
#: "district of Hanano"). Without "de/of" they may begin a real name (Cerro Gordo,
#: Villa Maria, Hill River) and stay, except the words in ``BARE_PLACE_TYPE_WORDS``.
PLACE_TYPE_WORDS: frozenset[str] = frozenset(
    {
        # Spanish
        "barrio", "barriada", "distrito", "colina", "cerro", "aldea", "pueblo", "poblado",
        "localidad", "zona", "area", "sector", "villa", "municipio", "caserio", "ciudad",
        # English ("city of" and "town of" name other units: the City of London)
        "district", "neighbourhood", "neighborhood", "quarter", "village", "hill",
        "suburb", "locality", "hamlet",
    }
)  # fmt: skip
#: Spanish words that never begin a name, stripped from its start even without "de"
#: ("aldea Aziza", "barrio Hanano").
BARE_PLACE_TYPE_WORDS: frozenset[str] = frozenset(
    {"barrio", "barriada", "distrito", "aldea", "localidad", "zona", "area", "sector"}
)
#: English words stripped from the end of a name ("Hanano neighbourhood"). "district",
#: "village" or "hill" stay: Azaz District is not the town of Azaz.
TRAILING_PLACE_TYPE_WORDS: frozenset[str] = frozenset(
    {"neighbourhood", "neighborhood", "quarter", "suburb"}
)
_CONNECTORS = frozenset({"de", "del", "of"})
_CONNECTOR_ARTICLES = frozenset({"la", "las", "los", "the"})

#: Words that make a longer name a different place from its first words (a facility,
#: a part, a direction or a size): "Nairab airport" is not "Nairab", nor is
#: "Kafr Saghir" a spelling of "Kafr". They block the short-form rule.
QUALIFIER_WORDS: frozenset[str] = frozenset(
    {
        # facilities
        "airport", "aeropuerto", "airbase", "base", "academy", "academia", "prison",
        "prision", "carcel", "hospital", "hospitalito", "school", "escuela", "university",
        "universidad", "camp", "campamento", "factory", "fabrica", "plant", "planta",
        "station", "estacion", "bridge", "puente", "road", "carretera", "highway",
        "autopista", "street", "calle", "avenue", "avenida", "gate", "puerta", "mosque",
        "mezquita", "citadel", "ciudadela", "roundabout", "rotonda", "square", "plaza",
        "market", "mercado", "souq", "suq", "stadium", "estadio", "dam", "presa",
        "crossing", "cruce", "checkpoint", "junction", "industrial", "military", "militar",
        "housing", "complex", "complejo", "barracks", "cuartel", "power", "silos",
        "countryside", "province", "provincia", "governorate", "gobernacion", "region",
        "outskirts", "afueras", "city", "ciudad", "center", "centre", "centro",
        # directions, parts and sizes
        "north", "south", "east", "west", "northern", "southern", "eastern", "western",
        "norte", "sur", "este", "oeste", "septentrional", "meridional", "oriental",
        "occidental", "sharqi", "sharki", "sharqiya", "sharqiyah", "gharbi", "gharbiya",
        "gharbiyah", "shamali", "shamaliya", "janubi", "janoubi", "janubiya", "janoubiya",
        "upper", "lower", "old", "new", "nuevo", "nueva", "viejo", "vieja", "alto", "bajo",
        "jadid", "jadida", "jadideh", "jdide", "jdideh", "qadim", "qadima", "qadimeh",
        "kabir", "kabira", "kabireh", "kbir", "saghir", "saghira", "saghireh", "sghir",
        "fauqani", "foqani", "fawqani", "tahtani", "kubra", "sughra", "wusta",
        "chico", "chica", "grande", "mayor", "menor", "little", "big", "great", "small",
    }
)  # fmt: skip

_APOSTROPHE = re.compile("['’‘`´ʼʻʿʾ′]")
# Anything but letters, digits and hyphens separates words (underscores too).
_NOT_WORD = re.compile(r"[^\w-]|_")


def _fold(text: str) -> str:
    """Case-fold and strip accents until stable (folding can expose new marks)."""
    if text.isascii():
        return text.lower()
    previous = None
    while previous != text:
        previous = text
        decomposed = unicodedata.normalize("NFKD", text.casefold())
        text = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return text


def _raw_tokens(name: str) -> list[tuple[str, bool]]:
    """Folded words with apostrophes joined up and articles removed.

    Each word comes with whether an article stood right before it.
    """
    text = _NOT_WORD.sub(" ", _APOSTROPHE.sub("", _fold(name)))
    words: list[tuple[str, bool]] = []
    articles: list[tuple[str, bool]] = []
    after_article = False
    for chunk in text.split():
        parts = chunk.split("-")
        for index, part in enumerate(parts):
            if not part:
                continue
            followed = any(parts[index + 1 :])
            if part in ARTICLES or (followed and part in HYPHEN_ARTICLES):
                articles.append((part, False))
                after_article = True
            else:
                words.append((part, after_article))
                after_article = False
    # A name made only of articles keeps its last one rather than vanishing.
    return words if words else articles[-1:]


def _strip_type_words(words: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    stripped = list(words)
    while stripped and stripped[0][0] in PLACE_TYPE_WORDS:
        connected = len(stripped) > 1 and stripped[1][0] in _CONNECTORS
        if not connected and stripped[0][0] not in BARE_PLACE_TYPE_WORDS:
            break
        stripped.pop(0)
        if connected:
            stripped.pop(0)
            while stripped and stripped[0][0] in _CONNECTOR_ARTICLES:
                stripped.pop(0)
    while stripped and stripped[-1][0] in TRAILING_PLACE_TYPE_WORDS:
        stripped.pop()
    return stripped if stripped else words


def _key_words(name: str) -> list[tuple[str, bool]]:
    if not isinstance(name, str):
        raise InvalidClaimError("place", "a string", name)
    words = _raw_tokens(name)
    if not words:
        raise InvalidClaimError("place", "a name with at least one letter or digit", name)
    return [(_CANONICAL_GENERIC.get(w, w), article) for w, article in _strip_type_words(words)]


def key_tokens(name: str) -> tuple[str, ...]:
    """The tokens of the key of ``name`` (see :func:`normalize_place`).

    Raises
    ------
    InvalidClaimError
        If ``name`` is not a string or has no letter or digit.

    Examples
    --------
    >>> key_tokens("al-Sheij Sa'id")
    ('sheikh', 'said')
    """
    return tuple(word for word, _ in _key_words(name))


def article_positions(name: str) -> frozenset[int]:
    """Positions of the key tokens of ``name`` that an article preceded.

    >>> sorted(article_positions("Majbal al-Zeft")), sorted(article_positions("al-Bab"))
    ([1], [0])
    """
    return frozenset(i for i, (_, article) in enumerate(_key_words(name)) if article)


def normalize_place(name: str) -> str:
    """The normalized key of a place spelling: what is left once spelling noise is gone.

    Folds case and accents, drops apostrophes (``Sa'id`` -> ``said``), turns hyphens
    and punctuation into spaces, removes the Arabic article (``al``/``el`` as a word,
    and ``al-``, ``el-``, ``ad-``, ``as-``, ``ash-``, ``ar-``, ``at-``, ``az-``,
    ``an-`` and their ``e`` forms before a hyphen), writes generic words one way
    (``Sheij``, ``Shaykh``, ``Cheikh`` -> ``sheikh``; ``Tell`` -> ``tal``; ``Kfar`` ->
    ``kafr``) and strips Spanish/English place-type words: "barrio de", "colina de",
    "district of" and the like, "barrio"/"aldea"/"zona" even without "de", and a
    trailing "neighbourhood" or "quarter". Spellings with equal keys are one place.
    Applying it twice changes nothing.

    Parameters
    ----------
    name : str
        A place name as spelled anywhere.

    Returns
    -------
    str
        Lower-case words separated by single spaces.

    Raises
    ------
    InvalidClaimError
        If ``name`` has no letter or digit.

    Examples
    --------
    >>> normalize_place("al-Sheikh Maqsoud")
    'sheikh maqsoud'
    >>> normalize_place("barrio de Karam al Qasr")
    'karam qasr'
    >>> normalize_place("Tell Rif'at")
    'tal rifat'
    >>> normalize_place("Ash-Shaar")
    'shaar'
    """
    return " ".join(key_tokens(name))


@attrs.frozen(slots=True)
class TokenShape:
    """One key token as the romanization rule sees it.

    Attributes
    ----------
    skeleton : str
        The consonants, with digraphs as single letters, ``q`` as ``k`` and
        doubled letters collapsed. Generic words are kept whole, marked ``#``.
    slots : tuple of str
        The vowels before, between and after the consonants (one more slot than
        consonants), each a string over the classes ``a``, ``i``, ``u`` and ``e``
        (``e`` is the unstressed vowel of many romanizations and matches ``a`` or ``i``).
    loose : str
        A coarser skeleton (p as b, v as f, gh as g, no h straight after a
        consonant), used only to find candidates for the fuzzy rule.
    """

    skeleton: str
    slots: tuple[str, ...]
    loose: str


_DIGRAPHS = (
    ("dj", "j"), ("tch", "S"), ("sh", "S"), ("ch", "S"), ("kh", "X"), ("gh", "G"),
    ("th", "t"), ("dh", "d"), ("ph", "f"), ("ou", "u"), ("oo", "u"), ("ee", "i"),
    ("ck", "k"), ("q", "k"), ("c", "k"),
)  # fmt: skip
_VOWELS = frozenset("aeiou")
_VOWEL_CLASS = {"a": "a", "e": "e", "i": "i", "o": "u", "u": "u", "y": "i", "w": "u"}
# Consonants that romanizations of one Arabic letter share (Basha/Pasha: Arabic has no p).
_LOOSE = str.maketrans({"p": "b", "v": "f", "G": "g"})


def _collapse(text: str) -> str:
    out: list[str] = []
    for ch in text:
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


def analyze_token(token: str) -> TokenShape:
    """Reduce a key token to its consonant skeleton and vowel slots.

    Examples
    --------
    >>> analyze_token("karam")
    TokenShape(skeleton='krm', slots=('', 'a', 'a', ''), loose='krm')
    >>> analyze_token("bureij").skeleton == analyze_token("breij").skeleton
    True
    >>> analyze_token("aziza").skeleton, analyze_token("aziziyeh").skeleton
    ('zz', 'zzy')
    """
    if token in GENERIC_WORDS:
        return TokenShape("#" + token, (), "#" + token)
    text = token
    for digraph, letter in _DIGRAPHS:
        text = text.replace(digraph, letter)
    # Final -eh/-ah is the feminine ending; -iye/-ie is the same ending as -iya.
    if len(text) > 2 and text[-1] == "h" and text[-2] in _VOWELS:
        text = text[:-1]
    if len(text) > 2 and text[-1] == "e" and text[-2] in "iy":
        text = text[:-1] + "a"
    text = _collapse(text)
    # A glide between i/u and a following vowel is written or not (Azizia/Aziziya).
    glided: list[str] = []
    for index, ch in enumerate(text):
        glided.append(ch)
        following = text[index + 1] if index + 1 < len(text) else ""
        if ch == "i" and following in _VOWELS and following != "i":
            glided.append("y")
        elif ch == "u" and following in _VOWELS and following != "u":
            glided.append("w")
    text = _collapse("".join(glided))
    skeleton: list[str] = []
    loose: list[str] = []
    slots: list[str] = [""]
    for index, ch in enumerate(text):
        following = text[index + 1] if index + 1 < len(text) else ""
        # y and w are vowels unless a vowel follows them (Breyj, but Yusuf, Awad).
        is_vowel = ch in _VOWELS or (ch in "yw" and following not in _VOWELS)
        if is_vowel:
            vowel_class = _VOWEL_CLASS[ch]
            if not slots[-1].endswith(vowel_class):
                slots[-1] += vowel_class
        else:
            # An h straight after a consonant is often dropped (Mashhad/Mashad).
            if not (ch == "h" and skeleton and not slots[-1]):
                loose.append(ch)
            skeleton.append(ch)
            slots.append("")
    joined = "".join(skeleton)
    return TokenShape(joined, tuple(slots), "".join(loose).translate(_LOOSE))


# The unstressed e of many romanizations stands for a or i (Jebel/Jabal, Tareq/Tariq).
_E_PAIRS = frozenset({"ea", "ae", "ei", "ie"})


def _vowels_within(inner: str, outer: str) -> bool:
    """Whether vowel string ``inner`` is a subsequence of ``outer`` (``e`` matches a, i)."""
    position = 0
    for vowel in inner:
        while position < len(outer):
            candidate = outer[position]
            position += 1
            if candidate == vowel or candidate + vowel in _E_PAIRS:
                break
        else:
            return False
    return True


def slots_compatible(a: TokenShape, b: TokenShape) -> bool:
    """Whether two tokens with one skeleton differ only by vowels that come and go.

    One token's vowels, slot by slot, must be contained in the other's: ``Karm``
    in ``Karam``, ``Trab`` in ``Turab``, ``Breij`` in ``Bureij``. ``Salam`` and
    ``Salim`` differ in a vowel both spell out, so they stay apart.

    Examples
    --------
    >>> slots_compatible(analyze_token("karm"), analyze_token("karam"))
    True
    >>> slots_compatible(analyze_token("salam"), analyze_token("salim"))
    False
    >>> slots_compatible(analyze_token("salam"), analyze_token("salama"))
    False
    """
    if a.skeleton != b.skeleton or len(a.slots) != len(b.slots):
        return False
    # A vowel that opens or ends a word is part of it (Salam/Salama, Amusco/Musco):
    # only vowels inside the word come and go (at the edges only ei/i may differ).
    if bool(a.slots[0]) != bool(b.slots[0]) or bool(a.slots[-1]) != bool(b.slots[-1]):
        return False
    pairs = list(zip(a.slots, b.slots, strict=True))
    return all(_vowels_within(x, y) for x, y in pairs) or all(
        _vowels_within(y, x) for x, y in pairs
    )
