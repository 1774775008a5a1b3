"""Strip terminal escape sequences and control characters from untrusted text."""

from __future__ import annotations

import re

# CSI, OSC, DCS/SOS/PM/APC strings and two-byte escapes; then remaining C0/C1 controls.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI ... final byte
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC ... BEL or ST
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC ... ST
    r"|\x1b[@-Z\\-_]"  # other two-byte escapes
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
)
# C0 and C1 controls except tab and newline, plus the bidi embedding/override/isolate
# controls: those can make a terminal line display in a different order than it is
# stored ("trojan source"). Right-to-left letters themselves are untouched.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def sanitize_for_terminal(text: str) -> str:
    """Remove escape sequences and control characters, keeping newlines and tabs.

    Unicode letters, curly quotes, CJK and right-to-left text are kept as they are.
    Text that looks like console markup (``[bold]``) is left alone: it is plain text
    and every renderer must treat it as such.

    Args:
        text: untrusted text from an article file, a database or a user.

    Returns:
        The text with line endings normalised to ``"\\n"`` and nothing that a terminal
        would interpret.
    """
    text = _ESCAPES.sub("", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROLS.sub("", text)


def one_line(text: str, limit: int = 0) -> str:
    """Sanitise ``text`` and fold it onto one line, for tables and warnings.

    Args:
        text: untrusted text.
        limit: when positive, truncate to this many characters with an ellipsis.

    Returns:
        The sanitised text with runs of whitespace collapsed to single spaces.
    """
    folded = " ".join(sanitize_for_terminal(text).split())
    if limit > 0 and len(folded) > limit:
        return folded[: max(limit - 1, 0)] + "…"
    return folded
