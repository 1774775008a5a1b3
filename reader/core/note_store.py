"""Notes in the library database: add, edit, delete/restore, list, re-anchor.

Every public write is exactly one ``Store.transaction()`` (``BEGIN IMMEDIATE``), so
a saved note is durable the moment the call returns (WAL + ``synchronous=FULL``),
and two app instances on the same data folder serialise their writes instead of
overwriting each other. Edits carry the version they were based on; an edit of a
note that another instance changed meanwhile is refused rather than silently
overwriting it (``NoteConflictError``), and the caller keeps the typed text.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace

from reader.core.annotations import (
    NOTE_COLUMNS,
    Anchor,
    Annotation,
    AnnotationStatus,
    annotation_from_row,
    annotation_row,
    normalize_tags,
    reanchor,
    utc_now,
)
from reader.core.errors import StoreError
from reader.core.store import Store


class NoteConflictError(StoreError):
    """The note was changed or deleted by another instance since it was read."""


@dataclass(frozen=True)
class ReanchorReport:
    """What re-anchoring the notes of one article did."""

    checked: int = 0
    moved: int = 0
    """Notes whose anchor moved to a new span (exactly or fuzzily)."""
    orphaned: int = 0
    """Notes that lost their place in this run."""
    recovered: int = 0
    """Previously orphaned notes that found their place again."""


class NoteStore:
    """Notes kept in the library ``Store``'s database (it borrows the connection)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # Reading -----------------------------------------------------------------

    def get(self, note_id: str, *, include_deleted: bool = False) -> Annotation | None:
        """The note with ``note_id``, or None when there is none (or it is deleted)."""
        where = "id = ?" if include_deleted else "id = ? AND deleted_at IS NULL"
        notes = self._select(where, [note_id])
        return notes[0] if notes else None

    def list_notes(
        self,
        *,
        article_id: str | None = None,
        article_ids: Collection[str] | None = None,
        event: str | None = None,
        tag: str | None = None,
        status: AnnotationStatus | None = None,
    ) -> list[Annotation]:
        """Live notes, oldest first, optionally filtered.

        Args:
            article_id: notes on this article (either side of a pair note).
            article_ids: notes on any of these articles (e.g. one event's articles
                as the app grouped them).
            event: notes on articles whose stored ``event`` id or label is this.
            tag: notes carrying this tag (case-insensitive, ``#`` optional).
            status: only ``anchored`` or only ``orphaned`` notes.
        """
        clauses = ["deleted_at IS NULL"]
        params: list[object] = []
        if article_id is not None:
            clauses.append("(article_id = ? OR other_article_id = ?)")
            params += [article_id, article_id]
        if article_ids is not None:
            ids = list(article_ids)
            if not ids:
                return []
            marks = ", ".join("?" for _ in ids)
            clauses.append(f"(article_id IN ({marks}) OR other_article_id IN ({marks}))")
            params += ids + ids
        if event is not None:
            clauses.append(
                "EXISTS (SELECT 1 FROM articles a WHERE (a.id = notes.article_id"
                " OR a.id = notes.other_article_id) AND (a.event = ? OR a.event_label = ?))"
            )
            params += [event, event]
        if tag is not None:
            clauses.append(
                "EXISTS (SELECT 1 FROM note_tags t WHERE t.note_id = notes.id"
                " AND t.tag = ? COLLATE NOCASE)"
            )
            params.append(tag.strip().lstrip("#"))
        if status is not None:
            clauses.append("status = ?")
            params.append(status)
        return self._select(" AND ".join(clauses), params)

    def tags(self) -> list[str]:
        """Every tag on a live note, sorted case-insensitively."""
        rows = self._read(
            "SELECT DISTINCT t.tag FROM note_tags t JOIN notes n ON n.id = t.note_id"
            " WHERE n.deleted_at IS NULL ORDER BY t.tag COLLATE NOCASE",
            [],
        )
        return [str(row[0]) for row in rows]

    def count(self) -> int:
        """Number of live notes."""
        rows = self._read("SELECT COUNT(*) FROM notes WHERE deleted_at IS NULL", [])
        return int(rows[0][0])

    # Writing -----------------------------------------------------------------

    def add(self, annotation: Annotation) -> Annotation:
        """Save a new note in one transaction and return it as stored.

        Raises:
            StoreError: the database cannot be written (disk full, read-only, locked).
        """
        note = replace(annotation, tags=normalize_tags(annotation.tags), version=1)
        with self._transaction() as connection:
            connection.execute(
                f"INSERT INTO notes ({NOTE_COLUMNS}) VALUES ({', '.join('?' * 22)})",
                annotation_row(note),
            )
            _write_tags(connection, note)
        return note

    def update(
        self,
        annotation: Annotation,
        *,
        note: str | None = None,
        tags: Sequence[str] | str | None = None,
        label: str | None = None,
    ) -> Annotation:
        """Change a note's text, tags or label, based on ``annotation`` as last read.

        Anchors are not written here (only ``reanchor_article`` moves them), so a
        re-anchor in another instance never conflicts with a text edit.

        Raises:
            NoteConflictError: another instance changed or deleted the note since
                ``annotation`` was read; nothing was written.
            StoreError: the database cannot be written.
        """
        changed = replace(
            annotation,
            note=annotation.note if note is None else note,
            tags=normalize_tags(annotation.tags if tags is None else tags),
            label=annotation.label if label is None else label.strip(),
            updated=utc_now(),
            version=annotation.version + 1,
        )
        with self._transaction() as connection:
            cursor = connection.execute(
                "UPDATE notes SET note = ?, label = ?, updated = ?, version = ?"
                " WHERE id = ? AND version = ? AND deleted_at IS NULL",
                (
                    changed.note,
                    changed.label,
                    changed.updated,
                    changed.version,
                    annotation.id,
                    annotation.version,
                ),
            )
            if cursor.rowcount != 1:
                raise NoteConflictError(
                    "this note was changed or deleted in another newsreader window since you "
                    "opened it; your text was not saved — copy it, reopen the note and try again"
                )
            connection.execute("DELETE FROM note_tags WHERE note_id = ?", (annotation.id,))
            _write_tags(connection, changed)
        return changed

    def delete(self, note_id: str) -> None:
        """Move a note to the bin (kept so ``restore`` can undo the delete).

        Raises:
            StoreError: the database cannot be written, or there is no such live note.
        """
        with self._transaction() as connection:
            cursor = connection.execute(
                "UPDATE notes SET deleted_at = ?, version = version + 1"
                " WHERE id = ? AND deleted_at IS NULL",
                (utc_now(), note_id),
            )
            if cursor.rowcount != 1:
                raise NoteConflictError(f"note {note_id} does not exist or is already deleted")

    def reattach(self, annotation: Annotation, anchor: Anchor) -> Annotation:
        """Attach a note (typically an orphaned one) to a place the user chose.

        The new anchor replaces the primary side, quote and context included: the
        user has said these are the words the note is about now. A pair note's other
        side is kept as it is (and re-checked by the next ``reanchor_articles``).

        Raises:
            NoteConflictError: the note was changed or deleted elsewhere meanwhile.
            StoreError: the database cannot be written.
        """
        moved = replace(
            annotation,
            anchor=anchor,
            # A pair note's other side is checked again on the next re-anchor pass.
            status="anchored",
            updated=utc_now(),
            version=annotation.version + 1,
        )
        with self._transaction() as connection:
            cursor = connection.execute(
                "UPDATE notes SET article_id = ?, start = ?, end = ?, quote = ?, prefix = ?,"
                " suffix = ?, outlet = ?, status = ?, updated = ?, version = ?"
                " WHERE id = ? AND version = ? AND deleted_at IS NULL",
                (
                    anchor.article_id,
                    anchor.start,
                    anchor.end,
                    anchor.quote,
                    anchor.prefix,
                    anchor.suffix,
                    anchor.outlet,
                    moved.status,
                    moved.updated,
                    moved.version,
                    annotation.id,
                    annotation.version,
                ),
            )
            if cursor.rowcount != 1:
                raise NoteConflictError(
                    "this note was changed or deleted in another newsreader window; "
                    "open the notes screen again and retry"
                )
        return moved

    def restore(self, note_id: str) -> Annotation:
        """Undo ``delete``: bring a deleted note back and return it.

        Raises:
            StoreError: the database cannot be written, or there is no such note.
        """
        with self._transaction() as connection:
            cursor = connection.execute(
                "UPDATE notes SET deleted_at = NULL, version = version + 1"
                " WHERE id = ? AND deleted_at IS NOT NULL",
                (note_id,),
            )
            if cursor.rowcount != 1:
                raise NoteConflictError(f"note {note_id} is not in the bin")
        restored = self.get(note_id)
        assert restored is not None  # just restored inside our own transaction
        return restored

    def reanchor_article(self, article_id: str, texts: dict[str, str]) -> ReanchorReport:
        """Re-anchor the notes on one article; see ``reanchor_articles``."""
        return self.reanchor_articles([article_id], texts)

    def reanchor_articles(
        self, article_ids: Collection[str], texts: dict[str, str]
    ) -> ReanchorReport:
        """Re-anchor the notes on ``article_ids`` against current article texts.

        Call after article texts may have changed (re-import, new cleaning) and when
        showing an article. Unchanged notes cost no write; changed ones are written
        together in one transaction. Only anchor columns are written, and only if
        they still hold what was read, so a concurrent text edit or re-anchor in
        another window is never overwritten.

        Args:
            article_ids: the articles whose notes to check.
            texts: current text by article id; should include every article in
                ``article_ids`` and, for pair notes, the partner articles too.
        """
        notes = self.list_notes(article_ids=article_ids)
        updates: list[tuple[Annotation, Annotation]] = []
        for old in notes:
            new = reanchor(old, texts)
            if new is not old:
                updates.append((old, new))
        written: list[tuple[Annotation, Annotation]] = []
        if updates:
            with self._transaction() as connection:
                for old, new in updates:
                    values = annotation_row(new)
                    old_values = annotation_row(old)
                    # Columns 1..14 hold both anchors (see NOTE_COLUMNS); 18 is the status.
                    cursor = connection.execute(
                        "UPDATE notes SET article_id = ?, start = ?, end = ?, quote = ?,"
                        " prefix = ?, suffix = ?, outlet = ?, other_article_id = ?,"
                        " other_start = ?, other_end = ?, other_quote = ?, other_prefix = ?,"
                        " other_suffix = ?, other_outlet = ?, status = ?"
                        " WHERE id = ? AND start = ? AND end = ? AND quote = ?"
                        " AND other_start IS ? AND other_end IS ? AND status = ?",
                        (
                            *values[1:15],
                            new.status,
                            new.id,
                            old.start,
                            old.end,
                            old.quote,
                            old_values[9],
                            old_values[10],
                            old.status,
                        ),
                    )
                    if cursor.rowcount == 1:
                        written.append((old, new))
        moved = sum(1 for old, new in written if not old.orphaned and not new.orphaned)
        orphaned = sum(1 for old, new in written if new.orphaned and not old.orphaned)
        recovered = sum(1 for old, new in written if old.orphaned and not new.orphaned)
        return ReanchorReport(len(notes), moved, orphaned, recovered)

    # Internals ---------------------------------------------------------------

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """``Store.transaction`` that never lets a raw ``sqlite3`` error escape.

        On SQLITE_FULL and some I/O errors SQLite has already rolled back by itself,
        and ``Store.transaction``'s own ROLLBACK then fails with "no transaction is
        active"; callers must still see one clear ``StoreError``.
        """
        try:
            with self.store.transaction() as connection:
                yield connection
        except sqlite3.Error as error:
            if self.store.connection.in_transaction:
                self.store.connection.execute("ROLLBACK")
            # Report the error that started it (e.g. "database or disk is full"),
            # not the failed ROLLBACK that followed.
            cause: BaseException = error
            while isinstance(cause.__context__, (sqlite3.Error, StoreError)):
                cause = cause.__context__
            raise StoreError(f"cannot write to {self.store.path}: {cause}") from error

    def _read(self, sql: str, params: Sequence[object]) -> list[sqlite3.Row]:
        try:
            return list(self.store.connection.execute(sql, params).fetchall())
        except sqlite3.Error as error:
            raise StoreError(f"cannot read notes from {self.store.path}: {error}") from error

    def _select(self, where: str, params: Sequence[object]) -> list[Annotation]:
        rows = self._read(
            f"SELECT {NOTE_COLUMNS} FROM notes WHERE {where} ORDER BY created, rowid", params
        )
        if not rows:
            return []
        ids = [str(row["id"]) for row in rows]
        tags: dict[str, list[str]] = {note_id: [] for note_id in ids}
        # Chunked so a large library stays under SQLite's bound-parameter limit.
        for index in range(0, len(ids), 500):
            chunk = ids[index : index + 500]
            marks = ", ".join("?" for _ in chunk)
            for row in self._read(
                f"SELECT note_id, tag FROM note_tags WHERE note_id IN ({marks})"
                " ORDER BY note_id, position",
                chunk,
            ):
                tags[str(row[0])].append(str(row[1]))
        return [annotation_from_row(row, tuple(tags[str(row["id"])])) for row in rows]


def _write_tags(connection: sqlite3.Connection, note: Annotation) -> None:
    connection.executemany(
        "INSERT INTO note_tags (note_id, position, tag) VALUES (?, ?, ?)",
        [(note.id, position, tag) for position, tag in enumerate(note.tags)],
    )
