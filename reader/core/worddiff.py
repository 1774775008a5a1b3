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


def word_ops(a_text: str, b_text: str) -> tuple[WordOp, ...]:
    """Word-level edit operations turning ``a_text`` into ``b_text``.

    Every word of A lies in exactly one ``equal``/``delete``/``replace`` span, every word
    of B in exactly one ``equal``/``insert``/``replace`` span, in order.
    """
    a_tokens = word_tokens(a_text)
    b_tokens = word_tokens(b_text)
    if not a_tokens and not b_tokens:
        return ()
    if len(a_tokens) > MAX_DIFF_WORDS or len(b_tokens) > MAX_DIFF_WORDS:
        a_span = _span(a_tokens, 0, len(a_tokens))
        b_span = _span(b_tokens, 0, len(b_tokens))
        same = [t.norm for t in a_tokens] == [t.norm for t in b_tokens]
        return (WordOp("equal" if same else "replace", *a_span, *b_span),)
    matcher = SequenceMatcher(
        a=[t.norm for t in a_tokens], b=[t.norm for t in b_tokens], autojunk=False
    )
    ops: list[WordOp] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        name: OpName = tag
        ops.append(WordOp(name, *_span(a_tokens, i1, i2), *_span(b_tokens, j1, j2)))
    return tuple(ops)


def shared_word_fraction(ops: tuple[WordOp, ...], a_text: str, b_text: str) -> float:
    """Share of words left unchanged: ``2 * equal words / (words in A + words in B)``."""
    a_words = len(word_tokens(a_text))
    b_words = len(word_tokens(b_text))
    if not a_words + b_words:
        return 1.0
    equal = sum(len(word_tokens(a_text[op.a_start : op.a_end])) for op in ops if op.op == "equal")
    return 2.0 * equal / (a_words + b_words)
