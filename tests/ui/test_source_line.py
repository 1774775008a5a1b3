"""The reading pane's source line: URL, or a short path, on one line."""

from __future__ import annotations

from pathlib import Path

from reader import resources
from reader.core.models import Article
from reader.ui.widgets.reading_pane import fit_line, source_label


def test_source_line_prefers_the_url() -> None:
    article = Article(id="x", title="T", url="https://example.com/a", path="/tmp/a.txt")
    assert source_label(article) == "https://example.com/a"


def test_source_line_names_sample_corpus_files_briefly() -> None:
    path = resources.sample_corpus_dir() / "001_cdc75f922544a1d6.txt"
    article = Article(id="x", title="T", path=str(path))
    assert source_label(article) == "sample corpus · 001_cdc75f922544a1d6.txt"


def test_source_line_shortens_the_home_folder(tmp_path: Path) -> None:
    article = Article(id="x", title="T", path=str(tmp_path / "news" / "a.txt"))
    assert source_label(article, home=tmp_path) == "~/news/a.txt"
    assert source_label(Article(id="y", title="T")) == ""


def test_a_long_source_is_cut_in_the_middle_to_one_line() -> None:
    url = "https://example.com/" + "section/" * 10 + "the-article-name.html"
    line = fit_line(url, 40)
    assert len(line) == 40
    assert line.startswith("https://") and line.endswith("the-article-name.html")
    assert fit_line("short", 40) == "short"


def test_a_long_sample_corpus_name_keeps_its_extension() -> None:
    line = fit_line("sample corpus · 001_cdc75f922544a1d6.txt", 32)
    assert len(line) == 32 and line.endswith(".txt")
    assert line.startswith("sample corpus · 001_")
    assert fit_line("sample corpus · 001_cdc75f922544a1d6.txt", 20).startswith("sample")
