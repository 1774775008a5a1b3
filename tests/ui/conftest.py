"""UI test settings: count outlets at once (the app waits a moment at launch)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True)
def no_nway_delay(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The app delays the first article's outlet counts so launch stays quick; tests
    (and snapshots) want them before they look."""
    monkeypatch.setattr("reader.ui.screens.outlets.NWAY_DELAY", 0.0)
    yield
