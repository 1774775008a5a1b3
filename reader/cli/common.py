"""Helpers shared by the CLI commands: safe printing, opening the library, finding articles.

Everything printed goes through ``sanitize_for_terminal`` first: article text and file
names are untrusted and must never smuggle an escape sequence onto the terminal.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from reader import paths, resources
from reader.core.corpus import LoadProblem, load_paths
from reader.core.errors import CorpusError, StoreError
from reader.core.events import group_events
from reader.core.models import Article
from reader.core.sanitize import one_line, sanitize_for_terminal
from reader.core.store import Store


def warn(message: str) -> None:
    """Print one warning line on stderr, with control characters neutralised."""
    print(f"newsreader: {one_line(message)}", file=sys.stderr)


def fail(message: str, code: int = 1) -> int:
    """Print an error on stderr and return the exit code to use."""
    print(f"newsreader: error: {one_line(message)}", file=sys.stderr)
    return code


def out(text: str = "") -> None:
    """Print untrusted text on stdout, sanitised (newlines kept)."""
    print(sanitize_for_terminal(text))


def report_problems(problems: Sequence[LoadProblem]) -> None:
    """One warning line on stderr per file that failed or loaded with a caveat."""
    for problem in problems:
        warn(str(problem))


def open_library(data_dir_arg: str | os.PathLike[str] | None) -> Store:
    """Open (and on first run create) the library database.

    A brand-new library is filled with the bundled sample corpus, so a first
    ``newsreader`` shows something to read and compare.

    Args:
        data_dir_arg: the ``--data-dir`` value, or None for the default location.

    Raises:
        StoreError: when the data folder or database cannot be created or opened.
    """
    try:
        database = paths.database_path(data_dir_arg)
    except OSError as error:
        raise StoreError(f"cannot create the data folder: {error}") from error
    is_new = not database.exists()
    store = Store(database)
    if is_new and store.count_articles() == 0:
        try:
            sample = resources.sample_corpus_dir()
        except FileNotFoundError as error:
            warn(f"{error}; starting with an empty library")
            return store
        result = load_paths([sample])
        store.upsert_articles(group_events(result.articles))
    return store


def library_articles(store: Store) -> list[Article]:
    """Every library article with its stored event group, newest first.

    Groups are computed on import and stored; a library where some article has none (a
    library from an older version, or one changed by hand) is regrouped once here, and
    the groups are stored when the database can be written.

    Raises:
        StoreError: when the library cannot be read.
    """
    articles = store.list_articles()
    if all(article.event for article in articles):
        return articles
    grouped = group_events(articles)
    try:
        store.store_events(grouped)
    except StoreError as error:
        warn(f"event groups not saved ({error}); they will be worked out again next time")
    return grouped


def load_articles_for(refs: Sequence[str | os.PathLike[str]], store: Store | None) -> list[Article]:
    """Load the articles named by ``refs``, grouped into events.

    Each ref is a file or folder; when ``store`` is given, a ref that is not a
    path may also be a library id or unique id prefix. Every problem is printed
    as one warning line on stderr; nothing is raised for bad files.

    Returns:
        The articles in the order given (folders in sorted order), events filled in.
    """
    articles: list[Article] = []
    file_refs: list[Path] = []
    for ref in refs:
        path = Path(ref).expanduser()
        if path.exists() or path.is_symlink() or store is None:
            file_refs.append(path)
            continue
        try:
            found = store.get_article(str(ref))
        except StoreError as error:
            warn(str(error))
            continue
        if found is None:
            warn(f"{ref}: no such file, folder or library article")
        else:
            articles.append(found)
    if file_refs:
        result = load_paths(file_refs)
        report_problems(result.problems)
        articles.extend(result.articles)
    return group_events(articles)


def resolve_article(ref: str, store: Store | None) -> Article:
    """One article from a file path, or from a library id / unique id prefix.

    Raises:
        CorpusError: when ``ref`` is a file that holds no article or several, or
            when it is neither a path nor a known id.
        StoreError: when the prefix is ambiguous or the library cannot be read.
    """
    path = Path(ref).expanduser()
    if path.is_dir():
        raise CorpusError(f"{ref} is a folder; give one article file or id")
    if path.exists() or path.is_symlink():
        result = load_paths([path])
        if not result.articles:
            reasons = "; ".join(p.reason for p in result.problems if p.fatal) or "no article"
            raise CorpusError(f"{ref}: {reasons}")
        report_problems([p for p in result.problems if not p.fatal])
        if len(result.articles) > 1:
            raise CorpusError(
                f"{ref} holds {len(result.articles)} articles; import it and use an id"
            )
        return result.articles[0]
    found = store.get_article(ref) if store is not None else None
    if found is None:
        raise CorpusError(f"{ref}: no such file and no library article with that id")
    return found
