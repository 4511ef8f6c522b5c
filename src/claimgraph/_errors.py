"""Exceptions raised by claimgraph.

Every exception derives from :class:`ClaimgraphError` and from the builtin that
best describes it, so callers can catch either.
"""

from __future__ import annotations

__all__ = [
    "AlignmentWarning",
    "ClaimgraphError",
    "ClaimgraphWarning",
    "InputError",
    "InvalidClaimError",
    "MissingDependencyError",
]


class ClaimgraphError(Exception):
    """Base class of all claimgraph errors."""


class ClaimgraphWarning(UserWarning):
    """Base class of the warnings claimgraph gives: the input is read, but something
    in it deserves a look. The command line prints them as one line each."""


class AlignmentWarning(ClaimgraphWarning):
    """One source is given two alignments by the inputs (``independent`` in one file,
    ``opposition`` in another). ``source`` names it; ``places`` are one
    ``(alignment, where)`` per alignment, ``where`` a file with a line or
    sentence when known."""

    def __init__(self, source: str, places: list[tuple[str, str]], settled: str) -> None:
        self.source = source
        self.places = places
        given = " and ".join(f"{alignment!r} ({where})" for alignment, where in places)
        super().__init__(
            f"source {source!r} has {len(places)} alignments in the inputs: {given}; {settled}"
        )


class InvalidClaimError(ClaimgraphError, ValueError):
    """A claim field has a value of the wrong type or outside its domain.

    The message names the field, what was expected and what was given.
    """

    def __init__(self, field: str, expected: str, got: object) -> None:
        self.field = field
        self.expected = expected
        self.got = got
        super().__init__(f"{field}: expected {expected}, got {got!r}")


class InputError(ClaimgraphError, ValueError):
    """A file could not be read as claims.

    ``path``, ``line`` and ``field`` locate the problem as precisely as is known.
    """

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        field: str | None = None,
    ) -> None:
        self.path = path
        self.line = line
        self.field = field
        self.reason = message
        where = ""
        if path is not None:
            where = path
            if line is not None:
                where += f":{line}"
            where += ": "
        if field is not None:
            where += f"field {field!r}: "
        super().__init__(where + message)


class MissingDependencyError(ClaimgraphError, ImportError):
    """An optional dependency is needed; the message names the extra to install."""

    def __init__(self, package: str, extra: str, feature: str) -> None:
        super().__init__(
            f"{feature} needs the optional package {package!r}; "
            f"install it with: pip install 'claimgraph[{extra}]'"
        )


def import_optional(package: str, extra: str, feature: str) -> object:
    """Import ``package`` or raise :class:`MissingDependencyError` naming ``extra``."""
    import importlib

    try:
        return importlib.import_module(package)
    except ImportError as exc:
        raise MissingDependencyError(package, extra, feature) from exc
