"""Claims from rows of text cells, fast: each distinct cell is read once.

A claim table repeats the same few sources, places, properties, values, dates and
stances over millions of rows. :class:`RowReader` reads each distinct cell (or
group of cells that are read together, such as the dates and the precision) once
with the same functions :meth:`Claim.from_record` uses, keeps the result, and
builds each claim from the kept results. A row whose cells it cannot read that way
goes to :meth:`Claim.from_record` itself, so errors name the same field with the
same words, and a claim it builds equals the one :meth:`Claim.from_record` would
(tests compare both on synthetic tables of several seeds).
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from .._errors import InvalidClaimError
from ..model import Claim, SourceKind, Stance
from ..model._claim import (
    _bool_field,
    _enum_field,
    _int_field,
    _number_field,
    _property_and_value,
    _time_fields,
)

__all__ = ["RowReader"]

# The slots of a claim are set directly once its fields are read and checked: the
# initializer's type checks hold by construction, and skipping them halves the time.
_new_claim = object.__new__


def _setter(field: str) -> Callable[[Claim, Any], None]:
    setter: Callable[[Claim, Any], None] = vars(Claim)[field].__set__
    return setter


_set_source = _setter("source")
_set_subject = _setter("subject")
_set_property = _setter("property")
_set_value = _setter("value")
_set_low = _setter("low")
_set_high = _setter("high")
_set_start = _setter("start")
_set_end = _setter("end")
_set_precision = _setter("precision")
_set_stance = _setter("stance")
_set_partial = _setter("partial")
_set_share = _setter("share")
_set_alignment = _setter("alignment")
_set_source_kind = _setter("source_kind")
_set_doc = _setter("doc")
_set_sentence = _setter("sentence")
_set_text = _setter("text")
_set_url = _setter("url")
_set_id = _setter("id")


def _stripped(text: str | None) -> str | None:
    return None if text is None else text.strip() or None


class RowReader:
    """Read rows of string cells (a CSV reader's rows) into claims.

    Parameters
    ----------
    columns : mapping of str to int
        Claim field (or ``date``) -> index of its cell in a row.

    Examples
    --------
    >>> reader = RowReader({"source": 0, "subject": 1, "property": 2, "value": 3, "date": 4})
    >>> claim = reader.claim(["SANA", "Tal Alam", "control", "regime", "2014-01-16"], "t:2")
    >>> claim == Claim.from_record({"source": "SANA", "subject": "Tal Alam",
    ...     "property": "control", "value": "regime", "date": "2014-01-16"}, default_id="t:2")
    True
    """

    __slots__ = (
        "_columns",
        "_get_misc",
        "_get_names",
        "_get_provenance",
        "_get_time",
        "_get_value",
        "_misc",
        "_names",
        "_time",
        "_value",
    )

    def __init__(self, columns: Mapping[str, int]) -> None:
        self._columns = dict(columns)

        # a field the table does not have reads the None appended to every row
        def cells(*fields: str) -> Callable[[Sequence[str | None]], tuple[str | None, ...]]:
            picked = [self._columns.get(field, -1) for field in fields]
            getter = operator.itemgetter(*picked)
            return getter

        self._get_value = cells("property", "value", "low", "high")
        self._get_time = cells("date", "start", "end", "precision")
        self._get_misc = cells("stance", "sentence", "partial", "share", "source_kind")
        self._get_names = cells("source", "subject", "alignment")
        self._get_provenance = cells("doc", "text", "url", "id")
        self._value: dict[tuple[str | None, ...], Any] = {}
        self._time: dict[tuple[str | None, ...], Any] = {}
        self._misc: dict[tuple[str | None, ...], Any] = {}
        self._names: dict[tuple[str | None, ...], Any] = {}

    def claim(self, row: list[str] | list[str | None], default_id: str) -> Claim:
        """The claim of one row; :meth:`Claim.from_record`'s error when it has one.

        ``row`` is borrowed: a cell is added at its end while it is read, then removed.

        Raises
        ------
        InvalidClaimError
            Naming the first field that cannot be read.
        """
        cells: list[str | None] = row  # type: ignore[assignment]  # read, then restored
        cells.append(None)  # what a field the table does not have reads
        try:
            claim = self._fast(cells, default_id)
        except InvalidClaimError:
            claim = None
        finally:
            cells.pop()
        if claim is None:
            return Claim.from_record(self.record(row), default_id=default_id)
        return claim

    def record(self, row: Sequence[str | None]) -> dict[str, str | None]:
        """The row as a record of fields, as :meth:`Claim.from_record` takes it."""
        return {field: row[index] for field, index in self._columns.items()}

    def _fast(self, cells: list[str | None], default_id: str) -> Claim | None:
        key = self._get_value(cells)
        read = self._value.get(key)
        if read is None:
            read = self._value[key] = _read_value(*key)
        prop, value, low, high = read
        key = self._get_time(cells)
        when = self._time.get(key)
        if when is None:
            when = self._time[key] = _time_fields(dict(zip(_TIME_FIELDS, key, strict=True)))
        key = self._get_misc(cells)
        misc = self._misc.get(key)
        if misc is None:
            misc = self._misc[key] = _read_misc(*key)
        key = self._get_names(cells)
        names = self._names.get(key)
        if names is None:
            names = self._names[key] = tuple(_stripped(text) for text in key)
        source, subject, alignment = names
        if source is None or subject is None or prop is None:
            return None  # the initializer's message for a missing field
        doc, text, url, ident = self._get_provenance(cells)
        claim: Claim = _new_claim(Claim)
        _set_source(claim, source)
        _set_subject(claim, subject)
        _set_property(claim, prop)
        _set_value(claim, value)
        _set_low(claim, low)
        _set_high(claim, high)
        _set_start(claim, when[0])
        _set_end(claim, when[1])
        _set_precision(claim, when[2])
        _set_stance(claim, misc[0])
        _set_sentence(claim, misc[1])
        _set_partial(claim, misc[2])
        _set_share(claim, misc[3])
        _set_source_kind(claim, misc[4])
        _set_alignment(claim, alignment)
        _set_doc(claim, _stripped(doc))
        _set_text(claim, _stripped(text))
        _set_url(claim, _stripped(url))
        _set_id(claim, _stripped(ident) or default_id)
        return claim


_TIME_FIELDS = ("date", "start", "end", "precision")


def _read_value(
    prop_text: str | None, value_text: str | None, low_text: str | None, high_text: str | None
) -> tuple[str | None, str | None, float | None, float | None]:
    low = _number_field(low_text, "low")
    high = _number_field(high_text, "high")
    prop, value, bounds = _property_and_value(_stripped(prop_text), _stripped(value_text))
    if bounds is not None and low is None and high is None:
        low, high = bounds
    # the claim's own checks of these fields, once for each distinct group of cells
    # (from_record then gives the message)
    if value is None and low is None and high is None:
        raise InvalidClaimError("value", "a value or a low/high bound", None)
    if low is not None and high is not None and low > high:
        raise InvalidClaimError("high", f"a number >= low ({low})", high)
    return prop, value, low, high


def _read_misc(
    stance_text: str | None,
    sentence_text: str | None,
    partial_text: str | None,
    share_text: str | None,
    kind_text: str | None,
) -> tuple[Stance, int | None, bool, float | None, SourceKind]:
    stance = _enum_field(stance_text, Stance, "stance", Stance.ASSERTS)
    sentence = _int_field(sentence_text, "sentence")
    partial, share = _share(partial_text, share_text)
    kind = _enum_field(kind_text, SourceKind, "source_kind", SourceKind.SOURCE)
    if share is not None and not 0 < share <= 1:
        raise InvalidClaimError("share", "a fraction in (0, 1]", share)
    return stance, sentence, partial, share, kind


def _share(partial_text: str | None, share_text: str | None) -> tuple[bool, float | None]:
    share = _number_field(share_text, "share")
    if share is not None and share > 1:
        share = share / 100.0  # "60" in a table means 60 %
    return _bool_field(partial_text, "partial") or share is not None, share
