"""A chat model run in this process from a GGUF file, through the optional ``llama-cpp-python``.

``llama-cpp-python`` is imported only when this writer is chosen (``ADVISOR_LLM=llamacpp``);
without it, building the model raises ``ModelConfigError`` naming ``pip install -e .[local]``.
The GGUF path is ``ADVISOR_LLM_MODEL``. A call runs in a worker thread so that it can time
out; the model is not re-entrant, so a call that finds it still busy fails at once rather
than queueing. It reuses the OpenAI response parsing (llama-cpp returns that shape).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel, LanguageModelInput
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from langchain_core.runnables import Runnable
from langchain_core.utils.function_calling import convert_to_openai_tool
from pydantic import PrivateAttr

from advisor.writers.llm_guard import ModelConfigError, ModelError
from advisor.writers.llm_http import MAX_TOKENS
from advisor.writers.llm_wire import openai_messages, parse_openai_body

INSTALL_HINT = "pip install -e .[local]"


def load_llama(model_path: str, n_ctx: int = 8192) -> Any:
    """The ``llama_cpp.Llama`` for ``model_path``; a clear error when it cannot be had."""
    try:
        from llama_cpp import Llama
    except ImportError as e:
        raise ModelConfigError(
            f"ADVISOR_LLM=llamacpp needs the optional package llama-cpp-python: run "
            f"`{INSTALL_HINT}` (it compiles llama.cpp, about 10 minutes), or choose "
            "ADVISOR_LLM=none, openai or ollama."
        ) from e
    if not model_path or not Path(model_path).is_file():
        raise ModelConfigError(
            f"ADVISOR_LLM=llamacpp needs ADVISOR_LLM_MODEL set to a GGUF file; {model_path!r} is not one."
        )
    try:
        return Llama(model_path=model_path, n_ctx=n_ctx, chat_format="chatml-function-calling",
                     verbose=False)
    except Exception as e:  # llama.cpp reports a bad file in many ways
        raise ModelConfigError(f"llama.cpp could not load {model_path}: {e}") from e


class LlamaCppChat(BaseChatModel):
    """``Llama.create_chat_completion`` behind LangChain's chat-model interface."""

    llama: Any
    timeout: float = 30.0
    temperature: float = 0.0
    _busy: threading.Lock = PrivateAttr(default_factory=threading.Lock)
    _pool: ThreadPoolExecutor = PrivateAttr(
        default_factory=lambda: ThreadPoolExecutor(1, thread_name_prefix="llamacpp"))

    @property
    def _llm_type(self) -> str:
        return "llamacpp"

    def bind_tools(self, tools: Sequence[Any], *, tool_choice: str | None = None,
                   **kwargs: Any) -> Runnable[LanguageModelInput, AIMessage]:
        return self.bind(tools=[convert_to_openai_tool(t) for t in tools], **kwargs)

    def _generate(self, messages: list[BaseMessage], stop: list[str] | None = None,
                  run_manager: CallbackManagerForLLMRun | None = None, **kwargs: Any) -> ChatResult:
        if not self._busy.acquire(blocking=False):
            raise ModelError("busy", "The local model is still busy with an earlier question.")
        args: dict[str, Any] = {"messages": openai_messages(messages), "temperature": self.temperature,
                                "max_tokens": MAX_TOKENS, "stop": stop or None}
        if kwargs.get("tools"):
            args["tools"] = kwargs["tools"]
        future = self._pool.submit(self._run, args)
        try:
            body = future.result(timeout=self.timeout)
        except FutureTimeout as e:
            # The worker keeps the lock until llama.cpp returns; later calls fail fast meanwhile.
            raise ModelError("timeout", f"The local model took longer than {self.timeout:g} s.") from e
        except ModelError:
            raise
        except Exception as e:
            raise ModelError("local", f"The local model failed: {e}") from e
        return ChatResult(generations=[ChatGeneration(message=parse_openai_body(body))])

    def _run(self, args: dict[str, Any]) -> Any:
        try:
            return self.llama.create_chat_completion(**args)
        finally:
            self._busy.release()
