"""Write files whole or not at all, with the permissions a plain ``open()`` gives."""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from types import FrameType
from typing import IO, Any

__all__ = ["atomic_write"]

#: Signals that end the process by default and would leave the temporary file behind.
_FATAL_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)
)


class _Terminated(BaseException):
    """Raised inside the write when a terminating signal arrives, to clean up first."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


@contextlib.contextmanager
def atomic_write(path: str | Path, *, binary: bool = False) -> Iterator[IO[Any]]:
    """Open a temporary file beside ``path``; on success rename it onto ``path``.

    If the block raises, or the process gets SIGTERM or SIGHUP while it runs,
    the temporary file is removed and ``path`` is left as it was, so readers
    never see a half-written file (the signal is then delivered again, so the
    process ends as it would have). The new file has the mode a plain
    ``open()`` would give it (``0o666`` less the umask); a file that is
    replaced keeps its mode. A symbolic link is written through, as ``open()``
    does; so is a device or a pipe such as ``/dev/null`` (which cannot be
    replaced, so is written directly).

    Examples
    --------
    >>> import os, tempfile
    >>> folder = tempfile.mkdtemp()
    >>> target = os.path.join(folder, "out.txt")
    >>> with atomic_write(target) as handle:
    ...     _ = handle.write("whole")
    >>> open(target).read(), os.listdir(folder)
    ('whole', ['out.txt'])
    >>> os.chmod(target, 0o640)
    >>> with atomic_write(target) as handle:
    ...     _ = handle.write("again")
    >>> oct(os.stat(target).st_mode & 0o777)
    '0o640'
    """
    if _is_special(path):
        # A device or pipe (/dev/null, /dev/stdout, a shell's >(...)): there is no
        # file to replace, so write straight into it, as open() would.
        with open(path, "wb") if binary else open(path, "w", encoding="utf-8", newline="") as out:
            yield out
        return
    target = Path(os.path.realpath(path))
    with _cleanup_on_signals():
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        try:
            _copy_permissions(fd, target)
            handle: IO[Any] = (
                os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="")
            )
            with handle:
                yield handle
            os.replace(tmp, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise


def _is_special(path: str | Path) -> bool:
    """Whether ``path`` exists and is not a regular file (a device, a pipe, a socket)."""
    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def _copy_permissions(fd: int, target: Path) -> None:
    """Give the temporary file the mode (and group) ``open(target, "w")`` would leave."""
    try:
        existing = os.stat(target)
    except FileNotFoundError:
        os.fchmod(fd, 0o666 & ~_umask())
        return
    os.fchmod(fd, stat.S_IMODE(existing.st_mode))
    # Keeping the owner needs privileges; the group is kept where the user may set it.
    with contextlib.suppress(OSError):
        os.fchown(fd, existing.st_uid, existing.st_gid)
    with contextlib.suppress(OSError):
        os.fchown(fd, -1, existing.st_gid)


def _umask() -> int:
    # Linux shows the umask in /proc; elsewhere it can only be read by setting it
    # (set straight back, but another thread creating a file meanwhile would see it).
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o077)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def _cleanup_on_signals() -> Iterator[None]:
    """Turn SIGTERM and SIGHUP into an exception for the duration of the block, so
    the temporary file is removed; then deliver the signal as it would have been."""
    if threading.current_thread() is not threading.main_thread():
        yield  # handlers can only be set from the main thread
        return

    def interrupt(signum: int, _frame: FrameType | None) -> None:
        raise _Terminated(signum)

    previous: dict[int, Any] = {}
    for signum in _FATAL_SIGNALS:
        handler = signal.getsignal(signum)
        if handler is signal.SIG_IGN or handler is None:
            continue  # ignored (nohup) or set outside Python: leave it alone
        previous[signum] = signal.signal(signum, interrupt)
    try:
        yield
    except _Terminated as exc:
        _restore(previous)
        previous = {}
        os.kill(os.getpid(), exc.signum)
        # Only reached when a handler of the program's own returned: the write is lost.
        raise InterruptedError(f"writing was interrupted by signal {exc.signum}") from None
    finally:
        _restore(previous)


def _restore(previous: dict[int, Any]) -> None:
    for signum, handler in previous.items():
        signal.signal(signum, handler)
