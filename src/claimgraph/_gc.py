"""Pause Python's cyclic garbage collector while building large structures."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["collector_paused"]


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Disable the cyclic collector for the block, restoring its state after.

    Building millions of small objects (claims, episodes, relations) triggers
    collections that each walk every live object, which makes loading and
    building grow faster than linearly. These structures hold no reference
    cycles worth collecting while they are built, so the collector waits.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
