"""The real HTTP client path against a fake OpenAI-compatible (and Ollama) server on 127.0.0.1:
tool calls, verification of what the server says, every failure ending in the extractive
answer with a note, the circuit breaker, follow-ups and a batch evaluation run."""

from __future__ import annotations

import json
import re

import pytest

from advisor.writers.llm import LLMWriter, make_chat_model, make_llm_writer
from advisor.writers.llm_guard import CircuitBreaker
from evals.llm.fake_server import FakeModelServer, Step, is_condense
from evals.llm.scenarios import (
    DOWNGRADE,
    FAILURES,
    QSI_MONTHLY,
    REFUSED,
    condensed_follow_up,
    false_rule_and_wrong_date,
    qsi_answer,
    run,
    tool_then_answer,
)

pytestmark = pytest.mark.slow


def test_a_tool_call_and_an_answer_go_through_the_openai_protocol(advisor_with, llm_settings):
    with FakeModelServer(tool_then_answer) as server:
        answer = advisor_with(make_llm_writer(llm_settings(server.url))).ask(DOWNGRADE)
    assert answer.writer == "openai" and not answer.notes
    assert "March 17, 2026" in answer.answer
    first, second = server.requests
    assert server.paths == ["/v1/chat/completions"] * 2
    assert first["stream"] is True and first["model"] == "fake-model"
    assert "downgrade_appeal_deadline" in [t["function"]["name"] for t in first["tools"]]
    assert second["messages"][-1]["role"] == "tool"


def test_a_false_rule_and_a_wrong_date_from_the_server_never_reach_the_user(advisor_with, llm_settings):
    with FakeModelServer(false_rule_and_wrong_date) as server:
        answer = advisor_with(make_llm_writer(llm_settings(server.url))).ask(QSI_MONTHLY)
    text = answer.answer.lower()
    assert answer.writer == "openai"
    assert "every month" not in text and "march 3" not in text and not re.match(r"\s*yes\b", text)
    assert "exceptional performance rating" in text
    assert "2 sentences of the model's answer were removed" in answer.notes[0]
    checked = answer.verification  # the record the evaluation report's before/after rates come from
    assert checked is not None and checked.removed == 2 and not checked.fell_back and checked.verify_ms > 0
    assert [s.kept for s in checked.sentences] == [False, True, True, False]
    assert "every month" in checked.sentences[0].text and checked.sentences[0].reason


@pytest.mark.parametrize("scenario", FAILURES, ids=[f.name for f in FAILURES])
def test_a_failing_server_gives_the_extractive_answer_with_a_short_note(advisor_with, llm_settings, scenario):
    answer = run(scenario, lambda url: advisor_with(make_llm_writer(llm_settings(url, timeout=1.0))).ask)
    assert answer.writer == "extractive"
    assert scenario.note in answer.notes[-1] and answer.answer.startswith("*This answer quotes the documents")
    assert "March 17, 2026" in answer.answer  # the calculator's result is still there
    assert "Traceback" not in answer.answer


def test_a_refused_connection_gives_the_extractive_answer_with_a_short_note(advisor_with, llm_settings):
    answer = run(REFUSED, lambda url: advisor_with(make_llm_writer(llm_settings(url))).ask)  # nothing listens
    assert answer.writer == "extractive" and REFUSED.note in answer.notes[-1]


def test_the_circuit_breaker_stops_calling_a_dead_server_for_a_minute(advisor_with, llm_settings):
    now = [0.0]
    with FakeModelServer(lambda body: Step(status=500)) as server:
        settings = llm_settings(server.url)
        writer = LLMWriter("openai", make_chat_model(settings), today=lambda: settings.today,
                           breaker=CircuitBreaker(3, 60.0, clock=lambda: now[0]))
        ask = advisor_with(writer).ask
        for _ in range(3):
            assert ask(QSI_MONTHLY).writer == "extractive"
        assert len(server.requests) == 3
        paused = ask(QSI_MONTHLY)
        assert len(server.requests) == 3 and "paused" in paused.notes[-1]
        now[0] += 60
        server.script = qsi_answer
        assert ask(QSI_MONTHLY).writer == "openai"
        assert len(server.requests) == 4


def test_ollama_is_spoken_to_through_its_own_chat_api(advisor_with, llm_settings):
    with FakeModelServer(qsi_answer) as server:
        answer = advisor_with(make_llm_writer(llm_settings(server.url, llm="ollama"))).ask(QSI_MONTHLY)
    assert server.paths == ["/api/chat"]
    assert server.requests[0]["options"]["temperature"] == 0
    assert answer.writer == "ollama" and "exceptional performance rating" in answer.answer


def test_a_follow_up_is_condensed_by_the_server_before_retrieval(advisor_with, llm_settings):
    with FakeModelServer(condensed_follow_up) as server:
        answer = advisor_with(make_llm_writer(llm_settings(server.url))).ask(
            "And can it be every month?", ["What is a QSI under CIPMS?"])
    assert is_condense(server.requests[0]) and "What is a QSI" in server.requests[0]["messages"][1]["content"]
    assert answer.retrieved[0] == "AR 690-13 para 8-11"
    assert answer.writer == "openai"


def test_eval_run_works_with_the_openai_writer_against_a_configured_server(llm_settings, tmp_path):
    from advisor.batch import run_batch

    dataset = tmp_path / "cases.jsonl"
    dataset.write_text(json.dumps({"id": "qsi", "turns": [QSI_MONTHLY]}) + "\n", encoding="utf-8")
    out = tmp_path / "answers.jsonl"
    with FakeModelServer(qsi_answer) as server:
        stats = run_batch(dataset, out, llm_settings(server.url, llm="none"), writer="openai")
    row = json.loads(out.read_text(encoding="utf-8"))
    assert stats["crashed"] == 0 and row["writer"] == "openai" and row["citations"]
    assert row["verification"]["sentences"] and all(s["kept"] for s in row["verification"]["sentences"])


def test_the_scenario_demo_prints_what_the_user_saw_in_each_scenario(settings, advisor, capsys):
    from evals.llm.scenarios import SCENARIOS, main

    assert main(["--index-dir", str(settings.index_dir)]) == 0
    out = capsys.readouterr().out
    assert all(f"==== {s.name}\n" in out for s in SCENARIOS) and "==== connection refused" in out
    assert "Traceback" not in out and "March 3, 2026" not in out
