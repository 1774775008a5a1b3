"""``newsreader list``, ``show`` and ``import`` through ``reader.cli.main`` and a real process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main

BODY = (
    "The harbour authority confirmed on Monday that the old ferry terminal will close "
    "next spring. Passenger numbers have fallen by half since the bridge opened.\n\n"
    "A new terminal further north is planned, but no date has been set for its opening."
)
REPO_ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def messy_folder(tmp_path: Path) -> Path:
    """A good article beside binary, empty, bad-UTF-8 and escape-sequence files."""
    folder = tmp_path / "messy"
    folder.mkdir()
    (folder / "good.txt").write_text("---\ntitle: Ferry terminal to close\n---\n" + BODY)
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "latin1.txt").write_bytes(
        "Caf\xe9 owners \x93worried\x94 about the ferry.".encode("latin-1")
    )
    (folder / "evil\x1b[31m.txt").write_text(
        "---\ntitle: \x1b]0;pwned\x07[bold]Evil[/bold]\n---\n\x1b[2J\x1b[31mRed alert\x1b[0m "
        "[link=https://x.test]click[/link] said the harbour master on Monday."
    )
    return folder


def test_list_messy_folder(messy_folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", str(messy_folder)]) == 0
    captured = capsys.readouterr()
    assert "\x1b" not in captured.out + captured.err
    assert "Ferry terminal to close" in captured.out
    assert "[bold]Evil[/bold]" in captured.out  # markup is shown as text
    errors = captured.err.splitlines()
    assert any("binary.txt" in e and "binary file" in e for e in errors)
    assert any("empty.txt" in e and "empty file" in e for e in errors)
    assert any("latin1.txt" in e and "not valid UTF-8" in e for e in errors)
    assert all(e.startswith("newsreader: ") for e in errors)


def test_list_json(messy_folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", str(messy_folder / "good.txt"), "--format", "json"]) == 0
    (item,) = json.loads(capsys.readouterr().out)
    for key in ("id", "outlet", "title", "date", "url", "path", "words", "event", "event_label"):
        assert key in item
    assert item["title"] == "Ferry terminal to close" and item["words"] == len(BODY.split())
    assert item["event"]


def test_list_exits_1_when_nothing_loads(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "empty.txt").write_text("")
    assert main(["list", str(tmp_path)]) == 1
    assert "no article could be loaded" in capsys.readouterr().err


def test_library_starts_with_the_sample_corpus(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", "--format", "json"]) == 0
    items = json.loads(capsys.readouterr().out)
    assert len(items) == 5
    assert {i["outlet"] for i in items} >= {"world-today-news.com", "EPN"}
    assert all(i["title"] for i in items)


def test_import_then_show(messy_folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(messy_folder)]) == 0
    out = capsys.readouterr().out
    assert "imported 3 article(s); the library holds 8" in out
    assert main(["list", "--format", "json"]) == 0
    items = {i["title"]: i for i in json.loads(capsys.readouterr().out)}
    ferry_id = items["Ferry terminal to close"]["id"]
    assert main(["show", ferry_id[:6]]) == 0
    shown = capsys.readouterr().out
    assert "Ferry terminal to close" in shown and "no date has been set" in shown


def test_show_path_raw(messy_folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file = messy_folder / "story.txt"
    file.write_text("Ferry Terminal to Close\n\nBy Sam Writer\n\n" + BODY + "\n\nShare this story")
    assert main(["show", str(file), "--raw"]) == 0
    out = capsys.readouterr().out
    assert "Sam Writer (inferred)" in out
    assert "[byline]" in out and "[headline]" in out and "Share this story" in out


def test_show_unknown_ref(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "doesnotexist"]) == 1
    err = capsys.readouterr().err
    assert "no such file and no library article" in err and "Traceback" not in err


def test_unusable_library_is_an_error_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "broken"
    data.mkdir()
    (data / "library.sqlite3").write_bytes(b"garbage " * 1000)
    assert main(["list", "--data-dir", str(data)]) == 1
    assert "cannot open library database" in capsys.readouterr().err


def test_help_is_helpful(capsys: pytest.CaptureFixture[str]) -> None:
    for command in ("list", "show", "import"):
        with pytest.raises(SystemExit) as exit_info:
            main([command, "--help"])
        assert exit_info.value.code == 0
        assert "examples:" in capsys.readouterr().out or command == "import"


def test_subprocess_list_json(messy_folder: Path, tmp_path: Path) -> None:
    env = {**os.environ, "NEWSREADER_DATA_DIR": str(tmp_path / "data")}
    completed = subprocess.run(
        [sys.executable, "-m", "reader", "list", str(messy_folder), "--format", "json"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    assert completed.returncode == 0
    assert "\x1b" not in completed.stdout + completed.stderr
    assert "Traceback" not in completed.stderr
    titles = {item["title"] for item in json.loads(completed.stdout)}
    assert "Ferry terminal to close" in titles
    assert len(completed.stderr.strip().splitlines()) == 3  # binary, empty, latin-1


def test_show_json_with_dropped(messy_folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", str(messy_folder / "good.txt"), "--raw", "--format", "json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["title"] == "Ferry terminal to close"
    assert shown["paragraphs"] == BODY.split("\n\n")
    assert shown["dropped"] == []


def test_table_fits_the_terminal_width() -> None:
    from reader.cli.library_cmds import format_table
    from reader.core.models import Article

    long_title = "A very long headline " * 10
    article = Article(id="abcdef123456", title=long_title, outlet="O" * 40, event="e1")
    lines = format_table([article], 80)
    assert all(len(line) <= 80 for line in lines)
    assert lines[-1].endswith("…")
    assert format_table([article], None)[-1].endswith(long_title.strip())
