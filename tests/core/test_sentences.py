"""Sentence segmentation: hard boundaries as a table, offsets and coverage as invariants."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.models import Sentence
from reader.core.sentences import segment

SHARED = Path(__file__).resolve().parents[3] / "shared"
"""The shared folder beside the repository (as in ``tests/conftest.py``)."""
GOLD = SHARED / "gold"
SEEDS = SHARED / "seeds"


def texts(text: str) -> list[str]:
    """The sentence texts of ``text``."""
    return [sentence.text for sentence in segment(text)]


CASES: list[tuple[str, str, list[str]]] = [
    # --- plain ends and missing spaces
    ("two sentences", "It rained. We left.", ["It rained.", "We left."]),
    (
        "missing space",
        "near the region.Officials said so.",
        ["near the region.", "Officials said so."],
    ),
    ("missing space roman", "before World War II.The pact", ["before World War II.", "The pact"]),
    ("missing space single capital", "It was here.A new day.", ["It was here.", "A new day."]),
    ("missing space question", "a contrast.Is it possible?", ["a contrast.", "Is it possible?"]),
    ("lowercase after period", "bad policy. this might fail.", ["bad policy.", "this might fail."]),
    (
        "question and exclamation",
        "Why now? Nobody knows! Odd.",
        ["Why now?", "Nobody knows!", "Odd."],
    ),
    # --- abbreviations, initials, numbers
    ("dotted initialism", "The U.S. must act.", ["The U.S. must act."]),
    ("initialism glued", "The U.S.must act.", ["The U.S.must act."]),
    (
        "initialism before name",
        "Former U.S. President Lee spoke.",
        ["Former U.S. President Lee spoke."],
    ),
    (
        "initialism ends sentence",
        "He moved to the U.S. It was cold.",
        ["He moved to the U.S.", "It was cold."],
    ),
    ("initialism before comma", "With the U.K., we act.", ["With the U.K., we act."]),
    ("initialism hyphen", "U.S.-Chinese trade grew.", ["U.S.-Chinese trade grew."]),
    ("title", "Dr. Jane Roe spoke. Mr. Poe left.", ["Dr. Jane Roe spoke.", "Mr. Poe left."]),
    ("title glued lowercase", "Dr.roe warns that it fails.", ["Dr.roe warns that it fails."]),
    ("title glued capital", "Dr.Roe warns that it fails.", ["Dr.Roe warns that it fails."]),
    ("month", "On Feb. 3 the talks began.", ["On Feb. 3 the talks began."]),
    ("number prefix", "He lives at No. 10 now.", ["He lives at No. 10 now."]),
    ("number word no", "Did it work? No. It failed.", ["Did it work?", "No.", "It failed."]),
    ("e.g.", "Some fruit, e.g. apples, spoil.", ["Some fruit, e.g. apples, spoil."]),
    ("a.m.", "We met at 9 a.m. on Monday.", ["We met at 9 a.m. on Monday."]),
    ("a.m. ends", "We met at 9 a.m. The rest left.", ["We met at 9 a.m.", "The rest left."]),
    ("initials", "J. K. Rowling wrote it.", ["J. K. Rowling wrote it."]),
    (
        "company",
        "Acme Inc. said no. Acme Ltd. The end.",
        ["Acme Inc. said no.", "Acme Ltd.", "The end."],
    ),
    (
        "street saint",
        "St. Louis is far. Go to Main St. The map helps.",
        ["St. Louis is far.", "Go to Main St.", "The map helps."],
    ),
    (
        "decimal",
        "Growth was 3.5 percent. Prices rose.",
        ["Growth was 3.5 percent.", "Prices rose."],
    ),
    (
        "year then digit",
        "It ended in 1991. 12 states joined.",
        ["It ended in 1991.", "12 states joined."],
    ),
    ("comma without space", "a call,their first,on Monday.", ["a call,their first,on Monday."]),
    # --- ellipses, URLs, e-mail
    ("ellipsis inside", "He waited ... and waited.", ["He waited ... and waited."]),
    ("ellipsis lowercase", "He waited… and then left.", ["He waited… and then left."]),
    ("spaced ellipsis", "He waited . . . and waited.", ["He waited . . . and waited."]),
    (
        "state abbreviation",
        "He lives in Salem, Ore. He works.",
        ["He lives in Salem, Ore.", "He works."],
    ),
    ("ellipsis ends", "It faded... Then it returned.", ["It faded...", "Then it returned."]),
    (
        "domain",
        "Welcome to example-news.com. Read on.",
        ["Welcome to example-news.com.", "Read on."],
    ),
    ("url", "See https://example.org/A.Html today.", ["See https://example.org/A.Html today."]),
    ("email", "Write to jane.Roe@example.org now.", ["Write to jane.Roe@example.org now."]),
    # --- quotes and brackets
    ("closing quote kept", "He said “it ends.” She agreed.", ["He said “it ends.”", "She agreed."]),
    (
        "straight closing quote",
        'He said "it ends." She agreed.',
        ['He said "it ends."', "She agreed."],
    ),
    (
        "quote split inside",
        "“It is late. We go home,” he said.",
        ["“It is late.", "We go home,” he said."],
    ),
    (
        "attribution after period quote",
        "“It was bad. We lost.” Lee said. Then rain.",
        ["“It was bad.", "We lost.” Lee said.", "Then rain."],
    ),
    (
        "attribution lowercase",
        '"It ends." she said. Then rain.',
        ['"It ends." she said.', "Then rain."],
    ),
    ("lowercase after quote, no verb", '"It ends." this is new.', ['"It ends."', "this is new."]),
    (
        "long lowercase attribution",
        "“We lost.” he told reporters on a call.",
        ["“We lost.” he told reporters on a call."],
    ),
    (
        "capitalised sentence after quote",
        '"It ends." He said the talks failed.',
        ['"It ends."', "He said the talks failed."],
    ),
    (
        "pronoun attribution",
        "“We lost.” he sighed. Rain fell.",
        ["“We lost.” he sighed.", "Rain fell."],
    ),
    ("question in quote", '"Why?" she asked. He shrugged.', ['"Why?" she asked.', "He shrugged."]),
    ("exclamation in quote", "“Stop!” he shouted at them.", ["“Stop!” he shouted at them."]),
    ("new quote after space", "He left. “Good,” she said.", ["He left.", "“Good,” she said."]),
    ("quote glued", "He said “no.”“Yes,” she said.", ["He said “no.”", "“Yes,” she said."]),
    (
        "brackets",
        "They [the team] won. (It was close.) Fans cheered.",
        ["They [the team] won.", "(It was close.)", "Fans cheered."],
    ),
    (
        "nested single quote",
        "“He said ‘go.’ I went,” she said.",
        ["“He said ‘go.’", "I went,” she said."],
    ),
    # --- structure: headlines, lists, interview labels
    (
        "headline",
        "A Headline Without Stop\n\nThe body starts.",
        ["A Headline Without Stop", "The body starts."],
    ),
    (
        "bullets",
        "Points:\n* one thing\n- another\n• third",
        ["Points:", "one thing", "another", "third"],
    ),
    ("inline bullets", "Key • first • second", ["Key", "first", "second"]),
    ("numbered", "1. First step.\n2. Second step.", ["1. First step.", "2. Second step."]),
    ("numbered inline", "Mix well. 2. Bake it.", ["Mix well.", "2. Bake it."]),
    (
        "interview label",
        "Editor: Welcome. Thanks for coming.",
        ["Editor: Welcome.", "Thanks for coming."],
    ),
    ("q and a labels", "Q. Why now? A. It is time.", ["Q. Why now?", "A. It is time."]),
    ("list letters", "A. First option\nB. Second option", ["A. First option", "B. Second option"]),
    ("lone label", "Q:\n\nWhy now?", ["Q:", "Why now?"]),
    ("colon continues", "Let me ask: Is it over?", ["Let me ask: Is it over?"]),
    (
        "wrapped line",
        "The talks went on\nfor hours. Then they ended.",
        ["The talks went on\nfor hours.", "Then they ended."],
    ),
    # --- other scripts
    ("cjk", "東京は晴れ。大阪は雨！本当？", ["東京は晴れ。", "大阪は雨！", "本当？"]),
    ("cjk quotes", "彼は言った。「行く。」", ["彼は言った。", "「行く。」"]),
    ("cyrillic", "Привет. Как дела? Хорошо.", ["Привет.", "Как дела?", "Хорошо."]),
    ("hindi", "यह सच है। वह गया।", ["यह सच है।", "वह गया।"]),
    ("arabic question", "هل هذا صحيح؟ نعم.", ["هل هذا صحيح؟", "نعم."]),
    # --- degenerate input
    ("empty", "", []),
    ("whitespace", " \n\n \t", []),
    ("one word", "Hello", ["Hello"]),
    ("only punctuation", "...", ["..."]),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_segment_cases(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_offsets_and_paragraphs() -> None:
    text = "Title\n\nFirst one. Second one.\n\n\n\nThird."
    sentences = segment(text)
    assert [(s.text, s.paragraph) for s in sentences] == [
        ("Title", 0),
        ("First one.", 1),
        ("Second one.", 1),
        ("Third.", 2),
    ]
    for sentence in sentences:
        assert text[sentence.start : sentence.end] == sentence.text


_MARKERS = set("*·–—•▪◦‣-")
"""Characters that may be left outside every sentence: list markers."""


def check_invariants(text: str, sentences: list[Sentence]) -> None:
    """Offsets match, sentences are ordered, trimmed and cover all but list markers."""
    covered = [False] * len(text)
    previous_end = 0
    previous_paragraph = 0
    for sentence in sentences:
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text.strip() == sentence.text != ""
        assert sentence.start >= previous_end
        assert sentence.paragraph >= previous_paragraph
        previous_end, previous_paragraph = sentence.end, sentence.paragraph
        for index in range(sentence.start, sentence.end):
            covered[index] = True
    uncovered = {ch for ch, hit in zip(text, covered, strict=True) if not hit and not ch.isspace()}
    assert uncovered <= _MARKERS


_ALPHABET = st.sampled_from(
    list("aBc xyZ. ?!…,;:\"'“”‘’()[]*-•\n\n\t0123")
    + ["U.S.", "Dr.", "e.g.", "...", "。", "？", "http://a.B", "@", "\n\n", " The", "1. ", "* "]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_ALPHABET, max_size=60).map("".join))
def test_invariants_on_tricky_alphabet(text: str) -> None:
    check_invariants(text, segment(text))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_invariants_on_any_unicode(text: str) -> None:
    check_invariants(text, segment(text))


def test_gold_like_paragraph_keeps_every_character() -> None:
    text = "Editor: Welcome to example-news.com. The talks (in Feb.) ended.Next, “a. b.” he said."
    check_invariants(text, segment(text))


@pytest.mark.parametrize(
    "unit",
    [
        "The U.S. envoy said talks with Dr. Roe began on Feb. 3 at 9 a.m. in No. 10. ",
        "a. " * 3,
        "“Quote.” ",
        "word" * 5 + " ",
    ],
    ids=["prose", "initials", "quotes", "long-words"],
)
def test_one_megabyte_single_line_segments_consistently(unit: str) -> None:
    # Speed on 1 MB is measured by bench/segmentation.py; here: it finishes, and every
    # sentence still maps back onto the text.
    text = unit * (1_000_000 // len(unit))
    sentences = segment(text)
    assert sentences
    assert all(text[s.start : s.end] == s.text for s in sentences)
    assert all(a.end <= b.start for a, b in zip(sentences, sentences[1:], strict=False))


WIRE_STORY = """\
WASHINGTON (AP) — The Senate voted 52-48 on Tuesday to confirm Gen. Mark A. Jensen as \
chairman. The vote came after weeks of delay.

Sen. Jane Doe, D-Mass., said the nominee was "the right man at the wrong time." She added: \
"We will hold him accountable. Every single day."

"I don't know," Jensen told reporters. "Maybe next year?" he asked, laughing. The Pentagon \
declined to comment.

Shares of Acme Corp. fell 4.5% to $12.30 on the N.Y. Stock Exchange. The company, based in \
St. Paul, Minn., reported a loss for the quarter ended Sept. 30.

Officials from the U.K. and the U.S. will attend, along with the U.N. Security Council.

Key facts:
- 34 drones downed
- No casualties reported

(Reporting by John Smith; Editing by Mary Jones)"""

WIRE_SENTENCES = [
    (
        0,
        "WASHINGTON (AP) — The Senate voted 52-48 on Tuesday to confirm Gen. Mark A. Jensen"
        " as chairman.",
    ),
    (0, "The vote came after weeks of delay."),
    (1, 'Sen. Jane Doe, D-Mass., said the nominee was "the right man at the wrong time."'),
    (1, 'She added: "We will hold him accountable.'),
    (1, 'Every single day."'),
    (2, '"I don\'t know," Jensen told reporters.'),
    (2, '"Maybe next year?" he asked, laughing.'),
    (2, "The Pentagon declined to comment."),
    (3, "Shares of Acme Corp. fell 4.5% to $12.30 on the N.Y. Stock Exchange."),
    (3, "The company, based in St. Paul, Minn., reported a loss for the quarter ended Sept. 30."),
    (4, "Officials from the U.K. and the U.S. will attend, along with the U.N. Security Council."),
    (5, "Key facts:"),
    (5, "34 drones downed"),
    (5, "No casualties reported"),
    (6, "(Reporting by John Smith; Editing by Mary Jones)"),
]


def test_wire_story() -> None:
    sentences = segment(WIRE_STORY)
    assert [(s.paragraph, s.text) for s in sentences] == WIRE_SENTENCES
    check_invariants(WIRE_STORY, sentences)


@pytest.mark.skipif(not (GOLD / "segmentation.json").exists(), reason="gold set not present")
def test_gold_exact_match_rate() -> None:
    """At least 95% of the gold sentences come out exactly (see bench/segmentation.py)."""
    gold = json.loads((GOLD / "segmentation.json").read_text(encoding="utf-8"))
    hits = total = 0
    for name, entry in gold.items():
        dropped = {" ".join(u.split()) for u in entry["boilerplate"] + entry["non_sentence_units"]}
        lines = [" ".join(line.split()) for line in (SEEDS / name).read_text("utf-8").splitlines()]
        text = "\n\n".join(line for line in lines if line and line not in dropped)
        found = {s.text for s in segment(text)}
        hits += sum(" ".join(sentence.split()) in found for sentence in entry["sentences"])
        total += len(entry["sentences"])
    assert hits / total >= 0.95
