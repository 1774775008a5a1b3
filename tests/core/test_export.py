"""Markdown export: golden file, structure read back with markdown-it-py, safe writes."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from reader.core.annotations import Annotation, create_annotation, make_anchor
from reader.core.export import escape_markdown, quote_block, render_notes
from reader.core.models import Article
from reader.core.persist import atomic_write_text

GOLDEN = Path(__file__).resolve().parent.parent / "golden" / "notes_export.md"
NOW = "2026-11-21T20:00:00Z"

REUTERS = Article(
    id="reu1",
    title="Trump and Putin agree to start Ukraine talks",
    outlet="Reuters",
    date="2025-02-12",
    url="https://example.com/reuters/trump-putin",
    text=(
        "Donald Trump said he and Vladimir Putin agreed to start negotiations. "
        "The call lasted about 90 minutes.\n\n"
        "1. Talks will begin immediately, Trump wrote on Truth Social. "
        "Prices of *wheat* fell $5 to $6 a tonne after #news broke."
    ),
    event="ev1",
    event_label="Trump–Putin call, 12 Feb 2025",
)
AP = Article(
    id="ap1",
    title="Trump says he spoke with Putin",
    outlet="AP",
    date="2025-02-12",
    url="https://example.com/ap/call (live)",
    text="Trump said he spoke with Putin for about an hour and a half. Kyiv was not told.",
    event="ev1",
    event_label="Trump–Putin call, 12 Feb 2025",
)
BLOG = Article(id="blog1", title="Unrelated_post", outlet="", text="Some other text here.")


def note(article: Article, quote: str, text: str, **kwargs: object) -> Annotation:
    start = article.text.index(quote)
    anchor = make_anchor(article.id, article.text, start, start + len(quote), article.outlet)
    return create_annotation(anchor, text, now="2026-11-20T10:00:00Z", **kwargs)  # type: ignore[arg-type]


def sample_notes() -> list[Annotation]:
    ap_anchor = make_anchor("ap1", AP.text, 0, AP.text.index(".") + 1, "AP")
    passage = REUTERS.text[REUTERS.text.index("The call") : REUTERS.text.index("#news broke.") + 12]
    # Notes written on earlier versions of the articles: one sentence was edited
    # since (it re-anchors and shows both wordings), one was removed (orphaned).
    old_reuters = replace(REUTERS, text=REUTERS.text.replace("90 minutes", "80 minutes"))
    edited = note(old_reuters, "The call lasted about 80 minutes.", "Length differs from AP.")
    old_ap = replace(AP, text=AP.text + " Zelensky was furious, aides said.")
    orphan = note(
        old_ap, "Zelensky was furious, aides said.", "Kyiv angle — check later", tags=["kyiv"]
    )
    return [
        note(
            REUTERS,
            "Donald Trump said he and Vladimir Putin agreed to start negotiations.",
            "Compare: AP says *spoke*, not *agreed*.",
            tags=["claim-check", "Trump"],
            label="claim",
            other=ap_anchor,
            pair_kind="paraphrase",
        ),
        note(
            REUTERS, passage, "Market detail only Reuters has.", tags="omission", label="omission"
        ),
        note(BLOG, "Some other text here.", "", tags=["2025"]),
        edited,
        orphan,
    ]


def rendered() -> str:
    return render_notes(sample_notes(), [REUTERS, AP, BLOG], exported_at=NOW)


def test_matches_golden_file() -> None:
    # Regenerate deliberately with: NEWSREADER_UPDATE_GOLDEN=1 pytest tests/core/test_export.py
    text = rendered()
    if os.environ.get("NEWSREADER_UPDATE_GOLDEN"):
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8")


def front_matter(text: str) -> dict[str, str | list[str]]:
    """A tiny reader for the flat YAML we write (keys, scalars, lists of scalars)."""
    assert text.startswith("---\n")
    head = text[4 : text.index("\n---\n")]
    data: dict[str, str | list[str]] = {}
    key = ""
    for line in head.splitlines():
        if line.startswith("  - "):
            value = data.setdefault(key, [])
            assert isinstance(value, list)
            value.append(line[4:].strip('"'))
        else:
            key, _, value_text = line.partition(": ")
            key = key.rstrip(":")
            data[key] = [] if value_text in ("", "[]") else value_text.strip('"')
    return data


def inline_text(tokens: list[Token], start: int) -> str:
    """Plain text of the inline token following ``start`` (a heading or paragraph open)."""
    inline = tokens[start + 1]
    assert inline.type == "inline" and inline.children is not None
    return "".join(c.content if c.type != "softbreak" else " " for c in inline.children)


def test_front_matter_headings_and_quotes_parse_back() -> None:
    text = rendered()
    meta = front_matter(text)
    assert meta["title"] == "newsreader notes" and meta["exported"] == NOW
    assert meta["notes"] == "5"
    assert meta["tags"] == ["2025", "claim-check", "kyiv", "omission", "Trump"]
    assert "Reuters: Trump and Putin agree to start Ukraine talks" in meta["articles"]

    body = text[text.index("\n---\n") + 5 :]
    tokens = MarkdownIt("commonmark").parse(body)
    headings = [
        (tokens[i].tag, inline_text(tokens, i))
        for i, t in enumerate(tokens)
        if t.type == "heading_open"
    ]
    assert headings == [
        ("h1", "newsreader notes"),
        ("h2", "Trump–Putin call, 12 Feb 2025"),
        ("h3", "Reuters: Trump and Putin agree to start Ukraine talks"),
        ("h2", "Other articles"),
        ("h3", "unknown outlet: Unrelated_post"),
        ("h2", "Notes that lost their place"),
        ("h3", "AP: Trump says he spoke with Putin"),
    ]
    quotes: list[str] = []
    depth = 0
    for index, token in enumerate(tokens):
        depth += token.nesting if token.type == "blockquote_open" else 0
        if token.type == "blockquote_close":
            depth -= 1
        if depth and token.type == "paragraph_open":
            quotes.append(inline_text(tokens, index))
    notes = sample_notes()
    expected_passage = " ".join(notes[1].quote.split("\n\n"))
    # Every quote renders exactly as the article wrote it, markdown characters included.
    assert quotes[0] == notes[0].quote
    assert quotes[1] == AP.text[: AP.text.index(".") + 1]
    assert " ".join(quotes[2:4]) == expected_passage
    # The edited sentence: the words annotated, then the words now.
    assert quotes[4] == "The call lasted about 80 minutes."
    assert quotes[5] == "The call lasted about 90 minutes."
    assert quotes[6] == "Some other text here."
    assert quotes[7] == "Zelensky was furious, aides said."
    assert "The article now reads:" in body
    assert "Pair: paraphrase" in body and "#claim-check #Trump" in body and "#_2025" in body
    assert "[source](<https://example.com/ap/call (live)>)" in body


def test_empty_export_is_valid() -> None:
    text = render_notes([], [], exported_at=NOW)
    assert front_matter(text)["articles"] == [] and "No notes yet." in text


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"))))
def test_escaped_quote_renders_as_written(text: str) -> None:
    tokens = MarkdownIt("commonmark").parse(quote_block(text))
    rendered_text = " ".join(
        "".join(c.content for c in t.children or []) for t in tokens if t.type == "inline"
    )
    expected = " ".join(" ".join(p.split()) for p in text.split("\n\n") if p.strip())
    assert " ".join(rendered_text.split()) == " ".join(expected.split())


def test_escape_markdown_examples() -> None:
    assert escape_markdown("1. Talks") == "1\\. Talks"
    assert escape_markdown("- dash") == "\\- dash"
    assert escape_markdown("$5 #tag") == "\\$5 \\#tag"
    assert escape_markdown("50% and ==x==") == "50% and \\=\\=x\\=\\="


def test_export_of_many_notes_keeps_every_note() -> None:
    # Speed is measured by bench/anchoring.py and the export numbers in the README, not here.
    many = [note(REUTERS, "The call lasted about 90 minutes.", f"n{i}") for i in range(2000)]
    text = render_notes(many, [REUTERS], exported_at=NOW)
    assert text.count("> The call lasted about 90 minutes.") == 2000


def test_failed_replace_keeps_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "notes.md"
    target.write_text("old notes\n", encoding="utf-8")

    def broken_replace(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="No space left"):
        atomic_write_text(target, rendered(), overwrite=True)
    assert target.read_text(encoding="utf-8") == "old notes\n"
    assert [p.name for p in tmp_path.iterdir()] == ["notes.md"]  # no temp file left behind
