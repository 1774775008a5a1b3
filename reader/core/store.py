"""SQLite library: articles, notes and full-text search, with forward migrations.

Only this module (and ``note_store.py``, which borrows its connection) speaks SQL.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from reader.core.errors import StoreError

# Each entry upgrades the schema by one version; never edit a shipped entry, append.
MIGRATIONS: list[str] = [
    # v1: articles, their full-text index and notes.
    """
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        outlet TEXT NOT NULL DEFAULT '',
        date TEXT NOT NULL DEFAULT '',
        url TEXT NOT NULL DEFAULT '',
        path TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL,
        raw TEXT NOT NULL DEFAULT '',
        byline TEXT NOT NULL DEFAULT '',
        standfirst TEXT NOT NULL DEFAULT '',
        dropped_json TEXT NOT NULL DEFAULT '[]',
        inferred_json TEXT NOT NULL DEFAULT '[]',
        warnings_json TEXT NOT NULL DEFAULT '[]',
        event TEXT NOT NULL DEFAULT '',
        event_label TEXT NOT NULL DEFAULT '',
        imported_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );
    CREATE VIRTUAL TABLE articles_fts
        USING fts5(title, text, content='articles', content_rowid='rowid');
    CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.rowid, old.title, old.text);
    END;
    CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.rowid, old.title, old.text);
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    """,
    # v2: notes (see note_store.py). No foreign key to articles on purpose: a note
    # outlives its article and is then shown as orphaned rather than deleted.
    """
    CREATE TABLE notes (
        id TEXT PRIMARY KEY,
        article_id TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        quote TEXT NOT NULL,
        prefix TEXT NOT NULL DEFAULT '',
        suffix TEXT NOT NULL DEFAULT '',
        outlet TEXT NOT NULL DEFAULT '',
        other_article_id TEXT,
        other_start INTEGER,
        other_end INTEGER,
        other_quote TEXT,
        other_prefix TEXT,
        other_suffix TEXT,
        other_outlet TEXT,
        pair_kind TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        label TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'anchored' CHECK (status IN ('anchored', 'orphaned')),
        created TEXT NOT NULL,
        updated TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        deleted_at TEXT
    );
    CREATE INDEX notes_article ON notes(article_id);
    CREATE INDEX notes_other_article ON notes(other_article_id);
    CREATE TABLE note_tags (
        note_id TEXT NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        tag TEXT NOT NULL,
        PRIMARY KEY (note_id, position)
    );
    CREATE INDEX note_tags_tag ON note_tags(tag COLLATE NOCASE);
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)


class Store:
    """A connection to the library database at ``path``.

    Opens in WAL mode so a second instance can read while this one writes, and
    brings the schema up to ``SCHEMA_VERSION``.

    Raises:
        StoreError: when the file is not a database, is newer than this program,
            or cannot be opened.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.connection = sqlite3.connect(path, timeout=10.0, isolation_level=None)
            self.connection.row_factory = sqlite3.Row
            self.connection.execute("PRAGMA journal_mode=WAL")
            self.connection.execute("PRAGMA foreign_keys=ON")
            self.connection.execute("PRAGMA synchronous=FULL")
            self._migrate()
        except sqlite3.DatabaseError as error:
            raise StoreError(f"cannot open library database {path}: {error}") from error

    def close(self) -> None:
        """Close the connection."""
        self.connection.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; committed on success, rolled back on error.

        ``BEGIN IMMEDIATE`` takes the write lock up front so two instances never
        interleave a read-modify-write.

        Raises:
            StoreError: when SQLite reports an error (disk full, read-only, locked).
        """
        try:
            self.connection.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            raise StoreError(f"cannot write to {self.path}: {error}") from error
        try:
            yield self.connection
        except sqlite3.Error as error:
            self.connection.execute("ROLLBACK")
            raise StoreError(f"cannot write to {self.path}: {error}") from error
        except BaseException:
            self.connection.execute("ROLLBACK")
            raise
        else:
            try:
                self.connection.execute("COMMIT")
            except sqlite3.Error as error:
                self.connection.execute("ROLLBACK")
                raise StoreError(f"cannot write to {self.path}: {error}") from error

    @property
    def schema_version(self) -> int:
        row = self.connection.execute("SELECT version FROM schema_version").fetchone()
        return int(row[0]) if row else 0

    def _migrate(self) -> None:
        self.connection.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER)")
        current = self.schema_version
        if current > SCHEMA_VERSION:
            raise StoreError(
                f"library database {self.path} has schema version {current}, newer than this "
                f"newsreader understands ({SCHEMA_VERSION}); upgrade newsreader"
            )
        for version in range(current, SCHEMA_VERSION):
            with self.transaction() as connection:
                for statement in _split_sql(MIGRATIONS[version]):
                    connection.execute(statement)
                connection.execute("DELETE FROM schema_version")
                connection.execute("INSERT INTO schema_version VALUES (?)", (version + 1,))


def _split_sql(script: str) -> list[str]:
    """Split a migration script into statements, keeping trigger bodies whole."""
    statements: list[str] = []
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements
