"""English time words (provisional: months and plain dates)."""

from __future__ import annotations

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
_M = "(?P<month>" + "|".join(_MONTHS) + ")"

TIME_FIELDS: dict[str, object] = {
    "months": _MONTHS,
    "time_patterns": (
        ("date", _M + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,\s*(?P<year>\d{4}))?"),
        ("date", r"\b(?P<day>\d{1,2})\s+" + _M + r"(?:\s+(?P<year>\d{4}))?"),
        ("month", r"\bin\s+" + _M + r"(?:\s+(?P<year>\d{4}))?"),
        ("year", r"\bin\s+(?P<year>(?:19|20)\d{2})\b"),
    ),
    "deadline_prefix": r"\bby\s*(?:the)?\s*$",
    "month_parts": {"early": (1, 10), "mid": (11, 20), "late": (21, 0)},
    "relative_times": (
        (r"\bthe\s+(?:next|following)\s+day\b|\ba\s+day\s+later\b", 1, 1, "after"),
        (r"\bthe\s+same\s+day\b|\blater\s+that\s+day\b|\bmeanwhile\b", 0, 0, "same"),
    ),
    "year_start": r"\bsince\s+the\s+(?:start|beginning)\s+of\s+the\s+year\b",
}
