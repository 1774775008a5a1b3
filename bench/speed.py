"""Speed and peak memory of ``compare``.

Usage::

    python bench/speed.py [--seeds DIR] [--repeat N]

Measures ``compare()`` of two sample articles (target 20 ms), of two generated
1,000-sentence articles (target 1 s on one core) and the peak memory of the latter
(``tracemalloc``, Python allocations only). Also, without a target: the same two sample
articles with the other sample articles as context (what the reader and ``compare`` on two
library articles of one event do), and ``align_many`` of one against all the others (the
N-way view).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import tracemalloc
from collections.abc import Sequence
from pathlib import Path

from reader.core.align import align_many, compare
from reader.core.corpus import load_paths

ROOT = Path(__file__).resolve().parent.parent


def generated_article(sentences: int, seed: int, shared_from: list[str] | None = None) -> str:
    """A synthetic article: Zipf-distributed pseudo-words, optionally reusing sentences.

    With ``shared_from``, every third sentence is a lightly edited copy of one of those,
    so the aligner has real pairs to find among many topic-word matches.
    """
    rng = random.Random(seed)
    vocabulary = [f"w{n}x" for n in range(5000)]
    weights = [1.0 / (rank + 1) for rank in range(len(vocabulary))]
    stop = ["the", "of", "and", "to", "in", "a", "that", "with", "for", "on"]
    out: list[str] = []
    for n in range(sentences):
        if shared_from and n % 3 == 0:
            words = rng.choice(shared_from).rstrip(".").split()
            words[rng.randrange(len(words))] = rng.choice(vocabulary)
        else:
            words = rng.choices(vocabulary, weights, k=rng.randint(8, 30))
            words = [w if rng.random() > 0.4 else f"{rng.choice(stop)} {w}" for w in words]
        out.append(" ".join(words).capitalize() + ".")
    paragraphs = [" ".join(out[k : k + 4]) for k in range(0, len(out), 4)]
    return "\n\n".join(paragraphs)


def timed(
    label: str,
    a: object,
    b: object,
    repeat: int,
    target: float | None,
    context: Sequence[object] = (),
) -> None:
    """Print the first (cold caches) and best of ``repeat`` runs of ``compare(a, b)``."""
    times: list[float] = []
    pairs = 0
    for _ in range(repeat):
        start = time.perf_counter()
        result = compare(a, b, context=context)  # type: ignore[arg-type]
        times.append(time.perf_counter() - start)
        pairs = len(result.pairs)
    best = min(times)
    verdict = (
        ""
        if target is None
        else f" (target ≤ {target * 1000:.0f} ms: " + ("ok)" if best <= target else "SLOW)")
    )
    print(
        f"{label}: first {times[0] * 1000:.1f} ms, best of {repeat} {best * 1000:.1f} ms, "
        f"{pairs} pairs{verdict}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seeds", type=Path, default=ROOT.parent / "shared" / "seeds")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)

    articles = load_paths(sorted(args.seeds.glob("*.txt"))).articles
    if len(articles) >= 2:
        a, b = sorted(articles, key=lambda x: -len(x.text))[:2]
        timed(f"two sample articles ({a.words} + {b.words} words)", a, b, args.repeat, 0.020)
        others = [x for x in articles if x is not a and x is not b]
        timed(
            f"  the same with {len(others)} other articles as context",
            a,
            b,
            args.repeat,
            None,
            others,
        )
        rest = [x for x in articles if x is not a]
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            align_many(a, rest)
            times.append(time.perf_counter() - start)
        print(
            f"  align_many of one against the {len(rest)} others: first "
            f"{times[0] * 1000:.1f} ms, best {min(times) * 1000:.1f} ms"
        )

    first = generated_article(1000, seed=1)
    shared = [s for p in first.split("\n\n") for s in p.split(". ")][:300]
    second = generated_article(1000, seed=2, shared_from=shared)
    timed("two generated 1,000-sentence articles", first, second, max(1, args.repeat // 2), 1.0)

    tracemalloc.start()
    compare(first, second)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"peak Python memory for the 1,000-sentence comparison: {peak / 2**20:.1f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
