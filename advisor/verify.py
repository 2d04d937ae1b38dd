"""Check an answer before it is shown, whichever writer wrote it: citations and figures.

Runs after every writer. A citation whose chunk was not retrieved, whose quote is not in that
chunk word for word, or whose section is not where the quote stands is dropped and reported.
Then every date, dollar amount, percentage and count the answer states outside its quotes
must be a calculator's result, input or detail, or appear in a cited quote or a rule-book
entry the answer rests on (whose figures the rule book's own tests tie to its quotes). A lead
that states any other figure is replaced by the honest partial answer ("The documents don't
answer this directly") and never shown. It adds no content of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from advisor.chunking import Chunk
from advisor.claims_figures import Figures, figure_problem, figures_in_calculations, figures_in_text
from advisor.models import Answer, Citation

PARTIAL = "**The documents don't answer this directly.** The closest passages are below."
_PIN = re.compile(r"\((?:AR 690-13|OPM ITPM Career Path Guide|CP-34)[^)]*\)|\bpara(?:graph)? \d{1,2}-\d{1,2}\S*",
                  re.IGNORECASE)


def check_citation(citation: Citation, chunks: dict[str, Chunk]) -> str | None:
    """None if the citation holds; otherwise the reason it does not."""
    chunk = chunks.get(citation.chunk_id)
    if chunk is None:
        return f"cites {citation.chunk_id}, which was not retrieved"
    at = chunk.text.find(citation.quote)
    if not citation.quote or at < 0:
        return f"quote is not verbatim in {citation.chunk_id}"
    if citation.source != chunk.source or citation.doc_id != chunk.doc_id:
        return f"source {citation.source} does not match chunk {citation.chunk_id}"
    if citation.section not in {chunk.section_id, *chunk.sections}:
        return f"section {citation.section} is not in chunk {citation.chunk_id}"
    return None


def claim_lines(markdown: str) -> list[tuple[int, str]]:
    """(index, line) of the lines that make claims: not quotes, not whole-line notes, pin-cites out."""
    out = []
    for i, line in enumerate(markdown.split("\n")):
        s = line.strip()
        if not s or s.startswith(">") or (s.startswith("*") and s.endswith("*") and not s.startswith("**")) \
                or (s.startswith("_") and s.endswith("_")):
            continue
        out.append((i, _PIN.sub("", s)))
    return out


def figure_problems(answer: Answer, today: date, rests_on: Iterable[str] = (),
                    question: str = "") -> list[str]:
    """Every figure the answer states that nothing it rests on gives, one line each."""
    allowed = figures_in_calculations(answer.calculations, today)
    for text in [*(c.quote for c in answer.citations), *rests_on, question]:
        allowed = allowed.union(figures_in_text(text, today))
    return [f"{line[:80]!r}: {p}" for _, line in claim_lines(answer.answer)
            if (p := figure_problem(line, allowed, today))]


def verify(answer: Answer, chunks: dict[str, Chunk], today: date | None = None,
           rests_on: Iterable[str] = (), question: str = "") -> tuple[Answer, list[str]]:
    """The answer with only citations that hold and no unchecked figure, and what was wrong."""
    kept, problems = [], []
    for c in answer.citations:
        reason = check_citation(c, chunks)
        if reason is None:
            kept.append(c)
        else:
            problems.append(f"{c.pin_cite}: {reason}")
    answer = answer.model_copy(update={"citations": kept})
    if answer.refused or today is None:
        return answer, problems
    rests = list(rests_on)
    figures = figure_problems(answer, today, rests, question)
    if figures:
        problems += [f"figure: {f}" for f in figures]
        answer = _partial(answer)
    return answer, problems


def _partial(answer: Answer) -> Answer:
    """The answer with its claim lines replaced by the honest partial lead; quotes kept."""
    lines = answer.answer.split("\n")
    claims = {i for i, _ in claim_lines(answer.answer) if not lines[i].lstrip().startswith("**The rule")}
    kept = [ln for i, ln in enumerate(lines) if i not in claims]
    text = "\n".join([PARTIAL, "", *kept]).strip()
    text = re.sub(r"\n{3,}", "\n\n", text)
    notes = [*answer.notes, ("A sentence was withheld because a figure in it could not be checked against the "
                             "sources; the quoted rules are shown instead.")]
    return answer.model_copy(update={"answer": text, "notes": notes, "confidence": min(answer.confidence, 0.3)})


__all__ = ["Figures", "check_citation", "claim_lines", "figure_problems", "verify"]
