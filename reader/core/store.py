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
from typing import Any, cast

from reader.core import events
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
    # v4: what event grouping needs of each article (its weighted word counts, day and
    # key words) and the library's document frequencies, so an import compares only the
    # new articles with their neighbours (events.attach_events) instead of regrouping the
    # whole library. Libraries upgraded from v3 have no rows yet: the next import
    # regroups them once and fills these tables.
    """
    CREATE TABLE article_terms (
        article_id TEXT PRIMARY KEY,
        day INTEGER,
        size INTEGER NOT NULL,
        bag_json TEXT NOT NULL
    );
    CREATE INDEX article_terms_day ON article_terms(day);
    CREATE TABLE article_keys (
        word TEXT NOT NULL,
        article_id TEXT NOT NULL,
        rank INTEGER NOT NULL,
        PRIMARY KEY (word, article_id)
    ) WITHOUT ROWID;
    CREATE INDEX article_keys_article ON article_keys(article_id);
    CREATE TABLE term_df (
        word TEXT PRIMARY KEY,
        df INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE TRIGGER articles_terms_ad AFTER DELETE ON articles BEGIN
        DELETE FROM article_terms WHERE article_id = old.id;
        DELETE FROM article_keys WHERE article_id = old.id;
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
            # Their stored word counts may no longer match: the next import regroups.
            _forget_terms(connection, [row[0] for row in rows])
        return len(rows)

    def import_articles(
        self,
        articles: Sequence[Article],
        regroup: Callable[[list[Article]], list[Article]] | None = None,
        *,
        full: bool = False,
    ) -> ImportOutcome:
        """Insert or replace ``articles`` and give them event groups, all in one
        transaction.

        By default only the imported articles are grouped: each joins an existing event
        or forms a new one with other imported articles (:func:`events.attach_events`),
        and every other article keeps its event. The whole library is regrouped instead
        (:func:`events.regroup_library`) when ``full`` is set, when some article has no
        stored word counts (a library from schema v3, or articles stored without an
        import), or when more than ``events.ATTACH_AT_MOST`` articles are imported at
        once (the new articles are compared with each other pair by pair; a full
        regroup's search scales with the library instead).

        Document frequencies: the stored ``term_df`` counts are updated with each
        imported article, so new articles are weighed against the current library, but
        stored articles are never re-weighed or regrouped; a full regroup recomputes
        everything from scratch.

        Args:
            articles: the articles to add or update (matched by id).
            regroup: when given, regroups the whole library instead: given every
                library article (new ones included, newest first), returns them with
                ``event`` and ``event_label`` filled in. The stored word counts are then
                dropped, so the next import regroups in full.
            full: regroup the whole library (see above).

        Raises:
            StoreError: when the database cannot be read or written; nothing is changed.
        """
        unique = list({article.id: article for article in articles}.values())
        rows = [_article_row(article) for article in articles]
        ids = [article.id for article in unique]
        with self.transaction() as connection:
            old_texts: dict[str, str] = {}
            for chunk in _chunks(ids):
                marks = ", ".join("?" for _ in chunk)
                old_texts.update(
                    connection.execute(
                        f"SELECT id, text FROM articles WHERE id IN ({marks})", chunk
                    ).fetchall()
                )
            complete = connection.execute(
                "SELECT (SELECT count(*) FROM articles) = (SELECT count(*) FROM article_terms)"
            ).fetchone()[0]
            connection.executemany(_UPSERT_SQL, rows)
            regrouped = True
            if regroup is not None:
                library = regroup(
                    [_article_from_row(row) for row in connection.execute(_LIST_SQL).fetchall()]
                )
                _write_events(connection, library)
                for table in ("article_terms", "article_keys", "term_df"):
                    connection.execute(f"DELETE FROM {table}")
                by_id = {article.id: article for article in library}
                imported = [by_id.get(article.id, article) for article in unique]
            elif full or not complete or len(unique) > events.ATTACH_AT_MOST:
                imported = _regroup_all(connection, ids)
            else:
                imported = _attach(connection, unique)
                regrouped = False
            total, event_count = connection.execute(
                "SELECT count(*), count(DISTINCT event) FROM articles"
            ).fetchone()
        changed = sorted(
            {a.id for a in articles if a.id in old_texts and old_texts[a.id] != a.text}
        )
        return ImportOutcome(
            imported=imported,
            articles=int(total),
            events=int(event_count),
            replaced=len(old_texts),
            changed=changed,
            regrouped=regrouped,
        )

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

    def event_articles(self, event: str) -> list[Article]:
        """Every article of one event (same order as :meth:`list_articles`); none for ``""``."""
        if not event:
            return []
        rows = self._query(
            f"SELECT {_COLUMNS} FROM articles WHERE event = ? "
            "ORDER BY date DESC, outlet, title, id",
            (event,),
        )
        return [_article_from_row(row) for row in rows]

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
            _forget_terms(connection, [article_id])
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

    imported: list[Article]
    """The imported articles as stored, events filled in (one per id, in import order)."""
    articles: int
    """How many articles the library holds after the import."""
    events: int
    """In how many events."""
    replaced: int
    """How many of the imported articles were already in the library."""
    changed: list[str]
    """Ids of the replaced articles whose text changed (their notes need re-anchoring)."""
    regrouped: bool
    """Whether the whole library was regrouped (rather than the new articles attached)."""


def _chunks(values: Sequence[str]) -> Iterator[Sequence[str]]:
    """``values`` in runs of at most :data:`_CHUNK` (for ``IN (...)`` queries)."""
    for index in range(0, len(values), _CHUNK):
        yield values[index : index + _CHUNK]


def _forget_terms(connection: sqlite3.Connection, ids: Sequence[str]) -> None:
    """Drop the stored word counts of ``ids``, taking them out of the document
    frequencies."""
    for chunk in _chunks(ids):
        marks = ", ".join("?" for _ in chunk)
        bags = connection.execute(
            f"SELECT bag_json FROM article_terms WHERE article_id IN ({marks})", chunk
        ).fetchall()
        words = [(word,) for (bag_json,) in bags for word in _json_bag(bag_json)]
        connection.executemany("UPDATE term_df SET df = df - 1 WHERE word = ?", words)
        connection.execute(f"DELETE FROM article_terms WHERE article_id IN ({marks})", chunk)
        connection.execute(f"DELETE FROM article_keys WHERE article_id IN ({marks})", chunk)


def _store_terms(
    connection: sqlite3.Connection,
    articles: Sequence[Article],
    bags: Sequence[dict[str, float]],
    weighed: events.Weighed,
) -> None:
    """Store the word counts, day and key words of ``articles`` (none stored yet)."""
    connection.executemany(
        "INSERT INTO article_terms (article_id, day, size, bag_json) VALUES (?, ?, ?, ?)",
        [
            (a.id, events.article_day(a), size, json.dumps(bag, separators=(",", ":")))
            for a, bag, size in zip(articles, bags, weighed.sizes, strict=True)
        ],
    )
    connection.executemany(
        "INSERT INTO article_keys (word, article_id, rank) VALUES (?, ?, ?)",
        [
            (word, a.id, rank)
            for a, keys in zip(articles, weighed.keys, strict=True)
            for rank, word in enumerate(keys)
        ],
    )


def _regroup_all(connection: sqlite3.Connection, ids: Sequence[str]) -> list[Article]:
    """Regroup the whole library and store its word counts afresh; returns the articles
    ``ids`` as grouped."""
    library = [_article_from_row(row) for row in connection.execute(_LIST_SQL).fetchall()]
    grouping = events.regroup_library(library)
    _write_events(connection, grouping.articles)
    for table in ("article_terms", "article_keys", "term_df"):
        connection.execute(f"DELETE FROM {table}")
    _store_terms(connection, library, grouping.bags, grouping.weighed)
    connection.executemany("INSERT INTO term_df (word, df) VALUES (?, ?)", grouping.df.items())
    by_id = {article.id: article for article in grouping.articles}
    return [by_id[article_id] for article_id in ids]


def _attach(connection: sqlite3.Connection, new: Sequence[Article]) -> list[Article]:
    """Group the just-stored ``new`` articles against the library (see
    :func:`events.attach_events`), store their events and word counts; returns them."""
    ids = [article.id for article in new]
    _forget_terms(connection, ids)  # re-imported articles: their old counts
    bags = [events.article_bag(article) for article in new]
    connection.executemany(
        "INSERT INTO term_df (word, df) VALUES (?, 1) ON CONFLICT(word) DO UPDATE SET df = df + 1",
        [(word,) for bag in bags for word in bag],
    )
    documents = int(connection.execute("SELECT count(*) FROM article_terms").fetchone()[0])
    documents += len(new)
    df: dict[str, int] = {}
    _fetch_df(connection, {word for bag in bags for word in bag}, df)
    weighed = events.weigh_bags(bags, df, documents)
    neighbours, compare = _neighbours(connection, new, weighed.vectors, set(ids), documents)
    _fetch_df(connection, {word for n in neighbours for word in n.bag}, df)
    spans = _event_spans(connection, {n.event for n in neighbours}, set(ids))
    grouped = events.attach_events(new, bags, neighbours, spans, df, documents, compare)
    _write_events(connection, grouped)
    _store_terms(connection, new, bags, weighed)
    return grouped


def _fetch_df(connection: sqlite3.Connection, words: set[str], df: dict[str, int]) -> None:
    """Add the stored document frequency of ``words`` (those not in ``df`` yet) to it."""
    missing = sorted(word for word in words if word not in df)
    for chunk in _chunks(missing):
        marks = ", ".join("?" for _ in chunk)
        df.update(
            connection.execute(
                f"SELECT word, df FROM term_df WHERE word IN ({marks})", chunk
            ).fetchall()
        )


_TERMS_SQL = (
    "SELECT t.article_id, t.day, t.bag_json, a.event, a.event_label FROM article_terms t "
    "JOIN articles a ON a.id = t.article_id"
)


def _neighbours(
    connection: sqlite3.Connection,
    new: Sequence[Article],
    vectors: Sequence[dict[str, float]],
    exclude: set[str],
    documents: int,
) -> tuple[list[events.StoredArticle], list[set[str]] | None]:
    """The stored articles that could link to one of ``new``, and which of them to
    compare with each (None: all). A small library: all of them, as ``group_events``
    compares every two articles there; else the ones ``events.BLOCKING`` lets
    ``group_events`` compare (``events.blocked_neighbours``), found through the stored
    key words."""
    if documents <= events.EXACT_ARTICLES:
        rows = connection.execute(_TERMS_SQL).fetchall()
        compare = None
    else:
        words = sorted({word for vector in vectors for word in events.key_words(vector)})
        postings: dict[str, list[events.Posting]] = {}
        for chunk in _chunks(words):
            marks = ", ".join("?" for _ in chunk)
            for word, article_id, rank, day, size in connection.execute(
                "SELECT k.word, k.article_id, k.rank, t.day, t.size FROM article_keys k "
                f"JOIN article_terms t ON t.article_id = k.article_id WHERE k.word IN ({marks})",
                chunk,
            ).fetchall():
                if article_id not in exclude:
                    postings.setdefault(word, []).append((article_id, rank, day, size))
        compare = [
            events.blocked_neighbours(vector, events.article_day(article), postings)
            for article, vector in zip(new, vectors, strict=True)
        ]
        wanted = sorted(set().union(*compare))
        rows = []
        for chunk in _chunks(wanted):
            marks = ", ".join("?" for _ in chunk)
            rows += connection.execute(
                f"{_TERMS_SQL} WHERE t.article_id IN ({marks})", chunk
            ).fetchall()
    neighbours = [
        events.StoredArticle(
            id=row[0], day=row[1], event=row[3], event_label=row[4], bag=_json_bag(row[2])
        )
        for row in sorted(rows, key=lambda row: str(row[0]))
        if row[0] not in exclude
    ]
    return neighbours, compare


def _event_spans(
    connection: sqlite3.Connection, event_ids: set[str], exclude: set[str]
) -> dict[str, tuple[int, int] | None]:
    """Each event's span of days over its stored members (not ``exclude``)."""
    spans: dict[str, tuple[int, int] | None] = {event: None for event in event_ids}
    for chunk in _chunks(sorted(event_ids)):
        marks = ", ".join("?" for _ in chunk)
        for article_id, event, day in connection.execute(
            "SELECT a.id, a.event, t.day FROM articles a JOIN article_terms t "
            f"ON t.article_id = a.id WHERE a.event IN ({marks}) AND t.day IS NOT NULL",
            chunk,
        ).fetchall():
            if article_id in exclude:
                continue
            span = spans[event]
            spans[event] = (min(span[0], day), max(span[1], day)) if span else (day, day)
    return spans


def _json_bag(value: str) -> dict[str, float]:
    """A stored bag of word counts; anything unreadable is empty."""
    try:
        parsed = json.loads(value)
    except (TypeError, ValueError):
        return {}
    # Written by _store_terms only: trusted to be {word: number} (checking each entry
    # would cost as much as the parsing).
    return cast("dict[str, float]", parsed) if isinstance(parsed, dict) else {}


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
