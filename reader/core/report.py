"""Render a ``Comparison`` as a plain-text report (terminal or pipe) or as markdown.

Shared and unique sentences are marked with characters, never only with colour:
``=`` verbatim, ``~`` near, ``≈`` paraphrase, ``+`` only in this article. When the output
cannot encode ``≈`` (an ASCII locale), :func:`marks_for` gives ASCII stand-ins.
"""

from __future__ import annotations

import textwrap

from reader.core.align import Comparison, PairKind, SentencePair, Side
from reader.core.sanitize import sanitize_for_terminal

UNICODE_MARKS: dict[str, str] = {"verbatim": "=", "near": "~", "paraphrase": "≈", "unique": "+"}
ASCII_MARKS: dict[str, str] = {"verbatim": "=", "near": "~", "paraphrase": "%", "unique": "+"}


def marks_for(encoding: str | None) -> dict[str, str]:
    """The mark set an output with ``encoding`` can print."""
    try:
        "≈".encode(encoding or "ascii")
    except (UnicodeEncodeError, LookupError):
        return ASCII_MARKS
    return UNICODE_MARKS


def _clean(text: str) -> str:
    """Untrusted text on one line, escape sequences removed."""
    return " ".join(sanitize_for_terminal(text).split())


def _heading(label: str, side: Side) -> str:
    title = _clean(side.title) or "(untitled)"
    outlet = _clean(side.outlet) or "unknown outlet"
    return f"{label}: {title} ({outlet}, id {_clean(side.id)})"


def _summary(comparison: Comparison) -> list[str]:
    kinds: dict[PairKind, int] = {"verbatim": 0, "near": 0, "paraphrase": 0}
    for pair in comparison.pairs:
        kinds[pair.kind] += 1
    shared_a = len({p.a for p in comparison.pairs})
    shared_b = len({p.b for p in comparison.pairs})
    total_a, total_b = len(comparison.a_sentences), len(comparison.b_sentences)
    lines = [
        f"Shared: {shared_a}/{total_a} sentences of A ({comparison.shared_fraction('a'):.0%}), "
        f"{shared_b}/{total_b} of B ({comparison.shared_fraction('b'):.0%}).",
        f"Pairs: {len(comparison.pairs)} ({kinds['verbatim']} verbatim, {kinds['near']} near, "
        f"{kinds['paraphrase']} paraphrase).",
    ]
    context = comparison.options.get("context") or []
    if context:
        confirmed = sum(bool(p.via) for p in comparison.pairs)
        lines.append(
            f"Context: {len(context)} other article(s) of the story; {confirmed} weak pair(s) "
            "confirmed through them (marked 'via')."
        )
    return lines


def _via(pair: SentencePair, comparison: Comparison) -> str:
    """ ", via NAME" for a pair confirmed through a context article (its outlet, else its
    title, else its id)."""
    if not pair.via:
        return ""
    labels = comparison.options.get("context_labels") or {}
    names = [_clean(str(labels.get(v) or v)) for v in pair.via]
    return ", via " + ", ".join(names)


def render_text(
    comparison: Comparison, width: int = 80, marks: dict[str, str] | None = None
) -> str:
    """A readable report wrapped to ``width`` columns.

    Every sentence of A in reading order, marked, with its partners in B under it; then
    the sentences found only in B.
    """
    marks = marks or UNICODE_MARKS
    width = max(width, 40)
    header = [_heading("A", comparison.a), _heading("B", comparison.b), *_summary(comparison)]
    header.append(
        f"Marks: {marks['verbatim']} verbatim  {marks['near']} near  "
        f"{marks['paraphrase']} paraphrase  {marks['unique']} only in this article"
    )
    lines: list[str] = []
    for line in header:
        lines.extend(textwrap.wrap(line, width=width, subsequent_indent="   "))

    def block(prefix: str, text: str, indent: int) -> None:
        lines.extend(
            textwrap.wrap(
                _clean(text),
                width=width,
                initial_indent=" " * indent + prefix,
                subsequent_indent=" " * (indent + len(prefix)),
                break_long_words=True,
                break_on_hyphens=False,
            )
            or [" " * indent + prefix.rstrip()]
        )

    lines += ["", "Article A, sentence by sentence:", ""]
    for index, sentence in enumerate(comparison.a_sentences):
        partners = comparison.partners_of_a(index)
        mark = marks[partners[0].kind] if partners else marks["unique"]
        block(f"{mark} A{index + 1}  ", sentence.text, 0)
        for pair in partners:
            other = comparison.b_sentences[pair.b].text
            block(
                f"{marks[pair.kind]} B{pair.b + 1} ({pair.score:.2f}{_via(pair, comparison)})  ",
                other,
                6,
            )
    lines += ["", "Only in B:", ""]
    only_b = comparison.unique_b()
    for index in only_b:
        block(f"{marks['unique']} B{index + 1}  ", comparison.b_sentences[index].text, 0)
    if not only_b:
        lines.append("(none)")
    return "\n".join(lines) + "\n"


def _md_inline(text: str) -> str:
    """Text safe inside a markdown paragraph, quote or table cell."""
    text = _clean(text)
    for char in "\\`*_[]<>|#":
        text = text.replace(char, "\\" + char)
    return text


def render_markdown(comparison: Comparison) -> str:
    """Markdown: a summary table, shared pairs as quotes, then each side's unique sentences."""
    a, b = comparison.a, comparison.b
    out = [
        f"# Comparison: {_md_inline(a.title) or 'A'} / {_md_inline(b.title) or 'B'}",
        "",
        "| | A | B |",
        "|---|---|---|",
        f"| Title | {_md_inline(a.title)} | {_md_inline(b.title)} |",
        f"| Outlet | {_md_inline(a.outlet) or 'unknown outlet'} | "
        f"{_md_inline(b.outlet) or 'unknown outlet'} |",
        f"| Id | `{_clean(a.id)}` | `{_clean(b.id)}` |",
        f"| Sentences | {len(a.sentences)} | {len(b.sentences)} |",
        f"| Shared | {comparison.shared_fraction('a'):.0%} "
        f"| {comparison.shared_fraction('b'):.0%} |",
        "",
        *_summary(comparison),
        "",
        f"## Shared ({len(comparison.pairs)} pairs)",
        "",
    ]
    for number, pair in enumerate(comparison.pairs, start=1):
        out += [
            f"### {number}. {pair.kind} (A{pair.a + 1} ↔ B{pair.b + 1}, "
            f"score {pair.score:.2f}{_md_inline(_via(pair, comparison))})",
            "",
            f"> **A:** {_md_inline(comparison.a_sentences[pair.a].text)}",
            ">",
            f"> **B:** {_md_inline(comparison.b_sentences[pair.b].text)}",
            "",
        ]
    for label, side, unique in (("A", a, comparison.unique_a()), ("B", b, comparison.unique_b())):
        out += [f"## Only in {label}", ""]
        out += [f"- **{label}{i + 1}** {_md_inline(side.sentences[i].text)}" for i in unique]
        if not unique:
            out.append("(none)")
        out.append("")
    return "\n".join(out)
