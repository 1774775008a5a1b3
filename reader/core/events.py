"""Group articles into events: the same story told by several outlets.

Method:

1. Each article becomes a bag of stemmed content words from its title and body
   (:func:`reader.core.textnorm.content_word_counts`), title words counted
   :data:`TITLE_WEIGHT` times and capitalised words (names, places) boosted by
   :data:`NAME_WEIGHT`; term counts are dampened with ``1 + log(tf)``.
2. Words are weighted by ``log(1 + (N + B) / df)`` over the articles being grouped
   (:data:`BACKGROUND_DOCUMENTS` ``B``), so words every article uses weigh least.
   Two articles are compared by the cosine of their weighted bags, computed over each
   article's :data:`TOP_TERMS` heaviest words that some other article also uses.
   A small set compares every two articles that share a word; a large one only those
   that share several of their heaviest words (:data:`BLOCKING`, see
   :mod:`reader.core.similarity`), so the cost grows with the library, not its square.
3. Pairs are linked from the most to the least similar (single link, union-find) when
   the cosine reaches :data:`SAME_EVENT` and the merged group spans at most
   :data:`MAX_EVENT_DAYS` of publication dates. Different rounds of talks a week apart
   share most of their vocabulary; the date span is what keeps them apart, unless
   their texts are near copies (:data:`SAME_TEXT`), e.g. a story republished later.
4. Each group gets a stable id from its earliest member (date, then id), so adding a
   later article keeps the id, and the label is the title of its most central member.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from itertools import combinations
from operator import itemgetter

from reader.core.models import Article
from reader.core.similarity import Blocking, dot, similar_pairs
from reader.core.textnorm import content_word_counts

SAME_EVENT = 0.2
"""Cosine from which two articles tell the same story. Full articles by different
outlets on one event share its names, places, figures and key verbs but each adds
much of its own, so their cosine is typically 0.2-0.4 (0.23-0.39 on the sample
corpus, all one event); articles that only share a broad subject (two stories on one
country) share a few common names and fall near 0.05-0.15."""

SAME_TEXT = 0.8
"""Cosine from which two texts are near copies: they group whatever their dates."""

MAX_EVENT_DAYS = 3
"""Largest span of publication dates inside one event. News coverage of one event
clusters within a day or two of it; a week later it is a new development."""

TITLE_WEIGHT = 3
"""A title states the story in a few words; each of its words counts three times."""

TOP_TERMS = 200
"""Each article is compared through its 200 heaviest shared words: about every content
word of a typical news article (so the cosine is nearly exact), while a very long text
cannot make the all-pairs step slow."""

NAME_WEIGHT = 1.5
"""Capitalised words inside sentences (names, places, organisations) identify the
event better than common words."""

EXACT_ARTICLES = 200
"""Up to this many articles, every two that share a word are compared, which finds
every link (in well under a second); more are compared through :data:`BLOCKING`."""

BLOCKING = Blocking(keys=40, min_shared=2, copy_keys=20, copy_shared=6, max_postings=100)
"""Beyond :data:`EXACT_ARTICLES`, two articles close in time are compared only when they
share two of their 40 heaviest words, and two further apart (only a near copy links
those) six of their 20 heaviest. Same-story pairs of the sample corpus inside a
generated library of thousands share 4 to 12 of their 30 heaviest words, unrelated ones
0 or 1; on folders cut from the sample corpus (one dense story, where the heaviest
words are each article's own), these values group exactly as comparing every pair. A
word used by more than 100 articles (a country, a leader) leads only to the 100 latest
of them, so the search stays linear; a story that big still links up through its
other words."""

BACKGROUND_DOCUMENTS = 10
"""IDF is computed as if ten more articles that share none of the words were present.
With a handful of articles all on one story, plain IDF would call the story's own words
worthless (every article has them); the pseudo-documents keep a word shared by all of
a small folder at about half the weight of a word found once, while in a library of
hundreds of articles they change little."""

_CAPITALISED = re.compile(r" ([A-Z][\w'-]+)")
"""A capitalised word after a space; :func:`_names` keeps those inside a sentence."""
_NAME_FOLLOWS = frozenset("abcdefghijklmnopqrstuvwxyz,;:")


def _bag(article: Article) -> dict[str, float]:
    bag: dict[str, float] = {}
    for word, count in content_word_counts(article.title).items():
        bag[word] = bag.get(word, 0.0) + TITLE_WEIGHT * count
    for word, count in content_word_counts(article.text).items():
        bag[word] = bag.get(word, 0.0) + count
    for word, count in content_word_counts(_names(article.text)).items():
        bag[word] = bag.get(word, 0.0) + (NAME_WEIGHT - 1.0) * count
    return bag


def _names(text: str) -> str:
    """Capitalised words that follow a lower-case letter or a comma, colon or semicolon
    and a space: names and places rather than sentence openings."""
    return " ".join(
        match.group(1)
        for match in _CAPITALISED.finditer(text)
        if match.start() and text[match.start() - 1] in _NAME_FOLLOWS
    )


def _vector(bag: dict[str, float], idf: dict[str, float], df: Counter[str]) -> dict[str, float]:
    """The article's :data:`TOP_TERMS` heaviest words found in other articles too.

    Normalised by the length of the *whole* weighted bag, so the result is the article's
    true cosine with any other article, restricted to its key words: words that no other
    article uses still make an article less like the rest.
    """
    log = math.log
    weighted = [(w, (1.0 + log(c)) * idf[w]) for w, c in bag.items() if c >= 1.0]
    norm = math.sqrt(sum(v * v for _, v in weighted)) or 1.0
    shared = [(w, v) for w, v in weighted if df[w] > 1]
    # Heaviest first, ties by word: two stable sorts, much faster than a tuple key.
    shared.sort(key=itemgetter(0))
    shared.sort(key=itemgetter(1), reverse=True)
    return {w: v / norm for w, v in shared[:TOP_TERMS]}


def _day(article: Article) -> int | None:
    try:
        return date.fromisoformat(article.date[:10]).toordinal()
    except ValueError:
        return None


def article_vectors(articles: Sequence[Article]) -> list[dict[str, float]]:
    """Each article's weighted key words (see :func:`_vector`); their dot product is the
    articles' cosine similarity."""
    bags = [_bag(a) for a in articles]
    df: Counter[str] = Counter()
    for bag in bags:
        df.update(bag.keys())
    total = len(articles) + BACKGROUND_DOCUMENTS
    idf = {w: math.log(1.0 + total / n) for w, n in df.items()}
    return [_vector(bag, idf, df) for bag in bags]


def group_events(articles: Sequence[Article]) -> list[Article]:
    """Return the articles (same order) with ``event`` and ``event_label`` filled in."""
    count = len(articles)
    if not count:
        return []
    vectors = article_vectors(articles)
    days = [_day(a) for a in articles]
    similarity = similar_pairs(
        vectors,
        days,
        threshold=SAME_EVENT,
        max_days=MAX_EVENT_DAYS,
        copy_threshold=SAME_TEXT,
        blocking=None if count <= EXACT_ARTICLES else BLOCKING,
    )
    parent = list(range(count))
    span: list[tuple[int, int] | None] = [(d, d) if d is not None else None for d in days]

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    edges = sorted(((score, i, j) for (i, j), score in similarity.items()), reverse=True)
    for score, i, j in edges:
        ri, rj = root(i), root(j)
        if ri == rj:
            continue
        si, sj = span[ri], span[rj]
        merged = si or sj
        if si and sj:
            merged = (min(si[0], sj[0]), max(si[1], sj[1]))
            if merged[1] - merged[0] > MAX_EVENT_DAYS and score < SAME_TEXT:
                continue
        parent[rj] = ri
        span[ri] = merged

    groups: dict[int, list[int]] = {}
    for k in range(count):
        groups.setdefault(root(k), []).append(k)
    result = list(articles)
    for members in groups.values():
        earliest = min(members, key=lambda k: (days[k] is None, days[k] or 0, articles[k].id))
        event_id = "ev-" + hashlib.sha1(articles[earliest].id.encode("utf-8")).hexdigest()[:10]
        central = _most_central(members, vectors)
        label = articles[central].title or articles[earliest].title
        for k in members:
            result[k] = replace(articles[k], event=event_id, event_label=label)
    return result


def _most_central(members: list[int], vectors: Sequence[dict[str, float]]) -> int:
    """The member most similar to the others (the first one on a tie).

    Small groups sum each pair's similarity once and use it from both sides, so a tie is
    exact; a big group compares each member with the sum of all (linear time).
    """
    if len(members) <= _PAIRWISE_CENTRALITY:
        totals = [0.0] * len(members)
        for a, b in combinations(range(len(members)), 2):
            score = dot(vectors[members[a]], vectors[members[b]])
            totals[a] += score
            totals[b] += score
    else:
        summed: dict[str, float] = {}
        for k in members:
            for word, value in vectors[k].items():
                summed[word] = summed.get(word, 0.0) + value
        totals = [dot(vectors[k], summed) - dot(vectors[k], vectors[k]) for k in members]
    best = max(range(len(members)), key=lambda position: (totals[position], -position))
    return members[best]


_PAIRWISE_CENTRALITY = 50
"""Groups up to this size compare members pair by pair; news events are far smaller."""
