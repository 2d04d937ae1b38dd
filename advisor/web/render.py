"""Markdown for the page: an answer, its citations grouped by section, calculation cards.

Presentation only, shared by the Chat and Calculators tabs; no Gradio. The calculators
compute and ``advisor.calculators_view`` formats their results; this adds the page's
framing (inputs table, chip labels, citations in the answer text as links that open the
passage: ``?section=...&answer=<id>&cite=<n>``, also a working deep link on its own). The
answer's text and the user's input values pass through ``escape``: only the framing here is
raw Markdown.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote as urlquote

from advisor.calculators_view import format_result, render_calculation
from advisor.corpus import pin_cite
from advisor.models import Answer, Calculation, Citation
from advisor.web.escape import markdown_text, plain


def answer_markdown(answer: Answer, answer_id: str = "") -> str:
    """The answer's Markdown followed by its notices; with ``answer_id``, citations are links."""
    notes = "\n\n".join(f"_{markdown_text(n)}_" for n in answer.notes)
    text = markdown_text(answer.answer)
    text = link_citations(text, answer.citations, answer_id) if answer_id else text
    return text + (f"\n\n{notes}" if notes else "")


def cite_href(source: str, section: str, answer_id: str, n: int) -> str:
    """The link of the n-th cited section of an answer (a deep link to Browse without script)."""
    return f"?section={urlquote(f'{source} {section}', safe='')}&answer={answer_id}&cite={n}"


def link_citations(text: str, citations: list[Citation], answer_id: str) -> str:
    """Every pin-cite of a cited section written in ``text`` made a link to its passage."""
    sections = cited_sections(citations)
    cites = {pin_cite(source, section): n for n, (source, section, _q) in enumerate(sections)}
    if not cites:
        return text
    # longest first, and never a prefix of a longer reference ("para 3-9" inside "para 3-9b")
    pattern = re.compile("|".join(re.escape(c) for c in sorted(cites, key=len, reverse=True)) + r"(?![\w(])")

    def link(m: re.Match[str]) -> str:
        n = cites[m.group(0)]
        source, section, _quotes = sections[n]
        return f"[{m.group(0)}]({cite_href(source, section, answer_id, n)})"

    return pattern.sub(link, text)


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

