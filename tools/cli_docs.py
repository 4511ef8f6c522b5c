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

#: What click shows on a terminal of 100 columns or more (it keeps a margin of 2).
WIDTH = 98

DOC = Path(__file__).resolve().parents[1] / "docs" / "cli.md"

INTRO = """# Command line

Every command is a thin layer over one library call. INPUT files are claim
tables (`.csv`, `.tsv`, `.jsonl`) or narrative text (`.txt`); with no INPUT,
commands run on the bundled example claims. Library errors are printed as one
line naming the file, line and field, with exit status 1; usage errors exit
with status 2.

## Output

- `-o FILE` is checked as soon as the command line is read, before any input:
  a folder that does not exist, a file where a folder should be, a folder given
  as the file, a read-only file or a folder the user cannot create files in is
  a one-line error with exit status 1.
- The format follows `-o`'s suffix (`.md` or `.markdown`, `.csv`, `.json`,
  `.jsonl` or `.ndjson`, `.graphml`, `.gexf`, as each command supports);
  another suffix, or none, is refused (exit status 2) with the formats the
  command writes, unless `--format` names one. Without `-o`, output goes to
  standard output in the command's first format.
- The file is written whole or not at all: to a temporary file beside it,
  renamed over it when complete. An error, Ctrl-C, SIGTERM or SIGHUP while
  writing removes the temporary file and leaves an older file as it was. A new
  file gets the mode a plain `open()` gives (0666 less the umask, so 0644 under
  the usual umask 022); a replaced file keeps its mode. A symbolic link is
  written through; a device or pipe (`-o /dev/null`, `-o /dev/stdout`) is
  written directly, in the command's first format.

## What is printed on standard error

- When standard error is a terminal, a progress bar while inputs are read,
  naming the file being read and moving by the size of each file read, then a
  status line while the claims are linked and analysed and while the output is
  written; nothing of the kind in pipes, files or CI logs.
- Notes: `wrote FILE`, and why a result is empty, such as
  `no disputes: 3 claims about Kafr Naha from 2 sources; none contradicts,
  denies or leaves unclear another within --window 3 days`, or
  `no pairs of sources to compare: only 1 source (SANA)`. The result itself
  (`No disputes found.`, `[]`) still goes to standard output, with exit status 0:
  finding nothing is an answer.
- `-q/--quiet`, on every command, turns off the progress display and the notes.
  Warnings and errors are always printed.

## Empty input and filters that match nothing

- An input file that gives no claims is named with the reason: a table with a
  header but no rows, or a text in which no sentence says who holds a place,
  counts casualties, denies or blames (with the language it was read as, and a
  hint when `--lang` forced another one than the text looks like). When other
  files gave claims this is a warning and the command goes on; when no file
  gave any it is an error with exit status 1 and nothing is written: there is
  nothing to analyse, and claimgraph would refuse to read an empty output back.
- `claimgraph extract` refuses claim tables (exit status 2): they are read
  as they are by every other command, and `claimgraph claims` normalizes them.
- `--place` and `--property` must name a place (any spelling that resolves to
  it) or a property the input has: otherwise the command fails with exit
  status 1 and names the nearest ones, e.g.
  `Error: --property 'kiled': no such property in the input; nearest: killed`.

This page's command reference is generated from the commands' `--help` by
`tools/cli_docs.py`.
"""


def render() -> str:
    """The Markdown reference for every command."""
    runner = CliRunner()
    parts = [INTRO]
    top = runner.invoke(main, ["--help"], prog_name="claimgraph", terminal_width=WIDTH)
    parts.append("## claimgraph\n\n```text\n" + top.output.rstrip() + "\n```\n")
    assert isinstance(main, click.Group)
    for name in sorted(main.commands):
        command = main.commands[name]
        # a group's subcommands (claimgraph plot timeline ...) each get their own section
        names = [[name]]
        if isinstance(command, click.Group):
            names += [[name, sub] for sub in sorted(command.commands)]
        for words in names:
            result = runner.invoke(
                main, [*words, "--help"], prog_name="claimgraph", terminal_width=WIDTH
            )
            heading = " ".join(words)
            parts.append(f"## claimgraph {heading}\n\n```text\n{result.output.rstrip()}\n```\n")
    return "\n".join(parts)


if __name__ == "__main__":
    DOC.write_text(render(), encoding="utf-8")
    sys.stdout.write(f"wrote {DOC}\n")
