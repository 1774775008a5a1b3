"""Who asserts a sentence, and which of its words only attribute it (English only).

The guide for a shared claim says: *the shared content has to be asserted* (a
presupposed modifier or an attribution alone does not count) and *who made a claim is
part of it*. Two cheap, general proxies follow from that, both built from a handful of
English reporting patterns, never from names:

* **Sources** (:func:`sources`): the name that fills the subject slot of a reporting
  verb ("Petrov said", "The Ministry confirmed", "Hart's remarks ... indicated"), the
  object of "according to", or the name after an inverted "said" following a quote.
  The phrase's capitalised words that are not titles count ("Ministry spokesman Ivan
  Petrov" -> ministry, ivan, petrov; a nationality stems like its country, so
  "Brazilian President Lima" and "Brazil" share a key); a phrase that ends in a
  title or role ("the US President", "his spokesperson") names
  its possessor if it has one ("Lima's spokesperson" -> ``{"lima"}``) and nobody
  otherwise. Pronouns and generic groups ("he", "some analysts") resolve to nobody:
  an unknown source never conflicts with anything, with one exception: a sentence
  that opens with "He"/"She" and a reporting verb continues the previous sentence's
  speaker ("Lima elaborated, ... . He underscored ..."), so
  :func:`resolve_sources` gives it that sentence's source when the two are read in
  article order.
* **Attribution words** (:func:`attribution_words`): content words that occur only in
  the attribution (the prepositional phrases and addressee after a reporting verb: "said
  *in a social media post*", "telling *reporters*"; the non-name words of a subject
  that reports: "Hart's *previous remarks on her social media platform* indicated")
  or only inside a short quoted descriptor used as a modifier ("a *'lengthy and highly
  productive'* call", "described it as a *'good discussion'*").

A single capitalised word at the sentence start is a name only when the text passed
as ``proper`` shows it capitalised mid-sentence (sentence starts are capitalised
anyway: "Critics said" names nobody); a run of two or more capitalised words is a name
wherever it stands.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from reader.core.textnorm import STOP_WORDS, content_words, fold

__all__ = [
    "SHORT_QUOTE_WORDS",
    "attribution_words",
    "proper_words",
    "resolve_sources",
    "sources",
    "sources_conflict",
]

SHORT_QUOTE_WORDS = 6
"""A quoted fragment of at most six words used as a modifier ('a "lengthy and highly
productive" call') is a descriptor, not a quoted claim: a full quoted clause has a
subject and a verb and is rarely that short, a descriptor rarely longer."""

DESCRIBED_NOUN_WORDS = 2
"""A descriptor quote presupposes the noun right after it, at most two words ("phone
call", "peace talks"): English compound nouns in news are mostly one or two words, and
a longer run would reach into the rest of the clause."""

SUBJECT_WINDOW = 200
"""The subject of a reporting verb is looked for in the 200 characters before it: room
for a long name, an appositive and a few adverbs; bounding it keeps the search linear in
the text length (a run of capitalised words could otherwise make it quadratic)."""

MAX_SENTENCE_CHARS = 2000
"""Texts longer than 2,000 characters (ten times a long news sentence) are not one
sentence but unsplit text (a run-on line, an extraction artefact): no speaker or
attribution is read from them, which keeps a 1 MB single line cheap."""

ATTRIBUTION_TAIL_WORDS = 8
"""At most eight words after a reporting verb are read as its attribution tail ("said in
a social media post following the conversation"); a longer run is more likely the
reported content itself than a where/how/to-whom phrase."""

_VERBS = (
    "say|says|said|saying|tell|tells|told|telling|stated|stating|announce|announced|"
    "announces|announcing|add|added|adds|adding|write|writes|wrote|writing|posted|"
    "posting|tweet|tweeted|tweets|insist|insisted|insists|insisting|argue|argued|"
    "argues|arguing|claimed|claiming|noted|notes|noting|stress|stressed|"
    "stresses|stressing|emphasi[sz]e|emphasi[sz]ed|emphasi[sz]es|emphasi[sz]ing|warn|warned|"
    "warns|confirm|confirmed|confirms|confirming|deny|denied|denies|denying|"
    "acknowledge|acknowledged|acknowledges|acknowledging|explain|explained|explains|"
    "explaining|remarked|remarking|describe|described|describes|describing|"
    "characteri[sz]e|characteri[sz]ed|characteri[sz]es|characteri[sz]ing|echo|echoed|"
    "echoes|echoing|mention|mentioned|mentions|mentioning|suggest|suggested|suggests|"
    "suggesting|indicate|indicated|indicates|indicating|assert|asserted|asserts|asserting|"
    "declare|declared|declares|declaring|express|expressed|expresses|expressing|"
    "underscore|underscored|underscores|underscoring|highlight|highlighted|highlights|"
    "highlighting|reported|elaborate|elaborated|elaborates|"
    "recall|recalled|recalls|predict|predicted|predicts|vow|vowed|vows|pledge|pledged|"
    "pledges|urge|urged|urges|promise|promised|promises|signaled|signalled|"
    "reiterate|reiterated|reiterates"
)
"""English reporting verbs in their inflections (general news usage, no event words)."""

_TITLES = frozenset(
    """
    president presidents minister ministers prime secretary spokesman spokeswoman
    spokesperson spokespeople chancellor king queen prince princess senator governor
    mayor general director chief ambassador envoy adviser advisor official officials
    leader leaders leadership head dr mr mrs ms sir pope premier representative deputy
    commander chairman chair ceo aide aides team government administration office
    ministry department sources source analysts analyst experts expert critics
    """.split()  # noqa: SIM905
)
"""Title and role nouns: a phrase whose last word is one of these names a role, not a
person or body ("the US President", "Brazilian officials"), so it names nobody unless a
possessor says whose ("Lima's spokesperson")."""

_NOT_NAMES = frozenset(
    """
    the a an he she they it we i you this that these those his her their its our some
    many most several others other both all each few one no on in at after before while
    when as but and however meanwhile still also yet so if although though during
    """.split()  # noqa: SIM905
)
"""Capitalised function words (at a sentence start) that never begin a name."""

_CAP = r"(?:[A-Z][\w'\u2019.-]*)"
_JOIN = "|".join(sorted(_TITLES | {"of", "de", "bin", "press", "foreign", "defence", "defense"}))
_NAME = rf"{_CAP}(?:\s+(?:(?:{_JOIN})\s+){{0,2}}{_CAP})*"
"""Capitalised words, joined by "of"/"bin" or lowercase role words ("Ministry spokesman
Oleg Dranov", "White House press secretary Ana Ruiz")."""
_ADVERBS = r"(?:\s+(?:\w+ly|also|has|have|had|later|then|again|once|even|will|would|did|does))*"
_APPOSITIVE = r"(?:,\s+(?:a|an|the|who|whose|his|her|its|their)\b[^,]{0,80},)?"
"""An appositive between a name and its verb: "Lena Novak, a leading expert, notes"."""
_VERB = re.compile(rf"\b(?:{_VERBS})\b")
_SUBJECT = re.compile(rf"(?<![\w'\u2019])({_NAME}){_APPOSITIVE}{_ADVERBS}\s+$")
"""``Name [, appositive,] [adverbs] verb``: the name that fills the reporting slot."""
_POSSESSOR = re.compile(
    rf"(?<![\w'\u2019])({_NAME})['\u2019]s?((?:\s+[a-z][\w-]*){{1,8}}?){_ADVERBS}\s+$"
)
"""``Name's lowercase words verb``: "Hart's previous remarks on ... indicated"."""
_ACCORDING = re.compile(rf"\baccording to\s+(?:the\s+)?({_NAME})")
_INVERTED = re.compile(
    rf"[\"\u201d,]\s*(?:said|says|added|wrote|insisted|stated|noted)\s+(?:the\s+)?({_NAME})"
)
"""Inverted attribution after a quote: '..., said Petrov'."""
_TAIL = re.compile(
    rf"\b({_VERBS})\b((?:\s+(?!that\b)[\w'\u2019-]+){{1,{ATTRIBUTION_TAIL_WORDS}}}?)"
    r"(?=\s*(?:[,.;:!?\"\u201c\u201d]|\bthat\b|$))"
)
"""The words after a reporting verb up to a clause boundary ("that", punctuation, a
quote, the end): its attribution tail."""
_TAIL_START = re.compile(r"\s+(?:in|via|during|at|through|(?:to\s+)?(?:reporters|journalists))\b")
"""A tail counts only when it starts like an attribution: where, through what or to
whom it was said ("in a post", "via a statement", "at a briefing", "told reporters").
"on", "to", "of", "about", "for" after most verbs introduce the content ("insisted on a
ceasefire", "warned of a recession"), so they count only after a plain saying verb."""
_SAYING = frozenset(
    """
    say says said saying tell tells told telling write writes wrote writing posted posting
    tweet tweeted tweets stated stating
    """.split()  # noqa: SIM905
)
_SAYING_TAIL_START = re.compile(r"\s+(?:on|to)\b")
"""After a plain saying verb "on"/"to" name the medium or addressee ("said on
television", "wrote on social media", "said to the crowd")."""
_QUOTE = re.compile(r"[\"\u201c\u201d]([^\"\u201c\u201d]{1,200})[\"\u201c\u201d]")
_DESCRIPTOR_BEFORE = re.compile(r"\b(?:as|as an?|called|dubbed|termed|calling|describing)\s*$")
_FOLLOWING_WORD = re.compile(r"\s*([a-z][\w-]*)")
_DESCRIBED_NOUN = re.compile(
    rf"(?:\s+(?!(?:{'|'.join(sorted(STOP_WORDS))})\b)[a-z][\w-]*){{1,{DESCRIBED_NOUN_WORDS}}}"
)
"""The lowercase words right after a modifier quote (not function words): the noun it
describes, which the quote presupposes rather than asserts ('a "productive" phone call')."""
_TITLE_WORD = re.compile(r"[\w'\u2019.-]+")


def _name_keys(phrase: str) -> frozenset[str]:
    """Keys of the capitalised non-title words of a name phrase ("Ministry spokesman
    Ivan Petrov" -> ministry, ivan, petrov; "Brazilian President Lima" ->
    brazil, lima, the nationality stemming like its country); empty when the phrase
    ends in a title or role and so names a role only ("the US President")."""
    words = [re.sub(r"['\u2019]s$", "", w).rstrip(".") for w in _TITLE_WORD.findall(phrase)]
    words = [w for w in words if w and w.casefold() not in _NOT_NAMES]
    if not words or words[-1].casefold() in _TITLES:
        return frozenset()
    keys: set[str] = set()
    for word in words:
        if word[0].isupper() and word.casefold() not in _TITLES:
            keys.update(content_words(word))
    return frozenset(keys)


def _mid_sentence_ok(text: str, start: int, phrase: str, proper: frozenset[str]) -> bool:
    """A name at the sentence start counts only if ``proper`` vouches for its first word."""
    if text[:start].strip(" \"'\u201c\u2018(") != "":
        return True
    words = _TITLE_WORD.findall(phrase)
    if len(words) > 1:
        return True  # "The Ministry", "President Ellen Hart": a run of capitals is a name
    return bool(words) and fold(words[0]).rstrip(".") in proper


def _before_verbs(pattern: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """Matches of ``pattern`` (anchored at its end) right before each reporting verb,
    within :data:`SUBJECT_WINDOW` characters."""
    found: list[re.Match[str]] = []
    for verb in _VERB.finditer(text):
        hit = pattern.search(text, max(0, verb.start() - SUBJECT_WINDOW), verb.start())
        if hit is not None:
            found.append(hit)
    return found


@lru_cache(maxsize=8192)
def _sources(text: str, proper: frozenset[str]) -> frozenset[str]:
    if len(text) > MAX_SENTENCE_CHARS:
        return frozenset()
    keys: set[str] = set()
    matches: Iterable[re.Match[str]]
    for matches in (
        _before_verbs(_SUBJECT, text),
        _ACCORDING.finditer(text),
        _INVERTED.finditer(text),
    ):
        for match in matches:
            phrase = match.group(1)
            if phrase.endswith(("'s", "\u2019s")):
                continue  # a possessor ("Hart's remarks"), handled by _POSSESSOR
            if not _mid_sentence_ok(text, match.start(1), phrase, proper):
                continue
            keys.update(_name_keys(phrase))
    for match in _before_verbs(_POSSESSOR, text):
        phrase = match.group(1)
        if _mid_sentence_ok(text, match.start(1), phrase, proper):
            keys.update(_name_keys(phrase))
    return frozenset(keys)


def sources(text: str, proper: Iterable[str] = ()) -> frozenset[str]:
    """Name keys of who asserts the sentence's content; empty when unknown.

    ``proper``: case-folded words known to be names (see :func:`proper_words`), used to
    accept a name at the very start of the sentence.
    """
    return _sources(text, frozenset(proper))


_PRONOUN_SPEAKER = re.compile(rf"^[\s\"'\u201c\u2018(]*(?:He|She)\b{_ADVERBS}\s+(?:{_VERBS})\b")
"""A sentence whose reporting subject is a singular personal pronoun at its start."""


def resolve_sources(texts: Sequence[str], index: int, proper: Iterable[str] = ()) -> frozenset[str]:
    """Sources of ``texts[index]``, sentences of one article in order: as
    :func:`sources`, except that a sentence opening with "He"/"She" and a reporting
    verb takes the previous sentence's source. English news names a speaker and goes
    on with a pronoun in the next sentence; only the sentence right before is read,
    since further back the pronoun may refer to someone else."""
    found = sources(texts[index], proper)
    if found or index == 0 or not _PRONOUN_SPEAKER.match(texts[index]):
        return found
    return sources(texts[index - 1], proper)


def sources_conflict(a: frozenset[str], b: frozenset[str]) -> bool:
    """True when both sources are known and share no name: different speakers."""
    return bool(a) and bool(b) and not (a & b)


def proper_words(texts: Iterable[str]) -> frozenset[str]:
    """Case-folded words written capitalised somewhere other than a sentence start."""
    found: set[str] = set()
    for text in texts:
        for match in re.finditer(r"(?<=[a-z,;:]\s)([A-Z][\w'\u2019-]*)", text):
            found.add(fold(re.sub(r"['\u2019]s$", "", match.group(1))))
    return frozenset(found)


@lru_cache(maxsize=8192)
def attribution_words(text: str) -> frozenset[str]:
    """Content words (stems) found only in attribution or a short quoted descriptor.

    A word that also occurs in the rest of the sentence is not returned: there it is
    asserted.
    """
    if len(text) > MAX_SENTENCE_CHARS:
        return frozenset()
    marked: list[tuple[int, int]] = []
    for match in _TAIL.finditer(text):
        tail = match.group(2)
        if _TAIL_START.match(tail) or (
            match.group(1) in _SAYING and _SAYING_TAIL_START.match(tail)
        ):
            marked.append(match.span(2))
    for possessor in _before_verbs(_POSSESSOR, text):
        marked.append(possessor.span(2))
    for match in _QUOTE.finditer(text):
        inner = match.group(1)
        if len(inner.split()) > SHORT_QUOTE_WORDS or inner.rstrip().endswith((".", "!", "?")):
            continue
        before = text[: match.start()]
        after = _FOLLOWING_WORD.match(text, match.end())
        modifies = after is not None and after.group(1) not in STOP_WORDS
        if modifies or _DESCRIPTOR_BEFORE.search(before):
            end = match.end()
            if modifies:
                noun = _DESCRIBED_NOUN.match(text, match.end())
                if noun is not None:
                    end = noun.end()  # the noun the descriptor presupposes: "call"
            marked.append((match.start(1), end))
    if not marked:
        return frozenset()
    marked.sort()
    inside: list[str] = []
    outside: list[str] = []
    position = 0
    for start, end in marked:
        if start > position:
            outside.append(text[position:start])
        if end > position:
            inside.append(text[max(start, position) : end])
            position = end
    outside.append(text[position:])
    attributed = set(content_words(" ".join(inside)))
    return frozenset(attributed - set(content_words(" ".join(outside))))
