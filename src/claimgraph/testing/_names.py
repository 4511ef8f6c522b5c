"""Synthetic Arabic-style place names and the romanized spellings of each.

Names are built from consonant roots poured into vowel patterns, with the
prefixes and articles that Levantine place names carry (Tal, Kafr, Sheikh,
al-). Spelling variants are made by the rules along which real romanizations
differ, so that a resolver meets the same kinds of variation as in the news:
articles written al-/el-/ash- or left out, short vowels dropped, ou/u, ei/ey/ay,
doubled letters undoubled, Sheikh/Shaykh, Tal/Tell, Kafr/Kfar, hyphens and
spaces, -iyeh/-iya endings, accents.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np

from ..model import fold

__all__ = ["PlaceName", "make_places", "skeleton", "spelling_variants"]

_ROOT_CONSONANTS = (
    "b",
    "t",
    "j",
    "h",
    "kh",
    "d",
    "r",
    "z",
    "s",
    "sh",
    "q",
    "k",
    "l",
    "m",
    "n",
    "f",
    "gh",
)
_SUN_LETTERS = ("sh", "th", "dh", "t", "d", "r", "z", "s", "n")

# Vowel patterns over a three-consonant root; "1", "2", "3" stand for its consonants.
_PATTERNS = (
    "1a2a3",
    "1u2a3",
    "1a2i3",
    "1u2ei3",
    "1a22a3",
    "1a2i3iyeh",
    "ma12ou3",
    "1a2ou3a",
    "1i2a3",
    "1a2a3a",
    "1a22ou3",
    "1u2ay3a",
    "1a2i3a",
    "1a2a3iyeh",
)

# Prefixes of compound names, each with the alternative spellings of the prefix.
_PREFIXES: dict[str, tuple[str, ...]] = {
    "Tal": ("Tell", "Tall"),
    "Kafr": ("Kfar", "Kefr"),
    "Sheikh": ("Shaykh", "Sheij", "Shaikh"),
    "Deir": ("Dayr", "Deyr"),
    "Ain": ("Ayn", "Ein"),
    "Khirbet": ("Khirbat", "Kherbet"),
    "Beit": ("Bayt", "Beyt"),
    "Jisr": ("Jisir",),
    "Karm": ("Karam",),
    "Maarat": ("Maaret", "Ma'arat"),
    "Ras": ("Ras",),
    "Jabal": ("Jebel",),
    "Bir": ("Beer",),
    "Qasr": ("Kasr",),
    "Bab": ("Bab",),
}
_PREFIX_OF = {fold(alt): fold(base) for base, alts in _PREFIXES.items() for alt in alts}
_PREFIX_WORDS = frozenset(_PREFIX_OF) | {fold(base) for base in _PREFIXES}


class PlaceName:
    """A generated place: its canonical name, the words it is built from, its shape.

    ``shape`` is ``"word"``, ``"article"`` (al-W), ``"prefix"`` (P W) or
    ``"construct"`` (W al-W2).
    """

    __slots__ = ("canonical", "head", "shape", "tail")

    def __init__(self, canonical: str, shape: str, head: str, tail: str) -> None:
        self.canonical = canonical
        self.shape = shape
        self.head = head
        self.tail = tail

    def __repr__(self) -> str:
        return f"PlaceName({self.canonical!r})"


def _word(rng: np.random.Generator, pattern: str | None = None) -> str:
    root = [_ROOT_CONSONANTS[int(i)] for i in rng.integers(0, len(_ROOT_CONSONANTS), 3)]
    if pattern is None:
        pattern = _PATTERNS[int(rng.integers(0, len(_PATTERNS)))]
    if "22" in pattern and len(root[1]) > 1:
        root[1] = root[1][0]  # doubled digraphs ("ghgh") are not written
    out = []
    for ch in pattern:
        out.append(root[int(ch) - 1] if ch in "123" else ch)
    word = "".join(out)
    return word[0].upper() + word[1:]


def _with_article(word: str) -> str:
    return "al-" + word


def _compose(shape: str, head: str, tail: str) -> str:
    if shape == "word":
        return head
    if shape == "article":
        return _with_article(head)
    if shape == "prefix":
        return f"{head} {tail}"
    return f"{head} {_with_article(tail)}"


def skeleton(name: str) -> str:
    """The consonants of a name, once article, prefix spelling, vowels and doubling are set aside.

    Two generated places never share a skeleton, so a resolver that merges
    names by their consonants can in principle keep every pair of places apart.

    >>> skeleton("Karam al-Turab") == skeleton("Karm al Trab")
    True
    >>> skeleton("Tell Alam") == skeleton("Tal Alam"), skeleton("Tal Alam") == skeleton("Tal Riman")
    (True, False)
    >>> skeleton("Aziziyeh") == skeleton("Aziziya"), skeleton("Aziza") == skeleton("Aziziyeh")
    (True, False)
    """
    words = re.split(r"[\s\-']+", fold(name))
    kept = []
    for word in words:
        if word in {"al", "el", "ad", "as", "ash", "ar", "at", "az", "an", "ath", "adh"}:
            continue
        word = _PREFIX_OF.get(word, word)
        kept.append(re.sub(r"(iyeh|iyah|iyye|iya|ieh)$", "Y", word))
    joined = "".join(kept)
    consonants = re.sub(r"[aeiouyw]", "", joined)
    return re.sub(r"(.)\1+", r"\1", consonants)


# -- spelling rules -------------------------------------------------------------
# Each rule returns a new spelling, or None when it does not apply to the name.

Rule = Callable[[str, np.random.Generator], str | None]


def _article_el(name: str, _rng: np.random.Generator) -> str | None:
    return name.replace("al-", "el-", 1) if "al-" in name else None


def _article_spaced(name: str, _rng: np.random.Generator) -> str | None:
    if "al-" not in name:
        return None
    return name.replace("al-", "al ", 1) if name.startswith("al-") else name.replace("al-", "Al ")


def _article_sun(name: str, _rng: np.random.Generator) -> str | None:
    match = re.search(r"\bal-([A-Za-z]+)", name)
    if match is None:
        return None
    word = match.group(1).lower()
    for letter in _SUN_LETTERS:
        if word.startswith(letter):
            return name[: match.start()] + f"a{letter}-" + name[match.start() + 3 :]
    return None


def _article_dropped(name: str, _rng: np.random.Generator) -> str | None:
    if name.startswith("al-"):
        rest = name[3:]
        return rest[0].upper() + rest[1:]
    if " al-" in name:
        return name.replace(" al-", " ", 1)
    return None


def _hyphenated(name: str, _rng: np.random.Generator) -> str | None:
    return name.replace(" ", "-") if " " in name else None


_CONSONANT = "[bdfghjklmnqrstz]h?"
_SHORT_VOWEL_FIRST = re.compile(rf"\b([BTJHDRZSQKLMNFG][hs]?)u({_CONSONANT}(?:a|ei|ey|ay))")
_SHORT_VOWEL_SECOND = re.compile(rf"\b([A-Z][a-z]?a)({_CONSONANT})a({_CONSONANT})\b")


def _vowel_dropped(name: str, rng: np.random.Generator) -> str | None:
    # Karam -> Karm (CaCaC loses its second a); Turab -> Trab, Bureij -> Breij (CuC.. its u).
    # Prefixes keep their own spellings (Jabal/Jebel, not Jabl).
    head, rest = "", name
    word, sep, tail = name.partition(" ")
    if sep and fold(word) in _PREFIX_WORDS:
        head, rest = word + sep, tail
    options = []
    second = _SHORT_VOWEL_SECOND.sub(r"\1\2\3", rest, count=1)
    if second != rest:
        options.append(head + second)
    first = _SHORT_VOWEL_FIRST.sub(r"\1\2", rest, count=1)
    if first != rest:
        options.append(head + first)
    if not options:
        return None
    return options[int(rng.integers(0, len(options)))]


def _ou_u(name: str, _rng: np.random.Generator) -> str | None:
    if "ou" in name:
        return name.replace("ou", "u", 1)
    swapped = re.sub(r"(?<![aeiouAEIOU])u(?![aeiou])", "ou", name, count=1)
    return swapped if swapped != name else None


def _ei_ey(name: str, rng: np.random.Generator) -> str | None:
    for pair in ("ei", "ey", "ay"):
        if pair in name:
            others = [p for p in ("ei", "ey", "ay") if p != pair]
            return name.replace(pair, others[int(rng.integers(0, 2))], 1)
    return None


def _undoubled(name: str, _rng: np.random.Generator) -> str | None:
    undoubled = re.sub(r"([bdfjklmnqrstz])\1", r"\1", name, count=1)
    return undoubled if undoubled != name else None


def _iyeh(name: str, rng: np.random.Generator) -> str | None:
    if not name.endswith("iyeh"):
        return None
    ending = ("iya", "iyah", "ieh", "iyye")[int(rng.integers(0, 4))]
    return name[:-4] + ending


def _prefix_spelling(name: str, rng: np.random.Generator) -> str | None:
    for base, alternatives in _PREFIXES.items():
        if name.startswith(base + " ") and alternatives and alternatives[0] != base:
            alt = alternatives[int(rng.integers(0, len(alternatives)))]
            return alt + name[len(base) :]
    return None


def _accented(name: str, rng: np.random.Generator) -> str | None:
    positions = [m.start() for m in re.finditer("a", name)]
    if not positions:
        return None
    at = positions[int(rng.integers(0, len(positions)))]
    return name[:at] + "\u0101" + name[at + 1 :]


_RULES: tuple[Rule, ...] = (
    _article_el,
    _article_spaced,
    _article_sun,
    _article_dropped,
    _hyphenated,
    _vowel_dropped,
    _vowel_dropped,
    _ou_u,
    _ei_ey,
    _undoubled,
    _iyeh,
    _prefix_spelling,
    _prefix_spelling,
    _accented,
)


def spelling_variants(name: str, count: int, rng: np.random.Generator) -> list[str]:
    """Up to ``count`` distinct spellings of ``name``, each one or two rules away from it.

    Rules that apply are tried in random order; a variant that folds to the
    same text as the name or an earlier variant is discarded.

    >>> import numpy as np
    >>> spellings = spelling_variants("Karam al-Turab", 6, np.random.default_rng(1))
    >>> len(spellings) == 6 and "Karam al-Turab" not in spellings
    True
    >>> all(skeleton(s) == skeleton("Karam al-Turab") for s in spellings)
    True
    """
    seen = {fold(name)}
    out: list[str] = []
    attempts = 0
    while len(out) < count and attempts < 8 * count + 8:
        attempts += 1
        current = name
        for _ in range(1 + int(rng.random() < 0.4)):
            rule = _RULES[int(rng.integers(0, len(_RULES)))]
            changed = rule(current, rng)
            if changed is not None:
                current = changed
        key = fold(current)
        if key not in seen:
            seen.add(key)
            out.append(current)
    return out


def _random_shape(rng: np.random.Generator) -> tuple[str, str, str]:
    roll = rng.random()
    if roll < 0.25:
        return "word", _word(rng), ""
    if roll < 0.35:
        return "article", _word(rng), ""
    if roll < 0.75:
        prefixes = tuple(_PREFIXES)
        return "prefix", prefixes[int(rng.integers(0, len(prefixes)))], _word(rng)
    return "construct", _word(rng), _word(rng)


def _lookalike(place: PlaceName, rng: np.random.Generator) -> tuple[str, str, str]:
    """A different place sharing most of ``place``'s name (Tal Alam / Tal Riman)."""
    if place.shape in {"prefix", "construct"}:
        return place.shape, place.head, _word(rng)
    # Same root, other ending: Aziza / Aziziyeh.
    base = place.head
    if base.endswith("iyeh"):
        return place.shape, base[:-4] + "a", ""
    return place.shape, (base[:-1] if base.endswith("a") else base) + "iyeh", ""


def make_places(
    n_places: int, rng: np.random.Generator, *, lookalike_rate: float = 0.1
) -> tuple[list[PlaceName], list[tuple[int, int]]]:
    """``n_places`` places with distinct skeletons, some planted as look-alikes of others.

    Returns the places and the pairs of indices of look-alike places (which a
    resolver must keep apart).

    >>> import numpy as np
    >>> places, pairs = make_places(50, np.random.default_rng(0), lookalike_rate=0.2)
    >>> len({skeleton(p.canonical) for p in places})
    50
    >>> len(pairs) > 0 and all(places[a].canonical != places[b].canonical for a, b in pairs)
    True
    """
    places: list[PlaceName] = []
    pairs: list[tuple[int, int]] = []
    skeletons: set[str] = set()
    while len(places) < n_places:
        if places and rng.random() < lookalike_rate:
            original = int(rng.integers(0, len(places)))
            shape, head, tail = _lookalike(places[original], rng)
        else:
            original = -1
            shape, head, tail = _random_shape(rng)
        canonical = _compose(shape, head, tail)
        key = skeleton(canonical)
        if not key or key in skeletons:
            continue
        skeletons.add(key)
        if original >= 0:
            pairs.append((original, len(places)))
        places.append(PlaceName(canonical, shape, head, tail))
    return places, pairs
