"""Sentence alignment of two articles.

PLACEHOLDER implementation; the sentence-engine work replaces the method but keeps
the public names: ``Comparison``, ``SentencePair``, ``WordOp``, ``align``, ``align_many``,
``compare``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any, Literal

from rapidfuzz import fuzz

from reader.core.models import Article, Sentence
from reader.core.sentences import segment

PairKind = Literal["verbatim", "near", "paraphrase"]


@dataclass(frozen=True)
class WordOp:
    """One word-level edit operation inside a matched pair (difflib opcode style)."""

    op: Literal["equal", "insert", "delete", "replace"]
    a_start: int
    a_end: int
    """Character span in the A sentence text (empty for ``insert``)."""
    b_start: int
    b_end: int
    """Character span in the B sentence text (empty for ``delete``)."""

    def to_dict(self) -> dict[str, Any]:
        return {"op": self.op, "a": [self.a_start, self.a_end], "b": [self.b_start, self.b_end]}


@dataclass(frozen=True)
class SentencePair:
    """Two sentences, one from each article, that report the same fact, quote or claim."""

    a: int
    """Index into ``Comparison.a_sentences``."""
    b: int
    kind: PairKind
    score: float
    """Confidence in 0..1."""
    ops: tuple[WordOp, ...] = ()


@dataclass(frozen=True)
class Side:
    """One article of a comparison with its sentences."""

    id: str
    outlet: str
    title: str
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True)
class Comparison:
    """The result of aligning article A with article B."""

    a: Side
    b: Side
    pairs: tuple[SentencePair, ...]
    options: dict[str, Any] = field(default_factory=dict)

    @property
    def a_sentences(self) -> tuple[Sentence, ...]:
        return self.a.sentences

    @property
    def b_sentences(self) -> tuple[Sentence, ...]:
        return self.b.sentences

    def partners_of_a(self, index: int) -> list[SentencePair]:
        """Pairs whose A side is sentence ``index``."""
        return [p for p in self.pairs if p.a == index]

    def partners_of_b(self, index: int) -> list[SentencePair]:
        """Pairs whose B side is sentence ``index``."""
        return [p for p in self.pairs if p.b == index]

    def shared_fraction(self, side: Literal["a", "b"]) -> float:
        sentences = self.a.sentences if side == "a" else self.b.sentences
        if not sentences:
            return 0.0
        matched = {p.a if side == "a" else p.b for p in self.pairs}
        return len(matched) / len(sentences)

    def to_dict(self) -> dict[str, Any]:
        """The stable JSON shape documented in the README."""

        def side(s: Side) -> dict[str, Any]:
            return {
                "id": s.id,
                "outlet": s.outlet,
                "title": s.title,
                "sentences": [
                    {"text": x.text, "start": x.start, "end": x.end} for x in s.sentences
                ],
            }

        return {
            "a": side(self.a),
            "b": side(self.b),
            "pairs": [
                {
                    "a": p.a,
                    "b": p.b,
                    "kind": p.kind,
                    "score": round(p.score, 4),
                    "ops": [op.to_dict() for op in p.ops],
                }
                for p in self.pairs
            ],
            "stats": {
                "shared_a": self.shared_fraction("a"),
                "shared_b": self.shared_fraction("b"),
                "pairs": len(self.pairs),
            },
        }


def word_ops(a_text: str, b_text: str) -> tuple[WordOp, ...]:
    """Word-level edit operations turning ``a_text`` into ``b_text``."""
    import re

    a_tokens = [(m.start(), m.end()) for m in re.finditer(r"\S+", a_text)]
    b_tokens = [(m.start(), m.end()) for m in re.finditer(r"\S+", b_text)]
    a_words = [a_text[s:e].lower() for s, e in a_tokens]
    b_words = [b_text[s:e].lower() for s, e in b_tokens]
    ops: list[WordOp] = []
    matcher = SequenceMatcher(a=a_words, b=b_words, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        a_start = a_tokens[i1][0] if i1 < i2 else (a_tokens[i1 - 1][1] if i1 else 0)
        a_end = a_tokens[i2 - 1][1] if i1 < i2 else a_start
        b_start = b_tokens[j1][0] if j1 < j2 else (b_tokens[j1 - 1][1] if j1 else 0)
        b_end = b_tokens[j2 - 1][1] if j1 < j2 else b_start
        ops.append(WordOp(tag, a_start, a_end, b_start, b_end))  # type: ignore[arg-type]
    return tuple(ops)


def align(a_sentences: Sequence[Sentence], b_sentences: Sequence[Sentence]) -> list[SentencePair]:
    """Pair sentences of A with sentences of B that report the same thing."""
    pairs: list[SentencePair] = []
    for i, sa in enumerate(a_sentences):
        best_j, best = -1, 0.0
        for j, sb in enumerate(b_sentences):
            score = fuzz.token_set_ratio(sa.text, sb.text) / 100
            if score > best:
                best_j, best = j, score
        if best >= 0.75:
            kind: PairKind = "verbatim" if best > 0.99 else "near" if best > 0.9 else "paraphrase"
            ops = word_ops(sa.text, b_sentences[best_j].text)
            pairs.append(SentencePair(i, best_j, kind, best, ops))
    return pairs


def _side(item: Article | str, fallback_id: str) -> Side:
    if isinstance(item, Article):
        return Side(item.id, item.outlet, item.title, tuple(segment(item.text)))
    return Side(fallback_id, "", "", tuple(segment(item)))


def compare(a: Article | str, b: Article | str, **options: Any) -> Comparison:
    """Compare two articles (or plain texts) sentence by sentence."""
    side_a, side_b = _side(a, "a"), _side(b, "b")
    pairs = align(side_a.sentences, side_b.sentences)
    return Comparison(side_a, side_b, tuple(pairs), dict(options))


def align_many(
    a: Article | str, others: Sequence[Article | str], **options: Any
) -> list[Comparison]:
    """Compare one article against several others in one call."""
    return [compare(a, other, **options) for other in others]
