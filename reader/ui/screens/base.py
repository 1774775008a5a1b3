"""State shared by the main screen's parts: what is open, compared, shown and searched."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message
from textual.reactive import var
from textual.screen import Screen
from textual.widget import Widget

from reader.core.models import Article
from reader.ui.session import Session
from reader.ui.widgets.diff_pane import DiffPane
from reader.ui.widgets.reading_pane import ReadingPane
from reader.ui.widgets.sentence_view import SentenceView

if TYPE_CHECKING:
    from reader.core.align import Comparison


class ReaderScreen(Screen[None]):
    """The reactive state of the main screen, split from it so that its parts (outlet
    counts, search, the main screen itself) can live in modules of their own."""

    current: var[Article | None] = var(None, init=False)
    """The article in the reading pane; it is side A of any comparison."""
    comparison: var[Comparison | None] = var(None, init=False)
    """The comparison in the diff pane, or None."""
    show_list: var[bool] = var(True, init=False)
    """Whether the article list is visible."""
    narrow_view: var[str] = var("reading", init=False)
    """Below ``WIDE`` columns only one of ``reading`` and ``diff`` shows."""
    aligned: var[bool] = var(False, init=False)
    """Whether the diff pane puts matched sentences on the same row."""
    search: var[str] = var("", init=False)
    """The active search, or empty."""

    class LoadFailed(Message):
        """The loader or the aligner raised a NewsreaderError."""

        def __init__(self, error: str) -> None:
            super().__init__()
            self.error = error

    session: Session
    """The loaded articles with their cached sentences and comparisons."""

    _focus_ticket = 0
    """Number of the latest focus request; an older pending request gives way to it."""

    FOCUS_TRIES = 50
    """Frames a focus request waits for its widget to mount before it gives up."""

    def reserve_focus(self) -> int:
        """Claim the focus for a widget that will exist later (a comparison in a worker):
        pass the ticket to :meth:`request_focus`; any request made meanwhile wins."""
        self._focus_ticket += 1
        return self._focus_ticket

    def request_focus(self, widget: Widget, ticket: int | None = None) -> None:
        """Focus ``widget`` now, or once it is mounted, unless a later request came first.

        Every focus change the user asks for goes through here, so the last one asked
        for wins, whichever widget needs frames to appear (``Widget.focus`` alone would
        let two requests of one frame land in an arbitrary order).
        """
        if ticket is None:
            ticket = self.reserve_focus()
        self._apply_focus(widget, ticket, self.FOCUS_TRIES)

    def _apply_focus(self, widget: Widget, ticket: int, tries: int) -> None:
        if ticket != self._focus_ticket or not self.is_attached:
            return
        if widget.is_mounted and widget.focusable:
            self.set_focus(widget)
        elif tries > 0:
            self.call_after_refresh(self._apply_focus, widget, ticket, tries - 1)

    def _target_view(self) -> SentenceView:
        """The sentence view the user is working in."""
        focused = self.focused
        if isinstance(focused, SentenceView):
            return focused
        if self.comparison is not None and self.narrow_view == "diff":
            return self.query_one(DiffPane).column("a")
        return self.query_one(ReadingPane)
