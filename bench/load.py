"""Benchmark loading and cleaning: the sample corpus, then a generated 10,000-article folder.

Run from a checkout::

    python bench/load.py            # 10,000 generated articles
    python bench/load.py --count 2000

Prints articles per second and the process's peak resident memory after each run
(``resource.getrusage``); ``--tracemalloc`` adds Python's traced peak, at the cost
of a much slower run. The generated articles mimic scraped pages:
a crumb trail, headline, dateline, a dozen paragraphs with subheadings, and footer
widgets, spread over a few "outlets" so the repetition feature has work to do.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from reader.core.corpus import load_paths  # noqa: E402

_WORDS = (
    *("council", "harbour", "minister", "talks", "ceasefire", "budget", "election", "market"),
    *("river", "energy", "officials", "residents", "analysts", "report", "border", "trade"),
    *("agreement", "court", "climate", "vote", "the", "of", "and", "to", "said", "in", "a"),
)
_OUTLETS = ("North Herald", "Valley Post", "Coast Tribune", "Metro Ledger", "")


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(_WORDS) for _ in range(rng.randint(12, 28))]
    return " ".join(words).capitalize() + "."


def _article(rng: random.Random, number: int) -> str:
    outlet = _OUTLETS[number % len(_OUTLETS)]
    title = " ".join(w.capitalize() for w in rng.sample(_WORDS[:20], 7))
    lines = [
        f"Home » News » {title}",
        title,
        f"Staff Reporter {rng.randint(1, 28)} March 2025 {rng.randint(0, 23):02}:15",
    ]
    for paragraph in range(12):
        if paragraph and paragraph % 4 == 0:
            lines.append(" ".join(w.capitalize() for w in rng.sample(_WORDS[:20], 4)))
        lines.append(" ".join(_sentence(rng) for _ in range(rng.randint(2, 5))))
    lines += ["Leave a Reply", "Most Read", "Most Read", f"Subscribe to {outlet or 'us'} today"]
    front = f"---\noutlet: {outlet}\n---\n" if outlet else ""
    return front + "\n\n".join(lines) + "\n"


def generate(folder: Path, count: int, seed: int = 7) -> None:
    """Write ``count`` synthetic articles into ``folder`` (100 per sub-folder)."""
    rng = random.Random(seed)
    for number in range(count):
        sub = folder / f"batch{number // 100:03}"
        sub.mkdir(exist_ok=True)
        (sub / f"article{number:05}.txt").write_text(_article(rng, number), encoding="utf-8")


def peak_rss_mib() -> float:
    """Peak resident size of this process so far, in MiB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # ru_maxrss is in KiB on Linux and in bytes on macOS.
    return peak / 2**20 if sys.platform == "darwin" else peak / 2**10


def measure(label: str, path: Path, *, trace: bool = False) -> None:
    """Load and clean everything under ``path`` and print throughput and memory."""
    if trace:
        tracemalloc.start()
    started = time.perf_counter()
    result = load_paths([path])
    elapsed = time.perf_counter() - started
    traced = ""
    if trace:
        traced = f"  traced peak {tracemalloc.get_traced_memory()[1] / 2**20:.1f} MiB"
        tracemalloc.stop()
    count = len(result.articles)
    words = sum(article.words for article in result.articles)
    print(
        f"{label:<20} {count:>6} articles {elapsed:7.2f} s {count / elapsed:7.0f} articles/s "
        f"{words / elapsed / 1e3:6.0f}k words/s  peak RSS {peak_rss_mib():5.0f} MiB{traced}  "
        f"problems {len(result.problems)}"
    )


def main() -> None:
    """Run both benchmarks."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000, help="generated articles")
    parser.add_argument(
        "--tracemalloc", action="store_true", help="also report tracemalloc's peak (slow)"
    )
    args = parser.parse_args()
    measure("sample corpus", REPO_ROOT / "sample_corpus", trace=args.tracemalloc)
    with tempfile.TemporaryDirectory(prefix="newsreader-bench-") as tmp:
        folder = Path(tmp)
        started = time.perf_counter()
        generate(folder, args.count)
        print(f"generated {args.count} articles in {time.perf_counter() - started:.1f} s")
        measure(f"generated ({args.count})", folder, trace=args.tracemalloc)


if __name__ == "__main__":
    main()
