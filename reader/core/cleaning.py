"""Turn a raw scraped article into a title, metadata and clean body paragraphs.

The cleaner works on *units*: the non-empty lines of the raw text (hard-wrapped
paragraphs are joined first). Each unit is either kept as a body paragraph or
dropped with a reason, so users can always check what was removed
(``newsreader show ID --raw``). The decisions rest on general features only
(see ``cleaning_features``) and on the unit's place in the article:

* a *header zone* above the headline (crumbs, slogans, section names, dates);
* a *front zone* just below it (standfirst, byline, dateline, captions);
* the *body*, where short unpunctuated title-like lines are subheadings;
* a *footer zone* that starts at the first short chrome-like line near the end
  (comment boxes, "more articles" links, widgets) and runs to the end.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass

from reader.core import cleaning_features as f
from reader.core.models import DroppedUnit
from reader.core.paragraphs import Unit, split_units

# A body paragraph of at least this many words is unmistakably prose; headings and
# widgets are shorter. Used to tell a subheading (followed by prose) from a list item.
LONG_PARAGRAPH_WORDS = 30
# Headings rarely run past this many words; longer unpunctuated lines are prose
# that merely lost its final full stop.
MAX_HEADING_WORDS = 16
# How far down the headline may sit: scraped pages put at most a handful of
# header lines (crumbs, slogans, dates) above it.
HEADLINE_SEARCH_UNITS = 8
# How many not-yet-dropped units below the headline may hold standfirst, byline,
# dateline and captions before the body must have started.
FRONT_ZONE_UNITS = 5
# A standfirst (dek) is a one-line summary; a news lede runs 25-40 words. Only a
# line this short is taken for a dek when nothing else (a byline below it) says so.
MAX_STANDFIRST_WORDS = 20
# Anything above the headline longer than this is prose, so there is no header zone.
MAX_HEADER_WORDS = 14
# The footer can only start in the last part of the article, and only when what
# follows is small: a short line in mid-article is a subheading, not the end.
FOOTER_MIN_POSITION = 0.5
FOOTER_MAX_TAIL = 0.35

# Reasons shown to users for dropped units (``DroppedUnit.reason``).
NAVIGATION = "navigation"
REPEATED_IN_ARTICLE = "repeated in the article"
CHROME = "page furniture (share, credit, promo)"
HEADLINE = "headline"
SUBHEADING = "subheading"
FOOTER = "footer (after the end of the article)"


@dataclass(frozen=True)
class CleanedArticle:
    """What the cleaner found in one raw text."""

    title: str
    paragraphs: tuple[str, ...]
    dropped: tuple[DroppedUnit, ...] = ()
    byline: str = ""
    standfirst: str = ""
    date: str = ""
    """Publication date from a dateline, ISO ``YYYY-MM-DD``, or empty."""
    site: str = ""
    """Outlet guessed from the text (a domain that matches a dropped site name), or empty."""

    @property
    def text(self) -> str:
        """The body paragraphs joined by blank lines."""
        return "\n\n".join(self.paragraphs)


def clean_article(
    raw: str,
    *,
    title: str = "",
    repeated_lines: Collection[str] = (),
    headings: Collection[str] = (),
) -> CleanedArticle:
    """Clean one article.

    Args:
        raw: the sanitised raw text (front matter already removed).
        title: the declared title, if any; a matching line is dropped as the headline.
        repeated_lines: ``cleaning_features.line_key`` forms of lines that recur in many
            articles of the same outlet; such lines are site furniture.
        headings: lines the file format marks as headings (markdown ``#``); after the
            headline they are dropped as subheadings.

    Returns:
        The title (declared or found), body paragraphs, metadata and dropped units.
    """
    units = split_units(raw)
    reasons: dict[int, str] = {}
    found = _Metadata()
    _mark_context_free(units, reasons, repeated_lines)
    headline = _find_headline(units, reasons, title)
    if headline is not None:
        reasons[headline] = HEADLINE
        _mark_header_zone(units, reasons, headline, found)
    heading_keys = {f.line_key(h) for h in headings}
    for i, unit in enumerate(units):
        if f.line_key(unit.text) in heading_keys:
            reasons.setdefault(i, SUBHEADING)
    front_end = _mark_front_zone(
        units, reasons, (headline + 1) if headline is not None else 0, found
    )
    _mark_footer_zone(units, reasons)
    _mark_body(units, reasons, front_end, found)

    paragraphs = tuple(u.text for i, u in enumerate(units) if i not in reasons)
    dropped = tuple(
        DroppedUnit(u.text, reasons[i], u.line) for i, u in enumerate(units) if i in reasons
    )
    return CleanedArticle(
        title=title or (units[headline].text if headline is not None else ""),
        paragraphs=paragraphs,
        dropped=dropped,
        byline=found.byline,
        standfirst=found.standfirst,
        date=found.date,
        site=f.site_named_in(raw, [unit.text for unit in dropped]),
    )


@dataclass
class _Metadata:
    """Metadata collected while walking the units."""

    byline: str = ""
    standfirst: str = ""
    date: str = ""


def _mark_context_free(
    units: list[Unit], reasons: dict[int, str], repeated: Collection[str]
) -> None:
    """Drop units that are boilerplate wherever they stand."""
    in_article = Counter(f.line_key(u.text) for u in units)
    seen: set[str] = set()
    for i, unit in enumerate(units):
        text = unit.text
        key = f.line_key(text)
        words = f.word_count(text)
        short_fragment = words <= 6 and not f.ends_sentence(text)
        first_time = key not in seen
        seen.add(key)
        if not f.has_letters(text):
            reasons[i] = "symbols"
        elif f.is_crumb_trail(text) or (words <= 8 and f.ends_with_arrow(text)):
            reasons[i] = NAVIGATION
        elif f.link_density(text) > 0.5:
            reasons[i] = "link"
        elif key in repeated:
            reasons[i] = "repeated in the outlet's articles"
        elif short_fragment and in_article[key] > 1:
            reasons[i] = REPEATED_IN_ARTICLE
        elif not first_time and words > 6:
            # A scrape that caught the same paragraph twice (page and print version,
            # a pull quote): keep the first copy so each sentence counts once.
            reasons[i] = "duplicate paragraph"
        elif words <= 10 and not f.ends_sentence(text) and f.is_chrome(text):
            reasons[i] = CHROME


def _find_headline(units: list[Unit], reasons: dict[int, str], title: str) -> int | None:
    """Index of the headline unit, or None when the text does not start with one."""
    wanted = f.line_key(title)
    for i, unit in enumerate(units[:HEADLINE_SEARCH_UNITS]):
        if wanted and f.line_key(unit.text) == wanted:
            return i
    if wanted and any(f.line_key(u.text) == wanted for u in units):
        # The declared title appears further down: treat it as a repeat, not a headline.
        return None
    for i, unit in enumerate(units[:HEADLINE_SEARCH_UNITS]):
        if i in reasons:
            continue
        text = unit.text
        words = f.word_count(text)
        if words >= MAX_HEADER_WORDS and f.ends_sentence(text):
            return None  # prose before any headline-like line: the text has no headline
        # Headlines carry no full stop; a question or exclamation is fine if it is
        # capitalised like a headline.
        unpunctuated = not f.ends_sentence(text) or (
            text.rstrip()[-1:] in "?!" and f.title_case_ratio(text) >= 0.6
        )
        if (
            3 <= words <= 30
            and unpunctuated
            and not f.is_speaker_label(text)
            and f.date_line(text) is None
        ):
            # With a declared title, a differently worded headline must still share
            # most of its words (an HTML <title> often adds the site name).
            return i if not wanted or _shares_words(text, title) else None
    return None


def _shares_words(line: str, title: str) -> bool:
    """True when most words of ``line`` also occur in ``title`` (case-insensitive)."""
    line_words = set(f.line_key(line).split())
    title_words = set(f.line_key(title).split())
    return len(line_words & title_words) >= 0.5 * len(line_words)


def _mark_header_zone(
    units: list[Unit], reasons: dict[int, str], headline: int, found: _Metadata
) -> None:
    """Drop the site header above the headline, keeping any date or byline it holds."""
    if any(f.word_count(u.text) > MAX_HEADER_WORDS for u in units[:headline]):
        return
    for i in range(headline):
        if i in reasons:
            continue
        if _take_dateline(units[i].text, found):
            reasons[i] = "dateline"
        else:
            reasons[i] = "site header"


def _take_dateline(text: str, found: _Metadata) -> bool:
    """Record the date (and byline) of a dateline; False when ``text`` is not one."""
    dated = f.date_line(text)
    if dated is None:
        return False
    iso, residue = dated
    found.date = found.date or iso
    if residue and not found.byline:
        found.byline = f.byline_name(residue) or residue
    return True


def _mark_front_zone(
    units: list[Unit], reasons: dict[int, str], start: int, found: _Metadata
) -> int:
    """Handle standfirst, byline, dateline and captions just below the headline.

    Returns:
        Index of the first unit after the front zone.
    """
    if start == 0:
        return 0  # no headline, so no reliable front zone
    i = start
    examined = 0
    pending: list[int] = []  # a possible standfirst, decided once the zone is known
    while i < len(units) and examined < FRONT_ZONE_UNITS:
        if i in reasons:
            i += 1
            continue
        examined += 1
        text = units[i].text
        words = f.word_count(text)
        if _take_dateline(text, found):
            reasons[i] = "dateline"
        elif f.byline_name(text):
            found.byline = found.byline or f.byline_name(text)
            reasons[i] = "byline"
        elif not pending and _looks_like_heading(text):
            pending.append(i)
        elif words <= 4 and not f.ends_sentence(text):
            reasons[i] = "caption or label"  # a job title under the byline, a photo label
        elif not pending and f.ends_sentence(text) and f.sentence_count(text) == 1 and words <= 60:
            pending.append(i)
        else:
            break
        i += 1
    for index in pending:
        # A lone first line is a standfirst when prose follows that is clearly longer;
        # otherwise it is the article's first paragraph and stays.
        after = next(
            (u for j, u in enumerate(units[index + 1 :], index + 1) if j not in reasons), None
        )
        text = units[index].text
        dated_after = any(reasons.get(j) in ("byline", "dateline") for j in range(index + 1, i))
        longer_after = after is not None and f.word_count(after.text) >= 2 * f.word_count(text)
        short = f.word_count(text) <= MAX_STANDFIRST_WORDS
        if dated_after or _looks_like_heading(text) or (longer_after and short):
            reasons[index] = "standfirst"
            found.standfirst = found.standfirst or text
    return i


def _looks_like_heading(text: str) -> bool:
    """Short, unpunctuated (or a question) and mostly capitalised: a heading."""
    words = f.word_count(text)
    if words > MAX_HEADING_WORDS or f.is_speaker_label(text):
        return False
    punctuated = f.ends_sentence(text) and not text.rstrip().endswith("?")
    return not punctuated and len(f.content_words(text)) >= 2 and f.title_case_ratio(text) >= 0.6


def _mark_body(units: list[Unit], reasons: dict[int, str], start: int, found: _Metadata) -> None:
    """Drop subheadings, lone speaker labels, captions and stray dates inside the body."""
    for i in range(start, len(units)):
        if i in reasons:
            continue
        text = units[i].text
        words = f.word_count(text)
        if f.is_speaker_label(text):
            reasons[i] = "speaker label"
        elif f.byline_name(text):
            reasons[i] = "byline or credit"
        elif f.date_line(text) is not None and not f.ends_sentence(text):
            _take_dateline(text, found)
            reasons[i] = "dateline"
        elif _looks_like_heading(text) or (
            words <= 12 and not f.ends_sentence(text) and _between_prose(units, reasons, i)
        ):
            reasons[i] = SUBHEADING
        elif words <= 4 and not f.ends_sentence(text) and f.stop_word_ratio(text) < 0.2:
            reasons[i] = "caption or label"


def _between_prose(units: list[Unit], reasons: dict[int, str], i: int) -> bool:
    """True when unit ``i`` introduces prose: a long paragraph follows, or prose on both sides.

    A list item (a takeaway, a bullet) sits among short lines; a subheading sits
    between paragraphs.
    """
    after = next((u for j, u in enumerate(units[i + 1 :], i + 1) if j not in reasons), None)
    before = next((units[j] for j in range(i - 1, -1, -1) if j not in reasons), None)

    def is_prose(unit: Unit | None, words: int) -> bool:
        return unit is not None and f.word_count(unit.text) >= words and f.ends_sentence(unit.text)

    long_words = LONG_PARAGRAPH_WORDS
    return (after is not None and f.word_count(after.text) >= long_words) or (
        is_prose(before, long_words * 2 // 3) and is_prose(after, long_words * 2 // 3)
    )


def _mark_footer_zone(units: list[Unit], reasons: dict[int, str]) -> None:
    """Drop everything from the first footer-like line near the end of the article."""
    sizes = [len(u.text) for u in units]
    total = sum(sizes) or 1
    before = 0
    for i in range(len(units)):
        position = before / total
        before += sizes[i]
        if position < FOOTER_MIN_POSITION or (total - before) / total > FOOTER_MAX_TAIL:
            continue
        if _starts_footer(units, reasons, i):
            for j in range(i, len(units)):
                reasons.setdefault(j, FOOTER)
            return
    # No footer marker: still drop a trailing run of short unpunctuated lines.
    for i in range(len(units) - 1, -1, -1):
        text = units[i].text
        if i in reasons:
            continue
        if f.word_count(text) > 6 or f.ends_sentence(text) or f.is_speaker_label(text):
            break
        reasons[i] = FOOTER


def _starts_footer(units: list[Unit], reasons: dict[int, str], i: int) -> bool:
    """True when unit ``i`` is a short chrome-like line that opens a cluster of furniture.

    Page furniture comes in clusters (a comment box and its notice, "related" links);
    a heading near the end is followed by paragraphs. So the next unit must be short,
    already dropped, or absent, or one of the two after it must be.
    """
    text = units[i].text
    if reasons.get(i, "") not in ("", NAVIGATION, REPEATED_IN_ARTICLE, CHROME):
        return False
    if f.word_count(text) > 6 or f.is_speaker_label(text):
        return False
    stripped = text.rstrip(" .…»›→")
    if f.ends_sentence(stripped) and not text.endswith(("...", "…")):
        return False
    if f.content_words(text) and f.title_case_ratio(text) < 0.75:
        return False
    following = range(i + 1, min(i + 3, len(units)))
    if not following:
        return True
    if f.word_count(units[i + 1].text) >= LONG_PARAGRAPH_WORDS:
        return False
    return any(j in reasons or f.word_count(units[j].text) <= 6 for j in following)
