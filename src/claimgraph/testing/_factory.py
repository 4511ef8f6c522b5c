"""Concise construction of claims for tests, examples and notebooks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from .._errors import InputError, InvalidClaimError
from ..model import CONTROL, Claim

if TYPE_CHECKING:
    from ..graph import ClaimGraph

__all__ = ["DEFAULT_COLUMNS", "claims_table", "graph_of", "make_claim"]

#: What the cells of a :func:`claims_table` tuple mean, in order, by default.
DEFAULT_COLUMNS: tuple[str, ...] = ("source", "subject", "value", "on", "stance")

_DateLike = dt.date | str | None


def make_claim(
    source: str,
    subject: str,
    value: str | float | None = None,
    *,
    on: _DateLike = None,
    start: _DateLike = None,
    end: _DateLike = None,
    property: str = CONTROL,
    low: float | str | None = None,
    high: float | str | None = None,
    stance: str = "asserts",
    precision: str | None = None,
    alignment: str | None = None,
    partial: bool = False,
    share: float | None = None,
    doc: str | None = None,
    sentence: int | None = None,
    text: str | None = None,
    id: str | None = None,
) -> Claim:
    """Build one claim with everything but source, subject and value defaulted.

    Fields are read as :meth:`claimgraph.Claim.from_record` reads a table row:
    dates may be ISO strings, control values may be aliases (``"army"``,
    ``"rebels"``, ``"ISIL"``, ``"unclear"``), numbers may be given as ``value``
    (``517`` or ``"1,000"``) or as ``low``/``high`` bounds.

    Parameters
    ----------
    source, subject : str
        Who says it, and about which place or item.
    value : str, float or None
        The stated value; ``None`` when only ``low``/``high`` are given.
    on : date or ISO string, optional
        The one day the claim holds for (``start = end = on``).
    start, end : date or ISO string, optional
        A period instead of ``on``; ``end`` alone is a deadline ("by").
    property : str
        Defaults to ``"control"``.
    stance : str
        ``"asserts"`` (default), ``"denies"`` or ``"uncertain"``.
    id : str, optional
        Defaults to an id derived from the content, so equal calls give equal claims.
    low, high, precision, alignment, partial, share, doc, sentence, text
        As in :class:`claimgraph.Claim`.

    Raises
    ------
    InvalidClaimError
        Naming the field that cannot be read.

    Examples
    --------
    >>> c = make_claim("SANA", "Tal Alam", "army", on="2014-01-25")
    >>> c.value, c.start.isoformat(), c.stance.value
    ('government', '2014-01-25', 'asserts')
    >>> make_claim("SOHR", "Aleppo", ">1,000", property="killed",
    ...            start="2013-12-15", end="2013-12-28").bounds_text()
    '>= 1001'
    >>> make_claim("SOHR", "Aleppo", 517, property="killed").low
    517.0
    >>> make_claim("A", "X", "rebels", on="2014-01-25", start="2014-01-20")
    Traceback (most recent call last):
    ...
    claimgraph._errors.InvalidClaimError: on: expected either on or start/end, not both, ...
    """
    if on is not None and (start is not None or end is not None):
        raise InvalidClaimError("on", "either on or start/end, not both", _show(on))
    record: dict[str, Any] = {
        "source": source,
        "subject": subject,
        "property": property,
        "value": value,
        "low": low,
        "high": high,
        "start": on if on is not None else start,
        "end": on if on is not None else end,
        "precision": precision,
        "stance": stance,
        "alignment": alignment,
        "partial": partial,
        "share": share,
        "doc": doc,
        "sentence": sentence,
        "text": text,
        "id": id,
    }
    return Claim.from_record(record)


def _show(value: object) -> object:
    return value.isoformat() if isinstance(value, dt.date) else value


def claims_table(
    rows: Iterable[Sequence[Any] | Mapping[str, Any]],
    *,
    columns: Sequence[str] = DEFAULT_COLUMNS,
    id_prefix: str = "c",
    **defaults: Any,
) -> list[Claim]:
    """Claims from compact rows: tuples read by ``columns``, or mappings of keywords.

    Each row becomes one :func:`make_claim` call. A tuple fills the leading
    entries of ``columns`` (by default source, subject, value, on, stance) and
    may stop early; a mapping gives keyword arguments by name. ``defaults``
    apply to every row unless the row sets the field itself. Rows without an
    ``id`` are numbered ``c1``, ``c2`` ... (after ``id_prefix``), so identical
    rows stay distinct claims.

    Raises
    ------
    InputError
        Naming the row (as ``line``, counting from 1) and the field at fault.

    Examples
    --------
    >>> claims = claims_table([
    ...     ("SANA", "Tal Alam", "army", "2014-01-16"),
    ...     ("SOHR", "Tal Alam", "rebels", "2014-01-16"),
    ...     ("SANA", "Tal Alam", "rebels", "2014-01-17", "denies"),
    ...     {"source": "SOHR", "subject": "Aleppo", "property": "killed", "value": 517},
    ... ])
    >>> for c in claims:
    ...     print(c.id, c.source, c.value, c.stance.value)
    c1 SANA government asserts
    c2 SOHR opposition asserts
    c3 SANA opposition denies
    c4 SOHR 517 asserts
    >>> [c.source for c in claims_table([("A", "Bab", "2014-02-01", "isis")],
    ...                                 columns=("source", "subject", "on", "value"))]
    ['A']
    >>> claims_table([("A", "Bab", "martians")])
    Traceback (most recent call last):
    ...
    claimgraph._errors.InputError: <claims_table>:1: field 'value': ... got 'martians'
    """
    claims: list[Claim] = []
    for number, row in enumerate(rows, start=1):
        if isinstance(row, Mapping):
            fields = dict(row)
        else:
            if len(row) > len(columns):
                raise InputError(
                    f"{len(row)} cells where the columns {tuple(columns)} give {len(columns)}",
                    path="<claims_table>",
                    line=number,
                )
            fields = dict(zip(columns, row, strict=False))
        kwargs = {**defaults, **fields}
        kwargs.setdefault("id", f"{id_prefix}{number}")
        if "date" in kwargs:  # the table column name, accepted as a synonym of ``on``
            kwargs["on"] = kwargs.pop("date")
        try:
            claims.append(make_claim(**kwargs))
        except InvalidClaimError as exc:
            raise InputError(
                f"expected {exc.expected}, got {exc.got!r}",
                path="<claims_table>",
                line=number,
                field=exc.field,
            ) from exc
        except TypeError as exc:
            raise InputError(str(exc), path="<claims_table>", line=number) from exc
    return claims


def graph_of(*claims: Claim, **options: Any) -> ClaimGraph:
    """The claim graph of ``claims`` with place names taken as written.

    Hand-made cases name each place one way, so resolving spellings would only
    slow them down; ``options`` go to :meth:`ClaimGraph.build`.

    Examples
    --------
    >>> cg = graph_of(
    ...     make_claim("SANA", "Hilan", "army", on="2014-05-21"),
    ...     make_claim("SOHR", "Hilan", "rebels", on="2014-05-21"),
    ... )
    >>> len(cg.claims)
    2
    """
    from ..graph import ClaimGraph

    return ClaimGraph.build(list(claims), resolve_places=False, **options)
