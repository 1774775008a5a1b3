"""Parse the article file formats (txt, md, html, json, jsonl) into raw text plus metadata.

Each parser takes decoded text and returns ``Document`` objects: the body as raw
text (one paragraph per line, ready for ``cleaning``) and the metadata the file
declares. No parser touches the filesystem; ``corpus`` reads the bytes.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from reader.core.errors import CorpusError

METADATA_KEYS = ("title", "outlet", "date", "url", "byline")
"""Metadata fields a file may declare (front matter, JSON keys, HTML meta)."""

# Other spellings people use for the same fields, in front matter and JSON.
_ALIASES = {
    "site": "outlet",
    "source": "outlet",
    "publisher": "outlet",
    "sitename": "outlet",
    "author": "byline",
    "authors": "byline",
    "published": "date",
    "published_at": "date",
    "link": "url",
    "headline": "title",
}
_TEXT_KEYS = ("text", "body", "content")
# Front matter longer than this is not front matter but a body that starts with ---.
_MAX_FRONT_MATTER_LINES = 60


@dataclass(frozen=True)
class Document:
    """One article as read from a file, before cleaning."""

    body: str
    """Raw body text: paragraphs on their own lines."""
    meta: dict[str, str] = field(default_factory=dict)
    """Declared metadata, keys from ``METADATA_KEYS``; values may be empty."""
    headings: frozenset[str] = frozenset()
    """Lines the format itself marks as headings (markdown ``#``), verbatim."""
    where: str = ""
    """Position inside a multi-article file, e.g. ``"line 3"``; empty for single files."""


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split YAML-style front matter (``key: value`` lines between ``---``) from the body.

    Only flat ``key: value`` pairs are understood, which is all an article needs;
    quotes around a value are removed. The body is returned byte-for-byte.

    Returns:
        ``(metadata, body)``; metadata is empty when the text has no front matter.
    """
    if not text.startswith("---\n"):
        return {}, text
    lines = text.split("\n")
    for end in range(1, min(len(lines), _MAX_FRONT_MATTER_LINES + 2)):
        if lines[end].strip() == "---":
            break
    else:
        return {}, text
    meta: dict[str, str] = {}
    for line in lines[1:end]:
        key, colon, value = line.partition(":")
        if not colon or not key.strip() or key.startswith((" ", "\t", "#")):
            continue
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        meta[key.strip().lower()] = value
    return _normalise_keys(meta), "\n".join(lines[end + 1 :])


def _normalise_keys(meta: dict[str, str]) -> dict[str, str]:
    """Map aliases onto ``METADATA_KEYS`` and drop keys we do not use."""
    result: dict[str, str] = {}
    for key, value in meta.items():
        name = _ALIASES.get(key, key)
        if name in METADATA_KEYS and value and not result.get(name):
            result[name] = value
    return result


def parse_text(text: str) -> list[Document]:
    """A ``.txt`` file: optional front matter, then the body as scraped."""
    meta, body = split_front_matter(text)
    return [Document(body=body, meta=meta)]


def parse_markdown(text: str) -> list[Document]:
    """A ``.md`` file: front matter, then markdown read with markdown-it-py.

    Every block (paragraph, heading, list item, quote line) becomes one line of
    plain text with the markup removed; headings are remembered so the cleaner
    can drop them as headline or subheadings.
    """
    from markdown_it import MarkdownIt

    meta, body = split_front_matter(text)
    tokens = MarkdownIt("commonmark").parse(body)
    blocks: list[str] = []
    headings: set[str] = set()
    in_heading = False
    for token in tokens:
        if token.type == "heading_open":
            in_heading = True
        elif token.type == "heading_close":
            in_heading = False
        elif token.type == "inline":
            plain = " ".join(_inline_text(token.children or []).split())
            if plain:
                blocks.append(plain)
                if in_heading:
                    headings.add(plain)
        elif token.type in ("code_block", "fence"):
            blocks.extend(line for line in token.content.splitlines() if line.strip())
    return [Document(body="\n\n".join(blocks), meta=meta, headings=frozenset(headings))]


def _inline_text(children: list[Any]) -> str:
    """Plain text of an inline token's children (emphasis and links reduced to their text)."""
    parts: list[str] = []
    for child in children:
        # Inline HTML tags and images (whose alt text is a caption) are not body text.
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts)


def parse_html(text: str) -> list[Document]:
    """An ``.html`` page: main text and metadata extracted with trafilatura.

    Raises:
        CorpusError: when trafilatura is not installed or finds no article text.
    """
    try:
        import trafilatura
    except ImportError as error:
        raise CorpusError(
            f"reading HTML needs the optional extractor: pip install 'newsreader[html]' ({error})"
        ) from error
    extracted = trafilatura.bare_extraction(
        text, with_metadata=True, include_comments=False, include_tables=False
    )
    if extracted is None:
        raise CorpusError("no article text found in this HTML page")
    data: dict[str, Any] = extracted.as_dict() if hasattr(extracted, "as_dict") else extracted
    body = str(data.get("text") or "")
    if not body.strip():
        raise CorpusError("no article text found in this HTML page")
    meta = {
        "title": data.get("title") or "",
        "outlet": data.get("sitename") or data.get("hostname") or "",
        "date": data.get("date") or "",
        "url": data.get("url") or "",
        "byline": data.get("author") or "",
    }
    return [Document(body=body, meta={k: str(v) for k, v in meta.items() if v})]


def parse_json(text: str) -> list[Document]:
    """A ``.json`` file: one article object, or a list of them.

    Raises:
        CorpusError: when the JSON is invalid or holds no article objects.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise CorpusError(f"invalid JSON: {error}") from error
    items = data if isinstance(data, list) else [data]
    documents = []
    for index, item in enumerate(items):
        where = f"item {index}" if isinstance(data, list) else ""
        documents.append(_document_from_object(item, where))
    if not documents:
        raise CorpusError("the JSON list is empty")
    return documents


def iter_json_lines(text: str) -> Iterator[tuple[str, Document | CorpusError]]:
    """A ``.jsonl`` file: one article object per line.

    Yields:
        ``(where, document)`` for each good line and ``(where, error)`` for each bad
        one, so one broken record does not cost the others.
    """
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"line {number}"
        try:
            yield where, _document_from_object(json.loads(line), where)
        except json.JSONDecodeError as error:
            yield where, CorpusError(f"{where}: invalid JSON: {error.msg}")
        except CorpusError as error:
            yield where, error


def _document_from_object(item: object, where: str) -> Document:
    """Build a document from one JSON object.

    Raises:
        CorpusError: when the object is not a mapping or has no text.
    """
    prefix = f"{where}: " if where else ""
    if not isinstance(item, dict):
        raise CorpusError(f"{prefix}expected an object with a 'text' field")
    body = next((item[k] for k in _TEXT_KEYS if isinstance(item.get(k), str)), "")
    if not body.strip():
        raise CorpusError(f"{prefix}no 'text' field with article text")
    meta = _normalise_keys(
        {str(k).lower(): _scalar(v) for k, v in item.items() if k not in _TEXT_KEYS}
    )
    return Document(body=body, meta=meta, where=where)


def _scalar(value: object) -> str:
    """A JSON value as metadata text: lists (several authors) are joined with commas."""
    if isinstance(value, list):
        return ", ".join(str(v) for v in value if isinstance(v, (str, int, float)))
    if isinstance(value, (str, int, float)):
        return str(value)
    return ""
