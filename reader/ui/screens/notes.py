"""The notes screen: every note, filtered by event, article or tag; edit, delete, jump, export."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Input, Label, Select, Static

from reader.core.annotations import Annotation, reanchor, same_wording
from reader.core.errors import StoreError
from reader.core.models import Article
from reader.core.note_store import NoteStore
from reader.ui.screens.note import NoteDraft, NoteEditor, QuotedSide
from reader.ui.widgets.footer import KeyFooter

ExportNotes = Callable[[list[Annotation]], None]
"""Starts an export of these notes (the main screen's export dialog)."""


@dataclass(frozen=True)
class NoteChoice:
    """What the user chose on the notes screen."""

    note: Annotation
    reattach: bool = False
    """True: go to the note's article to pick a new place for it (``r``)."""


@dataclass(frozen=True)
class NoteFilter:
    """What the notes screen shows; empty fields match everything."""

    event: str = ""
    article_id: str = ""
    tag: str = ""
    text: str = ""
    """Words that must all appear in the quote, the note, the outlet or the title."""


def note_matches(note: Annotation, flt: NoteFilter, articles: Mapping[str, Article]) -> bool:
    """Whether ``note`` passes ``flt`` (events come from the loaded ``articles``)."""
    if flt.article_id and flt.article_id not in note.article_ids:
        return False
    if flt.event:
        events = {articles[i].event for i in note.article_ids if i in articles}
        if flt.event not in events:
            return False
    if flt.tag and flt.tag.casefold() not in {t.casefold() for t in note.tags}:
        return False
    if flt.text:
        haystack = " ".join(
            [note.note, note.label, *note.tags, note.quote, note.other.quote if note.other else ""]
            + [f"{a.outlet} {a.title}" for i in note.article_ids if (a := articles.get(i))]
            + [note.anchor.outlet, note.other.outlet if note.other else ""]
        ).casefold()
        if not all(word in haystack for word in flt.text.casefold().split()):
            return False
    return True


_COLUMN_LABELS = {
    "status": " ",
    "outlet": "Outlet",
    "quote": "Quote",
    "note": "Note",
    "tags": "Tags",
    "label": "Label",
    "date": "Date",
}
_FIXED_WIDTHS = {"status": 2, "outlet": 14, "tags": 16, "label": 9, "date": 10}
NARROW_NOTES = 110
"""Below this many cells the Tags and Label columns give way to the quote and the note;
the preview under the table still shows them."""
MIN_TEXT_COLUMN = 12


def column_widths(width: int) -> dict[str, int]:
    """Column widths, in display order, that fill ``width`` cells without side-scrolling.

    Quote and note share what the fixed columns leave (each column also takes two cells
    of padding, and the vertical scrollbar two more), 55:45.
    """
    fixed = dict(_FIXED_WIDTHS)
    if width < NARROW_NOTES:
        del fixed["tags"], fixed["label"]
    columns = len(fixed) + 2
    flexible = max(2 * MIN_TEXT_COLUMN, width - sum(fixed.values()) - 2 * columns - 2)
    quote = max(MIN_TEXT_COLUMN, flexible * 55 // 100)
    widths = {**fixed, "quote": quote, "note": max(MIN_TEXT_COLUMN, flexible - quote)}
    return {key: widths[key] for key in _COLUMN_LABELS if key in widths}


def _one_line(text: str, width: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


class NotesScreen(Screen[NoteChoice | None]):
    """All notes in a table; returns the note to go to (or to re-attach), or None.

    Notes are read from the store when the screen opens and after every change, so
    a note added in another window shows up on the next visit.
    """

    BINDINGS = [
        Binding("escape", "close", "Back", show=True, tooltip="Back to the reader"),
        Binding("enter", "jump", "Go to sentence", show=True),
        Binding("i", "edit", "Edit", show=True),
        Binding("d,delete", "delete", "Delete", show=True),
        Binding("u", "undo", "Undo delete", show=True),
        Binding("e", "export", "Export shown", show=True),
        Binding("r", "reattach", "Re-attach", show=True, tooltip="Move a note that lost its place"),
        Binding("slash", "focus_filter", "Filter the notes by text", show=False),
    ]

    def __init__(
        self,
        note_store: NoteStore,
        articles: Mapping[str, Article],
        export: ExportNotes,
        *,
        initial: NoteFilter | None = None,
    ) -> None:
        """
        Args:
            note_store: where the notes live.
            articles: loaded articles by id, for titles, outlets and events.
            export: opens the export dialog for a list of notes.
            initial: filter to start with (e.g. the current article).
        """
        super().__init__()
        self.note_store = note_store
        self.articles = articles
        self.export_notes = export
        self.filter = initial or NoteFilter()
        self.notes: list[Annotation] = []
        """Every live note, re-anchored (in memory) against the loaded articles."""
        self.shown: list[Annotation] = []
        """The notes that pass the filter, in table order."""
        self._widths: dict[str, int] = column_widths(0)
        """The table's current column widths, by column key."""
        self.deleted: list[str] = []
        """Ids deleted on this screen, newest last, for undo."""

    def compose(self) -> ComposeResult:
        yield Label("Notes", id="notes-title")
        with Horizontal(id="notes-filters"):
            yield Select[str]([], prompt="Any event", id="filter-event")
            yield Select[str]([], prompt="Any article", id="filter-article")
            yield Select[str]([], prompt="Any tag", id="filter-tag")
            yield Input(self.filter.text, placeholder="/ filter words", id="filter-text")
        yield DataTable(id="notes-table", cursor_type="row", zebra_stripes=True)
        with VerticalScroll(id="notes-preview"):
            yield Static(id="notes-preview-text")
        yield KeyFooter()

    def on_mount(self) -> None:
        self._add_columns(self.size.width or self.app.size.width)
        self.reload()
        self.query_one(DataTable).focus()

    def on_resize(self, event: events.Resize) -> None:
        if column_widths(event.size.width) != self._widths:
            keep = self._current_id()
            self._add_columns(event.size.width)
            self._fill_table(keep)

    def _add_columns(self, width: int) -> None:
        """(Re)build the table's columns for a screen ``width`` cells wide."""
        table = self.query_one(DataTable)
        table.clear(columns=True)
        self._widths = column_widths(width)
        for key, label in _COLUMN_LABELS.items():
            if key in self._widths:
                table.add_column(label, key=key, width=self._widths[key])

    def _current_id(self) -> str | None:
        table = self.query_one(DataTable)
        if not self.shown or table.cursor_row >= len(self.shown):
            return None
        return self.shown[table.cursor_row].id

    # --- data ----------------------------------------------------------------------------

    def reload(self, keep: str | None = None) -> None:
        """Read every note again and rebuild the filters and the table."""
        try:
            stored = self.note_store.list_notes()
        except StoreError as error:
            self.notify(str(error), title="Error", severity="error", timeout=10)
            stored = []
        texts = {article_id: a.text for article_id, a in self.articles.items()}
        self.notes = [reanchor(note, texts) for note in stored]
        self._fill_filters()
        self._fill_table(keep)

    def _article_label(self, article_id: str, fallback_outlet: str) -> str:
        article = self.articles.get(article_id)
        if article is None:
            return f"{fallback_outlet or 'unknown outlet'}: article {article_id}"
        return f"{article.outlet_label}: {article.title}"

    def _fill_filters(self) -> None:
        events: dict[str, str] = {}
        articles: dict[str, str] = {}
        tags: dict[str, str] = {}
        for note in self.notes:
            for anchor in (note.anchor, note.other):
                if anchor is None:
                    continue
                article = self.articles.get(anchor.article_id)
                if article is not None and article.event:
                    events[article.event] = article.event_label or article.event
                articles[anchor.article_id] = self._article_label(anchor.article_id, anchor.outlet)
            for tag in note.tags:
                tags.setdefault(tag.casefold(), tag)
        with self.prevent(Select.Changed):
            self._set_options("#filter-event", events, self.filter.event)
            self._set_options("#filter-article", articles, self.filter.article_id)
            self._set_options("#filter-tag", {k: f"#{v}" for k, v in tags.items()}, self.filter.tag)

    def _set_options(self, selector: str, options: dict[str, str], value: str) -> None:
        select = self.query_one(selector, Select)
        ordered = sorted(options.items(), key=lambda item: item[1].casefold())
        select.set_options([(label, key) for key, label in ordered])
        if value and value in options:
            select.value = value

    def _fill_table(self, keep: str | None = None) -> None:
        table = self.query_one(DataTable)
        self.shown = [n for n in self.notes if note_matches(n, self.filter, self.articles)]
        table.clear()
        for note in self.shown:
            status = Text("!", "bold") if note.orphaned else Text("⇄" if note.is_pair else "")
            outlet = self.articles.get(note.article_id)
            outlet_name = outlet.outlet_label if outlet else (note.anchor.outlet or "?")
            widths = self._widths
            cells = {
                "status": status,
                "outlet": _one_line(outlet_name, widths["outlet"]),
                "quote": _one_line(note.quote, widths["quote"]),
                "note": _one_line(note.note, widths["note"]),
                "tags": _one_line(" ".join(f"#{t}" for t in note.tags), widths.get("tags", 0)),
                "label": note.label,
                "date": note.created[:10],
            }
            table.add_row(*(cells[key] for key in widths), key=note.id)
        total = len(self.notes)
        orphans = sum(1 for n in self.notes if n.orphaned)
        title = f"Notes · {len(self.shown)} of {total} shown"
        if orphans:
            title += f" · {orphans} lost their place (marked !)"
        title += " · Enter go to the sentence"
        self.query_one("#notes-title", Label).update(title)
        if keep is not None and any(n.id == keep for n in self.shown):
            table.move_cursor(row=table.get_row_index(keep))
        self._show_preview()

    def selected(self) -> Annotation | None:
        """The note under the table cursor."""
        table = self.query_one(DataTable)
        if not self.shown or not 0 <= table.cursor_row < len(self.shown):
            return None
        return self.shown[table.cursor_row]

    def _show_preview(self) -> None:
        note = self.selected()
        preview = Text(end="")
        if note is None:
            preview.append("No notes match. ", "bold")
            preview.append("Press a on a sentence to write one; change the filters above.")
        else:
            if note.orphaned:
                preview.append(
                    "! This note lost its place: the article text changed and its quote "
                    "was not found again with confidence.\n\n",
                    "bold",
                )
            sides = [note.anchor] + ([note.other] if note.other else [])
            for anchor in sides:
                preview.append(self._article_label(anchor.article_id, anchor.outlet), "bold")
                preview.append("\n")
                preview.append(anchor.quote, "italic")
                preview.append("\n\n")
                article = self.articles.get(anchor.article_id)
                current = article.text[anchor.start : anchor.end] if article else ""
                if (
                    not note.orphaned
                    and current.strip()
                    and not same_wording(current, anchor.quote)
                ):
                    preview.append("The article now reads: ", "bold")
                    preview.append(current, "italic")
                    preview.append("\n\n")
            if note.pair_kind:
                preview.append(f"Pair: {note.pair_kind}\n\n", "dim")
            preview.append(note.note or "(no text)")
            details = [f"#{t}" for t in note.tags]
            if note.label:
                details.insert(0, f"label: {note.label}")
            if details:
                preview.append("\n\n" + "  ".join(details), "dim")
        self.query_one("#notes-preview-text", Static).update(preview)

    # --- events --------------------------------------------------------------------------

    @on(DataTable.RowHighlighted)
    def _highlighted(self) -> None:
        self._show_preview()

    @on(DataTable.RowSelected)
    def _row_selected(self) -> None:
        self.action_jump()

    @on(Select.Changed)
    def _filter_changed(self, event: Select.Changed) -> None:
        value = "" if event.value is Select.NULL else str(event.value)
        field = {"filter-event": "event", "filter-article": "article_id", "filter-tag": "tag"}
        name = field[event.select.id or ""]
        self.filter = replace(self.filter, **{name: value})
        self._fill_table()

    @on(Input.Changed, "#filter-text")
    def _text_changed(self, event: Input.Changed) -> None:
        self.filter = replace(self.filter, text=event.value)
        self._fill_table()

    @on(Input.Submitted, "#filter-text")
    def _text_submitted(self) -> None:
        self.query_one(DataTable).focus()

    # --- actions -------------------------------------------------------------------------

    def action_close(self) -> None:
        if self.query_one("#filter-text", Input).has_focus:
            self.query_one(DataTable).focus()
            return
        self.dismiss(None)

    def action_focus_filter(self) -> None:
        self.query_one("#filter-text", Input).focus()

    def action_jump(self) -> None:
        note = self.selected()
        if note is not None:
            self.dismiss(NoteChoice(note))

    def action_reattach(self) -> None:
        """Go to the note's article to choose the sentence it belongs to now."""
        note = self.selected()
        if note is None:
            return
        if note.article_id not in self.articles:
            self.notify("This note's article is not loaded; open it first.", severity="warning")
            return
        self.dismiss(NoteChoice(note, reattach=True))

    def action_edit(self) -> None:
        note = self.selected()
        if note is None:
            return
        quotes = [QuotedSide(note.anchor.outlet or "unknown outlet", note.anchor.quote)]
        if note.other is not None:
            quotes.append(QuotedSide(note.other.outlet or "unknown outlet", note.other.quote))

        def save(draft: NoteDraft) -> Annotation:
            return self.note_store.update(note, note=draft.note, tags=draft.tags, label=draft.label)

        def saved(result: Annotation | None) -> None:
            if result is not None:
                self.notify("Note saved.")
                self.reload(keep=result.id)

        initial = NoteDraft(note.note, " ".join(note.tags), note.label)
        editor = NoteEditor(
            quotes, save, initial=initial, pair_kind=note.pair_kind, title="Edit note"
        )
        self.app.push_screen(editor, saved)

    def action_delete(self) -> None:
        note = self.selected()
        if note is None:
            return
        try:
            self.note_store.delete(note.id)
        except StoreError as error:
            self.notify(f"Note not deleted: {error}", title="Error", severity="error", timeout=10)
            return
        self.deleted.append(note.id)
        row = self.query_one(DataTable).cursor_row
        self.reload()
        if self.shown:
            self.query_one(DataTable).move_cursor(row=min(row, len(self.shown) - 1))
        self.notify("Note deleted. Press u to undo.")

    def action_undo(self) -> None:
        if not self.deleted:
            self.notify("Nothing to undo.")
            return
        note_id = self.deleted[-1]
        try:
            restored = self.note_store.restore(note_id)
        except StoreError as error:
            self.notify(f"Could not restore: {error}", title="Error", severity="error")
            return
        self.deleted.pop()
        self.reload(keep=restored.id)
        self.notify("Note restored.")

    def action_export(self) -> None:
        if not self.shown:
            self.notify("No notes to export with these filters.")
            return
        self.export_notes(list(self.shown))
