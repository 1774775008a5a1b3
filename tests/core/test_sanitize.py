"""Sanitising untrusted text for the terminal."""

from __future__ import annotations

import pytest

from reader.core.sanitize import one_line, sanitize_for_terminal


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("red \x1b[31mtext\x1b[0m", "red text"),
        ("title \x1b]0;owned\x07here", "title here"),
        ("link \x1b]8;;http://x\x1b\\click\x1b]8;;\x1b\\", "link click"),
        ("dcs \x1bPq#0;2;0;0;0\x1b\\end", "dcs end"),
        ("8-bit \x9b31mcsi", "8-bit csi"),
        ("bell\x07 nul\x00 del\x7f", "bell nul del"),
        ("windows\r\nold mac\rend", "windows\nold mac\nend"),
        ("tab\tand\nnewline", "tab\tand\nnewline"),
        ("bidi \u202eoverride\u202c", "bidi override"),
    ],
)
def test_escape_sequences_and_controls_are_removed(raw: str, clean: str) -> None:
    assert sanitize_for_terminal(raw) == clean


@pytest.mark.parametrize(
    "text",
    [
        "“curly” ‘quotes’ — dashes",
        "accents: éàüß",
        "CJK 港口 日本語",
        "RTL مرحبا שלום",
        "[bold]x[/]",
    ],
)
def test_unicode_and_markup_lookalikes_are_kept(text: str) -> None:
    assert sanitize_for_terminal(text) == text


def test_one_line_folds_and_truncates() -> None:
    assert one_line("a\n\n b\tc") == "a b c"
    assert one_line("abcdefgh", 5) == "abcd…"
    assert one_line("abc", 5) == "abc"
