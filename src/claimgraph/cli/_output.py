"""``-o`` and ``--format``: where and how a command writes, checked before any work."""

from __future__ import annotations

import functools
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar, overload

import click

from ._feedback import clear_status, info, quiet_option, status

F = TypeVar("F", bound=Callable[..., Any])

__all__ = [
    "echo_or_write",
    "format_option",
    "output_option",
    "output_problem",
    "pick_format",
    "resolve_format",
]

#: Other spellings of a format's file name suffix.
SUFFIX_ALIASES = {"markdown": "md", "ndjson": "jsonl", "htm": "html"}


def output_problem(path: Path) -> str | None:
    """Why ``path`` cannot be written as a new or replaced file, or ``None`` if it can.

    The checks are those a write would fail on: a folder that does not exist,
    a file where a folder should be, a folder or a read-only file in place of
    the file, a folder the user may not create files in (tried, so
    read-only file systems and access lists count too).

    >>> output_problem(Path("/nonexistent/out.md"))
    'directory /nonexistent does not exist'
    """
    text = os.fspath(path)
    if not text:
        return "empty file name"
    if os.path.isdir(text):
        return "is a directory; give a file name"
    if os.path.exists(text):
        if not os.access(text, os.W_OK):
            return "the file is read-only"
        if not os.path.isfile(text):
            return None  # a device or a pipe (/dev/null, /dev/stdout): written directly
    directory = Path(os.path.realpath(text)).parent
    if not directory.is_dir():
        blocking = _first_file(directory)
        if blocking is not None:
            return f"{blocking} is a file, not a directory"
        return f"directory {_first_missing(directory)} does not exist"
    try:
        fd, probe = tempfile.mkstemp(prefix=".claimgraph-probe.", dir=directory)
    except OSError as exc:
        return f"cannot create files in {directory}: {exc.strerror or exc}"
    os.close(fd)
    os.unlink(probe)
    return None


def _first_missing(directory: Path) -> Path:
    """The outermost folder of ``directory`` that does not exist."""
    missing = directory
    while not missing.parent.exists() and missing.parent != missing:
        missing = missing.parent
    return missing


def _first_file(directory: Path) -> Path | None:
    """The one of ``directory`` and its ancestors that is a file, if one is."""
    for candidate in (directory, *directory.parents):
        if candidate.exists() and not candidate.is_dir():
            return candidate
    return None


def _check_output(_ctx: click.Context, _param: click.Parameter, value: Path | None) -> Path | None:
    if value is None:
        return None
    problem = output_problem(value)
    if problem is not None:
        raise click.ClickException(f"{value}: cannot write here: {problem}")
    return value


@overload
def output_option(func: F) -> F: ...


@overload
def output_option(
    func: None = None, *, required: bool = False, help: str = ...
) -> Callable[[F], F]: ...


def output_option(
    func: F | None = None,
    *,
    required: bool = False,
    help: str = "Write to this file instead of standard output.",
) -> Any:
    """``-o/--output FILE`` (checked as soon as it is parsed) and ``-q/--quiet``.

    The file's folder must exist and be writable before any work is done;
    the file is then written whole or not at all (:func:`echo_or_write`).
    Use bare (``@output_option``) or with ``required=True`` and a ``help``.
    """

    def decorate(command: F) -> F:
        command = quiet_option(command)
        return click.option(
            "-o",
            "--output",
            type=click.Path(path_type=Path),
            required=required,
            callback=_check_output,
            metavar="FILE",
            help=help,
        )(command)

    return decorate if func is None else decorate(func)


def resolve_format(fmt: str | None, output: Path | None, choices: tuple[str, ...]) -> str:
    """The explicit ``--format``, else the one ``-o``'s suffix names, else the first
    choice (also for a device or pipe such as ``/dev/stdout``).

    Raises
    ------
    click.UsageError
        When ``-o``'s suffix names none of ``choices``.

    >>> resolve_format(None, Path("out.markdown"), ("md", "csv"))
    'md'
    >>> resolve_format(None, Path("out.xlsx"), ("md", "csv"))
    Traceback (most recent call last):
    ...
    click.exceptions.UsageError: cannot tell the output format from 'out.xlsx': ...
    """
    if fmt is not None:
        return fmt
    if output is None or _is_device(output):
        return choices[0]
    suffix = output.suffix.lower().lstrip(".")
    suffix = SUFFIX_ALIASES.get(suffix, suffix)
    if suffix in choices:
        return suffix
    names = ", ".join(f".{c}" for c in choices)
    raise click.UsageError(
        f"cannot tell the output format from {output.name!r}: this command writes "
        f"{names}; name the file so, or give --format"
    )


def _is_device(path: Path) -> bool:
    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def format_option(*choices: str, default: str | None = None) -> Callable[[F], F]:
    """``--format`` limited to ``choices``, chosen before the command runs.

    The command gets ``fmt`` already decided: ``--format`` when given, else
    the suffix of ``-o`` (refused when it names no choice), else ``default``
    or the first choice.
    """

    def decorate(command: F) -> F:
        @functools.wraps(command)
        def with_format(*args: Any, **kwargs: Any) -> Any:
            fmt = kwargs.get("fmt")
            if fmt is None and kwargs.get("output") is None and default is not None:
                fmt = default
            kwargs["fmt"] = resolve_format(fmt, kwargs.get("output"), choices)
            return command(*args, **kwargs)

        return click.option(
            "--format",
            "fmt",
            type=click.Choice(choices),
            default=None,
            help=f"Output format (default: from -o's suffix, else {default or choices[0]}).",
        )(with_format)  # type: ignore[return-value]

    return decorate


def pick_format(fmt: str | None, output: Path | None, choices: tuple[str, ...]) -> str:
    """The format to write; see :func:`resolve_format` (``fmt`` is usually decided already)."""
    return resolve_format(fmt, output, choices)


def echo_or_write(text: str, output: Path | None) -> None:
    """Print ``text`` or write it to ``output`` whole (temp file, then rename)."""
    if output is None:
        clear_status()
        click.echo(text, nl=not text.endswith("\n"))
        return
    from ..io import atomic_write

    status(f"writing {output}")

    with atomic_write(output) as handle:
        handle.write(text)
    info(f"wrote {output}")
