"""Canonical sides of a control claim and the aliases that name them."""

from __future__ import annotations

import functools
import unicodedata

__all__ = ["CONTESTED", "SIDES", "canonical_side", "declare_side", "declared_sides", "fold"]

GOVERNMENT = "government"
OPPOSITION = "opposition"
ISIS = "isis"
KURDISH = "kurdish"
CONTESTED = "contested"

#: The canonical control values, in display order.
SIDES: tuple[str, ...] = (GOVERNMENT, OPPOSITION, ISIS, KURDISH, CONTESTED)

_ALIASES: dict[str, tuple[str, ...]] = {
    GOVERNMENT: (
        "gov",
        "govt",
        "regime",
        "army",
        "saa",
        "syrian army",
        "syrian arab army",
        "loyalist",
        "loyalists",
        "pro-government",
        "pro government",
        "state",
        "ndf",
        "hezbollah",
        "hizbullah",
        "gobierno",
        "regimen",
        "ejercito",
        "leales",
        "progubernamental",
        "progubernamentales",
        "oficialista",
    ),
    OPPOSITION: (
        "rebel",
        "rebels",
        "fsa",
        "free syrian army",
        "insurgents",
        "insurgent",
        "armed opposition",
        "nusra",
        "al-nusra",
        "jabhat al-nusra",
        "jabhat fatah al-sham",
        "fatah al-sham",
        "ahrar al-sham",
        "oposicion",
        "rebeldes",
        "rebelde",
        "esl",
        "opositores",
    ),
    ISIS: (
        "isil",
        "is",
        "islamic state",
        "daesh",
        "daish",
        "eiil",
        "ei",
        "estado islamico",
    ),
    KURDISH: (
        "kurds",
        "kurd",
        "ypg",
        "ypj",
        "sdf",
        "pyd",
        "kurdos",
        "kurdo",
        "fds",
    ),
    CONTESTED: (
        "unclear",
        "unknown",
        "disputed",
        "contested",
        "fighting",
        "ongoing fighting",
        "no clear control",
        "frontline",
        "front line",
        "no esta claro",
        "disputado",
        "en disputa",
        "combates",
    ),
}


@functools.lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower-case ``text``, strip accents and squeeze white space.

    >>> fold("  Ejército  Árabe ")
    'ejercito arabe'
    """
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


_LOOKUP: dict[str, str] = {}
for _side, _names in _ALIASES.items():
    _LOOKUP[_side] = _side
    for _name in _names:
        _LOOKUP[fold(_name)] = _side


def canonical_side(value: str) -> str | None:
    """Return the canonical side named by ``value``, or ``None`` if it names none.

    >>> canonical_side("Regime")
    'government'
    >>> canonical_side("YPG")
    'kurdish'
    >>> canonical_side("unclear")
    'contested'
    >>> canonical_side("Atlantis") is None
    True
    """
    return _LOOKUP.get(fold(value))


_DECLARED: dict[str, None] = {}


def declare_side(name: str, aliases: tuple[str, ...] = ()) -> str:
    """Make ``name`` (and its ``aliases``) a side of control claims, for wars other
    than the built-in Syrian and Iraqi ones; returns the canonical name.

    Declarations hold for the whole process; declaring a side again adds aliases.

    >>> declare_side("ukraine", ("Ukrainian forces", "ZSU"))
    'ukraine'
    >>> canonical_side("Ukrainian forces")
    'ukraine'
    """
    side = canonical_side(name) or fold(name)
    if not side or not any(ch.isalnum() for ch in side):
        raise ValueError(f"side: expected a name with a letter or digit, got {name!r}")
    if side not in SIDES:
        _DECLARED.setdefault(side, None)
    _LOOKUP[side] = side
    for alias in aliases:
        _LOOKUP.setdefault(fold(alias), side)
    return side


def declared_sides() -> tuple[str, ...]:
    """The sides declared with :func:`declare_side`, in order of declaration."""
    return tuple(_DECLARED)
