"""The B picker: choose which outlet's article to compare with the current one."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from reader.core.models import Article

PROMPT_WIDTH = 84
"""Cells of one candidate's line: the dialog is 90 wide, less border and padding."""

DIALOG_CHROME = 6
"""Cells of the dialog that are not the candidate's line (border, padding, list gutter)."""


class ComparePicker(ModalScreen[str | None]):
    """Lists candidate articles with their share of overlap; returns the chosen id."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Close without comparing")]

    def __init__(
        self, current: Article, candidates: Sequence[tuple[Article, float | None]]
    ) -> None:
        """
        Args:
            current: article A.
            candidates: other articles, each with the fraction of A's sentences it
                shares, or None when not computed.
        """
        super().__init__()
        self.current = current
        self.candidates = list(candidates)

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(
                Text.assemble("Compare ", (self.current.outlet_label, "bold"), " with…"),
                id="dialog-title",
            )
            yield OptionList(*(self._option(a, share) for a, share in self.candidates))
            yield Label("Enter compare · Esc cancel", id="dialog-hint")

    @property
    def prompt_width(self) -> int:
        """Cells of one line: the dialog is 90 wide, or 95% of a narrower terminal."""
        dialog = min(PROMPT_WIDTH + DIALOG_CHROME, self.app.size.width * 95 // 100)
        return max(20, dialog - DIALOG_CHROME)

    def _option(self, article: Article, share: float | None) -> Option:
        share_text = "   …" if share is None else f"{share:4.0%}"
        prompt = Text(no_wrap=True, overflow="ellipsis", end="")
        prompt.append(share_text, "bold")
        prompt.append(" shared  ")
        prompt.append(article.outlet_label, "italic")
        prompt.append(f" — {article.title}")
        if article.date:
            prompt.append(f"  {article.date}", "dim")
        # One line per candidate: the option list would wrap a long title.
        prompt.truncate(self.prompt_width, overflow="ellipsis")
        return Option(prompt, id=article.id)

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_resize(self) -> None:
        """Cut the lines again for the new width."""
        options = self.query_one(OptionList)
        for article, share in self.candidates:
            options.replace_option_prompt(article.id, self._option(article, share).prompt)

    def set_share(self, article_id: str, share: float) -> None:
        """Fill in the overlap of one candidate once it has been measured."""
        for position, (article, _old) in enumerate(self.candidates):
            if article.id == article_id:
                self.candidates[position] = (article, share)
                self.query_one(OptionList).replace_option_prompt(
                    article_id, self._option(article, share).prompt
                )
                return

    @on(OptionList.OptionSelected)
    def choose(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
