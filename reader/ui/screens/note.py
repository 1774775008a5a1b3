"""The note editor: a modal with the quoted sentence(s), the note text, tags and a label."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, Static, TextArea

from reader.core.annotations import LABELS, Annotation
from reader.core.errors import StoreError
from reader.ui.screens.confirm import Confirm


@dataclass(frozen=True)
class NoteDraft:
    """What the user typed in the editor."""

    note: str
    tags: str
    """Tags as typed: separated by spaces or commas, ``#`` optional."""
    label: str


@dataclass(frozen=True)
class QuotedSide:
    """One quoted side shown above the editor: whose text and the exact words."""

    outlet: str
    quote: str


SaveNote = Callable[[NoteDraft], Annotation]
"""Saves the draft (one store transaction) and returns the saved note; raises StoreError."""


class NoteEditor(ModalScreen[Annotation | None]):
    """Edit one note; returns the saved note, or None when cancelled.

    The editor saves through ``save`` while it is still open, so when saving fails
    (disk full, read-only library, an edit from another window) the error is shown
    and everything typed stays in the editor to retry or copy.
    """

    BINDINGS = [
        Binding("ctrl+s", "save", "Save the note", priority=True),
        Binding("escape", "cancel", "Cancel (asks before discarding text)", priority=True),
    ]

    def __init__(
        self,
        quotes: Sequence[QuotedSide],
        save: SaveNote,
        *,
        initial: NoteDraft | None = None,
        pair_kind: str = "",
        title: str = "New note",
    ) -> None:
        """
        Args:
            quotes: the sentence(s) the note is about, one per side.
            save: called on ctrl+s with the draft; its StoreError keeps the editor open.
            initial: the note being edited, or None for a new note.
            pair_kind: for diff-pane notes, how the two sides relate.
            title: the dialog title.
        """
        super().__init__()
        self.quotes = list(quotes)
        self.save = save
        self.initial = initial or NoteDraft("", "", "")
        self.pair_kind = pair_kind
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="note-editor"):
            yield Label(self.title_text, id="dialog-title", markup=False)
            with VerticalScroll(id="note-quotes"):
                for side in self.quotes:
                    quote = Text(end="")
                    quote.append(f"{side.outlet}: ", "bold")
                    quote.append(side.quote, "italic")
                    yield Static(quote, classes="note-quote")
                if self.pair_kind:
                    yield Static(Text(f"Pair: {self.pair_kind}", "dim"), classes="note-quote")
            yield TextArea(self.initial.note, id="note-text", soft_wrap=True)
            with Horizontal(id="note-fields"):
                yield Input(
                    self.initial.tags, placeholder="tags: space or comma separated", id="note-tags"
                )
                yield Input(
                    self.initial.label,
                    placeholder="label: claim, omission, framing…",
                    id="note-label",
                    suggester=SuggestFromList([label for label in LABELS if label]),
                )
            yield Label("ctrl+s save · Tab next field · Esc cancel", id="dialog-hint")

    def on_mount(self) -> None:
        area = self.query_one("#note-text", TextArea)
        area.focus()
        area.move_cursor(area.document.end)
        self._fit(self.app.size.height)

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size.height)

    def _fit(self, rows: int) -> None:
        """Keep the tags, the label and the key hint on screen in a short terminal (24
        rows): the quotes and the note box give up rows before anything is cut off."""
        quotes = 10 if rows >= 32 else 4
        self.query_one("#note-quotes").styles.max_height = quotes
        # Dialog at most 85% of the rows; frame, title, fields and hint take 9 of them.
        self.query_one("#note-text").styles.height = max(3, min(10, rows * 85 // 100 - 9 - quotes))

    def draft(self) -> NoteDraft:
        """The editor's current content."""
        return NoteDraft(
            self.query_one("#note-text", TextArea).text,
            self.query_one("#note-tags", Input).value,
            self.query_one("#note-label", Input).value,
        )

    def action_save(self) -> None:
        draft = self.draft()
        if not draft.note.strip() and not draft.tags.strip() and not draft.label.strip():
            self.notify("Type a note, a tag or a label first (Esc to cancel).", severity="warning")
            return
        try:
            saved = self.save(draft)
        except StoreError as error:
            # The draft stays on screen: the user's words are never lost to a failed save.
            self.notify(f"Note not saved: {error}", title="Error", severity="error", timeout=15)
            return
        self.dismiss(saved)

    @on(Input.Submitted)
    def _submitted(self) -> None:
        # Enter in a one-line field means "done", as in most forms.
        self.action_save()

    @work(exclusive=True, group="note-cancel")
    async def action_cancel(self) -> None:
        """Close; asks first when something was typed, so a stray Esc loses nothing."""
        if self.draft() != self.initial:
            discard = await self.app.push_screen_wait(
                Confirm("Discard what you typed in this note?", yes="Discard", no="Keep editing")
            )
            if not discard:
                return
        self.dismiss(None)
