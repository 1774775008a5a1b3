"""The cleaner on the five seed articles, measured against the hand-made gold set.

Every gold sentence must survive cleaning intact; no boilerplate unit and no
non-sentence unit (headline, subheading, byline...) may remain a body paragraph.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from reader.core.cleaning import clean_article
from reader.core.corpus import load_paths
from reader.core.sanitize import sanitize_for_terminal

REPO_ROOT = Path(__file__).resolve().parents[2]
SAMPLE_CORPUS = REPO_ROOT / "sample_corpus"
SHARED = REPO_ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
GOLD_FILE = SHARED / "gold" / "segmentation.json"


def normalise(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def gold() -> dict[str, Any]:
    if not GOLD_FILE.is_file() or not SEEDS.is_dir():
        pytest.skip(f"shared gold set not found at {SHARED}")
    data: dict[str, Any] = json.loads(GOLD_FILE.read_text(encoding="utf-8"))
    return data


def seed_bodies(gold: dict[str, Any]) -> dict[str, list[str]]:
    """Cleaned paragraphs of each raw seed, cleaned without any declared metadata."""
    return {
        name: list(
            clean_article(
                sanitize_for_terminal((SEEDS / name).read_text(encoding="utf-8"))
            ).paragraphs
        )
        for name in gold
    }


def corpus_bodies() -> dict[str, list[str]]:
    """Cleaned paragraphs of the bundled sample corpus (front matter declared)."""
    result = load_paths([SAMPLE_CORPUS])
    assert not result.problems
    return {Path(a.path).name: list(a.paragraphs) for a in result.articles}


@pytest.mark.parametrize("source", ["seeds", "sample_corpus"])
def test_every_gold_sentence_survives(gold: dict[str, Any], source: str) -> None:
    bodies = seed_bodies(gold) if source == "seeds" else corpus_bodies()
    lost = [
        (name, sentence)
        for name, units in gold.items()
        for sentence in units["sentences"]
        if normalise(sentence) not in normalise("\n\n".join(bodies[name]))
    ]
    assert lost == []


@pytest.mark.parametrize("source", ["seeds", "sample_corpus"])
@pytest.mark.parametrize("kind", ["boilerplate", "non_sentence_units"])
def test_no_boilerplate_or_non_sentence_unit_is_a_body_paragraph(
    gold: dict[str, Any], source: str, kind: str
) -> None:
    bodies = seed_bodies(gold) if source == "seeds" else corpus_bodies()
    leaked = [
        (name, unit)
        for name, units in gold.items()
        for unit in units[kind]
        if normalise(unit) in {normalise(p) for p in bodies[name]}
    ]
    assert leaked == []


def test_every_body_paragraph_is_made_of_gold_sentences(gold: dict[str, Any]) -> None:
    """Nothing but content stays: each paragraph contains at least one gold sentence."""
    bodies = seed_bodies(gold)
    for name, units in gold.items():
        sentences = [normalise(s) for s in units["sentences"]]
        for paragraph in bodies[name]:
            assert any(s in normalise(paragraph) for s in sentences), (name, paragraph)


def test_seed_metadata_is_found(gold: dict[str, Any]) -> None:
    articles = {Path(a.path).name[:3]: a for a in load_paths([SEEDS]).articles}
    first, second, fourth = articles["000"], articles["001"], articles["004"]
    assert first.outlet == "world-today-news.com" and "outlet" in first.inferred
    assert first.title.startswith("Trump-Putin Call on Ukraine Crisis")
    assert (second.byline, second.date) == ("EPN Desk", "2025-02-13")
    assert second.standfirst.startswith("The US President emphasized")
    assert fourth.date == "2025-02-13"
