"""Golden regression tests: every method on a fixed synthetic claim set with known truth.

The claims come from :func:`claimgraph.testing.synthetic_claims` (deterministic
for a seed). For each method the file ``golden.json`` beside this module holds
the number of items, how many chosen holders match the truth, and a digest of
every chosen value; a change in any method's output fails here. After an
intended change, regenerate with ``PYTHONPATH=src python tests/truth/test_golden.py``
and say why in the commit.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import attrs
import pytest

from claimgraph.scoring.truth import METHODS, discover
from claimgraph.testing import synthetic_claims

GOLDEN = Path(__file__).with_name("golden.json")
N_CLAIMS, SEED = 3000, 5


def outcome(method: str) -> dict[str, Any]:
    """Items, correct control holders and a digest of the chosen values."""
    data = synthetic_claims(N_CLAIMS, seed=SEED)
    truth = data.truth
    claims = [attrs.evolve(c, subject=truth.canonical(c.subject)) for c in data.claims]
    result = discover(claims, method=method)
    columns = result.items.columns()
    digest = hashlib.sha256()
    correct = control = 0
    for subject, prop, start, end, value, confidence in zip(
        columns["subject"],
        columns["property"],
        columns["period_start"],
        columns["period_end"],
        columns["leading"],
        columns["confidence"],
        strict=True,
    ):
        digest.update(f"{subject}|{prop}|{start}|{value}|{confidence:.3f}\n".encode())
        if prop == "control" and start is not None and value is not None:
            control += 1
            correct += value == truth.main_holder(subject, start, end)
    return {
        "items": len(result.items),
        "control_items": control,
        "correct": correct,
        "digest": digest.hexdigest()[:16],
    }


@pytest.fixture(scope="module")
def golden() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(GOLDEN.read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize("method", list(METHODS))
def test_method_output_is_unchanged(method, golden):
    found = outcome(method)
    assert method in golden, f"no golden figures for {method}: regenerate golden.json"
    assert found == golden[method]


@pytest.mark.parametrize("method", list(METHODS))
def test_method_beats_chance_on_known_truth(method):
    # five sides: a method guessing at random would be right about a fifth of the time
    found = outcome(method)
    assert found["correct"] / found["control_items"] > 0.6


if __name__ == "__main__":
    figures = {method: outcome(method) for method in METHODS}
    GOLDEN.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(figures, indent=2))
