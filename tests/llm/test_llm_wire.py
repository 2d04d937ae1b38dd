"""Requests and replies of OpenAI-compatible and Ollama servers translate to LangChain messages."""

from __future__ import annotations

import json

import pytest
from langchain_core.messages import AIMessage, HumanMessage, ToolMessage

from advisor.writers.llm_guard import ModelError
from advisor.writers.llm_http import chat_completions_url
from advisor.writers.llm_wire import OllamaStream, OpenAIStream, ollama_messages, parse_openai_body


def _event(delta: dict, finish: str | None = None) -> str:
    return "data: " + json.dumps({"choices": [{"index": 0, "delta": delta, "finish_reason": finish}]})


def test_streamed_tool_call_arguments_are_joined_across_pieces():
    stream = OpenAIStream()
    stream.feed(_event({"tool_calls": [{"index": 0, "id": "c1", "function": {"name": "epa_pay", "arguments": '{"gra'}}]}))
    stream.feed(_event({"tool_calls": [{"index": 0, "function": {"arguments": 'de": 13}'}}]}, "tool_calls"))
    stream.feed("data: [DONE]")
    message = stream.message()
    assert message.tool_calls[0]["name"] == "epa_pay"
    assert message.tool_calls[0]["args"] == {"grade": 13}


def test_tool_call_arguments_that_are_not_json_become_an_invalid_tool_call():
    body = {"choices": [{"message": {"content": "", "tool_calls": [
        {"id": "c1", "function": {"name": "epa_pay", "arguments": "{grade: thirteen"}}]}}]}
    message = parse_openai_body(body)
    assert not message.tool_calls
    assert message.invalid_tool_calls[0]["name"] == "epa_pay"


@pytest.mark.parametrize("line", ["data: {not json", 'data: {"error": {"message": "overloaded"}}'])
def test_a_bad_event_in_the_stream_is_a_model_error(line):
    with pytest.raises(ModelError):
        OpenAIStream().feed(line)


def test_a_response_without_choices_is_malformed():
    with pytest.raises(ModelError) as e:
        parse_openai_body({"id": "x"})
    assert e.value.kind == "malformed"


def test_ollama_lines_give_text_and_tool_calls_with_object_arguments():
    stream = OllamaStream()
    stream.feed(json.dumps({"message": {"content": "Hello "}, "done": False}))
    stream.feed(json.dumps({"message": {"content": "", "tool_calls": [
        {"function": {"name": "epa_pay", "arguments": {"grade": 13, "step": 5}}}]}, "done": False}))
    stream.feed(json.dumps({"message": {"content": "there"}, "done": True}))
    message = stream.message()
    assert message.text == "Hello there" and stream.done
    assert message.tool_calls[0]["args"] == {"grade": 13, "step": 5}


def test_ollama_messages_send_tool_call_arguments_as_objects():
    sent = ollama_messages([HumanMessage("q"),
                            AIMessage("", tool_calls=[{"name": "epa_pay", "args": {"grade": 13}, "id": "c1"}]),
                            ToolMessage('{"result": 1}', tool_call_id="c1")])
    assert sent[1]["tool_calls"][0]["function"]["arguments"] == {"grade": 13}
    assert sent[2]["role"] == "tool" and "tool_call_id" not in sent[2]


@pytest.mark.parametrize("base", ["http://h:8000", "http://h:8000/", "http://h:8000/v1",
                                  "http://h:8000/v1/chat/completions"])
def test_base_url_may_name_the_server_or_its_v1_root(base):
    assert chat_completions_url(base) == "http://h:8000/v1/chat/completions"
