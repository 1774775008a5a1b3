"""Alignment invariants, word diff, N-way counts and robustness on odd input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader import compare as lazy_compare
from reader.core.align import (
    BRIDGE_FLOOR,
    MAX_CONTEXT,
    MIN_SCORE,
    Comparison,
    DocumentFrequencies,
    align,
    align_many,
    compare,
    outlet_counts,
)
from reader.core.models import Article, Sentence
from reader.core.textnorm import content_words, normalise_sentence, word_tokens
from reader.core.worddiff import diff_words, word_ops

STORY_A = """\
The central bank raised its main rate to 4.5 percent on Tuesday, the highest level since 2008.

Governor Elena Marquez said inflation had stayed above the target for eighteen months. \
The decision was backed by seven of the nine board members.

Markets fell sharply after the announcement. The government has not commented on the move."""

STORY_B = """\
Officials at the central bank voted seven to two for the increase, the bank said.

On Tuesday the central bank lifted its key rate to 4.5 percent, its highest since 2008.

Bank governor Elena Márquez argued that inflation has been above target for eighteen months. \
Analysts expect another rise in the spring."""


def sentences(*texts: str) -> list[Sentence]:
    out, position = [], 0
    for text in texts:
        out.append(Sentence(text, position, position + len(text)))
        position += len(text) + 1
    return out


def pair_set(comparison: Comparison) -> set[tuple[int, int]]:
    return {(p.a, p.b) for p in comparison.pairs}


def test_self_alignment_pairs_every_sentence_with_itself_as_verbatim() -> None:
    result = compare(STORY_A, STORY_A)
    diagonal = {(i, i) for i in range(len(result.a_sentences))}
    assert diagonal <= pair_set(result)
    for pair in result.pairs:
        if pair.a == pair.b:
            assert pair.kind == "verbatim"
            assert pair.score == 1.0


def test_swapping_sides_mirrors_the_pairs() -> None:
    forward = compare(STORY_A, STORY_B)
    backward = compare(STORY_B, STORY_A)
    assert {(b, a) for a, b in pair_set(forward)} == pair_set(backward)


def test_paraphrases_with_shared_names_and_numbers_pair_in_any_order() -> None:
    result = compare(STORY_A, STORY_B)
    texts = {
        (result.a_sentences[p.a].text[:20], result.b_sentences[p.b].text[:20]) for p in result.pairs
    }
    assert ("The central bank rai", "On Tuesday the centr") in texts
    assert ("Governor Elena Marqu", "Bank governor Elena ") in texts
    for pair in result.pairs:
        assert pair.kind in {"verbatim", "near", "paraphrase"}
        assert 0.0 <= pair.score <= 1.0


def test_unique_sentences_stay_unpaired() -> None:
    result = compare(STORY_A, STORY_B)
    a_unique = {result.a_sentences[i].text for i in result.unique_a()}
    b_unique = {result.b_sentences[j].text for j in result.unique_b()}
    assert "The government has not commented on the move." in a_unique
    assert "Analysts expect another rise in the spring." in b_unique


def test_topic_only_sentences_do_not_pair() -> None:
    a = sentences(
        "Trump spoke about Ukraine and Putin on Monday in Washington with reporters.",
        "The Ukraine talks with Putin are expected to last weeks, Trump said.",
        "A new grain corridor will open in Odesa next month under a UN-brokered deal.",
    )
    b = sentences(
        "Trump said Putin wants Ukraine to give up the Donbas before any ceasefire.",
        "Ukraine, Putin and Trump: a timeline of the war since February 2022.",
        "European ministers meet in Brussels to discuss sanctions on Russian gas imports.",
    )
    assert align(a, b) == []


def test_reordered_paragraphs_still_pair() -> None:
    paragraphs = STORY_A.split("\n\n")
    shuffled = "\n\n".join(reversed(paragraphs))
    result = compare(STORY_A, shuffled)
    assert len({p.a for p in result.pairs}) == len(result.a_sentences)
    assert all(p.kind == "verbatim" for p in result.pairs)


def test_near_copies_are_near() -> None:
    a = sentences("The minister resigned on Friday after a week of protests in the capital.")
    b = sentences("The minister resigned on Friday after two weeks of protests in the capital.")
    [pair] = align(a, b)
    assert pair.kind == "near"


def norms(text: str) -> list[str]:
    return [t.norm for t in word_tokens(text)]


def test_word_ops_reconstruct_both_sentences() -> None:
    a_text = "Putin, according to Peskov, extended an invitation for Trump to visit Moscow."
    b_text = "Putin, through his spokesperson, extended an “invitation” for Trump to visit MOSCOW!"
    ops, unchanged = diff_words(a_text, b_text)
    from_a = [w for op in ops if op.op != "insert" for w in norms(a_text[op.a_start : op.a_end])]
    from_b = [w for op in ops if op.op != "delete" for w in norms(b_text[op.b_start : op.b_end])]
    assert from_a == norms(a_text)
    assert from_b == norms(b_text)
    for op in ops:
        if op.op == "equal":
            assert norms(a_text[op.a_start : op.a_end]) == norms(b_text[op.b_start : op.b_end])
    assert [op.op for op in ops].count("equal") >= 2
    assert 0.5 < unchanged < 1.0


def test_word_ops_on_empty_and_identical_text() -> None:
    assert word_ops("", "") == ()
    [op] = word_ops("Same words.", "same words")
    assert op.op == "equal"
    [insert] = word_ops("", "New")
    assert insert.op == "insert" and (insert.a_start, insert.a_end) == (0, 0)


def test_normalisation_handles_names_abbreviations_and_possessives() -> None:
    assert set(content_words("Zelensky's aides")) & set(content_words("Zelenskyy aides"))
    assert "usa" in content_words("The U.S. says")
    assert "usa" in content_words("the US says")
    assert "usa" not in content_words("he told us")
    assert normalise_sentence("“Hello,” she said — ok.") == normalise_sentence(
        '"hello" she said ok'
    )


@pytest.mark.parametrize(
    ("text_a", "text_b"),
    [
        ("", ""),
        ("", "One sentence here."),
        ("Word", "Word"),
        ("Word", "Other"),
        ("北京今天下雨。上海明天晴天。", "北京今天下雨。广州很热。"),
        (
            "قال الرئيس إن المحادثات كانت مثمرة. وأضاف أن الاجتماع القادم في الرياض.",
            "قال الرئيس إن المحادثات كانت مثمرة.",
        ),
        ("Мир. Война.", "Мир."),
        ("\x1b[31mred\x1b[0m text.", "red text."),
    ],
)
def test_odd_input_gives_a_valid_comparison(text_a: str, text_b: str) -> None:
    result = compare(text_a, text_b)
    assert isinstance(result, Comparison)
    data = json.loads(json.dumps(result.to_dict()))
    assert set(data) == {"a", "b", "pairs", "stats"}
    for pair in result.pairs:
        assert 0 <= pair.a < len(result.a_sentences)
        assert 0 <= pair.b < len(result.b_sentences)


def test_identical_non_latin_sentences_pair_verbatim() -> None:
    result = compare("北京今天下雨。上海明天晴天。", "北京今天下雨。广州很热。")
    if len(result.a_sentences) > 1:
        assert any(p.kind == "verbatim" for p in result.pairs)


def test_one_megabyte_single_line() -> None:
    line = " ".join(f"word{n % 5000} filler" for n in range(100_000))[:1_000_000]
    result = compare(line, line[:500_000])
    assert isinstance(result, Comparison)
    assert result.to_dict()["stats"]["sentences_a"] >= 1


def test_json_shape_is_stable() -> None:
    data = compare(STORY_A, STORY_B).to_dict()
    assert set(data["a"]) == {"id", "outlet", "title", "sentences"}
    assert set(data["a"]["sentences"][0]) == {"text", "start", "end"}
    assert {"shared_a", "shared_b", "pairs"} <= set(data["stats"])
    pair = data["pairs"][0]
    assert set(pair) == {"a", "b", "kind", "score", "ops", "via"}
    assert pair["via"] == []
    assert set(pair["ops"][0]) == {"op", "a", "b"}


def test_articles_and_lazy_public_api() -> None:
    article = Article(id="x1", title="Rates", outlet="Daily", text=STORY_A)
    result = lazy_compare(article, STORY_B)
    assert result.a.id == "x1" and result.a.outlet == "Daily"
    assert result.b.id == "b"
    for sentence in result.a_sentences:
        assert article.text[sentence.start : sentence.end] == sentence.text


def test_align_many_and_outlet_counts() -> None:
    third = (
        "Analysts expect another rise in the spring. Markets fell sharply after the announcement."
    )
    results = align_many(STORY_A, [STORY_B, third, ""])
    assert len(results) == 3
    assert all(r.a is results[0].a for r in results)
    counts = outlet_counts(results)
    assert len(counts) == len(results[0].a_sentences)
    index = next(i for i, s in enumerate(results[0].a_sentences) if s.text.startswith("Markets"))
    assert counts[index] >= 1
    assert max(counts) <= 3
    assert outlet_counts([]) == []


def test_document_frequencies_option() -> None:
    frequencies = DocumentFrequencies.from_texts(["central bank rate", "central bank", "bank"])
    assert frequencies.total == 3 and frequencies.counts["bank"] == 3
    result = compare(STORY_A, STORY_B, document_frequencies=frequencies)
    assert result.pairs


def test_unspaced_scripts_pair_by_character_bigrams() -> None:
    result = compare(
        "北京今天下雨了，很多人没有带伞。上海明天晴天。", "今天北京下雨了，很多人没带伞。广州很热。"
    )
    assert {(p.a, p.b) for p in result.pairs} == {(0, 0)}


def test_sample_corpus_alignment_is_symmetric() -> None:
    from pathlib import Path

    from reader.core.corpus import load_paths

    corpus = Path(__file__).resolve().parents[2] / "sample_corpus"
    articles = load_paths([corpus]).articles
    assert len(articles) >= 2
    for first in articles:
        for second in articles:
            if first.id >= second.id:
                continue
            forward = compare(first, second)
            backward = compare(second, first)
            assert {(b, a) for a, b in pair_set(forward)} == pair_set(backward)
            assert {(p.a, p.b, p.kind) for p in forward.pairs} == {
                (p.b, p.a, p.kind) for p in backward.pairs
            }
            # With the rest of the corpus as context: still symmetric, and a superset.
            rest = [x for x in articles if x.id not in (first.id, second.id)]
            with_context = compare(first, second, context=rest)
            mirrored = compare(second, first, context=rest)
            assert {(b, a) for a, b in pair_set(with_context)} == pair_set(mirrored)
            assert pair_set(forward) <= pair_set(with_context)
            for pair in with_context.pairs:
                assert bool(pair.via) == (pair_set(forward) & {(pair.a, pair.b)} == set())
                assert set(pair.via) <= {x.id for x in rest}


def test_odd_context_articles_are_harmless() -> None:
    plain = compare(STORY_A, STORY_B)
    odd = ["", "word", "\x00\x1b[31m", "北京今天下雨了。", STORY_A, STORY_B, STORY_A * 3]
    result = compare(STORY_A, STORY_B, context=odd)
    assert pair_set(result) >= pair_set(plain)
    assert all(0.0 <= p.score <= 1.0 for p in result.pairs)
    json.dumps(result.to_dict())
    assert compare("", "", context=odd).pairs == ()


def test_repeated_lines_do_not_explode() -> None:
    text = "\n\n".join(["Reply."] * 500 + ["The bridge reopened on Monday after repairs."])
    result = compare(text, text)
    assert len(result.pairs) <= 1000
    assert {(i, i) for i in range(len(result.a_sentences))} <= pair_set(result)


_WORDS = st.sampled_from(["Putin", "the", "talks", "Kyiv,", "“peace”", "90", "minutes.", "és"])


@settings(max_examples=60, deadline=None)
@given(st.lists(_WORDS, max_size=12), st.lists(_WORDS, max_size=12))
def test_word_ops_cover_every_word_in_order(a_words: list[str], b_words: list[str]) -> None:
    a_text, b_text = " ".join(a_words), " ".join(b_words)
    ops = word_ops(a_text, b_text)
    from_a = [w for op in ops if op.op != "insert" for w in norms(a_text[op.a_start : op.a_end])]
    from_b = [w for op in ops if op.op != "delete" for w in norms(b_text[op.b_start : op.b_end])]
    assert from_a == norms(a_text)
    assert from_b == norms(b_text)


def test_pairs_carry_their_evidence_words() -> None:
    result = compare(STORY_A, STORY_B)
    marquez = next(p for p in result.pairs if "Marquez" in result.a_sentences[p.a].text)
    assert "Marquez" in marquez.evidence
    assert "said" not in marquez.evidence
    assert all(len(p.evidence) <= 6 for p in result.pairs)


def test_swapped_comparison_matches_comparing_the_other_way() -> None:
    forward = compare(STORY_A, STORY_B)
    mirrored = forward.swapped()
    assert mirrored.a is forward.b and mirrored.b is forward.a
    assert pair_set(mirrored) == pair_set(compare(STORY_B, STORY_A))
    for pair in mirrored.pairs:
        a_text = mirrored.a_sentences[pair.a].text
        b_text = mirrored.b_sentences[pair.b].text
        from_a = [
            w for op in pair.ops if op.op != "insert" for w in norms(a_text[op.a_start : op.a_end])
        ]
        assert from_a == norms(a_text)
        from_b = [
            w for op in pair.ops if op.op != "delete" for w in norms(b_text[op.b_start : op.b_end])
        ]
        assert from_b == norms(b_text)


# One sentence with two claims (curfew, schools) and an article that states them apart.
CURFEW_COMBINED = (
    "The mayor of Harbour City announced a nightly curfew from 9 pm to 6 am and said "
    "every school in the district stays closed until Friday.",
    "Volunteers handed out blankets at the stadium.",
)
CURFEW_SPLIT = (
    "The mayor of Harbour City has announced a nightly curfew from 9 pm to 6 am across the city.",
    "Schools in the district will not reopen before Friday, officials said.",
    "The weather service expects more rain over the weekend.",
)


def test_sentence_combining_two_claims_pairs_with_both_partners() -> None:
    a, b = sentences(*CURFEW_COMBINED), sentences(*CURFEW_SPLIT)
    pairs = {(p.a, p.b): p.score for p in align(a, b)}
    assert set(pairs) == {(0, 0), (0, 1)}
    # The school claim scores far below the curfew claim (so "70 % of the best of both
    # sentences" would cut it), but A's sentence is the best match of B's school sentence.
    assert pairs[(0, 1)] < 0.7 * pairs[(0, 0)]


# The same fact in other words: truce / ceasefire, talks / negotiations.
TRUCE_A = (
    "Rebels and the army agreed to a truce on Sunday after talks in Geneva.",
    "Aid convoys remain stuck at the border crossing near Tarsa.",
)
TRUCE_B = (
    "Following negotiations in Geneva, the two sides accepted a ceasefire on Sunday.",
    "The capital's airport reopened to commercial flights.",
)


def test_lexicon_synonyms_let_a_paraphrase_pair() -> None:
    a, b = sentences(*TRUCE_A), sentences(*TRUCE_B)
    [pair] = align(a, b)
    assert (pair.a, pair.b, pair.kind) == (0, 0, "paraphrase")


def test_lexicon_credit_is_partial_and_needs_specific_content() -> None:
    # Only cluster matches ("talks"/"negotiations", "war"/"conflict"): no shared fact.
    a = sentences("The talks about the war went on for hours.")
    b = sentences("Negotiations over the conflict resumed in spring with new mediators.")
    assert align(a, b) == []


def test_month_abbreviations_match_the_month() -> None:
    assert set(content_words("on Feb 12")) == set(content_words("on February 12"))
    assert set(content_words("Sept. 3")) == set(content_words("September 3"))


def test_shared_reporting_verbs_are_not_evidence() -> None:
    a = sentences(
        "The minister emphasized that the new tariffs will be lifted in the autumn.",
        "Dockworkers in Valmora began a strike over wages.",
    )
    b = sentences(
        "The opposition leader emphasized that hospital waiting lists have doubled.",
        "The Valmora dockworkers walked out over pay on Monday.",
    )
    pairs = align(a, b)
    assert {(p.a, p.b) for p in pairs} == {(1, 1)}
    assert all("emphasized" not in p.evidence for p in pairs)


def test_evidence_includes_lexicon_matches() -> None:
    a, b = sentences(*TRUCE_A), sentences(*TRUCE_B)
    [pair] = align(a, b)
    assert {"Geneva", "Sunday"} <= set(pair.evidence)
    assert {"truce", "talks"} & set(pair.evidence)


FILLER_A = (
    "Floods closed the main road to Tarsa on Monday.",
    "Grain exports fell for a third month.",
    "The two presidents last met in Vienna in 2021.",
)
FILLER_B = (
    "The central bank left its rate unchanged.",
    "Fishermen in the north protested new quotas.",
    "Hart took office in January.",
)


def test_same_gist_from_different_speakers_does_not_pair() -> None:
    # The Kremlin side and the president's post say the same thing: kept apart.
    a = sentences(
        "Kremlin spokesman Oleg Dranov told reporters that the time had come for the two "
        "countries to cooperate closely on energy.",
        *FILLER_A,
    )
    b = sentences(
        "President Ellen Hart wrote in a post that the two countries would now cooperate "
        "closely together on energy.",
        *FILLER_B,
    )
    assert align(a, b) == []
    assert [(p.a, p.b) for p in align(a, b, source_conflict=1.0)] == [(0, 0)]


def test_same_speaker_on_both_sides_still_pairs() -> None:
    a = sentences(
        "Kremlin spokesman Oleg Dranov told reporters that the time had come for the two "
        "countries to cooperate closely on energy.",
        *FILLER_A,
    )
    b = sentences(
        "Kremlin spokesman Oleg Dranov said the two countries would work closely together "
        "on energy.",
        *FILLER_B,
    )
    assert [(p.a, p.b) for p in align(a, b)] == [(0, 0)]


def test_shared_main_assertion_pairs_whatever_the_attribution_wording() -> None:
    a = sentences(
        "The health ministry said in a statement on its website that 40 new cholera cases "
        "were confirmed in Tarsa.",
        "Grain exports fell for a third month.",
    )
    b = sentences(
        "Forty new cholera cases were confirmed in Tarsa, the health ministry told "
        "journalists during a briefing.",
        "Fishermen in the north protested new quotas.",
    )
    assert [(p.a, p.b) for p in align(a, b)] == [(0, 0)]


def test_shared_attribution_alone_does_not_pair() -> None:
    a = sentences(
        "Hart said in a lengthy interview on state television that the budget would be balanced.",
        "Grain exports fell for a third month.",
    )
    b = sentences(
        "Dranov said in a lengthy interview on state television that the army needs new tanks.",
        "Fishermen in the north protested new quotas.",
    )
    assert align(a, b, source_conflict=1.0) == []
    assert [(p.a, p.b) for p in align(a, b, source_conflict=1.0, attribution_weight=1.0)] == [
        (0, 0)
    ]


def test_shared_descriptor_quote_alone_does_not_pair() -> None:
    a = sentences(
        'Hart praised what she called a "frank and very useful" meeting with the unions.',
        "Grain exports fell for a third month.",
    )
    b = sentences(
        'After a "frank and very useful" meeting, the board approved the merger.',
        "Fishermen in the north protested new quotas.",
    )
    assert align(a, b) == []


# Three outlets on one story (tests/data/harbour): A and B share a name and the harbour
# pilots but word the fact differently; C's first sentence states it both ways.
HARBOUR = Path(__file__).resolve().parents[1] / "data" / "harbour"
BRIEF_A, BRIEF_B, BRIEF_C = (
    (HARBOUR / f"{name}.txt").read_text(encoding="utf-8").split("\n\n", 1)[1] for name in "abc"
)


def test_a_third_article_confirms_a_weak_pair_and_is_named() -> None:
    assert compare(BRIEF_A, BRIEF_B).pairs == ()
    third = Article(id="c-1", title="Pilots", outlet="Harbour Post", text=BRIEF_C)
    result = compare(BRIEF_A, BRIEF_B, context=[third])
    assert [(p.a, p.b, p.via) for p in result.pairs] == [(0, 0, ("c-1",))]
    assert MIN_SCORE * BRIDGE_FLOOR <= result.pairs[0].score < MIN_SCORE
    assert result.options["context"] == ["c-1"]
    assert result.options["context_labels"] == {"c-1": "Harbour Post"}
    assert result.to_dict()["pairs"][0]["via"] == ["c-1"]
    assert result.swapped().pairs[0].via == ("c-1",)
    # Symmetric: the same pair from B's side.
    mirrored = compare(BRIEF_B, BRIEF_A, context=[third])
    assert [(p.a, p.b) for p in mirrored.pairs] == [(0, 0)]


def test_context_cannot_pair_sentences_that_share_only_the_link() -> None:
    # The third article links both sides, but A and B themselves share nothing specific.
    unrelated = (
        "The council approved a new budget for street lighting. "
        "Fishermen complained about noise from the cranes at night."
    )
    assert compare(unrelated, BRIEF_B, context=[BRIEF_C]).pairs == ()
    # Off when the bridged score must reach min_score itself.
    assert compare(BRIEF_A, BRIEF_B, context=[BRIEF_C], bridge_floor=1.0).pairs == ()


def test_align_many_gives_what_compare_gives_with_the_other_articles_as_context() -> None:
    others = [BRIEF_B, BRIEF_C, STORY_B]
    many = align_many(BRIEF_A, others)
    for n, comparison in enumerate(many):
        context = [other for m, other in enumerate(others) if m != n]
        single = compare(BRIEF_A, others[n], context=context)
        assert [(p.a, p.b, p.kind, p.score) for p in comparison.pairs] == [
            (p.a, p.b, p.kind, p.score) for p in single.pairs
        ]
    assert [(p.a, p.b) for p in many[0].pairs] == [(0, 0)]
    assert many[0].pairs[0].via  # confirmed by BRIEF_C
    alone = align_many(BRIEF_A, others, bridge=False)
    assert alone[0].pairs == ()
    with pytest.raises(TypeError):
        align_many(BRIEF_A, others, no_such_option=1)


def test_pronoun_speaker_continues_the_previous_sentence() -> None:
    # "He" is the mayor named just before: a claim by the spokesman is kept apart.
    a = sentences(
        "Mayor Ines Ortiz described the harbour deal at length on Tuesday.",
        "He underscored that the two cities will now cooperate closely on shipping.",
        *FILLER_A,
    )
    b = sentences(
        "Port spokesman Karl Brandt said the time had come for the two cities to cooperate "
        "on shipping.",
        *FILLER_B,
    )
    assert [(p.a, p.b) for p in align(a, b, source_conflict=1.0)] == [(1, 0)]
    assert align(a, b) == []


def test_from_a_large_event_the_best_linking_articles_are_the_context() -> None:
    # Nine articles on other things, then the one that links A and B: it is still used.
    fillers = [
        f"Story {n}: the library in district {n} extended its opening hours. "
        f"Volunteers painted {n} benches in the park."
        for n in range(MAX_CONTEXT + 1)
    ]
    result = compare(BRIEF_A, BRIEF_B, context=[*fillers, BRIEF_C])
    assert [(p.a, p.b, p.via) for p in result.pairs] == [(0, 0, (f"c{len(fillers)}",))]
    assert len(result.options["context"]) == MAX_CONTEXT
    many = align_many(BRIEF_A, [BRIEF_B, *fillers, BRIEF_C])
    assert [(p.a, p.b) for p in many[0].pairs] == [(0, 0)]
    assert len(many[0].options["context"]) == MAX_CONTEXT


def test_a_sentence_combining_claims_links_only_its_best_match() -> None:
    # C's first sentence pairs with both of B's claims (curfew, schools) but is the best
    # match of the curfew one only: it may not link B's school sentence to D's sentence,
    # which it matches best and which B's school sentence only nearly matches (0.21).
    c, b = sentences(*CURFEW_COMBINED), sentences(*CURFEW_SPLIT)
    d = sentences(
        "Every school in Harbour City stays closed until Friday, the mayor said, as a curfew "
        "begins.",
        "A ferry was delayed by fog in the morning.",
        "Fuel prices rose again this week.",
    )
    assert {(p.a, p.b) for p in align(c, b)} == {(0, 0), (0, 1)}  # one-to-many, directly
    assert {(p.a, p.b) for p in align(c, d)} == {(0, 0)}
    near_miss = align(b, d, min_score=0.2)
    assert (1, 0) in {(p.a, p.b) for p in near_miss}
    confirmed = align(b, d, context=[("c", c)])
    assert [(p.a, p.b, p.via) for p in confirmed] == [(0, 0, ())]
