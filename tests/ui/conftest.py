"""UI test settings shared by every UI test: no cursor blink, outlet counts at once,
and a note store in a temporary library."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from reader.core.note_store import NoteStore
from reader.core.store import Store


@pytest.fixture(autouse=True)
def no_blink(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A blinking cursor would make snapshots depend on timing."""
    monkeypatch.setattr(Input, "cursor_blink", False)
    monkeypatch.setattr(TextArea, "cursor_blink", False)
    yield


@pytest.fixture
def notes(tmp_path: Path) -> Iterator[NoteStore]:
    """A note store on a fresh library database."""
    with Store(tmp_path / "library.sqlite3") as store:
        yield NoteStore(store)


@pytest.fixture(autouse=True)
def no_nway_delay(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The app delays the first article's outlet counts so launch stays quick; tests
    (and snapshots) want them before they look."""
    monkeypatch.setattr("reader.ui.screens.outlets.NWAY_DELAY", 0.0)
    yield
