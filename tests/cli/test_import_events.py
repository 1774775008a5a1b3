"""``import`` stores event groups and re-anchors notes; the library is read, not regrouped."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from reader import paths
from reader.cli import main
from reader.cli.app_cmd import library_loader
from reader.core.annotations import create_annotation, make_anchor
from reader.core.note_store import NoteStore
from reader.core.store import Store

FLOOD = Path(__file__).resolve().parents[1] / "data" / "flood"
FLOOD_A, FLOOD_B = ((FLOOD / f"{name}.txt").read_text(encoding="utf-8").strip() for name in "ab")
MOVED = "Mayor Jacek Sutryk said the water level reached 7.2 metres."
DELETED = "Rescue teams used boats to evacuate elderly people from the Kozanow district."


def write_article(path: Path, title: str, body: str, url: str) -> None:
    path.write_text(f"---\ntitle: {title}\nurl: {url}\ndate: 2024-09-15\n---\n{body}\n")


@pytest.fixture
def floods(tmp_path: Path) -> Path:
    folder = tmp_path / "floods"
    folder.mkdir()
    write_article(folder / "a.txt", "Oder floods Wroclaw", FLOOD_A, "https://a.test/flood")
    write_article(folder / "b.txt", "Thousands evacuated", FLOOD_B, "https://b.test/flood")
    return folder


def stored_events(data_dir: Path) -> dict[str, tuple[str, str]]:
    with sqlite3.connect(paths.database_path(data_dir)) as connection:
        rows = connection.execute("SELECT id, event, event_label FROM articles").fetchall()
    return {row[0]: (row[1], row[2]) for row in rows}


def forbid_grouping(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*_: object) -> None:
        raise AssertionError("the library was regrouped")

    monkeypatch.setattr("reader.cli.common.group_events", fail)


def test_import_stores_groups_that_list_and_app_read(
    floods: Path,
    isolated_dirs: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert main(["import", str(floods)]) == 0
    assert "the library holds 7 in 2 event(s)" in capsys.readouterr().out
    stored = stored_events(isolated_dirs)
    assert len(stored) == 7 and all(event and label for event, label in stored.values())
    assert len({event for event, _ in stored.values()}) == 2

    forbid_grouping(monkeypatch)
    assert main(["list", "--format", "json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert {i["id"]: (i["event"], i["event_label"]) for i in listed} == stored
    loaded = library_loader(str(isolated_dirs))()
    assert {a.id: (a.event, a.event_label) for a in loaded.articles} == stored


def test_library_without_groups_is_regrouped_once(
    floods: Path,
    isolated_dirs: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert main(["import", str(floods)]) == 0
    grouped = stored_events(isolated_dirs)
    # As an older version left it: articles stored without their event.
    with sqlite3.connect(paths.database_path(isolated_dirs)) as connection:
        connection.execute("UPDATE articles SET event = '', event_label = ''")
    loaded = library_loader(str(isolated_dirs))()
    assert {a.id: (a.event, a.event_label) for a in loaded.articles} == grouped
    assert stored_events(isolated_dirs) == grouped
    forbid_grouping(monkeypatch)
    capsys.readouterr()
    assert main(["list", "--format", "json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 7


def test_list_of_files_still_groups_them(floods: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", str(floods), "--format", "json"]) == 0
    items = json.loads(capsys.readouterr().out)
    assert len(items) == 2 and items[0]["event"] == items[1]["event"] != ""


def test_reimport_reanchors_notes(
    floods: Path, isolated_dirs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", str(floods)]) == 0
    with Store(paths.database_path(isolated_dirs)) as store:
        [article] = [a for a in store.list_articles() if a.url == "https://a.test/flood"]
        notes = NoteStore(store)
        for quote in (MOVED, DELETED):
            start = article.text.index(quote)
            anchor = make_anchor(article.id, article.text, start, start + len(quote))
            notes.add(create_annotation(anchor, f"about: {quote[:20]}"))
    # The outlet updates the story: a new opening sentence, the last one cut.
    changed = "Officials declared an emergency on Sunday morning. " + FLOOD_A.replace(DELETED, "")
    write_article(floods / "a.txt", "Oder floods Wroclaw", changed, "https://a.test/flood")
    capsys.readouterr()
    assert main(["import", str(floods / "a.txt")]) == 0
    out = capsys.readouterr().out
    assert "1 note re-attached, 1 note lost its place (see the notes screen)" in out
    with Store(paths.database_path(isolated_dirs)) as store:
        [article] = [a for a in store.list_articles() if a.url == "https://a.test/flood"]
        by_quote = {n.quote: n for n in NoteStore(store).list_notes(article_id=article.id)}
    moved = by_quote[MOVED]
    assert not moved.orphaned and article.text[moved.start : moved.end] == MOVED
    assert by_quote[DELETED].orphaned


def test_reimport_unchanged_says_nothing_about_notes(
    floods: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", str(floods)]) == 0
    assert main(["import", str(floods)]) == 0
    out = capsys.readouterr().out
    assert "re-attached" not in out and "lost" not in out


def test_import_groups_only_the_new_articles_unless_asked_to_regroup(
    floods: Path,
    tmp_path: Path,
    isolated_dirs: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The first import regroups: the sample corpus was stored without grouping data.
    assert main(["import", str(floods / "a.txt")]) == 0
    assert "(regrouped)" in capsys.readouterr().out
    before = stored_events(isolated_dirs)

    def fail(*_: object) -> None:
        raise AssertionError("the library was regrouped")

    with monkeypatch.context() as patch:
        patch.setattr("reader.core.events.regroup_library", fail)
        patch.setattr("reader.core.events.group_events", fail)
        assert main(["import", str(floods / "b.txt")]) == 0
    out = capsys.readouterr().out
    assert "the library holds 7 in 2 event(s)\n" in out
    after = stored_events(isolated_dirs)
    assert {k: after[k] for k in before} == before
    [new_id] = set(after) - set(before)
    [flood_a] = [k for k in before if before[k][0] == after[new_id][0]]
    assert after[new_id] == before[flood_a]

    assert main(["import", "--regroup", str(floods / "b.txt")]) == 0
    assert "the library holds 7 in 2 event(s) (regrouped)" in capsys.readouterr().out
    assert stored_events(isolated_dirs) == after


def test_import_help_explains_regroup(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["import", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "--regroup" in text and "regroup the whole library" in text
    assert "events already in the library keep their ids" in text
