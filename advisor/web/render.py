"""Markdown for the page: an answer, its citations grouped by section, calculation cards.

Presentation only, shared by the Chat and Calculators tabs; no Gradio. The calculators
compute and ``advisor.calculators_view`` formats their results; this adds the page's
framing (inputs table, chip labels, progressive text for streaming). The answer's text and
the user's input values pass through ``escape``: only the framing here is raw Markdown.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from advisor.calculators_view import format_result, render_calculation
from advisor.models import Answer, Calculation, Citation
from advisor.web.escape import markdown_text, plain


def answer_markdown(answer: Answer) -> str:
    """The answer's Markdown followed by its notices."""
    notes = "\n\n".join(f"_{markdown_text(n)}_" for n in answer.notes)
    return markdown_text(answer.answer) + (f"\n\n{notes}" if notes else "")


def cited_sections(citations: list[Citation]) -> list[tuple[str, str, list[str]]]:
    """(source, section, quotes) per cited section, in first-cited order, quotes deduplicated."""
    grouped: dict[tuple[str, str], list[str]] = {}
    for c in citations:
        quotes = grouped.setdefault((c.source, c.section), [])
        if c.quote not in quotes:
            quotes.append(c.quote)
    return [(source, section, quotes) for (source, section), quotes in grouped.items()]


def calc_card(calc: Calculation, title: str = "") -> str:
    """A calculation as a card: its title, the inputs used, the result and the quoted rule."""
    lines = [f"#### {title or calc.name.replace('_', ' ').capitalize()}"]
    if calc.inputs:
        lines.append("| Input | Value |\n|---|---|")
        lines[-1] += "".join(f"\n| {k.replace('_', ' ')} | {_value(v)} |" for k, v in calc.inputs.items())
    lines.append(render_calculation(calc))
    assumptions = calc.details.get("assumptions") or []
    if assumptions:
        lines.append("_Assumed: " + "; ".join(str(a) for a in assumptions) + "._")
    return "\n\n".join(lines)


def _value(v: Any) -> str:
    if v is None:
        return "—"
    if isinstance(v, bool):
        return "Yes" if v else "No"
    if isinstance(v, str):
        return plain(format_result(v))
    return str(v).replace("|", "\\|")


def progressive(text: str, step: int = 48) -> Iterator[str]:
    """Ever longer prefixes of ``text`` ending at word breaks, the last being ``text`` itself."""
    at = 0
    while at < len(text):
        nxt = text.find(" ", at + step)
        at = len(text) if nxt < 0 else nxt
        yield text[:at]
