"""``compare``: a sentence-by-sentence comparison report of two articles."""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reader.cli.common import fail, open_library, resolve_article
from reader.core.align import compare
from reader.core.errors import NewsreaderError
from reader.core.models import Article
from reader.core.report import marks_for, render_markdown, render_text
from reader.core.store import Store

EXIT_BAD_INPUT = 2
"""Exit code for a missing or unreadable article (the usual "usage error" code)."""

_C1_CONTROLS = re.compile(r"[\x7f-\x9f]")


def register(subparsers: Any, add_common: Callable[[argparse.ArgumentParser], None]) -> None:
    """Add the ``compare`` subcommand."""
    text = "compare two articles sentence by sentence"
    parser = subparsers.add_parser(
        "compare",
        help=text,
        description=text + ". Marks: = verbatim, ~ near, ≈ paraphrase, + only in that article.",
    )
    parser.add_argument("a", metavar="A", help="article file or library id (or id prefix)")
    parser.add_argument("b", metavar="B", help="article file or library id (or id prefix)")
    parser.add_argument(
        "--format",
        choices=("text", "json", "markdown"),
        default="text",
        help="text report (default), JSON (Comparison.to_dict) or markdown",
    )
    parser.add_argument("--width", type=int, default=0, metavar="N", help="wrap text at N columns")
    parser.add_argument(
        "--context",
        action="append",
        default=[],
        metavar="REF",
        help="another article of the same story (file or library id; repeatable): weak "
        "pairs it links on both sides are confirmed. Library articles of one event use "
        "the rest of their event by default",
    )
    parser.add_argument(
        "--no-context",
        action="store_true",
        help="judge the two articles alone, without the rest of their event",
    )
    add_common(parser)
    parser.set_defaults(func=run)


def _load(ref: str, data_dir: str | None, store_box: list[Store]) -> Article:
    """One article from a path, or from the library (opened only when needed)."""
    if Path(ref).expanduser().exists():
        return resolve_article(ref, None)
    if not store_box:
        store_box.append(open_library(data_dir))
    return resolve_article(ref, store_box[0])


def _event_context(store: Store, a: Article, b: Article) -> list[Article]:
    """The other library articles of A's event, when B belongs to the same event."""
    if not a.event or a.event != b.event:
        return []
    return [x for x in store.event_articles(a.event) if x.id not in (a.id, b.id)]


def _json_text(data: dict[str, Any]) -> str:
    """JSON with non-ASCII kept readable and C1/DEL controls escaped (terminal-safe)."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return _C1_CONTROLS.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def run(args: argparse.Namespace) -> int:
    """Load both articles, compare them and print the report."""
    stores: list[Store] = []
    data_dir = getattr(args, "data_dir", None)
    try:
        article_a = _load(args.a, data_dir, stores)
        article_b = _load(args.b, data_dir, stores)
        context = [_load(ref, data_dir, stores) for ref in args.context]
        if not args.context and not args.no_context and stores:
            context = _event_context(stores[0], article_a, article_b)
    except (NewsreaderError, OSError) as error:
        return fail(str(error), EXIT_BAD_INPUT)
    finally:
        for store in stores:
            store.close()
    if args.no_context:
        context = []
    comparison = compare(article_a, article_b, context=context)
    if hasattr(sys.stdout, "reconfigure"):
        # Article text may hold characters the locale cannot print: replace, don't crash.
        sys.stdout.reconfigure(errors="replace")
    if args.format == "json":
        print(_json_text(comparison.to_dict()))
    elif args.format == "markdown":
        print(render_markdown(comparison), end="")
    else:
        width = args.width or shutil.get_terminal_size((80, 24)).columns
        marks = marks_for(getattr(sys.stdout, "encoding", None))
        print(render_text(comparison, width=width, marks=marks), end="")
    return 0
