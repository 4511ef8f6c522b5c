"""Indented JSON from ``json_text`` is the bytes ``json.dumps`` gives, or its error."""

from __future__ import annotations

import enum
import json
import math
import random
from typing import Any

import pytest

from claimgraph.io._tables import json_text
from claimgraph.reports import markdown_text

_TEXTS = ["", "Kobanî", 'say "no"', "back\\slash", "tab\tnew\nline", "\x00\x1f\x7f", "\u2028"]


def _document(rng: random.Random, depth: int) -> Any:
    """A random JSON document of dicts, lists, tuples and every scalar kind."""
    roll = rng.random()
    if depth <= 0 or roll < 0.35:
        return rng.choice(
            [
                rng.choice(_TEXTS),
                rng.randint(-(10**20), 10**20),
                rng.uniform(-1e6, 1e6),
                rng.choice([0.1, -0.0, 1e300, 5e-324, 1e16]),
                True,
                False,
                None,
            ]
        )
    size = rng.randint(0, 4)
    if roll < 0.65:
        return {rng.choice(_TEXTS) + str(i): _document(rng, depth - 1) for i in range(size)}
    items = [_document(rng, depth - 1) for _ in range(size)]
    return tuple(items) if roll < 0.75 else items


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("indent", [0, 2, 4])
def test_indented_is_json_dumps(seed: int, indent: int) -> None:
    rng = random.Random(seed)
    for _ in range(300):
        doc = _document(rng, 5)
        expected = json.dumps(doc, ensure_ascii=False, allow_nan=False, indent=indent)
        expected = expected.replace("\u2028", "\\u2028")
        assert json_text(doc, indent=indent) == expected


class _Side(enum.StrEnum):
    ARMY = "army"


class _Count(enum.IntEnum):
    ONE = 1


def test_unusual_values_are_left_to_json_dumps() -> None:
    # subclasses, non-string keys: json.dumps's own encoding
    doc = [{"side": _Side.ARMY, 1: _Count.ONE, None: 2.5}]
    assert json_text(doc, indent=2) == json.dumps(doc, ensure_ascii=False, indent=2)
    # NaN, infinities and cycles: json.dumps's own error
    for bad in (math.nan, math.inf, -math.inf):
        with pytest.raises(ValueError, match="Out of range"):
            json_text([{"x": bad}], indent=2)
    cycle: list[Any] = []
    cycle.append(cycle)
    with pytest.raises(ValueError, match="Circular"):
        json_text(cycle, indent=2)


def test_markdown_text_makes_every_special_character_inert() -> None:
    assert markdown_text("a&b<c>d") == "a&amp;b&lt;c&gt;d"
    assert markdown_text("`*[]|~\\") == "\\`\\*\\[\\]\\|\\~\\\\"
    assert markdown_text("a\nb\rc\x00d\x7fe\u2028f\x85g") == "a b c d e f g"
    assert markdown_text("tab\tand_underscore Kobanî") == "tab\tand_underscore Kobanî"
    assert markdown_text(3.5) == "3.5"
