"""Scoring truth discovery against a known truth: correctness and calibration."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from ..scoring.truth import TruthResult
    from ._truth import SyntheticTruth

__all__ = ["calibration_error", "control_scores"]


def control_scores(result: TruthResult, truth: SyntheticTruth) -> tuple[np.ndarray, np.ndarray]:
    """Confidence and correctness (1.0 or 0.0) of the most likely holder of every
    control item that has a period and a supported value, decided or not (the
    forced choice that calibration is measured on).

    A holder is correct when it held the place for most days of the item's
    period (:meth:`SyntheticTruth.main_holder`); subjects must be the truth's
    place names or spellings.
    """
    columns = result.items.columns()
    confidence, correct = [], []
    for subject, prop, start, end, value, conf in zip(
        columns["subject"],
        columns["property"],
        columns["period_start"],
        columns["period_end"],
        columns["leading"],
        columns["confidence"],
        strict=True,
    ):
        if prop != "control" or start is None or value is None:
            continue
        confidence.append(conf)
        correct.append(value == truth.main_holder(subject, start, end))
    return np.asarray(confidence, dtype=float), np.asarray(correct, dtype=float)


def calibration_error(confidence: np.ndarray, correct: np.ndarray, bins: int = 10) -> float:
    """Expected calibration error: over ``bins`` equal-width bins of confidence,
    the size-weighted mean of |share correct - mean confidence|.

    Examples
    --------
    >>> import numpy as np
    >>> calibration_error(np.array([0.9, 0.9, 0.6, 0.6]), np.array([1.0, 1.0, 1.0, 0.0]))
    0.1
    """
    confidence = np.asarray(confidence, dtype=float)
    correct = np.asarray(correct, dtype=float)
    index = np.minimum((confidence * bins).astype(int), bins - 1)
    total = 0.0
    for b in range(bins):
        mask = index == b
        if mask.any():
            total += mask.sum() * abs(correct[mask].mean() - confidence[mask].mean())
    return round(float(total) / max(len(confidence), 1), 12)
