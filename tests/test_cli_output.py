"""What the command line writes and prints: checked output paths, formats from -o,
permissions, no temporary files after SIGTERM, empty results that say why, progress."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from claimgraph.cli import main
from claimgraph.data import example_claims, example_path
from claimgraph.io import atomic_write

ROOT = Path(__file__).resolve().parents[1]
ENGLISH = ROOT / "examples" / "northern_front.en.txt"


def _leaves(group: click.Group) -> list[str]:
    """Every command that runs, a group's subcommands as "plot timeline"."""
    names = []
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            names += [f"{name} {sub}" for sub in sorted(command.commands)]
        else:
            names.append(name)
    return names


def _command(name: str) -> click.Command:
    found: click.Command = main
    for word in name.split():
        assert isinstance(found, click.Group)
        found = found.commands[word]
    return found


# ingest writes a ledger (--db), not an -o file
COMMANDS = [name for name in _leaves(main) if name != "ingest"]  # type: ignore[arg-type]
# A file name each command can write, by its first format.
OUTPUT_NAME = {
    name: "out.jsonl" if name in {"claims", "extract"} else "out.md" for name in COMMANDS
}
OUTPUT_NAME["graph"] = "out.graphml"
OUTPUT_NAME["resolve"] = "out.json"
OUTPUT_NAME.update({name: "out.png" for name in COMMANDS if name.startswith("plot ")})


def command_line(name: str, output: Path | str) -> list[str]:
    """Arguments running ``name`` on real input and writing to ``output``."""
    source = ENGLISH if name == "extract" else example_path()
    return [*name.split(), str(source), "-o", str(output)]


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "claimgraph", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src"), **(env or {})},
        timeout=300,
    )


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


# -- -o is checked before any work, with one line -----------------------------------------


def bad_outputs(tmp: Path) -> dict[str, tuple[Path, str]]:
    (tmp / "table.csv").write_text("x\n")
    (tmp / "folder").mkdir()
    return {
        "missing folder": (tmp / "nowhere" / "deeper" / "out.md", f"directory {tmp / 'nowhere'}"),
        "file as folder": (tmp / "table.csv" / "out.md", f"{tmp / 'table.csv'} is a file"),
        "folder as file": (tmp / "folder", "is a directory"),
    }


@pytest.mark.parametrize("case", ["missing folder", "file as folder", "folder as file"])
@pytest.mark.parametrize("name", COMMANDS)
def test_bad_output_path_is_one_line_before_any_work(tmp_path: Path, name: str, case: str) -> None:
    output, reason = bad_outputs(tmp_path)[case]
    # The input does not exist either: the output is checked first, before reading.
    result = CliRunner().invoke(
        main, [*name.split(), str(tmp_path / "missing.csv"), "-o", str(output)]
    )
    assert result.exit_code == 1, result.output
    assert result.output.count("\n") == 1
    assert result.output.startswith(f"Error: {output}: cannot write here: ")
    assert reason in result.output
    assert "missing.csv" not in result.output


def test_bad_output_path_from_the_shell_is_one_line(tmp_path: Path) -> None:
    done = cli("disputes", "-o", str(tmp_path / "nonexistent" / "out.md"))
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr.splitlines() == [
        f"Error: {tmp_path / 'nonexistent' / 'out.md'}: cannot write here: directory "
        f"{tmp_path / 'nonexistent'} does not exist"
    ]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root may write anywhere")
def test_unwritable_folder_is_refused(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        result = CliRunner().invoke(main, ["disputes", "-o", str(locked / "out.md")])
    finally:
        locked.chmod(0o700)
    assert result.exit_code == 1
    assert "cannot create files in" in result.output
    assert "Permission denied" in result.output


def test_unwritable_folder_is_found_by_trying(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Root passes every permission check; a read-only file system does not, and
    # the check finds that the way a write would: by creating a file.
    import tempfile

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(13, "Read-only file system")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    result = CliRunner().invoke(main, ["disputes", "-o", str(tmp_path / "out.md")])
    assert result.exit_code == 1
    assert result.output == (
        f"Error: {tmp_path / 'out.md'}: cannot write here: cannot create files in "
        f"{tmp_path.resolve()}: Read-only file system\n"
    )


def test_every_command_shares_the_output_check() -> None:
    from claimgraph.cli._output import _check_output

    for name in COMMANDS:
        (option,) = [p for p in _command(name).params if p.name == "output"]
        assert option.callback is _check_output, name
        assert "quiet" in {p.name for p in _command(name).params}, name


# -- the format follows -o's suffix, or is refused ------------------------------------------


@pytest.mark.parametrize("name", COMMANDS)
def test_unknown_suffix_is_refused_naming_the_formats(tmp_path: Path, name: str) -> None:
    out = tmp_path / "out.xlsx"
    result = CliRunner().invoke(main, command_line(name, out))
    assert result.exit_code == 2
    assert "cannot tell the output format from 'out.xlsx': this command writes ." in result.output
    assert not out.exists()


def test_suffix_choice_alias_and_explicit_format(tmp_path: Path) -> None:
    runner = CliRunner()
    written = {}
    for name in ("d.csv", "d.json", "d.markdown", "d.md"):
        assert runner.invoke(main, ["disputes", "-o", str(tmp_path / name)]).exit_code == 0
        written[name] = (tmp_path / name).read_text()
    assert written["d.csv"].startswith("place,property,")
    assert isinstance(json.loads(written["d.json"]), list)
    assert written["d.markdown"] == written["d.md"]
    assert written["d.md"].startswith("## ")
    # --format wins over the suffix, so any name can be written
    assert (
        runner.invoke(main, ["report", "-o", str(tmp_path / "r.txt"), "--format", "md"]).exit_code
        == 0
    )
    assert (tmp_path / "r.txt").read_text().startswith("# Disputed control report")


def test_a_pipe_takes_the_default_format(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = CliRunner().invoke(main, ["claims", "-o", str(fifo)])
    if not received:  # replaced by a file, the pipe was never opened: open it to end the reader
        with contextlib.suppress(OSError):
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
    reader.join(timeout=60)
    assert result.exit_code == 0, result.output
    assert stat.S_ISFIFO(fifo.stat().st_mode)  # written into, not replaced by a file
    lines = received[0].decode().splitlines()
    assert json.loads(lines[0])["source"]
    assert len(lines) == sum(1 for _ in example_path().open()) - 1


# -- permissions as open() gives them --------------------------------------------------------


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o027, 0o640), (0o002, 0o664)])
def test_new_files_follow_the_umask(tmp_path: Path, umask: int, mode: int) -> None:
    old = os.umask(umask)
    try:
        for name in ("disputes", "graph", "claims"):
            out = tmp_path / OUTPUT_NAME[name]
            result = CliRunner().invoke(main, command_line(name, out))
            assert result.exit_code == 0, result.output
            assert stat.S_IMODE(out.stat().st_mode) == mode, name
        plain = tmp_path / "plain.txt"
        plain.write_text("x")
        assert stat.S_IMODE(plain.stat().st_mode) == mode  # what open() gives
    finally:
        os.umask(old)


def test_replaced_files_keep_their_mode(tmp_path: Path, umask_022: None) -> None:
    out = tmp_path / "report.md"
    out.write_text("old")
    out.chmod(0o664)
    result = CliRunner().invoke(main, ["report", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(out.stat().st_mode) == 0o664
    assert out.read_text().startswith("# Disputed control report")


def test_a_symlink_is_written_through(tmp_path: Path, umask_022: None) -> None:
    real = tmp_path / "real.md"
    real.write_text("old")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    with atomic_write(link) as handle:
        handle.write("new")
    assert link.is_symlink()
    assert real.read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.md", "real.md"]


# -- no temporary file left behind by SIGTERM ------------------------------------------------

SLOW_WRITER = """
import sys, time
from claimgraph.io import atomic_write
with atomic_write(sys.argv[1]) as handle:
    handle.write("half of it")
    handle.flush()
    print("writing", flush=True)
    time.sleep(60)
    handle.write(" and the rest")
"""

SLOW_CLI = """
import contextlib, sys, time
import claimgraph.io
from claimgraph.cli import main

real = claimgraph.io.atomic_write

@contextlib.contextmanager
def slow(path, **kwargs):
    with real(path, **kwargs) as handle:
        class Slow:
            def write(self, text):
                handle.write(text[: len(text) // 2])
                handle.flush()
                print("writing", flush=True)
                time.sleep(60)
                return handle.write(text[len(text) // 2 :])
        yield Slow()

claimgraph.io.atomic_write = slow
main(sys.argv[1:], prog_name="claimgraph")
"""


def kill_mid_write(script: str, *args: str) -> int:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    process = subprocess.Popen(
        [sys.executable, "-c", script, *args], stdout=subprocess.PIPE, text=True, env=env
    )
    assert process.stdout is not None
    assert process.stdout.readline() == "writing\n"
    process.send_signal(signal.SIGTERM)
    return process.wait(timeout=60)


def test_sigterm_mid_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    out.write_text("the old file")
    assert kill_mid_write(SLOW_WRITER, str(out)) == -signal.SIGTERM
    assert os.listdir(tmp_path) == ["out.txt"]
    assert out.read_text() == "the old file"


def test_sigterm_mid_write_of_a_command_leaves_no_temporary_file(tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    assert kill_mid_write(SLOW_CLI, "report", "-o", str(out)) == -signal.SIGTERM
    assert os.listdir(tmp_path) == []


IGNORING_WRITER = """
import signal, sys, time
from claimgraph.io import atomic_write
signal.signal(signal.SIGTERM, signal.SIG_IGN)
with atomic_write(sys.argv[1]) as handle:
    handle.write("half of it")
    print("writing", flush=True)
    time.sleep(2)
    handle.write(" and the rest")
"""


def test_an_ignored_sigterm_does_not_stop_the_write(tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    assert kill_mid_write(IGNORING_WRITER, str(out)) == 0
    assert out.read_text() == "half of it and the rest"
    assert os.listdir(tmp_path) == ["out.txt"]


def test_handlers_are_restored_after_the_write(tmp_path: Path) -> None:
    before = signal.getsignal(signal.SIGTERM)
    with atomic_write(tmp_path / "a.txt") as handle:
        assert signal.getsignal(signal.SIGTERM) is not before
        handle.write("x")
    assert signal.getsignal(signal.SIGTERM) is before


# -- empty and near-empty results say why ---------------------------------------------------


@pytest.mark.parametrize("name", sorted(set(COMMANDS) - {"extract"}))
def test_header_only_table_is_an_error_saying_so(tmp_path: Path, name: str) -> None:
    table = tmp_path / "empty.csv"
    table.write_text("source,subject,property,value,date\n")
    out = tmp_path / OUTPUT_NAME[name]
    result = CliRunner().invoke(main, [*name.split(), str(table), "-o", str(out)])
    assert result.exit_code == 1
    assert result.output == (
        f"Error: no claims in the input: {table}: the table has a header but no rows\n"
    )
    assert not out.exists()


def test_a_file_without_claims_among_others_is_a_warning(tmp_path: Path) -> None:
    table = tmp_path / "empty.csv"
    table.write_text("source,subject,property,value\n")
    result = CliRunner().invoke(main, ["claims", str(table), str(example_path()), "-q"])
    assert result.exit_code == 0
    assert result.stderr == f"warning: {table}: no claims: the table has a header but no rows\n"
    assert len(result.stdout.splitlines()) == sum(1 for _ in example_path().open()) - 1


def test_extract_refuses_a_table(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["extract", str(example_path()), "-o", str(tmp_path / "x.jsonl")]
    )
    assert result.exit_code == 2
    assert f"{example_path()} is a claim table, not narrative text" in result.output
    assert "claimgraph claims" in result.output
    assert os.listdir(tmp_path) == []


def test_text_without_claims_says_so(tmp_path: Path) -> None:
    calm = tmp_path / "calm.txt"
    calm.write_text("The bakery on the corner opened early and sold out of bread by noon.\n")
    for name in ("extract", "disputes"):
        result = CliRunner().invoke(main, [name, str(calm)])
        assert result.exit_code == 1
        assert result.output.startswith(f"Error: no claims in the input: {calm}: no sentence")
        assert "(read as English)" in result.output


def test_unknown_place_names_the_nearest(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["disputes", "--place", "Kafr Nahaa"])
    assert result.exit_code == 1
    assert result.output == (
        "Error: --place 'Kafr Nahaa': no such place in the input; nearest: Kafr Naha, Kfar Naha\n"
    )
    table = tmp_path / "two.csv"
    table.write_text(
        "source,subject,property,value,date\nSANA,Zeitan,control,army,2016-06-11\n"
        "SOHR,Hilan,control,rebels,2016-06-12\n"
    )
    far = runner.invoke(main, ["disputes", str(table), "--place", "Nowhere"])
    assert far.exit_code == 1
    assert far.output == (
        "Error: --place 'Nowhere': no such place in the input; the input has 2 (Hilan, Zeitan)\n"
    )
    # a spelling that resolves to a place in the data is no mistake
    assert runner.invoke(main, ["disputes", "--place", "Tel Hadya"]).exit_code == 0


@pytest.mark.parametrize("name", ["disputes", "sources"])
def test_unknown_property_names_the_nearest(name: str) -> None:
    result = CliRunner().invoke(main, [name, "--property", "kiled"])
    assert result.exit_code == 1
    assert result.output.startswith(
        "Error: --property 'kiled': no such property in the input; nearest: killed"
    )
    assert result.output.count("\n") == 1


def test_no_disputes_says_what_was_searched() -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["disputes", "--place", "Kafr Naha"])
    assert result.exit_code == 0
    assert result.stdout == "No disputes found.\n"
    assert result.stderr == (
        "no disputes: 3 claims about Kafr Naha from 2 sources; none contradicts, denies or "
        "leaves unclear another within --window 3 days\n"
    )
    quiet = runner.invoke(main, ["disputes", "--place", "Kafr Naha", "--quiet"])
    assert quiet.exit_code == 0
    assert quiet.stderr == ""


def test_one_source_has_no_pairs_and_says_so(tmp_path: Path) -> None:
    table = tmp_path / "one.csv"
    table.write_text("source,subject,property,value,date\nSANA,Zeitan,control,army,2016-06-11\n")
    result = CliRunner().invoke(main, ["sources", str(table), "--format", "json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["pairs"] == []
    assert result.stderr == "no pairs of sources to compare: only 1 source (SANA)\n"


def test_quiet_keeps_warnings_and_drops_notes(tmp_path: Path) -> None:
    out = tmp_path / "c.jsonl"
    loud = CliRunner().invoke(main, ["claims", "-o", str(out)])
    assert loud.stderr.startswith("wrote ")
    quiet = CliRunner().invoke(main, ["claims", "-o", str(out), "--quiet"])
    assert quiet.exit_code == 0
    assert quiet.stderr == ""


# -- a progress display on terminals only -----------------------------------------------------


def run_on_a_terminal(*args: str) -> str:
    """Run the CLI with standard error on a pseudo-terminal; what it showed there."""
    import pty
    import select

    leader, follower = pty.openpty()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "TERM": "xterm"}
    process = subprocess.Popen(
        [sys.executable, "-m", "claimgraph", *args],
        stdout=subprocess.DEVNULL,
        stderr=follower,
        env=env,
    )
    os.close(follower)
    shown = b""
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        ready, _, _ = select.select([leader], [], [], 1)
        if ready:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the terminal closed: the process ended
                break
            if not chunk:
                break
            shown += chunk
        elif process.poll() is not None:
            break
    process.wait(timeout=60)
    os.close(leader)
    assert process.returncode == 0, shown
    return shown.decode("utf-8", "replace")


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_progress_is_shown_on_a_terminal(tmp_path: Path) -> None:
    spanish = ROOT / "examples" / "frente_sur.es.txt"
    shown = run_on_a_terminal(
        "extract", str(ENGLISH), str(spanish), "-o", str(tmp_path / "x.jsonl")
    )
    assert f"extracting from {ENGLISH.name} (1/2)" in shown
    assert f"extracting from {spanish.name} (2/2)" in shown
    assert "(3/2)" not in shown
    assert "100%" in shown
    shown = run_on_a_terminal("disputes", str(example_path()), "-o", str(tmp_path / "d.md"))
    assert f"reading {example_path().name}  [" in shown
    assert f"working on {len(example_claims())} claims" in shown
    assert shown.rstrip().endswith(f"wrote {tmp_path / 'd.md'}")


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_quiet_shows_nothing_on_a_terminal(tmp_path: Path) -> None:
    assert run_on_a_terminal("disputes", "-q", "-o", str(tmp_path / "d.md")) == ""


def test_no_progress_in_a_pipe(tmp_path: Path) -> None:
    out = tmp_path / "x.jsonl"
    done = cli("extract", str(ENGLISH), "-o", str(out))
    assert done.returncode == 0
    written = len(out.read_text(encoding="utf-8").splitlines())
    assert done.stderr.splitlines() == [f"wrote {written} claims to {out}"]


def test_progress_helpers_stay_silent_off_a_terminal() -> None:
    from claimgraph.cli._feedback import input_progress, status

    @click.command()
    def probe() -> None:
        with input_progress([example_path()]) as done:
            done(example_path())
        status("working")

    result = CliRunner().invoke(probe, [])
    assert result.exit_code == 0
    assert result.output == ""
