"""Atomic file writes and the versioned JSON config."""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from reader.core.errors import ConfigError

CONFIG_VERSION = 1


def atomic_write_text(path: Path, text: str, *, overwrite: bool = False) -> None:
    """Write ``text`` to ``path`` atomically: temp file in the same folder, fsync, replace.

    Args:
        path: target file.
        text: content, written as UTF-8.
        overwrite: when False and ``path`` exists, raise ``FileExistsError``.

    Raises:
        FileExistsError: the target exists and ``overwrite`` is False.
        OSError: the folder is missing or read-only, or the disk is full; the old
            file (if any) is left intact and no temp file remains.
    """
    if not overwrite and path.exists():
        raise FileExistsError(f"{path} already exists")
    directory = path.parent
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if not overwrite and path.exists():
            raise FileExistsError(f"{path} already exists")
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)
        raise
    _fsync_directory(directory)


def _fsync_directory(directory: Path) -> None:
    """Make the rename durable; not every platform can open a directory."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # fsync on a directory is unsupported on some filesystems; the data is safe.
    finally:
        os.close(fd)


@dataclass
class Config:
    """User settings kept between runs."""

    theme: str = "textual-dark"
    """Name of the Textual theme."""
    show_list: bool = True
    """Whether the article list pane is visible."""
    diff_mode: str = "columns"
    """``columns`` (each side in its own order) or ``aligned`` (matched rows side by side)."""
    export_dir: str = ""
    """Folder last used for exporting notes; empty means the current folder."""


def load_config(path: Path) -> Config:
    """Read the config; a missing file means defaults.

    Raises:
        ConfigError: the file is not valid JSON or has an unknown version.
    """
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Config()
    except OSError as error:
        raise ConfigError(f"cannot read config {path}: {error}") from error
    try:
        data: Any = json.loads(raw)
    except json.JSONDecodeError as error:
        raise ConfigError(f"config {path} is not valid JSON: {error}") from error
    if not isinstance(data, dict) or data.get("version") != CONFIG_VERSION:
        version = data.get("version") if isinstance(data, dict) else None
        raise ConfigError(f"config {path} has unknown version {version!r}")
    known = {f.name for f in fields(Config)}
    values = {k: v for k, v in data.items() if k in known}
    defaults = Config()
    for name, value in list(values.items()):
        if not isinstance(value, type(getattr(defaults, name))):
            del values[name]
    return Config(**values)


def save_config(path: Path, config: Config) -> None:
    """Write the config atomically, replacing the old one."""
    data = {"version": CONFIG_VERSION, **asdict(config)}
    atomic_write_text(path, json.dumps(data, indent=2) + "\n", overwrite=True)
