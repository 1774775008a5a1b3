"""Wrapping with a cache: the same lines as without it, only changed blocks re-wrapped."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text

from reader.ui.widgets.blocks import Block, GutterFor, WrapCache, wrap_blocks

PARAGRAPHS = [
    ["The council met on Monday.", "It voted to close the old harbour bridge for repairs."],
    ["Ferries will run every twenty minutes.", "Commuters were told to allow extra time."],
    ["Engineers found rust in the main cables.", "Repairs should take six weeks."],
]


def blocks(bold: int = -1) -> list[Block]:
    """One block per paragraph; sentence ``bold`` is styled (as the cursor sentence is)."""
    out: list[Block] = []
    index = 0
    for sentences in PARAGRAPHS:
        text = Text(end="")
        ranges: list[tuple[int, int, int]] = []
        for sentence in sentences:
            if text:
                text.append(" ")
            start = len(text)
            text.append(sentence, "bold" if index == bold else "")
            ranges.append((index, start, len(text)))
            index += 1
        out.append(Block(text, ranges))
    return out


def gutter(cursor: int) -> GutterFor:
    def fill(index: int, cells: list[str]) -> list[str]:
        if index == cursor:
            cells[0] = "›"
        return cells

    return fill


def plain(lines: list[Text | None]) -> list[str]:
    return ["" if line is None else line.plain for line in lines]


def test_cached_layout_equals_fresh_layout_and_reuses_unchanged_blocks() -> None:
    cache: WrapCache = {}
    style = Style()
    first = wrap_blocks(blocks(bold=0), 24, 4, gutter(0), style, cache)
    assert plain(first.lines) == plain(wrap_blocks(blocks(bold=0), 24, 4, gutter(0), style).lines)
    assert len(cache) == len(PARAGRAPHS)
    # The cursor moves from sentence 0 (paragraph 1) to sentence 2 (paragraph 2).
    second = wrap_blocks(blocks(bold=2), 24, 4, gutter(2), style, cache)
    fresh = wrap_blocks(blocks(bold=2), 24, 4, gutter(2), style)
    assert plain(second.lines) == plain(fresh.lines)
    assert [line.spans if line else None for line in second.lines] == [
        line.spans if line else None for line in fresh.lines
    ]
    assert second.sentence_lines == fresh.sentence_lines
    assert second.line_sentence == fresh.line_sentence
    assert second.lines[0] is not first.lines[0]  # paragraph 1 lost the cursor: re-wrapped
    third_start = second.sentence_lines[4][0]
    assert second.lines[third_start] is first.lines[third_start]  # paragraph 3: reused
    assert len(cache) == len(PARAGRAPHS)  # only this layout's blocks are kept
    # A new width re-wraps everything.
    narrow = wrap_blocks(blocks(bold=2), 16, 4, gutter(2), style, cache)
    assert plain(narrow.lines) == plain(wrap_blocks(blocks(bold=2), 16, 4, gutter(2), style).lines)
    assert all(len(text) <= 20 for text in plain(narrow.lines))
