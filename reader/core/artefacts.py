"""Extraction-artefact warnings: a "unique" sentence that the other article's cleaner dropped.

A sentence of A with no partner in B looks like something only A reports. But B may
well carry it and have lost it in cleaning: the standfirst and the headline become
metadata, and a paragraph that looks like boilerplate is dropped. This module checks
every unique sentence of each side against what the *other* article's cleaner set
aside (``Article.dropped``, ``Article.standfirst``, ``Article.title``) and reports the
close matches, so the UI can say "unique here, but B's cleaner dropped a similar line".

The measure is plain and order-aware: the share of the sentence's words that appear,
in order, in the dropped text (``difflib.SequenceMatcher`` on normalised words). A
dropped unit that *contains* the sentence therefore matches fully (a paragraph cut
as boilerplate), and one that only shares topic words does not.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import TYPE_CHECKING, Literal

from reader.core.models import Article, DroppedUnit
from reader.core.textnorm import normalise_sentence

if TYPE_CHECKING:
    from reader.core.align import Comparison

MIN_COVERAGE = 0.7
"""A unique sentence is flagged when at least 70 % of its words appear in order in one
dropped unit: that is the same sentence with a few words edited or cut (a standfirst
is often the lede, shortened), while two sentences that merely share the story's names
and topic words stay well below it."""

MIN_WORDS = 4
"""Sentences shorter than this are not checked: "Reply." or "Read more" match any
scrap of dropped navigation, and a three-word line is rarely a claim anyway."""

MIN_RUN = 2
"""Only runs of two or more words in a row count: single words ("the", "said", a name)
turn up in order in any long enough footer or chatbot blurb."""

Side = Literal["a", "b"]


@dataclass(frozen=True)
class ArtefactWarning:
    """A unique sentence that closely matches text the other article's cleaner dropped."""

    side: Side
    """Side of the unique sentence in the comparison."""
    index: int
    """Index of the sentence among that side's sentences."""
    unit: DroppedUnit
    """What the *other* article's cleaner dropped (text, reason, raw line)."""
    coverage: float
    """Share of the sentence's words found, in order, in ``unit.text`` (0..1)."""


def dropped_candidates(article: Article) -> list[DroppedUnit]:
    """Everything the cleaner set aside from ``article``'s body, each text once.

    The dropped units, plus the standfirst and the headline (kept as metadata, so they
    are not in the body either) when the dropped units do not already hold them.
    """
    candidates: list[DroppedUnit] = []
    seen: set[str] = set()
    extra = [DroppedUnit(article.standfirst, "standfirst"), DroppedUnit(article.title, "headline")]
    for unit in [*article.dropped, *extra]:
        key = normalise_sentence(unit.text)
        if key and key not in seen:
            seen.add(key)
            candidates.append(unit)
    return candidates


def coverage(sentence_words: list[str], unit_words: list[str]) -> float:
    """Share of ``sentence_words`` matched, in order, inside ``unit_words`` (in runs of at
    least :data:`MIN_RUN` words)."""
    if not sentence_words or not unit_words:
        return 0.0
    matcher = SequenceMatcher(None, sentence_words, unit_words, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks() if block.size >= MIN_RUN)
    return matched / len(sentence_words)


def artefact_warnings(comparison: Comparison, a: Article, b: Article) -> list[ArtefactWarning]:
    """Unique sentences of each side that look like what the other side's cleaner dropped.

    Args:
        comparison: the comparison of ``a`` (side A) with ``b`` (side B).
        a: article A, for its dropped units.
        b: article B, for its dropped units.

    Returns:
        One warning per flagged sentence (its best-matching dropped unit), side A first,
        then by sentence index.
    """
    warnings: list[ArtefactWarning] = []
    sides: list[tuple[Side, list[int], Article]] = [
        ("a", comparison.unique_a(), b),
        ("b", comparison.unique_b(), a),
    ]
    for side, unique, other in sides:
        if not unique:
            continue
        units = [
            (unit, normalise_sentence(unit.text).split()) for unit in dropped_candidates(other)
        ]
        sentences = comparison.a_sentences if side == "a" else comparison.b_sentences
        for index in unique:
            words = normalise_sentence(sentences[index].text).split()
            if len(words) < MIN_WORDS:
                continue
            scored = [(coverage(words, unit_words), unit) for unit, unit_words in units]
            best = max(scored, key=lambda item: item[0], default=None)
            if best is not None and best[0] >= MIN_COVERAGE:
                warnings.append(ArtefactWarning(side, index, best[1], best[0]))
    return warnings
