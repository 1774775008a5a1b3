"""Annotations: a user's note on a passage or an aligned pair, its tags, label and row.

The note is tied to an article id, a character span and the quoted text with some
context (an :class:`Anchor`); finding it again after the text changes is the job of
:mod:`reader.core.anchoring`, whose public names are importable from here too.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Literal, Protocol

from reader.core.anchoring import (
    CONTEXT_CHARS,
    Anchor,
    Resolution,
    make_anchor,
    reanchor,
    resolve,
    same_wording,
)

__all__ = [
    "CONTEXT_CHARS",
    "LABELS",
    "NOTE_COLUMNS",
    "Anchor",
    "Annotation",
    "AnnotationStatus",
    "Resolution",
    "annotation_from_row",
    "annotation_row",
    "create_annotation",
    "make_anchor",
    "new_id",
    "normalize_tags",
    "reanchor",
    "resolve",
    "same_wording",
    "utc_now",
]

AnnotationStatus = Literal["anchored", "orphaned"]

LABELS: tuple[str, ...] = ("", "claim", "omission", "framing", "quote", "source", "question")
"""Suggested labels (the empty string means "no label"); any other short word is allowed too."""


@dataclass(frozen=True)
class Annotation:
    """A user's note on a sentence or passage, or on an aligned pair of sentences."""

    id: str
    anchor: Anchor
    """The annotated span: the reading-pane sentence, or the diff pane's side under the cursor."""
    note: str = ""
    """The note text as typed (markdown allowed)."""
    tags: tuple[str, ...] = ()
    """Tags without a leading ``#``, unique, in the order typed."""
    label: str = ""
    """Kind of finding: ``claim``, ``omission``, ``framing``, ``quote``… or empty."""
    created: str = ""
    updated: str = ""
    """UTC ISO timestamps (``YYYY-MM-DDTHH:MM:SSZ``)."""
    status: AnnotationStatus = "anchored"
    """``orphaned`` when an anchor could not be found again with confidence."""
    other: Anchor | None = None
    """For a note made in the diff pane: the partner sentence in the other article."""
    pair_kind: str = ""
    """For a diff-pane note: the pair's kind (``verbatim``, ``near``, ``paraphrase``,
    ``unique``…) as the comparison showed it."""
    version: int = 1
    """Bumped on every save; an edit based on an older version is refused (lost-update guard)."""

    @property
    def article_id(self) -> str:
        """Id of the (primary) annotated article."""
        return self.anchor.article_id

    @property
    def start(self) -> int:
        return self.anchor.start

    @property
    def end(self) -> int:
        return self.anchor.end

    @property
    def quote(self) -> str:
        return self.anchor.quote

    @property
    def article_ids(self) -> tuple[str, ...]:
        """Every article the note is attached to (one, or two for a diff-pane note)."""
        if self.other is None:
            return (self.anchor.article_id,)
        return (self.anchor.article_id, self.other.article_id)

    @property
    def is_pair(self) -> bool:
        """True for a note made on an aligned pair in the diff pane."""
        return self.other is not None

    @property
    def orphaned(self) -> bool:
        return self.status == "orphaned"

    def anchors_in(self, article_id: str) -> list[Anchor]:
        """The anchors of this note that point into ``article_id``."""
        return [
            a for a in (self.anchor, self.other) if a is not None and a.article_id == article_id
        ]


def utc_now() -> str:
    """Current UTC time as an ISO string with a ``Z`` suffix, second precision."""
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def new_id() -> str:
    """A fresh, collision-free note id (two instances may create notes at once)."""
    return uuid.uuid4().hex


def normalize_tags(tags: Sequence[str] | str) -> tuple[str, ...]:
    """Clean user-typed tags into Obsidian-compatible ones.

    Accepts a sequence or one string separated by commas or spaces. Leading ``#``
    is dropped, inner spaces become ``-`` (Obsidian tags cannot contain spaces),
    duplicates are removed (case-insensitively) keeping the first spelling.
    """
    raw = tags.replace(",", " ").split() if isinstance(tags, str) else list(tags)
    cleaned: list[str] = []
    seen: set[str] = set()
    for tag in raw:
        tag = "-".join(tag.strip().lstrip("#").split())
        tag = "".join(ch for ch in tag if ch.isalnum() or ch in "-_/")
        if tag and tag.casefold() not in seen:
            seen.add(tag.casefold())
            cleaned.append(tag)
    return tuple(cleaned)


def create_annotation(
    anchor: Anchor,
    note: str,
    *,
    tags: Sequence[str] | str = (),
    label: str = "",
    other: Anchor | None = None,
    pair_kind: str = "",
    now: str | None = None,
) -> Annotation:
    """A new annotation with a fresh id and timestamps."""
    stamp = now or utc_now()
    return Annotation(
        id=new_id(),
        anchor=anchor,
        note=note,
        tags=normalize_tags(tags),
        label=label.strip(),
        created=stamp,
        updated=stamp,
        other=other,
        pair_kind=pair_kind,
    )


# --- serialisation (the database row of a note) ------------------------------------

NOTE_COLUMNS = (
    "id, article_id, start, end, quote, prefix, suffix, outlet, other_article_id, other_start, "
    "other_end, other_quote, other_prefix, other_suffix, other_outlet, pair_kind, note, label, "
    "status, created, updated, version"
)
"""Column order of a stored note (``note_store``): ``annotation_row`` follows it."""


class Row(Protocol):
    """A database row read by column name (``sqlite3.Row``)."""

    def __getitem__(self, key: str, /) -> Any: ...


def annotation_row(note: Annotation) -> tuple[object, ...]:
    """The note's values in ``NOTE_COLUMNS`` order."""
    other = note.other
    return (
        note.id,
        note.anchor.article_id,
        note.anchor.start,
        note.anchor.end,
        note.anchor.quote,
        note.anchor.prefix,
        note.anchor.suffix,
        note.anchor.outlet,
        other.article_id if other else None,
        other.start if other else None,
        other.end if other else None,
        other.quote if other else None,
        other.prefix if other else None,
        other.suffix if other else None,
        other.outlet if other else None,
        note.pair_kind,
        note.note,
        note.label,
        note.status,
        note.created,
        note.updated,
        note.version,
    )


def annotation_from_row(row: Row, tags: tuple[str, ...]) -> Annotation:
    """The note stored in ``row`` (read by column name), with its ``tags``."""
    other = None
    if row["other_article_id"] is not None:
        other = Anchor(
            article_id=row["other_article_id"],
            start=int(row["other_start"]),
            end=int(row["other_end"]),
            quote=row["other_quote"] or "",
            prefix=row["other_prefix"] or "",
            suffix=row["other_suffix"] or "",
            outlet=row["other_outlet"] or "",
        )
    status: AnnotationStatus = "orphaned" if row["status"] == "orphaned" else "anchored"
    return Annotation(
        id=row["id"],
        anchor=Anchor(
            article_id=row["article_id"],
            start=int(row["start"]),
            end=int(row["end"]),
            quote=row["quote"],
            prefix=row["prefix"],
            suffix=row["suffix"],
            outlet=row["outlet"],
        ),
        note=row["note"],
        tags=tags,
        label=row["label"],
        created=row["created"],
        updated=row["updated"],
        status=status,
        other=other,
        pair_kind=row["pair_kind"],
        version=int(row["version"]),
    )
