"""Documentation that must not drift from the code."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest

import claimgraph

ROOT = Path(__file__).resolve().parents[1]


def _cli_docs_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("cli_docs", ROOT / "tools" / "cli_docs.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["cli_docs"] = module
    spec.loader.exec_module(module)
    return module


def test_cli_reference_matches_the_commands_help() -> None:
    module = _cli_docs_module()
    assert (ROOT / "docs" / "cli.md").read_text(encoding="utf-8") == module.render(), (
        "docs/cli.md is out of date: run python tools/cli_docs.py"
    )


def _help_blocks(text: str) -> dict[str, str]:
    """Command name ("" for the group) -> the help text shown under its heading."""
    blocks = re.findall(r"^## claimgraph ?(\S*)\n\n```text\n(.*?)\n```", text, re.S | re.M)
    return dict(blocks)


def test_cli_reference_is_what_the_installed_command_prints() -> None:
    """The help as a user gets it from a shell, not only from the test runner."""
    import os
    import subprocess

    from claimgraph.cli import main

    blocks = _help_blocks((ROOT / "docs" / "cli.md").read_text(encoding="utf-8"))
    assert set(blocks) == {"", *main.commands}  # type: ignore[attr-defined]
    # A terminal of 100 columns: click keeps a margin of 2, as tools/cli_docs.py's WIDTH.
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "COLUMNS": "100"}
    for name, documented in blocks.items():
        assert "Usage: main" not in documented
        assert documented.startswith(f"Usage: claimgraph {name}".rstrip() + " ")
        shown = subprocess.run(
            [sys.executable, "-m", "claimgraph", *([name] if name else []), "--help"],
            capture_output=True,
            text=True,
            env=env,
            check=True,
            timeout=120,
        ).stdout
        assert shown.rstrip() == documented, f"docs/cli.md: claimgraph {name} --help changed"


def test_readme_lists_every_command() -> None:
    from claimgraph.cli import main

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in main.commands:  # type: ignore[attr-defined]
        assert f"claimgraph {name}" in readme, name


def test_readme_setup_commands_are_what_ci_runs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    block = re.search(r"## Set-up.*?```bash\n(.*?)```", readme, re.S)
    assert block is not None
    commands = [line for line in block.group(1).splitlines() if line and not line.startswith("#")]
    assert len(commands) == 2
    for command in commands:
        assert command in ci


@pytest.mark.parametrize("name", claimgraph.__all__)
def test_public_names_are_documented(name: str) -> None:
    obj = getattr(claimgraph, name)
    if callable(obj):
        assert obj.__doc__, f"{name} has no docstring"


def test_readme_python_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"From Python:\n\n```python\n(.*?)```", readme, re.S)
    assert block is not None
    monkeypatch.chdir(ROOT)
    exec(compile(block.group(1), "README.md", "exec"), {})


def _python_blocks(text: str) -> list[tuple[int, str]]:
    """(line, body) of the ```python blocks of a Markdown text."""
    return [
        (text.count("\n", 0, m.start(1)) + 1, m.group(1))
        for m in re.finditer(r"```python\n(.*?)```", text, re.S)
    ]


@pytest.mark.parametrize("page", ["docs/extraction.md"])
def test_doc_python_examples_run(page: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The ``>>>`` examples of a page run as written, each block on its own."""
    import doctest

    monkeypatch.chdir(ROOT)
    text = (ROOT / page).read_text(encoding="utf-8")
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    report: list[str] = []
    for line, body in _python_blocks(text):
        if ">>>" not in body:
            continue
        runner.run(parser.get_doctest(body, {}, f"{page}:{line}", page, line), out=report.append)
    assert runner.failures == 0, "".join(report)


def _console_examples(text: str) -> list[tuple[str, str]]:
    """(command, output) of every ``$ claimgraph`` line followed by its output."""
    found = []
    for block in re.findall(r"```console\n(.*?)```", text, re.S):
        lines = block.splitlines()
        for i, line in enumerate(lines):
            if not line.startswith("$ claimgraph "):
                continue
            output = []
            for after in lines[i + 1 :]:
                if after.startswith("$ "):
                    break
                output.append(after)
            if any(output) and not line.rstrip().endswith("\\"):
                found.append((line[2:].split("  #")[0].strip(), "\n".join(output).strip()))
    return found


@pytest.mark.parametrize("page", ["README.md", "docs/extraction.md"])
def test_console_outputs_are_what_the_commands_print(
    page: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pasted outputs stay true: each shown command is run and its output compared."""
    import shlex

    from click.testing import CliRunner

    from claimgraph.cli import main

    monkeypatch.chdir(ROOT)
    examples = _console_examples((ROOT / page).read_text(encoding="utf-8"))
    assert examples, page
    for command, expected in examples:
        result = CliRunner().invoke(
            main, shlex.split(command)[1:], prog_name="claimgraph", terminal_width=100
        )
        assert result.output.strip() == expected, (
            f"{page}: the output of `{command}` changed; paste the new one:\n{result.output}"
        )
