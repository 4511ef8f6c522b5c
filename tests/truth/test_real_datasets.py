"""The real truth-discovery datasets; skipped when ../shared/truth-data is absent."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from claimgraph.scoring.truth import discover

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / ".." / "shared" / "truth-data"

pytestmark = pytest.mark.truthdata


@pytest.fixture(scope="module")
def loaders():
    if not DATA.exists():
        pytest.skip("../shared/truth-data is absent")
    sys.path.insert(0, str(ROOT / "benchmarks" / "truth"))
    import loaders as module

    return module


def _accuracy(dataset, method):
    result = discover(dataset.claims, method=method, **dataset.discover_options)
    chosen = {(i.subject, i.property): i.leading for i in result.items}
    scored = [k for k in dataset.gold if k in chosen]
    return sum(dataset.matches(chosen[k], dataset.gold[k]) for k in scored) / len(scored)


def test_book_accu_copy_beats_vote(loaders):
    # stores copying listings is the known failure of voting on this data
    book = loaders.load_book()
    assert _accuracy(book, "accu_copy") > _accuracy(book, "vote") >= 0.75


def test_population_vote_and_accu(loaders):
    population = loaders.load_population()
    assert _accuracy(population, "accu") >= 0.80
