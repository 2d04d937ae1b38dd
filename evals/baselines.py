"""The systems compared in one run, each answering a ``Case`` with an Answer-shaped dict.

- ``advisor``: the advisor itself (``load_advisor`` + ``Advisor.ask``, as ``advisor eval run`` does);
- ``bm25`` / ``dense``: one retrieval mode over the advisor's own index, answering with the
  top chunk's best sentences; no calculators, no follow-up handling; ``dense`` refuses when
  the top cosine is under the advisor's own support threshold, ``bm25`` never refuses;
- ``tutorial``: the textbook RAG over the raw sources (``evals/tutorial.py``).

Baselines see the whole conversation joined into one query (they have no follow-up
resolution). Timing and crash handling are the harness's (``evals/harness.py``), not here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

import numpy as np

from advisor.chunking import Chunk
from advisor.errors import AdvisorError
from advisor.retrieval import Mode, Retriever
from advisor.text import sentence_spans
from evals.dataset import Case
from evals.support import Embed

BASELINE_K = 10  # ranked chunks kept per question, so recall@10 is defined
ANSWER_SENTENCES = 3


class System(Protocol):
    name: str

    def answer(self, case: Case) -> dict[str, Any]: ...


def refusal(text: str, retrieved: list[str], writer: str) -> dict[str, Any]:
    return {"answer": text, "citations": [], "calculations": [], "refused": True,
            "confidence": 0.0, "retrieved": retrieved, "writer": writer}


class AdvisorSystem:
    """The advisor under test; a handled ``AdvisorError`` is its refusal, as in ``advisor.batch``."""

    name = "advisor"

    def __init__(self, advisor: Any, annotate: Callable[[dict[str, Any]], dict[str, Any]] | None = None) -> None:
        self.advisor = advisor
        self.annotate = annotate  # e.g. the scripted model's labels on the checked sentences

    def answer(self, case: Case) -> dict[str, Any]:
        try:
            answer = dict(self.advisor.ask(case.question, case.history).model_dump(mode="json"))
        except AdvisorError as e:
            return {**refusal(str(e), [], self.advisor.writer.name), "error": str(e)}
        return self.annotate(answer) if self.annotate else answer


class RetrievalBaseline:
    """One retrieval mode of the advisor's index; the top chunk's best sentences as the answer."""

    def __init__(self, retriever: Retriever, mode: Mode, embed: Embed,
                 refuse_below: float | None = None) -> None:
        self.name = mode
        self.retriever, self.mode, self.embed = retriever, mode, embed
        self.refuse_below = refuse_below
        self._sentences: dict[str, tuple[list[tuple[int, int]], np.ndarray]] = {}

    def answer(self, case: Case) -> dict[str, Any]:
        query = " ".join(case.turns)
        hits = self.retriever.search(query, k=BASELINE_K, mode=self.mode)
        retrieved = [h.chunk.pin_cite for h in hits]
        if not hits or (self.refuse_below is not None and hits[0].dense < self.refuse_below):
            return refusal("The documents do not cover this.", retrieved, self.name)
        chunk = hits[0].chunk
        spans, vectors = self._sentence_vectors(chunk)
        sims = vectors @ self.embed([query])[0]
        best = sorted(int(i) for i in np.argsort(-sims)[:ANSWER_SENTENCES])
        citations = [{"source": chunk.source, "section": chunk.section_at(spans[i][0]),
                      "title": chunk.title, "quote": chunk.text[spans[i][0]:spans[i][1]],
                      "doc_id": chunk.doc_id, "chunk_id": chunk.chunk_id} for i in best]
        return {"answer": " ".join(c["quote"] for c in citations), "citations": citations,
                "calculations": [], "refused": False, "confidence": float(hits[0].dense),
                "retrieved": retrieved, "writer": self.name}

    def _sentence_vectors(self, chunk: Chunk) -> tuple[list[tuple[int, int]], np.ndarray]:
        """The chunk's sentences (25+ characters) and their vectors, computed once per chunk."""
        if chunk.chunk_id not in self._sentences:
            spans = [(a, b) for a, b in sentence_spans(chunk.text) if b - a >= 25] or [(0, len(chunk.text))]
            self._sentences[chunk.chunk_id] = (spans, self.embed([chunk.text[a:b] for a, b in spans]))
        return self._sentences[chunk.chunk_id]
