"""Helpers for the truth-discovery tests."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pytest

from claimgraph.model import Claim


def _claims_of(rows: Iterable[tuple[Any, ...]], prop: str = "p") -> list[Claim]:
    """Claims from (source, subject, value[, extra fields]) rows, ids c0, c1, ..."""
    out = []
    for n, row in enumerate(rows):
        source, subject, value, *rest = row
        record: dict[str, Any] = {
            "source": source,
            "subject": subject,
            "property": prop,
            "value": value,
            "id": f"c{n}",
        }
        if rest:
            record.update(rest[0])
        out.append(Claim.from_record(record))
    return out


@pytest.fixture
def claims_of() -> Any:
    """The claim builder :func:`_claims_of`."""
    return _claims_of
