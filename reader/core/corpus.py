"""Find and load article files (txt, md, html, json, jsonl) into cleaned ``Article`` objects.

PLACEHOLDER: minimal loader; the loading/cleaning work replaces it but keeps
``LoadProblem``, ``LoadResult``, ``load_paths`` and ``article_id``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from reader.core.models import Article


@dataclass(frozen=True)
class LoadProblem:
    """A file that could not be loaded (or loaded with a caveat), for one line on stderr."""

    path: str
    reason: str
    fatal: bool = True
    """True when the file was skipped; False when it loaded with a warning."""


@dataclass
class LoadResult:
    """Articles loaded from some paths, plus the problems met on the way."""

    articles: list[Article] = field(default_factory=list)
    problems: list[LoadProblem] = field(default_factory=list)


def article_id(url: str, raw_text: str) -> str:
    """Stable id: from the URL when known, else from the whitespace-normalised raw text."""
    basis = url.strip() or " ".join(raw_text.split())
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:12]


def load_paths(paths: Iterable[Path]) -> LoadResult:
    """Load every article under ``paths`` (files, or folders searched recursively)."""
    result = LoadResult()
    for path in paths:
        files = sorted(p for p in path.rglob("*.txt")) if path.is_dir() else [path]
        for file in files:
            raw = file.read_text(encoding="utf-8", errors="replace")
            meta: dict[str, str] = {}
            body = raw
            if raw.startswith("---\n"):
                head, _, body = raw[4:].partition("\n---\n")
                for line in head.splitlines():
                    key, _, value = line.partition(":")
                    meta[key.strip()] = value.strip().strip('"')
            paragraphs = [" ".join(p.split()) for p in body.split("\n\n") if p.strip()]
            result.articles.append(
                Article(
                    id=article_id(meta.get("url", ""), body),
                    title=meta.get("title", file.stem),
                    outlet=meta.get("outlet", ""),
                    date=meta.get("date", ""),
                    url=meta.get("url", ""),
                    path=str(file),
                    text="\n\n".join(paragraphs),
                    raw=body,
                )
            )
    return result
