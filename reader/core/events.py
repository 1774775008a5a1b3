"""Group articles into events: the same story told by several outlets.

Method:

1. Each article becomes a bag of stemmed content words from its title and body
   (:func:`reader.core.textnorm.content_words`), title words counted
   :data:`TITLE_WEIGHT` times and capitalised words (names, places) boosted by
   :data:`NAME_WEIGHT`; term counts are dampened with ``1 + log(tf)``.
2. Words are weighted by ``log(1 + (N + B) / df)`` over the articles being grouped
   (:data:`BACKGROUND_DOCUMENTS` ``B``), so words every article uses weigh least.
   Two articles are compared by the cosine of their weighted bags, computed over each
   article's :data:`TOP_TERMS` heaviest words that some other article also uses
   (through an inverted index, so a large library stays fast).
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

from reader.core.models import Article
from reader.core.textnorm import content_words

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

BACKGROUND_DOCUMENTS = 10
"""IDF is computed as if ten more articles that share none of the words were present.
With a handful of articles all on one story, plain IDF would call the story's own words
worthless (every article has them); the pseudo-documents keep a word shared by all of
a small folder at about half the weight of a word found once, while in a library of
hundreds of articles they change little."""

_CAPITALISED = re.compile(r"(?<=[a-z,;:] )[A-Z][\w'-]+")


def _bag(article: Article) -> dict[str, float]:
    bag: dict[str, float] = {}
    for word in content_words(article.title):
        bag[word] = bag.get(word, 0.0) + TITLE_WEIGHT
    for word in content_words(article.text):
        bag[word] = bag.get(word, 0.0) + 1.0
    for word in content_words(" ".join(_CAPITALISED.findall(article.text))):
        bag[word] = bag.get(word, 0.0) + NAME_WEIGHT - 1.0
    return bag


def _vector(bag: dict[str, float], idf: dict[str, float], df: Counter[str]) -> dict[str, float]:
    """The article's :data:`TOP_TERMS` heaviest words found in other articles too.

    Normalised by the length of the *whole* weighted bag, so the result is the article's
    true cosine with any other article, restricted to its key words: words that no other
    article uses still make an article less like the rest.
    """
    weighted = {w: (1.0 + math.log(c)) * idf[w] for w, c in bag.items() if c >= 1.0}
    norm = math.sqrt(sum(v * v for v in weighted.values())) or 1.0
    shared = [(w, v) for w, v in weighted.items() if df[w] > 1]
    top = sorted(shared, key=lambda item: (-item[1], item[0]))[:TOP_TERMS]
    return {w: v / norm for w, v in top}


def _day(article: Article) -> int | None:
    try:
        return date.fromisoformat(article.date[:10]).toordinal()
    except ValueError:
        return None


def article_similarities(articles: Sequence[Article]) -> list[dict[int, float]]:
    """Cosine similarity of every pair of articles that share a key word.

    Returns one sparse row per article: ``{other_index: cosine}`` (itself excluded).
    Dot products run over an inverted index, so the cost grows with the number of
    articles that share key words, not with the square of the library size.
    """
    bags = [_bag(a) for a in articles]
    df: Counter[str] = Counter()
    for bag in bags:
        df.update(bag.keys())
    total = len(articles) + BACKGROUND_DOCUMENTS
    idf = {w: math.log(1.0 + total / n) for w, n in df.items()}
    vectors = [_vector(bag, idf, df) for bag in bags]
    postings: dict[str, list[tuple[int, float]]] = {}
    for index, vector in enumerate(vectors):
        for word, value in vector.items():
            postings.setdefault(word, []).append((index, value))
    rows: list[dict[int, float]] = [{} for _ in articles]
    for word_postings in postings.values():
        for position, (i, u) in enumerate(word_postings):
            row = rows[i]
            for j, v in word_postings[position + 1 :]:
                row[j] = row.get(j, 0.0) + u * v
    for i, row in enumerate(rows):
        for j, value in row.items():
            if j > i:
                rows[j][i] = value
    return rows


def group_events(articles: Sequence[Article]) -> list[Article]:
    """Return the articles (same order) with ``event`` and ``event_label`` filled in."""
    count = len(articles)
    if not count:
        return []
    similarity = article_similarities(articles)
    days = [_day(a) for a in articles]
    parent = list(range(count))
    span: list[tuple[int, int] | None] = [(d, d) if d is not None else None for d in days]

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    edges = sorted(
        ((score, i, j) for i, row in enumerate(similarity) for j, score in row.items() if j > i),
        reverse=True,
    )
    for score, i, j in edges:
        if score < SAME_EVENT:
            break
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
        central = max(
            members,
            key=lambda k: (sum(similarity[k].get(m, 0.0) for m in members), -members.index(k)),
        )
        label = articles[central].title or articles[earliest].title
        for k in members:
            result[k] = replace(articles[k], event=event_id, event_label=label)
    return result
