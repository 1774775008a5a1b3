"""Loading article files: each format, metadata, stable ids, and every kind of bad input."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from reader.core import corpus
from reader.core.corpus import LoadResult, article_id, decode_bytes, load_paths
from reader.core.errors import CorpusError
from reader.core.formats import split_front_matter

BODY = (
    "The harbour authority confirmed on Monday that the old ferry terminal will close "
    "next spring. Passenger numbers have fallen by half since the bridge opened.\n\n"
    "A new terminal further north is planned, but no date has been set for its opening."
)


def load_one(path: Path) -> LoadResult:
    return load_paths([path])


def test_txt_with_front_matter(tmp_path: Path) -> None:
    file = tmp_path / "a.txt"
    file.write_text(
        '---\noutlet: Harbour Times\ntitle: "Ferry terminal to close"\ndate: 3 March 2025\n'
        "url: https://example.org/ferry\n---\nFerry terminal to close\n\n" + BODY,
        encoding="utf-8",
    )
    result = load_one(file)
    assert result.problems == []
    (article,) = result.articles
    assert (article.outlet, article.title, article.date) == (
        "Harbour Times",
        "Ferry terminal to close",
        "2025-03-03",
    )
    assert article.url == "https://example.org/ferry"
    assert article.inferred == frozenset()
    assert article.text == BODY
    assert [d.reason for d in article.dropped] == ["headline"]
    assert article.id == article_id("https://example.org/ferry", "")


def test_plain_txt_infers_metadata(tmp_path: Path) -> None:
    file = tmp_path / "b.txt"
    file.write_text("Ferry Terminal to Close Next Spring\n\nBy Sam Writer\n\n" + BODY)
    (article,) = load_one(file).articles
    assert article.title == "Ferry Terminal to Close Next Spring"
    assert article.byline == "Sam Writer"
    assert article.inferred == {"title", "byline"}
    assert article.outlet == ""


def test_id_is_stable_across_moves_and_front_matter_edits(tmp_path: Path) -> None:
    first = tmp_path / "one" / "x.txt"
    second = tmp_path / "two" / "renamed.txt"
    first.parent.mkdir()
    second.parent.mkdir()
    first.write_text(BODY)
    second.write_text("---\noutlet: Someone\n---\n" + BODY)
    assert load_one(first).articles[0].id == load_one(second).articles[0].id


def test_markdown(tmp_path: Path) -> None:
    file = tmp_path / "c.md"
    file.write_text(
        "---\ntitle: Ferry terminal to close\n---\n# Ferry terminal to close\n\n"
        "The harbour authority confirmed on **Monday** that the [old ferry terminal]"
        "(https://example.org) will close<br> next spring.\n\n![A ferry](ferry.jpg)\n\n"
        "## What comes next\n\n"
        "- A new terminal is planned.\n- No date has been set.\n"
    )
    (article,) = load_one(file).articles
    assert article.paragraphs == [
        "The harbour authority confirmed on Monday that the old ferry terminal will "
        "close next spring.",
        "A new terminal is planned.",
        "No date has been set.",
    ]
    assert {d.text: d.reason for d in article.dropped}["What comes next"] == "subheading"


def test_json_and_jsonl(tmp_path: Path) -> None:
    record = {"title": "Ferry", "outlet": "Harbour Times", "date": "2025-03-03", "text": BODY}
    (tmp_path / "one.json").write_text(json.dumps(record))
    (tmp_path / "many.json").write_text(json.dumps([record, {**record, "text": BODY + " More."}]))
    lines = [json.dumps({**record, "text": BODY + f" Item {i}."}) for i in range(3)]
    (tmp_path / "feed.jsonl").write_text("\n".join([lines[0], "{broken", lines[1], "[]", lines[2]]))
    result = load_paths([tmp_path])
    assert len(result.articles) == 5  # one.json and the first of many.json are the same article
    reasons = sorted(p.reason for p in result.problems)
    assert any("invalid JSON" in r for r in reasons)
    assert any("expected an object" in r for r in reasons)
    assert any("same article" in r for r in reasons)
    assert all(a.outlet == "Harbour Times" for a in result.articles)


def test_html(tmp_path: Path) -> None:
    pytest.importorskip("trafilatura")
    file = tmp_path / "page.html"
    paragraphs = "".join(f"<p>{p}</p>" for p in BODY.split("\n\n"))
    file.write_text(
        "<html><head><title>Ferry terminal to close | Harbour Times</title>"
        '<meta property="og:site_name" content="Harbour Times">'
        '<meta name="author" content="Sam Writer">'
        '<meta property="article:published_time" content="2025-03-03T08:00:00Z">'
        "</head><body><nav><a href='/'>Home</a> <a href='/n'>News</a></nav><article>"
        f"<h1>Ferry terminal to close</h1>{paragraphs}</article>"
        "<footer>Copyright Harbour Times</footer></body></html>"
    )
    result = load_one(file)
    assert result.problems == []
    (article,) = result.articles
    assert article.outlet == "Harbour Times"
    assert article.date == "2025-03-03"
    assert "ferry terminal will close next spring" in article.text
    assert "Copyright" not in article.text


def test_html_without_extractor_is_a_clear_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import builtins

    real_import = builtins.__import__

    def no_trafilatura(name: str, *args: object, **kwargs: object) -> object:
        if name == "trafilatura":
            raise ImportError("No module named 'trafilatura'")
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", no_trafilatura)
    file = tmp_path / "page.html"
    file.write_text("<html><body><p>Hello there, reader.</p></body></html>")
    result = load_one(file)
    assert result.articles == []
    assert "pip install 'newsreader[html]'" in result.problems[0].reason


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n\t\n", "empty file"),
        ("binary.txt", bytes(range(256)) * 4, "binary file"),
        ("image.json", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("bad.json", b"{not json", "invalid JSON"),
        ("notext.json", b'{"title": "only a title"}', "no 'text' field"),
    ],
)
def test_bad_files_are_problems_not_exceptions(
    tmp_path: Path, name: str, content: bytes, reason: str
) -> None:
    (tmp_path / name).write_bytes(content)
    (tmp_path / "good.txt").write_text(BODY)
    result = load_paths([tmp_path])
    assert [Path(a.path).name for a in result.articles] == ["good.txt"]
    (problem,) = result.problems
    assert problem.fatal and reason in problem.reason and name in problem.path


def test_invalid_utf8_loads_with_a_warning(tmp_path: Path) -> None:
    file = tmp_path / "latin.txt"
    file.write_bytes("Café terminal “closes” next spring, officials said.".encode("cp1252"))
    result = load_one(file)
    (article,) = result.articles
    assert "Café terminal “closes”" in article.text
    (problem,) = result.problems
    assert not problem.fatal and "not valid UTF-8" in problem.reason
    assert article.warnings == (problem.reason,)


def test_utf16_with_bom(tmp_path: Path) -> None:
    (tmp_path / "wide.txt").write_bytes(BODY.encode("utf-16"))
    assert load_one(tmp_path / "wide.txt").articles[0].text == BODY


def test_huge_file_is_skipped_with_a_warning(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        line = (BODY.replace("\n", " ") + "\n").encode()
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            handle.write(line)
    assert huge.stat().st_size >= 50 * 1024 * 1024
    result = load_one(huge)
    assert result.articles == []
    assert "over the 5 MB limit" in result.problems[0].reason


def test_missing_path_and_unsupported_files(tmp_path: Path) -> None:
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8")
    (tmp_path / "good.txt").write_text(BODY)
    result = load_paths([tmp_path, tmp_path / "nope.txt"])
    assert len(result.articles) == 1
    reasons = [p.reason for p in result.problems]
    assert "no such file or folder" in reasons
    assert any("unsupported type (.jpg)" in r for r in reasons)


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_symlink_loop_is_reported_once(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "good.txt").write_text(BODY)
    (tmp_path / "sub" / "loop").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "self.txt").symlink_to(tmp_path / "self.txt")
    result = load_paths([tmp_path])
    assert len(result.articles) == 1
    assert any("symlink loop" in p.reason for p in result.problems)


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # chmod 0 does not stop root (CI runs as root), so make opening this one file fail
    # the way an unreadable file does, and check the rest of the folder still loads.
    secret = tmp_path / "secret.txt"
    secret.write_text(BODY)
    (tmp_path / "fine.txt").write_text(BODY.replace("officials", "the officials"))
    real_open = Path.open

    def guarded_open(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self.name == "secret.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", guarded_open)
    result = load_paths([tmp_path])
    assert [Path(a.path).name for a in result.articles] == ["fine.txt"]
    (problem,) = result.problems
    assert problem.path.endswith("secret.txt") and "cannot read" in problem.reason
    assert "Permission denied" in problem.reason


def test_thousands_of_files(tmp_path: Path) -> None:
    for i in range(2000):
        (tmp_path / f"{i:04}.txt").write_text(f"Story number {i} is here. " + BODY)
    result = load_paths([tmp_path])
    assert len(result.articles) == 2000 and result.problems == []


def test_escape_sequences_are_removed_and_markup_is_text(tmp_path: Path) -> None:
    file = tmp_path / "evil.txt"
    file.write_text(
        "---\ntitle: \x1b]0;pwned\x07Title [bold]x[/bold]\n---\n"
        "Red \x1b[31malert\x1b[0m and [link=https://x.test]click[/link] here, said the "
        "officials at the port.\x07\x00 Arabic مرحبا, CJK 港口, accents éà stay."
    )
    (article,) = load_one(file).articles
    assert "\x1b" not in article.text + article.title + article.raw
    assert article.title == "Title [bold]x[/bold]"
    assert "Red alert and [link=https://x.test]click[/link] here" in article.text
    assert "مرحبا" in article.text and "港口" in article.text and "éà" in article.text


def test_outlet_repeated_lines_are_dropped(tmp_path: Path) -> None:
    for i in range(4):
        (tmp_path / f"{i}.txt").write_text(
            f"---\noutlet: Harbour Times\n---\nStory {i} of the day begins here. {BODY}\n\n"
            "Support our harbour journalism today."
        )
    result = load_paths([tmp_path])
    for article in result.articles:
        assert "Support our harbour journalism" not in article.text


def test_front_matter_edge_cases() -> None:
    assert split_front_matter("no front matter") == ({}, "no front matter")
    assert split_front_matter("---\nnot closed\n") == ({}, "---\nnot closed\n")
    meta, body = split_front_matter("---\nSource: 'X'\nweird line\n---\nbody\n")
    assert (meta, body) == ({"outlet": "X"}, "body\n")


def test_decode_bytes_rejects_binary() -> None:
    with pytest.raises(CorpusError):
        decode_bytes(b"\x00\x01\x02text")
    assert corpus.MAX_ARTICLE_BYTES == 5 * 1024 * 1024


def test_folder_docs_are_not_articles(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("# My clippings\n\nArticles about the ferry.")
    (tmp_path / "good.txt").write_text(BODY)
    result = load_paths([tmp_path])
    assert [Path(a.path).name for a in result.articles] == ["good.txt"]
    assert load_paths([tmp_path / "README.md"]).articles  # named explicitly, it loads


def test_unreadable_file_even_as_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    file = tmp_path / "locked.txt"
    file.write_text(BODY)
    real_open = Path.open

    def refuse(self: Path, *args: object, **kwargs: object) -> object:
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", refuse)
    result = load_one(file)
    assert result.articles == []
    assert result.problems[0].reason == "cannot read: Permission denied"
