"""The find bar: a one-line input that reports each change and the final query."""

from __future__ import annotations

from textual import on
from textual.message import Message
from textual.widgets import Input


class SearchBar(Input):
    """Hidden until :meth:`open`; the screen decides what the query means."""

    DEFAULT_CSS = """
    SearchBar { display: none; }
    SearchBar.-open { display: block; }
    """

    class QueryChanged(Message):
        """The text of the bar changed (for live highlighting)."""

        def __init__(self, query: str) -> None:
            super().__init__()
            self.query = query

    class QuerySubmitted(QueryChanged):
        """Enter was pressed: the search is set (an empty query ends it)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder="Find in this article… (Enter search, Esc cancel)", id=id)

    @property
    def is_open(self) -> bool:
        return self.has_class("-open")

    def open(self, query: str) -> None:
        """Show the bar holding ``query`` and put the focus in it."""
        self.add_class("-open")
        self.value = query
        self.focus()
        # The bar was hidden until now; focus again once it has a place on screen.
        self.call_after_refresh(self.focus)

    def close(self) -> None:
        self.remove_class("-open")

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.QueryChanged(event.value))

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.close()
        self.post_message(self.QuerySubmitted(event.value))
