"""Pane widths: the list grows with the terminal; a narrow comparison takes the list's room."""

from __future__ import annotations

import pytest
from ui_corpus import make_app, wait_ready

from reader.ui.widgets.article_list import ArticleList
from reader.ui.widgets.diff_pane import DiffPane
from reader.ui.widgets.reading_pane import ReadingPane


@pytest.mark.parametrize(("width", "expected"), [(80, 32), (160, 40), (200, 50), (300, 64)])
async def test_the_list_grows_with_the_terminal(width: int, expected: int) -> None:
    app = make_app()
    async with app.run_test(size=(width, 45)) as pilot:
        screen = await wait_ready(app, pilot)
        assert screen.query_one(ArticleList).outer_size.width == expected


async def test_at_160_the_reading_pane_and_both_diff_columns_stay_readable() -> None:
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await wait_ready(app, pilot)
        screen.compare_with("tide01")
        await app.workers.wait_for_complete()
        await pilot.pause()
        diff = screen.query_one(DiffPane)
        assert screen.query_one(ReadingPane).size.width >= 38
        assert diff.column("a").size.width >= 38 and diff.column("b").size.width >= 38


async def test_a_narrow_comparison_hides_the_list() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_ready(app, pilot)
        assert screen.show_list
        screen.compare_with("tide01")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not screen.query_one(ArticleList).display
        assert screen.query_one(DiffPane).column("a").size.width >= 36
