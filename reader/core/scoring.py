"""Sentence similarity for alignment: IDF-weighted overlap of content words.

Each sentence becomes a *profile*: the set of its stemmed content words
(:func:`reader.core.textnorm.content_words`). Two sentences are compared by the
**weighted Dice coefficient** of their profiles::

    score(a, b) = 2 * sum(w(t) for t in a & b) / (sum(w(t) for t in a) + sum(w(t) for t in b))

where ``w(t)`` is the inverse document frequency of ``t`` over the *sentences of the
event* (both articles, or a larger corpus passed in), times :data:`NUMBER_WEIGHT` for
numbers. A word that occurs in most sentences of the story ("Trump", "Ukraine",
"talks") therefore weighs little, and a word that the two sentences alone share (a
name, a place, a figure, an unusual verb) weighs a lot. Dice rather than containment
keeps a long sentence from matching every short sentence whose few words it happens to
contain; rather than cosine, because it is less lenient with very unequal lengths.

**Soft matches.** Two sentences that use different words for one notion get partial
credit through *concept keys*: the clusters of the paraphrase lexicon
(:mod:`reader.core.lexicon`, English only), so "talks" in one sentence and
"negotiations" in the other share the talks cluster. A concept key adds to the shared
weight but never to a sentence's own mass (so it can only raise a score), weighs
:data:`LEXICON_CREDIT` times its own IDF (the document frequency of the *cluster*, so a
cluster that runs through the whole story weighs next to nothing), and counts only when
no exact shared word already realises it (``negotiations`` on both sides is not counted
twice).

**Attribution is not content.** Words a sentence has only in its attribution or in a
short quoted descriptor weigh :data:`ATTRIBUTION_WEIGHT` of their weight
(:mod:`reader.core.attribution`), in its own mass and in what it shares.

**Reporting verbs.** A shared reporting verb ("described", "emphasized";
:data:`reader.core.lexicon.REPORTING_VERBS`) adds nothing to the shared weight: two
sentences that both *emphasize* something share how it was said, not what.

Candidate pairs come from an inverted index, so the cost grows with the number of
sentence pairs that share a reasonably rare word, not with ``len(a) * len(b)``.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from reader.core.attribution import attribution_words
from reader.core.lexicon import ATTRIBUTION_STEMS, concept_keys
from reader.core.textnorm import content_words, is_number

NUMBER_WEIGHT = 1.5
"""Numbers, years and dates are specific facts (a count, a date, a sum): a shared number
counts one and a half times its rarity. Not larger, because a bare year or "two" often
is context, not the claim."""

CANDIDATE_MAX_DF = 0.2
"""A word found in more than a fifth of the event's sentences does not by itself make
two sentences candidates (it still counts in their score once they are). Such words
are the topic; skipping their postings keeps the all-pairs step fast on long texts."""

LEXICON_CREDIT = 0.6
"""A lexicon synonym counts 0.6 of its cluster's weight: a different word for the same
notion is good evidence but weaker than the same word (the cluster may hold a near-
rather than exact synonym, and the outlet may have chosen it for a reason)."""

ATTRIBUTION_WEIGHT = 0.1
"""A word that a sentence uses only in its attribution or in a short quoted descriptor
(:func:`reader.core.attribution.attribution_words`: "said *in a social media post*",
"a *'lengthy and highly productive'* call") counts a tenth of its weight, in the
sentence's own mass and in what it shares; a shared word counts at the lower factor of
its two sentences. The guide holds that an attribution or a presupposed modifier alone
never makes two sentences report the same claim, hence far below one; not zero, since
the proxy reads surface patterns and may cut into the assertion. Measured on the
labelled sample at ``min_score`` 0.22: 1.0 (off) 26 TP / 10 FP, 0.5 25/9, 0.3 26/9,
0.1-0.15 27/6, 0 27/6; see ``bench/accuracy.py --loo`` for the held-out caveat."""

MIN_CANDIDATE_SCORE = 0.05
"""Pairs below this weighted Dice are dropped before any other work: they share
nothing but a stray word. Far below every acceptance threshold in ``align``."""


@dataclass(frozen=True)
class Profile:
    """The bag of stemmed content words of one sentence, and its concept keys."""

    words: frozenset[str]
    concepts: frozenset[str] = frozenset()
    """Lexicon cluster keys (``~n``) of the words."""
    discounted: frozenset[str] = frozenset()
    """Words and concept keys found only in the sentence's attribution or a short quoted
    descriptor; they count :data:`ATTRIBUTION_WEIGHT` of their weight."""


@dataclass(frozen=True)
class DocumentFrequencies:
    """How many sentences of a corpus contain each stemmed content word.

    Pass one to ``compare(..., document_frequencies=...)`` to weight words by their
    rarity across a whole event or library instead of the two articles alone.
    """

    counts: Mapping[str, int]
    total: int
    """Number of sentences counted."""

    @classmethod
    def from_texts(cls, sentence_texts: Iterable[str]) -> DocumentFrequencies:
        """Count over sentence texts (e.g. every sentence of every article of an event)."""
        counts: Counter[str] = Counter()
        total = 0
        for text in sentence_texts:
            item = profile(text, attribution=False)
            counts.update(item.words)
            counts.update(item.concepts)
            total += 1
        return cls(dict(counts), total)


def profile(text: str, *, attribution: bool = True) -> Profile:
    """The content-word profile of one sentence.

    ``attribution=False`` skips finding attribution-only words (document frequencies
    count every word alike and need not pay for it).
    """
    words = frozenset(content_words(text))
    concepts: set[str] = set()
    for word in words:
        concepts.update(concept_keys(word))
    attributed = attribution_words(text) & words if attribution else frozenset()
    if not attributed:
        return Profile(words, frozenset(concepts))
    asserted: set[str] = set()
    for word in words - attributed:
        asserted.update(concept_keys(word))
    discounted = attributed | (concepts - asserted)
    return Profile(words, frozenset(concepts), frozenset(discounted))


def mass(
    item: Profile, weights: Mapping[str, float], discount: float = ATTRIBUTION_WEIGHT
) -> float:
    """A sentence's own weight: its words' weights, attribution-only words discounted."""
    total = sum(weights[w] for w in item.words)
    if item.discounted:
        total -= (1.0 - discount) * sum(weights[w] for w in item.words & item.discounted)
    return total


def shared_weight(
    a: Profile, b: Profile, weights: Mapping[str, float], discount: float = ATTRIBUTION_WEIGHT
) -> float:
    """Weight two profiles share: exact words in full, unrealised concept keys in part;
    a word or key either sentence has only in its attribution counts ``discount`` of it."""
    shared = a.words & b.words
    lowered = a.discounted | b.discounted
    total = 0.0
    for word in shared:
        if word not in ATTRIBUTION_STEMS:
            total += weights[word] * (discount if word in lowered else 1.0)
    concepts = a.concepts & b.concepts
    if concepts:
        for word in shared:
            concepts -= concept_keys(word)
        for key in concepts:
            total += weights[key] * (discount if key in lowered else 1.0)
    return total


def idf_weights(
    a_profiles: Sequence[Profile],
    b_profiles: Sequence[Profile],
    corpus: DocumentFrequencies | None = None,
) -> dict[str, float]:
    """Weight of every word of the two articles: smoothed IDF, numbers boosted.

    ``idf(t) = log((N + 1) / (df(t) + 0.5))``: the +1/+0.5 smoothing keeps a word that
    occurs in every sentence slightly positive, so it still breaks ties between
    otherwise identical sentences. With a corpus, its counts are used and words it
    never saw fall back to their count in the two articles.
    """
    local: Counter[str] = Counter()
    for item in (*a_profiles, *b_profiles):
        local.update(item.words)
        local.update(item.concepts)
    if corpus is not None and corpus.total > 0:
        total = max(corpus.total, 1)

        def frequency(word: str) -> int:
            return corpus.counts.get(word, 0) or local[word]

    else:
        total = len(a_profiles) + len(b_profiles)

        def frequency(word: str) -> int:
            return local[word]

    weights: dict[str, float] = {}
    for word in local:
        idf = math.log((total + 1) / (min(frequency(word), total) + 0.5))
        if word.startswith("~"):
            weights[word] = idf * LEXICON_CREDIT
        else:
            weights[word] = idf * (NUMBER_WEIGHT if is_number(word) else 1.0)
    return weights


def candidate_scores(
    a_profiles: Sequence[Profile],
    b_profiles: Sequence[Profile],
    weights: Mapping[str, float],
    floor: float = MIN_CANDIDATE_SCORE,
    discount: float = ATTRIBUTION_WEIGHT,
) -> dict[tuple[int, int], float]:
    """Weighted Dice (with soft matches) of every pair sharing a not-too-common key.

    The shared weight of the rarer words, and an upper bound for the rarer concept
    keys, are accumulated through an inverted index of B; pairs that cannot reach
    ``floor`` even if every common key were shared are dropped. The rest are completed
    exactly: the common words they share, and (only when both sentences have concept
    keys) the full :func:`shared_weight`. Returns a sparse map ``(i, j) -> score``.
    Reporting verbs earn no credit and are not indexed.
    """
    sentence_count = len(a_profiles) + len(b_profiles)
    max_postings = max(2, int(CANDIDATE_MAX_DF * sentence_count))
    frequency: Counter[str] = Counter()
    for item in (*a_profiles, *b_profiles):
        frequency.update(item.words)
        frequency.update(item.concepts)
    # Decided over both sides, so that swapping A and B gives the same candidates.
    common = {w for w, n in frequency.items() if n > max_postings} | ATTRIBUTION_STEMS
    postings: dict[str, list[int]] = {}
    b_mass: list[float] = []
    b_common_mass: list[float] = []
    for j, item in enumerate(b_profiles):
        keys = item.words | item.concepts
        for key in keys - common:
            postings.setdefault(key, []).append(j)
        b_mass.append(mass(item, weights, discount))
        b_common_mass.append(sum(weights[w] for w in keys & common))
    scores: dict[tuple[int, int], float] = {}
    half_floor = 0.5 * floor
    for i, item in enumerate(a_profiles):
        a_mass = mass(item, weights, discount)
        if a_mass <= 0:
            continue
        a_common = (item.words | item.concepts) & common
        a_common_words = (item.words & common) - ATTRIBUTION_STEMS
        a_common_mass = sum(weights[w] for w in a_common)
        exact: defaultdict[int, float] = defaultdict(float)
        for word in item.words - common:
            weight = weights[word]
            for j in postings.get(word, ()):
                exact[j] += weight
        soft: defaultdict[int, float] = defaultdict(float)
        for key in item.concepts - common:
            weight = weights[key]
            for j in postings.get(key, ()):
                soft[j] += weight
        for j in soft.keys() - exact.keys():
            exact[j] = 0.0
        for j, partial in exact.items():
            total = a_mass + b_mass[j]
            common_bound = b_common_mass[j]
            if a_common_mass < common_bound:
                common_bound = a_common_mass
            if partial + soft.get(j, 0.0) + common_bound < half_floor * total:
                continue  # cannot reach the floor even if every common key is shared
            other = b_profiles[j]
            if (item.concepts and other.concepts) or item.discounted or other.discounted:
                shared = shared_weight(item, other, weights, discount)
            else:
                shared = partial + sum(weights[w] for w in a_common_words & other.words)
            score = 2.0 * shared / total
            if score >= floor:
                scores[(i, j)] = min(1.0, score)
    return scores
