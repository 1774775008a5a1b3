"""Comparing the open article with another: the B picker, aligning in a worker, swapping."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.message import Message
from textual.worker import get_current_worker

from reader.core.errors import NewsreaderError
from reader.core.models import Article
from reader.ui.screens.picker import ComparePicker
from reader.ui.screens.searching import SearchingScreen
from reader.ui.session import swapped
from reader.ui.widgets.diff_pane import DiffPane

if TYPE_CHECKING:
    from reader.core.align import Comparison


class ComparingScreen(SearchingScreen):
    """``c`` picks B (overlaps measured in a worker), then A and B are aligned in a
    worker unless the session has them cached; ``s`` swaps the sides."""

    _picker: ComparePicker | None = None
    """The open B picker, to fill in overlaps as they are measured."""

    _compare_focus = 0
    """Focus ticket of the comparison under way: column A takes the focus when it is
    ready, unless the user asked for another pane since."""

    def _focus_column_a(self) -> None:
        """Focus column A once it can take focus (the first comparison mounts it)."""
        self.request_focus(self.query_one(DiffPane).column("a"), self._compare_focus)

    class ComparisonReady(Message):
        """An alignment finished (posted from the worker)."""

        def __init__(self, comparison: Comparison) -> None:
            super().__init__()
            self.comparison = comparison

    def compare_with(self, b_id: str) -> None:
        """Compare the current article with ``b_id``: at once if cached, else in a worker."""
        if self.current is None or b_id not in self.session.by_id:
            return
        self.narrow_view = "diff"
        self._compare_focus = self.reserve_focus()
        cached = self.session.cached_comparison(self.current.id, b_id)
        if cached is not None:
            self.comparison = cached
            self._focus_column_a()
            return
        self.query_one(DiffPane).loading = True
        self.align(self.current, self.session.by_id[b_id])

    @work(thread=True, exclusive=True, group="align")
    def align(self, a: Article, b: Article) -> None:
        """Align A with B off the UI thread."""
        try:
            comparison = self.session.compare(a, b)
            self.session.artefacts(comparison)  # warm the cache off the UI thread
        except NewsreaderError as error:
            self.post_message(self.LoadFailed(str(error)))
            return
        self.post_message(self.ComparisonReady(comparison))

    @on(ComparisonReady)
    def _comparison_ready(self, event: ComparisonReady) -> None:
        if self.current is not None and event.comparison.a.id == self.current.id:
            self.comparison = event.comparison
            self._focus_column_a()

    def action_compare(self) -> None:
        """Pick B among the event's other outlets; their overlaps fill in as measured."""
        if self.current is None:
            self.notify("Open an article first (Enter in the list).")
            return
        article = self.current
        peers = self.session.peers(article)
        if not peers:
            self.notify(
                "No other outlet covers this event. ctrl+p → Compare with… lists every article."
            )
            return
        shares: list[tuple[Article, float | None]] = []
        for peer in peers:
            cached = self.session.cached_comparison(article.id, peer.id)
            shares.append((peer, cached.shared_fraction("a") if cached else None))

        def chosen(b_id: str | None) -> None:
            if b_id:
                self.compare_with(b_id)

        self._picker = ComparePicker(article, shares)
        self.app.push_screen(self._picker, chosen)
        missing = [peer for peer, share in shares if share is None]
        if missing:
            self.measure_overlaps(article, missing)

    class OverlapMeasured(Message):
        """One candidate of the picker has been aligned with A (posted from the worker)."""

        def __init__(self, a_id: str, b_id: str, share: float) -> None:
            super().__init__()
            self.a_id = a_id
            self.b_id = b_id
            self.share = share

    @work(thread=True, exclusive=True, group="overlaps")
    def measure_overlaps(self, article: Article, peers: list[Article]) -> None:
        """Align A with its event's other articles in one go (filling the cache) and
        report each candidate's share."""
        worker = get_current_worker()
        try:
            comparisons = {c.b.id: c for c in self.session.compare_with_peers(article)}
        except NewsreaderError as error:
            self.post_message(self.LoadFailed(str(error)))
            return
        for peer in peers:
            if worker.is_cancelled:
                return
            comparison = comparisons.get(peer.id) or self.session.compare(article, peer)
            self.post_message(
                self.OverlapMeasured(article.id, peer.id, comparison.shared_fraction("a"))
            )

    @on(OverlapMeasured)
    def _overlap_measured(self, event: OverlapMeasured) -> None:
        picker = self._picker
        if picker is not None and picker.is_attached and picker.current.id == event.a_id:
            picker.set_share(event.b_id, event.share)

    def action_swap(self) -> None:
        """Make B the current article and A the one it is compared with."""
        if self.comparison is None:
            self.notify("Nothing to swap: press c to compare first.")
            return
        mirrored = swapped(self.comparison)
        self.comparison = mirrored
        self.current = self.session.by_id.get(mirrored.a.id, self.current)
