"""The article list: events as headings, then one line per article (outlet, title, date).

Only the visible lines are drawn, so a library of 10,000 articles builds and scrolls
as fast as one of ten.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.core.models import Article
from reader.ui.session import ListRow

OUTLET_WIDTH = 16
"""Most cells the outlet column takes; it is as wide as the longest outlet up to this."""
DATE_WIDTH = 10
DATE_FROM = 60
"""Row width from which the date shows: below it the title needs the cells more."""


class ArticleList(ScrollView, can_focus=True):
    """A virtualised list of articles grouped under event headings."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "cursor_down", "Next article", show=False),
        Binding("k,up", "cursor_up", "Previous article", show=False),
        Binding("pagedown", "page(1)", "Page down the list", show=False),
        Binding("pageup", "page(-1)", "Page up the list", show=False),
        Binding("g,home", "first", "First article", show=False),
        Binding("G,end", "last", "Last article", show=False),
        Binding("enter", "select", "Open article", show=False),
    ]

    COMPONENT_CLASSES = {
        "article-list--event",
        "article-list--outlet",
        "article-list--date",
        "article-list--cursor",
        "article-list--open",
    }

    cursor: reactive[int] = reactive(-1, init=False)
    """Index of the highlighted row (never an event heading)."""

    class ArticleHighlighted(Message):
        """The cursor moved onto an article."""

        def __init__(self, article_list: ArticleList, article: Article) -> None:
            super().__init__()
            self.article_list = article_list
            self.article = article

        @property
        def control(self) -> ArticleList:
            return self.article_list

    class ArticleSelected(ArticleHighlighted):
        """The user chose an article (Enter or click)."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.rows: list[ListRow] = []
        self._strips: dict[tuple[int, int, int, bool], Strip] = {}
        self.open_id: str = ""
        """Id of the article shown in the reading pane, marked in the list."""
        self._outlet_cells = OUTLET_WIDTH
        """Cells of the longest outlet name (capped at ``OUTLET_WIDTH``)."""

    def set_rows(self, rows: Sequence[ListRow]) -> None:
        """Replace the rows; the cursor goes to the first article."""
        self.rows = list(rows)
        self._strips.clear()
        self._outlet_cells = min(
            OUTLET_WIDTH,
            max((cell_len(r.article.outlet_label) for r in self.rows if r.article), default=6),
        )
        self.virtual_size = Size(self.size.width, len(self.rows))
        first = next((i for i, row in enumerate(self.rows) if row.article), -1)
        self.set_reactive(ArticleList.cursor, first)
        self.scroll_to(y=0, animate=False, immediate=True)
        self.refresh()

    @property
    def article_count(self) -> int:
        return sum(1 for row in self.rows if row.article)

    @property
    def highlighted(self) -> Article | None:
        """The article under the cursor."""
        if 0 <= self.cursor < len(self.rows):
            return self.rows[self.cursor].article
        return None

    def select_article(self, article_id: str) -> None:
        """Move the cursor onto an article and mark it as the open one."""
        self.open_id = article_id
        for index, row in enumerate(self.rows):
            if row.article is not None and row.article.id == article_id:
                self.cursor = index
                break
        self.refresh()

    def validate_cursor(self, cursor: int) -> int:
        return max(-1, min(cursor, len(self.rows) - 1))

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh()
        self._scroll_to_cursor()
        if (article := self.highlighted) is not None:
            self.post_message(self.ArticleHighlighted(self, article))

    def _scroll_to_cursor(self) -> None:
        height = self.scrollable_content_region.height
        top = self.scroll_offset.y
        # Keep the event heading of the first article visible at the top.
        if self.cursor <= top or (self.cursor == 1 and top <= 1):
            self.scroll_to(y=max(0, self.cursor - 1), animate=False, immediate=True)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False, immediate=True)

    def _step(self, start: int, direction: int) -> None:
        """Move to the nearest article row from ``start`` in ``direction``."""
        index = start
        while 0 <= index < len(self.rows):
            if self.rows[index].article is not None:
                self.cursor = index
                return
            index += direction

    def action_cursor_down(self) -> None:
        self._step(self.cursor + 1, 1)

    def action_cursor_up(self) -> None:
        self._step(self.cursor - 1, -1)

    def action_page(self, direction: int) -> None:
        height = max(1, self.scrollable_content_region.height - 1)
        target = max(0, min(len(self.rows) - 1, self.cursor + direction * height))
        self._step(target, direction)
        if self.cursor != target:
            self._step(target, -direction)

    def action_first(self) -> None:
        self._step(0, 1)

    def action_last(self) -> None:
        self._step(len(self.rows) - 1, -1)

    def action_select(self) -> None:
        if (article := self.highlighted) is not None:
            self.post_message(self.ArticleSelected(self, article))

    def on_click(self, event: events.Click) -> None:
        index = event.y + self.scroll_offset.y
        if 0 <= index < len(self.rows) and self.rows[index].article is not None:
            self.cursor = index
            self.action_select()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(self.size.width, len(self.rows))

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        base = self.rich_style
        if not 0 <= index < len(self.rows):
            return Strip.blank(width, base)
        row = self.rows[index]
        state = 0 if index != self.cursor else (1 if self.has_focus else 2)
        key = (index, width, state, row.article is not None and row.article.id == self.open_id)
        strip = self._strips.get(key)
        if strip is not None:
            return strip
        text = self._row_text(row, width)
        if state:
            name = "article-list--cursor" if state == 1 else "article-list--open"
            text.stylize(self.get_component_rich_style(name))
        segments = Segment.apply_style(text.render(self.app.console), base)
        strip = Strip(segments).extend_cell_length(width, base).crop(0, width)
        if len(self._strips) > 2000:
            self._strips.clear()
        self._strips[key] = strip
        return strip

    def notify_style_update(self) -> None:
        """The theme changed: drop the drawn rows."""
        super().notify_style_update()
        self._strips.clear()

    def _row_text(self, row: ListRow, width: int) -> Text:
        """One line: an event heading, or outlet, title and date in columns."""
        if row.article is None:
            style = self.get_component_rich_style("article-list--event")
            text = Text(row.label, style, end="", no_wrap=True, overflow="ellipsis")
            text.truncate(width, overflow="ellipsis")
            return text
        article = row.article
        marker = "▸" if article.id == self.open_id else " "
        outlet_width = min(self._outlet_cells, max(6, width * 2 // 5))
        outlet = Text(article.outlet_label, end="")
        outlet.truncate(outlet_width, overflow="ellipsis", pad=True)
        show_date = width >= DATE_FROM
        title_width = width - outlet_width - 3 - (DATE_WIDTH + 1 if show_date else 0)
        title = Text(article.title, end="")
        title.truncate(max(1, title_width), overflow="ellipsis", pad=True)
        text = Text(marker + " ", end="", no_wrap=True)
        text.append_text(outlet)
        text.stylize(self.get_component_rich_style("article-list--outlet"), 2)
        text.append(" ")
        text.append_text(title)
        if show_date:
            date = article.date[:DATE_WIDTH].rjust(DATE_WIDTH)
            text.append(" ")
            text.append(date, self.get_component_rich_style("article-list--date"))
        if cell_len(text.plain) > width:
            text.truncate(width)
        return text
