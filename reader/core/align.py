"""Sentence alignment of two articles: which sentences report the same fact, quote or claim.

Method (order-independent, many-to-many):

1. **Verbatim pass.** Sentences identical after normalising case, quotes and
   punctuation (:func:`reader.core.textnorm.normalise_sentence`) always pair, as
   ``verbatim`` with score 1.
2. **Content score.** Every other pair is scored by the IDF-weighted Dice overlap of
   stemmed content words (:mod:`reader.core.scoring`): words shared by the whole story
   weigh little, names, numbers and unusual words shared by two sentences weigh a lot.
   Different words for one notion ("talks"/"negotiations", "truce"/"ceasefire") earn
   partial credit through the paraphrase lexicon (:mod:`reader.core.lexicon`); a
   shared reporting verb ("emphasized", "described") earns none, since attribution is
   not a shared claim.
   Words a sentence uses only in its attribution ("said *in a social media post*") or
   in a short quoted descriptor ('a *"lengthy and highly productive" call*') count
   :data:`reader.core.scoring.ATTRIBUTION_WEIGHT` of their weight
   (:mod:`reader.core.attribution`): the shared content has to be asserted.
3. **Copy evidence.** For candidate pairs below :data:`MIN_SCORE`, rapidfuzz's
   ``token_sort_ratio`` on the normalised full text catches lightly edited copies whose
   words are mostly topic words; a ratio of at least :data:`COPY_RATIO` becomes the score.
4. **Speakers.** When both sentences name who asserts their content and the names
   differ ("Petrov said" / "Hart wrote"), the score is multiplied by
   :data:`SOURCE_CONFLICT` unless they quote the same long passage: who made a claim
   is part of it. An unknown speaker (a pronoun, "analysts") conflicts with nobody.
5. **Competition.** A pair is kept when its score reaches :data:`MIN_SCORE` *and* is at
   least :data:`RELATIVE_TO_BEST` of the best score of at least one of its two
   sentences. The mutual best pair always passes; a sentence that merges several claims
   pairs with each sentence for which it is the (near) best match, but a sentence never
   pairs with everything on the same topic.
6. **Confirmation through the event** (optional ``context``: other articles of the
   same story). Two outlets often word one fact too differently for their words to
   show it ("plans to brief X" / "reached out to X"), while a third outlet's sentence
   pairs with each of them on words of its own. A pair that missed :data:`MIN_SCORE`
   is still kept when (a) some context article has a sentence that is the *mutual
   best* direct match of both of its sentences (it passed steps 1-5 with A's sentence
   and with B's, and each of those is its best partner and it theirs), (b) its own
   score reaches :data:`BRIDGE_FLOOR` of ``min_score`` (the two share content of their
   own, not only the topic) and (c) it passes the same competition rule as every other
   pair. Only mutual best matches serve as links: a broad summary sentence ("the call
   marks a significant step towards ending the war") pairs with several sentences of
   each article and would link them all to each other. No chains;
   ``SentencePair.via`` names the articles that confirmed the pair, so a reader can
   check the link.
7. **Kind.** ``verbatim`` as above; ``near`` when the word diff leaves at least
   :data:`NEAR_SHARED_WORDS` of the words unchanged; otherwise ``paraphrase``.
8. **Word diff** for every pair (:func:`reader.core.worddiff.word_ops`).

``score`` is the similarity used for the decision, in 0..1 (1 for verbatim).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from rapidfuzz import fuzz

from reader.core.attribution import proper_words, resolve_sources, sources_conflict
from reader.core.lexicon import ATTRIBUTION_STEMS, concept_keys
from reader.core.models import Article, Sentence
from reader.core.scoring import (
    ATTRIBUTION_WEIGHT,
    DocumentFrequencies,
    Profile,
    candidate_scores,
    idf_weights,
    profile,
)
from reader.core.sentences import segment
from reader.core.textnorm import content_words, key_words, normalise_sentence, quoted_spans
from reader.core.worddiff import WordOp, diff_words, word_ops

__all__ = [
    "Comparison",
    "DocumentFrequencies",
    "PairKind",
    "SentencePair",
    "Side",
    "WordOp",
    "align",
    "align_many",
    "compare",
    "outlet_counts",
    "word_ops",
]

PairKind = Literal["verbatim", "near", "paraphrase"]

MIN_SCORE = 0.22
"""Weighted Dice a pair needs at all. At about 0.2 the shared words carry a fifth of the
two sentences' combined weight: for typical 20-word news sentences that is two or three
uncommon words in common (a name and a verb, a place and a number), about the least
that states one fact; topic words alone stay well below it. The value was set before
the paraphrase lexicon and the one-sided competition were added and has not been
re-fitted. With the attribution discount and the speaker check, pair F1 on the labelled
sample is 0.59 / 0.61 / 0.66 / 0.61 / 0.59 at 0.20 / 0.21 / 0.22 / 0.23 / 0.24: a sharp
peak (below it topic pairs flood in, above it the weakest true paraphrases drop out),
so held-out performance depends on the threshold staying here; the leave-one-file-out
choice (``bench/accuracy.py --loo``) keeps 0.22 on every fold."""

RELATIVE_TO_BEST = 0.7
"""A pair must reach 70 % of the best score of *at least one* of its sentences. The
mutual best pair always passes; a sentence that combines two or three claims keeps
each partner for which it is (nearly) the best match, even though its own best
partner scores higher. Requiring it of *both* sentences (as before) cut exactly those
one-to-many pairs (pair recall 0.43 -> 0.53 on the labelled sample, leave-one-file-out);
a sentence can still not pair with everything on its topic, because each partner must
be one of *its own* near-best matches or have it as one."""

COPY_RATIO = 0.85
"""``token_sort_ratio`` (0..1) from which two sentences count as a lightly edited copy
whatever their words weigh: at 0.85 roughly one word in seven differs."""

COPY_FLOOR = 0.5
"""Only pairs whose content score reaches half of ``min_score`` are candidates at all
(and get the copy check): below it two sentences share too little content for an edited
copy, and pruning them keeps long articles fast."""

SOURCE_CONFLICT = 0.5
"""A pair whose sentences name different speakers for their claim (both known, no name
in common: "Petrov said ..." against "Hart wrote ...",
:func:`reader.core.attribution.sources`) keeps half its score. The guide keeps claims of
different speakers apart however alike their gist; not a hard veto, because the
speaker proxy reads a few surface patterns and can pick the wrong name in a sentence
that reports two people, so a pair with overwhelming shared content still survives."""

LONG_QUOTE_WORDS = 8
"""Two sentences quoting the same run of at least eight words share the quotation
itself, whoever each says is speaking: the source conflict is then ignored."""

EVIDENCE_WORDS = 6
"""How many shared words ``SentencePair.evidence`` lists: enough to show why two
sentences were paired, short enough for one line of a pane."""

BRIDGE_FLOOR = 0.6
"""A pair confirmed through the event (method step 6) must itself reach 60 % of
``min_score`` (0.13 at the default): the two sentences share content of their own
beyond the topic (a name, a notion), and the context only settles that they report the
same fact. At the candidate floor (50 %) two sentences that share little more than the
topic can be linked by a third that covers both. On the labelled sample, with the
mutual-best links, 0.5 / 0.55 / 0.6 / 0.7 / 0.8 give pair F1 0.71 / 0.71 / 0.71 /
0.70 / 0.68 and sentence F1 0.80 / 0.82 / 0.82 / 0.80 / 0.79 (3 confirmed pairs, all
right, from 0.55 to 0.6; a wrong one joins at 0.5); ``bench/accuracy.py --loo`` chooses
it per held-out file."""

MAX_CONTEXT = 8
"""At most eight other articles of the story are consulted to confirm weak pairs: each
costs two more alignments, and a fact that eight other outlets do not link is not
confirmed by a ninth often enough to pay for it. From a larger event the eight that
share the most words with *both* articles are taken (:func:`_choose_context`)."""

MAX_REPEATS_CROSSED = 16
"""Up to this many verbatim pairs for one repeated text, every copy pairs with every
copy; beyond it copies pair in order, so repeated boilerplate cannot explode the output."""

NEAR_SHARED_WORDS = 0.7
"""``near`` needs at least 70 % of all words unchanged by the word diff: the same main
clause word for word with a few words edited; below it the wording is the outlet's own."""


@dataclass(frozen=True)
class SentencePair:
    """Two sentences, one from each article, that report the same fact, quote or claim."""

    a: int
    """Index into ``Comparison.a_sentences``."""
    b: int
    """Index into ``Comparison.b_sentences``."""
    kind: PairKind
    score: float
    """Similarity in 0..1 that decided the pair (1 for verbatim)."""
    ops: tuple[WordOp, ...] = ()
    """Word-level operations turning the A sentence into the B sentence."""
    evidence: tuple[str, ...] = ()
    """The content words of A the pair was matched on, as written in A, heaviest first
    (at most :data:`EVIDENCE_WORDS`): words both sentences share (reporting verbs aside)
    and words whose paraphrase-lexicon cluster the B sentence shares, for display."""
    via: tuple[str, ...] = ()
    """Ids of the context articles through which a pair below :data:`MIN_SCORE` was
    confirmed (step 6 of the method); empty for a pair that stands on its own score."""


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
        """Sentences of A."""
        return self.a.sentences

    @property
    def b_sentences(self) -> tuple[Sentence, ...]:
        """Sentences of B."""
        return self.b.sentences

    def partners_of_a(self, index: int) -> list[SentencePair]:
        """Pairs whose A side is sentence ``index``."""
        return [p for p in self.pairs if p.a == index]

    def partners_of_b(self, index: int) -> list[SentencePair]:
        """Pairs whose B side is sentence ``index``."""
        return [p for p in self.pairs if p.b == index]

    def unique_a(self) -> list[int]:
        """Indices of A sentences with no partner in B."""
        matched = {p.a for p in self.pairs}
        return [i for i in range(len(self.a.sentences)) if i not in matched]

    def unique_b(self) -> list[int]:
        """Indices of B sentences with no partner in A."""
        matched = {p.b for p in self.pairs}
        return [j for j in range(len(self.b.sentences)) if j not in matched]

    def swapped(self) -> Comparison:
        """The same comparison seen from B: sides, pair indices and word spans mirrored."""
        pairs = tuple(
            SentencePair(
                p.b,
                p.a,
                p.kind,
                p.score,
                tuple(op.mirrored() for op in p.ops),
                p.evidence,
                p.via,
            )
            for p in sorted(self.pairs, key=lambda p: (p.b, p.a))
        )
        return Comparison(self.b, self.a, pairs, dict(self.options))

    def shared_fraction(self, side: Literal["a", "b"]) -> float:
        """Fraction of one side's sentences that have at least one partner."""
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

        kinds = {kind: sum(p.kind == kind for p in self.pairs) for kind in _KINDS}
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
                    "via": list(p.via),
                }
                for p in self.pairs
            ],
            "stats": {
                "shared_a": round(self.shared_fraction("a"), 4),
                "shared_b": round(self.shared_fraction("b"), 4),
                "pairs": len(self.pairs),
                "sentences_a": len(self.a.sentences),
                "sentences_b": len(self.b.sentences),
                **kinds,
            },
        }


_KINDS: tuple[PairKind, ...] = ("verbatim", "near", "paraphrase")


def _verbatim_pairs(a_norm: list[str], b_norm: list[str]) -> set[tuple[int, int]]:
    """Pairs of identical normalised sentences.

    A text repeated a few times pairs every copy with every copy; past
    :data:`MAX_REPEATS_CROSSED` pairs (a "Reply" link left on every comment) copies pair
    in order of appearance instead, so the result stays linear in size.
    """
    a_by_text: dict[str, list[int]] = {}
    b_by_text: dict[str, list[int]] = {}
    for i, text in enumerate(a_norm):
        if text:
            a_by_text.setdefault(text, []).append(i)
    for j, text in enumerate(b_norm):
        if text:
            b_by_text.setdefault(text, []).append(j)
    pairs: set[tuple[int, int]] = set()
    for text, a_indices in a_by_text.items():
        b_indices = b_by_text.get(text)
        if not b_indices:
            continue
        if len(a_indices) * len(b_indices) <= MAX_REPEATS_CROSSED:
            pairs.update((i, j) for i in a_indices for j in b_indices)
        else:
            pairs.update(zip(a_indices, b_indices, strict=False))
    return pairs


@dataclass
class _Scored:
    """Similarity of every candidate pair of two sentence lists, before any decision."""

    scores: dict[tuple[int, int], float]
    """Scores at or above the candidate floor, speaker check applied, verbatim at 1."""
    verbatim: set[tuple[int, int]]
    best_a: dict[int, float]
    best_b: dict[int, float]
    a_profiles: list[Profile]
    b_profiles: list[Profile]
    weights: dict[str, float]


def _score(
    a_sentences: Sequence[Sentence],
    b_sentences: Sequence[Sentence],
    *,
    document_frequencies: DocumentFrequencies | None,
    min_score: float,
    source_conflict: float,
    attribution_weight: float,
) -> _Scored:
    """Steps 1-4 of the method: verbatim pairs, content and copy scores, speakers."""
    a_norm = [normalise_sentence(s.text) for s in a_sentences]
    b_norm = [normalise_sentence(s.text) for s in b_sentences]
    verbatim = _verbatim_pairs(a_norm, b_norm)

    a_profiles = [profile(s.text) for s in a_sentences]
    b_profiles = [profile(s.text) for s in b_sentences]
    weights = idf_weights(a_profiles, b_profiles, document_frequencies)
    floor = min_score * COPY_FLOOR
    candidates = candidate_scores(
        a_profiles, b_profiles, weights, floor=floor, discount=attribution_weight
    )
    scores: dict[tuple[int, int], float] = {}
    copy_cutoff = COPY_RATIO * 100.0
    for (i, j), score in candidates.items():
        a_text, b_text = a_norm[i], b_norm[j]
        if score < min_score and abs(len(a_text) - len(b_text)) <= (1.0 - COPY_RATIO) * (
            len(a_text) + len(b_text)
        ):
            ratio = fuzz.token_sort_ratio(a_text, b_text, score_cutoff=copy_cutoff) / 100.0
            if ratio >= COPY_RATIO:
                score = ratio
        scores[(i, j)] = score
    if source_conflict < 1.0 and scores:
        _penalise_source_conflicts(scores, a_sentences, b_sentences, source_conflict)
        for key in [key for key, score in scores.items() if score < floor]:
            del scores[key]
    for key in verbatim:
        scores[key] = 1.0
    best_a: dict[int, float] = {}
    best_b: dict[int, float] = {}
    for (i, j), score in scores.items():
        if score > best_a.get(i, 0.0):
            best_a[i] = score
        if score > best_b.get(j, 0.0):
            best_b[j] = score
    return _Scored(scores, verbatim, best_a, best_b, a_profiles, b_profiles, weights)


def _competes(scored: _Scored, key: tuple[int, int], relative_to_best: float) -> bool:
    """Step 5: the pair is close to the best match of at least one of its sentences."""
    i, j = key
    return key in scored.verbatim or scored.scores[key] >= relative_to_best * min(
        scored.best_a[i], scored.best_b[j]
    )


def _accepted(scored: _Scored, min_score: float, relative_to_best: float) -> set[tuple[int, int]]:
    """Pairs that stand on their own score (steps 1-5)."""
    return {
        key
        for key, score in scored.scores.items()
        if score >= min_score and _competes(scored, key, relative_to_best)
    }


def align(
    a_sentences: Sequence[Sentence],
    b_sentences: Sequence[Sentence],
    *,
    context: Sequence[tuple[str, Sequence[Sentence]]] = (),
    document_frequencies: DocumentFrequencies | None = None,
    min_score: float = MIN_SCORE,
    relative_to_best: float = RELATIVE_TO_BEST,
    source_conflict: float = SOURCE_CONFLICT,
    attribution_weight: float = ATTRIBUTION_WEIGHT,
    bridge_floor: float = BRIDGE_FLOOR,
) -> list[SentencePair]:
    """Pair sentences of A with sentences of B that report the same thing.

    Args:
        a_sentences: Sentences of article A.
        b_sentences: Sentences of article B.
        context: Other articles of the same story as ``(id, sentences)``; a weak pair
            that a sentence of one of them links on both sides is confirmed (step 6 of
            the method). At most :data:`MAX_CONTEXT` are used.
        document_frequencies: Sentence frequencies over a larger corpus (an event or the
            library) used for word weights; default: the two articles themselves.
        min_score: Absolute floor for a pair's score (see :data:`MIN_SCORE`).
        relative_to_best: Competition margin (see :data:`RELATIVE_TO_BEST`).
        source_conflict: Score factor for different speakers (see :data:`SOURCE_CONFLICT`;
            1 turns the check off).
        attribution_weight: Weight factor of attribution-only words (see
            :data:`reader.core.scoring.ATTRIBUTION_WEIGHT`).
        bridge_floor: Fraction of ``min_score`` a pair confirmed through the context
            must reach (see :data:`BRIDGE_FLOOR`).

    Returns:
        Pairs sorted by ``(a, b)``; a sentence may appear in several.
    """
    settings = _Settings(
        document_frequencies,
        min_score,
        relative_to_best,
        source_conflict,
        attribution_weight,
        bridge_floor,
    )
    links = [
        (
            context_id,
            settings.links(a_sentences, sentences),
            settings.links(sentences, b_sentences),
        )
        # The first MAX_CONTEXT; compare() and align_many() pass the most useful first.
        for context_id, sentences in context[:MAX_CONTEXT]
    ]
    return settings.pairs(a_sentences, b_sentences, links)


@dataclass(frozen=True)
class _Settings:
    """The options of one alignment run, shared by the direct and the bridged steps."""

    document_frequencies: DocumentFrequencies | None
    min_score: float
    relative_to_best: float
    source_conflict: float
    attribution_weight: float
    bridge_floor: float = BRIDGE_FLOOR

    def score(self, a: Sequence[Sentence], b: Sequence[Sentence]) -> _Scored:
        return _score(
            a,
            b,
            document_frequencies=self.document_frequencies,
            min_score=self.min_score,
            source_conflict=self.source_conflict,
            attribution_weight=self.attribution_weight,
        )

    def links(self, a: Sequence[Sentence], b: Sequence[Sentence]) -> set[tuple[int, int]]:
        """Direct pairs of two sentence lists (steps 1-5) that are each other's best
        match: the only pairs trusted as links to confirm another pair (step 6)."""
        scored = self.score(a, b)
        return {
            (i, j)
            for i, j in _accepted(scored, self.min_score, self.relative_to_best)
            if scored.scores[(i, j)] >= max(scored.best_a[i], scored.best_b[j])
        }

    def pairs(
        self,
        a_sentences: Sequence[Sentence],
        b_sentences: Sequence[Sentence],
        links: Sequence[tuple[str, set[tuple[int, int]], set[tuple[int, int]]]],
    ) -> list[SentencePair]:
        """Decide and describe the pairs of A and B, with ``links`` as
        ``(context id, link pairs A-C, link pairs C-B)`` for step 6."""
        scored = self.score(a_sentences, b_sentences)
        chosen = _accepted(scored, self.min_score, self.relative_to_best)
        via: dict[tuple[int, int], list[str]] = {}
        floor = self.bridge_floor * self.min_score
        for context_id, a_to_c, c_to_b in links:
            by_c: dict[int, list[int]] = {}
            for k, j in c_to_b:
                by_c.setdefault(k, []).append(j)
            for i, k in a_to_c:
                for j in by_c.get(k, ()):
                    key = (i, j)
                    if key in chosen or scored.scores.get(key, 0.0) < floor:
                        continue
                    if not _competes(scored, key, self.relative_to_best):
                        continue
                    names = via.setdefault(key, [])
                    if context_id not in names:
                        names.append(context_id)
        pairs = [
            _describe(scored, key, a_sentences, b_sentences, tuple(via.get(key, ())))
            for key in sorted(chosen | via.keys())
        ]
        return pairs


def _describe(
    scored: _Scored,
    key: tuple[int, int],
    a_sentences: Sequence[Sentence],
    b_sentences: Sequence[Sentence],
    via: tuple[str, ...],
) -> SentencePair:
    """Steps 7-8 for one chosen pair: kind, word diff and the evidence words."""
    i, j = key
    score = scored.scores[key]
    a_text, b_text = a_sentences[i].text, b_sentences[j].text
    ops, unchanged = diff_words(a_text, b_text)
    kind: PairKind
    if key in scored.verbatim:
        kind = "verbatim"
    elif unchanged >= NEAR_SHARED_WORDS:
        kind = "near"
    else:
        kind = "paraphrase"
    a_profile, b_profile = scored.a_profiles[i], scored.b_profiles[j]
    shared = a_profile.words & b_profile.words
    credit = _evidence_keys(a_profile, b_profile, shared, scored.weights)
    words = key_words(a_text, set(credit))
    ranked = sorted(
        words, key=lambda w: -max((credit.get(k, 0.0) for k in content_words(w)), default=0.0)
    )
    return SentencePair(i, j, kind, min(1.0, score), ops, tuple(ranked[:EVIDENCE_WORDS]), via)


def _penalise_source_conflicts(
    scores: dict[tuple[int, int], float],
    a_sentences: Sequence[Sentence],
    b_sentences: Sequence[Sentence],
    factor: float,
) -> None:
    """Scale down the scores of pairs whose sentences name different speakers."""
    proper = proper_words(s.text for s in (*a_sentences, *b_sentences))
    a_texts = [s.text for s in a_sentences]
    b_texts = [s.text for s in b_sentences]
    a_sources: dict[int, frozenset[str]] = {}
    b_sources: dict[int, frozenset[str]] = {}
    for i, j in list(scores):
        if i not in a_sources:
            a_sources[i] = resolve_sources(a_texts, i, proper)
        if not a_sources[i]:
            continue
        if j not in b_sources:
            b_sources[j] = resolve_sources(b_texts, j, proper)
        if sources_conflict(a_sources[i], b_sources[j]) and not _share_long_quote(
            a_texts[i], b_texts[j]
        ):
            scores[(i, j)] *= factor


def _share_long_quote(a_text: str, b_text: str) -> bool:
    """True when a quotation of A and one of B share a run of :data:`LONG_QUOTE_WORDS`."""
    a_quotes = [normalise_sentence(q).split() for q in quoted_spans(a_text)]
    b_quotes = [normalise_sentence(q).split() for q in quoted_spans(b_text)]
    n = LONG_QUOTE_WORDS
    a_runs = {tuple(words[k : k + n]) for words in a_quotes for k in range(len(words) - n + 1)}
    return any(
        tuple(words[k : k + n]) in a_runs for words in b_quotes for k in range(len(words) - n + 1)
    )


def _evidence_keys(
    a: Profile, b: Profile, shared: frozenset[str], weights: dict[str, float]
) -> dict[str, float]:
    """Stems of A that made the pair, with the credit each earned: shared words (not
    reporting verbs) at their weight, and A's words whose paraphrase cluster the B
    sentence shares (without an exact shared word) at the cluster's partial weight."""
    keys = {word: weights.get(word, 0.0) for word in shared - ATTRIBUTION_STEMS}
    concepts = a.concepts & b.concepts
    if concepts:
        for word in shared:
            concepts -= concept_keys(word)
        for word in a.words:
            matched = concept_keys(word) & concepts
            if matched:
                keys[word] = max(weights.get(key, 0.0) for key in matched)
    return keys


def _side(item: Article | str, fallback_id: str) -> Side:
    if isinstance(item, Article):
        return Side(item.id, item.outlet, item.title, tuple(segment(item.text)))
    return Side(fallback_id, "", "", tuple(segment(item)))


def compare(
    a: Article | str,
    b: Article | str,
    *,
    context: Sequence[Article | str] = (),
    **options: Any,
) -> Comparison:
    """Compare two articles (or plain texts) sentence by sentence.

    ``context`` holds other articles of the same story: a weak pair that one of them
    links on both sides is confirmed (see the module's method, step 6; without context
    the two articles are judged alone). Other options are passed to :func:`align`
    (``document_frequencies``, ``min_score``, ``relative_to_best``, ...) and recorded in
    ``Comparison.options``.
    """
    side_a, side_b = _side(a, "a"), _side(b, "b")
    chosen = list(range(len(context)))
    if len(context) > MAX_CONTEXT:
        chosen = _choose_context(_words(a), _words(b), [_words(item) for item in context])
    others = [_side(context[n], f"c{n}") for n in chosen]
    pairs = align(
        side_a.sentences,
        side_b.sentences,
        context=[(side.id, side.sentences) for side in others],
        **options,
    )
    return Comparison(side_a, side_b, tuple(pairs), _recorded(options, others))


def _words(item: Article | str) -> frozenset[str]:
    """The stemmed content words of a whole article (for choosing context)."""
    return frozenset(content_words(item.text if isinstance(item, Article) else item))


def _choose_context(
    a_words: frozenset[str], b_words: frozenset[str], candidates: Sequence[frozenset[str]]
) -> list[int]:
    """Indices of the :data:`MAX_CONTEXT` candidates most useful as links between A and
    B: ranked by the smaller of their word overlaps with A and with B (a link must share
    content with both), ties in the given order; returned in the given order."""
    ranked = sorted(
        range(len(candidates)),
        key=lambda n: -min(len(candidates[n] & a_words), len(candidates[n] & b_words)),
    )
    return sorted(ranked[:MAX_CONTEXT])


def _recorded(options: dict[str, Any], context: Sequence[Side]) -> dict[str, Any]:
    """The options as given, plus the context used: ``context`` (ids) and
    ``context_labels`` (id -> outlet, or the title when the outlet is unknown)."""
    recorded = dict(options)
    if context:
        used = context[:MAX_CONTEXT]
        recorded["context"] = [side.id for side in used]
        recorded["context_labels"] = {side.id: side.outlet or side.title for side in used}
    return recorded


def align_many(
    a: Article | str, others: Sequence[Article | str], *, bridge: bool = True, **options: Any
) -> list[Comparison]:
    """Compare one article against several others in one call (A is segmented once).

    With ``bridge`` (the default) the others are each comparison's context, as when
    they are the rest of one story: each comparison is exactly what
    ``compare(a, b, context=<the others but b>)`` gives (every article is segmented
    once and every direct alignment made once), so the N-way counts agree with every
    pairwise view made with the same context.
    """
    side_a = _side(a, "a")
    sides = [_side(other, f"b{n}") for n, other in enumerate(others)]
    words = [_words(other) for other in others] if len(others) > MAX_CONTEXT + 1 else []
    a_words = _words(a) if words else frozenset()
    context_options = {k: v for k, v in options.items() if k != "context"}
    settings = _Settings(
        context_options.pop("document_frequencies", None),
        context_options.pop("min_score", MIN_SCORE),
        context_options.pop("relative_to_best", RELATIVE_TO_BEST),
        context_options.pop("source_conflict", SOURCE_CONFLICT),
        context_options.pop("attribution_weight", ATTRIBUTION_WEIGHT),
        context_options.pop("bridge_floor", BRIDGE_FLOOR),
    )
    if context_options:
        raise TypeError(f"unknown options: {', '.join(sorted(context_options))}")
    direct: dict[tuple[int, int], set[tuple[int, int]]] = {}

    def links(x: int, y: int) -> set[tuple[int, int]]:
        """Link pairs between side x and side y (-1 is A), each computed once."""
        if (x, y) not in direct:
            if (y, x) in direct:
                direct[(x, y)] = {(q, p) for p, q in direct[(y, x)]}
            else:
                left = side_a if x < 0 else sides[x]
                right = side_a if y < 0 else sides[y]
                direct[(x, y)] = settings.links(left.sentences, right.sentences)
        return direct[(x, y)]

    results: list[Comparison] = []
    for n, side in enumerate(sides):
        context = [m for m in range(len(sides)) if m != n] if bridge else []
        if len(context) > MAX_CONTEXT:
            picked = _choose_context(a_words, words[n], [words[m] for m in context])
            context = [context[k] for k in picked]
        pairs = settings.pairs(
            side_a.sentences,
            side.sentences,
            [(sides[m].id, links(-1, m), links(m, n)) for m in context],
        )
        results.append(
            Comparison(side_a, side, tuple(pairs), _recorded(options, [sides[m] for m in context]))
        )
    return results


def outlet_counts(comparisons: Sequence[Comparison]) -> list[int]:
    """For each sentence of the common A article, in how many comparisons it has a partner.

    ``comparisons`` come from :func:`align_many` (all share the same A side).
    """
    if not comparisons:
        return []
    counts = [0] * len(comparisons[0].a.sentences)
    for comparison in comparisons:
        for index in {p.a for p in comparison.pairs}:
            if index < len(counts):
                counts[index] += 1
    return counts
