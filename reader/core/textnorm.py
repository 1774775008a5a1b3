"""Text normalisation for comparison: word tokens, stop words, light stemming, name variants.

Everything here is language-light and general. Nothing is fitted to a corpus:

* **Word tokens** are runs of Unicode letters/digits (``\\w``), so CJK, Arabic and Cyrillic
  text tokenise too. Apostrophes inside a word are kept (``don't``), a trailing
  possessive ``'s`` / ``’s`` is dropped (``Russia's`` -> ``russia``).
* **Abbreviations with dots** collapse (``U.N.`` -> ``un``), and ``U.S.`` / an
  all-capitals ``US`` become ``usa`` so that the country is not the pronoun "us".
* **Case and typography** are folded: NFKC, ``casefold``, curly quotes and dashes;
  accents are dropped from words in Latin letters (``Márquez`` = ``Marquez``).
* **Stemming** strips one common English ending (``-s``, ``-ed``, ``-ing``, ``-ation``...)
  and truncates to :data:`STEM_LENGTH` characters: it maps ``meet/meeting``,
  ``negotiation/negotiated``, ``territory/territorial`` and spelling variants of names
  such as ``Zelensky/Zelenskyy`` to one key without any word list.
* **Month abbreviations** are read as the month (``Feb`` = ``February``).
* **Stop words**: a short list of English function words that never carry a fact.
* **Unspaced scripts** (Chinese, Japanese, Thai, Korean) have no word boundaries to
  find, so their runs of letters become overlapping character bigrams, the usual
  dictionary-free unit for those languages.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache
from typing import NamedTuple

STEM_LENGTH = 6
"""Content words are cut to their first 6 characters. Truncation stemming at 5-7
characters performs about as well as Porter stemming in retrieval studies, and 6 keeps
name variants (Zelensky/Zelenskyy, Kyiv/Kiev differ earlier and stay apart) and word
families (negotiation/negotiated) together while separating most unrelated words."""

MIN_STEM = 3
"""A suffix is stripped only when at least three letters remain (``sing`` stays)."""

_SUFFIXES = ("ations", "ation", "ings", "ing", "edly", "ed", "ies", "es", "s", "ly")
"""English inflectional endings plus the commonest derivational one (``-ation``: invite,
invitation), longest first; only one is removed."""

MIN_WORD_LENGTH = 2
"""Single letters (initials, list markers) carry no content of their own."""

STOP_WORDS = frozenset(
    """
    a about above according after again against all also am an and any are as at be
    because been before being below between both but by can could d did do does doing
    down dr during each few for from further had has have having he her here hers
    herself him himself his how however i if in into is it its itself just ll m may me
    might more most mr mrs ms must my myself no nor not now o of off on once one only or
    other our ours ourselves out over own re s said same say saying says shall she
    should so some such t tells than that the their theirs them themselves then there
    these they this those through to told too two under until up ve very was we were
    what when where which while who whom why will with would y you your yours yourself
    yourselves
    """.split()  # noqa: SIM905
)
"""English function words plus the reporting verbs ("said", "told") and honorifics that
appear in nearly every news sentence whatever the story; none states a fact by itself.
Numbers written as words ("one", "two") are too often idiomatic to be evidence."""

MONTH_ABBREVIATIONS = {
    "jan": "january",
    "feb": "february",
    "mar": "march",
    "apr": "april",
    "jun": "june",
    "jul": "july",
    "aug": "august",
    "sep": "september",
    "sept": "september",
    "oct": "october",
    "nov": "november",
    "dec": "december",
}
"""Month abbreviations read as the month ("Feb 12" = "February 12"): dates are strong
evidence and outlets abbreviate them differently. ("may" is a stop word either way.)"""

_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
    }
)
_ABBREVIATION = re.compile(r"\b(?:[A-Za-z]\.){2,}")
_ABBREVIATION_HINT = re.compile(r"\.[A-Za-z]\.")
"""Found in every text that ``_ABBREVIATION`` matches; searching for it is much faster."""
_WORD = re.compile(r"\w+(?:'\w+)*")
_DIGIT = re.compile(r"\d")
_POSSESSIVE = re.compile(r"'s$")
_CAPS_US = re.compile(r"\bUS\b")
_UNSPACED_CHARS = "\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
_UNSPACED = re.compile(f"[{_UNSPACED_CHARS}]")
_UNSPACED_RUN = re.compile(f"[{_UNSPACED_CHARS}]+|[^{_UNSPACED_CHARS}]+")
"""Thai, kana, CJK ideographs and Hangul: scripts whose words are not separated by spaces
(Hangul is, but its syllable blocks make bigrams a sound unit too)."""


class Token(NamedTuple):
    """One word of a sentence with its span in the original sentence text."""

    start: int
    end: int
    norm: str
    """Case-folded, quote-folded form, used by the word diff."""


def fold(text: str) -> str:
    """NFKC, curly quotes and dashes to ASCII, case folded. Length may change (NFKC)."""
    return unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()


def word_tokens(text: str) -> list[Token]:
    """Word tokens of ``text`` with spans into ``text`` itself (punctuation is skipped)."""
    tokens: list[Token] = []
    folded_quotes = text.translate(_QUOTES)  # same length as text: spans stay valid
    for match in _WORD.finditer(folded_quotes):
        norm = unicodedata.normalize("NFKC", match.group()).casefold()
        tokens.append(Token(match.start(), match.end(), norm))
    return tokens


def normalise_sentence(text: str) -> str:
    """The sentence as lowercase words separated by single spaces (for verbatim checks)."""
    return " ".join(_WORD.findall(fold(text)))


def stem(word: str) -> str:
    """Light stem: drop a possessive and one inflectional suffix, then truncate.

    ``meeting/meets/met`` -> ``meet`` (not ``met``), ``talked`` -> ``talk``,
    ``negotiations`` -> ``negoti``; a final ``e`` of an uninflected word goes too so that
    ``agree/agreed`` and ``invite/invited`` meet.
    """
    word = _POSSESSIVE.sub("", word)
    if not word.isalpha():
        return word  # numbers, dates, codes: kept whole
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            if suffix == "s" and word[-2] in "siu":
                break  # press, crisis, status: not plurals
            return word[: -len(suffix)][:STEM_LENGTH]
    if word.endswith("e") and len(word) > MIN_STEM:
        word = word[:-1]
    return word[:STEM_LENGTH]


def content_words(text: str) -> list[str]:
    """Stemmed content words of ``text`` in reading order (stop words and 1-letter words out).

    Abbreviations are collapsed first (``U.S.`` -> ``US``) and an all-capitals ``US`` is
    read as the country.
    """
    words: list[str] = []
    for token in _WORD.findall(_prepare(text)):
        words.extend(_word_keys(token.casefold()))
    return words


def content_word_counts(text: str) -> dict[str, int]:
    """How often each content word of ``text`` occurs: ``Counter(content_words(text))``.

    Faster on long texts: each distinct token is looked up once.
    """
    counts: dict[str, int] = {}
    for token, count in Counter(_WORD.findall(_prepare(text))).items():
        for key in _token_keys(token):
            counts[key] = counts.get(key, 0) + count
    return counts


@lru_cache(maxsize=65536)
def _token_keys(token: str) -> tuple[str, ...]:
    return _word_keys(token.casefold())


def _prepare(text: str) -> str:
    """Collapse dotted abbreviations, read ``US`` as the country, fold quotes and NFKC."""
    if not text.isascii():
        text = text.translate(_QUOTES)
    # The cheap searches skip regular expressions that would otherwise try every word.
    if _ABBREVIATION_HINT.search(text):
        text = _ABBREVIATION.sub(lambda m: m.group().replace(".", ""), text)
    if "US" in text:
        text = _CAPS_US.sub("USA", text)
    return unicodedata.normalize("NFKC", text)


@lru_cache(maxsize=65536)
def _word_keys(word: str) -> tuple[str, ...]:
    """Content keys of one case-folded word: its stem, bigrams (unspaced scripts) or none."""
    word = _POSSESSIVE.sub("", word)
    if not word.isascii():
        bare = "".join(
            ch for ch in unicodedata.normalize("NFKD", word) if unicodedata.category(ch) != "Mn"
        )
        if bare.isascii():
            word = bare  # Márquez -> marquez; other scripts keep their marks
    if _UNSPACED.search(word):
        keys: list[str] = []
        for run in _UNSPACED_RUN.findall(word):
            if _UNSPACED.match(run):
                keys.extend(_character_bigrams(run))
            elif run not in STOP_WORDS and len(run) >= MIN_WORD_LENGTH:
                keys.append(stem(run))
        return tuple(keys)
    if word in STOP_WORDS or (len(word) < MIN_WORD_LENGTH and not word.isdigit()):
        return ()
    return (stem(MONTH_ABBREVIATIONS.get(word, word)),)


def key_words(text: str, keys: frozenset[str] | set[str]) -> list[str]:
    """Words of ``text`` (as written, first occurrence) whose content key is in ``keys``."""
    found: list[str] = []
    seen: set[str] = set()
    for match in _WORD.finditer(text.translate(_QUOTES)):
        word = match.group()
        folded = word.casefold()
        if folded in seen:
            continue
        if any(key in keys for key in _word_keys(folded)):
            seen.add(folded)
            found.append(_POSSESSIVE.sub("", word))
    return found


def _character_bigrams(run: str) -> list[str]:
    """Overlapping character pairs of a run of text written without spaces (CJK, Thai)."""
    if len(run) < 2:
        return [run]
    return [run[k : k + 2] for k in range(len(run) - 1)]


def is_number(word: str) -> bool:
    """True for tokens that contain a digit (years, counts, money, percentages)."""
    return _DIGIT.search(word) is not None


def quoted_spans(text: str) -> list[str]:
    """Texts inside double quotes (straight or curly), for quote evidence."""
    folded = text.translate(_QUOTES)
    return re.findall(r'"([^"]{3,})"', folded)
