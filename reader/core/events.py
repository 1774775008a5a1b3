"""Group articles into events (the same story told by several outlets).

PLACEHOLDER: puts everything in one group; the sentence-engine work replaces it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from reader.core.models import Article


def group_events(articles: Sequence[Article]) -> list[Article]:
    """Return the articles with ``event`` and ``event_label`` filled in."""
    if not articles:
        return []
    label = articles[0].title
    return [replace(a, event="event-0", event_label=label) for a in articles]
