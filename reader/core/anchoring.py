"""Annotation anchoring: quote + context + offsets, re-anchor or orphan.

A note is tied to an article id, a character span, the exact quoted text and a
little text on either side of it (the same "text quote selector plus position"
idea as the W3C Web Annotation model). When the article text changes, the note
is looked for again, most certain evidence first:

1. the span is unchanged (quote and both context strings still there);
2. the exact quote occurs elsewhere: accepted when it is the only occurrence and
   long enough to identify itself, or when its context picks one occurrence
   clearly over the others;
3. a fuzzy match over sentence-aligned candidate spans (the quote was edited),
   accepted only when the old neighbours have not closed up over the gap (that
   means the quote was deleted), the words are close, the context agrees on both
   sides (or on one side, with the words nearly unchanged), the candidate is not
   the old neighbour itself, *and* no other place scores nearly as well.

Anything less certain orphans the note. Near-identical wire sentences are common
(and within one article, running updates repeat them), so attaching a note to a
look-alike is the failure we guard against hardest: an orphaned note keeps its
quote, text and tags, is listed apart as having lost its place, and re-attaches by
itself if the text comes back; a wrongly attached one silently lies.

Re-anchoring only moves a note's span: the quote and context stay as annotated,
so every later search starts from the words the note was written about.

Fuzzy scoring uses ``difflib`` on purpose: rapidfuzz stays behind the alignment
scorer in ``align.py``, and the handful of candidate comparisons per note is cheap.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from reader.core.sentences import segment

if TYPE_CHECKING:
    from reader.core.annotations import Annotation, AnnotationStatus

_WORD = re.compile(r"\w+")

CONTEXT_CHARS = 48
"""Characters of context kept on each side of the quote: about eight words, enough to
tell apart two copies of a wire sentence, small enough to survive nearby edits."""

SELF_IDENTIFYING_CHARS = 24
"""A quote at least this long that occurs exactly once is trusted without its context:
shorter quotes ("he said.") recur by chance, so they also need context support."""

CONTEXT_SUPPORT = 0.75
"""A side of context "agrees" when its similarity ratio reaches this. Measured on the
sample corpus, two unrelated 48-character contexts score 0.30 at the median, 0.50 at
the 99th and 0.75 at the 99.9th percentile; a one-word edit in the context keeps ~0.85."""

EXACT_CONTEXT_MARGIN = 0.15
"""Among several exact copies of the quote, the best-context copy must beat the next one
by this much; otherwise the copies are indistinguishable and the note is orphaned."""

FUZZY_QUOTE_MIN = 0.72
"""Minimum similarity of an edited quote to the stored one. A one-word change in a
twelve-word sentence scores ~0.9; a rewrite that keeps half the words ~0.6."""

FUZZY_MARGIN = 0.08
"""The best fuzzy candidate must beat the best non-overlapping runner-up by this much.
Two look-alike sentences differing in one number score within ~0.03 of each other on
the quote alone, so only a context difference can clear this margin."""

FUZZY_ONE_SIDE_QUOTE_MIN = 0.85
"""With context agreeing on one side only (the other neighbour was edited too), the
quote must be nearly unchanged: about one changed word in eight."""

NEIGHBOUR_PROBE_CHARS = 32
"""How much of the old neighbouring text is looked for at a candidate's edges."""

NEIGHBOUR_MIN_CHARS = 12
"""Shorter stretches of old neighbouring text say too little to decide anything."""

NEIGHBOUR_SIMILARITY = 0.9
"""A candidate whose edge matches the old neighbour this closely *is* that neighbour."""

QUOTE_WEIGHT = 0.7
"""Weight of quote similarity in the fuzzy score; the rest is context similarity."""


@dataclass(frozen=True)
class Anchor:
    """Where a note is attached in one article."""

    article_id: str
    start: int
    end: int
    """Character span in ``Article.text``, end exclusive."""
    quote: str
    """The exact text the user annotated. Re-anchoring never rewrites it (only the span
    moves), so the note keeps the words it was written about and every later search
    starts from them, instead of drifting one edit at a time."""
    prefix: str = ""
    """Up to ``CONTEXT_CHARS`` characters just before the quote, as annotated."""
    suffix: str = ""
    """Up to ``CONTEXT_CHARS`` characters just after the quote, as annotated."""
    outlet: str = ""
    """Outlet name at the time of the note, so exports and orphans can still say whose text."""


@dataclass(frozen=True)
class Resolution:
    """Outcome of looking for an anchor in a (possibly changed) text."""

    anchor: Anchor | None
    """The anchor at its new place, or None when it could not be found with confidence."""
    method: Literal["unchanged", "exact", "context", "fuzzy", "orphaned"]
    """Which rule decided; kept for tests and for the status line."""
    score: float = 1.0


def make_anchor(article_id: str, text: str, start: int, end: int, outlet: str = "") -> Anchor:
    """Build an anchor for ``text[start:end]`` with its surrounding context.

    Raises:
        ValueError: when the span is empty or outside ``text``.
    """
    if not 0 <= start < end <= len(text):
        raise ValueError(f"span {start}:{end} is empty or outside the text ({len(text)} chars)")
    return Anchor(
        article_id=article_id,
        start=start,
        end=end,
        quote=text[start:end],
        prefix=text[max(0, start - CONTEXT_CHARS) : start],
        suffix=text[end : end + CONTEXT_CHARS],
        outlet=outlet,
    )


def _normalize(text: str) -> str:
    """Fold the differences re-cleaning introduces: whitespace, case, typographic quotes."""
    text = unicodedata.normalize("NFKC", text)
    for curly, straight in (("“", '"'), ("”", '"'), ("‘", "'"), ("’", "'"), ("–", "-"), ("—", "-")):
        text = text.replace(curly, straight)
    return " ".join(text.split()).casefold()


def _words(normalized: str) -> list[str]:
    """Word tokens of normalised text; punctuation and spacing do not count as edits."""
    return _WORD.findall(normalized)


def _similarity(left: str, right: str) -> float:
    """Similarity ratio in 0..1 of two normalised strings (1.0 when both are empty)."""
    left, right = _normalize(left), _normalize(right)
    if not left and not right:
        return 1.0
    if not left or not right:
        return 0.0
    return SequenceMatcher(None, left, right, autojunk=False).ratio()


def _context_scores(anchor: Anchor, text: str, start: int, end: int) -> tuple[float, float]:
    """Similarity of the stored prefix and suffix to the text around ``start:end``."""
    before = text[max(0, start - len(anchor.prefix)) : start] if anchor.prefix else ""
    if not anchor.prefix:
        # The quote opened the article; it still counts as agreement if it still does.
        before = text[max(0, start - CONTEXT_CHARS) : start]
    after = (
        text[end : end + len(anchor.suffix)] if anchor.suffix else text[end : end + CONTEXT_CHARS]
    )
    return _similarity(anchor.prefix, before), _similarity(anchor.suffix, after)


def _moved(anchor: Anchor, text: str, start: int, end: int) -> Anchor:
    """The anchor at a new place in ``text``, with its quote and context refreshed."""
    return replace(
        make_anchor(anchor.article_id, text, start, end, anchor.outlet), outlet=anchor.outlet
    )


def _occurrences(text: str, quote: str) -> list[int]:
    """Start offsets of every (possibly overlapping) exact occurrence of ``quote``."""
    found: list[int] = []
    position = text.find(quote)
    while position != -1:
        found.append(position)
        position = text.find(quote, position + 1)
    return found


@lru_cache(maxsize=8)
def _sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Sentence spans of ``text``; cached because one article's notes re-anchor together."""
    return tuple((sentence.start, sentence.end) for sentence in segment(text))


@lru_cache(maxsize=32)
def _candidates(text: str, run: int) -> tuple[tuple[int, int, tuple[str, ...]], ...]:
    """Every run of ``run`` consecutive sentences: (start, end, its words)."""
    spans = _sentence_spans(text)
    return tuple(
        (
            spans[first][0],
            spans[first + run - 1][1],
            tuple(_words(_normalize(text[spans[first][0] : spans[first + run - 1][1]]))),
        )
        for first in range(len(spans) - run + 1)
    )


def _candidate_spans(text: str, quote: str) -> list[tuple[int, int, tuple[str, ...]]]:
    """Sentence-aligned spans of about the quote's length: runs of n-1..n+1 sentences.

    Notes are made on whole sentences, so an edited quote is most likely an edited
    sentence (or run of sentences); this keeps the fuzzy search to a few hundred
    comparisons instead of every substring.
    """
    wanted = max(1, len(_sentence_spans(quote)))
    found: list[tuple[int, int, tuple[str, ...]]] = []
    for run in range(max(1, wanted - 1), wanted + 2):
        found.extend(_candidates(text, run))
    return found


def _context_agrees(stored: str, score: float) -> bool:
    """A side of context supports a match only if there was context there to compare:
    two places that both touch the end of the text prove nothing."""
    return bool(stored.strip()) and score >= CONTEXT_SUPPORT


def _is_former_neighbour(anchor: Anchor, candidate: str) -> bool:
    """Whether ``candidate`` starts with the text that used to follow the quote, or
    ends with the text that used to precede it.

    When an annotated sentence is deleted, its neighbour slides into its place and
    inherits one side of its context; if the neighbour also resembles it (a repeated
    wire sentence, a paraphrase in the same article), it would otherwise look like an
    edited version of the annotated sentence.
    """
    head = anchor.suffix.strip()[:NEIGHBOUR_PROBE_CHARS]
    tail = anchor.prefix.strip()[-NEIGHBOUR_PROBE_CHARS:]
    # Compare equal lengths: a short candidate is matched against as much of the
    # neighbour as it can hold.
    head = head[: len(candidate)]
    tail = tail[len(tail) - min(len(tail), len(candidate)) :]
    if len(head) >= NEIGHBOUR_MIN_CHARS and (
        _similarity(head, candidate[: len(head)]) >= NEIGHBOUR_SIMILARITY
    ):
        return True
    return len(tail) >= NEIGHBOUR_MIN_CHARS and (
        _similarity(tail, candidate[-len(tail) :]) >= NEIGHBOUR_SIMILARITY
    )


def resolve(anchor: Anchor, text: str) -> Resolution:
    """Find ``anchor`` in ``text`` (the article's current text), or give up.

    Returns:
        A ``Resolution`` whose ``anchor`` holds the refreshed anchor, or None when
        no place matches with confidence (the caller marks the note orphaned).
    """
    quote = anchor.quote
    if not quote:
        return Resolution(None, "orphaned", 0.0)
    # 1. Nothing moved: same span, same quote, same context.
    if (
        text[anchor.start : anchor.end] == quote
        and text[max(0, anchor.start - len(anchor.prefix)) : anchor.start] == anchor.prefix
        and text[anchor.end : anchor.end + len(anchor.suffix)] == anchor.suffix
    ):
        return Resolution(anchor, "unchanged")

    # 2. The exact quote elsewhere.
    starts = _occurrences(text, quote)
    if len(starts) == 1:
        start = starts[0]
        prefix_score, suffix_score = _context_scores(anchor, text, start, start + len(quote))
        context_agrees = max(prefix_score, suffix_score) >= CONTEXT_SUPPORT
        if len(quote.strip()) >= SELF_IDENTIFYING_CHARS or context_agrees:
            return Resolution(_moved(anchor, text, start, start + len(quote)), "exact")
        return Resolution(None, "orphaned", 0.0)
    if len(starts) > 1:
        scored = sorted(
            ((sum(_context_scores(anchor, text, s, s + len(quote))) / 2, s) for s in starts),
            reverse=True,
        )
        (best_score, best_start), (runner_score, _) = scored[0], scored[1]
        if best_score >= CONTEXT_SUPPORT and best_score - runner_score >= EXACT_CONTEXT_MARGIN:
            moved = _moved(anchor, text, best_start, best_start + len(quote))
            return Resolution(moved, "context", best_score)
        # Identical copies we cannot tell apart: a fuzzy pass would only be less sure.
        return Resolution(None, "orphaned", best_score)

    # 3. Fuzzy: the quote was edited.
    return _resolve_fuzzy(anchor, text)


def _was_cut_out(anchor: Anchor, text: str) -> bool:
    """Whether the text around the quote is still there, closed up over nothing.

    The plainest sign that the annotated words were deleted: the old neighbours now
    touch. A fuzzy match elsewhere could then only be a look-alike.
    """
    before = anchor.prefix.rstrip()[-NEIGHBOUR_PROBE_CHARS:]
    after = anchor.suffix.lstrip()[:NEIGHBOUR_PROBE_CHARS]
    if (before and len(before) < NEIGHBOUR_MIN_CHARS) or (
        after and len(after) < NEIGHBOUR_MIN_CHARS
    ):
        return False
    if not before and not after:
        return False
    pattern = (
        (re.escape(before) if before else r"\A") + r"\s*" + (re.escape(after) if after else r"\Z")
    )
    return re.search(pattern, text) is not None


def _resolve_fuzzy(anchor: Anchor, text: str) -> Resolution:
    """Score sentence-aligned candidates by quote and context; accept only a clear winner."""
    if _was_cut_out(anchor, text):
        return Resolution(None, "orphaned", 0.0)
    target = _words(_normalize(anchor.quote))
    matcher: SequenceMatcher[str] = SequenceMatcher(None, autojunk=False)
    matcher.set_seq2(target)
    scored: list[tuple[float, bool, int, int]] = []
    for start, end, candidate in _candidate_spans(text, anchor.quote):
        # Compared word by word: as fast as a prefilter, and a changed word costs the
        # same whatever its length.
        if not 0.5 <= len(candidate) / max(1, len(target)) <= 2.0:
            continue
        matcher.set_seq1(candidate)
        if matcher.real_quick_ratio() < FUZZY_QUOTE_MIN or matcher.quick_ratio() < FUZZY_QUOTE_MIN:
            continue
        quote_score = matcher.ratio()
        if quote_score < FUZZY_QUOTE_MIN:
            continue
        prefix_score, suffix_score = _context_scores(anchor, text, start, end)
        prefix_ok = _context_agrees(anchor.prefix, prefix_score)
        suffix_ok = _context_agrees(anchor.suffix, suffix_score)
        # Both sides of context, or one side and a quote that is nearly unchanged;
        # anything less is a look-alike until proven otherwise. Unsupported
        # candidates still count as rivals below.
        supported = (prefix_ok and suffix_ok) or (
            (prefix_ok or suffix_ok) and quote_score >= FUZZY_ONE_SIDE_QUOTE_MIN
        )
        supported = supported and not _is_former_neighbour(anchor, text[start:end])
        context_score = (prefix_score + suffix_score) / 2
        total = QUOTE_WEIGHT * quote_score + (1 - QUOTE_WEIGHT) * context_score
        scored.append((total, supported, start, end))
    if not scored:
        return Resolution(None, "orphaned", 0.0)
    scored.sort(reverse=True)
    best_total, best_supported, best_start, best_end = scored[0]
    rivals = [s for s in scored[1:] if s[3] <= best_start or s[2] >= best_end]
    runner_total = rivals[0][0] if rivals else 0.0
    if not best_supported or best_total - runner_total < FUZZY_MARGIN:
        return Resolution(None, "orphaned", best_total)
    return Resolution(_moved(anchor, text, best_start, best_end), "fuzzy", best_total)


def reanchor(annotation: Annotation, texts: dict[str, str]) -> Annotation:
    """Re-anchor every side of ``annotation`` against current article ``texts``.

    Args:
        annotation: the stored note.
        texts: current text of the articles, by id. A side whose article is
            missing is left as it is (the article may simply not be loaded).

    Returns:
        The annotation with its spans moved to where the quotes are now, and its
        status. Quotes and context are kept as annotated (see ``Anchor.quote``); the
        current wording is ``text[start:end]``. It is orphaned when any side cannot
        be found: a pair note with one side lost no longer describes a pair.
        Orphaned sides keep their last offsets.
    """
    lost = unknown = False
    sides: list[Anchor | None] = []
    for side in (annotation.anchor, annotation.other):
        if side is None:
            sides.append(side)
        elif side.article_id not in texts:
            unknown = True
            sides.append(side)
        else:
            result = resolve(side, texts[side.article_id])
            lost = lost or result.anchor is None
            found = result.anchor
            sides.append(side if found is None else replace(side, start=found.start, end=found.end))
    primary, other = sides
    assert primary is not None  # the primary side always exists
    status: AnnotationStatus
    if lost:
        status = "orphaned"
    elif unknown:
        # A side we could not check keeps whatever we knew about it.
        status = annotation.status
    else:
        status = "anchored"
    if primary == annotation.anchor and other == annotation.other and status == annotation.status:
        return annotation
    return replace(annotation, anchor=primary, other=other, status=status)


def same_wording(left: str, right: str) -> bool:
    """Whether two quotes read the same once spacing, case and typographic quotes are folded.

    The export uses it to say "the article now reads…" only when the words changed.
    """
    return _normalize(left) == _normalize(right)
