"""Word lists the sentence segmenter consults around a period.

These are general English conventions (style-guide abbreviations, function words),
not phrases from any corpus. All entries are lowercase unless noted; the segmenter
lowercases the token before looking it up.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text`` (keeps the lists below readable)."""
    return frozenset(text.split())


TITLES: frozenset[str] = _words(
    """mr mrs ms mx dr prof sen rep gov gen lt col maj capt cpt sgt cpl pvt cmdr adm
    rev fr hon pres supt insp messrs mme mlle amb atty det brig msgr esq
    vs cf viz eg ie"""
)
"""Abbreviations that always lead into more of the same sentence: a title before a name
(``Dr. Sharma``) or a linking abbreviation (``vs.``, ``e.g.``). A period after them is
never a sentence end. ``eg``/``ie`` are the dotted ``e.g.``/``i.e.`` with dots removed."""

ABBREVIATIONS: frozenset[str] = _words(
    """etc inc ltd co corp jr sr st ave blvd rd mt ft dept est approx govt univ assn bros
    al misc ca esp incl excl min max hr hrs yr yrs mln bln sq oz lb lbs km cm mm mi yd
    assoc intl natl bldg apt ext dist div pt pts tbsp tsp orig abbr ibid hwy rte inst
    ala ariz ark calif colo conn fla ga ill ind kan ky md mass mich minn mo mont neb nev
    okla ore pa tenn vt va wash wis wyo"""
)
"""Abbreviations that may also close a sentence (``... and Sons Ltd.``), including the
AP-style US state abbreviations (``Springfield, Ill.``). Before a lowercase word or a
number they never do; before a capital only when that word is a typical sentence
opener (see :data:`SENTENCE_STARTERS`)."""

NUMBER_PREFIXES: frozenset[str] = _words("no nos vol vols p pp art sec fig figs ch ref op")
"""Abbreviations that introduce a number (``No. 10``, ``p. 5``). Only before a digit are
they abbreviations; ``No.`` before a word is the answer "No"."""

CALENDAR: frozenset[str] = _words(
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mon Tue Tues Wed Thu Thur Thurs Fri"
)
"""Capitalised month and weekday abbreviations (case-sensitive: ``mar``/``wed`` are
verbs). ``Sat``/``Sun`` are left out because "The Sun." often ends a sentence."""

SENTENCE_STARTERS: frozenset[str] = _words(
    """The A An This That These Those It Its He She They We I You His Her Their Our My
    Your There Here But And Or So Yet However Meanwhile Still Also Then Now Thus
    In On At For From With By To Of As If When While Where After Before Since
    Although Though Because During Despite Some Many Most All Both Each Other Others
    What Who Why How Which Is Are Was Were Do Does Did Can Could Will Would Should
    Let Such One Two Last Next Today Yesterday"""
)
"""Capitalised function words that usually open a sentence and rarely continue a name.
After an ambiguous abbreviation (``U.S.``, ``Inc.``, ``a.m.``) a following capital is a
new sentence only when it is one of these: ``the U.S. It`` splits, ``U.S. President``
does not. Case-sensitive."""

SPEECH_VERBS: frozenset[str] = _words(
    """said says say told tells asked asks added adds wrote writes stated states noted
    notes explained explains replied replies insisted insists warned warns argued argues
    recalled concluded continued admitted claimed claims declared announced posted
    tweeted according acknowledged conceded emphasized emphasised stressed urged cautioned
    remarked responded answered countered commented suggested predicted vowed promised
    pledged quipped joked shouted yelled whispered"""
)
"""Verbs of saying. A short clause built on one of them right after a closed quotation
(``...a country." Trump said.``) is the quote's attribution, not a new sentence."""

ATTRIBUTION_SUBJECTS: frozenset[str] = _words("he she they we i")
"""Personal pronouns that, lowercase right after a closed quotation, start its
attribution whatever the verb (``"We lost." he sighed.``)."""
