"""The reading pane: one article's title, metadata and paragraphs, sentence by sentence."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual.message import Message

from reader.core.models import Article, Sentence
from reader.ui.widgets.blocks import COMPONENT_NAMES, Block
from reader.ui.widgets.sentence_view import SentenceView


class ReadingPane(SentenceView):
    """Shows the cleaned article; ``j``/``k`` move a cursor sentence by sentence.

    Data goes in through :meth:`show_article` and :meth:`update_view` (``marks``,
    ``matches``, ``annotated``); the cursor comes back as :class:`SentenceFocused`.
    """

    CLASS_PREFIX = "reading-pane"
    SHOW_COUNTS = True

    COMPONENT_CLASSES = {f"reading-pane--{name}" for name in COMPONENT_NAMES}

    class SentenceFocused(Message):
        """The cursor moved onto a sentence of the article."""

        def __init__(self, pane: ReadingPane, article: Article, index: int) -> None:
            super().__init__()
            self.pane = pane
            self.article = article
            self.index = index
            self.sentence: Sentence = pane.sentences[index]

        @property
        def control(self) -> ReadingPane:
            return self.pane

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.article: Article | None = None
        """The article shown, or None before one is opened."""
        self.summary = ""
        """One line under the metadata: how much of the article other outlets carry."""

    def show_article(self, article: Article | None, sentences: tuple[Sentence, ...]) -> None:
        """Show ``article`` with its sentences; the cursor goes to the first sentence."""
        self.article = article
        self.border_title = f"[2] {article.outlet_label if article else 'Reading'}"
        self.update_view(
            sentences=sentences,
            marks={},
            matches={},
            changed={},
            partner_indices=set(),
            counts={},
            suspects=set(),
            summary="",
        )
        self.scroll_to(y=0, animate=False, immediate=True)

    def current(self) -> tuple[Article, Sentence] | None:
        """The article and the sentence under the cursor (for notes)."""
        sentence = self.current_sentence
        if self.article is None or sentence is None:
            return None
        return self.article, sentence

    def make_focused_message(self, index: int) -> Message:
        assert self.article is not None
        return self.SentenceFocused(self, self.article, index)

    def blocks(self) -> Iterable[Block]:
        article = self.article
        if article is None:
            yield Block(Text("No article open.", self.component("heading")))
            yield Block(
                Text("Pick one in the list and press Enter.", self.component("meta")),
            )
            return
        yield Block(Text(article.title, self.component("heading"), end=""))
        meta = [article.outlet_label, article.date or "undated"]
        if article.byline:
            meta.append(article.byline)
        source = article.url or article.path
        lines = [
            " · ".join(meta),
            *([source] if source else []),
            self.summary or "Comparing with the other outlets of this event…",
        ]
        for number, line in enumerate(lines):
            last = number == len(lines) - 1
            yield Block(Text(line, self.component("meta"), end=""), space_after=last)
        if not self.sentences:
            yield Block(Text("This article has no text.", self.component("meta")))
            return
        paragraph: list[int] = []
        for index, sentence in enumerate(self.sentences):
            if paragraph and self.sentences[paragraph[0]].paragraph != sentence.paragraph:
                yield self._paragraph(paragraph)
                paragraph = []
            paragraph.append(index)
        yield self._paragraph(paragraph)

    def _paragraph(self, indices: list[int]) -> Block:
        """One paragraph: its sentences joined by a space."""
        text = Text(end="")
        ranges: list[tuple[int, int, int]] = []
        for index in indices:
            if text:
                text.append(" ")
            start = len(text)
            text.append_text(self.sentence_text(index))
            ranges.append((index, start, len(text)))
        return Block(text, ranges)
