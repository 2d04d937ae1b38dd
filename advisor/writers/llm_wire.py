"""Translate between LangChain messages and the JSON of OpenAI-compatible and Ollama chat APIs.

Pure functions: request bodies from messages and tools, and an ``AIMessage`` from a whole
response or from the pieces of a stream (OpenAI server-sent events, Ollama JSON lines).
Arguments of a tool call that are not a JSON object become an ``invalid_tool_call``, so the
writer can tell the model (or give up) instead of crashing. Anything else malformed raises
``ModelError("malformed", ...)``. No network here.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.messages.utils import convert_to_openai_messages

from advisor.writers.llm_guard import ModelError


def openai_messages(messages: Sequence[BaseMessage]) -> list[dict[str, Any]]:
    out = convert_to_openai_messages(list(messages))
    return out if isinstance(out, list) else [out]


def ollama_messages(messages: Sequence[BaseMessage]) -> list[dict[str, Any]]:
    """Ollama's shape: tool-call arguments are objects, not JSON strings."""
    out: list[dict[str, Any]] = []
    for m in openai_messages(messages):
        m = dict(m)
        calls = m.pop("tool_calls", None)
        if calls:
            m["tool_calls"] = [{"function": {"name": c["function"]["name"],
                                             "arguments": _loads(c["function"]["arguments"])}}
                               for c in calls]
        m.pop("tool_call_id", None)
        if not isinstance(m.get("content"), str):
            m["content"] = json.dumps(m.get("content") or "")
        out.append(m)
    return out


def _loads(arguments: Any) -> Any:
    if isinstance(arguments, str):
        try:
            return json.loads(arguments)
        except json.JSONDecodeError:
            return {}
    return arguments


def ai_message(content: str, calls: Sequence[dict[str, Any]]) -> AIMessage:
    """An AIMessage from text and raw calls ``{"id", "name", "arguments": str | dict}``."""
    good: list[dict[str, Any]] = []
    bad: list[dict[str, Any]] = []
    for n, call in enumerate(calls):
        name = call.get("name") or ""
        call_id = call.get("id") or f"call_{n}"
        raw = call.get("arguments")
        args: Any = raw
        error = ""
        if isinstance(raw, str):
            try:
                args = json.loads(raw) if raw.strip() else {}
            except json.JSONDecodeError as e:
                error = f"arguments are not JSON ({e.msg})"
        if not error and not isinstance(args, dict):
            error = "arguments are not a JSON object"
        if error or not name:
            bad.append({"name": name, "args": raw if isinstance(raw, str) else json.dumps(raw),
                        "id": call_id, "error": error or "no tool name", "type": "invalid_tool_call"})
        else:
            good.append({"name": name, "args": args, "id": call_id, "type": "tool_call"})
    return AIMessage(content=content, tool_calls=good, invalid_tool_calls=bad)


def parse_openai_body(body: Any) -> AIMessage:
    """A whole (non-streamed) ``/v1/chat/completions`` response."""
    try:
        message = body["choices"][0]["message"]
        calls = [{"id": c.get("id"), "name": c["function"].get("name"),
                  "arguments": c["function"].get("arguments")}
                 for c in message.get("tool_calls") or []]
        return ai_message(message.get("content") or "", calls)
    except (KeyError, IndexError, TypeError, AttributeError) as e:
        raise ModelError("malformed", "The model server sent a response without a message.") from e


class OpenAIStream:
    """Accumulates ``data:`` events of a streamed ``/v1/chat/completions`` response."""

    def __init__(self) -> None:
        self.text: list[str] = []
        self.calls: dict[int, dict[str, Any]] = {}
        self.done = False

    def feed(self, line: str) -> None:
        line = line.strip()
        if not line or line.startswith(":") or not line.startswith("data:"):
            return
        data = line[5:].strip()
        if data == "[DONE]":
            self.done = True
            return
        event = _json(data)
        if "error" in event:
            raise ModelError("server", f"The model server reported an error: {event['error']}")
        for choice in event.get("choices") or []:
            delta = choice.get("delta") or choice.get("message") or {}
            if delta.get("content"):
                self.text.append(str(delta["content"]))
            for c in delta.get("tool_calls") or []:
                slot = self.calls.setdefault(int(c.get("index", len(self.calls))),
                                             {"id": None, "name": "", "arguments": ""})
                fn = c.get("function") or {}
                slot["id"] = c.get("id") or slot["id"]
                slot["name"] += fn.get("name") or ""
                args = fn.get("arguments")
                slot["arguments"] = (slot["arguments"] + args) if isinstance(args, str) else args
            if choice.get("finish_reason"):
                self.done = True

    def message(self) -> AIMessage:
        return ai_message("".join(self.text), [self.calls[i] for i in sorted(self.calls)])


class OllamaStream:
    """Accumulates the JSON lines of a streamed Ollama ``/api/chat`` response."""

    def __init__(self) -> None:
        self.text: list[str] = []
        self.calls: list[dict[str, Any]] = []
        self.done = False

    def feed(self, line: str) -> None:
        if not line.strip():
            return
        event = _json(line)
        if "error" in event:
            raise ModelError("server", f"Ollama reported an error: {event['error']}")
        message = event.get("message") or {}
        if message.get("content"):
            self.text.append(str(message["content"]))
        for c in message.get("tool_calls") or []:
            fn = c.get("function") or {}
            self.calls.append({"id": c.get("id"), "name": fn.get("name"),
                               "arguments": fn.get("arguments")})
        if event.get("done"):
            self.done = True

    def message(self) -> AIMessage:
        return ai_message("".join(self.text), self.calls)


def _json(data: str) -> dict[str, Any]:
    try:
        value = json.loads(data)
    except json.JSONDecodeError as e:
        raise ModelError("malformed", "The model server sent data that is not JSON.") from e
    if not isinstance(value, dict):
        raise ModelError("malformed", "The model server sent JSON that is not an object.")
    return value
