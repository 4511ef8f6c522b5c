"""Places: resolve the many spellings of a place to one canonical place.

Arabic place names reach Spanish and English text romanized in many ways
(``Karam al Qasr`` / ``Karm al-Qasr``, ``Bureij`` / ``Breij``, ``al-Sheij`` /
``Sheikh``). :func:`resolve_places` groups such spellings with explained merges,
guided by the bundled gazetteer of exonyms (:func:`builtin_gazetteer`: ``Alepo``,
``Halab`` and ``Aleppo`` are one city) and by a :class:`Gazetteer` of your own.

Examples
--------
>>> index = resolve_places(["Karam al-Turab", "Karm al-Trab", "Aziza", "Aziziyeh"])
>>> index.key_of("Karm al-Trab") == index.key_of("Karam al-Turab")
True
>>> index.key_of("Aziza") == index.key_of("Aziziyeh")
False
"""

from ._builtin import builtin_gazetteer
from ._gazetteer import GAZETTEER_COLUMNS, Gazetteer, GazetteerEntry
from ._index import RULES, Merge, Place, PlaceIndex
from ._normalize import normalize_place
from ._resolve import FUZZY_MIN_SCORE, resolve_places

__all__ = [
    "FUZZY_MIN_SCORE",
    "GAZETTEER_COLUMNS",
    "RULES",
    "Gazetteer",
    "GazetteerEntry",
    "Merge",
    "Place",
    "PlaceIndex",
    "builtin_gazetteer",
    "normalize_place",
    "resolve_places",
]
