"""Pilot tests for notes: annotate, passage, diff pair, failed save, notes screen, export."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from textual.coordinate import Coordinate
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, TextArea
from ui_corpus import HERALD, TIDE, corpus, make_app, wait_ready

from reader.core.models import Article
from reader.core.note_store import NoteStore
from reader.core.store import Store
from reader.ui.annotating import NotesMainScreen
from reader.ui.app import NewsReaderApp
from reader.ui.screens.confirm import Confirm
from reader.ui.screens.export import ExportDialog
from reader.ui.screens.main import MainScreen
from reader.ui.screens.note import NoteEditor
from reader.ui.screens.notes import NotesScreen
from reader.ui.screens.picker import ComparePicker
from reader.ui.widgets.diff_pane import DiffColumn
from reader.ui.widgets.reading_pane import ReadingPane


async def ready(app: NewsReaderApp, pilot: Pilot[None]) -> NotesMainScreen:
    screen = await wait_ready(app, pilot)
    assert isinstance(screen, NotesMainScreen)
    return screen


async def write_note(pilot: Pilot[None], text: str, tags: str = "") -> NoteEditor:
    """Type into the open note editor (without saving)."""
    editor = pilot.app.screen
    assert isinstance(editor, NoteEditor)
    await pilot.press(*text)
    if tags:
        await pilot.press("tab", *tags)
    return editor


async def test_annotate_sentence_marks_it_and_survives_reopen(
    notes: NoteStore, tmp_path: Path
) -> None:
    app = make_app(note_store=notes)
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await ready(app, pilot)
        await pilot.press("2", "j", "a")
        await write_note(pilot, "check", tags="repairs")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        saved = notes.list_notes()
        assert len(saved) == 1
        assert saved[0].quote == HERALD[1] and saved[0].note == "check"
        assert saved[0].tags == ("repairs",) and saved[0].article_id == "herald1"
        assert screen.query_one(ReadingPane).annotated == {1}
    # A second instance on the same database sees the note.
    with Store(tmp_path / "library.sqlite3") as other:
        assert NoteStore(other).count() == 1


async def test_escape_asks_before_discarding(notes: NoteStore) -> None:
    app = make_app(note_store=notes)
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(app, pilot)
        await pilot.press("2", "a")
        await write_note(pilot, "draft")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.press("n")  # keep editing
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        assert app.screen.query_one(TextArea).text == "draft"
        await pilot.press("escape", "y")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen) and notes.count() == 0
        # An empty editor closes without asking.
        await pilot.press("a", "escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)


async def test_failed_save_keeps_typed_text(notes: NoteStore) -> None:
    app = make_app(note_store=notes)
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(app, pilot)
        await pilot.press("2", "a")
        await write_note(pilot, "precious")
        notes.store.connection.execute("PRAGMA query_only = ON")  # a read-only library
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        assert app.screen.query_one(TextArea).text == "precious"
        notes.store.connection.execute("PRAGMA query_only = OFF")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert [n.note for n in notes.list_notes()] == ["precious"]


async def test_passage_selection_annotates_several_sentences(notes: NoteStore) -> None:
    app = make_app(note_store=notes)
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await ready(app, pilot)
        await pilot.press("2", "j", "v", "j", "j")
        assert set(screen.query_one(ReadingPane).matches) == {1, 2, 3}
        await pilot.press("a")
        await write_note(pilot, "passage")
        await pilot.press("ctrl+s")
        await pilot.pause()
        (note,) = notes.list_notes()
        assert note.quote.startswith(HERALD[1]) and note.quote.endswith(HERALD[3])
        assert "\n\n" in note.quote  # it crosses a paragraph break, as written
        pane = screen.query_one(ReadingPane)
        assert pane.annotated == {1, 2, 3} and pane.matches == {}
        # Esc (or v again) drops a selection without writing anything.
        await pilot.press("v", "j", "escape")
        assert pane.matches == {} and screen.selection is None
        await pilot.press("v", "v")
        assert pane.matches == {} and screen.selection is None


async def test_diff_pane_note_records_both_sides(notes: NoteStore) -> None:
    app = make_app(note_store=notes)
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await ready(app, pilot)
        await pilot.press("enter", "c")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ComparePicker)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.focused is screen.query_one("#diff-a", DiffColumn)
        await pilot.press("j", "a")  # HERALD[1] paraphrases TIDE[2]
        editor = await write_note(pilot, "reworded")
        assert len(editor.quotes) == 2
        await pilot.press("ctrl+s")
        await pilot.pause()
        (note,) = notes.list_notes()
        assert note.quote == HERALD[1] and note.other is not None
        assert note.other.quote == TIDE[2] and note.other.article_id == "tide01"
        assert note.pair_kind == "paraphrase"
        assert note.anchor.outlet == "Coast Herald" and note.other.outlet == "Daily Tide"
        assert note.anchor.article_id == "herald1"
        assert screen.query_one("#diff-a", DiffColumn).annotated == {1}
        assert screen.query_one("#diff-b", DiffColumn).annotated == {2}
        assert screen.query_one(ReadingPane).annotated == {1}


async def test_notes_screen_delete_undo_jump_and_export(notes: NoteStore, tmp_path: Path) -> None:
    app = make_app(note_store=notes)
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await ready(app, pilot)
        for keys in (("2", "j", "a"), ("j", "j", "a")):
            await pilot.press(*keys)
            await write_note(pilot, "n", tags="t")
            await pilot.press("ctrl+s")
            await pilot.pause()
        assert notes.count() == 2
        await pilot.press("ctrl+n")
        await pilot.pause()
        notes_screen = app.screen
        assert isinstance(notes_screen, NotesScreen)
        table = notes_screen.query_one(DataTable)
        assert table.row_count == 2
        await pilot.press("d")
        await pilot.pause()
        assert table.row_count == 1 and notes.count() == 1
        await pilot.press("u")
        await pilot.pause()
        assert table.row_count == 2 and notes.count() == 2
        # Export what the screen shows.
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        target = tmp_path / "out.md"
        dialog.query_one(Input).value = str(target)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, NotesScreen)
        text = target.read_text(encoding="utf-8")
        assert text.startswith("---\n") and f"> {HERALD[1]}" in text
        # Exporting again to the same file asks first; "no" leaves it alone.
        target.write_text("keep me\n", encoding="utf-8")
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.press("n")
        await pilot.pause()
        assert target.read_text(encoding="utf-8") == "keep me\n"
        await pilot.press("escape")
        await pilot.pause()
        # Jump: the second row is the note on HERALD[3].
        assert isinstance(app.screen, NotesScreen)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        pane = screen.query_one(ReadingPane)
        assert screen.current is not None and screen.current.id == "herald1"
        assert pane.cursor == 3


async def test_edit_from_notes_screen(notes: NoteStore) -> None:
    app = make_app(note_store=notes)
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(app, pilot)
        await pilot.press("2", "a")
        await write_note(pilot, "old")
        await pilot.press("ctrl+s", "ctrl+n")
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        await pilot.press("end", *" new", "ctrl+s")
        await pilot.pause()
        assert [n.note for n in notes.list_notes()] == ["old new"]
        assert notes.list_notes()[0].version == 2


async def test_annotate_needs_a_sentence_under_focus(notes: NoteStore) -> None:
    app = make_app(note_store=notes)
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(app, pilot)
        await pilot.press("1", "a")  # the article list has focus
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)


async def test_without_note_store_explains(notes: NoteStore) -> None:
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(app, pilot)
        await pilot.press("2", "a")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)


def note_on_second_herald_sentence(notes: NoteStore, text: str, outlet: str = "") -> Article:
    """Save a note on the Herald's second sentence; returns the Herald article."""
    from reader.core.annotations import create_annotation, make_anchor

    herald = corpus()[0]
    start = herald.text.index(HERALD[1])
    anchor = make_anchor("herald1", herald.text, start, start + len(HERALD[1]), outlet)
    notes.add(create_annotation(anchor, text))
    return herald


async def test_changed_article_orphans_note_and_says_so(notes: NoteStore) -> None:
    """A note whose sentence vanished from the re-imported text is kept, shown with "!"."""
    herald = note_on_second_herald_sentence(notes, "about the repair time", "Coast Herald")
    rewritten = replace(herald, text=herald.text.replace(HERALD[1] + " ", ""))
    app = make_app([rewritten, *corpus()[1:]], note_store=notes)
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await ready(app, pilot)
        assert screen.query_one(ReadingPane).annotated == set()
        (stored,) = notes.list_notes()
        assert stored.orphaned and stored.quote == HERALD[1]
        await pilot.press("ctrl+n")
        await pilot.pause()
        notes_screen = app.screen
        assert isinstance(notes_screen, NotesScreen)
        assert "1 lost their place" in str(notes_screen.query_one("#notes-title").render())
        assert str(notes_screen.query_one(DataTable).get_cell_at(Coordinate(0, 0))) == "!"


async def test_read_only_library_still_shows_marks(notes: NoteStore) -> None:
    herald = note_on_second_herald_sentence(notes, "n")
    shifted = replace(herald, text="Update: new details. " + herald.text)
    notes.store.connection.execute("PRAGMA query_only = ON")
    app = make_app([shifted, *corpus()[1:]], note_store=notes)
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await ready(app, pilot)
        # The note moved in memory (one sentence later) though the move cannot be saved.
        assert screen.query_one(ReadingPane).annotated == {2}


async def test_reattach_orphaned_note_by_hand(notes: NoteStore) -> None:
    herald = note_on_second_herald_sentence(notes, "repair time", "Coast Herald")
    reworded = "Engineers now expect repairs to need a month or more."
    rewritten = replace(herald, text=herald.text.replace(HERALD[1], reworded))
    app = make_app([rewritten, *corpus()[1:]], note_store=notes)
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await ready(app, pilot)
        assert notes.list_notes()[0].orphaned
        await pilot.press("ctrl+n", "r")
        await pilot.pause()
        assert screen.reattaching is not None
        await pilot.press("2", "j", "a")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.press("y")
        await app.workers.wait_for_complete()
        await pilot.pause()
        (note,) = notes.list_notes()
        assert note.status == "anchored" and note.quote == reworded
        assert note.note == "repair time" and note.version == 2
        assert screen.reattaching is None
        assert screen.query_one(ReadingPane).annotated == {1}
