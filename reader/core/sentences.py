"""Split cleaned article text into sentences with character offsets.

PLACEHOLDER implementation (naive regex); the sentence-engine work replaces it.
"""

from __future__ import annotations

import re

from reader.core.models import Sentence

_BOUNDARY = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")


def segment(text: str) -> list[Sentence]:
    """Split ``text`` into sentences; ``text[s.start:s.end] == s.text`` for each."""
    sentences: list[Sentence] = []
    offset = 0
    for paragraph_index, paragraph in enumerate(text.split("\n\n")):
        position = 0
        for match in _BOUNDARY.finditer(paragraph):
            _add(sentences, paragraph, position, match.start(), offset, paragraph_index)
            position = match.end()
        _add(sentences, paragraph, position, len(paragraph), offset, paragraph_index)
        offset += len(paragraph) + 2
    return sentences


def _add(out: list[Sentence], para: str, start: int, end: int, offset: int, index: int) -> None:
    chunk = para[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    lead = len(chunk) - len(chunk.lstrip())
    begin = offset + start + lead
    out.append(Sentence(stripped, begin, begin + len(stripped), index))
