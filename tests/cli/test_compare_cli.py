"""``newsreader compare``: formats, marks, errors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from reader.cli import main

A_TEXT = """\
The central bank raised its main rate to 4.5 percent on Tuesday, the highest level since 2008.

Governor Elena Marquez said inflation had stayed above the target for eighteen months.

The government has not commented on the move."""

B_TEXT = """\
On Tuesday the central bank lifted its key rate to 4.5 percent, its highest since 2008.

Bank governor Elena Marquez argued that inflation has been above target for eighteen months.

Analysts expect another rise in the spring. \x1b[31mInjected\x1b[0m escape."""


@pytest.fixture()
def files(tmp_path: Path) -> tuple[str, str]:
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text(A_TEXT, encoding="utf-8")
    b.write_text(B_TEXT, encoding="utf-8")
    return str(a), str(b)


def test_json_is_the_comparison_dict(
    files: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["compare", *files, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"a", "b", "pairs", "stats"}
    assert set(data["a"]) == {"id", "outlet", "title", "sentences"}
    assert {"shared_a", "shared_b"} <= set(data["stats"])
    assert data["pairs"] and set(data["pairs"][0]) == {"a", "b", "kind", "score", "ops", "via"}
    sentences = data["a"]["sentences"]
    assert all(set(s) == {"text", "start", "end"} for s in sentences)


def test_text_report_marks_and_wraps(
    files: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["compare", *files, "--width", "50"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out
    assert all(len(line) <= 50 for line in out.splitlines())
    assert "Only in B:" in out
    assert any(line.startswith("+ A") for line in out.splitlines())
    assert any(line.lstrip().startswith(("≈ B", "~ B", "= B", "% B")) for line in out.splitlines())


def test_markdown_report(files: tuple[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    from markdown_it import MarkdownIt

    assert main(["compare", *files, "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Comparison")
    tokens = MarkdownIt().enable("table").parse(out)
    assert any(t.type == "blockquote_open" for t in tokens)
    assert any(t.type == "table_open" for t in tokens)
    assert "## Only in A" in out and "## Only in B" in out
    assert "\x1b" not in out


def test_missing_file_is_a_clear_error(
    files: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = str(tmp_path / "nope.txt")
    code = main(["compare", missing, files[1], "--data-dir", str(tmp_path / "d")])
    captured = capsys.readouterr()
    assert code == 2
    assert "nope.txt" in captured.err
    assert "Traceback" not in captured.err
    assert captured.out == ""


def test_library_ids_work(capsys: pytest.CaptureFixture[str]) -> None:
    from reader.core.corpus import load_paths

    corpus = Path(__file__).resolve().parents[2] / "sample_corpus"
    ids = sorted(a.id for a in load_paths([corpus]).articles)[:2]
    assert main(["compare", *ids, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [data["a"]["id"], data["b"]["id"]] == ids


@pytest.fixture()
def harbour(tmp_path: Path) -> Path:
    """Three outlets on one story: A and B word one fact apart, C states it both ways."""
    folder = tmp_path / "harbour"
    shutil.copytree(Path(__file__).resolve().parents[1] / "data" / "harbour", folder)
    return folder


def test_context_files_confirm_a_weak_pair(
    harbour: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b, c = (str(harbour / f"{n}.txt") for n in "abc")
    assert main(["compare", a, b, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["pairs"] == []
    assert main(["compare", a, b, "--context", c, "--format", "json"]) == 0
    pairs = json.loads(capsys.readouterr().out)["pairs"]
    assert [(p["a"], p["b"]) for p in pairs] == [(0, 0)] and len(pairs[0]["via"]) == 1
    assert main(["compare", a, b, "--context", c, "--width", "100"]) == 0
    out = capsys.readouterr().out
    assert "via Harbour story c)" in out and "Context: 1 other article" in out


def test_library_articles_use_the_rest_of_their_event(
    harbour: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = ["--data-dir", str(tmp_path / "lib")]
    assert main(["import", str(harbour), *data_dir]) == 0
    capsys.readouterr()
    assert main(["list", "--format", "json", *data_dir]) == 0
    listed = {x["title"]: x for x in json.loads(capsys.readouterr().out)}
    a, b, c = (listed[f"Harbour story {n}"] for n in "abc")
    assert a["event"] == b["event"] == c["event"]
    assert main(["compare", a["id"], b["id"], "--format", "json", *data_dir]) == 0
    pairs = json.loads(capsys.readouterr().out)["pairs"]
    assert [p["via"] for p in pairs] == [[c["id"]]]
    assert main(["compare", a["id"], b["id"], "--no-context", "--format", "json", *data_dir]) == 0
    assert json.loads(capsys.readouterr().out)["pairs"] == []


def test_unknown_id_is_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", "zzzz-no-such", "also-missing"]) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_ascii_output_gets_ascii_marks() -> None:
    from reader.core.align import compare
    from reader.core.report import ASCII_MARKS, marks_for, render_text

    assert marks_for("ascii") == ASCII_MARKS
    assert marks_for("utf-8")["paraphrase"] == "≈"
    report = render_text(compare(A_TEXT, B_TEXT), width=60, marks=ASCII_MARKS)
    marks_line = next(line for line in report.splitlines() if line.startswith("Marks:"))
    assert marks_line.isascii()
    assert any(line.startswith(("% A", "~ A", "= A")) for line in report.splitlines())
