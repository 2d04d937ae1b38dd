"""Wire settings into a ready Advisor: open the index (building it when missing) and the writer.

The only place that decides which writer to use; an unknown choice names the valid ones.
"""

from __future__ import annotations

from collections.abc import Callable

from advisor.chain import Advisor
from advisor.config import Settings
from advisor.errors import IndexMissing
from advisor.index_store import build_index, open_index
from advisor.writers.base import Writer
from advisor.writers.extractive import ExtractiveWriter


def make_writer(settings: Settings) -> Writer:
    match settings.llm:
        case "none":
            return ExtractiveWriter()
        case "openai" | "ollama" | "llamacpp":
            from advisor.writers.llm import make_llm_writer  # optional, loaded only when chosen

            return make_llm_writer(settings)
        case other:
            raise ValueError(f"ADVISOR_LLM={other!r} is not a writer; use one of none, openai, ollama, llamacpp.")


def load_advisor(settings: Settings | None = None, *, build_if_missing: bool = True,
                 progress: Callable[[str], None] = lambda _m: None) -> Advisor:
    """An Advisor over the live index; builds the index first if there is none."""
    settings = settings or Settings()
    try:
        index = open_index(settings)
    except IndexMissing:
        if not build_if_missing:
            raise
        progress("No index yet: building it (about a minute, once).")
        build_index(settings, progress=progress)
        index = open_index(settings)
    return Advisor(settings, index, writer=make_writer(settings))
