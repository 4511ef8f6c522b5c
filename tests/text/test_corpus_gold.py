"""Extraction on real articles, scored against their hand annotation.

The articles are not part of the repository: they are read from the corpus folder
(``$CLAIMGRAPH_CORPUS`` or ``../shared/corpus``) and matched to their gold by the
address on their first line; the test skips when no annotated article is there.
The floors are regression guards set below what ``benchmarks/corpus_eval.py``
measures (see docs/benchmarks.md), not the project's targets.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _corpus_eval() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "corpus_eval", ROOT / "benchmarks" / "corpus_eval.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("corpus_eval", module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def rows() -> list[dict[str, Any]]:
    evaluation = _corpus_eval()
    corpus = evaluation.default_corpus()
    if not corpus.is_dir():
        pytest.skip(f"no corpus of real articles at {corpus}")
    found = evaluation.evaluate(corpus)
    if not found:
        pytest.skip(f"no annotated article in {corpus}")
    return found


# (language, split, batch) -> (precision, recall) floors for control claims. Batch 1
# (the first 60 articles) has only the tuning/test halves' old floors; its texts are
# not on every machine. Batch 2 is held out, batches 3 and 4 tuning material.
FLOORS = {
    ("en", "tune", 1): (0.7, 0.5),
    ("es", "tune", 1): (0.75, 0.38),
    ("en", "test", 1): (0.5, 0.33),
    ("es", "test", 1): (0.65, 0.22),
    ("en", "test", 2): (0.6, 0.45),
    ("es", "test", 2): (0.6, 0.35),
    ("en", "tune", 3): (0.82, 0.85),
    ("es", "tune", 3): (0.75, 0.62),
    ("es", "tune", 4): (0.8, 0.64),
}


@pytest.mark.parametrize(("lang", "split", "batch"), sorted(FLOORS))
def test_control_claims_stay_above_their_floor(
    rows: list[dict[str, Any]], lang: str, split: str, batch: int
) -> None:
    s = _corpus_eval().summary([r for r in rows if r["batch"] == batch]).get((lang, split))
    if s is None:
        pytest.skip(f"no {lang} article of batch {batch}'s {split} half in the corpus")
    precision = s["matched"] / s["extracted"] if s["extracted"] else 1.0
    recall = s["matched"] / s["gold"] if s["gold"] else 1.0
    low_p, low_r = FLOORS[(lang, split, batch)]
    assert precision >= low_p, (lang, split, batch, precision)
    assert recall >= low_r, (lang, split, batch, recall)


def test_every_language_is_detected(rows: list[dict[str, Any]]) -> None:
    wrong = [(r["doc"], r["detected"]) for r in rows if r["detected"] != r["lang"]]
    assert wrong == []
