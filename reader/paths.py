"""Per-user data and config locations; the only module that imports platformdirs."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "newsreader"
DATA_DIR_ENV = "NEWSREADER_DATA_DIR"
CONFIG_DIR_ENV = "NEWSREADER_CONFIG_DIR"
DATABASE_NAME = "library.sqlite3"
CONFIG_NAME = "config.json"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """Return (and create) the data directory.

    Precedence: explicit ``override`` (``--data-dir``), then ``$NEWSREADER_DATA_DIR``,
    then the platformdirs user data path (which honours ``$XDG_DATA_HOME``).
    """
    if override:
        path = Path(override).expanduser()
    elif os.environ.get(DATA_DIR_ENV):
        path = Path(os.environ[DATA_DIR_ENV]).expanduser()
    else:
        import platformdirs

        path = platformdirs.user_data_path(APP_NAME, appauthor=False)
    path.mkdir(parents=True, exist_ok=True)
    return path


def config_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """Return (and create) the config directory; ``--data-dir`` also holds config."""
    if override:
        path = Path(override).expanduser()
    elif os.environ.get(CONFIG_DIR_ENV):
        path = Path(os.environ[CONFIG_DIR_ENV]).expanduser()
    elif os.environ.get(DATA_DIR_ENV):
        path = Path(os.environ[DATA_DIR_ENV]).expanduser()
    else:
        import platformdirs

        path = platformdirs.user_config_path(APP_NAME, appauthor=False)
    path.mkdir(parents=True, exist_ok=True)
    return path


def database_path(override: str | os.PathLike[str] | None = None) -> Path:
    """Path of the SQLite library database inside the data directory."""
    return data_dir(override) / DATABASE_NAME


def config_path(override: str | os.PathLike[str] | None = None) -> Path:
    """Path of the JSON config file."""
    return config_dir(override) / CONFIG_NAME
