"""SVG snapshots of the main layout, the diff pane and the help screen at a fixed size.

Built on the fixed corpus of ``ui_corpus`` so they change only when the UI does.
Review the HTML report before running ``pytest --snapshot-update``.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.pilot import Pilot
from ui_corpus import compared, loaded, make_app

SnapCompare = Callable[..., bool]


def test_main_layout(snap_compare: SnapCompare) -> None:
    assert snap_compare(make_app(), terminal_size=(160, 40), run_before=loaded)


def test_diff_pane_on_known_pair(snap_compare: SnapCompare) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await compared(pilot)
        await pilot.press("j", "j", "j")
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=(160, 40), run_before=run_before)


def test_diff_pane_aligned_narrow(snap_compare: SnapCompare) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await compared(pilot)
        await pilot.press("m")
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=run_before)


def test_help(snap_compare: SnapCompare) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await loaded(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=run_before)
