"""One setting picks the writer; a model writer is never required and fails clearly when misconfigured."""

from __future__ import annotations

import importlib.util

import pytest

from advisor.config import Settings
from advisor.factory import make_writer
from advisor.writers.llm_guard import ModelConfigError


def test_the_default_writer_is_extractive_and_needs_no_model():
    assert make_writer(Settings()).name == "extractive"


@pytest.mark.parametrize("llm", ["openai", "ollama"])
def test_a_model_writer_is_named_after_its_setting_and_contacts_nothing_when_built(llm, monkeypatch):
    import socket

    def refuse(*args: object) -> None:
        raise AssertionError("building a writer must not open a connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    writer = make_writer(Settings(llm=llm, llm_model="m", llm_base_url="http://127.0.0.1:9"))
    assert writer.name == llm and callable(writer.condense)


def test_an_unknown_writer_names_the_valid_ones():
    with pytest.raises(ValueError, match="none, openai, ollama, llamacpp"):
        make_writer(Settings().model_copy(update={"llm": "gpt5"}))


def test_ollama_without_a_model_name_says_which_setting_to_set():
    with pytest.raises(ModelConfigError, match="ADVISOR_LLM_MODEL"):
        make_writer(Settings(llm="ollama"))


@pytest.mark.skipif(importlib.util.find_spec("llama_cpp") is not None, reason="llama-cpp-python installed")
def test_llamacpp_without_the_optional_package_says_how_to_install_it():
    with pytest.raises(ModelConfigError, match=r"pip install -e \.\[local\]"):
        make_writer(Settings(llm="llamacpp", llm_model="/models/any.gguf"))
