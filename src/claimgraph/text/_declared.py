"""Actors and sides a user declares for wars the bundled packs do not know."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .._errors import InputError
from ..io._json import plain_json
from ..io._text import read_text, table_rows
from ._pack import Actor

__all__ = ["actors_from_mapping", "read_actors"]

_COLUMNS = ("name", "side", "aliases")


def actors_from_mapping(sides: Mapping[str, str]) -> tuple[Actor, ...]:
    """Actors from a mapping of actor name to side.

    >>> [(a.name, a.side) for a in actors_from_mapping({"Wagner": "russia"})]
    [('Wagner', 'russia')]
    """
    return tuple(Actor(str(name).strip(), str(side).strip()) for name, side in sides.items())


def _actor(record: Mapping[str, Any], where: str, line: int | None, within: str = "") -> Actor:
    """One declared actor; ``within`` prefixes the field named in errors (JSON items)."""

    def refuse(key: str, expected: str, got: object) -> InputError:
        return InputError(
            f"expected {expected}, got {got!r}", path=where, line=line, field=within + key
        )

    for key in record:
        if key not in _COLUMNS:
            raise refuse(key, "no other keys than " + ", ".join(_COLUMNS), key)
    name, side = record.get("name", ""), record.get("side", "")
    if not isinstance(name, str) or not name.strip():
        raise refuse("name", "a non-empty string", name)
    if not isinstance(side, str) or not any(ch.isalnum() for ch in side):
        raise refuse("side", "a side name", side)
    raw = record.get("aliases") or ()
    aliases = raw.replace("|", ";").split(";") if isinstance(raw, str) else raw
    if not isinstance(aliases, list | tuple) or not all(isinstance(a, str) for a in aliases):
        raise refuse("aliases", "a list of strings or names split by ';'", raw)
    return Actor(name.strip(), side.strip(), tuple(a.strip() for a in aliases if a.strip()))


def read_actors(path: str | Path) -> tuple[Actor, ...]:
    """Read declared actors from CSV (``name,side,aliases``; aliases split on ``;``)
    or JSON (a list of such objects, or an object mapping actor names to sides).

    Raises
    ------
    InputError
        Naming the file, line and field of a malformed declaration.
    """
    path = Path(path)
    text = read_text(path, kind="side declarations", empty="empty file: no actors declared")
    where = str(path)
    if path.suffix.lower() != ".json":
        rows = table_rows(text, _COLUMNS, where, required=("name", "side"))
        return tuple(_actor(cells, where, line) for line, cells in rows)
    data = plain_json(text, where)
    if isinstance(data, dict):
        return tuple(_actor({"name": k, "side": v}, where, None, f"{k}.") for k, v in data.items())
    if not isinstance(data, list):
        raise InputError("expected a JSON list of actors or an object", path=where)
    for number, item in enumerate(data, start=1):
        if not isinstance(item, dict):
            raise InputError(
                f"expected a JSON object, got {item!r}", path=where, field=f"actors[{number}]"
            )
    return tuple(_actor(item, where, None, f"actors[{n}].") for n, item in enumerate(data, start=1))
