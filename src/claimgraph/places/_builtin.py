"""The gazetteer bundled with claimgraph: exonyms of places that wars put in the news."""

from __future__ import annotations

import functools

from ._gazetteer import Gazetteer

__all__ = ["builtin_gazetteer"]


@functools.cache
def builtin_gazetteer() -> Gazetteer:
    """The bundled gazetteer: cities, towns, regions and bases contested in recent wars.

    Each entry gives one place's names across languages (English, Spanish,
    French and German exonyms, romanizations of the Arabic, Kurdish, Ukrainian
    or Russian name, and the name in its own script), the country as parent,
    and WGS84 coordinates. :func:`resolve_places` and ``ClaimGraph.build`` use it
    unless told not to (``builtin_gazetteer=False``); a gazetteer of your own
    extends it (see :meth:`Gazetteer.extended_by`). The file is
    ``claimgraph/data/gazetteer.csv`` (:func:`claimgraph.data.gazetteer_path`); it
    is read once, and the same object is returned afterwards.

    Returns
    -------
    Gazetteer

    Examples
    --------
    >>> gaz = builtin_gazetteer()
    >>> gaz.find("Tadmur").name, gaz.find("Palmira").name
    ('Palmyra', 'Palmyra')
    >>> entry = gaz.find("Ain al-Arab")
    >>> entry.name, entry.parent, (entry.lat, entry.lon)
    ('Kobani', 'Syria', (36.8911, 38.3536))
    >>> gaz.find("Karm al-Qasr") is None  # districts are left to the rules
    True
    """
    from ..data import gazetteer_path

    return Gazetteer.from_csv(gazetteer_path())
