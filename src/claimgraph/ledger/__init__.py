"""The claim ledger: claims kept between runs in SQLite, with their provenance.

``claimgraph ingest INPUT... --db claims.db`` (or :meth:`Ledger.ingest`) stores
claims, the files they came from, sources, declared sides and the resolution of
places; every analysis command reads it back with ``--db``. See ``docs/ledger.md``.
"""

from ._ledger import FileIngest, IngestResult, Ledger, LedgerError, LedgerFile
from ._schema import SCHEMA_VERSION

__all__ = ["SCHEMA_VERSION", "FileIngest", "IngestResult", "Ledger", "LedgerError", "LedgerFile"]
