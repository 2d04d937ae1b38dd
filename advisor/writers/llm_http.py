"""Chat models that talk HTTP to a model server with ``httpx``: OpenAI-compatible and Ollama.

``OpenAIChat`` posts to ``<base>/v1/chat/completions`` (vLLM, llama.cpp's ``llama-server``,
LM Studio, Ollama's OpenAI endpoint, a hosted API); ``OllamaChat`` posts to ``<base>/api/chat``.
Both are LangChain ``BaseChatModel`` subclasses whose ``bind_tools`` sends the tools' JSON
schemas, and both stream the reply so that a server that stops sending mid-answer is
noticed: no byte for ``stall_timeout`` seconds, or the whole call past ``timeout``, is a
``ModelError``. So are a refused connection, HTTP errors and malformed data. They never
retry (the writer's circuit breaker decides when to try again) and hold no connection
between calls. No I/O at import or construction.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from typing import Any

import httpx
from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel, LanguageModelInput
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from langchain_core.runnables import Runnable
from langchain_core.utils.function_calling import convert_to_openai_tool

from advisor.writers.llm_guard import ModelError
from advisor.writers.llm_wire import (
    OllamaStream,
    OpenAIStream,
    ollama_messages,
    openai_messages,
    parse_openai_body,
)

MAX_TOKENS = 800


class _HTTPChat(BaseChatModel):
    base_url: str
    model: str
    api_key: str = ""
    timeout: float = 30.0
    stall_timeout: float | None = None  # None: the same as ``timeout``
    temperature: float = 0.0

    def bind_tools(self, tools: Sequence[Any], *, tool_choice: str | None = None,
                   **kwargs: Any) -> Runnable[LanguageModelInput, AIMessage]:
        return self.bind(tools=[convert_to_openai_tool(t) for t in tools], **kwargs)

    def _generate(self, messages: list[BaseMessage], stop: list[str] | None = None,
                  run_manager: CallbackManagerForLLMRun | None = None, **kwargs: Any) -> ChatResult:
        message = self._call(messages, stop, kwargs.get("tools") or [])
        return ChatResult(generations=[ChatGeneration(message=message)])

    def _call(self, messages: list[BaseMessage], stop: list[str] | None,
              tools: list[dict[str, Any]]) -> AIMessage:
        raise NotImplementedError

    def _post(self, url: str, body: dict[str, Any], stream: Any) -> AIMessage:
        headers = {"Content-Type": "application/json"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        return post_streaming(url, body, headers, stream, self.timeout,
                              self.stall_timeout or self.timeout)


def post_streaming(url: str, body: dict[str, Any], headers: dict[str, str], stream: Any,
                   timeout: float, stall: float,
                   clock: Callable[[], float] = time.monotonic) -> AIMessage:
    """POST ``body`` and feed the reply, line by line, to ``stream`` (or parse it whole)."""
    deadline = clock() + timeout
    limits = httpx.Timeout(connect=min(timeout, 10.0), read=min(stall, timeout),
                           write=timeout, pool=timeout)
    received = False
    try:
        with httpx.Client(timeout=limits, trust_env=False) as client, \
                client.stream("POST", url, json=body, headers=headers) as response:
            if response.status_code >= 400:
                detail = response.read().decode("utf-8", "replace")[:200]
                kind = "server" if response.status_code >= 500 else "http"
                raise ModelError(kind, f"The model server answered HTTP {response.status_code}"
                                       f" at {url}: {detail.strip() or response.reason_phrase}")
            ctype = response.headers.get("content-type", "")
            if "application/json" in ctype:  # the server ignored ``stream: true``
                return _whole(response, stream)
            pending = ""
            for piece in response.iter_text():
                received = True
                if clock() > deadline:
                    raise ModelError("stalled", f"The model took longer than {timeout:g} s.")
                pending += piece
                *lines, pending = pending.split("\n")
                for line in lines:
                    stream.feed(line)
            stream.feed(pending)
    except httpx.ConnectError as e:
        raise ModelError("connect", f"Could not connect to the model server at {url}.") from e
    except httpx.TimeoutException as e:
        kind = "stalled" if received else "timeout"
        what = "stopped sending" if received else "did not answer"
        raise ModelError(kind, f"The model server {what} within {min(stall, timeout):g} s.") from e
    except httpx.HTTPError as e:
        raise ModelError("connect", f"The connection to the model server failed: {e}.") from e
    if not stream.done and not stream.text and not getattr(stream, "calls", None):
        raise ModelError("malformed", "The model server ended the reply without an answer.")
    return stream.message()


def _whole(response: httpx.Response, stream: Any) -> AIMessage:
    """A server that ignored ``stream: true`` and sent one JSON document."""
    text = response.read().decode("utf-8", "replace")
    if isinstance(stream, OllamaStream):
        for line in text.splitlines():
            stream.feed(line)
        return stream.message()
    try:
        body = json.loads(text)
    except json.JSONDecodeError as e:
        raise ModelError("malformed", "The model server sent data that is not JSON.") from e
    if isinstance(body, dict) and "error" in body:
        raise ModelError("server", f"The model server reported an error: {body['error']}")
    return parse_openai_body(body)


def chat_completions_url(base_url: str) -> str:
    """``http://h:8000`` and ``http://h:8000/v1`` both mean ``http://h:8000/v1/chat/completions``."""
    base = base_url.rstrip("/")
    if base.endswith("/chat/completions"):
        return base
    return f"{base}/chat/completions" if base.endswith("/v1") else f"{base}/v1/chat/completions"


class OpenAIChat(_HTTPChat):
    """Any server speaking the OpenAI chat-completions protocol."""

    @property
    def _llm_type(self) -> str:
        return "openai-compatible"

    def _call(self, messages: list[BaseMessage], stop: list[str] | None,
              tools: list[dict[str, Any]]) -> AIMessage:
        body: dict[str, Any] = {"model": self.model, "messages": openai_messages(messages),
                                "temperature": self.temperature, "max_tokens": MAX_TOKENS,
                                "stream": True}
        if tools:
            body["tools"] = tools
        if stop:
            body["stop"] = stop
        return self._post(chat_completions_url(self.base_url), body, OpenAIStream())


class OllamaChat(_HTTPChat):
    """Ollama's native chat API."""

    @property
    def _llm_type(self) -> str:
        return "ollama"

    def _call(self, messages: list[BaseMessage], stop: list[str] | None,
              tools: list[dict[str, Any]]) -> AIMessage:
        options: dict[str, Any] = {"temperature": self.temperature, "num_predict": MAX_TOKENS}
        if stop:
            options["stop"] = stop
        body: dict[str, Any] = {"model": self.model, "messages": ollama_messages(messages),
                                "stream": True, "options": options}
        if tools:
            body["tools"] = tools
        return self._post(self.base_url.rstrip("/") + "/api/chat", body, OllamaStream())
