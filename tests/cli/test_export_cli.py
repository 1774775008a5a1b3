"""``newsreader export``: filters, stdout vs file, --force, clear errors, no traceback."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main
from reader.core.annotations import create_annotation, make_anchor
from reader.core.note_store import NoteStore
from reader.core.store import Store

TEXT_A = "The ceasefire began at noon. Both sides reported sporadic shelling overnight."
TEXT_B = "A truce started at midday. Shelling continued overnight, officials said."


@pytest.fixture
def library(isolated_dirs: Path) -> Path:
    """A data folder with two articles in one event and three notes."""
    isolated_dirs.mkdir(parents=True, exist_ok=True)
    with Store(isolated_dirs / "library.sqlite3") as store:
        with store.transaction() as connection:
            for article_id, outlet, text in (("aaa", "Alpha", TEXT_A), ("bbb", "Beta", TEXT_B)):
                connection.execute(
                    "INSERT INTO articles (id, title, outlet, url, text, event, event_label)"
                    " VALUES (?, ?, ?, ?, ?, 'ev', 'Ceasefire')",
                    (article_id, f"{outlet} story", outlet, f"https://{outlet}.example/x", text),
                )
        notes = NoteStore(store)
        notes.add(create_annotation(make_anchor("aaa", TEXT_A, 0, 28, "Alpha"), "start", tags="t1"))
        notes.add(
            create_annotation(
                make_anchor("aaa", TEXT_A, 29, len(TEXT_A), "Alpha"),
                "pair",
                tags="t2",
                other=make_anchor("bbb", TEXT_B, 26, len(TEXT_B), "Beta"),
                pair_kind="near",
            )
        )
        notes.add(create_annotation(make_anchor("bbb", TEXT_B, 0, 25, "Beta"), "truce", tags="t1"))
    return isolated_dirs


def test_stdout_has_all_notes(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("---\n") and "notes: 3" in out
    assert "## Ceasefire" in out and "### Alpha: Alpha story" in out
    assert "> The ceasefire began at noon." in out and "Pair: near" in out


@pytest.mark.parametrize(
    ("flags", "count"),
    [
        (["--tag", "t1"], 2),
        (["--tag", "#T2"], 1),
        (["--article", "bbb"], 2),
        (["--event", "ev"], 3),
        (["--event", "Ceasefire"], 3),
        (["--event", "nope"], 0),
    ],
)
def test_filters(
    library: Path, capsys: pytest.CaptureFixture[str], flags: list[str], count: int
) -> None:
    assert main(["export", *flags]) == 0
    captured = capsys.readouterr()
    assert f"notes: {count}\n" in captured.out
    assert ("no notes match" in captured.err) == (count == 0)


def test_writes_file_and_refuses_overwrite(
    library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "notes.md"
    assert main(["export", "-o", str(target)]) == 0
    assert "wrote 3 notes to" in capsys.readouterr().err
    first = target.read_text(encoding="utf-8")
    target.write_text("my edits\n", encoding="utf-8")
    assert main(["export", "-o", str(target), "--tag", "t1"]) == 1
    assert "already exists; pass --force" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "my edits\n"
    assert main(["export", "-o", str(target), "--force"]) == 0
    assert target.read_text(encoding="utf-8").split("exported:")[0] == first.split("exported:")[0]


def test_output_to_folder_is_refused(library: Path, tmp_path: Path) -> None:
    assert main(["export", "-o", str(tmp_path)]) == 1


@pytest.mark.parametrize(
    ("code", "message"),
    [
        (errno.ENOSPC, "the disk is full"),
        (errno.EROFS, "read-only file system"),
        (errno.EACCES, "permission denied"),
    ],
)
def test_write_errors_are_clear(
    library: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    code: int,
    message: str,
) -> None:
    target = tmp_path / "notes.md"
    target.write_text("old\n", encoding="utf-8")

    def failing_replace(src: object, dst: object) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "replace", failing_replace)
    assert main(["export", "-o", str(target), "--force"]) == 1
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert target.read_text(encoding="utf-8") == "old\n"


def test_missing_folder_is_clear(library: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "reader", "export", "-o", str(tmp_path / "nope" / "n.md")],
        capture_output=True,
        text=True,
        env={**os.environ, "NEWSREADER_DATA_DIR": str(library)},
    )
    assert result.returncode == 1
    assert "does not exist" in result.stderr and "Traceback" not in result.stderr


def test_corrupt_library_is_clear(isolated_dirs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    isolated_dirs.mkdir(parents=True, exist_ok=True)
    (isolated_dirs / "library.sqlite3").write_bytes(b"this is not a database" * 100)
    assert main(["export"]) == 1
    assert "cannot open library database" in capsys.readouterr().err
