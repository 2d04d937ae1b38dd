"""Fixtures for the LLM writer's tests: an Advisor over the session index with a given writer,
and settings that point a model writer at a fake server."""

from __future__ import annotations

from collections.abc import Callable

import pytest


@pytest.fixture
def advisor_with(advisor, settings) -> Callable:
    """``advisor_with(writer)``: an Advisor over the session's index that writes with ``writer``."""
    from advisor.chain import Advisor

    return lambda writer: Advisor(settings, advisor.index, writer=writer)


@pytest.fixture
def llm_settings(settings) -> Callable:
    """``llm_settings(url, llm="openai", timeout=2.0)``: the session settings aimed at a model server."""

    def make(url: str, llm: str = "openai", timeout: float = 2.0):
        return settings.model_copy(update={"llm": llm, "llm_base_url": url, "llm_model": "fake-model",
                                           "llm_timeout": timeout})

    return make
