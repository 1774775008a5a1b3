"""``export``: notes to markdown, on stdout or atomically into a file."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reader.cli.common import fail, open_library, warn
from reader.core.errors import StoreError
from reader.core.export import DEFAULT_TITLE, describe_write_error, render_notes
from reader.core.note_store import NoteStore
from reader.core.persist import atomic_write_text
from reader.core.sanitize import sanitize_for_terminal

DESCRIPTION = """\
Export your notes as markdown (YAML front matter, a heading per event and article,
each note under a blockquote of the sentences it is about). Without -o the
markdown goes to standard output. An existing file is never replaced unless you
pass --force.
"""

EPILOG = """\
examples:
  newsreader export                       all notes to the terminal
  newsreader export -o notes.md           all notes into notes.md
  newsreader export --tag claim -o c.md   only notes tagged #claim
  newsreader export --article 3f2a9c1b0d4e --force -o notes.md
"""


def register(subparsers: Any, add_common: Callable[[argparse.ArgumentParser], None]) -> None:
    """Add the ``export`` subcommand."""
    parser = subparsers.add_parser(
        "export",
        help="export notes to markdown",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE instead of standard output"
    )
    parser.add_argument("--article", metavar="ID", help="only notes on this article")
    parser.add_argument("--event", metavar="E", help="only notes on articles of this event")
    parser.add_argument("--tag", metavar="T", help="only notes with this tag (# optional)")
    parser.add_argument("--title", default=DEFAULT_TITLE, help="document title")
    parser.add_argument("--force", action="store_true", help="replace FILE if it exists")
    add_common(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Export the selected notes; returns the exit code."""
    output = Path(args.output).expanduser() if args.output and args.output != "-" else None
    if output is not None:
        # Checked before any work so a slow export never ends in a refusal.
        if output.is_dir():
            return fail(f"{output} is a folder; give a file name, e.g. {output / 'notes.md'}")
        if output.exists() and not args.force:
            return fail(f"{output} already exists; pass --force to replace it")
    try:
        markdown, count = _render(args)
    except StoreError as error:
        return fail(str(error))
    if output is None:
        # On a terminal, neutralise control characters that came in with article or
        # note text; a pipe or redirect gets the markdown byte for byte.
        sys.stdout.write(sanitize_for_terminal(markdown) if sys.stdout.isatty() else markdown)
        sys.stdout.flush()
        if count == 0:
            warn("no notes match")
        return 0
    try:
        atomic_write_text(output, markdown, overwrite=bool(args.force))
    except FileExistsError:
        return fail(f"{output} already exists; pass --force to replace it")
    except OSError as error:
        return fail(describe_write_error(output, error))
    print(f"wrote {count} note{'s' if count != 1 else ''} to {output}", file=sys.stderr)
    return 0


def _render(args: argparse.Namespace) -> tuple[str, int]:
    """Load, re-anchor (in memory only) and render the notes the filters select.

    Raises:
        StoreError: the library cannot be opened or read.
    """
    with open_library(args.data_dir) as store:
        article_id = args.article
        if article_id:
            # Accept a unique id prefix, as `show` does; a note on an article that
            # was since deleted from the library still matches its full id.
            found = store.get_article(article_id)
            article_id = found.id if found is not None else article_id
        note_store = NoteStore(store)
        notes = note_store.list_notes(article_id=article_id, event=args.event, tag=args.tag)
        ids = sorted({id_ for note in notes for id_ in note.article_ids})
        articles = [a for a in (store.get_article(id_) for id_ in ids) if a is not None]
    # render_notes re-checks each note against the current text, in memory only:
    # an export never writes to the library.
    return render_notes(notes, articles, title=args.title), len(notes)
