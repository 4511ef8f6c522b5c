"""The ledger's tables: plain SQLite with primary keys, indexes and foreign keys,
so that Datasette (or any SQLite client) opens the file as it is."""

from __future__ import annotations

__all__ = ["SCHEMA", "SCHEMA_VERSION"]

#: Bumped whenever a table or column changes; a ledger of another version is refused.
SCHEMA_VERSION = 1

SCHEMA = """
CREATE TABLE schema_version (
    version INTEGER PRIMARY KEY,
    claimgraph_version TEXT NOT NULL,
    created TEXT NOT NULL
);
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE files (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    given_path TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('table', 'text')),
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    mtime TEXT NOT NULL,
    ingested TEXT NOT NULL,
    claimgraph_version TEXT NOT NULL,
    options TEXT NOT NULL,
    claims INTEGER NOT NULL
);
CREATE TABLE registered_sources (
    name TEXT PRIMARY KEY,
    aliases TEXT NOT NULL,
    alignment TEXT
);
CREATE TABLE actors (
    name TEXT PRIMARY KEY,
    side TEXT NOT NULL,
    aliases TEXT NOT NULL
);
CREATE TABLE sources (
    name TEXT PRIMARY KEY,
    canonical TEXT NOT NULL,
    alignment TEXT,
    claims INTEGER NOT NULL
);
CREATE TABLE places (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    parent TEXT,
    lat REAL,
    lon REAL,
    variants INTEGER NOT NULL,
    claims INTEGER NOT NULL
);
CREATE TABLE place_variants (
    spelling TEXT PRIMARY KEY,
    place_id TEXT NOT NULL REFERENCES places(id) DEFERRABLE INITIALLY DEFERRED,
    claims INTEGER NOT NULL
);
CREATE INDEX place_variants_place ON place_variants(place_id);
CREATE TABLE place_merges (
    place_id TEXT NOT NULL REFERENCES places(id) DEFERRABLE INITIALLY DEFERRED,
    position INTEGER NOT NULL,
    a TEXT NOT NULL,
    b TEXT NOT NULL,
    rule TEXT NOT NULL,
    score REAL NOT NULL,
    PRIMARY KEY (place_id, position)
);
CREATE TABLE claims (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    source TEXT NOT NULL REFERENCES sources(name) DEFERRABLE INITIALLY DEFERRED,
    subject TEXT NOT NULL REFERENCES place_variants(spelling) DEFERRABLE INITIALLY DEFERRED,
    property TEXT NOT NULL,
    value TEXT,
    low REAL,
    high REAL,
    start TEXT,
    "end" TEXT,
    precision TEXT NOT NULL,
    stance TEXT NOT NULL,
    partial INTEGER NOT NULL,
    share REAL,
    alignment TEXT,
    source_kind TEXT NOT NULL,
    doc TEXT,
    sentence INTEGER,
    text TEXT,
    url TEXT,
    UNIQUE (file_id, position)
);
CREATE INDEX claims_subject ON claims(subject);
CREATE INDEX claims_source ON claims(source);
CREATE INDEX claims_property ON claims(property, start);
"""
