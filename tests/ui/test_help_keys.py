"""Every key binding is described, and the help screen lists the keys of every screen."""

from __future__ import annotations

import pytest
from textual.binding import Binding
from textual.dom import DOMNode

from reader.ui.annotating import NotesMainScreen
from reader.ui.app import NewsReaderApp
from reader.ui.screens.confirm import Confirm
from reader.ui.screens.export import ExportDialog
from reader.ui.screens.help import KEYS, HelpScreen
from reader.ui.screens.note import NoteEditor
from reader.ui.screens.notes import NotesScreen
from reader.ui.screens.picker import ComparePicker
from reader.ui.widgets.article_list import ArticleList
from reader.ui.widgets.diff_pane import DiffColumn
from reader.ui.widgets.reading_pane import ReadingPane

OWNERS: list[type[DOMNode]] = [
    NewsReaderApp,
    NotesMainScreen,
    NotesScreen,
    NoteEditor,
    ComparePicker,
    Confirm,
    ExportDialog,
    HelpScreen,
    ArticleList,
    ReadingPane,
    DiffColumn,
]


def bindings(owner: type[DOMNode]) -> list[Binding]:
    found: list[Binding] = []
    for cls in owner.__mro__:
        for item in cls.__dict__.get("BINDINGS", []):
            if isinstance(item, Binding) and cls.__module__.startswith("reader."):
                found.append(item)
    return found


@pytest.mark.parametrize("owner", OWNERS, ids=lambda owner: owner.__name__)
def test_every_binding_has_a_plain_description(owner: type[DOMNode]) -> None:
    for binding in bindings(owner):
        assert len(binding.description.split()) >= 1 and len(binding.description) >= 4, binding


def test_help_lists_the_notes_screen_keys() -> None:
    sections = dict(KEYS)
    notes_keys = " ".join(key for key, _ in sections["Notes screen (ctrl+n)"])
    for binding in bindings(NotesScreen):
        key = {"escape": "Esc", "enter": "Enter", "slash": "/", "d,delete": "d"}.get(
            binding.key, binding.key
        )
        assert key in notes_keys, binding.key


def test_help_lists_every_main_screen_key() -> None:
    described = " ".join(key for _, rows in KEYS for key, _ in rows)
    names = {"slash": "/", "question_mark": "?", "escape": "Esc"}
    for binding in bindings(NotesMainScreen):
        assert names.get(binding.key, binding.key) in described, binding.key
