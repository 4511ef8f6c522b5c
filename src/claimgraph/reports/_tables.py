"""Render lists of records as JSON, CSV or Markdown tables."""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from typing import Any

from ..io._tables import json_line, json_text, write_csv

__all__ = ["flat_value", "markdown_table", "markdown_text", "render_records"]

#: Characters that would start markup when a name is put into Markdown: HTML
#: (entity-escaped, as every renderer understands), and the Markdown of links,
#: code, emphasis and table cells (backslash-escaped, CommonMark's way).
_HTML_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
# ``_`` is left alone: inside words (file names, ids) it never starts emphasis in
# CommonMark, and escaping it would make every such name harder to read.
_MARKDOWN_PUNCTUATION = frozenset("\\`*[]|~")
_LINE_BREAKS = frozenset("\u2028\u2029\x85")


def markdown_text(text: object) -> str:
    """``text`` made inert inside a line of Markdown: it renders as the characters it holds.

    HTML-significant characters become entities, Markdown punctuation is
    backslash-escaped and line breaks and other control characters become
    spaces, so a source or place name can neither add HTML, links or table
    cells nor end the line it is on.

    >>> markdown_text("<script>alert(1)</script> | [x](javascript:y)")
    '&lt;script&gt;alert(1)&lt;/script&gt; \\\\| \\\\[x\\\\](javascript:y)'
    >>> markdown_text("al-Bab\\n# heading")
    'al-Bab # heading'
    """
    return str(text).translate(_MARKDOWN_INERT)


# one table for str.translate: a C loop instead of a Python one per character
_MARKDOWN_INERT: dict[int, str] = {
    **{ord(c): " " for c in _LINE_BREAKS},
    **{code: " " for code in (*range(0x20), 0x7F) if code != ord("\t")},
    **{ord(c): "\\" + c for c in _MARKDOWN_PUNCTUATION},
    **{ord(c): entity for c, entity in _HTML_ESCAPES.items()},
}


def flat_value(value: Any) -> str:
    """A cell: lists joined with ``'; '``, ``None`` empty, floats trimmed."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.3g}" if abs(value) < 1 else f"{value:.4g}"
    if isinstance(value, list | tuple):
        return "; ".join(flat_value(v) for v in value)
    if isinstance(value, Mapping):
        return "; ".join(f"{k}: {flat_value(v)}" for k, v in value.items())
    return str(value)


def markdown_table(rows: Sequence[Mapping[str, Any]], columns: Sequence[str] | None = None) -> str:
    """A GitHub-flavoured Markdown table; every cell is made inert with :func:`markdown_text`.

    >>> print(markdown_table([{"a": 1, "b": "x|y <b>"}]))
    | a | b |
    |---|---|
    | 1 | x\\|y &lt;b&gt; |
    """
    if not rows:
        return "_(none)_"
    columns = list(columns or rows[0].keys())
    lines = [
        "| " + " | ".join(markdown_text(c) for c in columns) + " |",
        "|" + "|".join("---" for _ in columns) + "|",
    ]
    for row in rows:
        cells = [markdown_text(flat_value(row.get(c))) for c in columns]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def render_records(
    records: Sequence[Mapping[str, Any]], fmt: str, *, columns: Sequence[str] | None = None
) -> str:
    """Records as ``json`` (a list), ``jsonl``, ``csv`` (nested values flattened) or ``md``."""
    if fmt == "json":
        return json_text(list(records), indent=2) + "\n"
    if fmt == "jsonl":
        return "".join(json_line(r) for r in records)
    if fmt == "csv":
        out = io.StringIO()
        names = list(columns or (records[0].keys() if records else []))
        write_csv(out, names, ({k: flat_value(r.get(k)) for k in names} for r in records))
        return out.getvalue()
    if fmt == "md":
        return markdown_table(records, columns) + "\n"
    raise ValueError(f"format: expected json, jsonl, csv or md, got {fmt!r}")
