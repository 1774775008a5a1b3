"""The key footer keeps whole keys: at 80 columns nothing is cut mid-word."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import Screen

from reader.ui.widgets.footer import KeyFooter


class _ManyKeys(Screen[None]):
    BINDINGS = [
        Binding("escape", "close", "Back"),
        Binding("i", "edit", "Edit"),
        Binding("d", "delete", "Delete"),
        Binding("u", "undo", "Undo delete"),
        Binding("e", "export", "Export shown"),
        Binding("r", "reattach", "Re-attach"),
        Binding("x", "extra", "A very long description of a key"),
    ]

    def compose(self) -> ComposeResult:
        yield KeyFooter()


class _FooterApp(App[None]):
    def on_mount(self) -> None:
        self.push_screen(_ManyKeys())


async def test_a_footer_too_narrow_for_every_key_drops_whole_keys() -> None:
    app = _FooterApp()
    async with app.run_test(size=(80, 10)) as pilot:
        await pilot.pause()
        footer = app.screen.query_one(KeyFooter)
        line = footer.render().plain
        assert len(line) <= 80
        assert line.rstrip().endswith("Commands")
        for description in ("Back", "Edit", "Delete", "Undo delete", "Export shown"):
            assert description in line
        # Every description drawn is whole: none ends in the middle of a word.
        assert "Re-at" not in line or "Re-attach" in line
        assert "A very long" not in line
