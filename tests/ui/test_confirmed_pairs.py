"""Pairs confirmed through the rest of the event, as the real aligner makes them in the app."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ui_corpus import make_app, until, wait_ready

from reader.core.corpus import load_paths
from reader.core.models import Article
from reader.ui.session import Session
from reader.ui.widgets.diff_pane import DiffPane

HARBOUR = Path(__file__).resolve().parents[1] / "data" / "harbour"


def harbour() -> list[Article]:
    """Three outlets on one story (A and B word one fact apart; C states it both ways)."""
    loaded = sorted(load_paths([HARBOUR]).articles, key=lambda a: a.title)
    return [replace(article, event="harbour", event_label="Harbour") for article in loaded]


def test_session_compare_uses_the_rest_of_the_event_like_the_nway_view() -> None:
    articles = harbour()
    a, b, c = articles
    session = Session(articles)
    direct = session.compare(a, b)
    assert [(p.a, p.b, p.via) for p in direct.pairs] == [(0, 0, (c.id,))]
    batch = Session(articles).compare_with_peers(a)  # the picker's and the N-way view's call
    assert [x.b.id for x in batch] == [b.id, c.id]
    assert [(p.a, p.b, p.via) for p in batch[0].pairs] == [(0, 0, (c.id,))]
    assert [(p.a, p.b) for p in batch[1].pairs] == [(p.a, p.b) for p in session.compare(a, c).pairs]
    fresh = Session(articles)
    nway = fresh.nway(a)
    from_nway = fresh.cached_comparison(a.id, b.id)
    assert from_nway is not None
    assert [(p.a, p.b, p.via) for p in from_nway.pairs] == [(0, 0, (c.id,))]
    assert nway.counts[0] == 2  # in B (confirmed) and in C
    other_event = replace(b, event="elsewhere")
    assert Session([a, other_event, c]).compare(a, other_event).pairs == ()


async def test_diff_status_names_the_outlet_that_confirmed_a_pair() -> None:
    articles = harbour()
    a, b, c = articles
    app = make_app(articles, session_factory=Session)
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await wait_ready(app, pilot)
        screen.open_article(a.id)
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen.compare_with(b.id)
        await app.workers.wait_for_complete()
        diff = screen.query_one(DiffPane)
        assert await until(pilot, lambda: app.focused is diff.column("a"))
        await pilot.pause()
        status = str(screen.query_one("#diff-status").render())
        assert status.startswith("A 1")
        assert f"confirmed by {c.outlet or c.title}" in status
