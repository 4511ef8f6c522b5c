"""Sources: who speaks, under which names, on which side."""

from __future__ import annotations

import enum
import functools
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import attrs

from .._errors import InputError, InvalidClaimError
from ._sides import fold

__all__ = ["INDEPENDENT", "Source", "SourceKind", "SourceRegistry", "independent_of"]

#: Alignment of sources that belong to no side (monitors, NGOs, wire services).
INDEPENDENT = "independent"
_NO_SIDE = frozenset({INDEPENDENT, "unknown", "neutral", ""})


class SourceKind(enum.StrEnum):
    """Who a claim's source is: someone the record names, or the document itself."""

    SOURCE = "source"
    """A source the record names: an outlet, an official, a monitor ("according to
    SOHR"), or a table's ``source`` column."""
    DOCUMENT = "document"
    """The document itself (its author or outlet), stating the claim in its own
    voice, with no attribution. Its claims are evidence, shown as the
    document's, but it is not scored among the outlets it reports on (agreement
    and truth discovery leave it out unless asked to include it)."""


def _aliases(value: Iterable[str] | str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = list(value.replace("|", ";").split(";"))
    return tuple(a.strip() for a in value if a and a.strip())


@attrs.frozen(slots=True)
class Source:
    """A named source with its aliases and alignment.

    >>> s = Source("Syrian Observatory for Human Rights", aliases=("SOHR", "OSDH"),
    ...            alignment="opposition")
    >>> s.names
    ('Syrian Observatory for Human Rights', 'SOHR', 'OSDH')
    """

    name: str
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_aliases)
    alignment: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@functools.lru_cache(maxsize=4096)
def independent_of(alignment_a: str | None, alignment_b: str | None) -> bool:
    """Whether two sources with these alignments are independent of each other.

    Sources on the same side (both ``government``, say) echo each other; a
    source with no side, or of unknown alignment, is independent of every other.

    >>> independent_of("government", "government")
    False
    >>> independent_of("government", "opposition"), independent_of("independent", "independent")
    (True, True)
    """
    a = fold(alignment_a or "")
    b = fold(alignment_b or "")
    return a != b or a in _NO_SIDE


class SourceRegistry:
    """Canonical source names, their aliases and alignments.

    Lookups fold case and accents, so "osdh" finds "OSDH".

    >>> reg = SourceRegistry([Source("Al-Manar", ("al-Manar TV",), "government")])
    >>> reg.canonical("AL-MANAR TV"), reg.alignment("al-manar")
    ('Al-Manar', 'government')
    >>> reg.canonical("Reuters")
    'Reuters'
    """

    def __init__(self, sources: Iterable[Source] = ()) -> None:
        self._by_name: dict[str, Source] = {}
        self._lookup: dict[str, str] = {}
        for source in sources:
            self.add(source)

    def add(self, source: Source) -> None:
        """Add ``source``; a source already known under one of its names is replaced."""
        old = self.find(source.name)
        if old is not None:
            self._by_name.pop(old.name, None)
        self._by_name[source.name] = source
        for name in source.names:
            self._lookup[fold(name)] = source.name

    def find(self, name: str) -> Source | None:
        """The registered source known by ``name``, or ``None``."""
        key = self._lookup.get(fold(name))
        return None if key is None else self._by_name.get(key)

    def canonical(self, name: str) -> str:
        """The canonical name for ``name`` (``name`` itself when unknown)."""
        found = self.find(name)
        return name if found is None else found.name

    def alignment(self, name: str) -> str | None:
        found = self.find(name)
        return None if found is None else found.alignment

    def __iter__(self) -> Iterator[Source]:
        return iter(self._by_name.values())

    def __len__(self) -> int:
        return len(self._by_name)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self.find(name) is not None

    def merged(self, other: SourceRegistry) -> SourceRegistry:
        """A new registry with ``other``'s entries added over this one's."""
        out = SourceRegistry(self)
        for source in other:
            out.add(source)
        return out

    @classmethod
    def from_records(cls, records: Iterable[Mapping[str, Any]]) -> SourceRegistry:
        """Build from mappings with ``name``, optional ``aliases`` and ``alignment``.

        Raises
        ------
        InvalidClaimError
            Naming the record (``sources[2].aliases``) whose field is of the wrong type.

        >>> SourceRegistry.from_records([{"name": "SANA", "aliases": 3}])
        Traceback (most recent call last):
        ...
        claimgraph._errors.InvalidClaimError: sources[1].aliases: expected a string ... got 3
        """
        sources = []
        for number, record in enumerate(records, start=1):
            where = f"sources[{number}]"
            if not isinstance(record, Mapping):
                raise InvalidClaimError(where, "an object with name, aliases, alignment", record)
            name = record.get("name")
            if not isinstance(name, str) or not name.strip():
                raise InvalidClaimError(f"{where}.name", "a non-empty string", name)
            if "\x00" in name:
                raise InvalidClaimError(f"{where}.name", "a name without NUL characters", name)
            aliases = record.get("aliases") or ()
            if not isinstance(aliases, str) and not (
                isinstance(aliases, list | tuple) and all(isinstance(a, str) for a in aliases)
            ):
                raise InvalidClaimError(
                    f"{where}.aliases", "a string (split on ;) or a list of strings", aliases
                )
            alignment = record.get("alignment")
            if alignment is not None and not isinstance(alignment, str):
                raise InvalidClaimError(f"{where}.alignment", "a string", alignment)
            sources.append(
                Source(name.strip(), aliases=aliases, alignment=(alignment or "").strip() or None)
            )
        return cls(sources)

    @classmethod
    def from_file(cls, path: str | Path) -> SourceRegistry:
        """Read a registry from CSV (``name,aliases,alignment``; aliases split on ``;``)
        or JSON (a list of objects with the same keys).

        Raises
        ------
        InputError
            Naming the file, and the line and field where they are known: unreadable,
            binary or non-UTF-8 file, invalid JSON (repeated keys and bare ``NaN``
            included), unknown, repeated or missing columns, rows with more cells than
            the header, names that are empty, aliases or alignments of the wrong type.

        Examples
        --------
        >>> import pathlib, tempfile
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (folder / "s.csv").write_text("name,aliases,alignment\\nSANA,SNA,government\\n")
        >>> SourceRegistry.from_file(folder / "s.csv").canonical("sna")
        'SANA'
        >>> _ = (folder / "bad.csv").write_text("name,alignment,alignment\\nSANA,a,b\\n")
        >>> SourceRegistry.from_file(folder / "bad.csv")
        Traceback (most recent call last):
        ...
        claimgraph._errors.InputError: .../bad.csv:1: field 'alignment': column repeated ...
        """
        from ..io._text import read_text  # io imports the model: import on use

        where = str(path)
        text = read_text(path, kind="a sources file", empty="empty file: no sources")
        if Path(path).suffix.lower() == ".json":
            return cls._from_json(text, where)
        return cls._from_csv(text, where)

    @classmethod
    def _from_json(cls, text: str, where: str) -> SourceRegistry:
        from ..io._json import plain_json  # io imports the model: import on use

        data = plain_json(text, where)
        if not isinstance(data, list):
            raise InputError("expected a JSON list of sources", path=where)
        for number, record in enumerate(data, start=1):
            unknown = sorted(set(record) - set(_SOURCE_COLUMNS)) if isinstance(record, dict) else []
            if unknown:
                raise InputError(
                    f"unknown key(s) {unknown}; expected name, aliases, alignment",
                    path=where,
                    field=f"sources[{number}].{unknown[0]}",
                )
        try:
            return cls.from_records(data)
        except InvalidClaimError as exc:
            raise InputError(
                f"expected {exc.expected}, got {exc.got!r}", path=where, field=exc.field
            ) from exc

    @classmethod
    def _from_csv(cls, text: str, where: str) -> SourceRegistry:
        from ..io._text import table_rows  # io imports the model: import on use

        records: list[dict[str, str]] = []
        for line, record in table_rows(text, _SOURCE_COLUMNS, where):
            if not record["name"]:
                raise InputError("a source needs a name", path=where, line=line, field="name")
            records.append(record)
        try:
            return cls.from_records(records)
        except InvalidClaimError as exc:  # a NUL in a name
            raise InputError(
                f"expected {exc.expected}, got {exc.got!r}", path=where, field=exc.field
            ) from exc


_SOURCE_COLUMNS = ("name", "aliases", "alignment")
