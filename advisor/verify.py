"""Check an answer before it is shown: every citation resolves, every quote is verbatim.

Runs after every writer. A citation whose chunk was not retrieved, whose quote is not in
that chunk word for word, or whose section is not where the quote stands is dropped and
reported. It never adds content.
"""

from __future__ import annotations

from advisor.chunking import Chunk
from advisor.models import Answer, Citation


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


def verify(answer: Answer, chunks: dict[str, Chunk]) -> tuple[Answer, list[str]]:
    """The answer with only citations that hold, and the reasons others were dropped."""
    kept, problems = [], []
    for c in answer.citations:
        reason = check_citation(c, chunks)
        if reason is None:
            kept.append(c)
        else:
            problems.append(f"{c.pin_cite}: {reason}")
    return answer.model_copy(update={"citations": kept}), problems
