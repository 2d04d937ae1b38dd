"""Settings read from ``ADVISOR_*`` environment variables (pydantic-settings).

Only reads the environment; it builds nothing. Factories elsewhere take a ``Settings``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent

LLMChoice = Literal["none", "openai", "ollama", "llamacpp"]


class Settings(BaseSettings):
    """Every knob of the advisor, with the default a newcomer gets."""

    model_config = SettingsConfigDict(env_prefix="ADVISOR_", extra="ignore")

    corpus_dir: Path = Field(default=PROJECT_ROOT / "corpus", description="Cleaned Markdown corpus.")
    index_dir: Path = Field(
        default=PROJECT_ROOT / "index" / "store", description="Where the built index lives (git-ignored)."
    )
    data_dir: Path = Field(
        default=PROJECT_ROOT / ".advisor-data", description="Feedback database and other state."
    )
    host: str = Field(default="127.0.0.1", description="Web server bind address.")
    port: int = Field(default=7860, ge=1, le=65535, description="Web server port.")
    auth: str = Field(default="", description="'user:password' pairs (comma-separated) or a file.")
    llm: LLMChoice = Field(default="none", description="Answer writer: none = extractive.")
    llm_base_url: str = Field(default="", description="OpenAI-compatible or Ollama base URL.")
    llm_model: str = Field(default="", description="Model name (or GGUF path for llamacpp).")
    llm_api_key: str = Field(default="", description="API key for the model server.")
    llm_timeout: float = Field(default=30.0, gt=0, description="Seconds before a model call fails.")
    chroma_url: str = Field(default="", description="Use a Chroma server at this URL instead.")
    pay_period_anchor: date = Field(
        default=date(2026, 1, 11),
        description="Start (a Sunday) of any pay period of the agency's biweekly cycle.",
    )
    log_questions: bool = Field(default=False, description="Log question text (off: privacy).")
    today: date | None = Field(
        default=None, description="Answer as of this date instead of the clock (tests, replay)."
    )
    max_question_chars: int = Field(
        default=4000, ge=1, le=100_000, description="Longest question accepted (characters)."
    )
    top_k: int = Field(default=8, ge=1, le=50, description="Chunks retrieved per question.")
