"""The claim ledger: claims, their files and what was made of them, kept in SQLite."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

import attrs

from .._errors import ClaimgraphError
from ..model import Claim, Source, SourceRegistry

__all__ = ["FileIngest", "IngestResult", "Ledger", "LedgerError", "LedgerFile"]


class LedgerError(ClaimgraphError, ValueError):
    """A ledger file is missing, is not a claimgraph ledger, or an ingest would break it
    (a claim id already taken by another file's claim)."""


@attrs.frozen(slots=True)
class LedgerFile:
    """One ingested file, as the ``files`` table keeps it (see ``docs/ledger.md``)."""

    id: int
    path: str
    given_path: str
    kind: str
    sha256: str
    size: int
    mtime: str
    ingested: str
    claimgraph_version: str
    options: Mapping[str, Any]
    claims: int


@attrs.frozen(slots=True)
class FileIngest:
    """What one ingest did with one file.

    ``status`` is ``added`` (new to the ledger), ``unchanged`` (same content and
    reading options: nothing written), ``replaced`` (its claims deleted and its new
    ones inserted) or ``reread`` (same content, other reading options: replaced too).
    """

    path: str
    status: str
    claims: int
    removed: int = 0


@attrs.frozen(slots=True)
class IngestResult:
    """The files of one :meth:`Ledger.ingest`, in the order given."""

    files: tuple[FileIngest, ...]

    @property
    def changed(self) -> bool:
        """Whether the ingest wrote anything."""
        return any(f.status != "unchanged" for f in self.files)

    def summary(self) -> str:
        """One line: how many files were added, replaced, read again or left unchanged."""
        counts = Counter(f.status for f in self.files)
        parts = [
            f"{counts[status]} {status}"
            for status in ("added", "replaced", "reread", "unchanged")
            if counts[status]
        ]
        added = sum(f.claims for f in self.files if f.status != "unchanged")
        removed = sum(f.removed for f in self.files)
        files = len(self.files)
        line = f"{files} file{'s' if files != 1 else ''}: {', '.join(parts)}"
        if not self.changed:
            return line + "; the ledger is unchanged"
        return f"{line}; {added:,} claims written, {removed:,} removed"


_TABLE_KINDS = frozenset({".csv", ".tsv", ".jsonl", ".ndjson"})

_CLAIM_COLUMNS = (
    "id",
    "file_id",
    "position",
    "source",
    "subject",
    "property",
    "value",
    "low",
    "high",
    "start",
    '"end"',
    "precision",
    "stance",
    "partial",
    "share",
    "alignment",
    "source_kind",
    "doc",
    "sentence",
    "text",
    "url",
)


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(functools.partial(handle.read, 1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@functools.lru_cache(maxsize=1 << 16)
def _date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


class Ledger:
    """Claims kept between runs in one SQLite file, with the files they came from.

    Open (or create) one with :meth:`Ledger.open`; :meth:`ingest` reads files with
    the same readers as every command (:func:`claimgraph.read_claims`), skipping
    files whose content and reading options are unchanged and replacing the claims
    of a file that changed, all in one transaction. :meth:`claims` gives the claims
    back, file by file in the order the files were first ingested, each file's in
    its own order: the list :func:`claimgraph.read_claims` gives for those files.
    The schema is in ``docs/ledger.md``.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> from claimgraph.data import example_path
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> with Ledger.open(folder / "claims.db", create=True) as ledger:
    ...     print(ledger.ingest([example_path()]).summary())
    ...     print(ledger.ingest([example_path()]).summary())
    ...     claims = ledger.claims()
    1 file: 1 added; 23 claims written, 0 removed
    1 file: 1 unchanged; the ledger is unchanged
    >>> import claimgraph
    >>> claims == claimgraph.read_claims(example_path())
    True
    """

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self._db = connection
        self.path = path

    # -- opening -------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, *, create: bool = False) -> Ledger:
        """Open the ledger at ``path``; ``create=True`` makes a new one if there is none.

        Raises
        ------
        LedgerError
            When there is no file at ``path`` (and ``create`` is false), or the file
            is not a claimgraph ledger (not SQLite, or SQLite without the ledger's
            tables, or of another schema version).

        Examples
        --------
        >>> import pathlib, tempfile
        >>> Ledger.open(pathlib.Path(tempfile.mkdtemp()) / "none.db")
        Traceback (most recent call last):
        ...
        claimgraph.ledger._ledger.LedgerError: .../none.db: no such ledger; make one with \
claimgraph ingest INPUT... --db .../none.db
        """
        path = Path(path)
        if path.is_dir():
            raise LedgerError(f"{path}: is a directory, not a ledger file")
        exists = path.exists() and path.stat().st_size > 0
        if not exists and not create:
            raise LedgerError(
                f"{path}: no such ledger; make one with claimgraph ingest INPUT... --db {path}"
            )
        try:
            connection = sqlite3.connect(path, isolation_level=None)
        except sqlite3.Error as exc:
            raise LedgerError(f"{path}: cannot open as SQLite: {exc}") from exc
        ledger = cls(connection, path)
        try:
            connection.execute("PRAGMA foreign_keys = ON")
            if exists:
                ledger._check_version()
            else:
                ledger._create()
        except sqlite3.DatabaseError as exc:
            connection.close()
            raise LedgerError(f"{path}: not a claimgraph ledger ({exc})") from exc
        except BaseException:
            connection.close()
            raise
        return ledger

    def _check_version(self) -> None:
        tables = {
            row[0]
            for row in self._db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        if not {"schema_version", "files", "claims"} <= tables:
            self._db.close()
            raise LedgerError(
                f"{self.path}: not a claimgraph ledger (an SQLite file without its "
                "schema_version, files and claims tables)"
            )
        from ._schema import SCHEMA_VERSION

        found = self._db.execute("SELECT max(version) FROM schema_version").fetchone()[0]
        if found != SCHEMA_VERSION:
            self._db.close()
            raise LedgerError(
                f"{self.path}: ledger schema version {found}; this claimgraph reads "
                f"version {SCHEMA_VERSION}"
            )

    def _create(self) -> None:
        from .. import __version__
        from ._schema import SCHEMA, SCHEMA_VERSION

        with self._transaction():
            for statement in SCHEMA.split(";"):
                if statement.strip():
                    self._db.execute(statement)
            self._db.execute(
                "INSERT INTO schema_version VALUES (?, ?, ?)",
                (SCHEMA_VERSION, __version__, _now()),
            )
            self._db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def close(self) -> None:
        """Close the connection (the ledger is always consistent on disk)."""
        self._db.close()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        files, claims = self._db.execute(
            "SELECT count(*), coalesce(sum(claims), 0) FROM files"
        ).fetchone()
        return f"<Ledger {self.path}: {claims:,} claims from {files} files>"

    def _transaction(self) -> _Transaction:
        return _Transaction(self._db)

    # -- reading -------------------------------------------------------------------

    def files(self) -> list[LedgerFile]:
        """The ingested files, in the order they were first ingested."""
        rows = self._db.execute(
            "SELECT id, path, given_path, kind, sha256, size, mtime, ingested, "
            "claimgraph_version, options, claims FROM files ORDER BY id"
        ).fetchall()
        return [
            LedgerFile(*row[:9], options=json.loads(row[9]), claims=row[10])  # type: ignore[misc]
            for row in rows
        ]

    def count(self) -> int:
        """How many claims the ledger holds."""
        return int(self._db.execute("SELECT count(*) FROM claims").fetchone()[0])

    def claims(self) -> list[Claim]:
        """Every claim, file by file in the order of :meth:`files`, each file's in the
        order its reader gave them.

        The sides of declared actors (``--sides`` at ingest) are declared first, so
        claims naming them are valid here as they were when read.
        """
        from .._gc import collector_paused
        from ..model import Precision, SourceKind, Stance

        self._declare_sides()
        precision = {p.value: p for p in Precision}
        stance = {s.value: s for s in Stance}
        kind = {k.value: k for k in SourceKind}
        # rowid order is the order claims were written: file by file, each in its
        # order, unless a file was replaced since; a sort then puts it back in place
        query = f"SELECT file_id, position, {', '.join(_CLAIM_COLUMNS[3:])}, id FROM claims"
        keyed: list[tuple[int, int, Claim]] = []
        with collector_paused():
            for row in self._db.execute(query):
                keyed.append(
                    (
                        row[0],
                        row[1],
                        Claim(
                            source=row[2],
                            subject=row[3],
                            property=row[4],
                            value=row[5],
                            low=row[6],
                            high=row[7],
                            start=None if row[8] is None else _date(row[8]),
                            end=None if row[9] is None else _date(row[9]),
                            precision=precision[row[10]],
                            stance=stance[row[11]],
                            partial=bool(row[12]),
                            share=row[13],
                            alignment=row[14],
                            source_kind=kind[row[15]],
                            doc=row[16],
                            sentence=row[17],
                            text=row[18],
                            url=row[19],
                            id=row[20],
                        ),
                    )
                )
            if any(keyed[k][:2] > keyed[k + 1][:2] for k in range(len(keyed) - 1)):
                keyed.sort(key=lambda entry: entry[:2])
            return [claim for _file, _position, claim in keyed]

    def origins(self) -> list[tuple[int, Path]]:
        """Where each file's claims start in :meth:`claims`, with the file's given path
        (what :func:`claimgraph.io.alignment_conflicts` takes)."""
        out: list[tuple[int, Path]] = []
        start = 0
        for row in self._db.execute("SELECT given_path, claims FROM files ORDER BY id"):
            out.append((start, Path(row[0])))
            start += row[1]
        return out

    def sources(self) -> SourceRegistry:
        """The source registry given at ingest (``--sources``), merged over the ingests."""
        rows = self._db.execute(
            "SELECT name, aliases, alignment FROM registered_sources ORDER BY rowid"
        )
        return SourceRegistry(
            Source(name, aliases=tuple(json.loads(aliases)), alignment=alignment)
            for name, aliases, alignment in rows
        )

    def actors(self) -> tuple[Any, ...]:
        """The armed actors declared at ingest (``--sides``), as
        :class:`claimgraph.text.Actor`."""
        from ..text import Actor

        rows = self._db.execute("SELECT name, side, aliases FROM actors ORDER BY rowid")
        return tuple(Actor(name, side, tuple(json.loads(aliases))) for name, side, aliases in rows)

    def setting(self, key: str) -> Any:
        """A value of the ``settings`` table (JSON), or ``None``."""
        row = self._db.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return None if row is None else json.loads(row[0])

    def _declare_sides(self) -> None:
        from ..model import declare_side

        for actor in self.actors():
            declare_side(actor.side)

    # -- writing -------------------------------------------------------------------

    def ingest(
        self,
        paths: str | Path | Iterable[str | Path],
        *,
        mapping: Mapping[str, str] | None = None,
        extra_columns: str = "error",
        text_options: Mapping[str, Any] | None = None,
        gazetteer: str | Path | None = None,
        builtin_gazetteer: bool = True,
        on_file: Callable[[Path, list[Claim]], object] | None = None,
    ) -> IngestResult:
        """Read ``paths`` into the ledger: new files are added, changed ones replaced,
        unchanged ones (same SHA-256 and reading options) left alone.

        Everything is written in one transaction, after every file has been read:
        an error in any file, or the process being killed, leaves the ledger as it
        was. The ``sources``, ``sources``-registry, ``actors`` and place tables are
        rebuilt from all the ledger's claims in the same transaction.

        Parameters
        ----------
        paths : path or iterable of paths
            Claim tables (``.csv``, ``.tsv``, ``.jsonl``) and narrative text (``.txt``).
        mapping, extra_columns, text_options, on_file
            As for :func:`claimgraph.read_claims`. ``text_options["sources"]`` (a
            :class:`SourceRegistry`) and ``text_options["actors"]`` (declared
            actors) are also kept in the ledger, merged over what earlier ingests
            gave, and used by every later read of the ledger.
        gazetteer : path, optional
            A gazetteer CSV for the place resolution kept in the ``places`` tables
            (kept as a setting: later ingests use it unless they give another).
        builtin_gazetteer : bool
            Whether that resolution uses the bundled gazetteer.

        Returns
        -------
        IngestResult
            Per file, whether it was added, replaced, read again or unchanged.

        Raises
        ------
        InputError
            From the readers, naming file, line and field; nothing is written.
        LedgerError
            When a claim id is already another file's in the ledger.
        """
        from ..io import read_claims

        if isinstance(paths, str | Path):
            paths = [paths]
        given = [Path(p) for p in paths]
        text_options = dict(text_options or {})
        registry = self.sources()
        if isinstance(text_options.get("sources"), SourceRegistry):
            registry = registry.merged(text_options["sources"])
        actors = _merged_actors(self.actors(), text_options.get("actors") or ())
        if registry:
            text_options["sources"] = registry
        if actors:
            text_options["actors"] = actors
        known = {f.path: f for f in self.files()}
        plan: list[tuple[Path, Path, str, dict[str, Any], LedgerFile | None, str]] = []
        seen: set[str] = set()
        for path in given:
            if not path.is_file():
                # the reader names the problem (no such file, a directory) as every command does
                read_claims([path])
            resolved = str(path.resolve())
            if resolved in seen:
                continue
            seen.add(resolved)
            kind = "table" if path.suffix.lower() in _TABLE_KINDS else "text"
            options = _reading_options(kind, mapping, extra_columns, text_options)
            digest = _sha256(path)
            old = known.get(resolved)
            if old is None:
                status = "added"
            elif old.sha256 == digest and dict(old.options) == options:
                status = "unchanged"
            elif old.sha256 == digest:
                status = "reread"
            else:
                status = "replaced"
            plan.append((path, Path(resolved), digest, options, old, status))
        to_read = [item for item in plan if item[5] != "unchanged"]
        read: dict[Path, list[Claim]] = {}

        def note(path: Path, found: list[Claim]) -> None:
            read[path] = found
            if on_file is not None:
                on_file(path, found)

        if to_read:
            read_claims(
                [item[0] for item in to_read],
                mapping=mapping,
                extra_columns="ignore" if extra_columns == "ignore" else "error",
                text_options=text_options,
                on_file=note,
            )
        results: list[FileIngest] = []
        settings = _place_settings(gazetteer, builtin_gazetteer, self.setting("places"))
        places_changed = settings != self.setting("places")
        registry_changed = list(registry) != list(self.sources())
        actors_changed = actors != self.actors()
        if not to_read and not (places_changed or registry_changed or actors_changed):
            return IngestResult(tuple(FileIngest(str(p[0]), "unchanged", 0) for p in plan))
        from .. import __version__

        with self._transaction():
            for path, absolute, digest, options, old, status in plan:
                if status == "unchanged":
                    results.append(FileIngest(str(path), status, 0))
                    continue
                found = read[path]
                stat = path.stat()
                row = (
                    str(absolute),
                    str(path),
                    "table" if path.suffix.lower() in _TABLE_KINDS else "text",
                    digest,
                    stat.st_size,
                    dt.datetime.fromtimestamp(stat.st_mtime, dt.UTC).isoformat(),
                    _now(),
                    __version__,
                    json.dumps(options, sort_keys=True),
                    len(found),
                )
                removed = 0
                if old is None:
                    cursor = self._db.execute(
                        "INSERT INTO files (path, given_path, kind, sha256, size, mtime, "
                        "ingested, claimgraph_version, options, claims) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        row,
                    )
                    file_id = int(cursor.lastrowid or 0)
                else:
                    file_id = old.id
                    removed = self._db.execute(
                        "DELETE FROM claims WHERE file_id = ?", (file_id,)
                    ).rowcount
                    self._db.execute(
                        "UPDATE files SET path = ?, given_path = ?, kind = ?, sha256 = ?, "
                        "size = ?, mtime = ?, ingested = ?, claimgraph_version = ?, "
                        "options = ?, claims = ? WHERE id = ?",
                        (*row, file_id),
                    )
                self._insert_claims(file_id, path, found)
                results.append(FileIngest(str(path), status, len(found), removed))
            self._store_registry(registry)
            self._store_actors(actors)
            self._store_setting("places", settings)
            self._rebuild_sources(registry)
            self._rebuild_places(settings)
        return IngestResult(tuple(results))

    def _insert_claims(self, file_id: int, path: Path, claims: Sequence[Claim]) -> None:
        placeholders = ", ".join("?" for _ in _CLAIM_COLUMNS)
        statement = f"INSERT INTO claims ({', '.join(_CLAIM_COLUMNS)}) VALUES ({placeholders})"
        try:
            self._db.executemany(
                statement,
                (
                    (
                        c.id,
                        file_id,
                        position,
                        c.source,
                        c.subject,
                        c.property,
                        c.value,
                        c.low,
                        c.high,
                        None if c.start is None else c.start.isoformat(),
                        None if c.end is None else c.end.isoformat(),
                        c.precision.value,
                        c.stance.value,
                        int(c.partial),
                        c.share,
                        c.alignment,
                        c.source_kind.value,
                        c.doc,
                        c.sentence,
                        c.text,
                        c.url,
                    )
                    for position, c in enumerate(claims)
                ),
            )
        except sqlite3.IntegrityError as exc:
            raise self._id_clash(path, claims) from exc

    def _id_clash(self, path: Path, claims: Sequence[Claim]) -> LedgerError:
        """Name the first claim id of ``path`` that another file of the ledger has."""
        for claim in claims:
            row = self._db.execute(
                "SELECT files.given_path FROM claims JOIN files ON files.id = claims.file_id "
                "WHERE claims.id = ? AND files.path != ?",
                (claim.id, str(path.resolve())),
            ).fetchone()
            if row is not None:
                return LedgerError(
                    f"{path}: claim id {claim.id!r} is already in the ledger, from "
                    f"{row[0]}; ids must be unique across all inputs (nothing was written)"
                )
        return LedgerError(f"{path}: the claims could not be stored (nothing was written)")

    def _store_registry(self, registry: SourceRegistry) -> None:
        self._db.execute("DELETE FROM registered_sources")
        self._db.executemany(
            "INSERT INTO registered_sources VALUES (?, ?, ?)",
            ((s.name, json.dumps(list(s.aliases)), s.alignment) for s in registry),
        )

    def _store_actors(self, actors: Sequence[Any]) -> None:
        self._db.execute("DELETE FROM actors")
        self._db.executemany(
            "INSERT INTO actors VALUES (?, ?, ?)",
            ((a.name, a.side, json.dumps(list(a.aliases))) for a in actors),
        )

    def _store_setting(self, key: str, value: Any) -> None:
        self._db.execute("INSERT OR REPLACE INTO settings VALUES (?, ?)", (key, json.dumps(value)))

    def _rebuild_sources(self, registry: SourceRegistry) -> None:
        """One row per source name the claims give: its canonical name and the
        alignment the claim graph settles (the registry's, else the one most of the
        claims of its canonical name give; ties alphabetical)."""
        named: dict[str, int] = {}
        tally: dict[str, Counter[str]] = {}
        for source, alignment, count in self._db.execute(
            "SELECT source, alignment, count(*) FROM claims GROUP BY source, alignment"
        ):
            named[source] = named.get(source, 0) + count
            if alignment is not None:
                tally.setdefault(registry.canonical(source), Counter())[alignment] += count
        rows = []
        for source, count in named.items():
            canonical = registry.canonical(source)
            alignment = registry.alignment(source)
            if alignment is None and canonical in tally:
                given = tally[canonical]
                alignment = sorted(given, key=lambda a: (-given[a], a))[0]
            rows.append((source, canonical, alignment, count))
        self._db.execute("DELETE FROM sources")
        self._db.executemany("INSERT INTO sources VALUES (?, ?, ?, ?)", rows)

    def _rebuild_places(self, settings: Mapping[str, Any]) -> None:
        from ..places import Gazetteer, resolve_places

        counts = dict(self._db.execute("SELECT subject, count(*) FROM claims GROUP BY subject"))
        path = settings.get("gazetteer")
        index = resolve_places(
            counts,
            gazetteer=None if path is None else Gazetteer.from_csv(path),
            builtin_gazetteer=bool(settings["builtin_gazetteer"]),
            counts=counts,
        )
        per_place: Counter[str] = Counter()
        variants = []
        for spelling, count in counts.items():
            key = index.key_of(spelling)
            per_place[key] += count
            variants.append((spelling, key, count))
        self._db.execute("DELETE FROM place_merges")
        self._db.execute("DELETE FROM place_variants")
        self._db.execute("DELETE FROM places")
        self._db.executemany(
            "INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                (p.id, p.name, p.parent, p.lat, p.lon, len(p.variants), per_place[p.id])
                for p in index.places
            ),
        )
        self._db.executemany("INSERT INTO place_variants VALUES (?, ?, ?)", variants)
        self._db.executemany(
            "INSERT INTO place_merges VALUES (?, ?, ?, ?, ?, ?)",
            (
                (p.id, position, m.a, m.b, m.rule, m.score)
                for p in index.places
                for position, m in enumerate(p.merges)
            ),
        )


class _Transaction:
    """``BEGIN IMMEDIATE`` ... ``COMMIT``, or ``ROLLBACK`` on any error: the ledger on
    disk changes whole or not at all (SQLite's journal undoes a write cut short by a
    killed process on the next open)."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._db = connection

    def __enter__(self) -> None:
        self._db.execute("BEGIN IMMEDIATE")

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if kind is None:
            self._db.execute("COMMIT")
        else:
            self._db.execute("ROLLBACK")


def _reading_options(
    kind: str, mapping: Mapping[str, str] | None, extra_columns: str, text: Mapping[str, Any]
) -> dict[str, Any]:
    """The options that change what a file of ``kind`` reads as (JSON-ready): a file
    read again with other options is read anew."""
    actors = text.get("actors") or ()
    out: dict[str, Any] = {
        "sides": sorted([a.name, a.side, list(a.aliases)] for a in _actor_list(actors))
    }
    if kind == "table":
        out["map"] = dict(sorted((mapping or {}).items()))
        out["extra_columns"] = extra_columns
        return out
    out["lang"] = text.get("lang", "auto")
    out["year"] = text.get("year")
    doc_date = text.get("doc_date")
    out["doc_date"] = None if doc_date is None else doc_date.isoformat()
    registry = text.get("sources")
    out["sources"] = (
        [[s.name, list(s.aliases), s.alignment] for s in registry]
        if isinstance(registry, SourceRegistry)
        else []
    )
    return out


def _actor_list(actors: Any) -> tuple[Any, ...]:
    from ..text import actors_from_mapping

    return actors_from_mapping(actors) if isinstance(actors, Mapping) else tuple(actors)


def _merged_actors(old: Sequence[Any], new: Any) -> tuple[Any, ...]:
    """``old`` with ``new`` added over it (an actor declared again takes its new side)."""
    by_name = {a.name: a for a in old}
    for actor in _actor_list(new):
        by_name.pop(actor.name, None)
        by_name[actor.name] = actor
    return tuple(by_name.values())


def _place_settings(
    gazetteer: str | Path | None, builtin_gazetteer: bool, stored: Mapping[str, Any] | None
) -> dict[str, Any]:
    """How the kept place resolution is made: a gazetteer given now wins over the one
    kept; its content hash is kept so that a changed gazetteer resolves again."""
    path = None if gazetteer is None else str(Path(gazetteer).resolve())
    if path is None and stored:
        path = stored.get("gazetteer")
        if path is not None and not Path(path).is_file():
            raise LedgerError(
                f"{path}: the gazetteer the ledger's places were resolved with is gone; "
                "give --gazetteer again"
            )
    return {
        "gazetteer": path,
        "gazetteer_sha256": None if path is None else _sha256(Path(path)),
        "builtin_gazetteer": builtin_gazetteer,
    }
