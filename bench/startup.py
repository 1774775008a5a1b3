"""Startup and responsiveness numbers for the terminal app.

Run: ``python bench/startup.py [--runs N]``. Prints:

1. launch to an interactive article list (sample corpus, via the library) against a
   minimal Textual app, each in a fresh headless process, median of N runs;
2. the time to show a cached comparison;
3. the outlet counts (N-way view) of an article: first time (worker) and re-opened;
4. building and scrolling a 10,000-article list.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING

POLL = 0.002

if TYPE_CHECKING:
    from textual.pilot import Pilot

    from reader.core.models import Article
    from reader.ui.app import NewsReaderApp
    from reader.ui.screens.main import MainScreen


def child_minimal() -> None:
    """A minimal Textual app: a list of five lines and a footer, quit once shown."""
    from textual.app import App, ComposeResult
    from textual.widgets import Footer, OptionList

    class Minimal(App[None]):
        def compose(self) -> ComposeResult:
            yield OptionList(*(f"item {i}" for i in range(5)))
            yield Footer()

        def on_mount(self) -> None:
            self.call_after_refresh(self.exit)

    Minimal().run(headless=True)


def child_newsreader(data_dir: str) -> None:
    """The real app on the library; quit as soon as the article list has rows.

    Prints how long the project's own imports took, for the breakdown.
    """
    import textual.app  # noqa: F401  (the baseline pays for this too)

    start = time.perf_counter()
    from reader.cli.app_cmd import library_loader
    from reader.ui.app import NewsReaderApp
    from reader.ui.widgets.article_list import ArticleList

    print(f"{(time.perf_counter() - start) * 1000:.0f}")
    app = NewsReaderApp(library_loader(data_dir))

    def check() -> None:
        lists = app.screen.query(ArticleList)
        if lists and lists.first().rows:
            app.call_after_refresh(app.exit)

    app.call_later(lambda: app.set_interval(POLL, check))
    app.run(headless=True)


IMPORTS_MS: list[float] = []
"""Project import time reported by each newsreader child."""


def time_child(kind: str, data_dir: str) -> float:
    # A pip install leaves compiled bytecode beside every module; an environment with
    # PYTHONDONTWRITEBYTECODE would make the project (not Textual) recompile on each run.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(NEWSREADER_DATA_DIR=data_dir, NEWSREADER_CONFIG_DIR=data_dir)
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, __file__, "--child", kind, "--data-dir", data_dir],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    )
    elapsed = time.perf_counter() - start
    if kind == "newsreader" and done.stdout.strip():
        IMPORTS_MS.append(float(done.stdout.strip().splitlines()[0]))
    return elapsed


async def frame(app: object, pilot: object) -> None:
    """Process pending messages, then draw one frame (without waiting for CPU idle)."""
    await pilot._wait_for_screen()  # type: ignore[attr-defined]  # noqa: SLF001
    app.screen._on_timer_update()  # type: ignore[attr-defined]  # noqa: SLF001


@asynccontextmanager
async def sample_app() -> AsyncIterator[tuple[NewsReaderApp, Pilot[None], MainScreen]]:
    """The app on the library in ``$NEWSREADER_DATA_DIR`` at 160x45, loaded, an article open."""
    from reader.cli.app_cmd import library_loader
    from reader.ui.app import NewsReaderApp
    from reader.ui.screens.main import MainScreen

    app = NewsReaderApp(library_loader(os.environ["NEWSREADER_DATA_DIR"]))
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen) and screen.current is not None
        yield app, pilot, screen


async def cached_compare_ms(runs: int) -> tuple[float, float]:
    """(first comparison incl. worker, median cached comparison) in ms, sample corpus."""

    async with sample_app() as (app, pilot, screen):
        a = screen.current
        assert a is not None
        b = screen.session.peers(a)[0]
        start = time.perf_counter()
        screen.compare_with(b.id)
        await app.workers.wait_for_complete()
        await frame(app, pilot)
        first = time.perf_counter() - start
        cached: list[float] = []
        for _ in range(runs):
            screen.current = screen.session.by_id[b.id]  # drops the comparison
            await pilot.pause()
            screen.current = a
            await pilot.pause()
            start = time.perf_counter()
            screen.compare_with(b.id)
            await frame(app, pilot)
            cached.append(time.perf_counter() - start)
            assert screen.comparison is not None
    return first * 1000, statistics.median(cached) * 1000


async def nway_ms(runs: int) -> tuple[float, float, float]:
    """(first N-way in ms incl. worker, its core compute alone, median re-open), sample corpus.

    Uses an article whose event peers have not been compared yet.
    """
    from reader.ui.session import Session
    from reader.ui.widgets.reading_pane import ReadingPane

    async with sample_app() as (app, pilot, screen):
        first_article = screen.current
        assert first_article is not None
        article = screen.session.peers(first_article)[-1]
        start = time.perf_counter()
        screen.open_article(article.id)
        while screen.session.cached_nway(article.id) is None:
            await asyncio.sleep(POLL)
        await frame(app, pilot)
        first = time.perf_counter() - start
        assert screen.query_one(ReadingPane).counts
        fresh = Session(screen.session.articles)
        fresh.nway(first_article)  # the aligner's import is paid once per run
        start = time.perf_counter()
        fresh.nway(article)
        compute = time.perf_counter() - start
        reopen: list[float] = []
        for _ in range(runs):
            screen.open_article(first_article.id)
            await pilot.pause()
            start = time.perf_counter()
            screen.open_article(article.id)
            await frame(app, pilot)
            reopen.append(time.perf_counter() - start)
            assert screen.query_one(ReadingPane).counts
        await app.workers.wait_for_complete()
    return first * 1000, compute * 1000, statistics.median(reopen) * 1000


def synthetic(count: int) -> list[Article]:
    """``count`` small articles, 50 per event."""
    from reader.core.models import Article

    return [
        Article(
            id=f"id{i:05d}",
            title=f"Synthetic headline number {i} about event {i // 50}",
            outlet=f"Outlet {i % 50}",
            date=f"2025-01-{1 + i % 28:02d}",
            text="One sentence. Two sentences.",
            event=f"event-{i // 50}",
            event_label=f"Event {i // 50}",
        )
        for i in range(count)
    ]


async def big_list_ms(count: int = 10_000) -> tuple[float, float, float]:
    """(build rows and draw, median ms per PageDown, End) for ``count`` articles."""
    from reader.ui.app import NewsReaderApp
    from reader.ui.loading import LoadOutcome
    from reader.ui.session import Session
    from reader.ui.widgets.article_list import ArticleList

    articles = synthetic(count)
    app = NewsReaderApp(lambda: LoadOutcome([]))
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        article_list = app.screen.query_one(ArticleList)
        start = time.perf_counter()
        article_list.set_rows(Session(articles).rows())
        await frame(app, pilot)
        build = time.perf_counter() - start
        assert article_list.article_count == count
        pages: list[float] = []
        for _ in range(100):
            start = time.perf_counter()
            article_list.action_page(1)
            await frame(app, pilot)
            pages.append(time.perf_counter() - start)
        start = time.perf_counter()
        article_list.action_last()
        await frame(app, pilot)
        end = time.perf_counter() - start
    return build * 1000, statistics.median(pages) * 1000, end * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--child", choices=["minimal", "newsreader"])
    parser.add_argument("--data-dir")
    args = parser.parse_args()
    if args.child == "minimal":
        child_minimal()
        return
    if args.child == "newsreader":
        child_newsreader(args.data_dir)
        return
    with tempfile.TemporaryDirectory() as data_dir:
        os.environ["NEWSREADER_DATA_DIR"] = data_dir
        os.environ["NEWSREADER_CONFIG_DIR"] = data_dir
        time_child("newsreader", data_dir)  # first run imports the sample corpus
        time_child("minimal", data_dir)  # and both write their bytecode
        minimal: list[float] = []
        reader: list[float] = []
        # Interleaved, so a burst of load on a shared machine hits both sides alike.
        for _ in range(args.runs):
            minimal.append(time_child("minimal", data_dir))
            reader.append(time_child("newsreader", data_dir))
        m, r = statistics.median(minimal), statistics.median(reader)
        print(f"startup  minimal Textual app   median {m * 1000:7.0f} ms  ({args.runs} runs)")
        print(f"startup  newsreader, list shown median {r * 1000:7.0f} ms  ratio {r / m:.2f}x")
        imports = statistics.median(IMPORTS_MS[2:] or IMPORTS_MS)
        print(f"         of which importing reader.cli + reader.ui: {imports:5.0f} ms")
        first, cached = asyncio.run(cached_compare_ms(args.runs))
        print(f"compare  first (in a worker) {first:6.1f} ms   cached (median) {cached:6.1f} ms")
        shown, compute, reopen = asyncio.run(nway_ms(args.runs))
        print(
            f"outlets  first (in a worker) {shown:6.1f} ms   re-open (median) {reopen:6.1f} ms"
            f"   (aligning with the event alone: {compute:5.1f} ms)"
        )
    build, page, end = asyncio.run(big_list_ms())
    print(f"10k list built+drawn {build:6.1f} ms   PageDown {page:5.1f} ms   End {end:5.1f} ms")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    main()
