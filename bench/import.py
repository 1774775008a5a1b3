"""Benchmark ``newsreader import`` into a generated 10,000-article library.

Run from a checkout::

    python bench/import.py                  # add 1, then 10 articles to 10,000
    python bench/import.py --count 5000 --add 1 10 50

Builds the library in a temporary folder with a full regroup (the articles of
``bench/events.py``'s generator), then imports held-out articles of the same generated
news (most of them belong to an event already in the library) and prints the time
``Store.import_articles`` takes: incrementally (the default) and with a full regroup
(``--regroup``, what every import cost before). Then compares the incremental groups
with a full regroup of the final library: the share of its same-event pairs that the
incremental import also put together, and the other way round.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))
sys.path.insert(0, str(REPO_ROOT / "bench"))

from events import generate  # noqa: E402

from reader.core.models import Article  # noqa: E402
from reader.core.store import Store  # noqa: E402


def _pairs(articles: list[Article]) -> set[tuple[str, str]]:
    groups: dict[str, list[str]] = {}
    for article in articles:
        groups.setdefault(article.event, []).append(article.id)
    return {
        pair for members in groups.values() for pair in itertools.combinations(sorted(members), 2)
    }


def _timed_import(store: Store, articles: list[Article], *, full: bool) -> float:
    started = time.perf_counter()
    store.import_articles(articles, full=full)
    return time.perf_counter() - started


def measure(count: int, adds: list[int]) -> None:
    """Import ``adds`` articles (each in turn) into a ``count``-article library."""
    generated, _ = generate(count + 2 * sum(adds) + 3 * max(adds))
    library, held = generated[:count], generated[count:]
    extra = held[3 * max(adds) :]
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder) / "library.sqlite3")
        started = time.perf_counter()
        store.import_articles(library, full=True)
        elapsed = time.perf_counter() - started
        print(f"{count} articles: first import (full regroup) {elapsed:.2f} s")
        for add in adds:
            batch, extra = extra[:add], extra[add:]
            elapsed = _timed_import(store, batch, full=False)
            print(f"  add {add:>3} article(s) incrementally   {elapsed * 1000:8.0f} ms")
            batch, extra = extra[:add], extra[add:]
            elapsed = _timed_import(store, batch, full=True)
            print(f"  add {add:>3} article(s) with --regroup    {elapsed * 1000:8.0f} ms")
        # Agreement of incremental imports with a full regroup, from the same library.
        store.close()
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder) / "library.sqlite3")
        store.import_articles(library, full=True)
        added = held[: 3 * max(adds)]
        for article in added:
            store.import_articles([article])
        incremental = _pairs(store.list_articles())
        store.import_articles(added[:1], full=True)
        full = _pairs(store.list_articles())
        store.close()
    shared = len(incremental & full)
    print(
        f"  {len(added)} articles added one at a time vs a full regroup: "
        f"{shared / max(1, len(full)):.4f} of its same-event pairs kept, "
        f"{shared / max(1, len(incremental)):.4f} of the incremental pairs in it"
    )


def main() -> None:
    """Run the benchmark."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000, help="library size")
    parser.add_argument(
        "--add", type=int, nargs="+", default=[1, 10], help="articles added per import"
    )
    args = parser.parse_args()
    measure(args.count, args.add)


if __name__ == "__main__":
    main()
