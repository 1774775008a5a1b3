"""Word-level differences inside a matched sentence pair, for highlighting.

Words are compared case- and punctuation-insensitively (curly and straight quotes
alike); each operation carries character spans into both original sentences so the
UI can highlight the exact words, whatever wrapping it applies.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any, Literal

from reader.core.textnorm import Token, word_tokens

OpName = Literal["equal", "insert", "delete", "replace"]

_MIRROR: dict[str, OpName] = {"insert": "delete", "delete": "insert"}

MAX_DIFF_WORDS = 3000
"""Above this many words in either sentence (a pasted page with no sentence ends) the
diff is one coarse operation: difflib is quadratic in the worst case, and a highlight
of a 100,000-word "sentence" helps nobody."""


@dataclass(frozen=True)
class WordOp:
    """One word-level edit operation (difflib opcode style) with character spans."""

    op: OpName
    a_start: int
    a_end: int
    """Span of the A words covered; empty for ``insert`` (it marks where B's words go)."""
    b_start: int
    b_end: int
    """Span of the B words covered; empty for ``delete``."""

    def mirrored(self) -> WordOp:
        """The same operation seen from B to A (``insert`` and ``delete`` swap)."""
        op = _MIRROR.get(self.op, self.op)
        return WordOp(op, self.b_start, self.b_end, self.a_start, self.a_end)

    def to_dict(self) -> dict[str, Any]:
        """JSON shape: ``{"op", "a": [start, end], "b": [start, end]}``."""
        return {"op": self.op, "a": [self.a_start, self.a_end], "b": [self.b_start, self.b_end]}


def _span(tokens: list[Token], first: int, last: int) -> tuple[int, int]:
    """Character span of tokens ``first:last``; an empty span at the gap when empty."""
    if first < last:
        return tokens[first].start, tokens[last - 1].end
    if first < len(tokens):
        return tokens[first].start, tokens[first].start
    if tokens:
        return tokens[-1].end, tokens[-1].end
    return 0, 0


def diff_words(a_text: str, b_text: str) -> tuple[tuple[WordOp, ...], float]:
    """Word operations turning ``a_text`` into ``b_text``, and the share of words unchanged.

    Every word of A lies in exactly one ``equal``/``delete``/``replace`` span, every word
    of B in exactly one ``equal``/``insert``/``replace`` span, in order. The share is
    ``2 * equal words / (words in A + words in B)`` (1.0 when both have no words).
    """
    a_tokens = word_tokens(a_text)
    b_tokens = word_tokens(b_text)
    if not a_tokens and not b_tokens:
        return (), 1.0
    a_words = [t.norm for t in a_tokens]
    b_words = [t.norm for t in b_tokens]
    if len(a_tokens) > MAX_DIFF_WORDS or len(b_tokens) > MAX_DIFF_WORDS:
        same = a_words == b_words
        op = WordOp(
            "equal" if same else "replace",
            *_span(a_tokens, 0, len(a_tokens)),
            *_span(b_tokens, 0, len(b_tokens)),
        )
        return (op,), 1.0 if same else 0.0
    matcher = SequenceMatcher(a=a_words, b=b_words, autojunk=False)
    ops: list[WordOp] = []
    equal = 0
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            equal += i2 - i1
        ops.append(WordOp(tag, *_span(a_tokens, i1, i2), *_span(b_tokens, j1, j2)))
    return tuple(ops), 2.0 * equal / (len(a_tokens) + len(b_tokens))


def word_ops(a_text: str, b_text: str) -> tuple[WordOp, ...]:
    """Word-level edit operations turning ``a_text`` into ``b_text`` (see :func:`diff_words`)."""
    return diff_words(a_text, b_text)[0]
