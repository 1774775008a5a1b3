"""``newsreader open`` and ``newsreader diff`` hand the right loader and pair to the app."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from reader.cli import main
from reader.ui import app as app_module

ARTICLE = """---
title: {title}
outlet: {outlet}
date: 2025-03-03
---

{body}
"""


@pytest.fixture
def launched(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Capture run_app calls instead of starting the terminal app."""
    calls: list[dict[str, Any]] = []

    def fake_run_app(loader: Any, config_path: Any, open_pair: Any, *rest: Any) -> None:
        calls.append({"outcome": loader(), "config": config_path, "pair": open_pair})

    monkeypatch.setattr(app_module, "run_app", fake_run_app)
    return calls


def write(folder: Path, name: str, title: str, outlet: str, body: str) -> Path:
    path = folder / name
    path.write_text(ARTICLE.format(title=title, outlet=outlet, body=body), encoding="utf-8")
    return path


def test_diff_opens_the_pair(tmp_path: Path, launched: list[dict[str, Any]]) -> None:
    a = write(tmp_path, "a.txt", "Bridge shut", "Coast Herald", "The bridge closed on Monday.")
    b = write(tmp_path, "b.txt", "Bridge closed", "Daily Tide", "The bridge was shut on Monday.")
    assert main(["diff", str(a), str(b)]) == 0
    (call,) = launched
    ids = [article.id for article in call["outcome"].articles]
    assert call["pair"] == (ids[0], ids[1])
    assert call["outcome"].articles[0].outlet == "Coast Herald"


def test_diff_with_unknown_ref_fails_before_launch(
    tmp_path: Path, launched: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    a = write(tmp_path, "a.txt", "Bridge shut", "Coast Herald", "The bridge closed on Monday.")
    assert main(["diff", str(a), "no-such-id-zzz"]) == 1
    assert launched == []
    assert "no-such-id-zzz" in capsys.readouterr().err


def test_open_paths_loads_those_files(tmp_path: Path, launched: list[dict[str, Any]]) -> None:
    write(tmp_path, "a.txt", "Bridge shut", "Coast Herald", "The bridge closed on Monday.")
    assert main([str(tmp_path)]) == 0
    (call,) = launched
    assert [article.title for article in call["outcome"].articles] == ["Bridge shut"]
    assert call["pair"] is None
