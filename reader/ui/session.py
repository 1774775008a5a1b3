"""What the reader has loaded: articles, their sentences and cached comparisons (no Textual)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from threading import Lock
from typing import TYPE_CHECKING, Literal

from reader.core.models import Article, Sentence
from reader.ui.nway import NWay, build_nway

if TYPE_CHECKING:
    from reader.core.align import Comparison, SentencePair
    from reader.core.artefacts import ArtefactWarning

Mark = Literal["verbatim", "near", "paraphrase", "unique"]
"""How a sentence relates to the other side of a comparison."""

Comparer = Callable[[Article, Article], "Comparison"]
Segmenter = Callable[[str], Sequence[Sentence]]

SHARED_MARKS: frozenset[str] = frozenset({"verbatim", "near", "paraphrase"})


@dataclass(frozen=True)
class ListRow:
    """One row of the article list: an event heading or an article."""

    kind: Literal["event", "article"]
    label: str
    article: Article | None = None


class Session:
    """Articles loaded for this run, with per-article sentences and per-pair comparisons.

    Both caches are filled lazily; ``compare`` is safe to call from a worker thread.
    """

    def __init__(
        self,
        articles: Sequence[Article] = (),
        *,
        comparer: Comparer | None = None,
        segmenter: Segmenter | None = None,
    ) -> None:
        """
        Args:
            articles: the articles, already grouped into events.
            comparer: aligns two articles (the core's ``compare``; tests pass a fixed one).
            segmenter: splits text into sentences (the core's ``segment``).
        """
        self.articles: list[Article] = list(articles)
        self.comparer: Comparer = comparer or _core_compare
        self.segmenter: Segmenter = segmenter or _core_segment
        self.by_id: dict[str, Article] = {a.id: a for a in self.articles}
        self._sentences: dict[str, tuple[Sentence, ...]] = {}
        self._comparisons: dict[tuple[str, str], Comparison] = {}
        self._nway: dict[str, NWay] = {}
        self._artefacts: dict[tuple[str, str], tuple[ArtefactWarning, ...]] = {}
        self._lock = Lock()

    def sentences(self, article: Article) -> tuple[Sentence, ...]:
        """The sentences of ``article``, segmented once."""
        cached = self._sentences.get(article.id)
        if cached is None:
            cached = self._sentences[article.id] = tuple(self.segmenter(article.text))
        return cached

    def cached_comparison(self, a_id: str, b_id: str) -> Comparison | None:
        """The comparison of A with B if it was already computed (or its mirror)."""
        found = self._comparisons.get((a_id, b_id))
        if found is None and (mirror := self._comparisons.get((b_id, a_id))) is not None:
            found = self._comparisons[(a_id, b_id)] = swapped(mirror)
        return found

    def compare(self, a: Article, b: Article) -> Comparison:
        """Compare A with B, reusing the cache; slow, so call it from a worker.

        With the core aligner, two articles of one event are compared with the rest of
        the event as context: the same result as :meth:`compare_with_peers` (the N-way
        view and the picker), for one pair only.
        """
        if (found := self.cached_comparison(a.id, b.id)) is not None:
            return found
        if self.comparer is _core_compare and a.event == b.event:
            from reader.core.align import compare

            context = [x for x in self.peers(a) if x.id != b.id]
            result = compare(a, b, context=context)
        else:
            result = self.comparer(a, b)
        with self._lock:
            self._comparisons[(a.id, b.id)] = result
        return result

    def artefacts(self, comparison: Comparison) -> tuple[ArtefactWarning, ...]:
        """Unique sentences of either side that the other side's cleaner may have dropped.

        Cached per pair (a mirrored pair flips the sides); a few milliseconds per pair,
        so the align worker warms the cache and the UI thread reads it.
        """
        key = (comparison.a.id, comparison.b.id)
        found = self._artefacts.get(key)
        if found is None and (mirror := self._artefacts.get((key[1], key[0]))) is not None:
            found = tuple(replace(w, side="b" if w.side == "a" else "a") for w in mirror)
        if found is None:
            a, b = self.by_id.get(key[0]), self.by_id.get(key[1])
            if a is None or b is None:
                return ()
            from reader.core.artefacts import artefact_warnings

            found = tuple(artefact_warnings(comparison, a, b))
        with self._lock:
            self._artefacts[key] = found
        return found

    def cached_nway(self, article_id: str) -> NWay | None:
        """The N-way view of an article if it was already computed."""
        return self._nway.get(article_id)

    def nway(self, article: Article) -> NWay:
        """Align ``article`` with every other article of its event; slow, call it from a worker.

        Pairwise comparisons already made (for the diff pane or the picker) are reused,
        the rest are made in one :func:`reader.core.align.align_many` call (A is segmented
        once) and cached for the diff pane, so both views always agree.
        """
        if (found := self._nway.get(article.id)) is not None:
            return found
        comparisons = self.compare_with_peers(article)
        result = build_nway(article, self.peers(article), comparisons)
        with self._lock:
            self._nway[article.id] = result
        return result

    def compare_with_peers(self, article: Article) -> list[Comparison]:
        """``article`` compared with each of :meth:`peers`, from the cache where it can.

        With the core aligner the missing ones are made in one
        :func:`reader.core.align.align_many` call, each with the rest of the event as
        context (every direct alignment made once), and cached; slow, call it from a
        worker.
        """
        peers = self.peers(article)
        missing = [peer for peer in peers if self.cached_comparison(article.id, peer.id) is None]
        if missing and self.comparer is _core_compare:
            from reader.core.align import align_many

            made = align_many(article, peers)
            with self._lock:
                for peer, comparison in zip(peers, made, strict=True):
                    self._comparisons.setdefault((article.id, peer.id), comparison)
        return [self.compare(article, peer) for peer in peers]

    def peers(self, article: Article) -> list[Article]:
        """Other articles of the same event, by outlet then title."""
        return sorted(
            (x for x in self.articles if x.event == article.event and x.id != article.id),
            key=lambda x: (x.outlet_label.lower(), x.title.lower()),
        )

    def rows(self) -> list[ListRow]:
        """List rows: each event as a heading, then its articles by outlet and date."""
        events: dict[str, list[Article]] = {}
        labels: dict[str, str] = {}
        for article in self.articles:
            events.setdefault(article.event, []).append(article)
            labels.setdefault(article.event, article.event_label or article.title)
        rows: list[ListRow] = []
        for event, members in events.items():
            if len(events) > 1 or event:
                rows.append(ListRow("event", f"{labels[event]} ({len(members)})"))
            members.sort(key=lambda x: (x.outlet_label.lower(), x.date, x.title.lower()))
            rows.extend(ListRow("article", x.title, x) for x in members)
        return rows


def _core_compare(a: Article, b: Article) -> Comparison:
    """The core aligner, imported on first use: it pulls in rapidfuzz."""
    from reader.core.align import compare

    return compare(a, b)


def _core_segment(text: str) -> Sequence[Sentence]:
    from reader.core.sentences import segment

    return segment(text)


def side_marks(comparison: Comparison, side: Literal["a", "b"]) -> dict[int, Mark]:
    """The mark of every sentence on one side: its best pair's kind, or ``unique``."""
    sentences = comparison.a_sentences if side == "a" else comparison.b_sentences
    marks: dict[int, Mark] = dict.fromkeys(range(len(sentences)), "unique")
    rank = {"verbatim": 3, "near": 2, "paraphrase": 1}
    best: dict[int, float] = {}
    for pair in comparison.pairs:
        index = pair.a if side == "a" else pair.b
        if rank[pair.kind] > best.get(index, 0):
            best[index] = rank[pair.kind]
            marks[index] = pair.kind
    return marks


def partners(comparison: Comparison, side: Literal["a", "b"], index: int) -> list[SentencePair]:
    """Pairs that involve sentence ``index`` of ``side``."""
    if side == "a":
        return comparison.partners_of_a(index)
    return comparison.partners_of_b(index)


def changed_spans(
    comparison: Comparison, side: Literal["a", "b"], index: int
) -> list[tuple[int, int]]:
    """Character spans (within the sentence) of words that differ from its partners."""
    spans: list[tuple[int, int]] = []
    for pair in partners(comparison, side, index):
        for op in pair.ops:
            if op.op == "equal":
                continue
            start, end = (op.a_start, op.a_end) if side == "a" else (op.b_start, op.b_end)
            if end > start:
                spans.append((start, end))
    return spans


def swapped(comparison: Comparison) -> Comparison:
    """The same comparison seen from B (the core mirrors sides, pairs and word spans)."""
    return comparison.swapped()


def find_matches(sentences: Sequence[Sentence], query: str) -> dict[int, list[tuple[int, int]]]:
    """Case-insensitive matches of ``query``: sentence index -> spans within the sentence."""
    needle = query.casefold()
    found: dict[int, list[tuple[int, int]]] = {}
    if not needle:
        return found
    for index, sentence in enumerate(sentences):
        haystack = sentence.text.casefold()
        start = haystack.find(needle)
        while start != -1:
            found.setdefault(index, []).append((start, start + len(needle)))
            start = haystack.find(needle, start + len(needle))
    return found


def annotated_sentences(
    sentences: Sequence[Sentence], spans: Sequence[tuple[int, int]]
) -> set[int]:
    """Indices of sentences overlapping any annotated character span of the article."""
    return {
        index
        for index, sentence in enumerate(sentences)
        if any(start < sentence.end and end > sentence.start for start, end in spans)
    }


def shared_summary(comparison: Comparison, side: Literal["a", "b"]) -> tuple[int, int]:
    """(shared, total) sentence counts for one side."""
    marks = side_marks(comparison, side)
    shared = sum(1 for mark in marks.values() if mark != "unique")
    return shared, len(marks)


def aligned_rows(comparison: Comparison) -> list[tuple[int | None, int | None]]:
    """Rows for a side-by-side view: matched sentences share a row, each side keeps its order.

    A's order drives the rows. Each A sentence sits beside its best partner in B when
    that B sentence is still free; B sentences without a place are inserted in B order
    just before the next B sentence that is placed, or at the end.
    """
    best: dict[int, SentencePair] = {}
    for pair in comparison.pairs:
        if pair.a not in best or pair.score > best[pair.a].score:
            best[pair.a] = pair
    placed: dict[int, int] = {}
    taken: set[int] = set()
    for a_index in range(len(comparison.a_sentences)):
        chosen = best.get(a_index)
        if chosen is not None and chosen.b not in taken:
            placed[a_index] = chosen.b
            taken.add(chosen.b)
    pending = [b for b in range(len(comparison.b_sentences)) if b not in taken]
    rows: list[tuple[int | None, int | None]] = []
    for a_index in range(len(comparison.a_sentences)):
        b_index = placed.get(a_index)
        if b_index is not None:
            while pending and pending[0] < b_index:
                rows.append((None, pending.pop(0)))
        rows.append((a_index, b_index))
    rows.extend((None, b) for b in pending)
    return rows
