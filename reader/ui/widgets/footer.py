"""The footer of keys: one line drawn by one widget."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget


class KeyFooter(Widget):
    """The keys of the screen's ``show=True`` bindings, and the command palette key.

    Looks like Textual's ``Footer`` (same theme variables), but draws the line itself
    instead of mounting a widget per key: the stock footer rebuilds those widgets on
    every change of bindings, several times while the app starts, which was a good part
    of the launch time. A click on a key presses it.
    """

    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
    }
    KeyFooter > .key-footer--key {
        color: $footer-key-foreground;
        background: $footer-key-background;
        text-style: bold;
    }
    KeyFooter > .key-footer--description {
        color: $footer-description-foreground;
        background: $footer-description-background;
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"key-footer--key", "key-footer--description"}

    compact: reactive[bool] = reactive(False)
    """Less space around each key (narrow terminals)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._spans: list[tuple[int, int, str]] = []
        """(first cell, end cell, key) of each key drawn, for clicks."""

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        self.refresh()

    def _keys(self) -> tuple[list[tuple[str, str, str, bool]], tuple[str, str, str] | None]:
        """(key, key display, description, enabled) of each shown binding, one per action,
        and the command palette's key when it is available."""
        shown: list[tuple[str, str, str, bool]] = []
        actions: set[str] = set()
        palette: tuple[str, str, str] | None = None
        for _node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            if binding.key == self.app.COMMAND_PALETTE_BINDING:
                if self.app.ENABLE_COMMAND_PALETTE:
                    palette = (binding.key, self.app.get_key_display(binding), "Commands")
                continue
            if binding.show and binding.action not in actions:
                actions.add(binding.action)
                display = self.app.get_key_display(binding)
                shown.append((binding.key, display, binding.description, enabled))
        return shown, palette

    def render(self) -> Text:
        key_style = self.get_component_rich_style("key-footer--key")
        description_style = self.get_component_rich_style("key-footer--description")
        shown, palette = self._keys()
        width = self.size.width
        tail: Text | None = None
        if palette is not None:
            display = palette[1]
            tail = Text.assemble(
                "▏", (f"{display}", key_style), (f" {palette[2]} ", description_style)
            )
        room = width - (tail.cell_len + 1 if tail is not None else 0)

        def key_texts(compact: bool) -> list[Text]:
            texts = []
            for _key, display, description, enabled in shown:
                if compact:
                    text = Text.assemble(
                        (display, key_style), (f" {description} ", description_style)
                    )
                else:
                    text = Text.assemble(
                        (f" {display} ", key_style), (f"{description} ", description_style)
                    )
                if not enabled:
                    text.stylize("dim")
                texts.append(text)
            return texts

        keys = key_texts(self.compact)
        if not self.compact and sum(text.cell_len for text in keys) > room:
            keys = key_texts(True)  # too many keys for the roomy style: the compact one
        line = Text(no_wrap=True, overflow="crop", end="")
        spans: list[tuple[int, int, str]] = []
        for (key, *_rest), text in zip(shown, keys, strict=True):
            if line.cell_len + text.cell_len > room:
                break  # whole keys only: a cut description reads as a different word
            start = line.cell_len
            line.append_text(text)
            spans.append((start, line.cell_len, key))
        if palette is not None and tail is not None:
            gap = width - line.cell_len - tail.cell_len
            if gap >= 1:
                line.append(" " * gap)
                start = line.cell_len + 1
                line.append_text(tail)
                spans.append((start, start + cell_len(tail.plain) - 1, palette[0]))
        self._spans = spans
        return line

    def watch_compact(self) -> None:
        self.refresh()

    def on_click(self, event: events.Click) -> None:
        for start, end, key in self._spans:
            if start <= event.x < end:
                self.app.simulate_key(key)
                return
