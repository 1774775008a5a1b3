"""NewsReaderApp: wires styles, theme, commands and the main screen together."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path, PurePath
from typing import TYPE_CHECKING

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.theme import Theme

from reader.core.errors import ConfigError, StoreError
from reader.core.persist import Config, load_config, save_config
from reader.resources import styles_dir
from reader.ui.annotating import NotesMainScreen
from reader.ui.loading import Loader
from reader.ui.screens.main import MainScreen, SessionFactory
from reader.ui.session import Session

if TYPE_CHECKING:
    from textual.command import Provider

    from reader.core.note_store import NoteStore
    from reader.core.store import Store


def article_commands() -> type[Provider]:
    """The palette provider, imported when the palette first opens."""
    from reader.ui.commands import ArticleCommands

    return ArticleCommands


def _css_paths() -> list[str | PurePath]:
    folder = styles_dir()
    return [
        folder / "base.tcss",
        folder / "main.tcss",
        folder / "dialogs.tcss",
        folder / "notes.tcss",
    ]


class NewsReaderApp(App[None]):
    """The terminal reader: list, reading pane and diff pane over a loader of articles."""

    TITLE = "newsreader"
    CSS_PATH = _css_paths()
    COMMANDS = App.COMMANDS | {article_commands}
    BINDINGS = [
        Binding("q", "quit", "Quit"),
        Binding("ctrl+p", "command_palette", "Commands", show=False),
    ]

    def __init__(
        self,
        loader: Loader,
        *,
        config_path: Path | None = None,
        open_pair: tuple[str, str] | None = None,
        session_factory: SessionFactory = Session,
        note_store: NoteStore | None = None,
        note_store_error: str = "",
    ) -> None:
        """
        Args:
            loader: returns the articles to show; runs in a worker thread.
            config_path: where the settings live; None keeps them in memory only.
            open_pair: ids of A and B to open the comparison of at start.
            session_factory: builds the session (tests pass a fixed comparer).
            note_store: where notes are saved; None disables notes.
            note_store_error: why there is no note store, shown when notes are used.
        """
        super().__init__()
        self.loader = loader
        self.config_path = config_path
        self.open_pair = open_pair
        self.session_factory = session_factory
        self.note_store = note_store
        self.note_store_error = note_store_error
        self.config = self._load_config()

    def _load_config(self) -> Config:
        if self.config_path is None:
            return Config()
        try:
            return load_config(self.config_path)
        except ConfigError as error:
            self.call_later(self.notify, str(error), severity="error")
            return Config()

    def on_mount(self) -> None:
        if self.config.theme in self.available_themes:
            self.theme = self.config.theme
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        self.push_screen(
            NotesMainScreen(
                self.loader,
                self.config,
                self.update_config,
                open_pair=self.open_pair,
                session_factory=self.session_factory,
            )
        )

    def _theme_changed(self, theme: Theme) -> None:
        self.update_config(theme=theme.name)

    def update_config(self, **changes: object) -> None:
        """Change some settings and save them (when there is a config file)."""
        self.config = replace(self.config, **changes)  # type: ignore[arg-type]
        if self.config_path is not None:
            try:
                save_config(self.config_path, self.config)
            except OSError as error:
                self.notify(f"Could not save settings: {error}", severity="warning")

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if isinstance(screen, MainScreen):
            yield from screen.system_commands()


def run_app(
    loader: Loader,
    config_path: Path | None,
    open_pair: tuple[str, str] | None,
    open_library: Callable[[], Store] | None = None,
) -> None:
    """Run the app until the user quits.

    Args:
        loader: returns the articles to show (runs in a worker).
        config_path: the settings file, or None.
        open_pair: ids of A and B to compare at start.
        open_library: opens the library database, where notes are kept. It is called
            here, on the thread that runs the app, because SQLite connections stay
            on the thread that made them; None (or a failure) disables notes.
    """
    from reader.core.note_store import NoteStore

    note_store: NoteStore | None = None
    error = "no library database" if open_library is None else ""
    if open_library is not None:
        try:
            note_store = NoteStore(open_library())
        except StoreError as failure:
            error = str(failure)
    app = NewsReaderApp(
        loader,
        config_path=config_path,
        open_pair=open_pair,
        note_store=note_store,
        note_store_error=error,
    )
    try:
        app.run()
    finally:
        if note_store is not None:
            note_store.store.close()
