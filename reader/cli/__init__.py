"""Command line: ``newsreader [PATH…]`` opens the app; subcommands script the same engine."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from reader import __version__

# Each module contributes subcommands through ``register(subparsers, add_common)`` and
# sets ``func`` on its parser; keeping them apart lets the verbs evolve independently.
# Only the module of the command being run is imported, so launching the app does not
# pay for the aligner, the exporter or the HTML extractor up front.
COMMANDS: dict[str, str] = {
    "list": "library_cmds",
    "show": "library_cmds",
    "import": "library_cmds",
    "compare": "compare_cmd",
    "open": "app_cmd",
    "diff": "app_cmd",
    "export": "export_cmd",
}

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


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser with every subcommand, or only the module that provides ``only``."""
    parser = argparse.ArgumentParser(
        prog="newsreader",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"newsreader {__version__}")
    add_common_options(parser, top_level=True)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    wanted = [COMMANDS[only]] if only in COMMANDS else list(dict.fromkeys(COMMANDS.values()))
    for module_name in wanted:
        module = importlib.import_module(f"reader.cli.{module_name}")
        module.register(subparsers, add_common_options)
    return parser


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


def _asks_top_level_info(args: Sequence[str]) -> bool:
    """True when ``--help``/``--version`` comes before any subcommand name."""
    for arg in args:
        if arg in COMMANDS:
            return False
        if arg in ("-h", "--help", "--version"):
            return True
    return False


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the process exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    first_positional = _first_positional(args_list)
    wants_info = any(a in ("-h", "--help", "--version") for a in args_list)
    # `newsreader [PATH…]` (no subcommand) opens the app on the library or those paths.
    opens_library = first_positional is None and not wants_info
    opens_paths = first_positional is not None and first_positional not in COMMANDS
    if opens_library or opens_paths:
        args_list = ["open", *args_list]
        first_positional = "open"
    # Top-level help lists every command; a command's own run loads just its module.
    parser = build_parser(None if _asks_top_level_info(args_list) else first_positional)
    args = parser.parse_args(args_list)
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # Output piped into `head` and friends: not an error for the user.
        return 0
