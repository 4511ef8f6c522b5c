"""Actors and sides a user declares for wars the bundled packs do not know."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from .._errors import InputError
from ..io._text import read_text
from ._pack import Actor

__all__ = ["actors_from_mapping", "read_actors"]

_COLUMNS = ("name", "side", "aliases")


def actors_from_mapping(sides: Mapping[str, str]) -> tuple[Actor, ...]:
    """Actors from a mapping of actor name to side.

    >>> [(a.name, a.side) for a in actors_from_mapping({"Wagner": "russia"})]
    [('Wagner', 'russia')]
    """
    return tuple(Actor(str(name).strip(), str(side).strip()) for name, side in sides.items())


def _actor(record: Mapping[str, Any], where: str) -> Actor:
    name = str(record.get("name") or "").strip()
    side = str(record.get("side") or "").strip()
    if not name:
        raise InputError(f"{where}: field 'name': expected a non-empty string, got {name!r}")
    if not side or not any(ch.isalnum() for ch in side):
        raise InputError(f"{where}: field 'side': expected a side name, got {side!r}")
    raw = record.get("aliases") or ()
    aliases: Iterable[str] = raw.replace("|", ";").split(";") if isinstance(raw, str) else raw
    return Actor(name, side, tuple(a.strip() for a in aliases if str(a).strip()))


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
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(f"invalid JSON: {exc.msg}", path=str(path), line=exc.lineno) from exc
        if isinstance(data, dict):
            return tuple(
                _actor({"name": k, "side": v}, f"{path}: key {k!r}") for k, v in data.items()
            )
        if not isinstance(data, list):
            raise InputError("expected a JSON list of actors or an object", path=str(path))
        return tuple(
            _actor(r if isinstance(r, dict) else {}, f"{path}: item {i}")
            for i, r in enumerate(data, start=1)
        )
    rows = list(csv.DictReader(text.splitlines()))
    header = set(rows[0]) if rows else set()
    unknown = header - set(_COLUMNS)
    if unknown or not {"name", "side"} <= header:
        raise InputError(
            f"columns {sorted(header)}; expected name, side and optional aliases",
            path=str(path),
            line=1,
        )
    return tuple(_actor(row, f"{path}:{i}") for i, row in enumerate(rows, start=2))
