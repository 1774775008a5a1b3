"""The main screen: article list | reading pane | diff pane, and the state behind them."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal
from textual.events import Resize
from textual.message import Message
from textual.reactive import var
from textual.screen import Screen
from textual.worker import get_current_worker

from reader.core.errors import NewsreaderError
from reader.core.models import Article
from reader.core.persist import Config
from reader.ui.loading import Loader
from reader.ui.nway import NWay
from reader.ui.screens.help import HelpScreen
from reader.ui.screens.picker import ComparePicker
from reader.ui.session import SHARED_MARKS, Session, find_matches, side_marks, swapped
from reader.ui.widgets.article_list import ArticleList
from reader.ui.widgets.diff_pane import DiffColumn, DiffPane
from reader.ui.widgets.footer import KeyFooter
from reader.ui.widgets.reading_pane import ReadingPane
from reader.ui.widgets.search_bar import SearchBar
from reader.ui.widgets.sentence_view import SentenceView

if TYPE_CHECKING:
    from reader.core.align import Comparison

WIDE = 140
"""Terminal width from which the list, the reading pane and the diff pane all show."""

SPINNER_DELAY = 0.25
"""Seconds the library may take to load before the list shows a loading indicator."""

NWAY_DELAY = 0.3
"""Seconds after launch before the outlet counts of the first article are computed: the
aligner's import and work hold the GIL, so they wait until the list has been drawn
and the app answers keys (an article opened by the user is counted at once)."""

SessionFactory = Callable[[list[Article]], Session]


class MainScreen(Screen[None]):
    """Owns what is open (``current``), what it is compared with (``comparison``) and search.

    Widgets get data through their ``show_*``/``update_view`` methods and report back
    with messages; slow work (loading, aligning) runs in thread workers.
    """

    AUTO_FOCUS = "ArticleList"
    """Focus the list as the screen starts (one binding refresh of the footer, not two)."""

    BINDINGS = [
        Binding("c", "compare", "Compare"),
        Binding("slash", "find", "Find"),
        Binding("n", "next_shared(1)", "Next shared"),
        Binding("N", "next_shared(-1)", "Previous shared", show=False),
        Binding("u", "next_unique(1)", "Next unique", show=False),
        Binding("U", "next_unique(-1)", "Previous unique", show=False),
        Binding("s", "swap", "Swap A/B", show=False),
        Binding("o", "show_outlets", "Which outlets carry this sentence", show=False),
        Binding("m", "toggle_aligned", "Aligned rows or columns", show=False),
        Binding("ctrl+b", "toggle_list", "Show or hide the article list", show=False),
        Binding("1", "focus_pane('list')", "Focus the article list", show=False),
        Binding("2", "focus_pane('reading')", "Focus the reading pane", show=False),
        Binding("3", "focus_pane('diff')", "Focus the diff pane", show=False),
        Binding("escape", "clear_search", "Clear the search", show=False),
        Binding("question_mark", "help", "Help"),
    ]

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

    class ArticlesLoaded(Message):
        """The loader finished (posted from the worker)."""

        def __init__(self, articles: list[Article], warnings: list[str]) -> None:
            super().__init__()
            self.articles = articles
            self.warnings = warnings

    class ComparisonReady(Message):
        """An alignment finished (posted from the worker)."""

        def __init__(self, comparison: Comparison) -> None:
            super().__init__()
            self.comparison = comparison

    class LoadFailed(Message):
        """The loader or the aligner raised a NewsreaderError."""

        def __init__(self, error: str) -> None:
            super().__init__()
            self.error = error

    def __init__(
        self,
        loader: Loader,
        config: Config,
        update_config: Callable[..., None],
        open_pair: tuple[str, str] | None = None,
        session_factory: SessionFactory = Session,
    ) -> None:
        """
        Args:
            loader: returns the articles (library or paths); called in a worker.
            config: settings to start from (list shown, diff mode).
            update_config: changes and saves settings, e.g. ``update_config(show_list=False)``.
            open_pair: ids of A and B to compare as soon as the articles are loaded.
            session_factory: builds the session from the loaded articles.
        """
        super().__init__()
        self.loader = loader
        self.config = config
        self.update_config = update_config
        self.open_pair = open_pair
        self.session_factory = session_factory
        self.session = Session()
        self._search_view: SentenceView | None = None
        self._wide = False
        self._picker: ComparePicker | None = None
        self._nway_delay = 0.0
        """Seconds to wait before counting outlets (only for the article opened at launch)."""

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            yield ArticleList(id="list", classes="pane")
            yield ReadingPane(id="reading", classes="pane")
            yield DiffPane(id="diff")
        yield SearchBar(id="search")
        yield KeyFooter()

    # --- loading -------------------------------------------------------------------------

    def on_mount(self) -> None:
        self.query_one(ArticleList).border_title = "[1] Articles"
        self.query_one(ReadingPane).border_title = "[2] Reading"
        self.set_reactive(MainScreen.aligned, self.config.diff_mode == "aligned")
        self.set_reactive(MainScreen.show_list, self.config.show_list)
        # The spinner only for a slow library: a library that loads in a blink would
        # otherwise mount, style and remove it before the list's first frame.
        self._loading_timer = self.set_timer(SPINNER_DELAY, self._show_list_loading)
        self._update_layout()
        self.load_articles()

    @work(thread=True, exclusive=True, group="load")
    def load_articles(self) -> None:
        """Run the loader (it returns articles already grouped into events)."""
        try:
            outcome = self.loader()
        except NewsreaderError as error:
            self.post_message(self.LoadFailed(str(error)))
            return
        self.post_message(self.ArticlesLoaded(list(outcome.articles), list(outcome.warnings)))

    @on(ArticlesLoaded)
    def _articles_loaded(self, event: ArticlesLoaded) -> None:
        self.session = self.session_factory(event.articles)
        article_list = self.query_one(ArticleList)
        article_list.set_rows(self.session.rows())
        self._loading_timer.stop()
        article_list.loading = False
        article_list.border_subtitle = f"{len(event.articles)} articles"
        if event.warnings:
            shown = "\n".join(event.warnings[:5])
            more = len(event.warnings) - 5
            if more > 0:
                shown += f"\n… and {more} more"
            self.notify(shown, title="Some files had problems", severity="warning", timeout=10)
        if not event.articles:
            self.notify("No articles to show. Import some with: newsreader import PATH")
            return
        if self.open_pair is not None:
            a_id, b_id = self.open_pair
            self.current = self.session.by_id[a_id]
            self.compare_with(b_id)
        elif (first := article_list.highlighted) is not None:
            # Draw the list first; segmenting the first article can wait a frame.
            self.call_after_refresh(self._open_first, first)

    def _open_first(self, article: Article) -> None:
        if self.current is None:
            self._nway_delay = NWAY_DELAY
            self.current = article
            self._nway_delay = 0.0

    def _show_list_loading(self) -> None:
        if not self.session.articles:
            self.query_one(ArticleList).loading = True

    @on(LoadFailed)
    def _load_failed(self, event: LoadFailed) -> None:
        self._loading_timer.stop()
        self.query_one(ArticleList).loading = False
        self.query_one(DiffPane).loading = False
        self.notify(event.error, title="Error", severity="error", timeout=10)

    # --- opening and comparing -----------------------------------------------------------

    @on(ArticleList.ArticleSelected)
    def _article_selected(self, event: ArticleList.ArticleSelected) -> None:
        self.open_article(event.article.id)

    def open_article(self, article_id: str) -> None:
        """Show an article in the reading pane and put the focus on its first sentence."""
        self.current = self.session.by_id[article_id]
        self.narrow_view = "reading"
        if self.size.width < WIDE:
            self.show_list = False
        self.query_one(ReadingPane).focus()

    def watch_current(self, article: Article | None) -> None:
        self._end_search()
        sentences = self.session.sentences(article) if article else ()
        self.query_one(ReadingPane).show_article(article, sentences)
        if article is not None:
            self.query_one(ArticleList).select_article(article.id)
        if self.comparison is not None and (article is None or self.comparison.a.id != article.id):
            self.comparison = None
        else:
            self._apply_marks()
        if article is not None:
            self._request_nway(article)

    # --- N-way: in how many other outlets each sentence appears ---------------------------

    class NWayReady(Message):
        """An article has been aligned with its whole event (posted from the worker)."""

        def __init__(self, nway: NWay) -> None:
            super().__init__()
            self.nway = nway

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
        """Align the article with every other article of its event off the UI thread."""
        try:
            nway = self.session.nway(article)
        except NewsreaderError as error:
            self.post_message(self.LoadFailed(str(error)))
            return
        self.post_message(self.NWayReady(nway))

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
        pane.border_subtitle = nway.describe(pane.cursor) if nway and nway.peers else ""

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

    def watch_comparison(self, comparison: Comparison | None) -> None:
        diff = self.query_one(DiffPane)
        diff.loading = False
        warnings = self.session.artefacts(comparison) if comparison else ()
        diff.show_comparison(comparison, aligned=self.aligned, warnings=warnings)
        self._update_layout()
        self._apply_marks()

    def _apply_marks(self) -> None:
        """Show shared/unique marks in the reading pane when it shows side A."""
        comparison, article = self.comparison, self.current
        pane = self.query_one(ReadingPane)
        if comparison is not None and article is not None and comparison.a.id == article.id:
            if pane.sentences != comparison.a_sentences:
                # The aligner segmented on its own terms; show its sentences so marks match.
                pane.update_view(sentences=comparison.a_sentences)
            suspects = {w.index for w in self.session.artefacts(comparison) if w.side == "a"}
            pane.update_view(marks=side_marks(comparison, "a"), suspects=suspects)
        else:
            pane.update_view(marks={}, suspects=set())

    def compare_with(self, b_id: str) -> None:
        """Compare the current article with ``b_id``: at once if cached, else in a worker."""
        if self.current is None or b_id not in self.session.by_id:
            return
        self.narrow_view = "diff"
        cached = self.session.cached_comparison(self.current.id, b_id)
        if cached is not None:
            self.comparison = cached
            self.query_one(DiffPane).column("a").focus()
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
            self.query_one(DiffPane).column("a").focus()

    @on(ReadingPane.SentenceFocused)
    def _reading_cursor_moved(self, event: ReadingPane.SentenceFocused) -> None:
        """Keep diff column A on the sentence read, so its counterparts in B light up."""
        self._describe_reading_cursor()
        if self.comparison is not None and self.comparison.a.id == event.article.id:
            self.query_one(DiffPane).column("a").cursor = event.index

    @on(DiffPane.SentenceFocused)
    def _diff_cursor_moved(self, event: DiffPane.SentenceFocused) -> None:
        if event.focus.side == "a":
            self.query_one(ReadingPane).cursor = event.focus.index

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
        """Align A with each candidate (filling the cache) and report each share."""
        worker = get_current_worker()
        for peer in peers:
            if worker.is_cancelled:
                return
            try:
                share = self.session.compare(article, peer).shared_fraction("a")
            except NewsreaderError as error:
                self.post_message(self.LoadFailed(str(error)))
                return
            self.post_message(self.OverlapMeasured(article.id, peer.id, share))

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

    def action_toggle_aligned(self) -> None:
        self.aligned = not self.aligned

    def watch_aligned(self, aligned: bool) -> None:
        self.query_one(DiffPane).set_aligned(aligned)
        self._save(diff_mode="aligned" if aligned else "columns")

    # --- moving between shared, unique and matching sentences ----------------------------

    def _target_view(self) -> SentenceView:
        """The sentence view the user is working in."""
        focused = self.focused
        if isinstance(focused, SentenceView):
            return focused
        if self.comparison is not None and self.narrow_view == "diff":
            return self.query_one(DiffPane).column("a")
        return self.query_one(ReadingPane)

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
        view.focus()
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
                self._search_view.focus()
        if self._search_view is not None:
            self._search_view.update_view(matches={})
        self.search = ""

    # --- layout --------------------------------------------------------------------------

    def on_resize(self, event: Resize) -> None:
        was_wide = self._wide
        wide = event.size.width >= WIDE
        if was_wide and not wide:
            self.set_reactive(MainScreen.show_list, False)
        elif wide and not was_wide:
            self.set_reactive(MainScreen.show_list, self.config.show_list)
        self._update_layout()

    def _update_layout(self) -> None:
        """Show the panes that fit; widths are set here rather than by toggling classes,
        which would restyle the whole screen."""
        wide = self.size.width >= WIDE
        self.query_one(ArticleList).display = self.show_list
        reading, diff = self.query_one(ReadingPane), self.query_one(DiffPane)
        reading.display = wide or self.narrow_view == "reading"
        diff.display = wide or self.narrow_view == "diff"
        self.query_one(KeyFooter).compact = not wide
        if wide:
            comparing = self.comparison is not None
            reading.styles.width = "1fr" if comparing else "3fr"
            diff.styles.width = "2fr"
        self._wide = wide

    def watch_show_list(self, show: bool) -> None:
        self._update_layout()

    def watch_narrow_view(self, view: str) -> None:
        self._update_layout()

    def action_toggle_list(self) -> None:
        self.show_list = not self.show_list
        if self.size.width >= WIDE:
            self._save(show_list=self.show_list)
        if self.show_list:
            self.query_one(ArticleList).focus()

    def action_focus_pane(self, pane: str) -> None:
        if pane == "list":
            self.show_list = True
            self.query_one(ArticleList).focus()
        elif pane == "reading":
            self.narrow_view = "reading"
            self.query_one(ReadingPane).focus()
        else:
            self.narrow_view = "diff"
            self.query_one(DiffPane).column("a").focus()

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen())

    def _save(self, **changes: object) -> None:
        self.config = replace(self.config, **changes)  # type: ignore[arg-type]
        self.update_config(**changes)

    def system_commands(self) -> Iterable[SystemCommand]:
        """Screen verbs for the command palette."""
        yield SystemCommand("Compare with another outlet", "Pick B (c)", self.action_compare)
        yield SystemCommand("Swap A and B", "Make B the current article (s)", self.action_swap)
        yield SystemCommand("Toggle article list", "Show or hide the list", self.action_toggle_list)
        yield SystemCommand(
            "Toggle aligned diff", "Matched sentences on one row (m)", self.action_toggle_aligned
        )
        yield SystemCommand("Keys", "Show every key (?)", self.action_help)
