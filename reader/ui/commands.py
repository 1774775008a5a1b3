"""Command palette providers: open any article, compare the current one with any other."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from reader.core.models import Article

MAX_HITS = 40
"""Enough to choose from; more only slows the palette on a big library."""


class ArticleCommands(Provider):
    """ "Open article…" and "Compare with…" over every loaded article."""

    def _main(self) -> object | None:
        from reader.ui.screens.main import MainScreen

        screen = self.screen
        return screen if isinstance(screen, MainScreen) else None

    def _commands(self) -> list[tuple[str, str, Article, bool]]:
        """(verb, label, article, is_compare) for each command on offer."""
        from reader.ui.screens.main import MainScreen

        screen = self._main()
        if not isinstance(screen, MainScreen):
            return []
        current = screen.current
        commands: list[tuple[str, str, Article, bool]] = []
        for article in screen.session.articles:
            label = f"{article.outlet_label} · {article.title}"
            commands.append(("Open article", label, article, False))
            if current is not None and article.id != current.id:
                commands.append(("Compare with", label, article, True))
        return commands

    def _run(self, article: Article, compare: bool) -> None:
        from reader.ui.screens.main import MainScreen

        screen = self._main()
        if not isinstance(screen, MainScreen):
            return
        if compare:
            screen.compare_with(article.id)
        else:
            screen.open_article(article.id)

    async def discover(self) -> Hits:
        from reader.ui.screens.main import MainScreen

        screen = self._main()
        if not isinstance(screen, MainScreen) or screen.current is None:
            return
        for peer in screen.session.peers(screen.current)[:MAX_HITS]:
            yield DiscoveryHit(
                f"Compare with… {peer.outlet_label}",
                partial(self._run, peer, True),
                help=peer.title,
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        scored: list[tuple[float, str, Article, bool]] = []
        for verb, label, article, compare in self._commands():
            text = f"{verb}… {label}"
            score = matcher.match(text)
            if score > 0:
                scored.append((score, text, article, compare))
        scored.sort(key=lambda item: item[0], reverse=True)
        for score, text, article, compare in scored[:MAX_HITS]:
            yield Hit(
                score,
                matcher.highlight(text),
                partial(self._run, article, compare),
                help=article.date or None,
            )
