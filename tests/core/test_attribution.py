"""Speaker detection and attribution-only words (reader.core.attribution)."""

from __future__ import annotations

from reader.core.attribution import (
    attribution_words,
    proper_words,
    resolve_sources,
    sources,
    sources_conflict,
)
from reader.core.textnorm import content_words


def keys(*words: str) -> frozenset[str]:
    return frozenset(k for w in words for k in content_words(w))


def test_subject_of_a_reporting_verb_is_the_source() -> None:
    assert sources("Kremlin spokesman Oleg Dranov told reporters the talks went well.") == keys(
        "Kremlin", "Oleg", "Dranov"
    )
    assert sources("The talks went well, Hart said on Tuesday.", {"hart"}) == keys("Hart")
    assert sources("Prices will rise, according to the Central Bank.") == keys("Central", "Bank")
    assert sources('"We are ready," said Marta Ruiz.') == keys("Marta", "Ruiz")
    assert sources("Dr. Ana Ruiz, a leading economist, notes that prices will rise.") == keys(
        "Ana", "Ruiz"
    )


def test_possessor_of_a_reporting_subject_is_the_source() -> None:
    text = "Hart's earlier remarks on her radio show indicated a deal was close."
    assert sources(text, {"hart"}) == keys("Hart")


def test_pronouns_roles_and_generic_groups_are_unknown() -> None:
    assert sources("He said the talks went well.") == frozenset()
    assert sources("The US President said the talks went well.") == frozenset()
    assert sources("Some analysts warn that prices will rise.") == frozenset()
    assert sources("Critics said prices will rise.") == frozenset()  # not vouched as a name


def test_he_or_she_reporting_takes_the_previous_sentence_speaker() -> None:
    texts = [
        "Kremlin spokesman Oleg Dranov told reporters on Monday that a deal was near.",
        "He stressed that the talks would continue.",
        "They insisted on a ceasefire.",
        "She said nothing more.",
    ]
    assert resolve_sources(texts, 0) == keys("Kremlin", "Oleg", "Dranov")
    assert resolve_sources(texts, 1) == keys("Kremlin", "Oleg", "Dranov")
    assert resolve_sources(texts, 2) == frozenset()  # plural: not resolved
    assert resolve_sources(texts, 3) == frozenset()  # the sentence before names nobody
    assert resolve_sources(["He said the talks went well."], 0) == frozenset()
    # A pronoun that is not the reporting subject is not a speaker.
    assert resolve_sources([texts[0], "He arrived late and the talks went well."], 1) == (
        frozenset()
    )


def test_nationality_and_country_share_a_key() -> None:
    a = sources("Ukrainian President Taras Koval insisted the border stays.")
    b = sources("The talks stalled as Ukraine has repeatedly stated its position.")
    assert a and b and not sources_conflict(a, b)


def test_conflict_needs_two_known_different_sources() -> None:
    assert sources_conflict(keys("Dranov"), keys("Hart"))
    assert not sources_conflict(keys("Dranov"), frozenset())
    assert not sources_conflict(keys("Oleg", "Dranov"), keys("Dranov"))


def test_proper_words_are_capitalised_mid_sentence() -> None:
    found = proper_words(["Talks with Hart went well.", "critics blamed Hart again."])
    assert "hart" in found
    assert "talks" not in found


def test_attribution_tail_and_descriptor_quote_words() -> None:
    words = attribution_words("Hart said in a radio interview that taxes will fall.")
    assert keys("radio", "interview") <= words
    assert not keys("taxes", "fall") & words
    words = attribution_words('Hart held what she called a "frank and useful" meeting with Ruiz.')
    assert keys("frank", "useful", "meeting") <= words
    assert not keys("Ruiz") & words


def test_quoted_claims_and_asserted_words_are_not_attribution() -> None:
    # A quoted fragment that is the object of the clause, not a modifier.
    assert not attribution_words('Hart wants to "cut taxes immediately."')
    # A word used in the assertion as well as in the attribution stays.
    words = attribution_words("Hart said in a radio interview that radio licences will end.")
    assert keys("radio").isdisjoint(words)


def test_content_after_a_reporting_verb_is_not_attribution() -> None:
    assert not attribution_words("Hart insisted on a ceasefire before any talks.")
    assert not attribution_words("The minister warned of a recession.")
    assert keys("television") <= attribution_words("Hart said on television that taxes will fall.")


def test_long_runs_of_names_and_unsplit_text_stay_cheap() -> None:
    # Capitalised runs before a verb are searched in a bounded window only.
    run = "Alpha Beta " * 150 + "said in a post that it rained."
    assert sources(run) == keys("Alpha", "Beta")
    assert sources("Alpha Beta said it rained. " * 200) == frozenset()  # not one sentence
    assert attribution_words("Hart said in a post that it rained. " * 100) == frozenset()
