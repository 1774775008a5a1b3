"""Layout pieces of the sentence views: gutter glyphs, word wrapping and text blocks."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text

_WORD = re.compile(r"\S+\s*")

GUTTER_WIDTH = 4
"""Cursor/partner marker, kind mark, annotation mark, space."""

COUNT_WIDTH = 2
"""Extra gutter cells of a view that shows outlet counts (``×2``, ``·``)."""

MARK_GLYPHS: dict[str, str] = {"verbatim": "=", "near": "~", "paraphrase": "≈", "unique": "+"}
"""Gutter glyph per sentence mark, so colour is never the only signal."""

COMPONENT_NAMES = (
    "verbatim",
    "near",
    "paraphrase",
    "unique",
    "changed",
    "cursor",
    "partner",
    "match",
    "annotated",
    "gutter",
    "heading",
    "meta",
)
"""Component class suffixes every sentence view defines, each as ``<prefix>--<name>``."""

CURSOR_GLYPH = "›"
PARTNER_GLYPH = "»"
ANNOTATED_GLYPH = "*"
SUSPECT_GLYPH = "?"
"""A unique sentence that the other article's cleaner may have dropped (not truly unique)."""


def wrap_offsets(text: str, width: int) -> list[int]:
    """Offsets where ``text`` breaks into lines of at most ``width`` cells, at word starts.

    Words wider than a line are folded at the cell limit.
    """
    offsets: list[int] = []
    line_width = 0
    for match in _WORD.finditer(text):
        token = match.group()
        word = token.rstrip()
        # Most words are ASCII, one cell per character; only the rest need measuring.
        word_width = len(word) if word.isascii() else cell_len(word)
        gap_width = (len(token) - len(word)) if token.isascii() else cell_len(token) - word_width
        if line_width and line_width + word_width > width:
            offsets.append(match.start())
            line_width = 0
        if word_width > width:
            position, chunk = match.start(), 0
            for offset, char in enumerate(word):
                char_width = cell_len(char)
                if chunk + char_width > width - line_width and (chunk or line_width):
                    offsets.append(match.start() + offset)
                    position, chunk, line_width = match.start() + offset, 0, 0
                chunk += char_width
            del position
            line_width += chunk
        else:
            line_width += word_width
        line_width += gap_width
    return offsets


@dataclass
class Block:
    """Text rendered together (a heading, a paragraph, or one sentence) with its sentences."""

    text: Text
    ranges: list[tuple[int, int, int]] = field(default_factory=list)
    """(sentence index, start, end) of each sentence inside ``text``."""
    space_after: bool = True
    min_lines: int = 0
    """Pad the block with blank lines to this height (rows of the aligned diff)."""


@dataclass
class Layout:
    """Blocks wrapped to a width: the lines to draw and where each sentence sits."""

    lines: list[Text | None]
    """Each line with its gutter; None for a blank line."""
    sentence_lines: dict[int, tuple[int, int]]
    """First and last line of each sentence."""
    line_sentence: list[int]
    """The first sentence on each line, or -1."""


GutterFor = Callable[[int, list[str]], list[str]]
"""Fills the gutter cells for a sentence that starts on a line."""

WrappedBlock = tuple[list["Text | None"], dict[int, tuple[int, int]], list[int]]
"""One block's lines, its sentences' line spans and each line's first sentence, from 0."""

WrapCache = dict[tuple[object, ...], WrappedBlock]
"""Wrapped blocks by everything their lines depend on (see :func:`wrap_blocks`)."""


def wrap_blocks(
    blocks: Iterable[Block],
    text_width: int,
    gutter_width: int,
    gutter_for: GutterFor,
    gutter_style: Style,
    cache: WrapCache | None = None,
) -> Layout:
    """Wrap ``blocks`` at word boundaries to ``text_width`` cells behind a gutter.

    Highlights survive wrapping because each block's styled text is divided, not
    re-rendered; the gutter of a line shows the marks of the sentences starting on it.

    With a ``cache``, a block whose text, styles, sentences, width and gutter marks
    (each sentence's marks on their own) are unchanged reuses its wrapped lines: moving
    the cursor re-wraps the two paragraphs it leaves and enters, not the whole article.
    The lines are shared between layouts and never modified once made. Afterwards the
    cache holds exactly this layout's blocks, so it never grows past one article.
    """
    lines: list[Text | None] = []
    sentence_lines: dict[int, tuple[int, int]] = {}
    line_sentence: list[int] = []
    used: WrapCache = {}
    for block in blocks:
        key: tuple[object, ...] | None = None
        wrapped: WrappedBlock | None = None
        if cache is not None:
            marks = tuple(
                tuple(gutter_for(index, [" "] * gutter_width)) for index, _, _ in block.ranges
            )
            key = (
                block.text.plain,
                block.text.style,
                tuple(block.text.spans),
                tuple(block.ranges),
                block.space_after,
                block.min_lines,
                text_width,
                gutter_width,
                gutter_style,
                marks,
            )
            wrapped = cache.get(key)
        if wrapped is None:
            wrapped = _wrap_block(block, text_width, gutter_width, gutter_for, gutter_style)
        if key is not None:
            used[key] = wrapped
        block_lines, block_sentences, block_first = wrapped
        y0 = len(lines)
        lines.extend(block_lines)
        line_sentence.extend(block_first)
        for index, (first, last) in block_sentences.items():
            old = sentence_lines.get(index)
            span = (first + y0, last + y0)
            sentence_lines[index] = (
                span if old is None else (min(old[0], span[0]), max(old[1], span[1]))
            )
    if cache is not None:
        cache.clear()
        cache.update(used)
    return Layout(lines, sentence_lines, line_sentence)


def _wrap_block(
    block: Block,
    text_width: int,
    gutter_width: int,
    gutter_for: GutterFor,
    gutter_style: Style,
) -> WrappedBlock:
    """Wrap one block, with line numbers counted from the block's first line."""
    lines: list[Text | None] = []
    sentence_lines: dict[int, tuple[int, int]] = {}
    line_sentence: list[int] = []
    plain = block.text.plain
    offsets = wrap_offsets(plain, text_width)
    starts = [0, *offsets]
    ends = [*offsets, len(plain)]
    pieces = block.text.divide(offsets) if offsets else [block.text.copy()]
    for piece, line_start, line_end in zip(pieces, starts, ends, strict=False):
        y = len(lines)
        gutter = [" "] * gutter_width
        first_here = -1
        for index, start, end in block.ranges:
            if not (start < line_end and end > line_start) and start != line_start:
                continue
            first, last = sentence_lines.get(index, (y, y))
            sentence_lines[index] = (min(first, y), max(last, y))
            if first_here < 0:
                first_here = index
            if line_start <= start < line_end or start == line_start:
                gutter = gutter_for(index, gutter)
        line_sentence.append(first_here)
        row = Text(end="")
        row.append("".join(gutter), gutter_style)
        piece.rstrip()
        row.append_text(piece)
        lines.append(row)
    for _ in range(block.min_lines - len(pieces)):
        lines.append(None)
        line_sentence.append(-1)
    if block.space_after:
        lines.append(None)
        line_sentence.append(-1)
    return lines, sentence_lines, line_sentence
