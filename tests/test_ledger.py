"""The claim ledger: ingest, re-ingest, replacement, transactions, and --db on every command."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import claimgraph
from claimgraph.cli import main
from claimgraph.data import example_path
from claimgraph.ledger import Ledger, LedgerError
from claimgraph.testing import write_synthetic

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


def run(*args: str | Path) -> str:
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def fails(*args: str | Path) -> tuple[int, str]:
    result = CliRunner().invoke(main, [str(a) for a in args])
    return result.exit_code, result.output


def table_counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as connection:
        names = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        return {n: connection.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("synthetic")
    whole = folder / "whole.csv"
    write_synthetic(whole, 4500, seed=5)
    header, *rows = whole.read_text(encoding="utf-8").splitlines(keepends=True)
    first, second = folder / "first.csv", folder / "second.csv"
    first.write_text(header + "".join(rows[:3000]), encoding="utf-8")
    second.write_text(header + "".join(rows[3000:]), encoding="utf-8")
    return first, second


def test_ledger_claims_are_what_the_reader_gives(
    tmp_path: Path, synthetic: tuple[Path, Path]
) -> None:
    with Ledger.open(tmp_path / "c.db", create=True) as ledger:
        ledger.ingest(synthetic)
        assert ledger.claims() == claimgraph.read_claims(synthetic)
        assert [f.given_path for f in ledger.files()] == [str(p) for p in synthetic]


def test_ingest_twice_changes_nothing(tmp_path: Path, synthetic: tuple[Path, Path]) -> None:
    db = tmp_path / "c.db"
    run("ingest", *synthetic, "--db", db)
    before = table_counts(db)
    with sqlite3.connect(db) as connection:
        files_before = connection.execute("SELECT * FROM files").fetchall()
    result = CliRunner().invoke(main, ["ingest", *map(str, synthetic), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "unchanged (same content and options): nothing added" in result.stderr
    assert "the ledger is unchanged" in result.stderr
    assert table_counts(db) == before
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT * FROM files").fetchall() == files_before


def test_a_changed_file_replaces_its_claims_in_its_place(tmp_path: Path) -> None:
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    lines = example_path().read_text(encoding="utf-8").splitlines(keepends=True)
    first.write_text("".join(lines[:10]), encoding="utf-8")
    second.write_text("".join(lines[:1] + lines[10:]), encoding="utf-8")
    with Ledger.open(tmp_path / "c.db", create=True) as ledger:
        ledger.ingest([first, second])
        first.write_text("".join(lines[:6]), encoding="utf-8")
        done = ledger.ingest([first])
        assert [(f.status, f.claims, f.removed) for f in done.files] == [("replaced", 5, 9)]
        # the changed file keeps its place before the other, as on the command line
        assert ledger.claims() == claimgraph.read_claims([first, second])


def test_other_reading_options_read_a_text_again(tmp_path: Path) -> None:
    text = EXAMPLES / "northern_front.en.txt"
    with Ledger.open(tmp_path / "c.db", create=True) as ledger:
        ledger.ingest([text])
        again = ledger.ingest([text], text_options={"lang": "en", "year": 2015})
        assert again.files[0].status == "reread"
        assert ledger.claims() == claimgraph.read_claims(
            text, text_options={"lang": "en", "year": 2015}
        )
        assert ledger.ingest([text], text_options={"lang": "en", "year": 2015}).changed is False


def test_a_bad_file_writes_nothing(tmp_path: Path, synthetic: tuple[Path, Path]) -> None:
    db = tmp_path / "c.db"
    run("ingest", synthetic[0], "--db", db)
    before = table_counts(db)
    bad = tmp_path / "bad.csv"
    bad.write_text("source,subject,property,value\nSANA,Hilan,control,martians\n")
    code, output = fails("ingest", synthetic[1], bad, "--db", db)
    assert code == 1
    assert "bad.csv:2: field 'value'" in output
    assert table_counts(db) == before


def test_a_claim_id_taken_by_another_file_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "copy" / example_path().name
    other.parent.mkdir()
    other.write_bytes(example_path().read_bytes())
    db = tmp_path / "c.db"
    run("ingest", example_path(), "--db", db)
    before = table_counts(db)
    code, output = fails("ingest", other, "--db", db)
    assert code == 1
    assert "is already in the ledger, from" in output
    assert table_counts(db) == before


KILL_SCRIPT = """
import sys
from claimgraph.ledger import Ledger
with Ledger.open(sys.argv[1]) as ledger:
    ledger.ingest([sys.argv[2]])
print("finished")
"""


def test_a_killed_ingest_leaves_the_ledger_as_it_was(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    run("ingest", example_path(), "--db", db)
    before = table_counts(db)
    large = tmp_path / "large.csv"
    write_synthetic(large, 120_000, seed=9)
    journal = db.with_name(db.name + "-journal")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    process = subprocess.Popen(
        [sys.executable, "-c", KILL_SCRIPT, str(db), str(large)],
        env=env,
        stdout=subprocess.PIPE,
    )
    deadline = time.monotonic() + 300
    while not journal.exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.002)
    assert process.poll() is None, "the ingest ended before it was caught writing"
    assert journal.exists(), "the ingest never started writing"
    time.sleep(0.05)  # well inside the write of 120k claims
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL
    with sqlite3.connect(db) as connection:  # opening rolls the hot journal back
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    assert table_counts(db) == before
    with Ledger.open(db) as ledger:
        assert ledger.claims() == claimgraph.read_claims(example_path())


def test_the_schema_is_plain_tables_with_keys(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    run("ingest", example_path(), EXAMPLES / "northern_front.en.txt", "--db", db)
    with sqlite3.connect(db) as connection:
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        assert connection.execute("SELECT version FROM schema_version").fetchall() == [(1,)]
        for table in tables:
            columns = connection.execute(f'PRAGMA table_info("{table}")').fetchall()
            assert any(column[5] for column in columns), f"{table} has no primary key"
        linked = {
            (table, fk[3], fk[2])
            for table in tables
            for fk in connection.execute(f'PRAGMA foreign_key_list("{table}")')
        }
        assert ("claims", "file_id", "files") in linked
        assert ("claims", "subject", "place_variants") in linked
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        kinds = dict(connection.execute("SELECT given_path, kind FROM files"))
        assert sorted(kinds.values()) == ["table", "text"]
        # the places kept are those the places command shows
        kept = connection.execute("SELECT count(*) FROM places").fetchone()[0]
    shown = run("places", "--db", db, "--format", "json")
    assert shown.count('"id":') == kept


def test_docs_name_every_table_and_column(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    run("ingest", example_path(), "--db", db)
    doc = (ROOT / "docs" / "ledger.md").read_text(encoding="utf-8")
    with sqlite3.connect(db) as connection:
        for (table,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
            assert f"### `{table}`" in doc, table
            section = doc.split(f"### `{table}`", 1)[1].split("\n### ", 1)[0]
            for column in connection.execute(f'PRAGMA table_info("{table}")'):
                assert f"| `{column[1]}` |" in section, f"{table}.{column[1]}"


@pytest.mark.parametrize(
    "command", ["disputes", "sources", "report", "resolve", "places", "claims"]
)
def test_db_output_equals_the_files_output_on_the_example(tmp_path: Path, command: str) -> None:
    db = tmp_path / "c.db"
    run("ingest", example_path(), "--db", db)
    assert run(command, "--db", db) == run(command, example_path())


@pytest.mark.parametrize("command", ["disputes", "sources", "report"])
def test_db_output_equals_the_files_output_on_synthetic_claims(
    tmp_path: Path, synthetic: tuple[Path, Path], command: str
) -> None:
    db = tmp_path / "c.db"
    run("ingest", *synthetic, "--db", db)
    assert run(command, "--db", db, "--format", "md") == run(command, *synthetic, "--format", "md")


def test_db_keeps_the_sources_and_sides_given_at_ingest(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    inputs = [EXAMPLES / "claims.csv", EXAMPLES / "brel.en.txt"]
    options = ["--sources", EXAMPLES / "sources.csv", "--sides", EXAMPLES / "sides.csv"]
    run("ingest", *inputs, *options, "--db", db)
    with Ledger.open(db) as ledger:
        assert len(ledger.sources()) > 0
        assert len(ledger.actors()) > 0
    for command in ("disputes", "sources"):
        with_files = run(command, *inputs, *options, "--format", "json")
        assert run(command, "--db", db, "--format", "json") == with_files
    graph_db, graph_files = tmp_path / "db.graphml", tmp_path / "files.graphml"
    run("graph", "--db", db, "-o", graph_db)
    run("graph", *inputs, *options, "-o", graph_files)
    assert graph_db.read_bytes() == graph_files.read_bytes()


def test_db_refusals(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    run("ingest", example_path(), "--db", db)
    code, output = fails("disputes", example_path(), "--db", db)
    assert code == 2
    assert "give INPUT files or --db, not both" in output
    code, output = fails("disputes", "--db", tmp_path / "none.db")
    assert code == 1
    assert "none.db: no such ledger; make one with claimgraph ingest" in output
    not_sqlite = tmp_path / "notes.db"
    not_sqlite.write_text("hello\n")
    code, output = fails("sources", "--db", not_sqlite)
    assert code == 1
    assert "notes.db: not a claimgraph ledger" in output
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE t (x)")
    code, output = fails("report", "--db", other)
    assert code == 1
    assert "other.db: not a claimgraph ledger (an SQLite file without" in output
    code, output = fails("disputes", "--db", db, "--map", "source=Who")
    assert code == 2
    assert "--map is for reading INPUT files" in output
    code, output = fails("ingest", example_path())
    assert code == 2
    assert "Missing option '--db'" in output
    with pytest.raises(LedgerError, match="is a directory"):
        Ledger.open(tmp_path)
