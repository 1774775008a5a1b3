"""Split cleaned article text into sentences with character offsets.

The segmenter is a single left-to-right pass. Hard boundaries come first: paragraphs
(``"\\n\\n"``), line breaks and bullet markers always end a sentence, so headlines and
list items without end punctuation stand alone. Inside a line, every run of sentence
punctuation (``. ? ! …`` and the full stops of other scripts), together with the closing
quotes and brackets right after it, is a *candidate*; :func:`_is_boundary` decides each
one from a few characters of context on either side: the token before the period
(abbreviation? initial? list number?) and the word after it (case, digit, sentence
opener, attribution). Every decision looks at a bounded window, so the pass is linear
in the text length and no regular expression can backtrack catastrophically.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from enum import Enum

from reader.core.abbreviations import (
    ABBREVIATIONS,
    ATTRIBUTION_SUBJECTS,
    CALENDAR,
    NUMBER_PREFIXES,
    SENTENCE_STARTERS,
    SPEECH_VERBS,
    TITLES,
)
from reader.core.models import Sentence

_SCRIPT_STOPS = "。！？．｡।॥؟۔።"
"""Full stops of CJK, Indic, Arabic and Ethiopic text. They are unambiguous and are
not followed by a space, so they always end a sentence."""
_CLOSERS = "\"'”’»)]」』）】〕"
"""Closing quotes and brackets: after a terminator they belong to the ending sentence
(``...Ukraine.”``). Straight quotes are ambiguous, but right after a terminator with no
space between they almost always close."""
_OPENERS = "“‘«([¿¡「『（【\"'"
"""Opening quotes and brackets that may precede the first word of a sentence."""
_BULLETS = "•▪◦‣"
"""Symbols that only ever mark list items, so they split a line wherever they occur."""

_CANDIDATE = re.compile(
    rf"(?P<stop>[{_SCRIPT_STOPS}]+[{re.escape(_CLOSERS)}]*)"
    rf"|(?P<term>\. \. \.|[.?!…]+)(?P<close>[{re.escape(_CLOSERS)}]*)"
    # Cheap pre-filter for the commonest non-boundaries: a terminator glued to an ASCII
    # lowercase letter, to ``, ; : -`` or to a dotted initial (``U.S.``). ``3.5`` is
    # rejected later (digits may follow a full stop). Terminators and closers are
    # listed so that backtracking cannot produce a shorter run inside a rejected one.
    rf"(?![a-z,;:\-.?!…{re.escape(_CLOSERS)}]|[A-Z]\.)"
    rf"|(?P<bullet>[{_BULLETS}])"
)
# A list marker at the start of a line: a bullet symbol or dash followed by space. The
# marker is not part of the item's sentence (numbers such as "1." are kept: see ORDINAL).
_LEADING_BULLET = re.compile(rf"\s*[*·–—{_BULLETS}-](?:\s+|$)")
# Whitespace and opening quotes between a terminator and the next word.
_GAP = re.compile(rf"\s*[{re.escape(_OPENERS)}]*")
# Initials and dotted abbreviations: "U.S", "a.m", "Ph.D", "z.B", or a single letter.
_INITIALISM = re.compile(r"[^\W\d_]{1,3}(?:\.[^\W\d_]{1,3})+|[^\W\d_]")
# List numbers and letters, and interview labels such as "Q." and "A.".
_ORDINAL = re.compile(r"\d{1,3}|[ivxlc]{1,4}|[IVXLC]{1,4}|[^\W\d_]")
_ELLIPSES = ("...", "…", ". . .")
_WORD = re.compile(r"[^\W\d_]+")
# The clause after a closed quote, up to its first punctuation, for the attribution test.
_CLAUSE = re.compile(r"[^.!?,;:\"“”\n]{1,80}")
_ATTRIBUTION_WORDS = 4
"""Longest capitalised attribution clause, in words ("The Kremlin spokesman said.",
"Lee told reporters Tuesday."). After a quote, "He said the talks failed." is more
likely a sentence of its own; a lowercase clause only needs its speech verb."""
_VERB_POSITION = 4
"""The speech verb must be among the clause's first words: "said Lee", "Lee said", "the
party's spokesman said"."""
_TOKEN_WINDOW = 100
"""Characters looked at before a period to find the token it ends (and URL markers)."""
_WRAP_WINDOW = 64
"""Characters looked at on each side of a line break to tell a wrap from a boundary."""


class _Kind(Enum):
    """What the token before a period says about whether the period ends a sentence."""

    WORD = "word"
    """An ordinary word or number: the period ends the sentence."""
    AMBIGUOUS = "ambiguous"
    """Initials and abbreviations that can also end a sentence (``U.S.``, ``Inc.``)."""
    NUMBER = "number"
    """``No.``, ``p.``: an abbreviation only before a digit."""
    NEVER = "never"
    """Titles and linking abbreviations (``Dr.``, ``e.g.``): never a sentence end."""
    ORDINAL = "ordinal"
    """A list number opening the sentence (``1.``, ``iv.``)."""


def segment(text: str) -> list[Sentence]:
    """Split cleaned article text into sentences.

    Args:
        text: An article body: paragraphs separated by ``"\\n\\n"``, whitespace inside a
            paragraph normalised. Any string is accepted.

    Returns:
        The sentences in reading order, without surrounding whitespace or list markers;
        ``text[s.start:s.end] == s.text`` for each, and ``s.paragraph`` indexes the
        non-blank paragraphs (as :attr:`Article.paragraphs` does).
    """
    sentences: list[Sentence] = []
    paragraph = -1
    position = 0
    while position < len(text):
        paragraph_end = text.find("\n\n", position)
        if paragraph_end == -1:
            paragraph_end = len(text)
        if position < paragraph_end and not text[position:paragraph_end].isspace():
            paragraph += 1
            for line_start, line_end in _lines(text, position, paragraph_end):
                for start, end in _split_line(text, line_start, line_end):
                    piece = text[start:end]
                    stripped = piece.strip()
                    if stripped:
                        begin = start + len(piece) - len(piece.lstrip())
                        sentences.append(
                            Sentence(stripped, begin, begin + len(stripped), paragraph)
                        )
        position = paragraph_end + 2
    return sentences


def _lines(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Yield the lines of a paragraph, re-joining hard-wrapped continuation lines.

    A line break is a sentence boundary (headlines, list items, interview labels on
    their own line) except where it merely wraps a sentence: the line before ends in a
    letter, digit or comma and the next one starts lowercase.
    """
    line_start = start
    cursor = start
    while True:
        newline = text.find("\n", cursor, end)
        if newline == -1:
            yield line_start, end
            return
        # Bounded windows keep this linear however many lines are joined.
        before = text[max(line_start, newline - _WRAP_WINDOW) : newline].rstrip()
        after = text[newline + 1 : min(end, newline + 1 + _WRAP_WINDOW)].lstrip()[:1]
        wrapped = bool(before) and (before[-1].isalnum() or before[-1] == ",")
        if not (wrapped and after.islower()):
            yield line_start, newline
            line_start = newline + 1
        cursor = newline + 1


def _split_line(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` spans of the sentences in one line (untrimmed)."""
    bullet = _LEADING_BULLET.match(text, start, end)
    if bullet:
        start = bullet.end()
    first = _skip_gap(text, start, end)
    for match in _CANDIDATE.finditer(text, start, end):
        group = match.lastgroup
        if group == "bullet":
            yield start, match.start()
        elif group == "stop" or _is_boundary(text, match, first, end):
            yield start, match.end()
        else:
            continue
        start = match.end()
        first = _skip_gap(text, start, end)
    yield start, end


def _is_boundary(text: str, match: re.Match[str], sentence_start: int, end: int) -> bool:
    """Decide whether the terminator run in ``match`` ends the current sentence."""
    term = match.group("term")
    after = match.end()
    if after >= end:
        return True
    closed = after > match.end("term")
    word_at = _skip_gap(text, after, end)
    if word_at >= end:
        return True
    first = text[word_at]
    spaced = word_at > after
    if not spaced:
        # Missing space (``region.Trump``) ends a sentence only before a capitalised
        # word; ``U.S.must``, ``3.5``, ``world-today-news.com`` and ``U.S.-Russia``
        # continue, as do all-capital runs (``Node.JS``) and dotted initials (``U.S.A``).
        follower = text[word_at + 1 : word_at + 2]
        if not first.isupper() or follower.isupper() or follower == ".":
            return False
    if "?" in term or "!" in term:
        # "Why?" she asked. -- a lowercase word after ? or ! continues the sentence.
        return not first.islower() and not (closed and _is_attribution(text, word_at, end))
    if term in _ELLIPSES:
        # An ellipsis ends a sentence only when it trails a word and a capital follows;
        # otherwise it marks an omission inside the sentence.
        attached = match.start() > sentence_start and not text[match.start() - 1].isspace()
        return spaced and attached and first.isupper()
    if closed:
        # A closed quotation ends its sentence unless its attribution follows:
        # ``"We lost." he said.`` and ``"We lost." Lee said.`` are one sentence each.
        return not _is_attribution(text, word_at, end)
    window = text[max(sentence_start, match.start() - _TOKEN_WINDOW) : match.start()]
    if not spaced and _in_address(window, text[word_at : word_at + _TOKEN_WINDOW]):
        return False
    kind = _classify(window, match.start() - len(window) == sentence_start)
    if first.islower():
        # "policy. this might": sloppy text starts sentences lowercase; after a real
        # word that is still a boundary, after an abbreviation it is not.
        return kind is _Kind.WORD
    if first.isdigit():
        return kind is _Kind.WORD
    if kind is _Kind.AMBIGUOUS:
        opener = _WORD.match(text, word_at, min(end, word_at + 20))
        return opener is not None and opener.group() in SENTENCE_STARTERS
    return kind in (_Kind.WORD, _Kind.NUMBER)


def _skip_gap(text: str, start: int, end: int) -> int:
    """Position of the first word character after whitespace and opening quotes."""
    gap = _GAP.match(text, start, end)
    return gap.end() if gap else start


def _classify(window: str, window_is_sentence: bool) -> _Kind:
    """Classify the token ending ``window`` (the text just before a period)."""
    if not window or window[-1].isspace():
        return _Kind.WORD
    parts = window.rsplit(None, 1)
    token = parts[-1].lstrip(_OPENERS)
    if window_is_sentence and len(parts) == 1 and _ORDINAL.fullmatch(token):
        return _Kind.ORDINAL
    key = token.replace(".", "").lower()
    if key in TITLES:
        return _Kind.NEVER
    if token in CALENDAR or key in ABBREVIATIONS or _INITIALISM.fullmatch(token):
        return _Kind.AMBIGUOUS
    if key in NUMBER_PREFIXES:
        return _Kind.NUMBER
    return _Kind.WORD


def _in_address(before: str, after: str) -> bool:
    """True when the period joining ``before`` and ``after`` sits inside a URL or e-mail."""
    token = (before.rsplit(None, 1) or [""])[-1] + "." + (after.split(None, 1) or [""])[0]
    return "://" in token or "@" in token or token.startswith("www.")


def _is_attribution(text: str, start: int, end: int) -> bool:
    """True when the clause at ``start``, right after a closed quote, attributes it.

    A lowercase clause qualifies when it has a speech verb up front ("said Lee", "he
    told reporters on Tuesday") or opens with a personal pronoun ("he sighed"). A
    capitalised one needs the speech verb and must also be short and end there ("Lee
    said."), since "He said the talks failed." is more likely a new sentence.
    """
    clause = _CLAUSE.match(text, start, end)
    if clause is None:
        return False
    words = clause.group().lower().split()
    has_verb = any(word in SPEECH_VERBS for word in words[:_VERB_POSITION])
    if text[start].islower():
        return has_verb or words[0] in ATTRIBUTION_SUBJECTS
    if not has_verb:
        return False
    stop = text[clause.end() : clause.end() + 1]
    short = len(words) <= _ATTRIBUTION_WORDS and "that" not in words
    return short and stop in (".", "!", "?", ",", "")
