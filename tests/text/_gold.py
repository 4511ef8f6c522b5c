"""Scoring extracted claims against the hand annotation of the seed documents."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from claimgraph import Claim
from claimgraph.testing import load_gold, score_extraction

GOLD_DIR = Path(__file__).resolve().parents[1] / "data" / "gold"
SEEDS_DIR = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"


def score(doc: str, claims: Iterable[Claim], text: str) -> dict[str, dict[str, Any]]:
    """Precision, recall and field agreement per kind (control, count, other)."""
    return score_extraction(
        load_gold(GOLD_DIR / (Path(doc).stem + ".jsonl")), claims, text, doc=doc
    )
