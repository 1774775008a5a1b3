"""Focus: the last pane the user asked for wins, even when open and compare share a frame."""

from __future__ import annotations

from ui_corpus import make_app, wait_ready

from reader.ui.widgets.diff_pane import DiffPane
from reader.ui.widgets.reading_pane import ReadingPane


async def _focus_after_open_and_compare(cached: bool) -> None:
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await wait_ready(app, pilot)
        if cached:
            screen.open_article("herald1")
            screen.compare_with("tide01")
            await app.workers.wait_for_complete()
            await pilot.pause()
            screen.comparison = None
            screen.open_article("tide01")
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert screen.session.cached_comparison("herald1", "tide01") is not None
        # Enter on an article, then c and Enter within the same frame: the comparison,
        # asked for last, gets the focus.
        screen.open_article("herald1")
        screen.compare_with("tide01")
        await app.workers.wait_for_complete()
        for _ in range(10):
            await pilot.pause()
        column_a = screen.query_one(DiffPane).column("a")
        assert app.focused is column_a
        assert screen.query_one(ReadingPane).article is not None


async def test_compare_in_the_frame_of_open_focuses_column_a() -> None:
    await _focus_after_open_and_compare(cached=False)


async def test_cached_compare_in_the_frame_of_open_focuses_column_a() -> None:
    await _focus_after_open_and_compare(cached=True)


async def test_a_later_pane_choice_overrides_a_pending_column_focus() -> None:
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await wait_ready(app, pilot)
        screen.open_article("herald1")
        screen.compare_with("tide01")
        screen.action_focus_pane("reading")
        await app.workers.wait_for_complete()
        for _ in range(10):
            await pilot.pause()
        assert app.focused is screen.query_one(ReadingPane)
