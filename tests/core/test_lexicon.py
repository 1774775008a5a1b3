"""The paraphrase lexicon: general clusters, stem keys, no event-specific entries."""

from __future__ import annotations

from reader.core.lexicon import CLUSTERS, cluster_members, concept_keys
from reader.core.scoring import DocumentFrequencies, profile
from reader.core.textnorm import STOP_WORDS, stem


def test_inflected_forms_share_a_cluster() -> None:
    talks = concept_keys(stem("talks"))
    assert talks
    assert talks & concept_keys(stem("negotiations"))
    assert talks & concept_keys(stem("negotiated"))
    assert concept_keys(stem("ceasefire")) & concept_keys(stem("truce"))
    assert concept_keys(stem("arrested")) & concept_keys(stem("detained"))


def test_unrelated_and_unknown_words_have_no_common_cluster() -> None:
    assert not concept_keys(stem("ceasefire")) & concept_keys(stem("earthquake"))
    assert concept_keys(stem("xylophone")) == frozenset()
    assert concept_keys("") == frozenset()


def test_lexicon_is_broad_and_general() -> None:
    assert len(CLUSTERS) >= 100
    for cluster in CLUSTERS:
        assert len(cluster) >= 2
        for word in cluster:
            assert word == word.lower(), "no names or proper nouns in the lexicon"
    # Reporting verbs are attribution, never a shared claim: kept out on purpose.
    for verb in ("said", "stated", "remarked", "noted", "emphasized"):
        assert not concept_keys(stem(verb))


def test_cluster_members_round_trip() -> None:
    key = next(iter(concept_keys(stem("truce"))))
    members = cluster_members(key)
    assert stem("truce") in members and stem("ceasefire") in members
    assert not members & {w for w in STOP_WORDS}


def test_profiles_carry_concepts_and_frequencies_count_them() -> None:
    item = profile("The truce held overnight.")
    assert item.concepts == concept_keys(stem("truce"))
    frequencies = DocumentFrequencies.from_texts(["The truce held.", "A ceasefire began."])
    [key] = [k for k in item.concepts]
    assert frequencies.counts[key] == 2


def test_content_word_counts_counts_content_words() -> None:
    from collections import Counter

    from reader.core.textnorm import content_word_counts, content_words

    for text in (
        "The U.S. and the U.N. met; US officials said the US team met the U.S.",
        "“Zelensky’s” talks — Zelenskyy's talks, Feb. 3 and Feb 3",
        "北京会谈 Beijing talks, Márquez and Marquez",
        "",
    ):
        assert content_word_counts(text) == Counter(content_words(text))
