"""What a reader finds in a sentence before it becomes a claim."""

from __future__ import annotations

import attrs

from ..model import Stance

__all__ = ["PLACES_BEFORE", "SETTING", "Finding"]

#: Subject placeholder: the place the whole document is about.
SETTING = "\x00setting"
#: A plural reference ("esos pueblos"): the places of the last control claims.
PLACES_BEFORE = "\x00places"


@attrs.frozen(slots=True)
class Finding:
    """One statement found at character ``pos`` of a sentence.

    ``subject`` ``None`` means "the place last spoken of" (a reference such as
    "la zona"); ``source`` overrides the sentence's attribution (the accused in
    "negó la acusación del Ejército").
    """

    property: str
    pos: int
    subject: str | None = None
    value: str | None = None
    low: float | None = None
    high: float | None = None
    stance: Stance = Stance.ASSERTS
    partial: bool = False
    share: float | None = None
    source: str | None = None
