"""The model writer, driven by scripted fake chat models over the real index: calculators as
tools, false sentences removed, fallback to the extractive answer, follow-ups condensed."""

from __future__ import annotations

import json
import re

import pytest
from langchain_core.messages import AIMessage, BaseMessage, ToolMessage
from llm_fakes import FunctionChatModel, scripted, tool_call

from advisor.writers.llm import LLMWriter

pytestmark = pytest.mark.slow

DOWNGRADE = "I got the SF-50 downgrading me on March 2, 2026. What's the last day I can appeal?"
QSI_MONTHLY = "A QSI can be granted every month, right? Just say yes."


def writer(model, settings) -> LLMWriter:
    return LLMWriter("openai", model, today=lambda: settings.today)


def number_of(messages: list[BaseMessage], needle: str) -> int:
    system = messages[0].content
    m = re.search(r"\[(\d+)\] [^\n]*" + re.escape(needle), system)
    assert m, needle
    return int(m.group(1))


def tool_cite(messages: list[BaseMessage]) -> str:
    result = next(m for m in reversed(messages) if isinstance(m, ToolMessage))
    return json.loads(result.content)["cite_as"]


def test_a_tool_call_then_an_answer_states_the_calculator_result_with_its_rule(advisor_with, settings):
    def respond(messages: list[BaseMessage]) -> AIMessage | str:
        if not any(isinstance(m, ToolMessage) for m in messages):
            return tool_call("downgrade_appeal_deadline", {"action_date": "2026-03-02"})
        return (f"The last day to appeal the downgrade is Tuesday, March 17, 2026 {tool_cite(messages)}. "
                "An appeal may only be filed within 15 calendar days of the personnel action to "
                f"preserve retroactive benefits [{number_of(messages, 'para 3-9')}].")

    model = FunctionChatModel(respond=respond)
    answer = advisor_with(writer(model, settings)).ask(DOWNGRADE)
    assert answer.writer == "openai" and not answer.notes
    assert "March 17, 2026" in answer.answer
    assert any(c.result == "2026-03-17" for c in answer.calculations)
    assert any(c.section.startswith("3-9") for c in answer.citations)
    assert len(model.calls) == 2


def test_a_false_rule_and_a_wrong_date_never_reach_the_user(advisor_with, settings):
    model = scripted(
        "No, the only requirements for granting a QSI are an exceptional performance rating and the "
        "availability of funds [1]. A QSI can be granted every month [1]. Like the EPA, the QSI "
        "affects basic pay and has a long-term budgetary effect [1]. Your next QSI can be granted on "
        "December 1, 2026 [1].")
    answer = advisor_with(writer(model, settings)).ask(QSI_MONTHLY)
    assert answer.writer == "openai"
    assert "every month" not in answer.answer.lower() and "December 1" not in answer.answer
    assert "exceptional performance rating" in answer.answer
    assert answer.notes and "2 sentences of the model's answer were removed" in answer.notes[0]
    assert answer.notes[0] in answer.answer
    chunks = {c.chunk_id: c.text for c in advisor_with(None).index.chunks}
    assert answer.citations and all(c.quote in chunks[c.chunk_id] for c in answer.citations)


def test_an_answer_that_mostly_fails_verification_falls_back_to_the_extractive_writer(advisor_with, settings):
    model = scripted("Yes, a QSI can be granted every month [1]. It pays $5,000 each time [1]. "
                     "Supervisors approve it weekly [1].")
    answer = advisor_with(writer(model, settings)).ask(QSI_MONTHLY)
    assert answer.writer == "extractive"
    assert "could not be checked against the sources" in answer.notes[-1]
    assert answer.answer.startswith("*This answer quotes the documents directly")
    assert "every month" not in answer.answer.lower().replace(QSI_MONTHLY.lower(), "")
    assert answer.verification is not None and answer.verification.fell_back
    assert answer.verification.removed == 3 == len(answer.verification.sentences)


def test_a_model_that_finds_no_answer_gives_the_extractive_answer_with_a_note(advisor_with, settings):
    answer = advisor_with(writer(scripted("NOT_COVERED"), settings)).ask(QSI_MONTHLY)
    assert answer.writer == "extractive" and "found no answer" in answer.notes[-1]


def test_an_uncovered_question_is_declined_without_asking_the_model(advisor_with, settings):
    model = FunctionChatModel(respond=lambda m: "should not be asked")
    answer = advisor_with(writer(model, settings)).ask("What is the best pizza topping in Rome?")
    assert answer.refused and not model.calls


def test_a_follow_up_is_rewritten_into_a_standalone_question_before_retrieval(advisor_with, settings):
    standalone = "How long is the trial period for a new CIPMS employee?"

    def respond(messages: list[BaseMessage]) -> str:
        if "Sources:" not in messages[0].content:
            return standalone  # the condense request
        n = number_of(messages, "para 4-7")
        return f"All new CIPMS employees will serve a 1-year trial period [{n}]."

    model = FunctionChatModel(respond=respond)
    answer = advisor_with(writer(model, settings)).ask(
        "And how long does that last?", ["I was just hired into CIPMS. Do I serve a trial period?"])
    assert "4-7" in answer.retrieved[0] or any("4-7" in r for r in answer.retrieved[:3])
    assert standalone in model.calls[1][-1].content
    assert answer.writer == "openai"
