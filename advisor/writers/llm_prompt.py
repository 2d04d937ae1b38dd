"""What the model is shown: numbered sources, calculator results, the rules it must follow.

Builds the messages for writing an answer and for rewriting a follow-up into a standalone
question, numbers the sources (retrieved chunks first, then calculator results), and picks
which calculators to offer as tools. Text only: it calls no model and judges no answer.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from langchain_core.messages import BaseMessage, HumanMessage, SystemMessage

from advisor.calculators.base import Calculator
from advisor.calculators_view import format_result
from advisor.claims import Source
from advisor.corpus import pin_cite
from advisor.keywords import tokenize
from advisor.models import Calculation
from advisor.writers.base import WriteRequest

MAX_SOURCES = 6
MAX_TOOLS = 6
NOT_COVERED = "NOT_COVERED"

SYSTEM = f"""You answer questions from U.S. federal civilian employees using ONLY the numbered \
sources below: passages of AR 690-13 (Civilian Intelligence Personnel Management System), the \
OPM IT Program Management Career Path Guide, and Army Career Program 34, plus calculator results.

Rules:
1. End every sentence with the number of the source it rests on, like [2]. Cite only a source \
that says what the sentence says.
2. State only what the sources state. Add no rule, exception, time limit, frequency or amount \
of your own.
3. Never work out a date, a deadline or a dollar amount yourself. Use a calculator result \
below, or call a calculator tool; state its result exactly and cite the number it gives.
4. If the question assumes something the sources contradict, say so plainly, citing the source.
5. If a calculator needs facts the user did not give, ask for them; do not guess them.
6. If the sources do not answer the question, reply with exactly {NOT_COVERED}.
7. Write 2 to 5 plain sentences: no headings, no lists, no bold."""

CONDENSE = """Rewrite the user's last message as one standalone question that can be understood \
without the conversation. Keep every date, grade, amount and name it relies on from the earlier \
messages. Do not answer it. Reply with the question only."""


def number_sources(request: WriteRequest) -> dict[int, Source]:
    """The best chunks as sources 1..k, then the given calculations."""
    sources: dict[int, Source] = {}
    for hit in request.hits[:MAX_SOURCES]:
        n = len(sources) + 1
        sources[n] = Source(n, hit.chunk.text, chunk=hit.chunk)
    for calc in request.calculations:
        add_calculation(sources, calc)
    return sources


def add_calculation(sources: dict[int, Source], calc: Calculation) -> Source:
    n = max(sources, default=0) + 1
    sources[n] = Source(n, calculation_text(calc), calculation=calc)
    return sources[n]


def calculation_text(calc: Calculation) -> str:
    """A calculation as a passage the answer may rest on: result, explanation, rule."""
    rule = pin_cite(calc.rule.source, calc.rule.section)
    if calc.missing or calc.details.get("error") or calc.result is None:
        head = f"Calculator {calc.name} could not compute a result. {calc.explanation}"
        if calc.missing:
            head += f" It needs: {'; '.join(calc.missing)}."
    else:
        shown = format_result(calc.result)
        iso = f" ({calc.result})" if isinstance(calc.result, str) and shown != calc.result else ""
        head = f"Calculator {calc.name} result: {shown}{iso}. {calc.explanation}"
    return f"{head}\nRule ({rule}): “{calc.rule.quote}”"


def _source_block(source: Source, documents: dict[str, dict]) -> str:
    if source.chunk is not None:
        chunk = source.chunk
        meta = documents.get(chunk.doc_id, {})
        status = " (historical document)" if meta.get("status") == "historical" else ""
        return f"[{source.number}] {chunk.pin_cite} — {chunk.title}{status}\n{chunk.text.strip()}"
    return f"[{source.number}] {source.text}"


def answer_messages(request: WriteRequest, sources: dict[int, Source]) -> list[BaseMessage]:
    blocks = "\n\n".join(_source_block(s, request.documents) for s in sources.values())
    question = request.question
    if request.query and request.query != request.question and request.history:
        question += f"\n(As a standalone question: {request.query})"
    return [SystemMessage(f"{SYSTEM}\n\nSources:\n\n{blocks}"), HumanMessage(question)]


def condense_messages(question: str, history: Sequence[str]) -> list[BaseMessage]:
    turns = "\n".join(f"User: {h}" for h in history[-4:])
    return [SystemMessage(CONDENSE),
            HumanMessage(f"Conversation so far:\n{turns}\n\nLast message: {question}")]


def tool_result(calc: Calculation, source: Source) -> str:
    """What a tool call returns to the model: the result, and the number to cite it by."""
    data: dict[str, Any] = {"result": calc.result, "explanation": calc.explanation,
                            "missing": calc.missing, "cite_as": f"[{source.number}]",
                            "rule": pin_cite(calc.rule.source, calc.rule.section)}
    if calc.result is not None and not calc.missing:
        data["say"] = format_result(calc.result)
    return json.dumps(data, default=str)


def pick_tools(request: WriteRequest, calculators: Sequence[Calculator]) -> list[Calculator]:
    """The calculators the intake matched (best first), then the best keyword matches."""
    intent = request.intent
    ranked = [*(intent.about if intent else []),
              *(n for n, _ in sorted((intent.scores if intent else {}).items(), key=lambda kv: -kv[1]))]
    by_name = {c.name: c for c in calculators}
    picked = {n: by_name[n] for n in dict.fromkeys(ranked) if n in by_name}
    given = {c.name for c in request.calculations}
    picked.update({c.name: c for c in calculators if c.name in given})
    words = {c.name: set(tokenize(f"{c.title} {c.rule.quote}")) for c in calculators}
    common = {t for t in set().union(*words.values())
              if sum(t in w for w in words.values()) > len(calculators) / 5}  # "cipms", "employee"
    terms = set(tokenize(request.query)) - common
    scored = sorted(((len(terms & words[c.name]), c) for c in calculators if c.name not in picked),
                    key=lambda sc: -sc[0])
    for score, calc in scored:
        if len(picked) >= MAX_TOOLS or score < 2:
            break
        picked[calc.name] = calc
    return list(picked.values())[:MAX_TOOLS]
