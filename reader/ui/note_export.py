"""Writing notes to a markdown file for the export dialog (no Textual)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reader.core.annotations import Annotation
from reader.core.errors import ExportError
from reader.core.export import describe_write_error, render_notes
from reader.core.models import Article
from reader.core.persist import atomic_write_text


def write_export(
    notes: Sequence[Annotation], articles: dict[str, Article], path: Path, overwrite: bool
) -> int:
    """Render ``notes`` and write them atomically to ``path``.

    ``render_notes`` re-anchors the notes against ``articles`` (in memory), so the
    file reflects the text as it is now.

    Returns:
        The number of notes written.

    Raises:
        ExportError: the file exists and ``overwrite`` is False, or it cannot be written.
    """
    involved = {i for note in notes for i in note.article_ids}
    markdown = render_notes(notes, [a for i, a in articles.items() if i in involved])
    try:
        atomic_write_text(path, markdown, overwrite=overwrite)
    except FileExistsError as error:
        raise ExportError(f"{path} already exists") from error
    except OSError as error:
        raise ExportError(describe_write_error(path, error)) from error
    return len(notes)
