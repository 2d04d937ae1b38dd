"""The question's path, as a LangChain Runnable: ``{"question", "history"} -> Answer``.

Steps, in order: clean the input -> resolve a follow-up -> a career roadmap (unless an eligibility
checklist answers it)? -> route to calculators -> hybrid
retrieval -> write (extractive by default) -> verify every citation. The index, the
embedding model and the writer are passed in (built by factories), never created at import.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

import numpy as np
from langchain_core.runnables import Runnable, RunnableLambda

from advisor.calculators.base import Calculator, Context
from advisor.career_chat import roadmap_answer
from advisor.config import Settings
from advisor.conversation import is_followup, standalone_query, with_history
from advisor.corpus import load_corpus
from advisor.index_store import OpenIndex
from advisor.models import Answer, Calculation
from advisor.retrieval import Hit, Retriever
from advisor.validation import clean_history, clean_question
from advisor.verify import verify
from advisor.writers.base import Writer, WriteRequest
from advisor.writers.extractive import ExtractiveWriter

log = logging.getLogger(__name__)


class Advisor:
    """Everything one process needs to answer questions; build once, ask many times."""

    def __init__(self, settings: Settings, index: OpenIndex, writer: Writer | None = None,
                 today: Callable[[], date] | None = None,
                 calculators: Sequence[Calculator] | None = None) -> None:
        self.settings = settings
        self.index = index
        self.retriever = Retriever(index)
        self.writer: Writer = writer or ExtractiveWriter()
        self.today = today or (lambda: settings.today or date.today())
        self._calculators = calculators
        self.documents = {d.doc_id: d.meta for d in load_corpus(settings.corpus_dir)}
        self.chain = build_chain(self)

    def ask(self, question: str, history: list[Any] | None = None) -> Answer:
        return self.chain.invoke({"question": question, "history": history or []})

    def embed(self, texts: list[str]) -> np.ndarray:
        """Vectors of texts: the passages' sentences were embedded with the index (a lookup);
        the question is embedded once and then cached (``advisor/vectors.py``)."""
        return self.index.embed(texts)

    @property
    def calculators(self) -> Sequence[Calculator]:
        if self._calculators is None:
            from advisor.calculators.router import all_calculators

            self._calculators = tuple(all_calculators())
        return self._calculators

    def asks_checklist(self, question: str) -> bool:
        """Whether an eligibility checklist, not a career roadmap, answers the question."""
        if not self.calculators:
            return False
        from advisor.calculators.router import asks_checklist

        return asks_checklist(question, self.calculators)

    def calculations(self, question: str, history: list[str]) -> list[Calculation]:
        if not self.calculators:
            return []
        from advisor.calculators.router import route

        context = Context(today=self.today(), pay_period_anchor=self.settings.pay_period_anchor)
        calcs = route(question, context, self.calculators)
        if history and is_followup(question) and (not calcs or any(c.missing for c in calcs)):
            merged = route(with_history(question, history), context, self.calculators)
            if merged and sum(len(c.missing) for c in merged) < sum(len(c.missing) for c in calcs or merged) + (0 if calcs else 1):
                calcs = merged
        return pick_calculations(calcs)


def pick_calculations(calcs: list[Calculation]) -> list[Calculation]:
    """Show what was computed; only when nothing was, one error or one request for facts."""
    computed = [c for c in calcs if c.result is not None and not c.details.get("error")]
    if computed:
        return computed[:2]
    errors = [c for c in calcs if c.details.get("error")]
    return errors[:1] or calcs[:1]


def build_chain(advisor: Advisor) -> Runnable[dict, Answer]:
    """Compose the steps; each is a small function over a state dict."""

    def prepare(state: dict) -> dict:
        started = time.perf_counter()
        question = clean_question(state.get("question"), advisor.settings.max_question_chars)
        history = clean_history(state.get("history"), advisor.settings.max_question_chars)
        if advisor.settings.log_questions:
            log.info("question: %s", question)
        query = standalone_query(question, history)
        condense = getattr(advisor.writer, "condense", None)  # a model writer may rewrite follow-ups
        if history and callable(condense):
            query = condense(question, history) or query
        return {"question": question, "history": history, "query": query, "started": started}

    def career(state: dict) -> dict:
        if advisor.asks_checklist(state["question"]):
            return state  # "can I get X?" is the checklist's, not a roadmap
        found = roadmap_answer(state["question"], state["history"], advisor.retriever)
        if found is None:
            return state
        answer, hits = found
        return {**state, "answer": answer, "hits": hits, "calculations": []}

    def calculate(state: dict) -> dict:
        if "answer" in state:
            return state
        return {**state, "calculations": advisor.calculations(state["question"], state["history"])}

    def retrieve(state: dict) -> dict:
        if "answer" in state:
            return state
        hits = advisor.retriever.search(state["query"], k=advisor.settings.top_k)
        hits = _with_rule_chunks(advisor.retriever, hits, state["calculations"])
        return {**state, "hits": hits}

    def write(state: dict) -> dict:
        if "answer" in state:
            return state
        request = WriteRequest(
            question=state["question"], query=state["query"], hits=state["hits"],
            calculations=state["calculations"], embed=advisor.embed,
            documents=advisor.documents, history=state["history"],
        )
        return {**state, "answer": advisor.writer.write(request)}

    def finish(state: dict) -> Answer:
        chunks = {h.chunk.chunk_id: h.chunk for h in state["hits"]}
        answer, problems = verify(state["answer"], chunks)
        for p in problems:
            log.warning("dropped citation: %s", p)
        return answer.model_copy(update={
            "latency_ms": round((time.perf_counter() - state["started"]) * 1000, 1),
            "retrieved": [h.chunk.pin_cite for h in state["hits"]],
        })

    return (RunnableLambda(prepare) | RunnableLambda(career) | RunnableLambda(calculate)
            | RunnableLambda(retrieve) | RunnableLambda(write)
            | RunnableLambda(finish)).with_config(run_name="advisor")


def _with_rule_chunks(retriever: Retriever, hits: list[Hit], calcs: list[Calculation]) -> list[Hit]:
    """Make sure the chunk holding each calculator's rule is among the retrieved chunks."""
    have = {h.chunk.chunk_id for h in hits}
    extra: list[Hit] = []
    for calc in calcs:
        for i in retriever.for_section(calc.rule.source, calc.rule.section):
            chunk = retriever.chunks[i]
            if chunk.chunk_id not in have:
                have.add(chunk.chunk_id)
                extra.append(Hit(chunk, score=1.0, dense=1.0, exact=True, ranks={"rule": 1}))
    return extra + hits
