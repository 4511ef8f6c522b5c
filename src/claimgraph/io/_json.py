"""One strict JSON decoder for every JSON input: claim lines, sources and side files.

Python's :mod:`json` accepts what JSON does not say or cannot mean, and resolves it
silently: bare ``NaN`` and ``Infinity``, a key given twice (the last wins), and
escapes of lone UTF-16 surrogates (``"\\ud800"``), which decode to a string no
file, terminal or database can encode. Each is refused here with an
:class:`~claimgraph.InputError` naming the file, the line and, where there is one,
the key.
"""

from __future__ import annotations

import json
import re
from typing import Any

from .._errors import InputError

__all__ = ["Pairs", "decode_json", "plain_json"]


class Pairs(list[tuple[str, Any]]):
    """A JSON object as its key-value pairs in order (keys known to be unique)."""


#: An escape that can decode to a lone surrogate; only lines holding one are searched.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_SURROGATE = re.compile("[\ud800-\udfff]")

_DECODER = json.JSONDecoder


def decode_json(text: str, path: str, line: int | None = None) -> Any:
    """Decode ``text`` as strict JSON; objects come back as :class:`Pairs`.

    Parameters
    ----------
    text : str
        The JSON text: a whole file, or one line of a JSON Lines file.
    path : str
        The file named in errors.
    line : int, optional
        The line ``text`` is in the file (JSON Lines); by default errors name the
        line inside ``text`` where decoding failed.

    Raises
    ------
    InputError
        For invalid JSON, bare ``NaN``/``Infinity``, a key repeated in one object,
        an integer of more than 4,300 digits, nesting too deep for Python, or text
        holding a lone surrogate.

    Examples
    --------
    >>> decode_json('{"name": "SANA", "aliases": ["Sana"]}', "s.json")
    [('name', 'SANA'), ('aliases', ['Sana'])]
    >>> decode_json('[{"name": "a", "name": "b"}]', "s.json")
    Traceback (most recent call last):
    ...
    claimgraph._errors.InputError: s.json: field 'name': key repeated in one object
    >>> decode_json('{"name": "\\\\udc80"}', "s.json", line=7)
    Traceback (most recent call last):
    ...
    claimgraph._errors.InputError: s.json:7: field 'name': text with a lone surrogate (\\udc80), \
which is not a character
    """

    def where(lineno: int | None = None) -> int | None:
        return line if line is not None else lineno

    def refuse_constant(token: str) -> Any:
        raise InputError(f"bare {token} is not JSON; write null or a number", path=path, line=line)

    def keep_pairs(pairs: list[tuple[str, Any]]) -> Pairs:
        seen: set[str] = set()
        for key, _value in pairs:
            if key in seen:
                raise InputError("key repeated in one object", path=path, line=line, field=key)
            seen.add(key)
        return Pairs(pairs)

    try:
        data = _DECODER(parse_constant=refuse_constant, object_pairs_hook=keep_pairs).decode(text)
    except InputError:
        raise
    except json.JSONDecodeError as exc:
        raise InputError(
            f"invalid JSON at column {exc.colno}: {exc.msg}", path=path, line=where(exc.lineno)
        ) from exc
    except RecursionError:
        raise InputError("JSON nested too deeply", path=path, line=where(1)) from None
    except ValueError as exc:  # an integer of more than 4,300 digits
        raise InputError(f"unreadable JSON number: {exc}", path=path, line=where(1)) from None
    if _SURROGATE_ESCAPE.search(text):
        _refuse_surrogates(data, path, where(1), None)
    return data


def plain_json(text: str, path: str) -> Any:
    """A whole JSON file decoded by :func:`decode_json`, with objects as dicts.

    >>> plain_json('[{"name": "SANA", "alignment": "government"}]', "s.json")
    [{'name': 'SANA', 'alignment': 'government'}]
    """
    return _plain(decode_json(text, path))


def _plain(value: Any) -> Any:
    if isinstance(value, Pairs):
        return {key: _plain(item) for key, item in value}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def _refuse_surrogates(value: Any, path: str, line: int | None, field: str | None) -> None:
    if isinstance(value, str):
        found = _SURROGATE.search(value)
        if found:
            raise InputError(
                f"text with a lone surrogate (\\u{ord(found.group()):04x}), "
                "which is not a character",
                path=path,
                line=line,
                field=field,
            )
    elif isinstance(value, Pairs):
        for key, item in value:
            _refuse_surrogates(key, path, line, field)
            _refuse_surrogates(item, path, line, key)
    elif isinstance(value, list):
        for item in value:
            _refuse_surrogates(item, path, line, field)
