"""Every fenced code block of README.md and docs/*.md runs as written.

How a block is run, and how to write one, is in docs/testing.md ("Code blocks in
the documentation"). In short:

* ```` ```python ```` blocks of a page run in order in one namespace, as a reader
  following the page would run them; a block of ``>>>`` lines is a doctest (with
  ``ELLIPSIS`` and ``NORMALIZE_WHITESPACE``), any other block is executed.
* ```` ```console ```` blocks hold ``$ command`` lines, each followed by the output
  it prints; ```` ```bash ```` / ```` ```sh ```` blocks hold bare commands. A
  ``claimgraph`` command is run through the CLI and its output compared with the one
  shown (``...`` stands for any text, across lines too); ``pip install`` must name
  extras that pyproject.toml defines; ``pytest``, ``ruff`` and ``mypy`` must be run
  by ``.ci/run`` as written.
* Every page runs in a fresh directory laid out like a clone: ``examples/`` copied
  in, and ``../shared`` beside it when the real one exists. A block that names a
  path under ``../shared/`` runs on its own, and skips when the path is absent.
* Blocks that are not meant to run say what they show (```` ```text ````,
  ```` ```csv ````, ```` ```json ```` ...); a fence without an info string, or with
  one that is neither run nor listed as shown-only, fails.
"""

from __future__ import annotations

import difflib
import doctest
import glob
import re
import shlex
import shutil
import tomllib
import traceback
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs
import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
PAGES = ["README.md", *sorted(p.relative_to(ROOT).as_posix() for p in ROOT.glob("docs/*.md"))]

PYTHON = frozenset({"python", "py", "pycon"})
SHELL = frozenset({"console", "bash", "sh", "shell"})
SHOWN_ONLY = frozenset(
    {"text", "csv", "tsv", "json", "jsonl", "markdown", "md", "xml", "toml", "yaml", "diff"}
)
# Run by .ci/run itself (running them here would run the suite inside the suite).
CI_TOOLS = frozenset({"pytest", "ruff", "mypy"})
DOCTEST_FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
_SHARED_PATH = re.compile(r"\.\./shared/[^\s'\"`),;]+")
_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")


class DocBlockError(AssertionError):
    """A code block of the documentation that does not run as written."""


@attrs.frozen
class Block:
    """One fenced code block: where it is, its language, its text."""

    page: str
    line: int  # of the opening fence, counted from 1
    info: str  # the first word of the info string, lower case; "" when there is none
    body: str
    shows: str | None = None  # the repository file a shown-only block is a copy of

    @property
    def where(self) -> str:
        return f"{self.page}:{self.line}"

    def shared_paths(self) -> list[str]:
        """The ``../shared/...`` paths the block names."""
        return _SHARED_PATH.findall(self.body)


@attrs.frozen
class Command:
    """A shell command of a block, with the output shown after it (``None``: none shown)."""

    line: int
    text: str
    shown: str | None


def fenced_blocks(text: str, page: str) -> list[Block]:
    """The fenced code blocks of a Markdown text, in order (fences inside list items too)."""
    blocks: list[Block] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        opening = _FENCE.match(lines[i])
        if opening is None or (
            opening["fence"][0] == "`" and "`" in opening["info"]
        ):  # not a fence, or inline code that starts a line
            i += 1
            continue
        indent, fence = len(opening["indent"]), opening["fence"]
        body: list[str] = []
        j = i + 1
        while j < len(lines):
            closing = _FENCE.match(lines[j])
            if (
                closing is not None
                and closing["fence"][0] == fence[0]
                and len(closing["fence"]) >= len(fence)
                and not closing["info"].strip()
            ):
                break
            line = lines[j]
            body.append(line[min(indent, len(line) - len(line.lstrip())) :])
            j += 1
        else:
            raise DocBlockError(f"{page}:{i + 1}: code fence never closed")
        words = opening["info"].split()
        info = words[0].lower().strip("{}.") if words else ""
        shows = next((word for word in words[1:] if word.startswith("examples/")), None)
        blocks.append(Block(page, i + 1, info, "\n".join(body) + "\n" if body else "", shows))
        i = j + 1
    return blocks


def check_info_string(block: Block) -> None:
    """Every fence says what it holds, so that no block goes untested by accident."""
    if not block.info:
        raise DocBlockError(
            f"{block.where}: a fence without an info string; write ```python or ```console "
            "for code that runs, ```text, ```csv, ```json ... for what only shows"
        )
    if block.info not in PYTHON | SHELL | SHOWN_ONLY:
        raise DocBlockError(
            f"{block.where}: info string {block.info!r} is neither run "
            f"({', '.join(sorted(PYTHON | SHELL))}) "
            f"nor shown-only ({', '.join(sorted(SHOWN_ONLY))})"
        )


def check_shown_file(block: Block, root: Path = ROOT) -> None:
    """A block fenced as ```` ```csv examples/sides.csv ```` is that file, word for word."""
    if block.shows is None:
        return
    path = root / block.shows
    if not path.is_file():
        raise DocBlockError(f"{block.where}: shows {block.shows}, which does not exist")
    if path.read_text(encoding="utf-8") != block.body:
        diff = "\n".join(
            difflib.unified_diff(
                path.read_text(encoding="utf-8").splitlines(),
                block.body.splitlines(),
                block.shows,
                block.where,
                lineterm="",
            )
        )
        raise DocBlockError(f"{block.where}: not what {block.shows} holds:\n{diff}")


def shell_commands(block: Block) -> list[Command]:
    """The commands of a shell block: ``$ `` lines (each with the output shown below it)
    in a console block or wherever a prompt appears, else every line; a trailing ``\\``
    continues a command on the next line."""
    lines = block.body.splitlines()
    prompted = block.info == "console" or any(line.startswith("$ ") for line in lines)
    commands: list[Command] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        number = block.line + 1 + i
        if prompted and not line.startswith("$ "):
            if line.strip():
                raise DocBlockError(
                    f"{block.page}:{number}: output before any `$ ` command: {line!r}"
                )
            i += 1
            continue
        if not line.strip() or line.lstrip().startswith("#"):
            i += 1
            continue
        text = line[2:] if prompted else line
        while text.rstrip().endswith("\\") and i + 1 < len(lines):
            i += 1
            text = text.rstrip()[:-1] + " " + lines[i].strip()
        i += 1
        shown: list[str] = []
        if prompted:
            while i < len(lines) and not lines[i].startswith("$ "):
                shown.append(lines[i])
                i += 1
        output = "\n".join(shown).strip("\n")
        commands.append(Command(number, text.strip(), output if output.strip() else None))
    if not commands:
        raise DocBlockError(f"{block.where}: a {block.info} block with no command")
    return commands


def output_matches(shown: str, printed: str) -> bool:
    """Whether ``printed`` is the output ``shown`` in the docs: lines compared without
    trailing spaces, blank lines at either end ignored, ``...`` matching any text."""

    def tidy(text: str) -> str:
        return "\n".join(line.rstrip() for line in text.strip("\n").splitlines()) + "\n"

    return doctest.OutputChecker().check_output(tidy(shown), tidy(printed), doctest.ELLIPSIS)


def _pyproject() -> dict[str, Any]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def check_install(argv: Sequence[str], where: str) -> None:
    """``pip install`` of this project: every extra it names must exist in pyproject.toml,
    and anything else it installs must be a declared dependency."""
    project = _pyproject()["project"]
    extras = project.get("optional-dependencies", {})
    declared = {
        re.split(r"[\s<>=!~\[;]", spec, maxsplit=1)[0].lower()
        for spec in [
            *project.get("dependencies", []),
            *(s for group in extras.values() for s in group),
        ]
    }
    targets = [arg for arg in argv[argv.index("install") + 1 :] if not arg.startswith("-")]
    if not targets:
        raise DocBlockError(f"{where}: `pip install` of nothing")
    for target in targets:
        match = re.fullmatch(r"(?P<name>\.|claimgraph)(?:\[(?P<extras>[^\]]*)\])?", target)
        if match is None:
            name = re.split(r"[\s<>=!~\[;]", target, maxsplit=1)[0].lower()
            if name not in declared:
                raise DocBlockError(
                    f"{where}: `pip install {target}` is not this project nor a dependency "
                    "declared in pyproject.toml"
                )
            continue
        for extra in filter(None, (e.strip() for e in (match["extras"] or "").split(","))):
            if extra not in extras:
                raise DocBlockError(
                    f"{where}: extra [{extra}] is not in pyproject.toml "
                    f"(extras: {', '.join(sorted(extras))})"
                )


def _strip_python_m(argv: list[str]) -> list[str]:
    """``python3 -m tool args`` as ``tool args``."""
    if len(argv) >= 3 and re.fullmatch(r"python(3(\.\d+)?)?", argv[0]) and argv[1] == "-m":
        return argv[2:]
    return argv


def run_claimgraph(args: list[str]) -> tuple[int, str]:
    """Run the CLI in this process; (exit code, stdout and stderr as a terminal shows them)."""
    from click.testing import CliRunner

    from claimgraph.cli import main

    result = CliRunner().invoke(main, args, prog_name="claimgraph", terminal_width=100)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        trace = "".join(traceback.format_exception(result.exception))
        return 1, result.output + "\n" + trace
    return result.exit_code, result.output


def _expand(arg: str) -> list[str]:
    """A shell glob, as the shell expands it (kept as written when nothing matches)."""
    if "*" in arg or "?" in arg:
        return sorted(glob.glob(arg)) or [arg]
    return [arg]


def run_command(
    command: Command, page: str, runner: Callable[[list[str]], tuple[int, str]] = run_claimgraph
) -> None:
    """Run one shell command of a block as the docs show it, or raise DocBlockError."""
    where = f"{page}:{command.line}"
    try:
        words = shlex.split(command.text, comments=True)
    except ValueError as exc:
        raise DocBlockError(f"{where}: cannot parse `{command.text}`: {exc}") from exc
    operators = sorted({"|", "||", ";", ">", ">>", "<", "&", "2>", "2>&1"} & set(words))
    if operators:
        raise DocBlockError(
            f"{where}: `{command.text}` uses {' '.join(operators)}; only `&&` is run here "
            "(write `-o FILE` rather than a redirection)"
        )
    steps: list[list[str]] = [[]]
    for word in words:
        if word == "&&":
            steps.append([])
        else:
            steps[-1].append(word)
    outputs: list[str] = []
    status = 0
    for argv in (_strip_python_m(step) for step in steps):
        if not argv:
            raise DocBlockError(f"{where}: empty command in `{command.text}`")
        if argv[0] == "claimgraph":
            status, printed = runner([a for arg in argv[1:] for a in _expand(arg)])
            outputs.append(printed)
            if status != 0:
                break
        elif argv[0] in {"pip", "pip3"} and "install" in argv:
            check_install(argv, where)
        elif argv[0] in CI_TOOLS or argv == ["bash", ".ci/run"]:
            ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
            if argv != ["bash", ".ci/run"] and shlex.join(argv) not in ci:
                raise DocBlockError(f"{where}: `{shlex.join(argv)}` is not what .ci/run runs")
        else:
            raise DocBlockError(
                f"{where}: no way to run `{argv[0]}` here; show it in a ```text block, or "
                "teach tests/test_doc_blocks.py to run it"
            )
    printed = "".join(outputs)
    shows_error = command.shown is not None and re.search(r"(?m)^Error: ", command.shown)
    if status != 0 and not shows_error:
        raise DocBlockError(f"{where}: `{command.text}` exited {status}:\n{printed}")
    if status == 0 and shows_error:
        raise DocBlockError(f"{where}: `{command.text}` shows an error but succeeded:\n{printed}")
    if command.shown is not None and not output_matches(command.shown, printed):
        diff = "\n".join(
            difflib.unified_diff(
                command.shown.splitlines(),
                printed.rstrip("\n").splitlines(),
                "shown",
                "printed",
                lineterm="",
            )
        )
        raise DocBlockError(
            f"{where}: the output of `{command.text}` is not the one shown "
            f"(`...` stands for any text):\n{diff}\n--- printed in full:\n{printed}"
        )


def run_python(block: Block, namespace: dict[str, Any]) -> None:
    """Run a Python block in the page's namespace: as a doctest when it is a ``>>>``
    session, else as a script; raise DocBlockError with the page's line numbers."""
    if re.match(r"\s*>>>", block.body):
        parser = doctest.DocTestParser()
        for piece in parser.parse(block.body, block.where):
            if isinstance(piece, str) and piece.strip():
                raise DocBlockError(
                    f"{block.where}: text outside the `>>>` examples would not run: "
                    f"{piece.strip().splitlines()[0]!r}"
                )
        test = parser.get_doctest(block.body, namespace, block.where, block.page, block.line)
        runner = doctest.DocTestRunner(optionflags=DOCTEST_FLAGS)
        report: list[str] = []
        runner.run(test, out=report.append, clear_globs=False)
        namespace.update(test.globs)  # the DocTest ran in a copy: later blocks see its names
        if runner.failures:
            raise DocBlockError("".join(report))
        return
    try:
        exec(compile("\n" * block.line + block.body, block.page, "exec"), namespace)
    except Exception as exc:
        # Drop this function's frame: the trace starts at the page's line.
        inner = exc.__traceback__.tb_next if exc.__traceback__ else None
        trace = "".join(traceback.format_exception(type(exc), exc, inner))
        raise DocBlockError(f"{block.where}: the block raised\n{trace}") from exc


def run_block(block: Block, namespace: dict[str, Any]) -> None:
    """Run a block that is meant to run; shown-only blocks are left as they are."""
    check_info_string(block)
    check_shown_file(block)
    if block.info in PYTHON:
        run_python(block, namespace)
    elif block.info in SHELL:
        for command in shell_commands(block):
            run_command(command, block.page)


def prose_lines(text: str) -> Iterator[tuple[int, str]]:
    """(number, line) of the lines of a Markdown text outside fenced code blocks."""
    fence: str | None = None
    for number, line in enumerate(text.splitlines(), 1):
        match = _FENCE.match(line)
        if fence is None and match is not None and "`" not in match["info"]:
            fence = match["fence"]
        elif (
            fence is not None
            and match is not None
            and match["fence"].startswith(fence)
            and not match["info"].strip()
        ):
            fence = None
        elif fence is None:
            yield number, line


def indented_code(text: str, page: str) -> list[str]:
    """Indented code blocks (four spaces after a paragraph, outside any list): code the
    test would not see, which must be fenced instead."""
    found = []
    previous: list[str] = [""]
    for number, line in prose_lines(text):
        before = next((p for p in reversed(previous) if p.strip()), "")
        if (
            line.startswith("    ")
            and line.strip()
            and not previous[-1].strip()
            and before
            and not before[0].isspace()
            and not re.match(r"([-*+]|\d+[.)])\s", before)
        ):
            found.append(f"{page}:{number}: indented code block; fence it with an info string")
        previous.append(line)
    return found


def inline_installs(text: str) -> list[tuple[int, list[str]]]:
    """(line, argv) of every ``pip install`` written as inline code in the prose, but for
    placeholders (``pip install ...``)."""
    found = []
    for number, line in prose_lines(text):
        for span in re.findall(r"`([^`]*\bpip3? install [^`]*)`", line):
            argv = _strip_python_m(shlex.split(span))
            if "..." not in argv:
                found.append((number, argv))
    return found


@pytest.fixture
def clone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory laid out like a fresh clone: examples/ in it, shared/ beside it."""
    work = tmp_path / "claimgraph"
    shutil.copytree(ROOT / "examples", work / "examples", symlinks=False)
    if SHARED.is_dir():
        (tmp_path / "shared").symlink_to(SHARED, target_is_directory=True)
    monkeypatch.chdir(work)
    return work


def _blocks(page: str) -> list[Block]:
    return fenced_blocks((ROOT / page).read_text(encoding="utf-8"), page)


def _needs_shared(block: Block) -> bool:
    return bool(block.shared_paths())


def _shared_blocks() -> list[Block]:
    return [block for page in PAGES for block in _blocks(page) if _needs_shared(block)]


@pytest.mark.parametrize("page", PAGES)
def test_every_fence_says_what_it_holds(page: str) -> None:
    for block in _blocks(page):
        check_info_string(block)


@pytest.mark.parametrize("page", PAGES)
def test_the_code_blocks_of_a_page_run_as_written(page: str, clone: Path) -> None:
    """The page's blocks in order, one Python namespace, one working directory."""
    namespace: dict[str, Any] = {"__name__": "__doc_page__"}
    for block in _blocks(page):
        if not _needs_shared(block):
            run_block(block, namespace)


@pytest.mark.parametrize("page", PAGES)
def test_no_code_hides_in_an_indented_block(page: str) -> None:
    assert indented_code((ROOT / page).read_text(encoding="utf-8"), page) == []


@pytest.mark.parametrize("page", PAGES)
def test_install_commands_in_the_prose_name_real_extras(page: str) -> None:
    for line, argv in inline_installs((ROOT / page).read_text(encoding="utf-8")):
        check_install(argv, f"{page}:{line}")


_REPO_PATH = re.compile(
    r"(?<![\w./-])((?:examples|benchmarks|tools|tests|src|docs|\.ci)/[\w.*/-]*[\w*])"
)


def missing_paths(text: str, page: str, root: Path = ROOT) -> list[str]:
    """Paths of the repository that a page names (in prose or code) and that do not exist;
    a glob must match something."""
    return [
        f"{page}:{number}: {path} does not exist"
        for number, line in enumerate(text.splitlines(), 1)
        for path in _REPO_PATH.findall(line)
        if not glob.glob(str(root / path))
    ]


@pytest.mark.parametrize("page", PAGES)
def test_the_files_a_page_names_are_in_the_repository(page: str) -> None:
    assert missing_paths((ROOT / page).read_text(encoding="utf-8"), page) == []


@pytest.mark.parametrize("block", _shared_blocks(), ids=lambda block: block.where)
def test_blocks_on_shared_data_run_where_the_data_is(block: Block, clone: Path) -> None:
    missing = [path for path in block.shared_paths() if not (clone / path).exists()]
    if missing:
        pytest.skip(f"{block.where} needs {', '.join(missing)} (absent)")
    run_block(block, {"__name__": "__doc_page__"})


# The checks above must be able to fail: each kind of drift is caught.


def _page(text: str) -> list[Block]:
    return fenced_blocks(text, "page.md")


def test_a_fence_without_info_string_or_with_an_unknown_one_fails() -> None:
    bare, odd, fine = _page("```\nx\n```\n\n```rust\nfn main() {}\n```\n\n```csv\na,b\n```\n")
    with pytest.raises(DocBlockError, match=r"page\.md:1: a fence without an info string"):
        check_info_string(bare)
    with pytest.raises(DocBlockError, match="'rust'"):
        check_info_string(odd)
    check_info_string(fine)


def test_fences_are_found_inside_lists_and_longer_fences_hold_shorter_ones() -> None:
    [listed, outer] = _page(
        "1. Run:\n\n   ```console\n   $ claimgraph places\n   ```\n\n"
        "````markdown\n```python\nx = 1\n```\n````\n"
    )
    assert (listed.line, listed.info, listed.body) == (3, "console", "$ claimgraph places\n")
    assert (outer.info, outer.body) == ("markdown", "```python\nx = 1\n```\n")
    with pytest.raises(DocBlockError, match="never closed"):
        _page("```python\nx = 1\n")


def test_console_commands_keep_their_output_and_continuations() -> None:
    [block] = _page(
        "```console\n$ claimgraph disputes a.csv \\\n    --format csv   # comment\n"
        "place,property\nX,control\n$ claimgraph places\n```\n"
    )
    first, second = shell_commands(block)
    assert first.line == 2
    assert first.text == "claimgraph disputes a.csv  --format csv   # comment"
    assert first.shown == "place,property\nX,control"
    assert (second.line, second.text, second.shown) == (6, "claimgraph places", None)
    [orphan] = _page("```console\nsome output\n```\n")
    with pytest.raises(DocBlockError, match="output before any"):
        shell_commands(orphan)


def test_shown_output_is_compared_with_ellipsis_for_volatile_parts() -> None:
    assert output_matches("a\nb  \n", "\na\nb\n\n")
    assert output_matches("trust (method ...)\n...\nend", "trust (method accu)\nx\ny\nend")
    assert not output_matches("a\nb", "a\nc")
    assert not output_matches("trust 0.75", "trust 0.69")


def test_a_command_whose_output_drifted_or_that_failed_is_reported() -> None:
    def fake(args: list[str]) -> tuple[int, str]:
        return (0, "one\n") if args == ["places"] else (1, "Error: no such file\n")

    run_command(Command(3, "claimgraph places", "one"), "p.md", fake)
    with pytest.raises(DocBlockError, match=r"p\.md:3: the output of"):
        run_command(Command(3, "claimgraph places", "two"), "p.md", fake)
    with pytest.raises(DocBlockError, match="exited 1"):
        run_command(Command(4, "claimgraph disputes x.csv", None), "p.md", fake)
    run_command(Command(4, "claimgraph disputes x.csv", "Error: no such file"), "p.md", fake)
    with pytest.raises(DocBlockError, match="shows an error but succeeded"):
        run_command(Command(5, "claimgraph places", "Error: one"), "p.md", fake)
    with pytest.raises(DocBlockError, match="no way to run `curl`"):
        run_command(Command(6, "curl -O x", None), "p.md", fake)
    with pytest.raises(DocBlockError, match=r"uses \|; only `&&`"):
        run_command(Command(7, "claimgraph places | head", None), "p.md", fake)


def test_install_commands_name_real_extras() -> None:
    check_install(["pip", "install", "-e", ".[dev]"], "p.md:1")
    check_install(["pip", "install", "claimgraph[pandas,test]"], "p.md:1")
    check_install(["pip", "install", "pandas"], "p.md:1")
    with pytest.raises(DocBlockError, match=r"extra \[plots\]"):
        check_install(["pip", "install", ".[plots]"], "p.md:1")
    with pytest.raises(DocBlockError, match="not this project"):
        check_install(["pip", "install", "truthdiscovery"], "p.md:1")
    with pytest.raises(DocBlockError, match=r"not what \.ci/run runs"):
        run_command(Command(1, "python3 -m pytest -k nothing", None), "p.md")


def test_python_blocks_share_a_namespace_and_fail_on_undefined_names() -> None:
    first, second, session, broken, prose = _page(
        "```python\nx = 2\n```\n\n```python\ny = x * 3\n```\n\n"
        "```python\n>>> y\n6\n```\n\n```python\nprint(undefined_name)\n```\n\n"
        "```python\n>>> 1\n1\n\nz = 3\n```\n"
    )
    namespace: dict[str, Any] = {}
    for block in (first, second, session):
        run_python(block, namespace)
    with pytest.raises(
        DocBlockError,
        match=r'page.md:14: the block raised(.|\n)*"page.md", line 15(.|\n)*undefined_name',
    ):
        run_python(broken, namespace)
    with pytest.raises(DocBlockError, match="outside the `>>>` examples"):
        run_python(prose, namespace)
    [wrong] = _page("```python\n>>> 1 + 1\n3\n```\n")
    with pytest.raises(DocBlockError, match="Expected"):
        run_python(wrong, {})


def test_blocks_naming_shared_data_are_found() -> None:
    [block] = _page("```console\n$ claimgraph resolve ../shared/truth-data/flight/x.tsv\n```\n")
    assert block.shared_paths() == ["../shared/truth-data/flight/x.tsv"]


def test_a_block_that_shows_a_file_of_the_repository_is_that_file(tmp_path: Path) -> None:
    (tmp_path / "examples").mkdir()
    (tmp_path / "examples" / "sides.csv").write_text("name,side\nGuard,vessa\n", encoding="utf-8")
    same, drifted, missing = _page(
        "```csv examples/sides.csv\nname,side\nGuard,vessa\n```\n\n"
        "```csv examples/sides.csv\nname,side\nGuard,dorra\n```\n\n"
        "```text examples/gone.txt\nx\n```\n"
    )
    assert (same.info, same.shows) == ("csv", "examples/sides.csv")
    check_shown_file(same, tmp_path)
    with pytest.raises(DocBlockError, match=r"page.md:6: not what examples/sides.csv holds"):
        check_shown_file(drifted, tmp_path)
    with pytest.raises(DocBlockError, match="does not exist"):
        check_shown_file(missing, tmp_path)


def test_indented_code_and_prose_installs_are_found() -> None:
    text = (
        "Run this:\n\n    claimgraph places\n\n- a list\n\n    its second paragraph\n\n"
        "```text\n\n    inside a fence\n```\n\n"
        "Install with `pip install '.[plots]'`, or `python3 -m pip install ...`.\n"
    )
    assert indented_code(text, "p.md") == [
        "p.md:3: indented code block; fence it with an info string"
    ]
    [(line, argv)] = inline_installs(text)
    assert (line, argv) == (14, ["pip", "install", ".[plots]"])
    with pytest.raises(DocBlockError, match=r"extra \[plots\]"):
        check_install(argv, f"p.md:{line}")


def test_a_page_naming_a_file_that_is_not_there_is_reported(tmp_path: Path) -> None:
    (tmp_path / "examples").mkdir()
    (tmp_path / "examples" / "a.en.txt").write_text("x", encoding="utf-8")
    text = (
        "Read `examples/a.en.txt`, all of examples/*.txt, and\n"
        "`claimgraph extract examples/informe.txt` (see my/examples/x.txt).\n"
    )
    assert missing_paths(text, "p.md", tmp_path) == ["p.md:2: examples/informe.txt does not exist"]
