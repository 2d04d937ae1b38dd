"""Turn a model's verified sentences into an Answer: kept text, verbatim citations, notices.

Only sentences the claim verifier kept are shown; their markers are renumbered to the
citations list, each citation quoting (verbatim) the chunk sentence that supports the
claim. Calculator results are shown as the extractive writer shows them, so the exact
figures never depend on the model's wording. The user is told, without repeating it, that
a sentence was removed. This module does not call the model or decide on a fallback.
"""

from __future__ import annotations

import re
from collections import Counter

from advisor.calculators_view import is_settled, render_calculation, rule_citation
from advisor.chunking import Chunk
from advisor.claims import Claim, Verifier
from advisor.models import Answer, Calculation, Citation
from advisor.writers.extractive import status_note

_MARKER = re.compile(r"\s*\[\s*(?:sources?\s*)?\d{1,2}(?:\s*[,;]\s*\d{1,2})*\s*\]", re.IGNORECASE)


def removal_note(removed: list[Claim]) -> str:
    """One line for the user; the removed words themselves are never repeated."""
    n = len(removed)
    why = Counter(c.reason.split(" (")[0] for c in removed).most_common(1)[0][0]
    what = "1 sentence" if n == 1 else f"{n} sentences"
    return (f"{what} of the model's answer {'was' if n == 1 else 'were'} removed because "
            f"{'it' if n == 1 else 'they'} could not be checked against the sources "
            f"(for example, one {why}).")


def compose(claims: list[Claim], verifier: Verifier, calculations: list[Calculation],
            chunks: list[Chunk], documents: dict[str, dict], writer: str,
            confidence: float) -> Answer:
    """The Answer from the kept claims (at least one must be kept)."""
    citations: list[Citation] = []
    numbering: dict[tuple[str, str], int] = {}

    def cite(claim: Claim, number: int) -> int | None:
        source = verifier.sources[number]
        if source.calculation is not None:
            citation = rule_citation(source.calculation, chunks)
        else:
            assert source.chunk is not None
            span = verifier.best_sentence(claim, number)
            if span is None:
                return None
            a, b = span
            chunk = source.chunk
            citation = Citation(source=chunk.source, section=chunk.section_at(a), title=chunk.title,
                                quote=chunk.text[a:b], doc_id=chunk.doc_id, chunk_id=chunk.chunk_id)
        if citation is None:
            return None
        key = (citation.chunk_id, citation.quote)
        if key not in numbering:
            citations.append(citation)
            numbering[key] = len(citations)
        return numbering[key]

    lines: dict[int, list[str]] = {}
    prefixes: dict[int, str] = {}
    for claim in claims:
        if not claim.supported:
            continue
        shown = sorted({n for m in claim.kept_markers if (n := cite(claim, m)) is not None})
        body = _MARKER.sub("", claim.text).strip()
        marks = "".join(f"[{n}]" for n in shown)
        if marks:
            body = (body[:-1] + f" {marks}" + body[-1]) if body[-1:] in ".!?" else f"{body} {marks}"
        lines.setdefault(claim.line, []).append(body)
        prefixes.setdefault(claim.line, claim.prefix)
    prose = "\n".join(f"{prefixes[n] + ' ' if prefixes[n] else ''}{' '.join(parts)}"
                      for n, parts in sorted(lines.items()))

    parts = [render_calculation(c) for c in calculations if is_settled(c)]
    parts.append(prose)
    parts += [render_calculation(c) for c in calculations if not is_settled(c)]
    if citations:
        parts.append("**Sources**\n\n" + "\n".join(
            f"[{i}] {c.pin_cite}, *{c.title}*: “{c.quote}”" for i, c in enumerate(citations, 1)))
    for calc in calculations:
        extra = rule_citation(calc, chunks)
        if extra and (extra.chunk_id, extra.quote) not in numbering:
            numbering[(extra.chunk_id, extra.quote)] = 0
            citations.append(extra)
    notes: list[str] = []
    removed = [c for c in claims if not c.supported]
    if removed:
        notes.append(removal_note(removed))
        parts.append(f"*{notes[-1]}*")
    status = status_note(citations, documents)
    if status:
        parts.append(status)
    return Answer(answer="\n\n".join(p for p in parts if p), citations=citations,
                  calculations=calculations, refused=False, confidence=round(confidence, 3),
                  writer=writer, notes=notes)
