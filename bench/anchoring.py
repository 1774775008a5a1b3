"""Re-anchoring benchmark: anchor a note on every sentence of the sample corpus, change
the article text in typical ways, and count how often the note comes back at the right
place, is orphaned, or (the failure that matters) lands on the wrong sentence.

Run: python bench/anchoring.py
"""

from __future__ import annotations

import random
import re
import time
from collections import Counter
from collections.abc import Callable

from reader.core.annotations import make_anchor, resolve
from reader.core.corpus import load_paths
from reader.core.sentences import segment
from reader.resources import sample_corpus_dir

Change = Callable[[str, int, int, random.Random], tuple[str, tuple[int, int] | None]]
"""(text, start, end, rng) -> (new text, where the annotated text now is, or None if gone)."""


def unchanged(text: str, start: int, end: int, rng: random.Random) -> tuple[str, tuple[int, int]]:
    return text, (start, end)


def prepend_update(
    text: str, start: int, end: int, rng: random.Random
) -> tuple[str, tuple[int, int]]:
    head = "Updated at 10:42 GMT with new details. "
    return head + text, (start + len(head), end + len(head))


def move_paragraph(
    text: str, start: int, end: int, rng: random.Random
) -> tuple[str, tuple[int, int] | None]:
    """Move the annotated sentence's paragraph to the end of the article."""
    para_start = text.rfind("\n\n", 0, start) + 2 if "\n\n" in text[:start] else 0
    para_end = text.find("\n\n", end)
    para_end = len(text) if para_end == -1 else para_end
    paragraph = text[para_start:para_end]
    rest = (text[:para_start] + text[para_end:]).strip("\n")
    if not rest:
        return text, (start, end)
    new = rest + "\n\n" + paragraph
    offset = len(rest) + 2 + (start - para_start)
    return new, (offset, offset + (end - start))


def edit_word(
    text: str, start: int, end: int, rng: random.Random
) -> tuple[str, tuple[int, int] | None]:
    """Replace one word of the sentence (a correction, a new figure)."""
    sentence = text[start:end]
    words = list(re.finditer(r"[A-Za-z]{4,}", sentence))
    if len(words) < 4:
        return text, (start, end)
    word = rng.choice(words)
    new_sentence = sentence[: word.start()] + "revised" + sentence[word.end() :]
    return text[:start] + new_sentence + text[end:], (start, start + len(new_sentence))


def edit_word_and_neighbour(
    text: str, start: int, end: int, rng: random.Random
) -> tuple[str, tuple[int, int] | None]:
    """Edit one word of the sentence and one word just before it (context changes too)."""
    new_text, span = edit_word(text, start, end, rng)
    assert span is not None
    window = list(re.finditer(r"[A-Za-z]{4,}", new_text[max(0, start - 40) : start]))
    if not window:
        return new_text, span
    word = window[-1]
    at = max(0, start - 40)
    replaced = new_text[: at + word.start()] + "amended" + new_text[at + word.end() :]
    shift = len("amended") - (word.end() - word.start())
    return replaced, (span[0] + shift, span[1] + shift)


def retypeset(text: str, start: int, end: int, rng: random.Random) -> tuple[str, tuple[int, int]]:
    """Straight quotes become curly ones (a new cleaning pass): lengths are unchanged."""
    table = str.maketrans({"'": "’", '"': "”"})
    return text.translate(table), (start, end)


def delete_sentence(text: str, start: int, end: int, rng: random.Random) -> tuple[str, None]:
    return text[:start] + text[end:].lstrip(" "), None


def delete_with_look_alike(text: str, start: int, end: int, rng: random.Random) -> tuple[str, None]:
    """Delete the sentence; a near copy (one word changed) sits at the far end of the text.

    (A copy put exactly where the sentence was is indistinguishable from an edit.)"""
    sentence = text[start:end]
    words = list(re.finditer(r"[A-Za-z]{4,}", sentence))
    look_alike = sentence
    if words:
        word = words[len(words) // 2]
        look_alike = sentence[: word.start()] + "other" + sentence[word.end() :]
    without = text[:start] + text[end:].lstrip(" ")
    if start < len(text) // 2:
        return without + "\n\nEarlier report: " + look_alike, None
    return "Earlier report: " + look_alike + "\n\n" + without, None


CHANGES: dict[str, Change] = {
    "unchanged": unchanged,
    "prepend": prepend_update,
    "moved paragraph": move_paragraph,
    "one word edited": edit_word,
    "word + neighbour edited": edit_word_and_neighbour,
    "quotes retypeset": retypeset,
    "deleted": delete_sentence,
    "deleted, look-alike left": delete_with_look_alike,
}


def main() -> None:
    articles = load_paths([sample_corpus_dir()]).articles
    rng = random.Random(7)
    results: dict[str, Counter[str]] = {name: Counter() for name in CHANGES}
    started = time.perf_counter()
    calls = 0
    for article in articles:
        for sentence in segment(article.text):
            if len(sentence.text) < 25:
                continue
            anchor = make_anchor(article.id, article.text, sentence.start, sentence.end)
            for name, change in CHANGES.items():
                new_text, expected = change(article.text, sentence.start, sentence.end, rng)
                result = resolve(anchor, new_text)
                calls += 1
                if result.anchor is None:
                    outcome = "orphaned"
                elif expected is not None and (result.anchor.start, result.anchor.end) == expected:
                    outcome = "correct"
                elif (
                    expected is not None
                    and result.anchor.start < expected[1]
                    and result.anchor.end > expected[0]
                ):
                    outcome = "overlapping"
                else:
                    outcome = "WRONG"
                results[name][outcome] += 1
    elapsed = time.perf_counter() - started
    print(
        f"{len(articles)} articles, {calls} re-anchorings in {elapsed:.2f}s "
        f"({elapsed / calls * 1000:.2f} ms each)"
    )
    for name, counts in results.items():
        total = sum(counts.values())
        parts = ", ".join(f"{key} {value}" for key, value in sorted(counts.items()))
        print(f"  {name:26} n={total:4}  {parts}")


if __name__ == "__main__":
    main()
