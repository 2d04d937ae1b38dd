"""The question's path, as a LangChain Runnable: ``{"question", "history"} -> Answer``.

Steps, in order, each run once and each a small function over one typed state (``Turn``):
validate the input -> understand it (``intake``: the question and the user's earlier turns
become one ``Intent``) -> act on it (run the calculator or checklist on the bound facts, look up
the rule-book entries, plan a roadmap) -> retrieve the passages to quote (hybrid search) ->
write the answer (extractive by default) -> verify it (every citation, quote and figure). The
index, the embedding function, the writer and today's date are passed in (built by
factories), never created at import.
"""

from __future__ import annotations

import gc
import json
import logging
import time
from collections.abc import Callable, Sequence
from datetime import date
from functools import cached_property
from typing import Any

import numpy as np
from langchain_core.runnables import Runnable, RunnableLambda
from pydantic import BaseModel, ConfigDict, Field

from advisor.act import act
from advisor.calculators.base import Calculator, Context
from advisor.career_chat import roadmap_answer
from advisor.config import Settings
from advisor.corpus import load_corpus
from advisor.index_store import OpenIndex
from advisor.intake import Intake
from advisor.models import Answer, Calculation, Intent
from advisor.retrieval import Hit, Retriever
from advisor.rulebook.abbreviations import extract
from advisor.rulebook.load import RuleBook, load_rulebook
from advisor.rulebook.models import Entry
from advisor.validation import clean_history, clean_question
from advisor.verify import verify
from advisor.writers.base import Writer, WriteRequest
from advisor.writers.extractive import ExtractiveWriter

log = logging.getLogger(__name__)


class Turn(BaseModel):
    """What the chain knows about the turn being answered, step by step."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    question: str
    history: list[str] = Field(default_factory=list)
    started: float = 0.0
    intent: Intent | None = None
    query: str = ""
    calculations: list[Calculation] = Field(default_factory=list)
    entries: list[Entry] = Field(default_factory=list)
    hits: list[Hit] = Field(default_factory=list)
    answer: Answer | None = None


class Advisor:
    """Everything one process needs to answer questions; build once, ask many times."""

    def __init__(self, settings: Settings, index: OpenIndex, writer: Writer | None = None,
                 today: Callable[[], date] | None = None,
                 calculators: Sequence[Calculator] | None = None,
                 rulebook: RuleBook | None = None) -> None:
        self.settings = settings
        self.index = index
        self.retriever = Retriever(index)
        self.writer: Writer = writer or ExtractiveWriter()
        self.today = today or (lambda: settings.today or date.today())
        self._calculators = calculators
        docs = load_corpus(settings.corpus_dir)
        self.documents = {d.doc_id: d.meta for d in docs}
        self._vocabulary = [s.text for d in docs for s in d.sections]
        self.rulebook = rulebook if rulebook is not None else load_rulebook(settings.corpus_dir)
        self.rulebook.abbreviations = {a.abbr: a for a in reversed(extract(docs))}
        self.entries = self.rulebook.by_id()
        self.chain = build_chain(self)

    def ask(self, question: str, history: list[Any] | None = None) -> Answer:
        return self.chain.invoke({"question": question, "history": history or []})

    def warm(self) -> None:
        """Load what a first question would otherwise load: the sentence model (one text through
        the model itself; the warm-up question may be a stored text), the intake and the roadmap
        data, so the first question is as fast as the hundredth."""
        from advisor.roadmap.schema import load_career_data

        self.index.embedder.encode(["Which rule applies to me?"])
        _ = self.intake
        load_career_data()
        # What is loaded now lives as long as the process: a full garbage collection need not
        # walk it again (one took ~250 ms in the middle of an answer).
        gc.collect()
        gc.freeze()

    def embed(self, texts: list[str]) -> np.ndarray:
        """Vectors of texts: the passages' sentences were embedded with the index (a lookup);
        the question is embedded once and then cached (``advisor/vectors.py``)."""
        return self.index.embed(texts)

    @property
    def calculators(self) -> Sequence[Calculator]:
        if self._calculators is None:
            from advisor.calculators.registry import all_calculators

            self._calculators = tuple(all_calculators())
        return self._calculators

    @cached_property
    def calculators_by_name(self) -> dict[str, Calculator]:
        return {c.name: c for c in self.calculators}

    @cached_property
    def intake(self) -> Intake:
        """The intake, built on first use: it embeds what every question is matched against."""
        from advisor.rulebook.targets import rule_targets

        return Intake(self.calculators, self.embed, rules=rule_targets(self.rulebook),
                      vocabulary=self._vocabulary)

    def context(self) -> Context:
        return Context(today=self.today(), pay_period_anchor=self.settings.pay_period_anchor)


def build_chain(advisor: Advisor) -> Runnable[dict, Answer]:
    """Compose the steps; each takes the ``Turn`` and returns it with its part filled in."""

    def prepare(state: dict) -> Turn:
        started = time.perf_counter()
        question = clean_question(state.get("question"), advisor.settings.max_question_chars)
        history = clean_history(state.get("history"), advisor.settings.max_question_chars)
        if advisor.settings.log_questions:
            log.info("question: %s", question)
        return Turn(question=question, history=history, started=started)

    def understand(turn: Turn) -> Turn:
        intent = advisor.intake.understand(turn.question, turn.history, advisor.today())
        query = intent.query or turn.question
        condense = getattr(advisor.writer, "condense", None)  # a model writer may rewrite follow-ups
        if turn.history and callable(condense):
            query = condense(turn.question, turn.history) or query
        return turn.model_copy(update={"intent": intent, "query": query})

    def act_step(turn: Turn) -> Turn:
        intent = turn.intent
        assert intent is not None
        if intent.asked == "roadmap":
            found = roadmap_answer(turn.question, turn.history, advisor.retriever)
            if found is not None:
                answer, hits = found
                return turn.model_copy(update={"answer": answer, "hits": hits})
        calcs = act(intent, advisor.calculators_by_name, advisor.context())
        entries = [advisor.entries[t] for t in intent.topics if t in advisor.entries]
        return turn.model_copy(update={"calculations": calcs, "entries": entries})

    def retrieve(turn: Turn) -> Turn:
        if turn.answer is not None:
            return turn
        hits = advisor.retriever.search(turn.query, k=advisor.settings.top_k)
        hits = _with_sections(advisor.retriever, hits, _sections(turn, advisor.rulebook))
        return turn.model_copy(update={"hits": hits})

    def write(turn: Turn) -> Turn:
        if turn.answer is not None:
            return turn
        request = WriteRequest(
            question=turn.question, query=turn.query, hits=turn.hits, calculations=turn.calculations,
            embed=advisor.embed, documents=advisor.documents, history=turn.history,
            intent=turn.intent, entries=turn.entries, rulebook=advisor.rulebook,
        )
        return turn.model_copy(update={"answer": advisor.writer.write(request)})

    def finish(turn: Turn) -> Answer:
        assert turn.answer is not None
        chunks = {h.chunk.chunk_id: h.chunk for h in turn.hits}
        statements = _statements(turn)
        rests_on = [*statements, *_project_words(turn, advisor.calculators_by_name)]
        answer, problems = verify(turn.answer, chunks, advisor.today(), rests_on, turn.question)
        for p in problems:
            log.warning("verifier: %s", p)
        return answer.model_copy(update={
            "latency_ms": round((time.perf_counter() - turn.started) * 1000, 1),
            "retrieved": [h.chunk.pin_cite for h in turn.hits],
            "intent": turn.intent,
            "statements": [] if answer.refused else statements,
        })

    return (RunnableLambda(prepare) | RunnableLambda(understand) | RunnableLambda(act_step)
            | RunnableLambda(retrieve) | RunnableLambda(write)
            | RunnableLambda(finish)).with_config(run_name="advisor")


def _statements(turn: Turn) -> list[str]:
    """The rule-book statements, yes/no conditions and plain steps the answer rests on."""
    return [t for e in turn.entries for t in (e.statement, *(y.condition for y in e.yes_no),
                                            *(p.plain for p in e.items)) if t]


def _project_words(turn: Turn, calculators: dict[str, Calculator]) -> list[str]:
    """The project's own texts an answer may state besides quotes and results, for the verifier:
    the roles of a calculation's facts (named when a fact is carried, "your annual base salary"),
    the titles of the rules a question back names, a planned roadmap (a tool's result: its grades,
    steps and dates)."""
    out = [f.role for c in turn.calculations if c.name in calculators for f in calculators[c.name].facts]
    for a in (turn.intent.ambiguities if turn.intent else [])[:1]:
        out += [f"{calculators[n].title} {calculators[n].description}" for n in a.options if n in calculators]
    roadmap = turn.answer.roadmap if turn.answer else None
    if roadmap:
        out += [json.dumps(roadmap), f"{len(roadmap.get('steps') or [])} steps"]
    return out


def _sections(turn: Turn, book: RuleBook) -> list[tuple[str, str]]:
    """(source, section) of every rule the answer will quote: calculators' and entries'."""
    out = [(c.rule.source, c.rule.section) for c in turn.calculations]
    for e in turn.entries:
        source = book.source_of(e.id)
        out.append((source, e.cite))
        out += [(source, p.cite) for p in e.items]
    return out


def _with_sections(retriever: Retriever, hits: list[Hit], sections: list[tuple[str, str]]) -> list[Hit]:
    """The chunks holding each rule to be quoted first, in the order of the rules (found by the
    search or added for the rule), then the other retrieved chunks in their order."""
    found = {h.chunk.chunk_id: h for h in hits}
    front: list[Hit] = []
    used: set[str] = set()
    for source, section in dict.fromkeys(sections):
        for i in retriever.for_section(source, section):
            chunk = retriever.chunks[i]
            if chunk.chunk_id not in used:
                used.add(chunk.chunk_id)
                front.append(found.get(chunk.chunk_id) or
                             Hit(chunk, score=1.0, dense=1.0, exact=True, ranks={"rule": 1}))
    return front + [h for h in hits if h.chunk.chunk_id not in used]
