"""Write docs/cli.md from the CLI's own help, so the two cannot drift apart.

Run ``python tools/cli_docs.py`` after changing a command; the test
``tests/test_docs.py`` fails while docs/cli.md differs from what this renders.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click
from click.testing import CliRunner

from claimgraph.cli import main

DOC = Path(__file__).resolve().parents[1] / "docs" / "cli.md"

INTRO = """# Command line

Every command is a thin layer over one library call. INPUT files are claim
tables (`.csv`, `.tsv`, `.jsonl`) or narrative text (`.txt`); with no INPUT,
commands run on the bundled example claims. Library errors are printed as one
line naming the file, line and field, with exit status 1; usage errors exit
with status 2. Output given with `-o` is written whole or not at all.

This page is generated from the commands' `--help` by `tools/cli_docs.py`.
"""


def render() -> str:
    """The Markdown reference for every command."""
    runner = CliRunner()
    parts = [INTRO]
    top = runner.invoke(main, ["--help"], terminal_width=100)
    parts.append("## claimgraph\n\n```text\n" + top.output.rstrip() + "\n```\n")
    assert isinstance(main, click.Group)
    for name in sorted(main.commands):
        result = runner.invoke(main, [name, "--help"], terminal_width=100)
        parts.append(f"## claimgraph {name}\n\n```text\n{result.output.rstrip()}\n```\n")
    return "\n".join(parts)


if __name__ == "__main__":
    DOC.write_text(render(), encoding="utf-8")
    sys.stdout.write(f"wrote {DOC}\n")
