"""``open [PATH…]`` and ``diff A B``: launch the terminal app on the library, paths or a pair."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from reader.cli.common import fail
from reader.core.errors import NewsreaderError
from reader.core.models import Article
from reader.core.store import Store
from reader.ui.loading import Loader, LoadOutcome


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
    """Load every article of the library with its stored event groups (it imports the
    sample corpus on first run)."""

    def load() -> LoadOutcome:
        from reader.cli.common import library_articles, open_library

        with open_library(data_dir) as store:
            return LoadOutcome(library_articles(store))

    return load


def refs_loader(refs: Sequence[str], data_dir: str | None) -> Loader:
    """Load files and folders, and library articles named by id (prefix)."""

    def load() -> LoadOutcome:
        from reader.cli.common import open_library
        from reader.core.corpus import load_paths
        from reader.core.events import group_events

        articles: list[Article] = []
        warnings: list[str] = []
        paths = [Path(ref).expanduser() for ref in refs if Path(ref).expanduser().exists()]
        ids = [ref for ref in refs if not Path(ref).expanduser().exists()]
        if paths:
            result = load_paths(paths)
            articles.extend(result.articles)
            warnings.extend(str(problem) for problem in result.problems)
        if ids:
            with open_library(data_dir) as store:
                for ref in ids:
                    try:
                        found = store.get_article(ref)
                    except NewsreaderError as error:
                        warnings.append(str(error))
                        continue
                    if found is None:
                        warnings.append(f"{ref}: no such file, folder or library article")
                    else:
                        articles.append(found)
        return LoadOutcome(group_events(articles), warnings)

    return load


def _library_opener(data_dir: str | None) -> Callable[[], Store]:
    """Opens the library database, where the app keeps notes.

    Opening it before the app starts also fills a brand-new library with the sample
    corpus, so the loader then finds it ready.
    """

    def open_store() -> Store:
        from reader.cli.common import open_library

        return open_library(data_dir)

    return open_store


def _config_path(data_dir: str | None) -> Path:
    from reader.paths import config_path

    return config_path(data_dir)


def run_open(args: argparse.Namespace) -> int:
    """Open the app on the library, or on the files, folders or ids in ``args.paths``."""
    from reader.ui.app import run_app

    loader = refs_loader(args.paths, args.data_dir) if args.paths else library_loader(args.data_dir)
    run_app(loader, _config_path(args.data_dir), None, _library_opener(args.data_dir))
    return 0


def run_diff(args: argparse.Namespace) -> int:
    """Open the app on the comparison of A and B (files or library ids)."""
    from reader.cli.common import open_library, resolve_article
    from reader.ui.app import run_app

    try:
        with open_library(args.data_dir) as store:
            article_a = resolve_article(args.a, store)
            article_b = resolve_article(args.b, store)
            others = store.list_articles()
    except NewsreaderError as error:
        return fail(str(error))
    if article_a.id == article_b.id:
        return fail("A and B are the same article")
    known = {article_a.id, article_b.id}
    articles = [article_a, article_b, *(a for a in others if a.id not in known)]

    def load() -> LoadOutcome:
        from reader.core.events import group_events

        return LoadOutcome(group_events(articles))

    run_app(
        load,
        _config_path(args.data_dir),
        (article_a.id, article_b.id),
        _library_opener(args.data_dir),
    )
    return 0
