"""The B picker keeps one line per candidate in a narrow terminal too."""

from __future__ import annotations

import pytest
from rich.text import Text
from textual.widgets import OptionList
from ui_corpus import make_app

from reader.ui.screens.main import MainScreen
from reader.ui.screens.picker import ComparePicker


@pytest.mark.parametrize("width", [60, 80, 160])
async def test_every_candidate_fits_on_one_line(width: int) -> None:
    app = make_app()
    async with app.run_test(size=(width, 30)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        await pilot.press("2", "c")
        await app.workers.wait_for_complete()
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, ComparePicker)
        options = picker.query_one(OptionList)
        room = options.scrollable_content_region.width
        for index in range(options.option_count):
            prompt = options.get_option_at_index(index).prompt
            assert isinstance(prompt, Text)
            assert prompt.cell_len <= room, prompt.plain
