"""newsreader: read and compare news coverage sentence by sentence in the terminal."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from reader.core.align import Comparison

__all__ = ["__version__", "compare"]


def compare(a: Any, b: Any, **options: Any) -> Comparison:
    """Compare two texts or articles sentence by sentence.

    A thin lazy wrapper around :func:`reader.core.align.compare` so that
    ``import reader`` stays cheap.
    """
    from reader.core.align import compare as _compare

    return _compare(a, b, **options)
