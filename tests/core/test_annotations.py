"""Annotation model and anchoring: moved text, edited text, look-alikes orphan."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.annotations import (
    Anchor,
    Annotation,
    create_annotation,
    make_anchor,
    normalize_tags,
    reanchor,
    resolve,
)

TEXT = (
    "Russian President Vladimir Putin and US President Donald Trump spoke by phone on "
    "Wednesday. The call lasted about ninety minutes, the Kremlin said.\n\n"
    "Both leaders agreed to begin negotiations immediately. Police said 12 people were "
    "hurt in a separate incident in Kyiv.\n\n"
    "Ukraine's president said he had not been consulted. Markets rose on the news."
)
ANNOTATED = "Police said 12 people were hurt in a separate incident in Kyiv."


def anchor_on(text: str, quote: str, article_id: str = "art1") -> Anchor:
    start = text.index(quote)
    return make_anchor(article_id, text, start, start + len(quote), outlet="Wire")


def test_make_anchor_keeps_quote_and_context() -> None:
    anchor = anchor_on(TEXT, ANNOTATED)
    assert anchor.quote == ANNOTATED
    assert TEXT[anchor.start : anchor.end] == ANNOTATED
    assert TEXT.endswith(anchor.suffix, 0, anchor.end + len(anchor.suffix))
    assert anchor.prefix.endswith("immediately. ")
    with pytest.raises(ValueError):
        make_anchor("art1", TEXT, 5, 5)


def test_annotation_model_fields() -> None:
    note = create_annotation(
        anchor_on(TEXT, ANNOTATED), "Check casualty figure", tags="#casualties, Kyiv kyiv"
    )
    assert isinstance(note, Annotation)
    assert note.article_id == "art1" and note.quote == ANNOTATED
    assert note.tags == ("casualties", "Kyiv")
    assert note.created == note.updated and note.created.endswith("Z")
    assert note.status == "anchored" and not note.is_pair and note.version == 1
    other = create_annotation(anchor_on(TEXT, ANNOTATED), "x")
    assert other.id != note.id


def test_normalize_tags_is_obsidian_safe() -> None:
    assert normalize_tags(["#a b", "c!", "", "A_b"]) == ("a-b", "c", "A_b")


def test_unchanged_text_keeps_anchor() -> None:
    anchor = anchor_on(TEXT, ANNOTATED)
    result = resolve(anchor, TEXT)
    assert result.method == "unchanged" and result.anchor == anchor


def test_moved_paragraph_reanchors_exactly() -> None:
    paragraphs = TEXT.split("\n\n")
    moved = "\n\n".join([paragraphs[2], paragraphs[0], paragraphs[1]])
    result = resolve(anchor_on(TEXT, ANNOTATED), moved)
    assert result.anchor is not None and result.method == "exact"
    assert moved[result.anchor.start : result.anchor.end] == ANNOTATED


def test_text_inserted_before_shifts_offsets() -> None:
    changed = "Updated at 10:00. " + TEXT
    result = resolve(anchor_on(TEXT, ANNOTATED), changed)
    assert result.anchor is not None
    assert result.anchor.start == TEXT.index(ANNOTATED) + len("Updated at 10:00. ")


def test_edited_sentence_reanchors_fuzzily() -> None:
    edited_sentence = "Police said 13 people were hurt in a separate incident in Kyiv on Wednesday."
    changed = TEXT.replace(ANNOTATED, edited_sentence)
    result = resolve(anchor_on(TEXT, ANNOTATED), changed)
    assert result.method == "fuzzy" and result.anchor is not None
    assert result.anchor.quote == edited_sentence


def test_whitespace_and_typography_changes_reanchor() -> None:
    quote = "Ukraine's president said he had not been consulted."
    changed = TEXT.replace(quote, "Ukraine’s president  said he had not been consulted.")
    result = resolve(anchor_on(TEXT, quote), changed)
    assert result.anchor is not None
    assert result.anchor.quote == "Ukraine’s president  said he had not been consulted."


def test_edited_sentence_next_to_look_alike_attaches_to_its_own_place() -> None:
    look_alike = "Police said 21 people were hurt in a separate incident in Kyiv."
    text = TEXT + "\n\nIn other news, a fire broke out downtown. " + look_alike
    anchor = anchor_on(text, ANNOTATED)
    edited = text.replace(
        ANNOTATED, "Police said 13 people were hurt in a separate incident in Kyiv."
    )
    result = resolve(anchor, edited)
    assert result.anchor is not None
    assert result.anchor.start == text.index(ANNOTATED)


def test_deleted_sentence_does_not_jump_to_look_alike() -> None:
    look_alike = "Police said 21 people were hurt in a separate incident in Kyiv."
    text = TEXT + "\n\nIn other news, a fire broke out downtown. " + look_alike
    anchor = anchor_on(text, ANNOTATED)
    without = text.replace(ANNOTATED + "\n\n", "\n\n")
    assert ANNOTATED not in without
    result = resolve(anchor, without)
    assert result.anchor is None and result.method == "orphaned"


def test_duplicate_identical_sentences_with_same_context_orphan() -> None:
    block = "Officials gave no further details. Police said 12 people were hurt. The end."
    text = block + "\n\n" + block
    # Anchor on the second copy, then change what identifies it (the paragraph break).
    start = text.rindex("Police said 12 people were hurt.")
    anchor = make_anchor("a", text, start, start + len("Police said 12 people were hurt."))
    changed = "Intro line. " + block + "\n\nIntro line. " + block
    assert resolve(anchor, changed).anchor is None


def test_duplicate_copies_disambiguated_by_context() -> None:
    quote = "The situation remains fluid."
    text = (
        "Troops advanced on the eastern front overnight. The situation remains fluid. "
        "Talks resume Monday.\n\nOil prices fell sharply in early Asian trade. "
        "The situation remains fluid. Traders await data."
    )
    start = text.rindex(quote)
    anchor = make_anchor("a", text, start, start + len(quote))
    changed = "Breaking: " + text
    result = resolve(anchor, changed)
    assert result.anchor is not None and result.method in {"unchanged", "context"}
    assert changed[result.anchor.start - 20 : result.anchor.start].strip().endswith("trade.")


def test_short_quote_needs_context() -> None:
    text = "The mayor spoke first. Yes. Then the chief spoke."
    start = text.index("Yes.")
    anchor = make_anchor("a", text, start, start + 4)
    rewritten = "A completely different article body appears here. Yes. Nothing alike at all."
    assert resolve(anchor, rewritten).anchor is None


def test_rewritten_article_orphans() -> None:
    anchor = anchor_on(TEXT, ANNOTATED)
    rewritten = "A new article about football. The home team won three to one on Sunday."
    assert resolve(anchor, rewritten).anchor is None


def test_reanchor_pair_note_orphans_when_one_side_is_lost() -> None:
    other_text = "Kyiv police reported 12 people hurt in an unrelated incident. More follows."
    note = create_annotation(
        anchor_on(TEXT, ANNOTATED),
        "wording differs",
        other=anchor_on(
            other_text, "Kyiv police reported 12 people hurt in an unrelated incident.", "b"
        ),
        pair_kind="paraphrase",
    )
    same = reanchor(note, {"art1": TEXT, "b": other_text})
    assert same is note
    lost = reanchor(note, {"art1": TEXT, "b": "Nothing to see. Entirely different text."})
    assert lost.status == "orphaned" and lost.other == note.other
    # The text coming back re-attaches the note.
    assert reanchor(lost, {"art1": TEXT, "b": other_text}).status == "anchored"
    # A side whose article is not loaded keeps its previous status.
    assert reanchor(lost, {"art1": TEXT}).status == "orphaned"


def test_deleted_sentence_does_not_pass_to_similar_neighbour() -> None:
    """The neighbour slides into the deleted sentence's place and shares one context side."""
    first = "Police said 12 people were hurt in the blast on Monday."
    second = "Police said 12 people were hurt in the blast, officials confirmed."
    text = f"The explosion shook the district. {first} {second} Roads stayed closed."
    anchor = anchor_on(text, first)
    assert resolve(anchor, text.replace(first + " ", "")).anchor is None


def test_end_of_text_is_not_context_evidence() -> None:
    last = "The talks will resume in Geneva next week, diplomats said."
    text = f"Officials met on Tuesday. Nothing was agreed. {last}"
    anchor = anchor_on(text, last)
    look_alike = "The talks will resume in Vienna next week, diplomats said."
    rewritten = f"A different opening line. Something else entirely happened here. {look_alike}"
    assert resolve(anchor, rewritten).anchor is None


def test_resolution_never_mutates_quote_of_orphan() -> None:
    note = create_annotation(anchor_on(TEXT, ANNOTATED), "n")
    lost = reanchor(note, {"art1": "Totally different text. Nothing in common."})
    assert lost.orphaned and lost.quote == ANNOTATED and lost.start == note.start


def test_reanchor_moves_span_but_keeps_the_annotated_words() -> None:
    note = create_annotation(anchor_on(TEXT, ANNOTATED), "n")
    edited_sentence = "Police said 13 people were hurt in a separate incident in Kyiv."
    changed = "Update: more details. " + TEXT.replace(ANNOTATED, edited_sentence)
    moved = reanchor(note, {"art1": changed})
    assert moved.status == "anchored"
    assert changed[moved.start : moved.end] == edited_sentence
    assert moved.quote == ANNOTATED and moved.anchor.prefix == note.anchor.prefix
    # Re-anchoring again from the stored note is stable: no drift, no rewrite.
    assert reanchor(moved, {"art1": changed}) is moved


# Sentences from a tiny vocabulary, so look-alikes are common: the hard case.
_SENTENCES = st.lists(
    st.lists(
        st.sampled_from(["police", "said", "twelve", "people", "were", "hurt", "in", "kyiv"]),
        min_size=4,
        max_size=9,
    ).map(lambda words: " ".join(words).capitalize() + "."),
    min_size=2,
    max_size=8,
)


_STRANGER = st.lists(
    st.sampled_from(["ferries", "resumed", "service", "on", "monday"]), min_size=4, max_size=9
).map(lambda words: " ".join(words).capitalize() + ".")
"""Sentences that share no word with any of ``_SENTENCES``."""


@settings(max_examples=200, deadline=None)
@given(
    _SENTENCES,
    st.data(),
)
def test_resolution_is_never_a_stranger(sentences: list[str], data: st.DataObject) -> None:
    """Whatever the edit, a note either stays put, finds text that is (nearly) its
    quote, or is orphaned; unchanged text always keeps the exact span."""
    text = " ".join(sentences)
    index = data.draw(st.integers(0, len(sentences) - 1))
    start = len(" ".join(sentences[:index])) + (1 if index else 0)
    quote = sentences[index]
    anchor = make_anchor("a", text, start, start + len(quote))
    assert resolve(anchor, text).anchor == anchor

    edited = list(sentences)
    for _ in range(data.draw(st.integers(1, 3))):
        position = data.draw(st.integers(0, len(edited) - 1))
        action = data.draw(st.sampled_from(["delete", "duplicate", "swap", "append"]))
        if action == "delete":
            if len(edited) > 1:
                del edited[position]
        elif action == "duplicate":
            edited.insert(position, edited[position])
        elif action == "swap":
            edited[0], edited[position] = edited[position], edited[0]
        else:
            # A new sentence from words the quote does not use. (A look-alike appended
            # where the quote was deleted, between the same neighbours, is what an edit
            # of the quote looks like, and following it is the right answer.)
            edited.append(data.draw(_STRANGER))
    new_text = " ".join(edited)
    result = resolve(anchor, new_text)
    # No sentence was reworded, so the quote is either still there word for word or
    # gone: a fuzzy match could only be a look-alike.
    assert result.method != "fuzzy"
    if result.anchor is not None:
        assert new_text[result.anchor.start : result.anchor.end] == quote
