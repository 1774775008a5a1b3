"""Library store: article round trips, search, prefixes, migrations and unusable files."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from reader.core.errors import StoreError
from reader.core.models import Article, DroppedUnit
from reader.core.store import MIGRATIONS, SCHEMA_VERSION, Store


def make_article(article_id: str, **fields: object) -> Article:
    base = Article(
        id=article_id,
        title=f"Ferry story {article_id}",
        outlet="Harbour Times",
        date="2025-03-03",
        text="The ferry terminal will close.\n\nA new one is planned “soon”, officials said.",
        raw="Ferry story\n\nThe ferry terminal will close.",
        byline="Sam Writer",
        dropped=(DroppedUnit("Ferry story", "headline", 0),),
        inferred=frozenset({"byline", "date"}),
        warnings=("not valid UTF-8; read as Windows-1252",),
        event="event-0",
        event_label="Ferry",
    )
    return replace(base, **fields)  # type: ignore[arg-type]


def test_fresh_database_round_trip(tmp_path: Path) -> None:
    article = make_article("abc123def456")
    with Store(tmp_path / "lib.db") as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.count_articles() == 0
        store.upsert_article(article)
        assert store.get_article("abc123def456") == article
    with Store(tmp_path / "lib.db") as reopened:
        assert reopened.list_articles() == [article]
        assert reopened.count_articles() == 1


def test_upsert_updates_in_place(tmp_path: Path) -> None:
    with Store(tmp_path / "lib.db") as store:
        store.upsert_articles([make_article("a1"), make_article("b2")])
        store.upsert_article(make_article("a1", title="Changed title", text="New body text."))
        assert store.count_articles() == 2
        assert store.get_article("a1") == make_article(
            "a1", title="Changed title", text="New body text."
        )
        assert [a.id for a in store.search_articles("body")] == ["a1"]
        assert store.search_articles("terminal") == [store.get_article("b2")]


def test_get_by_prefix(tmp_path: Path) -> None:
    with Store(tmp_path / "lib.db") as store:
        store.upsert_articles([make_article("abc111"), make_article("abc222"), make_article("abc")])
        assert store.get_article("abc1") == make_article("abc111")
        assert store.get_article("abc") == make_article("abc")  # exact id wins
        assert store.get_article("zzz") is None
        assert store.get_article("") is None
        with pytest.raises(StoreError, match="matches several"):
            store.get_article("ab")


def test_search_takes_user_input_literally(tmp_path: Path) -> None:
    with Store(tmp_path / "lib.db") as store:
        store.upsert_article(make_article("a1", text="The U.S. envoy met officials."))
        assert [a.id for a in store.search_articles("U.S.")] == ["a1"]
        for awkward in ('"unbalanced', "AND OR NOT", "*", "title:x", ""):
            store.search_articles(awkward)  # never a syntax error


def test_list_order_and_delete(tmp_path: Path) -> None:
    with Store(tmp_path / "lib.db") as store:
        store.upsert_articles(
            [make_article("old", date="2024-01-01"), make_article("new", date="2025-01-01")]
        )
        assert [a.id for a in store.list_articles()] == ["new", "old"]
        assert store.delete_article("old") and not store.delete_article("old")
        assert store.search_articles("ferry") == [store.get_article("new")]


def test_damaged_json_column_reads_as_empty(tmp_path: Path) -> None:
    with Store(tmp_path / "lib.db") as store:
        store.upsert_article(make_article("a1"))
        with store.transaction() as connection:
            connection.execute(
                "UPDATE articles SET dropped_json = 'not json', inferred_json = '{}'"
            )
        article = store.get_article("a1")
        assert article is not None and article.dropped == () and article.inferred == frozenset()


def test_migration_from_an_unversioned_file(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    sqlite3.connect(path).close()  # an empty v0 database
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        store.upsert_article(make_article("a1"))


def test_migration_from_v1_keeps_articles(tmp_path: Path) -> None:
    path = tmp_path / "v1.db"
    connection = sqlite3.connect(path)
    connection.executescript(MIGRATIONS[0])
    connection.execute("CREATE TABLE schema_version (version INTEGER)")
    connection.execute("INSERT INTO schema_version VALUES (1)")
    connection.execute(
        "INSERT INTO articles (id, title, text) VALUES ('v1art', 'Old title', 'Old text.')"
    )
    connection.commit()
    connection.close()
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        article = store.get_article("v1art")
        assert article is not None and article.title == "Old title"
        assert [a.id for a in store.search_articles("old")] == ["v1art"]


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    Store(path).close()
    connection = sqlite3.connect(path)
    connection.execute("UPDATE schema_version SET version = ?", (SCHEMA_VERSION + 1,))
    connection.commit()
    connection.close()
    with pytest.raises(StoreError, match="newer than this"):
        Store(path)


def test_non_database_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(b"this is not a database, just text " * 200)
    with pytest.raises(StoreError, match="cannot open"):
        Store(path)


def test_missing_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError):
        Store(tmp_path / "no" / "such" / "folder" / "lib.db")


def test_failed_write_rolls_back(tmp_path: Path) -> None:
    with Store(tmp_path / "lib.db") as store:
        store.upsert_article(make_article("a1"))
        with pytest.raises(StoreError), store.transaction() as connection:
            connection.execute("DELETE FROM articles")
            connection.execute("INSERT INTO no_such_table VALUES (1)")
        assert store.count_articles() == 1


def test_import_regroups_in_one_transaction_and_reports_changed_texts(tmp_path: Path) -> None:
    with Store(tmp_path / "lib.sqlite3") as store:
        store.upsert_articles([make_article("aaa"), make_article("bbb")])
        updated = make_article("aaa", text="The ferry terminal closed on Friday.", event="")

        def regroup(articles: list[Article]) -> list[Article]:
            assert {a.id for a in articles} == {"aaa", "bbb", "ccc"}
            return [replace(a, event=f"ev-{a.id}", event_label=a.title) for a in articles]

        outcome = store.import_articles([updated, make_article("ccc")], regroup)
        assert outcome.replaced == 1 and outcome.changed == ["aaa"]
        stored = {a.id: a for a in store.list_articles()}
        assert {a.event for a in stored.values()} == {"ev-aaa", "ev-bbb", "ev-ccc"}
        assert stored["aaa"].text == updated.text
        # The full-text index follows text changes, and only those.
        assert [a.id for a in store.search_articles("Friday")] == ["aaa"]
        store.store_events([replace(stored["bbb"], event="ev-x", event_label="X")])
        assert store.get_article("bbb") == replace(stored["bbb"], event="ev-x", event_label="X")
        assert {a.id for a in store.search_articles("planned")} == {"bbb", "ccc"}


def test_failed_regroup_imports_nothing(tmp_path: Path) -> None:
    with Store(tmp_path / "lib.sqlite3") as store:

        def regroup(articles: list[Article]) -> list[Article]:
            raise RuntimeError("boom")

        with pytest.raises(RuntimeError):
            store.import_articles([make_article("aaa")], regroup)
        assert store.count_articles() == 0
