"""Cost of moving the sentence cursor in a long article (the reading pane's re-layout).

Usage::

    python bench/cursor.py [--sentences N ...] [--repeat R]

For each size, a generated article of N sentences (four per paragraph) is opened in the
app at 160x45 (Textual's headless test driver, no terminal needed), and the script
reports the time of one re-layout of the reading pane (what a cursor move costs the app
itself) and of one ``j`` press through the test driver (which adds the driver's own
round trip, so it is an upper bound). Notes go to a temporary store.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path


def article_text(sentences: int) -> str:
    """Four 20-word sentences per paragraph, each sentence different."""
    words = "harbour bridge council ferry closure repairs traffic commuters engineers budget"
    vocabulary = words.split()
    lines = [
        " ".join(vocabulary[(n + k) % 10] for k in range(18)).capitalize() + f" number {n}."
        for n in range(sentences)
    ]
    return "\n\n".join(" ".join(lines[p : p + 4]) for p in range(0, sentences, 4))


async def measure(sentences: int, repeat: int) -> tuple[float, float]:
    """Best re-layout time and mean ``j`` time, in seconds."""
    from reader.core.models import Article
    from reader.core.note_store import NoteStore
    from reader.core.store import Store
    from reader.ui.app import NewsReaderApp
    from reader.ui.loading import LoadOutcome
    from reader.ui.screens.main import MainScreen
    from reader.ui.widgets.reading_pane import ReadingPane

    article = Article(id="long", title="Long", outlet="Gazette", text=article_text(sentences))
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder) / "library.sqlite3")
        app = NewsReaderApp(lambda: LoadOutcome([article]), note_store=NoteStore(store))
        async with app.run_test(size=(160, 45)) as pilot:
            for _ in range(500):
                if isinstance(app.screen, MainScreen) and app.screen.session.articles:
                    break
                await pilot.pause(0.01)
            screen = app.screen
            assert isinstance(screen, MainScreen)
            screen.open_article("long")
            await app.workers.wait_for_complete()
            await pilot.pause()
            pane = screen.query_one(ReadingPane)
            pane.focus()
            await pilot.pause()
            layouts: list[float] = []
            for _ in range(repeat):
                pane.cursor = (pane.cursor + 1) % sentences
                start = time.perf_counter()
                pane.relayout()
                layouts.append(time.perf_counter() - start)
            start = time.perf_counter()
            for _ in range(repeat):
                await pilot.press("j")
            press = (time.perf_counter() - start) / repeat
        store.close()
    return min(layouts), press


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sentences", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args(argv)
    for size in args.sentences:
        layout, press = asyncio.run(measure(size, args.repeat))
        print(
            f"{size:>6} sentences: re-layout after a cursor move {layout * 1000:.1f} ms (best), "
            f"j through the test driver {press * 1000:.1f} ms (mean)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
