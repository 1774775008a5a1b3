"""Exceptions raised by the domain core; the UI and CLI turn them into messages."""

from __future__ import annotations


class NewsreaderError(Exception):
    """Base class of every error the core raises on purpose."""


class CorpusError(NewsreaderError):
    """An article file or folder could not be loaded."""


class StoreError(NewsreaderError):
    """The library database could not be read or written."""


class ExportError(NewsreaderError):
    """Notes could not be exported (target exists, disk full, read-only folder)."""


class ConfigError(NewsreaderError):
    """The config file is unreadable or has an unknown version."""
