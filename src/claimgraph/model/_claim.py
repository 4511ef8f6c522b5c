"""The claim: one statement attributed to one source."""

from __future__ import annotations

import builtins
import datetime as dt
import enum
import functools
import hashlib
import math
import re
from collections.abc import Mapping
from typing import Any

import attrs

from .._errors import InvalidClaimError
from ._sides import SIDES, canonical_side, declared_sides, fold
from ._source import SourceKind

__all__ = [
    "CONTROL",
    "Claim",
    "Precision",
    "Stance",
    "parse_bounds",
    "parse_date",
    "parse_number",
]

#: The property whose values are sides holding a place.
CONTROL = "control"

#: Longest number, in characters, read from a table cell (the largest float has 309
#: digits): far more than any count, far less than what makes conversion slow.
_MAX_NUMBER_CHARS = 400

#: A number in scientific notation: digits, an optional fraction, an exponent.
_SCIENTIFIC = re.compile(r"[0-9]+(?:\.[0-9]+)?[eE][+-]?[0-9]{1,3}")

#: ASCII digits: other Unicode digits (Arabic-Indic, superscripts, full width)
#: are refused rather than guessed at.
_DIGITS = frozenset("0123456789")


class Stance(enum.StrEnum):
    """How the source relates to the value it states."""

    ASSERTS = "asserts"
    """The source says the value holds."""
    DENIES = "denies"
    """The source says the value does not hold (often denying another's claim)."""
    UNCERTAIN = "uncertain"
    """The source reports the value without committing to it, or says it is unclear."""


class Precision(enum.StrEnum):
    """How precisely the claim's time is known (after ACLED's and UCDP's date precision)."""

    DAY = "day"
    """``start == end``: one known day."""
    RANGE = "range"
    """Somewhere in or throughout ``start``..``end`` (a few days, a week, part of a month)."""
    MONTH = "month"
    """A calendar month: ``start`` is its first day, ``end`` its last."""
    YEAR = "year"
    """A calendar year."""
    BY = "by"
    """A deadline: true by ``end`` ("by 11 January"); ``start`` is unknown or a lower bound."""
    UNKNOWN = "unknown"
    """No time given: the claim is compared with claims of any time."""


def _to_enum(kind: type[enum.StrEnum], field: str, value: object) -> Any:
    try:
        return kind(str(value.value) if isinstance(value, enum.Enum) else str(value))
    except ValueError:
        allowed = ", ".join(member.value for member in kind)
        raise InvalidClaimError(field, f"one of {allowed}", value) from None


def _to_precision(value: object) -> Precision:
    if type(value) is Precision:
        return value
    result: Precision = _to_enum(Precision, "precision", value)
    return result


def _to_stance(value: object) -> Stance:
    if type(value) is Stance:
        return value
    result: Stance = _to_enum(Stance, "stance", value)
    return result


def _to_source_kind(value: object) -> SourceKind:
    if type(value) is SourceKind:
        return value
    result: SourceKind = _to_enum(SourceKind, "source_kind", value)
    return result


def _optional_str(field: str) -> Any:
    def check(_inst: object, _attr: attrs.Attribute[Any], value: object) -> None:
        if value is not None and not isinstance(value, str):
            raise InvalidClaimError(field, "a string or None", value)

    return check


def _required_str(_inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise InvalidClaimError(attr.name, "a non-empty string", value)


def _optional_number(_inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InvalidClaimError(attr.name, "a number or None", value)
    try:
        finite = math.isfinite(value)
    except OverflowError:  # an int beyond any float
        finite = False
    if not finite:
        raise InvalidClaimError(attr.name, "a finite number or None", value)


def _optional_date(_inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise InvalidClaimError(attr.name, "a datetime.date or None", value)


def _check_whole(claim: Claim) -> None:
    if claim.value is None and claim.low is None and claim.high is None:
        raise InvalidClaimError("value", "a value or a low/high bound", None)
    if claim.low is not None and claim.high is not None and claim.low > claim.high:
        raise InvalidClaimError("high", f"a number >= low ({claim.low})", claim.high)
    if claim.start is not None and claim.end is not None and claim.start > claim.end:
        raise InvalidClaimError("end", f"a date on or after start ({claim.start})", claim.end)
    if claim.share is not None and not 0 < claim.share <= 1:
        raise InvalidClaimError("share", "a fraction in (0, 1]", claim.share)
    if claim.sentence is not None and (
        isinstance(claim.sentence, bool) or not isinstance(claim.sentence, int)
    ):
        raise InvalidClaimError("sentence", "an integer or None", claim.sentence)


@attrs.frozen(slots=True, eq=True, order=False, repr=False)
class Claim:
    """One statement by one source about one property of one subject.

    The initializer only checks types; use :meth:`Claim.from_record` to build a
    claim from loosely typed data (strings from a CSV row, aliases of sides,
    a single ``date``).

    Parameters
    ----------
    source : str
        Who makes the claim (an outlet, an official, "unnamed reports").
    subject : str
        What the claim is about: a place as spelled in the source, or any item.
    property : str
        Which property: ``"control"``, ``"killed"``, ``"wounded"``, or any string.
    value : str or None
        The stated value: for ``control`` a canonical side. ``None`` when only
        numeric bounds are given.
    low, high : float or None
        Numeric bounds: ``517`` is ``low=high=517``, "more than 1,000" is
        ``low=1001, high=None``.
    start, end : datetime.date or None
        The time the claim holds for; see ``precision``.
    precision : Precision
        How precisely that time is known.
    stance : Stance
        Whether the source asserts, denies or is uncertain about the value.
    partial : bool
        The claim covers only part of the subject ("most of the district").
    share : float or None
        The stated share of the subject, when ``partial`` ("60%" is ``0.6``).
    alignment : str or None
        The alignment of the source as the record states it (``government``,
        ``opposition``, ``independent`` ...).
    source_kind : SourceKind
        ``source`` (default) for a source the record names; ``document`` when
        the claim is the document's own statement, with no attribution
        (``source`` then names the document: its file, or the outlet a source
        registry maps it to).
    doc, sentence, text : provenance
        Document, sentence number in it, and the sentence itself.
    url : str or None
        Where the document can be read (the HTML report links it when it is
        an ``http``/``https`` address).
    id : str
        A stable identifier; :meth:`from_record` derives one when none is given.

    Examples
    --------
    >>> import datetime as dt
    >>> c = Claim.from_record({"source": "SANA", "subject": "Tal Alam",
    ...     "property": "control", "value": "regime", "date": "2014-01-16"})
    >>> c.value, c.start, c.precision
    ('government', datetime.date(2014, 1, 16), <Precision.DAY: 'day'>)
    """

    source: str = attrs.field(validator=_required_str)
    subject: str = attrs.field(validator=_required_str)
    property: str = attrs.field(validator=_required_str)
    value: str | None = attrs.field(default=None, validator=_optional_str("value"))
    low: float | None = attrs.field(default=None, validator=_optional_number)
    high: float | None = attrs.field(default=None, validator=_optional_number)
    start: dt.date | None = attrs.field(default=None, validator=_optional_date)
    end: dt.date | None = attrs.field(default=None, validator=_optional_date)
    precision: Precision = attrs.field(default=Precision.UNKNOWN, converter=_to_precision)
    stance: Stance = attrs.field(default=Stance.ASSERTS, converter=_to_stance)
    partial: bool = False
    share: float | None = attrs.field(default=None, validator=_optional_number)
    alignment: str | None = attrs.field(default=None, validator=_optional_str("alignment"))
    source_kind: SourceKind = attrs.field(default=SourceKind.SOURCE, converter=_to_source_kind)
    doc: str | None = attrs.field(default=None, validator=_optional_str("doc"))
    sentence: int | None = None
    text: str | None = attrs.field(default=None, validator=_optional_str("text"))
    url: str | None = attrs.field(default=None, validator=_optional_str("url"))
    id: str = ""

    def __attrs_post_init__(self) -> None:
        _check_whole(self)

    def __repr__(self) -> str:
        shown = self.value if self.value is not None else self.bounds_text()
        when = self.time_text()
        return (
            f"Claim({self.source!r} {self.stance.value} {self.property}"
            f"({self.subject!r}) = {shown!r}{' @ ' + when if when else ''})"
        )

    # -- derived views ---------------------------------------------------------

    # The field named ``property`` shadows the builtin inside the class body.
    @builtins.property
    def is_numeric(self) -> bool:
        """Whether the claim states a number or numeric bounds."""
        return self.low is not None or self.high is not None

    def bounds_text(self) -> str:
        """Human-readable numeric bounds: ``'517'``, ``'>= 1001'``, ``'93-100'``."""
        low, high = self.low, self.high
        if low is None and high is None:
            return ""
        if low == high:
            return _num(low)
        if high is None:
            return f">= {_num(low)}"
        if low is None:
            return f"<= {_num(high)}"
        return f"{_num(low)}-{_num(high)}"

    def time_text(self) -> str:
        """Human-readable time.

        Examples: ``'2014-01-16'``, ``'2013-12-15..2013-12-28'``, ``'by 2014-01-11'``.
        """
        if self.precision is Precision.BY and self.end is not None:
            return f"by {self.end.isoformat()}"
        if self.start is None and self.end is None:
            return ""
        if self.start == self.end or self.end is None:
            return self.start.isoformat() if self.start else ""
        if self.start is None:
            return f"by {self.end.isoformat()}"
        return f"{self.start.isoformat()}..{self.end.isoformat()}"

    @builtins.property
    def is_document(self) -> bool:
        """Whether the claim is the document's own statement (no attribution)."""
        return self.source_kind is SourceKind.DOCUMENT

    @builtins.property
    def source_label(self) -> str:
        """The source as shown to people: its name, marked ``(document)`` when the
        claim is the document's own statement."""
        return f"{self.source} (document)" if self.is_document else self.source

    @builtins.property
    def display_value(self) -> str:
        """The value as shown to people: the value, else the numeric bounds."""
        return self.value if self.value is not None else self.bounds_text()

    # -- conversion --------------------------------------------------------------

    @classmethod
    def from_record(
        cls,
        record: Mapping[str, Any],
        *,
        default_id: str | None = None,
    ) -> Claim:
        """Build a claim from a mapping of loosely typed fields.

        Accepts strings for every field (as read from CSV), a single ``date``
        instead of ``start``/``end``, aliases of sides for ``control`` values
        (``regime``, ``rebels``, ``ISIL``, ``YPG``, ``unclear`` ...), and numbers
        given as ``value`` ("1,000" or ``517``), which become ``low``/``high``.

        Raises
        ------
        InvalidClaimError
            Naming the first field that cannot be read.

        Examples
        --------
        >>> c = Claim.from_record({"source": "SOHR", "subject": "Aleppo",
        ...     "property": "killed", "value": "517", "start": "2013-12-15",
        ...     "end": "2013-12-28"})
        >>> c.low, c.high, c.precision.value
        (517.0, 517.0, 'range')
        >>> Claim.from_record({"source": "x", "subject": "y", "property": "control",
        ...     "value": "martians"})
        Traceback (most recent call last):
        ...
        claimgraph._errors.InvalidClaimError: value: expected a side (government, ...
        ... got 'martians'
        """
        get = record.get
        low = _number_field(get("low"), "low")
        high = _number_field(get("high"), "high")
        raw_value = get("value")
        numeric = isinstance(raw_value, int | float) and not isinstance(raw_value, bool)
        if numeric and fold(_text(get("property"), "property") or "") != CONTROL:
            prop = _text(get("property"), "property")
            number = _number_field(raw_value, "value")
            value: str | None = _num(number)
            if low is None and high is None:
                low = high = number
        else:
            prop, value, bounds = _property_and_value(
                _text(get("property"), "property"), _text(raw_value, "value")
            )
            if bounds is not None and low is None and high is None:
                low, high = bounds

        start, end, precision = _time_fields(record)
        stance = _enum_field(get("stance"), Stance, "stance", Stance.ASSERTS)
        sentence = _int_field(get("sentence"), "sentence")
        share = _number_field(get("share"), "share")
        if share is not None and share > 1:
            share = share / 100.0  # "60" in a table means 60 %
        partial = _bool_field(get("partial"), "partial") or share is not None
        fields = {
            "source": _text(get("source"), "source"),
            "subject": _text(get("subject"), "subject"),
            "property": prop,
            "value": value,
            "low": low,
            "high": high,
            "start": start,
            "end": end,
            "precision": precision,
            "stance": stance,
            "partial": partial,
            "share": share,
            "alignment": _text(get("alignment"), "alignment"),
            "source_kind": _enum_field(
                get("source_kind"), SourceKind, "source_kind", SourceKind.SOURCE
            ),
            "doc": _text(get("doc"), "doc"),
            "sentence": sentence,
            "text": _text(get("text"), "text"),
        }
        url = _text(get("url"), "url")
        # the link is no part of what is claimed; it names the claim only when given,
        # so ids of claims without one stay as they were
        ident = (
            _text(get("id"), "id")
            or default_id
            or _content_id(fields if url is None else {**fields, "url": url})
        )
        return cls(id=ident, url=url, **fields)

    def to_record(self) -> dict[str, Any]:
        """Return a JSON-ready dict; :meth:`from_record` reads it back unchanged.

        Empty fields are left out.
        """
        out: dict[str, Any] = {
            "id": self.id,
            "source": self.source,
            "subject": self.subject,
            "property": self.property,
        }
        if self.value is not None:
            out["value"] = self.value
        if self.low is not None:
            out["low"] = _json_number(self.low)
        if self.high is not None:
            out["high"] = _json_number(self.high)
        if self.start is not None:
            out["start"] = self.start.isoformat()
        if self.end is not None:
            out["end"] = self.end.isoformat()
        out["precision"] = self.precision.value
        out["stance"] = self.stance.value
        if self.partial:
            out["partial"] = True
        if self.share is not None:
            out["share"] = self.share
        if self.alignment is not None:
            out["alignment"] = self.alignment
        if self.is_document:
            out["source_kind"] = self.source_kind.value
        for name in ("doc", "sentence", "text", "url"):
            field_value = getattr(self, name)
            if field_value is not None:
                out[name] = field_value
        return out


#: Field names of :class:`Claim`, in order, as used in tables.
RECORD_FIELDS: tuple[str, ...] = (
    "id",
    "source",
    "subject",
    "property",
    "value",
    "low",
    "high",
    "start",
    "end",
    "precision",
    "stance",
    "partial",
    "share",
    "alignment",
    "source_kind",
    "doc",
    "sentence",
    "text",
    "url",
)


def _num(x: float | None) -> str:
    if x is None:
        return ""
    return str(int(x)) if float(x).is_integer() else repr(float(x))


def _json_number(x: float) -> int | float:
    return int(x) if x.is_integer() else x


@functools.lru_cache(maxsize=1 << 16)
def _property_and_value(
    prop: str | None, value: str | None
) -> tuple[str | None, str | None, tuple[float | None, float | None] | None]:
    """Canonical property and value, and numeric bounds read from the value (cached:
    tables repeat the same few properties and values)."""
    if prop is not None and fold(prop) == CONTROL:
        if value is None:
            return CONTROL, None, None
        side = canonical_side(value)
        if side is None:
            sides = ", ".join((*SIDES, *declared_sides()))
            raise InvalidClaimError("value", f"a side ({sides}) or an alias of one", value)
        return CONTROL, side, None
    return prop, value, None if value is None else parse_bounds(value)


def _text(value: object, field: str = "field") -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _num(_number_field(value, field))
    raise InvalidClaimError(field, "a string", _short(value))


def parse_number(text: str) -> float | None:
    """Parse a plain number with optional thousands separators, else ``None``.

    Both ``1,000`` and ``1.000`` (Spanish thousands) read as one thousand; a
    single separator followed by other than three digits is a decimal point,
    and so is one after a lone ``0`` (``0.015`` is a fraction: no number is
    written with a thousands group after a leading zero). Only ASCII digits
    count, and numbers longer than 400 characters are not read.

    >>> parse_number("1,000"), parse_number("1.000"), parse_number("2.5"), parse_number("x")
    (1000.0, 1000.0, 2.5, None)
    >>> parse_number("0.015"), parse_number("0,250"), parse_number("²"), parse_number("1e-05")
    (0.015, 0.25, None, 1e-05)
    """
    number = _plain_number(text)
    # 400 digits or 1e999 parse, but only as infinity, which no count is.
    return number if number is None or math.isfinite(number) else None


def _plain_number(text: str) -> float | None:
    s = text.strip().replace("\u00a0", "").replace(" ", "")
    if not s or len(s) > _MAX_NUMBER_CHARS:
        return None
    sign = 1.0
    if s[0] in "+-":
        sign = -1.0 if s[0] == "-" else 1.0
        s = s[1:]
    if _SCIENTIFIC.fullmatch(s):  # 1e-05, as Python and spreadsheets write small numbers
        return sign * float(s)
    if not s or not all(ch in _DIGITS or ch in ".," for ch in s) or s[0] not in _DIGITS:
        return None
    groups = s.replace(",", ".").split(".")
    if (
        len(groups) > 1
        and all(len(g) == 3 for g in groups[1:])
        and len(groups[0]) <= 3
        and groups[0] != "0"
    ):
        return sign * float("".join(groups))
    if len(groups) == 2 and groups[1]:
        return sign * float(f"{groups[0]}.{groups[1]}")
    if len(groups) == 1:
        return sign * float(groups[0])
    return None


def parse_bounds(text: str) -> tuple[float | None, float | None] | None:
    """Read a number or numeric bounds written compactly, else ``None``.

    ``>`` and ``<`` are strict for whole numbers (counts): ``>1000`` is at least 1001.

    >>> [parse_bounds(t) for t in ("517", "93-100", ">1000", ">=30", "30+", "<50", "n/a")]
    [(517.0, 517.0), (93.0, 100.0), (1001.0, None), (30.0, None), (30.0, None), (None, 49.0), None]
    """
    s = text.strip().replace("\u2013", "-").replace("\u2265", ">=").replace("\u2264", "<=")
    number = parse_number(s)
    if number is not None:
        return number, number
    for prefix, lower in ((">=", True), ("<=", False), (">", True), ("<", False)):
        if s.startswith(prefix):
            bound = parse_number(s[len(prefix) :])
            if bound is None:
                return None
            if len(prefix) == 1 and bound.is_integer():
                bound = bound + 1 if lower else bound - 1
            return (bound, None) if lower else (None, bound)
    if s.endswith("+"):
        bound = parse_number(s[:-1])
        return None if bound is None else (bound, None)
    low_text, sep, high_text = s.partition("-")
    if sep and low_text and high_text:
        low, high = parse_number(low_text), parse_number(high_text)
        if low is not None and high is not None and low <= high:
            return low, high
    return None


def _number_field(value: object, field: str) -> float | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise InvalidClaimError(field, "a number", value)
    if isinstance(value, int | float):
        try:
            number = float(value)
        except OverflowError:  # an int beyond any float
            raise InvalidClaimError(field, "a finite number", _short(value)) from None
        if not math.isfinite(number):
            raise InvalidClaimError(field, "a finite number", value)
        return number
    if isinstance(value, str):
        parsed = _cached_number(value)
        if parsed is not None:
            return parsed
    raise InvalidClaimError(field, "a number", _short(value))


def _short(value: object) -> object:
    """``value``, or the start of it when it is too long to quote whole in a message."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 256:
        return f"an integer of {len(str(abs(value)))} digits"
    if isinstance(value, str) and len(value) > 200:
        return f"{value[:60]}... ({len(value)} characters)"
    return value


@functools.lru_cache(maxsize=1 << 16)
def _cached_number(text: str) -> float | None:
    return parse_number(text)


def _int_field(value: object, field: str) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() <= 63:
        return value
    if isinstance(value, str):
        digits = value.strip()
        if 0 < len(digits) <= 18 and all(ch in _DIGITS for ch in digits):
            return int(digits)
    raise InvalidClaimError(field, "a whole number", _short(value))


def _bool_field(value: object, field: str) -> bool:
    if value is None or value == "":
        return False
    if isinstance(value, bool):
        return value
    folded = fold(str(value))
    if folded in {"1", "true", "yes", "y", "t"}:
        return True
    if folded in {"0", "false", "no", "n", "f"}:
        return False
    raise InvalidClaimError(field, "true or false", value)


def _enum_field(value: object, kind: Any, field: str, default: Any) -> Any:
    text = _text(value, field)
    if text is None:
        return default
    try:
        return _enum_member(kind, text)
    except ValueError:
        allowed = ", ".join(member.value for member in kind)
        raise InvalidClaimError(field, f"one of {allowed}", value) from None


@functools.lru_cache(maxsize=256)
def _enum_member(kind: Any, text: str) -> Any:
    return kind(fold(text))


def parse_date(value: object, field: str = "date") -> dt.date | None:
    """Read an ISO date (``2014-01-16``), a ``datetime.date`` or nothing.

    >>> parse_date("2014-02-30")
    Traceback (most recent call last):
    ...
    claimgraph._errors.InvalidClaimError: date: expected an ISO date YYYY-MM-DD, got '2014-02-30'
    """
    if value is None:
        return None
    day: dt.date | None = None
    if isinstance(value, dt.datetime):
        day = value.date()
    elif isinstance(value, dt.date):
        day = value
    elif isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        day = _iso_date(text)
    if day is None:
        raise InvalidClaimError(field, "an ISO date YYYY-MM-DD", _short(value))
    return day


@functools.lru_cache(maxsize=1 << 16)
def _iso_date(text: str) -> dt.date | None:
    if not text.isascii():  # fromisoformat takes some non-ASCII digits
        return None
    try:
        return dt.date.fromisoformat(text[:10] if "T" in text else text)
    except ValueError:
        return None


def _time_fields(record: Mapping[str, Any]) -> tuple[dt.date | None, dt.date | None, Precision]:
    get = record.get
    single = parse_date(get("date"), "date")
    start = parse_date(get("start"), "start")
    end = parse_date(get("end"), "end")
    if single is not None:
        if start is not None or end is not None:
            raise InvalidClaimError("date", "either date or start/end, not both", get("date"))
        start = end = single
    stated = _enum_field(get("precision"), Precision, "precision", None)
    if start is not None and end is not None and start > end:
        raise InvalidClaimError("end", f"a date on or after start ({start})", get("end"))
    if stated is not None:
        if stated is Precision.UNKNOWN:
            return None, None, stated
        if stated is Precision.BY and end is None:
            raise InvalidClaimError("end", "a date for precision 'by'", None)
        if stated is not Precision.BY and start is None:
            raise InvalidClaimError("start", f"a date for precision {stated.value!r}", None)
        return start, end if end is not None else start, stated
    if start is None and end is None:
        return None, None, Precision.UNKNOWN
    if start is None:
        return None, end, Precision.BY
    if end is None or end == start:
        return start, start, Precision.DAY
    return start, end, Precision.RANGE


def _content_id(fields: Mapping[str, Any]) -> str:
    # a named source (the default kind) adds nothing, so ids stay what they were
    # before claims had a kind
    values = [v for k, v in fields.items() if not (k == "source_kind" and v is SourceKind.SOURCE)]
    key = "\x1f".join("" if v is None else str(v) for v in values)
    # surrogatepass: a name made in Python may hold a lone surrogate (a file name
    # decoded with surrogateescape); file readers refuse them, graph writers replace them
    return "c" + hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=6).hexdigest()
