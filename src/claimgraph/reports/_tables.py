"""Render lists of records as JSON, CSV or Markdown tables."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from typing import Any

__all__ = ["flat_value", "markdown_table", "render_records"]


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
    """A GitHub-flavoured Markdown table; pipes inside cells are escaped.

    >>> print(markdown_table([{"a": 1, "b": "x|y"}]))
    | a | b |
    |---|---|
    | 1 | x\\|y |
    """
    if not rows:
        return "_(none)_"
    columns = list(columns or rows[0].keys())
    lines = [
        "| " + " | ".join(columns) + " |",
        "|" + "|".join("---" for _ in columns) + "|",
    ]
    for row in rows:
        cells = [flat_value(row.get(c)).replace("|", "\\|").replace("\n", " ") for c in columns]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def render_records(
    records: Sequence[Mapping[str, Any]], fmt: str, *, columns: Sequence[str] | None = None
) -> str:
    """Records as ``json`` (a list), ``jsonl``, ``csv`` (nested values flattened) or ``md``."""
    if fmt == "json":
        return json.dumps(list(records), ensure_ascii=False, indent=2) + "\n"
    if fmt == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    if fmt == "csv":
        out = io.StringIO()
        names = list(columns or (records[0].keys() if records else []))
        writer = csv.DictWriter(out, fieldnames=names, lineterminator="\n", extrasaction="ignore")
        writer.writeheader()
        for record in records:
            writer.writerow({k: flat_value(record.get(k)) for k in names})
        return out.getvalue()
    if fmt == "md":
        return markdown_table(records, columns) + "\n"
    raise ValueError(f"format: expected json, jsonl, csv or md, got {fmt!r}")
