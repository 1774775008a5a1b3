"""Surface features of one line of scraped text, used by ``cleaning`` to spot boilerplate.

Every feature is general (length, punctuation, capitalisation, stop words, links,
dates): nothing here knows any particular site's wording, so the cleaner works on
articles it has never seen.
"""

from __future__ import annotations

import re
from datetime import date

# Common English function words. Running prose is roughly 40-50 % stop words;
# menus, headlines and labels have far fewer.
# fmt: off
STOP_WORDS = frozenset(
    (
        "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any",
        "are", "as", "at", "be", "because", "been", "before", "being", "below", "between",
        "both", "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during",
        "each", "few", "for", "from", "further", "had", "has", "have", "having", "he", "her",
        "here", "hers", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its",
        "itself", "just", "me", "more", "most", "my", "no", "nor", "not", "now", "of", "off",
        "on", "once", "only", "or", "other", "our", "ours", "out", "over", "own", "same",
        "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs",
        "them", "then", "there", "these", "they", "this", "those", "through", "to", "too",
        "under", "until", "up", "very", "was", "we", "were", "what", "when", "where", "which",
        "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours",
    )
)
# fmt: on

SENTENCE_END = ".!?…。！？؟۔।"
"""Characters that end a sentence (before any closing quotes or brackets), including the
CJK full stops, the Arabic question mark, the Urdu full stop and the Devanagari danda."""
_CLOSERS = "\"'”’»)]*」』）"
# Scripts written without spaces between words (Han, kana, Thai...): their characters
# are counted towards the length of a line so a Chinese paragraph is not "one word".
_UNSPACED = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")

_WORD = re.compile(r"[^\W\d_][\w'’.-]*", re.UNICODE)
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
# Matched against single tokens (see ``domains_in``), which keeps it linear.
_DOMAIN = re.compile(
    r"(?:www\.)?[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|org|net|news|info|co\.uk|co|in|"
    r"uk|de|fr|eu|io|tv|us|ca|au)",
    re.IGNORECASE,
)
# A crumb trail: three or more short segments separated by », ›, >, | or /.
_CRUMB_SEPARATOR = re.compile(r"\s+[»›>|/]\s+")
_SPEAKER_LABEL = re.compile(r"^[A-Z][\w .’'-]{0,30}:$")
_BYLINE = re.compile(
    r"^(?:by|written by|reporting by|additional reporting by|words by)\s+(\S.*)$", re.IGNORECASE
)
_LIST_MARKER = re.compile(r"^(?:[*•·▪‣–-]|\d{1,2}[.)])\s+")
# Vocabulary of web page chrome (sharing, subscriptions, ads, credits). Generic words
# that occur on any site, not phrases copied from one.
_CHROME = re.compile(
    r"^(?:share|tweet|subscribe|sign up|sign in|log in|follow us|donate|download|click|"
    r"read more|advertisement|sponsored|related|recommended|trending|comments?|print|"
    r"email|newsletter|skip to|jump to|back to top|photo|image|picture|video|credit|"
    r"source|file photo|hide caption|toggle caption|caption)\b",
    re.IGNORECASE,
)

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_DATE_PATTERNS = (
    # ISO dates, also as the start of a timestamp (2025-02-13T08:00:00Z).
    re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<month>\d{2})-(?P<day>\d{2})(?!\d)"),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),
)
# Words that may sit next to a date on a dateline without making it prose.
_DATE_NOISE = re.compile(
    r"\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\b"
    r"|\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:am|pm)?\b|\b(?:am|pm|gmt|utc|ist|est|edt|cet|cest|bst|"
    r"pst|pdt)\b|\b(?:today|updated|published|posted|last|modified|on|at|date)\b|[,:|•·–—-]"
    r"|\b\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago\b",
    re.IGNORECASE,
)


def words_of(text: str) -> list[str]:
    """Whitespace-separated tokens that contain at least one letter."""
    return [token for token in text.split() if any(ch.isalpha() for ch in token)]


def word_count(text: str) -> int:
    """Number of words: whitespace-separated tokens, plus about one word per two
    characters of scripts written without spaces."""
    return len(text.split()) + len(_UNSPACED.findall(text)) // 2


def strip_list_marker(text: str) -> str:
    """Remove a leading bullet (``*``, ``•``, ``-``) or number (``1.``) from a list item."""
    return _LIST_MARKER.sub("", text, count=1)


def ends_sentence(text: str) -> bool:
    """True when the text ends with sentence punctuation, ignoring closing quotes."""
    stripped = text.rstrip().rstrip(_CLOSERS).rstrip()
    return bool(stripped) and stripped[-1] in SENTENCE_END


def sentence_count(text: str) -> int:
    """Rough number of sentences: sentence ends followed by a space and a capital, plus one."""
    return 1 + len(re.findall(r"[.!?…][”’\"')]*\s+[“‘\"(]?[A-Z]|[。！？](?=.)", text))


def content_words(text: str) -> list[str]:
    """Words that are not stop words, without a leading speaker label."""
    text = re.sub(r"^[A-Z][\w .’'-]{0,30}:\s+", "", text)
    return [w for w in _WORD.findall(text) if w.lower() not in STOP_WORDS]


def title_case_ratio(text: str) -> float:
    """Share of content words that start with a capital (headlines score high).

    Returns 0.0 when the text has no content words.
    """
    words = content_words(text)
    if not words:
        return 0.0
    return sum(1 for w in words if w[0].isupper()) / len(words)


def stop_word_ratio(text: str) -> float:
    """Share of words that are stop words (prose scores about 0.4, menus near 0)."""
    words = _WORD.findall(text)
    if not words:
        return 0.0
    return sum(1 for w in words if w.lower() in STOP_WORDS) / len(words)


def has_letters(text: str, at_least: int = 2) -> bool:
    """True when ``text`` holds at least ``at_least`` letters (any script); stops early."""
    found = 0
    for ch in text:
        if ch.isalpha():
            found += 1
            if found >= at_least:
                return True
    return False


def link_density(text: str) -> float:
    """Share of characters that belong to URLs."""
    if not text:
        return 0.0
    return sum(len(m.group()) for m in _URL.finditer(text)) / len(text)


def is_crumb_trail(text: str) -> bool:
    """True for navigation crumbs such as ``Home » World » Story``."""
    if "«" in text:  # guillemets quote speech in many languages; not a crumb
        return False
    segments = _CRUMB_SEPARATOR.split(text)
    return len(segments) >= 3 and all(word_count(s) <= 14 for s in segments)


def ends_with_arrow(text: str) -> bool:
    """True for "more…" links that end in an arrow such as ``»`` or ``→``."""
    return text.rstrip()[-1:] in ("»", "›", "→", ">") and "«" not in text


def is_speaker_label(text: str) -> bool:
    """True for a line that is only a speaker label, e.g. ``Expert:``."""
    return bool(_SPEAKER_LABEL.match(text)) and word_count(text) <= 4


def is_chrome(text: str) -> bool:
    """True when a short line starts with a word of page chrome (share, photo, ...)."""
    return bool(_CHROME.match(text))


def byline_name(text: str) -> str:
    """The name in a ``By Jane Doe`` line, or ``""`` when the line is not such a byline."""
    match = _BYLINE.match(text)
    if match and word_count(text) <= 10 and not ends_sentence(text.rstrip(".")):
        return match.group(1).strip()
    return ""


def find_date(text: str) -> tuple[str, int, int] | None:
    """The first date in ``text`` as ``(iso, start, end)``, or None.

    Understands ``2025-02-13``, ``13 February 2025``, ``13th Feb, 2025`` and
    ``Feb 13, 2025``. Numeric day/month orders are ambiguous and ignored.
    """
    best: tuple[str, int, int] | None = None
    for pattern in _DATE_PATTERNS:
        match = pattern.search(text)
        if not match:
            continue
        month_text = match.group("month").lower().rstrip(".")
        month = int(month_text) if month_text.isdigit() else _MONTHS.get(month_text, 0)
        try:
            iso = date(int(match.group("year")), month, int(match.group("day"))).isoformat()
        except ValueError:
            continue
        if best is None or match.start() < best[1]:
            best = (iso, match.start(), match.end())
    return best


def parse_date(text: str) -> str:
    """ISO ``YYYY-MM-DD`` for the first date in ``text``, or ``""``."""
    found = find_date(text)
    return found[0] if found else ""


def date_line(text: str) -> tuple[str, str] | None:
    """Recognise a dateline: a short line that is a date plus at most a few name words.

    Returns:
        ``(iso_date, residue)`` where ``residue`` is what is left once the date,
        weekday, time and label words are removed (often a byline such as
        ``"News Desk"``), or None when the line is not a dateline.
    """
    if word_count(text) > 12 or ends_sentence(text.rstrip(".")) and word_count(text) > 6:
        return None
    found = find_date(text)
    if not found:
        return None
    iso, start, end = found
    residue = " ".join(_DATE_NOISE.sub(" ", text[:start] + " " + text[end:]).split())
    residue_words = words_of(residue)
    if len(residue_words) > 4 or any(not w[0].isupper() for w in residue_words):
        return None
    return iso, residue


def domains_in(text: str) -> list[str]:
    """Domain names mentioned in ``text`` (``example.com``), lower-cased, in order."""
    found = []
    for token in text.split():
        if "." in token:
            candidate = token.strip("\"'“”‘’()[]<>,;:!?").rstrip(".").lower()
            if _DOMAIN.fullmatch(candidate):
                found.append(candidate.removeprefix("www."))
    return found


def letters_key(text: str) -> str:
    """Lower-case letters and digits only: compares ``World Today News`` with a domain."""
    return "".join(ch for ch in text.lower() if ch.isalnum())


def line_key(text: str) -> str:
    """Normalised form of a line for counting repeats (case and spacing ignored)."""
    return " ".join(text.lower().split())


def site_named_in(text: str, site_names: list[str]) -> str:
    """A domain mentioned in ``text`` whose letters match one of ``site_names``.

    A page names its site in its furniture ("World Herald") and, somewhere, its
    domain ("worldherald.com"); when both agree the domain is a safe outlet guess.
    A domain alone is not enough: articles mention other sites all the time.

    Args:
        text: the raw article text.
        site_names: short lines the cleaner dropped (header, footer, widgets).

    Returns:
        The domain, or ``""`` when no dropped line matches a mentioned domain.
    """
    names = {letters_key(name) for name in site_names if word_count(name) <= 5}
    names.discard("")
    if not names:
        return ""
    for domain in domains_in(text):
        stem = domain.rsplit(".", 1)[0].removesuffix(".co")
        if letters_key(stem) in names:
            return domain
    return ""
