"""Importing articles groups only the new ones: same groups as importing them together,
stable ids for existing events, a full regroup on request or for an older library."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from test_events import FLOOD_1, FLOOD_2, FOOTBALL, TALKS_ROUND_1, TALKS_ROUND_2

from reader.core import events
from reader.core.corpus import load_paths
from reader.core.events import group_events
from reader.core.models import Article
from reader.core.store import MIGRATIONS, SCHEMA_VERSION, Store

FLOOD_3 = """\
Residents of Wroclaw's Kozanow district began returning home on Tuesday as the Oder fell \
below 6 metres. Mayor Jacek Sutryk thanked the 4,000 evacuees and the rescue teams."""


def article(ident: str, title: str, text: str, day: str) -> Article:
    return Article(id=ident, title=title, text=text, date=day)


def corpus() -> list[Article]:
    """Two stories over a week, in date order: a flood, and two rounds of talks."""
    return [
        article("s1", "Betis win the derby", FOOTBALL, "2024-09-14"),
        article("f1", "Oder floods Wroclaw", FLOOD_1, "2024-09-15"),
        article("t1", "Armenia and Azerbaijan open peace talks", TALKS_ROUND_1, "2024-09-16"),
        article("f2", "Thousands evacuated as Oder overflows", FLOOD_2, "2024-09-16"),
        article("f3", "Wroclaw residents return as the Oder falls", FLOOD_3, "2024-09-17"),
        article("t2", "Second round of peace talks in Geneva", TALKS_ROUND_2, "2024-09-23"),
    ]


def stored_events(store: Store) -> dict[str, str]:
    return {a.id: a.event for a in store.list_articles()}


def one_at_a_time(path: Path, articles: list[Article]) -> dict[str, str]:
    with Store(path) as store:
        for item in articles:
            outcome = store.import_articles([item])
            assert not outcome.regrouped
        return stored_events(store)


def together(path: Path, articles: list[Article]) -> dict[str, str]:
    with Store(path) as store:
        outcome = store.import_articles(articles, full=True)
        assert outcome.regrouped
        return stored_events(store)


def partition(grouping: dict[str, str]) -> set[frozenset[str]]:
    members: dict[str, set[str]] = {}
    for article_id, event in grouping.items():
        members.setdefault(event, set()).add(article_id)
    return {frozenset(group) for group in members.values()}


@pytest.mark.parametrize("blocked", [False, True], ids=["small library", "blocked search"])
def test_one_at_a_time_groups_as_together(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, blocked: bool
) -> None:
    if blocked:  # as in a library of thousands: neighbours found through key words
        monkeypatch.setattr(events, "EXACT_ARTICLES", 1)
    articles = corpus()
    expected = together(tmp_path / "together.sqlite3", articles)
    assert expected == {a.id: a.event for a in group_events(articles)}
    assert partition(expected) == {
        frozenset({"s1"}),
        frozenset({"f1", "f2", "f3"}),
        frozenset({"t1"}),
        frozenset({"t2"}),
    }
    assert one_at_a_time(tmp_path / "single.sqlite3", articles) == expected
    # A batch into a library: same again.
    with Store(tmp_path / "batches.sqlite3") as store:
        store.import_articles(articles[:2])
        store.import_articles(articles[2:])
        assert stored_events(store) == expected


def test_a_large_import_regroups_the_library(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(events, "ATTACH_AT_MOST", 2)
    articles = corpus()
    with Store(tmp_path / "lib.sqlite3") as store:
        assert not store.import_articles(articles[:2]).regrouped
        assert store.import_articles(articles[2:]).regrouped
        assert stored_events(store) == {a.id: a.event for a in group_events(articles)}


def test_rounds_of_talks_a_week_apart_stay_separate(tmp_path: Path) -> None:
    first = article("r1", "Peace talks open in Geneva", TALKS_ROUND_1, "2024-03-04")
    second = article("r2", "Second round of peace talks in Geneva", TALKS_ROUND_2, "2024-03-11")
    grouped = one_at_a_time(tmp_path / "lib.sqlite3", [first, second])
    assert grouped["r1"] != grouped["r2"]
    # The same texts three days apart are one event: the date is what kept them apart.
    near = replace(second, id="r3", date="2024-03-07")
    assert one_at_a_time(tmp_path / "near.sqlite3", [first, near]) == {
        "r1": grouped["r1"],
        "r3": grouped["r1"],
    }


def test_later_article_joins_the_existing_event_and_keeps_its_id(tmp_path: Path) -> None:
    articles = corpus()
    with Store(tmp_path / "lib.sqlite3") as store:
        store.import_articles(articles[:3])
        before = {a.id: (a.event, a.event_label) for a in store.list_articles()}
        outcome = store.import_articles([articles[3]])
        assert not outcome.regrouped and outcome.articles == 4 and outcome.events == 3
        [f2] = outcome.imported
        assert (f2.event, f2.event_label) == before["f1"]
        after = {a.id: (a.event, a.event_label) for a in store.list_articles()}
        assert {k: after[k] for k in before} == before and after["f2"] == before["f1"]
        # Re-importing it unchanged keeps everything; so does a full regroup here.
        store.import_articles([articles[3]])
        assert {a.id: (a.event, a.event_label) for a in store.list_articles()} == after
        store.import_articles([articles[3]], full=True)
        assert stored_events(store) == {k: v[0] for k, v in after.items()}


def test_existing_events_keep_their_ids_when_a_new_article_bridges_them(
    tmp_path: Path,
) -> None:
    # Two flood reports five days apart are two events; a report dated between them
    # links to both, but joins one: the other keeps its id and members.
    early = article("f1", "Oder floods Wroclaw", FLOOD_1, "2024-09-12")
    late = article("f2", "Thousands evacuated as Oder overflows", FLOOD_2, "2024-09-17")
    middle = article("f3", "Wroclaw residents return as the Oder falls", FLOOD_3, "2024-09-14")
    with Store(tmp_path / "lib.sqlite3") as store:
        store.import_articles([early, late])
        before = stored_events(store)
        assert before["f1"] != before["f2"]
        [joined] = store.import_articles([middle]).imported
        assert joined.event in {before["f1"], before["f2"]}
        assert {k: v for k, v in stored_events(store).items() if k != "f3"} == before


def test_sample_corpus_one_at_a_time_is_one_event(tmp_path: Path) -> None:
    sample = Path(__file__).resolve().parents[2] / "sample_corpus"
    articles = load_paths([sample]).articles
    # Oldest first (undated last), as group_events picks the article an id comes from.
    articles.sort(key=lambda a: (not a.date, a.date, a.id))
    grouped = one_at_a_time(tmp_path / "lib.sqlite3", articles)
    assert len(set(grouped.values())) == 1
    assert grouped == {a.id: a.event for a in group_events(articles)}


def test_library_without_stored_counts_is_regrouped_once(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    articles = corpus()
    with Store(path) as store:
        store.upsert_articles(articles[:3])  # stored without grouping data
        assert store.import_articles([articles[3]]).regrouped
        assert not store.import_articles([articles[4]]).regrouped
        # Changed outside an import: its counts are dropped, the next import regroups.
        store.upsert_articles([replace(articles[0], title="Betis beat Sevilla")])
        assert store.import_articles([articles[5]]).regrouped
        assert partition(stored_events(store)) == partition(together(tmp_path / "t", articles))


def test_migration_from_v3_then_first_import_regroups(tmp_path: Path) -> None:
    path = tmp_path / "v3.sqlite3"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE schema_version (version INTEGER)")
    for script in MIGRATIONS[:3]:
        connection.executescript(script)
    connection.execute("INSERT INTO schema_version VALUES (3)")
    old = [a for a in corpus() if a.id in {"f1", "f2", "t1"}]
    for item in group_events(old):
        connection.execute(
            "INSERT INTO articles (id, title, date, text, event, event_label) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (item.id, item.title, item.date, item.text, item.event, item.event_label),
        )
    connection.commit()
    connection.close()
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION == 4
        assert store.count_articles() == 3
        later = [a for a in corpus() if a.id == "f3"]
        outcome = store.import_articles(later)
        assert outcome.regrouped and outcome.articles == 4 and outcome.events == 2
        grouped = stored_events(store)
        assert grouped["f3"] == grouped["f1"] == grouped["f2"] != grouped["t1"]
        assert not store.import_articles([a for a in corpus() if a.id == "t2"]).regrouped


def test_deleting_an_article_keeps_the_grouping_data_consistent(tmp_path: Path) -> None:
    with Store(tmp_path / "lib.sqlite3") as store:
        store.import_articles(corpus()[:4])
        assert store.delete_article("f2")
        counts = store.connection.execute(
            "SELECT (SELECT count(*) FROM article_terms), (SELECT count(*) FROM articles), "
            "(SELECT count(*) FROM article_keys WHERE article_id = 'f2')"
        ).fetchone()
        assert tuple(counts) == (3, 3, 0)
        df = dict(store.connection.execute("SELECT word, df FROM term_df WHERE df > 0"))
        remaining = [events.article_bag(a) for a in corpus()[:3]]
        assert df == dict(events.document_frequencies(remaining))
        assert not store.import_articles([corpus()[4]]).regrouped
