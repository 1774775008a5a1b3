"""SVG snapshots of the note editor (on a diff pair) and the notes screen.

Review the HTML report before running ``pytest --snapshot-update``.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.pilot import Pilot
from ui_corpus import HERALD, TIDE, compared, corpus, loaded, make_app

from reader.core.annotations import create_annotation, make_anchor
from reader.core.note_store import NoteStore

SnapCompare = Callable[..., bool]
FIXED_TIME = "2025-03-04T09:00:00Z"


def test_note_editor_on_a_pair(snap_compare: SnapCompare, notes: NoteStore) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await compared(pilot)
        await pilot.press("j", "a")
        await pilot.pause()
        await pilot.press(*"Tide says no less than three weeks.", "tab", *"repairs")
        await pilot.pause()

    assert snap_compare(make_app(note_store=notes), terminal_size=(160, 40), run_before=run_before)


def test_notes_screen(snap_compare: SnapCompare, notes: NoteStore) -> None:
    herald, tide = corpus()[0], corpus()[1]
    for article, quote, text, tags in (
        (herald, HERALD[1], "Check the repair estimate.", "repairs"),
        (tide, TIDE[3], "Only the Tide has the police advice.", "omission"),
    ):
        start = article.text.index(quote)
        anchor = make_anchor(article.id, article.text, start, start + len(quote), article.outlet)
        notes.add(create_annotation(anchor, text, tags=tags, now=FIXED_TIME))

    async def run_before(pilot: Pilot[None]) -> None:
        await loaded(pilot)
        await pilot.press("ctrl+n")
        await pilot.pause()

    assert snap_compare(make_app(note_store=notes), terminal_size=(160, 40), run_before=run_before)
