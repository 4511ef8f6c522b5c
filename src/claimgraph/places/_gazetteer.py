"""The gazetteer: curated places with their aliases, parent and coordinates."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs

from .._errors import InputError, InvalidClaimError
from ..io._text import read_text, table_rows
from ._normalize import normalize_place

__all__ = ["GAZETTEER_COLUMNS", "Gazetteer", "GazetteerEntry"]

#: The columns a gazetteer CSV may have; only ``name`` is required.
GAZETTEER_COLUMNS: tuple[str, ...] = ("name", "aliases", "parent", "lat", "lon")


def _split_aliases(value: Iterable[str] | str | None) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = value.replace("|", ";").split(";")
    seen: dict[str, None] = {}
    for alias in value:
        if not isinstance(alias, str):
            raise InvalidClaimError("aliases", "strings", alias)
        if alias.strip():
            seen.setdefault(alias.strip(), None)
    return tuple(seen)


def _coordinate(limit: float) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    def check(_inst: object, attr: attrs.Attribute[Any], value: object) -> None:
        if value is None:
            return
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
            or not -limit <= value <= limit
        ):
            raise InvalidClaimError(attr.name, f"a number between -{limit:g} and {limit:g}", value)

    return check


def _name(_inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise InvalidClaimError(attr.name, "a non-empty string", value)
    try:
        normalize_place(value)
    except InvalidClaimError:
        raise InvalidClaimError(
            attr.name, "a name with at least one letter or digit", value
        ) from None


@attrs.frozen(slots=True)
class GazetteerEntry:
    """One curated place.

    Parameters
    ----------
    name : str
        The canonical name, used as the display name of the resolved place.
    aliases : tuple of str
        Other spellings; a string is split on ``;`` or ``|``.
    parent : str or None
        The enclosing place (a city for a district), as free text.
    lat, lon : float or None
        WGS84 coordinates in degrees.

    Examples
    --------
    >>> GazetteerEntry("Karm al-Trab", aliases="Karam al-Turab|Karm at-Turab").aliases
    ('Karam al-Turab', 'Karm at-Turab')
    """

    name: str = attrs.field(validator=_name)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_split_aliases)
    parent: str | None = None
    lat: float | None = attrs.field(default=None, validator=_coordinate(90))
    lon: float | None = attrs.field(default=None, validator=_coordinate(180))

    @property
    def names(self) -> tuple[str, ...]:
        """The name followed by the aliases."""
        return (self.name, *self.aliases)


class Gazetteer:
    """A set of curated places, looked up by any spelling that normalizes like theirs.

    Two entries may not share a name or alias (after :func:`normalize_place`): a
    spelling must lead to one place.

    Parameters
    ----------
    entries : iterable of GazetteerEntry

    Raises
    ------
    InputError
        When two entries share a spelling.

    Examples
    --------
    >>> gaz = Gazetteer([GazetteerEntry("Aleppo", aliases="Alepo;Halab", lat=36.2, lon=37.15)])
    >>> gaz.find("ALEPO").name
    'Aleppo'
    >>> gaz.find("Damascus") is None
    True
    """

    def __init__(self, entries: Iterable[GazetteerEntry]) -> None:
        self._entries = tuple(entries)
        self._lookup = _build_lookup(self._entries)

    @property
    def entries(self) -> tuple[GazetteerEntry, ...]:
        """The entries in the order given."""
        return self._entries

    def find(self, name: str) -> GazetteerEntry | None:
        """The entry with ``name`` as its name or an alias, or ``None``."""
        index = self._lookup.get(normalize_place(name))
        return None if index is None else self._entries[index]

    def index_of_key(self, key: str) -> int | None:
        """The position of the entry spelled with normalized ``key``, or ``None``."""
        return self._lookup.get(key)

    def __iter__(self) -> Iterator[GazetteerEntry]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self.find(name) is not None

    def __repr__(self) -> str:
        return f"Gazetteer({len(self._entries)} entries)"

    def extended_by(self, other: Gazetteer) -> Gazetteer:
        """This gazetteer with the entries of ``other`` added; ``other`` wins where they meet.

        An entry of ``other`` that shares a spelling with entries of this gazetteer
        takes them over: its name stays the display name, its own aliases come
        first, then the spellings of the entries it takes over that no entry of
        ``other`` claims, and their parent and coordinates fill what it leaves
        empty. An entry of this gazetteer that shares spellings with several
        entries of ``other`` goes to the one that spells its name (else to the
        first); the others keep the spellings they name. Entries of ``other``
        come first, then the untouched entries of this gazetteer, in order.

        Parameters
        ----------
        other : Gazetteer
            The entries that extend and override this gazetteer.

        Returns
        -------
        Gazetteer
            A new gazetteer; neither input changes.

        Examples
        --------
        >>> base = Gazetteer([GazetteerEntry("Aleppo", aliases="Alepo;Halab", lat=36.2, lon=37.16),
        ...                   GazetteerEntry("Homs", aliases="Hims")])
        >>> mine = Gazetteer([GazetteerEntry("Alepo", aliases="Haleb")])
        >>> [(e.name, e.aliases, e.lat) for e in base.extended_by(mine)]
        [('Alepo', ('Haleb', 'Aleppo', 'Halab'), 36.2), ('Homs', ('Hims',), None)]
        """
        if not isinstance(other, Gazetteer):
            raise InvalidClaimError("gazetteer", "a Gazetteer", other)
        taken: dict[int, list[GazetteerEntry]] = {}
        untouched: list[GazetteerEntry] = []
        for entry in self._entries:
            keys = [normalize_place(spelling) for spelling in entry.names]
            owners = sorted(
                {found for key in keys if (found := other.index_of_key(key)) is not None}
            )
            if not owners:
                untouched.append(entry)
                continue
            owner = other.index_of_key(keys[0])
            taken.setdefault(owners[0] if owner is None else owner, []).append(entry)
        merged = [
            _absorb(entry, taken[number], other) if number in taken else entry
            for number, entry in enumerate(other.entries)
        ]
        return Gazetteer([*merged, *untouched])

    @classmethod
    def from_csv(cls, path: str | Path) -> Gazetteer:
        """Read a gazetteer from a CSV file with a header row.

        Columns: ``name`` (required), ``aliases`` (separated by ``;`` or ``|``),
        ``parent``, ``lat``, ``lon``; empty cells are absent values.

        Raises
        ------
        InputError
            Naming file, line and field: unreadable or non-UTF-8 file, empty file,
            missing ``name`` column, unknown column, a row with too many cells,
            empty name, latitude or longitude that is not a number in range (or
            given without the other), a spelling shared by two entries.

        Examples
        --------
        >>> import pathlib, tempfile
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (folder / "gaz.csv").write_text(
        ...     "name,aliases,lat,lon\\nKarm al-Trab,Karam al-Turab,36.19,37.19\\n"
        ...     "Tal Alam,,,\\n", encoding="utf-8")
        >>> gaz = Gazetteer.from_csv(folder / "gaz.csv")
        >>> [(e.name, e.aliases, e.lat) for e in gaz]
        [('Karm al-Trab', ('Karam al-Turab',), 36.19), ('Tal Alam', (), None)]
        >>> _ = (folder / "bad.csv").write_text("name,lat,lon\\nAziza,north,37\\n")
        >>> Gazetteer.from_csv(folder / "bad.csv")
        Traceback (most recent call last):
        ...
        claimgraph._errors.InputError: .../bad.csv:2: field 'lat': expected a number ... got 'north'
        """
        where = str(path)
        text = read_text(
            path,
            kind="a gazetteer table",
            empty="empty file: expected a header row with at least 'name'",
        )
        entries: list[GazetteerEntry] = []
        lines: list[int] = []
        for line, cells in table_rows(text, GAZETTEER_COLUMNS, where):
            entries.append(_entry_from_cells(cells, where, line))
            lines.append(line)
        if not entries:
            raise InputError("no entries: the file has a header but no rows", path=where)
        gazetteer = cls.__new__(cls)
        gazetteer._entries = tuple(entries)
        gazetteer._lookup = _build_lookup(gazetteer._entries, lines=lines, path=where)
        return gazetteer


def _absorb(
    entry: GazetteerEntry, others: Sequence[GazetteerEntry], claims: Gazetteer
) -> GazetteerEntry:
    """``entry`` with the spellings of ``others`` that no entry of ``claims`` names,
    and their parent and coordinates where ``entry`` has none."""
    aliases = list(entry.aliases)
    seen = {normalize_place(spelling) for spelling in entry.names}
    for other in others:
        for spelling in other.names:
            key = normalize_place(spelling)
            if key not in seen and claims.index_of_key(key) is None:
                seen.add(key)
                aliases.append(spelling)
    parent = entry.parent or next((o.parent for o in others if o.parent), None)
    lat, lon = entry.lat, entry.lon
    if lat is None:
        located = next((o for o in others if o.lat is not None), None)
        if located is not None:
            lat, lon = located.lat, located.lon
    return GazetteerEntry(entry.name, aliases=tuple(aliases), parent=parent, lat=lat, lon=lon)


def _entry_from_cells(cells: dict[str, str], where: str, line: int) -> GazetteerEntry:
    coordinates: dict[str, float | None] = {}
    for axis, limit in (("lat", 90), ("lon", 180)):
        raw = cells.get(axis, "")
        try:
            if not raw.isascii():  # float() takes Arabic-Indic and other digits; refuse them
                raise ValueError(raw)
            coordinates[axis] = float(raw) if raw else None
        except ValueError:
            raise InputError(
                f"expected a number between -{limit} and {limit}, got {raw!r}",
                path=where,
                line=line,
                field=axis,
            ) from None
    lat, lon = coordinates["lat"], coordinates["lon"]
    if (lat is None) != (lon is None):
        raise InputError(
            "latitude and longitude go together; this row has only one",
            path=where,
            line=line,
            field="lon" if lon is None else "lat",
        )
    try:
        return GazetteerEntry(
            cells["name"],
            aliases=cells.get("aliases", ""),
            parent=cells.get("parent") or None,
            lat=lat,
            lon=lon,
        )
    except InvalidClaimError as exc:
        raise InputError(
            f"expected {exc.expected}, got {exc.got!r}", path=where, line=line, field=exc.field
        ) from exc


def _build_lookup(
    entries: Sequence[GazetteerEntry],
    *,
    lines: Sequence[int] | None = None,
    path: str | None = None,
) -> dict[str, int]:
    """Map every normalized spelling to its entry; refuse spellings shared by two entries."""
    lookup: dict[str, int] = {}
    for index, entry in enumerate(entries):
        if not isinstance(entry, GazetteerEntry):
            raise InvalidClaimError("gazetteer entry", "a GazetteerEntry", entry)
        for position, spelling in enumerate(entry.names):
            field = "name" if position == 0 else "aliases"
            try:
                key = normalize_place(spelling)
            except InvalidClaimError:
                raise InputError(
                    f"{spelling!r} has no letter or digit",
                    path=path,
                    line=None if lines is None else lines[index],
                    field=field,
                ) from None
            other = lookup.setdefault(key, index)
            if other != index:
                first = entries[other]
                where = f" (line {lines[other]})" if lines is not None else ""
                raise InputError(
                    f"{spelling!r} is spelled like {first.name!r}{where}, an entry of its own; "
                    "a spelling must lead to one place (merge the entries or drop the alias)",
                    path=path,
                    line=None if lines is None else lines[index],
                    field=field,
                )
    return lookup
