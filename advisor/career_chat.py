"""Answer career-path questions in the chat with a cited roadmap (advisor/roadmap).

Recognises a roadmap question (replaying the conversation so a follow-up narrows the last
roadmap), plans it deterministically, and ties each step's citation to the indexed chunk
that holds its quote, so the verifier can check it like any other citation. It does not
plan anything itself and does not touch retrieval ranking.
"""

from __future__ import annotations

from advisor.models import Answer, Citation
from advisor.retrieval import Hit, Retriever
from advisor.text import find_verbatim


def roadmap_answer(question: str, history: list[str], retriever: Retriever) -> tuple[Answer, list[Hit]] | None:
    """(Answer, the chunks it cites) for a career-path question; None for any other question."""
    from advisor.roadmap.models import RoadmapError
    from advisor.roadmap.parse import parse_roadmap_question, to_answer_parts
    from advisor.roadmap.planner import plan_request

    previous = None
    for turn in history:
        previous = parse_roadmap_question(turn, previous)
    request = parse_roadmap_question(question, previous)
    if request is None:
        return None
    pos = request.position
    if previous is None and not (pos.series or pos.grade or pos.title):
        return None  # a roadmap starts from where the employee stands; else it is a lookup
    try:
        roadmap = plan_request(request)
    except RoadmapError as e:
        answer = Answer(answer=f"I can't plan that roadmap: {e}", refused=False, confidence=0.0)
        return answer, []
    markdown, citations = to_answer_parts(roadmap)
    mapped, hits = _map_citations(citations, retriever)
    answer = Answer(answer=markdown, citations=mapped, confidence=1.0 if roadmap.supported else 0.5,
                    roadmap=roadmap.model_dump(mode="json"))
    return answer, hits


def _map_citations(citations: list[Citation], retriever: Retriever) -> tuple[list[Citation], list[Hit]]:
    """Point each citation at the indexed chunk that holds its quote word for word."""
    out: list[Citation] = []
    hits: dict[str, Hit] = {}
    for c in citations:
        for i in retriever.for_section(c.source, c.section):
            chunk = retriever.chunks[i]
            exact = find_verbatim(chunk.text, c.quote)
            if exact is None:
                continue
            section = chunk.section_at(chunk.text.find(exact))
            out.append(c.model_copy(update={"chunk_id": chunk.chunk_id, "quote": exact, "section": section}))
            hits.setdefault(chunk.chunk_id, Hit(chunk, score=1.0, dense=1.0, exact=True, ranks={"roadmap": 1}))
            break
    return out, list(hits.values())
