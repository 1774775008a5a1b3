"""The export dialog: asks where to write the notes, asks before overwriting, writes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from reader.core.errors import ExportError
from reader.ui.screens.confirm import Confirm

WriteExport = Callable[[Path, bool], int]
"""Writes the export to the path (overwriting when told) and returns the number of notes.
Raises ``ExportError`` with a message for the user."""


def default_export_path(folder: Path, today: date | None = None) -> Path:
    """``<folder>/newsreader-notes-YYYY-MM-DD.md``: dated, so a day's export is easy to find."""
    day = (today or date.today()).isoformat()
    return folder / f"newsreader-notes-{day}.md"


class ExportDialog(ModalScreen[Path | None]):
    """Asks for a file name; returns the path written, or None when cancelled.

    The write happens while the dialog is open, so a full disk or a read-only folder
    is reported here and the user can pick another place without starting over.
    """

    BINDINGS = [Binding("escape", "dismiss(None)", "Close without exporting")]

    def __init__(self, default: Path, write: WriteExport, count: int) -> None:
        """
        Args:
            default: path offered in the input.
            write: does the export; see ``WriteExport``.
            count: how many notes will be exported (shown in the title).
        """
        super().__init__()
        self.default = default
        self.write = write
        self.count = count

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="export-dialog"):
            noun = "note" if self.count == 1 else "notes"
            yield Label(f"Export {self.count} {noun} to markdown", id="dialog-title")
            yield Input(str(self.default), id="export-path")
            yield Label("", id="export-error", markup=False)
            yield Label("Enter export · Esc cancel", id="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#export-error").display = False
        self.query_one(Input).focus()

    @on(Input.Submitted, "#export-path")
    def _submitted(self, event: Input.Submitted) -> None:
        self.export(event.value)

    @work(exclusive=True, group="export")
    async def export(self, value: str) -> None:
        """Check the path, confirm an overwrite, then write."""
        if not value.strip():
            self._show_error("Type a file name.")
            return
        path = Path(value.strip()).expanduser()
        if path.is_dir():
            self._show_error(f"{path} is a folder; add a file name, e.g. {path / 'notes.md'}")
            return
        overwrite = False
        if path.exists():
            overwrite = await self.app.push_screen_wait(
                Confirm(f"{path} already exists. Replace it?", yes="Replace", no="Cancel")
            )
            if not overwrite:
                return
        try:
            self.write(path, overwrite)
        except ExportError as error:
            self._show_error(str(error))
            return
        self.dismiss(path)

    def _show_error(self, message: str) -> None:
        label = self.query_one("#export-error", Label)
        label.update(message)
        label.display = True
        self.notify(message, title="Export failed", severity="error", timeout=10)
