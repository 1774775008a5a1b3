"""Split raw article text into units: candidate paragraphs for the cleaner to keep or drop.

A unit is one non-empty line, except that a block hard-wrapped at a fixed width is
joined back into one paragraph. List markers are removed; whitespace is collapsed
but the words themselves are never changed, so sentence offsets stay meaningful.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.core import cleaning_features as f


@dataclass(frozen=True)
class Unit:
    """One candidate paragraph of the raw text."""

    line: int
    """0-based line number in the raw text where the unit starts."""
    text: str
    """Whitespace-normalised text."""


def split_units(raw: str) -> list[Unit]:
    """Split raw text into units: one per line, except that hard-wrapped blocks are joined.

    Args:
        raw: sanitised raw text (``"\\n"`` line endings).

    Returns:
        Units in reading order with normalised whitespace and list markers removed.
    """
    units: list[Unit] = []
    block: list[tuple[int, str]] = []
    for number, line in enumerate([*raw.split("\n"), ""]):
        if line.strip():
            block.append((number, line.strip()))
            continue
        if block:
            units.extend(_units_of_block(block))
            block = []
    return units


def _units_of_block(block: list[tuple[int, str]]) -> list[Unit]:
    """Units of one blank-line-separated block."""
    texts = [text for _, text in block]
    if _is_hard_wrapped(texts):
        return [Unit(block[0][0], " ".join(" ".join(texts).split()))]
    units = []
    for number, text in block:
        text = " ".join(f.strip_list_marker(text).split())
        if text:
            units.append(Unit(number, text))
    return units


def _is_hard_wrapped(lines: list[str]) -> bool:
    """True when a block looks like one paragraph wrapped at a fixed width.

    Wrapped lines are of similar length (the wrap width) and at least one of them
    stops mid-sentence; separate paragraphs or widget lines vary wildly in length.
    """
    if len(lines) < 2:
        return False
    body = lines[:-1]
    width = max(len(line) for line in body)
    return (
        40 <= width <= 100
        and all(len(line) >= 0.6 * width for line in body)
        and any(not f.ends_sentence(line) for line in body)
        and not any(f.strip_list_marker(line) != line for line in lines[1:])
    )
