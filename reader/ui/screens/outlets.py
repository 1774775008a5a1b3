"""Outlet counts (the N-way view): in how many other outlets each sentence appears."""

from __future__ import annotations

from textual import on, work
from textual.message import Message
from textual.worker import get_current_worker

from reader.core.errors import NewsreaderError
from reader.core.models import Article
from reader.ui.nway import NWay
from reader.ui.screens.base import ReaderScreen
from reader.ui.widgets.diff_pane import DiffColumn, DiffPane
from reader.ui.widgets.reading_pane import ReadingPane

NWAY_DELAY = 0.3
"""Seconds after launch before the outlet counts of the first article are computed: the
aligner's import and work hold the GIL, so they wait until the list has been drawn
and the app answers keys (an article opened by the user is counted at once)."""


class OutletCountsScreen(ReaderScreen):
    """Aligns the open article with its whole event in a worker and shows the counts:
    the reading pane's gutter and summary, its border for the cursor sentence, ``o``."""

    _nway_delay = 0.0
    """Seconds to wait before counting outlets (only for the article opened at launch)."""

    class NWayReady(Message):
        """An article has been aligned with its whole event (posted from the worker)."""

        def __init__(self, nway: NWay) -> None:
            super().__init__()
            self.nway = nway

    def open_at_launch(self, article: Article) -> None:
        """Show ``article`` as the app starts; its outlet counts follow a moment later."""
        self._nway_delay = NWAY_DELAY
        self.current = article
        self._nway_delay = 0.0

    def _request_nway(self, article: Article) -> None:
        """Show the outlet counts of ``article``: at once if cached, else from a worker."""
        cached = self.session.cached_nway(article.id)
        if cached is not None:
            self._show_nway(cached)
        elif self._nway_delay:
            self.set_timer(self._nway_delay, lambda: self._count_if_current(article))
        else:
            self.count_outlets(article)

    def _count_if_current(self, article: Article) -> None:
        if self.current is not None and self.current.id == article.id:
            self._request_nway(article)

    @work(thread=True, exclusive=True, group="nway")
    def count_outlets(self, article: Article) -> None:
        """Align the article with every other article of its event off the UI thread,
        then check each pair for extraction artefacts, so that comparing with any of
        them later shows at once."""
        try:
            nway = self.session.nway(article)
        except NewsreaderError as error:
            self.post_message(self.LoadFailed(str(error)))
            return
        self.post_message(self.NWayReady(nway))
        worker = get_current_worker()
        for peer in self.session.peers(article):
            comparison = self.session.cached_comparison(article.id, peer.id)
            if worker.is_cancelled:
                return
            if comparison is not None:
                self.session.artefacts(comparison)

    @on(NWayReady)
    def _nway_ready(self, event: NWayReady) -> None:
        self._show_nway(event.nway)

    def _show_nway(self, nway: NWay) -> None:
        pane = self.query_one(ReadingPane)
        if pane.article is None or pane.article.id != nway.article_id:
            return
        if nway.peers and pane.sentences != nway.sentences:
            # The aligner segmented on its own terms; show its sentences so counts match.
            cursor = pane.cursor
            pane.update_view(sentences=nway.sentences)
            pane.cursor = cursor
        counts = dict(enumerate(nway.counts)) if nway.peers else {}
        pane.update_view(counts=counts, summary=nway.summary())
        self.query_one(DiffPane).set_nway(nway)
        self._describe_reading_cursor()

    def _describe_reading_cursor(self) -> None:
        """The reading pane's bottom border names the outlets that carry the cursor sentence."""
        pane = self.query_one(ReadingPane)
        nway = self.session.cached_nway(pane.article.id) if pane.article else None
        if nway is None or not nway.peers:
            pane.border_subtitle = ""
        elif 0 <= pane.cursor < len(nway.counts) and nway.counts[pane.cursor]:
            pane.border_subtitle = f"{nway.describe(pane.cursor, kinds=False)} · o how"
        else:
            pane.border_subtitle = nway.describe(pane.cursor)

    def action_show_outlets(self) -> None:
        """``o``: which other outlets carry the sentence under the cursor."""
        view = self._target_view()
        article = self.current
        if isinstance(view, DiffColumn) and self.comparison is not None:
            side = self.comparison.a if view.side == "a" else self.comparison.b
            article = self.session.by_id.get(side.id)
        nway = self.session.cached_nway(article.id) if article else None
        if article is None:
            self.notify("Open an article first (Enter in the list).")
        elif nway is None:
            self.notify("Still comparing with the other outlets of this event…")
        elif not nway.peers:
            self.notify("No other outlet covers this event.")
        else:
            number = view.cursor + 1
            self.notify(f"Sentence {number}: {nway.describe(view.cursor)}", timeout=8)
