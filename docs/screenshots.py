"""Regenerate the screenshots in docs/: ``python docs/screenshots.py``.

Runs the app headless on the bundled sample corpus (in a throwaway data folder),
opens a comparison and saves SVG screenshots next to this file.
"""

from __future__ import annotations

import asyncio
import os
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


async def shoot(data_dir: str) -> None:
    from reader.cli.app_cmd import library_loader
    from reader.ui.app import NewsReaderApp
    from reader.ui.screens.main import MainScreen
    from reader.ui.screens.outlets import NWAY_DELAY

    app = NewsReaderApp(library_loader(data_dir))
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        # The first article's outlet counts start a moment after launch.
        await asyncio.sleep(NWAY_DELAY + 0.1)
        await app.workers.wait_for_complete()
        await pilot.pause()
        app.save_screenshot("newsreader-list.svg", str(HERE))
        screen = app.screen
        assert isinstance(screen, MainScreen) and screen.current is not None
        await pilot.press("enter", "c")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("n", "n")
        await pilot.pause()
        app.save_screenshot("newsreader-compare.svg", str(HERE))
        await pilot.press("m")
        await pilot.pause()
        app.save_screenshot("newsreader-aligned.svg", str(HERE))


def main() -> None:
    with tempfile.TemporaryDirectory() as data_dir:
        os.environ["NEWSREADER_DATA_DIR"] = data_dir
        os.environ["NEWSREADER_CONFIG_DIR"] = data_dir
        asyncio.run(shoot(data_dir))
    print(f"screenshots written to {HERE}")


if __name__ == "__main__":
    main()
