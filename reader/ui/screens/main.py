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

from reader.core.errors import NewsreaderError
from reader.core.models import Article
from reader.core.persist import Config
from reader.ui.loading import Loader
from reader.ui.screens.base import ReaderScreen
from reader.ui.screens.comparing import ComparingScreen
from reader.ui.screens.help import HelpScreen
from reader.ui.session import Session, side_marks
from reader.ui.widgets.article_list import ArticleList
from reader.ui.widgets.diff_pane import DiffPane
from reader.ui.widgets.footer import KeyFooter
from reader.ui.widgets.reading_pane import ReadingPane
from reader.ui.widgets.search_bar import SearchBar

if TYPE_CHECKING:
    from reader.core.align import Comparison

WIDE = 140
"""Terminal width from which the list, the reading pane and the diff pane all show."""

SPINNER_DELAY = 0.25
"""Seconds the library may take to load before the list shows a loading indicator."""

SessionFactory = Callable[[list[Article]], Session]


class MainScreen(ComparingScreen):
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
        Binding("s", "swap", "Swap A and B", show=False),
        Binding("o", "show_outlets", "Which outlets carry this sentence", show=False),
        Binding(
            "m", "toggle_aligned", "Switch the diff between aligned rows and columns", show=False
        ),
        Binding("ctrl+b", "toggle_list", "Show or hide the article list", show=False),
        Binding("1", "focus_pane('list')", "Focus the article list", show=False),
        Binding("2", "focus_pane('reading')", "Focus the reading pane", show=False),
        Binding("3", "focus_pane('diff')", "Focus the diff pane", show=False),
        Binding("escape", "clear_search", "Clear the search", show=False),
        Binding("question_mark", "help", "Help"),
    ]

    class ArticlesLoaded(Message):
        """The loader finished (posted from the worker)."""

        def __init__(self, articles: list[Article], warnings: list[str]) -> None:
            super().__init__()
            self.articles = articles
            self.warnings = warnings

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
        self._wide = False

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
            self.open_at_launch(article)

    def _show_list_loading(self) -> None:
        if not self.session.articles:
            self.query_one(ArticleList).loading = True

    @on(ReaderScreen.LoadFailed)
    def _load_failed(self, event: ReaderScreen.LoadFailed) -> None:
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
        self.request_focus(self.query_one(ReadingPane))

    def compare_with(self, b_id: str) -> None:
        """Below ``WIDE`` columns the comparison takes the list's room: two columns of
        text need every cell a narrow terminal has."""
        if self.size.width < WIDE and self.current is not None:
            self.show_list = False
        super().compare_with(b_id)

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

    def watch_comparison(self, comparison: Comparison | None) -> None:
        diff = self.query_one(DiffPane)
        diff.loading = False
        warnings = self.session.artefacts(comparison) if comparison else ()
        for side in (comparison.a, comparison.b) if comparison else ():
            if (nway := self.session.cached_nway(side.id)) is not None:
                diff.set_nway(nway)  # the status line names the outlets of either side
        by_id = self.session.by_id
        diff.via_names = {
            v: by_id[v].outlet or by_id[v].title[:40]
            for pair in (comparison.pairs if comparison else ())
            for v in pair.via
            if v in by_id
        }
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

    def action_toggle_aligned(self) -> None:
        self.aligned = not self.aligned

    def watch_aligned(self, aligned: bool) -> None:
        self.query_one(DiffPane).set_aligned(aligned)
        self._save(diff_mode="aligned" if aligned else "columns")

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
            self.request_focus(self.query_one(ArticleList))

    def action_focus_pane(self, pane: str) -> None:
        if pane == "list":
            self.show_list = True
            self.request_focus(self.query_one(ArticleList))
        elif pane == "reading":
            self.narrow_view = "reading"
            self.request_focus(self.query_one(ReadingPane))
        elif self.comparison is None:
            self.notify("Nothing compared yet: press c to compare with another outlet.")
        else:
            self.narrow_view = "diff"
            self.request_focus(self.query_one(DiffPane).column("a"))

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
