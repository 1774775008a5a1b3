"""Notes -> markdown text for Obsidian and documents (the caller writes the file).

Layout: YAML front matter; ``## <event>`` headings; ``### <outlet>: <title>``
headings with date and source link; under each article its notes in reading
order, each as a blockquote of the exact quoted sentence(s) followed by the note
text, label and tags. Notes made in the diff pane quote both outlets and name the
pair's kind. Orphaned notes get a section of their own, still with their quotes.

Quoted article text is escaped so it renders exactly as written: a sentence that
starts "1." must not become a list, "#5" must not become an Obsidian tag, "$5 and
$6" must not become maths. The user's own note text is kept as typed: they may
have written markdown on purpose.
"""

from __future__ import annotations

import errno
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reader.core.annotations import Anchor, Annotation, reanchor, same_wording, utc_now
from reader.core.models import Article

DEFAULT_TITLE = "newsreader notes"
UNGROUPED_EVENT = "Other articles"
"""Heading for notes on articles that belong to no event (or are no longer in the library)."""

# Characters that start or end inline markup in CommonMark, GFM or Obsidian
# (``$`` maths, ``=`` highlight, ``%`` comments, ``#`` tags, ``~`` strike, ``|`` tables).
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~$])")
# Obsidian highlight (==x==) and comments (%%x%%) need the character doubled.
_DOUBLED_SPECIAL = re.compile(r"(==|%%)")
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
# Line starts that make a block: lists, quotes, headings, thematic breaks, setext.
_LIST_NUMBER = re.compile(r"^(\d{1,9})([.)])")
_LINE_START_SPECIAL = ("-", "+", "*", ">", "#", "=", "_")


def escape_markdown(text: str) -> str:
    """Escape ``text`` (one paragraph) so markdown renders it literally.

    Whitespace runs (including single newlines) become one space: rendering would
    fold them anyway, and leading spaces or trailing double spaces would otherwise
    turn into code blocks or hard line breaks.
    """
    line = " ".join(text.split())
    line = _INLINE_SPECIAL.sub(r"\\\1", line)
    line = _DOUBLED_SPECIAL.sub(lambda m: "\\" + m.group(1)[0] + "\\" + m.group(1)[1], line)
    line = _ENTITY.sub(r"\\&", line)
    match = _LIST_NUMBER.match(line)
    if match:
        line = f"{match.group(1)}\\{match.group(2)}{line[match.end() :]}"
    elif line.startswith(_LINE_START_SPECIAL):
        line = "\\" + line
    return line


def quote_block(text: str) -> str:
    """The exact quoted text as a markdown blockquote, one quoted paragraph per paragraph."""
    paragraphs = [escape_markdown(p) for p in text.split("\n\n") if p.strip()]
    return "\n>\n".join(f"> {p}" for p in paragraphs) or ">"


def _yaml_string(value: str) -> str:
    # A JSON string is a valid YAML double-quoted scalar, escapes included.
    return json.dumps(value, ensure_ascii=False)


def _tag(tag: str) -> str:
    # Obsidian needs at least one non-digit in a tag.
    return f"#{tag}" if not tag.isdigit() else f"#_{tag}"


def _link(url: str) -> str:
    """A markdown link to ``url`` that survives spaces and parentheses in it."""
    safe = url.strip().replace("<", "%3C").replace(">", "%3E").replace("\n", "")
    return f"[source](<{safe}>)"


@dataclass(frozen=True)
class _ArticleInfo:
    """What the export shows about an article, even one no longer in the library."""

    id: str
    outlet: str
    title: str
    date: str = ""
    url: str = ""
    event: str = ""
    event_label: str = ""

    @property
    def heading(self) -> str:
        return f"{escape_markdown(self.outlet or 'unknown outlet')}: {escape_markdown(self.title)}"

    @property
    def listing(self) -> str:
        return f"{self.outlet or 'unknown outlet'}: {self.title}"


def _info(anchor: Anchor, articles: dict[str, Article]) -> _ArticleInfo:
    article = articles.get(anchor.article_id)
    if article is None:
        return _ArticleInfo(
            anchor.article_id,
            anchor.outlet,
            f"article {anchor.article_id} (not in the library)",
        )
    return _ArticleInfo(
        article.id,
        article.outlet or anchor.outlet,
        article.title,
        article.date,
        article.url,
        article.event,
        article.event_label,
    )


def _article_heading(info: _ArticleInfo) -> list[str]:
    """``### outlet: title`` and a line with the date and source link."""
    lines = [f"### {info.heading}", ""]
    meta = [p for p in (info.date, _link(info.url) if info.url else "") if p]
    if meta:
        lines += [" · ".join(meta), ""]
    return lines


def _quote_lines(anchor: Anchor, articles: dict[str, Article], orphaned: bool) -> list[str]:
    """The quote as annotated and, when the article has been edited since, what it says now."""
    lines = [quote_block(anchor.quote), ""]
    article = articles.get(anchor.article_id)
    if article is not None and not orphaned:
        current = article.text[anchor.start : anchor.end]
        if current.strip() and not same_wording(current, anchor.quote):
            lines += ["The article now reads:", "", quote_block(current), ""]
    return lines


def _note_body(note: Annotation, articles: dict[str, Article], primary: _ArticleInfo) -> list[str]:
    """Markdown lines for one note: quote(s), note text, label/tags line."""
    lines: list[str] = []
    if note.other is None:
        lines += _quote_lines(note.anchor, articles, note.orphaned)
    else:
        other = _info(note.other, articles)
        other_meta = " · ".join(p for p in (other.date, _link(other.url) if other.url else "") if p)
        lines += [f"**{escape_markdown(primary.outlet or 'unknown outlet')}:**", ""]
        lines += _quote_lines(note.anchor, articles, note.orphaned)
        other_line = f"**{escape_markdown(other.outlet or 'unknown outlet')}:**"
        other_line += f" *{escape_markdown(other.title)}*"
        if other_meta:
            other_line += f" · {other_meta}"
        lines += [other_line, ""]
        lines += _quote_lines(note.other, articles, note.orphaned)
        lines += [f"Pair: {escape_markdown(note.pair_kind or 'unpaired')}", ""]
    if note.note.strip():
        lines += [note.note.strip(), ""]
    details = []
    if note.label:
        details.append(f"Label: **{escape_markdown(note.label)}**")
    if note.tags:
        details.append("Tags: " + " ".join(_tag(t) for t in note.tags))
    details.append(f"Noted {note.created[:10]}")
    lines += [" · ".join(details), ""]
    return lines


def render_notes(
    notes: Sequence[Annotation],
    articles: Iterable[Article],
    *,
    title: str = DEFAULT_TITLE,
    exported_at: str | None = None,
) -> str:
    """Render ``notes`` as one markdown document.

    Each note is first re-anchored against the articles' current text, so its
    status is current and an edited sentence is shown as it reads now, next to
    the words the note was written about.

    Args:
        notes: the notes to export (already filtered by the caller).
        articles: library articles; notes on articles missing here still export,
            labelled with the outlet they recorded.
        title: document title for the front matter and the top heading.
        exported_at: UTC ISO timestamp to print; now when None (tests pin it).

    Returns:
        The markdown text, ending with a newline.
    """
    by_id = {article.id: article for article in articles}
    texts = {article_id: article.text for article_id, article in by_id.items()}
    notes = [reanchor(note, texts) for note in notes]
    exported = exported_at or utc_now()
    anchored = [n for n in notes if not n.orphaned]
    orphaned = [n for n in notes if n.orphaned]

    listed: dict[str, _ArticleInfo] = {}
    for note in notes:
        for anchor in (note.anchor, note.other):
            if anchor is not None and anchor.article_id not in listed:
                listed[anchor.article_id] = _info(anchor, by_id)
    tags = sorted({t for n in notes for t in n.tags}, key=str.casefold)

    out = ["---", f"title: {_yaml_string(title)}", f"exported: {_yaml_string(exported)}"]
    out.append("source: newsreader")
    out.append(f"notes: {len(notes)}")
    out += ["articles:"] + [f"  - {_yaml_string(i.listing)}" for i in listed.values()]
    if not listed:
        out[-1] = "articles: []"
    out += ["tags:"] + [f"  - {_yaml_string(t)}" for t in tags]
    if not tags:
        out[-1] = "tags: []"
    out += ["---", "", f"# {escape_markdown(title)}", ""]
    noun = "note" if len(notes) == 1 else "notes"
    out += [f"Exported {exported[:10]} from newsreader: {len(notes)} {noun}.", ""]
    if not notes:
        out += ["No notes yet.", ""]

    # Group: event -> article -> notes in reading order. Events and articles keep a
    # stable order (event label, then outlet and title) so re-exports diff cleanly.
    groups: dict[tuple[str, str], dict[str, list[Annotation]]] = {}
    for note in anchored:
        info = listed[note.anchor.article_id]
        event_key = (info.event_label or info.event or UNGROUPED_EVENT, info.event)
        groups.setdefault(event_key, {}).setdefault(info.id, []).append(note)
    for event_key in sorted(groups, key=lambda k: (k[0] == UNGROUPED_EVENT, k[0].casefold())):
        out += [f"## {escape_markdown(event_key[0])}", ""]
        article_ids = sorted(
            groups[event_key],
            key=lambda i: (listed[i].outlet.casefold(), listed[i].title.casefold()),
        )
        for article_id in article_ids:
            out += _article_heading(listed[article_id])
            for note in sorted(groups[event_key][article_id], key=lambda n: n.anchor.start):
                out += _note_body(note, by_id, listed[article_id])

    if orphaned:
        out += ["## Notes that lost their place", ""]
        out += [
            "The article text changed and these quotes could not be found again with "
            "confidence, so they are not attached to any sentence.",
            "",
        ]
        by_article: dict[str, list[Annotation]] = {}
        for note in sorted(orphaned, key=lambda n: n.created):
            by_article.setdefault(note.anchor.article_id, []).append(note)
        for article_id, article_notes in by_article.items():
            out += _article_heading(listed[article_id])
            for note in article_notes:
                out += _note_body(note, by_id, listed[article_id])
    return "\n".join(out).rstrip("\n") + "\n"


def describe_write_error(path: Path, error: OSError) -> str:
    """One line saying why an export to ``path`` failed, in the user's terms.

    Shared by the CLI and the app so both explain a full disk or a read-only
    folder the same way (the write itself goes through ``persist``).
    """
    reasons = {
        errno.ENOSPC: "the disk is full",
        errno.EROFS: "the folder is on a read-only file system",
        errno.EACCES: "permission denied (the folder is read-only or not yours)",
        errno.EPERM: "permission denied",
        errno.ENOENT: f"the folder {path.parent} does not exist",
        errno.EDQUOT: "the disk quota is exceeded",
    }
    reason = reasons.get(error.errno or 0, error.strerror or str(error))
    return f"cannot write {path}: {reason}; nothing was changed"
