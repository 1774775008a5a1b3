"""Pairs of similar articles among thousands, without comparing every two.

Articles are sparse vectors (``{word: weight}``, norm at most 1, heaviest word first),
so a dot product is a cosine. :func:`similar_pairs` finds the pairs that reach a
threshold when close in time, or a higher one whatever their dates. Comparing every
two articles that share a word finds all of them but costs the square of the library:
everyday words make every article look a little like every other. With a
:class:`Blocking`, two articles are compared only when they share several *key words*
(each one's heaviest words): articles on one story share its names, places and
figures, which weigh most in each of them. Articles are visited in date order, so the
ones close in time to an article are the tail of each word's list of users.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import islice

Vector = dict[str, float]

SHORT_WORDS_PER_KEY = 10
"""A short article is compared on fewer shared key words: one for every ten of its words.
In a brief of a dozen words, one shared name can carry a cosine of 0.2."""


@dataclass(frozen=True)
class Blocking:
    """Which articles are compared at all, for a large set."""

    keys: int
    """How many of each article's heaviest words are its key words."""
    min_shared: int
    """Key words two articles close in time must share to be compared. A short article
    (fewer than ten words per shared key word) is compared on fewer."""
    copy_keys: int
    """How many of their heaviest words two articles far apart in time are compared on:
    only near copies link across dates, and a near copy shares most of them..."""
    copy_shared: int
    """...at least this many."""
    max_postings: int
    """Per key word, only the articles that last used it (this many) are looked at, so
    a word common to a large part of the library costs no more than a rare one."""


def dot(left: Vector, right: Vector) -> float:
    """Dot product of two sparse vectors, exactly rounded, so it never depends on order."""
    return math.fsum([left[word] * right[word] for word in left.keys() & right.keys()])


def linkable(
    score: float,
    day: int | None,
    other_day: int | None,
    *,
    threshold: float,
    max_days: int,
    copy_threshold: float,
) -> bool:
    """Whether two vectors with dot product ``score`` qualify as in :func:`similar_pairs`."""
    if score >= copy_threshold:
        return True
    close = day is None or other_day is None or abs(day - other_day) <= max_days
    return close and score >= threshold


def similar_pairs(
    vectors: Sequence[Vector],
    days: Sequence[int | None],
    *,
    threshold: float,
    max_days: int,
    copy_threshold: float,
    blocking: Blocking | None = None,
) -> dict[tuple[int, int], float]:
    """Pairs ``(i, j)``, ``i < j``, similar enough to link.

    A pair qualifies when its dot product reaches ``threshold`` and its days are at most
    ``max_days`` apart (or one is unknown), or when it reaches ``copy_threshold``.

    Args:
        vectors: each vector's words in decreasing order of weight.
        days: each vector's day number, or None when unknown.
        threshold: see above.
        max_days: see above.
        copy_threshold: see above; at least ``threshold``.
        blocking: compare only the pairs it lets through; None compares every two
            vectors that share a word, and finds every qualifying pair.

    Returns:
        The dot product of each qualifying pair found.
    """
    keys = blocking.keys if blocking else None
    copy_keys = blocking.copy_keys if blocking else None
    close_shared = blocking.min_shared if blocking else 1
    copy_shared = blocking.copy_shared if blocking else 1
    recent = -blocking.max_postings if blocking else 0
    sizes = [len(vector) for vector in vectors]
    # By day (unknown first): each word's dated users stay in day order, so the ones
    # close in time to the next article are the end of the list.
    order = sorted(range(len(vectors)), key=lambda k: (days[k] is not None, days[k] or 0, k))
    undated: dict[str, list[int]] = {}
    dated: dict[str, tuple[list[int], list[int]]] = {}
    pairs: dict[tuple[int, int], float] = {}
    for i in order:
        vector, day, size = vectors[i], days[i], sizes[i]
        close: list[int] = []
        far: list[int] = []
        for rank, word in enumerate(islice(vector, keys)):
            close += undated.get(word, ())[recent:]
            if day is None:
                undated.setdefault(word, []).append(i)
                continue
            users, users_days = dated.setdefault(word, ([], []))
            start = bisect_left(users_days, day - max_days)
            close += users[start:][recent:]
            if copy_keys is None or rank < copy_keys:
                far += users[:start][recent:]
            users.append(i)
            users_days.append(day)
        for candidates, need, least in (
            (close, close_shared, threshold),
            (far, copy_shared, copy_threshold),
        ):
            for j, count in Counter(candidates).items():
                if (
                    count >= need
                    or count * SHORT_WORDS_PER_KEY >= size
                    or count * SHORT_WORDS_PER_KEY >= sizes[j]
                ):
                    score = dot(vector, vectors[j])
                    if score >= least:
                        pairs[(i, j) if i < j else (j, i)] = score
    return pairs
