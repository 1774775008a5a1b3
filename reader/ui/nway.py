"""The N-way view: in how many other outlets of its event each sentence appears (no Textual)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.core.models import Article, Sentence

if TYPE_CHECKING:
    from reader.core.align import Comparison

KIND_RANK: dict[str, int] = {"verbatim": 3, "near": 2, "paraphrase": 1}
"""Strongest pair kind first, when a sentence pairs with several sentences of one outlet."""


@dataclass(frozen=True)
class Carrier:
    """Another article of the event that carries a sentence, and how closely."""

    article_id: str
    outlet: str
    """The outlet's display name ("unknown outlet" when it has none)."""
    kind: str
    """The strongest pair kind: ``verbatim``, ``near`` or ``paraphrase``."""


@dataclass(frozen=True)
class NWay:
    """One article aligned with every other article of its event."""

    article_id: str
    sentences: tuple[Sentence, ...]
    """The article's sentences as the aligner segmented them (counts index these)."""
    counts: tuple[int, ...]
    """For each sentence, how many other articles of the event carry it."""
    carriers: tuple[tuple[Carrier, ...], ...]
    """For each sentence, which other articles carry it, in outlet order."""
    peers: int
    """How many other articles of the event were compared."""

    def summary(self) -> str:
        """One line for the pane header, e.g. "18 of 30 sentences appear in another outlet"."""
        total = len(self.counts)
        if not self.peers:
            return "No other outlet covers this event"
        shared = sum(1 for count in self.counts if count)
        return (
            f"{shared} of {total} sentences appear in another outlet · {total - shared} only here"
        )

    def describe(self, index: int, *, kinds: bool = True) -> str:
        """Which outlets carry sentence ``index`` (and how closely, with ``kinds``), for
        the ``o`` key and the reading pane's border."""
        if not 0 <= index < len(self.carriers):
            return ""
        carriers = self.carriers[index]
        if not carriers:
            return "in no other outlet"
        names = ", ".join(f"{c.outlet} ({c.kind})" if kinds else c.outlet for c in carriers)
        return f"also in {len(carriers)}: {names}"


def build_nway(
    article: Article, peers: Sequence[Article], comparisons: Sequence[Comparison]
) -> NWay:
    """Collect the per-sentence counts and carriers from A's comparison with each peer.

    Args:
        article: article A.
        peers: the other articles of the event, in display order.
        comparisons: ``comparisons[i]`` is A compared with ``peers[i]`` (all share A's
            sentences, as :func:`reader.core.align.align_many` returns them).
    """
    from reader.core.align import outlet_counts

    sentences = comparisons[0].a_sentences if comparisons else ()
    counts = outlet_counts(comparisons) if comparisons else []
    carriers: list[list[Carrier]] = [[] for _ in sentences]
    for peer, comparison in zip(peers, comparisons, strict=True):
        best: dict[int, str] = {}
        for pair in comparison.pairs:
            if KIND_RANK[pair.kind] > KIND_RANK.get(best.get(pair.a, ""), 0):
                best[pair.a] = pair.kind
        for index, kind in best.items():
            if index < len(carriers):
                carriers[index].append(Carrier(peer.id, carrier_name(peer), kind))
    return NWay(
        article.id,
        tuple(sentences),
        tuple(counts) if counts else tuple(0 for _ in sentences),
        tuple(tuple(c) for c in carriers),
        len(peers),
    )


def carrier_name(article: Article) -> str:
    """The outlet's name, or the start of the title when the outlet is unknown (several
    articles of one event may have no outlet, and "unknown outlet" twice says nothing)."""
    if article.outlet:
        return article.outlet
    title = article.title if len(article.title) <= 28 else article.title[:27].rstrip() + "…"
    return f"“{title}”"


def count_label(count: int) -> str:
    """Two cells for the gutter: ``·`` for none, ``×2`` for two outlets, ``12`` past nine."""
    if count <= 0:
        return " ·"
    if count < 10:
        return f"×{count}"
    return str(min(count, 99))
