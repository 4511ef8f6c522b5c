"""Disputed control: timelines of who holds each place, and the disputes in them."""

from ._assess import Assessment, Reason, Status, assess
from ._disputes import Dispute, Disputes, Position, find_disputes
from ._timeline import Change, Period, Timeline, Timelines, build_timelines, merge_assessments
from ._trust import CONFIDENCE_THRESHOLD, HolderBeliefs, likely_holders

__all__ = [
    "CONFIDENCE_THRESHOLD",
    "Assessment",
    "Change",
    "Dispute",
    "Disputes",
    "HolderBeliefs",
    "Period",
    "Position",
    "Reason",
    "Status",
    "Timeline",
    "Timelines",
    "assess",
    "build_timelines",
    "find_disputes",
    "likely_holders",
    "merge_assessments",
]
