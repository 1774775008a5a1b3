"""Segmentation exact-match rate against the gold set, per file and overall.

Usage: ``python bench/segmentation.py [--gold DIR] [--seeds DIR] [--cleaned] [-v]``

Two inputs are measured:

* **gold-derived** text: each raw seed with the lines that the gold labels as boilerplate
  or non-sentence units removed, whitespace normalised inside each line, lines joined
  with a blank line. This isolates the segmenter from the cleaner.
* **cleaned** text (``--cleaned``): the body that ``reader.core.corpus.load_paths``
  produces, i.e. what the app really segments.

A gold sentence counts as found when some segment equals it after whitespace
normalisation (multiset matching, so a repeated sentence must be found twice).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

from reader.core.sentences import segment

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def _normalise(text: str) -> str:
    return " ".join(text.split())


def gold_derived_text(raw: str, gold: dict[str, list[str]]) -> str:
    """Rebuild a cleaned body from a raw seed by dropping the gold's non-sentence lines."""
    dropped = {_normalise(unit) for unit in gold["boilerplate"] + gold["non_sentence_units"]}
    lines = [_normalise(line) for line in raw.splitlines()]
    return "\n\n".join(line for line in lines if line and line not in dropped)


def cleaned_texts(seeds: Path) -> dict[str, str]:
    """Bodies of the seed files as the corpus loader cleans them, keyed by file name."""
    from reader.core.corpus import load_paths

    result = load_paths([seeds])
    return {Path(article.path).name: article.text for article in result.articles}


def score(text: str, expected: list[str], verbose: bool, label: str) -> tuple[int, int]:
    """Count gold sentences found exactly among the segments of ``text``."""
    found = Counter(_normalise(s.text) for s in segment(text))
    hits = 0
    for sentence in expected:
        key = _normalise(sentence)
        if found[key] > 0:
            found[key] -= 1
            hits += 1
        elif verbose:
            print(f"  MISS [{label}] {key!r}")
    return hits, len(expected)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=SHARED / "gold")
    parser.add_argument("--seeds", type=Path, default=SHARED / "seeds")
    parser.add_argument("--cleaned", action="store_true", help="also measure cleaned text")
    parser.add_argument("-v", "--verbose", action="store_true", help="list missed sentences")
    args = parser.parse_args(argv)

    gold: dict[str, dict[str, list[str]]] = json.loads(
        (args.gold / "segmentation.json").read_text(encoding="utf-8")
    )
    inputs: dict[str, dict[str, str]] = {"gold-derived": {}}
    for name in gold:
        raw = (args.seeds / name).read_text(encoding="utf-8")
        inputs["gold-derived"][name] = gold_derived_text(raw, gold[name])
    if args.cleaned:
        inputs["cleaned"] = cleaned_texts(args.seeds)

    for kind, texts in inputs.items():
        total_hits = total = 0
        started = time.perf_counter()
        print(f"{kind}:")
        for name, entry in gold.items():
            if name not in texts:
                print(f"  {name}: not loaded")
                continue
            hits, count = score(texts[name], entry["sentences"], args.verbose, name[:3])
            total_hits += hits
            total += count
            print(f"  {name}: {hits}/{count} = {hits / count:.3f}")
        elapsed = (time.perf_counter() - started) * 1000
        rate = total_hits / total if total else 0.0
        print(f"  overall: {total_hits}/{total} = {rate:.3f}  ({elapsed:.1f} ms incl. scoring)")
    time_one_megabyte()
    return 0


# One-line 1 MB inputs: ordinary prose, and the worst case for the abbreviation rules
# (a period every few characters).
MEGABYTE_UNITS = {
    "prose": "The U.S. envoy said talks with Dr. Roe began on Feb. 3 at 9 a.m. in No. 10. ",
    "initials": "a. " * 3,
    "quotes": "“Quote.” ",
    "long words": "word" * 5 + " ",
}


def time_one_megabyte() -> None:
    """Print how long segmenting a 1 MB single-line text takes, per kind of input."""
    print("1 MB single line:")
    for label, unit in MEGABYTE_UNITS.items():
        text = unit * (1_000_000 // len(unit))
        started = time.perf_counter()
        count = len(segment(text))
        elapsed = time.perf_counter() - started
        print(f"  {label:<10} {elapsed * 1000:7.0f} ms  {count} sentences")


if __name__ == "__main__":
    sys.exit(main())
