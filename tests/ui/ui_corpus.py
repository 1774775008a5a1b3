"""A small fixed corpus and a fixed comparer for UI tests and snapshots.

The real segmenter and aligner keep improving; UI tests must not change with them, so
sentences are split on ". " and pairs come from a hand-written table.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from difflib import SequenceMatcher

from textual.pilot import Pilot

from reader.core.align import Comparison, PairKind, SentencePair, Side, WordOp
from reader.core.models import Article, Sentence
from reader.ui.app import NewsReaderApp
from reader.ui.loading import LoadOutcome
from reader.ui.screens.main import MainScreen
from reader.ui.session import Session

EVENT_BRIDGE = "bridge"
EVENT_BUDGET = "budget"

HERALD = [
    "The harbour bridge was closed on Monday after a storm damaged its cables.",
    "Engineers said repairs would take at least three weeks.",
    'Mayor Ana Ruiz called the closure "a blow to every commuter in the city".',
    "Ferries will run every ten minutes during rush hour.",
    "[bold]Local[/bold] shops near the bridge reported fewer customers by noon.",
    "The bridge opened in 1932 and carries about ninety thousand vehicles a day, "
    "making it the busiest crossing on the whole coast and a landmark on every postcard.",
]
TIDE = [
    "Ferries will run every ten minutes during rush hour.",
    "The harbour bridge was shut on Monday after a storm damaged its steel cables.",
    "Repairs are expected to last no less than three weeks, engineers said.",
    "Police asked drivers to avoid the waterfront.",
    'Mayor Ana Ruiz called the closure "a blow to every commuter in the city".',
]
WIRE = [
    "A storm forced the harbour bridge to close on Monday.",
    "Ferries will run every ten minutes during rush hour.",
    "Schools in the north district will open an hour late.",
]
BUDGET_A = [
    "The council approved next year's budget on Tuesday.",
    "Spending on parks rises by four percent.",
]
BUDGET_B = [
    "Councillors passed the budget on Tuesday evening.",
    "Road repairs get the largest increase.",
]

KNOWN_PAIRS: dict[tuple[str, str], PairKind] = {
    (HERALD[0], TIDE[1]): "near",
    (HERALD[1], TIDE[2]): "paraphrase",
    (HERALD[0], WIRE[0]): "paraphrase",
    (BUDGET_A[0], BUDGET_B[0]): "paraphrase",
}


def _article(
    id: str, outlet: str, title: str, date: str, event: str, label: str, body: list[str]
) -> Article:
    paragraphs = [" ".join(body[:3]), " ".join(body[3:])] if len(body) > 3 else [" ".join(body)]
    return Article(
        id=id,
        title=title,
        outlet=outlet,
        date=date,
        url=f"https://example.org/{id}",
        text="\n\n".join(p for p in paragraphs if p),
        event=event,
        event_label=label,
    )


def corpus() -> list[Article]:
    """Five articles in two events; the first event has three outlets."""
    bridge = "Harbour bridge closed after storm"
    budget = "Council passes budget"
    return [
        _article("herald1", "Coast Herald", "Storm shuts harbour bridge", "2025-03-03",
                 EVENT_BRIDGE, bridge, HERALD),
        _article("tide01", "Daily Tide", "Bridge closed for weeks after storm damage",
                 "2025-03-03", EVENT_BRIDGE, bridge, TIDE),
        _article("wire01", "", "Harbour bridge closes", "2025-03-04", EVENT_BRIDGE, bridge, WIRE),
        _article("budgetA", "Coast Herald", "Budget approved", "2025-03-05", EVENT_BUDGET,
                 budget, BUDGET_A),
        _article("budgetB", "Daily Tide", "Council passes budget", "2025-03-05", EVENT_BUDGET,
                 budget, BUDGET_B),
    ]  # fmt: skip


def segment(text: str) -> list[Sentence]:
    """Split at ". " (and '". ') only; enough for the fixed corpus."""
    sentences: list[Sentence] = []
    offset = 0
    for number, paragraph in enumerate(text.split("\n\n")):
        start = 0
        for match in re.finditer(r'(?<=[.!?"])\s+', paragraph):
            sentences.append(
                Sentence(
                    paragraph[start : match.start()], offset + start, offset + match.start(), number
                )
            )
            start = match.end()
        sentences.append(
            Sentence(paragraph[start:], offset + start, offset + len(paragraph), number)
        )
        offset += len(paragraph) + 2
    return sentences


def word_ops(a_text: str, b_text: str) -> tuple[WordOp, ...]:
    """Word-level opcodes with character spans."""
    a_tokens = [(m.start(), m.end()) for m in re.finditer(r"\S+", a_text)]
    b_tokens = [(m.start(), m.end()) for m in re.finditer(r"\S+", b_text)]
    matcher = SequenceMatcher(
        a=[a_text[s:e] for s, e in a_tokens], b=[b_text[s:e] for s, e in b_tokens], autojunk=False
    )
    ops: list[WordOp] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        a_span = (a_tokens[i1][0], a_tokens[i2 - 1][1]) if i2 > i1 else (0, 0)
        b_span = (b_tokens[j1][0], b_tokens[j2 - 1][1]) if j2 > j1 else (0, 0)
        ops.append(WordOp(tag, *a_span, *b_span))
    return tuple(ops)


def compare(a: Article, b: Article) -> Comparison:
    """Pairs from ``KNOWN_PAIRS`` plus identical sentences (verbatim)."""
    a_sentences, b_sentences = segment(a.text), segment(b.text)
    pairs: list[SentencePair] = []
    for i, sa in enumerate(a_sentences):
        for j, sb in enumerate(b_sentences):
            kind: PairKind | None = "verbatim" if sa.text == sb.text else None
            kind = (
                kind or KNOWN_PAIRS.get((sa.text, sb.text)) or KNOWN_PAIRS.get((sb.text, sa.text))
            )
            if kind:
                score = {"verbatim": 1.0, "near": 0.93, "paraphrase": 0.8}[kind]
                ops = () if kind == "verbatim" else word_ops(sa.text, sb.text)
                pairs.append(SentencePair(i, j, kind, score, ops))
    return Comparison(
        Side(a.id, a.outlet, a.title, tuple(a_sentences)),
        Side(b.id, b.outlet, b.title, tuple(b_sentences)),
        tuple(pairs),
    )


def session(articles: Sequence[Article]) -> Session:
    return Session(articles, comparer=compare, segmenter=segment)


def make_app(articles: Sequence[Article] | None = None, **kwargs: object) -> NewsReaderApp:
    """The app over the fixed corpus, with no config file."""
    chosen = list(corpus() if articles is None else articles)
    kwargs.setdefault("session_factory", session)
    return NewsReaderApp(lambda: LoadOutcome(chosen), **kwargs)  # type: ignore[arg-type]


async def until(pilot: Pilot[None], condition: Callable[[], bool], tries: int = 200) -> bool:
    """Let the app process messages until ``condition`` holds (or give up)."""
    for _ in range(tries):
        if condition():
            return True
        await pilot.pause(0.01)
    return condition()


async def wait_ready(app: NewsReaderApp, pilot: Pilot[None]) -> MainScreen:
    """Wait until the main screen shows the loaded articles and every worker is done."""
    assert await until(
        pilot,
        lambda: isinstance(app.screen, MainScreen) and bool(app.screen.session.articles),
    ), "the articles never loaded"
    await app.workers.wait_for_complete()
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, MainScreen)
    return screen


async def loaded(pilot: Pilot[None]) -> None:
    """Snapshot set-up: let the app load and its workers finish."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def compared(pilot: Pilot[None]) -> None:
    """Snapshot set-up: open the first article and compare it with the picker's first choice."""
    await loaded(pilot)
    await pilot.press("enter", "c")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.press("enter")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
