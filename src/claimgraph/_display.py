"""Notebook display of results: short text reprs, escaped HTML summaries, DataFrames.

Every result object that a notebook may show (claim graphs, disputes, timelines,
agreement, truth results) says what it holds in a few lines, never all of it: a
graph of a million claims must not print a million claims. Names come from the
input, so the HTML escapes every one of them.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, cast

from ._errors import import_optional

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["TOP_HTML", "TOP_TEXT", "dataframe", "html_summary", "shorten", "text_summary"]

#: Rows of top items in a text repr and in an HTML summary.
TOP_TEXT = 3
TOP_HTML = 10

#: Longest name shown in a repr; longer ones are cut with an ellipsis.
NAME_LIMIT = 60


def shorten(value: object, limit: int = NAME_LIMIT) -> str:
    """``value`` as text of at most ``limit`` characters, on one line."""
    text = " ".join(str(value).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _facts(facts: Sequence[tuple[str, object]]) -> str:
    return ", ".join(f"{value} {label}" if label else str(value) for label, value in facts)


def text_summary(
    kind: str,
    facts: Sequence[tuple[str, object]],
    top: Sequence[str] = (),
    *,
    more: int = 0,
) -> str:
    """A short repr: ``<kind: facts>`` and one indented line per top item."""
    lines = [f"<{kind}: {_facts(facts)}>"]
    lines.extend(f"  {shorten(line, 2 * NAME_LIMIT)}" for line in top)
    if more > 0:
        lines.append(f"  … {more} more")
    return "\n".join(lines)


def html_summary(
    kind: str,
    facts: Sequence[tuple[str, object]],
    headers: Sequence[str] = (),
    rows: Iterable[Sequence[object]] = (),
    *,
    more: int = 0,
    caption: str = "",
) -> str:
    """An HTML block for a notebook: a title line, and a table of the top items.

    Every string is escaped, headers and cells included: they hold names read
    from the input.
    """
    esc = html.escape
    parts = [
        '<div class="claimgraph-summary">',
        f"<p><strong>{esc(kind)}</strong>: {esc(_facts(facts))}</p>",
    ]
    body = [
        "<tr>" + "".join(f"<td>{esc(_cell(value))}</td>" for value in row) + "</tr>" for row in rows
    ]
    if headers and body:
        head = "".join(f"<th>{esc(h)}</th>" for h in headers)
        title = f"<caption>{esc(caption)}</caption>" if caption else ""
        parts.append(f"<table>{title}<thead><tr>{head}</tr></thead><tbody>")
        parts.extend(body)
        parts.append("</tbody></table>")
    if more > 0:
        parts.append(f"<p>… and {more} more (see <code>to_dataframe()</code>)</p>")
    parts.append("</div>")
    return "\n".join(parts)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.3g}"
    if isinstance(value, dt.date):
        return value.isoformat()
    return shorten(value)


def dataframe(
    records: Sequence[dict[str, Any]], columns: Sequence[str], dates: Sequence[str] = ()
) -> pd.DataFrame:
    """A DataFrame of ``records`` with ``columns`` in order; ``dates`` (columns of
    ``datetime.date`` or ``None``) become ``datetime64`` columns, ``NaT`` where missing.

    The dates go through NumPy days, so every year of the calendar (1-9999)
    fits: pandas keeps them at second resolution.
    """
    import numpy as np

    pandas: Any = import_optional("pandas", "pandas", "DataFrame conversion")
    frame = pandas.DataFrame.from_records(list(records), columns=list(columns))
    for column in dates:
        days = np.array([r[column] for r in records], dtype="datetime64[D]")
        frame[column] = pandas.Series(days, index=frame.index, dtype="datetime64[s]")
    return cast("pd.DataFrame", frame)
