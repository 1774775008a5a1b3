"""What a loader hands the app: the articles (grouped into events) and any warnings.

Kept free of Textual so the command line can build loaders without importing the UI.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from reader.core.models import Article


@dataclass(frozen=True)
class LoadOutcome:
    """Articles to show, already grouped into events, and problems met on the way."""

    articles: list[Article]
    warnings: list[str] = field(default_factory=list)
    """One line per file that was skipped or loaded with a caveat; shown as a notice."""


Loader = Callable[[], LoadOutcome]
"""Runs in a worker thread; may raise ``NewsreaderError``."""
