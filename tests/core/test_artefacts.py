"""Extraction-artefact warnings: unique sentences that the other side's cleaner dropped."""

from __future__ import annotations

import pytest

from reader.core.align import Comparison, SentencePair, Side
from reader.core.artefacts import (
    MIN_COVERAGE,
    artefact_warnings,
    coverage,
    dropped_candidates,
)
from reader.core.models import Article, DroppedUnit, Sentence

LEDE = "The harbour bridge was closed on Monday after a storm damaged its cables."
EDITED_LEDE = "The harbour bridge was closed Monday after a storm damaged cables"
ONLY_A = "Local shops near the bridge reported fewer customers by noon."
ONLY_B = "Police asked drivers to avoid the waterfront until further notice."


def sentences(*texts: str) -> tuple[Sentence, ...]:
    found: list[Sentence] = []
    offset = 0
    for text in texts:
        found.append(Sentence(text, offset, offset + len(text)))
        offset += len(text) + 1
    return tuple(found)


def article(id: str, body: list[str], **fields: object) -> Article:
    return Article(id=id, title=f"Title {id}", outlet=f"Outlet {id}", text=" ".join(body), **fields)  # type: ignore[arg-type]


def comparison(a: list[str], b: list[str], pairs: list[tuple[int, int]]) -> Comparison:
    return Comparison(
        Side("a", "Outlet a", "Title a", sentences(*a)),
        Side("b", "Outlet b", "Title b", sentences(*b)),
        tuple(SentencePair(i, j, "paraphrase", 0.5) for i, j in pairs),
    )


@pytest.mark.parametrize(
    ("unit", "expected_reason"),
    [
        # B's cleaner took the lede for a standfirst (edited a little)
        (DroppedUnit(EDITED_LEDE, "standfirst"), "standfirst"),
        # B's cleaner cut a whole paragraph that contains the sentence
        (DroppedUnit(f"Share this. {LEDE} Subscribe for more.", "promo"), "promo"),
    ],
)  # fmt: skip
def test_unique_sentence_matching_dropped_text_is_flagged(
    unit: DroppedUnit, expected_reason: str
) -> None:
    a = article("a", [LEDE, ONLY_A])
    b = article("b", [ONLY_B], dropped=(unit,))
    found = artefact_warnings(comparison([LEDE, ONLY_A], [ONLY_B], []), a, b)
    assert [(w.side, w.index, w.unit.reason) for w in found] == [("a", 0, expected_reason)]
    assert found[0].coverage >= MIN_COVERAGE


def test_vice_versa_standfirst_and_title_of_a() -> None:
    a = article("a", [LEDE], standfirst="Police asked drivers to avoid the waterfront.")
    b = article("b", [LEDE, ONLY_B])
    found = artefact_warnings(comparison([LEDE], [LEDE, ONLY_B], [(0, 0)]), a, b)
    assert [(w.side, w.index, w.unit.reason) for w in found] == [("b", 1, "standfirst")]


def test_topic_words_paired_sentences_and_short_lines_are_not_flagged() -> None:
    dropped = (
        DroppedUnit("Storm news: bridge, harbour, Monday, cables and more", "navigation"),
        DroppedUnit("Reply", "comment widget"),
    )
    a = article("a", [LEDE, "Reply now.", ONLY_A])
    b = article("b", [LEDE], dropped=(*dropped, DroppedUnit(LEDE, "repeated")))
    found = artefact_warnings(comparison([LEDE, "Reply now.", ONLY_A], [LEDE], [(0, 0)]), a, b)
    assert found == []  # the lede is paired; "Reply now." is too short; ONLY_A is new


def test_dropped_candidates_add_standfirst_and_title_once() -> None:
    a = article(
        "a",
        [LEDE],
        standfirst="A standfirst line.",
        dropped=(DroppedUnit("Title a", "headline"), DroppedUnit("", "symbols")),
    )
    assert [(u.text, u.reason) for u in dropped_candidates(a)] == [
        ("Title a", "headline"),
        ("A standfirst line.", "standfirst"),
    ]


def test_coverage_counts_runs_in_order() -> None:
    words = ["the", "bridge", "was", "closed", "on", "monday"]
    assert coverage(words, words) == 1.0
    assert coverage(words, ["monday", "on", "closed", "was", "bridge", "the"]) == 0.0
    assert coverage(words, []) == 0.0
    assert coverage([], words) == 0.0
