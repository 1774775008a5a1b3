"""The N-way view: per-sentence outlet counts, carriers, caching and the reading pane gutter."""

from __future__ import annotations

from ui_corpus import compare, corpus, make_app, segment, until, wait_ready

from reader.core.models import Article
from reader.ui.nway import count_label
from reader.ui.session import Session
from reader.ui.widgets.diff_pane import DiffPane
from reader.ui.widgets.reading_pane import ReadingPane


def test_counts_and_carriers_of_each_sentence() -> None:
    session = Session(corpus(), comparer=compare, segmenter=segment)
    nway = session.nway(session.by_id["herald1"])
    assert nway.peers == 2
    assert nway.counts == (2, 1, 1, 2, 0, 0)
    assert [(c.outlet, c.kind) for c in nway.carriers[0]] == [
        ("Daily Tide", "near"),
        ("“Harbour bridge closes”", "paraphrase"),  # no outlet: the title stands in
    ]
    assert nway.summary() == "4 of 6 sentences appear in another outlet · 2 only here"
    assert nway.describe(4) == "in no other outlet"
    assert nway.describe(2) == "also in 1: Daily Tide (verbatim)"


def test_nway_reuses_and_fills_the_pairwise_cache() -> None:
    calls: list[tuple[str, str]] = []

    def counting_compare(a: Article, b: Article):  # type: ignore[no-untyped-def]
        calls.append((a.id, b.id))
        return compare(a, b)

    session = Session(corpus(), comparer=counting_compare, segmenter=segment)
    herald, tide = session.by_id["herald1"], session.by_id["tide01"]
    session.compare(herald, tide)
    first = session.nway(herald)
    assert calls == [("herald1", "tide01"), ("herald1", "wire01")]  # tide reused
    assert session.nway(herald) is first
    assert session.cached_comparison("herald1", "wire01") is not None
    assert len(calls) == 2


def test_nway_without_peers_and_count_labels() -> None:
    lone = Article(id="x", title="Alone", text="One sentence here.", event="solo")
    session = Session([lone], comparer=compare, segmenter=segment)
    nway = session.nway(lone)
    assert nway.peers == 0 and nway.summary() == "No other outlet covers this event"
    assert [count_label(n) for n in (0, 1, 9, 12)] == [" ·", "×1", "×9", "12"]


async def test_reading_pane_shows_counts_summary_and_carriers() -> None:
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await wait_ready(app, pilot)
        pane = screen.query_one(ReadingPane)
        assert pane.counts == {0: 2, 1: 1, 2: 1, 3: 2, 4: 0, 5: 0}
        text = "\n".join(pane.line_texts)
        assert "4 of 6 sentences appear in another outlet · 2 only here" in text
        assert "×2 The harbour bridge" in text  # readable without colour
        assert pane.border_subtitle == "also in 2: Daily Tide, “Harbour bridge closes” · o how"
        await pilot.press("enter", "j", "j", "j", "j")
        assert pane.cursor == 4
        assert pane.border_subtitle == "in no other outlet"
        await pilot.press("o")
        await pilot.pause()
        assert any("Sentence 5: in no other outlet" in n.message for n in app._notifications)


async def test_reopening_uses_the_cache_and_diff_status_mentions_counts() -> None:
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await wait_ready(app, pilot)
        first = screen.session.cached_nway("herald1")
        assert first is not None
        screen.open_article("tide01")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen.open_article("herald1")
        assert not [w for w in app.workers if w.group == "nway" and w.is_running]
        assert screen.query_one(ReadingPane).counts[0] == 2  # shown without a worker
        screen.compare_with("tide01")  # cached by the N-way pass
        await pilot.pause()
        status = screen.query_one("#diff-status").render()
        assert "in 2 of 2 other outlets" in str(status)
        assert screen.query_one(DiffPane).nways["herald1"] is first


async def test_unique_sentence_dropped_by_the_other_cleaner_is_marked() -> None:
    from dataclasses import replace

    from ui_corpus import HERALD

    from reader.core.models import DroppedUnit
    from reader.ui.widgets.diff_pane import DiffColumn

    articles = corpus()
    # Daily Tide's cleaner took Herald's "shops" sentence for a caption and dropped it.
    articles[1] = replace(articles[1], dropped=(DroppedUnit(HERALD[4], "caption"),))
    app = make_app(articles)
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await wait_ready(app, pilot)
        screen.compare_with("tide01")
        await app.workers.wait_for_complete()
        await pilot.pause()
        column_a = screen.query_one("#diff-a", DiffColumn)
        assert column_a.suspects == {4} and column_a.marks[4] == "unique"
        assert screen.query_one(ReadingPane).suspects == {4}
        await pilot.press("u")  # next unique: sentence 5 (index 4)
        assert column_a.cursor == 4
        line = next(t for t in column_a.line_texts if "[bold]Local" in t)
        assert line.startswith("›?")
        status = str(screen.query_one("#diff-status").render())
        assert "Daily Tide's cleaner dropped a similar line (caption)" in status
        assert "cleaner dropped?" in str(screen.query_one("#diff-legend").render())


async def test_diff_status_names_counts_of_side_b_when_known() -> None:
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await wait_ready(app, pilot)
        screen.open_article("tide01")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen.open_article("herald1")
        # As a user would: the article is open (and focused) before comparing it.
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen.compare_with("tide01")
        await app.workers.wait_for_complete()
        diff = screen.query_one(DiffPane)
        # Column A takes focus once mounted; on a busy machine that can take a while.
        assert await until(pilot, lambda: app.focused is diff.column("a"))
        await pilot.press("l")  # column B, TIDE[0] "Ferries…" is in both other outlets
        assert await until(pilot, lambda: app.focused is diff.column("b"))
        await pilot.pause()
        status = str(screen.query_one("#diff-status").render())
        assert status.startswith("B 1  in 2 of 2 other outlets")
