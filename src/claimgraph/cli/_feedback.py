"""What a command tells the user on standard error: progress, notes and warnings.

Progress (a bar while inputs are read, then a status line) is shown only when
standard error is a terminal, never in pipes or CI logs; ``--quiet`` turns it
off together with the informational notes ("wrote out.md", why a result is
empty). Warnings, such as an input file that gave no claims, are always printed.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])

__all__ = [
    "info",
    "input_progress",
    "nearest",
    "quiet_option",
    "status",
    "warn",
]

_QUIET = "claimgraph.quiet"
_STATUS = "claimgraph.status"


def _meta() -> dict[str, Any]:
    ctx = click.get_current_context(silent=True)
    return {} if ctx is None else ctx.meta


def _set_quiet(ctx: click.Context, _param: click.Parameter, value: bool) -> bool:
    ctx.meta[_QUIET] = value
    return value


def quiet_option(func: F) -> F:
    """``-q/--quiet``: no progress and no informational notes on standard error."""
    return click.option(
        "-q",
        "--quiet",
        is_flag=True,
        expose_value=False,
        is_eager=True,
        callback=_set_quiet,
        help="No progress display and no notes on standard error; warnings and errors "
        "are still printed.",
    )(func)


def is_quiet() -> bool:
    return bool(_meta().get(_QUIET, False))


def stderr_is_terminal() -> bool:
    """Whether standard error is an interactive terminal (not a pipe, file or CI log)."""
    stream = sys.stderr
    try:
        return stream is not None and stream.isatty() and os.environ.get("TERM") != "dumb"
    except (AttributeError, ValueError):
        return False


def _shows_progress() -> bool:
    return not is_quiet() and stderr_is_terminal()


def info(message: str) -> None:
    """A note on standard error (``wrote out.md``, why a result is empty); ``--quiet``
    silences it."""
    if is_quiet():
        return
    clear_status()
    click.echo(message, err=True)


def warn(message: str) -> None:
    """A warning on standard error, printed even with ``--quiet``."""
    clear_status()
    click.echo(f"warning: {message}", err=True)


def status(label: str) -> None:
    """Show what the command is doing on one terminal line, replaced by the next."""
    if not _shows_progress():
        return
    click.echo(f"\r{label}…\x1b[K", err=True, nl=False)
    _meta()[_STATUS] = True


def clear_status() -> None:
    """Erase the status line, if one is shown."""
    meta = _meta()
    if meta.pop(_STATUS, False):
        click.echo("\r\x1b[K", err=True, nl=False)


@contextmanager
def input_progress(
    paths: Sequence[Path], label: str = "reading"
) -> Iterator[Callable[[Path], None]]:
    """A bar over the input files, by size; the yielded function marks a file read.

    The label names the file being read (files are taken in order) and how many
    there are. Nothing is shown unless standard error is a terminal and
    ``--quiet`` is off.
    """
    if not _shows_progress() or not paths:
        yield lambda _path: None
        return
    clear_status()

    def label_for(index: int) -> str:
        index = min(index, len(paths) - 1)  # the last file stays named once read
        count = f" ({index + 1}/{len(paths)})" if len(paths) > 1 else ""
        return f"{label} {paths[index].name}{count}"

    read = 0
    with click.progressbar(
        length=max(1, sum(_size(path) for path in paths)),
        label=label_for(0),
        file=sys.stderr,
        show_eta=True,
        show_percent=True,
    ) as bar:

        def done(path: Path) -> None:
            nonlocal read
            read += 1
            bar.label = label_for(read)
            bar.update(_size(path))

        yield done


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def nearest(value: str, names: Iterable[str], limit: int = 3) -> list[str]:
    """The ``names`` most like ``value`` (by rapidfuzz's weighted ratio), best first.

    >>> nearest("kiled", ["control", "killed", "killed:fighters", "wounded"])
    ['killed', 'killed:fighters']
    """
    from rapidfuzz import fuzz, process, utils

    choices = sorted(set(names))
    found = process.extract(
        value,
        choices,
        scorer=fuzz.WRatio,
        processor=utils.default_process,
        limit=limit,
        score_cutoff=60,
    )
    return [name for name, _score, _index in found]


def not_in_input(
    kind: str, value: str, names: Iterable[str], option: str, listed: Iterable[str] = ()
) -> click.ClickException:
    """The error for a filter (``--place``, ``--property``) the input does not have.

    It names the ``names`` nearest ``value``, or, when none is near, a few of
    ``listed`` (default: ``names``).
    """
    close = nearest(value, names)
    known = sorted(set(listed) or set(names), key=str.casefold)
    if close:
        hint = "nearest: " + ", ".join(close)
    elif known:
        shown = ", ".join(known[:5])
        hint = f"the input has {len(known)} ({shown}{', ...' if len(known) > 5 else ''})"
    else:
        hint = f"the input has no {kind} at all"
    return click.ClickException(f"{option} {value!r}: no such {kind} in the input; {hint}")
