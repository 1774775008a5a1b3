"""The help screen: every key, grouped by where it works."""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

KEYS: list[tuple[str, list[tuple[str, str]]]] = [
    (
        "Everywhere",
        [
            ("Tab / Shift+Tab", "next / previous pane"),
            ("1 2 3", "jump to the list, the reading pane or the diff pane"),
            ("ctrl+b", "show or hide the article list"),
            ("ctrl+p", "command palette: open article, compare with, theme, panes"),
            ("?", "this help"),
            ("q", "quit"),
            ("Esc", "close a dialog, the search bar, or clear the search"),
        ],
    ),
    (
        "Article list",
        [
            ("j k ↑ ↓", "next / previous article"),
            ("PgUp PgDn g G", "page, first, last article"),
            ("Enter", "open the article in the reading pane"),
        ],
    ),
    (
        "Reading pane and diff columns",
        [
            ("j k ↑ ↓", "next / previous sentence"),
            ("PgUp PgDn Space b", "page down / up"),
            ("g G Home End", "first / last sentence"),
            ("h l ← →", "diff pane: column A / column B"),
            ("c", "compare with another outlet's article (picker)"),
            ("s", "swap A and B"),
            ("m", "diff: aligned rows / independent columns"),
            ("n N", "next / previous shared sentence"),
            ("u U", "next / previous unique sentence"),
            ("o", "which other outlets of the event carry the sentence"),
            ("/", "find in the article under focus"),
            ("n N (after /)", "next / previous match; Esc ends the search"),
        ],
    ),
    (
        "Notes",
        [
            ("a", "note on the sentence (diff pane: on the pair, both sides)"),
            ("v", "start a passage: move, then a annotates it (v or Esc cancels)"),
            ("ctrl+n", "the notes screen (keys below)"),
            ("e", "export notes to markdown"),
            ("ctrl+s / Esc", "note editor: save / cancel"),
        ],
    ),
    (
        "Notes screen (ctrl+n)",
        [
            ("Enter", "go to the note's sentence"),
            ("i", "edit the note"),
            ("d Delete", "delete the note"),
            ("u", "undo the last delete"),
            ("e", "export the notes shown to markdown"),
            ("r", "re-attach a note that lost its place: go to its article, a on the sentence"),
            ("/", "filter the notes by text (also by event, article and tag)"),
            ("Esc", "back to the reader"),
        ],
    ),
]

LEGEND: list[tuple[str, str]] = [
    ("=", "verbatim: the same sentence"),
    ("~", "near: the same sentence with small edits (changed words marked)"),
    ("≈", "paraphrase: the same fact, reworded"),
    ("+", "unique: only on this side"),
    ("?", "unique, but the other article's cleaner dropped a similar line (check it)"),
    ("› »", "cursor, counterpart of the cursor on the other side"),
    ("*", "annotated"),
    ("×2 ·", "reading pane: carried by 2 other outlets of the event / by none"),
]


def help_tables() -> Group:
    """All keys and gutter marks: one small table per section."""
    tables: list[Table] = []
    sections = [*KEYS, ("Gutter marks in the reading and diff panes", LEGEND)]
    # One key column width for every section, so the descriptions line up down the page.
    key_width = max(cell_len(keys) for _section, rows in sections for keys, _d in rows)
    for section, rows in sections:
        table = Table(
            title=Text(section, style="bold"),
            title_justify="left",
            box=None,
            show_header=False,
            padding=(0, 2, 0, 0),
            expand=True,
        )
        table.add_column(justify="right", style="bold", no_wrap=True, width=key_width)
        table.add_column(ratio=1)
        for keys, description in rows:
            table.add_row(keys, description)
        tables.append(table)
    return Group(*(item for table in tables for item in (table, Text(""))))


class HelpScreen(ModalScreen[None]):
    """Key reference; any of Esc, q or ? closes it."""

    BINDINGS = [Binding("escape,q,question_mark", "dismiss(None)", "Close help")]

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="help"):
            yield Label("newsreader keys", id="dialog-title")
            with VerticalScroll():
                yield Static(help_tables())
            yield Label("Esc close", id="dialog-hint")
