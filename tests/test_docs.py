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


# The code blocks of README.md and docs/*.md are run by tests/test_doc_blocks.py.
