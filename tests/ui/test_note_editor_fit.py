"""The note editor fits a 24-row terminal: tags, label and the key hint stay on screen."""

from __future__ import annotations

import pytest
from textual.widgets import Input, TextArea
from ui_corpus import make_app

from reader.core.note_store import NoteStore
from reader.ui.screens.note import NoteEditor


@pytest.mark.parametrize("rows", [24, 45])
async def test_every_field_of_the_note_editor_is_on_screen(notes: NoteStore, rows: int) -> None:
    app = make_app(note_store=notes)
    async with app.run_test(size=(80, rows)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("2", "a")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, NoteEditor)
        # Inside the dialog's frame, not clipped away under its bottom border.
        inside = editor.query_one("#dialog").content_region
        for widget in (
            editor.query_one(TextArea),
            editor.query_one("#note-tags", Input),
            editor.query_one("#note-label", Input),
            editor.query_one("#dialog-hint"),
        ):
            region = widget.region
            assert region.height > 0 and region.bottom <= inside.bottom <= rows, widget
        assert editor.query_one(TextArea).region.height >= 3
