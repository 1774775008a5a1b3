"""Locate files shipped with the package (styles, sample corpus) in a checkout or a wheel."""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def resource_dir(name: str) -> Path:
    """Return the directory of a bundled resource such as ``styles`` or ``sample_corpus``.

    In a wheel the folders are force-included under ``reader/_data/``; in a source
    checkout they sit at the top of the repository, next to ``reader/``.

    Raises:
        FileNotFoundError: when the resource is in neither place.
    """
    for candidate in (_PACKAGE_DIR / "_data" / name, _PACKAGE_DIR.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"bundled resource folder {name!r} is missing from the installation")


def styles_dir() -> Path:
    """Folder holding the Textual CSS files."""
    return resource_dir("styles")


def sample_corpus_dir() -> Path:
    """Folder holding the bundled sample corpus."""
    return resource_dir("sample_corpus")
