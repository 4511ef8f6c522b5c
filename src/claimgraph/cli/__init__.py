"""Command-line interface: ``claimgraph COMMAND``."""

from ._main import main

__all__ = ["main"]
