"""``--place`` and ``--property`` checked against the input, and why a result is empty."""

from __future__ import annotations

from collections import Counter

from ..graph import ClaimGraph
from ._feedback import info, not_in_input

__all__ = ["check_place", "check_property", "explain_no_agreement", "explain_no_disputes"]


def check_property(cg: ClaimGraph, prop: str | None) -> None:
    """Fail, naming the nearest properties, when no claim is about ``prop``."""
    if prop is None:
        return
    known = {claim.property for claim in cg.claims}
    if prop not in known:
        raise not_in_input("property", prop, known, "--property")


def _place_keys(cg: ClaimGraph) -> set[str]:
    return {cg.place_key(claim) for claim in cg.claims}


def place_key_of(cg: ClaimGraph, place: str) -> str | None:
    """The place id ``place`` (a spelling or an id) stands for, if the input has it."""
    keys = _place_keys(cg)
    if place in keys:
        return place
    if cg.places is not None:
        try:
            key = str(cg.places.key_of(place))
        except KeyError:
            return None
        return key if key in keys else None
    return None


def check_place(cg: ClaimGraph, place: str | None) -> None:
    """Fail, naming the nearest spellings, when no claim is about ``place``."""
    if place is None or place_key_of(cg, place) is not None:
        return
    spellings = {claim.subject for claim in cg.claims}
    names = {cg.place_name(key) for key in _place_keys(cg)}
    raise not_in_input("place", place, spellings | names, "--place", listed=names)


def explain_no_disputes(cg: ClaimGraph, prop: str | None, place: str | None) -> None:
    """Say on standard error what was searched when no dispute was found."""
    claims = cg.claims
    if prop is not None:
        claims = [c for c in claims if c.property == prop]
    where = ""
    if place is not None:
        key = place_key_of(cg, place)
        claims = [c for c in claims if cg.place_key(c) == key]
        where = f" about {cg.place_name(key) if key is not None else place}"
    about = f" of {prop}" if prop is not None else ""
    places = len({cg.place_key(c) for c in claims})
    sources = len({c.source for c in claims})
    if not claims:
        info(f"no disputes: no claims{about}{where} in the input")
        return
    spread = "" if place is not None else f" about {_count(places, 'place')}"
    info(
        f"no disputes: {_count(len(claims), 'claim')}{about}{where} from "
        f"{_count(sources, 'source')}{spread}; none contradicts, denies or leaves unclear "
        f"another within --window {cg.window} days"
    )


def explain_no_agreement(cg: ClaimGraph, prop: str | None) -> None:
    """Say on standard error why no pair of sources could be compared."""
    claims = cg.claims if prop is None else [c for c in cg.claims if c.property == prop]
    per_source = Counter(c.source for c in claims)
    about = f" about {prop}" if prop is not None else ""
    if len(per_source) < 2:
        names = ", ".join(sorted(per_source)) or "none"
        info(f"no pairs of sources to compare: only {len(per_source)} source{about} ({names})")
        return
    info(
        f"no pairs of sources to compare: the {len(per_source)} sources{about} never speak "
        f"about the same place, property and period (--window {cg.window} days)"
    )


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"
