"""Present a Calculation in Markdown and tie its rule to a retrieved chunk as a Citation.

Presentation only: the calculators compute; this module formats their results (dates with
weekdays, whole dollars, verdicts) and finds the chunk where the rule's quote stands.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from advisor.chunking import Chunk
from advisor.corpus import pin_cite
from advisor.models import Calculation, Citation
from advisor.text import find_verbatim


def format_result(result: Any) -> str:
    if result is None:
        return ""
    if isinstance(result, bool):
        return "Yes" if result else "No"
    if isinstance(result, int):
        return f"${result:,}"
    if isinstance(result, dict) and {"min", "max"} <= set(result):
        return f"{format_result(result['min'])} to {format_result(result['max'])}"
    if isinstance(result, str):
        try:
            d = date.fromisoformat(result)
        except ValueError:
            return result[:1].upper() + result[1:]
        return f"{d:%A}, {d:%B} {d.day}, {d.year}"
    return str(result)


def render_calculation(calc: Calculation, quote_rule: bool = True) -> str:
    """The calculator's answer first, then the rule it applies, quoted with its pin-cite
    (``quote_rule=False`` when the answer already quotes it elsewhere)."""
    cite = pin_cite(calc.rule.source, calc.rule.section)
    lines: list[str] = []
    if calc.details.get("error"):
        lines.append(f"**I can't compute that:** {calc.explanation}")
    elif calc.missing:
        lines.append(f"**I can work this out for you:** {calc.explanation or 'I need: ' + '; '.join(calc.missing) + '.'}")
    else:
        questions = list(dict.fromkeys(calc.details.get("questions") or []))
        # An open verdict's explanation only lists the questions asked below: ask them once.
        said = "" if questions and all(q in calc.explanation for q in questions) else calc.explanation
        lines.append(f"**{format_result(calc.result)}**" + (f" — {said}" if said else ""))
        criteria = calc.details.get("criteria") or []
        for c in criteria:
            mark = {"met": "✅ met", "not met": "❌ not met"}.get(str(c.get("status")), "❔ unknown")
            if c.get("assumed"):
                mark = "☑️ assumed (not stated)"
            lines.append(f"- {mark}: {c.get('text', '')} ({c.get('cite', '')})")
        if questions:
            lines.append("To settle the unknowns: " + " ".join(questions))
        if calc.details.get("note"):
            lines.append(f"_{calc.details['note']}_")
    if quote_rule:
        lines.append(f"> “{calc.rule.quote}”\n> — {cite}")
    return "\n\n".join(lines)


def is_settled(calc: Calculation) -> bool:
    """A calculation that gives the user a definite answer (not a request for facts)."""
    if calc.missing or calc.details.get("error") or calc.result is None:
        return False
    return calc.result != "need more information"


def rule_citation(calc: Calculation, chunks: list[Chunk]) -> Citation | None:
    """A citation of the rule's quote in whichever chunk holds it verbatim."""
    for chunk in chunks:
        if chunk.source != calc.rule.source:
            continue
        if calc.rule.section not in {chunk.section_id, *chunk.sections} and not any(
            s.startswith(calc.rule.section) or calc.rule.section.startswith(s) for s in chunk.sections
        ):
            continue
        exact = find_verbatim(chunk.text, calc.rule.quote)
        if exact:
            at = chunk.text.find(exact)
            section = chunk.section_at(at)
            return Citation(source=chunk.source, section=section, title=chunk.title, quote=exact,
                            doc_id=chunk.doc_id, chunk_id=chunk.chunk_id)
    return None
