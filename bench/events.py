"""Benchmark event grouping on generated libraries of 1,000 to 10,000 articles.

Run from a checkout::

    python bench/events.py                  # 1,000, 5,000 and 10,000 articles
    python bench/events.py --counts 2000
    python bench/events.py --undated        # worst case: no dates to narrow the search

Each generated library mimics months of news: events of 2 to 8 articles (and some
lone articles) spread over half a year, each outlet paraphrasing the event's names,
figures and key words in its own sentences. Events belong to recurring stories (a
series of talks, a long trial) that share names and vocabulary but happen weeks apart,
which is what event grouping must keep apart. Prints the time ``group_events`` takes,
and how well its groups match the generated ones (pairwise precision and recall).
"""

from __future__ import annotations

import argparse
import itertools
import random
import sys
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from reader.core.events import group_events  # noqa: E402
from reader.core.models import Article  # noqa: E402

_SYLLABLES = (
    *("ka", "ro", "ten", "mi", "sul", "bar", "de", "lo", "vin", "tra", "po", "gel", "ma"),
    *("ris", "fen", "do", "lan", "cu", "ser", "nor", "ba", "ti", "wel", "gor", "shi", "pan"),
    *("el", "mon", "ru", "zak", "ost", "iv", "quen", "har", "bel", "tus", "af", "nim"),
)
_DAYS = 183
"""Dates spread over half a year."""
_COMMON_WORDS = 5000
"""General vocabulary shared by all stories, used with Zipf frequencies."""


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4)))


def generate(count: int, seed: int = 11) -> tuple[list[Article], list[int]]:
    """``count`` articles in shuffled order, and the generated event of each."""
    rng = random.Random(seed)
    common = sorted({_word(rng) for _ in range(_COMMON_WORDS)})
    cumulative = list(itertools.accumulate(1.0 / (rank + 1) for rank in range(len(common))))
    stories = [
        ([_word(rng).capitalize() for _ in range(6)], [_word(rng) for _ in range(30)])
        for _ in range(max(10, count // 30))
    ]
    start = date(2024, 1, 1).toordinal()
    articles: list[Article] = []
    truth: list[int] = []
    for event in itertools.count():
        if len(articles) >= count:
            break
        size = 1 if rng.random() < 0.1 else rng.randint(2, 8)
        story_names, story_words = rng.choice(stories)
        names = story_names[:3] + [_word(rng).capitalize() for _ in range(5)]
        words = rng.sample(story_words, 12) + [_word(rng) for _ in range(12)]
        figures = [str(rng.randint(10, 9999)) for _ in range(4)]
        day = start + rng.randint(0, _DAYS)
        for _ in range(min(size, count - len(articles))):
            articles.append(
                _article(rng, len(articles), day, common, cumulative, names, words, figures)
            )
            truth.append(event)
    order = list(range(len(articles)))
    rng.shuffle(order)
    return [articles[i] for i in order], [truth[i] for i in order]


def _article(
    rng: random.Random,
    number: int,
    day: int,
    common: list[str],
    cumulative: list[float],
    names: list[str],
    words: list[str],
    figures: list[str],
) -> Article:
    """One outlet's report: common words around the event's names, figures and key words."""
    own = [_word(rng) for _ in range(20)]  # the outlet's own angle and wording
    sentences: list[str] = []
    for _ in range(rng.randint(10, 30)):
        tokens = rng.choices(common, cum_weights=cumulative, k=rng.randint(8, 18))
        tokens += rng.sample(words, 3) + rng.sample(own, 2)
        rng.shuffle(tokens)
        tail = f"{' '.join(rng.sample(names, 2))} and {rng.choice(figures)}"
        sentences.append(f"{' '.join(tokens).capitalize()}, with {tail}.")
    title = " ".join([*rng.sample(names, 2), *rng.sample(words, 4), rng.choice(own)])
    return Article(
        id=f"g{number:05}",
        title=title.capitalize(),
        outlet=f"Outlet {rng.randint(1, 40)}",
        date=date.fromordinal(day + rng.randint(0, 2)).isoformat(),
        text="\n\n".join(" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)),
    )


def _pairs(labels: list[str] | list[int]) -> set[tuple[int, int]]:
    groups: dict[object, list[int]] = {}
    for index, label in enumerate(labels):
        groups.setdefault(label, []).append(index)
    return {pair for members in groups.values() for pair in itertools.combinations(members, 2)}


def measure(count: int, *, undated: bool = False) -> None:
    """Group ``count`` generated articles; print the time and the agreement with the truth."""
    articles, truth = generate(count)
    if undated:
        articles = [replace(article, date="") for article in articles]
    started = time.perf_counter()
    grouped = group_events(articles)
    elapsed = time.perf_counter() - started
    found, expected = _pairs([a.event for a in grouped]), _pairs(truth)
    shared = len(found & expected)
    print(
        f"{count:>6} articles  {elapsed:6.2f} s  {len({a.event for a in grouped}):>5} events "
        f"({len(set(truth))} generated)  pair precision {shared / max(1, len(found)):.3f}  "
        f"recall {shared / max(1, len(expected)):.3f}",
        flush=True,
    )


def main() -> None:
    """Run the benchmark for each requested size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--counts", type=int, nargs="+", default=[1_000, 5_000, 10_000], help="library sizes"
    )
    parser.add_argument("--undated", action="store_true", help="drop every article's date")
    args = parser.parse_args()
    for count in args.counts:
        measure(count, undated=args.undated)


if __name__ == "__main__":
    main()
