"""The diff pane: article A and article B side by side, sentence pairs highlighted."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, Literal

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Static

from reader.core.models import Sentence
from reader.ui.nway import NWay
from reader.ui.session import aligned_rows, changed_spans, partners, shared_summary, side_marks
from reader.ui.widgets.blocks import (
    COMPONENT_NAMES,
    MARK_GLYPHS,
    SUSPECT_GLYPH,
    Block,
    wrap_offsets,
)
from reader.ui.widgets.sentence_view import SentenceView

if TYPE_CHECKING:
    from reader.core.align import Comparison, SentencePair
    from reader.core.artefacts import ArtefactWarning

SideName = Literal["a", "b"]


@dataclass(frozen=True)
class DiffFocus:
    """What the cursor of the diff pane is on (for notes and the status line)."""

    side: SideName
    article_id: str
    index: int
    sentence: Sentence
    pairs: tuple[SentencePair, ...]
    """Pairs involving the sentence; empty when it is unique to its side."""
    partner_sentences: tuple[Sentence, ...]
    """The counterpart sentences on the other side."""


QUOTE_LENGTH = 60
"""Characters of dropped text quoted in the status line."""


def artefact_note(warning: ArtefactWarning, comparison: Comparison) -> Text:
    """ "? but B's cleaner dropped a similar line (standfirst): “…”" for the status line."""
    other = comparison.b if warning.side == "a" else comparison.a
    owner = other.outlet or ("B" if warning.side == "a" else "A")
    quote = " ".join(warning.unit.text.split())
    if len(quote) > QUOTE_LENGTH:
        quote = quote[: QUOTE_LENGTH - 1].rstrip() + "…"
    note = Text(f"  {SUSPECT_GLYPH} but {owner}'s cleaner dropped a similar line ", "bold")
    note.append(f"({warning.unit.reason}): “{quote}”", "italic")
    return note


class DiffColumn(SentenceView):
    """One side of the comparison, in its own reading order (or in aligned rows)."""

    CLASS_PREFIX = "diff-pane"
    SHOW_BLURRED_CURSOR = False

    COMPONENT_CLASSES = {f"diff-pane--{name}" for name in COMPONENT_NAMES}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("h,left", "other_side('a')", "Go to column A", show=False),
        Binding("l,right", "other_side('b')", "Go to column B", show=False),
    ]

    class SentenceFocused(SentenceView.SentenceFocused):
        """The cursor of a diff column moved (handled by the diff pane)."""

    def __init__(self, side: SideName, *, id: str | None = None) -> None:
        super().__init__(id=id, classes=f"pane -side-{side}")
        self.side: SideName = side
        self.rows: list[tuple[int | None, int | None]] | None = None
        """Aligned-mode rows shared with the other column; None in column mode."""
        self.other_sentences: tuple[Sentence, ...] = ()
        """The other side's sentences, to size aligned rows."""
        self.heading = ""
        """The article's title, shown above its sentences."""
        self.other_heading = ""

    def make_focused_message(self, index: int) -> Message:
        return self.SentenceFocused(self, index)

    def on_focus(self) -> None:
        """Entering a column puts its cursor sentence in the status line and lights up
        its counterparts, as moving the cursor does."""
        super().on_focus()
        if self.cursor >= 0:
            self.post_message(self.make_focused_message(self.cursor))

    def action_other_side(self, side: SideName) -> None:
        self.screen.query_one(DiffPane).column(side).focus()

    def blocks(self) -> Iterable[Block]:
        if self.heading:
            other_height = len(wrap_offsets(self.other_heading, self.text_width)) + 1
            heading = Text(self.heading, self.component("heading"), end="")
            yield Block(heading, [], min_lines=other_height if self.rows is not None else 0)
        if self.rows is None:
            for index, sentence in enumerate(self.sentences):
                text = self.sentence_text(index)
                following = index + 1 < len(self.sentences)
                new_paragraph = following and (
                    self.sentences[index + 1].paragraph != sentence.paragraph
                )
                yield Block(text, [(index, 0, len(text))], space_after=new_paragraph)
            return
        own, other = (0, 1) if self.side == "a" else (1, 0)
        width = self.text_width
        for row in self.rows:
            own_index, other_index = row[own], row[other]
            height = 1
            if other_index is not None:
                # The other column has the same width, so wrapping its text here tells
                # how tall the shared row must be.
                height = len(wrap_offsets(self.other_sentences[other_index].text, width)) + 1
            if own_index is None:
                yield Block(Text(""), [], space_after=True, min_lines=height)
            else:
                text = self.sentence_text(own_index)
                yield Block(text, [(own_index, 0, len(text))], space_after=True, min_lines=height)


class DiffPane(Vertical):
    """Legend and counts above two :class:`DiffColumn` widgets.

    Give it a comparison with :meth:`show_comparison`; it keeps the partner highlights
    in step with the cursor and reports :class:`SentenceFocused` to the screen.
    """

    DEFAULT_CSS = """
    DiffPane { height: 1fr; }
    DiffPane #diff-columns { height: 1fr; }
    DiffPane.-empty #diff-status { display: none; }
    DiffPane DiffColumn { width: 1fr; }
    """

    class SentenceFocused(Message):
        """The cursor moved onto a sentence of side A or B."""

        def __init__(self, pane: DiffPane, focus: DiffFocus) -> None:
            super().__init__()
            self.pane = pane
            self.focus = focus

        @property
        def control(self) -> DiffPane:
            return self.pane

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.comparison: Comparison | None = None
        """The comparison shown, A on the left."""
        self.aligned = False
        """Whether matched sentences share a row."""
        self.nways: dict[str, NWay] = {}
        """Outlet counts of the articles shown, by article id, once they are known."""
        self.warnings: dict[tuple[SideName, int], ArtefactWarning] = {}
        self.via_names: dict[str, str] = {}
        """Outlet labels of the articles that confirmed pairs (``SentencePair.via``)."""
        """Possible extraction artefacts among the unique sentences, by (side, index)."""
        self._columns: tuple[DiffColumn, DiffColumn] | None = None
        self.add_class("-empty")
        """Outlet counts of the articles shown, by article id, once they are known."""

    def compose(self) -> ComposeResult:
        # The columns come with the first comparison (see ``column``): until then the
        # pane is one line of help, and the app starts without styling two empty views.
        yield Static(id="diff-legend")
        yield Static(id="diff-status")

    def on_mount(self) -> None:
        self.border_title = "Compare"
        self._render_legend()

    @property
    def has_columns(self) -> bool:
        """Whether the two columns exist yet (they are made for the first comparison)."""
        return self._columns is not None

    def column(self, side: SideName) -> DiffColumn:
        """The column of one side (both are made on first use)."""
        if self._columns is None:
            column_a, column_b = DiffColumn("a", id="diff-a"), DiffColumn("b", id="diff-b")
            self._columns = (column_a, column_b)
            self.mount(Horizontal(column_a, column_b, id="diff-columns"))
            self.call_after_refresh(self._sync_columns, column_a, column_b)
        return self._columns[0] if side == "a" else self._columns[1]

    def _sync_columns(self, column_a: DiffColumn, column_b: DiffColumn) -> None:
        """In aligned mode both columns scroll together."""
        self.watch(column_a, "scroll_y", lambda y: self._sync_scroll(column_b, y), init=False)
        self.watch(column_b, "scroll_y", lambda y: self._sync_scroll(column_a, y), init=False)

    def show_comparison(
        self,
        comparison: Comparison | None,
        *,
        aligned: bool = False,
        warnings: Sequence[ArtefactWarning] = (),
    ) -> None:
        """Show ``comparison`` (or an empty pane) in columns or aligned rows.

        ``warnings`` flag unique sentences that the other side's cleaner may have
        dropped: their gutter shows ``?`` and the status line quotes the dropped text.
        """
        self.comparison = comparison
        self.aligned = aligned
        self.warnings = {(w.side, w.index): w for w in warnings} if comparison else {}
        self.set_class(comparison is None, "-empty")
        if comparison is None:
            self.query_one("#diff-status", Static).update("")
        rows = aligned_rows(comparison) if comparison and aligned else None
        if comparison is None and not self.has_columns:
            self._render_legend()
            return
        for side in ("a", "b"):
            column = self.column(side)
            if comparison is None:
                column.rows = None
                column.heading = column.other_heading = ""
                column.update_view(
                    sentences=(), marks={}, changed={}, partner_indices=set(), suspects=set()
                )
                column.border_title = "[3] A" if side == "a" else "B"
                column.border_subtitle = ""
                continue
            this = comparison.a if side == "a" else comparison.b
            other = comparison.b if side == "a" else comparison.a
            marks = side_marks(comparison, side)
            changed = {i: changed_spans(comparison, side, i) for i in marks if marks[i] != "unique"}
            column.rows = rows
            column.other_sentences = other.sentences
            column.heading, column.other_heading = this.title, other.title
            column.update_view(
                sentences=this.sentences,
                marks=marks,
                changed=changed,
                partner_indices=set(),
                suspects={index for (on_side, index) in self.warnings if on_side == side},
            )
            shared, total = shared_summary(comparison, side)
            number = "[3] " if side == "a" else ""
            column.border_title = f"{number}{side.upper()} · {this.outlet or 'unknown outlet'}"
            column.border_subtitle = f"{shared} of {total} sentences shared"
        self._render_legend()
        if comparison is not None:
            self._highlight_partners("a", 0)

    def set_nway(self, nway: NWay) -> None:
        """Outlet counts of one article; the status line mentions them for its sentences."""
        self.nways[nway.article_id] = nway
        if len(self.nways) > 2:
            shown = {self.comparison.a.id, self.comparison.b.id} if self.comparison else set()
            self.nways = {k: v for k, v in self.nways.items() if k in shown or k == nway.article_id}
        focus = self.current()
        if focus is not None and focus.article_id == nway.article_id:
            self._render_status(focus.side, focus.index, list(focus.pairs))

    def set_aligned(self, aligned: bool) -> None:
        """Switch between independent columns and aligned rows, keeping the cursors."""
        if not self.has_columns:
            self.aligned = aligned
            self._render_legend()
            return
        cursors = (self.column("a").cursor, self.column("b").cursor)
        warnings = list(self.warnings.values())
        self.show_comparison(self.comparison, aligned=aligned, warnings=warnings)
        self.column("a").cursor, self.column("b").cursor = cursors

    def _render_legend(self) -> None:
        legend = Text(end="")
        if self.comparison is None:
            legend.append("Press c to compare this article with another outlet's.")
        else:
            column = self.column("a")
            if not column.is_mounted:
                # The column was just made: its highlight styles exist after it mounts.
                self.call_after_refresh(self._render_legend)
                return
            for kind in ("verbatim", "near", "paraphrase", "unique"):
                legend.append(f" {MARK_GLYPHS[kind]} {kind} ", column.component(kind))
                legend.append(" ")
            if self.warnings:
                legend.append(f" {SUSPECT_GLYPH} cleaner dropped? ", column.component("unique"))
                legend.append(" ")
            legend.append("· aligned rows" if self.aligned else "· own order", "italic")
        self.query_one("#diff-legend", Static).update(legend)

    def _render_status(self, side: SideName, index: int, pairs: list[SentencePair]) -> None:
        """One line of evidence for the sentence under the cursor: kind, score, shared words."""
        status = Text(end="", no_wrap=True, overflow="ellipsis")
        if self.comparison is not None:
            this = self.comparison.a if side == "a" else self.comparison.b
            status.append(f"{side.upper()} {index + 1}", "bold")
            nway = self.nways.get(this.id)
            if nway is not None and nway.peers and index < len(nway.counts):
                status.append(f"  in {nway.counts[index]} of {nway.peers} other outlets")
            if not pairs:
                status.append(f"  + only in {this.outlet or 'this article'}")
                warning = self.warnings.get((side, index))
                if warning is not None:
                    status.append_text(artefact_note(warning, self.comparison))
            for pair in sorted(pairs, key=lambda p: -p.score)[:2]:
                other_index = pair.b if side == "a" else pair.a
                other_side = "B" if side == "a" else "A"
                status.append(f"  {MARK_GLYPHS[pair.kind]} {other_side} {other_index + 1}", "bold")
                status.append(f" {pair.kind} {pair.score:.0%}")
                via: tuple[str, ...] = getattr(pair, "via", ())
                if via:  # before the words: the reason a low score still pairs
                    names = ", ".join(self.via_names.get(v, v[:8]) for v in via)
                    status.append(f" · confirmed by {names}")
                evidence: tuple[str, ...] = getattr(pair, "evidence", ())
                if evidence:
                    status.append(" · " + ", ".join(evidence), "italic")
        self.query_one("#diff-status", Static).update(status)

    def _sync_scroll(self, target: DiffColumn, y: float) -> None:
        if self.aligned and target.scroll_y != y:
            target.scroll_to(y=y, animate=False, immediate=True)

    def on_diff_column_sentence_focused(self, event: DiffColumn.SentenceFocused) -> None:
        event.stop()
        assert isinstance(event.view, DiffColumn)
        self._highlight_partners(event.view.side, event.index)
        if (focus := self.current()) is not None:
            self.post_message(self.SentenceFocused(self, focus))

    def _highlight_partners(self, side: SideName, index: int) -> None:
        """Highlight the counterparts of sentence ``index`` of ``side`` and show them."""
        if self.comparison is None:
            return
        other_side: SideName = "b" if side == "a" else "a"
        pairs = partners(self.comparison, side, index)
        indices = {pair.b if side == "a" else pair.a for pair in pairs}
        self.column(side).update_view(partner_indices=set())
        self._render_status(side, index, pairs)
        other = self.column(other_side)
        other.update_view(partner_indices=indices)
        if indices and not self.aligned:
            other.scroll_to_sentence(min(indices), center=True)

    def current(self) -> DiffFocus | None:
        """The sentence under the cursor of the focused column (A when neither has focus)."""
        if self.comparison is None:
            return None
        column = self.column("b") if self.column("b").has_focus else self.column("a")
        sentence = column.current_sentence
        if sentence is None:
            return None
        this = self.comparison.a if column.side == "a" else self.comparison.b
        other = self.comparison.b if column.side == "a" else self.comparison.a
        pairs = tuple(partners(self.comparison, column.side, column.cursor))
        partner_indices = [pair.b if column.side == "a" else pair.a for pair in pairs]
        return DiffFocus(
            column.side,
            this.id,
            column.cursor,
            sentence,
            pairs,
            tuple(other.sentences[i] for i in partner_indices),
        )

    def set_annotated(self, side: SideName, indices: set[int]) -> None:
        """Mark sentences of one side as annotated (gutter ``*`` and style)."""
        self.column(side).update_view(annotated=indices)
