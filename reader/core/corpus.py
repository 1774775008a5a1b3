"""Find and load article files (txt, md, html, json, jsonl) into cleaned ``Article`` objects.

``load_paths`` never raises for bad input: every file that cannot be read (binary,
unreadable, empty, too large, a symlink loop, broken JSON) becomes one
``LoadProblem`` and the rest still loads.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from reader.core import cleaning_features as features
from reader.core import formats
from reader.core.cleaning import clean_article
from reader.core.errors import CorpusError
from reader.core.models import Article
from reader.core.paragraphs import split_units
from reader.core.sanitize import sanitize_for_terminal

SUPPORTED_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl"})
"""File types read when a folder is searched (a file named explicitly is read as text)."""

MAX_ARTICLE_BYTES = 5 * 1024 * 1024
"""Largest single-article file read. News articles are tens of kilobytes; a bigger file
is almost always a dump or a mistake, and cleaning it would stall the app."""
MAX_COLLECTION_BYTES = 100 * 1024 * 1024
"""Largest ``.jsonl`` collection read (it holds many articles)."""

# Lines shared by this many articles of one outlet (and by at least half of them)
# are site furniture: slogans, widget text, subscription prompts.
REPEAT_MIN_ARTICLES = 3
REPEAT_MIN_SHARE = 0.5
# Longer lines are prose; an outlet may reuse a sentence across follow-up stories.
REPEAT_MAX_WORDS = 25

# Documentation that lives beside articles in a folder (such as the sample corpus's
# own README.md) is not an article. Named explicitly, such a file still loads.
_NOT_ARTICLES = frozenset({"readme", "license", "licence", "changelog", "contributing"})

_BINARY_SAMPLE = 8192
# C0 control bytes other than tab, newline, vertical tab, form feed and carriage return.
_CONTROL_BYTES = bytes([*range(0, 9), *range(14, 32)])


@dataclass(frozen=True)
class LoadProblem:
    """A file that could not be loaded (or loaded with a caveat), for one line on stderr."""

    path: str
    reason: str
    fatal: bool = True
    """True when the file was skipped; False when it loaded with a warning."""

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}" + ("" if self.fatal else " (loaded anyway)")


@dataclass
class LoadResult:
    """Articles loaded from some paths, plus the problems met on the way."""

    articles: list[Article] = field(default_factory=list)
    problems: list[LoadProblem] = field(default_factory=list)


@dataclass(frozen=True)
class _Source:
    """A parsed document with where it came from and how reading it went."""

    path: Path
    document: formats.Document
    warnings: tuple[str, ...]


def article_id(url: str, raw_text: str) -> str:
    """Stable id: from the URL when known, else from the whitespace-normalised raw text.

    The id does not depend on the file name or folder, so notes stay attached when
    files move; it changes only when the article itself changes.
    """
    basis = url.strip() or " ".join(raw_text.split())
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:12]


def load_paths(paths: Iterable[Path]) -> LoadResult:
    """Load every article under ``paths`` (files, or folders searched recursively).

    Args:
        paths: files and folders; folders are searched for ``SUPPORTED_SUFFIXES``,
            skipping hidden entries and following symlinks without looping.

    Returns:
        The cleaned articles in path order (duplicates removed) and one problem
        per file that could not be read or was read with a caveat.
    """
    result = LoadResult()
    sources: list[_Source] = []
    for file in _find_files(paths, result.problems):
        sources.extend(_read_sources(file, result.problems))
    repeated = _repeated_lines(sources)
    seen: dict[str, str] = {}
    for source in sources:
        article = _build_article(source, repeated.get(_outlet_key(source), frozenset()))
        label = _label(source)
        if article.id in seen:
            result.problems.append(
                LoadProblem(label, f"same article as {seen[article.id]}; skipped", fatal=True)
            )
            continue
        seen[article.id] = label
        result.problems.extend(LoadProblem(label, w, fatal=False) for w in article.warnings)
        result.articles.append(article)
    return result


def _label(source: _Source) -> str:
    """How a problem names the article: the path, plus the record inside a collection."""
    where = source.document.where
    return f"{source.path}:{where.removeprefix('line ')}" if where else str(source.path)


def _find_files(paths: Iterable[Path], problems: list[LoadProblem]) -> Iterator[Path]:
    """Yield article files under ``paths`` once each, reporting missing paths and loops."""
    seen_files: set[Path] = set()
    for path in paths:
        if path.is_dir():
            candidates: Iterable[Path] = _walk(path, problems)
        elif path.exists() or path.is_symlink():
            candidates = [path]
        else:
            problems.append(LoadProblem(str(path), "no such file or folder"))
            continue
        for file in candidates:
            key = _real(file)
            if key not in seen_files:
                seen_files.add(key)
                yield file


def _real(path: Path) -> Path:
    """Resolved path, or the path itself when it cannot be resolved (a loop)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path


def _walk(root: Path, problems: list[LoadProblem]) -> Iterator[Path]:
    """Supported files under ``root`` in sorted order; symlinked folders visited once."""
    visited: set[tuple[int, int]] = set()
    unsupported: Counter[str] = Counter()

    def on_error(error: OSError) -> None:
        problems.append(LoadProblem(str(error.filename or root), f"cannot read: {error.strerror}"))

    for folder, dirnames, filenames in os.walk(root, followlinks=True, onerror=on_error):
        try:
            status = os.stat(folder)
        except OSError as error:
            problems.append(LoadProblem(folder, f"cannot read: {error.strerror}"))
            dirnames[:] = []
            continue
        if (status.st_dev, status.st_ino) in visited:
            problems.append(LoadProblem(folder, "symlink loop (folder already visited); skipped"))
            dirnames[:] = []
            continue
        visited.add((status.st_dev, status.st_ino))
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith(".") or Path(name).stem.lower() in _NOT_ARTICLES:
                continue
            suffix = Path(name).suffix.lower()
            if suffix in SUPPORTED_SUFFIXES:
                yield Path(folder) / name
            else:
                unsupported[suffix or "(no extension)"] += 1
    if unsupported:
        kinds = ", ".join(sorted(unsupported))
        problems.append(
            LoadProblem(
                str(root),
                f"skipped {sum(unsupported.values())} file(s) of unsupported type ({kinds}); "
                f"supported: {', '.join(sorted(SUPPORTED_SUFFIXES))}",
            )
        )


def _read_sources(path: Path, problems: list[LoadProblem]) -> list[_Source]:
    """Read and parse one file; every failure becomes a problem and an empty list."""
    try:
        text, warnings = _read_text(path)
        suffix = path.suffix.lower()
        if suffix == ".jsonl":
            sources = []
            for where, item in formats.iter_json_lines(text):
                if isinstance(item, CorpusError):
                    problems.append(LoadProblem(f"{path}:{where.removeprefix('line ')}", str(item)))
                else:
                    sources.append(_Source(path, item, warnings))
            if not sources:
                raise CorpusError("no article records in this file")
            return sources
        parser = {
            ".md": formats.parse_markdown,
            ".markdown": formats.parse_markdown,
            ".html": formats.parse_html,
            ".htm": formats.parse_html,
            ".json": formats.parse_json,
        }.get(suffix, formats.parse_text)
        documents = parser(text)
    except CorpusError as error:
        problems.append(LoadProblem(str(path), str(error)))
        return []
    return [_Source(path, document, warnings) for document in documents]


def _read_text(path: Path) -> tuple[str, tuple[str, ...]]:
    """Read a file as sanitised text.

    Returns:
        The text and warnings about how it was decoded.

    Raises:
        CorpusError: for unreadable, oversized, binary or empty files.
    """
    limit = MAX_COLLECTION_BYTES if path.suffix.lower() == ".jsonl" else MAX_ARTICLE_BYTES
    try:
        size = path.stat().st_size
        if size > limit:
            raise CorpusError(
                f"file is {size / 1e6:.1f} MB, over the {limit // (1024 * 1024)} MB limit "
                "for one article file; skipped"
            )
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as error:
        raise CorpusError(f"cannot read: {error.strerror or error}") from error
    text, warnings = decode_bytes(data)
    if not text.strip():
        raise CorpusError("empty file")
    return text, warnings


def decode_bytes(data: bytes) -> tuple[str, tuple[str, ...]]:
    """Decode file bytes as UTF-8 (with or without BOM), falling back with a warning.

    Returns:
        Sanitised text (no escape sequences or control characters) and warnings.

    Raises:
        CorpusError: when the bytes are binary rather than text.
    """
    warnings: list[str] = []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    else:
        sample = data[:_BINARY_SAMPLE]
        # Text has no NUL bytes and few control bytes; a stray one is tolerated (and
        # removed by sanitising) so one bad byte does not cost a whole article.
        controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
        if sample and (sample.count(0) / len(sample) > 0.01 or controls / len(sample) > 0.1):
            raise CorpusError("binary file, not text; skipped")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            try:
                # Windows-1252 is what mislabelled "UTF-8" news scrapes most often are.
                text = data.decode("cp1252")
                encoding = "Windows-1252"
            except UnicodeDecodeError:
                text = data.decode("utf-8", errors="replace")
                encoding = "UTF-8 with undecodable bytes replaced by �"
            warnings.append(
                f"not valid UTF-8 (byte {error.start}); read as {encoding}: "
                "check accents and quotes"
            )
    return sanitize_for_terminal(text), tuple(warnings)


def _outlet_key(source: _Source) -> str:
    """Group for the repetition feature: the declared outlet, else the file's folder."""
    return source.document.meta.get("outlet", "").lower() or f"folder:{source.path.parent}"


def _repeated_lines(sources: list[_Source]) -> dict[str, frozenset[str]]:
    """Per outlet group, the short lines shared by many of its articles."""
    groups: dict[str, list[set[str]]] = defaultdict(list)
    for source in sources:
        keys = {
            features.line_key(unit.text)
            for unit in split_units(source.document.body)
            if features.word_count(unit.text) <= REPEAT_MAX_WORDS
        }
        groups[_outlet_key(source)].append(keys)
    repeated: dict[str, frozenset[str]] = {}
    for group, key_sets in groups.items():
        if len(key_sets) < REPEAT_MIN_ARTICLES:
            continue
        counts = Counter(key for keys in key_sets for key in keys)
        threshold = max(REPEAT_MIN_ARTICLES, REPEAT_MIN_SHARE * len(key_sets))
        repeated[group] = frozenset(k for k, n in counts.items() if n >= threshold)
    return repeated


def _build_article(source: _Source, repeated: frozenset[str]) -> Article:
    """Clean a parsed document and merge declared with inferred metadata."""
    document = source.document
    declared = {k: sanitize_for_terminal(" ".join(v.split())) for k, v in document.meta.items()}
    body = sanitize_for_terminal(document.body)
    cleaned = clean_article(
        body, title=declared.get("title", ""), repeated_lines=repeated, headings=document.headings
    )
    warnings = list(source.warnings)
    inferred: set[str] = set()

    def pick(name: str, found: str) -> str:
        if declared.get(name):
            return declared[name]
        if found:
            inferred.add(name)
        return found

    title = pick("title", cleaned.title)
    if not title:
        title = _fallback_title(cleaned.paragraphs, source.path)
        inferred.add("title")
    date = declared.get("date", "")
    if date:
        iso = features.parse_date(date)
        if not iso:
            warnings.append(f"date {date!r} not understood (use YYYY-MM-DD); left empty")
        date = iso
    else:
        date = pick("date", cleaned.date)
    if not cleaned.paragraphs:
        warnings.append("cleaning left no body text; see `newsreader show ID --raw`")
    url = declared.get("url", "")
    return Article(
        id=article_id(url, body),
        title=title,
        outlet=pick("outlet", cleaned.site),
        date=date,
        url=url,
        path=_label(source),
        text=cleaned.text,
        raw=body,
        byline=pick("byline", cleaned.byline),
        standfirst=cleaned.standfirst,
        dropped=cleaned.dropped,
        inferred=frozenset(inferred),
        warnings=tuple(warnings),
    )


def _fallback_title(paragraphs: tuple[str, ...], path: Path) -> str:
    """A title for an article that declares none and has no headline line."""
    if paragraphs:
        words = paragraphs[0].split()
        return " ".join(words[:12]) + (" …" if len(words) > 12 else "")
    return path.stem
