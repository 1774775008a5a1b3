"""A scrolling view of sentences with a sentence cursor, wrapping and per-sentence highlights.

The reading pane and both diff columns are ``SentenceView`` subclasses: they differ only
in how sentences are grouped into blocks (paragraphs or one sentence per block) and in
the names of their component classes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.core.models import Sentence
from reader.ui.nway import count_label
from reader.ui.session import Mark
from reader.ui.widgets.blocks import (
    ANNOTATED_GLYPH,
    COUNT_WIDTH,
    CURSOR_GLYPH,
    GUTTER_WIDTH,
    MARK_GLYPHS,
    PARTNER_GLYPH,
    SUSPECT_GLYPH,
    Block,
    WrapCache,
    wrap_blocks,
)


class SentenceView(ScrollView, can_focus=True):
    """Sentences of one article, wrapped at word boundaries, with a sentence cursor."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "cursor_down", "Next sentence", show=False),
        Binding("k,up", "cursor_up", "Previous sentence", show=False),
        Binding(
            "pagedown,space", "page_down_sentences", "Page down a screen of sentences", show=False
        ),
        Binding("pageup,b", "page_up_sentences", "Page up a screen of sentences", show=False),
        Binding("g,home", "first_sentence", "First sentence", show=False),
        Binding("G,end", "last_sentence", "Last sentence", show=False),
    ]

    SHOW_BLURRED_CURSOR: bool = True
    """Whether the cursor glyph shows while another widget has focus."""

    SHOW_COUNTS: bool = False
    """Whether the gutter has room for outlet counts (the reading pane)."""

    CLASS_PREFIX = "sentence-view"
    """Prefix of the component classes; subclasses use their own (``diff-pane``...)."""

    COMPONENT_CLASSES: ClassVar[set[str]] = set()
    """None here: each subclass names its own (``reading-pane--cursor``...) from
    :data:`COMPONENT_NAMES`. Textual styles every component class of a widget on each
    restyle (focus, theme), so inheriting an unused set would double that work."""

    cursor: reactive[int] = reactive(-1, init=False)
    """Index of the sentence under the cursor, or -1 when there are no sentences."""

    class SentenceFocused(Message):
        """The cursor moved onto a sentence."""

        def __init__(self, view: SentenceView, index: int) -> None:
            super().__init__()
            self.view = view
            self.index = index

        @property
        def control(self) -> SentenceView:
            return self.view

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.sentences: tuple[Sentence, ...] = ()
        self.marks: dict[int, Mark] = {}
        """Kind of each sentence relative to the compared article (empty: no comparison)."""
        self.matches: dict[int, list[tuple[int, int]]] = {}
        """Search matches: sentence index -> spans within the sentence."""
        self.changed: dict[int, list[tuple[int, int]]] = {}
        """Changed words inside matched sentences: sentence index -> spans."""
        self.partner_indices: set[int] = set()
        """Sentences paired with the cursor sentence on the other side."""
        self.annotated: set[int] = set()
        """Sentences that carry a note."""
        self.counts: dict[int, int] = {}
        """How many other outlets carry each sentence (empty: not known yet)."""
        self.suspects: set[int] = set()
        """Unique sentences that look like text the other side's cleaner dropped."""
        self._lines: list[Text | None] = []
        self._strips: dict[int, Strip] = {}
        self._wrap_cache: WrapCache = {}
        self._component_cache: dict[str, Style] = {}
        self._dirty = True
        self._layout_pending = False
        self._pending_scroll: tuple[int, bool] | None = None
        self._sentence_lines: dict[int, tuple[int, int]] = {}
        self._line_sentence: list[int] = []
        self._layout_width = 0

    # --- data in -------------------------------------------------------------------------

    def update_view(self, **values: object) -> None:
        """Replace any of ``sentences``, ``marks``, ``matches``, ``changed``,
        ``partner_indices``, ``annotated``, ``counts`` or ``suspects`` and redraw once."""
        for name, value in values.items():
            if not hasattr(self, name) or name.startswith("_"):
                raise AttributeError(name)
            setattr(self, name, value)
        if "sentences" in values:
            self.set_reactive(SentenceView.cursor, 0 if self.sentences else -1)
        self.schedule_layout()

    @property
    def current_sentence(self) -> Sentence | None:
        """The sentence under the cursor."""
        if 0 <= self.cursor < len(self.sentences):
            return self.sentences[self.cursor]
        return None

    # --- layout --------------------------------------------------------------------------

    def blocks(self) -> Iterable[Block]:
        """The blocks to draw; the default is one block per sentence."""
        for index in range(len(self.sentences)):
            text = self.sentence_text(index)
            yield Block(text, [(index, 0, len(text))], space_after=False)

    def component(self, name: str) -> Style:
        """The Rich style of one of this view's component classes, as a layer.

        Colours are blended with the widget's background (so ``$success 20%`` works),
        but a colour or background the CSS rule does not set is left out, so layers
        combine: changed words keep the background of their sentence's kind.
        """
        cached = self._component_cache.get(name)
        if cached is not None:
            return cached
        full_name = f"{self.CLASS_PREFIX}--{name}"
        rules = self.get_component_styles(full_name)
        blended = self.get_component_rich_style(full_name)
        layer = Style(
            color=blended.color if rules.has_rule("color") else None,
            bgcolor=blended.bgcolor if rules.has_rule("background") else None,
            bold=blended.bold if rules.has_rule("text_style") else None,
            italic=blended.italic if rules.has_rule("text_style") else None,
            underline=blended.underline if rules.has_rule("text_style") else None,
            reverse=blended.reverse if rules.has_rule("text_style") else None,
            dim=blended.dim if rules.has_rule("text_style") else None,
        )
        self._component_cache[name] = layer
        return layer

    def notify_style_update(self) -> None:
        """The theme or CSS changed: forget the cached layers and redraw."""
        super().notify_style_update()
        self._component_cache.clear()
        self.schedule_layout()

    def sentence_text(self, index: int) -> Text:
        """The sentence as styled text; article text is never parsed as markup."""
        sentence = self.sentences[index]
        text = Text(sentence.text, end="")
        mark = self.marks.get(index)
        if mark:
            text.stylize(self.component(mark))
        if index in self.partner_indices:
            text.stylize(self.component("partner"))
        if index == self.cursor and self.has_focus:
            text.stylize(self.component("cursor"))
        for start, end in self.changed.get(index, ()):
            text.stylize(self.component("changed"), start, end)
        if index in self.annotated:
            text.stylize(self.component("annotated"))
        for start, end in self.matches.get(index, ()):
            text.stylize(self.component("match"), start, end)
        return text

    @property
    def gutter_width(self) -> int:
        """Cells of the gutter left of the text."""
        return GUTTER_WIDTH + (COUNT_WIDTH if self.SHOW_COUNTS else 0)

    @property
    def text_width(self) -> int:
        """Cells available for text on each line, after the gutter."""
        return max(8, self.scrollable_content_region.width - self.gutter_width)

    def relayout(self) -> None:
        """Re-wrap every block at the current width and redraw."""
        width = self.scrollable_content_region.width
        if width <= 0:
            return
        self._layout_width = width
        text_width = self.text_width
        layout = wrap_blocks(
            self.blocks(),
            text_width,
            self.gutter_width,
            self._gutter_for,
            self.component("gutter"),
            self._wrap_cache,
        )
        lines = layout.lines
        sentence_lines, line_sentence = layout.sentence_lines, layout.line_sentence
        self._lines = lines
        self._strips.clear()
        self._sentence_lines = sentence_lines
        self._line_sentence = line_sentence
        self._dirty = False
        self.virtual_size = Size(width, len(lines))
        self.refresh()
        if self._pending_scroll is not None:
            index, center = self._pending_scroll
            self._pending_scroll = None
            self.scroll_to_sentence(index, center=center)

    def schedule_layout(self) -> None:
        """Re-wrap once after the current batch of changes (see ``ensure_layout``)."""
        self._dirty = True
        self.refresh()
        if not self._layout_pending:
            self._layout_pending = True
            self.call_later(self._scheduled_layout)

    def _scheduled_layout(self) -> None:
        self._layout_pending = False
        self.ensure_layout()

    def ensure_layout(self) -> None:
        """Lay out now if a change is waiting."""
        if self._dirty:
            self.relayout()

    @property
    def line_texts(self) -> list[str]:
        """The wrapped lines as plain text, gutter included (for tests and exports)."""
        self.ensure_layout()
        return ["" if line is None else line.plain for line in self._lines]

    def _gutter_for(self, index: int, gutter: list[str]) -> list[str]:
        """Fill the gutter cells for a sentence that starts on this line."""
        if index == self.cursor and (self.has_focus or self.SHOW_BLURRED_CURSOR):
            gutter[0] = CURSOR_GLYPH
        elif index in self.partner_indices and gutter[0] == " ":
            gutter[0] = PARTNER_GLYPH
        mark = self.marks.get(index)
        if mark and gutter[1] == " ":
            gutter[1] = SUSPECT_GLYPH if index in self.suspects else MARK_GLYPHS[mark]
        if index in self.annotated:
            gutter[2] = ANNOTATED_GLYPH
        if self.SHOW_COUNTS and index in self.counts and gutter[4] == " ":
            gutter[3 : 3 + COUNT_WIDTH] = list(count_label(self.counts[index]))
        return gutter

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        width = self.scrollable_content_region.width
        base = self.rich_style
        if index >= len(self._lines) or self._lines[index] is None:
            return Strip.blank(width, base)
        strip = self._strips.get(index)
        if strip is None:
            row = self._lines[index]
            assert row is not None
            segments = Segment.apply_style(row.render(self.app.console), base)
            strip = Strip(segments).extend_cell_length(self._layout_width, base)
            self._strips[index] = strip
        return strip.crop(scroll_x, scroll_x + width)

    def on_resize(self, event: events.Resize) -> None:
        if self.scrollable_content_region.width != self._layout_width:
            self.relayout()
            self.scroll_to_sentence(self.cursor)

    def on_mount(self) -> None:
        self.relayout()

    def on_focus(self) -> None:
        self.schedule_layout()

    def on_blur(self) -> None:
        self.schedule_layout()

    # --- cursor --------------------------------------------------------------------------

    def watch_cursor(self, cursor: int) -> None:
        self.schedule_layout()
        self.scroll_to_sentence(cursor)
        if cursor >= 0:
            self.post_message(self.make_focused_message(cursor))

    def make_focused_message(self, index: int) -> Message:
        """The message announcing a cursor move; subclasses return their own type."""
        return self.SentenceFocused(self, index)

    def validate_cursor(self, cursor: int) -> int:
        if not self.sentences:
            return -1
        return max(0, min(cursor, len(self.sentences) - 1))

    def scroll_to_sentence(self, index: int, *, center: bool = False) -> None:
        """Scroll so that sentence ``index`` is visible (centred when asked)."""
        if self._dirty:
            # Wait for the layout that is already scheduled rather than doing it twice.
            self._pending_scroll = (index, center)
            return
        if index not in self._sentence_lines:
            return
        first, last = self._sentence_lines[index]
        height = self.scrollable_content_region.height
        top = self.scroll_offset.y
        if center:
            target = max(0, (first + last) // 2 - height // 2)
        elif first < top or last - first + 1 > height:
            target = first
        elif last >= top + height:
            target = last - height + 1
        else:
            return
        self.scroll_to(y=target, animate=False, immediate=True)

    def line_range(self, index: int) -> tuple[int, int] | None:
        """First and last line of sentence ``index`` in the wrapped layout."""
        self.ensure_layout()
        return self._sentence_lines.get(index)

    def move_to_next(self, wanted: Sequence[int] | set[int], direction: int) -> bool:
        """Move the cursor to the next (or previous) sentence in ``wanted``, wrapping around.

        Returns:
            False when there is no such sentence.
        """
        if not wanted or not self.sentences:
            return False
        ordered = sorted(wanted)
        if direction > 0:
            later = [i for i in ordered if i > self.cursor]
            self.cursor = later[0] if later else ordered[0]
        else:
            earlier = [i for i in ordered if i < self.cursor]
            self.cursor = earlier[-1] if earlier else ordered[-1]
        return True

    def action_cursor_down(self) -> None:
        self.cursor += 1

    def action_cursor_up(self) -> None:
        self.cursor = max(0, self.cursor - 1)

    def action_first_sentence(self) -> None:
        self.cursor = 0

    def action_last_sentence(self) -> None:
        self.cursor = len(self.sentences) - 1

    def action_page_down_sentences(self) -> None:
        self._page(+1)

    def action_page_up_sentences(self) -> None:
        self._page(-1)

    def _page(self, direction: int) -> None:
        """Move the cursor about one screen and keep it visible."""
        self.ensure_layout()
        span = self._sentence_lines.get(self.cursor)
        if span is None:
            return
        target_line = span[0] + direction * max(1, self.scrollable_content_region.height - 2)
        target_line = max(0, min(target_line, len(self._line_sentence) - 1))
        candidates = [
            i for i, (first, _last) in self._sentence_lines.items() if first <= target_line
        ]
        if direction > 0:
            self.cursor = max(max(candidates, default=self.cursor), self.cursor + 1)
        else:
            self.cursor = min(max(candidates, default=0), max(0, self.cursor - 1))

    def on_click(self, event: events.Click) -> None:
        self.ensure_layout()
        line = event.y + self.scroll_offset.y
        if 0 <= line < len(self._line_sentence) and self._line_sentence[line] >= 0:
            self.cursor = self._line_sentence[line]
