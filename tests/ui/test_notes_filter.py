"""The notes screen's filter, without a terminal."""

from __future__ import annotations

import pytest

from reader.core.annotations import create_annotation, make_anchor
from reader.core.models import Article
from reader.ui.screens.notes import (
    MIN_TEXT_COLUMN,
    NARROW_NOTES,
    NoteFilter,
    column_widths,
    note_matches,
)

A = Article(id="a", title="Bridge shut", outlet="Herald", text="One two three. Four five six.",
            event="ev1", event_label="Bridge")  # fmt: skip
B = Article(id="b", title="Budget", outlet="Tide", text="Seven eight nine.", event="ev2")
ARTICLES = {"a": A, "b": B}

SINGLE = create_annotation(make_anchor("a", A.text, 0, 14), "check figures", tags="Claim x")
PAIR = create_annotation(
    make_anchor("a", A.text, 15, 29),
    "wording",
    other=make_anchor("b", B.text, 0, 17),
    pair_kind="near",
)


def test_empty_filter_matches_all() -> None:
    assert note_matches(SINGLE, NoteFilter(), ARTICLES)
    assert note_matches(PAIR, NoteFilter(), ARTICLES)


def test_article_filter_matches_either_side_of_a_pair() -> None:
    assert note_matches(PAIR, NoteFilter(article_id="b"), ARTICLES)
    assert not note_matches(SINGLE, NoteFilter(article_id="b"), ARTICLES)


def test_event_and_tag_filters() -> None:
    assert note_matches(SINGLE, NoteFilter(event="ev1"), ARTICLES)
    assert note_matches(PAIR, NoteFilter(event="ev2"), ARTICLES)
    assert not note_matches(SINGLE, NoteFilter(event="ev2"), ARTICLES)
    assert note_matches(SINGLE, NoteFilter(tag="claim"), ARTICLES)
    assert not note_matches(PAIR, NoteFilter(tag="claim"), ARTICLES)


def test_text_filter_searches_note_quote_and_outlet() -> None:
    assert note_matches(SINGLE, NoteFilter(text="FIGURES herald"), ARTICLES)
    assert note_matches(PAIR, NoteFilter(text="eight tide"), ARTICLES)
    assert not note_matches(SINGLE, NoteFilter(text="figures budget"), ARTICLES)


@pytest.mark.parametrize("width", [80, 109, 110, 160, 200])
def test_notes_table_columns_fill_the_width_without_side_scrolling(width: int) -> None:
    widths = column_widths(width)
    # Each column carries two cells of padding; the vertical scrollbar takes two.
    assert sum(widths.values()) + 2 * len(widths) + 2 == width
    assert ("tags" in widths) == (width >= NARROW_NOTES)
    assert widths["quote"] >= widths["note"] >= MIN_TEXT_COLUMN
