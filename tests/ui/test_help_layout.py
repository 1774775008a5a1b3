"""The help page: descriptions start in one column in every section."""

from __future__ import annotations

import re

from rich.console import Console

from reader.ui.screens.help import help_tables

_KEY_LINE = re.compile(r"^\s*\S(?:.*?\S)?  (?=\S)")


def test_descriptions_line_up_across_sections() -> None:
    console = Console(width=76, record=True, color_system=None)
    console.print(help_tables())
    lines = console.export_text().splitlines()
    starts = {match.end() for line in lines if (match := _KEY_LINE.match(line))}
    assert len(starts) == 1, starts
