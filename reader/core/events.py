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
5. Importing into a library does not regroup it: :func:`attach_events` compares only the
   new articles with the stored ones that could link to them (see its notes) and either
   attaches each to an existing event, keeping that event's id and label, or groups the
   new articles among themselves. A full regroup (``newsreader import --regroup``) is
   :func:`group_events` over the whole library.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from itertools import combinations
from operator import itemgetter

from reader.core.models import Article
from reader.core.similarity import (
    SHORT_WORDS_PER_KEY,
    Blocking,
    dot,
    linkable,
    similar_pairs,
)
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

ATTACH_AT_MOST = 200
"""An import of up to this many articles groups only them (:func:`attach_events`), which
compares them with each other pair by pair; a bigger one regroups the whole library,
whose search grows linearly (users import a few articles at a time; this is a first
import of a folder, or a bulk one)."""

BACKGROUND_DOCUMENTS = 10
"""IDF is computed as if ten more articles that share none of the words were present.
With a handful of articles all on one story, plain IDF would call the story's own words
worthless (every article has them); the pseudo-documents keep a word shared by all of
a small folder at about half the weight of a word found once, while in a library of
hundreds of articles they change little."""

_CAPITALISED = re.compile(r" ([A-Z][\w'-]+)")
"""A capitalised word after a space; :func:`_names` keeps those inside a sentence."""
_NAME_FOLLOWS = frozenset("abcdefghijklmnopqrstuvwxyz,;:")


def article_bag(article: Article) -> dict[str, float]:
    """The article's weighted content-word counts (before IDF): what grouping needs of it,
    and what the library stores so that an import does not count every article again."""
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


def _vector(
    bag: dict[str, float], idf: Mapping[str, float], df: Mapping[str, int]
) -> dict[str, float]:
    """The article's :data:`TOP_TERMS` heaviest words found in other articles too.

    Normalised by the length of the *whole* weighted bag, so the result is the article's
    true cosine with any other article, restricted to its key words: words that no other
    article uses still make an article less like the rest.
    """
    log = math.log
    weighted = [(w, (1.0 + log(c)) * idf[w]) for w, c in bag.items() if c >= 1.0]
    norm = math.sqrt(sum(v * v for _, v in weighted)) or 1.0
    shared = [(w, v) for w, v in weighted if df.get(w, 0) > 1]
    # Heaviest first, ties by word: two stable sorts, much faster than a tuple key.
    shared.sort(key=itemgetter(0))
    shared.sort(key=itemgetter(1), reverse=True)
    return {w: v / norm for w, v in shared[:TOP_TERMS]}


def _weigh(
    bag: dict[str, float], idf: Mapping[str, float], df: Mapping[str, int]
) -> tuple[dict[str, float], list[str], int]:
    """:func:`_vector`, and the heaviest :attr:`Blocking.keys` of *all* the article's
    words (shared or not yet) with their number up to :data:`TOP_TERMS`: what the
    library indexes the article by, since the articles that will share its own words
    are the ones imported later. One sort serves both (filtering keeps the order)."""
    log = math.log
    weighted = [(w, (1.0 + log(c)) * idf[w]) for w, c in bag.items() if c >= 1.0]
    norm = math.sqrt(sum(v * v for _, v in weighted)) or 1.0
    weighted.sort(key=itemgetter(0))
    weighted.sort(key=itemgetter(1), reverse=True)
    shared = [(w, v) for w, v in weighted if df.get(w, 0) > 1][:TOP_TERMS]
    keys = [w for w, _ in weighted[: BLOCKING.keys]]
    return {w: v / norm for w, v in shared}, keys, min(len(weighted), TOP_TERMS)


@dataclass(frozen=True)
class Weighed:
    """Bags weighed against document frequencies: see :func:`weigh_bags`."""

    vectors: list[dict[str, float]]
    """Each bag's vector, as :func:`vectors_from_bags` gives it."""
    keys: list[list[str]]
    """Each bag's heaviest words, shared or not (at most :attr:`Blocking.keys`)."""
    sizes: list[int]
    """How many words each bag weighs (at most :data:`TOP_TERMS`)."""


def article_day(article: Article) -> int | None:
    """The article's publication day number (``date.toordinal``), None when unknown."""
    try:
        return date.fromisoformat(article.date[:10]).toordinal()
    except ValueError:
        return None


_day = article_day


def document_frequencies(bags: Sequence[dict[str, float]]) -> Counter[str]:
    """In how many of ``bags`` each word occurs."""
    df: Counter[str] = Counter()
    for bag in bags:
        df.update(bag.keys())
    return df


def _idf(
    bags: Sequence[dict[str, float]], df: Mapping[str, int], documents: int
) -> dict[str, float]:
    total = documents + BACKGROUND_DOCUMENTS
    log = math.log
    idf: dict[str, float] = {}
    for bag in bags:
        for word in bag:
            if word not in idf:
                idf[word] = log(1.0 + total / max(1, df.get(word, 0)))
    return idf


def vectors_from_bags(
    bags: Sequence[dict[str, float]], df: Mapping[str, int], documents: int
) -> list[dict[str, float]]:
    """Each bag's weighted key words (see :func:`_vector`), given the document frequency
    of (at least) every word of the bags over ``documents`` articles."""
    idf = _idf(bags, df, documents)
    return [_vector(bag, idf, df) for bag in bags]


def weigh_bags(bags: Sequence[dict[str, float]], df: Mapping[str, int], documents: int) -> Weighed:
    """:func:`vectors_from_bags`, with the words the library indexes each bag by."""
    idf = _idf(bags, df, documents)
    weighed = [_weigh(bag, idf, df) for bag in bags]
    return Weighed([w[0] for w in weighed], [w[1] for w in weighed], [w[2] for w in weighed])


def article_vectors(articles: Sequence[Article]) -> list[dict[str, float]]:
    """Each article's weighted key words (see :func:`_vector`); their dot product is the
    articles' cosine similarity."""
    bags = [article_bag(a) for a in articles]
    return vectors_from_bags(bags, document_frequencies(bags), len(articles))


def key_words(vector: dict[str, float]) -> list[str]:
    """The article's :data:`BLOCKING` key words, heaviest first: what an imported article
    is looked up by, among thousands, to find the stored ones to compare it with."""
    return list(vector)[: BLOCKING.keys]


def group_events(articles: Sequence[Article]) -> list[Article]:
    """Return the articles (same order) with ``event`` and ``event_label`` filled in."""
    if not articles:
        return []
    return _group(articles, article_vectors(articles))


@dataclass(frozen=True)
class LibraryGrouping:
    """A full regroup, with what the library stores to import incrementally later."""

    articles: list[Article]
    """The articles with their events, in the order given."""
    bags: list[dict[str, float]]
    """Each article's :func:`article_bag`."""
    df: Counter[str]
    """In how many of the articles each word occurs."""
    weighed: Weighed
    """The bags weighed against ``df``."""


def regroup_library(articles: Sequence[Article]) -> LibraryGrouping:
    """:func:`group_events` over the whole library, keeping its bags, DF and key words."""
    bags = [article_bag(a) for a in articles]
    df = document_frequencies(bags)
    weighed = weigh_bags(bags, df, len(articles))
    grouped = _group(articles, weighed.vectors) if articles else []
    return LibraryGrouping(grouped, bags, df, weighed)


def _group(articles: Sequence[Article], vectors: list[dict[str, float]]) -> list[Article]:
    count = len(articles)
    days = [article_day(a) for a in articles]
    similarity = similar_pairs(
        vectors,
        days,
        threshold=SAME_EVENT,
        max_days=MAX_EVENT_DAYS,
        copy_threshold=SAME_TEXT,
        blocking=None if count <= EXACT_ARTICLES else BLOCKING,
    )
    spans: list[tuple[int, int] | None] = [(d, d) if d is not None else None for d in days]
    edges = [(score, i, j) for (i, j), score in similarity.items()]
    root = _link(edges, spans, [False] * count)
    return _name_groups(articles, range(count), root, days, vectors)


def _link(
    edges: list[tuple[float, int, int]],
    spans: list[tuple[int, int] | None],
    fixed: list[bool],
) -> Callable[[int], int]:
    """Single-link the nodes (``spans`` gives each one's range of days) along ``edges``
    (score, node, node), most similar first, keeping each group within
    :data:`MAX_EVENT_DAYS` unless the link is a near copy. Two groups that both hold a
    ``fixed`` node (an existing event, whose id must not change) are never merged.

    Returns:
        The function from a node to its group's root.
    """
    parent = list(range(len(spans)))
    span = list(spans)
    anchored = list(fixed)

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for score, i, j in sorted(edges, reverse=True):
        ri, rj = root(i), root(j)
        if ri == rj or (anchored[ri] and anchored[rj]):
            continue
        si, sj = span[ri], span[rj]
        merged = si or sj
        if si and sj:
            merged = (min(si[0], sj[0]), max(si[1], sj[1]))
            if merged[1] - merged[0] > MAX_EVENT_DAYS and score < SAME_TEXT:
                continue
        parent[rj] = ri
        span[ri] = merged
        anchored[ri] = anchored[ri] or anchored[rj]
    return root


def _name_groups(
    articles: Sequence[Article],
    nodes: Iterable[int],
    root: Callable[[int], int],
    days: Sequence[int | None],
    vectors: Sequence[dict[str, float]],
) -> list[Article]:
    """``articles`` with the id and label of their group: ``nodes`` (article indices) are
    grouped by ``root``; the id comes from the earliest member (date, then id)."""
    groups: dict[int, list[int]] = {}
    for k in nodes:
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


@dataclass(frozen=True)
class StoredArticle:
    """A library article as grouping sees it: its stored event and word counts."""

    id: str
    day: int | None
    event: str
    event_label: str
    bag: dict[str, float]


Posting = tuple[str, int, int | None, int]
"""A stored article using a key word: its id, the word's rank among its key words, its
day and its number of shared words (the size of its vector)."""


def blocked_neighbours(
    vector: dict[str, float], day: int | None, postings: Mapping[str, Sequence[Posting]]
) -> set[str]:
    """The stored articles that :data:`BLOCKING` lets :func:`group_events` compare with an
    article of this ``vector`` and ``day``, given the stored users of its key words.

    Those close in time (or undated) sharing :attr:`Blocking.min_shared` of the key
    words (fewer for a short article), and those further apart sharing
    :attr:`Blocking.copy_shared` of either one's :attr:`Blocking.copy_keys` heaviest.
    Unlike :func:`group_events` a common word leads to all its users, not only the
    latest :attr:`Blocking.max_postings`: an import compares a few articles, so this
    costs little and misses nothing.
    """
    size = len(vector)
    close: Counter[str] = Counter()
    far: Counter[str] = Counter()
    sizes: dict[str, int] = {}
    for rank, word in enumerate(key_words(vector)):
        for article_id, other_rank, other_day, other_size in postings.get(word, ()):
            sizes[article_id] = other_size
            if day is None or other_day is None or abs(day - other_day) <= MAX_EVENT_DAYS:
                close[article_id] += 1
            elif rank < BLOCKING.copy_keys or other_rank < BLOCKING.copy_keys:
                far[article_id] += 1
    found = {
        article_id
        for article_id, count in close.items()
        if count >= BLOCKING.min_shared
        or count * SHORT_WORDS_PER_KEY >= size
        or count * SHORT_WORDS_PER_KEY >= sizes[article_id]
    }
    found.update(article_id for article_id, count in far.items() if count >= BLOCKING.copy_shared)
    return found


def attach_events(
    new: Sequence[Article],
    new_bags: Sequence[dict[str, float]],
    neighbours: Sequence[StoredArticle],
    event_spans: Mapping[str, tuple[int, int] | None],
    df: Mapping[str, int],
    documents: int,
    compare: Sequence[Collection[str]] | None = None,
) -> list[Article]:
    """The ``new`` articles (same order) with events, without regrouping the library.

    Each new article is compared with the other new ones and with ``neighbours``: the
    stored articles that could link to it (the library's caller picks those dated within
    :data:`MAX_EVENT_DAYS` of it, the undated ones, and the ones sharing enough key words
    to be a near copy; all of a small library). Scores and rules are those of
    :func:`group_events`: the same vectors, thresholds and date span (``event_spans``
    gives each existing event's span over all its members). A new article that links to
    an existing event takes its id and label; the others are grouped among themselves
    and named as :func:`group_events` names groups. Existing articles never move, and two
    existing events are never merged (a new article bridging two events joins the more
    similar one): their ids are what notes and filters refer to. ``newsreader import
    --regroup`` regroups everything from scratch.

    Args:
        new: the articles being imported.
        new_bags: their :func:`article_bag`.
        neighbours: see above (none of them in ``new``).
        event_spans: day range of each neighbour's event (None: all undated).
        df: document frequency of every word of the bags, over ``documents`` articles
            (the whole library, new articles included).
        documents: see ``df``.
        compare: for each new article, the ids of the neighbours to compare it with
            (e.g. :func:`blocked_neighbours`); None compares it with all of them.
    """
    count = len(new)
    if not count:
        return []
    vectors = vectors_from_bags([*new_bags, *(n.bag for n in neighbours)], df, documents)
    days = [article_day(a) for a in new] + [n.day for n in neighbours]
    events = sorted({n.event for n in neighbours})
    event_node = {event: count + position for position, event in enumerate(events)}
    spans: list[tuple[int, int] | None] = [(d, d) if d is not None else None for d in days[:count]]
    spans += [event_spans.get(event) for event in events]
    fixed = [False] * count + [True] * len(events)
    edges: list[tuple[float, int, int]] = []
    for i in range(count):
        others: Iterable[int] = range(i + 1, count + len(neighbours))
        if compare is not None:
            wanted = compare[i]
            others = [*range(i + 1, count)] + [
                count + k for k, n in enumerate(neighbours) if n.id in wanted
            ]
        for j in others:
            score = dot(vectors[i], vectors[j])
            if linkable(
                score,
                days[i],
                days[j],
                threshold=SAME_EVENT,
                max_days=MAX_EVENT_DAYS,
                copy_threshold=SAME_TEXT,
            ):
                node = j if j < count else event_node[neighbours[j - count].event]
                edges.append((score, i, node))
    root = _link(edges, spans, fixed)
    owner = {root(node): event for event, node in event_node.items()}
    labels = {n.event: n.event_label for n in neighbours}
    result = _name_groups(new, range(count), root, days, vectors)
    for k in range(count):
        event = owner.get(root(k))
        if event is not None:
            result[k] = replace(new[k], event=event, event_label=labels[event])
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
