"""Data bundled with claimgraph: the example claims, used when a command gets no input,
and the gazetteer of exonyms that place resolution uses by default."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from ..model import Claim

__all__ = ["example_claims", "example_path", "gazetteer_path"]


def example_path() -> Path:
    """Path of the bundled example claims table (CSV).

    >>> example_path().name
    'example_claims.csv'
    """
    return Path(str(resources.files(__package__).joinpath("example_claims.csv")))


def example_claims() -> list[Claim]:
    """The bundled example claims: several sources, spelling variants, a change of
    hands, real disputes and a casualty-count conflict (invented reports, real places).

    >>> len(example_claims()) > 10
    True
    """
    from ..io import read_csv

    return read_csv(example_path())


def gazetteer_path() -> Path:
    """Path of the bundled gazetteer (CSV: name, aliases, parent, lat, lon).

    Read it with :func:`claimgraph.places.builtin_gazetteer`.

    >>> gazetteer_path().name
    'gazetteer.csv'
    """
    return Path(str(resources.files(__package__).joinpath("gazetteer.csv")))
