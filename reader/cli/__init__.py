"""Command line: ``newsreader [PATH…]`` opens the app; subcommands script the same engine."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from reader import __version__
from reader.cli import app_cmd, compare_cmd, export_cmd, library_cmds

# Each module contributes subcommands through ``register(subparsers)`` and sets
# ``func`` on its parser; keeping them apart lets the verbs evolve independently.
_COMMAND_MODULES = (library_cmds, compare_cmd, app_cmd, export_cmd)

DESCRIPTION = """\
Read and compare how different outlets cover the same news event.

With no arguments, opens your library (it starts out holding the bundled sample
corpus). With paths, opens those files or folders instead.
"""

EPILOG = """\
examples:
  newsreader                          open the library in the terminal app
  newsreader ~/clips/ukraine          open a folder of articles
  newsreader import ~/clips           add articles to the library
  newsreader list --format json       list library articles as JSON
  newsreader show ID --raw            show an article and what cleaning dropped
  newsreader compare A B              sentence-by-sentence comparison report
  newsreader diff A B                 open the app on the comparison of A and B
  newsreader export -o notes.md       export your notes to markdown

Data lives in the per-user data folder; --data-dir or $NEWSREADER_DATA_DIR override it.
"""


def add_common_options(parser: argparse.ArgumentParser, *, top_level: bool = False) -> None:
    """Options every command accepts, before or after the subcommand name.

    On subcommands the default is ``SUPPRESS`` so that a value given before the
    subcommand (``newsreader --data-dir X list``) is not overwritten by ``None``.
    """
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=None if top_level else argparse.SUPPRESS,
        help="folder for the library database and config (default: per-user data folder; "
        "env NEWSREADER_DATA_DIR)",
    )


def build_parser() -> argparse.ArgumentParser:
    """The full parser with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="newsreader",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"newsreader {__version__}")
    add_common_options(parser, top_level=True)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in _COMMAND_MODULES:
        module.register(subparsers, add_common_options)
    return parser


def command_names(parser: argparse.ArgumentParser) -> set[str]:
    """Names of the registered subcommands."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices)
    return set()


_OPTIONS_WITH_VALUE = {"--data-dir"}


def _first_positional(args: Sequence[str]) -> str | None:
    """The first argument that is neither an option nor an option's value."""
    skip = False
    for arg in args:
        if skip:
            skip = False
            continue
        if arg in _OPTIONS_WITH_VALUE:
            skip = True
            continue
        if not arg.startswith("-"):
            return arg
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the process exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    first_positional = _first_positional(args_list)
    wants_info = any(a in ("-h", "--help", "--version") for a in args_list)
    # `newsreader [PATH…]` (no subcommand) opens the app on the library or those paths.
    opens_library = first_positional is None and not wants_info
    opens_paths = first_positional is not None and first_positional not in command_names(parser)
    if opens_library or opens_paths:
        args_list = ["open", *args_list]
    args = parser.parse_args(args_list)
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # Output piped into `head` and friends: not an error for the user.
        return 0
