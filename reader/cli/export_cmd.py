"""``export``: notes to markdown. (PLACEHOLDER)"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from reader.cli.common import fail


def register(subparsers: Any, add_common: Callable[[argparse.ArgumentParser], None]) -> None:
    """Add the library subcommands."""
    for name, text in (("export", "export notes to markdown"),):
        parser = subparsers.add_parser(name, help=text, description=text)
        parser.add_argument("rest", nargs="*")
        add_common(parser)
        parser.set_defaults(func=_todo)


def _todo(args: argparse.Namespace) -> int:
    return fail(f"{args.command}: not implemented yet")
