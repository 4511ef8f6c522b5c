"""The known truth behind a synthetic claim set, and its JSON form."""

from __future__ import annotations

import bisect
import datetime as dt
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from .._errors import InputError
from ..model import fold, parse_date

__all__ = ["ControlPeriod", "NumericItem", "SyntheticSource", "SyntheticTruth", "read_truth"]


@attrs.frozen(slots=True)
class ControlPeriod:
    """A side holding a place from ``start`` to ``end`` (inclusive); ``contested`` when unclear."""

    start: dt.date
    end: dt.date
    holder: str


@attrs.frozen(slots=True)
class NumericItem:
    """A casualty event: its true count, for one place, property and period."""

    place: str
    property: str
    start: dt.date
    end: dt.date
    value: int
    perpetrator: str
    """The side held responsible; sources on that side lean to lower counts when wrong."""


@attrs.frozen(slots=True)
class SyntheticSource:
    """A generated source: its alignment, reliability and whom it copies.

    ``reliability`` is the probability that a claim of its own is true.
    A copier (``copies`` is not ``None``) repeats a ``copy_share`` of its
    claims from that source, errors included, ``delay`` days later.
    """

    name: str
    alignment: str
    reliability: float
    activity: float
    copies: str | None = None
    delay: int | None = None
    copy_share: float = 0.0


def _spelling_index(places: Mapping[str, tuple[str, ...]]) -> dict[str, str]:
    index: dict[str, str] = {}
    for canonical, spellings in places.items():
        for spelling in (canonical, *spellings):
            index[fold(spelling)] = canonical
    return index


@attrs.frozen(slots=True)
class SyntheticTruth:
    """What really happened in a synthetic claim set.

    Attributes
    ----------
    start : datetime.date
        First day of the period the claims speak about.
    n_days : int
        Length of that period.
    places : dict
        Canonical place name -> its spellings (canonical name first).
    lookalikes : tuple of (str, str)
        Pairs of distinct places with similar names, which must stay apart.
    timelines : dict
        Canonical place -> its :class:`ControlPeriod` s, in order, covering every day.
    items : tuple of NumericItem
        Casualty events and their true counts.
    sources : dict
        Source name -> :class:`SyntheticSource`.
    """

    start: dt.date
    n_days: int
    places: dict[str, tuple[str, ...]]
    lookalikes: tuple[tuple[str, str], ...]
    timelines: dict[str, tuple[ControlPeriod, ...]]
    items: tuple[NumericItem, ...]
    sources: dict[str, SyntheticSource]
    _by_spelling: dict[str, str] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_by_spelling", _spelling_index(self.places))

    # -- lookups -----------------------------------------------------------------

    def canonical(self, name: str) -> str:
        """The canonical place a spelling stands for (case and accents ignored).

        Raises
        ------
        KeyError
            If no generated place is spelled ``name``.
        """
        try:
            return self._by_spelling[fold(name)]
        except KeyError:
            raise KeyError(f"no synthetic place is spelled {name!r}") from None

    def holder(self, place: str, day: dt.date | str) -> str:
        """The side that truly held ``place`` (any of its spellings) on ``day``.

        Raises
        ------
        KeyError
            If ``place`` is unknown or ``day`` lies outside the period.
        """
        when = parse_date(day, "day")
        assert when is not None
        periods = self.timelines[self.canonical(place)]
        starts = [period.start for period in periods]
        at = bisect.bisect_right(starts, when) - 1
        if at < 0 or when > periods[at].end:
            raise KeyError(f"{when} is outside the synthetic period")
        return periods[at].holder

    def main_holder(self, place: str, start: dt.date, end: dt.date) -> str:
        """The side that held ``place`` for most days from ``start`` to ``end``.

        The truth against which a period's chosen holder is scored (a period
        may straddle a change of hands); ties go to the earlier holder.
        """
        days: dict[str, int] = {}
        for period in self.timelines[self.canonical(place)]:
            overlap = (min(period.end, end) - max(period.start, start)).days + 1
            if overlap > 0:
                days[period.holder] = days.get(period.holder, 0) + overlap
        return max(days, key=days.__getitem__)

    @property
    def reliability(self) -> dict[str, float]:
        """Source -> probability that a claim of its own is true."""
        return {name: source.reliability for name, source in self.sources.items()}

    @property
    def alignments(self) -> dict[str, str]:
        """Source -> alignment."""
        return {name: source.alignment for name, source in self.sources.items()}

    @property
    def copies(self) -> dict[str, str]:
        """Copier -> the source it copies."""
        return {name: source.copies for name, source in self.sources.items() if source.copies}

    @property
    def end(self) -> dt.date:
        """Last day of the period."""
        return self.start + dt.timedelta(days=self.n_days - 1)

    # -- JSON -------------------------------------------------------------------

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict; :meth:`from_json` reads it back."""
        return {
            "start": self.start.isoformat(),
            "n_days": self.n_days,
            "places": {name: list(spellings) for name, spellings in self.places.items()},
            "lookalikes": [list(pair) for pair in self.lookalikes],
            "timelines": {
                name: [[p.start.isoformat(), p.end.isoformat(), p.holder] for p in periods]
                for name, periods in self.timelines.items()
            },
            "items": [
                {
                    "place": item.place,
                    "property": item.property,
                    "start": item.start.isoformat(),
                    "end": item.end.isoformat(),
                    "value": item.value,
                    "perpetrator": item.perpetrator,
                }
                for item in self.items
            ],
            "sources": [attrs.asdict(source) for source in self.sources.values()],
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> SyntheticTruth:
        """Rebuild the truth from :meth:`to_json` output."""

        def day(text: str) -> dt.date:
            return dt.date.fromisoformat(text)

        return cls(
            start=day(data["start"]),
            n_days=int(data["n_days"]),
            places={name: tuple(spellings) for name, spellings in data["places"].items()},
            lookalikes=tuple((a, b) for a, b in data["lookalikes"]),
            timelines={
                name: tuple(ControlPeriod(day(a), day(b), holder) for a, b, holder in periods)
                for name, periods in data["timelines"].items()
            },
            items=tuple(
                NumericItem(
                    item["place"],
                    item["property"],
                    day(item["start"]),
                    day(item["end"]),
                    int(item["value"]),
                    item["perpetrator"],
                )
                for item in data["items"]
            ),
            sources={source["name"]: SyntheticSource(**source) for source in data["sources"]},
        )


def read_truth(path: str | Path) -> tuple[SyntheticTruth, dict[str, Any]]:
    """Read a truth file written by :func:`claimgraph.testing.write_synthetic`.

    Returns the truth and the file's per-claim part: ``copies`` (copied claim
    id -> original claim id), ``wrong`` (ids of the claims that are false),
    ``items`` (numeric claim id -> index into ``truth.items``) and ``options``.

    Raises
    ------
    InputError
        If the file is missing or is not such a truth file.
    """
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        truth = SyntheticTruth.from_json(data["truth"])
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), path=str(path)) from exc
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON: {exc.msg}", path=str(path), line=exc.lineno) from exc
    except (KeyError, TypeError, ValueError) as exc:
        raise InputError(f"not a synthetic truth file ({exc!r})", path=str(path)) from exc
    claims = {key: data.get(key, {}) for key in ("copies", "wrong", "items", "options")}
    return truth, claims
