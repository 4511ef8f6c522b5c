"""Run the Python peers on our datasets, when they are installed (never a dependency)."""

from __future__ import annotations

PEERS: list[tuple[str, str]] = []


def run_peer(peer: str, method: str, dataset: object) -> None:
    return None
