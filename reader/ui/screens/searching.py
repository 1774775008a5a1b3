"""Search in the article under focus, and jumps to the next shared or unique sentence."""

from __future__ import annotations

from collections.abc import Callable

from textual import on

from reader.ui.screens.outlets import OutletCountsScreen
from reader.ui.session import SHARED_MARKS, find_matches
from reader.ui.widgets.search_bar import SearchBar
from reader.ui.widgets.sentence_view import SentenceView


class SearchingScreen(OutletCountsScreen):
    """``/`` search with live highlights, ``n``/``N`` and ``u``/``U`` jumps."""

    _search_view: SentenceView | None = None
    """The view being searched (the one focused when ``/`` was pressed)."""

    def action_next_shared(self, direction: int) -> None:
        """n/N: next match while a search is active, else next shared sentence."""
        view = self._search_view if self.search else None
        if view is not None and view.matches:
            view.move_to_next(set(view.matches), direction)
            return
        self._jump(lambda mark: mark in SHARED_MARKS, direction, "shared")

    def action_next_unique(self, direction: int) -> None:
        self._jump(lambda mark: mark == "unique", direction, "unique")

    def _jump(self, wanted: Callable[[str], bool], direction: int, label: str) -> None:
        view = self._target_view()
        if not view.marks:
            self.notify("No comparison here yet: press c to compare.")
            return
        if not view.move_to_next({i for i, m in view.marks.items() if wanted(m)}, direction):
            self.notify(f"No {label} sentence on this side.")

    # --- search --------------------------------------------------------------------------

    def action_find(self) -> None:
        self._search_view = self._target_view()
        self.query_one(SearchBar).open(self.search)

    @on(SearchBar.QueryChanged)
    def _search_changed(self, event: SearchBar.QueryChanged) -> None:
        if self._search_view is not None:
            matches = find_matches(self._search_view.sentences, event.query)
            self._search_view.update_view(matches=matches)

    @on(SearchBar.QuerySubmitted)
    def _search_submitted(self, event: SearchBar.QuerySubmitted) -> None:
        view = self._search_view
        if view is None:
            return
        self.request_focus(view)
        self.search = event.query
        if not event.query:
            self._end_search()
            return
        if not view.matches:
            self.notify(f"No match for {event.query!r}.")
            return
        view.move_to_next({i for i in view.matches if i >= view.cursor} or set(view.matches), 1)
        self.notify(f"{len(view.matches)} sentences match · n/N next/previous · Esc clears")

    def action_clear_search(self) -> None:
        if self.search or self.query_one(SearchBar).is_open:
            self._end_search()

    def _end_search(self) -> None:
        search_bar = self.query_one(SearchBar)
        if search_bar.is_open:
            search_bar.close()
            if self._search_view is not None:
                self.request_focus(self._search_view)
        if self._search_view is not None:
            self._search_view.update_view(matches={})
        self.search = ""
