"""``list``, ``show`` and ``import``: the library and article files from the command line."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import textwrap
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.cli.common import (
    fail,
    library_articles,
    load_articles_for,
    open_library,
    out,
    report_problems,
    resolve_article,
    warn,
)
from reader.core.corpus import load_paths
from reader.core.errors import CorpusError, StoreError
from reader.core.events import ATTACH_AT_MOST
from reader.core.models import Article
from reader.core.sanitize import one_line, sanitize_for_terminal

if TYPE_CHECKING:
    from reader.core.note_store import ReanchorReport

LIST_DESCRIPTION = """\
List articles with their outlet, date, size and event group. Without PATH, lists
your library; with PATH (files or folders, searched recursively), lists those files
without importing them. Files that cannot be read are named on stderr with the
reason; the command still succeeds when at least one article loads.
"""
LIST_EPILOG = """\
examples:
  newsreader list                         the library
  newsreader list ~/clips                 a folder, without importing it
  newsreader list --format json | jq '.[].title'
"""
SHOW_DESCRIPTION = """\
Show one article: its metadata and the cleaned body. REF is a file path, or the id
of a library article (any unique prefix of it, as printed by `newsreader list`).
Fields that were guessed from the text rather than declared are marked "(inferred)".
"""
SHOW_EPILOG = """\
examples:
  newsreader show f6a0                    a library article by id prefix
  newsreader show clip.txt --raw          also what cleaning dropped, and why
"""
IMPORT_DESCRIPTION = f"""\
Add articles to the library: txt (optional front matter), md, html/htm (needs
`pip install 'newsreader[html]'`), json and jsonl. Re-importing an article updates it;
the id comes from its URL or text, so notes survive moving or renaming files.

Each imported article joins the event (same story) of a library article it matches,
or starts a new one; events already in the library keep their ids and members. The
whole library is regrouped from scratch with --regroup, and automatically when some
library article has no stored word counts yet (the first import, or a library made by
an older newsreader) or when more than {ATTACH_AT_MOST} articles are imported at once.
"""
IMPORT_EPILOG = """\
examples:
  newsreader import ~/clips/today         add a folder; only its articles are grouped
  newsreader import --regroup ~/clips     add, then regroup the whole library
"""

_JSON_FIELDS = ("id", "outlet", "title", "date", "url", "path", "words", "event", "event_label")
# Column widths for the text table; the title takes whatever width is left.
_ID_WIDTH = 12
_DATE_WIDTH = 10
_OUTLET_WIDTH = 22
_MIN_TITLE_WIDTH = 12


def register(subparsers: Any, add_common: Callable[[argparse.ArgumentParser], None]) -> None:
    """Add the ``list``, ``show`` and ``import`` subcommands."""
    raw = argparse.RawDescriptionHelpFormatter
    parser = subparsers.add_parser(
        "list",
        help="list library articles, or the articles in files/folders",
        description=LIST_DESCRIPTION,
        epilog=LIST_EPILOG,
        formatter_class=raw,
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or folders to list")
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text table (default) or a JSON list of objects",
    )
    add_common(parser)
    parser.set_defaults(func=run_list)

    parser = subparsers.add_parser(
        "show",
        help="show one article (by path or library id)",
        description=SHOW_DESCRIPTION,
        epilog=SHOW_EPILOG,
        formatter_class=raw,
    )
    parser.add_argument("ref", metavar="ID|PATH", help="article file, or library id / id prefix")
    parser.add_argument(
        "--raw", action="store_true", help="also list what cleaning dropped and why"
    )
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="text (default) or JSON"
    )
    add_common(parser)
    parser.set_defaults(func=run_show)

    parser = subparsers.add_parser(
        "import",
        help="add article files or folders to the library",
        description=IMPORT_DESCRIPTION,
        epilog=IMPORT_EPILOG,
        formatter_class=raw,
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or folders to import")
    parser.add_argument(
        "--regroup",
        action="store_true",
        help="regroup the whole library into events (slower: every article is read "
        "again; existing events may get new ids)",
    )
    add_common(parser)
    parser.set_defaults(func=run_import)


def run_list(args: argparse.Namespace) -> int:
    """``newsreader list``: exit 1 only when paths were given and nothing loaded."""
    try:
        if args.paths:
            articles = load_articles_for(args.paths, None)
            if not articles:
                return fail("no article could be loaded from the given paths")
        else:
            with open_library(args.data_dir) as store:
                articles = library_articles(store)
            if not articles:
                warn("the library is empty; add articles with `newsreader import PATH`")
    except (CorpusError, StoreError, OSError) as error:
        return fail(str(error))
    if args.format == "json":
        print(json.dumps([article_summary(a) for a in articles], ensure_ascii=False, indent=2))
    else:
        for line in format_table(articles, _terminal_width()):
            print(line)
    return 0


def run_show(args: argparse.Namespace) -> int:
    """``newsreader show``: one article's metadata and body (and drops with ``--raw``)."""
    try:
        ref_path = Path(args.ref).expanduser()
        if ref_path.exists() or ref_path.is_symlink():
            article = resolve_article(args.ref, None)
        else:
            with open_library(args.data_dir) as store:
                article = resolve_article(args.ref, store)
    except (CorpusError, StoreError, OSError) as error:
        return fail(str(error))
    if args.format == "json":
        summary = article_summary(article)
        summary.update(_article_details(article, with_dropped=args.raw))
        print(json.dumps(summary, ensure_ascii=False, indent=2))
        return 0
    for line in format_article(article, _terminal_width(), raw=args.raw):
        out(line)
    return 0


def run_import(args: argparse.Namespace) -> int:
    """``newsreader import``: load, clean and store; group the new articles into events
    (the whole library with ``--regroup``)."""
    try:
        result = load_paths([Path(p).expanduser() for p in args.paths])
        report_problems(result.problems)
        if not result.articles:
            return fail("nothing imported: no article could be loaded")
        with open_library(args.data_dir) as store:
            # Grouped in the same transaction: the new articles only, unless --regroup
            # (or a library without stored word counts) regroups all of it.
            outcome = store.import_articles(result.articles, full=args.regroup)
            regrouped = " (regrouped)" if outcome.regrouped else ""
            print(
                f"imported {len(result.articles)} article(s); the library holds "
                f"{outcome.articles} in {outcome.events} event(s){regrouped}"
            )
            if outcome.changed:
                from reader.core.note_store import NoteStore

                texts = {article.id: article.text for article in outcome.imported}
                try:
                    report = NoteStore(store).reanchor_articles(outcome.changed, texts)
                except StoreError as error:
                    warn(f"notes not re-attached ({error}); they will be when shown")
                else:
                    line = reanchor_summary(report)
                    if line:
                        print(line)
    except (CorpusError, StoreError, OSError) as error:
        return fail(str(error))
    return 0


def reanchor_summary(report: ReanchorReport) -> str:
    """One line on what re-anchoring did, e.g. "2 notes re-attached, 1 note lost its
    place (see the notes screen)"; empty when no note moved."""
    parts = []
    reattached = report.moved + report.recovered
    if reattached:
        parts.append(f"{_notes(reattached)} re-attached")
    if report.orphaned:
        verb = "lost its place" if report.orphaned == 1 else "lost their place"
        parts.append(f"{_notes(report.orphaned)} {verb} (see the notes screen)")
    return ", ".join(parts)


def _notes(count: int) -> str:
    return f"{count} note" if count == 1 else f"{count} notes"


def article_summary(article: Article) -> dict[str, Any]:
    """The JSON object describing an article in ``list --format json`` (all text sanitised)."""
    values: dict[str, Any] = {
        "id": article.id,
        "outlet": article.outlet,
        "title": article.title,
        "date": article.date,
        "url": article.url,
        "path": article.path,
        "words": article.words,
        "event": article.event,
        "event_label": article.event_label,
    }
    summary = {k: one_line(v) if isinstance(v, str) else v for k, v in values.items()}
    summary["byline"] = one_line(article.byline)
    summary["inferred"] = sorted(article.inferred)
    summary["warnings"] = [one_line(w) for w in article.warnings]
    return summary


def _article_details(article: Article, *, with_dropped: bool) -> dict[str, Any]:
    """Extra fields for ``show --format json``."""
    details: dict[str, Any] = {
        "standfirst": one_line(article.standfirst),
        "paragraphs": [one_line(p) for p in article.paragraphs],
    }
    if with_dropped:
        details["dropped"] = [
            {"line": d.line, "reason": d.reason, "text": one_line(d.text)} for d in article.dropped
        ]
    return details


def format_table(articles: Sequence[Article], width: int | None) -> list[str]:
    """Aligned text rows, grouped by event; titles truncated to ``width`` when given."""
    lines: list[str] = []
    events: dict[str, list[Article]] = {}
    for article in articles:
        events.setdefault(article.event, []).append(article)
    for event, members in events.items():
        label = one_line(members[0].event_label) or "(no event)"
        if len(events) > 1 or event:
            count = f"  [{len(members)} article(s)]"
            room = max(width - len(count), _MIN_TITLE_WIDTH) if width else 0
            lines.append(one_line(label, room) + count)
        for article in members:
            prefix = (
                f"  {article.id:<{_ID_WIDTH}}  {(article.date or '-'):<{_DATE_WIDTH}}  "
                f"{one_line(article.outlet_label, _OUTLET_WIDTH):<{_OUTLET_WIDTH}}  "
                f"{article.words:>6}w  "
            )
            room = max(width - len(prefix), _MIN_TITLE_WIDTH) if width else 0
            lines.append(prefix + one_line(article.title, room))
    return lines


def format_article(article: Article, width: int | None, *, raw: bool = False) -> list[str]:
    """Metadata header, body paragraphs (wrapped to ``width``) and, with ``raw``, the drops."""

    def field(name: str, value: str, key: str) -> str:
        mark = " (inferred)" if key in article.inferred else ""
        return f"{name:<9} {one_line(value) or '-'}{mark}"

    lines = [
        one_line(article.title),
        "=" * min(len(one_line(article.title)), width or 80),
        field("outlet:", article.outlet_label, "outlet"),
        field("date:", article.date or "unknown", "date"),
        field("byline:", article.byline, "byline"),
        field("url:", article.url, "url"),
        field("source:", article.path or "library", "path"),
        f"{'id:':<9} {article.id}   {article.words} words",
    ]
    if article.standfirst:
        lines.append(field("summary:", article.standfirst, "standfirst"))
    lines.extend(f"warning:  {one_line(w)}" for w in article.warnings)
    lines.append("")
    for paragraph in article.paragraphs:
        text = sanitize_for_terminal(paragraph)
        lines.extend(textwrap.wrap(text, width=width) if width else [text])
        lines.append("")
    if raw:
        lines.append(f"--- dropped by cleaning ({len(article.dropped)}) ---")
        for unit in article.dropped:
            where = f"line {unit.line + 1}" if unit.line >= 0 else "line ?"
            lines.append(f"{where:>9}  [{unit.reason}]  {one_line(unit.text, 200)}")
    return lines


def _terminal_width() -> int | None:
    """Width to fit output to on a terminal; None (no truncation) when piped."""
    if not sys.stdout.isatty():
        return None
    return max(shutil.get_terminal_size((100, 24)).columns, 40)
