"""Event grouping on synthetic articles: same story merges, different stories don't."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.events import group_events
from reader.core.models import Article

# Two outlets on one flood (tests/data/flood, shared with the CLI tests).
FLOOD = Path(__file__).resolve().parents[1] / "data" / "flood"
FLOOD_1, FLOOD_2 = ((FLOOD / f"{name}.txt").read_text(encoding="utf-8").strip() for name in "ab")

TALKS_ROUND_1 = """\
Negotiators from Armenia and Azerbaijan met in Geneva on Monday for a first round of peace \
talks mediated by Swiss diplomats. Foreign ministers Ararat Mirzoyan and Jeyhun Bayramov \
discussed border demarcation and the return of prisoners."""

TALKS_ROUND_2 = """\
Armenian and Azerbaijani negotiators returned to Geneva for a second round of peace talks \
mediated by Swiss diplomats. Foreign ministers Ararat Mirzoyan and Jeyhun Bayramov discussed \
border demarcation and prisoners, officials said."""

FOOTBALL = """\
Real Betis beat Sevilla 3-1 in the Andalusian derby on Saturday. Isco scored twice in the \
second half as Betis moved up to fifth place in La Liga."""


def article(ident: str, title: str, text: str, day: str) -> Article:
    return Article(id=ident, title=title, text=text, date=day)


def test_same_story_from_two_outlets_merges_and_others_stay_apart() -> None:
    grouped = group_events(
        [
            article("f1", "Oder floods Wroclaw", FLOOD_1, "2024-09-15"),
            article("t1", "Armenia and Azerbaijan open peace talks", TALKS_ROUND_1, "2024-09-16"),
            article("f2", "Thousands evacuated as Oder overflows", FLOOD_2, "2024-09-16"),
            article("s1", "Betis win the derby", FOOTBALL, "2024-09-14"),
        ]
    )
    events = {a.id: a.event for a in grouped}
    assert events["f1"] == events["f2"]
    assert len({events["f1"], events["t1"], events["s1"]}) == 3
    assert all(a.event.startswith("ev-") and a.event_label for a in grouped)
    assert [a.id for a in grouped] == ["f1", "t1", "f2", "s1"]


def test_rounds_of_talks_a_week_apart_do_not_merge() -> None:
    grouped = group_events(
        [
            article("r1", "Peace talks open in Geneva", TALKS_ROUND_1, "2024-03-04"),
            article("r2", "Second round of peace talks in Geneva", TALKS_ROUND_2, "2024-03-11"),
        ]
    )
    assert grouped[0].event != grouped[1].event


def test_same_rounds_without_dates_merge_and_id_is_stable() -> None:
    first = article("r1", "Peace talks open in Geneva", TALKS_ROUND_1, "2024-03-04")
    second = article("r1b", "Talks in Geneva", TALKS_ROUND_1.replace("Monday", "Tuesday"), "")
    alone = group_events([first])
    together = group_events([first, second])
    assert together[0].event == together[1].event == alone[0].event


def test_empty_and_untitled_articles() -> None:
    assert group_events([]) == []
    [single] = group_events([Article(id="e", title="", text="")])
    assert single.event.startswith("ev-")


def test_sample_corpus_is_one_event() -> None:
    from pathlib import Path

    from reader.core.corpus import load_paths

    corpus = Path(__file__).resolve().parents[2] / "sample_corpus"
    grouped = group_events(load_paths([corpus]).articles)
    assert len(grouped) >= 2
    assert len({a.event for a in grouped}) == 1


# --- the scalable search gives the exhaustive search's results ------------------------


def _reference_group_events(articles: list[Article]) -> list[tuple[str, str]]:
    """The exhaustive grouping (every pair of articles compared), as (event, label)."""
    import hashlib

    from reader.core.events import (
        MAX_EVENT_DAYS,
        SAME_EVENT,
        SAME_TEXT,
        _day,
        article_vectors,
    )

    vectors = article_vectors(articles)
    count = len(articles)
    # Dot products summed word by word over an inverted index, as the first version did.
    postings: dict[str, list[tuple[int, float]]] = {}
    for index, vector in enumerate(vectors):
        for word, value in vector.items():
            postings.setdefault(word, []).append((index, value))
    similarity: list[dict[int, float]] = [{} for _ in articles]
    for word_postings in postings.values():
        for position, (i, u) in enumerate(word_postings):
            for j, v in word_postings[position + 1 :]:
                similarity[i][j] = similarity[i].get(j, 0.0) + u * v
    for i, row in enumerate(similarity):
        for j, value in list(row.items()):
            if j > i:
                similarity[j][i] = value
    days = [_day(a) for a in articles]
    parent = list(range(count))
    span: list[tuple[int, int] | None] = [(d, d) if d is not None else None for d in days]

    def root(k: int) -> int:
        while parent[k] != k:
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
    result: list[tuple[str, str]] = [("", "")] * count
    for members in groups.values():
        earliest = min(members, key=lambda k: (days[k] is None, days[k] or 0, articles[k].id))
        event = "ev-" + hashlib.sha1(articles[earliest].id.encode("utf-8")).hexdigest()[:10]
        central = max(
            members,
            key=lambda k: (
                sum(similarity[k].get(m, 0.0) for m in members),
                -members.index(k),
            ),
        )
        for k in members:
            result[k] = (event, articles[central].title or articles[earliest].title)
    return result


def _mixed_articles(count: int, seed: int) -> list[Article]:
    """Articles cut from the sample corpus and the stories above, on scattered dates."""
    import random
    from pathlib import Path

    from reader.core.corpus import load_paths
    from reader.core.sentences import segment

    corpus = Path(__file__).resolve().parents[2] / "sample_corpus"
    sources = [(a.title, a.text) for a in load_paths([corpus]).articles]
    sources += [
        ("Oder floods Wroclaw", FLOOD_1 + " " + FLOOD_2),
        ("Peace talks in Geneva", TALKS_ROUND_1 + " " + TALKS_ROUND_2),
        ("Betis win the derby", FOOTBALL),
    ]
    rng = random.Random(seed)
    days = ["2024-03-01", "2024-03-02", "2024-03-05", "2024-03-09", "2024-04-20", ""]
    articles = []
    for number in range(count):
        title, text = rng.choice(sources)
        sentences = [s.text for s in segment(text)]
        kept = rng.sample(sentences, max(1, len(sentences) * rng.randint(3, 9) // 10))
        articles.append(
            Article(
                id=f"m{number:03}",
                title=" ".join(rng.sample(title.split(), max(1, len(title.split()) - 1))),
                text=" ".join(kept),
                date=rng.choice(days),
            )
        )
    return articles


def test_grouping_matches_the_exhaustive_search() -> None:
    for seed in range(4):
        articles = _mixed_articles(40, seed)
        grouped = group_events(articles)
        assert [(a.event, a.event_label) for a in grouped] == _reference_group_events(articles)


def test_blocked_search_keeps_the_small_cases(monkeypatch: pytest.MonkeyPatch) -> None:
    """Large sets compare only articles sharing key words; the examples above still hold."""
    from reader.core import events

    monkeypatch.setattr(events, "EXACT_ARTICLES", 0)
    test_same_story_from_two_outlets_merges_and_others_stay_apart()
    test_rounds_of_talks_a_week_apart_do_not_merge()
    test_same_rounds_without_dates_merge_and_id_is_stable()
    test_sample_corpus_is_one_event()
    articles = _mixed_articles(60, 9)
    expected = {(a.event, a.event_label) for a in group_events(articles)}
    monkeypatch.setattr(events, "EXACT_ARTICLES", 10_000)
    assert {(a.event, a.event_label) for a in group_events(articles)} == expected


def test_similar_pairs_respects_dates_and_blocking() -> None:
    from reader.core.similarity import Blocking, Vector, similar_pairs

    def find(
        vectors: list[Vector], days: list[int | None], copy: float, blocking: Blocking | None
    ) -> set[tuple[int, int]]:
        found = similar_pairs(
            vectors, days, threshold=0.2, max_days=3, copy_threshold=copy, blocking=blocking
        )
        return set(found)

    filler = {f"word{n}": 0.01 for n in range(40)}  # long enough not to count as short
    story = {"geneva": 0.6, "mirzoyan": 0.5, "bayramov": 0.4, "talks": 0.3, **filler}
    other = {"wroclaw": 0.7, "oder": 0.6, "talks": 0.1}
    vectors = [story, dict(story), other, dict(story)]
    days: list[int | None] = [100, 102, 101, 130]
    # 0-1 close in time; 3 is a month later and only a near copy could link it.
    assert find(vectors, days, 0.99, None) == {(0, 1)}
    copies = {(0, 1), (0, 3), (1, 3)}
    assert find(vectors, days, 0.8, None) == copies
    assert find(vectors, days, 0.8, Blocking(2, 2, 2, 2, 100)) == copies
    # Sharing fewer key words than asked: not compared at all.
    assert not find(vectors, days, 0.8, Blocking(2, 3, 2, 3, 100))
    # A short article is compared on one shared word.
    assert find([other, {"oder": 0.9}], days[:2], 0.8, Blocking(2, 3, 2, 3, 100)) == {(0, 1)}
    # Only the latest user of each key word is looked at.
    assert find(vectors, [None] * 4, 0.8, Blocking(4, 1, 4, 1, 1)) == {(0, 1), (1, 3)}
