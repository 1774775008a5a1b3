"""Pilot tests: navigation, opening, comparing, jumping, swapping, help, search, narrow."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot
from textual.widgets import Input
from ui_corpus import HERALD, TIDE, make_app, wait_ready

from reader.ui.app import NewsReaderApp
from reader.ui.screens.help import HelpScreen
from reader.ui.screens.main import MainScreen
from reader.ui.screens.picker import ComparePicker
from reader.ui.widgets.article_list import ArticleList
from reader.ui.widgets.diff_pane import DiffColumn, DiffPane
from reader.ui.widgets.reading_pane import ReadingPane


async def settle(app: NewsReaderApp, pilot: Pilot[None]) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_list_groups_events_and_opens_first_article() -> None:
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await wait_ready(app, pilot)
        article_list = screen.query_one(ArticleList)
        kinds = [row.kind for row in article_list.rows]
        assert kinds == ["event", "article", "article", "article", "event", "article", "article"]
        assert article_list.rows[1].article is not None
        assert article_list.rows[1].article.outlet == "Coast Herald"
        assert screen.current is not None and screen.current.id == "herald1"
        assert app.focused is article_list


async def test_navigate_and_open_puts_focus_on_first_sentence() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await wait_ready(app, pilot)
        await pilot.press("j", "enter")
        pane = screen.query_one(ReadingPane)
        assert screen.current is not None and screen.current.id == "tide01"
        assert app.focused is pane
        assert pane.cursor == 0
        assert pane.current() is not None
        await pilot.press("j", "j", "down", "k")
        assert pane.cursor == 2
        current = pane.current()
        assert current is not None and current[1].text == TIDE[2]


async def test_unknown_outlet_and_markup_shown_literally() -> None:
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await wait_ready(app, pilot)
        await pilot.press("j", "j", "enter")
        assert screen.current is not None and screen.current.id == "wire01"
        assert screen.query_one(ReadingPane).border_title == "[2] unknown outlet"
        await pilot.press("1", "k", "k", "enter")
        text = "\n".join(screen.query_one(ReadingPane).line_texts)
        assert "[bold]Local[/bold]" in text


async def compare_herald_with_tide(app: NewsReaderApp, pilot: Pilot[None]) -> MainScreen:
    screen = await wait_ready(app, pilot)
    await pilot.press("enter", "c")
    await settle(app, pilot)
    assert isinstance(app.screen, ComparePicker)
    await pilot.press("enter")  # Daily Tide sorts before the unknown outlet
    await settle(app, pilot)
    assert isinstance(app.screen, MainScreen)
    return screen


async def test_compare_via_picker_shows_shares_and_diff() -> None:
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await wait_ready(app, pilot)
        await pilot.press("enter", "c")
        picker = app.screen
        assert isinstance(picker, ComparePicker)
        await settle(app, pilot)
        shares = {article.id: share for article, share in picker.candidates}
        assert shares == {"tide01": pytest.approx(4 / 6), "wire01": pytest.approx(2 / 6)}
        await pilot.press("enter")
        await settle(app, pilot)
        comparison = screen.comparison
        assert comparison is not None
        assert (comparison.a.id, comparison.b.id) == ("herald1", "tide01")
        column_a = screen.query_one("#diff-a", DiffColumn)
        column_b = screen.query_one("#diff-b", DiffColumn)
        assert app.focused is column_a
        assert column_a.marks == {
            0: "near", 1: "paraphrase", 2: "verbatim", 3: "verbatim", 4: "unique", 5: "unique"
        }  # fmt: skip
        assert column_b.partner_indices == {1}
        assert column_a.border_subtitle == "4 of 6 sentences shared"
        # changed words of the near pair are marked on both sides
        assert column_a.changed[0] and column_b.changed[1]
        # the reading pane shows side A's marks too
        assert screen.query_one(ReadingPane).marks == column_a.marks


async def test_cursor_highlights_partner_on_other_side() -> None:
    app = make_app()
    messages: list[DiffPane.SentenceFocused] = []
    async with app.run_test(size=(160, 45), message_hook=_collect(messages)) as pilot:
        screen = await compare_herald_with_tide(app, pilot)
        await pilot.press("j", "j", "j")
        column_b = screen.query_one("#diff-b", DiffColumn)
        assert column_b.partner_indices == {0}  # HERALD[3] is TIDE[0]
        focus = screen.query_one(DiffPane).current()
        assert focus is not None and focus.side == "a" and focus.index == 3
        assert [s.text for s in focus.partner_sentences] == [TIDE[0]]
        assert messages and messages[-1].focus.index == 3
        await pilot.press("l")
        assert app.focused is column_b
        await pilot.press("j", "j", "j")
        assert screen.query_one("#diff-a", DiffColumn).partner_indices == set()  # TIDE[3] unique


def _collect(messages: list[DiffPane.SentenceFocused]):  # type: ignore[no-untyped-def]
    def hook(message: object) -> None:
        if isinstance(message, DiffPane.SentenceFocused):
            messages.append(message)

    return hook


async def test_next_previous_shared_and_unique() -> None:
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await compare_herald_with_tide(app, pilot)
        column_a = screen.query_one("#diff-a", DiffColumn)
        assert column_a.cursor == 0
        await pilot.press("u")
        assert column_a.cursor == 4
        await pilot.press("u")
        assert column_a.cursor == 5
        await pilot.press("u")  # wraps around
        assert column_a.cursor == 4
        await pilot.press("U")
        assert column_a.cursor == 5
        await pilot.press("n")  # wraps to the first shared sentence
        assert column_a.cursor == 0
        await pilot.press("n", "n")
        assert column_a.cursor == 2
        await pilot.press("N")
        assert column_a.cursor == 1


async def test_swap_makes_b_current() -> None:
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await compare_herald_with_tide(app, pilot)
        await pilot.press("s")
        await pilot.pause()
        assert screen.current is not None and screen.current.id == "tide01"
        assert screen.comparison is not None
        assert (screen.comparison.a.id, screen.comparison.b.id) == ("tide01", "herald1")
        column_a = screen.query_one("#diff-a", DiffColumn)
        assert column_a.sentences[0].text == TIDE[0]
        assert column_a.marks[3] == "unique"
        assert screen.query_one("#diff-b", DiffColumn).sentences[0].text == HERALD[0]


async def test_cached_comparison_opens_without_worker() -> None:
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await compare_herald_with_tide(app, pilot)
        screen.current = screen.session.by_id["wire01"]
        assert screen.comparison is None
        screen.current = screen.session.by_id["herald1"]
        screen.compare_with("tide01")  # computed for the picker already
        assert screen.comparison is not None and screen.comparison.b.id == "tide01"


async def test_aligned_mode_puts_pairs_on_one_row() -> None:
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await compare_herald_with_tide(app, pilot)
        await pilot.press("m")
        await pilot.pause()
        column_a = screen.query_one("#diff-a", DiffColumn)
        column_b = screen.query_one("#diff-b", DiffColumn)
        for a_index, b_index in [(0, 1), (2, 4), (3, 0)]:
            a_range, b_range = column_a.line_range(a_index), column_b.line_range(b_index)
            assert a_range is not None and b_range is not None
            assert a_range[0] == b_range[0]


async def test_help_opens_and_closes() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(app, pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_search_highlights_and_cycles_matches() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await wait_ready(app, pilot)
        await pilot.press("enter", "slash")
        search_box = app.focused
        assert isinstance(search_box, Input)
        await pilot.press(*"bridge", "enter")
        pane = screen.query_one(ReadingPane)
        assert app.focused is not search_box and app.focused is pane
        assert set(pane.matches) == {0, 4, 5}
        assert pane.cursor == 4  # first match after the cursor (sentence 0 is the cursor)
        await pilot.press("n")
        assert pane.cursor == 5
        await pilot.press("n")
        assert pane.cursor == 0
        await pilot.press("N")
        assert pane.cursor == 5
        await pilot.press("escape")
        assert pane.matches == {} and screen.search == ""


async def test_escape_while_typing_cancels_the_search() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await wait_ready(app, pilot)
        await pilot.press("enter", "slash", *"bri")
        pane = screen.query_one(ReadingPane)
        assert set(pane.matches) == {0, 4, 5}  # live highlight while typing
        await pilot.press("escape")
        assert app.focused is pane
        assert pane.matches == {} and screen.search == ""
        await pilot.press("n")  # back to shared-sentence jumps: nothing compared yet
        assert pane.cursor == 0


async def test_narrow_terminal_shows_one_pane_at_a_time() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_ready(app, pilot)
        article_list = screen.query_one(ArticleList)
        reading = screen.query_one(ReadingPane)
        diff = screen.query_one(DiffPane)
        assert article_list.display and app.focused is article_list
        assert reading.display and not diff.display
        await pilot.press("ctrl+b")
        assert not article_list.display
        await pilot.press("ctrl+b")
        assert article_list.display and app.focused is article_list
        await pilot.press("j", "enter")
        assert not article_list.display and app.focused is reading
        await pilot.press("1", "k", "enter", "c")
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        assert diff.display and not reading.display
        assert screen.comparison is not None
        await pilot.press("2")
        assert reading.display and app.focused is reading


async def test_theme_choice_is_saved(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from reader.core.persist import load_config

    config = tmp_path / "config.json"
    app = make_app(config_path=config)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(app, pilot)
        app.theme = "nord"
        await pilot.pause()
    assert load_config(config).theme == "nord"
