"""NoteStore: round trips, concurrency, crash safety and clear write errors."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from reader.core.annotations import Annotation, create_annotation, make_anchor
from reader.core.errors import StoreError
from reader.core.note_store import NoteConflictError, NoteStore
from reader.core.store import Store

TEXT = (
    "Putin and Trump spoke by phone on Wednesday. The call lasted ninety minutes.\n\n"
    "Both agreed to begin talks. Ukraine said it was not consulted."
)
OTHER = "The two presidents talked for an hour and a half. Kyiv was not consulted, it said."


def note_on(quote: str, text: str = TEXT, article_id: str = "a1", **kwargs: object) -> Annotation:
    start = text.index(quote)
    anchor = make_anchor(article_id, text, start, start + len(quote), outlet="Wire")
    return create_annotation(anchor, str(kwargs.pop("note", "a note")), **kwargs)  # type: ignore[arg-type]


def add_article(store: Store, article_id: str, event: str, text: str = TEXT) -> None:
    with store.transaction() as connection:
        connection.execute(
            "INSERT INTO articles (id, title, text, event, event_label) VALUES (?, ?, ?, ?, ?)",
            (article_id, f"Title {article_id}", text, event, f"Label {event}"),
        )


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "library.sqlite3"


def test_round_trip(db_path: Path) -> None:
    with Store(db_path) as store:
        notes = NoteStore(store)
        single = notes.add(note_on("The call lasted ninety minutes.", tags=["#length", "call"]))
        other_anchor = make_anchor("b1", OTHER, 0, OTHER.index(".") + 1, outlet="Paper")
        pair = notes.add(
            note_on(
                "The call lasted ninety minutes.",
                note="same fact\nsecond line",
                label="claim",
                other=other_anchor,
                pair_kind="paraphrase",
            )
        )
    with Store(db_path) as store:
        notes = NoteStore(store)
        assert notes.get(single.id) == single
        assert notes.get(pair.id) == pair
        assert [n.id for n in notes.list_notes()] == [single.id, pair.id]
        assert notes.list_notes(article_id="b1") == [pair]
        assert notes.list_notes(tag="LENGTH") == [single]
        assert notes.list_notes(tag="#call") == [single]
        assert notes.tags() == ["call", "length"]
        assert notes.count() == 2


def test_filters_by_event_and_article_ids(db_path: Path) -> None:
    with Store(db_path) as store:
        add_article(store, "a1", "ev-1")
        add_article(store, "a2", "ev-2")
        notes = NoteStore(store)
        first = notes.add(note_on("Both agreed to begin talks."))
        second = notes.add(note_on("Both agreed to begin talks.", article_id="a2"))
        assert notes.list_notes(event="ev-1") == [first]
        assert notes.list_notes(event="Label ev-2") == [second]
        assert notes.list_notes(article_ids={"a2", "zz"}) == [second]
        assert notes.list_notes(article_ids=[]) == []


def test_update_bumps_version_and_refuses_stale_edit(db_path: Path) -> None:
    with Store(db_path) as store_a, Store(db_path) as store_b:
        notes_a, notes_b = NoteStore(store_a), NoteStore(store_b)
        saved = notes_a.add(note_on("Both agreed to begin talks."))
        seen_by_b = notes_b.get(saved.id)
        assert seen_by_b is not None
        edited = notes_a.update(saved, note="edited in A", tags="x y", label="framing")
        assert edited.version == 2 and notes_b.get(saved.id) == edited
        with pytest.raises(NoteConflictError, match="another newsreader window"):
            notes_b.update(seen_by_b, note="edited in B from a stale copy")
        assert notes_a.get(saved.id) == edited  # A's edit was not lost


def test_delete_and_restore(db_path: Path) -> None:
    with Store(db_path) as store:
        notes = NoteStore(store)
        saved = notes.add(note_on("Both agreed to begin talks.", tags=["t"]))
        notes.delete(saved.id)
        assert notes.get(saved.id) is None and notes.list_notes() == [] and notes.tags() == []
        restored = notes.restore(saved.id)
        assert restored.note == saved.note and restored.tags == ("t",)
        with pytest.raises(NoteConflictError):
            notes.restore(saved.id)


def test_two_instances_writing_at_once_lose_nothing(db_path: Path) -> None:
    Store(db_path).close()
    per_writer = 60
    errors: list[BaseException] = []

    def writer(name: str) -> None:
        try:
            with Store(db_path) as store:
                notes = NoteStore(store)
                for index in range(per_writer):
                    notes.add(note_on("Both agreed to begin talks.", note=f"{name}-{index}"))
        except BaseException as error:  # surfaced in the main thread below
            errors.append(error)

    threads = [threading.Thread(target=writer, args=(name,)) for name in ("A", "B")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    with Store(db_path) as store:
        texts = {n.note for n in NoteStore(store).list_notes()}
    assert texts == {f"{w}-{i}" for w in "AB" for i in range(per_writer)}


def test_two_instances_editing_different_fields_of_same_note(db_path: Path) -> None:
    """A re-anchor in one instance and a text edit in another must both survive."""
    with Store(db_path) as store_a, Store(db_path) as store_b:
        notes_a, notes_b = NoteStore(store_a), NoteStore(store_b)
        saved = notes_a.add(note_on("Both agreed to begin talks."))
        notes_b.reanchor_article("a1", {"a1": "New first line. " + TEXT})
        edited = notes_a.update(saved, note="still mine")
        final = notes_b.get(saved.id)
        assert final is not None and final.note == edited.note
        assert final.start == saved.start + len("New first line. ")


CHILD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from reader.core.annotations import (
        NOTE_COLUMNS, annotation_row, create_annotation, make_anchor,
    )
    from reader.core.note_store import NoteStore
    from reader.core.store import Store

    text = "One sentence here. Another sentence there."
    store = Store(Path(sys.argv[1]))
    notes = NoteStore(store)
    first = notes.add(create_annotation(make_anchor("a1", text, 0, 18), "committed"))
    print(first.id, flush=True)
    second = create_annotation(make_anchor("a1", text, 19, 42), "in flight")
    with store.transaction() as connection:
        connection.execute(
            f"INSERT INTO notes ({NOTE_COLUMNS}) VALUES ({', '.join('?' * 22)})",
            annotation_row(second),
        )
        print(second.id, flush=True)
        time.sleep(60)
    """
)


def test_killed_writer_keeps_committed_note_and_db_intact(db_path: Path) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(db_path)], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    committed_id = child.stdout.readline().strip()
    in_flight_id = child.stdout.readline().strip()
    assert committed_id and in_flight_id
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=10)
    with Store(db_path) as store:
        assert store.connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        notes = NoteStore(store)
        survivor = notes.get(committed_id)
        assert survivor is not None and survivor.note == "committed"
        assert notes.get(in_flight_id) is None
        # The lock died with the process: a write goes through (a lock still held would
        # make it wait out the busy timeout and raise StoreError).
        added = notes.add(note_on("Both agreed to begin talks."))
        assert notes.get(added.id) is not None


def test_disk_full_raises_store_error_and_keeps_old_notes(db_path: Path) -> None:
    with Store(db_path) as store:
        notes = NoteStore(store)
        kept = notes.add(note_on("Both agreed to begin talks."))
        pages = store.connection.execute("PRAGMA page_count").fetchone()[0]
        # Cap the file at its current size: the next big write hits SQLITE_FULL,
        # as it would on a full disk.
        store.connection.execute(f"PRAGMA max_page_count = {pages}")
        with pytest.raises(StoreError, match="database or disk is full"):
            notes.add(note_on("Both agreed to begin talks.", note="x" * 200_000))
        store.connection.execute("PRAGMA max_page_count = 1073741823")
        assert notes.list_notes() == [kept]
        assert store.connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_read_only_database_raises_store_error(db_path: Path) -> None:
    with Store(db_path) as store:
        notes = NoteStore(store)
        kept = notes.add(note_on("Both agreed to begin talks."))
        # Root ignores file permissions, so simulate a read-only medium in SQLite.
        store.connection.execute("PRAGMA query_only = ON")
        with pytest.raises(StoreError, match="cannot write"):
            notes.add(note_on("Both agreed to begin talks."))
        with pytest.raises(StoreError, match="cannot write"):
            notes.update(kept, note="changed")
        store.connection.execute("PRAGMA query_only = OFF")
        assert notes.list_notes() == [kept]


def test_read_only_file_opened_read_only(db_path: Path) -> None:
    Store(db_path).close()
    connection = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    with pytest.raises(sqlite3.OperationalError):
        connection.execute("INSERT INTO note_tags VALUES ('x', 0, 'y')")
    connection.close()


def test_reanchor_article_reports_and_persists(db_path: Path) -> None:
    with Store(db_path) as store:
        notes = NoteStore(store)
        moved = notes.add(note_on("Ukraine said it was not consulted."))
        lost = notes.add(note_on("The call lasted ninety minutes."))
        new_text = "Talks were agreed. Ukraine said it was not consulted."
        report = notes.reanchor_article("a1", {"a1": new_text})
        assert (report.checked, report.moved, report.orphaned) == (2, 1, 1)
        again = notes.get(moved.id)
        assert again is not None and new_text[again.start : again.end] == again.quote
        orphan = notes.get(lost.id)
        assert orphan is not None and orphan.orphaned and orphan.quote == lost.quote
        assert notes.list_notes(status="orphaned") == [orphan]
        # Unchanged text: nothing to write, nothing reported.
        assert notes.reanchor_article("a1", {"a1": new_text}).moved == 0
        # The original text returns: the orphan recovers.
        assert notes.reanchor_article("a1", {"a1": TEXT}).recovered == 1


def test_reattach_moves_note_and_refuses_stale_copy(db_path: Path) -> None:
    with Store(db_path) as store:
        notes = NoteStore(store)
        saved = notes.add(note_on("The call lasted ninety minutes."))
        new_text = "Talks lasted an hour and a half. Kyiv was not told."
        anchor = make_anchor("a1", new_text, 0, new_text.index(".") + 1, "Wire")
        moved = notes.reattach(saved, anchor)
        again = notes.get(saved.id)
        assert again == moved and again.quote == "Talks lasted an hour and a half."
        assert again.status == "anchored" and again.note == saved.note
        with pytest.raises(NoteConflictError):
            notes.reattach(saved, anchor)  # based on the old version
