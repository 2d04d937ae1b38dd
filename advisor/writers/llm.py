"""The optional language-model writer: a model writes from numbered sources, code checks it.

``make_llm_writer(settings)`` builds it for ``ADVISOR_LLM=openai|ollama|llamacpp``. The model
sees the retrieved chunks as numbered sources and the calculators as tools; its answer is
verified sentence by sentence (``advisor.claims``), and what cannot be verified is removed
and the user told. Any failure of the model - timeout, refused connection, HTTP 5xx,
malformed data, a stalled stream, bad tool calls, an answer that mostly does not hold up -
gives the extractive answer with a short note, never a traceback; a circuit breaker stops
calling a dead server for a while. ``condense`` rewrites a follow-up into a standalone
question for retrieval (the chain calls it when the writer has it). The extractive writer
stays the default and needs none of this.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from datetime import date

import numpy as np
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage

from advisor.calculators.base import Calculator, Context
from advisor.claims import Claim, Thresholds, Verifier, load_thresholds
from advisor.claims_figures import figures_in_calculations
from advisor.config import Settings
from advisor.models import Answer, CheckedSentence, Verification
from advisor.tools import calculator_tools
from advisor.writers.base import WriteRequest
from advisor.writers.extractive import ExtractiveWriter, decline
from advisor.writers.llm_compose import compose
from advisor.writers.llm_guard import CircuitBreaker, ModelConfigError, ModelError
from advisor.writers.llm_prompt import (
    NOT_COVERED,
    answer_messages,
    condense_messages,
    number_sources,
    pick_tools,
)
from advisor.writers.llm_tools import ToolRunner, tools_by_name

log = logging.getLogger(__name__)

MAX_ROUNDS = 3  # model turns per answer: tool calls, then the answer
MAX_REFUSED_CALLS = 2  # bad tool calls tolerated before the model is given up on
# Failures that say the server is unwell; they count toward opening the circuit breaker.
SERVER_FAILURES = frozenset({"connect", "timeout", "stalled", "server", "http", "malformed", "busy", "local"})


class LLMWriter:
    """A model-backed writer with the extractive writer as its safety net."""

    def __init__(self, name: str, model: BaseChatModel, today: Callable[[], date],
                 calculators: Callable[[], Sequence[Calculator]] | None = None,
                 pay_period_anchor: date | None = None, breaker: CircuitBreaker | None = None,
                 thresholds: Thresholds | None = None, fallback: ExtractiveWriter | None = None) -> None:
        self.name = name
        self.model = model
        self.today = today
        self._calculators = calculators or _all_calculators
        self.pay_period_anchor = pay_period_anchor
        self.breaker = breaker or CircuitBreaker()
        self.thresholds = thresholds
        self.fallback = fallback or ExtractiveWriter()
        self._sentence_vectors: dict[str, np.ndarray] = {}
        self._embed_of_cache: object = None

    def condense(self, question: str, history: list[str]) -> str | None:
        """The follow-up as a standalone question, or None (keep the rule-based query)."""
        if not history or not self.breaker.allow():
            return None
        try:
            text = self._invoke(condense_messages(question, history)).strip().strip('"“”')
        except ModelError as e:
            log.warning("condense failed (%s): %s", e.kind, e)
            return None
        except Exception:  # never let the model break a conversation
            log.exception("condense failed")
            return None
        if not text or "\n" in text or len(text) > 500 or NOT_COVERED in text:
            return None
        return text

    def write(self, request: WriteRequest) -> Answer:
        support = self.fallback.support(request)
        if not request.calculations and support < self.fallback.support_threshold:
            return decline(request.question).model_copy(update={"writer": self.name})
        plain = None  # the extractive answer, written once: it decides a decline and is the fallback
        if not request.calculations and request.intent is not None:
            plain = self.fallback.write(request)
            if plain.refused:  # out of scope, or nothing in the documents answers it: no model asked
                return plain.model_copy(update={"writer": self.name})
        if not self.breaker.allow():
            wait = round(self.breaker.retry_in())
            return self._fall_back(request, plain, "the language model failed several times in a row and "
                                            f"is paused (next try in about {wait} s)")
        today = self.today()
        sources = number_sources(request)
        try:
            text, runner = self._draft(request, sources, today)
        except ModelError as e:
            log.warning("model failed (%s): %s", e.kind, e)
            return self._fall_back(request, plain, _why(e))
        except Exception:  # a bug or an unexpected reply: the user still gets an answer
            log.exception("LLM writer failed")
            self.breaker.failure()
            return self._fall_back(request, plain, "the language model's reply could not be used")
        if text.strip().strip(".") == NOT_COVERED:
            return self._fall_back(request, plain, "the language model found no answer in the passages")
        calcs = _merge(request.calculations, runner.calculations)
        if request.embed != self._embed_of_cache:  # another embedding model: forget its vectors
            self._sentence_vectors, self._embed_of_cache = {}, request.embed
        started = time.perf_counter()
        verifier = Verifier(sources, request.embed, figures_in_calculations(calcs, today), today,
                            self.thresholds or load_thresholds(), self._sentence_vectors)
        claims = verifier.check(text)
        kept = sum(c.supported for c in claims)
        for c in claims:
            if not c.supported:
                log.info("removed sentence (%s): %s", c.reason, c.text)
        if kept == 0 or kept < len(claims) - kept:
            answer = self._fall_back(request, plain, f"{len(claims) - kept} of {len(claims)} sentences of the "
                                              "language model's answer could not be checked against "
                                              "the sources")
            return answer.model_copy(update={"verification": _record(claims, started, fell_back=True)})
        confidence = 1.0 if any(c.result is not None and not c.missing for c in calcs) else \
            min(1.0, max(0.0, (support - 0.2) / 0.5)) * kept / len(claims)
        answer = compose(claims, verifier, calcs, [h.chunk for h in request.hits], request.documents,
                         self.name, confidence)
        return answer.model_copy(update={"verification": _record(claims, started, fell_back=False)})

    def _draft(self, request: WriteRequest, sources: dict, today: date) -> tuple[str, ToolRunner]:
        """Let the model call calculators, then answer; returns its text and the tool runner."""
        context = Context(today=today, **({"pay_period_anchor": self.pay_period_anchor}
                                          if self.pay_period_anchor else {}))
        tools = calculator_tools(pick_tools(request, self._calculators()), context)
        runner = ToolRunner(tools_by_name(tools), " ".join([*request.history, request.question]),
                            today, sources)
        messages = answer_messages(request, sources)
        for _ in range(MAX_ROUNDS):
            reply = self._invoke_reply(messages, tools)
            if not reply.tool_calls and not reply.invalid_tool_calls:
                if not reply.text.strip():
                    raise ModelError("empty", "The language model sent an empty answer.")
                return reply.text, runner
            messages += [reply, *runner.run(reply)]
            if runner.refused >= MAX_REFUSED_CALLS:
                raise ModelError("tool_args", "The language model called a calculator with bad "
                                              "arguments.")
        raise ModelError("tool_loop", "The language model kept calling calculators without answering.")

    def _invoke(self, messages: list[BaseMessage]) -> str:
        return self._invoke_reply(messages, []).text

    def _invoke_reply(self, messages: list[BaseMessage], tools: list) -> AIMessage:
        runnable = self.model.bind_tools(tools) if tools else self.model
        try:
            reply = runnable.invoke(messages)
        except ModelError as e:
            if e.kind in SERVER_FAILURES:
                self.breaker.failure()
            raise
        self.breaker.success()
        if not isinstance(reply, AIMessage):
            raise ModelError("malformed", "The language model returned something other than a message.")
        return reply

    def _fall_back(self, request: WriteRequest, plain: Answer | None, why: str) -> Answer:
        answer = plain if plain is not None else self.fallback.write(request)
        note = f"This answer quotes the documents directly, because {why}."
        return answer.model_copy(update={
            "answer": f"*{note}*\n\n{answer.answer}", "notes": [*answer.notes, note],
            "writer": self.fallback.name})


def _record(claims: list[Claim], started: float, fell_back: bool) -> Verification:
    """What the verifier decided, for the Answer (and the evaluation report's before/after rates)."""
    return Verification(
        sentences=[CheckedSentence(text=c.text, kept=c.supported, reason="" if c.supported else c.reason)
                   for c in claims],
        removed=sum(not c.supported for c in claims), fell_back=fell_back,
        verify_ms=round((time.perf_counter() - started) * 1000, 1))


def _why(e: ModelError) -> str:
    return {
        "connect": "the language model server could not be reached",
        "timeout": "the language model did not answer in time",
        "stalled": "the language model stopped answering part way",
        "server": "the language model server reported an error",
        "http": "the language model server refused the request",
        "malformed": "the language model server sent a reply that could not be read",
        "tool_args": "the language model called a calculator with bad arguments",
        "tool_loop": "the language model kept calling calculators without answering",
        "empty": "the language model sent an empty answer",
    }.get(e.kind, "the language model could not answer")


def _merge(given: list, computed: list) -> list:
    seen = {(c.name, repr(c.inputs)) for c in given}
    out = list(given)
    for c in computed:
        if (c.name, repr(c.inputs)) not in seen:
            seen.add((c.name, repr(c.inputs)))
            out.append(c)
    return out


def _all_calculators() -> Sequence[Calculator]:
    from advisor.calculators.registry import all_calculators

    return all_calculators()


DEFAULT_URLS = {"openai": "http://127.0.0.1:8000/v1", "ollama": "http://127.0.0.1:11434"}


def make_chat_model(settings: Settings) -> BaseChatModel:
    """The chat model the settings name; a clear ``ModelConfigError`` when they cannot work."""
    from advisor.writers.llm_http import OllamaChat, OpenAIChat

    base = settings.llm_base_url or DEFAULT_URLS.get(settings.llm, "")
    match settings.llm:
        case "openai":
            # llama.cpp's server ignores the name; vLLM and hosted APIs need the served one.
            return OpenAIChat(base_url=base, model=settings.llm_model or "default",
                              api_key=settings.llm_api_key, timeout=settings.llm_timeout)
        case "ollama":
            if not settings.llm_model:
                raise ModelConfigError("ADVISOR_LLM=ollama needs ADVISOR_LLM_MODEL, e.g. llama3.1:8b "
                                       "(see `ollama list`).")
            return OllamaChat(base_url=base, model=settings.llm_model, timeout=settings.llm_timeout)
        case "llamacpp":
            from advisor.writers.llm_local import LlamaCppChat, load_llama

            return LlamaCppChat(llama=load_llama(settings.llm_model), timeout=settings.llm_timeout)
        case other:
            raise ModelConfigError(f"ADVISOR_LLM={other!r} is not a model writer; use one of "
                                   "openai, ollama, llamacpp (or none for the extractive writer).")


def make_llm_writer(settings: Settings) -> LLMWriter:
    """The writer for ``settings.llm``; builds the client only (nothing is contacted)."""
    return LLMWriter(settings.llm, make_chat_model(settings),
                     today=lambda: settings.today or date.today(),
                     pay_period_anchor=settings.pay_period_anchor)
