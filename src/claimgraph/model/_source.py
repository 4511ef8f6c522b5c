"""Sources: who speaks, under which names, on which side."""

from __future__ import annotations

import csv
import enum
import functools
import json
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
        """Build from mappings with ``name``, optional ``aliases`` and ``alignment``."""
        sources = []
        for number, record in enumerate(records, start=1):
            name = str(record.get("name") or "").strip()
            if not name:
                raise InvalidClaimError(f"sources[{number}].name", "a non-empty string", name)
            sources.append(
                Source(
                    name,
                    aliases=record.get("aliases") or (),
                    alignment=(str(record.get("alignment") or "").strip() or None),
                )
            )
        return cls(sources)

    @classmethod
    def from_file(cls, path: str | Path) -> SourceRegistry:
        """Read a registry from CSV (``name,aliases,alignment``; aliases split on ``;``)
        or JSON (a list of objects with the same keys)."""
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError("not UTF-8 text", path=str(path)) from exc
        except OSError as exc:
            raise InputError(exc.strerror or str(exc), path=str(path)) from exc
        try:
            if path.suffix.lower() == ".json":
                data = json.loads(text)
                if not isinstance(data, list):
                    raise InputError("expected a JSON list of sources", path=str(path))
                return cls.from_records(data)
            rows = list(csv.DictReader(text.splitlines()))
            unknown = set(rows[0]) - {"name", "aliases", "alignment"} if rows else set()
            if unknown:
                raise InputError(
                    f"unknown column(s) {sorted(unknown)}; expected name, aliases, alignment",
                    path=str(path),
                    line=1,
                )
            return cls.from_records(rows)
        except json.JSONDecodeError as exc:
            raise InputError(f"invalid JSON: {exc.msg}", path=str(path), line=exc.lineno) from exc
        except InvalidClaimError as exc:
            raise InputError(str(exc), path=str(path)) from exc
