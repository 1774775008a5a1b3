"""Helpers shared by the CLI commands: safe printing, opening the library."""

from __future__ import annotations

import sys

from reader.core.sanitize import sanitize_for_terminal


def warn(message: str) -> None:
    """Print one warning line on stderr, with control characters neutralised."""
    print(f"newsreader: {sanitize_for_terminal(message)}", file=sys.stderr)


def fail(message: str, code: int = 1) -> int:
    """Print an error on stderr and return the exit code to use."""
    print(f"newsreader: error: {sanitize_for_terminal(message)}", file=sys.stderr)
    return code
