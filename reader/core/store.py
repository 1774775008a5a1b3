"""SQLite library: articles, notes and full-text search, with forward migrations.

Only this module (and ``note_store.py``, which borrows its connection) speaks SQL.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.core.errors import StoreError
from reader.core.models import Article, DroppedUnit

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
    # v3: re-index an article's text only when its title or text changes, so storing
    # event groups for a whole library does not rewrite its full-text index.
    """
    DROP TRIGGER articles_au;
    CREATE TRIGGER articles_au AFTER UPDATE OF title, text ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.rowid, old.title, old.text);
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
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
        except sqlite3.Error as error:
            self._close_quietly()
            raise StoreError(f"cannot open library database {path}: {error}") from error
        except StoreError:
            self._close_quietly()
            raise

    def _close_quietly(self) -> None:
        """Close a connection that failed to open properly, if one was made."""
        connection = getattr(self, "connection", None)
        if connection is not None:
            connection.close()

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
            self._rollback()
            raise StoreError(f"cannot write to {self.path}: {error}") from error
        except BaseException:
            self._rollback()
            raise
        else:
            try:
                self.connection.execute("COMMIT")
            except sqlite3.Error as error:
                self._rollback()
                raise StoreError(f"cannot write to {self.path}: {error}") from error

    def _rollback(self) -> None:
        """Roll back if a transaction is still open.

        SQLite rolls back by itself after some errors (disk full, I/O error); a second
        ROLLBACK would then raise "no transaction is active" and hide the real error.
        """
        if self.connection.in_transaction:
            self.connection.execute("ROLLBACK")

    @property
    def schema_version(self) -> int:
        """The schema version recorded in the database (0 for a new file)."""
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

    # --- articles -------------------------------------------------------------------

    def upsert_articles(self, articles: Iterable[Article]) -> int:
        """Insert or replace articles (matched by id) in one transaction.

        Re-importing an article updates its text and metadata but keeps its
        ``imported_at`` time and any notes that point at its id.

        Returns:
            The number of articles written.

        Raises:
            StoreError: when the database cannot be written.
        """
        rows = [_article_row(article) for article in articles]
        with self.transaction() as connection:
            connection.executemany(_UPSERT_SQL, rows)
        return len(rows)

    def import_articles(
        self, articles: Sequence[Article], regroup: Callable[[list[Article]], list[Article]]
    ) -> ImportOutcome:
        """Insert or replace ``articles`` and store the library's new event groups, all in
        one transaction.

        Args:
            articles: the articles to add or update (matched by id).
            regroup: given every library article (new ones included, newest first),
                returns them with ``event`` and ``event_label`` filled in.

        Raises:
            StoreError: when the database cannot be read or written; nothing is changed.
        """
        rows = [_article_row(article) for article in articles]
        ids = [article.id for article in articles]
        with self.transaction() as connection:
            old_texts: dict[str, str] = {}
            for index in range(0, len(ids), _CHUNK):
                chunk = ids[index : index + _CHUNK]
                marks = ", ".join("?" for _ in chunk)
                old_texts.update(
                    connection.execute(
                        f"SELECT id, text FROM articles WHERE id IN ({marks})", chunk
                    ).fetchall()
                )
            connection.executemany(_UPSERT_SQL, rows)
            library = regroup(
                [_article_from_row(row) for row in connection.execute(_LIST_SQL).fetchall()]
            )
            _write_events(connection, library)
        changed = sorted(
            {a.id for a in articles if a.id in old_texts and old_texts[a.id] != a.text}
        )
        return ImportOutcome(library, len(old_texts), changed)

    def store_events(self, articles: Iterable[Article]) -> None:
        """Store the ``event`` and ``event_label`` of library articles in one transaction.

        Raises:
            StoreError: when the database cannot be written.
        """
        with self.transaction() as connection:
            _write_events(connection, articles)

    def upsert_article(self, article: Article) -> None:
        """Insert or replace one article."""
        self.upsert_articles([article])

    def get_article(self, ref: str) -> Article | None:
        """The article whose id is ``ref`` or starts with ``ref``.

        Returns:
            The article, or None when no id matches.

        Raises:
            StoreError: when the prefix matches several articles (the message lists
                them) or the database cannot be read.
        """
        ref = ref.strip().lower()
        if not ref:
            return None
        rows = self._query(
            f"SELECT {_COLUMNS} FROM articles WHERE id = ? OR substr(id, 1, ?) = ? "
            "ORDER BY id = ? DESC, id LIMIT 6",
            (ref, len(ref), ref, ref),
        )
        if not rows:
            return None
        if rows[0]["id"] == ref or len(rows) == 1:
            return _article_from_row(rows[0])
        listed = ", ".join(row["id"] for row in rows[:5])
        raise StoreError(f"{ref!r} matches several articles ({listed}); give more characters")

    def list_articles(self) -> list[Article]:
        """Every article, newest first, then by outlet and title."""
        return [_article_from_row(row) for row in self._query(_LIST_SQL, ())]

    def search_articles(self, query: str, limit: int = 50) -> list[Article]:
        """Articles whose title or text contains every word of ``query``, best first.

        The words are quoted before they reach FTS5, so user input such as ``U.S.``
        or an unbalanced quote is searched for literally and never a syntax error.
        """
        terms = " ".join('"' + word.replace('"', '""') + '"' for word in query.split())
        if not terms:
            return []
        rows = self._query(
            f"SELECT {_QUALIFIED_COLUMNS} FROM articles "
            "JOIN articles_fts ON articles_fts.rowid = articles.rowid "
            "WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts) LIMIT ?",
            (terms, limit),
        )
        return [_article_from_row(row) for row in rows]

    def count_articles(self) -> int:
        """Number of articles in the library."""
        return int(self._query("SELECT count(*) FROM articles", ())[0][0])

    def delete_article(self, article_id: str) -> bool:
        """Remove one article by full id; True when it existed. Its notes are kept."""
        with self.transaction() as connection:
            cursor = connection.execute("DELETE FROM articles WHERE id = ?", (article_id,))
        return cursor.rowcount > 0

    def _query(self, sql: str, params: tuple[Any, ...]) -> list[sqlite3.Row]:
        """Run a read query, turning SQLite errors into ``StoreError``."""
        try:
            return list(self.connection.execute(sql, params).fetchall())
        except sqlite3.Error as error:
            raise StoreError(f"cannot read the library {self.path}: {error}") from error


_FIELDS = (
    *("id", "title", "outlet", "date", "url", "path", "text", "raw", "byline", "standfirst"),
    *("dropped_json", "inferred_json", "warnings_json", "event", "event_label"),
)
_COLUMNS = ", ".join(_FIELDS)
# Qualified names for queries that join the FTS table, which also has title and text.
_QUALIFIED_COLUMNS = ", ".join(f"articles.{name}" for name in _FIELDS)
_UPSERT_SQL = (
    f"INSERT INTO articles ({_COLUMNS}) VALUES ({', '.join('?' for _ in _FIELDS)}) "
    "ON CONFLICT(id) DO UPDATE SET "
    + ", ".join(f"{name} = excluded.{name}" for name in _FIELDS if name != "id")
)


_LIST_SQL = f"SELECT {_COLUMNS} FROM articles ORDER BY date DESC, outlet, title, id"
_CHUNK = 500
"""Ids per ``IN (...)`` query, well under SQLite's bound-parameter limit."""


@dataclass(frozen=True)
class ImportOutcome:
    """What ``Store.import_articles`` did."""

    library: list[Article]
    """Every library article after the import, events filled in, newest first."""
    replaced: int
    """How many of the imported articles were already in the library."""
    changed: list[str]
    """Ids of the replaced articles whose text changed (their notes need re-anchoring)."""


def _write_events(connection: sqlite3.Connection, articles: Iterable[Article]) -> None:
    """Set each article's event columns, writing only the rows that change."""
    connection.executemany(
        "UPDATE articles SET event = ?, event_label = ? WHERE id = ? "
        "AND (event != ? OR event_label != ?)",
        [(a.event, a.event_label, a.id, a.event, a.event_label) for a in articles],
    )


def _article_row(article: Article) -> tuple[str, ...]:
    """Column values for one article, in ``_FIELDS`` order."""
    dropped = [{"text": d.text, "reason": d.reason, "line": d.line} for d in article.dropped]
    return (
        article.id,
        article.title,
        article.outlet,
        article.date,
        article.url,
        article.path,
        article.text,
        article.raw,
        article.byline,
        article.standfirst,
        json.dumps(dropped, ensure_ascii=False),
        json.dumps(sorted(article.inferred)),
        json.dumps(list(article.warnings), ensure_ascii=False),
        article.event,
        article.event_label,
    )


def _article_from_row(row: sqlite3.Row) -> Article:
    """Rebuild an article from a row; a damaged JSON column reads as empty."""
    dropped = tuple(
        DroppedUnit(
            str(item.get("text", "")), str(item.get("reason", "")), int(item.get("line", -1))
        )
        for item in _json_list(row["dropped_json"])
        if isinstance(item, dict)
    )
    return Article(
        id=row["id"],
        title=row["title"],
        outlet=row["outlet"],
        date=row["date"],
        url=row["url"],
        path=row["path"],
        text=row["text"],
        raw=row["raw"],
        byline=row["byline"],
        standfirst=row["standfirst"],
        dropped=dropped,
        inferred=frozenset(str(name) for name in _json_list(row["inferred_json"])),
        warnings=tuple(str(warning) for warning in _json_list(row["warnings_json"])),
        event=row["event"],
        event_label=row["event_label"],
    )


def _json_list(value: str) -> list[Any]:
    """Parse a JSON array column; anything else (hand-edited, truncated) is empty."""
    try:
        parsed = json.loads(value)
    except (TypeError, ValueError):
        return []
    return parsed if isinstance(parsed, list) else []


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
