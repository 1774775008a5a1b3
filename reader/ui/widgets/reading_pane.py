"""The reading pane: one article's title, metadata and paragraphs, sentence by sentence."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from rich.cells import cell_len
from rich.text import Text
from textual.message import Message

from reader import resources
from reader.core.models import Article, Sentence
from reader.ui.widgets.blocks import COMPONENT_NAMES, Block
from reader.ui.widgets.sentence_view import SentenceView


@lru_cache(maxsize=1)
def _sample_dir() -> Path | None:
    try:
        return resources.sample_corpus_dir().resolve()
    except FileNotFoundError:
        return None


def source_label(article: Article, home: Path | None = None) -> str:
    """Where the article came from, short enough for one line of the pane.

    The URL when there is one; else a file of the bundled sample corpus as
    ``sample corpus · NAME``, a file under the home folder as ``~/…``, or the path as is.
    """
    if article.url:
        return article.url
    if not article.path:
        return ""
    path = Path(article.path)
    sample = _sample_dir()
    resolved = path.resolve()
    if sample is not None and resolved.is_relative_to(sample):
        return f"sample corpus · {resolved.relative_to(sample)}"
    home = (home or Path.home()).resolve()
    if resolved.is_relative_to(home):
        return f"~/{resolved.relative_to(home)}"
    return article.path


def fit_line(line: str, width: int) -> str:
    """``line`` cut to ``width`` cells with an ellipsis in the middle, so both the start
    (site, folder) and the end (file or page name) of a long source stay readable; a
    leading ``LABEL · `` stays whole when there is room."""
    if cell_len(line) <= width:
        return line
    label, sep, name = line.rpartition(" · ")
    if sep and cell_len(label) + 3 + 12 <= width:
        # "sample corpus · NAME": the label stays whole, the name gives way.
        return label + sep + fit_line(name, width - cell_len(label) - 3)
    if width < 12:
        text = Text(line)
        text.truncate(max(1, width - 1))
        return text.plain + "…"
    head_cells = (width - 1) // 3
    tail_cells = width - 1 - head_cells
    head = Text(line)
    head.truncate(head_cells)
    tail, cells = "", 0
    for char in reversed(line):
        cells += cell_len(char)
        if cells > tail_cells:
            break
        tail = char + tail
    return head.plain + "…" + tail


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
        source = source_label(article)
        lines = [
            " · ".join(meta),
            # The source stays on one line: cut, not wrapped.
            *([fit_line(source, self.text_width)] if source else []),
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
