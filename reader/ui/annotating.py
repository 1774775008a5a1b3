"""The main screen with notes: annotate, select a passage, mark annotated sentences, export.

``NotesMainScreen`` extends ``MainScreen`` (which knows nothing of notes) with the
note keys (``a``, ``v``, ``e``, ``ctrl+n``) and keeps the annotated-sentence marks
of every pane in step with the notes; the app shows this screen. All note store
access happens here, on the screen (widgets only render), and every save is one
short transaction on the UI thread: fast enough not to need a worker, and it keeps
the SQLite connection on the thread that opened it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, cast

from textual import on, work
from textual.app import SystemCommand
from textual.binding import Binding

from reader.core.errors import StoreError
from reader.core.models import Article, Sentence
from reader.ui.screens.main import MainScreen
from reader.ui.session import annotated_sentences
from reader.ui.widgets.diff_pane import DiffColumn, DiffPane
from reader.ui.widgets.reading_pane import ReadingPane
from reader.ui.widgets.sentence_view import SentenceView

if TYPE_CHECKING:
    # The note, notes and export screens and the annotation core load on first use,
    # so starting the app does not pay for them.
    from reader.core.align import Comparison
    from reader.core.annotations import Anchor, Annotation
    from reader.core.note_store import NoteStore
    from reader.ui.screens.note import NoteDraft
    from reader.ui.screens.notes import NoteChoice


@dataclass
class PassageSelection:
    """A passage being selected with ``v``: the view and the sentence it started on."""

    view: SentenceView
    start: int

    def indices(self) -> range:
        """The selected sentences: from the start to the cursor, either direction."""
        low, high = sorted((self.start, max(0, self.view.cursor)))
        return range(low, high + 1)


class NotesMainScreen(MainScreen):
    """``MainScreen`` plus note keys and annotated-sentence marks."""

    BINDINGS = [
        Binding("a", "annotate", "Annotate", tooltip="Write a note on the sentence or pair"),
        Binding("v", "select_passage", "Select a passage to annotate", show=False),
        Binding("e", "export_notes", "Export notes", show=False),
        Binding("ctrl+n", "show_notes", "Notes"),
    ]

    selection: PassageSelection | None = None
    """The passage being selected with ``v``, if any."""
    reattaching: Annotation | None = None
    """A note waiting for the user to pick its new place (``r`` on the notes screen)."""
    _reanchor_warned = False
    """Whether the user was told that re-anchored positions could not be saved."""

    @property
    def note_store(self) -> NoteStore | None:
        """The app's note store, or None when the library could not be opened."""
        # Read from the app (not imported) to keep ``ui.app`` -> ``screens`` one-way.
        return cast("NoteStore | None", getattr(self.app, "note_store", None))

    def _require_store(self) -> NoteStore | None:
        store = self.note_store
        if store is None:
            reason = getattr(self.app, "note_store_error", "") or "the library is not open"
            self.notify(f"Notes are unavailable: {reason}", severity="error", timeout=10)
        return store

    # --- marks -----------------------------------------------------------------------------

    def refresh_note_marks(self) -> None:
        """Re-anchor the notes of the shown articles and mark annotated sentences."""
        store = self.note_store
        if store is None:
            return
        from reader.core.annotations import reanchor

        reading = self.query_one(ReadingPane)
        diff = self.query_one(DiffPane)
        shown: list[tuple[SentenceView, Article]] = []
        if reading.article is not None:
            shown.append((reading, reading.article))
        if diff.comparison is not None:
            for side, column in (("a", diff.column("a")), ("b", diff.column("b"))):
                side_id = diff.comparison.a.id if side == "a" else diff.comparison.b.id
                if (article := self.session.by_id.get(side_id)) is not None:
                    shown.append((column, article))
        texts = {article_id: a.text for article_id, a in self.session.by_id.items()}
        shown_ids = {article.id for _view, article in shown}
        if not shown_ids:
            return
        orphaned = 0
        try:
            orphaned = store.reanchor_articles(shown_ids, texts).orphaned
        except StoreError as error:
            # A read-only library still shows its notes (re-anchored in memory below);
            # say once that their new places could not be saved.
            if not self._reanchor_warned:
                self._reanchor_warned = True
                self.notify(f"Note positions not saved: {error}", severity="warning", timeout=10)
        try:
            notes = store.list_notes(article_ids=shown_ids)
        except StoreError as error:
            self.notify(f"Could not read notes: {error}", severity="error", timeout=10)
            return
        spans: dict[str, list[tuple[int, int]]] = {article_id: [] for article_id in shown_ids}
        for note in (reanchor(n, texts) for n in notes):
            if note.orphaned:
                continue
            for anchor in (note.anchor, note.other):
                if anchor is not None and anchor.article_id in spans:
                    spans[anchor.article_id].append((anchor.start, anchor.end))
        for view, article in shown:
            view.update_view(annotated=annotated_sentences(view.sentences, spans[article.id]))
        if orphaned:
            self.notify(
                f"{orphaned} note(s) lost their place because the article text changed. "
                "They are kept with their quotes: ctrl+n lists them (marked !).",
                severity="warning",
                timeout=10,
            )

    def watch_current(self, article: Article | None) -> None:
        super().watch_current(article)
        self.cancel_selection()
        self.refresh_note_marks()

    def watch_comparison(self, comparison: Comparison | None) -> None:
        super().watch_comparison(comparison)
        self.cancel_selection()
        self.refresh_note_marks()

    def action_clear_search(self) -> None:
        """Esc also drops a passage selection and a pending re-attach."""
        self.cancel_selection()
        if self.reattaching is not None:
            self.reattaching = None
            self.notify("Re-attach cancelled.")
        super().action_clear_search()

    def system_commands(self) -> Iterable[SystemCommand]:
        yield from super().system_commands()
        yield SystemCommand("Notes", "List, edit and export notes (ctrl+n)", self.action_show_notes)
        yield SystemCommand("Export notes", "Write notes to markdown (e)", self.action_export_notes)

    # --- passage selection -----------------------------------------------------------------

    def action_select_passage(self) -> None:
        """``v``: start (or cancel) selecting several sentences; ``a`` annotates them."""
        if self.selection is not None:
            self.cancel_selection()
            self.notify("Selection cancelled.")
            return
        view = self.focused
        if not isinstance(view, SentenceView) or view.current_sentence is None:
            self.notify("Move to a sentence in the reading or diff pane first.")
            return
        self.selection = PassageSelection(view, view.cursor)
        self._show_selection()
        self.notify("Selecting: move with j/k, then a to annotate the passage (v cancels).")

    def cancel_selection(self) -> None:
        """Drop the passage selection and its highlight."""
        if self.selection is not None:
            self.selection.view.update_view(matches={})
            self.selection = None

    def _show_selection(self) -> None:
        selection = self.selection
        if selection is None:
            return
        view = selection.view
        # The search highlight doubles as the selection highlight (bold, not colour only).
        view.update_view(
            matches={i: [(0, len(view.sentences[i].text))] for i in selection.indices()}
        )

    @on(ReadingPane.SentenceFocused)
    @on(DiffPane.SentenceFocused)
    def _cursor_moved(self) -> None:
        if self.selection is not None:
            if self.focused is not self.selection.view:
                self.cancel_selection()
            else:
                self._show_selection()

    # --- annotate --------------------------------------------------------------------------

    def action_annotate(self) -> None:
        """``a``: note the sentence, selected passage or diff pair under the cursor."""
        store = self._require_store()
        if store is None:
            return
        target = self._annotation_target()
        if target is None:
            self.notify("Move to a sentence first: 2 for the reading pane, 3 for the diff pane.")
            return
        primary, other, pair_kind = target
        from reader.core.annotations import create_annotation
        from reader.ui.screens.note import NoteEditor, QuotedSide

        if self.reattaching is not None:
            self._reattach_here(store, self.reattaching, primary)
            return
        quotes = [QuotedSide(primary.outlet or "unknown outlet", primary.quote)]
        if other is not None:
            quotes.append(QuotedSide(other.outlet or "unknown outlet", other.quote))

        def save(draft: NoteDraft) -> Annotation:
            note = create_annotation(
                primary,
                draft.note,
                tags=draft.tags,
                label=draft.label,
                other=other,
                pair_kind=pair_kind,
            )
            return store.add(note)

        def saved(note: Annotation | None) -> None:
            if note is not None:
                self.cancel_selection()
                self.refresh_note_marks()
                self.notify("Note saved.")

        self.app.push_screen(NoteEditor(quotes, save, pair_kind=pair_kind), saved)

    @work(exclusive=True, group="reattach")
    async def _reattach_here(self, store: NoteStore, note: Annotation, anchor: Anchor) -> None:
        """Ask, then move ``note`` to ``anchor`` (one transaction)."""
        from reader.ui.screens.confirm import Confirm

        about = " ".join(note.note.split())[:50] or note.quote[:50]
        if not await self.app.push_screen_wait(
            Confirm(f"Attach the note “{about}” to this sentence?", yes="Attach", no="Not here")
        ):
            return
        try:
            store.reattach(note, anchor)
        except StoreError as error:
            self.notify(f"Note not moved: {error}", title="Error", severity="error", timeout=15)
            return
        self.reattaching = None
        self.cancel_selection()
        self.refresh_note_marks()
        self.notify("Note attached here.")

    def _anchor(self, article_id: str, sentences: Sequence[Sentence]) -> Anchor | None:
        article = self.session.by_id.get(article_id)
        if article is None or not sentences:
            return None
        from reader.core.annotations import make_anchor

        start = min(s.start for s in sentences)
        end = max(s.end for s in sentences)
        return make_anchor(article.id, article.text, start, end, article.outlet)

    def _annotation_target(self) -> tuple[Anchor, Anchor | None, str] | None:
        """(primary anchor, partner anchor, pair kind) for the cursor or selection."""
        selection = self.selection
        if selection is not None and self.focused is selection.view:
            view = selection.view
            chosen = [view.sentences[i] for i in selection.indices()]
            if isinstance(view, ReadingPane) and view.article is not None:
                article_id = view.article.id
            elif isinstance(view, DiffColumn):
                comparison = self.query_one(DiffPane).comparison
                if comparison is None:
                    return None
                article_id = comparison.a.id if view.side == "a" else comparison.b.id
            else:
                return None
            anchor = self._anchor(article_id, chosen)
            return None if anchor is None else (anchor, None, "")
        if isinstance(self.focused, DiffColumn):
            diff = self.query_one(DiffPane)
            focus = diff.current()
            if focus is None or diff.comparison is None:
                return None
            anchor = self._anchor(focus.article_id, [focus.sentence])
            if anchor is None:
                return None
            if not focus.pairs:
                return anchor, None, "unique"
            # The strongest pair speaks for the sentence; its partner is the other side.
            best = max(focus.pairs, key=lambda pair: pair.score)
            other_side = diff.comparison.b if focus.side == "a" else diff.comparison.a
            partner_index = best.b if focus.side == "a" else best.a
            partner = self._anchor(other_side.id, [other_side.sentences[partner_index]])
            return anchor, partner, best.kind
        if not isinstance(self.focused, ReadingPane):
            # Focus on the list (or elsewhere): which sentence is meant is not obvious.
            return None
        reading = self.focused.current()
        if reading is None:
            return None
        article, sentence = reading
        anchor = self._anchor(article.id, [sentence])
        return None if anchor is None else (anchor, None, "")

    # --- notes screen and export -------------------------------------------------------------

    def action_show_notes(self) -> None:
        """``ctrl+n``: the notes screen; choosing a note jumps to its sentence."""
        store = self._require_store()
        if store is None:
            return
        self.cancel_selection()
        from reader.ui.screens.notes import NotesScreen

        def closed(choice: NoteChoice | None) -> None:
            self.refresh_note_marks()
            if choice is not None:
                self.jump_to_note(choice.note)
                if choice.reattach and choice.note.article_id in self.session.by_id:
                    self.reattaching = choice.note
                    self.notify(
                        "Move to the sentence this note is about and press a to attach it "
                        "there (Esc cancels).",
                        timeout=10,
                    )

        self.app.push_screen(NotesScreen(store, self.session.by_id, self.export_notes), closed)

    def jump_to_note(self, note: Annotation) -> None:
        """Open the note's article with the cursor on its (first) sentence."""
        if note.article_id not in self.session.by_id:
            self.notify("This note's article is not loaded (open your library to see it).")
            return
        self.open_article(note.article_id)
        if note.orphaned:
            self.notify("This note lost its place in the article; its quote is in ctrl+n.")
            return
        pane = self.query_one(ReadingPane)
        hit = annotated_sentences(pane.sentences, [(note.start, note.end)])
        if hit:
            pane.cursor = min(hit)
            pane.scroll_to_sentence(pane.cursor, center=True)

    def action_export_notes(self) -> None:
        """``e``: export every note to a markdown file."""
        store = self._require_store()
        if store is None:
            return
        try:
            notes = store.list_notes()
        except StoreError as error:
            self.notify(str(error), severity="error", timeout=10)
            return
        self.export_notes(notes)

    def export_notes(self, notes: list[Annotation]) -> None:
        """Ask where to write ``notes`` (default: a dated file in the last export folder)."""
        if not notes:
            self.notify("No notes to export yet: press a on a sentence to write one.")
            return
        folder = Path(self.config.export_dir).expanduser() if self.config.export_dir else Path.cwd()
        if not folder.is_dir():
            folder = Path.cwd()
        articles = dict(self.session.by_id)
        from reader.ui.note_export import write_export
        from reader.ui.screens.export import ExportDialog, default_export_path

        def write(path: Path, overwrite: bool) -> int:
            return write_export(notes, articles, path, overwrite)

        def done(path: Path | None) -> None:
            if path is not None:
                self.notify(f"Exported {len(notes)} note(s) to {path}", timeout=10)
                self._remember_export_dir(path.parent)

        self.app.push_screen(ExportDialog(default_export_path(folder), write, len(notes)), done)

    def _remember_export_dir(self, folder: Path) -> None:
        self._save(export_dir=str(folder.resolve()))
