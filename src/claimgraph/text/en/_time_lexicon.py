"""English time data: every time-related :class:`~claimgraph.text.LanguagePack` field.

Patterns match folded text (lower case, no accents). ``TIME_FIELDS`` holds them as
keyword arguments of ``LanguagePack``:

>>> import attrs
>>> import datetime as dt
>>> from claimgraph.text import get_pack
>>> from claimgraph.text._time import TimeResolver
>>> english = attrs.evolve(get_pack("es"), lang="en", **TIME_FIELDS)
>>> time = TimeResolver(english, doc_date=dt.date(2016, 3, 9))
>>> [str(m.span.start) for m in time.mentions("on march 3, and last friday")]
['2016-03-03', '2016-03-04']
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["TIME_FIELDS"]

_MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
}
_MONTH_ABBREVIATIONS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}


def _alternatives(names: Iterable[str]) -> str:
    """Longest first, so that "sept" is tried before "sep"."""
    return "|".join(sorted(names, key=len, reverse=True))


_FULL = _alternatives(_MONTHS)
_ANY = _alternatives([*_MONTHS, *_MONTH_ABBREVIATIONS])
# Full names alone ("in march"); abbreviations only next to a day ("mar. 27").
_M = "(?P<month>" + _FULL + ")"
_MD = "(?P<month>" + _ANY + r")\.?"
_M2 = "(?P<month2>" + _ANY + r")\.?"
_TH = r"(?:st|nd|rd|th)?"
# ", 2017" / " 2017" / " of 2017"; not "2,000" and not a count that follows the date.
_Y = r"(?:,?\s+(?:of\s+)?(?P<year>(?:19|20)\d{2})(?![\d,.]\d))?"
# "3 may" followed by a verb is a count and a modal ("3 may have died"), not a date.
_NOT_MODAL = (
    r"(?<!may)(?<!may\.)|(?=,?\s+(?:19|20)\d{2})|(?!\s+(?:have|be|been|not|also|still|"
    r"well|never|soon|yet|now|need|face|include|rise|reach|take|return|die|remain)\b)"
)
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}
_COUNTS |= {"nine": 9, "ten": 10}


def _count(n: int) -> str:
    """``n`` as a word or in digits: ``(?:two|2)``."""
    return "(?:" + "|".join([w for w, v in _COUNTS.items() if v == n] + [str(n)]) + ")"


_TIME_PATTERNS = (
    (
        "range",
        r"\bbetween\s+" + _MD + r"\s+(?P<day>\d{1,2})" + _TH + r"\s+and\s+(?:" + _M2 + r"\s+)?"
        r"(?P<day2>\d{1,2})" + _TH + r"\b" + _Y,
    ),
    (
        "range",
        r"\bbetween\s+(?:the\s+)?(?P<day>\d{1,2})" + _TH + r"\s+(?:(?:of\s+)?" + _MD + r"\s+)?"
        r"and\s+(?:the\s+)?(?P<day2>\d{1,2})" + _TH + r"\s+(?:of\s+)?" + _M2 + _Y,
    ),
    (
        "range",
        r"\bfrom\s+" + _MD + r"\s+(?P<day>\d{1,2})" + _TH + r"\s+(?:to|until|till|through)\s+"
        r"(?:" + _M2 + r"\s+)?(?P<day2>\d{1,2})" + _TH + r"\b" + _Y,
    ),
    (
        "range",
        r"\bfrom\s+(?:the\s+)?(?P<day>\d{1,2})" + _TH + r"\s+(?:(?:of\s+)?" + _MD + r"\s+)?"
        r"(?:to|until|till|through)\s+(?:the\s+)?(?P<day2>\d{1,2})"
        + _TH
        + r"\s+(?:of\s+)?"
        + _M2
        + _Y,
    ),
    ("range", r"\b" + _MD + r"\s+(?P<day>\d{1,2})\s*[-–]\s*(?P<day2>\d{1,2})\b" + _Y),
    ("range", r"\b(?P<day>\d{1,2})\s*[-–]\s*(?P<day2>\d{1,2})\s+" + _M2 + r"\b" + _Y),
    (
        "part",
        r"\b(?:(?:in|at|towards?)\s+)?the\s+(?P<part>beginning|start|middle|end)\s+of\s+"
        r"(?:the\s+month\s+of\s+)?" + _M + r"\b" + _Y,
    ),
    ("part", r"\b(?:in\s+)?(?P<part>early|mid|late)[\s-]+" + _M + r"\b" + _Y),
    ("date", r"\b" + _MD + r"\s+(?P<day>\d{1,2})" + _TH + r"\b" + _Y),
    (
        "date",
        r"\b(?:the\s+)?(?P<day>\d{1,2})"
        + _TH
        + r"\s+(?:of\s+)?"
        + _MD
        + r"\b(?:"
        + _NOT_MODAL
        + r")"
        + _Y,
    ),
    (
        "month",
        r"\b(?:in|during|throughout)\s+(?:the\s+month\s+of\s+)?" + _M + r"\b" + _Y + r"(?!\s*\d)",
    ),
    ("month", r"(?<=\bby\s)" + _M + r"\b" + _Y + r"(?!\s*\d)"),
    ("month", r"\b" + _M + r"\s+(?:of\s+)?(?P<year>(?:19|20)\d{2})\b"),
    ("year", r"\b(?:in|during|throughout)\s+(?:the\s+year\s+)?(?P<year>(?:19|20)\d{2})\b"),
)

_WD = "(?P<weekday>" + "|".join(_WEEKDAYS) + ")"
_DAYPART = r"(?:\s+(?:morning|afternoon|evening|night))?"
# "Sunday, March 3" is left to the date; "Good Friday", "the Sunday Times" are names;
# "next Sunday", "the following Sunday" are not read against the document date.
_NOT_DATE = r"(?!,?\s*\(?(?:\d|(?:" + _ANY + r")\b))"
_NOT_NAME = r"(?!\s+(?:times|telegraph|express|mirror|herald|post|mail|prayers?|service|school))"
_NOT_AFTER = r"(?<!next\s)(?<!this\s)(?<!good\s)(?<!palm\s)(?<!easter\s)(?<!bloody\s)"
_NOT_AFTER += r"(?<!following\s)(?<!previous\s)(?<!that\s)(?<!same\s)(?<!every\s)"

_DOC_RELATIVE = (
    (r"\blast\s+" + _WD + r"\b" + _DAYPART + _NOT_DATE, "weekday", -1),
    (
        r"\b" + _NOT_AFTER + r"(?:on\s+)?" + _WD + r"\b" + _DAYPART + _NOT_DATE + _NOT_NAME,
        "weekday",
        0,
    ),
    (r"\bthe\s+day\s+before\s+yesterday\b", "day", -2),
    (r"\byesterday\b(?:\s+(?:morning|afternoon|evening))?|\blast\s+night\b", "day", -1),
    (
        r"\b(?:(?:earlier|later)\s+)?today\b|\bthis\s+(?:morning|afternoon|evening)\b"
        r"|\btonight\b",
        "day",
        0,
    ),
    *((r"\b" + _count(n) + r"\s+days\s+ago\b", "day", -n) for n in range(2, 11)),
    (r"\blast\s+week\b|\b(?:a|one)\s+week\s+ago\b", "week", -1),
    (r"\b" + _count(2) + r"\s+weeks\s+ago\b", "week", -2),
    (r"\b(?:earlier\s+)?this\s+week\b", "week", 0),
    (r"\blast\s+" + _M + r"\b(?!\s+\d)", "month_name", -1),
    (r"\blast\s+month\b|\b(?:a|one)\s+month\s+ago\b", "month", -1),
    (r"\b(?:earlier\s+)?this\s+month\b", "month", 0),
)

_RELATIVE = (
    (
        r"\blater\s+(?:that|the\s+same)\s+(?:day|morning|afternoon|evening|night)\b"
        r"|\b(?:that|the\s+same)\s+(?:evening|night|afternoon)\b",
        0,
        0,
        "same",
    ),
    (
        r"\b(?:the\s+)?(?:next|following)\s+(?:day|morning)\b|\b(?:a|one)\s+day\s+later\b"
        r"|\bthe\s+day\s+after\b",
        1,
        1,
        "after",
    ),
    *(
        (r"\b" + _count(n) + r"\s+days\s+(?:later|afterwards?)\b", n, n, "after")
        for n in range(2, 11)
    ),
    (r"\b(?:a|one)\s+week\s+later\b|\bthe\s+(?:next|following)\s+week\b", 7, 7, "shift"),
    (r"\b" + _count(2) + r"\s+weeks\s+later\b", 14, 14, "shift"),
    (r"\b(?:(?:a\s+few|several|some)\s+)?days\s+(?:later|afterwards?)\b", 2, 7, "after"),
    (
        r"\b(?:on\s+)?the\s+same\s+day\b|\bthat\s+(?:same\s+)?day\b|\bmeanwhile\b"
        r"|\bin\s+the\s+meantime\b|\bat\s+the\s+same\s+time\b"
        r"|\b(?:shortly|soon)\s+(?:after(?:wards?)?|thereafter)\b|\blater\b|\bafterwards?\b"
        r"|\bsubsequently\b",
        0,
        0,
        "same",
    ),
    (r"\b(?:on\s+|only\s+)?the\s+first\s+day\b", 0, 0, "first"),
)

TIME_FIELDS: dict[str, object] = {
    "months": _MONTHS,
    "month_abbreviations": _MONTH_ABBREVIATIONS,
    "weekdays": _WEEKDAYS,
    "time_patterns": _TIME_PATTERNS,
    "deadline_prefix": r"\b(?:by|before|no\s+later\s+than)\s+(?:the\s+)?$",
    "month_parts": {
        "early": (1, 10),
        "beginning": (1, 10),
        "start": (1, 10),
        "mid": (11, 20),
        "middle": (11, 20),
        "late": (21, 0),
        "end": (21, 0),
    },
    "relative_times": _RELATIVE,
    "doc_relative_times": _DOC_RELATIVE,
    "year_start": r"\bsince\s+the\s+(?:start|beginning)\s+of\s+(?:the|this)\s+year\b"
    r"|\bso\s+far\s+this\s+year\b|\bthis\s+year\s+so\s+far\b",
    "date_connectors": ("of",),
}
