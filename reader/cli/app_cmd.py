"""``open [PATH…]`` and ``diff A B``: launch the terminal app on the library, paths or a pair."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from reader.cli.common import fail
from reader.core.errors import NewsreaderError
from reader.core.models import Article

Loader = Callable[[], Sequence[Article]]


def register(subparsers: Any, add_common: Callable[[argparse.ArgumentParser], None]) -> None:
    """Add the ``open`` and ``diff`` subcommands."""
    parser = subparsers.add_parser(
        "open",
        help="open the app (default command)",
        description="Open the terminal app on your library, or on the given files and folders.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="article files or folders")
    add_common(parser)
    parser.set_defaults(func=run_open)

    parser = subparsers.add_parser(
        "diff",
        help="open the app on a comparison",
        description="Open the terminal app straight on the comparison of A and B.",
    )
    parser.add_argument("a", metavar="A", help="article file or library id (prefix)")
    parser.add_argument("b", metavar="B", help="article file or library id (prefix)")
    add_common(parser)
    parser.set_defaults(func=run_diff)


def library_loader(data_dir: str | None) -> Loader:
    """Load every article of the library (it imports the sample corpus on first run)."""

    def load() -> list[Article]:
        from reader.core.events import group_events

        with _open_library(data_dir) as store:
            return group_events(store.list_articles())

    return load


def paths_loader(paths: Sequence[Path]) -> Loader:
    """Load the articles found under ``paths``."""

    def load() -> list[Article]:
        from reader.core.corpus import load_paths
        from reader.core.events import group_events

        return group_events(load_paths(list(paths)).articles)

    return load


def _open_library(data_dir: str | None) -> Any:
    from reader.cli import common

    opener = getattr(common, "open_library", None)
    if opener is not None:
        return opener(data_dir)
    # Until the library helper lands: an in-memory view of the sample corpus.
    return _SampleLibrary()


class _SampleLibrary:
    """Stand-in for the library: the bundled sample corpus, read-only."""

    def __enter__(self) -> _SampleLibrary:
        from reader.core.corpus import load_paths
        from reader.resources import sample_corpus_dir

        self.articles = load_paths([sample_corpus_dir()]).articles
        return self

    def __exit__(self, *exc_info: object) -> None:
        return None

    def list_articles(self) -> list[Article]:
        return list(self.articles)

    def get_article(self, ref: str) -> Article | None:
        return next((a for a in self.articles if a.id.startswith(ref.lower())), None)


def _config_path(data_dir: str | None) -> Path:
    from reader.paths import config_path

    return config_path(data_dir)


def run_open(args: argparse.Namespace) -> int:
    """Open the app on the library, or on ``args.paths``."""
    from reader.ui.app import run_app

    paths = [Path(p).expanduser() for p in args.paths]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        return fail(f"no such file or folder: {', '.join(missing)}")
    loader = paths_loader(paths) if paths else library_loader(args.data_dir)
    run_app(loader, _config_path(args.data_dir), None)
    return 0


def resolve(ref: str, library: Any) -> Article:
    """An article from a file path, or from the library by id (prefix).

    Raises:
        NewsreaderError: when ``ref`` is neither a loadable file nor a known id.
    """
    path = Path(ref).expanduser()
    if path.is_file():
        from reader.core.corpus import load_paths

        articles = load_paths([path]).articles
        if not articles:
            raise NewsreaderError(f"{ref}: no article could be loaded from this file")
        return articles[0]
    article = library.get_article(ref)
    if article is None:
        raise NewsreaderError(f"{ref}: no such file, and no library article has this id")
    found: Article = article
    return found


def run_diff(args: argparse.Namespace) -> int:
    """Open the app on the comparison of A and B."""
    from reader.ui.app import run_app

    try:
        with _open_library(args.data_dir) as library:
            article_a = resolve(args.a, library)
            article_b = resolve(args.b, library)
            others = library.list_articles()
    except NewsreaderError as error:
        return fail(str(error))
    if article_a.id == article_b.id:
        return fail("A and B are the same article")
    known = {article_a.id, article_b.id}
    articles = [article_a, article_b, *(a for a in others if a.id not in known)]

    def load() -> list[Article]:
        from reader.core.events import group_events

        return group_events(articles)

    run_app(load, _config_path(args.data_dir), (article_a.id, article_b.id))
    return 0
