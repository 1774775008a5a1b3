"""Pure helpers behind the UI: wrapping, marks, aligned rows, swapping, search, rows."""

from __future__ import annotations

import pytest
from ui_corpus import HERALD, TIDE, compare, corpus, segment

from reader.ui.session import (
    Session,
    aligned_rows,
    annotated_sentences,
    changed_spans,
    find_matches,
    shared_summary,
    side_marks,
    swapped,
)
from reader.ui.widgets.blocks import wrap_offsets


def lines(text: str, width: int) -> list[str]:
    offsets = wrap_offsets(text, width)
    return [text[a:b].rstrip() for a, b in zip([0, *offsets], [*offsets, len(text)], strict=True)]


@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [
        ("one two three", 20, ["one two three"]),
        ("one two three", 7, ["one two", "three"]),
        ("one two three", 3, ["one", "two", "thr", "ee"]),
        ("abcdefghij", 4, ["abcd", "efgh", "ij"]),
        ("", 10, [""]),
        ("日本語の文章です", 6, ["日本語", "の文章", "です"]),
    ],
)
def test_wrap_offsets_break_at_words_and_fold_long_ones(
    text: str, width: int, expected: list[str]
) -> None:
    assert lines(text, width) == expected


def test_marks_counts_and_changed_words() -> None:
    herald, tide = corpus()[0], corpus()[1]
    comparison = compare(herald, tide)
    marks_a = side_marks(comparison, "a")
    assert marks_a == {
        0: "near", 1: "paraphrase", 2: "verbatim", 3: "verbatim", 4: "unique", 5: "unique"
    }  # fmt: skip
    assert shared_summary(comparison, "a") == (4, 6)
    assert shared_summary(comparison, "b") == (4, 5)
    spans = changed_spans(comparison, "a", 0)
    assert [HERALD[0][s:e] for s, e in spans] == ["closed"]
    assert [TIDE[1][s:e] for s, e in changed_spans(comparison, "b", 1)] == ["shut", "steel"]


def test_swapped_mirrors_pairs_and_word_spans() -> None:
    herald, tide = corpus()[0], corpus()[1]
    comparison = compare(herald, tide)
    mirror = swapped(comparison)
    assert (mirror.a.id, mirror.b.id) == ("tide01", "herald1")
    assert {(p.a, p.b) for p in mirror.pairs} == {(p.b, p.a) for p in comparison.pairs}
    assert changed_spans(mirror, "a", 1) == changed_spans(comparison, "b", 1)
    assert swapped(mirror) == comparison


def test_aligned_rows_keep_each_side_in_order_once() -> None:
    herald, tide = corpus()[0], corpus()[1]
    comparison = compare(herald, tide)
    rows = aligned_rows(comparison)
    a_seen = [a for a, _ in rows if a is not None]
    b_seen = [b for _, b in rows if b is not None]
    assert a_seen == list(range(len(comparison.a_sentences)))
    assert sorted(b_seen) == list(range(len(comparison.b_sentences)))
    assert (0, 1) in rows and (2, 4) in rows and (3, 0) in rows
    assert (None, 3) in rows  # TIDE's unique sentence gets a row of its own


def test_find_matches_is_case_insensitive_and_literal() -> None:
    sentences = segment("The Bridge closed. [bold]x[/bold] bridge bridge.")
    assert find_matches(sentences, "bridge") == {0: [(4, 10)], 1: [(15, 21), (22, 28)]}
    assert find_matches(sentences, "[bold]") == {1: [(0, 6)]}
    assert find_matches(sentences, "") == {}


def test_annotated_sentences_overlap_spans() -> None:
    sentences = segment("One two. Three four. Five six.")
    assert annotated_sentences(sentences, [(9, 14)]) == {1}
    assert annotated_sentences(sentences, [(0, 30)]) == {0, 1, 2}


def test_session_rows_group_by_event_then_outlet_and_cache() -> None:
    calls: list[tuple[str, str]] = []

    def counting_compare(a, b):  # type: ignore[no-untyped-def]
        calls.append((a.id, b.id))
        return compare(a, b)

    session = Session(corpus(), comparer=counting_compare, segmenter=segment)
    rows = session.rows()
    assert [r.label for r in rows if r.kind == "event"] == [
        "Harbour bridge closed after storm (3)",
        "Council passes budget (2)",
    ]
    assert [r.article.outlet_label for r in rows if r.article][:3] == [
        "Coast Herald", "Daily Tide", "unknown outlet"
    ]  # fmt: skip
    herald, tide = session.by_id["herald1"], session.by_id["tide01"]
    first = session.compare(herald, tide)
    assert session.compare(herald, tide) is first
    assert session.cached_comparison("tide01", "herald1") == swapped(first)
    assert calls == [("herald1", "tide01")]
    assert [p.id for p in session.peers(herald)] == ["tide01", "wire01"]
