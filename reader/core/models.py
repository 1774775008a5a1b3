"""Frozen dataclasses shared by every layer: articles, sentences, dropped units."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class DroppedUnit:
    """A piece of the raw text that cleaning removed or turned into metadata."""

    text: str
    """The text as it stood in the raw article (sanitised)."""
    reason: str
    """Short, human-readable reason, e.g. ``"navigation"``, ``"comment widget"``, ``"headline"``."""
    line: int = -1
    """0-based line number in the raw text, or -1 when unknown."""


@dataclass(frozen=True)
class Article:
    """One cleaned article.

    ``text`` is the cleaned body: paragraphs joined by a blank line (``"\\n\\n"``).
    Sentence offsets and note anchors are character offsets into ``text``.
    """

    id: str
    """Stable id derived from content (see ``corpus.article_id``); survives moves and renames."""
    title: str
    outlet: str = ""
    """Outlet name or site; empty when unknown (the UI says "unknown outlet")."""
    date: str = ""
    """Publication date as ISO ``YYYY-MM-DD`` when known, else empty."""
    url: str = ""
    path: str = ""
    """Where the article was loaded from; empty when it only lives in the library."""
    text: str = ""
    raw: str = ""
    """The sanitised raw text before cleaning, kept so users can inspect what was dropped."""
    byline: str = ""
    standfirst: str = ""
    dropped: tuple[DroppedUnit, ...] = ()
    inferred: frozenset[str] = field(default_factory=frozenset)
    """Names of metadata fields that were inferred from the text rather than declared."""
    warnings: tuple[str, ...] = ()
    """Problems met while loading (fallback decoding, truncation), shown to the user."""
    event: str = ""
    """Event group id, filled by ``events.group_events``; empty until grouped."""
    event_label: str = ""

    @property
    def paragraphs(self) -> list[str]:
        """The body split into paragraphs."""
        return [p for p in self.text.split("\n\n") if p.strip()]

    @property
    def words(self) -> int:
        """Number of whitespace-separated words in the body."""
        return len(self.text.split())

    @property
    def outlet_label(self) -> str:
        """Outlet for display: the name, or a clear placeholder when unknown."""
        return self.outlet or "unknown outlet"


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article body with its character span in ``Article.text``."""

    text: str
    start: int
    end: int
    """End offset, exclusive: ``article.text[start:end] == text``."""
    paragraph: int = 0
    """0-based index of the paragraph the sentence belongs to."""
